// Package attribution finds who said, believes, wants or judges what:
// direct quotations, reported speech and the non-speech attributions that
// attribution corpora annotate, each with its content, cue ("said",
// "according to"), source as written ("he", "four sources familiar with the
// matter", "NBC News", "who"), resolved speaker, source type, count,
// addressee and class (dossier.QuoteClass).
//
// It is a rule system over the tokens, sentences, paragraphs and entities of
// a Doc, in passes over the much shorter lists of quotation marks and cue
// words:
//
//  1. Speaker labels: a paragraph opening with a name and a colon (a
//     transcript turn `SMITH: ...`, a headline `Smith: ...`).
//  2. Quotations bound to a cue beside them: `"...," X said`, `"...,"
//     said X`, `X said: "..."`, `He added, "..."`, and labels
//     (`labeled the council the "Sleepy Chamber."`, mixed: the label is
//     said of its object).
//  3. Reported speech around every other cue: `X said (that) C`, `C, X
//     said`, `C, said X`, `according to X, C`, `X told reporters that C`,
//     `X accused Y of Z`, `X denied Z`, participles sharing the main
//     clause's subject (`, warning that C`), nominal sources (`reports
//     alleging C`, `sources ... who said C`), coordinated verbs sharing a
//     subject, questions (`asked whether C`), passives of judgement
//     (`X was endorsed by Y`). A quotation inside such content makes it
//     direct when the quoted words open the clause and are most of it,
//     mixed (the whole clause, marks kept) otherwise. `C1, according to
//     X, C2` gives both parts with the one cue; `told X (not) to C` is a
//     request. Beliefs (`believes C`, `is confident that C`), intentions
//     (`wants to C`, `called for C`) and evaluations (`criticized C`,
//     `voted against C`, `is critical of C`) take the same constructions
//     with their own class.
//     Sources are noun phrases as written, with what modifies them: ages
//     and roles in appositives (`Ana Ruiz, 63, a nurse, said`), places and
//     complements (`farmers in Ohio`, `people close to him`, `critics like
//     Ruiz`, the latter two anonymous), relative clauses without commas
//     (`voters who heard her say`), quantities (`most of them`, `26%`,
//     `those surveyed`) and lists of names.
//  4. Attributions without a verb cue: documents (`In a poll released
//     Monday, C`), noun cues (`his criticism of C`, `the claim that C`)
//     and verbs of seeming (`X seems to C`, `X is seen as C`).
//  5. Quotations left over: a quotation that continues a speaker's quote
//     (the next quotation of the paragraph, or a paragraph that is only a
//     quotation) belongs to that speaker with an empty cue; so does a long
//     quotation opening a sentence after someone's statement in its
//     paragraph or the one before; a long quotation with no speaker in
//     reach is unattributed; a short one is an author's scare quote and is
//     dropped.
//
// A non-speech attribution whose cue lies inside another attribution's
// content is dropped: corpora annotate the outer one, and the dossier gold
// convention leaves non-speech attribution optional. Consumers that want
// statements only (the stance component weighing what sources assert)
// keep the quotes for which dossier.Quote.IsSpeech is true; the class
// question marks a question asked, which asserts nothing.
//
// The lexicons (cues.go, nominal.go, words.go) are Go tables written as
// general knowledge of English, with what each cue implies (asserts,
// denies, uncertain) and the class it reports.
package attribution

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"

	"dossier"
	"dossier/lexicon"
	"dossier/nlp"
	"dossier/textpos"
)

// Name is the versioned component name.
const Name = "attribution.rules.v2"

// Component is the attribution finder as a pipeline component. It is
// immutable after New and safe for concurrent use.
type Component struct {
	lex   *lexicon.Lexicon
	cues  cueTable
	words wordTables
	// extras are the nouns that cue attribution ("criticism of") and the
	// verbs of seeming ("seemed", "is seen as").
	extras extraTable
	// info joins cues, extras and words.class, so that one lookup per
	// token finds a word's entries in all three.
	info infoTable
	// scratch pools the per-token tables of finished documents
	// (*scratch), so that a document reuses them instead of allocating.
	scratch *sync.Pool
	// Attitudes makes belief and expectation verbs ("believes", "fears")
	// cues of indirect attribution, as corpora that annotate non-speech
	// attribution count them. It is set by New.
	attitudes bool
}

