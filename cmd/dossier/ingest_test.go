package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func writeFile(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func gz(t *testing.T, data []byte) []byte {
	t.Helper()
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	w.Write(data)
	w.Close()
	return b.Bytes()
}

const goodText = "title: Port reopens\n\nThe port of Valmora reopened on Tuesday after a three-day strike, officials said.\n"

const goodHTML = `<!doctype html><html><head><title>Bridge vote</title>
<meta property="article:published_time" content="2026-04-02T09:00:00Z"></head>
<body><article><h1>Council approves bridge repairs</h1>
<p>The city council voted 7-2 on Wednesday to spend $40 million repairing the Harbor Street bridge, which has been closed to trucks since January.</p>
<p>"We cannot wait another winter," Mayor Ana Ruiz told reporters after the vote. Opponents said the money should go to buses instead.</p>
<p>Work is expected to begin in June and last about eighteen months, according to the city's transport department.</p>
</article></body></html>`

const goodFeed = `<?xml version="1.0"?><rss version="2.0"><channel><title>City news</title>
<item><title>Library hours extended</title><link>https://news.example/library</link>
<pubDate>Mon, 06 Apr 2026 08:00:00 GMT</pubDate>
<description>The city library will open until 9 p.m. on weekdays from May, the council said on Monday.</description></item>
<item><title>New bus line</title><link>https://news.example/bus</link>
<pubDate>Tue, 07 Apr 2026 08:00:00 GMT</pubDate>
<description>A new bus line linking the harbor to the university will start running in September, transport officials said.</description></item>
</channel></rss>`

// TestIngestBrokenCorpus ingests a folder of mixed formats with deliberately
// broken files: every good article goes in, every bad file is reported by
// name with a reason, the exit code is 0, and a second run adds nothing.
func TestIngestBrokenCorpus(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	writeFile(t, filepath.Join(in, "good.txt"), []byte(goodText))
	writeFile(t, filepath.Join(in, "page.html"), []byte(goodHTML))
	writeFile(t, filepath.Join(in, "feed.xml"), []byte(goodFeed))
	writeFile(t, filepath.Join(in, "sub", "good2.txt.gz"), gz(t, []byte(strings.Replace(goodText, "Tuesday", "Friday", 1))))
	full := gz(t, []byte(goodText+strings.Repeat("More text about the port. ", 200)))
	bad := map[string][]byte{
		"truncated.txt.gz": full[:len(full)/2],
		"noise.bin":        {0x00, 0xff, 0x13, 0x37, 0x00, 0x01, 0x02, 0x9c, 0x00, 0x00, 0xde, 0xad},
		"broken-feed.xml":  []byte(`<?xml version="1.0"?><rss version="2.0"><channel><item><title>x</title>`),
		"empty-page.html":  []byte(`<!doctype html><html><head><title>x</title></head><body><nav>Home</nav></body></html>`),
		"latin.txt":        append([]byte("Caf"), 0xe9, 0x00, 0x00, 0xff, 0xfe, 0x00),
		"empty.txt":        {},
	}
	for n, b := range bad {
		writeFile(t, filepath.Join(in, n), b)
	}
	db := filepath.Join(dir, "d.db")
	code, out, errs := run(t, "", "ingest", in, "--db", db, "--json", "--report", filepath.Join(dir, "report.tsv"))
	if code != 0 {
		t.Fatalf("ingest exit %d, want 0: %s", code, errs)
	}
	var s ingestSummary
	if err := json.Unmarshal([]byte(out), &s); err != nil {
		t.Fatalf("summary is not JSON: %v\n%s", err, out)
	}
	if s.Ingested != 5 || s.Failed != len(bad) || s.ArticlesTotal != 5 || s.FactsTotal == 0 {
		t.Errorf("summary = %+v, want 5 ingested (2 texts, 1 page, 2 feed items) and %d failed", s, len(bad))
	}
	reported := map[string]string{}
	for _, f := range s.Failures {
		reported[filepath.Base(strings.SplitN(f.Name, "#", 2)[0])] = f.Reason
	}
	for n := range bad {
		if r, ok := reported[n]; !ok || r == "" {
			t.Errorf("%s not reported with a reason (failures: %v)", n, s.Failures)
		}
	}
	rep, err := os.ReadFile(filepath.Join(dir, "report.tsv"))
	if err != nil || strings.Count(string(rep), "\n") != len(bad) {
		t.Errorf("report = %q (%v), want one line per failure", rep, err)
	}

	// Again: nothing is added twice.
	code, out, errs = run(t, "", "ingest", in, "--db", db, "--json")
	if code != 0 {
		t.Fatalf("second ingest exit %d: %s", code, errs)
	}
	var s2 ingestSummary
	json.Unmarshal([]byte(out), &s2)
	if s2.Ingested != 0 || s2.Duplicates != 5 || s2.ArticlesTotal != 5 || s2.FactsTotal != s.FactsTotal {
		t.Errorf("second run = %+v, want 0 ingested, 5 duplicates, the same totals", s2)
	}

	// stats and search read the same store.
	code, out, _ = run(t, "", "stats", "--db", db, "--json")
	if code != 0 || !strings.Contains(out, `"articles_total":5`) {
		t.Errorf("stats = %d %s", code, out)
	}
	code, out, _ = run(t, "", "search", "bridge", "--db", db, "--json")
	if code != 0 || !strings.Contains(out, "bridge") {
		t.Errorf("search bridge = %d %s", code, out)
	}
}

func TestIngestCannotOpenStore(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "a.txt"), []byte(goodText))
	// A directory where the database file should be: the store cannot open.
	code, _, errs := run(t, "", "ingest", dir, "--db", dir)
	if code != 1 {
		t.Errorf("exit = %d, want 1 (%s)", code, errs)
	}
}
