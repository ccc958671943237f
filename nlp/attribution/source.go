package attribution

import (
	"strings"

	"dossier"
	"dossier/lexicon"
	"dossier/nlp"
)

// wc returns the closed-class roles of token i (0 for other words).
func (st *state) wc(i int) wclass {
	if i < 0 || i >= len(st.toks) {
		return 0
	}
	return st.infoOf(i).class
}

// pos returns the parts of speech of token i as a common word (0 when
// unknown or when there is no lexicon).
func (st *state) pos(i int) lexicon.POS {
	if st.c.lex == nil || i < 0 || i >= len(st.toks) {
		return 0
	}
	if p := st.posm[i]; p&posKnown != 0 {
		return p &^ posKnown
	}
	var buf [lowerBuf]byte
	var p lexicon.POS
	if w := st.lower(i, &buf); w != nil {
		p = st.c.lex.POSOf(string(w))
	}
	st.posm[i] = p | posKnown
	return p
}

// upper reports whether token i is a capitalised word.
func (st *state) upper(i int) bool {
	return i >= 0 && i < len(st.toks) && st.toks[i].Kind == nlp.Word && st.toks[i].Is(nlp.Upper)
}

// skippable reports whether token i is an auxiliary, negation or adverb
// that may stand between a subject and its cue ("has also said").
func (st *state) skippable(i int) bool {
	if st.wc(i)&(wAux|wSkipAdverb|wNegation) != 0 {
		return true
	}
	if st.toks[i].Kind != nlp.Word || st.upper(i) {
		return false
	}
	p := st.pos(i)
	w := st.tok(i)
	return p&lexicon.Adverb != 0 && p&(lexicon.Noun|lexicon.Pronoun|lexicon.Determiner|lexicon.Adjective) == 0 ||
		strings.HasSuffix(w, "ly") && p&lexicon.Adverb != 0 && p&lexicon.Noun == 0
}

// nounLike reports whether token i can be the head of a source noun
// phrase.
func (st *state) nounLike(i int) bool {
	if i < 0 || i >= len(st.toks) {
		return false
	}
	t := st.toks[i]
	if st.ent[i] != 0 {
		return true
	}
	if t.Kind != nlp.Word {
		return false
	}
	if st.wc(i)&(wAnon|wReport|wDocument|wOutletNoun|wSpokes) != 0 {
		return true
	}
	if st.wc(i)&(wBoundary|wAux|wDet|wSubjPronoun|wObjPronoun|wNegation) != 0 {
		return false
	}
	if st.upper(i) {
		return true
	}
	p := st.pos(i)
	return p&lexicon.Noun != 0 || p == 0 && len(st.tok(i)) > 3 // a rare noun: "technologists"
}

// npWord reports whether token i can sit inside a source noun phrase to
// the left of its head (modifiers, determiners, numbers, possessives).
func (st *state) npWord(i int) bool {
	t := st.toks[i]
	switch t.Kind {
	case nlp.Number:
		return true
	case nlp.Word:
	default:
		return false
	}
	if st.ent[i] != 0 || st.upper(i) {
		return true
	}
	if w := st.tok(i); w == "'s" || w == "’s" || w == "'" || w == "’" {
		return true // a possessive, though "'s" can also be "is"
	}
	c := st.wc(i)
	if c&(wAnon|wReport|wDocument|wOutletNoun|wSpokes) != 0 {
		return true
	}
	if c&(wBoundary|wAux|wSubjPronoun|wNegation) != 0 && c&wDet == 0 {
		return false
	}
	if c&wDet != 0 {
		return true
	}
	if _, ok := st.c.words.number[strings.ToLower(st.tok(i))]; ok {
		return true
	}
	p := st.pos(i)
	if p == 0 {
		return true // an unknown word: likely a name or a rare noun
	}
	if p&lexicon.Preposition != 0 {
		return false
	}
	if p&(lexicon.Noun|lexicon.Adjective|lexicon.Numeral) == 0 {
		return false
	}
	// A verb form that is not also a noun or adjective ends the phrase
	// ("citing", "followed").
	return true
}

// src is a source found in the text: tokens [a, b), or a == b for none.
type src struct {
	a, b int
}

func (s src) ok() bool { return s.b > s.a }

