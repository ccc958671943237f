package ner

import (
	"cmp"
	"slices"
	"strings"

	"dossier"
	"dossier/lexicon"
	"dossier/nlp"
)

// typeUnknowns decides the type of candidates the lexicon did not know, first
// the longer ones, then single words (which may be surnames of people named
// in full elsewhere in the article).
func (st *state) typeUnknowns() {
	for i := range st.cands {
		c := &st.cands[i]
		if c.typ != "" {
			continue
		}
		if t := st.headCue(int(c.u0)); t != "" {
			c.typ, c.person = t, false
			continue
		}
		if c.u1-c.u0 >= 2 {
			c.typ = st.classifyMulti(c)
		}
	}
	surname, known := st.nameMaps()
	memo := st.sc.single
	for i := range st.cands {
		c := &st.cands[i]
		if c.typ != "" {
			continue
		}
		text := st.text[c.span.Start:c.span.End]
		if k, ok := known[text]; ok {
			o := &st.cands[k]
			c.typ, c.key, c.country = o.typ, o.key, o.country
			if c.key != text && c.typ == dossier.Person {
				c.kind = dossier.MentionAlias
			}
			continue
		}
		if k, ok := surname[text]; ok {
			c.typ, c.key, c.kind = dossier.Person, st.cands[k].key, dossier.MentionAlias
			continue
		}
		if t, ok := memo[text]; ok && c.u1-c.u0 == 1 {
			c.typ = t
			continue
		}
		c.typ = st.classifySingle(c)
		if c.u1-c.u0 == 1 && c.typ != dossier.NORP {
			memo[text] = c.typ
		}
	}
}

// orgAliases finds the shortened later references to an organisation named
// in full in the article: "Sierra Roja Mining ... Sierra Roja shares",
// "Velar Semiconductor ... Velar said". A shortening is a leading part of the
// full name made of its capitalised words. It may have been read as a person
// or split around a place ("Sierra" + "Roja"): the candidates that make it up
// become one alias mention of the organisation. A single word that the
// lexicon knows as a name or that is common English is not taken as a
// shortening, nor is a known place or a person introduced by a title.
func (st *state) orgAliases() {
	var prefix map[string]int
	for i := range st.cands {
		c := &st.cands[i]
		n := int(c.u1 - c.u0)
		if c.typ != dossier.Org || c.kind != dossier.MentionName || c.weak || n < 2 || n > 6 {
			continue
		}
		for m := 1; m < n; m++ {
			x := int(c.u0) + m - 1
			if !st.us[x].has(uCap) || st.us[x].has(uPunctAfter) && m < n-1 {
				break
			}
			ph := st.phrase(int(c.u0), x+1)
			if m == 1 {
				if cls, ok := st.unitLex(x); ok && cls&(nameClasses|lexicon.Calendar) != 0 {
					continue
				}
				if st.commonUnit(x) || st.c.w.function.hasFold(ph) || st.us[x].has(uAllCaps) && len(ph) <= 2 {
					continue
				}
			}
			if prefix == nil {
				prefix = map[string]int{}
			}
			if _, ok := prefix[ph]; !ok {
				prefix[ph] = i
			}
		}
	}
	if prefix == nil {
		return
	}
	order := make([]int, 0, len(st.cands))
	for i := range st.cands {
		if st.cands[i].typ != "" && !st.cands[i].span.Empty() {
			order = append(order, i)
		}
	}
	slices.SortFunc(order, func(x, y int) int { return cmp.Compare(st.cands[x].u0, st.cands[y].u0) })
	for k := 0; k < len(order); k++ {
		first := &st.cands[order[k]]
		if first.weak || first.dateline || first.kind == dossier.MentionDemonym {
			continue
		}
		// The longest chain of adjacent candidates that is a shortening.
		best, bestOrg := -1, -1
		for e := k; e < len(order) && e < k+4; e++ {
			c := &st.cands[order[e]]
			if e > k && (c.u0 != st.cands[order[e-1]].u1 || st.us[c.u0-1].has(uPunctAfter)) {
				break
			}
			if c.title != "" || c.u0 > 0 && st.c.w.honorific.has(st.core(int(c.u0)-1)) {
				break
			}
			o, ok := prefix[st.phrase(int(first.u0), int(c.u1))]
			if !ok || o == order[e] {
				continue
			}
			if e == k {
				// One candidate: not a place or body the lexicon knows.
				if st.isName(int(c.u0), int(c.u1)) {
					continue
				}
			}
			best, bestOrg = e, o
		}
		if best < 0 {
			continue
		}
		org := &st.cands[bestOrg]
		last := &st.cands[order[best]]
		first.u1, first.span.End = last.u1, last.span.End
		first.typ, first.key, first.kind, first.country, first.person = dossier.Org, org.key, dossier.MentionAlias, "", false
		for e := k + 1; e <= best; e++ {
			st.cands[order[e]].typ = ""
			st.cands[order[e]].span.End = st.cands[order[e]].span.Start
		}
		k = best
	}
}

