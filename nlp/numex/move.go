package numex

import (
	"strings"

	"dossier"
	"dossier/lexicon"
	"dossier/nlp"
	"dossier/textpos"
)

func spanOf(start, end int) textpos.Span { return textpos.Span{Start: start, End: end} }

// moveAt tries to read a market move whose movement word is token i. On
// success it emits the move, consumes its bytes and reports true.
func (s *scan) moveAt(i, sentFirst int, info wordInfo) bool {
	text := s.text
	tk := s.toks[i]
	p := int(tk.End)
	dir := info.dir
	pending := false   // the direction must come after the change ("closed 2% higher")
	needLevel := false // "unchanged" needs "at LEVEL"
	needChange := false
	switch role := info.role; {
	case role&roleVerb != 0:
	case role&roleEdge != 0:
		d, e := s.particle(p)
		if d == "" || d == dossier.Flat {
			return false
		}
		dir, p = d, e
	case role&roleParticle != 0:
		needChange = true
	case role&(roleClose|roleBe) != 0:
		d, e := s.particle(p)
		switch {
		case d == dossier.Flat:
			dir, p, needLevel = d, e, true
		case d != "":
			dir, p = d, e
		default:
			dir, pending = "", true
		}
	case role&roleFlat != 0:
		needLevel = true
	default:
		return false
	}
	// Approximators and adverbs between the verb and the change.
	p = s.skipApprox(p)

	var change, orPct, level amount
	hasChange, hasOr, hasLevel, noDir := false, false, false, false
	if lv, c, e, ok := s.levelAt(p); ok {
		level, hasLevel, noDir = lv, true, c.noDir
		_ = e
	} else if r := skipSpace(text, p); nextWordIs(text, r, "from") && !needChange {
		// "rose from 3% to 4%": the level is the second amount.
		from, ok := s.t.parseAmount(text, skipSpace(text, wordEnd(text, r)))
		if !ok || from.bare() && !from.slash {
			return false
		}
		lv, c, _, ok := s.levelAt(from.end)
		if !ok || c.noDir {
			return false
		}
		level, hasLevel = lv, true
	} else if a, ok := s.t.parseAmount(text, r); ok && a.start == r && a.end > a.start {
		change, hasChange = a, true
		q := a.end
		if d, e := s.particle(q); d == dossier.Up || d == dossier.Down {
			if pending || needChange || dir == "" {
				dir, pending = d, false
			}
			q = e
		}
		if pct, ok := s.orPercent(q); ok {
			orPct, hasOr = pct, true
			q = pct.end
		}
		if lv, c, _, ok := s.levelAt(q); ok {
			level, hasLevel, noDir = lv, true, c.noDir
		} else if lv, c, ok := s.levelAfterFiller(q); ok {
			level, hasLevel, noDir = lv, true, c.noDir
		}
	} else if !needChange {
		lv, c, ok := s.levelAfterFiller(p)
		if !ok {
			return false
		}
		level, hasLevel, noDir = lv, true, c.noDir
	}
	if !hasChange && !hasLevel {
		return false
	}
	if needChange && !hasChange || needLevel && !hasLevel {
		return false
	}
	if pending && (hasChange || info.role&roleBe != 0) {
		return false
	}
	if hasChange && !validChange(&change) {
		return false
	}
	if hasChange && change.bare() && !change.slash && !change.frac && !hasLevel {
		return false
	}
	if info.role&roleWeak != 0 && !hasLevel && !(hasChange && relativeChange(&change)) {
		// "the company lost $5bn" is a loss, not a move.
		return false
	}
	// Late percent change after the level: "rose to $91, up 3%".
	if hasLevel && !hasOr && (!hasChange || change.kind != ukPercent) {
		if pct, ok := s.trailingPercent(level.end); ok {
			orPct, hasOr = pct, true
		}
	}

	sub := s.subject(i, sentFirst)
	if sub.nounVerb && nounable(s.word(i)) {
		// "a slight drop in profits to £170m", "the fall in inflation"
		return false
	}
	if hasLevel && level.bare() {
		pointsChange := hasChange && (change.kind == ukPoints || change.slash)
		if !pointsChange && !sub.hasCap && !sub.market {
			// "the claimant count fell 11,000 to 813,200" counts people.
			return false
		}
	}

	f := dossier.Figure{Kind: dossier.Move, Instrument: sub.inst, Direction: dir}
	if noDir {
		f.Direction = ""
	}
	end := 0
	if hasChange {
		end = change.end
		switch {
		case change.kind == ukPercent:
			f.ChangePct = s.num(abs(change.value))
		case change.frac:
			f.ChangePct = s.num(abs(change.value) * 100)
		case change.kind == ukBP:
			f.ChangePts = s.num(abs(change.value) / 100)
		default:
			f.ChangePts = s.num(abs(change.value))
		}
		switch change.kind {
		case ukMoney:
			f.Unit = s.currency(&change)
		case ukQuantity:
			f.Unit = change.unit
		}
	}
	if hasOr {
		f.ChangePct = s.num(abs(orPct.value))
		end = max(end, orPct.end)
	}
	if hasLevel {
		f.Level = s.num(level.value)
		end = max(end, level.end)
		switch level.kind {
		case ukMoney:
			f.Unit = s.currency(&level)
		case ukQuantity:
			f.Unit = level.unit
		case ukPercent:
			f.Unit = "percent"
		default:
			f.Unit = ""
		}
	}
	start := sub.start
	if start < s.lastEnd() || start > int(tk.Start) {
		start = int(tk.Start)
	}
	if start < s.lastEnd() {
		return false
	}
	f.Span = spanOf(start, end)
	s.out = append(s.out, f)
	s.pos = max(s.pos, end)
	return true
}