// sourceLeft finds the subject of the cue at token i by walking left, not
// past token bound. It skips auxiliaries and adverbs ("has also said"),
// parenthetical party labels ("Chuck Schumer (D-N.Y.) warned"),
// appositives ("Raymond Okafor, the union's president, said") and relative
// pronouns ("sources ... who said").
func (st *state) sourceLeft(i, bound int) src {
	j := i - 1
	for {
		for j >= bound && (st.skippable(j) || (st.is(j, "both") || st.is(j, "all") || st.is(j, "each")) && j-1 >= bound && st.nounLike(j-1)) {
			j--
		}
		if j < bound {
			return src{}
		}
		// "Acme on Wednesday denied", "the ministry in a statement said":
		// an adverbial adjunct between the subject and its verb.
		k := st.adjunctLeft(j, bound)
		if k == j {
			break
		}
		j = k
	}
	if st.punct(j, ")") {
		k := j - 1
		for k >= bound && j-k < 10 && !st.punct(k, "(") {
			k--
		}
		if k < bound || !st.punct(k, "(") {
			return src{}
		}
		j = k - 1
		if j < bound {
			return src{}
		}
	}
	if st.postModPronoun(j, bound) {
		return st.nounPhrase(j, bound)
	}
	if q := st.quantified(j, bound); q.ok() {
		return q
	}
	if st.ent[j] != 0 {
		em := st.extendMention(j, bound)
		if em.a-1 > bound {
			// "Democrats trying to regain the Senate say", "voters who
			// know Smith said": the name ends a post-modifier of the
			// subject.
			if r := st.modifiedHead(em.a-1, j, bound); r.ok() {
				return r
			}
		}
		return em
	}
	c := st.wc(j)
	if c&wSubjPronoun != 0 && st.toks[j].Kind == nlp.Word {
		return src{j, j + 1}
	}
	if c&wRelative != 0 && j-1 >= bound {
		k := j - 1
		if st.punct(k, ",") {
			k--
		}
		if k >= bound && st.ent[k] != 0 {
			return st.extendMention(k, bound)
		}
		return st.nounPhrase(k, bound)
	}
	if dash := st.dash(j); dash {
		// "Smith -- who also hosts a show -- told me": walk over the
		// parenthetical to the name before it.
		k := j - 1
		for k >= bound && j-k < 30 && !st.dash(k) && st.toks[k].Kind != nlp.Quote {
			k--
		}
		if k-1 >= bound && st.dash(k) && st.ent[k-1] != 0 {
			return st.personOf(k-1, bound)
		}
		return src{}
	}
	if st.punct(j, ",") {
		if j-3 >= bound && st.toks[j-1].Kind == nlp.Number && st.punct(j-2, ",") && st.ent[j-3] != 0 {
			return st.personOf(j-3, bound) // "Tom Reyes, 69, said"
		}
		// An appositive name ("The chairman, Phil Lovas, said").
		if j-1 >= bound && st.ent[j-1] != 0 && st.punct(int(st.mention[j-1])-2, ",") {
			return st.extendMention(j-1, bound)
		}
		// An appositive role: walk over it to the comma before and take
		// the name there.
		// A relative clause ("Smith, who backed the plan, said") may hold
		// cues of its own.
		k := j - 1
		cued, relInside := false, false
		for k >= bound && j-k < 30 && !st.punct(k, ",") && st.toks[k].Kind != nlp.Quote {
			if st.cue[k] != nil {
				cued, relInside = true, false
			}
			if st.is(k, "who") || st.is(k, "whose") {
				relInside = true // "a Republican who has refused to endorse him"
			}
			k--
		}
		if k-1 < bound || !st.punct(k, ",") {
			return src{}
		}
		// An age before the role, or alone: "Ana Ruiz, 63, a nurse,
		// said", "Tom Reyes, 69, said".
		if k-3 >= bound && st.toks[k-1].Kind == nlp.Number && st.punct(k-2, ",") && st.ent[k-3] != 0 {
			k -= 2
		}
		// A role opening with a determiner is a noun phrase: a cue word
		// inside it is a noun ("a creative writing professor").
		if cued && st.wc(k+1)&wDet != 0 && st.noRelativeIn(k+2, j) {
			cued = false
		}
		relative := st.is(k+1, "who") || st.is(k+1, "which")
		if cued && !relative && !relInside {
			return src{}
		}
		// A party label between the name and the appositive: "Rep. Tom
		// Reyes (D-Ohio), a member of the panel, said".
		if st.punct(k-1, ")") {
			m := k - 2
			for m > bound && k-m < 10 && !st.punct(m, "(") {
				m--
			}
			if st.punct(m, "(") && m-1 >= bound && st.ent[m-1] != 0 && st.nounLike(j-1) {
				return st.personOf(m-1, bound)
			}
		}
		if st.ent[k-1] != 0 && (relative || st.nounLike(j-1)) {
			return st.personOf(k-1, bound)
		}
		if relative {
			return st.nounPhrase(k-1, bound)
		}
		return src{}
	}
	np := st.nounPhrase(j, bound)
	from := j
	if np.ok() {
		from = np.a - 1
	}
	if r := st.modifiedHead(from, j, bound); r.ok() {
		return r
	}
	return np
}