// headCue returns the type a common noun written right before a name gives
// it: "the newspaper X" an outlet, "the company X" or "the club X" an
// organisation, "the town of X" a place. It returns "" without such a noun.
func (st *state) headCue(a int) dossier.EntityType {
	w := st.c.w
	if a < 2 || st.us[a-1].has(uPunctAfter) || !st.us[a-1].has(uLower) || st.us[a].has(uSentStart|uQuoteOpen|uPunctBefore) {
		return ""
	}
	p := st.core(a - 1)
	p2 := ""
	if !st.us[a-2].has(uPunctAfter) {
		p2 = lower(st.core(a - 2))
	}
	switch {
	case w.outletBefore.has(p):
		return dossier.Outlet
	case p == "agency" && p2 == "news", p == "site" && p2 == "news", p == "station" && (p2 == "radio" || p2 == "television" || p2 == "tv"):
		return dossier.Outlet
	case p == "of" && w.placeOf.has(p2):
		return dossier.GPE
	case w.orgBefore.has(p) && (w.determiners.has(p2) || st.us[a-2].has(uCap) || w.titleMod.has(p2) || st.common(p2)):
		return dossier.Org
	}
	return ""
}

// nameMaps returns the people's surnames and first names (mapped to their
// full-name candidate) and the typed names of the article.
func (st *state) nameMaps() (surname, known map[string]int) {
	surname, known = st.sc.surname, st.sc.known
	for i := range st.cands {
		c := &st.cands[i]
		if c.typ == "" {
			continue
		}
		text := st.text[c.span.Start:c.span.End]
		if _, ok := known[text]; !ok {
			known[text] = i
		}
		if c.typ == dossier.Person && c.u1-c.u0 >= 2 && c.kind == dossier.MentionName {
			last := st.core(int(c.u1 - 1))
			if _, ok := surname[last]; !ok {
				surname[last] = i
			}
		}
	}
	return surname, known
}

// classifyMulti types an unknown name of two words or more. A name that opens
// with a given name is a person; otherwise a capitalised common word, an
// ampersand or a third word makes a body more likely than a person ("Red
// Star", "Harlow & Finch", "Kurdistan Democratic Party"), and a two-word name
// ending in a surname or of unknown words is a person.
func (st *state) classifyMulti(c *cand) dossier.EntityType {
	w := st.c.w
	a, b := int(c.u0), int(c.u1)
	if c.person {
		return dossier.Person
	}
	caps := 0
	for x := a; x < b; x++ {
		u := &st.us[x]
		core := st.core(x)
		if w.orgHead.has(core) || core == "&" {
			return dossier.Org
		}
		if u.has(uDigit) {
			return dossier.Other
		}
		if u.has(uAllCaps) && !u.has(uInitial) {
			caps++
		}
	}
	if caps > 0 && caps < b-a {
		return dossier.Org
	}
	given := false
	if ec, ok := st.unitLex(a); ok && ec&lexicon.GivenName != 0 {
		given = true
	}
	if given && b-a <= 3 || st.us[a].has(uInitial) {
		return dossier.Person
	}
	// Common words that are not names make a name of a thing or a body:
	// "Red Star", "Golden Gate" (but "Tiger Woods", "Dean Jones").
	for x := a; x < b; x++ {
		if !st.us[x].has(uCap) || !st.commonUnit(x) {
			continue
		}
		if ec, ok := st.unitLex(x); ok && ec&(lexicon.GivenName|lexicon.Surname) != 0 {
			continue
		}
		return dossier.Org
	}
	if ec, ok := st.unitLex(b - 1); ok && ec&lexicon.Surname != 0 {
		return dossier.Person
	}
	if given || b-a == 2 {
		return dossier.Person
	}
	return dossier.Org
}

