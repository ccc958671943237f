package stance

import (
	"hash/maphash"
	"slices"

	"dossier"
	"dossier/lexicon"
	"dossier/nlp"
	"dossier/textpos"
)

// prop is one proposition a source takes a position on.
type prop struct {
	quote int    // index into d.Quotes
	seg   [2]int // token range of the clause that states it (evidence)
	body  [2]int // token range of the proposition itself
	skip  [4]int // tokens of body left out of the statement ("not", "of"); -1 when unused
	exp   int    // token of an expectation frame ("expected" in "not expected to"), or -1
	label dossier.StanceLabel
	hedge textpos.Span
	// anaphoric is set when the content refers back ("no indication of
	// that"); body is then the referent found in the sentence, or empty.
	anaphoric bool
	// topic is set for the topic of a refusal ("declined to comment on
	// the timing"): it joins a claim it resembles, and makes none.
	topic  bool
	accuse bool // "Y of Z" after an accusation cue
	ents   []string
	stems  []uint64
	head   uint64
	key    string // the source's key: speaker id or lower-case name
}

// state is the work of one Process call.
type state struct {
	c     *Component
	d     *nlp.Doc
	text  string
	toks  []nlp.Token
	entOf []int32  // per token: 1 + index of the entity a mention of which covers it
	ids   []string // per entity index: the id it stands for (LinkedTo, else ID)
	seed  maphash.Seed
	props []*prop
	// fl memoizes flags per token: the passes over a document ask for the
	// flags of the same tokens many times. Zero means not yet computed.
	fl []wflag
	// posm memoizes pos per token, with posKnown once looked up.
	posm []lexicon.POS
	// ready is set once prepare has built entOf, fl, posm and ids; sc
	// holds their arrays.
	ready bool
	sc    *scratch
	// entSlab and stemSlab hold the ents and stems of all props, each
	// prop's a full slice of its own part.
	entSlab  []string
	stemSlab []uint64
}

// flKnown marks an entry of state.fl as computed.
const flKnown wflag = 1 << 31

// posKnown marks an entry of state.posm as looked up.
const posKnown lexicon.POS = 1 << 15

func newState(c *Component, d *nlp.Doc) *state {
	return &state{c: c, d: d, text: d.Text, toks: d.Tokens, seed: maphash.MakeSeed()}
}

// prepare builds the per-token tables, on the first quote that can state a
// proposition: most documents have none, and need no tables.
func (st *state) prepare() {
	if st.ready {
		return
	}
	st.ready = true
	c, d := st.c, st.d
	n := len(d.Tokens)
	sc, _ := c.pool.Get().(*scratch)
	if sc == nil {
		sc = new(scratch)
	}
	st.sc = sc
	st.entOf = grow(&sc.entOf, n)
	st.fl = grow(&sc.fl, n)
	st.posm = grow(&sc.posm, n)
	st.entSlab, st.stemSlab = sc.entSlab[:0], sc.stemSlab[:0]
	st.ids = make([]string, len(d.Entities))
	for ei, e := range d.Entities {
		st.ids[ei] = e.ID
		if e.LinkedTo != "" {
			st.ids[ei] = e.LinkedTo
		}
		for _, m := range e.Mentions {
			if !m.Span.Valid(len(d.Text)) {
				continue
			}
			for i := d.TokenAt(m.Span.Start); i < len(d.Tokens) && int(d.Tokens[i].Start) < m.Span.End; i++ {
				if st.entOf[i] == 0 {
					st.entOf[i] = int32(ei + 1)
				}
			}
		}
	}
}

// scratch holds the per-token tables of a state, reused across documents
// through Component.pool (each call takes its own, so the component stays
// safe for concurrent use).
type scratch struct {
	entOf    []int32
	fl       []wflag
	posm     []lexicon.POS
	entSlab  []string
	stemSlab []uint64
}

// grow returns *s with length n and every element zero, reusing its array
// when it is large enough.
func grow[T any](s *[]T, n int) []T {
	if cap(*s) < n {
		*s = make([]T, n, n+n/4)
	} else {
		*s = (*s)[:n]
		clear(*s)
	}
	return *s
}