// modifiedHead looks left from token from for the head of a subject whose
// post-modifier, without commas, ends at token j: a relative clause ("Some
// voters who have listened to his speeches said", "officials whose laws
// were struck down say") or a participle after a plural head ("Democrats
// trying to regain the Senate say"). It returns the whole subject, or
// none.
func (st *state) modifiedHead(from, j, bound int) src {
	for m := from; m > bound && j-m < 16; m-- {
		if st.toks[m].Kind != nlp.Word {
			break
		}
		if st.is(m, "who") || st.is(m, "whose") {
			if head := st.nounPhrase(m-1, bound); head.ok() && st.wc(m-1)&(wSubjPronoun|wObjPronoun) == 0 {
				return src{head.a, j + 1}
			}
			break
		}
		// "Democrats trying to regain the Senate say": a participle
		// right after a plural head.
		if st.ingWord(m) && (st.pluralNoun(m-1) || st.wc(m-1)&wAnon != 0) {
			if head := st.nounPhrase(m-1, bound); head.ok() {
				return src{head.a, j + 1}
			}
			break
		}
	}
	return src{}
}

// quantified returns a subject made of a quantifier alone or over a
// pronoun ("Several said", "most of them said", "two of them"), ending at
// token j, or none.
func (st *state) quantified(j, bound int) src {
	quant := func(k int) bool {
		if k < bound || st.toks[k].Kind != nlp.Word && st.toks[k].Kind != nlp.Number {
			return false
		}
		if st.toks[k].Kind == nlp.Number {
			return true
		}
		switch strings.ToLower(st.tok(k)) {
		case "some", "many", "most", "several", "few", "all", "none", "both", "half", "others", "each", "one":
			return true
		}
		_, ok := st.c.words.number[strings.ToLower(st.tok(k))]
		return ok
	}
	if (st.is(j, "them") || st.is(j, "us") || st.is(j, "those")) && j-2 >= bound && st.is(j-1, "of") && quant(j-2) {
		a := j - 2
		if a-1 >= bound && (st.is(a-1, "a") || st.is(a-1, "the") || st.wc(a-1)&wSkipAdverb != 0) {
			a--
		}
		return src{a, j + 1}
	}
	// "those surveyed", "26% of those polled", "Thirty-one percent of
	// voters", "26%", "4 in 10", "one in four".
	a := -1
	switch {
	case j-2 >= bound && st.numeral(j) && (st.is(j-1, "in") || st.is(j-1, "of") && st.is(j-2, "out")) && st.numeral(j-2) || j-3 >= bound && st.numeral(j) && st.is(j-1, "of") && st.is(j-2, "out") && st.numeral(j-3):
		a = j - 2
		if st.is(j-2, "out") {
			a = j - 3
		}
		if a-2 >= bound && st.is(a-1, "than") && (st.is(a-2, "more") || st.is(a-2, "fewer") || st.is(a-2, "less")) {
			a -= 2 // "more than 4 in 10"
		}
		return src{a, j + 1}
	case j-1 >= bound && st.is(j-1, "those") && strings.HasSuffix(st.tok(j), "ed") && st.toks[j].Kind == nlp.Word:
		a = j - 1
	case (st.is(j, "%") || st.is(j, "percent")) && j-1 >= bound && st.numeral(j-1):
		a = j - 1
	}
	if a >= 0 {
		if a-3 >= bound && st.is(a-1, "of") && (st.is(a-2, "%") || st.is(a-2, "percent")) && st.numeral(a-3) {
			a -= 3
		}
		return src{a, j + 1}
	}
	if st.toks[j].Kind == nlp.Word && quant(j) && !st.is(j, "one") && (j == bound || st.toks[j].Is(nlp.SentStart) || st.is(j-1, "and") || st.is(j-1, "but") || st.punct(j-1, ",")) {
		return src{j, j + 1} // "Several said"
	}
	return src{}
}

// numeral reports whether token k is a number in figures or words
// ("26", "thirty", "Thirty-one").
func (st *state) numeral(k int) bool {
	if st.toks[k].Kind == nlp.Number {
		return true
	}
	w := strings.ToLower(st.tok(k))
	if i := strings.IndexByte(w, '-'); i > 0 {
		w = w[:i]
	}
	_, ok := st.c.words.number[w]
	return ok
}

// noRelativeIn reports whether no token in [a, b) opens a relative clause
// ("who", "that").
func (st *state) noRelativeIn(a, b int) bool {
	for k := a; k < b; k++ {
		if st.is(k, "who") || st.is(k, "that") {
			return false
		}
	}
	return true
}

