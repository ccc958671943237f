package textpos

import "testing"

func TestSpanText(t *testing.T) {
	src := "Trump said"
	tests := []struct {
		give Span
		want string
	}{
		{Span{0, 5}, "Trump"},
		{Span{6, 10}, "said"},
		{Span{6, 11}, ""}, // past the end: invalid
		{Span{3, 2}, ""},  // reversed: invalid
		{Span{}, ""},
	}
	for _, tt := range tests {
		if got := tt.give.Text(src); got != tt.want {
			t.Errorf("%v.Text(%q) = %q, want %q", tt.give, src, got, tt.want)
		}
	}
}

func TestSpanTrim(t *testing.T) {
	src := ` "Hello, world." `
	got := Span{0, len(src)}.Trim(src, `".`)
	if want := "Hello, world"; got.Text(src) != want {
		t.Errorf("Trim = %q, want %q", got.Text(src), want)
	}
}

func TestRuneByteOffsets(t *testing.T) {
	src := "a€b"
	r := RuneOffsets(src)
	if r[0] != 0 || r[1] != 1 || r[4] != 2 || r[5] != 3 {
		t.Errorf("RuneOffsets(%q) = %v", src, r)
	}
	b := ByteOffsets(src)
	if want := []int{0, 1, 4, 5}; len(b) != len(want) || b[2] != 4 || b[3] != 5 {
		t.Errorf("ByteOffsets(%q) = %v, want %v", src, b, want)
	}
}
