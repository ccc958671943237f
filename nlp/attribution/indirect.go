package attribution

import (
	"dossier"
	"dossier/lexicon"
	"dossier/nlp"
	"dossier/textpos"
	"strings"
)

// indirect tries the constructions of reported speech around the cue at
// token i.
func (st *state) indirect(i int) {
	c := st.cue[i]
	if c.frame&label != 0 && c.frame&(speech|object) == 0 && st.sentOf[i] >= 0 {
		st.labelClause(i)
		return
	}
	if c.frame&(speech|object|accuse|attitude|tell|toInf) == 0 || st.sentOf[i] < 0 {
		return
	}
	sent := int(st.sentOf[i])
	sa, sb := st.sentence(sent)
	after := i + max(int(st.cueLen[i]), 1)
	if st.is(i, "according") {
		st.accordingTo(i, after, sa, sb)
		return
	}
	// A cue directly after "to" is an infinitive ("expected to say"), and
	// one after "by" or "being" a passive: neither states a source.
	if st.passive(i, after, sa, sb) {
		return
	}
	if st.is(i-1, "to") || (st.is(i-1, "be") || st.is(i-1, "being") || st.is(i-1, "been")) && st.pos(i)&lexicon.Verb != 0 {
		return // an adjective cue takes its copula: "has been critical of"
	}
	// "a move expected to", "he is expected to": a passive whose holder
	// the sentence does not name (the raising pass takes the latter).
	if st.is(i, "expected") && st.is(after, "to") {
		j := i - 1
		for j > sa && st.wc(j)&(wSkipAdverb|wNegation) != 0 {
			j--
		}
		if j < sa || st.ent[j] == 0 && st.wc(j)&wSubjPronoun == 0 {
			return
		}
	}
	var s src
	addr := src{}
	if c.ing {
		j := i - 1
		switch {
		case j >= sa && (st.punct(j, ",") || st.punct(j, "—") || st.punct(j, "–") || st.is(j, "and") && st.punct(j-1, ",")):
			s = st.mainSubject(i, sa)
		case j >= sa && st.nounLike(j) && st.toks[j].Kind == nlp.Word && st.wc(j)&(wAux|wSubjPronoun|wNegation) == 0:
			s = st.sourceLeft(i, sa)
		case j >= sa && st.wc(j)&(wAux|wNegation) != 0:
			s = st.subject(i, sa) // "is saying", "isn't saying"
		default:
			return
		}
		if !s.ok() {
			return
		}
		cs, a, ok := st.contentStart(i, after, sb)
		if !ok {
			return
		}
		st.emitIndirect(i, s, a, cs, st.clauseEnd(cs, sb), sent)
		return
	}
	cs, a, pre := st.contentStart(i, after, sb)
	addr = a
	s = st.subject(i, sa)
	if c.frame&tell != 0 && pre && s.ok() && st.passiveBe(i) {
		// "Smith was asked whether C", "they were told that C": the
		// subject is the one addressed; the asker goes unnamed.
		st.emitIndirect(i, src{}, s, cs, st.clauseEnd(cs, sb), sent)
		return
	}
	if c.base && s.ok() && !st.punct(i-1, ",") && !st.baseAgrees(i, s) {
		return
	}
	if pre && s.ok() {
		if st.wc(s.a-1)&(wBoundary) != 0 && (st.is(s.a-1, "if") || st.is(s.a-1, "whether")) {
			return // a question: "Asked if he believed ..."
		}
		if c.frame&attitude != 0 && c.frame&speech == 0 && st.is(s.a, "it") {
			return
		}
		e := st.clauseEnd(cs, sb)
		if s.a-1 > sa && st.wc(s.a-1)&wRelative != 0 {
			// "The fund, which advocates say favors the rich, was cut":
			// the main clause resumes with its verb after a comma.
			for k := cs; k+1 < e; k++ {
				if st.punct(k, ",") && st.inQuote[k] == 0 && st.wc(k+1)&wAux != 0 && !st.is(k+1, "to") {
					e = k
					break
				}
			}
		}
		if st.subordinate(sa) && s.a > sa {
			// "Although she said C, ...": C ends with the subordinate
			// clause.
			for k := cs; k < e; k++ {
				if st.punct(k, ",") && st.inQuote[k] == 0 {
					e = k
					break
				}
			}
		}
		n := len(st.out)
		st.emitIndirect(i, s, addr, cs, e, sent)
		if st.cite >= 0 && len(st.out) > n {
			st.emitCited(cs, e, sent)
		}
		return
	}
	if !pre && s.ok() && c.stance == dossier.Uncertain && st.cueLen[i] > 1 && (st.is(after, "on") || st.is(after, "about")) {
		// "declined to comment on the timing", "would not say about
		// what": a refusal whose topic is the content.
		e := st.objectEnd(after+1, st.clauseEnd(after+1, sb))
		st.emitIndirect(i, s, addr, after+1, e, sent)
		return
	}
	if pre && !s.ok() && c.frame&tell != 0 && c.frame&speech == 0 && (i == sa || i == sa+1 && st.wc(sa)&wAskedLead != 0) {
		// "Asked whether C, she said ...": a question whose asker the
		// sentence leaves unsaid; it ends at the comma.
		e := st.clauseEnd(cs, sb)
		for k := cs; k < e; k++ {
			if st.punct(k, ",") && st.inQuote[k] == 0 {
				e = k
				break
			}
		}
		st.emitIndirect(i, s, addr, cs, e, sent)
		return
	}
	if c.frame&speech == 0 {
		return
	}
	// Content before the cue: "C, X said." or "C, said X."
	var comma int
	if st.punct(i-1, ",") {
		s = st.sourceRight(after, sb)
		comma = i - 1
		if s.ok() {
			after = s.b
		}
	} else if s.ok() && st.punct(s.a-1, ",") {
		comma = s.a - 1
	} else {
		return
	}
	if !s.ok() || comma <= sa {
		return
	}
	// After the cue: the end of the sentence, an adjunct, or another
	// attribution, but no content of its own.
	if c.frame&tell != 0 && !st.punct(i-1, ",") {
		if a := st.addressee(after); a.ok() {
			addr = a
			after = a.b
		}
	}
	if !st.clauseDone(after, sb) {
		return
	}
	from := sa
	if st.wc(from)&wAskedLead != 0 && st.wc(from+1)&wAsked != 0 || st.wc(from)&wAsked != 0 {
		return // "When asked about it, she declined to comment."
	}
	if q := st.inQuote[min(from+1, sb-1)]; st.toks[from].Kind == nlp.Quote && q != 0 && st.quotes[q-1].done {
		return // a quotation bound by bindRight already
	}
	// "The rules, which, officials said, will take effect": the content
	// is the relative clause, from its pronoun to where the main clause
	// resumes.
	rel := comma-2 >= sa && st.wc(comma-1)&wRelative != 0 && st.punct(comma-2, ",")
	if rel {
		from = comma - 1
		st.used[i] = false
		it := st.newItem(dossier.Indirect, st.span(from, comma), i, sent)
		st.setSource(&it.q, s, sent)
		it.srcFirst, it.srcLast = s.a, s.b
		st.add(it)
	} else {
		st.emitIndirect(i, s, addr, from, comma, sent)
	}
	// "C1, X said, C2": the content goes on after the attribution.
	k := after
	for k < sb && !st.punct(k, ",") && !st.finalPunct(k) && k-after < 8 {
		k++
	}
	if k+1 < sb && st.punct(k, ",") && st.cue[k+1] == nil && !st.is(k+1, "and") && !(k == after && (st.is(k+1, "a") || st.is(k+1, "an"))) {
		e := st.clauseEnd(k+1, sb)
		if rel {
			for m := k + 2; m+1 < e; m++ {
				if st.punct(m, ",") && st.inQuote[m] == 0 && st.toks[m+1].Kind == nlp.Word && !st.upper(m+1) && (st.wc(m+1)&wAux != 0 || st.pos(m+1)&lexicon.Verb != 0 && st.wc(m+1)&(wDet|wPrep) == 0) {
					e = m
					break
				}
			}
		}
		if e-(k+1) >= 3 {
			st.emitIndirect(i, s, addr, k+1, e, sent)
		}
	}
}

