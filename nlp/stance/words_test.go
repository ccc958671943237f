package stance

import "testing"

// TestWordFilters checks that the filters in front of the word tables let
// every word of the tables through.
func TestWordFilters(t *testing.T) {
	tb := newTables()
	for w, want := range tb.flags {
		if got := tb.wordFlags([]byte(w)); got != want {
			t.Errorf("wordFlags(%q) = %v, want %v", w, got, want)
		}
	}
	for w, want := range tb.syn {
		if got, ok := tb.synonym([]byte(w)); !ok || got != want {
			t.Errorf("synonym(%q) = %v, %v, want %v", w, got, ok, want)
		}
	}
	if got := tb.wordFlags([]byte("zxqv")); got != 0 {
		t.Errorf("wordFlags(%q) = %v, want 0", "zxqv", got)
	}
	if _, ok := tb.synonym(nil); ok {
		t.Errorf("synonym of an empty word found")
	}
}
