package eval

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"dossier"
)

// Page is one HTML page handed to an Extractor.
type Page struct {
	// Name is the page's name: its file name without ".html" or ".html.gz".
	Name string
	// URL is the page's address when the gold data gives it, else "".
	URL string
	// HTML is the page's bytes (decompressed).
	HTML []byte
}

// Extractor turns one HTML page into an Article (main text and metadata).
// The extract and pubdate tasks receive it from the caller (cmd/dossier), so
// eval does not depend on any ingest package.
type Extractor func(ctx context.Context, p Page) (dossier.Article, error)

// shingleSize is the length of the word n-grams that extract compares.
const shingleSize = 4

// Extract scores main-text extraction: the extract task. Pages are the
// files NAME.html and NAME.html.gz in htmlDir. The gold text of NAME comes
// from truthFile, a JSON object keyed by NAME whose values hold
// "articleBody" (the Zyte article-extraction-benchmark), or, when truthFile
// is "", from goldTextDir: NAME.txt or NAME.fulltext.txt. Pages without
// gold text are skipped.
//
// Per page, the predicted and gold texts are split into word tokens
// (maximal runs of letters, digits, marks and "_", as Python's \w+), and
// their word 4-gram shingles are compared as multisets: precision is the
// share of predicted shingles found in the gold, recall the share of gold
// shingles found in the prediction (a text of fewer than four words is one
// shingle). Precision and recall are averaged over pages, and f1 is the
// harmonic mean of the two averages, as the Zyte benchmark computes it.
// A page whose extraction fails counts with precision and recall 0.
//
// Per-page lines "NAME\tP\tR\tF1[\terror]" go to detail.
func Extract(ctx context.Context, htmlDir, truthFile, goldTextDir string, extract Extractor, detail io.Writer) (Result, error) {
	pages, err := listPages(htmlDir)
	if err != nil {
		return Result{}, fmt.Errorf("eval extract: %w", err)
	}
	var truth map[string]struct {
		ArticleBody string `json:"articleBody"`
		URL         string `json:"url"`
	}
	if truthFile != "" {
		data, err := os.ReadFile(truthFile)
		if err != nil {
			return Result{}, fmt.Errorf("eval extract: %w", err)
		}
		if err := json.Unmarshal(data, &truth); err != nil {
			return Result{}, fmt.Errorf("eval extract: %s: %w", truthFile, err)
		}
	}
	var sumP, sumR float64
	docs := 0
	for _, pg := range pages {
		if err := ctx.Err(); err != nil {
			return Result{}, fmt.Errorf("eval extract: %w", err)
		}
		var gold, url string
		if truth != nil {
			t, ok := truth[pg.name]
			if !ok {
				continue
			}
			gold, url = t.ArticleBody, t.URL
		} else {
			g, ok, err := readGoldText(goldTextDir, pg.name)
			if err != nil {
				return Result{}, fmt.Errorf("eval extract: %w", err)
			}
			if !ok {
				continue
			}
			gold = g
		}
		raw, err := readPage(pg.path)
		if err != nil {
			return Result{}, fmt.Errorf("eval extract: %w", err)
		}
		docs++
		a, xerr := extract(ctx, Page{Name: pg.name, URL: url, HTML: raw})
		var p, r float64
		if xerr == nil {
			p, r = ShingleOverlap(a.Text, gold)
		}
		sumP += p
		sumR += r
		if detail != nil {
			line := fmt.Sprintf("%s\t%.4f\t%.4f\t%.4f", pg.name, p, r, harmonic(p, r))
			if xerr != nil {
				line += "\t" + xerr.Error()
			}
			fmt.Fprintln(detail, line)
		}
	}
	res := Result{Task: "extract", Docs: docs, Metrics: map[string]float64{}}
	p, r := Ratio(sumP, float64(docs)), Ratio(sumR, float64(docs))
	res.Metrics["precision"] = p
	res.Metrics["recall"] = r
	res.Metrics["f1"] = harmonic(p, r)
	return res, nil
}

func harmonic(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// ShingleOverlap compares the word 4-gram shingles of a predicted and a gold
// text and returns precision and recall (see Extract). Two empty texts
// agree fully; an empty prediction against a non-empty gold scores 0, 0.
func ShingleOverlap(pred, gold string) (precision, recall float64) {
	ps, gs := shingles(pred), shingles(gold)
	np, ng := 0, 0
	for _, n := range ps {
		np += n
	}
	for _, n := range gs {
		ng += n
	}
	if np == 0 && ng == 0 {
		return 1, 1
	}
	tp := 0
	for s, n := range ps {
		tp += min(n, gs[s])
	}
	return Ratio(float64(tp), float64(np)), Ratio(float64(tp), float64(ng))
}

// shingles counts the word n-grams of s, each joined with single spaces.
func shingles(s string) map[string]int {
	var toks []string
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !isWordRune(r) {
			i += size
			continue
		}
		j := i + size
		for j < len(s) {
			r, size := utf8.DecodeRuneInString(s[j:])
			if !isWordRune(r) {
				break
			}
			j += size
		}
		toks = append(toks, s[i:j])
		i = j
	}
	out := make(map[string]int, len(toks))
	if len(toks) == 0 {
		return out
	}
	n := max(1, len(toks)-shingleSize+1)
	for i := range n {
		out[strings.Join(toks[i:min(i+shingleSize, len(toks))], " ")]++
	}
	return out
}

// isWordRune reports whether r belongs to a \w+ token in Python's sense.
func isWordRune(r rune) bool {
	return r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || unicode.IsNumber(r)
}

// pageFile is one HTML page of a dev set.
type pageFile struct{ name, path string }

// listPages returns the NAME.html and NAME.html.gz files of dir, sorted by
// name.
func listPages(dir string) ([]pageFile, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var out []pageFile
	for _, e := range entries {
		if e.IsDir() {
			continue
		}
		n := e.Name()
		name, ok := pageName(n)
		if !ok {
			continue
		}
		out = append(out, pageFile{name: name, path: filepath.Join(dir, n)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].name < out[j].name })
	return out, nil
}

// pageName returns NAME for "NAME.html", "NAME.htm" or "NAME.html.gz".
func pageName(file string) (string, bool) {
	for _, suf := range []string{".html.gz", ".htm.gz", ".html", ".htm"} {
		if n, ok := strings.CutSuffix(file, suf); ok && n != "" {
			return n, true
		}
	}
	return "", false
}

// readPage reads a page file, decompressing it when it is gzip.
func readPage(path string) ([]byte, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	if len(data) < 2 || data[0] != 0x1f || data[1] != 0x8b {
		return data, nil
	}
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	defer zr.Close()
	out, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return out, nil
}

// readGoldText reads NAME.txt or NAME.fulltext.txt from dir.
func readGoldText(dir, name string) (string, bool, error) {
	for _, suf := range []string{".txt", ".fulltext.txt"} {
		data, err := os.ReadFile(filepath.Join(dir, name+suf))
		if err == nil {
			return string(data), true, nil
		}
		if !os.IsNotExist(err) {
			return "", false, err
		}
	}
	return "", false, nil
}
