package eval

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"sort"
	"strings"
	"time"
	"unicode"

	"dossier"
	"dossier/nlp"
	"dossier/textpos"
)

// Reader turns the bytes of a plain-text article into an Article, exactly as
// `dossier analyze` reads a file.
type Reader func(name string, data []byte) (dossier.Article, error)

// GoldDoc is one dossier gold file (gold/FORMAT.md).
type GoldDoc struct {
	ID       string       `json:"id"`
	Date     string       `json:"date"`
	Text     string       `json:"text"`
	Entities []GoldEntity `json:"entities"`
	Quotes   []GoldQuote  `json:"quotes"`
	Claims   []GoldClaim  `json:"claims"`
	Timex    []GoldTimex  `json:"timex"`
	Figures  []GoldFigure `json:"figures"`
}

// GoldEntity is a gold entity.
type GoldEntity struct {
	Name     string   `json:"name"`
	Type     string   `json:"type"`
	Title    string   `json:"title"`
	Party    string   `json:"party"`
	Region   string   `json:"region"`
	Aliases  []string `json:"aliases"`
	Optional bool     `json:"optional"`
}

// GoldQuote is a gold attribution.
type GoldQuote struct {
	Kind        string `json:"kind"`
	Content     string `json:"content"`
	Speaker     string `json:"speaker"`
	Cue         string `json:"cue"`
	SourceType  string `json:"source_type"`
	SourceCount int    `json:"source_count"`
	Optional    bool   `json:"optional"`
}

// GoldClaim is a gold claim with its stance ledger.
type GoldClaim struct {
	ID          string       `json:"id"`
	Proposition string       `json:"proposition"`
	Stances     []GoldStance `json:"stances"`
}

// GoldStance is one gold ledger entry.
type GoldStance struct {
	Source      string `json:"source"`
	SourceType  string `json:"source_type"`
	SourceCount int    `json:"source_count"`
	Stance      string `json:"stance"`
	Evidence    string `json:"evidence"`
}

// GoldTimex is a gold time expression, located by Text inside the first
// occurrence of Context.
type GoldTimex struct {
	Text    string `json:"text"`
	Context string `json:"context"`
	Value   string `json:"value"`
}

// GoldFigure is a gold figure; absent fields are not compared.
type GoldFigure struct {
	Text       string   `json:"text"`
	Instrument string   `json:"instrument"`
	Direction  string   `json:"direction"`
	ChangePct  *float64 `json:"change_pct"`
	Level      *float64 `json:"level"`
	Value      *float64 `json:"value"`
	Unit       string   `json:"unit"`
	Optional   bool     `json:"optional"`
}

// goldCounts accumulates the counts behind the gold metrics.
type goldCounts struct {
	entity           PRF
	titleHit, titleN float64
	quote            PRF
	speakerHit       float64
	stance           PRF
	timexHit, timexN float64
	figure           PRF
}

// Gold scores dossier against dossier gold JSON files. Per-document details
// go to detail (nil for none).
//
// Quote classes: gold lists statements as required items and leaves
// attitude verbs, requests, questions and nominal cues optional
// (gold/FORMAT.md), so a
// predicted quote whose class is not speech (dossier.Quote.IsSpeech) may hit
// a gold item but is never counted as a false alarm.
func Gold(ctx context.Context, files []string, read Reader, analyze Analyzer, detail io.Writer) (Result, error) {
	if detail == nil {
		detail = io.Discard
	}
	var c goldCounts
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			return Result{}, fmt.Errorf("eval gold: %w", err)
		}
		var g GoldDoc
		if err := json.Unmarshal(raw, &g); err != nil {
			return Result{}, fmt.Errorf("eval gold: %s: %w", f, err)
		}
		a, err := read(f, []byte(g.Text))
		if err != nil {
			return Result{}, fmt.Errorf("eval gold: %s: %w", f, err)
		}
		if g.Date != "" {
			d, err := time.Parse("2006-01-02", g.Date)
			if err != nil {
				return Result{}, fmt.Errorf("eval gold: %s: date: %w", f, err)
			}
			a.Date = d
		}
		doc, err := analyze(ctx, a)
		if err != nil {
			return Result{}, fmt.Errorf("eval gold: %s: %w", f, err)
		}
		fmt.Fprintf(detail, "== %s\n", f)
		scoreGold(&g, doc, &c, detail)
	}
	return Result{
		Task: "gold",
		Docs: len(files),
		Metrics: map[string]float64{
			"entity_f1":       c.entity.F1(),
			"title_acc":       Ratio(c.titleHit, c.titleN),
			"quote_f1":        c.quote.F1(),
			"speaker_acc":     Ratio(c.speakerHit, c.quote.TP),
			"stance_f1":       c.stance.F1(),
			"timex_value_acc": Ratio(c.timexHit, c.timexN),
			"figure_f1":       c.figure.F1(),
		},
	}, nil
}

