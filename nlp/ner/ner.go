// Package ner finds named entities in a Doc: people, organisations, places,
// nationalities and news outlets, with the titles, parties and regions
// written beside people, and the later mentions (surnames, pronouns,
// capitals standing for their country) that refer back to them.
//
// It is a rule system: gazetteers from the lexicon, capitalisation read in
// context (sentence starts, all-caps headlines and title-case subheadings do
// not mark names), cue words inside and around a name, and statistics over
// the whole article (a surname seen after a full name is that person). It
// makes one pass over the tokens to build words and a few passes over the
// much shorter list of candidate names.
package ner

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"

	"dossier"
	"dossier/lexicon"
	"dossier/nlp"
	"dossier/textpos"
)

// Name is the versioned component name.
const Name = "ner.rules.v1"

// Component is the named-entity recogniser as a pipeline component. It is
// immutable after New and safe for concurrent use.
type Component struct {
	lex *lexicon.Lexicon
	w   *tables
	// pool holds per-document scratch tables (see scratch).
	pool sync.Pool
}

// New returns the component looking names up in lex.
func New(lex *lexicon.Lexicon) *Component {
	return &Component{lex: lex, w: newTables()}
}

// Name implements nlp.Component.
func (*Component) Name() string { return Name }

// Requires implements nlp.Component.
func (*Component) Requires() []nlp.Layer {
	return []nlp.Layer{nlp.LayerTokens, nlp.LayerSentences}
}

// Assigns implements nlp.Component.
func (*Component) Assigns() []nlp.Layer { return []nlp.Layer{nlp.LayerEntities} }

// Process implements nlp.Component: it replaces d.Entities.
func (c *Component) Process(ctx context.Context, d *nlp.Doc) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("ner: %w", err)
	}
	st := state{c: c, d: d, text: d.Text, sc: c.getScratch()}
	st.run()
	d.Entities = st.entities()
	c.release(&st)
	return nil
}

// nameClasses are the lexicon classes that make a phrase an entity by itself.
const nameClasses = lexicon.Country | lexicon.Region | lexicon.City | lexicon.Capital |
	lexicon.Area | lexicon.Demonym | lexicon.Outlet | lexicon.Org

// cand is one candidate mention.
type cand struct {
	u0, u1  int32 // unit range [u0, u1)
	span    textpos.Span
	typ     dossier.EntityType // "" while undecided
	kind    dossier.MentionKind
	key     string // canonical name
	country string // the country of a demonym, capital or seat
	title   string
	party   string
	region  string
	person  bool // a strong person cue (title, honorific, given name)
	ent     int  // entity index, -1 before grouping
	weak    bool // found in an all-caps or title-case line
	// dateline marks the place of a dateline: a location whatever other
	// mentions of the same word are.
	dateline bool
}

type state struct {
	c     *Component
	d     *nlp.Doc
	sc    *scratch
	text  string
	us    []unit
	sent  []int32 // sentence number of each unit
	cands []cand
	// capSeen holds the words seen capitalised away from sentence starts,
	// built on first use.
	capSeen map[string]struct{}
	// memo caches, per unit, facts looked up from its text: the lexicon
	// class of the unit as written and whether it is a common word
	// capitalised (see the memo bits).
	memo []uint64
}

// Bits of state.memo above the lexicon class in the low 32 bits.
const (
	memoLexKnown   uint64 = 1 << (32 + iota) // the class was looked up
	memoLexFound                             // the lexicon has the unit's text
	memoCCKnown                              // isCommonCap was computed
	memoCC                                   // isCommonCap is true
	memoWordsKnown                           // the phrase-length bound below was computed
	memoTHKnown                              // isTitleHead was computed
	memoTH                                   // isTitleHead is true
	memoComKnown                             // commonUnit was computed
	memoCom                                  // commonUnit is true
)

// The bound of phraseWords is kept in the memo from memoWordsShift on.
const (
	memoWordsShift = 48
	memoWordsMask  = 0xff
)

// memoBit returns the answer memoized under the bits known and yes of unit
// i's memo, computing it with f the first time.
func (st *state) memoBit(i int, known, yes uint64, f func(int) bool) bool {
	if m := st.memo[i]; m&known != 0 {
		return m&yes != 0
	}
	v := f(i)
	st.memo[i] |= known
	if v {
		st.memo[i] |= yes
	}
	return v
}

// unitLex returns the lexicon class of unit i's text as written, and
// whether the lexicon has it: lex.Lookup(st.core(i)), looked up once.
func (st *state) unitLex(i int) (lexicon.Class, bool) {
	m := st.memo[i]
	if m&memoLexKnown == 0 {
		cls, ok := st.c.lex.ClassOf(st.core(i))
		m |= memoLexKnown | uint64(cls)
		if ok {
			m |= memoLexFound
		}
		st.memo[i] = m
	}
	return lexicon.Class(uint32(m)), m&memoLexFound != 0
}