// release gives the state's tables back to the component.
func (st *state) release() {
	if st.sc == nil || cap(st.sc.entOf) > 1<<20 {
		return
	}
	clear(st.entSlab)
	st.sc.entSlab, st.sc.stemSlab = st.entSlab[:0], st.stemSlab[:0]
	st.c.pool.Put(st.sc)
	st.sc = nil
}

// flags returns the word flags of token i.
func (st *state) flags(i int) wflag {
	if i < 0 || i >= len(st.toks) {
		return 0
	}
	if f := st.fl[i]; f != 0 {
		return f &^ flKnown
	}
	f := st.wordFlags(i)
	st.fl[i] = f | flKnown
	return f
}

// wordFlags computes the flags of token i.
func (st *state) wordFlags(i int) wflag {
	var buf [maxWord]byte
	n := lowerWord(&buf, st.tokText(i))
	if n == 0 {
		return 0
	}
	f := st.c.w.wordFlags(buf[:n])
	if f&(fAux|fHedge|fNeg) != 0 && buf[0] != st.text[st.toks[i].Start] && buf[0] != 'i' && !st.toks[i].Is(nlp.SentStart) {
		f &^= fAux | fHedge | fNeg // a capitalized word inside a sentence is a name: "May", "Will"
	}
	return f
}

// is reports whether token i is the lower-case word w (case-insensitively).
func (st *state) is(i int, w string) bool {
	if i < 0 || i >= len(st.toks) {
		return false
	}
	t := st.tokText(i)
	if len(t) != len(w) {
		return false
	}
	for k := 0; k < len(t); k++ {
		c := t[k]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != w[k] {
			return false
		}
	}
	return true
}

func (st *state) tokText(i int) string {
	t := st.toks[i]
	return st.text[t.Start:t.End]
}

func (st *state) isWord(i int) bool {
	k := st.toks[i].Kind
	return k == nlp.Word || k == nlp.Number
}

// pos returns the parts of speech of token i as a common word.
func (st *state) pos(i int) lexicon.POS {
	if st.c.lex == nil {
		return 0
	}
	if p := st.posm[i]; p&posKnown != 0 {
		return p &^ posKnown
	}
	var buf [maxWord]byte
	var p lexicon.POS
	if n := lowerWord(&buf, st.tokText(i)); n != 0 {
		p = st.c.lex.POSOf(string(buf[:n]))
	}
	st.posm[i] = p | posKnown
	return p
}

// verbLike reports whether token i can be a verb: by the lexicon, or by an
// inflectional ending when the lexicon does not know the word.
func (st *state) verbLike(i int) bool {
	if st.toks[i].Kind != nlp.Word || st.entOf[i] != 0 {
		return false
	}
	if p := st.pos(i); p != 0 {
		return p&lexicon.Verb != 0
	}
	t := st.tokText(i)
	n := len(t)
	return n > 4 && (t[n-2:] == "ed" || t[n-3:] == "ing")
}

// stemKey returns the predicate key of token i: its synonym class, or a
// hash of its stem.
func (st *state) stemKey(i int) uint64 {
	var buf [maxWord]byte
	n := lowerWord(&buf, st.tokText(i))
	if n == 0 {
		return maphash.String(st.seed, st.tokText(i)) &^ (1 << 63)
	}
	if k, ok := st.c.w.synonym(buf[:n]); ok {
		return k
	}
	n = stem(buf[:n])
	if k, ok := st.c.w.synonym(buf[:n]); ok {
		return k
	}
	return maphash.Bytes(st.seed, buf[:n]) &^ (1 << 63)
}

// tokRange returns the token range [a, b) inside span s.
func (st *state) tokRange(s textpos.Span) (int, int) {
	a := st.d.TokenAt(s.Start)
	b := a
	for b < len(st.toks) && int(st.toks[b].End) <= s.End {
		b++
	}
	return a, b
}

// run extracts the propositions of every quote in text order.
func (st *state) run() {
	order := make([]int, 0, len(st.d.Quotes))
	for i, q := range st.d.Quotes {
		if q.Content.Valid(len(st.text)) && !q.Content.Empty() {
			order = append(order, i)
		}
	}
	slices.SortStableFunc(order, func(a, b int) int {
		return st.d.Quotes[a].Content.Start - st.d.Quotes[b].Content.Start
	})
	for _, qi := range order {
		st.quoteProps(qi)
	}
}

