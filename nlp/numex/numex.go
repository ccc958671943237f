package numex

import (
	"context"
	"fmt"
	"math"

	"dossier"
	"dossier/nlp"
)

// Name is the versioned component name.
const Name = "numex.rules.v1"

// Component finds figures. It is safe for concurrent use: it holds only
// immutable tables.
type Component struct {
	t *tables
}

// New returns the figures component.
func New() *Component { return &Component{t: sharedTables()} }

// Name implements nlp.Component.
func (*Component) Name() string { return Name }

// Requires implements nlp.Component.
func (*Component) Requires() []nlp.Layer {
	return []nlp.Layer{nlp.LayerTokens, nlp.LayerSentences}
}

// Assigns implements nlp.Component.
func (*Component) Assigns() []nlp.Layer { return []nlp.Layer{nlp.LayerFigures} }

// Process implements nlp.Component. It replaces d.Figures with the figures
// of d.Text, sorted by start and not overlapping.
func (c *Component) Process(ctx context.Context, d *nlp.Doc) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("numex: %w", err)
	}
	d.Figures = c.Figures(d.Text, d.Tokens, d.Sentences)
	return nil
}

// Figures returns the figures of text, given its tokens and sentences
// (sentences may be nil: the whole text is then one sentence). Spans are
// valid for text, sorted by start and do not overlap.
func (c *Component) Figures(text string, toks []nlp.Token, sents []nlp.Range) []dossier.Figure {
	s := scan{t: c.t, text: text, toks: toks, sents: sents}
	si := 0
	for i := 0; i < len(toks); i++ {
		tk := toks[i]
		if int(tk.Start) < s.pos || int(tk.End) > len(text) || tk.Start >= tk.End {
			continue
		}
		for si < len(sents) && sents[si].Last <= i {
			si++
		}
		sentFirst := 0
		if si < len(sents) && sents[si].First <= i {
			sentFirst = sents[si].First
		}
		start := int(tk.Start)
		c0 := text[start]
		switch tk.Kind {
		case nlp.Number:
			s.amountAt(start)
		case nlp.Symbol, nlp.Punct:
			switch {
			case c0 == '-' || c0 == '+' || hasPrefixAt(text, start, "−"):
				// A sign counts only at the start of a word: "-3.2%", not "10-15".
				if start == 0 || !isDigit(text[start-1]) {
					s.amountAt(start)
				}
			default:
				if _, n := c.t.currencyPrefix(text, start); n > 0 {
					s.amountAt(start)
				}
			}
		case nlp.Word:
			w := text[start:tk.End]
			switch {
			case isLower(c0):
				info, ok := c.t.lookupWord(w)
				if !ok {
					continue
				}
				if info.role&roleTrigger != 0 && s.moveAt(i, sentFirst, info) {
					continue
				}
				if info.role&roleNumber != 0 {
					s.amountAt(start)
				}
			case isUpper(c0):
				if _, n := c.t.currencyPrefix(text, start); n > 0 {
					s.amountAt(start)
					continue
				}
				if len(w) <= 12 {
					var buf [16]byte
					if info, ok := c.t.lookupWord(string(lowerInto(buf[:0], w))); ok && info.role&roleNumber != 0 {
						s.amountAt(start)
					}
				}
			}
		}
	}
	return s.out
}

// scan is the state of one pass over a text.
type scan struct {
	t    *tables
	text string
	toks []nlp.Token
	out  []dossier.Figure
	pos  int // bytes before pos are consumed
	slab []float64
	// sents are the sentences; places the countries the text names, found
	// on first need (placesDone).
	sents      []nlp.Range
	places     []place
	placesDone bool
}

// num stores v and returns a pointer to it; numbers of one pass share a few
// allocations.
func (s *scan) num(v float64) *float64 {
	if len(s.slab) == cap(s.slab) {
		s.slab = make([]float64, 0, 32)
	}
	s.slab = append(s.slab, v)
	return &s.slab[len(s.slab)-1]
}

// lastEnd is the end of the last figure emitted.
func (s *scan) lastEnd() int {
	if len(s.out) == 0 {
		return 0
	}
	return s.out[len(s.out)-1].Span.End
}

// amountAt parses an amount at byte p and emits it when it is a figure.
// Ranges ("$10-15 million", "5 to 6 percent") give one figure per side.
func (s *scan) amountAt(p int) {
	a, ok := s.t.parseAmount(s.text, p)
	if !ok {
		return
	}
	s.pos = max(s.pos, a.end)
	if b, ok := s.rangeSide(&a); ok {
		s.emit(a)
		s.emit(b)
		s.pos = max(s.pos, b.end)
		return
	}
	s.emit(a)
}

