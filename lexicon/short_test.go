package lexicon

import (
	"strings"
	"testing"
)

func TestShortWords(t *testing.T) {
	m := map[string]int{}
	for i, w := range strings.Fields("a an the of to in said says told week weekend monday tuesday yesterday x Mr. U.S. n't 's") {
		m[w] = i + 1
	}
	m["ab\x00"] = 99 // holds a zero byte: left out
	tb := NewShortWords(m)
	for w, want := range m {
		k, ok := PackWord(w)
		got, found := tb.Get(k)
		switch {
		case !ok:
			if found {
				t.Errorf("Get(%q) found a word that does not fit", w)
			}
		case !found || got != want:
			t.Errorf("Get(%q) = %d, %v, want %d", w, got, found, want)
		}
	}
	for _, w := range []string{"b", "weeke", "mondays", "The", "tuesdayy", "ab", "zz"} {
		k, ok := PackWord(w)
		if !ok {
			continue
		}
		if got, found := tb.Get(k); found {
			t.Errorf("Get(%q) = %d, found a word not in the table", w, got)
		}
	}
	if _, ok := PackWord(""); ok {
		t.Errorf("PackWord(\"\") fits")
	}
	if _, ok := PackWord("abcdefghi"); ok {
		t.Errorf("PackWord of 9 bytes fits")
	}
	if _, ok := PackWord("week\x00"); ok {
		t.Errorf("PackWord of a word with a zero byte fits")
	}
	// PackByte builds the same key as PackWord.
	var k uint64
	for i := range len("weekend") {
		k = PackByte(k, i, "weekend"[i])
	}
	if want, _ := PackWord("weekend"); k != want {
		t.Errorf("PackByte key %x, PackWord %x", k, want)
	}
	empty := NewShortWords(map[string]bool{})
	if _, found := empty.Get(1); found {
		t.Errorf("empty table found a word")
	}
}

func FuzzShortWords(f *testing.F) {
	words := strings.Fields("a an the of to in said says told week weekend monday")
	m := map[string]bool{}
	for _, w := range words {
		m[w] = true
	}
	tb := NewShortWords(m)
	for _, w := range append(words, "", "x", "abcdefgh", "weekends", "week\x00") {
		f.Add(w)
	}
	f.Fuzz(func(t *testing.T, w string) {
		k, ok := PackWord(w)
		if !ok {
			return
		}
		_, found := tb.Get(k)
		if found != m[w] {
			t.Errorf("Get(%q) found = %v, want %v", w, found, m[w])
		}
	})
}
