package tokenize

import (
	"context"
	"strings"
	"testing"

	"dossier/nlp"
)

func TestForms(t *testing.T) {
	tests := []struct {
		name string
		give string
		want []int // Forms, when the case pins it down

	}{
		{"repeats", "the cat and the dog and the cat", []int{0, 1, 2, 0, 4, 2, 0, 1}},
		{"case matters", "The the THE the", []int{0, 1, 2, 1}},
		{"punctuation", "a, b, a.", []int{0, 1, 2, 1, 0, 5}},
		{"straight quote kinds", `He said "yes" and the players' "no"`, nil},
		{"empty", "", []int{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := nlp.NewDoc(docArticle(tt.give))
			if err := New().Process(context.Background(), d); err != nil {
				t.Fatal(err)
			}
			if len(d.Forms) != len(d.Tokens) {
				t.Fatalf("len(Forms) = %d, want %d", len(d.Forms), len(d.Tokens))
			}
			for i, f := range d.Forms {
				// The invariant: the first token of the same kind and text.
				want := i
				for j := 0; j < i; j++ {
					if d.Tokens[j].Kind == d.Tokens[i].Kind && d.TokenText(j) == d.TokenText(i) {
						want = j
						break
					}
				}
				if int(f) != want {
					t.Errorf("Forms[%d] (%q) = %d, want %d", i, d.TokenText(i), f, want)
				}
				if d.FormOf(i) != want {
					t.Errorf("FormOf(%d) = %d, want %d", i, d.FormOf(i), want)
				}
			}
			if tt.want != nil {
				got := make([]int, len(d.Forms))
				for i, f := range d.Forms {
					got[i] = int(f)
				}
				if len(got) != len(tt.want) {
					t.Fatalf("Forms = %v, want %v", got, tt.want)
				}
				for i := range got {
					if got[i] != tt.want[i] {
						t.Fatalf("Forms = %v, want %v", got, tt.want)
					}
				}
			}
		})
	}
}

// TestFormsReuse checks that Forms gives the same answer with a table left
// from a longer text, and that FormOf falls back to the token itself when
// Forms does not describe the tokens.
func TestFormsReuse(t *testing.T) {
	long := strings.Repeat("alpha beta gamma delta ", 200)
	toks := Tokens(long, nil)
	_, table := Forms(long, toks, nil, nil)
	short := "beta alpha beta"
	stoks := Tokens(short, nil)
	got, _ := Forms(short, stoks, nil, table)
	want := []int32{0, 1, 0}
	if len(got) != len(want) {
		t.Fatalf("Forms = %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("Forms = %v, want %v", got, want)
		}
	}
	d := &nlp.Doc{Text: short, Tokens: stoks}
	for i := range stoks {
		if d.FormOf(i) != i {
			t.Errorf("FormOf(%d) without Forms = %d, want %d", i, d.FormOf(i), i)
		}
	}
}

func BenchmarkForms(b *testing.B) {
	text := strings.Repeat("The minister said the talks, which began on Monday, would go on. ", 100)
	toks := Tokens(text, nil)
	var dst, table []int32
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		dst, table = Forms(text, toks, dst[:0], table)
	}
}