// classifySingle types an unknown single capitalised word by its shape and
// by the neighbours of all its occurrences in the article. It returns "" for
// a capitalised common word that nothing marks as a name ("Women's singles",
// "Scoreboard of the match"): such a word is dropped.
func (st *state) classifySingle(c *cand) dossier.EntityType {
	a := int(c.u0)
	u := &st.us[a]
	text := st.core(a)
	if st.c.w.misc.has(text) {
		return dossier.Other
	}
	// A plural of a nationality: "Serbs", "Chechens".
	if len(text) > 3 && text[len(text)-1] == 's' {
		if e, ok := st.c.lex.Lookup(text[:len(text)-1]); ok && e.Has(lexicon.Demonym) {
			c.kind, c.country = dossier.MentionDemonym, e.Country
			return dossier.NORP
		}
	}
	var per, loc, org int
	for i := range st.cands {
		o := &st.cands[i]
		if o.u1-o.u0 != 1 || o.weak || st.core(int(o.u0)) != text {
			continue
		}
		p, l, g := st.contextVotes(int(o.u0))
		per, loc, org = per+p, loc+l, org+g
		// "Brent crude", "Nikkei futures": a benchmark or product, not a person.
		if b := int(o.u1); b < len(st.us) && !st.us[b-1].has(uPunctAfter) && st.c.w.productAfter.has(st.core(b)) {
			return dossier.Other
		}
	}
	cls, known := st.unitLex(a)
	name := known && cls&(lexicon.GivenName|lexicon.Surname) != 0
	if per == 0 && loc == 0 && org == 0 && !name && st.commonUnit(a) {
		return ""
	}
	if u.has(uAllCaps) && u.end-u.start <= 6 && per+loc+org == 0 {
		return dossier.Org
	}
	switch {
	case per > loc && per > org:
		return dossier.Person
	case loc > per && loc > org:
		return dossier.GPE
	case org > 0 && org >= per && org >= loc:
		return dossier.Org
	}
	if name {
		return dossier.Person
	}
	return dossier.Org
}

// contextVotes reads the words around a single-word name at unit a for
// evidence that it is a person, a place or an organisation. A cue that
// names the kind of thing ("the town of X", "X province", "club X", "X
// shares") weighs more than one a person and a body share ("X said").
func (st *state) contextVotes(a int) (per, loc, org int) {
	w := st.c.w
	if a+1 < len(st.us) && !st.us[a].has(uPunctAfter) {
		n := st.core(a + 1)
		switch {
		case w.personVerb.has(n):
			per++
		case w.orgAfter.has(n):
			org += 2
		case w.placeAfter.has(n):
			loc += 2
		}
	}
	if a > 0 && !st.us[a-1].has(uPunctAfter) {
		p := st.core(a - 1)
		p2 := ""
		if a > 1 && !st.us[a-2].has(uPunctAfter) {
			p2 = st.core(a - 2)
		}
		switch {
		case p == "of" && w.placeOf.has(p2):
			loc += 3
		case (p == "of" || p == "in") && w.orgOf.has(p2):
			org += 2
		case w.orgBefore.has(p):
			org += 2
		case w.locPrep.has(p) || p == "from" || p == "to":
			loc++
		case w.honorific.has(p) || st.isTitleHead(a-1):
			per++
		}
	}
	if st.us[a].has(uPoss) {
		per++ // "Wang's serve"
	}
	return per, loc, org
}

