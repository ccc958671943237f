package attribution

import (
	"dossier"
	"dossier/lexicon"
	"dossier/nlp"
	"dossier/textpos"
)

// sentence returns the token range of sentence s.
func (st *state) sentence(s int) (int, int) {
	if s < 0 || s >= len(st.d.Sentences) {
		return 0, len(st.toks)
	}
	r := st.d.Sentences[s]
	return max(r.First, 0), min(r.Last, len(st.toks))
}

// sentenceEnd reports whether token i ends a sentence: ". ! ?" or a token
// followed by a sentence start.
func (st *state) finalPunct(i int) bool {
	if i < 0 || i >= len(st.toks) || st.toks[i].Kind != nlp.Punct {
		return false
	}
	switch st.tok(i) {
	case ".", "!", "?", "...", "…", "?!", "!?":
		return true
	}
	return false
}

// newItem starts an item for the cue at token cueTok (or -1).
func (st *state) newItem(kind dossier.QuoteKind, content textpos.Span, cueTok, sent int) item {
	it := item{sent: sent, cueTok: cueTok, quotation: -1}
	it.q.Kind = kind
	it.q.Content = content
	if cueTok >= 0 {
		it.q.Cue = st.cueSpan(cueTok)
		it.q.Stance = st.cue[cueTok].stance
		it.q.Class = st.cue[cueTok].class
	}
	if kind == dossier.Direct || it.q.Class == "" {
		// Words in quotation marks are speech whatever the cue.
		it.q.Class = dossier.ClassSpeech
	}
	return it
}

// bindQuotation attributes quotation qi to a cue beside it, if there is one.
func (st *state) bindQuotation(qi int) {
	q := &st.quotes[qi]
	if q.close >= 0 && st.bindRight(qi) {
		return
	}
	st.bindLeft(qi)
}

// bindRight handles `"...," X said`, `"...," said X` and `"..." X told
// reporters when asked ...`.
func (st *state) bindRight(qi int) bool {
	q := &st.quotes[qi]
	if q.open > 0 && st.wc(q.open-1)&wPrep != 0 && q.words <= 6 && st.titleCase(q) {
		return false // a title after a preposition: `on "Meet the Press,"`
	}
	k := q.close + 1
	if k < len(st.toks) && (st.punct(k, ",") || st.punct(k, "—") || st.punct(k, "–")) {
		k++
	}
	if k >= len(st.toks) || st.paraOf[k] != st.paraOf[q.close] {
		return false
	}
	// The quotation ended its sentence unless it ends with a comma or the
	// text goes on in lower case.
	endsWithComma := q.close > 0 && (st.punct(q.close-1, ",") || st.punct(q.close-1, "—"))
	newSentence := st.toks[k].Is(nlp.SentStart) && !endsWithComma
	r := -1
	long := st.appositiveAt(k) || st.commaWithin(k, k+12)
	for j := k; j < len(st.toks) && (j-k < 12 || j-k < 32 && long); j++ {
		t := st.toks[j]
		if t.Kind == nlp.Quote || st.finalPunct(j) || st.punct(j, ";") || st.paraOf[j] != st.paraOf[k] {
			break
		}
		if j > k && st.toks[j].Is(nlp.SentStart) {
			break
		}
		if st.cue[j] != nil && st.cue[j].frame&(speech|quoteOnly|tell|label|attitude|object|accuse) != 0 && !st.cue[j].ing {
			r = j
			break
		}
		if st.cue[j] != nil && st.cue[j].ing && j == k {
			break
		}
	}
	if r < 0 {
		return false
	}
	after := r + max(int(st.cueLen[r]), 1)
	var s src
	if r == k {
		s = st.sourceRight(after, st.limit(after))
		if !s.ok() {
			return false
		}
		after = s.b
	} else {
		s = st.sourceLeft(r, k)
		if !s.ok() {
			return false
		}
		// Words before the phrase found ("Mr. Morgan of the Sierra
		// Club") still belong to the source when they can.
		for s.a > k && (st.npWord(s.a-1) || st.is(s.a-1, "of")) {
			s.a--
		}
		// A role before an appositive name: "the company's chief
		// executive, Ana Ruiz, said".
		if s.a > k+1 && st.punct(s.a-1, ",") && st.ent[s.a] != 0 && st.rolePhrase(k, s.a-1) {
			s.a = k
		}
		if s.a != k {
			return false
		}
	}
	// What follows the cue must not be content of its own ("X said that
	// ..."): an addressee, an adjunct or the end of the sentence.
	if st.is(after, "that") {
		return false
	}
	if newSentence && !(after >= len(st.toks) || st.finalPunct(after) || st.punct(after, ",")) {
		return false
	}
	it := st.newItem(dossier.Direct, st.quoteContent(q), r, int(st.sentOf[r]))
	if a := st.clauseStart(q); a >= 0 {
		// `The country "has changed for the better," she said`: the
		// subject is the reporter's words, the rest the speaker's.
		words, quoted := st.wordCount(a, q.close+1)
		it.q.Kind = dossier.Mixed
		it.q.Content = st.span(a, q.close+1)
		it.mostlyQuoted = quoted*2 >= words
	}
	if st.cue[r].frame&tell != 0 && r != k {
		if a := st.addressee(after); a.ok() {
			it.q.Addressee = st.span(a.a, a.b)
		}
	}
	st.setSource(&it.q, s, it.sent)
	it.srcFirst, it.srcLast = s.a, s.b
	st.claim(qi, it)
	return true
}