// validChange reports whether an amount can be a move's change.
func validChange(a *amount) bool {
	if a.junk || a.words && a.bare() && !a.frac {
		return false
	}
	return true
}

// relativeChange reports whether a change is a relative one (percent,
// points), which only markets and indicators have.
func relativeChange(a *amount) bool {
	switch a.kind {
	case ukPercent, ukPP, ukBP, ukPoints:
		return true
	}
	return a.frac || a.slash
}

// particle reads a direction particle at p: "up", "higher" (up), "down",
// "lower" (down), "unchanged", "flat", "steady" (flat). It returns "" when
// none.
func (s *scan) particle(p int) (dossier.Direction, int) {
	text := s.text
	r := skipSpace(text, p)
	e := wordEnd(text, r)
	switch text[r:e] {
	case "up", "higher":
		return dossier.Up, e
	case "down", "lower":
		return dossier.Down, e
	case "unchanged", "flat", "steady", "stable":
		return dossier.Flat, e
	case "little":
		if nextWordIs(text, e, "changed") {
			return dossier.Flat, wordEnd(text, skipSpace(text, e))
		}
	}
	return "", p
}

// skipApprox skips approximators and adverbs ("as much as", "nearly",
// "sharply", "by") after a verb.
func (s *scan) skipApprox(p int) int {
	text := s.text
	for range 5 {
		r := skipSpace(text, p)
		e := wordEnd(text, r)
		if e == r || e-r > 16 {
			return p
		}
		w := text[r:e]
		var buf [16]byte
		lw := lowerInto(buf[:0], w)
		if (w == "a" || w == "an") && (nextWordIs(text, e, "further") || nextWordIs(text, e, "record")) {
			p = e
			continue
		}
		if !s.t.approx[string(lw)] && !(isLower(w[0]) && len(w) > 4 && strings.HasSuffix(w, "ly")) {
			return p
		}
		p = e
	}
	return p
}

// levelAt reads a level connector and its amount at p: "to $91.27",
// "at 7,500", "to close at 4,512", "to yield 1.786%". A bare level must be a
// plain number (an index level), not a count with a scale word.
func (s *scan) levelAt(p int) (amount, connector, int, bool) {
	text := s.text
	r := skipSpace(text, p)
	if r < len(text) && text[r] == ',' {
		r = skipSpace(text, r+1)
	}
	c, e := s.matchConnector(r)
	if e == r {
		return amount{}, connector{}, p, false
	}
	q := s.skipApprox(e)
	q = skipSpace(text, q)
	a, ok := s.t.parseAmount(text, q)
	if !ok || a.start != q || a.words || a.frac || a.slash {
		return amount{}, connector{}, p, false
	}
	if a.bare() && (a.mult != 1 || a.junk || s.notLevel(a.end)) {
		return amount{}, connector{}, p, false
	}
	if a.kind == ukPoints || a.kind == ukPP || a.kind == ukBP {
		a.kind = ukNone
	}
	return a, c, a.end, true
}