// scanCapsLines finds names in all-caps headlines and title-case lines,
// where only names the lexicon knows or the article names elsewhere count.
func (st *state) scanCapsLines() {
	any := false
	for i := range st.us {
		if st.us[i].has(uCapsLine) {
			any = true
			break
		}
	}
	if !any {
		return
	}
	known := map[string]int{}
	var buf [64]byte
	for i := range st.cands {
		c := &st.cands[i]
		if c.typ == "" || c.weak {
			continue
		}
		if _, ok := known[string(foldInto(&buf, st.text[c.span.Start:c.span.End]))]; !ok {
			known[lower(st.text[c.span.Start:c.span.End])] = i
		}
		if c.typ == dossier.Person && c.u1-c.u0 >= 2 {
			if _, ok := known[string(foldInto(&buf, st.core(int(c.u1-1))))]; !ok {
				known[lower(st.core(int(c.u1-1)))] = i
			}
		}
	}
	us := st.us
	for i := 0; i < len(us); {
		if !us[i].has(uCapsLine) || us[i].has(uDateline) || us[i].start == us[i].end || !us[i].has(uCap|uInitial) {
			i++
			continue
		}
		end := i + 1
		for end < len(us) && end-i < max(st.c.lex.MaxWords(), 4) && !us[end-1].has(uPunctAfter) &&
			us[end].has(uCapsLine) && !us[end].has(uLineStart|uPunctBefore|uQuoteOpen|uDateline) {
			end++
		}
		n := 0
		for m := end - i; m >= 1; m-- {
			ph := st.phrase(i, i+m)
			if m == 1 && st.c.w.function.hasFold(ph) {
				continue
			}
			if k, ok := known[string(foldInto(&buf, ph))]; ok {
				o := st.cands[k]
				c := st.newCand(i, i+m, o.typ)
				c.key, c.country, c.weak = o.key, o.country, true
				c.kind = o.kind
				if o.typ == dossier.Person && c.key != ph {
					c.kind = dossier.MentionAlias
				}
				if o.kind == dossier.MentionDemonym || o.kind == dossier.MentionCapital {
					c.kind = o.kind
				}
				st.cands = append(st.cands, c)
				n = m
				break
			}
			if m == 1 && us[i].has(uAllCaps) && len(ph) <= 2 {
				continue // "W", "GB": too short to trust in a caps line
			}
			if _, ok := st.lookupName(ph, true); ok {
				st.emitLexicon(i, i+m, true)
				n = m
				break
			}
		}
		if n == 0 {
			if us[i].has(uHyphen) {
				st.splitHyphen(i, true)
			}
			n = 1
		}
		i += n
	}
}

// teams finds sports clubs named after places or people ("Leicestershire
// beat Somerset", "Essex 532-8", "CHICAGO AT HOUSTON") and makes every
// mention of them an organisation. Countries stay places: national sides
// are referred to by the country's name.
func (st *state) teams() {
	var team map[string]bool
	isName := func(i int) bool {
		c := &st.cands[i]
		if c.dateline {
			return false
		}
		if c.typ == dossier.Person && (c.kind == dossier.MentionAlias || c.u1-c.u0 >= 2 || c.person) {
			return false
		}
		if c.typ == dossier.NORP || c.typ == dossier.Other || c.typ == dossier.Outlet || c.kind == dossier.MentionDemonym {
			return false
		}
		if cls, ok := st.c.lex.FoldClassOf(st.text[c.span.Start:c.span.End]); ok && cls&lexicon.Country != 0 {
			return false
		}
		return true
	}
	mark := func(i int) {
		if team == nil {
			team = map[string]bool{}
		}
		team[lower(st.text[st.cands[i].span.Start:st.cands[i].span.End])] = true
	}
	// The candidates starting at each unit, built on first use.
	var at map[int32]int
	for i := range st.cands {
		c := &st.cands[i]
		// isName(i) is asked last, when the words around make a team
		// likely: it looks the name up.
		b := int(c.u1)
		if b >= len(st.us) || st.us[b-1].has(uPunctAfter|uPoss) && !st.us[b-1].has(uComma) {
			continue
		}
		if st.us[b-1].has(uComma) {
			continue
		}
		n := &st.us[b]
		nc := st.core(b)
		a := int(c.u0)
		switch {
		case st.c.w.sportRole.has(nc) && !n.has(uCap):
			// "Surrey captain Chris Lewis", "Norwich striker Keith O'Neill".
			if isName(i) {
				mark(i)
			}
		case a > 0 && !st.us[a-1].has(uPunctAfter) && (st.core(a-1) == "club" || st.core(a-1) == "side"):
			// "serie A club Atalanta", "first division side Nice".
			if isName(i) {
				mark(i)
			}
		case n.has(uDigit) && !n.has(uLineStart) && !isDateLike(nc):
			// "Essex 532-8", "Chicago 4 Houston 2": a score after the name, the
			// name opening a line or following another score.
			if (st.us[a].has(uLineStart) || a > 0 && (st.us[a-1].has(uDigit) || st.us[a-1].has(uComma))) && isName(i) {
				mark(i)
			}
		case st.c.w.sportVerb.has(nc):
			if at == nil {
				at = make(map[int32]int, len(st.cands))
				for i := range st.cands {
					at[st.cands[i].u0] = i
				}
			}
			if k, ok := at[int32(b+1)]; ok && isName(k) && !st.us[b].has(uPunctAfter) && isName(i) {
				mark(i)
				mark(k)
			}
		}
	}
	if team == nil {
		return
	}
	for i := range st.cands {
		c := &st.cands[i]
		t := st.text[c.span.Start:c.span.End]
		if team[lower(t)] && isName(i) {
			c.typ, c.key, c.kind, c.country = dossier.Org, titleCase(t), dossier.MentionName, ""
		}
	}
}