// rangeSide looks for the second side of a range after a and shares unit
// and scale between the sides. It reports the second side when it must be
// emitted now (it borrowed a's unit).
func (s *scan) rangeSide(a *amount) (amount, bool) {
	text := s.text
	r := skipSpace(text, a.end)
	switch {
	case r < len(text) && text[r] == '-' && r == a.end:
		r++
	case hasPrefixAt(text, r, "–"):
		r = skipSpace(text, r+len("–"))
	case hasPrefixAt(text, r, "to ") || hasPrefixAt(text, r, "and "):
		r = skipSpace(text, wordEnd(text, r))
	default:
		return amount{}, false
	}
	if r >= len(text) || !(isDigit(text[r]) || text[r] == '$' || text[r] >= 0x80 || isUpper(text[r])) {
		return amount{}, false
	}
	b, ok := s.t.parseAmount(text, r)
	if !ok || a.words || b.words || a.slash || b.slash {
		return amount{}, false
	}
	switch {
	case a.junk || b.junk:
		return amount{}, false
	case a.bare() && !b.bare() && a.num <= b.num && a.num >= 0:
		a.kind, a.unit = b.kind, b.unit
		if a.mult == 1 {
			a.value *= b.mult
			a.mult = b.mult
		}
		return amount{}, false
	case b.bare() && !a.bare() && b.num >= a.num && a.num >= 0:
		b.kind, b.unit = a.kind, a.unit
		switch {
		case b.mult == 1:
			b.value *= a.mult
			b.mult = a.mult
		case a.mult == 1:
			// "$10-15 million": the scale is written once, on the right
			a.value *= b.mult
			a.mult = b.mult
		}
		return b, true
	}
	return amount{}, false
}

// emit appends a standalone amount as a figure when it is one.
func (s *scan) emit(a amount) {
	if a.bare() || a.kind == ukPoints || a.end <= a.start || a.start < s.lastEnd() {
		return
	}
	f := dossier.Figure{Span: spanOf(a.start, a.end), Value: s.num(a.value)}
	switch a.kind {
	case ukMoney:
		if a.unit == "GBP" && !a.prefixed && a.mult == 1 && s.weighed(a.start) {
			return // "he weighed 200 pounds"
		}
		f.Kind, f.Unit = dossier.Money, s.currency(&a)
	case ukPercent:
		if s.peopleShare(a.end) || !s.economic(a.start) {
			return
		}
		f.Kind, f.Unit = dossier.Percent, "percent"
	case ukPP:
		f.Kind, f.Unit = dossier.Percent, "percentage points"
	case ukBP:
		f.Kind, f.Unit = dossier.Percent, "basis points"
	case ukQuantity:
		f.Kind, f.Unit = dossier.Quantity, a.unit
	default:
		return
	}
	s.out = append(s.out, f)
}

// economic reports whether the sentence around byte p reads as an economic
// statement: a word such as "price", "sales" or "inflation" or an amount of
// money within 15 tokens on either side, without crossing a sentence end.
// FORMAT.md counts percentages only in economic statements ("52% of
// respondents liked the film" is not a figure).
func (s *scan) economic(p int) bool {
	toks := s.toks
	lo, hi := 0, len(toks)
	for lo < hi {
		m := (lo + hi) / 2
		if int(toks[m].End) <= p {
			lo = m + 1
		} else {
			hi = m
		}
	}
	i := lo
	if len(s.out) > 0 && s.out[len(s.out)-1].Kind == dossier.Money && p-s.lastEnd() < 200 {
		return true
	}
	for j := i - 1; j >= 0 && i-j <= 15; j-- {
		if s.sentenceEnd(j) {
			break
		}
		if s.econWord(j) {
			return true
		}
	}
	for j := i; j < len(toks) && j-i <= 15; j++ {
		if j > i && s.sentenceEnd(j-1) {
			break
		}
		if s.econWord(j) {
			return true
		}
	}
	return false
}

// sentenceEnd reports whether token j ends a sentence or a line.
func (s *scan) sentenceEnd(j int) bool {
	tk := s.toks[j]
	if tk.Kind == nlp.Punct {
		switch s.text[tk.Start:tk.End] {
		case ".", "!", "?", ";":
			return j+1 >= len(s.toks) || s.toks[j+1].Is(nlp.SpaceBefore)
		}
	}
	return j+1 < len(s.toks) && s.toks[j+1].Is(nlp.NewlineBefore)
}

// econWord reports whether token j is a word of economic statements or a
// currency sign.
func (s *scan) econWord(j int) bool {
	tk := s.toks[j]
	switch tk.Kind {
	case nlp.Word:
		if tk.End-tk.Start > 24 {
			return false
		}
		var buf [32]byte
		return s.t.lookback[string(lowerInto(buf[:0], s.text[tk.Start:tk.End]))]&lbEcon != 0
	case nlp.Symbol:
		_, n := s.t.currencyPrefix(s.text, int(tk.Start))
		return n > 0
	}
	return false
}

// weighed reports whether the word before p is a form of "weigh".
func (s *scan) weighed(p int) bool {
	text := s.text
	e := p
	for e > 0 && text[e-1] == ' ' {
		e--
	}
	b := e
	for b > 0 && isLetter(text[b-1]) {
		b--
	}
	w := text[b:e]
	return len(w) >= 5 && (w[:5] == "weigh" || w[:5] == "Weigh")
}

// peopleShare reports whether "of" and a people noun follow p within three
// words ("52% of likely voters", "40 percent of the vote"): a share of
// people or votes is not an economic figure.
func (s *scan) peopleShare(p int) bool {
	text := s.text
	r := skipSpace(text, p)
	e := wordEnd(text, r)
	if text[r:e] != "of" {
		return false
	}
	for range 3 {
		r = skipSpace(text, e)
		e = wordEnd(text, r)
		if e == r || e-r > 24 {
			return false
		}
		var buf [32]byte
		if s.t.lookback[string(lowerInto(buf[:0], text[r:e]))]&lbPeople != 0 {
			return true
		}
	}
	return false
}

// abs is math.Abs, named for brevity at call sites.
func abs(v float64) float64 { return math.Abs(v) }