// quoteProps finds the propositions of quote qi.
func (st *state) quoteProps(qi int) {
	q := &st.d.Quotes[qi]
	if q.SourceType == dossier.SourceUnattributed || q.Speaker == "" && q.SpeakerName == "" {
		return // the author's voice is not a source
	}
	if !q.IsSpeech() {
		return // beliefs, intentions, evaluations and questions state no claim
	}
	if len(st.toks) == 0 {
		return
	}
	st.prepare()
	a, b := st.tokRange(q.Content)
	if a >= b {
		return
	}
	// Labels and characterizations are not propositions.
	if !q.Cue.Empty() && q.Cue.Valid(len(st.text)) {
		ca, cb := st.tokRange(q.Cue)
		for i := ca; i < cb; i++ {
			if st.flags(i)&fLabel != 0 {
				return
			}
		}
	}
	// Questions.
	for i := b - 1; i >= a && !st.isWord(i); i-- {
		if st.tokText(i) == "?" {
			return
		}
	}
	// A nested attribution inside the content: a wrapper when it opens the
	// content, else the proposition ends where it starts.
	for ri := range st.d.Quotes {
		r := &st.d.Quotes[ri]
		if ri == qi || r.Cue.Empty() || !q.Content.Contains(r.Cue) || r.Content == q.Content {
			continue
		}
		at := r.Cue.Start
		if !r.Source.Empty() && q.Content.Contains(r.Source) && r.Source.Start < at {
			at = r.Source.Start
		}
		if q.Content.Contains(r.Content) && r.Content.Start < at {
			at = r.Content.Start
		}
		cut := st.d.TokenAt(at)
		words := 0
		for i := a; i < cut && words <= 3; i++ {
			if st.isWord(i) {
				words++
			}
		}
		if words <= 3 || cut > a && st.tokText(cut-1) == "," {
			return
		}
		if cut < b {
			b = cut
		}
	}
	uncertainCue := st.cueUncertain(q)
	base := q.Stance
	if base == "" {
		base = dossier.Asserts
	}
	// Split into clauses: "P and that Q", "P; Q", "P, a move not expected to Q".
	s := a
	for i := a; i <= b; i++ {
		end := i == b
		next := i
		if !end {
			switch {
			case st.is(i, "and") && st.is(i+1, "that") && i > s:
				end, next = true, i+1
			case st.tokText(i) == ";" && i > s:
				end, next = true, i+1
			case st.tokText(i) == "," && st.appositiveFrame(i+1, b):
				end, next = true, i+1
			}
		}
		if !end {
			continue
		}
		if p, ok := st.analyse(qi, s, i, base, uncertainCue); ok {
			st.props = append(st.props, p)
		}
		s = next
	}
}

// appositiveFrame reports whether an appositive judgement starts at i: "a
// move (not) expected to", "a step likely to".
func (st *state) appositiveFrame(i, b int) bool {
	if i >= b || st.flags(i)&fDet == 0 {
		return false
	}
	for k := i + 1; k < b && k < i+6; k++ {
		if st.flags(k)&fExpect != 0 && st.is(k+1, "to") {
			return true
		}
	}
	return false
}

// cueUncertain reports whether the words around the cue leave the source
// uncertain: "declined to confirm", "neither confirmed nor denied", "would
// not confirm".
func (st *state) cueUncertain(q *dossier.Quote) bool {
	if q.Cue.Empty() || !q.Cue.Valid(len(st.text)) {
		return false
	}
	lo, hi := q.Cue.Start, q.Cue.End
	if !q.Source.Empty() && q.Source.End <= lo && q.Source.Valid(len(st.text)) {
		lo = q.Source.End
	}
	a, b := st.tokRange(textpos.Span{Start: lo, End: hi})
	for i := max(a-3, 0); i < b; i++ {
		f := st.flags(i)
		if f&(fDeclined|fNeither|fUncertain) != 0 {
			return true
		}
		if f&fNeg != 0 && i+1 < len(st.toks) && (st.is(i+1, "confirm") || st.is(i+1, "say") || st.is(i+1, "comment")) {
			return true
		}
	}
	return false
}