// extendMention returns the mention that ends at token j, extended left over
// coordinated names ("Smith and Jones") and over a speaking role that the
// name follows ("a spokesperson for the ministry").
func (st *state) extendMention(j, bound int) src {
	a := max(int(st.mention[j])-1, bound)
	for a-1 >= bound && st.titleWord(a-1) {
		a--
	}
	// "Mr. Smith and Ms. Jones said", "Smith, Jones and Cole said": the
	// coordinated names, titles and all.
	if a-2 >= bound && st.is(a-1, "and") && st.ent[a-2] != 0 {
		typ := st.d.Entities[st.ent[a-2]-1].Type
		for a-2 >= bound && st.ent[a-2] != 0 && (st.is(a-1, "and") || st.punct(a-1, ",") && st.d.Entities[st.ent[a-2]-1].Type == typ) {
			a = max(int(st.mention[a-2])-1, bound)
			for a-1 >= bound && st.titleWord(a-1) {
				a--
			}
		}
	}
	if a-2 >= bound && (st.is(a-1, "like") || st.is(a-1, "including")) && (st.pluralNoun(a-2) || st.wc(a-2)&wAnon != 0) {
		// "critics like Smith": the group is the source.
		if np := st.nounPhrase(a-2, bound); np.ok() {
			return src{np.a, j + 1}
		}
	}
	if a-1 >= bound && st.is(a-1, "the") {
		a--
	}
	if a-3 >= bound && (st.is(a-1, "to") || st.is(a-1, "with")) && st.wc(a-2)&wPostMod != 0 {
		// "sources close to Mayor Reyes": the name completes the
		// post-modifier of an anonymous head.
		k := a - 3
		if np := st.nounPhrase(k, bound); np.ok() {
			return src{np.a, j + 1}
		}
		if st.wc(k)&wDet != 0 {
			return src{k, j + 1} // "those close to Reyes"
		}
	}
	if a-2 >= bound && (st.is(a-1, "for") || st.is(a-1, "of") || st.is(a-1, "at") || st.is(a-1, "in") || st.is(a-1, "to")) {
		// The head may sit a few "of"-phrases back: "residents of the
		// nearby town of Millbrook", "a lawyer for the family of Ms. Cole".
		k := a - 2
		for k >= bound && a-k < 10 && st.wc(k)&(wSpokes|wAnon) == 0 && !(st.is(a-1, "in") && st.pluralNoun(k)) && !(st.is(a-1, "of") && st.roleWord(k)) && (st.npWord(k) || st.is(k, "of") || st.is(k, "for") || st.is(k, "at")) && st.ent[k] == 0 {
			k--
		}
		if k >= bound && (st.wc(k)&(wSpokes|wAnon) != 0 || st.is(a-1, "in") && st.pluralNoun(k) || st.is(a-1, "of") && st.roleWord(k)) {
			np := st.nounPhrase(k, bound)
			if np.ok() {
				a = np.a
			}
		}
	}
	return src{a, j + 1}
}

// nounPhrase returns the noun phrase whose last token is j, walking left
// over modifiers, "of"-phrases and the complements of "familiar with the
// matter", "close to the talks".
func (st *state) nounPhrase(j, bound int) src {
	if st.postModPronoun(j, bound) {
		// "those close to him", "people familiar with it": the pronoun
		// is the complement; the phrase's head comes before.
		if k := j - 3; k >= bound && (st.nounLike(k) || st.wc(k)&wDet != 0) {
			np := st.nounPhrase(k, bound)
			if !np.ok() {
				np = src{k, k + 1}
			}
			return src{np.a, j + 1}
		}
		return src{}
	}
	if j < bound || !st.nounLike(j) {
		return src{}
	}
	a := j
	for k := j - 1; k >= bound && j-k < 12; k-- {
		if st.wc(k)&wDet != 0 && st.wc(k)&wRelative == 0 {
			a = k
			// "familiar with the matter": the determiner opens the
			// complement of a post-modifier; the phrase goes on.
			if k-2 >= bound && st.pos(k-1)&lexicon.Preposition != 0 && st.wc(k-2)&wPostMod != 0 {
				a = k - 2
				k -= 2
				continue
			}
			// "a statement from the company": the determiner opens the
			// object of an "of"-, "for"- or "from"-phrase.
			if k-2 >= bound && (st.is(k-1, "of") || st.is(k-1, "for") || st.is(k-1, "from") || st.is(k-1, "in")) && st.nounLike(k-2) && st.ent[k-2] == 0 {
				a = k - 1
				k--
				continue
			}
			break
		}
		if st.is(k, "of") || st.is(k, "for") || st.is(k, "from") || st.is(k, "at") && st.nounLike(k-1) {
			if k-1 >= bound && st.nounLike(k-1) {
				a = k
				continue
			}
			break
		}
		if st.toks[k].Kind == nlp.Word && st.pos(k)&lexicon.Preposition != 0 && st.wc(k-1)&wPostMod != 0 {
			a = k
			continue
		}
		if !st.npWord(k) {
			break
		}
		a = k
	}
	return src{a, j + 1}
}