// notLevel reports whether the word after a bare number shows it is a time,
// a date or a count ("4 p.m.", "3 GMT", "40 people").
func (s *scan) notLevel(p int) bool {
	text := s.text
	if p < len(text) && (text[p] == ':' || text[p] == '/') {
		return true
	}
	r := skipSpace(text, p)
	e := wordEnd(text, r)
	if e == r {
		return false
	}
	switch strings.ToLower(text[r:min(e, r+8)]) {
	case "am", "pm", "a.m.", "p.m.", "gmt", "et", "est", "edt", "bst", "cet", "utc", "hours",
		"years", "year", "days", "months", "weeks", "people", "jobs", "workers", "companies",
		"stores", "employees", "million", "billion", "thousand":
		return true
	}
	return false
}

// levelAfterFiller reads a short phrase without digits ("in early trade",
// "from a year ago", "in price") and then a level.
func (s *scan) levelAfterFiller(p int) (amount, connector, bool) {
	text := s.text
	r := skipSpace(text, p)
	e := wordEnd(text, r)
	switch text[r:e] {
	case "in", "on", "during", "from", "since", "after", "over", "for", "against", "versus", "vs":
	default:
		return amount{}, connector{}, false
	}
	q := e
	for range 5 {
		if lv, c, _, ok := s.levelAt(q); ok {
			return lv, c, true
		}
		r := skipSpace(text, q)
		e := wordEnd(text, r)
		if e == r {
			return amount{}, connector{}, false
		}
		q = e
		if q < len(text) && (text[q] == '\'' || hasPrefixAt(text, q, "’")) {
			// "a year's", "Tuesday's"
			return amount{}, connector{}, false
		}
	}
	return amount{}, connector{}, false
}

// matchConnector finds the longest level connector at p.
func (s *scan) matchConnector(p int) (connector, int) {
	text := s.text
	if !hasPrefixAt(text, p, "to") && !hasPrefixAt(text, p, "at") && !hasPrefixAt(text, p, "yielding") {
		return connector{}, p
	}
	var buf [64]byte
	var ends [6]int
	key := buf[:0]
	q := p
	n := 0
	for n < s.t.maxConn && n < len(ends) {
		if n > 0 {
			q = skipSpace(text, q)
		}
		e := wordEnd(text, q)
		if e == q || e-q > 16 || len(key)+1+(e-q) > len(buf) {
			break
		}
		if n > 0 {
			key = append(key, ' ')
		}
		key = lowerInto(key, text[q:e])
		ends[n] = len(key)
		n++
		q = e
	}
	for k := n; k > 0; k-- {
		if c, ok := s.t.connectors[string(key[:ends[k-1]])]; ok {
			return c, nthWordEnd(text, p, k)
		}
	}
	return connector{}, p
}

// orPercent reads ", or 2.6%," after an absolute change.
func (s *scan) orPercent(p int) (amount, bool) {
	text := s.text
	r := skipSpace(text, p)
	if r < len(text) && text[r] == ',' {
		r = skipSpace(text, r+1)
	}
	e := wordEnd(text, r)
	if text[r:e] != "or" {
		return amount{}, false
	}
	q := skipSpace(text, e)
	a, ok := s.t.parseAmount(text, q)
	if !ok || a.kind != ukPercent || a.start != q {
		return amount{}, false
	}
	if a.end < len(text) && text[a.end] == ',' {
		// the comma after "or 2.6%," belongs to the aside, not to the figure
		return a, true
	}
	return a, true
}

// trailingPercent reads ", up 3%" or ", down 1.2%" after a level.
func (s *scan) trailingPercent(p int) (amount, bool) {
	text := s.text
	r := skipSpace(text, p)
	if r >= len(text) || text[r] != ',' {
		return amount{}, false
	}
	r = skipSpace(text, r+1)
	e := wordEnd(text, r)
	switch text[r:e] {
	case "up", "down", "or":
	default:
		return amount{}, false
	}
	q := skipSpace(text, e)
	a, ok := s.t.parseAmount(text, q)
	if !ok || a.kind != ukPercent || a.start != q {
		return amount{}, false
	}
	return a, true
}

// subj is the subject of a move found by walking back from its verb.
type subj struct {
	start  int    // byte start of the subject (or of the verb when none)
	inst   string // the instrument as written, "" when only described
	hasCap bool   // the subject has a capitalised word or a number (a name)
	market bool   // the subject has a market word ("index", "shares", "yield")
	// nounVerb is set when a determiner comes straight before the verb or an
	// indefinite article before its subject: the verb is then a noun.
	nounVerb bool
}

