package eval

import (
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"dossier"
	"dossier/textpos"
)

// TimeMLDoc is one TimeML document as the timeml task reads it: the text
// content of <TEXT> (tags stripped, entities decoded, every other character
// kept), the document creation time, and the gold TIMEX3s mapped to byte
// spans of that text.
type TimeMLDoc struct {
	Name  string
	Text  string
	DCT   time.Time // zero when the document has no usable DCT
	Timex []dossier.Timex
}

// ParseTimeML reads one TimeML document. The DCT is the value of the TIMEX3
// inside <DCT>; gold spans are the positions of the TIMEX3 tags inside <TEXT>.
func ParseTimeML(r io.Reader) (TimeMLDoc, error) {
	var doc TimeMLDoc
	dec := xml.NewDecoder(r)
	dec.Strict = false
	dec.Entity = xml.HTMLEntity
	var (
		text   strings.Builder
		inText bool
		inDCT  bool
		open   []dossier.Timex // TIMEX3 elements open inside TEXT (they do not nest, but be safe)
	)
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return doc, fmt.Errorf("parse timeml: %w", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "TEXT":
				inText = true
			case "DCT":
				inDCT = true
			case "TIMEX3":
				if inDCT && doc.DCT.IsZero() {
					doc.DCT = parseDCT(attr(t, "value"))
				}
				if inText {
					open = append(open, dossier.Timex{
						Span:  textpos.Span{Start: text.Len()},
						Type:  dossier.TimexType(attr(t, "type")),
						Value: attr(t, "value"),
					})
				}
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "TEXT":
				inText = false
			case "DCT":
				inDCT = false
			case "TIMEX3":
				if inText && len(open) > 0 {
					x := open[len(open)-1]
					open = open[:len(open)-1]
					x.Span.End = text.Len()
					doc.Timex = append(doc.Timex, x)
				}
			}
		case xml.CharData:
			if inText {
				text.Write(t)
			}
		}
	}
	doc.Text = text.String()
	sort.SliceStable(doc.Timex, func(i, j int) bool { return doc.Timex[i].Span.Start < doc.Timex[j].Span.Start })
	return doc, nil
}