// foldInto lower-cases an ASCII string into buf and returns the bytes; a
// longer or non-ASCII string is lower-cased on the heap.
func foldInto(buf *[64]byte, s string) []byte {
	if len(s) > len(buf) {
		return []byte(strings.ToLower(s))
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 {
			return []byte(strings.ToLower(s))
		}
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return buf[:len(s)]
}

// isDateLike reports whether a number looks like a date ("1996-08-30").
func isDateLike(s string) bool {
	return len(s) >= 8 && s[4] == '-'
}

// attributes links capitals, seats and demonyms to their countries and reads
// the titles, parties and regions written around people.
func (st *state) attributes() {
	countries := map[string]bool{}
	for i := range st.cands {
		c := &st.cands[i]
		if c.typ == dossier.GPE && c.kind != dossier.MentionCapital && c.country == "" {
			countries[c.key] = true
		}
	}
	for i := range st.cands {
		c := &st.cands[i]
		switch {
		case c.kind == dossier.MentionCapital:
			// A seat of government: the country when the article names it.
			if countries[c.country] {
				c.typ, c.key = dossier.GPE, c.country
			} else {
				c.kind = dossier.MentionName
				c.country = ""
			}
		case c.typ == dossier.GPE && c.country != "" && countries[c.country] && !c.dateline:
			// A capital standing for its government: "Moscow may be providing".
			a := int(c.u0)
			if a > 0 && !st.us[a-1].has(uPunctAfter) && st.c.w.locPrep.has(st.core(a-1)) {
				continue
			}
			if st.us[a].has(uLineStart) && c.u1 < int32(len(st.us)) && st.us[c.u1].has(uDigit) {
				continue // a dateline: "MOSCOW 1996-08-30"
			}
			c.key, c.kind = c.country, dossier.MentionCapital
		}
		if c.typ == dossier.Person && !c.weak {
			st.personAttributes(c)
		}
	}
}

// personAttributes reads a title written after a name, a party and a region.
func (st *state) personAttributes(c *cand) {
	w := st.c.w
	us := st.us
	b := int(c.u1)
	// A party word before the name or its title: "Democrat Jane Doe", "Republican Sen. John Roe".
	for x := int(c.u0) - 1; x >= 0 && x >= int(c.u0)-5; x-- {
		if us[x].has(uPunctAfter) {
			break
		}
		if p, ok := w.party.get(st.core(x)); ok {
			c.party = p
			break
		}
		if !us[x].has(uCap) && !st.isTitleMod(x) {
			break
		}
	}
	if b >= len(us) {
		return
	}
	// "(D-N.Y.)" or ", D-Va.,"
	if (us[b].has(uParenOpen) || us[b-1].has(uComma)) && us[b].has(uHyphen) {
		if p, r, ok := partyRegion(st.core(b)); ok {
			if int(us[b].end) < len(st.text) && st.text[us[b].end] == '.' {
				r += "." // "(D-Ore.)": the period cut with the parenthesis
			}
			c.party, c.region = p, r
			return
		}
	}
	// "Sen. Ben Cardin of Maryland"
	if !us[b-1].has(uPunctAfter) && st.core(b) == "of" && b+1 < len(us) && c.title != "" {
		if ec, ok := st.unitLex(b + 1); ok && ec&lexicon.Region != 0 {
			c.region = st.core(b + 1)
		}
		return
	}
	// An appositive: "Ana Ruiz, the finance minister, said".
	if !us[b-1].has(uComma) {
		return
	}
	s := b
	if w.determiners.has(st.core(s)) {
		s++
	}
	head := -1
	x := s
	for ; x < len(us) && x < s+7; x++ {
		cx := st.core(x)
		if x > s && (cx == "at" || cx == "from" || cx == "for" || cx == "in" || cx == "who" || cx == "with" || cx == "and") {
			break
		}
		if w.titleStop.hasFold(cx) && x == s {
			s++
			continue
		}
		if p, ok := w.party.get(cx); ok && x == s {
			c.party = p
		}
		if st.isTitleHead(x) || cx == "Democrat" || cx == "Republican" {
			head = x
		}
		if us[x].has(uPunctAfter) || w.personVerb.has(cx) {
			break
		}
	}
	if head >= s && c.title == "" {
		if _, ok := w.party.get(st.core(head)); !ok {
			c.title = st.phrase(s, head+1)
		}
	}
	// "a senator from Virginia"
	if x < len(us) && (st.core(x) == "from" || st.core(x) == "of") && x+1 < len(us) {
		if ec, ok := st.unitLex(x + 1); ok && ec&lexicon.Region != 0 {
			c.region = st.core(x + 1)
		}
	}
}

// partyRegion parses "D-N.Y.", "R-Texas", "I-Vt." into party and region.
func partyRegion(s string) (party, region string, ok bool) {
	if len(s) < 3 || s[1] != '-' {
		return "", "", false
	}
	switch s[0] {
	case 'D', 'R', 'I':
	default:
		return "", "", false
	}
	r := s[2:]
	if r == "" || r[0] < 'A' || r[0] > 'Z' {
		return "", "", false
	}
	return s[:1], r, true
}

// group holds one entity while it is built.
type group struct {
	e      dossier.Entity
	first  int
	gender byte // 'm', 'f' or 0
	// n counts the entity's mentions; link is the group of the country a
	// demonym is linked to, or -1.
	n    int
	link int
}

// entities groups the candidates into entities, resolves pronouns, and
// returns the entities in order of first mention.
func (st *state) entities() []dossier.Entity {
	if len(st.cands) == 0 {
		return nil
	}
	idx := st.sc.idx
	groups := st.sc.groups[:0]
	for i := range st.cands {
		c := &st.cands[i]
		if c.typ == "" || c.span.Empty() {
			continue
		}
		k := gkey{c.typ, c.key}
		g, ok := idx[k]
		if !ok {
			g = len(groups)
			idx[k] = g
			groups = append(groups, group{e: dossier.Entity{Name: c.key, Type: c.typ}, first: c.span.Start, link: -1})
		}
		c.ent = g
		gr := &groups[g]
		gr.n++
		if gr.e.Title == "" && c.title != "" {
			gr.e.Title = c.title
		}
		if gr.e.Party == "" {
			gr.e.Party = c.party
		}
		if gr.e.Region == "" {
			gr.e.Region = c.region
		}
		if c.typ == dossier.Person && c.u0 > 0 && gr.gender == 0 {
			switch st.core(int(c.u0 - 1)) {
			case "Mr.", "Mr", "Sir", "Lord", "King", "Prince":
				gr.gender = 'm'
			case "Mrs.", "Mrs", "Ms.", "Ms", "Miss", "Dame", "Lady", "Queen", "Princess":
				gr.gender = 'f'
			}
		}
		if c.typ == dossier.Person && c.u1-c.u0 >= 2 && gr.gender == 0 {
			// The sex of the given name: "Mary Lopez ... she".
			if cls, ok := st.unitLex(int(c.u0)); ok {
				switch cls & (lexicon.FemaleName | lexicon.MaleName) {
				case lexicon.FemaleName:
					gr.gender = 'f'
				case lexicon.MaleName:
					gr.gender = 'm'
				}
			}
		}
	}
	st.sc.groups = groups
	pronouns := st.pronouns(groups)
	// The mentions of all entities share one array: the names in the order
	// of the candidates, then the pronouns in text order, as if appended.
	total := 0
	for g := range groups {
		total += groups[g].n
	}
	ms := make([]dossier.Mention, total)
	off := 0
	for g := range groups {
		gr := &groups[g]
		gr.e.Mentions = ms[off : off : off+gr.n]
		off += gr.n
	}
	for i := range st.cands {
		c := &st.cands[i]
		if c.typ == "" || c.span.Empty() {
			continue
		}
		gr := &groups[c.ent]
		gr.e.Mentions = append(gr.e.Mentions, dossier.Mention{Span: c.span, Kind: c.kind})
	}
	for _, p := range pronouns {
		gr := &groups[p.ent]
		gr.e.Mentions = append(gr.e.Mentions, dossier.Mention{Span: spanOf(&st.us[p.unit]), Kind: dossier.MentionPronoun})
	}
	// Demonyms link to their country when the article names it.
	for g := range groups {
		gr := &groups[g]
		if gr.e.Type != dossier.NORP {
			continue
		}
		for i := range st.cands {
			c := &st.cands[i]
			if c.ent == g && c.country != "" {
				if k, ok := idx[gkey{dossier.GPE, c.country}]; ok {
					gr.link = k
				}
				break
			}
		}
	}
	order := grow(st.sc.order, len(groups))
	st.sc.order = order
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(x, y int) int { return cmp.Compare(groups[x].first, groups[y].first) })
	// rank[g] is the position of group g in order, which names its id.
	rank := grow(st.sc.rank, len(groups))
	st.sc.rank = rank
	for n, g := range order {
		rank[g] = n
	}
	out := make([]dossier.Entity, 0, len(groups))
	for _, g := range order {
		e := groups[g].e
		e.ID = entityID(rank[g])
		if k := groups[g].link; k >= 0 {
			e.LinkedTo = entityID(rank[k])
		}
		slices.SortStableFunc(e.Mentions, func(x, y dossier.Mention) int { return cmp.Compare(x.Span.Start, y.Span.Start) })
		out = append(out, e)
	}
	return out
}