// nounable reports whether a movement word can also be a noun ("drop",
// "rise", "gains"): not a past tense or participle.
func nounable(w string) bool {
	if strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing") {
		return false
	}
	switch w {
	case "rose", "fell", "grew", "sank", "slid", "shrank", "leapt", "lost", "dove", "went",
		"crept", "stood", "risen", "fallen", "grown", "sunk", "shrunk", "up", "down":
		return false
	}
	return true
}

// np is a noun phrase found by walking back over tokens.
type np struct {
	first, last    int // token indices, inclusive; first > last when empty
	paren1, paren2 int // a parenthesised ticker inside, or -1
	poss           int // token index of a possessive apostrophe, or -1
}

// lb returns the lookback flags of token j.
func (s *scan) lb(j int) lbFlag {
	tk := s.toks[j]
	if tk.Kind != nlp.Word || tk.End-tk.Start > 24 {
		return 0
	}
	if w := s.text[tk.Start:tk.End]; len(w) >= 2 && isUpper(w[1]) {
		return 0 // "US", "IT": an acronym, never a function word
	}
	var buf [32]byte
	return s.t.lookback[string(lowerInto(buf[:0], s.text[tk.Start:tk.End]))]
}

// word returns the text of token j.
func (s *scan) word(j int) string { return s.text[s.toks[j].Start:s.toks[j].End] }

// subject walks back from the verb at token i to its subject.
func (s *scan) subject(i, sentFirst int) subj {
	out := subj{start: int(s.toks[i].Start)}
	lo := max(sentFirst, i-24)
	le := s.lastEnd()
	for lo < i && int(s.toks[lo].Start) < le {
		lo++
	}
	j := i - 1
	for steps := 0; steps < 6 && j >= lo; steps++ {
		tk := s.toks[j]
		if tk.Kind != nlp.Word {
			break
		}
		f := s.lb(j)
		w := s.word(j)
		if f&lbTime != 0 && j-1 >= lo && s.word(j-1) == "on" {
			j -= 2
			continue
		}
		if f&lbSkip != 0 || (isLower(w[0]) && len(w) > 4 && strings.HasSuffix(w, "ly")) {
			j--
			continue
		}
		break
	}
	if j >= lo && j == i-1 && s.lb(j)&lbDet != 0 {
		out.nounVerb = true
	}
	n := s.walkNP(j, lo)
	if n.first > n.last {
		return out
	}
	if d := n.first - 1; d >= lo {
		switch s.word(d) {
		case "a", "an", "A", "An":
			out.nounVerb = true
		}
	}
	out.start = int(s.toks[n.first].Start)
	instFirst, instLast := n.first, n.last
	// "shares of Apple", "the price of gold", "shares in London"
	pk := n.first - 1
	if pk >= lo && s.lb(pk)&lbDet != 0 {
		pk--
	}
	if pk-1 >= lo && s.lb(pk)&lbPrep != 0 {
		hf := s.lb(pk - 1)
		switch {
		case s.isPlace(n) && (hf&lbShares != 0 || s.word(pk) == "in"):
			head := s.walkNP(pk-1, lo)
			if head.first <= head.last {
				instFirst, instLast = head.first, head.last
				out.start = int(s.toks[head.first].Start)
				n = head
			}
		case hf&lbShares != 0:
			out.start = int(s.toks[pk-1].Start)
			out.market = true
		case hf&lbHead != 0:
			head := s.walkNP(pk-1, lo)
			if head.first <= head.last {
				instFirst = head.first
				out.start = int(s.toks[head.first].Start)
				n.first = head.first
			}
		case hf&lbGeneric != 0:
			// "the ISEQ index of leading shares": the index is named
			head := s.walkNP(pk-1, lo)
			if head.first <= head.last && !s.allGeneric(head.first, head.last) {
				instFirst, instLast = head.first, head.last
				out.start = int(s.toks[head.first].Start)
				n = head
			}
		}
	}
	// "Apple's shares" names Apple.
	if n.poss > instFirst && n.poss <= instLast && s.lb(instLast)&lbShares != 0 {
		instLast = n.poss - 1
		out.market = true
	}
	generic := true
	words := 0
	for k := instFirst; k <= instLast; k++ {
		if s.toks[k].Kind == nlp.Word {
			words++
		}
	}
	if words == 0 {
		// "in 2004 rose 56%": a year, not a subject
		out.start = int(s.toks[i].Start)
		return out
	}
	for k := instFirst; k <= instLast; k++ {
		tk := s.toks[k]
		if k >= n.paren1 && k <= n.paren2 {
			continue
		}
		switch tk.Kind {
		case nlp.Word:
			f := s.lb(k)
			if f&(lbGeneric|lbShares|lbHead) != 0 {
				out.market = true
			}
			if f&lbGeneric == 0 {
				generic = false
				if isUpper(s.text[tk.Start]) {
					out.hasCap = true
				}
			}
		case nlp.Number:
			generic = false
			out.hasCap = true
		}
	}
	if !generic {
		out.inst = s.instrument(instFirst, instLast, n)
	}
	return out
}