// accordingTo handles "according to X, C" and "C, according to X".
func (st *state) accordingTo(i, after, sa, sb int) {
	s := st.sourceRight(after, sb)
	if !s.ok() {
		return
	}
	sent := int(st.sentOf[i])
	j := i - 1
	if j >= sa && st.punct(j, ",") || j < sa || j == sa-1 {
		end := j
		for end > sa && (st.punct(end, ",") || st.punct(end, "—")) {
			end--
		}
		if end > sa {
			st.emitIndirect(i, s, src{}, sa, end+1, sent)
			// "C1, according to X, C2": the content goes on after the
			// source; the second part shares the cue.
			if k := s.b; k+2 < sb && st.punct(k, ",") && !st.finalPunct(k+1) {
				if e := st.clauseEnd(k+1, sb); e-(k+1) >= 2 {
					st.used[i] = false
					st.emitIndirect(i, s, src{}, k+1, e, sent)
				}
			}
			return
		}
	}
	if j >= sa && !st.punct(j, ",") {
		// "C according to X"
		st.emitIndirect(i, s, src{}, sa, i, sent)
		return
	}
	// "According to X, C."
	k := s.b
	for k < sb && !st.punct(k, ",") && k-s.b < 24 && st.cue[k] == nil && st.toks[k].Kind != nlp.Quote {
		k++
	}
	if k < sb && st.punct(k, ",") {
		st.emitIndirect(i, s, src{}, k+1, st.clauseEnd(k+1, sb), sent)
	}
}