// New returns the component. lex gives parts of speech and the classes of
// words (titles, outlets); it may be nil, which makes the source finder rely
// on entities and capitalisation alone.
func New(lex *lexicon.Lexicon) *Component {
	c := &Component{lex: lex, cues: newCueTable(), words: newWordTables(), extras: newExtraTable(), attitudes: true}
	c.info = newInfoTable(c.cues, c.extras, c.words)
	c.scratch = &sync.Pool{New: func() any { return new(scratch) }}
	return c
}

// Name implements nlp.Component.
func (*Component) Name() string { return Name }

// Requires implements nlp.Component.
func (*Component) Requires() []nlp.Layer {
	return []nlp.Layer{nlp.LayerTokens, nlp.LayerSentences, nlp.LayerEntities}
}

// Assigns implements nlp.Component.
func (*Component) Assigns() []nlp.Layer { return []nlp.Layer{nlp.LayerQuotes} }

// Process implements nlp.Component: it replaces d.Quotes.
func (c *Component) Process(ctx context.Context, d *nlp.Doc) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("attribution: %w", err)
	}
	st := newState(c, d)
	st.run()
	d.Quotes = st.finish()
	st.release()
	return nil
}

// quotation is a pair of quotation marks and the tokens between them.
type quotation struct {
	open, close int // token indices of the marks; close == -1 when the quotation runs to the paragraph's end
	first, last int // tokens inside: [first, last)
	words       int // word and number tokens inside
	done        bool
	item        int // index into st.out of the item that holds it, or -1
}

// item is one attribution being built.
type item struct {
	q         dossier.Quote
	sent      int // sentence of the cue (or of the content when there is no cue)
	srcFirst  int // token range of the source, srcFirst == srcLast when none
	srcLast   int
	cueTok    int // first token of the cue, or -1
	quotation int // the quotation it holds, or -1
	// mostlyQuoted marks a mixed clause whose words are mostly quoted
	// (`said he had "no plans to resign"`): a quotation after it may
	// continue the speaker's words.
	mostlyQuoted bool
}

// state is the work of one Process call.
type state struct {
	c    *Component
	d    *nlp.Doc
	text string
	toks []nlp.Token

	cue     []*cue  // per token: the cue it starts, or nil
	cueLen  []uint8 // per token: the number of tokens of that cue
	ent     []int32 // per token: 1 + index of the entity whose mention covers it, or 0
	mention []int32 // per token: 1 + index of the first token of that mention
	inQuote []int32 // per token: 1 + index of the quotation that holds it, or 0
	used    []bool  // per token: a cue already taken by an item
	sentOf  []int32 // per token: its sentence
	paraOf  []int32 // per token: its paragraph
	quotes  []quotation
	out     []item
	// nomCand and raiseCand are the tokens that may be nominal cues
	// ("criticism") or verbs of seeming ("seemed"), found by findCues.
	nomCand, raiseCand []int32
	timexTok           []bool
	// cite is the participle of a citing aside found by contentStart
	// (", citing four workers,"), or -1, and citeSrc its object.
	cite    int
	citeSrc src
	// info is, per token, the index of its lower-case form in c.info;
	// posm is its parts of speech, with posKnown once looked up.
	info []uint32
	posm []lexicon.POS
	// sc holds the per-token tables' storage, returned to the pool by
	// release.
	sc *scratch
}

// scratch is the storage of a state's per-token tables, kept between
// documents in Component.scratch.
type scratch struct {
	cue                                   []*cue
	cueLen                                []uint8
	ent, mention, inQuote, sentOf, paraOf []int32
	used                                  []bool
	info                                  []uint32
	posm                                  []lexicon.POS
}

// getScratch returns pooled storage, or new storage for a Component not
// made by New.
func (c *Component) getScratch() *scratch {
	if c.scratch == nil {
		return new(scratch)
	}
	return c.scratch.Get().(*scratch)
}