// phraseWords returns the most words a phrase of the lexicon can have when
// it starts at unit i and holds a space: the phrase's first word is then
// the text from unit i to the next space, and the lexicon bounds the
// length of its phrases that open with that word (0: none). It returns -1
// when no phrase from unit i within the lexicon's longest can hold a space.
func (st *state) phraseWords(i int) int {
	m := st.memo[i]
	if m&memoWordsKnown == 0 {
		start := int(st.us[i].start)
		last := min(i+st.c.lex.MaxWords(), len(st.us)) - 1
		n := -1
		if sp := strings.IndexByte(st.text[start:st.us[last].end], ' '); sp >= 0 {
			n = st.c.lex.PhraseWords(st.text[start : start+sp])
		}
		m |= memoWordsKnown | uint64(uint8(n))<<memoWordsShift
		st.memo[i] = m
	}
	return int(int8(m >> memoWordsShift & memoWordsMask))
}

// mayBeName reports whether the exact lexicon can hold the phrase p of the
// units [i, i+n): a phrase with a space whose first word opens no phrase
// of that many words is turned away without hashing.
func (st *state) mayBeName(i int, p string) bool {
	sp := strings.Count(p, " ")
	if sp == 0 {
		return true
	}
	max := st.phraseWords(i)
	return max < 0 || sp < max
}

// isName reports whether the lexicon knows the units [a, b), as written,
// as a name by itself (lookupName(st.phrase(a, b), false) is ok).
func (st *state) isName(a, b int) bool {
	if b == a+1 {
		cls, ok := st.unitLex(a)
		return ok && cls&nameClasses != 0
	}
	p := st.phrase(a, b)
	if !st.mayBeName(a, p) {
		return false
	}
	cls, ok := st.c.lex.ClassOf(p)
	return ok && cls&nameClasses != 0
}

// seatAt reports whether the units [a, b) name a seat of government.
func (st *state) seatAt(a, b int) bool {
	_, ok := st.c.w.seatOf(st.phrase(a, b))
	return ok
}

func (st *state) run() {
	st.us = buildUnits(st.d, st.sc.us[:0])
	st.memo = grow(st.sc.memo, len(st.us))
	clear(st.memo)
	st.cands = st.sc.cands[:0]
	st.markLines()
	st.datelines()
	st.sentences()
	st.scanRuns()
	st.typeUnknowns()
	st.orgAliases()
	st.scanCapsLines()
	st.teams()
	st.attributes()
	slices.SortStableFunc(st.cands, func(x, y cand) int { return cmp.Compare(x.span.Start, y.span.Start) })
}

func (st *state) core(i int) string {
	u := &st.us[i]
	return st.text[u.start:u.end]
}

func (st *state) phrase(i, j int) string {
	return st.text[st.us[i].start:st.us[j-1].end]
}

// lower returns s in lower case without allocating when it has no upper-case
// ASCII letter and no multi-byte rune.
func lower(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' || c >= 0x80 {
			return strings.ToLower(s)
		}
	}
	return s
}

// markLines flags the units of all-caps headlines and title-case lines, where
// capitalisation says nothing about names.
func (st *state) markLines() {
	us := st.us
	w := st.c.w
	for ls := 0; ls < len(us); {
		le := ls + 1
		for le < len(us) && !us[le].has(uLineStart) {
			le++
		}
		var alpha, capn, allcaps, lowerContent, capCommon int
		digit := false
		for i := ls; i < le; i++ {
			u := &us[i]
			switch {
			case u.has(uDigit):
				digit = true
			case u.has(uCap) || u.has(uInitial):
				alpha++
				capn++
				if u.has(uAllCaps) || u.end-u.start == 1 {
					allcaps++
				}
			case u.has(uLower):
				alpha++
				// Only whether the line has a lower-case content word
				// matters: the first one settles it.
				if lowerContent == 0 && !w.function.has(st.core(i)) {
					lowerContent++
				}
			}
		}
		caps := allcaps >= 1 && lowerContent == 0 && allcaps*10 >= alpha*7
		// Common capitalised words are counted only for a line that can
		// still be title case: most lines have lower-case content words.
		if lowerContent == 0 && capn >= 3 && !digit && le-ls <= 16 {
			for i := ls; i < le; i++ {
				u := &us[i]
				if !u.has(uDigit) && (u.has(uCap) || u.has(uInitial)) && !u.has(uAllCaps) && st.isCommonCap(i) {
					capCommon++
				}
			}
		}
		title := lowerContent == 0 && capn >= 3 && !digit && capCommon*2 >= capn && le-ls <= 16
		if caps || title {
			for i := ls; i < le; i++ {
				us[i].flags |= uCapsLine
			}
		}
		ls = le
	}
}

