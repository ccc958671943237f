package eval

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"sort"
	"strings"

	"dossier"
	"dossier/textpos"
)

// conllTypes are the CoNLL-2003 entity types, in the order metrics are named.
var conllTypes = [...]string{"PER", "ORG", "LOC", "MISC"}

// conllDoc is one document of a CoNLL file: tokens with their gold tags and
// the sentence each starts.
type conllDoc struct {
	tokens []string
	tags   []string
	sent   []bool // the token starts a sentence
}

// chunk is an entity over tokens [start, end) with a CoNLL type.
type chunk struct {
	start, end int
	typ        string
}

// CoNLL scores named entities against CoNLL-2003 columns (token, POS, chunk,
// NER tag; IOB tags; "-DOCSTART-" separates documents, blank lines separate
// sentences). Only the first and last columns are read. Each document is
// rebuilt as text (tokens joined by spaces, sentences by newlines) and
// analysed; the mentions of kind name, alias, capital and demonym are mapped
// onto tokens and scored by exact match as conlleval does.
func CoNLL(ctx context.Context, r io.Reader, analyze Analyzer) (Result, error) {
	docs, err := readCoNLL(r)
	if err != nil {
		return Result{}, fmt.Errorf("conll: %w", err)
	}
	var all PRF
	per := map[string]*PRF{}
	for _, t := range conllTypes {
		per[t] = &PRF{}
	}
	n := 0
	for _, doc := range docs {
		if len(doc.tokens) == 0 {
			continue
		}
		if err := ctx.Err(); err != nil {
			return Result{}, fmt.Errorf("conll: %w", err)
		}
		text, offs := doc.text()
		d, err := analyze(ctx, dossier.Article{Text: text})
		if err != nil {
			return Result{}, fmt.Errorf("conll: analyze document %d: %w", n+1, err)
		}
		n++
		gold := goldChunks(doc.tags)
		pred := predictedChunks(d.Entities, offs)
		scoreChunks(gold, pred, &all, per)
	}
	res := Result{Task: "conll", Docs: n, Metrics: map[string]float64{
		"f1":        all.F1(),
		"precision": all.Precision(),
		"recall":    all.Recall(),
	}}
	for _, t := range conllTypes {
		res.Metrics["f1_"+t] = per[t].F1()
	}
	return res, nil
}

// readCoNLL splits CoNLL columns into documents.
func readCoNLL(r io.Reader) ([]conllDoc, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	var docs []conllDoc
	cur := conllDoc{}
	newSent := true
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			newSent = true
			continue
		}
		fields := strings.Fields(line)
		if fields[0] == "-DOCSTART-" {
			if len(cur.tokens) > 0 {
				docs = append(docs, cur)
			}
			cur = conllDoc{}
			newSent = true
			continue
		}
		tag := "O"
		if len(fields) > 1 {
			tag = fields[len(fields)-1]
		}
		cur.tokens = append(cur.tokens, fields[0])
		cur.tags = append(cur.tags, tag)
		cur.sent = append(cur.sent, newSent)
		newSent = false
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read: %w", err)
	}
	if len(cur.tokens) > 0 {
		docs = append(docs, cur)
	}
	return docs, nil
}

// text joins the document's tokens with spaces and its sentences with
// newlines, and returns each token's byte span.
func (d conllDoc) text() (string, []textpos.Span) {
	var b strings.Builder
	offs := make([]textpos.Span, len(d.tokens))
	for i, t := range d.tokens {
		if i > 0 {
			if d.sent[i] {
				b.WriteByte('\n')
			} else {
				b.WriteByte(' ')
			}
		}
		offs[i].Start = b.Len()
		b.WriteString(t)
		offs[i].End = b.Len()
	}
	return b.String(), offs
}

// goldChunks reads entity chunks from IOB1 or IOB2 tags as conlleval does.
func goldChunks(tags []string) []chunk {
	var out []chunk
	open := -1
	typ := ""
	for i := 0; i <= len(tags); i++ {
		prefix, t := "O", ""
		if i < len(tags) && tags[i] != "O" && len(tags[i]) > 2 {
			prefix, t = tags[i][:1], tags[i][2:]
		}
		start := prefix == "B" || prefix == "I" && (open < 0 || t != typ)
		end := open >= 0 && (prefix == "O" || start)
		if end {
			out = append(out, chunk{open, i, typ})
			open, typ = -1, ""
		}
		if start {
			open, typ = i, t
		}
	}
	return out
}

// conllType maps an entity type and mention kind to a CoNLL type, or "".
func conllType(t dossier.EntityType, k dossier.MentionKind) string {
	switch k {
	case dossier.MentionName, dossier.MentionAlias, dossier.MentionCapital:
	case dossier.MentionDemonym:
		return "MISC"
	default:
		return ""
	}
	switch t {
	case dossier.Person:
		return "PER"
	case dossier.Org, dossier.Outlet:
		return "ORG"
	case dossier.GPE, dossier.Loc:
		return "LOC"
	case dossier.NORP, dossier.Other:
		return "MISC"
	}
	return ""
}

// predictedChunks maps entity mentions onto token indices. A mention covering
// part of a token covers the token; of overlapping mentions the longest is kept.
func predictedChunks(ents []dossier.Entity, offs []textpos.Span) []chunk {
	var cands []chunk
	for _, e := range ents {
		for _, m := range e.Mentions {
			t := conllType(e.Type, m.Kind)
			if t == "" || m.Span.Empty() {
				continue
			}
			s := sort.Search(len(offs), func(i int) bool { return offs[i].End > m.Span.Start })
			en := sort.Search(len(offs), func(i int) bool { return offs[i].Start >= m.Span.End })
			if s >= en {
				continue
			}
			cands = append(cands, chunk{s, en, t})
		}
	}
	sort.SliceStable(cands, func(i, j int) bool {
		li, lj := cands[i].end-cands[i].start, cands[j].end-cands[j].start
		if li != lj {
			return li > lj
		}
		return cands[i].start < cands[j].start
	})
	taken := make(map[int]bool)
	var out []chunk
	for _, c := range cands {
		free := true
		for k := c.start; k < c.end; k++ {
			if taken[k] {
				free = false
				break
			}
		}
		if !free {
			continue
		}
		for k := c.start; k < c.end; k++ {
			taken[k] = true
		}
		out = append(out, c)
	}
	return out
}

// scoreChunks counts exact matches of predicted against gold chunks.
func scoreChunks(gold, pred []chunk, all *PRF, per map[string]*PRF) {
	g := make(map[chunk]bool, len(gold))
	for _, c := range gold {
		g[c] = true
	}
	for _, c := range pred {
		p := per[c.typ]
		if g[c] {
			all.TP++
			p.TP++
			delete(g, c)
		} else {
			all.FP++
			p.FP++
		}
	}
	for c := range g {
		all.FN++
		if p := per[c.typ]; p != nil {
			p.FN++
		}
	}
}
