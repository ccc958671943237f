package ingest

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"dossier/ingest/warc"
)

const articleHTML = `<!DOCTYPE html><html lang="en"><head><title>Ferry service resumes after storm</title>
<meta property="og:site_name" content="Island Post"></head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Ferry service resumes after storm</h1>
<p>Ferries between the mainland and the islands resumed on Wednesday morning after two days of cancellations caused by gale-force winds, the operator said.</p>
<p>Passengers who missed crossings will be offered places on extra sailings added over the weekend, a spokeswoman said, and refunds are available on request.</p>
<p>The harbour master said the storm had damaged a pontoon at the northern pier, which will stay closed until repairs are finished next month.</p>
</article><footer>Copyright Island Post</footer></body></html>`

func gz(b []byte) []byte {
	var out bytes.Buffer
	zw := gzip.NewWriter(&out)
	zw.Write(b)
	zw.Close()
	return out.Bytes()
}

func TestSniff(t *testing.T) {
	tests := []struct {
		name string
		give string
		file string
		want Format
	}{
		{name: "gzip", give: "\x1f\x8b\x08\x00", want: Gzip},
		{name: "warc", give: "WARC/1.1\r\nWARC-Type: warcinfo\r\n", want: WARC},
		{name: "rss", give: `<?xml version="1.0"?><rss version="2.0"><channel>`, want: Feed},
		{name: "atom", give: `<feed xmlns="http://www.w3.org/2005/Atom">`, want: Feed},
		{name: "rdf", give: `<?xml version="1.0"?><rdf:RDF xmlns:rdf="x">`, want: Feed},
		{name: "json feed", give: `{"version": "https://jsonfeed.org/version/1.1", "items": []}`, want: Feed},
		{name: "jsonl", give: "{\"title\":\"a\",\"text\":\"b\"}\n{\"text\":\"c\"}\n", want: JSONLines},
		{name: "jsonl html", give: "{\"html\":\"<p>x</p>\"}\n", want: JSONLines},
		{name: "json other", give: "{\"a\":1}\n", want: Unsupported},
		{name: "json other, jsonl name", give: "{\"a\":1}\n", file: "x.jsonl", want: JSONLines},
		{name: "html doctype", give: "\n  <!DOCTYPE html><html>", want: HTML},
		{name: "html upper", give: "<HTML><HEAD>", want: HTML},
		{name: "html bom", give: "\xef\xbb\xbf<html>", want: HTML},
		{name: "html fragment", give: "<p>Hello there</p>", want: HTML},
		{name: "xml unknown", give: `<?xml version="1.0"?><catalog>`, want: Unsupported},
		{name: "xml unknown, rss name", give: `<?xml version="1.0"?><catalog>`, file: "a.rss", want: Feed},
		{name: "text", give: "Title: Floods\n\nRivers rose overnight.", want: Text},
		{name: "cp1252 text", give: "Prices rose to \xa35.", want: Text},
		{name: "utf16", give: "\xff\xfeH\x00i\x00", want: Text},
		{name: "empty", give: "", want: Empty},
		{name: "blank", give: " \n\t", want: Empty},
		{name: "binary", give: "\x00\x01\x02\x03PK", want: Unsupported},
		{name: "pdf", give: "%PDF-1.7\n", want: Unsupported},
		{name: "json array", give: "[1,2]", want: Unsupported},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Sniff([]byte(tt.give), tt.file); got != tt.want {
				t.Errorf("Sniff(%q, %q) = %v, want %v", tt.give, tt.file, got, tt.want)
			}
		})
	}
}

func FuzzSniff(f *testing.F) {
	for _, s := range []string{"WARC/1.0", "<rss>", "<html>", "{\"text\":\"a\"}", "plain", "\x1f\x8b", ""} {
		f.Add([]byte(s), "a.html")
	}
	f.Fuzz(func(t *testing.T, data []byte, name string) {
		if got := Sniff(data, name); got < Unsupported || got > Text {
			t.Fatalf("Sniff(%q) = %d, out of range", data, got)
		}
	})
}

