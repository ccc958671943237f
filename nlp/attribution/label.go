package attribution

import (
	"strings"

	"dossier"
	"dossier/lexicon"
	"dossier/nlp"
)

// speakerLabels finds paragraphs that open with a speaker's name and a
// colon: transcript turns (`SMITH: We will ...`, also inside a block
// quotation) and headlines that attribute their words (`Smith: Talks Have
// Failed`, `Poll: ...`). The colon is the cue, the name the source, and the
// rest of the paragraph (or of the quotation) the content.
func (st *state) speakerLabels() {
	for _, p := range st.d.Paragraphs {
		a, b := max(p.First, 0), min(p.Last, len(st.toks))
		if a >= b {
			continue
		}
		qi := -1
		if st.toks[a].Kind == nlp.Quote {
			if q := st.inQuote[min(a+1, len(st.toks)-1)]; q != 0 && st.quotes[q-1].open == a {
				qi = int(q - 1)
				b = st.quotes[qi].last
			}
			a++
		}
		colon := -1
		for k := a; k < b && k-a <= 4; k++ {
			if st.punct(k, ":") {
				colon = k
				break
			}
		}
		if colon <= a || colon+3 > b || !st.labelName(a, colon) {
			continue
		}
		words := 0
		for k := colon + 1; k < b; k++ {
			if t := st.toks[k].Kind; t == nlp.Word || t == nlp.Number {
				words++
			}
		}
		if words < 3 {
			continue
		}
		// A transcript's words are verbatim, but dossier calls a quote direct
		// only inside quotation marks (as news style and PolNeAR do); an
		// unmarked transcript line is reported speech of kind indirect.
		kind := dossier.Indirect
		if qi >= 0 {
			kind = dossier.Direct
		}
		it := item{sent: int(st.sentOf[colon]), cueTok: -1, quotation: -1, srcFirst: a, srcLast: colon}
		it.q.Kind = kind
		it.q.Class = dossier.ClassSpeech
		it.q.Stance = dossier.Asserts
		e := b
		for e > colon+1 && st.toks[e-1].Kind == nlp.Punct && qi < 0 {
			e--
		}
		it.q.Content = st.span(colon+1, e)
		it.q.Cue = st.toks[colon].Span()
		st.setSource(&it.q, src{a, colon}, it.sent)
		if qi >= 0 {
			st.quotes[qi].done = true
			it.quotation = qi
			st.quotes[qi].item = st.add(it)
		} else {
			st.add(it)
		}
	}
}

// labelName reports whether tokens [a, b) can name a speaker before a
// colon: capitalised words that make a name, an entity, or a source noun
// ("Poll", "Sources"), but not a section word ("Update", "Watch", "Note").
func (st *state) labelName(a, b int) bool {
	named := false
	for k := a; k < b; k++ {
		t := st.toks[k]
		if t.Kind != nlp.Word || !t.Is(nlp.Upper) && !st.is(k, "of") && !st.is(k, "the") {
			return false
		}
		if st.ent[k] != 0 || st.wc(k)&(wAnon|wSpokes|wReport|wDocument|wOutletNoun) != 0 {
			named = true
			continue
		}
		if st.titleWord(k) {
			continue
		}
		if st.c.lex == nil {
			named = true
			continue
		}
		w := st.tok(k)
		if t.Is(nlp.AllUpper) {
			w = w[:1] + strings.ToLower(w[1:]) // "SMITH" as "Smith"
		}
		if e, ok := st.c.lex.Lookup(w); ok && e.Any(lexicon.GivenName|lexicon.Surname) {
			named = true
		} else if st.pos(k) == 0 {
			named = true // not a common word: a name
		}
	}
	return named
}

// inDocument finds reports whose cue is the preposition "in" before a poll,
// survey, study or report: `In a poll released Monday, Smith led by five
// points.` The phrase after "in" is the source and the main clause the
// content, when the sentence has no cue of its own.
func (st *state) inDocument() {
	for si := range st.d.Sentences {
		sa, sb := st.sentence(si)
		if sb-sa < 6 || !st.is(sa, "in") {
			continue
		}
		comma, doc := -1, false
		for k := sa + 1; k < sb && k-sa <= 16; k++ {
			if st.punct(k, ",") {
				comma = k
				break
			}
			if st.toks[k].Kind == nlp.Quote || st.cue[k] != nil {
				break
			}
			if st.wc(k)&(wDocument|wReport) != 0 && !st.upper(k) || st.is(k, "poll") || st.is(k, "polls") {
				doc = true
			}
		}
		if comma < 0 || !doc || comma+3 > sb {
			continue
		}
		cued := false
		for k := comma + 1; k < sb; k++ {
			if st.cue[k] != nil || st.inQuote[k] != 0 {
				cued = true
				break
			}
		}
		if cued {
			continue
		}
		e := st.clauseEnd(comma+1, sb)
		for e > comma+1 && st.toks[e-1].Kind == nlp.Punct {
			e--
		}
		if e-comma-1 < 3 {
			continue
		}
		it := item{sent: si, cueTok: -1, quotation: -1, srcFirst: sa + 1, srcLast: comma}
		it.q.Kind = dossier.Indirect
		it.q.Class = dossier.ClassSpeech
		it.q.Stance = dossier.Asserts
		it.q.Content = st.span(comma+1, e)
		it.q.Cue = st.toks[sa].Span()
		st.setSource(&it.q, src{sa + 1, comma}, si)
		st.add(it)
	}
}