// entityIDs are the ids of a document's entities: "e1", "e2"...
var entityIDs = nlp.NewIDs("e", 256)

// entityID returns the id of the entity at position n (from 0) in order of
// first mention.
func entityID(n int) string { return entityIDs.At(n) }

// maxScan bounds how many earlier person mentions a pronoun looks at.
const maxScan = 32

// pronouns resolves he/him/his and she/her to the person most likely meant:
// the first person named earlier in the same sentence, else the first person
// (the subject) of one of the three sentences before. It returns the
// pronouns it resolved in text order, and counts them in their groups.
func (st *state) pronouns(groups []group) []pronounMention {
	w := st.c.w
	people := st.sc.people[:0]
	for i := range st.cands {
		c := &st.cands[i]
		if c.typ == dossier.Person && !c.weak && c.ent >= 0 {
			people = append(people, pm{c.u0, c.ent})
		}
	}
	st.sc.people = people
	out := st.sc.pronoun[:0]
	if len(people) == 0 {
		return out
	}
	slices.SortStableFunc(people, func(x, y pm) int { return cmp.Compare(x.unit, y.unit) })
	next := 0 // people[:next] are before the current unit
	for i := range st.us {
		for next < len(people) && int(people[next].unit) < i {
			next++
		}
		u := &st.us[i]
		if u.has(uCapsLine) || u.end-u.start > 7 || u.end == u.start {
			continue
		}
		core := st.core(i)
		sex, ok := w.pronounSex.get(core)
		if !ok {
			continue
		}
		gender := sex[0]
		if next == 0 {
			continue
		}
		s := st.sent[i]
		pick := -1
		// The first compatible person of the nearest sentence that has one.
		for back := int32(0); back <= 3 && pick < 0; back++ {
			want := s - back
			if want < 0 {
				break
			}
			// people[lo:hi] are in sentence want and before unit i.
			// Both scans are bounded, so that a run-on "sentence" stays linear.
			hi := next
			for hi > 0 && hi > next-maxScan && st.sent[people[hi-1].unit] > want {
				hi--
			}
			lo := hi
			for lo > 0 && lo > hi-maxScan && st.sent[people[lo-1].unit] == want {
				lo--
			}
			for k := lo; k < hi; k++ {
				g := groups[people[k].ent].gender
				if g == 0 || g == gender {
					pick = people[k].ent
					break
				}
			}
		}
		if pick < 0 {
			continue
		}
		gr := &groups[pick]
		if gr.gender == 0 {
			gr.gender = gender
		}
		gr.n++
		out = append(out, pronounMention{unit: int32(i), ent: pick})
	}
	st.sc.pronoun = out
	return out
}