func warcFixture(t testing.TB) []byte {
	var b bytes.Buffer
	w := warc.NewWriter(&b)
	date := time.Date(2025, 1, 9, 8, 0, 0, 0, time.UTC)
	resp := "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + articleHTML
	if err := w.WriteRecord("warcinfo", "", date, "application/warc-fields", []byte("software: test\r\n")); err != nil {
		t.Fatal(err)
	}
	if err := w.WriteResponse("https://islandpost.example/ferry", date, []byte(resp)); err != nil {
		t.Fatal(err)
	}
	empty := "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body></body></html>"
	if err := w.WriteResponse("https://islandpost.example/empty", date, []byte(empty)); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func collect(name string, data []byte) []Item {
	var out []Item
	for it := range Open(name, bytes.NewReader(data), Options{}) {
		out = append(out, it)
	}
	return out
}

func TestOpen(t *testing.T) {
	tests := []struct {
		name      string
		give      []byte
		wantNames []string
		wantOK    []bool
		wantTitle string
		wantFmt   Format
	}{
		{name: "story.txt", give: []byte("Title: Council vote\nDate: 2025-03-02\n\nThe council voted on Sunday."),
			wantNames: []string{"story.txt"}, wantOK: []bool{true}, wantTitle: "Council vote", wantFmt: Text},
		{name: "story.txt.gz", give: gz([]byte("Title: Council vote\n\nThe council voted on Sunday.")),
			wantNames: []string{"story.txt.gz"}, wantOK: []bool{true}, wantTitle: "Council vote", wantFmt: Text},
		{name: "ferry.html", give: []byte(articleHTML),
			wantNames: []string{"ferry.html"}, wantOK: []bool{true}, wantTitle: "Ferry service resumes after storm", wantFmt: HTML},
		{name: "feed.xml", give: []byte(`<rss version="2.0"><channel><title>T</title><item><title>One</title><link>https://x.example/1</link><description>First item text.</description></item><item><title>Two</title></item></channel></rss>`),
			wantNames: []string{"feed.xml#https://x.example/1", "feed.xml#2"}, wantOK: []bool{true, false}, wantTitle: "One", wantFmt: Feed},
		{name: "a.jsonl", give: []byte("{\"title\":\"J\",\"text\":\"Body one.\"}\n{bad\n{\"title\":\"H\",\"html\":" + jsonString(articleHTML) + "}\n"),
			wantNames: []string{"a.jsonl#1", "a.jsonl#2", "a.jsonl#3"}, wantOK: []bool{true, false, true}, wantTitle: "J", wantFmt: JSONLines},
		{name: "crawl.warc", give: warcFixture(t),
			wantNames: []string{"crawl.warc#https://islandpost.example/ferry", "crawl.warc#https://islandpost.example/empty"}, wantOK: []bool{true, false},
			wantTitle: "Ferry service resumes after storm", wantFmt: WARC},
		{name: "crawl.warc.gz", give: gz(warcFixture(t)),
			wantNames: []string{"crawl.warc.gz#https://islandpost.example/ferry", "crawl.warc.gz#https://islandpost.example/empty"}, wantOK: []bool{true, false},
			wantTitle: "Ferry service resumes after storm", wantFmt: WARC},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			items := collect(tt.name, tt.give)
			if len(items) != len(tt.wantNames) {
				t.Fatalf("Open(%s) gave %d items %v, want %d", tt.name, len(items), items, len(tt.wantNames))
			}
			for i, it := range items {
				if it.Name != tt.wantNames[i] || (it.Err == nil) != tt.wantOK[i] {
					t.Errorf("Open(%s) item %d = %q err %v, want %q ok %v", tt.name, i, it.Name, it.Err, tt.wantNames[i], tt.wantOK[i])
				}
				if it.Err != nil && !strings.Contains(it.Err.Error(), it.Name) {
					t.Errorf("Open(%s) item %d error %q does not name %q", tt.name, i, it.Err, it.Name)
				}
			}
			if got := items[0]; got.Article.Title != tt.wantTitle || got.Format != tt.wantFmt {
				t.Errorf("Open(%s) first item = %q %v, want %q %v", tt.name, got.Article.Title, got.Format, tt.wantTitle, tt.wantFmt)
			}
		})
	}
}

func jsonString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"', '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case '\n':
			b.WriteString(`\n`)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// TestBrokenInputs walks a corpus of good and deliberately broken files:
