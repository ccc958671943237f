package ner

import (
	"testing"
	"unicode"
	"unicode/utf8"
)

// shapeRef is shapeFlags written rune by rune with the unicode package,
// the reference the table-driven version must agree with.
func shapeRef(w string) uflag {
	var f uflag
	if w == "" {
		return 0
	}
	r, _ := utf8.DecodeRuneInString(w)
	switch {
	case unicode.IsUpper(r):
		f |= uCap
	case unicode.IsLower(r):
		f |= uLower
		if len(w) > 3 && (w[:3] == "al-" || w[:3] == "el-") && w[3] >= 'A' && w[3] <= 'Z' {
			f = f&^uLower | uCap
		}
	}
	letters, upper := 0, 0
	for _, r := range w {
		switch {
		case r >= '0' && r <= '9':
			f |= uDigit
		case r == '-':
			f |= uHyphen
		case unicode.IsLetter(r):
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		}
	}
	if letters >= 2 && upper == letters {
		f |= uAllCaps
	}
	if letters == 1 && f&uCap != 0 && (len(w) == 1 || len(w) == 2 && w[1] == '.') {
		f |= uInitial
	}
	return f
}

func FuzzShapeFlags(f *testing.F) {
	for _, s := range []string{"", "Moscow", "NATO", "al-Assad", "el-Sisi", "J.", "U.S.", "F-35", "Ürümqi",
		"ÉLYSÉE", "i", "3D", "x", "\xff", "Zoë", "ΑΘΗΝΑ", "D-N.Y.", "co-op"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, w string) {
		if got, want := shapeFlags(w), shapeRef(w); got != want {
			t.Errorf("shapeFlags(%q) = %b, want %b", w, got, want)
		}
	})
}
