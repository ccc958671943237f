package attribution

import (
	"testing"

	"dossier/lexicon"
)

// TestInfoFilter checks that the filter in front of the info table lets
// every form of the table through (a form it turned away would lose its
// cue or class), and turns most other words away, and that the packed
// table of short forms agrees with the map.
func TestInfoFilter(t *testing.T) {
	c := New(lexicon.Default())
	pass := c.info.filter.HasString
	for w, want := range c.info.index {
		if !pass(w) {
			t.Errorf("filter turns away %q, a form of the table", w)
		}
		if k, ok := lexicon.PackWord(w); ok {
			if got, found := c.info.short.Get(k); !found || got != want {
				t.Errorf("short form %q = %d, %v, want %d", w, got, found, want)
			}
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