// analyse reads the clause [s, e) of quote qi.
func (st *state) analyse(qi, s, e int, base dossier.StanceLabel, uncertain bool) (*prop, bool) {
	q := &st.d.Quotes[qi]
	for s < e && (!st.isWord(s) || st.is(s, "that") && s+1 < e && st.isWord(s+1)) {
		s++
	}
	for e > s && !st.isWord(e-1) {
		e--
	}
	if s >= e || st.flags(s)&fCond != 0 {
		return nil, false
	}
	// A concessive or causal subordinate clause is not part of the
	// proposition: "P despite reports that Q", "P because Q".
	for i := s + 1; i < e; i++ {
		if st.flags(i)&fCut != 0 {
			e = i
			break
		}
	}
	for e > s && !st.isWord(e-1) {
		e--
	}
	p := &prop{quote: qi, seg: [2]int{s, e}, exp: -1, skip: [4]int{-1, -1, -1, -1}}
	// A report of a speech act states no proposition of its own.
	words := 0
	for i := s; i < e && words < 5; i++ {
		if !st.isWord(i) {
			continue
		}
		words++
		if st.flags(i)&fSpeech != 0 && !(i > s && st.flags(i-1)&fDet != 0) {
			return nil, false
		}
	}
	flips := 0
	bs := s
	// Attitudes of not knowing: "I hope (that) ...", "we doubt ...".
	for i, w := s, 0; i < e && w < 3; i++ {
		if !st.isWord(i) {
			continue
		}
		w++
		if st.flags(i)&fUncertain != 0 {
			uncertain = true
			bs = i + 1
			if st.is(bs, "that") {
				bs++
			}
			break
		}
	}
	// Evidence frames: "(has seen) no evidence that P", "there is no
	// indication P", "evidence that P".
	for i := bs; i < e && i < bs+10; i++ {
		if st.flags(i)&fEvidence == 0 || st.entOf[i] != 0 {
			continue
		}
		neg := false
		for k := max(i-3, bs); k < i; k++ {
			if st.flags(k)&(fNo|fNeg) != 0 {
				neg = true
			}
		}
		j := i + 1
		for j < e && (st.is(j, "of") || st.is(j, "that") || st.is(j, "whatsoever") || st.is(j, "to") ||
			st.is(j, "suggest") || st.is(j, "show") || st.is(j, "indicate") || st.is(j, "yet")) {
			j++
		}
		if !neg && j == i+1 {
			continue // "evidence" as a plain noun
		}
		if neg {
			flips++
		}
		bs = j
		// "no evidence of that", also with a trailing adjunct and no clause
		// of its own: "no evidence of that in our order book".
		ofThat := bs >= 2 && st.is(bs-1, "that") && st.is(bs-2, "of") // the skip above ate "of that"
		if bs >= e || ofThat && st.adjunctOnly(bs, e, false) ||
			st.flags(bs)&fAnaphor != 0 && (st.contentWords(bs+1, e) == 0 || st.adjunctOnly(bs+1, e, true)) {
			p.anaphoric = true
			bs = e
		}
		break
	}
	// A report named as the object: "denied a report in the Courier that
	// P", "rejected claims by rivals that P": the stance is toward P.
	if bs == s && !p.anaphoric {
		bs = st.claimObject(s, e)
	}
	// "No such commitment has been made": a denial of the claim just
	// discussed.
	if st.is(bs, "no") && st.is(bs+1, "such") || st.is(bs, "there") && st.flags(bs+1)&fAux != 0 && st.is(bs+2, "no") && st.is(bs+3, "such") {
		flips++
		p.anaphoric = true
		bs = e
	}
	p.body = [2]int{bs, e}
	if !p.anaphoric && uncertain && q.Cue.End <= q.Content.Start && s == st.d.TokenAt(q.Content.Start) && s > 0 && (st.is(s-1, "on") || st.is(s-1, "about")) {
		// "declined to comment on the timing": a topic, not a proposition.
		p.anaphoric, p.topic = true, true
		p.label = dossier.Uncertain
		p.key = q.Speaker
		if p.key == "" {
			p.key = "\x00" + lowerASCII(q.SpeakerName)
		}
		st.features(p)
		return p, true
	}
	if !p.anaphoric {
		// A judgement of a claim: "the reports are false", "that is not
		// true", "such claims should be treated cautiously".
		if j, lab, ok := st.judgement(bs, e); ok {
			for k := bs; k < j; k++ {
				if st.flags(k)&fNeg != 0 {
					flips++
				}
			}
			base, p.anaphoric, p.body = lab, true, [2]int{e, e}
			if lab == dossier.Uncertain {
				uncertain = true
			}
		}
	}
	if !p.anaphoric {
		flips += st.verbGroup(p, bs, e)
		if st.contentWords(bs, e) == 0 {
			p.anaphoric = true // elliptical: "I hope they're not", "I doubt it"
			p.body = [2]int{e, e}
		}
	}
	if !p.anaphoric && !st.hasVerb(bs, e) {
		return nil, false // a fragment without a verb is no proposition
	}
	// Hedge: the first in the clause.
	if !p.hedge.Empty() {
		// set by an expectation frame
	} else {
		for i := s; i < e; i++ {
			if st.flags(i)&fHedge != 0 {
				p.hedge = st.toks[i].Span()
				break
			}
		}
	}
	switch {
	case uncertain || base == dossier.Uncertain:
		p.label = dossier.Uncertain
	case flips%2 == 0:
		p.label = base
	case base == dossier.Denies:
		p.label = dossier.Asserts
	default:
		p.label = dossier.Denies
	}
	// "accused Russia of aiding Iran": the object and its of-clause.
	if s == st.d.TokenAt(q.Content.Start) && !q.Cue.Empty() && q.Cue.End <= q.Content.Start {
		for i := s + 1; i < e && i < s+5; i++ {
			if st.is(i, "of") && i+1 < e && st.verbLike(i+1) {
				p.accuse = true
				p.addSkip(i)
				break
			}
		}
	}
	p.key = q.Speaker
	if p.key == "" {
		p.key = "\x00" + lowerASCII(q.SpeakerName)
	}
	if p.anaphoric {
		st.referent(p)
	}
	st.features(p)
	return p, true
}

