package eval

import (
	"context"
	"errors"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"dossier"
)

func TestShingleOverlap(t *testing.T) {
	tests := []struct {
		name     string
		givePred string
		giveGold string
		wantP    float64
		wantR    float64
	}{
		{name: "same", givePred: "The mayor opened the new bridge today.", giveGold: "The mayor opened the new bridge today!", wantP: 1, wantR: 1},
		{name: "both empty", givePred: "", giveGold: "", wantP: 1, wantR: 1},
		{name: "nothing predicted", givePred: "", giveGold: "one two three four", wantP: 0, wantR: 0},
		// gold has 4 shingles; the prediction adds 2 boilerplate shingles.
		{name: "extra words", givePred: "a b c d e f g Home", giveGold: "a b c d e f g", wantP: 4.0 / 5, wantR: 1},
		{name: "short texts", givePred: "two words", giveGold: "two words", wantP: 1, wantR: 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, r := ShingleOverlap(tt.givePred, tt.giveGold)
			if math.Abs(p-tt.wantP) > 1e-9 || math.Abs(r-tt.wantR) > 1e-9 {
				t.Errorf("ShingleOverlap(%q, %q) = %v, %v, want %v, %v", tt.givePred, tt.giveGold, p, r, tt.wantP, tt.wantR)
			}
		})
	}
}

// bodyOf is a fake extractor: the text between <p> and </p>.
func bodyOf(_ context.Context, p Page) (dossier.Article, error) {
	s := string(p.HTML)
	i, j := strings.Index(s, "<p>"), strings.Index(s, "</p>")
	if i < 0 || j < i {
		return dossier.Article{}, errors.New("no paragraph")
	}
	a := dossier.Article{Text: s[i+3 : j]}
	if k := strings.Index(s, `datetime="`); k >= 0 {
		if d, err := time.Parse(time.DateOnly, s[k+10:k+20]); err == nil {
			a.Date = d
		}
	}
	return a, nil
}

func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestExtract(t *testing.T) {
	html := t.TempDir()
	gold := t.TempDir()
	writeFiles(t, html, map[string]string{
		"a.html":   "<nav>Home</nav><p>Snow closed the mountain pass on Friday evening</p>",
		"b.html":   "<p>Prices rose sharply in March</p>",
		"c.html":   "<div>no paragraph</div>",
		"d.html":   "<p>no gold for this page</p>",
		"note.txt": "not a page",
	})
	writeFiles(t, gold, map[string]string{
		"a.txt":          "Snow closed the mountain pass on Friday evening",
		"b.fulltext.txt": "Prices rose sharply in March and April",
		"c.txt":          "Some text that was missed entirely",
	})
	truth := filepath.Join(t.TempDir(), "truth.json")
	writeFiles(t, filepath.Dir(truth), map[string]string{"truth.json": `{"a": {"articleBody": "Snow closed the mountain pass on Friday evening"}}`})
	tests := []struct {
		name      string
		giveTruth string
		giveGold  string
		wantDocs  int
		wantP     float64
		wantR     float64
	}{
		// a: P=R=1; b: 2 of 2 predicted shingles in gold, 2 of 4 gold; c: failed.
		{name: "gold text", giveGold: gold, wantDocs: 3, wantP: (1 + 1 + 0) / 3.0, wantR: (1 + 0.5 + 0) / 3},
		{name: "truth json", giveTruth: truth, wantDocs: 1, wantP: 1, wantR: 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Extract(context.Background(), html, tt.giveTruth, tt.giveGold, bodyOf, nil)
			if err != nil {
				t.Fatalf("Extract error: %v", err)
			}
			if res.Docs != tt.wantDocs || math.Abs(res.Metrics["precision"]-tt.wantP) > 1e-9 || math.Abs(res.Metrics["recall"]-tt.wantR) > 1e-9 {
				t.Errorf("Extract = %d docs %v, want %d docs precision %v recall %v", res.Docs, res.Metrics, tt.wantDocs, tt.wantP, tt.wantR)
			}
			if want := harmonic(tt.wantP, tt.wantR); math.Abs(res.Metrics["f1"]-want) > 1e-9 {
				t.Errorf("Extract f1 = %v, want %v", res.Metrics["f1"], want)
			}
		})
	}
}

func TestPubdate(t *testing.T) {
	html := t.TempDir()
	writeFiles(t, html, map[string]string{
		"a.html": `<time datetime="2024-06-01">June 1</time><p>Text</p>`,
		"b.html": `<time datetime="2024-06-02">June 2</time><p>Text</p>`,
		"c.html": `<p>No date here</p>`,
		"d.html": `<p>No date either</p>`,
	})
	truth := filepath.Join(t.TempDir(), "dates.json")
	writeFiles(t, filepath.Dir(truth), map[string]string{"dates.json": `[
		{"file": "a.html", "date": "2024-06-01"},
		{"file": "b.html", "date": "2024-06-03"},
		{"file": "c.html", "date": null},
		{"file": "d.html", "date": "2024-01-01"}]`})
	res, err := Pubdate(context.Background(), html, truth, bodyOf, nil)
	if err != nil {
		t.Fatalf("Pubdate error: %v", err)
	}
	if res.Docs != 4 || res.Metrics["acc"] != 0.5 {
		t.Errorf("Pubdate = %d docs acc %v, want 4 docs acc 0.5", res.Docs, res.Metrics["acc"])
	}
}