// allGeneric reports whether every word of tokens first..last only
// describes ("its shares", "the index").
func (s *scan) allGeneric(first, last int) bool {
	for k := first; k <= last; k++ {
		switch s.toks[k].Kind {
		case nlp.Word:
			if s.lb(k)&lbGeneric == 0 {
				return false
			}
		case nlp.Number:
			return false
		}
	}
	return true
}

// walkNP walks back from token j (inclusive) over a noun phrase and stops at
// function words, verbs and punctuation, or after ten tokens.
func (s *scan) walkNP(j, lo int) np {
	n := np{first: j + 1, last: j, paren1: -1, paren2: -1, poss: -1}
	end := j
	for j >= lo && end-j < 10 {
		tk := s.toks[j]
		w := s.word(j)
		switch tk.Kind {
		case nlp.Word:
			if (w == "'s" || w == "’s") && j+1 <= end {
				n.poss = j
				break
			}
			if s.lb(j)&(lbStop|lbDet|lbPrep) != 0 {
				return n.trim(s)
			}
			if isLower(w[0]) && len(w) > 4 && !strings.Contains(w, "-") &&
				(strings.HasSuffix(w, "ly") || strings.HasSuffix(w, "ing") || strings.HasSuffix(w, "ed")) &&
				s.lb(j)&lbAdj == 0 {
				return n.trim(s)
			}
		case nlp.Number:
		case nlp.Symbol:
			if w != "&" {
				return n.trim(s)
			}
		case nlp.Punct:
			inner := !tk.Is(nlp.SpaceBefore) && j+1 <= end && !s.toks[j+1].Is(nlp.SpaceBefore)
			switch {
			case (w == "-" || w == "." || w == "/") && inner:
			case w == ")" && n.paren1 < 0:
				k := j - 1
				for k >= lo && j-k < 6 && s.word(k) != "(" {
					k--
				}
				if k < lo || s.word(k) != "(" || j-k >= 6 {
					return n.trim(s)
				}
				n.paren1, n.paren2 = k, j
				j = k
			case w == "." && tk.Is(nlp.Abbrev):
			default:
				return n.trim(s)
			}
		case nlp.Quote:
			if (w == "'" || w == "’") && j+1 <= end && s.word(j+1) == "s" && !s.toks[j+1].Is(nlp.SpaceBefore) {
				n.poss = j
			} else {
				return n.trim(s)
			}
		default:
			return n.trim(s)
		}
		n.first = j
		j--
	}
	return n.trim(s)
}

// trim drops punctuation at the start of a noun phrase.
func (n np) trim(s *scan) np {
	for n.first <= n.last {
		k := s.toks[n.first].Kind
		if k == nlp.Word || k == nlp.Number {
			break
		}
		if n.first == n.paren1 {
			n.first = n.paren2 + 1
			continue
		}
		n.first++
	}
	if n.paren2 >= 0 && n.paren2 < n.first {
		n.paren1, n.paren2 = -1, -1
	}
	return n
}

// isPlace reports whether the noun phrase is a place ("shares in London").
func (s *scan) isPlace(n np) bool {
	if n.first > n.last {
		return false
	}
	phrase := s.text[s.toks[n.first].Start:s.toks[n.last].End]
	e, ok := lexicon.Default().Lookup(phrase)
	return ok && e.Class&(lexicon.Country|lexicon.City|lexicon.Capital|lexicon.Region|lexicon.Area) != 0
}

// instrument returns the text of tokens first..last without a ticker in
// parentheses.
func (s *scan) instrument(first, last int, n np) string {
	if first > last {
		return ""
	}
	text := s.text
	if n.paren1 < first || n.paren2 > last || n.paren1 < 0 {
		return text[s.toks[first].Start:s.toks[last].End]
	}
	var left, right string
	if n.paren1 > first {
		left = strings.TrimSpace(text[s.toks[first].Start:s.toks[n.paren1].Start])
	}
	if n.paren2 < last {
		right = strings.TrimSpace(text[s.toks[n.paren2].End:s.toks[last].End])
	}
	switch {
	case left == "":
		return right
	case right == "":
		return left
	}
	return left + " " + right
}
