package timex

import "testing"

// TestWordFilter checks that the filter in front of the time words lets
// every time word through, and turns some other words away.
func TestWordFilter(t *testing.T) {
	f := wordFilter()
	pass := func(w string) bool {
		b := filterBit([]byte(w))
		return f[b/64]&(1<<(b%64)) != 0
	}
	for w := range words() {
		if w != "" && !pass(w) {
			t.Errorf("filter turns away %q, a time word", w)
		}
	}
	others := []string{"zebra", "photosynthesis", "xylophone", "marmalade", "bicycle", "volcano",
		"sandwich", "umbrella", "glacier", "harpsichord", "trampoline", "quixotic"}
	through := 0
	for _, w := range others {
		if _, in := words()[w]; !in && pass(w) {
			through++
		}
	}
	if through > len(others)/2 {
		t.Errorf("filter lets %d of %d other words through", through, len(others))
	}
}