// release returns the state's per-token storage to the pool. The state
// must not be used afterwards.
func (st *state) release() {
	if st.c.scratch == nil || st.sc == nil {
		return
	}
	clear(st.sc.cue) // drop the pointers, so the pool holds no garbage
	st.c.scratch.Put(st.sc)
	st.sc = nil
}

// zeroed returns (*buf)[:n] with every element zero, growing *buf when it
// is too short.
func zeroed[T any](buf *[]T, n int) []T {
	if cap(*buf) < n {
		*buf = make([]T, n)
		return *buf
	}
	s := (*buf)[:n]
	clear(s)
	*buf = s
	return s
}

func newState(c *Component, d *nlp.Doc) *state {
	n := len(d.Tokens)
	// The per-token tables have a few entries of padding past the last
	// token, so that looking one or two tokens ahead never goes out of
	// range: the padding reads as "nothing there".
	const pad = 4
	sc := c.getScratch()
	st := &state{
		c: c, d: d, text: d.Text, toks: d.Tokens, cite: -1,
		sc:      sc,
		cue:     zeroed(&sc.cue, n+pad),
		cueLen:  zeroed(&sc.cueLen, n+pad),
		ent:     zeroed(&sc.ent, n+pad),
		mention: zeroed(&sc.mention, n+pad),
		inQuote: zeroed(&sc.inQuote, n+pad),
		used:    zeroed(&sc.used, n+pad),
		sentOf:  zeroed(&sc.sentOf, n+pad),
		paraOf:  zeroed(&sc.paraOf, n+pad),
		info:    zeroed(&sc.info, n+pad),
		posm:    zeroed(&sc.posm, n+pad),
	}
	for i := range st.sentOf {
		st.sentOf[i] = -1
		st.paraOf[i] = -1
	}
	for si, s := range d.Sentences {
		for i := max(s.First, 0); i < s.Last && i < n; i++ {
			st.sentOf[i] = int32(si)
		}
	}
	for pi, p := range d.Paragraphs {
		for i := max(p.First, 0); i < p.Last && i < n; i++ {
			st.paraOf[i] = int32(pi)
		}
	}
	if len(d.Paragraphs) == 0 {
		for i := range st.paraOf {
			st.paraOf[i] = 0
		}
	}
	for ei, e := range d.Entities {
		for _, m := range e.Mentions {
			a, b := st.tokenRange(m.Span)
			for i := a; i < b; i++ {
				st.ent[i] = int32(ei + 1)
				st.mention[i] = int32(a + 1)
			}
		}
	}
	if len(d.Timex) > 0 {
		st.timexTok = make([]bool, n)
		for _, t := range d.Timex {
			a, b := st.tokenRange(t.Span)
			for i := a; i < b; i++ {
				st.timexTok[i] = true
			}
		}
	}
	st.lookupInfos()
	return st
}

// tokenRange returns the tokens [a, b) that lie inside sp.
func (st *state) tokenRange(sp textpos.Span) (int, int) {
	a := st.d.TokenAt(sp.Start)
	b := a
	for b < len(st.toks) && int(st.toks[b].End) <= sp.End {
		b++
	}
	return a, b
}

func (st *state) run() {
	st.findCues()
	st.findQuotations()
	st.speakerLabels()
	for qi := range st.quotes {
		if !st.quotes[qi].done {
			st.bindQuotation(qi)
		}
	}
	for i := range st.toks {
		if st.cue[i] != nil && !st.used[i] && st.inQuote[i] == 0 {
			st.indirect(i)
		}
	}
	st.inDocument()
	st.nominal()
	st.raising()
	st.leftoverQuotations()
}

