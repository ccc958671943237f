// Package relate decides, for a claim (a headline, or a claim statement from
// another article) and an analysed article, whether the article is about the
// claim and, if it is, the article's stance toward it: it asserts the claim,
// denies it, or reports it without taking a position. This is how dossier
// follows a claim across outlets and days.
//
// Relatedness is lexical: the share of the claim's words, weighted by rarity
// (IDF over the collection being related, or the lexicon when there is
// none), that the article uses, less the share an average article of the
// collection uses, plus the share its lead (first three sentences) uses.
// Names weigh most because they are rare. Words are compared in lower case,
// lightly stemmed ("reports", "reported" and "reporting" meet), with number
// words as digits ("three", "third" and "3").
//
// Stance is read from general English cues in the sentences that match the
// claim best (and the sentence after each), from the claim's own polarity
// and framing, and from the pipeline's stance ledger where one of the
// article's claims matches the claim:
//   - a claim that is hedged ("X reportedly did Y") or asked ("Did X do
//     Y?") is reported, not settled (uncertain);
//   - refuting cues ("hoax", "fake", "debunked", "not true"), a source's
//     denial ("denied", "dismissed") and a ledger entry that denies the
//     matching claim refute the story: the article denies a positive claim
//     and asserts a negative one ("X was a hoax", "X denies Y"); a negated
//     refuting cue ("not a hoax") asserts instead;
//   - an article that does not refute a negative claim denies it (it tells
//     the story as true);
//   - dense hedging cues ("reportedly", "allegedly", "claims", "according
//     to", "unconfirmed") report the claim without a position;
//   - otherwise the article asserts what it states.
//
// Cue tables are general English written by hand (cues.go). The few
// thresholds are listed, with how each was chosen, beside their constants
// (thresholds.go).
package relate

import (
	"strings"

	"dossier"
	"dossier/lexicon"
	"dossier/textpos"
)

// Name is the versioned name of the component.
const Name = "relate.lexical.v1"

// Result is the relation of one article to one claim.
type Result struct {
	// Related reports whether the article is about the claim.
	Related bool
	// Score is the relatedness, between -1 and 2: the share of the
	// claim's weighted words that the article uses, less the share an
	// average article of the collection uses, plus the share its lead
	// uses. The article is related when Score reaches a threshold
	// (thresholds.go).
	Score float64
	// Stance is the article's position toward the claim: asserts, denies
	// or uncertain (reports it without taking a position); "" when the
	// article is not related.
	Stance dossier.StanceLabel
	// Evidence is the sentence of the article that decided the stance (the
	// sentence with the deciding cue, else the one that matches the claim
	// best); empty when the article shares no word with the claim.
	Evidence textpos.Span
	// Cue is the cue that decided the stance, when one did.
	Cue textpos.Span
	// Claim is the id of the article's claim (its stance ledger) that
	// matches the claim, or "".
	Claim string
	// Signals are the measurements behind the decision.
	Signals Signals
}

// Signals are the measurements that Relate bases its decision on.
type Signals struct {
	// Overlap is the share of the claim's weight found anywhere in the
	// article.
	Overlap float64
	// Chance is the share of the claim's weight that an article of the
	// collection holds on average (from document frequencies); 0 without
	// a collection.
	Chance float64
	// Lead is the share of the claim's weight found in the first three
	// sentences.
	Lead float64
	// Best is the share of the claim's weight found in the best-matching
	// sentence.
	Best float64
	// Near is the number of sentences that match the claim well (at least
	// half as well as the best one): with the sentence after each, the
	// window the cue counts look at.
	Near int
	// Refute, Hedge and Assert count refuting, hedging and asserting cues
	// in the near sentences and the sentence after each.
	Refute, Hedge, Assert int
	// Deny counts the cues of a source's denial ("denied", "dismissed")
	// in the same sentences.
	Deny int
	// RefuteAll, HedgeAll and DenyAll count the same cues in the whole
	// article.
	RefuteAll, HedgeAll, DenyAll int
	// Sentences is the number of sentences in the article.
	Sentences int
	// ClaimRefutes reports whether the claim carries a refuting or denying
	// cue that is not negated ("a hoax" but not "no hoax"; "denies").
	// ClaimNegated reports whether it carries a negation word outside
	// quotation marks ("did not", but not "'Hands up, don't shoot'").
	ClaimRefutes, ClaimNegated bool
	// ClaimHedged reports whether the claim carries a hedging cue.
	ClaimHedged bool
	// ClaimQuestion reports whether the claim is a question: a question
	// mark ends it or one of its clauses ("Is this Crabzilla?").
	ClaimQuestion bool
	// Attributed is the share of near sentences that lie inside the
	// content of an attribution (a quote or reported statement).
	Attributed float64
	// LedgerMatch is the overlap of the claim with the matching ledger
	// claim's statement; LedgerAsserts, LedgerDenies and LedgerUncertain
	// count the stances in that claim's ledger.
	LedgerMatch                                  float64
	LedgerAsserts, LedgerDenies, LedgerUncertain int
}