func (p *prop) addSkip(i int) {
	for k := range p.skip {
		if p.skip[k] < 0 {
			p.skip[k] = i
			return
		}
	}
}

// verbGroup finds the head verb of [s, e), records negation in its verb
// group and expectation frames, and returns the number of negations.
func (st *state) verbGroup(p *prop, s, e int) int {
	flips := 0
	inGroup := false
	// A verb group opened by an auxiliary is the surest head: start there
	// ("North East people did not want", "lifting the ban could aid").
	for i, w := s, 0; i < e && w < 8; i++ {
		if !st.isWord(i) {
			continue
		}
		w++
		if f := st.flags(i); f&fAux != 0 && st.entOf[i] == 0 && i > s {
			if st.flags(i-1)&fNeg != 0 {
				i-- // "never has"
			}
			s = i
			break
		}
	}
	for i := s; i < e; i++ {
		if !st.isWord(i) {
			continue
		}
		f := st.flags(i)
		switch {
		case f&fNeg != 0 && (inGroup || i+1 < e && st.verbLike(i+1)):
			flips++
			p.addSkip(i)
			continue
		case f&fExpect != 0 && st.is(i+1, "to") && i > s:
			if f&fUnlikely != 0 {
				flips++
			} else {
				p.hedge = st.toks[i].Span()
			}
			p.exp = i
			continue
		case f&fAux != 0 && st.entOf[i] == 0:
			inGroup = true
			continue
		case inGroup && (f&fHedge != 0 || st.pos(i)&(lexicon.Adverb|lexicon.Verb|lexicon.Adjective) == lexicon.Adverb):
			continue
		case inGroup && st.verbLike(i):
			p.head = st.stemKey(i)
			return flips
		case inGroup:
			inGroup = false // "is a test": a copula with a noun
			p.head = st.stemKey(i)
			return flips
		case i > s && st.clauseVerb(i, s):
			p.head = st.stemKey(i)
			return flips
		}
	}
	return flips
}