// limit is the end of the sentence holding token k.
func (st *state) limit(k int) int {
	if k >= len(st.toks) {
		return len(st.toks)
	}
	_, b := st.sentence(int(st.sentOf[k]))
	return b
}

// claim records it as the item of quotation qi and marks its cue used.
func (st *state) claim(qi int, it item) {
	it.quotation = qi
	if it.cueTok >= 0 {
		for k := it.cueTok; k < it.cueTok+max(int(st.cueLen[it.cueTok]), 1); k++ {
			st.used[k] = true
		}
	}
	st.quotes[qi].done = true
	st.quotes[qi].item = st.add(it)
}

// bindLeft handles `X said: "..."`, `He added, "..."`, and labels
// (`labeled the council the "Sleepy Chamber."`).
func (st *state) bindLeft(qi int) bool {
	q := &st.quotes[qi]
	o := q.open
	sa, _ := st.sentence(int(st.sentOf[o]))
	if o <= sa {
		// The quotation opens its sentence: a colon or comma ending the
		// previous sentence may still introduce it.
		if o == 0 || !(st.punct(o-1, ":")) {
			return false
		}
		sa, _ = st.sentence(int(st.sentOf[o-1]))
	}
	k := o - 1
	colon := st.punct(k, ":")
	sep := st.punct(k, ",") || colon
	if sep {
		k--
	}
	// The nearest cue to the left, over an addressee or an adjunct ("told
	// CNN:", "said in a statement:"); a colon reaches over commas too
	// ("responded, with a smile:").
	r := -1
	for j := k; j >= sa && (k-j < 8 || colon && k-j < 12); j-- {
		t := st.toks[j]
		if t.Kind == nlp.Quote || st.punct(j, ";") || (st.punct(j, ",") && j != k && !colon) {
			break
		}
		if c := st.cue[j]; c != nil && st.inQuote[j] == 0 {
			if c.frame&label != 0 && !sep {
				r = j
				break
			}
			if c.frame&label == 0 && (sep || j == k) {
				if !sep && c.frame&quoteOnly != 0 && st.titleCase(q) {
					break // `read "The Long Winter"`: a title
				}
				r = j
				break
			}
		}
		if j < k && st.cue[j] == nil && st.toks[j].Kind == nlp.Word && st.pos(j)&lexicon.Verb != 0 &&
			st.pos(j)&(lexicon.Noun|lexicon.Adjective|lexicon.Preposition|lexicon.Determiner) == 0 && st.wc(j)&wAux == 0 {
			break // another verb stands between
		}
	}
	if r < 0 {
		return false
	}
	it := st.newItem(dossier.Direct, st.quoteContent(q), r, int(st.sentOf[r]))
	if obj := r + max(int(st.cueLen[r]), 1); st.cue[r].frame&label != 0 && !sep && obj < o && q.close >= 0 {
		// "called the plan a "reckless gamble"": the label is said of the
		// object, and the content is the whole small clause, marks kept.
		it.q.Kind = dossier.Mixed
		it.q.Content = st.span(obj, q.close+1)
	}
	s := st.subject(r, sa)
	if !s.ok() {
		// "Said Smith: ..."
		s = st.sourceRight(r+int(st.cueLen[r]), o)
	}
	if st.cue[r].frame&tell != 0 {
		if a := st.addressee(r + int(st.cueLen[r])); a.ok() && a.b <= o {
			it.q.Addressee = st.span(a.a, a.b)
		}
	}
	st.setSource(&it.q, s, it.sent)
	it.srcFirst, it.srcLast = s.a, s.b
	st.claim(qi, it)
	return true
}

// subject returns the source of the cue at token r: the noun phrase to its
// left, or, for a verb coordinated with an earlier one ("accused A of B and
// noted C") or a participle after a comma (", warning that"), the subject
// of the main clause.
func (st *state) subject(r, sa int) src {
	j := r - 1
	for j >= sa && st.skippable(j) {
		j--
	}
	if j >= sa && (st.is(j, "and") || st.is(j, "but") || st.punct(j, ",") && st.cue[r].ing) {
		return st.mainSubject(r, sa)
	}
	return st.sourceLeft(r, sa)
}