// contentStart finds where the content of the cue at token i begins when it
// follows the cue: after "that", after an addressee ("told reporters
// (that)"), after an adjunct ending in "that" ("said in a statement that"),
// or at a word that can open a clause. It reports false when no content
// follows.
func (st *state) contentStart(i, k, sb int) (int, src, bool) {
	c := st.cue[i]
	st.cite = -1
	var addr src
	if k >= sb {
		return 0, addr, false
	}
	if c.frame&tell != 0 {
		addr = st.addressee(k)
		if addr.ok() {
			k = addr.b
			if k+1 < sb && (st.is(k, "to") || st.is(k, "not") && st.is(k+1, "to")) && st.toks[k+1].Kind == nlp.Word {
				// "told residents not to drink the water": an order.
				return k, addr, true
			}
			if c.frame&speech == 0 && st.is(k, "about") && k+1 < sb {
				return k + 1, addr, true // "asked Smith about the merger"
			}
		} else if c.frame&speech == 0 {
			// "asked whether ...", "asked to see ...", "asked about ..."
			switch {
			case st.wc(k)&wWh != 0 && !st.is(k, "who") && !st.is(k, "which"):
				return k, addr, true
			case c.frame&toInf != 0 && st.is(k, "to"):
				return k, addr, true
			case st.is(k, "about") && k+1 < sb:
				return k + 1, addr, true
			}
			return 0, addr, false
		}
	}
	// Adjuncts: "on Friday", "in a statement", "last week", "Tuesday".
	if k+1 < sb && st.wc(k)&wTimePrefix != 0 && st.wc(k)&wPrep != 0 && st.timexAt(k+1) {
		// "reported on Monday that", "reported on Monday, citing":
		// only before "that" or a comma, for a clause may open with a
		// time adjunct of its own ("hope in 2017 voters say ...").
		n := k + 1
		for n < sb && st.timexAt(n) {
			n++
		}
		if st.is(n, "that") || st.punct(n, ",") {
			k = n
		}
	}
	for k < sb && (st.timexAt(k) || st.is(k, "last") || st.is(k, "this") && st.timexAt(k+1)) {
		k++
	}
	// ", citing four workers at the site, that ...": the sources of the
	// source, set off by commas before the content.
	if n, ok := st.citingAside(k, sb); ok {
		k = n
	}
	if k < sb && st.wc(k)&wPrep != 0 && !st.is(k, "that") && !(c.frame&toInf != 0 && st.is(k, "to")) {
		for j := k + 1; j < sb && j-k < 12; j++ {
			if st.punct(j, ",") || st.toks[j].Kind == nlp.Quote || st.finalPunct(j) || st.cue[j] != nil {
				break
			}
			if st.is(j, "that") {
				return j + 1, addr, j+1 < sb
			}
		}
		return 0, addr, false
	}
	if addr.ok() && c.frame&tell != 0 {
		for j := k; j < sb && j-k < 8; j++ {
			if st.punct(j, ",") || st.toks[j].Kind == nlp.Quote || st.finalPunct(j) || st.cue[j] != nil {
				break
			}
			if st.is(j, "that") {
				return j + 1, addr, j+1 < sb
			}
		}
	}
	if k >= sb {
		return 0, addr, false
	}
	if st.is(k, "that") {
		return k + 1, addr, k+1 < sb && !st.finalPunct(k+1)
	}
	if st.wc(k)&wWh != 0 && c.frame&(speech|attitude|tell) != 0 {
		return k, addr, true // "asked whether", "did not say how"
	}
	if c.frame&toInf != 0 && (st.is(k, "to") || st.is(k, "not") && st.is(k+1, "to")) {
		return k, addr, true // "promised to", "refuses to", "vowed not to"
	}
	if c.frame&thatOnly != 0 && !st.documentSubject(i) {
		// A bare clause with a pronoun subject still reads as content
		// ("predicted he would win", "explained they had").
		if st.wc(k)&wSubjPronoun != 0 && !st.is(k, "it") && !st.is(k, "you") && st.toks[k].Kind == nlp.Word &&
			(st.wc(k+1)&(wAux|wSkipAdverb|wNegation) != 0 || st.pos(k+1)&lexicon.Verb != 0) {
			return k, addr, true
		}
		return 0, addr, false
	}
	if c.frame&(object|accuse) != 0 {
		if st.toks[k].Kind == nlp.Word && !st.is(k, "to") && !st.is(k, "by") && !st.particle(k) || st.toks[k].Kind == nlp.Number {
			return k, addr, true
		}
		return 0, addr, false
	}
	t := st.toks[k]
	switch {
	case t.Kind == nlp.Quote && t.Is(nlp.OpenQuote):
		return k, addr, true
	case t.Kind == nlp.Number:
		return k, addr, true
	case t.Kind != nlp.Word:
		return 0, addr, false
	case st.wc(k)&wClauseStart != 0:
		if st.is(k, "it") && c.frame&speech == 0 {
			return 0, addr, false
		}
		return k, addr, true
	case st.ent[k] != 0 || st.upper(k):
		return k, addr, true
	case c.frame&speech == 0 || addr.ok():
		return 0, addr, false
	case st.wc(k)&(wPrep|wObjPronoun|wAux) != 0 || st.is(k, "to") || st.is(k, "so") || st.is(k, "goodbye") || st.is(k, "hello"):
		return 0, addr, false
	}
	// Any other word can open a clause after a verb of saying ("says too
	// much is made of it", "said hackers are"), unless it is a preposition.
	p := st.pos(k)
	if p&lexicon.Preposition != 0 && p&(lexicon.Noun|lexicon.Adjective|lexicon.Adverb) == 0 {
		return 0, addr, false
	}
	return k, addr, k+1 < sb && !st.finalPunct(k+1)
}