// Relater relates claims to articles. It is immutable after New and safe
// for concurrent use once its IDF is filled.
type Relater struct {
	idf  *IDF
	cues cueTable
}

// New returns a Relater weighting words by idf. idf may be nil: then words
// are weighted by the lexicon alone (lex may be nil too).
func New(lex *lexicon.Lexicon, idf *IDF) *Relater {
	if idf == nil {
		idf = NewIDF(lex)
	}
	return &Relater{idf: idf, cues: newCueTable()}
}

// Article is an analysed article prepared for relating to many claims: its
// words, sentences, cues, quotes and claims.
type Article struct {
	words  []word
	sents  []sentence
	cues   []cueHit
	claims []ledger
	quotes []textpos.Span
}

type sentence struct {
	first, last int // word indices [first, last)
	span        textpos.Span
	quoted      bool // overlaps the content of an attribution
}

type ledger struct {
	id                         string
	words                      []word
	asserts, denies, uncertain int
	cue                        textpos.Span // the first denial's cue or evidence
	deniedAt                   textpos.Span
}

// Prepare splits an analysed article into the words, sentences and cues
// that Relate reads, with the content spans of its quotes and the ledgers of
// its claims. The Article does not keep a.
func (r *Relater) Prepare(a dossier.Analysis) *Article {
	text := a.Article.Text
	low := lowerASCII(text)
	art := &Article{words: split(text, low, nil)}
	for _, q := range a.Quotes {
		if !q.Content.Empty() {
			art.quotes = append(art.quotes, q.Content)
		}
	}
	// Sentences.
	for i := 0; i < len(art.words); {
		j := i + 1
		for j < len(art.words) && art.words[j].sent == art.words[i].sent {
			j++
		}
		sp := textpos.Span{Start: int(art.words[i].start), End: int(art.words[j-1].end)}
		s := sentence{first: i, last: j, span: sp}
		for _, q := range art.quotes {
			if q.Overlaps(sp) && overlapLen(q, sp)*2 >= sp.Len() {
				s.quoted = true
				break
			}
		}
		art.sents = append(art.sents, s)
		i = j
	}
	// Cues. A negated refuting cue ("not a hoax") asserts; negation
	// words alone are not kept.
	for _, h := range r.cues.scan(text, art.words, nil) {
		switch {
		case h.kind == cueNegate:
			continue
		case h.kind == cueRefute && h.negated:
			h.kind = cueAssert
		}
		art.cues = append(art.cues, h)
	}
	// The pipeline's ledgers.
	for _, c := range a.Claims {
		l := ledger{id: c.ID, words: split(c.Statement, lowerASCII(c.Statement), nil)}
		for _, s := range c.Stances {
			switch s.Stance {
			case dossier.Asserts:
				l.asserts++
			case dossier.Denies:
				if l.denies == 0 {
					l.cue, l.deniedAt = s.Cue, s.Evidence
				}
				l.denies++
			case dossier.Uncertain:
				l.uncertain++
			}
		}
		art.claims = append(art.claims, l)
	}
	return art
}

func overlapLen(a, b textpos.Span) int {
	s, e := max(a.Start, b.Start), min(a.End, b.End)
	if e < s {
		return 0
	}
	return e - s
}

// claimWord is one distinct key of a claim with its weight.
type claimWord struct {
	key    string
	weight float64
}

