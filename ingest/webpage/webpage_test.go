package webpage

import (
	"errors"
	"os"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"dossier/textpos"
)

func readFixture(tb testing.TB, name string) []byte {
	tb.Helper()
	data, err := os.ReadFile("testdata/" + name)
	if err != nil {
		tb.Fatal(err)
	}
	return data
}

func TestExtract(t *testing.T) {
	p, err := Extract("article.html", readFixture(t, "article.html"), Options{})
	if err != nil {
		t.Fatalf("Extract(article.html) error: %v", err)
	}
	tests := []struct {
		give string
		got  string
		want string
	}{
		{give: "title", got: p.Article.Title, want: "Harbour council approves flood barrier after decade of delays"},
		{give: "source", got: p.Article.Source, want: "The Coastal Ledger"},
		{give: "url", got: p.Article.URL, want: "https://ledger.example.com/news/2025/11/04/flood-barrier"},
		{give: "date", got: p.Article.Date.Format(time.DateOnly), want: "2025-11-04"},
		{give: "language", got: p.Language, want: "en"},
	}
	for _, tt := range tests {
		t.Run(tt.give, func(t *testing.T) {
			if tt.got != tt.want {
				t.Errorf("Extract(article.html) %s = %q, want %q", tt.give, tt.got, tt.want)
			}
		})
	}
	for _, want := range []string{
		"The harbour council voted on Monday night",
		"£48 million scheme by 31 votes to 9",
		"“We have waited long enough,” said Councillor Ruth Okafor",
		"protect four thousand households.”",
		"previous schemes had been approved and then abandoned",
	} {
		if !strings.Contains(p.Article.Text, want) {
			t.Errorf("Extract(article.html).Text lacks %q; text:\n%s", want, p.Article.Text)
		}
	}
	for _, boiler := range []string{"cookies", "Most read", "All rights reserved", "Ferry timetable"} {
		if strings.Contains(p.Article.Text, boiler) {
			t.Errorf("Extract(article.html).Text holds boilerplate %q", boiler)
		}
	}
}

func TestExtractMap(t *testing.T) {
	p, err := Extract("article.html", readFixture(t, "article.html"), Options{})
	if err != nil {
		t.Fatalf("Extract(article.html) error: %v", err)
	}
	checkMap(t, p)
	if cov := p.Map.Coverage(); cov*10 < len(p.Article.Text)*9 {
		t.Errorf("Map.Coverage() = %d of %d text bytes, want at least 90%%", cov, len(p.Article.Text))
	}
	tests := []struct {
		give string // a phrase of the text
		want string // the HTML it maps to
	}{
		{give: "harbour council voted", want: "harbour council voted"},
		{give: "four thousand", want: "four thousand"},
		{give: "£48", want: "&pound;48"},
		{give: "Traders’ Association", want: "Traders&rsquo; Association"},
	}
	for _, tt := range tests {
		t.Run(tt.give, func(t *testing.T) {
			i := strings.Index(p.Article.Text, tt.give)
			if i < 0 {
				t.Fatalf("text lacks %q", tt.give)
			}
			rs, ok := p.Map.RawSpan(textpos.Span{Start: i, End: i + len(tt.give)})
			if !ok {
				t.Fatalf("Map.RawSpan(%q) unmapped", tt.give)
			}
			if got := string(p.HTML[rs.Start:rs.End]); got != tt.want {
				t.Errorf("Map.RawSpan(%q) = %q, want %q", tt.give, got, tt.want)
			}
		})
	}
}

// checkMap asserts the Map invariants for a page.
func checkMap(t testing.TB, p *Page) {
	t.Helper()
	prev := textpos.Segment{}
	for i, s := range p.Map.Segments() {
		if !s.Text.Valid(len(p.Article.Text)) || !s.Raw.Valid(len(p.HTML)) {
			t.Fatalf("segment %d = %v, invalid for text %d bytes, html %d bytes", i, s, len(p.Article.Text), len(p.HTML))
		}
		if i > 0 && (s.Text.Start < prev.Text.End || s.Raw.Start < prev.Raw.End) {
			t.Fatalf("segment %d = %v after %v: not monotonic", i, s, prev)
		}
		prev = s
	}
}

func TestExtractErrors(t *testing.T) {
	tests := []struct {
		give string
		data string
		want error
	}{
		{give: "empty", data: "", want: ErrEmpty},
		{give: "blank", data: " \n\t ", want: ErrEmpty},
		{give: "no text", data: "<html><head></head><body><script>var a=1;</script></body></html>", want: ErrNoText},
	}
	for _, tt := range tests {
		t.Run(tt.give, func(t *testing.T) {
			_, err := Extract(tt.give, []byte(tt.data), Options{})
			if !errors.Is(err, tt.want) {
				t.Errorf("Extract(%q) error = %v, want %v", tt.data, err, tt.want)
			}
		})
	}
}

func TestExtractCharset(t *testing.T) {
	// A Windows-1252 page: 0xA3 is "£", 0x93/0x94 are curly quotes.
	page := "<html><head><meta charset=\"windows-1252\"><title>Budget</title></head><body><article>" +
		"<p>The minister said the \x93extra \xa320 million\x94 would go to rural schools over the next two years, " +
		"and that the money would be paid to councils in quarterly instalments from April onwards.</p>" +
		"<p>Teachers' unions welcomed the announcement but said the sum fell short of what schools had asked for during the long consultation.</p>" +
		"</article></body></html>"
	p, err := Extract("cp1252.html", []byte(page), Options{})
	if err != nil {
		t.Fatalf("Extract(cp1252.html) error: %v", err)
	}
	if want := "“extra £20 million”"; !strings.Contains(p.Article.Text, want) {
		t.Errorf("Extract(cp1252.html).Text = %q, want it to contain %q", p.Article.Text, want)
	}
	checkMap(t, p)
}

func FuzzExtract(f *testing.F) {
	f.Add(readFixture(f, "article.html"))
	f.Add([]byte("<p>Short &amp; sweet</p>"))
	f.Add([]byte("<html><body><p>caf\xe9 &#x20AC;5 &bogus; text</p></body></html>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := Extract("fuzz.html", data, Options{Fast: true})
		if err != nil {
			return
		}
		if !utf8.ValidString(p.Article.Text) {
			t.Fatalf("Extract text is not valid UTF-8: %q", p.Article.Text)
		}
		checkMap(t, p)
	})
}

func BenchmarkWebpage(b *testing.B) {
	data := readFixture(b, "article.html")
	for _, bb := range []struct {
		name string
		opts Options
	}{{"default", Options{}}, {"fast", Options{Fast: true}}} {
		b.Run(bb.name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if _, err := Extract("article.html", data, bb.opts); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