// clauseEnd returns where content starting at token cs ends: at the end of
// the sentence, or before "; ", ", <participle cue>", ", according to",
// ", <source> said", "and <cue>" (a verb coordinated with the cue), and
// "when asked".
func (st *state) clauseEnd(cs, sb int) int {
	k := cs
	subOpen := cs < sb && st.opensSubordinate(cs)
	for ; k < sb; k++ {
		if q := st.inQuote[k]; q != 0 {
			qq := &st.quotes[q-1]
			if qq.close >= 0 && qq.close < sb {
				k = qq.close
				// `was "closing strong." He noted ...`: a full stop inside
				// the closing mark ends the sentence the segmenter kept.
				if n := k + 1; n < sb && st.finalPunct(k-1) && st.toks[n].Kind == nlp.Word && st.upper(n) && k > cs {
					return k + 1
				}
				// `"... party," claiming ...`: a comma inside the closing
				// mark ends the clause as one outside would.
				if n := k + 1; n < sb && st.punct(k-1, ",") {
					if c := st.cue[n]; c != nil && c.ing && !st.used[n] || st.subjectCue(n, sb) {
						return k + 1
					}
				}
			}
			continue
		}
		if st.punct(k, ";") {
			break
		}
		if st.punct(k, ",") && subOpen {
			// "if Iran were a stock, he would buy it": the comma closes
			// the subordinate clause; the main clause follows.
			subOpen = false
			continue
		}
		if st.punct(k, ",") || st.punct(k, "—") || st.punct(k, "–") || st.punct(k, "-") || st.punct(k, "--") {
			n := k + 1
			if st.is(n, "and") || st.is(n, "but") {
				if k > cs && !st.punct(k, ",") && !st.dashPair(k, sb) {
					break // "C — and he singled out ...": the reporter goes on
				}
				n++
				// ", and he added that ...": a new attribution.
				if st.subjectCue(n, sb) {
					break
				}
			}
			if n >= sb {
				continue
			}
			if c := st.cue[n]; c != nil && (c.ing || st.is(n, "according")) && !st.used[n] {
				break
			}
			if c := st.cue[n]; c != nil && c.frame&speech != 0 && !c.ing {
				// ", said X." ends the content.
				if s := st.sourceRight(n+int(st.cueLen[n]), sb); s.ok() && (s.b >= sb || st.finalPunct(s.b) || st.punct(s.b, ",")) {
					break
				}
			}
			if st.sourceThenCue(n, sb) {
				break
			}
			// ", but ..." opens the author's own clause; ", said ..."
			// resumes a main clause after a relative clause.
			if st.is(k+1, "but") && k > cs && st.wc(k+2)&(wAux|wSkipAdverb|wNegation) == 0 && st.pos(k+2)&lexicon.Verb == 0 && !st.is(k+2, "that") {
				break // ", but he ..." (not ", but is now ...")
			}

			if c := st.cue[n]; c != nil && !c.ing && !c.base && c.frame&(speech|attitude|intention|evaluation) != 0 && k > cs {
				break
			}
			// A participial adjunct of the main clause (", citing ...",
			// ", implicitly putting ...").
			m := n
			if w := st.tok(m); strings.HasSuffix(w, "ly") && st.pos(m)&lexicon.Adverb != 0 && st.pos(m)&lexicon.Adjective == 0 {
				m++
			}
			if w := st.tok(m); m < sb && len(w) > 4 && w[len(w)-3:] == "ing" && st.toks[m].Kind == nlp.Word && !st.upper(m) && st.pos(m)&lexicon.Verb != 0 && (st.info[m] != 0 && st.infoOf(m).cue != nil || m > n) {
				break
			}
			// ", compared with ...", ", despite ...", ", while ...": the
			// reporter's own comparison or concession.
			if k > cs && (st.is(n, "compared") || st.is(n, "despite") || st.is(n, "while") || st.is(n, "whereas") || st.is(n, "although") || st.is(n, "though") || st.is(n, "even") && (st.is(n+1, "as") || st.is(n+1, "though"))) {
				break
			}
			// ", the union called ...": a new clause with its own subject;
			// ", he clarified that ...": a new attribution.
			if k > cs && (st.newClause(n, sb) || st.subjectCue(n, sb)) {
				break
			}

		}
		if st.is(k, "but") && k > cs && (st.wc(k+1)&wAux != 0 && st.wc(k+2)&wNegation != 0 || st.is(k+1, "declined") || st.is(k+1, "refused")) {
			break // "said C but did not say ...": the main clause's second verb
		}
		if (st.is(k, "and") || st.is(k, "but")) && k > cs && !st.inName(k) && !st.is(k+1, "that") {
			// ("... and that C2" goes on with the same content.)
			n := k + 1
			for n < sb && st.skippable(n) {
				n++
			}
			if c := st.cue[n]; c != nil && !c.ing && !c.base && c.frame&(speech|object|accuse|label) != 0 {
				break
			}
			if st.subjectCue(k+1, sb) {
				break // "... and she accused ...", "and most said ..."
			}
			if st.is(k, "and") && st.newClause(k+1, sb) {
				break // "warned that C and oil prices jumped 5%": the author's news
			}
		}
		if st.wc(k)&wAskedLead != 0 && st.wc(k+1)&wAsked != 0 {
			break
		}
	}
	return k
}

// sourceThenCue reports whether the tokens from n are a short source and a
// cue that ends the sentence or clause (", he said." / ", officials said,").
func (st *state) sourceThenCue(n, sb int) bool {
	for j := n; j < sb && j-n < 8; j++ {
		if c := st.cue[j]; c != nil && c.frame&speech != 0 && !c.ing {
			if j == n {
				return false
			}
			s := st.sourceLeft(j, n)
			e := st.skipTime(j+max(int(st.cueLen[j]), 1), sb)
			return s.ok() && s.a == n && (e >= sb || st.finalPunct(e) || st.punct(e, ","))
		}
		if st.toks[j].Kind != nlp.Word && st.toks[j].Kind != nlp.Number && !st.punct(j, "(") && !st.punct(j, ")") {
			return false
		}
	}
	return false
}

// emitIndirect records reported content [a, b) for the cue at token i. A
// quotation inside makes it direct when the quoted words open the clause and
// are most of it (the content is then the words inside the marks), and mixed
// otherwise, with the whole clause as content, marks kept: in `said he had
// "no plans to resign"` the speaker's words are quoted but the subject and
// verb are the reporter's.
func (st *state) emitIndirect(i int, s src, addr src, a, b, sent int) {
	a = st.skipDateline(a, b)
	// Trim punctuation at both ends (not closing quotation marks).
	for a < b && st.toks[a].Kind == nlp.Punct {
		a++
	}
	for b > a && (st.toks[b-1].Kind == nlp.Punct) {
		b--
	}
	if st.cue[i].frame&(object|accuse|toInf) != 0 && a > i && !st.is(a-1, "that") {
		b = st.objectEnd(a, b)
	}
	if b-a < 1 || b-a < 2 && st.cue[i].frame&(object|accuse) == 0 || st.skipTime(a, b) == b {
		return // nothing, or only a time ("reported on Tuesday")
	}
	words, quoted := st.wordCount(a, b)
	qFirst, qLast := -1, -1
	for k := a; k < b; k++ {
		if q := st.inQuote[k]; q != 0 {
			if qFirst < 0 {
				qFirst = int(q - 1)
			}
			qLast = int(q - 1)
		}
	}
	kind := dossier.Indirect
	content := st.span(a, b)
	mostly := quoted > 0 && quoted*2 >= words
	if quoted > 0 {
		kind = dossier.Mixed
		if mostly && st.inQuote[st.firstWord(a, b)] != 0 {
			kind = dossier.Direct
			content = st.span(st.quotes[qFirst].first, st.quotes[qLast].last)
		}
	}
	it := st.newItem(kind, content, i, sent)
	it.mostlyQuoted = mostly
	if kind == dossier.Indirect && (st.cue[i].frame&toInf != 0 || addr.ok()) && (it.q.Class == dossier.ClassSpeech || it.q.Class == dossier.ClassQuestion) && (st.is(a, "to") || st.is(a, "not") && st.is(a+1, "to")) {
		// "agreed to cap exports", "vowed not to resign": a commitment,
		// reported as an intention rather than a statement of fact; "told
		// residents not to drink the water": a request.
		it.q.Class = dossier.ClassIntention
	}
	if kind == dossier.Mixed && it.q.Class != dossier.ClassSpeech && quoted*3 >= words {
		it.q.Class = dossier.ClassSpeech // mostly quoted words: speech
	}
	if addr.ok() {
		it.q.Addressee = st.span(addr.a, addr.b)
	}
	st.setSource(&it.q, s, sent)
	it.srcFirst, it.srcLast = s.a, s.b
	if qFirst >= 0 {
		for q := qFirst; q <= qLast; q++ {
			st.quotes[q].done = true
		}
	}
	for k := i; k < i+max(int(st.cueLen[i]), 1); k++ {
		st.used[k] = true
	}
	n := st.add(it)
	if qFirst >= 0 {
		it.quotation = qFirst
		st.out[n].quotation = qFirst
		st.quotes[qFirst].item = n
	}
}