// datelines finds the places of newswire datelines: a line that opens with
// a place in capitals, maybe a comma and its region or country, then a date
// or a news agency ("LONDON 1996-08-30", "MILWAUKEE, Wisconsin 1996-08-29",
// "WASHINGTON (Reuters)"), maybe after a byline ("Jane Roe CAIRO, March 3").
// The place is a location whatever the lexicon says, and its units are not
// read again as names.
func (st *state) datelines() {
	us := st.us
	for ls := range us {
		if !us[ls].has(uLineStart) {
			continue
		}
		inLine := func(k int) bool { return k < len(us) && (k == ls || !us[k].has(uLineStart)) }
		// A byline of up to three title-case words.
		c0 := ls
		for inLine(c0) && c0 < ls+3 && us[c0].has(uCap) && !us[c0].has(uAllCaps|uPunctAfter) {
			c0++
		}
		c1 := c0
		for inLine(c1) && c1 < c0+4 && us[c1].has(uAllCaps) && !us[c1].has(uInitial|uDigit|uParenOpen) {
			c1++
			if us[c1-1].has(uPunctAfter) {
				break
			}
		}
		if c1 == c0 {
			// A place in title case: "Lisbon (Reuters) -", "Rio de Janeiro —".
			st.titleDateline(ls)
			continue
		}
		k := st.skipPunct(c1, ls)
		r0, r1 := k, k
		comma := us[c1-1].has(uComma) || k > c1 && k < len(us) && strings.IndexByte(st.text[us[c1-1].end:us[k].start], ',') >= 0
		if comma && !(inLine(k) && st.dateOrAgency(k)) {
			// The region or country after the comma: "Wisconsin", "Mich.".
			for inLine(r1) && r1 < r0+3 && us[r1].has(uCap) && !us[r1].has(uDigit) {
				r1++
				if us[r1-1].has(uPunctAfter) {
					break
				}
			}
			if r1 == r0 {
				continue
			}
			k = st.skipPunct(r1, ls)
		}
		switch {
		case inLine(k) && st.dateOrAgency(k):
		case inLine(k) && st.dashBefore(k) && !us[k].has(uCapsLine) && st.dashPlace(c0, c1):
			// "WASHINGTON — The president said", but not "SOCCER - LATE GOAL".
		default:
			st.titleDateline(ls)
			continue
		}
		st.datelinePlace(c0, c1)
		if r1 > r0 {
			st.datelinePlace(r0, r1)
		}
		st.markDateline(c0, k)
	}
}

// markDateline flags the units [a, k) as a dateline; the unit after it opens
// a sentence ("BERLIN — Dock workers walked out").
func (st *state) markDateline(a, k int) {
	for x := a; x < k && x < len(st.us); x++ {
		st.us[x].flags |= uDateline
	}
	if k < len(st.us) && !st.us[k].has(uParenOpen) {
		st.us[k].flags |= uSentStart
	}
}

// titleDateline reads a dateline whose place is written in title case at
// unit ls: the place, maybe a comma and a date, then a news agency in
// brackets ("Lisbon (Reuters) -") or a dash after a place the lexicon knows
// ("Nairobi —", "Quito, May 2 —").
func (st *state) titleDateline(ls int) {
	us := st.us
	w := st.c.w
	e := ls
	for e < len(us) && e < ls+4 && (e == ls || !us[e].has(uLineStart|uPunctBefore|uQuoteOpen)) {
		if us[e].has(uCap) && !us[e].has(uAllCaps|uDigit) {
			e++
		} else if e > ls && e+1 < len(us) && w.connector.has(st.core(e)) && us[e+1].has(uCap) {
			e += 2
		} else {
			break
		}
		if us[e-1].has(uPunctAfter) {
			break
		}
	}
	if e == ls || e >= len(us) || us[e].has(uLineStart) || !us[e-1].has(uCap) {
		return
	}
	k := st.skipPunct(e, ls)
	if k >= len(us) || us[k].has(uLineStart) {
		return
	}
	ph := st.phrase(ls, e)
	place := false
	if cls, ok := st.c.lex.ClassOf(ph); ok && cls&lexicon.Places != 0 {
		place = true
	}
	switch {
	case us[k].has(uParenOpen) && st.dateOrAgency(k):
		// "Lisbon (Reuters)": the agency makes it a dateline.
	case !place:
		return
	case us[e-1].has(uComma) && st.isCalendar(k) && k+1 < len(us) && us[k+1].has(uDigit) && st.dashBefore(k+2):
		// "Quito, May 2 —"
		k += 2
	case st.dashBefore(k) && !us[e-1].has(uComma|uPoss):
	default:
		return
	}
	st.datelinePlace(ls, e)
	st.markDateline(ls, k)
}

// dashBefore reports whether a dash (em, en, or a hyphen standing alone)
// comes between unit k-1 and unit k, or cut from the end of unit k-1.
func (st *state) dashBefore(k int) bool {
	if k <= 0 || k >= len(st.us) {
		return false
	}
	j := k - 1
	for j > 0 && st.us[j].start == st.us[j].end {
		j--
	}
	gap := st.text[st.us[j].end:st.us[k].start]
	return strings.Contains(gap, "—") || strings.Contains(gap, "–") || strings.Contains(gap, " - ") || strings.HasSuffix(gap, "- ") && !strings.Contains(gap, "\n")
}

// dashPlace reports whether the all-caps units [a, b) before a dash are a
// place rather than a kicker such as "BREAKING —" or "EXCLUSIVE —": a place
// the lexicon knows, or a word that is not common English.
func (st *state) dashPlace(a, b int) bool {
	ph := st.phrase(a, b)
	if cls, ok := st.c.lex.FoldClassOf(ph); ok && cls&lexicon.Places != 0 {
		return true
	}
	for x := a; x < b; x++ {
		if st.commonUnit(x) || st.c.w.function.hasFold(st.core(x)) {
			return false
		}
	}
	return true
}

// skipPunct returns the first unit from k on that is not bare punctuation
// (CoNLL-style text writes "LONDON , England" with the comma apart).
func (st *state) skipPunct(k, ls int) int {
	for k < len(st.us) && st.us[k].start == st.us[k].end && (k == ls || !st.us[k].has(uLineStart)) {
		k++
	}
	return k
}