// sourceRight finds a source that follows its cue ("said Smith", "said the
// official", "according to four people familiar with the plan"), starting
// at token k and not reaching token limit.
func (st *state) sourceRight(k, limit int) src {
	if k >= limit || st.wc(k)&wPrep != 0 && !st.is(k, "by") {
		return src{}
	}
	if st.wc(k)&wSubjPronoun != 0 && st.toks[k].Kind == nlp.Word {
		return src{k, k + 1}
	}
	if st.wc(k)&wObjPronoun != 0 && !st.is(k, "her") {
		return src{} // "told me": a listener, not a source
	}
	// Title words and determiners before a name or head noun.
	end := k
	for end < limit && end-k < 12 {
		t := st.toks[end]
		if t.Kind == nlp.Punct && st.tok(end) == "(" {
			break
		}
		if t.Kind != nlp.Word && t.Kind != nlp.Number {
			break
		}
		c := st.wc(end)
		if c&(wBoundary|wAux|wNegation) != 0 && c&wDet == 0 && !st.is(end, "that") || st.cue[end] != nil && end > k {
			break
		}
		if (st.is(end, "that") || st.wc(end)&wSubjPronoun != 0) && end > k {
			break // "documents he filed", "the report that"
		}
		if st.toks[end].Kind == nlp.Word && !st.npWord(end) {
			if st.pos(end)&lexicon.Preposition != 0 && (st.is(end, "of") || st.is(end, "for") || st.is(end, "at") || st.wc(end-1)&wPostMod != 0) {
				end++
				continue
			}
			break
		}
		end++
	}
	// Drop trailing words that cannot head a phrase.
	for end > k && !st.nounLike(end-1) {
		end--
	}
	if end == k {
		return src{}
	}
	return src{k, end}
}

// setSource fills the source fields of q from the tokens of s: the span,
// the speaker entity, the source type and count. An anaphor ("the
// sources", "they", "it") takes the fields of the attribution it refers
// back to.
func (st *state) setSource(q *dossier.Quote, s src, sent int) {
	if !s.ok() {
		q.SourceType = dossier.SourceUnattributed
		return
	}
	q.Source = st.span(s.a, s.b)
	// Pronouns resolved by the entity layer.
	if s.b-s.a == 1 && st.wc(s.a)&(wSubjPronoun|wObjPronoun) != 0 {
		if e := st.ent[s.a]; e != 0 {
			st.setEntity(q, int(e-1))
			return
		}
		if prev := st.antecedent(s.a, sent); prev != nil {
			q.Speaker, q.SpeakerName, q.SourceType, q.SourceCount = prev.Speaker, prev.SpeakerName, prev.SourceType, prev.SourceCount
			return
		}
		q.SourceType = dossier.SourceUnattributed
		q.SpeakerName = st.tok(s.a)
		return
	}
	// The entity the phrase ends with, or else the first entity inside,
	// unless it sits in the complement of an anonymous source ("sources
	// close to the president").
	head := -1
	count := 0
	// A name after a post-modifier is its complement, not the speaker:
	// "those close to him", "aides familiar with Ms. Cole's plans".
	end := s.b
	for k := s.a + 1; k < s.b; k++ {
		if (st.wc(k)&wPostMod != 0 || st.is(k, "who")) && st.ent[k] == 0 {
			end = k
			break
		}
	}
	// A group named by a plural common noun before a place or a body
	// ("farmers in Ohio", "students from the college") is anonymous.
	group := -1
	if h := st.head(s); h < end-1 && st.pluralNoun(h) && st.wc(h)&(wAnon|wSpokes|wReport|wDocument|wOutletNoun) == 0 {
		group, end = h, h+1
	}
	if e := st.ent[s.b-1]; e != 0 && end == s.b && st.wc(s.a)&(wAnon|wSpokes|wReport|wDocument|wOutletNoun) == 0 {
		anon := -1
		for k := s.a; k < s.b; k++ {
			if st.ent[k] == 0 && (!st.upper(k) && st.wc(k)&(wAnon|wSpokes|wReport|wDocument|wOutletNoun) != 0 || st.roleOf(k, s)) {
				anon = k
				break
			}
		}
		// A role word right before the name is its title, not an
		// anonymous head: "chief executive Priya Raman said".
		m := s.b - 1
		for m > s.a && st.ent[m-1] == e {
			m--
		}
		if anon < 0 || anon == m-1 || st.governedBySpokes(anon, s.b-1) || st.appositive(s, anon) {
			st.setEntity(q, int(e-1))
			if st.and(s) {
				q.SpeakerName = st.coordNames(s)
				q.SourceCount = st.countNames(s)
			}
			return
		}
	}
	for k := s.a; k < end; k++ {
		c := st.wc(k)
		if st.ent[k] == 0 && head < 0 && (c&(wAnon|wSpokes|wReport|wDocument|wOutletNoun) != 0 && (!st.upper(k) || k == s.a) || st.roleOf(k, s)) {
			head = k // "officials", "the chairman of ..."
		}
		if n, ok := st.numberAt(k); ok && head < 0 && !st.is(k+1, "%") && !st.is(k+1, "percent") {
			count = n
		}
		if e := st.ent[k]; e != 0 && !st.numeral(k) {
			if head >= 0 && !st.governedBySpokes(head, k) {
				continue
			}
			ent := &st.d.Entities[e-1]
			st.setEntity(q, int(e-1))
			if ent.Type != dossier.Outlet && head < 0 && st.and(s) {
				q.SpeakerName = st.coordNames(s)
				q.SourceCount = st.countNames(s)
			}
			return
		}
	}
	q.SpeakerName = st.namePhrase(s)
	q.SourceCount = count
	if head < 0 {
		head = group
	}
	switch {
	case head >= 0 && st.wc(head)&wReport != 0:
		q.SourceType = dossier.SourceReport
		if st.possessed(s, head) {
			q.SourceType = dossier.SourceDocument
		}
	case head >= 0 && st.wc(head)&wDocument != 0:
		q.SourceType = dossier.SourceDocument
	case head >= 0 && st.wc(head)&wOutletNoun != 0:
		q.SourceType = dossier.SourceOutlet
	case head >= 0:
		q.SourceType = dossier.SourceAnonymous
	case st.upper(end-1) && st.wc(end-1)&wDet == 0 && !st.pluralNoun(end-1):
		q.SourceType = dossier.SourceNamed
	default:
		q.SourceType = dossier.SourceAnonymous
	}
	// A definite phrase without a count refers back to a fuller one: "the
	// sources" after "four sources familiar with the matter".
	if head >= 0 && count == 0 && st.wc(s.a)&wDet != 0 {
		if prev := st.sameHead(head, sent); prev != nil {
			q.SpeakerName, q.SourceCount, q.SourceType, q.Speaker = prev.SpeakerName, prev.SourceCount, prev.SourceType, prev.Speaker
		}
	}
}

