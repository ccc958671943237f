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
//     quote without a cue joins the latest relation of the same source
//     span when that relation holds quoted words (a continuation); after
//     an indirect statement it is a relation of its own.
//   - Nested attributions: PolNeAR annotates the outermost only, so a
//     predicted relation whose cue lies inside another predicted content
//     is not scored (see outermost).
//   - direct_f1 and indirect_f1 split predictions by their kind, as the
//     contract says. direct_open_f1 and indirect_open_f1 split them the
//     way PolNeAR splits gold: a prediction counts as direct only when its
//     quotation mark opens its clause (opensQuotation), so `he had "no
//     indication"` — a direct quote in dossier's convention, an indirect
//     content opening with "he" in PolNeAR's — counts as indirect there.
//     They are diagnostics of the two conventions, not a replacement.
//   - Every class of attribution counts (dossier.Quote.Class): PolNeAR's
//     guidelines annotate beliefs, intentions, evaluations and nominal
//     cues as attribution, not only speech.
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
		scoreBrat(text, gold, outermost(predRelations(text, d.Quotes)), &c, detail)
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
			"direct_open_f1":   c.directOpen.F1(),
			"indirect_open_f1": c.indirectOpen.F1(),
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
	// directOpen and indirectOpen count a prediction as direct only when
	// its quotation mark opens its clause, PolNeAR's own definition.
	directOpen, indirectOpen PRF
}