// dateOrAgency reports whether unit k opens the date or agency of a
// dateline: "1996-08-30", "March 8", "Aug. 30", "(Reuters)".
func (st *state) dateOrAgency(k int) bool {
	u := &st.us[k]
	c := st.core(k)
	switch {
	case u.has(uDigit):
		return len(c) >= 8 && c[0] >= '0' && c[0] <= '9' && (c[4] == '-' || c[2] == '/' || c[2] == '-')
	case u.has(uParenOpen):
		cls, ok := st.c.lex.FoldClassOf(c)
		return ok && cls&lexicon.Outlet != 0
	}
	if cls, ok := st.unitLex(k); ok && cls&lexicon.Calendar != 0 || st.c.w.calendar.has(c) {
		return k+1 < len(st.us) && st.us[k+1].has(uDigit)
	}
	return false
}

// datelinePlace adds the units [a, b) of a dateline as a location.
func (st *state) datelinePlace(a, b int) {
	ph := st.phrase(a, b)
	c := st.newCand(a, b, dossier.GPE)
	c.key = titleCase(ph)
	if e, ok := st.c.lex.LookupFold(ph); ok && e.Class&lexicon.Places != 0 && e.Name != "" {
		c.key = e.Name
	} else if e, ok := st.c.lex.Lookup(ph); ok && e.Class&lexicon.Places != 0 && e.Name != "" {
		c.key = e.Name
	} else if s, ok := st.c.lex.StateAbbrev(ph); ok {
		c.key = s
	} else if s, ok := st.c.lex.StateAbbrev(ph + "."); ok {
		c.key = s // "Mich ." with the period apart
	}
	if c.key != ph {
		c.kind = dossier.MentionAlias
	}
	c.weak, c.dateline = true, true
	st.cands = append(st.cands, c)
}

// isCommonCap reports whether the capitalised unit i is a common English word
// when lower-cased (and not a name the lexicon knows).
func (st *state) isCommonCap(i int) bool {
	if m := st.memo[i]; m&memoCCKnown != 0 {
		return m&memoCC != 0
	}
	cc := st.commonCap(i)
	st.memo[i] |= memoCCKnown
	if cc {
		st.memo[i] |= memoCC
	}
	return cc
}

func (st *state) commonCap(i int) bool {
	w := st.core(i)
	if cls, ok := st.unitLex(i); ok && cls&(nameClasses|lexicon.GivenName|lexicon.Surname) != 0 {
		return false
	}
	return st.c.w.function.hasFold(w) || st.commonUnit(i)
}

// commonUnit reports whether unit i's text is a common English word:
// st.common(st.core(i)), looked up once.
func (st *state) commonUnit(i int) bool {
	return st.memoBit(i, memoComKnown, memoCom, func(i int) bool { return st.common(st.core(i)) })
}

// common reports whether w, in any case, is a common English word.
func (st *state) common(w string) bool {
	cls, ok := st.c.lex.FoldClassOf(w)
	return ok && cls&lexicon.Common != 0
}

// sentences numbers the sentences of the units: a unit starts a sentence when
// the tokenizer says so or when the previous unit ends one.
func (st *state) sentences() {
	st.sent = grow(st.sc.sent, len(st.us))
	n := int32(0)
	for i := range st.us {
		if i > 0 && st.us[i].has(uSentStart) {
			n++
		}
		st.sent[i] = n
	}
}

// startable reports whether unit i can begin a name.
func (st *state) startable(i int) bool {
	u := &st.us[i]
	if u.end == u.start || !u.has(uCap|uInitial) || u.has(uCapsLine|uDateline) {
		return false
	}
	if u.end-u.start == 1 && st.text[u.start] == 'I' {
		return false // the pronoun
	}
	if u.has(uParenOpen) && u.has(uHyphen) {
		if _, _, ok := partyRegion(st.core(i)); ok {
			return false // "(D-N.Y.)" belongs to the name before it
		}
	}
	return true
}

// extendRun returns the end of the run of name-like units starting at i.
func (st *state) extendRun(i int) int {
	us := st.us
	w := st.c.w
	j := i + 1
	for j < len(us) {
		prev := &us[j-1]
		if prev.has(uPunctAfter) {
			break
		}
		nx := &us[j]
		if nx.has(uLineStart|uSentStart|uQuoteOpen|uPunctBefore|uCapsLine|uDateline) || nx.end == nx.start {
			break
		}
		if (nx.has(uCap) || nx.has(uInitial)) && !st.isCalendar(j) {
			j++
			continue
		}
		// A connector between two capitalised words.
		if j+1 < len(us) && !nx.has(uPunctAfter) {
			after := &us[j+1]
			if (after.has(uCap) || after.has(uInitial)) && !after.has(uLineStart|uSentStart|uQuoteOpen|uPunctBefore|uCapsLine) {
				c := st.core(j)
				pc := st.core(j - 1)
				switch {
				case c == "&":
					j += 2
					continue
				case (c == "of" || c == "for") && (w.orgHead.has(pc) || st.isTitleHead(j-1) || w.orgHead.has(st.core(i))):
					j += 2
					continue
				case c != "of" && w.connector.has(c):
					j += 2
					continue
				}
			}
			// Two connectors: "Universidad de la Frontera", "Rembrandt van der Meer".
			if j+2 < len(us) && w.connector.has(st.core(j)) && !us[j+1].has(uPunctAfter|uCap) &&
				w.connector2.has(st.core(j+1)) {
				after := &us[j+2]
				if after.has(uCap) && !after.has(uLineStart|uSentStart|uQuoteOpen|uPunctBefore|uCapsLine) {
					j += 3
					continue
				}
			}
		}
		break
	}
	return j
}

