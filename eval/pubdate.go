package eval

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"
)

// PubdateGold is one entry of the pubdate task's truth file.
type PubdateGold struct {
	// File is the page's file name in the HTML directory.
	File string `json:"file"`
	// URL is the page's address, when known; the extractor may use it.
	URL string `json:"url"`
	// Date is the publication day as YYYY-MM-DD, or nil when the page has
	// no reliable date.
	Date *string `json:"date"`
}

// Pubdate scores publication-date extraction: the pubdate task. truthFile
// is a JSON list of {"file", "date"} (date YYYY-MM-DD or null, "url"
// optional); each file is read from htmlDir (gzip-compressed or not) and
// handed to extract. A page is a hit when the Article's date falls on the
// gold day, or, for a null gold, when the Article has no date. A failed
// extraction counts as "no date". The metric is acc, hits over pages.
//
// Per-page lines "FILE\tGOLD\tGOT\tok|MISS" go to detail.
func Pubdate(ctx context.Context, htmlDir, truthFile string, extract Extractor, detail io.Writer) (Result, error) {
	data, err := os.ReadFile(truthFile)
	if err != nil {
		return Result{}, fmt.Errorf("eval pubdate: %w", err)
	}
	var gold []PubdateGold
	if err := json.Unmarshal(data, &gold); err != nil {
		return Result{}, fmt.Errorf("eval pubdate: %s: %w", truthFile, err)
	}
	hits := 0
	for _, g := range gold {
		if err := ctx.Err(); err != nil {
			return Result{}, fmt.Errorf("eval pubdate: %w", err)
		}
		want := ""
		if g.Date != nil {
			d, err := time.Parse(time.DateOnly, *g.Date)
			if err != nil {
				return Result{}, fmt.Errorf("eval pubdate: %s: date %q: %w", g.File, *g.Date, err)
			}
			want = d.Format(time.DateOnly)
		}
		raw, err := readPage(filepath.Join(htmlDir, g.File))
		if err != nil {
			return Result{}, fmt.Errorf("eval pubdate: %w", err)
		}
		name, ok := pageName(g.File)
		if !ok {
			name = g.File
		}
		got := ""
		a, xerr := extract(ctx, Page{Name: name, URL: g.URL, HTML: raw})
		if xerr == nil && a.HasDate() {
			got = a.Date.Format(time.DateOnly)
		}
		hit := got == want
		if hit {
			hits++
		}
		if detail != nil {
			mark := "ok"
			if !hit {
				mark = "MISS"
			}
			fmt.Fprintf(detail, "%s\t%s\t%s\t%s\n", g.File, orNone(want), orNone(got), mark)
		}
	}
	return Result{Task: "pubdate", Docs: len(gold), Metrics: map[string]float64{
		"acc": Ratio(float64(hits), float64(len(gold))),
	}}, nil
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}
