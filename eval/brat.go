package eval

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"dossier"
	"dossier/textpos"
)

// Brat scores attribution against brat standoff relations (PolNeAR's
// Source, Cue and Content): for each NAME.txt in textDir, the annotations in
// annDir/NAME_<annotator>.ann. See BratReport.
func Brat(ctx context.Context, textDir, annDir string, analyze Analyzer) (Result, error) {
	return BratReport(ctx, textDir, annDir, analyze, nil)
}

// BratReport is Brat with per-document details (misses and false alarms)
// written to detail (nil for none).
//
// Choices, documented here because the corpus leaves them open:
//   - Annotators: where an article has several .ann files, the one whose
//     name sorts first is the gold (in PolNeAR's metadata.tsv the
//     annotators of such articles are listed in that same order).
//   - Offsets are Unicode code points; they are converted to bytes with
//     textpos.ByteOffsets. A discontinuous span ("3 10;15 20") keeps its
//     fragments: a content's words are the words of its fragments, and a
//     source or cue matches when any fragment overlaps.
//   - A relation needs a Content; the T labels Attribution and
//     Attribution-no-source only anchor relations and are not scored.
//   - Predictions are grouped into relations as brat groups them: quotes
//     sharing one cue span are one relation (`"A," she said. "B."`), and a
//     quote without a cue that continues the previous quote of the same
//     source span joins it.
//   - Words are runs of letters and digits, identified by their position,
//     so two relations about the same words in different places differ.
//
// Metrics (DESIGN.md): content_f1 (a hit when the word sets have Jaccard >=
// 0.5, pairs taken best first, one to one); content_exact_f1 (the same word
// sets, i.e. equal after trimming spaces and punctuation); source_acc (of
// hits whose gold relation has a Source, the share whose predicted source
// overlaps it); cue_f1 (a predicted cue matches a gold cue when they
// overlap, one to one, over all predicted and gold cues); direct_f1 (hits
// among gold contents that open with a quotation mark against predictions
// of kind direct); indirect_f1 (the rest against the rest).
func BratReport(ctx context.Context, textDir, annDir string, analyze Analyzer, detail io.Writer) (Result, error) {
	if detail == nil {
		detail = io.Discard
	}
	texts, err := filepath.Glob(filepath.Join(textDir, "*.txt"))
	if err != nil {
		return Result{}, fmt.Errorf("eval brat: %w", err)
	}
	sort.Strings(texts)
	var c bratCounts
	docs := 0
	for _, tf := range texts {
		if err := ctx.Err(); err != nil {
			return Result{}, fmt.Errorf("eval brat: %w", err)
		}
		name := strings.TrimSuffix(filepath.Base(tf), ".txt")
		anns, err := filepath.Glob(filepath.Join(annDir, globEscape(name)+"_*.ann"))
		if err != nil {
			return Result{}, fmt.Errorf("eval brat: %w", err)
		}
		if len(anns) == 0 {
			continue
		}
		sort.Strings(anns)
		raw, err := os.ReadFile(tf)
		if err != nil {
			return Result{}, fmt.Errorf("eval brat: %w", err)
		}
		text := string(raw)
		gold, err := readBrat(anns[0], textpos.ByteOffsets(text), len(text))
		if err != nil {
			return Result{}, fmt.Errorf("eval brat: %w", err)
		}
		d, err := analyze(ctx, dossier.Article{Text: text})
		if err != nil {
			return Result{}, fmt.Errorf("eval brat: %s: %w", name, err)
		}
		docs++
		fmt.Fprintf(detail, "== %s (%s)\n", name, filepath.Base(anns[0]))
		scoreBrat(text, gold, predRelations(d.Quotes), &c, detail)
	}
	return Result{
		Task: "brat",
		Docs: docs,
		Metrics: map[string]float64{
			"content_f1":       c.content.F1(),
			"content_exact_f1": c.exact.F1(),
			"source_acc":       Ratio(c.sourceHit, c.sourceN),
			"cue_f1":           c.cue.F1(),
			"direct_f1":        c.direct.F1(),
			"indirect_f1":      c.indirect.F1(),
		},
	}, nil
}