// isTitleHead reports whether unit i is the head word of a role. The answer
// depends on the unit alone, and is memoized.
func (st *state) isTitleHead(i int) bool {
	return st.memoBit(i, memoTHKnown, memoTH, st.titleHead)
}

func (st *state) titleHead(i int) bool {
	c := st.core(i)
	if st.c.w.honorific.has(c) {
		return true
	}
	if st.us[i].has(uCap) {
		// "Dean Jones": a capitalised given name that the lexicon does not
		// also list as a role ("President") is the name, not the role.
		if cls, ok := st.unitLex(i); ok && cls&lexicon.GivenName != 0 && cls&(lexicon.TitleWord|lexicon.Honorific) == 0 {
			return false
		}
	}
	if st.c.w.titleHead.hasFold(c) {
		return true
	}
	if cls, ok := st.unitLex(i); ok && cls&(lexicon.TitleWord|lexicon.Honorific) != 0 && cls&(lexicon.GivenName|lexicon.Surname) == 0 {
		return true
	}
	if _, ok := st.c.w.plural.get(c); ok {
		return true
	}
	return false
}

func (st *state) isTitleMod(i int) bool {
	c := st.core(i)
	if st.c.w.titleMod.hasFold(c) {
		return true
	}
	cls, ok := st.unitLex(i)
	return ok && cls&lexicon.TitleModifier != 0
}

// isPartyWord reports whether unit i names a political party ("Democrat").
func (st *state) isPartyWord(i int) bool {
	_, ok := st.c.w.party.get(st.core(i))
	return ok
}

// isCalendar reports whether unit i is a weekday or month name.
func (st *state) isCalendar(i int) bool {
	c := st.core(i)
	cls, ok := st.unitLex(i)
	if len(c) == 3 && c != "May" && ok && cls&lexicon.GivenName != 0 && (i+1 >= len(st.us) || !st.us[i+1].has(uDigit)) {
		return false // "Jan van Dijk", not "Jan 5"
	}
	if st.c.w.calendar.has(c) {
		return true
	}
	if !ok || cls&lexicon.Calendar == 0 {
		return false
	}
	if cls&(nameClasses|lexicon.GivenName) == 0 {
		return true
	}
	// "May" is also a name: a month before a number or after a preposition.
	if i+1 < len(st.us) && st.us[i+1].has(uDigit) {
		return true
	}
	return i > 0 && st.us[i-1].has(uLower) && st.c.w.function.has(st.core(i-1))
}

// scanRuns finds runs of capitalised units outside caps lines and turns them
// into candidates.
func (st *state) scanRuns() {
	for i := 0; i < len(st.us); {
		if !st.startable(i) {
			i++
			continue
		}
		j := st.extendRun(i)
		if n := st.longName(i, j); n > 0 {
			st.emitLexicon(i, i+n, false)
			i += n
			continue
		}
		st.processRun(i, j)
		i = j
	}
}

// longName returns the length of a lexicon name that starts at unit i and
// runs on past the run [i, j) over lower-case words: "The Globe and Mail",
// "Stars and Stripes", "Trinidad and Tobago". It returns 0 when there is none.
func (st *state) longName(i, j int) int {
	if j >= len(st.us) || st.us[j-1].has(uPunctAfter) || !st.us[j].has(uLower) {
		return 0
	}
	switch st.core(j) {
	case "and", "the", "of", "for", "on", "in", "de", "at":
	default:
		return 0
	}
	for n := min(st.c.lex.MaxWords(), len(st.us)-i); n > j-i; n-- {
		if st.us[i+n-1].has(uLower) {
			continue
		}
		stop := false
		for x := j; x < i+n-1; x++ {
			if st.us[x].has(uPunctAfter | uLineStart) {
				stop = true
				break
			}
		}
		if stop || st.us[i+n-1].has(uLineStart) {
			continue
		}
		if st.isName(i, i+n) {
			return n
		}
	}
	return 0
}

// lookupName returns the lexicon entry of a phrase if it names an entity.
func (st *state) lookupName(p string, fold bool) (lexicon.Entry, bool) {
	var e lexicon.Entry
	var ok bool
	if fold {
		e, ok = st.c.lex.LookupFold(p)
	} else {
		e, ok = st.c.lex.Lookup(p)
	}
	if !ok || e.Class&nameClasses == 0 {
		return e, false
	}
	return e, true
}

// personLike reports whether the units [a, b) could be a person's name: no
// organisation head word, no lexicon place as a whole.
func (st *state) personLike(a, b int) bool {
	if a >= b {
		return false
	}
	if st.c.w.orgHead.has(st.core(b - 1)) {
		return false
	}
	if st.isName(a, b) {
		return false
	}
	for i := a; i < b; i++ {
		if st.us[i].has(uAllCaps) && !st.us[i].has(uInitial) && b-a == 1 {
			return false
		}
	}
	return true
}

