package htmltext

import (
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/net/html"
)

func TestFragment(t *testing.T) {
	tests := []struct {
		give, want string
	}{
		{"", ""},
		{"Plain   text\n\nsecond  para", "Plain text\n\nsecond para"},
		{"<p>One <b>bold</b> word.</p><p>Two</p>", "One bold word.\n\nTwo"},
		{"Line<br>break", "Line\nbreak"},
		{"<p>a &amp; b</p><script>x()</script>", "a & b"},
		{"<ul><li>first</li><li>second</li></ul>", "first\n\nsecond"},
		{"caf\xe9", "caf\uFFFD"},
	}
	for _, tt := range tests {
		if got := Fragment(tt.give); got != tt.want {
			t.Errorf("Fragment(%q) = %q, want %q", tt.give, got, tt.want)
		}
	}
}

func TestNodeTEINames(t *testing.T) {
	doc, err := html.Parse(strings.NewReader("<body><head>Title</head><p>Body text</p><quote>Said so</quote></body>"))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := Node(doc), "Title\n\nBody text\n\nSaid so"; got != want {
		t.Errorf("Node = %q, want %q", got, want)
	}
}

func FuzzFragment(f *testing.F) {
	for _, s := range []string{"<p>a</p>", "x<br>y", "&amp;", "\xff<b>", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Fragment(s)
		if !utf8.ValidString(got) {
			t.Errorf("Fragment(%q) = %q: invalid UTF-8", s, got)
		}
		if got != strings.TrimSpace(got) {
			t.Errorf("Fragment(%q) = %q: white space at an end", s, got)
		}
	})
}