// leftoverQuotations attributes the quotations no cue claimed: a
// continuation of the previous speaker's quotation (later in the same
// paragraph, or a paragraph that is only a quotation), else unattributed
// when the quotation reads as speech, else nothing (scare quotes, titles).
func (st *state) leftoverQuotations() {
	for qi := range st.quotes {
		q := &st.quotes[qi]
		if q.done {
			continue
		}
		prev := st.previousQuote(qi)
		para := st.paraOf[q.open]
		opensPara := q.open == 0 || st.toks[q.open].Is(nlp.ParaStart) || st.paraOf[q.open-1] != para
		sa, _ := st.sentence(int(st.sentOf[q.open]))
		if prev >= 0 && q.open == sa {
			pq := &st.quotes[prev]
			pit := st.out[pq.item]
			pp := st.paraOf[pq.open]
			if pp == para || opensPara && (pp == para-1 || pq.close < 0 && para-pp <= 2) {
				it := item{sent: int(st.sentOf[q.open]), cueTok: -1, quotation: qi, srcFirst: pit.srcFirst, srcLast: pit.srcLast}
				it.q = pit.q
				it.q.Kind = dossier.Direct
				it.q.Class = dossier.ClassSpeech
				it.q.Content = st.quoteContent(q)
				it.q.Cue = textpos.Span{}
				it.q.Addressee = textpos.Span{}
				q.done = true
				q.item = st.add(it)
				continue
			}
		}
		if q.words < 8 || st.titleCase(q) {
			continue
		}
		it := item{sent: int(st.sentOf[q.open]), cueTok: -1, quotation: qi}
		if n := st.contextSpeaker(q, opensPara); n >= 0 && q.open == sa {
			// A quotation standing alone after someone's words, in their
			// paragraph or opening the next: theirs (FORMAT.md "Quotes").
			pit := st.out[n]
			it.q = pit.q
			it.srcFirst, it.srcLast = pit.srcFirst, pit.srcLast
			it.q.Cue, it.q.Addressee, it.q.Stance = textpos.Span{}, textpos.Span{}, ""
		} else {
			it.q.SourceType = dossier.SourceUnattributed
		}
		it.q.Kind = dossier.Direct
		it.q.Content = st.quoteContent(q)
		it.q.Class = dossier.ClassSpeech
		q.done = true
		q.item = st.add(it)
	}
}

// contextSpeaker returns the latest attribution of speech before quotation
// q that names its source, in q's paragraph or, when q opens its
// paragraph, in the one before; or -1.
func (st *state) contextSpeaker(q *quotation, opensPara bool) int {
	para := st.paraOf[q.open]
	start := int(st.toks[q.open].Start)
	best := -1
	for n := range st.out {
		it := &st.out[n]
		if it.srcLast <= it.srcFirst || it.q.Class != dossier.ClassSpeech || it.q.Content.End > start || it.cueTok < 0 {
			continue
		}
		pp := st.paraOf[it.cueTok]
		if pp != para && !(opensPara && pp == para-1) {
			continue
		}
		if best < 0 || it.q.Content.End > st.out[best].q.Content.End {
			best = n
		}
	}
	return best
}

// previousQuote returns the latest attributed quotation before qi whose
// speaker no other attribution has displaced since, or -1.
func (st *state) previousQuote(qi int) int {
	q := &st.quotes[qi]
	for p := qi - 1; p >= 0; p-- {
		pq := &st.quotes[p]
		if !pq.done || pq.item < 0 {
			continue
		}
		pit := &st.out[pq.item]
		if pit.q.Kind == dossier.Mixed && !pit.mostlyQuoted || pit.srcLast <= pit.srcFirst {
			return -1
		}
		// Another attribution between the two quotations displaces the
		// speaker.
		end := pit.q.Content.End
		for n := range st.out {
			o := &st.out[n]
			if n != pq.item && o.quotation != p && o.q.Content.Start > end && o.q.Content.Start < int(st.toks[q.open].Start) {
				return -1
			}
		}
		return p
	}
	return -1
}

// titleCase reports whether every long word of the quotation is
// capitalised, as in the title of a work.
func (st *state) titleCase(q *quotation) bool {
	for k := q.first; k < q.last; k++ {
		if st.toks[k].Kind == nlp.Word && len(st.tok(k)) > 3 && !st.upper(k) {
			return false
		}
	}
	return true
}

// clauseDone reports whether the clause of a cue ends at token k: the
// sentence or clause ends there, or only an adjunct follows ("in a
// statement", "on Friday", "when asked", ", adding ...").
func (st *state) clauseDone(k, sb int) bool {
	if k >= sb || st.finalPunct(k) || st.punct(k, ",") || st.punct(k, ";") || st.punct(k, "—") || st.punct(k, "–") || st.punct(k, "(") {
		return true
	}
	if st.toks[k].Kind == nlp.Quote {
		return false
	}
	if st.timexAt(k) || st.wc(k)&wAskedLead != 0 {
		return true
	}
	return st.wc(k)&wPrep != 0 && !st.is(k, "that") && !st.is(k, "to")
}