// pluralNoun reports whether token k is a plural common noun outside any
// name ("farmers", "Residents" opening a sentence).
func (st *state) pluralNoun(k int) bool {
	w := st.tok(k)
	return st.ent[k] == 0 && st.toks[k].Kind == nlp.Word && len(w) > 3 && w[len(w)-1] == 's' && w[len(w)-2] != 's' &&
		(!st.upper(k) || st.toks[k].Is(nlp.SentStart)) && st.pos(k)&lexicon.Noun != 0 && st.pos(k)&lexicon.Verb == 0
}

// postModPronoun reports whether token j is a pronoun completing a
// post-modifier ("those close to him", "people familiar with it").
func (st *state) postModPronoun(j, bound int) bool {
	return j-2 >= bound && st.wc(j)&(wObjPronoun|wSubjPronoun) != 0 && st.toks[j].Kind == nlp.Word &&
		(st.pos(j-1)&lexicon.Preposition != 0 || st.is(j-1, "to")) && st.wc(j-2)&wPostMod != 0
}

// head returns the head token of source s: the last word before a
// post-modifier ("observers in Virginia", "video of the incident", "those
// close to him"), a name counting as one word; else its last token.
func (st *state) head(s src) int {
	for k := s.a + 1; k < s.b; k++ {
		if st.ent[k] != 0 && int(st.mention[k])-1 < k {
			continue // inside a name: "Friends of the Earth"
		}
		if st.is(k, "of") || st.is(k, "in") || st.is(k, "for") || st.is(k, "from") || st.is(k, "at") || st.is(k, "like") || st.is(k, "including") || st.is(k, "who") || st.is(k, "whose") || st.wc(k)&wPostMod != 0 || st.ingWord(k) {
			return k - 1
		}
	}
	return s.b - 1
}

// and reports whether the source tokens coordinate names with "and".
func (st *state) and(s src) bool {
	for k := s.a; k < s.b; k++ {
		if st.is(k, "and") {
			return true
		}
	}
	return false
}

// countNames counts the coordinated names of a source ("Smith and Jones").
func (st *state) countNames(s src) int {
	n := 0
	last := int32(0)
	for k := s.a; k < s.b; k++ {
		if st.ent[k] != 0 && st.mention[k] != last {
			n++
			last = st.mention[k]
		}
	}
	return n
}