// finish sorts the items by content and numbers them.
func (st *state) finish() []dossier.Quote {
	if len(st.out) == 0 {
		return nil
	}
	// Sort indices, not the large items; the index breaks ties, so the
	// order is that of a stable sort.
	order := make([]int32, len(st.out))
	for n := range order {
		order[n] = int32(n)
	}
	slices.SortFunc(order, func(x, y int32) int {
		a, b := &st.out[x].q.Content, &st.out[y].q.Content
		if a.Start != b.Start {
			return a.Start - b.Start
		}
		if a.End != b.End {
			return a.End - b.End
		}
		return int(x - y)
	})
	out := make([]dossier.Quote, 0, len(st.out))
	for _, n32 := range order {
		n := int(n32)
		it := st.out[n]
		if !it.q.IsSpeech() && st.nested(n) {
			// Attribution corpora annotate the outer attribution only, and
			// dossier gold leaves non-speech attribution optional.
			continue
		}
		st.relativeSource(&it)
		if it.q.Content.Empty() || !it.q.Content.Valid(len(st.text)) {
			continue
		}
		it.q.ID = "q" + strconv.Itoa(len(out)+1)
		out = append(out, it.q)
	}
	return out
}

// lowerBuf is the longest word looked up lower-cased on the stack.
const lowerBuf = 24