func norm(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

// names returns the normalized name and aliases of a gold entity.
func (e GoldEntity) names() []string {
	out := []string{norm(e.Name)}
	for _, a := range e.Aliases {
		out = append(out, norm(a))
	}
	return out
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

func scoreGold(g *GoldDoc, d *nlp.Doc, c *goldCounts, w io.Writer) {
	src := d.Text
	// Entities: document level, name (or alias) and type.
	used := make([]bool, len(g.Entities))
	for _, p := range d.Entities {
		pn := norm(p.Name)
		match := -1
		for i, ge := range g.Entities {
			if !used[i] && ge.Type == string(p.Type) && contains(ge.names(), pn) {
				match = i
				break
			}
		}
		if match < 0 {
			if p.Type == dossier.NORP || matchesOptionalEntity(g.Entities, pn) {
				continue
			}
			c.entity.FP++
			fmt.Fprintf(w, "entity false alarm: %s %s\n", p.Type, p.Name)
			continue
		}
		used[match] = true
		ge := g.Entities[match]
		if ge.Optional {
			continue
		}
		c.entity.TP++
		if ge.Title != "" {
			c.titleN++
			if norm(ge.Title) == norm(p.Title) {
				c.titleHit++
			} else {
				fmt.Fprintf(w, "title: %s = %q, want %q\n", ge.Name, p.Title, ge.Title)
			}
		}
	}
	for i, ge := range g.Entities {
		if !used[i] && !ge.Optional {
			c.entity.FN++
			fmt.Fprintf(w, "entity missed: %s %s\n", ge.Type, ge.Name)
		}
	}

	// Quotes: content token Jaccard >= 0.5, best first, one to one.
	speakerOK := func(gold string, name string, source textpos.Span) bool {
		return sourceMatches(g.Entities, gold, name, source.Text(src))
	}
	type pair struct {
		gi, pi int
		j      float64
	}
	var pairs []pair
	for gi, gq := range g.Quotes {
		gt := tokenSet(gq.Content)
		for pi, pq := range d.Quotes {
			if j := jaccard(gt, tokenSet(pq.Content.Text(src))); j >= 0.5 {
				pairs = append(pairs, pair{gi, pi, j})
			}
		}
	}
	sort.SliceStable(pairs, func(i, j int) bool { return pairs[i].j > pairs[j].j })
	gUsed := make([]bool, len(g.Quotes))
	pUsed := make([]bool, len(d.Quotes))
	for _, p := range pairs {
		if gUsed[p.gi] || pUsed[p.pi] {
			continue
		}
		gUsed[p.gi], pUsed[p.pi] = true, true
		gq, pq := g.Quotes[p.gi], d.Quotes[p.pi]
		if gq.Optional {
			continue
		}
		c.quote.TP++
		if speakerOK(gq.Speaker, pq.SpeakerName, pq.Source) {
			c.speakerHit++
		} else {
			fmt.Fprintf(w, "speaker: %q = %q (source %q), want %q\n", gq.Content, pq.SpeakerName, pq.Source.Text(src), gq.Speaker)
		}
	}
	for i, gq := range g.Quotes {
		if !gUsed[i] && !gq.Optional {
			c.quote.FN++
			fmt.Fprintf(w, "quote missed: %s %q (%s)\n", gq.Kind, gq.Content, gq.Speaker)
		}
	}
	for i, pq := range d.Quotes {
		// Non-speech attributions (beliefs, intentions, evaluations,
		// questions, nominal cues) are optional in the gold convention
		// (FORMAT.md "Quotes"): they may hit a gold item but are never
		// false alarms.
		if !pUsed[i] && pq.IsSpeech() {
			c.quote.FP++
			fmt.Fprintf(w, "quote false alarm: %s %q\n", pq.Kind, pq.Content.Text(src))
		}
	}

	// Stances: (source, label, evidence covering half the gold evidence tokens).
	type predStance struct {
		s    dossier.Stance
		used bool
	}
	var preds []*predStance
	quoteContent := map[string]textpos.Span{}
	for _, q := range d.Quotes {
		quoteContent[q.ID] = q.Content
	}
	for _, cl := range d.Claims {
		for _, s := range cl.Stances {
			preds = append(preds, &predStance{s: s})
		}
	}
	for _, gc := range g.Claims {
		for _, gs := range gc.Stances {
			ev := locate(src, gs.Evidence)
			hit := false
			for _, p := range preds {
				if p.used || string(p.s.Stance) != gs.Stance || !speakerOK(gs.Source, p.s.SpeakerName, p.s.Source) {
					continue
				}
				cover := coverage(src, ev, gs.Evidence, p.s.Evidence)
				if qs, ok := quoteContent[p.s.Quote]; ok {
					cover = math.Max(cover, coverage(src, ev, gs.Evidence, qs))
				}
				if cover >= 0.5 {
					p.used, hit = true, true
					break
				}
			}
			if hit {
				c.stance.TP++
			} else {
				c.stance.FN++
				fmt.Fprintf(w, "stance missed: %s %s %q\n", gs.Source, gs.Stance, gs.Evidence)
			}
		}
	}
	for _, p := range preds {
		if !p.used {
			c.stance.FP++
			fmt.Fprintf(w, "stance false alarm: %s %s %q\n", p.s.SpeakerName, p.s.Stance, p.s.Evidence.Text(src))
		}
	}

	// Time expressions: located by text inside the first occurrence of context.
	for _, gt := range g.Timex {
		c.timexN++
		sp, ok := locateIn(src, gt.Context, gt.Text)
		if !ok {
			fmt.Fprintf(w, "timex: context %q not found in text\n", gt.Context)
			continue
		}
		hit := false
		for _, pt := range d.Timex {
			if pt.Span.Overlaps(sp) && pt.Value == gt.Value {
				hit = true
				break
			}
		}
		if hit {
			c.timexHit++
		} else {
			fmt.Fprintf(w, "timex: %q in %q, want %s; got %s\n", gt.Text, gt.Context, gt.Value, timexAt(d, src, sp))
		}
	}

	// Figures: span overlap and every field the gold gives.
	fUsed := make([]bool, len(d.Figures))
	for _, gf := range g.Figures {
		sp := locate(src, gf.Text)
		hit := -1
		for i, pf := range d.Figures {
			if !fUsed[i] && pf.Span.Overlaps(sp) && figureFieldsMatch(gf, pf) {
				hit = i
				break
			}
		}
		if hit >= 0 {
			fUsed[hit] = true
			if !gf.Optional {
				c.figure.TP++
			}
			continue
		}
		if !gf.Optional {
			c.figure.FN++
			fmt.Fprintf(w, "figure missed: %q\n", gf.Text)
		}
	}
	for i, pf := range d.Figures {
		if !fUsed[i] {
			c.figure.FP++
			fmt.Fprintf(w, "figure false alarm: %q %s\n", pf.Span.Text(src), pf.Kind)
		}
	}
}

func matchesOptionalEntity(gs []GoldEntity, name string) bool {
	for _, g := range gs {
		if g.Optional && contains(g.names(), name) {
			return true
		}
	}
	return false
}

// sourceMatches reports whether a predicted speaker (canonical name, or the
// source phrase as written) matches a gold speaker given as an entity name or
// as free text.
func sourceMatches(ents []GoldEntity, gold, predName, predSource string) bool {
	gn := norm(gold)
	if gn == "" {
		return false
	}
	names := []string{gn}
	for _, e := range ents {
		if norm(e.Name) == gn {
			names = e.names()
			break
		}
	}
	pn, ps := norm(predName), norm(predSource)
	if contains(names, pn) || contains(names, ps) {
		return true
	}
	// Free text: the predicted source phrase equals or contains the gold one.
	return ps != "" && strings.Contains(ps, gn) || pn != "" && strings.Contains(pn, gn)
}

// tokenSet returns the lower-cased word tokens (letters and digits) of s.
func tokenSet(s string) map[string]bool {
	out := map[string]bool{}
	for _, t := range words(s) {
		out[strings.ToLower(s[t.Start:t.End])] = true
	}
	return out
}

// words returns the spans of runs of letters, digits and inner apostrophes.
func words(s string) []textpos.Span {
	var out []textpos.Span
	start := -1
	for i, r := range s {
		w := unicode.IsLetter(r) || unicode.IsDigit(r)
		if w && start < 0 {
			start = i
		}
		if !w && start >= 0 {
			out = append(out, textpos.Span{Start: start, End: i})
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, textpos.Span{Start: start, End: len(s)})
	}
	return out
}

// jaccard is |a ∩ b| / |a ∪ b| of two sets (1 when both are empty).
func jaccard[K comparable](a, b map[K]bool) float64 {
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

// locate finds the first occurrence of s in src, or an empty span at -1.
func locate(src, s string) textpos.Span {
	i := strings.Index(src, s)
	if i < 0 || s == "" {
		return textpos.Span{Start: -1, End: -1}
	}
	return textpos.Span{Start: i, End: i + len(s)}
}

// locateIn finds text inside the first occurrence of context.
func locateIn(src, context, text string) (textpos.Span, bool) {
	ci := strings.Index(src, context)
	if ci < 0 {
		return textpos.Span{}, false
	}
	ti := strings.Index(context, text)
	if ti < 0 {
		return textpos.Span{}, false
	}
	return textpos.Span{Start: ci + ti, End: ci + ti + len(text)}, true
}

// coverage is the share of the gold evidence's word tokens that lie inside
// the predicted span: by position when the evidence was found in the text,
// else by token sets.
func coverage(src string, ev textpos.Span, evidence string, pred textpos.Span) float64 {
	if pred.Empty() {
		return 0
	}
	if ev.Start >= 0 {
		ws := words(src[ev.Start:ev.End])
		if len(ws) == 0 {
			return 0
		}
		in := 0
		for _, t := range ws {
			if pred.Contains(textpos.Span{Start: ev.Start + t.Start, End: ev.Start + t.End}) {
				in++
			}
		}
		return float64(in) / float64(len(ws))
	}
	gt, pt := tokenSet(evidence), tokenSet(pred.Text(src))
	if len(gt) == 0 {
		return 0
	}
	in := 0
	for k := range gt {
		if pt[k] {
			in++
		}
	}
	return float64(in) / float64(len(gt))
}

func near(a, b float64) bool {
	d := math.Abs(a - b)
	return d <= 0.005 || d <= 0.005*math.Max(math.Abs(a), math.Abs(b))
}

func numMatch(gold, pred *float64) bool {
	return gold == nil || pred != nil && near(*gold, *pred)
}

func figureFieldsMatch(g GoldFigure, p dossier.Figure) bool {
	if g.Instrument != "" {
		gi, pi := norm(g.Instrument), norm(p.Instrument)
		if pi == "" || !strings.Contains(gi, pi) && !strings.Contains(pi, gi) {
			return false
		}
	}
	if g.Direction != "" && g.Direction != string(p.Direction) {
		return false
	}
	if g.Unit != "" && !strings.EqualFold(g.Unit, p.Unit) {
		return false
	}
	return numMatch(g.ChangePct, p.ChangePct) && numMatch(g.Level, p.Level) && numMatch(g.Value, p.Value)
}

func timexAt(d *nlp.Doc, src string, sp textpos.Span) string {
	for _, t := range d.Timex {
		if t.Span.Overlaps(sp) {
			return fmt.Sprintf("%q=%s", t.Span.Text(src), t.Value)
		}
	}
	return "nothing"
}