// baseAgrees reports whether a bare verb cue at token i ("say") agrees with
// its subject s: after an auxiliary ("did not say", "will say"), or with a
// plural or first- or second-person subject ("they say", "experts say").
func (st *state) baseAgrees(i int, s src) bool {
	j := i - 1
	for j > s.b-1 && st.wc(j)&(wSkipAdverb|wNegation) != 0 {
		j--
	}
	if j >= 0 && st.wc(j)&wAux != 0 {
		return true
	}
	h := st.head(s)
	if st.numeral(s.a) && (!st.is(s.a, "one") || s.b-s.a > 1) || st.is(s.a, "those") || st.is(s.a, "these") || st.is(h, "i") || st.is(h, "we") || st.is(h, "you") || st.is(h, "they") || st.is(h, "those") || st.is(h, "these") || st.is(h, "others") || st.is(h, "some") || st.is(h, "both") || st.and(s) {
		return true
	}
	w := st.tok(h)
	if st.wc(h)&(wAnon|wReport|wDocument) != 0 && len(w) > 1 && w[len(w)-1] == 's' {
		return true
	}
	if st.toks[h].Kind == nlp.Number || st.is(h, "percent") || st.is(h, "%") || st.is(h, "majority") || st.is(h, "most") || st.is(h, "half") || st.is(h, "many") {
		return true // "40 percent support", "most say"
	}
	if st.upper(h) && len(w) > 3 && w[len(w)-1] == 's' && w[len(w)-2] != 's' && w[len(w)-2] != '\'' {
		// "Republicans say", "Democrats want": a group, unless a person
		// ("Jones says" takes the -s form).
		e := st.ent[h]
		return e == 0 || st.d.Entities[e-1].Type != dossier.Person
	}
	return !st.upper(h) && len(w) > 2 && w[len(w)-1] == 's' && w[len(w)-2] != 's' || st.is(h, "people") || st.is(h, "police") || st.is(h, "media")
}

// documentSubject reports whether the subject of the cue at token i is a
// document, study or report ("the study found", "data show"), which lets a
// verb that otherwise needs "that" take a bare clause.
func (st *state) documentSubject(i int) bool {
	sa, _ := st.sentence(int(st.sentOf[i]))
	s := st.sourceLeft(i, sa)
	return s.ok() && st.wc(st.head(s))&(wDocument|wReport) != 0
}

// objectEnd returns where a plain object content [a, b) ends: before a
// time adjunct of the main clause ("endorsed Smith on Friday", "criticized
// the plan last week"), which the source did not say.
func (st *state) objectEnd(a, b int) int {
	// A name or pronoun as the whole object ("praised Smith at a rally",
	// "attacked him on Twitter"): an adjunct after it is the reporter's.
	if e := st.nameEnd(a, b); e > a && e < b && st.adjunctPrep(e) {
		return e
	}
	for k := a + 1; k < b; k++ {
		if st.inQuote[k] != 0 {
			continue
		}
		// ", even though ...", ", which ...": the author's own clause.
		if st.punct(k, ",") && k+1 < b && (st.wc(k+1)&wBoundary != 0 || st.is(k+1, "even") || st.cue[k+1] != nil) {
			return k
		}
		// "cited officials who said ...": a nested attribution, whose
		// own cue takes it.
		if st.wc(k)&wRelative != 0 && k+1 < b && (st.cue[k+1] != nil || st.skippable(k+1) && st.cue[k+2] != nil) {
			return k
		}
		// "vowed to keep it and celebrated ...": a second verb phrase of
		// the main clause.
		if (st.is(k, "and") || st.is(k, "but")) && k+1 < b && st.pastVerb(k+1) && !st.inName(k) {
			return k
		}
		if st.timexAt(k) || st.is(k, "last") && st.timexAt(k+1) {
			for k > a+1 && (st.is(k-1, "on") || st.is(k-1, "in") || st.is(k-1, "this") || st.is(k-1, "last") || st.is(k-1, "next") || st.is(k-1, "early") || st.is(k-1, "late")) {
				k--
			}
			if k <= a+1 && st.wc(a)&wPrep != 0 {
				return a // the clause opens with a time adjunct: no object
			}
			return k
		}
	}
	return b
}

// subordinate reports whether the sentence starting at token sa opens with
// a subordinate clause ("Although ...", "While ...", "Because ...").
func (st *state) subordinate(sa int) bool {
	for _, w := range [...]string{"although", "though", "while", "because", "if", "when", "as", "after", "before", "since", "unless", "whereas", "once"} {
		if st.is(sa, w) {
			return true
		}
	}
	return false
}

// pastVerb reports whether token k is a past-tense verb that is no noun or
// adjective ("celebrated", "said"), which after "and" opens a verb phrase
// of its own.
func (st *state) pastVerb(k int) bool {
	if st.toks[k].Kind != nlp.Word || st.upper(k) {
		return false
	}
	if c := st.cue[k]; c != nil && !c.ing && !c.base {
		return true
	}
	w := st.tok(k)
	p := st.pos(k)
	return len(w) > 3 && w[len(w)-2:] == "ed" && p&lexicon.Verb != 0 && p&(lexicon.Noun|lexicon.Adjective) == 0
}

// subjectCue reports whether the tokens from n are a short subject (a
// pronoun, a name or a noun phrase of a few words) and a finite cue of
// speech: "he added", "the senator said".
func (st *state) subjectCue(n, sb int) bool {
	for j := n; j < sb && j-n < 6; j++ {
		if c := st.cue[j]; c != nil && !c.ing && c.frame&speech != 0 {
			if j == n {
				return false
			}
			s := st.sourceLeft(j, n)
			return s.ok() && (s.a == n || st.wc(n)&wDet != 0 || st.is(n, "more") || st.is(n, "about") || st.toks[n].Kind == nlp.Number)
		}
		if st.toks[j].Kind != nlp.Word && st.toks[j].Kind != nlp.Number {
			return false
		}
	}
	return false
}

