package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"dossier"
	"dossier/ingest/plaintext"
	"dossier/nlp"
	"dossier/render"
	"dossier/samples"
)

func run(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	m := &Main{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errb}
	code = m.Run(context.Background(), args)
	return code, out.String(), errb.String()
}

const article = `title: Council approves budget

date: 2026-03-08

Mayor Ana Ruiz said on Saturday that the city would borrow $40 million.
`

func TestAnalyzeJSON(t *testing.T) {
	code, out, errs := run(t, article, "analyze", "-", "--format", "json")
	if code != 0 {
		t.Fatalf("analyze exit %d: %s", code, errs)
	}
	var doc struct {
		Title    string  `json:"title"`
		Date     *string `json:"date"`
		Text     string  `json:"text"`
		Entities []struct {
			Name     string `json:"name"`
			Mentions []struct {
				Start, End int
				Text       string
			} `json:"mentions"`
		} `json:"entities"`
		Timex []struct {
			Start, End int
			Text       string
			Value      string
		} `json:"timex"`
		Producers map[string]string `json:"producers"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, out)
	}
	if doc.Title != "Council approves budget" || doc.Date == nil || *doc.Date != "2026-03-08" {
		t.Errorf("title, date = %q, %v; want the header values", doc.Title, doc.Date)
	}
	if strings.Contains(doc.Text, "title:") || !strings.HasPrefix(doc.Text, "Mayor") {
		t.Errorf("text = %q, want the body without metadata", doc.Text)
	}
	for _, e := range doc.Entities {
		for _, m := range e.Mentions {
			if m.Start < 0 || m.End > len(doc.Text) || doc.Text[m.Start:m.End] != m.Text {
				t.Errorf("mention %+v does not match the text", m)
			}
		}
	}
	found := false
	for _, x := range doc.Timex {
		if x.Text == "Saturday" && x.Value == "2026-03-07" {
			found = true
		}
		if doc.Text[x.Start:x.End] != x.Text {
			t.Errorf("timex %+v does not match the text", x)
		}
	}
	if !found {
		t.Errorf("timex = %+v, want Saturday = 2026-03-07", doc.Timex)
	}
	if len(doc.Producers) == 0 {
		t.Errorf("producers empty")
	}
}

func TestAnalyzeDateOverride(t *testing.T) {
	code, out, errs := run(t, article, "analyze", "--date", "2026-03-11", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.Contains(out, `"date": "2026-03-11"`) {
		t.Errorf("--date did not override the article date:\n%s", out)
	}
}

func TestAnalyzeBadInput(t *testing.T) {
	dir := t.TempDir()
	bin := filepath.Join(dir, "noise.bin")
	if err := os.WriteFile(bin, []byte{0x7f, 'E', 'L', 'F', 0, 0, 1, 2, 0, 0}, 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		args []string
		want string // in stderr
	}{
		{"binary", []string{"analyze", bin}, "noise.bin"},
		{"missing", []string{"analyze", filepath.Join(dir, "nope.txt")}, "nope.txt"},
		{"bad date", []string{"analyze", "--date", "March 8", bin}, "--date"},
		{"bad format", []string{"analyze", "--format", "xml", bin}, "--format"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, errs := run(t, "", tt.args...)
			if code != 2 {
				t.Errorf("exit = %d, want 2", code)
			}
			if !strings.Contains(errs, tt.want) {
				t.Errorf("stderr = %q, want it to name %q", errs, tt.want)
			}
			if tt.name == "binary" && strings.Count(strings.TrimSpace(errs), "\n") != 0 {
				t.Errorf("stderr = %q, want one line", errs)
			}
		})
	}
}

func TestAnalyzeSamplesText(t *testing.T) {
	code, out, errs := run(t, "", "analyze", "--samples")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{"People", "Time", "Figures"} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks section %q", want)
		}
	}
}

func TestEvalUsage(t *testing.T) {
	if code, _, _ := run(t, "", "eval", "nosuchtask"); code != 2 {
		t.Errorf("eval nosuchtask: exit %d, want 2", code)
	}
	if code, _, _ := run(t, "", "frobnicate"); code != 2 {
		t.Errorf("unknown command: exit %d, want 2", code)
	}
}

// BenchmarkAnalyze runs the whole pipeline over the bundled articles.
func BenchmarkAnalyze(b *testing.B) {
	analyze, err := analyzer()
	if err != nil {
		b.Fatal(err)
	}
	var total int64
	all := samples.All()
	type in struct {
		name string
		data []byte
	}
	docs := make([]in, 0, len(all))
	for _, s := range all {
		docs = append(docs, in{s.Name, s.Data})
		total += int64(len(s.Data))
	}
	b.SetBytes(total)
	ctx := context.Background()
	for b.Loop() {
		for _, d := range docs {
			a, err := plaintext.Read(d.name, d.data)
			if err != nil {
				b.Fatal(err)
			}
			if _, err := analyze(ctx, a); err != nil {
				b.Fatal(err)
			}
		}
	}
}

func TestBenchJSON(t *testing.T) {
	code, out, errs := run(t, "", "bench", "--json", "--min-seconds", "0")
	if code != 0 {
		t.Fatalf("bench exit %d: %s", code, errs)
	}
	var r benchResult
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("bench output is not JSON: %v\n%s", err, out)
	}
	if r.Articles != len(samples.All()) || r.Words == 0 || r.WordsPerSecPerCore <= 0 || r.ArticlesPerSec <= 0 ||
		r.IngestArticles != len(samples.All()) || r.IngestStored == 0 || r.IngestArticlesPerSec <= 0 || r.PeakRSSMB <= 0 {
		t.Errorf("bench = %+v, want counts of the samples and positive rates", r)
	}
}

// TestAnalyzeConcurrent checks that one pipeline shared by many goroutines,
// as the ingest workers share it, gives every article the same facts as a
// run on one goroutine: no component may keep per-document state in itself.
func TestAnalyzeConcurrent(t *testing.T) {
	analyze, err := analyzer()
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	var arts []dossier.Article
	for _, s := range samples.All() {
		a, err := plaintext.Read(s.Name, s.Data)
		if err != nil {
			t.Fatal(err)
		}
		arts = append(arts, a)
	}
	render := func(a dossier.Article) string {
		d, err := analyze(ctx, a)
		if err != nil {
			t.Error(err)
			return ""
		}
		var b bytes.Buffer
		if err := renderJSON(&b, d); err != nil {
			t.Error(err)
		}
		return b.String()
	}
	want := make([]string, len(arts))
	for i, a := range arts {
		want[i] = render(a)
	}
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for r := 0; r < 5; r++ {
				for i := range arts {
					j := (i + g) % len(arts)
					if got := render(arts[j]); got != want[j] {
						t.Errorf("article %d analysed concurrently differs from the sequential run", j)
						return
					}
				}
			}
		}()
	}
	wg.Wait()
}

func renderJSON(w *bytes.Buffer, d *nlp.Doc) error { return render.JSON(w, d.Analysis()) }