// processRun splits one run of capitalised units into a title, names from
// the lexicon, and unknown names.
func (st *state) processRun(i, j int) {
	// A role before a name: "Finance Minister Ana Ruiz", "Mr. Smith".
	k := -1
	for x := i; x < j-1; x++ {
		if st.isTitleHead(x) {
			k = x
		}
	}
	if k >= 0 && k+2 < j && st.core(k+1) == "of" {
		// "Secretary of State Marco Rubio": the title takes "of State".
		if k+3 < j {
			k += 2
		} else {
			k = -1
		}
	}
	if k >= 0 && st.personLike(k+1, j) {
		if !st.isName(i, j) {
			st.titleQualifiers(i, k+1)
			c := st.newCand(k+1, j, dossier.Person)
			c.person = true
			if !st.c.w.honorific.has(st.core(k)) {
				c.title = st.titleText(i, k+1)
			}
			st.cands = append(st.cands, c)
			return
		}
	}
	// A role written before the run: "U.N. special envoy Paul Lane".
	if i > 0 && !st.us[i-1].has(uPunctAfter) && !st.us[i].has(uSentStart|uLineStart|uQuoteOpen|uPunctBefore) &&
		st.us[i-1].has(uLower) && st.isTitleHead(i-1) && st.personLike(i, j) {
		if !st.isName(i, j) {
			c := st.newCand(i, j, dossier.Person)
			c.person = true
			c.title = st.titleText(i-1, i)
			st.cands = append(st.cands, c)
			return
		}
	}
	// Sentence-initial words that are not names: "The", "Asked", "Rising";
	// common words right after them stay outside too ("Do Nothing ...").
	a := i
	for a < j && st.dropAtStart(a, j) {
		a++
		// ... but not the first word of a known name: "The United States".
		for a < j-1 && st.isCommonCap(a) && st.matchAt(a, j, false) == 0 {
			a++
		}
	}
	if a < j && st.isCalendar(a) {
		a++
	}
	// A party label before a name: "Democrat Jane Doe" (read back by personAttributes).
	if a+1 < j && st.isPartyWord(a) {
		a++
	}
	for a < j && !st.us[a].has(uCap|uInitial) {
		a++ // a connector left at the front
	}
	if a < j {
		st.segment(a, j)
	}
}

// dropAtStart reports whether unit a, at the front of the run [a, j), is a
// capitalised common word rather than part of a name.
func (st *state) dropAtStart(a, j int) bool {
	u := &st.us[a]
	c := st.core(a)
	atStart := u.has(uSentStart|uQuoteOpen|uLineStart) || a > 0 && st.us[a-1].has(uColon)
	if atStart && !u.has(uAllCaps) && st.c.w.function.hasFold(c) {
		return true
	}
	// A lexicon name starting here keeps the unit.
	for n := min(st.c.lex.MaxWords(), j-a); n >= 1; n-- {
		if st.isName(a, a+n) || st.seatAt(a, a+n) {
			return false
		}
	}
	if c == "The" || c == "A" || c == "An" {
		return true
	}
	if !atStart {
		return false
	}
	if cls, ok := st.unitLex(a); ok && cls&(lexicon.GivenName|lexicon.Surname) != 0 && j-a >= 2 {
		return false
	}
	l := c
	if st.c.w.function.hasFold(l) || st.c.w.sentCommon.has(c) || st.c.w.pronounM.has(c) || st.c.w.pronounF.has(c) {
		return true
	}
	if u.has(uAllCaps) {
		return false
	}
	if (st.commonUnit(a) || len(l) > 3 && l[len(l)-1] == 's' && st.common(l[:len(l)-1])) && !st.seenCapitalised(a) {
		return true
	}
	// Participles and adverbs open sentences: "Asked if...", "Speaking to...".
	if j-a == 1 && !u.has(uAllCaps) && (strings.HasSuffix(l, "ing") || strings.HasSuffix(l, "ed") || strings.HasSuffix(l, "ly")) && !st.seenCapitalised(a) {
		return true
	}
	return false
}

// seenCapitalised reports whether the word of unit a appears capitalised
// elsewhere in the text, away from a sentence start.
func (st *state) seenCapitalised(a int) bool {
	if st.capSeen == nil {
		st.capSeen = st.sc.capSeen
		for i := range st.us {
			u := &st.us[i]
			if u.has(uSentStart|uQuoteOpen|uLineStart|uCapsLine) || !u.has(uCap) {
				continue
			}
			st.capSeen[st.core(i)] = struct{}{}
		}
	}
	_, ok := st.capSeen[st.core(a)]
	return ok
}

// titleQualifiers emits the lexicon places and organisations inside a title
// ("U.S. President", "Senate Minority Leader") as mentions.
func (st *state) titleQualifiers(a, b int) {
	for p := a; p < b; {
		n := st.matchAt(p, b, false)
		if n > 0 {
			st.emitLexicon(p, p+n, false)
			p += n
			continue
		}
		p++
	}
}