// globEscape escapes the glob metacharacters of a file name.
func globEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r == '*' || r == '?' || r == '[' || r == '\\' {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// bratCounts accumulates the counts behind the brat metrics.
type bratCounts struct {
	content, exact     PRF
	sourceHit, sourceN float64
	cue                PRF
	direct, indirect   PRF
}

// relation is one attribution relation: gold from brat, or predicted.
type relation struct {
	content []textpos.Span // fragments
	cue     []textpos.Span
	source  []textpos.Span
	direct  bool
}

// readBrat reads the relations of one .ann file, converting code point
// offsets to byte offsets with runeToByte.
func readBrat(path string, runeToByte []int, n int) ([]relation, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	spans := map[string][]textpos.Span{}
	var events [][]string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64*1024), 16*1024*1024)
	line := 0
	for sc.Scan() {
		line++
		fields := strings.Split(sc.Text(), "\t")
		if len(fields) < 2 || fields[0] == "" {
			continue
		}
		switch fields[0][0] {
		case 'T':
			sp, err := parseBratSpans(fields[1], runeToByte, n)
			if err != nil {
				return nil, fmt.Errorf("%s:%d: %w", path, line, err)
			}
			spans[fields[0]] = sp
		case 'E':
			events = append(events, strings.Fields(fields[1]))
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	var out []relation
	for _, ev := range events {
		var r relation
		for _, arg := range ev {
			role, id, ok := strings.Cut(arg, ":")
			if !ok {
				continue
			}
			switch strings.TrimRight(role, "0123456789") {
			case "Content":
				r.content = append(r.content, spans[id]...)
			case "Cue":
				r.cue = append(r.cue, spans[id]...)
			case "Source":
				r.source = append(r.source, spans[id]...)
			}
		}
		if len(r.content) == 0 {
			continue
		}
		out = append(out, r)
	}
	return out, nil
}

// parseBratSpans parses "Label START END[;START END...]" into byte spans.
func parseBratSpans(s string, runeToByte []int, n int) ([]textpos.Span, error) {
	_, offs, ok := strings.Cut(s, " ")
	if !ok {
		return nil, fmt.Errorf("brat span %q: no offsets", s)
	}
	var out []textpos.Span
	for frag := range strings.SplitSeq(offs, ";") {
		ab := strings.Fields(frag)
		if len(ab) != 2 {
			return nil, fmt.Errorf("brat span %q: bad fragment %q", s, frag)
		}
		a, err1 := strconv.Atoi(ab[0])
		b, err2 := strconv.Atoi(ab[1])
		if err1 != nil || err2 != nil || a < 0 || b < a || b >= len(runeToByte) {
			return nil, fmt.Errorf("brat span %q: bad offsets %q", s, frag)
		}
		sp := textpos.Span{Start: runeToByte[a], End: runeToByte[b]}
		if !sp.Valid(n) {
			return nil, fmt.Errorf("brat span %q: outside the text", s)
		}
		out = append(out, sp)
	}
	return out, nil
}

// predRelations groups predicted quotes into relations as brat annotates
// them: one per cue span, with cue-less continuations of the same source
// joined to the relation before.
func predRelations(qs []dossier.Quote) []relation {
	var out []relation
	byCue := map[textpos.Span]int{}
	last := -1
	var lastSource textpos.Span
	for _, q := range qs {
		switch {
		case !q.Cue.Empty():
			if k, ok := byCue[q.Cue]; ok {
				out[k].content = append(out[k].content, q.Content)
				last, lastSource = k, q.Source
				continue
			}
		case last >= 0 && !q.Source.Empty() && q.Source == lastSource:
			out[last].content = append(out[last].content, q.Content)
			continue
		}
		r := relation{content: []textpos.Span{q.Content}, direct: q.Kind == dossier.Direct}
		if !q.Cue.Empty() {
			r.cue = []textpos.Span{q.Cue}
			byCue[q.Cue] = len(out)
		}
		if !q.Source.Empty() {
			r.source = []textpos.Span{q.Source}
		}
		out = append(out, r)
		last, lastSource = len(out)-1, q.Source
	}
	return out
}

// wordSet returns the byte offsets of the words (runs of letters and
// digits) inside the fragments.
func wordSet(text string, frags []textpos.Span) map[int]bool {
	out := map[int]bool{}
	for _, f := range frags {
		for _, w := range words(f.Text(text)) {
			out[f.Start+w.Start] = true
		}
	}
	return out
}

func jaccardPos(a, b map[int]bool) float64 {
	if len(a) == 0 && len(b) == 0 {
		return 1
	}
	inter := 0
	for k := range a {
		if b[k] {
			inter++
		}
	}
	return float64(inter) / float64(len(a)+len(b)-inter)
}

func anyOverlap(a, b []textpos.Span) bool {
	for _, x := range a {
		for _, y := range b {
			if x.Overlaps(y) {
				return true
			}
		}
	}
	return false
}

// opensWithQuote reports whether the gold content starts with a quotation
// mark.
func opensWithQuote(text string, frags []textpos.Span) bool {
	if len(frags) == 0 {
		return false
	}
	s := strings.TrimLeft(frags[0].Text(text), " \t\r\n")
	for _, m := range []string{"\"", "“", "”", "«", "„", "'", "‘", "’"} {
		if strings.HasPrefix(s, m) {
			return true
		}
	}
	return false
}

func scoreBrat(text string, gold, pred []relation, c *bratCounts, w io.Writer) {
	gw := make([]map[int]bool, len(gold))
	for i := range gold {
		gw[i] = wordSet(text, gold[i].content)
		gold[i].direct = opensWithQuote(text, gold[i].content)
	}
	pw := make([]map[int]bool, len(pred))
	for i := range pred {
		pw[i] = wordSet(text, pred[i].content)
	}
	type pair struct {
		g, p int
		j    float64
	}
	var pairs []pair
	for g := range gold {
		for p := range pred {
			if j := jaccardPos(gw[g], pw[p]); j >= 0.5 {
				pairs = append(pairs, pair{g, p, j})
			}
		}
	}
	sort.SliceStable(pairs, func(i, j int) bool { return pairs[i].j > pairs[j].j })
	gUsed := make([]bool, len(gold))
	pUsed := make([]bool, len(pred))
	var content, exact, direct, indirect PRF
	for _, p := range pairs {
		if gUsed[p.g] || pUsed[p.p] {
			continue
		}
		gUsed[p.g], pUsed[p.p] = true, true
		content.TP++
		if p.j == 1 {
			exact.TP++
		}
		g, pr := gold[p.g], pred[p.p]
		switch {
		case g.direct && pr.direct:
			direct.TP++
		case !g.direct && !pr.direct:
			indirect.TP++
		}
		if len(g.source) > 0 {
			c.sourceN++
			if anyOverlap(g.source, pr.source) {
				c.sourceHit++
			} else {
				fmt.Fprintf(w, "source: %q = %q, want %q\n", clip(text, g.content), clip(text, pr.source), clip(text, g.source))
			}
		}
	}
	nDirectG, nDirectP := 0.0, 0.0
	for g := range gold {
		if gold[g].direct {
			nDirectG++
		}
		if !gUsed[g] {
			fmt.Fprintf(w, "missed: %q (cue %q, source %q)\n", clip(text, gold[g].content), clip(text, gold[g].cue), clip(text, gold[g].source))
		}
	}
	for p := range pred {
		if pred[p].direct {
			nDirectP++
		}
		if !pUsed[p] {
			fmt.Fprintf(w, "false alarm: %q (cue %q, source %q)\n", clip(text, pred[p].content), clip(text, pred[p].cue), clip(text, pred[p].source))
		}
	}
	nG, nP := float64(len(gold)), float64(len(pred))
	content.FP, content.FN = nP-content.TP, nG-content.TP
	exact.FP, exact.FN = nP-exact.TP, nG-exact.TP
	direct.FP, direct.FN = nDirectP-direct.TP, nDirectG-direct.TP
	indirect.FP, indirect.FN = (nP-nDirectP)-indirect.TP, (nG-nDirectG)-indirect.TP
	c.content.Add(content)
	c.exact.Add(exact)
	c.direct.Add(direct)
	c.indirect.Add(indirect)

	// Cues: overlap, one to one, over all cues.
	var gc, pc []textpos.Span
	for _, g := range gold {
		gc = append(gc, g.cue...)
	}
	for _, p := range pred {
		pc = append(pc, p.cue...)
	}
	cu := make([]bool, len(pc))
	var cue PRF
	for _, g := range gc {
		for k, p := range pc {
			if !cu[k] && g.Overlaps(p) {
				cu[k] = true
				cue.TP++
				break
			}
		}
	}
	cue.FP, cue.FN = float64(len(pc))-cue.TP, float64(len(gc))-cue.TP
	c.cue.Add(cue)
}

// clip returns the text of the fragments joined by " … ", cut to 120 bytes.
func clip(text string, frags []textpos.Span) string {
	var parts []string
	for _, f := range frags {
		parts = append(parts, f.Text(text))
	}
	s := strings.Join(parts, " … ")
	if len(s) > 120 {
		cut := 117
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		s = s[:cut] + "..."
	}
	return s
}