// every good file is read, every bad one reported by name and reason.
func TestBrokenInputs(t *testing.T) {
	dir := t.TempDir()
	full := gz([]byte(articleHTML))
	files := map[string][]byte{
		"good/story.txt":        []byte("Title: Council vote\n\nThe council voted on Sunday to keep the library open."),
		"good/ferry.html":       []byte(articleHTML),
		"bad/truncated.html.gz": full[:len(full)/2],
		"bad/noise.bin":         {0x00, 0xff, 0x13, 0x37, 0x00, 0x42, 0x8d, 0x01, 0x02, 0x03},
		"bad/feed.xml":          []byte(`<?xml version="1.0"?><rss version="2.0"><channel><item><title>Broken`),
		"bad/empty-page.html":   []byte("<html><head></head><body><div></div></body></html>"),
		"bad/latin.txt":         []byte("Caf\x81 \x8d prices \x90 rose \x9d sharply."),
		"bad/empty.txt":         {},
		".hidden/skip.txt":      []byte("never read"),
	}
	for name, data := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		give       string // file
		wantReason string // in the error; "" for a good file
	}{
		{give: "bad/empty-page.html", wantReason: "no main text"},
		{give: "bad/empty.txt", wantReason: "empty input"},
		{give: "bad/feed.xml", wantReason: "malformed feed"},
		{give: "bad/latin.txt", wantReason: "unknown text encoding"},
		{give: "bad/noise.bin", wantReason: "binary data"},
		{give: "bad/truncated.html.gz", wantReason: "gzip: unexpected EOF"},
		{give: "good/ferry.html"},
		{give: "good/story.txt"},
	}
	var items []Item
	for it := range Walk(context.Background(), []string{dir}, Options{}) {
		items = append(items, it)
	}
	if len(items) != len(tests) {
		t.Fatalf("Walk gave %d items, want %d: %v", len(items), len(tests), items)
	}
	for i, tt := range tests {
		t.Run(tt.give, func(t *testing.T) {
			it := items[i]
			if want := filepath.Join(dir, tt.give); it.Name != want {
				t.Fatalf("item %d Name = %q, want %q", i, it.Name, want)
			}
			switch {
			case tt.wantReason == "" && it.Err != nil:
				t.Errorf("Walk item %s error = %v, want none", tt.give, it.Err)
			case tt.wantReason != "" && (it.Err == nil || !strings.Contains(it.Err.Error(), tt.wantReason) || !strings.Contains(it.Err.Error(), it.Name)):
				t.Errorf("Walk item %s error = %v, want one naming the file and %q", tt.give, it.Err, tt.wantReason)
			}
		})
	}
}

func TestWalkCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte("Some text here."), 0o644)
	var got []Item
	for it := range Walk(ctx, []string{dir}, Options{}) {
		got = append(got, it)
	}
	if len(got) != 1 || !errors.Is(got[0].Err, context.Canceled) {
		t.Errorf("Walk(cancelled) = %v, want one item with %v", got, context.Canceled)
	}
}

func FuzzOpen(f *testing.F) {
	f.Add([]byte(articleHTML), "a.html")
	f.Add(warcFixture(f), "a.warc")
	f.Add([]byte("{\"text\":\"x\"}\n{"), "a.jsonl")
	f.Add(gz([]byte("plain text")), "a.gz")
	f.Fuzz(func(t *testing.T, data []byte, name string) {
		for it := range Open(name, bytes.NewReader(data), Options{FastHTML: true}) {
			if it.Err != nil {
				continue
			}
			if !utf8.ValidString(it.Article.Text) {
				t.Fatalf("item %q text is not valid UTF-8", it.Name)
			}
			for _, s := range it.Map.Segments() {
				if !s.Text.Valid(len(it.Article.Text)) || !s.Raw.Valid(len(it.Raw)) {
					t.Fatalf("item %q segment %v invalid", it.Name, s)
				}
			}
		}
	})
}

