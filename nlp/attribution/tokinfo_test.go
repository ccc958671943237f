package attribution

import (
	"testing"

	"dossier/lexicon"
)

// TestInfoFilter checks that the filter in front of the info table lets
// every form of the table through (a form it turned away would lose its
// cue or class), and turns most other words away.
func TestInfoFilter(t *testing.T) {
	c := New(lexicon.Default())
	pass := func(w string) bool {
		b := filterBit([]byte(w))
		return c.info.filter[b/64]&(1<<(b%64)) != 0
	}
	for w := range c.info.index {
		if w != "" && !pass(w) {
			t.Errorf("filter turns away %q, a form of the table", w)
		}
	}
	others := []string{"zebra", "photosynthesis", "quarterly", "xylophone", "marmalade", "bicycle",
		"volcano", "sandwich", "umbrella", "glacier", "harpsichord", "trampoline"}
	through := 0
	for _, w := range others {
		if _, in := c.info.index[w]; !in && pass(w) {
			through++
		}
	}
	if through > len(others)/2 {
		t.Errorf("filter lets %d of %d words outside the table through", through, len(others))
	}
}