// Relate relates a claim to a prepared article.
func (r *Relater) Relate(claim string, art *Article) Result {
	cw := split(claim, lowerASCII(claim), nil)
	var keys []claimWord
	total := 0.0
	var sig Signals
	for _, h := range r.cues.scan(claim, cw, nil) {
		switch {
		case (h.kind == cueRefute || h.kind == cueDeny) && !h.negated:
			sig.ClaimRefutes = true
		case h.kind == cueNegate && !h.quoted && !h.bound:
			sig.ClaimNegated = true
		case h.kind == cueHedge:
			sig.ClaimHedged = true
		}
	}
	sig.ClaimQuestion = isQuestion(claim)
	for i := range cw {
		w := r.idf.weight(&cw[i])
		if w <= 0 {
			continue
		}
		dup := false
		for _, k := range keys {
			if k.key == cw[i].key {
				dup = true
				break
			}
		}
		if !dup {
			keys = append(keys, claimWord{key: cw[i].key, weight: w})
			total += w
			sig.Chance += w * r.idf.share(cw[i].key)
		}
	}
	res := Result{}
	sig.Sentences = len(art.sents)
	if total == 0 || len(art.sents) == 0 {
		res.Signals = sig
		return res
	}
	// Which claim keys each sentence holds, the article holds (in any
	// sentence) and its lead holds (the first three sentences).
	found := make([]bool, len(keys))
	lead := make([]bool, len(keys))
	in := make([]bool, len(keys))
	cover := make([]float64, len(art.sents))
	for si, s := range art.sents {
		clear(in)
		for wi := s.first; wi < s.last; wi++ {
			for ki := range keys {
				if keys[ki].key == art.words[wi].key {
					in[ki] = true
				}
			}
		}
		for ki, ok := range in {
			if !ok {
				continue
			}
			cover[si] += keys[ki].weight
			found[ki] = true
			lead[ki] = lead[ki] || si < leadSentences
		}
	}
	for ki := range keys {
		if found[ki] {
			sig.Overlap += keys[ki].weight
		}
		if lead[ki] {
			sig.Lead += keys[ki].weight
		}
	}
	sig.Overlap /= total
	sig.Lead /= total
	sig.Chance /= total
	best := 0
	for si := range cover {
		cover[si] /= total
		if cover[si] > cover[best] {
			best = si
		}
	}
	sig.Best = cover[best]
	if sig.Best > 0 {
		res.Evidence = art.sents[best].span
	}

	// The near sentences: those that match at least nearShare as well as
	// the best one; cues count in them and in the sentence after each.
	window := make([]bool, len(art.sents))
	quoted := 0
	for si := range art.sents {
		if sig.Best > 0 && cover[si] >= nearShare*sig.Best {
			window[si] = true
			if si+1 < len(window) {
				window[si+1] = true
			}
			sig.Near++
			if art.sents[si].quoted {
				quoted++
			}
		}
	}
	if sig.Near > 0 {
		sig.Attributed = float64(quoted) / float64(sig.Near)
	}
	var firstRefute, firstDeny, firstHedge, firstAssert *cueHit
	for i := range art.cues {
		c := &art.cues[i]
		switch c.kind {
		case cueRefute:
			sig.RefuteAll++
		case cueHedge:
			sig.HedgeAll++
		case cueDeny:
			sig.DenyAll++
		}
		if !window[c.sent] {
			continue
		}
		switch c.kind {
		case cueRefute:
			sig.Refute++
			if firstRefute == nil {
				firstRefute = c
			}
		case cueDeny:
			sig.Deny++
			if firstDeny == nil {
				firstDeny = c
			}
		case cueHedge:
			sig.Hedge++
			if firstHedge == nil {
				firstHedge = c
			}
		case cueAssert:
			sig.Assert++
			if firstAssert == nil {
				firstAssert = c
			}
		}
	}

	// The ledger claim that matches best.
	var led *ledger
	for li := range art.claims {
		l := &art.claims[li]
		m := 0.0
		for ki := range keys {
			for wi := range l.words {
				if l.words[wi].key == keys[ki].key {
					m += keys[ki].weight
					break
				}
			}
		}
		m /= total
		if m > sig.LedgerMatch {
			sig.LedgerMatch, led = m, l
		}
	}
	if led != nil && sig.LedgerMatch >= ledgerMatchMin {
		res.Claim = led.id
		sig.LedgerAsserts, sig.LedgerDenies, sig.LedgerUncertain = led.asserts, led.denies, led.uncertain
	}
	res.Signals = sig
	res.Score = relatedness(sig)
	res.Related = res.Score >= relatedMin
	if !res.Related {
		return res
	}

	res.Stance = decide(sig)
	var cue *cueHit
	negative := sig.ClaimRefutes || sig.ClaimNegated
	switch {
	case res.Stance == dossier.Denies && !negative, res.Stance == dossier.Asserts && negative:
		cue = firstRefute
		if cue == nil {
			cue = firstDeny
		}
	case res.Stance == dossier.Uncertain:
		cue = firstHedge
	case res.Stance == dossier.Asserts:
		cue = firstAssert
	}
	if cue != nil {
		res.Cue = cue.span
		res.Evidence = art.sents[cue.sent].span
	} else if led != nil && res.Claim != "" && sig.LedgerDenies > 0 && !led.deniedAt.Empty() {
		res.Cue, res.Evidence = led.cue, led.deniedAt
	}
	return res
}

// isQuestion reports whether a question mark ends text or a clause of it
// (it is followed by white space or a closing quote).
func isQuestion(text string) bool {
	for i := strings.IndexByte(text, '?'); i >= 0; {
		rest := strings.TrimLeft(text[i+1:], "\"'’”)]!? ")
		if rest == "" || len(rest) < len(text[i+1:]) {
			return true
		}
		j := strings.IndexByte(text[i+1:], '?')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return false
}
