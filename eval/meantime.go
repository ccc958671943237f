package eval

import (
	"context"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"dossier"
	"dossier/textpos"
)

// MEANTIME scores time expressions on the NewsReader MEANTIME corpus
// (Wikinews, CC BY 4.0): a second TIMEX3 corpus, annotated by other people
// with other habits than TimeBank, used as a check that the time rules
// generalize beyond the data they were developed on. It reports the metrics
// of the timeml task. Texts are rebuilt from the corpus tokens (single spaces
// inside a sentence, one sentence per line); the document creation time is
// the TIMEX3 whose functionInDocument is CREATION_TIME.
func MEANTIME(ctx context.Context, dirs []string, analyze Analyzer) (Result, error) {
	var files []string
	for _, d := range dirs {
		err := filepath.WalkDir(d, func(p string, e os.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if !e.IsDir() && strings.HasSuffix(p, ".xml") {
				files = append(files, p)
			}
			return nil
		})
		if err != nil {
			return Result{}, fmt.Errorf("eval meantime: %w", err)
		}
	}
	sort.Strings(files)
	var total TimeMLCounts
	for _, f := range files {
		fh, err := os.Open(f)
		if err != nil {
			return Result{}, fmt.Errorf("eval meantime: %w", err)
		}
		doc, err := parseMEANTIME(fh)
		fh.Close()
		if err != nil {
			return Result{}, fmt.Errorf("eval meantime: %s: %w", f, err)
		}
		d, err := analyze(ctx, dossier.Article{Text: doc.text, Date: doc.dct})
		if err != nil {
			return Result{}, fmt.Errorf("eval meantime: %s: %w", f, err)
		}
		// MEANTIME annotates only the first sentences of each article:
		// predictions past the annotated region are not scored.
		var pred []dossier.Timex
		for _, t := range d.Timex {
			if t.Span.Start < doc.annotatedEnd && !doc.dateline.Contains(t.Span) {
				pred = append(pred, t)
			}
		}
		total.Add(ScoreTimex(doc.text, pred, doc.timex))
	}
	return Result{Task: "meantime", Docs: len(files), Metrics: total.Metrics()}, nil
}

type meantimeDoc struct {
	text string
	// annotatedEnd is the end of the last sentence holding any markable.
	annotatedEnd int
	// dateline is the line under the title that states the creation time;
	// MEANTIME gives it no anchored TIMEX3, so predictions in it are not
	// scored.
	dateline textpos.Span
	dct      time.Time
	timex    []dossier.Timex
}

// parseMEANTIME reads one MEANTIME XML document: its tokens and the TIMEX3
// markables anchored to them.
func parseMEANTIME(r io.Reader) (meantimeDoc, error) {
	dec := xml.NewDecoder(r)
	var (
		b        strings.Builder
		spans    = map[string]textpos.Span{} // token id -> span in text
		sentOf   = map[string]string{}       // token id -> sentence number
		sentEnd  = map[string]int{}          // sentence number -> end offset
		lastAnno = ""                        // sentence of the last markable anchor
		lastSent = ""
		doc      meantimeDoc
		inToken  string // t_id of the open token
		tokSent  string
		timex    *struct {
			typ, value, fn string
			anchors        []string
		}
	)
	for {
		t, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return doc, err
		}
		switch e := t.(type) {
		case xml.StartElement:
			switch e.Name.Local {
			case "token":
				inToken, tokSent = attr(e, "t_id"), attr(e, "sentence")
			case "TIMEX3":
				timex = &struct {
					typ, value, fn string
					anchors        []string
				}{typ: attr(e, "type"), value: attr(e, "value"), fn: attr(e, "functionInDocument")}
			case "token_anchor":
				if sn, ok := sentOf[attr(e, "t_id")]; ok {
					if a, _ := strconv.Atoi(sn); lastAnno == "" || a > mustAtoi(lastAnno) {
						lastAnno = sn
					}
				}
				if timex != nil {
					timex.anchors = append(timex.anchors, attr(e, "t_id"))
				}
			}
		case xml.CharData:
			if inToken == "" {
				continue
			}
			w := strings.TrimSpace(string(e))
			if w == "" {
				continue
			}
			if b.Len() > 0 {
				if tokSent != lastSent {
					b.WriteByte('\n')
				} else {
					b.WriteByte(' ')
				}
			}
			lastSent = tokSent
			start := b.Len()
			b.WriteString(w)
			spans[inToken] = textpos.Span{Start: start, End: b.Len()}
			sentOf[inToken] = tokSent
			sentEnd[tokSent] = b.Len()
			inToken = "" // one CharData per token
		case xml.EndElement:
			switch e.Name.Local {
			case "token":
				inToken = ""
			case "TIMEX3":
				if timex == nil {
					continue
				}
				if timex.fn == "CREATION_TIME" {
					doc.dct = parseDCT(timex.value)
				}
				var sp textpos.Span
				found := false
				for _, a := range timex.anchors {
					s, ok := spans[a]
					if !ok {
						continue
					}
					if !found {
						sp, found = s, true
					} else {
						sp = sp.Union(s)
					}
				}
				// The creation time has no anchor in the body; skip it.
				if found && timex.fn != "CREATION_TIME" {
					doc.timex = append(doc.timex, dossier.Timex{Span: sp, Type: dossier.TimexType(timex.typ), Value: timex.value})
				}
				timex = nil
			}
		}
	}
	doc.text = b.String()
	doc.annotatedEnd = sentEnd[lastAnno]
	if end, ok := sentEnd["1"]; ok {
		doc.dateline = textpos.Span{Start: sentEnd["0"], End: end}
	}
	sort.Slice(doc.timex, func(i, j int) bool { return doc.timex[i].Span.Start < doc.timex[j].Span.Start })
	return doc, nil
}

func mustAtoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}