// titleText returns the role written before a name, from units [a, b) and
// the modifiers in front of them.
func (st *state) titleText(a, b int) string {
	w := st.c.w
	// Extend to the left over lower-case modifiers and capitalised qualifiers.
	for a > 0 {
		p := a - 1
		u := &st.us[p]
		if u.has(uPunctAfter) || st.us[a].has(uLineStart|uSentStart|uQuoteOpen|uPunctBefore) {
			break
		}
		c := st.core(p)
		if w.titleStop.hasFold(c) || w.determiners.has(c) {
			break
		}
		if _, ok := w.party.get(c); ok {
			break
		}
		if st.isTitleMod(p) || st.isTitleHead(p) || u.has(uCap) && !u.has(uSentStart|uQuoteOpen) || u.has(uCap) && st.isCountryish(p) {
			a = p
			continue
		}
		break
	}
	// Drop a leading party word or a sentence-initial common word.
	for a < b {
		c := st.core(a)
		if _, ok := w.party.get(c); ok {
			a++
			continue
		}
		if w.titleStop.hasFold(c) || w.determiners.has(c) {
			a++
			continue
		}
		break
	}
	if a >= b {
		return ""
	}
	t := st.phrase(a, b)
	last := st.core(b - 1)
	if s, ok := w.plural.get(last); ok {
		t = st.text[st.us[a].start:st.us[b-1].start] + s
	}
	return t
}

// isCountryish reports whether unit p is a country, its abbreviation or a demonym.
func (st *state) isCountryish(p int) bool {
	cls, ok := st.unitLex(p)
	return ok && cls&(lexicon.Country|lexicon.Demonym) != 0
}

// matchAt returns the length in units of the longest lexicon name starting at
// unit p and ending by b, or 0.
func (st *state) matchAt(p, b int, fold bool) int {
	for n := min(st.c.lex.MaxWords(), b-p); n >= 1; n-- {
		if !fold {
			if st.isName(p, p+n) || st.seatAt(p, p+n) {
				return n
			}
			continue
		}
		if _, ok := st.lookupName(st.phrase(p, p+n), fold); ok {
			return n
		}
	}
	return 0
}

// emitLexicon adds the lexicon name at units [p, q) as a candidate.
func (st *state) emitLexicon(p, q int, fold bool) {
	ph := st.phrase(p, q)
	if country, ok := st.c.w.seatOf(ph); ok && !fold {
		c := st.newCand(p, q, dossier.Org)
		c.country = country
		c.kind = dossier.MentionCapital
		st.cands = append(st.cands, c)
		return
	}
	e, ok := st.lookupName(ph, fold)
	if !ok {
		return
	}
	c := st.newCand(p, q, "")
	if e.Name != "" {
		c.key = e.Name
	}
	switch {
	case e.Has(lexicon.Outlet):
		c.typ = dossier.Outlet
	case e.Has(lexicon.Org):
		c.typ = dossier.Org
	case e.Has(lexicon.Country):
		c.typ = dossier.GPE
	case e.Has(lexicon.Demonym):
		c.typ = dossier.NORP
		c.kind = dossier.MentionDemonym
		c.country = e.Country
		c.key = ph
		if fold {
			c.key = titleCase(ph)
		}
	case e.Class&(lexicon.Region|lexicon.City|lexicon.Capital) != 0:
		c.typ = dossier.GPE
		if e.Has(lexicon.Capital) {
			c.country = e.Country
		}
	case e.Has(lexicon.Area):
		c.typ = dossier.Loc
	}
	if c.kind == dossier.MentionName && c.key != ph && e.Name != "" {
		c.kind = dossier.MentionAlias
	}
	c.weak = fold
	st.cands = append(st.cands, c)
}

func titleCase(s string) string {
	b := []byte(strings.ToLower(s))
	up := true
	for i, c := range b {
		if up && c >= 'a' && c <= 'z' {
			b[i] = c - 32
		}
		up = c == ' ' || c == '-'
	}
	return string(b)
}

func (st *state) newCand(p, q int, typ dossier.EntityType) cand {
	sp := textpos.Span{Start: int(st.us[p].start), End: int(st.us[q-1].end)}
	return cand{u0: int32(p), u1: int32(q), span: sp, typ: typ, kind: dossier.MentionName,
		key: st.text[sp.Start:sp.End], ent: -1}
}

// segment splits the units [a, b) into lexicon names and unknown names.
func (st *state) segment(a, b int) {
	w := st.c.w
	if b-a >= 2 {
		if !st.isName(a, b) {
			// An organisation by its head word: "Federal Reserve Bank",
			// "University of Texas", "Banco do Brasil".
			hasOf, conn := false, false
			for x := a + 1; x < b-1; x++ {
				if st.core(x) == "of" || st.core(x) == "for" {
					hasOf = true
				}
				if st.us[x].has(uLower) && w.connector.has(st.core(x)) {
					conn = true
				}
			}
			if w.orgHead.has(st.core(b-1)) || (hasOf || conn) && w.orgHead.has(st.core(a)) {
				st.cands = append(st.cands, st.newCand(a, b, dossier.Org))
				return
			}
			if conn {
				// A name joined by a lower-case particle is one name, whatever
				// places it holds: "Charles de Gaulle", "La Voz del Norte".
				st.unknown(a, b)
				return
			}
		}
	}
	// Events and places by their head word: "World Cup", "Tiananmen Square".
	if b-a >= 2 {
		last := st.core(b - 1)
		if !st.isName(a, b) {
			switch {
			case w.eventHead.has(last):
				st.cands = append(st.cands, st.newCand(a, b, dossier.Other))
				return
			case w.placeHead.has(last):
				st.cands = append(st.cands, st.newCand(a, b, dossier.Loc))
				return
			}
		}
	}
	type match struct{ p, n int }
	var ms [8]match
	nm := 0
	for p := a; p < b && nm < len(ms); {
		n := st.matchAt(p, b, false)
		if n > 0 && p > a && n == 1 {
			// "Michael Jordan": a place that is also a name does not split a person.
			if ec, ok := st.unitLex(p); ok && ec&(lexicon.GivenName|lexicon.Surname) != 0 {
				if gc, ok := st.unitLex(p - 1); ok && gc&lexicon.GivenName != 0 || st.us[p-1].has(uInitial) {
					n = 0
				}
			}
		}
		if n == 0 {
			p++
			continue
		}
		ms[nm] = match{p, n}
		nm++
		p += n
	}
	if nm > 0 && st.placeWithName(a, b, ms[0].p, ms[0].n) {
		// "Real Madrid", "Iran Air", "Chicago Bulls": a place inside a longer name.
		st.cands = append(st.cands, st.newCand(a, b, dossier.Org))
		return
	}
	piece := a
	for _, m := range ms[:nm] {
		st.unknown(piece, m.p)
		st.emitLexicon(m.p, m.p+m.n, false)
		piece = m.p + m.n
	}
	st.unknown(piece, b)
}