// ingWord reports whether token k is a lower-case word ending in "-ing"
// that can be a verb ("wiping", "adding"): a participle opening an
// adjunct.
func (st *state) ingWord(k int) bool {
	w := st.tok(k)
	return st.toks[k].Kind == nlp.Word && !st.upper(k) && len(w) > 4 && w[len(w)-3:] == "ing" && st.pos(k)&lexicon.Verb != 0
}

// passive handles a passive cue of judgement or support after a form of
// "be": "Smith was endorsed by the paper", "the plan has been criticized".
// The subject is the content and the agent after "by", if any, the
// source. It reports whether the cue was a passive.
func (st *state) passive(i, after, sa, sb int) bool {
	c := st.cue[i]
	w := st.tok(i)
	if c.ing || c.base || c.frame&(evaluation|intention) == 0 || c.frame&object == 0 || len(w) < 4 || w[len(w)-2:] != "ed" && st.cueLen[i] <= 1 || st.pos(i)&lexicon.Verb == 0 {
		return false
	}
	j := i - 1
	for j > sa && st.skippable(j) && st.wc(j)&wAux == 0 {
		j--
	}
	if j < sa || !(st.is(j, "is") || st.is(j, "was") || st.is(j, "are") || st.is(j, "were") || st.is(j, "be") || st.is(j, "been") || st.is(j, "being")) {
		return false
	}
	k := j
	for k > sa && (st.wc(k-1)&wAux != 0 || st.skippable(k-1)) {
		k--
	}
	obj := st.sourceLeft(k, sa)
	if !obj.ok() {
		return true
	}
	var s src
	if st.is(after, "by") {
		s = st.sourceRight(after+1, sb)
	}
	it := st.newItem(dossier.Indirect, st.span(obj.a, obj.b), i, int(st.sentOf[i]))
	st.setSource(&it.q, s, it.sent)
	it.srcFirst, it.srcLast = s.a, s.b
	for m := i; m < i+max(int(st.cueLen[i]), 1); m++ {
		st.used[m] = true
	}
	st.add(it)
	return true
}

// particle reports whether token k is an adverbial particle or a
// preposition, which after a verb makes a phrasal verb ("back down", "call
// off") or an adjunct, not an object.
func (st *state) particle(k int) bool {
	if st.wc(k)&wPrep != 0 && !st.is(k, "about") {
		return true
	}
	for _, w := range [...]string{"down", "off", "away", "out", "up", "back", "in", "around"} {
		if st.is(k, w) {
			return true
		}
	}
	return false
}

// skipDateline returns where content [a, b) starts after a dateline that
// opens it ("WASHINGTON (AP) — ..."): capitalised words and a parenthesis
// before a dash.
func (st *state) skipDateline(a, b int) int {
	for k := a; k < b && k-a < 8; k++ {
		if st.dash(k) || st.punct(k, "-") {
			if k > a {
				return k + 1
			}
			return a
		}
		t := st.toks[k]
		if !(t.Kind == nlp.Word && t.Is(nlp.AllUpper) || st.punct(k, "(") || st.punct(k, ")") || st.punct(k, ",") || st.punct(k, ".")) {
			return a
		}
	}
	return a
}

// labelClause handles a label given without quotation marks: "called him
// a liar", "calling Smith a fascist", "called them thieves". The content is
// the object with its label.
func (st *state) labelClause(i int) {
	sent := int(st.sentOf[i])
	sa, sb := st.sentence(sent)
	k := i + max(int(st.cueLen[i]), 1)
	if k+1 >= sb || st.is(i-1, "to") || st.is(i-1, "be") || st.is(i-1, "been") || st.is(i-1, "being") || st.is(i-1, "was") || st.is(i-1, "were") || st.is(i-1, "is") {
		return
	}
	var obj int // the token after the object
	switch {
	case st.wc(k)&wObjPronoun != 0 || st.is(k, "it") || st.is(k, "himself") || st.is(k, "herself") || st.is(k, "themselves"):
		obj = k + 1
	case st.ent[k] != 0:
		obj = k
		for obj < sb && st.ent[obj] == st.ent[k] && st.mention[obj] == st.mention[k] {
			obj++
		}
	case st.wc(k)&wDet != 0:
		// "called the charges baseless": a noun phrase, then an
		// adjective that can be nothing else.
		obj = -1
		for m := k + 1; m < sb && m-k <= 5; m++ {
			if st.toks[m].Kind != nlp.Word {
				break
			}
			if m > k+1 && st.onlyAdjective(m) {
				obj = m
				break
			}
			if !st.npWord(m) {
				break
			}
		}
		if obj < 0 {
			return
		}
	default:
		return
	}
	if obj >= sb || st.toks[obj].Kind != nlp.Word || st.particle(obj) || st.is(obj, "and") || st.is(obj, "that") || st.cue[obj] != nil {
		return
	}
	if !(st.is(obj, "a") || st.is(obj, "an") || st.is(obj, "the") || st.pos(obj)&(lexicon.Noun|lexicon.Adjective) != 0 || st.onlyAdjective(obj)) {
		return
	}
	s := st.subject(i, sa)
	if !s.ok() {
		return
	}
	e := st.objectEnd(k, st.clauseEnd(obj, sb))
	st.emitIndirect(i, s, src{}, k, e, sent)
}

// newClause reports whether the tokens from n open a clause with a subject
// of its own that the cue does not govern: a capitalised noun phrase (not a
// pronoun) followed by a past-tense verb that is no noun ("WTI crude
// futures jumped").
func (st *state) newClause(n, sb int) bool {
	if !st.upper(n) || st.wc(n)&(wSubjPronoun|wDet) != 0 {
		return false
	}
	for j := n + 1; j < sb && j-n < 6; j++ {
		if st.toks[j].Kind != nlp.Word {
			return false
		}
		if st.pastVerb(j) {
			return j > n
		}
	}
	return false
}