// judgement recognizes a clause that judges a claim: its subject names a
// claim or refers back ("the reports", "that", "it") and its predicate calls
// it false, unverified or true. It returns the token of the judging word.
func (st *state) judgement(s, e int) (int, dossier.StanceLabel, bool) {
	subj := false
	for i := s; i < e && i < s+4; i++ {
		f := st.flags(i)
		if f&(fClaimNoun|fAnaphor) != 0 && st.entOf[i] == 0 {
			subj = true
			break
		}
		if f&fStop == 0 {
			break
		}
	}
	if !subj {
		return 0, "", false
	}
	for i := s; i < e && i < s+12; i++ {
		f := st.flags(i)
		switch {
		case f&fFalse != 0:
			return i, dossier.Denies, true
		case f&fCaution != 0:
			return i, dossier.Uncertain, true
		case f&fTrue != 0:
			return i, dossier.Asserts, true
		}
	}
	return 0, "", false
}

// contentWords counts the words in [s, e) that can carry a proposition:
// not function words, negations or hedges.
func (st *state) contentWords(s, e int) int {
	n := 0
	for i := s; i < e; i++ {
		if st.isWord(i) && (st.entOf[i] != 0 || st.flags(i)&(fStop|fNeg|fNo|fHedge|fAnaphor) == 0) {
			if st.entOf[i] != 0 && st.flags(i)&fPronoun != 0 {
				continue
			}
			n++
		}
	}
	return n
}

// hasVerb reports whether [s, e) holds a word that can be a verb.
func (st *state) hasVerb(s, e int) bool {
	for i := s; i < e; i++ {
		if st.flags(i)&fAux != 0 || st.clauseVerb(i, s) {
			return true
		}
	}
	return false
}

// clauseVerb reports whether token i, in a clause starting at s, is likely
// a verb of the clause rather than a noun that can be a verb.
func (st *state) clauseVerb(i, s int) bool {
	if !st.verbLike(i) {
		return false
	}
	// Many nouns can be verbs ("company", "history"): count a word that is
	// only a verb, a past or -ing form, or a word right after its subject.
	t := st.tokText(i)
	p := st.pos(i)
	switch {
	case p == 0 || p&(lexicon.Noun|lexicon.Adjective|lexicon.Adverb) == 0:
		return true
	case len(t) > 3 && t[len(t)-2:] == "ed":
		return true
	case len(t) > 4 && t[len(t)-3:] == "ing":
		return true
	case i > s && st.isWord(i-1) && st.flags(i-1)&fStop == 0 &&
		(st.entOf[i-1] != 0 || st.pos(i-1)&lexicon.Noun != 0):
		return true // after its subject: "the bank cut rates"
	case i > s && st.flags(i-1)&fPronoun != 0:
		return true
	}
	return false
}

// referent finds what an anaphoric proposition refers to in its sentence:
// "(asked about) claims that P", "Asked if (he believed) P". It leaves the
// body empty when there is none.
func (st *state) referent(p *prop) {
	q := &st.d.Quotes[p.quote]
	lo, hi := q.Content.Start, q.Content.End
	for _, sp := range [...]textpos.Span{q.Cue, q.Source} {
		if !sp.Empty() && sp.Valid(len(st.text)) {
			lo, hi = min(lo, sp.Start), max(hi, sp.End)
		}
	}
	sa := st.d.SentenceOf(st.d.TokenAt(lo))
	sb := st.d.SentenceOf(max(st.d.TokenAt(hi)-1, 0))
	if sa < 0 || sb < 0 {
		return
	}
	first, last := st.d.Sentences[sa].First, st.d.Sentences[sb].Last
	ca, cb := st.tokRange(q.Content)
	// Look only near the content, so that a run-on "sentence" costs no
	// more than a window.
	first, last = max(first, ca-referentWindow), min(last, cb+referentWindow)
	for i := first; i < last; i++ {
		if i >= ca && i < cb || st.flags(i)&(fClaimNoun|fAsk) == 0 {
			continue
		}
		j := i + 1
		for j < last && j < i+4 && (st.is(j, "about") || st.is(j, "that") || st.is(j, "if") || st.is(j, "whether") ||
			st.flags(j)&(fClaimNoun|fDet) != 0 && !st.is(j, "that")) {
			j++
		}
		if j == i+1 {
			continue
		}
		// "he believed (that) P": the question is about P.
		for k := j; k < j+3 && k < last; k++ {
			if st.flags(k)&fBelief != 0 {
				j = k + 1
				if st.is(j, "that") {
					j++
				}
				break
			}
		}
		e := j
		for e < last && !(e >= ca && e < cb) && st.tokText(e) != "," && st.toks[e].Kind != nlp.Quote {
			e++
		}
		for e > j && !st.isWord(e-1) {
			e--
		}
		if st.contentWords(j, e) >= 2 {
			p.body = [2]int{j, e}
			p.skip = [4]int{-1, -1, -1, -1}
			p.head, p.exp = 0, -1
			return
		}
	}
	p.body = [2]int{p.seg[1], p.seg[1]}
}