func TestWalkSkipsCorpusDocs(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"a.txt":       "Mayor Ana Ruiz said the bridge would reopen on Monday after repairs.\n",
		"README.TXT":  "This folder holds articles.\n",
		"LICENSE":     "All rights reserved.\n",
		"SOURCE.md":   "Where the articles came from.\n",
		"readme2.txt": "Council members voted to extend the library's opening hours.\n",
	}
	for n, c := range files {
		if err := os.WriteFile(filepath.Join(dir, n), []byte(c), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var got []string
	for it := range Walk(context.Background(), []string{dir}, Options{}) {
		got = append(got, filepath.Base(it.Name))
	}
	if want := []string{"a.txt", "readme2.txt"}; !slices.Equal(got, want) {
		t.Errorf("Walk read %v, want %v", got, want)
	}
	// Named explicitly, a README is read.
	n := 0
	for range Walk(context.Background(), []string{filepath.Join(dir, "README.TXT")}, Options{}) {
		n++
	}
	if n != 1 {
		t.Errorf("Walk(README.TXT) gave %d items, want 1", n)
	}
}

// TestWalkParallel checks that WalkParallel reads what Walk reads, whatever
// the number of readers, and that breaking out of its loop or a cancelled
// context stops it.
func TestWalkParallel(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) {
		t.Helper()
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for i := range 12 {
		write(fmt.Sprintf("text/%02d.txt", i), []byte(fmt.Sprintf("Report %d\n\nThe council met on Tuesday and approved plan number %d for the harbour.\n", i, i)))
	}
	write("pages/ferry.html", []byte(articleHTML))
	write("pages/ferry.html.gz", gz([]byte(articleHTML)))
	write("broken/empty.txt", nil)
	write("broken/binary.bin", []byte{0, 1, 2, 3, 0xff, 0xfe, 0, 0})
	write("README.md", []byte("About this folder.\n"))
	write(".hidden/x.txt", []byte("Not read.\n"))

	// key describes an item independently of the order of items.
	key := func(it Item) string { return fmt.Sprintf("%s|%v|%s", it.Name, it.Err != nil, it.Article.Title) }
	var want []string
	for it := range Walk(context.Background(), []string{dir}, Options{}) {
		want = append(want, key(it))
	}
	slices.Sort(want)
	if len(want) != 16 {
		t.Fatalf("Walk gave %d items, want 16: %v", len(want), want)
	}
	for _, n := range []int{0, 1, 2, 5, 32} {
		var got []string
		for it := range WalkParallel(context.Background(), []string{dir}, Options{}, n) {
			got = append(got, key(it))
		}
		slices.Sort(got)
		if !slices.Equal(got, want) {
			t.Errorf("WalkParallel(%d readers) = %v\nwant %v", n, got, want)
		}
	}

	before := runtime.NumGoroutine()
	n := 0
	for range WalkParallel(context.Background(), []string{dir}, Options{}, 4) {
		n++
		if n == 3 {
			break
		}
	}
	if n != 3 {
		t.Errorf("WalkParallel loop ran %d times before break, want 3", n)
	}
	for i := 0; runtime.NumGoroutine() > before && i < 100; i++ {
		time.Sleep(10 * time.Millisecond)
	}
	if got := runtime.NumGoroutine(); got > before {
		t.Errorf("after break, %d goroutines, want %d: the readers did not stop", got, before)
	}

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var got []Item
	for it := range WalkParallel(ctx, []string{dir}, Options{}, 4) {
		got = append(got, it)
	}
	if len(got) != 1 || !errors.Is(got[0].Err, context.Canceled) {
		t.Errorf("WalkParallel(cancelled) = %v, want one item with %v", got, context.Canceled)
	}
}

func BenchmarkWalkParallel(b *testing.B) {
	dir := b.TempDir()
	var size int64
	for i := range 32 {
		page := strings.Replace(articleHTML, "Ferry service resumes", fmt.Sprintf("Ferry service %d resumes", i), 2)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%02d.html", i)), []byte(page), 0o644); err != nil {
			b.Fatal(err)
		}
		size += int64(len(page))
	}
	for _, n := range []int{1, runtime.GOMAXPROCS(0)} {
		b.Run(fmt.Sprintf("readers=%d", n), func(b *testing.B) {
			b.SetBytes(size)
			for b.Loop() {
				for it := range WalkParallel(context.Background(), []string{dir}, Options{}, n) {
					if it.Err != nil {
						b.Fatal(it.Err)
					}
				}
			}
		})
	}
}
