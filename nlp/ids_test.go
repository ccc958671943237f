package nlp

import "testing"

func TestIDs(t *testing.T) {
	ids := NewIDs("c", 2)
	for _, tt := range []struct {
		give int
		want string
	}{{0, "c1"}, {1, "c2"}, {2, "c3"}, {99, "c100"}} {
		if got := ids.At(tt.give); got != tt.want {
			t.Errorf("At(%d) = %q, want %q", tt.give, got, tt.want)
		}
	}
}