// governedBySpokes reports whether the entity at token k is the body that
// the speaker at head speaks for ("a spokesperson for the ministry",
// "officials at the agency"), rather than the complement of an anonymous
// source ("people familiar with the ministry's plans").
func (st *state) governedBySpokes(head, k int) bool {
	if st.wc(head)&wSpokes == 0 {
		return false
	}
	for m := head + 1; m < k; m++ {
		if st.wc(m)&wPostMod != 0 {
			return false
		}
	}
	return true
}

// possessed reports whether the head of a report source has an owner ("the
// agency's report", "a report by the committee"), which makes it a document.
func (st *state) possessed(s src, head int) bool {
	for k := s.a; k < head; k++ {
		if w := st.tok(k); w == "'s" || w == "’s" || w == "'" || w == "’" {
			return true
		}
	}
	return head+1 < s.b && (st.is(head+1, "by") || st.is(head+1, "from") || st.is(head+1, "of"))
}

// numberAt returns the count a token gives ("four", "4", "dozen").
func (st *state) numberAt(k int) (int, bool) {
	t := st.toks[k]
	w := st.tok(k)
	if t.Kind == nlp.Number {
		n := 0
		for i := 0; i < len(w); i++ {
			c := w[i]
			if c == ',' {
				continue
			}
			if c < '0' || c > '9' || n > 1e8 {
				return 0, false
			}
			n = n*10 + int(c-'0')
		}
		return n, n > 0
	}
	var buf [lowerBuf]byte
	lw := st.lower(k, &buf)
	if lw == nil {
		return 0, false
	}
	n, ok := st.c.words.number[string(lw)]
	return n, ok
}

// setEntity makes entity e the speaker of q.
func (st *state) setEntity(q *dossier.Quote, e int) {
	ent := &st.d.Entities[e]
	if ent.LinkedTo != "" {
		for k := range st.d.Entities {
			if st.d.Entities[k].ID == ent.LinkedTo {
				ent = &st.d.Entities[k]
				break
			}
		}
	}
	q.Speaker, q.SpeakerName = ent.ID, ent.Name
	if ent.Type == dossier.Outlet {
		q.SourceType = dossier.SourceOutlet
	} else {
		q.SourceType = dossier.SourceNamed
	}
}

// namePhrase is the source as written without a leading article.
func (st *state) namePhrase(s src) string {
	a := s.a
	if s.b-a > 1 && (st.is(a, "the") || st.is(a, "a") || st.is(a, "an")) {
		a++
	}
	return st.span(a, s.b).Text(st.text)
}