// relation is one attribution relation: gold from brat, or predicted.
type relation struct {
	content []textpos.Span // fragments
	cue     []textpos.Span
	source  []textpos.Span
	direct  bool // a prediction of kind direct; for gold, content opens with a quotation mark
	opens   bool // a prediction whose quotation mark opens its clause (opensQuotation)
	quoted  bool // a prediction holding quoted words (kind direct or mixed)
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
func predRelations(text string, qs []dossier.Quote) []relation {
	var out []relation
	byCue := map[textpos.Span]int{}
	bySource := map[textpos.Span]int{} // the latest relation of each source span
	for _, q := range qs {
		switch {
		case !q.Cue.Empty():
			if k, ok := byCue[q.Cue]; ok {
				out[k].content = append(out[k].content, q.Content)
				continue
			}
		case !q.Source.Empty():
			// Only a quotation continues a quotation: after an indirect
			// statement, a quotation of the same source is a relation of
			// its own.
			if k, ok := bySource[q.Source]; ok && out[k].quoted {
				out[k].content = append(out[k].content, q.Content)
				continue
			}
		}
		r := relation{content: []textpos.Span{q.Content}, direct: q.Kind == dossier.Direct, opens: opensQuotation(text, q), quoted: q.Kind != dossier.Indirect}
		if !q.Cue.Empty() {
			r.cue = []textpos.Span{q.Cue}
			byCue[q.Cue] = len(out)
		}
		if !q.Source.Empty() {
			r.source = []textpos.Span{q.Source}
			bySource[q.Source] = len(out)
		}
		out = append(out, r)
	}
	return out
}

// outermost drops the relations whose cue lies inside another relation's
// content: PolNeAR annotates only the outermost of nested attributions
// ("X said Y told reporters that C" is one relation, X's), while dossier
// reports the inner one too.
func outermost(rs []relation) []relation {
	out := rs[:0:0]
	for i, r := range rs {
		nested := false
		for j := range rs {
			if j != i && len(r.cue) > 0 && containsAny(rs[j].content, r.cue[0]) {
				nested = true
				break
			}
		}
		if !nested {
			out = append(out, r)
		}
	}
	return out
}

// containsAny reports whether one of the fragments contains sp.
func containsAny(frags []textpos.Span, sp textpos.Span) bool {
	for _, f := range frags {
		if f.Contains(sp) {
			return true
		}
	}
	return false
}

// opensQuotation reports whether a predicted quote counts as direct in
// PolNeAR's terms, where a content is direct when it opens with a quotation
// mark: the quote is of kind direct, its words follow an opening quotation
// mark, and nothing but punctuation stands between the cue and that mark
// (`said: "..."`, `"...," she said`, a continuation without a cue). A
// quotation after other words of the reported clause (`said that "..."`,
// `called the plan "a mess"`) is, for PolNeAR, part of a longer content
// that does not open with the mark.
func opensQuotation(text string, q dossier.Quote) bool {
	if q.Kind != dossier.Direct || !q.Content.Valid(len(text)) {
		return false
	}
	before := strings.TrimRight(text[:q.Content.Start], " \t\r\n")
	mark := false
	for more := true; more; {
		more = false
		for _, m := range []string{"\"", "“", "”", "«", "„", "'", "‘", "’", "`"} {
			if strings.HasSuffix(before, m) {
				before, mark, more = before[:len(before)-len(m)], true, true
				break
			}
		}
	}
	if !mark {
		return false
	}
	if q.Cue.Empty() || q.Cue.Start >= q.Content.Start || q.Cue.End > len(before) {
		// The mark must open its clause: `The country "has ..."` is a
		// content that opens with "The country".
		b := strings.TrimRight(before, " \t")
		if b == "" || strings.HasSuffix(b, "\n") {
			return true
		}
		r, _ := utf8.DecodeLastRuneInString(b)
		return strings.ContainsRune(".?!:,;—–-()[]", r)
	}
	gap := strings.TrimSpace(text[q.Cue.End:len(before)])
	if !q.Addressee.Empty() && q.Addressee.Start >= q.Cue.End && q.Addressee.End <= len(before) {
		gap = strings.TrimSpace(text[q.Addressee.End:len(before)])
	}
	return gap == "" || strings.HasSuffix(gap, ":") || strings.HasSuffix(gap, ",")
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
			if j := jaccard(gw[g], pw[p]); j >= 0.5 {
				pairs = append(pairs, pair{g, p, j})
			}
		}
	}
	sort.SliceStable(pairs, func(i, j int) bool { return pairs[i].j > pairs[j].j })
	gUsed := make([]bool, len(gold))
	pUsed := make([]bool, len(pred))
	var content, exact PRF
	var matched [][2]int // (gold, pred) hits
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
		matched = append(matched, [2]int{p.g, p.p})
		if g.direct != pr.direct {
			fmt.Fprintf(w, "kind: %q direct = %v, want %v (predicted %q)\n", clip(text, g.content), pr.direct, g.direct, clip(text, pr.content))
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
	for g := range gold {
		if !gUsed[g] {
			fmt.Fprintf(w, "missed: %q (cue %q, source %q)", clip(text, gold[g].content), clip(text, gold[g].cue), clip(text, gold[g].source))
			best, bp := 0.0, -1
			for p := range pred {
				if j := jaccard(gw[g], pw[p]); j > best {
					best, bp = j, p
				}
			}
			if bp >= 0 {
				fmt.Fprintf(w, " nearest %.2f %q", best, clip(text, pred[bp].content))
			}
			for _, p := range pred {
				if anyOverlap(gold[g].cue, p.cue) {
					fmt.Fprintf(w, " [cue found: %q]", clip(text, p.content))
					break
				}
			}
			fmt.Fprintln(w)
		}
	}
	for p := range pred {
		if !pUsed[p] {
			fmt.Fprintf(w, "false alarm: %q (cue %q, source %q)\n", clip(text, pred[p].content), clip(text, pred[p].cue), clip(text, pred[p].source))
		}
	}
	nG, nP := float64(len(gold)), float64(len(pred))
	content.FP, content.FN = nP-content.TP, nG-content.TP
	exact.FP, exact.FN = nP-exact.TP, nG-exact.TP
	c.content.Add(content)
	c.exact.Add(exact)
	d, i := kindCounts(gold, pred, matched, func(r relation) bool { return r.direct })
	c.direct.Add(d)
	c.indirect.Add(i)
	d, i = kindCounts(gold, pred, matched, func(r relation) bool { return r.opens })
	c.directOpen.Add(d)
	c.indirectOpen.Add(i)

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

// kindCounts splits the hits and the predicted and gold relations into
// direct and indirect by isDirect (gold relations by their own direct flag:
// content opening with a quotation mark).
func kindCounts(gold, pred []relation, matched [][2]int, isDirect func(relation) bool) (direct, indirect PRF) {
	for _, m := range matched {
		g, p := gold[m[0]].direct, isDirect(pred[m[1]])
		switch {
		case g && p:
			direct.TP++
		case !g && !p:
			indirect.TP++
		}
	}
	nDirectG, nDirectP := 0.0, 0.0
	for _, g := range gold {
		if g.direct {
			nDirectG++
		}
	}
	for _, p := range pred {
		if isDirect(p) {
			nDirectP++
		}
	}
	nG, nP := float64(len(gold)), float64(len(pred))
	direct.FP, direct.FN = nDirectP-direct.TP, nDirectG-direct.TP
	indirect.FP, indirect.FN = (nP-nDirectP)-indirect.TP, (nG-nDirectG)-indirect.TP
	return direct, indirect
}