// inName reports whether token k lies inside a name after its first word,
// as "and" in "The Globe and Mail" or "Procter and Gamble" does.
func (st *state) inName(k int) bool {
	return st.ent[k] != 0 && int(st.mention[k])-1 < k && st.toks[k].Kind == nlp.Word && !st.upper(k) &&
		k+1 < len(st.toks) && st.mention[k+1] == st.mention[k]
}

// citingAside reports whether tokens from k are a participial aside naming
// the sources of a report (", citing three officials," or ", quoting a
// leaked memo,") followed by "that", and returns the token after "that".
// When the aside names people, an outlet or a document, it records the
// participle and its object in st.cite and st.citeSrc.
func (st *state) citingAside(k, sb int) (int, bool) {
	if !st.punct(k, ",") || !(st.is(k+1, "citing") || st.is(k+1, "quoting")) {
		return 0, false
	}
	e := k + 2
	for e < sb && e-k < 16 && !st.punct(e, ",") && st.toks[e].Kind != nlp.Quote && !st.finalPunct(e) {
		e++
	}
	if !st.punct(e, ",") || !st.is(e+1, "that") || e+2 >= sb {
		return 0, false
	}
	if s := st.sourceRight(k+2, e); s.ok() && s.b == e && st.sourceHead(s) {
		st.cite, st.citeSrc = k+1, s
	}
	return e + 2, true
}

// sourceHead reports whether the phrase s can be a source: a name, or a
// head noun of people, reports, documents or outlets.
func (st *state) sourceHead(s src) bool {
	for k := s.a; k < s.b; k++ {
		if st.ent[k] != 0 || st.wc(k)&(wAnon|wSpokes|wReport|wDocument|wOutletNoun) != 0 {
			return true
		}
	}
	return false
}

// emitCited records the content [a, b) a second time, as said by the
// sources that the participle st.cite names ("citing four workers at the
// site"): the report's claim rests on them. The participle cue is used up,
// so it does not also make its object a content.
func (st *state) emitCited(a, b, sent int) {
	n := len(st.out)
	st.emitIndirect(st.cite, st.citeSrc, src{}, a, b, sent)
	if len(st.out) > n {
		st.out[n].q.Class = dossier.ClassSpeech
		st.out[n].q.Stance = dossier.Asserts
	}
	st.used[st.cite] = true
	st.cite = -1
}

// firstWord returns the first word or number token in [a, b), or a when
// there is none.
func (st *state) firstWord(a, b int) int {
	for k := a; k < b; k++ {
		if t := st.toks[k].Kind; t == nlp.Word || t == nlp.Number {
			return k
		}
	}
	return a
}

// skipTime returns the token after a time adjunct starting at k ("on
// Tuesday", "last week", "Monday"), not reaching b, or k when there is none.
func (st *state) skipTime(k, b int) int {
	j := k
	if j < b && (st.is(j, "on") || st.is(j, "in") || st.is(j, "last") || st.is(j, "this") || st.is(j, "early") || st.is(j, "late") || st.is(j, "earlier") || st.is(j, "later")) {
		j++
	}
	e := j
	for e < b && st.timexAt(e) {
		e++
	}
	if e == j {
		return k
	}
	return e
}

// onlyAdjective reports whether token k can only be an adjective: so
// tagged and nothing else, or unknown with an adjective's ending
// ("baseless", "outrageous").
func (st *state) onlyAdjective(k int) bool {
	p := st.pos(k)
	if p == 0 {
		w := strings.ToLower(st.tok(k))
		for _, suf := range [...]string{"less", "ous", "ful", "ive", "able", "ible", "ical"} {
			if len(w) > len(suf)+2 && strings.HasSuffix(w, suf) {
				return true
			}
		}
		return false
	}
	return p&lexicon.Adjective != 0 && p&(lexicon.Noun|lexicon.Verb|lexicon.Adverb|lexicon.Preposition|lexicon.Determiner) == 0
}

// nameEnd returns the token after a name mention or object pronoun that
// starts at token a, or a when none does.
func (st *state) nameEnd(a, b int) int {
	if st.wc(a)&wObjPronoun != 0 && st.toks[a].Kind == nlp.Word {
		return a + 1
	}
	if st.ent[a] == 0 {
		return a
	}
	e := a
	for e < b && st.ent[e] == st.ent[a] && st.mention[e] == st.mention[a] {
		e++
	}
	return e
}

// adjunctPrep reports whether token k opens an adjunct of place, time or
// occasion ("on Twitter", "at a rally", "from the floor", "after ...").
func (st *state) adjunctPrep(k int) bool {
	switch strings.ToLower(st.tok(k)) {
	case "on", "at", "from", "after", "before", "during", "in", "while", "when", "over":
		return true
	}
	return false
}

// opensSubordinate reports whether token k opens a subordinate clause ("if",
// "when", "because", ...).
func (st *state) opensSubordinate(k int) bool {
	switch strings.ToLower(st.tok(k)) {
	case "if", "when", "because", "although", "though", "unless", "once", "while", "since", "whenever":
		return st.toks[k].Kind == nlp.Word
	}
	return false
}

// dashPair reports whether the dash at token k opens a parenthetical closed
// by another dash within a few words ("those old - and unreported -
// postings").
func (st *state) dashPair(k, sb int) bool {
	for j := k + 1; j < sb && j-k <= 8; j++ {
		if st.dash(j) || st.punct(j, "-") {
			return true
		}
		if st.punct(j, ",") || st.finalPunct(j) {
			return false
		}
	}
	return false
}

// passiveBe reports whether a form of "be" stands before the cue at token i,
// over adverbs and negation ("was asked", "were not told").
func (st *state) passiveBe(i int) bool {
	j := i - 1
	for j >= 0 && st.wc(j)&(wSkipAdverb|wNegation) != 0 {
		j--
	}
	switch strings.ToLower(st.tok(max(j, 0))) {
	case "was", "were", "is", "are", "am", "been", "being", "be":
		return j >= 0 && st.toks[j].Kind == nlp.Word
	}
	return false
}
