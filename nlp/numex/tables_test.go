package numex

import "testing"

// TestWordFilter checks that the filter in front of the word table lets
// every word of the table through.
func TestWordFilter(t *testing.T) {
	tab := sharedTables()
	for w, want := range tab.words {
		if len(w) > 24 || w == "" {
			continue // lookupWord never asks for these
		}
		if got, ok := tab.lookupWord(w); !ok || got != want {
			t.Errorf("lookupWord(%q) = %v, %v, want %v", w, got, ok, want)
		}
	}
	if _, ok := tab.lookupWord("zxqv"); ok {
		t.Errorf("lookupWord(%q) found a word outside the table", "zxqv")
	}
}
