package feed

import (
	"errors"
	"os"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func TestParseRSS(t *testing.T) {
	data, err := os.ReadFile("testdata/news.rss")
	if err != nil {
		t.Fatal(err)
	}
	f, err := Parse(data)
	if err != nil {
		t.Fatalf("Parse(news.rss) error: %v", err)
	}
	if f.Title != "Valley Gazette" {
		t.Errorf("Parse(news.rss).Title = %q, want %q", f.Title, "Valley Gazette")
	}
	tests := []struct {
		give      int
		wantTitle string
		wantURL   string
		wantDate  string
		wantText  string
		wantErr   error
	}{
		{
			give: 0, wantTitle: "Bridge repairs to close river crossing for a month",
			wantURL:  "https://gazette.example.org/2025/06/02/bridge-repairs",
			wantDate: "2025-06-02",
			wantText: "The old stone bridge over the river will close to traffic from Monday for four weeks while engineers replace its bearings, the county council said.\n\n" +
				"Buses will be diverted through \"the north road\", adding about ten minutes to journeys.\nCyclists may still cross.",
		},
		{
			give: 1, wantTitle: "Library extends opening hours",
			wantURL:  "https://gazette.example.org/2025/06/01/library-hours",
			wantDate: "2025-06-01",
			wantText: "The central library will open until 8pm on weekdays from July, the trustees announced.",
		},
		{give: 2, wantTitle: "Photo gallery", wantURL: "https://gazette.example.org/2025/06/01/gallery", wantDate: "0001-01-01", wantErr: ErrNoText},
	}
	if len(f.Items) != len(tests) {
		t.Fatalf("Parse(news.rss) has %d items, want %d", len(f.Items), len(tests))
	}
	for _, tt := range tests {
		t.Run(tt.wantTitle, func(t *testing.T) {
			it := f.Items[tt.give]
			a := it.Article
			if a.Title != tt.wantTitle || a.URL != tt.wantURL || a.Date.Format(time.DateOnly) != tt.wantDate || a.Text != tt.wantText {
				t.Errorf("item %d = {%q %q %s %q}, want {%q %q %s %q}", tt.give, a.Title, a.URL, a.Date.Format(time.DateOnly), a.Text,
					tt.wantTitle, tt.wantURL, tt.wantDate, tt.wantText)
			}
			if !errors.Is(it.Err, tt.wantErr) {
				t.Errorf("item %d Err = %v, want %v", tt.give, it.Err, tt.wantErr)
			}
		})
	}
}

func TestParseAtomAndJSON(t *testing.T) {
	tests := []struct {
		name     string
		give     string
		wantText string
		wantDate string
	}{
		{
			name: "atom",
			give: `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title>` +
				`<entry><title>Markets steady</title><link href="https://wire.example.net/a/1"/><updated>2025-02-03T10:00:00Z</updated>` +
				`<summary>Short summary.</summary><content type="html">&lt;p&gt;Shares were steady on Monday.&lt;/p&gt;</content></entry></feed>`,
			wantText: "Shares were steady on Monday.",
			wantDate: "2025-02-03",
		},
		{
			name: "json feed",
			give: `{"version":"https://jsonfeed.org/version/1.1","title":"Daily","items":[{"id":"1","url":"https://daily.example.com/x",` +
				`"title":"Rain ahead","content_text":"Forecasters expect heavy rain on Tuesday.","date_published":"2025-03-04T06:00:00Z"}]}`,
			wantText: "Forecasters expect heavy rain on Tuesday.",
			wantDate: "2025-03-04",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := Parse([]byte(tt.give))
			if err != nil {
				t.Fatalf("Parse(%s) error: %v", tt.name, err)
			}
			if len(f.Items) != 1 {
				t.Fatalf("Parse(%s) has %d items, want 1", tt.name, len(f.Items))
			}
			a := f.Items[0].Article
			if a.Text != tt.wantText || a.Date.Format(time.DateOnly) != tt.wantDate {
				t.Errorf("Parse(%s) item = %q %s, want %q %s", tt.name, a.Text, a.Date.Format(time.DateOnly), tt.wantText, tt.wantDate)
			}
		})
	}
}

func TestParseMalformed(t *testing.T) {
	_, err := Parse([]byte(`<?xml version="1.0"?><rss><channel><item><title>Broken`))
	if !errors.Is(err, ErrMalformed) {
		t.Errorf("Parse(truncated rss) error = %v, want %v", err, ErrMalformed)
	}
}

func TestText(t *testing.T) {
	tests := []struct {
		give string
		want string
	}{
		{give: "", want: ""},
		{give: "plain  words\n here", want: "plain words here"},
		{give: "<p>One.</p><p>Two &amp; three.</p>", want: "One.\n\nTwo & three."},
		{give: "a<b>b</b> c<br/>d", want: "ab c\nd"},
		{give: "<script>x()</script><div>kept</div>", want: "kept"},
	}
	for _, tt := range tests {
		if got := Text(tt.give); got != tt.want {
			t.Errorf("Text(%q) = %q, want %q", tt.give, got, tt.want)
		}
	}
}

func FuzzParse(f *testing.F) {
	data, err := os.ReadFile("testdata/news.rss")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(data)
	f.Add([]byte(`{"version":"https://jsonfeed.org/version/1","items":[{"content_html":"<p>x</p>"}]}`))
	f.Add([]byte(`<feed xmlns="http://www.w3.org/2005/Atom"><entry><content>&lt;p&gt;</content></entry></feed>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		fd, err := Parse(data)
		if err != nil {
			return
		}
		for _, it := range fd.Items {
			if !utf8.ValidString(it.Article.Text) || strings.HasPrefix(it.Article.Text, " ") {
				t.Fatalf("item %d text %q: invalid UTF-8 or untrimmed", it.N, it.Article.Text)
			}
		}
	})
}

func BenchmarkParse(b *testing.B) {
	data, err := os.ReadFile("testdata/news.rss")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Parse(data); err != nil {
			b.Fatal(err)
		}
	}
}