func attr(e xml.StartElement, name string) string {
	for _, a := range e.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// parseDCT reads the day of a DCT value: "1998-08-07", "1998-08-07T06:18",
// or "19980807".
func parseDCT(v string) time.Time {
	if len(v) >= 10 {
		if t, err := time.Parse("2006-01-02", v[:10]); err == nil {
			return t
		}
	}
	if len(v) >= 8 {
		if t, err := time.Parse("20060102", v[:8]); err == nil {
			return t
		}
	}
	return time.Time{}
}

// TimeMLCounts holds the counts of one or more scored documents.
type TimeMLCounts struct {
	Relaxed PRF // spans overlap, one to one
	Strict  PRF // spans equal after trimming
	// Matched is the number of relaxed matches; TypeOK and ValueOK count the
	// matches with an equal type and an equal value.
	Matched, TypeOK, ValueOK float64
	// Predicted and Gold are the numbers of predicted and gold expressions.
	Predicted, Gold float64
}

// Add accumulates o into c.
func (c *TimeMLCounts) Add(o TimeMLCounts) {
	c.Relaxed.Add(o.Relaxed)
	c.Strict.Add(o.Strict)
	c.Matched += o.Matched
	c.TypeOK += o.TypeOK
	c.ValueOK += o.ValueOK
	c.Predicted += o.Predicted
	c.Gold += o.Gold
}

// Metrics returns the timeml task's metrics: timex_f1, timex_strict_f1,
// value_f1 (TempEval-3: P = correct values / predicted, R = correct values /
// gold) and type_acc (of relaxed matches).
func (c TimeMLCounts) Metrics() map[string]float64 {
	vp, vr := Ratio(c.ValueOK, c.Predicted), Ratio(c.ValueOK, c.Gold)
	vf := 0.0
	if vp+vr > 0 {
		vf = 2 * vp * vr / (vp + vr)
	}
	if c.Predicted == 0 && c.Gold == 0 {
		vf = 1
	}
	return map[string]float64{
		"timex_f1":        c.Relaxed.F1(),
		"timex_precision": c.Relaxed.Precision(),
		"timex_recall":    c.Relaxed.Recall(),
		"timex_strict_f1": c.Strict.F1(),
		"value_f1":        vf,
		"type_acc":        Ratio(c.TypeOK, c.Matched),
	}
}

// ScoreTimex compares predicted with gold time expressions of one text.
// Relaxed matching pairs each gold expression, in order, with the unmatched
// prediction that overlaps it most; strict matching needs equal spans after
// trimming white space and punctuation at the edges.
func ScoreTimex(text string, pred, gold []dossier.Timex) TimeMLCounts {
	c := TimeMLCounts{Predicted: float64(len(pred)), Gold: float64(len(gold))}
	used := make([]bool, len(pred))
	for _, g := range gold {
		best, bestOv := -1, 0
		for j, p := range pred {
			if used[j] || !p.Span.Overlaps(g.Span) {
				continue
			}
			ov := min(p.Span.End, g.Span.End) - max(p.Span.Start, g.Span.Start)
			if ov > bestOv {
				best, bestOv = j, ov
			}
		}
		if best < 0 {
			continue
		}
		used[best] = true
		c.Matched++
		p := pred[best]
		if p.Type == g.Type {
			c.TypeOK++
		}
		if p.Value == g.Value {
			c.ValueOK++
		}
	}
	c.Relaxed = PRF{TP: c.Matched, FP: c.Predicted - c.Matched, FN: c.Gold - c.Matched}

	const cut = ".,;:!?\"'()[]"
	strictGold := make(map[textpos.Span]int, len(gold))
	for _, g := range gold {
		strictGold[g.Span.Trim(text, cut)]++
	}
	var tp float64
	for _, p := range pred {
		s := p.Span.Trim(text, cut)
		if strictGold[s] > 0 {
			strictGold[s]--
			tp++
		}
	}
	c.Strict = PRF{TP: tp, FP: c.Predicted - tp, FN: c.Gold - tp}
	return c
}

// TimeML scores time expressions against every .tml file under dirs
// (recursively). Each document's DCT is the article date, and the text of
// its <TEXT> element is the article text.
func TimeML(ctx context.Context, dirs []string, analyze Analyzer) (Result, error) {
	var files []string
	for _, dir := range dirs {
		err := filepath.WalkDir(dir, func(path string, e fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if !e.IsDir() && strings.HasSuffix(path, ".tml") {
				files = append(files, path)
			}
			return nil
		})
		if err != nil {
			return Result{}, fmt.Errorf("timeml: %w", err)
		}
	}
	sort.Strings(files)
	var total TimeMLCounts
	for _, path := range files {
		if err := ctx.Err(); err != nil {
			return Result{}, fmt.Errorf("timeml: %w", err)
		}
		c, err := timeMLFile(ctx, path, analyze)
		if err != nil {
			return Result{}, fmt.Errorf("timeml: %s: %w", path, err)
		}
		total.Add(c)
	}
	return Result{Task: "timeml", Docs: len(files), Metrics: total.Metrics()}, nil
}

func timeMLFile(ctx context.Context, path string, analyze Analyzer) (TimeMLCounts, error) {
	f, err := os.Open(path)
	if err != nil {
		return TimeMLCounts{}, err
	}
	defer f.Close()
	doc, err := ParseTimeML(f)
	if err != nil {
		return TimeMLCounts{}, err
	}
	d, err := analyze(ctx, dossier.Article{Text: doc.Text, Date: doc.DCT})
	if err != nil {
		return TimeMLCounts{}, fmt.Errorf("analyze: %w", err)
	}
	return ScoreTimex(doc.Text, d.Timex, doc.Timex), nil
}