// mainSubject returns the subject of the clause that holds token r: the
// source of the latest attribution earlier in the sentence, or the first
// name, pronoun or noun phrase after any introductory phrase.
func (st *state) mainSubject(r, sa int) src {
	sent := int(st.sentOf[r])
	for n := len(st.out) - 1; n >= 0; n-- {
		it := &st.out[n]
		if it.sent == sent && it.cueTok >= 0 && it.cueTok < r && it.srcLast > it.srcFirst {
			return src{it.srcFirst, it.srcLast}
		}
	}
	k := sa
	// Skip an introductory phrase ("On Friday,", "Asked about it,").
	if st.wc(k)&wIntro != 0 || st.timexAt(k) {
		for m := k; m < r; m++ {
			if st.punct(m, ",") {
				k = m + 1
				break
			}
		}
	}
	for m := k; m < r && m-k < 12; m++ {
		if st.ent[m] != 0 {
			s := src{int(st.mention[m]) - 1, m + 1}
			for s.b < r && st.ent[s.b] == st.ent[m] && st.mention[s.b] == st.mention[m] {
				s.b++
			}
			return s
		}
		if st.wc(m)&wSubjPronoun != 0 {
			return src{m, m + 1}
		}
		if st.toks[m].Kind == nlp.Word && st.nounLike(m) && !st.nounLike(m+1) && st.wc(m)&wDet == 0 {
			return st.nounPhrase(m, k)
		}
	}
	return src{}
}

// timexAt reports whether token k is inside a time expression or is a
// weekday or month name.
func (st *state) timexAt(k int) bool {
	if st.timexTok != nil && st.timexTok[k] {
		return true
	}
	if st.c.lex == nil || !st.upper(k) {
		return false
	}
	e, ok := st.c.lex.Lookup(st.tok(k))
	return ok && e.Has(lexicon.Calendar)
}

// addressee returns the listener after a cue of telling ("told reporters",
// "told the newspaper", "assured them").
func (st *state) addressee(k int) src {
	if k >= len(st.toks) {
		return src{}
	}
	if st.wc(k)&wObjPronoun != 0 {
		return src{k, k + 1}
	}
	if st.is(k, "that") || st.toks[k].Kind != nlp.Word {
		return src{}
	}
	end := k
	for end < len(st.toks) && end-k < 6 && st.toks[end].Kind == nlp.Word && st.npWord(end) && !st.is(end, "that") && st.cue[end] == nil {
		if st.wc(end)&wSubjPronoun != 0 && end > k {
			break
		}
		end++
		if st.nounLike(end-1) && !st.nounLike(end) && !(st.wc(end)&wDet != 0) {
			break
		}
	}
	for end > k && !st.nounLike(end-1) {
		end--
	}
	return src{k, end}
}

// appositiveAt reports whether an appositive follows the name that starts
// at token k ("Tom Reyes, a senior fellow at ..., said"): a comma right
// after the mention.
func (st *state) appositiveAt(k int) bool {
	if k >= len(st.toks) || st.ent[k] == 0 {
		return false
	}
	j := k
	for j < len(st.toks) && st.ent[j] == st.ent[k] && st.mention[j] == st.mention[k] {
		j++
	}
	return st.punct(j, ",")
}

// commaWithin reports whether a comma stands among tokens [a, b) of one
// paragraph: the mark of an appositive after a speaker's name.
func (st *state) commaWithin(a, b int) bool {
	for k := a; k < b && k < len(st.toks); k++ {
		if st.paraOf[k] != st.paraOf[a] || st.toks[k].Kind == nlp.Quote {
			return false
		}
		if st.punct(k, ",") {
			return true
		}
	}
	return false
}

// rolePhrase reports whether tokens [a, b) are a short noun phrase naming a
// role, as an appositive name may follow ("the union's president", "a
// spokeswoman for the agency").
func (st *state) rolePhrase(a, b int) bool {
	if b-a > 10 || !st.nounLike(b-1) {
		return false
	}
	for k := a; k < b; k++ {
		if !st.npWord(k) && !st.is(k, "of") && !st.is(k, "for") && !st.is(k, "at") && !st.is(k, "'s") && !st.is(k, "’s") {
			return false
		}
	}
	return true
}

// clauseStart returns the first token of the clause that quotation q ends
// when the quotation opens after the start of its sentence with words of
// the reporter's before it and no cue, colon or other quotation between
// (`The country "has changed," she said`), or -1.
func (st *state) clauseStart(q *quotation) int {
	if q.close < 0 {
		return -1
	}
	sa, _ := st.sentence(int(st.sentOf[q.open]))
	if q.open <= sa {
		return -1
	}
	words := 0
	for j := sa; j < q.open; j++ {
		t := st.toks[j]
		if t.Kind == nlp.Quote || st.cue[j] != nil || st.punct(j, ":") || st.punct(j, ";") || st.inQuote[j] != 0 {
			return -1
		}
		if t.Kind == nlp.Word || t.Kind == nlp.Number {
			words++
		}
	}
	if words == 0 {
		return -1
	}
	return sa
}

// wordCount counts the word and number tokens in [a, b) and those of them
// inside quotation marks.
func (st *state) wordCount(a, b int) (words, quoted int) {
	for k := a; k < b && k < len(st.toks); k++ {
		if t := st.toks[k].Kind; t == nlp.Word || t == nlp.Number {
			words++
			if st.inQuote[k] != 0 {
				quoted++
			}
		}
	}
	return words, quoted
}