// placeWithName reports whether the run [a, b) is a place (at [p, p+n)) and
// other capitalised words that are neither names nor roles: the name of a
// team, company or body ("Real Madrid", "Iran Air").
func (st *state) placeWithName(a, b, p, n int) bool {
	if b-a < 2 || n == b-a {
		return false
	}
	cls, _ := st.c.lex.ClassOf(st.phrase(p, p+n))
	if cls&(lexicon.Country|lexicon.Region|lexicon.City|lexicon.Capital) == 0 || cls&lexicon.Demonym != 0 {
		return false
	}
	for x := a; x < b; x++ {
		if x >= p && x < p+n {
			continue
		}
		u := &st.us[x]
		if !u.has(uCap) || u.has(uInitial) || st.isTitleHead(x) || st.isTitleMod(x) {
			return false
		}
		if cls, ok := st.unitLex(x); ok && cls&nameClasses != 0 {
			return false
		}
		if ec, ok := st.unitLex(x); ok && ec&lexicon.GivenName != 0 && x == a {
			return false
		}
		c := st.core(x)
		if c == "North" || c == "South" || c == "East" || c == "West" || c == "Northern" ||
			c == "Southern" || c == "Eastern" || c == "Western" || c == "Central" || c == "Greater" {
			return false
		}
	}
	return true
}

// unknown adds the units [a, b), which the lexicon does not know as a whole,
// as an undecided candidate. A single hyphenated unit whose parts are names
// ("Russia-Iran") gives one candidate per part.
func (st *state) unknown(a, b int) {
	for a < b && !st.us[a].has(uCap|uInitial) {
		a++
	}
	for b > a && !st.us[b-1].has(uCap|uInitial) {
		b--
	}
	if a >= b {
		return
	}
	if b-a == 1 && st.us[a].has(uHyphen) && st.splitHyphen(a, false) {
		return
	}
	if b-a == 1 && st.us[a].has(uInitial) {
		return // a lone letter
	}
	c := st.newCand(a, b, "")
	if ec, ok := st.unitLex(a); ok && ec&lexicon.GivenName != 0 && b-a >= 2 {
		c.person = true
	}
	if a > 0 && st.c.w.honorific.has(st.core(a-1)) {
		c.person = true
	}
	st.cands = append(st.cands, c)
}

// splitHyphen emits the parts of a hyphenated unit that the lexicon knows:
// "Russia-Iran" gives Russia and Iran, "Russian-backed" gives Russian. It
// reports whether it emitted anything.
func (st *state) splitHyphen(i int, fold bool) bool {
	u := st.us[i]
	s := st.text[u.start:u.end]
	type part struct{ s, e int }
	var parts [8]part
	n := 0
	start := 0
	for x := 0; x <= len(s) && n < len(parts); x++ {
		if x == len(s) || s[x] == '-' {
			if x > start {
				parts[n] = part{start, x}
				n++
			}
			start = x + 1
		}
	}
	if n < 2 {
		return false
	}
	emitted := false
	for k := 0; k < n; k++ {
		p := s[parts[k].s:parts[k].e]
		if p[0] < 'A' || p[0] > 'Z' {
			continue
		}
		e, ok := st.lookupName(p, fold)
		if !ok {
			if k == 0 {
				return false
			}
			continue
		}
		sp := textpos.Span{Start: int(u.start) + parts[k].s, End: int(u.start) + parts[k].e}
		c := cand{u0: int32(i), u1: int32(i + 1), span: sp, kind: dossier.MentionName, key: p, ent: -1, weak: fold}
		if e.Name != "" {
			c.key = e.Name
		}
		switch {
		case e.Has(lexicon.Outlet):
			c.typ = dossier.Outlet
		case e.Has(lexicon.Org):
			c.typ = dossier.Org
		case e.Has(lexicon.Demonym) && !e.Has(lexicon.Country):
			c.typ, c.kind, c.country, c.key = dossier.NORP, dossier.MentionDemonym, e.Country, p
			if fold {
				c.key = titleCase(p)
			}
		case e.Has(lexicon.Area):
			c.typ = dossier.Loc
		default:
			c.typ = dossier.GPE
		}
		if c.kind == dossier.MentionName && e.Name != "" && c.key != p {
			c.kind = dossier.MentionAlias
		}
		st.cands = append(st.cands, c)
		emitted = true
	}
	return emitted
}
