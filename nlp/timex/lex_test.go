package timex

import (
	"testing"

	"dossier/lexicon"
)

// TestWordFilter checks that the filter in front of the time words lets
// every time word through, and turns some other words away.
func TestWordFilter(t *testing.T) {
	pass := wordFilter().HasString
	for w := range words() {
		if !pass(w) {
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

// TestShortWords checks the packed table against the map it is made from.
func TestShortWords(t *testing.T) {
	s := short()
	for w, want := range words() {
		k, ok := lexicon.PackWord(w)
		if !ok {
			continue
		}
		if got, _ := s.Get(k); got != want {
			t.Errorf("short word %q = %v, want %v", w, got, want)
		}
	}
}