// coordNames names coordinated people by their mentions as written,
// without titles: "Mr. Smith and Ms. Jones" -> "Smith and Jones", three
// or more as "A, B and C".
func (st *state) coordNames(s src) string {
	var names []string
	for k := s.a; k < s.b; k++ {
		if st.ent[k] == 0 {
			continue
		}
		m := k
		for m+1 < s.b && st.ent[m+1] == st.ent[k] && st.mention[m+1] == st.mention[k] {
			m++
		}
		names = append(names, st.span(k, m+1).Text(st.text))
		k = m
	}
	switch len(names) {
	case 0:
		return st.namePhrase(s)
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// antecedent returns the attribution a pronoun source refers back to: the
// latest one before token k within the last few sentences whose source
// suits the pronoun ("they" a group, "it" a body or document, "he" or "she"
// a person).
func (st *state) antecedent(k, sent int) *dossier.Quote {
	plural := st.is(k, "they") || st.is(k, "we")
	it := st.is(k, "it")
	for n := len(st.out) - 1; n >= 0; n-- {
		it2 := &st.out[n]
		if it2.sent > sent || it2.sent < sent-4 || it2.q.Content.Start >= int(st.toks[k].Start) && it2.sent == sent {
			continue
		}
		q := &it2.q
		if q.SourceType == dossier.SourceUnattributed {
			continue
		}
		person := q.Speaker != "" && st.entityType(q.Speaker) == dossier.Person
		switch {
		case plural && (q.SourceCount > 1 || q.SourceType == dossier.SourceAnonymous || q.SourceType == dossier.SourceReport):
			return q
		case it && !person:
			return q
		case !plural && !it && person:
			return q
		}
	}
	return nil
}

// sameHead returns the latest earlier attribution whose source has the same
// head word as token head.
func (st *state) sameHead(head, sent int) *dossier.Quote {
	h := strings.ToLower(st.tok(head))
	for n := len(st.out) - 1; n >= 0; n-- {
		q := &st.out[n].q
		if st.out[n].sent > sent || q.Source.Start >= int(st.toks[head].Start) {
			continue
		}
		if q.SourceCount > 0 && containsWord(strings.ToLower(q.Source.Text(st.text)), h) {
			return q
		}
	}
	return nil
}

// containsWord reports whether w occurs in s as a whole word.
func containsWord(s, w string) bool {
	for i := 0; ; {
		k := strings.Index(s[i:], w)
		if k < 0 {
			return false
		}
		k += i
		before := k == 0 || s[k-1] == ' '
		after := k+len(w) == len(s) || s[k+len(w)] == ' '
		if before && after {
			return true
		}
		i = k + 1
	}
}

// entityType returns the type of the entity with id, or "".
func (st *state) entityType(id string) dossier.EntityType {
	for k := range st.d.Entities {
		if st.d.Entities[k].ID == id {
			return st.d.Entities[k].Type
		}
	}
	return ""
}

// titleWord reports whether token k is an honorific, title or party word
// written before a name ("Mr.", "Sen.", "Treasury Secretary", "Democrat").
func (st *state) titleWord(k int) bool {
	if st.c.lex == nil || st.toks[k].Kind != nlp.Word || !st.upper(k) {
		return false
	}
	e, ok := st.c.lex.Lookup(st.tok(k))
	return ok && e.Any(lexicon.Honorific|lexicon.TitleWord|lexicon.TitleModifier|lexicon.PartyWord)
}

// roleWord reports whether token k, outside any name, is a role that a
// person holds ("chairman", "governor", "envoy"), in any case.
func (st *state) roleWord(k int) bool {
	if st.c.lex == nil || k < 0 || st.toks[k].Kind != nlp.Word || st.ent[k] != 0 {
		return false
	}
	e, ok := st.c.lex.Lookup(st.tok(k))
	if !ok && st.upper(k) {
		e, ok = st.c.lex.Lookup(strings.ToLower(st.tok(k)))
	}
	return ok && e.Any(lexicon.TitleWord)
}

// roleOf reports whether token k of source s is a role "of" a body that
// heads the phrase ("the chairman of the Senate"), rather than the title
// of the person it names ("Secretary of State Ana Ruiz").
func (st *state) roleOf(k int, s src) bool {
	if !st.roleWord(k) || !st.is(k+1, "of") {
		return false
	}
	e := st.ent[s.b-1]
	return e == 0 || st.d.Entities[e-1].Type != dossier.Person
}

// personOf returns the mention ending at token j, or, when it is a place
// that qualifies a person before it ("John Smith of Ohio"), that person.
func (st *state) personOf(j, bound int) src {
	m := int(st.mention[j]) - 1
	if m-2 >= bound && st.is(m-1, "of") && st.ent[m-2] != 0 &&
		st.d.Entities[st.ent[m-2]-1].Type == dossier.Person && st.d.Entities[st.ent[j]-1].Type != dossier.Person {
		return st.extendMention(m-2, bound)
	}
	return st.extendMention(j, bound)
}

// dash reports whether token k is a dash that sets off a parenthetical:
// "—", "–" or "--".
func (st *state) dash(k int) bool {
	return st.punct(k, "—") || st.punct(k, "–") || st.punct(k, "--")
}

// adjunctLeft returns the token before an adverbial adjunct that ends at
// token j and stands between a subject and its verb, or j when there is
// none: a time ("on Wednesday", "late Monday", "earlier this week", "last
// month") or the medium of the statement ("in a statement", "in an
// interview with the BBC", "at a news conference"). A subject must stand
// before the adjunct.
func (st *state) adjunctLeft(j, bound int) int {
	k := j
	switch {
	case st.timexAt(j):
		for k >= bound && st.timexAt(k) {
			k--
		}
		for k >= bound && st.wc(k)&wTimePrefix != 0 {
			k--
		}
	default:
		// A preposition, then a short phrase whose head is a medium.
		medium := false
		p := -1
		for m := j; m >= bound && j-m < 8; m-- {
			if st.toks[m].Kind != nlp.Word && st.toks[m].Kind != nlp.Number {
				break
			}
			if st.wc(m)&wMedium != 0 && st.toks[m].Kind == nlp.Word && !st.upper(m) {
				medium = true
			}
			if medium && st.wc(m)&wMediumPrep != 0 {
				p = m
				break
			}
			if !st.npWord(m) && !st.is(m, "with") && !st.is(m, "to") && !st.is(m, "on") {
				break
			}
		}
		if p < 0 {
			return j
		}
		k = p - 1
	}
	if k < bound || k == j || st.toks[k].Kind != nlp.Word && !st.punct(k, ")") {
		return j
	}
	if st.wc(k)&wSubjPronoun == 0 && !st.nounLike(k) && !st.punct(k, ")") {
		return j
	}
	return k
}

// appositive reports whether the source s ends with a name set off by a
// comma after the role at token head: "the company's chief executive,
// Ana Ruiz". The name is the speaker.
func (st *state) appositive(s src, head int) bool {
	m := int(st.mention[s.b-1]) - 1
	return m-1 > head && m-1 >= s.a && st.punct(m-1, ",")
}