// word returns the lower-case form of token i in buf, or "" when it is not
// a short ASCII word. The result aliases buf.
func (st *state) lower(i int, buf *[lowerBuf]byte) []byte {
	t := st.toks[i]
	if t.Kind != nlp.Word || int(t.End-t.Start) > lowerBuf {
		return nil
	}
	w := st.text[t.Start:t.End]
	n := 0
	for k := 0; k < len(w); k++ {
		c := w[k]
		if c >= 0x80 {
			// A typographic apostrophe (U+2019) reads as "'": "n’t",
			// "’s", "don’t".
			if c == 0xE2 && k+2 < len(w) && w[k+1] == 0x80 && w[k+2] == 0x99 {
				buf[n] = '\''
				n++
				k += 2
				continue
			}
			return nil
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[n] = c
		n++
	}
	return buf[:n]
}

// is reports whether token i, lower-cased, is w.
func (st *state) is(i int, w string) bool {
	if i < 0 || i >= len(st.toks) {
		return false
	}
	t := st.toks[i]
	if int(t.End-t.Start) != len(w) {
		return false
	}
	s := st.text[t.Start:t.End]
	for k := 0; k < len(w); k++ {
		c := s[k]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != w[k] {
			return false
		}
	}
	return true
}

// tok returns the text of token i.
func (st *state) tok(i int) string {
	t := st.toks[i]
	return st.text[t.Start:t.End]
}

// punct reports whether token i is the punctuation p.
func (st *state) punct(i int, p string) bool {
	return i >= 0 && i < len(st.toks) && st.toks[i].Kind == nlp.Punct && st.tok(i) == p
}

// findCues marks every token that starts a cue, single or multi-word.
func (st *state) findCues() {
	for i := range st.toks {
		if st.info[i] == 0 {
			continue
		}
		ti := st.infoOf(i)
		if x := ti.extra; x.nominal != nil || x.raising != 0 {
			if x.nominal != nil {
				st.nomCand = append(st.nomCand, int32(i))
			}
			if x.raising != 0 {
				st.raiseCand = append(st.raiseCand, int32(i))
			}
		}
		c := ti.cue
		if c == nil || !st.verbPosition(i) || st.nounUse(i, c) {
			continue
		}
		// A day may stand inside a phrasal cue: "called Wednesday for".
		j := i + 1
		for j < len(st.toks) && j-i <= 2 && st.timexAt(j) {
			j++
		}
		for mi := range c.multi {
			n := st.matchRest(i+1, c.multi[mi].rest)
			if n == 0 && j > i+1 {
				if n = st.matchRest(j, c.multi[mi].rest); n > 0 {
					n += j - i - 1
				}
			}
			if n > 0 {
				st.cue[i] = c.multiC[mi]
				st.cueLen[i] = uint8(n + 1)
				break
			}
		}
		if st.cue[i] == nil && c.single {
			if c.frame&attitude != 0 && c.frame&speech == 0 && !st.c.attitudes {
				continue
			}
			st.cue[i] = c
			st.cueLen[i] = 1
		}
	}
}

// matchRest reports how many tokens from i spell the space-separated words
// of rest, or 0.
func (st *state) matchRest(i int, rest string) int {
	n := 0
	for w := range splitSpace(rest) {
		if !st.is(i+n, w) {
			return 0
		}
		n++
	}
	return n
}

// splitSpace iterates over the space-separated words of s without
// allocating.
func splitSpace(s string) func(func(string) bool) {
	return func(yield func(string) bool) {
		start := 0
		for k := 0; k <= len(s); k++ {
			if k == len(s) || s[k] == ' ' {
				if k > start && !yield(s[start:k]) {
					return
				}
				start = k + 1
			}
		}
	}
}

// cueSpan returns the byte span of the cue starting at token i.
func (st *state) cueSpan(i int) textpos.Span {
	n := max(int(st.cueLen[i]), 1)
	return textpos.Span{Start: int(st.toks[i].Start), End: int(st.toks[i+n-1].End)}
}

// span returns the byte span of tokens [a, b).
func (st *state) span(a, b int) textpos.Span {
	if a >= b {
		return textpos.Span{}
	}
	return textpos.Span{Start: int(st.toks[a].Start), End: int(st.toks[b-1].End)}
}

// isDouble reports whether the quote token i is a double quotation mark.
func (st *state) isDouble(i int) bool {
	switch st.tok(i) {
	case "\"", "“", "”", "«", "»", "„", "''", "``":
		return true
	}
	return false
}

// findQuotations pairs opening and closing quotation marks within a
// paragraph. A double quotation left open runs to the paragraph's end (the
// convention for a quotation continued in the next paragraph). Single
// quotation marks count only outside double ones.
func (st *state) findQuotations() {
	n := len(st.toks)
	for i := 0; i < n; i++ {
		t := st.toks[i]
		if t.Kind != nlp.Quote || !t.Is(nlp.OpenQuote) {
			continue
		}
		double := st.isDouble(i)
		para := st.paraOf[i]
		closeAt, end := -1, i+1
		for ; end < n && st.paraOf[end] == para; end++ {
			u := st.toks[end]
			if u.Kind != nlp.Quote || st.isDouble(end) != double {
				continue
			}
			if u.Is(nlp.CloseQuote) {
				closeAt = end
				break
			}
			if u.Is(nlp.OpenQuote) {
				break // a new quotation opens: this one ran on unclosed
			}
		}
		if closeAt < 0 && !double {
			continue
		}
		q := quotation{open: i, close: closeAt, first: i + 1, last: end, item: -1}
		if closeAt >= 0 {
			q.last = closeAt
		}
		for k := q.first; k < q.last; k++ {
			if k := st.toks[k].Kind; k == nlp.Word || k == nlp.Number {
				q.words++
			}
		}
		if q.words == 0 || (!double && q.words < 3) {
			if closeAt >= 0 {
				i = closeAt
			}
			continue
		}
		st.quotes = append(st.quotes, q)
		for k := q.first; k < q.last; k++ {
			st.inQuote[k] = int32(len(st.quotes))
		}
		if closeAt >= 0 {
			i = closeAt
		} else {
			i = end - 1
		}
	}
}

// quoteContent is the byte span of a quotation's words, without the marks.
func (st *state) quoteContent(q *quotation) textpos.Span {
	if q.first >= q.last {
		return textpos.Span{}
	}
	return st.span(q.first, q.last)
}

// add appends an item and returns its index.
func (st *state) add(it item) int {
	st.out = append(st.out, it)
	return len(st.out) - 1
}

// verbPosition reports whether token i stands where a verb can: in lower
// case unless it opens a sentence (a capitalised "Claims" inside a headline
// is a noun), and not right after a determiner or a preposition ("despite
// reports", "the claims").
func (st *state) verbPosition(i int) bool {
	t := st.toks[i]
	if t.Is(nlp.Upper) && !t.Is(nlp.SentStart) && !t.Is(nlp.AllUpper) {
		// A headline: "Smith Says Talks Failed".
		return i > 0 && st.ent[i-1] != 0 && st.d.Entities[st.ent[i-1]-1].Type == dossier.Person
	}
	if i == 0 {
		return true
	}
	p := i - 1
	if st.toks[p].Kind != nlp.Word || st.toks[p].Is(nlp.SentStart) && st.upper(p) && st.ent[p] != 0 {
		return true
	}
	c := st.wc(p)
	if c&wDet != 0 && st.quantifierSubject(p, i) {
		return true // "Several said", "and most say"
	}
	if c&wDet != 0 && c&wRelative == 0 && !((st.is(p, "both") || st.is(p, "all") || st.is(p, "each")) && p > 0 && st.nounLike(p-1)) {
		return false // "the claims", but "they both said"
	}
	if c&(wSubjPronoun|wAux|wRelative|wSkipAdverb|wNegation) != 0 {
		return true
	}
	pp := st.pos(p)
	return pp&lexicon.Preposition == 0 || pp&(lexicon.Verb|lexicon.Noun|lexicon.Adverb) != 0 && !st.is(p, "despite") && !st.is(p, "of") && !st.is(p, "amid")
}

// quantifierSubject reports whether the quantifier at token p ("several",
// "many", "most", "some") stands alone as the subject of the verb form at
// token i: it opens its clause, and i cannot be a noun ("Several said"),
// or is "say" ("Many say"; "some claims" stays a noun phrase).
func (st *state) quantifierSubject(p, i int) bool {
	switch strings.ToLower(st.tok(p)) {
	case "many", "several", "most", "some", "few", "all", "both":
	default:
		return false
	}
	opens := p == 0 || st.toks[p].Is(nlp.SentStart) || st.is(p-1, "and") || st.is(p-1, "but") || st.punct(p-1, ",")
	return opens && (st.pos(i)&lexicon.Noun == 0 || st.is(i, "say"))
}

// relativeSource makes the source span of it the relative pronoun that
// stands between its antecedent and the cue ("officials, who said ...",
// "Smith, who endorsed ..."), as the mention written: the speaker stays
// resolved to the antecedent.
func (st *state) relativeSource(it *item) {
	if it.cueTok < 0 || it.srcLast <= it.srcFirst || it.srcLast >= it.cueTok {
		return
	}
	k := it.srcLast
	if st.punct(k, ",") {
		k++
	}
	if k >= it.cueTok || !(st.is(k, "who") || st.is(k, "which") || st.is(k, "that")) {
		return
	}
	for j := k + 1; j < it.cueTok; j++ {
		if !st.skippable(j) {
			return
		}
	}
	it.q.Source = st.span(k, k+1)
}

// nounUse reports whether a cue form that is also a noun ("states",
// "attacks", "rules", "support") is used as one: after a number ("six
// states"), or before a conjunction, a possessive, "of" or an auxiliary
// ("state and local leaders", "the rules could").
func (st *state) nounUse(i int, c *cue) bool {
	if c.ing || st.pos(i)&lexicon.Noun == 0 {
		return false
	}
	if w := st.tok(i); c.frame&nounish != 0 && (c.base || w[len(w)-1] == 's') && !st.is(i+1, "that") &&
		(i == 0 || st.ent[i-1] == 0 && st.wc(i-1)&(wSubjPronoun|wRelative) == 0) {
		return true
	}
	if i > 0 {
		if st.numeral(i-1) && !(st.is(i-2, "in") || st.is(i-2, "of")) {
			return true // "six attacks", "Twenty-seven states"; not "4 in 10 say"
		}
		if st.toks[i-1].Kind == nlp.Word && !st.toks[i-1].Is(nlp.SentStart) && st.onlyAdjective(i-1) {
			return true // "personal attacks"
		}
	}
	n := i + 1
	if n >= len(st.toks) {
		return false
	}
	if st.is(n, "and") || st.is(n, "or") || st.is(n, "of") || st.is(n, "'s") || st.is(n, "’s") {
		return true
	}
	if st.info[n] != 0 {
		// "which advocates say": a verb of saying right after makes
		// this word its subject.
		if nc := st.infoOf(n).cue; nc != nil && nc.frame&speech != 0 && !nc.ing && st.pos(n)&lexicon.Noun == 0 || st.is(n, "say") {
			return true
		}
	}
	return st.wc(n)&wAux != 0 && !st.is(n, "to")
}

// nested reports whether the cue of item n lies inside the content of
// another item.
func (st *state) nested(n int) bool {
	c := st.out[n].q.Cue
	if c.Empty() {
		return false
	}
	for m := range st.out {
		if m != n && st.out[m].q.Content.Contains(c) {
			return true
		}
	}
	return false
}