// referentWindow is how many tokens before and after a quote's content
// the referent of an anaphoric fragment is looked for.
const referentWindow = 60

// features fills the entities, predicate stems and head of p from its body.
func (st *state) features(p *prop) {
	spk := st.d.Quotes[p.quote].Speaker
	e0, s0 := len(st.entSlab), len(st.stemSlab)
	for i := p.body[0]; i < p.body[1]; i++ {
		if !st.isWord(i) {
			continue
		}
		if ei := st.entOf[i]; ei != 0 {
			id := st.ids[ei-1]
			if id != spk && !slices.Contains(st.entSlab[e0:], id) {
				st.entSlab = append(st.entSlab, id)
			}
			continue
		}
		f := st.flags(i)
		if f&(fStop|fNeg|fNo|fHedge|fAnaphor|fExpect) != 0 || st.toks[i].Kind == nlp.Number {
			continue
		}
		if k := st.stemKey(i); !slices.Contains(st.stemSlab[s0:], k) {
			st.stemSlab = append(st.stemSlab, k)
		}
	}
	if n := len(st.entSlab); n > e0 {
		p.ents = st.entSlab[e0:n:n]
	}
	if n := len(st.stemSlab); n > s0 {
		p.stems = st.stemSlab[s0:n:n]
	}
	if p.head == 0 && p.body[0] < p.body[1] {
		tmp := prop{exp: -1, skip: [4]int{-1, -1, -1, -1}}
		st.verbGroup(&tmp, p.body[0], p.body[1])
		p.head = tmp.head
	}
}

func lowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if 'A' <= s[i] && s[i] <= 'Z' {
			b := []byte(s)
			for k := i; k < len(b); k++ {
				if 'A' <= b[k] && b[k] <= 'Z' {
					b[k] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}

// claimObject returns where the proposition starts when clause [s, e) opens
// with a noun naming a claim and its that-clause ("a report in the Courier
// that P", "claims by rivals that P"), else s.
func (st *state) claimObject(s, e int) int {
	noun := -1
	for i, w := s, 0; i < e && w < 4; i++ {
		if !st.isWord(i) {
			return s
		}
		w++
		if st.flags(i)&fClaimNoun != 0 && st.entOf[i] == 0 {
			noun = i
			break
		}
	}
	if noun < 0 {
		return s
	}
	for i := noun + 1; i < e && i < noun+10; i++ {
		if st.is(i, "that") {
			if i+1 < e {
				return i + 1
			}
			return s
		}
		if !st.isWord(i) || st.flags(i)&(fAux|fNeg) != 0 {
			return s
		}
	}
	return s
}

// adjunctOnly reports whether tokens [k, e) are only a prepositional
// adjunct of place or source ("in our order book", "at the plant"), with no
// clause of its own. strict asks for no verb at all (after a bare "that",
// which may also open a clause: "that in May the plant closed"); otherwise,
// after "of that", a short phrase without an auxiliary will do, since
// words like "order" and "book" are verbs too.
func (st *state) adjunctOnly(k, e int, strict bool) bool {
	if k >= e {
		return true
	}
	switch {
	case st.is(k, "in"), st.is(k, "on"), st.is(k, "at"), st.is(k, "from"), st.is(k, "among"),
		st.is(k, "across"), st.is(k, "within"), st.is(k, "inside"):
	default:
		return false
	}
	if strict {
		return !st.hasVerb(k+1, e)
	}
	if e-k > 6 {
		return false
	}
	for i := k + 1; i < e; i++ {
		if st.flags(i)&fAux != 0 {
			return false
		}
	}
	return true
}
