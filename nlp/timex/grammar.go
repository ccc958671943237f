package timex

import (
	"strconv"
	"time"

	"dossier"
	"dossier/textpos"
)

func spanOf(start, end int) textpos.Span { return textpos.Span{Start: start, End: end} }

// Reference values of TIMEX3 for vague times.
const (
	presentRef = "PRESENT_REF"
	pastRef    = "PAST_REF"
	futureRef  = "FUTURE_REF"
)

func dateHit(start, end int, pt point) hit {
	typ := dossier.Date
	if pt.g == gDay && (pt.clock || pt.part != 0) {
		typ = dossier.Time
	}
	return hit{start: start, end: end, typ: typ, val: pt.value(), pt: pt, hasPt: true}
}

func refHit(start, end int, v string) hit {
	return hit{start: start, end: end, typ: dossier.Date, val: v}
}

// match tries every rule at atom i. A leading "the" is part of the
// expressions that take it ("the third quarter", "the past two weeks").
func (p *parser) match(i int) (hit, bool) {
	if p.kw(i) == kwThe {
		switch p.kw(i + 1) {
		case kwPreviously, kwRecently, kwNow, kwCurrently, kwSoon, kwToday, kwYesterday,
			kwTomorrow, kwTonight, kwNowadays:
			return hit{}, false // adverbs take no article: "the previously announced"
		}
		if h, ok := p.core(i+1, true); ok {
			h.start = i
			return h, true
		}
		return hit{}, false
	}
	return p.core(i, false)
}

// core matches an expression starting at atom j; the says whether "the"
// came before it.
func (p *parser) core(j int, the bool) (hit, bool) {
	if j >= len(p.atoms) {
		return hit{}, false
	}
	a := p.atoms[j]
	switch a.kind {
	case kNum:
		return p.matchNumber(j, the)
	case kPunct:
		return p.matchApostropheDecade(j)
	}
	l := a.lx
	switch {
	case l.kw == kwEarly || l.kw == kwLate || l.kw == kwMid:
		k := j + 1
		if p.punct(k, '-') {
			k++
		}
		if p.kw(k) == kwThe {
			k++
		}
		if h, ok := p.core(k, the); ok {
			h.start = j
			return h, true
		}
		return hit{}, false
	case l.kw == kwEnd || l.kw == kwBeginning:
		if p.kw(j+1) == kwOf {
			k := j + 2
			if p.kw(k) == kwThe {
				if h, ok := p.matchTheUnit(k+1, k); ok {
					h.start = j
					return h, true
				}
				k++
			}
			if h, ok := p.core(k, false); ok {
				h.start = j
				return h, true
			}
		}
		return hit{}, false
	case l.kw == kwEarlier || l.kw == kwLater:
		if k := p.kw(j + 1); k == kwThis || k == kwNext || k == kwLast || k == kwToday || k == kwTonight {
			if h, ok := p.core(j+1, false); ok {
				h.start = j
				return h, true
			}
		}
		if p.word(j+1, "in") && p.kw(j+2) == kwThe {
			if h, ok := p.matchTheUnit(j+3, j+2); ok {
				h.start = j + 2
				return h, true
			}
		}
		return hit{}, false
	case l.kw == kwLast || l.kw == kwNext || l.kw == kwThis || l.kw == kwPast ||
		l.kw == kwPrevious || l.kw == kwComing || l.kw == kwCurrent || l.kw == kwLatest:
		if h, ok := p.matchRelative(j, the); ok {
			return h, true
		}
		if the && l.kw == kwPast && !p.isWord(j+1, cUnit) {
			return refHit(j, j+1, pastRef), true // "the past"
		}
		if l.kw == kwCurrent && !the && !p.upper(j) {
			return refHit(j, j+1, presentRef), true // TimeML marks "current" itself
		}
		return hit{}, false
	case l.kw == kwRecent:
		if u := p.lx(j + 1); u.is(cUnit) && p.plural(j+1) {
			return hit{start: j, end: j + 2, typ: dossier.Duration, val: durValue(-1, int(u.val))}, true
		}
		if !the && !p.upper(j) {
			return refHit(j, j+1, pastRef), true // "recent talks": TimeML marks "recent"
		}
		return hit{}, false
	case l.is(cWeekday):
		if !p.upper(j) {
			return hit{}, false
		}
		return p.matchWeekday(j)
	case l.is(cMonth) || l.is(cMonAbbr):
		return p.matchMonth(j)
	case l.is(cOrdinal):
		return p.matchOrdinal(j, the)
	case l.is(cNumWord):
		return p.matchNumWord(j, the)
	case l.is(cSeason):
		return p.matchSeason(j, the)
	case l.is(cSetAdv):
		if p.upper(j) && p.atoms[j].flags&fSentStart == 0 {
			return hit{}, false // a title: "Daily News", "Weekly Standard"
		}
		if p.glued(j+1) && p.punct(j+1, '-') {
			return hit{}, false
		}
		if l.val == uQuarter && j+1 < len(p.atoms) && p.atoms[j+1].kind == kWord {
			return hit{}, false // "quarterly dividend": a kind of payment, not a time
		}
		return hit{start: j, end: j + 1, typ: dossier.Set, val: durValue(1, int(l.val))}, true
	case l.is(cUnit) && !p.plural(j) && p.punct(j+1, '-') && p.glued(j+1) && p.glued(j+2) &&
		(p.kw(j+2) == kwEarlier || p.kw(j+2) == kwAgo || p.kw(j+2) == kwLater):
		// "year-earlier", "year-ago": adjectives anchored like "a year earlier".
		dir := -1
		if p.kw(j+2) == kwLater {
			dir = 1
		}
		h := p.agoHit(j, j+3, 1, int(l.val), dir, true)
		if h.hasPt {
			if h2, ok := p.periodOfYear(h.end, h.pt.y); ok {
				h2.start = j
				return h2, true
			}
		}
		if u := p.lx(h.end); (u.is(cUnit) && u.val == uQuarter || p.word(h.end, "period")) && !p.plural(h.end) {
			h.end++
		}
		return h, true
	case l.kw != 0:
		return p.matchKeyword(j, the)
	case the && l.is(cUnit) && l.val == uQuarter && !p.plural(j):
		// "the quarter": in news of results, the latest quarter.
		return p.relHit(j, j+1, uQuarter, -1)
	}
	return hit{}, false
}

// plural reports whether the word at j ends in "s".
func (p *parser) plural(j int) bool {
	a := p.atoms[j]
	return a.nd > 1 && p.text[a.end-1]|0x20 == 's'
}

// durValue formats a duration of n units (n < 0: an unknown number).
func durValue(n, unit int) string {
	var buf [16]byte
	b := append(buf[:0], 'P')
	code := byte('Y')
	switch unit {
	case uSecond, uMinute, uHour:
		b = append(b, 'T')
		code = "SMH"[unit-uSecond]
	case uDay:
		code = 'D'
	case uWeek:
		code = 'W'
	case uMonth:
		code = 'M'
	case uQuarter:
		code = 'Q'
	case uDecade:
		if n > 0 {
			n *= 10
		} else {
			return "PXDE"
		}
		code = 'Y'
	case uCentury:
		if n > 0 {
			n *= 100
		} else {
			return "PXCE"
		}
		code = 'Y'
	}
	if n < 0 {
		b = append(b, 'X')
	} else {
		b = strconv.AppendInt(b, int64(n), 10)
	}
	return string(append(b, code))
}

// ---- resolution helpers ----

// weekdayPoint resolves a weekday (1 = Monday) by direction: dir > 0 the next
// one on or after the article date, otherwise the latest on or before it.
// strict excludes the article's own day ("last Friday", "next Friday").
func (p *parser) weekdayPoint(wd, dir int, strict bool) point {
	if !p.hasDCT {
		return point{g: gDay, weekday: wd}
	}
	cur := (int(p.dct.Weekday())+6)%7 + 1
	var off int
	if dir > 0 {
		off = (wd - cur + 7) % 7
		if strict && off == 0 {
			off = 7
		}
	} else {
		off = -((cur - wd + 7) % 7)
		if strict && off == 0 {
			off = -7
		}
	}
	return dayPoint(p.dct.AddDate(0, 0, off))
}

// monthPoint resolves a month without a year: dir > 0 the next such month
// from the article's month, otherwise the latest; strict excludes the
// article's own month.
func (p *parser) monthAlone(m, dir int, strict bool) point {
	if !p.hasDCT {
		return point{g: gMonth, m: m, noYear: true}
	}
	y, cur := p.dct.Year(), int(p.dct.Month())
	switch {
	case dir > 0 && (m < cur || strict && m == cur):
		y++
	case dir <= 0 && (m > cur || strict && m == cur):
		y--
	}
	return point{g: gMonth, y: y, m: m}
}

// dayOfMonth resolves month m, day d without a year to the closest such day
// to the article date.
func (p *parser) dayOfMonth(m, d int) point {
	if !p.hasDCT {
		return point{g: gDay, m: m, d: d, noYear: true}
	}
	y := p.dct.Year()
	diff := date(y, m, d).Sub(p.dct)
	const half = 183 * 24 * time.Hour
	switch {
	case diff > half:
		y--
	case diff < -half:
		y++
	}
	return point{g: gDay, y: y, m: m, d: d}
}

// relPoint is the unit containing the article date, shifted by n units.
func (p *parser) relPoint(unit, n int) (point, bool) {
	t := p.dct
	var pt point
	switch unit {
	case uDay:
		pt = dayPoint(t)
	case uWeek:
		pt = weekPoint(t)
	case uMonth:
		pt = monthPoint(t)
	case uQuarter:
		pt = point{g: gQuarter, y: t.Year(), q: quarterOf(int(t.Month()))}
	case uYear:
		pt = point{g: gYear, y: t.Year()}
	case uDecade:
		pt = point{g: gDecade, y: t.Year()}
	case uCentury:
		pt = point{g: gCentury, y: t.Year()}
	default:
		return point{}, false
	}
	return shift(pt, n), true
}

// unknownRel is the value of a relative expression when the article date is
// unknown.
func unknownRel(unit int) string {
	switch unit {
	case uDay:
		return "XXXX-XX-XX"
	case uWeek:
		return "XXXX-WXX"
	case uMonth:
		return "XXXX-XX"
	case uQuarter:
		return "XXXX-QX"
	case uDecade:
		return "XXX"
	case uCentury:
		return "XX"
	}
	return "XXXX"
}

// relHit is a DATE for the unit containing the article date shifted by n.
func (p *parser) relHit(start, end, unit, n int) (hit, bool) {
	if !p.hasDCT {
		return refHit(start, end, unknownRel(unit)), true
	}
	pt, ok := p.relPoint(unit, n)
	if !ok {
		return hit{}, false
	}
	return dateHit(start, end, pt), true
}

// partOfDay extends a day hit with a following "morning", "night"...
func (p *parser) partOfDay(h hit) hit {
	if l := p.lx(h.end); l.is(cPartDay) && h.hasPt && h.pt.g == gDay {
		h.pt.part = int(l.val)
		h.end++
		return dateHit(h.start, h.end, h.pt)
	}
	return h
}

// ---- rules ----

// matchRelative: last/next/this/past/previous/coming/current/latest + unit,
// weekday, weekend, month, season or part of day.
func (p *parser) matchRelative(j int, the bool) (hit, bool) {
	k := p.kw(j)
	dir := 0
	switch k {
	case kwLast, kwPrevious, kwPast:
		dir = -1
	case kwNext, kwComing:
		dir = 1
	}
	if k == kwLast && (p.word(j-1, "to") || p.word(j-1, "could") || p.word(j-1, "would") ||
		p.word(j-1, "will") || p.word(j-1, "may") || p.word(j-1, "might") || p.word(j-1, "can") ||
		p.word(j-1, "should") || p.word(j-1, "must") || p.word(j-1, "did")) {
		return hit{}, false // the verb: "could last several months"
	}
	n := j + 1
	l := p.lx(n)
	// "the past two months", "last three years": a duration.
	if cnt, end, ok := p.count(n); ok && end < len(p.atoms) && p.lx(end).is(cUnit) &&
		(k == kwPast || k == kwLast || k == kwNext || k == kwComing || k == kwPrevious) {
		return hit{start: j, end: end + 1, typ: dossier.Duration, val: durValue(cnt, int(p.lx(end).val))}, true
	}
	switch {
	case l.is(cUnit) && !p.plural(n):
		u := int(l.val)
		if k == kwPast || the && k == kwLast && u != uQuarter {
			// "the past week", "the last year": the stretch up to now.
			return hit{start: j, end: n + 1, typ: dossier.Duration, val: durValue(1, u)}, true
		}
		if k == kwLatest {
			if u == uQuarter {
				return p.relHit(j, n+1, uQuarter, -1)
			}
			return hit{}, false
		}
		if u == uDay || u == uHour || u == uMinute || u == uSecond {
			if k == kwPrevious || k == kwNext {
				return p.relHit(j, n+1, uDay, dir) // "the previous day", "next day": approximated from the article date
			}
			return hit{}, false
		}
		h, ok := p.relHit(j, n+1, u, dir)
		if ok && u == uYear && h.hasPt {
			// "this year's third quarter", "last year's first half"
			if h2, ok2 := p.periodOfYear(n+1, h.pt.y); ok2 {
				h2.start = j
				return h2, true
			}
		}
		return h, ok
	case l.kw == kwWeekend:
		if !p.hasDCT {
			return refHit(j, n+1, "XXXX-WXX-WE"), true
		}
		var pt point
		switch dir {
		case -1:
			pt = weekPoint(p.dct.AddDate(0, 0, -7))
		case 1:
			pt = weekPoint(p.dct.AddDate(0, 0, 7))
		default:
			pt = weekPoint(p.dct)
		}
		pt.g = gWeekend
		return dateHit(j, n+1, pt), true
	case l.is(cWeekday):
		if dir == 0 {
			dir = p.tense(j, n+1)
		}
		pt := p.weekdayPoint(int(l.val), dir, k != kwThis)
		return p.partOfDay(dateHit(j, n+1, pt)), true
	case l.is(cMonth) && p.upper(n):
		m := int(l.val)
		var pt point
		if dir == 0 {
			pt = point{g: gMonth, y: p.dct.Year(), m: m, noYear: !p.hasDCT}
		} else {
			pt = p.monthAlone(m, dir, true)
		}
		return dateHit(j, n+1, pt), true
	case l.is(cSeason):
		return p.seasonHit(j, n+1, int(l.val), dir, k != kwThis && k != kwCurrent)
	case l.is(cPartDay) && (k == kwThis || k == kwLast):
		if !p.hasDCT {
			return refHit(j, n+1, "XXXX-XX-XX"), true
		}
		t := p.dct
		if k == kwLast {
			if l.val != pNight {
				return hit{}, false
			}
			t = t.AddDate(0, 0, -1)
		}
		pt := dayPoint(t)
		pt.part = int(l.val)
		return dateHit(j, n+1, pt), true
	}
	return hit{}, false
}

// periodOfYear reads "'s third quarter", "'s first half" or " third
// quarter" at j, in year y.
func (p *parser) periodOfYear(j, y int) (hit, bool) {
	k := j
	if p.punct(k, '\'') && p.word(k+1, "s") {
		k += 2
	}
	l := p.lx(k)
	if !l.is(cOrdinal) {
		return hit{}, false
	}
	q := int(l.val)
	e := k + 1
	if p.punct(e, '-') && p.glued(e) {
		e++
	}
	switch u := p.lx(e); {
	case u.is(cUnit) && u.val == uQuarter && !p.plural(e) && q <= 4:
		return dateHit(j, e+1, point{g: gQuarter, y: y, q: q}), true
	case u.kw == kwHalf && q <= 2:
		return dateHit(j, e+1, point{g: gHalf, y: y, q: q}), true
	}
	return hit{}, false
}

// seasonHit resolves a season: dir < 0 the latest such season before the
// current one (strict) or up to it; dir > 0 the next one; 0 this year's.
func (p *parser) seasonHit(start, end, s, dir int, strict bool) (hit, bool) {
	if !p.hasDCT {
		return refHit(start, end, "XXXX-"+seasonCode[s]), true
	}
	y, cur := seasonOf(p.dct)
	pt := point{g: gSeason, y: y, q: s}
	switch {
	case dir < 0 && (s > cur || strict && s == cur):
		pt.y--
	case dir > 0 && (s < cur || strict && s == cur):
		pt.y++
	case dir == 0:
		pt.y = p.dct.Year()
	}
	return dateHit(start, end, pt), true
}

// count reads a number of units at j: digits, number words ("twenty-four",
// "a few", "several"), returning the count (-1 when vague) and the atom after.
func (p *parser) count(j int) (int, int, bool) {
	if v, nd, ok := p.num(j); ok {
		if nd > 4 || !p.standaloneNum(j) {
			return 0, 0, false
		}
		return v, j + 1, true
	}
	l := p.lx(j)
	if !l.is(cNumWord) {
		return 0, 0, false
	}
	v := int(l.val)
	k := j + 1
	if p.word(j, "a") || p.word(j, "an") {
		switch {
		case p.word(k, "few") || p.word(k, "couple"):
			v, k = -1, k+1
			if p.word(k, "of") {
				k++
			}
		case p.word(k, "dozen"):
			v, k = 12, k+1
		}
	} else if v >= 20 && v%10 == 0 {
		// "twenty four", "twenty-four"
		m := k
		if p.punct(m, '-') {
			m++
		}
		if u := p.lx(m); u.is(cNumWord) && u.val >= 1 && u.val <= 9 && !p.word(m, "a") {
			v, k = v+int(u.val), m+1
		}
	} else if v == -1 && p.word(k, "of") && p.word(j, "couple") {
		k++
	}
	return v, k, true
}

// matchUnits continues a count at atom u (a unit word): a duration, or a
// date with "ago", "earlier", "later", "from now".
func (p *parser) matchUnits(start, cnt, u int) (hit, bool) {
	l := p.lx(u)
	if !l.is(cUnit) {
		return hit{}, false
	}
	unit := int(l.val)
	end := u + 1
	// "a 5-year-old": an age, not a time expression.
	if p.punct(end, '-') && p.kw(end+1) == kwOld || p.kw(end) == kwOld {
		return hit{}, false
	}
	switch k := p.kw(end); {
	case k == kwAgo:
		return p.agoHit(start, end+1, cnt, unit, -1, false), true
	case k == kwEarlier || k == kwLater:
		dir := -1
		if k == kwLater {
			dir = 1
		}
		return p.agoHit(start, end+1, cnt, unit, dir, true), true
	case k == kwFrom && p.kw(end+1) == kwNow:
		return p.agoHit(start, end+2, cnt, unit, 1, false), true
	}
	// "twice a week", "$5 a year": a set.
	if cnt == 1 && p.word(start, "a") {
		if k := p.kw(start - 1); k == kwOnce || k == kwTwice || k == kwTimes {
			return hit{start: start, end: end, typ: dossier.Set, val: durValue(1, unit)}, true
		}
		if pv := start - 1; pv >= 0 && (p.atoms[pv].kind == kNum || p.punct(pv, '%') ||
			p.word(pv, "million") || p.word(pv, "billion") || p.word(pv, "percent") || p.word(pv, "trillion")) {
			return hit{start: start, end: end, typ: dossier.Set, val: durValue(1, unit)}, true
		}
	}
	return hit{start: start, end: end, typ: dossier.Duration, val: durValue(cnt, unit)}, true
}

// agoHit resolves "N units ago" (dir -1 from the article date) and "N units
// earlier/later" (anchored to the last date found, when anchored is set).
func (p *parser) agoHit(start, end, cnt, unit, dir int, anchored bool) hit {
	if anchored && unit < uDay {
		return hit{start: start, end: end, typ: dossier.Duration, val: durValue(cnt, unit)}
	}
	if cnt < 0 || unit < uDay {
		if dir < 0 {
			return refHit(start, end, pastRef)
		}
		return refHit(start, end, futureRef)
	}
	// A year before a quarter or month just named is that quarter a year before.
	if p.hasLast && end-p.lastAtom < 40 && (anchored || unit == uYear) {
		a := p.last
		switch {
		case unit == uYear && (a.g == gQuarter || a.g == gHalf || a.g == gSeason || a.g == gMonth):
			a.part, a.clock = 0, false
			if a.g == gMonth {
				a = shift(a, 12*dir*cnt)
			} else if a.g == gHalf {
				a = shift(a, 2*dir*cnt)
			} else {
				a = shift(a, 4*dir*cnt)
			}
			return dateHit(start, end, a)
		case anchored && a.g == gDay && unit == uDay:
			a.part, a.clock = 0, false
			return dateHit(start, end, shift(a, dir*cnt))
		case anchored && a.g == gYear && unit == uYear:
			return dateHit(start, end, shift(a, dir*cnt))
		}
	}
	if !p.hasDCT {
		return refHit(start, end, unknownRel(unit))
	}
	t := p.dct
	var pt point
	switch unit {
	case uDay:
		pt = dayPoint(t.AddDate(0, 0, dir*cnt))
	case uWeek:
		pt = weekPoint(t.AddDate(0, 0, 7*dir*cnt))
	case uMonth:
		pt = shift(monthPoint(t), dir*cnt)
	case uQuarter:
		pt, _ = p.relPoint(uQuarter, dir*cnt)
	case uYear:
		pt = point{g: gYear, y: t.Year() + dir*cnt}
	case uDecade:
		pt = point{g: gYear, y: t.Year() + 10*dir*cnt}
	case uCentury:
		pt = point{g: gYear, y: t.Year() + 100*dir*cnt}
	}
	return dateHit(start, end, pt)
}

// matchNumWord: "three weeks", "a decade", "several months", "two-year".
func (p *parser) matchNumWord(j int, the bool) (hit, bool) {
	cnt, k, ok := p.count(j)
	if !ok || k >= len(p.atoms) {
		return hit{}, false
	}
	if p.punct(k, '-') && p.glued(k) {
		k++
	}
	if l := p.lx(k); l.is(cUnit) {
		if (p.word(j, "a") || p.word(j, "an")) && (l.val == uSecond || p.plural(k)) {
			return hit{}, false
		}
		if cnt == 1 && p.plural(k) && !p.word(j, "one") {
			return hit{}, false
		}
		return p.matchUnits(j, cnt, k)
	}
	return hit{}, false
}

// matchOrdinal: "the third quarter", "first-quarter", "the first half",
// "the first nine months".
func (p *parser) matchOrdinal(j int, the bool) (hit, bool) {
	ord := int(p.lx(j).val)
	k := j + 1
	if p.punct(k, '-') && p.glued(k) {
		k++
	}
	switch {
	case p.lx(k).val == uQuarter && p.lx(k).is(cUnit) && !p.plural(k) && ord <= 4:
		return p.quarterHit(j, k+1, gQuarter, ord)
	case p.lx(k).kw == kwHalf && ord <= 2:
		return p.quarterHit(j, k+1, gHalf, ord)
	}
	if cnt, e, ok := p.count(k); ok && the && cnt > 1 && p.lx(e).is(cUnit) && p.plural(e) {
		return hit{start: j, end: e + 1, typ: dossier.Duration, val: durValue(cnt, int(p.lx(e).val))}, true
	}
	return hit{}, false
}

// quarterHit resolves quarter or half q, with an explicit year "of 2025" or
// "2025" after it, or else the latest such quarter (the next one in a
// future-tense sentence).
func (p *parser) quarterHit(start, end int, g gran, q int) (hit, bool) {
	pt := point{g: g, q: q}
	if p.kw(end) == kwOf {
		if y, ok := p.yearAt(end + 1); ok {
			pt.y = y
			return dateHit(start, end+2, pt), true
		}
	}
	if y, ok := p.yearAt(end); ok {
		pt.y = y
		return dateHit(start, end+1, pt), true
	}
	{
		if !p.hasDCT {
			pt.noYear = true
		} else {
			pt.y = p.dct.Year()
			cur := quarterOf(int(p.dct.Month()))
			if g == gHalf {
				cur = (int(p.dct.Month())-1)/6 + 1
			}
			// Quarters and halves are named mostly in reports of results:
			// the latest such period, the current one included.
			if q > cur {
				pt.y--
			}
		}
	}
	return dateHit(start, end, pt), true
}

// yearAt reads a year (1000..2999, four digits) at atom j.
func (p *parser) yearAt(j int) (int, bool) {
	v, nd, ok := p.num(j)
	if !ok || nd != 4 || v < 1000 || v > 2999 || !p.standaloneNum(j) {
		return 0, false
	}
	return v, true
}

// matchWeekday: "Saturday", "Saturday morning", "Friday, March 6".
func (p *parser) matchWeekday(j int) (hit, bool) {
	k := j + 1
	if p.punct(k, ',') {
		k++
	}
	if l := p.lx(k); l.is(cMonth) || l.is(cMonAbbr) {
		if h, ok := p.matchMonth(k); ok && h.hasPt && h.pt.g == gDay {
			h.start = j
			return h, true
		}
	}
	if v, _, ok := p.num(k); ok && v >= 1 && v <= 31 && p.isWord(k+1, cMonth) {
		if h, ok := p.matchNumber(k, false); ok && h.hasPt && h.pt.g == gDay {
			h.start = j
			return h, true
		}
	}
	wd := int(p.lx(j).val)
	pt := p.weekdayPoint(wd, p.tense(j, j+1), false)
	return p.partOfDay(dateHit(j, j+1, pt)), true
}

// matchMonth: "March 8, 2026", "Mar. 8", "March 2026", "in March".
func (p *parser) matchMonth(j int) (hit, bool) {
	l := p.lx(j)
	if !p.upper(j) {
		return hit{}, false
	}
	m := int(l.val)
	abbr := l.is(cMonAbbr) && !l.is(cMonth)
	k := j + 1
	if p.punct(k, '.') && p.glued(k) {
		k++
	} else if abbr {
		// Abbreviations without a period ("Jan Smith") are names.
		if _, _, ok := p.num(k); !ok {
			return hit{}, false
		}
	}
	// Month day [, year]
	if d, nd, ok := p.num(k); ok && nd <= 2 && d >= 1 && d <= 31 && p.standaloneNumOrd(k) {
		e := k + 1
		if p.glued(e) && (p.word(e, "st") || p.word(e, "nd") || p.word(e, "rd") || p.word(e, "th")) {
			e++
		}
		if p.punct(e, ':') && p.glued(e) && p.glued(e+1) {
			return hit{}, false // "March 8:30"
		}
		c := e
		if p.punct(c, ',') {
			c++
		}
		if y, ok := p.yearAt(c); ok {
			return dateHit(j, c+1, point{g: gDay, y: y, m: m, d: d}), true
		}
		return dateHit(j, e, p.dayOfMonth(m, d)), true
	}
	// Month [,] year
	c := k
	if p.punct(c, ',') {
		c++
	}
	if y, ok := p.yearAt(c); ok {
		return dateHit(j, c+1, point{g: gMonth, y: y, m: m}), true
	}
	if abbr {
		return hit{}, false
	}
	// A month alone needs a preposition or modifier before it.
	pv := j - 1
	if p.punct(pv, '-') {
		pv--
	}
	if !p.isWord(pv, cDateCue) || p.word(pv, "and") || p.word(pv, "between") {
		return hit{}, false
	}
	if m == 5 && (p.word(pv, "by") || p.word(pv, "of") || p.word(pv, "from")) {
		return hit{}, false // "said by May", "of May": too often the name
	}
	pt := p.monthAlone(m, p.tense(j, j+1), false)
	return dateHit(j, j+1, pt), true
}

func (p *parser) standaloneNumOrd(j int) bool {
	if !p.standaloneNum(j) {
		return false
	}
	// "March 8,000" is not a date: a comma glued before three digits.
	if p.punct(j+1, ',') && p.glued(j+1) && p.glued(j+2) {
		return false
	}
	return true
}

// matchSeason: "spring 2025", "in the spring", "in winter".
func (p *parser) matchSeason(j int, the bool) (hit, bool) {
	s := int(p.lx(j).val)
	if y, ok := p.yearAt(j + 1); ok {
		return dateHit(j, j+2, point{g: gSeason, y: y, q: s}), true
	}
	if p.kw(j+1) == kwOf {
		if y, ok := p.yearAt(j + 2); ok {
			return dateHit(j, j+3, point{g: gSeason, y: y, q: s}), true
		}
	}
	pv := j - 1
	if the {
		pv--
	}
	if !(p.word(pv, "in") || p.word(pv, "during") || p.word(pv, "by") || p.word(pv, "since") ||
		p.word(pv, "until") || p.word(pv, "over") || p.word(pv, "this") || p.word(pv, "early") ||
		p.word(pv, "late") || p.word(pv, "mid")) {
		return hit{}, false
	}
	if p.isWord(j+1, cUnit) || p.lx(j+1).kw == kwOf {
		return hit{}, false // "the spring session", "the fall of Rome"
	}
	dir := p.tense(j, j+1)
	if dir <= 0 {
		dir = -1
	}
	return p.seasonHit(j, j+1, s, dir, false)
}

// matchTheUnit: after "the" (at atom the), "year", "month", "week",
// "quarter": the current one (used after "end of", "earlier in").
func (p *parser) matchTheUnit(j, the int) (hit, bool) {
	l := p.lx(j)
	if !l.is(cUnit) || p.plural(j) {
		return hit{}, false
	}
	switch u := int(l.val); u {
	case uWeek, uMonth, uQuarter, uYear, uDecade, uCentury:
		return p.relHit(the, j+1, u, 0)
	}
	return hit{}, false
}

// matchKeyword: deictic words and the rest.
func (p *parser) matchKeyword(j int, the bool) (hit, bool) {
	switch p.kw(j) {
	case kwToday, kwYesterday, kwTomorrow, kwTonight:
		off := 0
		switch p.kw(j) {
		case kwYesterday:
			off = -1
		case kwTomorrow:
			off = 1
		}
		if !p.hasDCT {
			return refHit(j, j+1, "XXXX-XX-XX"), true
		}
		pt := dayPoint(p.dct.AddDate(0, 0, off))
		if p.kw(j) == kwTonight {
			pt.part = pNight
		}
		return p.partOfDay(dateHit(j, j+1, pt)), true
	case kwNow:
		return refHit(j, j+1, presentRef), true
	case kwCurrently, kwNowadays:
		return refHit(j, j+1, presentRef), true
	case kwThese:
		if p.kw(j+1) == kwDays {
			return refHit(j, j+2, presentRef), true
		}
	case kwRecently, kwPreviously:
		return refHit(j, j+1, pastRef), true
	case kwSoon:
		return refHit(j, j+1, futureRef), true
	case kwFuture:
		if the {
			return refHit(j, j+1, futureRef), true
		}
		if !p.upper(j) {
			return refHit(j, j+1, futureRef), true
		}
	case kwNoon, kwMidnight:
		pt := point{g: gDay, clock: true, hh: 12}
		if p.kw(j) == kwMidnight {
			pt.hh = 24
		}
		return p.clockHit(j, j+1, pt), true
	case kwWeekend:
		if !the {
			return hit{}, false
		}
		if !p.hasDCT {
			return refHit(j, j+1, "XXXX-WXX-WE"), true
		}
		t := p.dct
		wd := (int(t.Weekday())+6)%7 + 1
		if wd < 6 && p.tense(j, j+1) <= 0 {
			t = t.AddDate(0, 0, -7)
		}
		pt := weekPoint(t)
		pt.g = gWeekend
		return dateHit(j, j+1, pt), true
	case kwEvery, kwEach:
		k := j + 1
		if p.word(k, "other") {
			k++
		}
		cnt := 1
		if c, e, ok := p.count(k); ok && !p.word(k, "a") {
			cnt, k = c, e
		}
		if l := p.lx(k); l.is(cUnit) {
			if p.word(j+1, "other") {
				cnt = 2
			}
			return hit{start: j, end: k + 1, typ: dossier.Set, val: durValue(cnt, int(l.val))}, true
		} else if l.is(cWeekday) {
			return hit{start: j, end: k + 1, typ: dossier.Set, val: "XXXX-WXX-" + strconv.Itoa(int(l.val))}, true
		} else if l.is(cPartDay) {
			return hit{start: j, end: k + 1, typ: dossier.Set, val: "P1D"}, true
		}
	case kwFiscal:
		k := j + 1
		if p.word(k, "year") {
			k++
		}
		if y, ok := p.yearAt(k); ok {
			return dateHit(j, k+1, point{g: gYear, y: y}), true
		}
		if l := p.lx(k); l.is(cOrdinal) {
			if h, ok := p.matchOrdinal(k, the); ok {
				h.start = j
				return h, true
			}
		}
	case kwQ:
		if v, nd, ok := p.num(j + 1); ok && p.upper(j) && p.glued(j+1) && nd == 1 && v >= 1 && v <= 4 {
			return p.quarterHit(j, j+2, gQuarter, v)
		}
	}
	return hit{}, false
}

// clockHit completes a clock time: an optional time zone, then an optional
// day ("noon Saturday", "5 p.m. EST Nov. 9") that sets its date.
func (p *parser) clockHit(start, end int, pt point) hit {
	if p.isWord(end, cTZ) && p.upper(end) {
		end++
	}
	k := end
	if p.punct(k, ',') {
		k++
	}
	day := point{}
	found := false
	if h, ok := p.core(k, false); ok && h.hasPt && h.pt.g == gDay && !h.pt.clock {
		day, found, end = h.pt, true, h.end
	} else if p.hasLast && p.last.g == gDay && start-p.lastAtom <= 4 && start >= p.lastAtom {
		day, found = p.last, true
	}
	if !found {
		if !p.hasDCT {
			day = point{g: gDay, noYear: true}
		} else {
			day = dayPoint(p.dct)
		}
	}
	day.part, day.clock, day.hh, day.mm = 0, true, pt.hh, pt.mm
	h := dateHit(start, end, day)
	h.typ = dossier.Time
	return h
}

// meridiem reads "a.m.", "p.m.", "am", "pm", "a.m" at j: 0 for none, 1 for
// a.m., 2 for p.m., and the atom after it.
func (p *parser) meridiem(j int) (int, int) {
	kind := 0
	switch {
	case p.word(j, "a") || p.word(j, "am"):
		kind = 1
	case p.word(j, "p") || p.word(j, "pm"):
		kind = 2
	default:
		return 0, j
	}
	if p.atoms[j].nd == 2 {
		return kind, j + 1
	}
	if p.punct(j+1, '.') && p.glued(j+1) && p.word(j+2, "m") && p.glued(j+2) {
		e := j + 3
		if p.punct(e, '.') && p.glued(e) && !(e+1 < len(p.atoms) && p.atoms[e+1].flags&fSentStart != 0) {
			e++
		}
		return kind, e
	}
	return 0, j
}

// matchNumber: ISO and US dates, clock times, "8 March 2026", years,
// decades, centuries and counts of units.
func (p *parser) matchNumber(j int, the bool) (hit, bool) {
	v, nd, _ := p.num(j)
	// 2026-03-08
	if nd == 4 && p.punct(j+1, '-') && p.glued(j+1) && p.glued(j+2) && p.glued(j+3) && p.punct(j+3, '-') && p.glued(j+4) {
		mo, nm, ok1 := p.num(j + 2)
		d, ndd, ok2 := p.num(j + 4)
		if ok1 && ok2 && nm == 2 && ndd == 2 && mo >= 1 && mo <= 12 && d >= 1 && d <= 31 {
			return dateHit(j, j+5, point{g: gDay, y: v, m: mo, d: d}), true
		}
	}
	// 03/08/2026 (US order)
	if nd <= 2 && p.punct(j+1, '/') && p.glued(j+1) && p.glued(j+2) && p.punct(j+3, '/') && p.glued(j+3) && p.glued(j+4) {
		d, ndd, ok1 := p.num(j + 2)
		y, ny, ok2 := p.num(j + 4)
		if ok1 && ok2 && ndd <= 2 && ny == 4 && v >= 1 && v <= 12 && d >= 1 && d <= 31 {
			return dateHit(j, j+5, point{g: gDay, y: y, m: v, d: d}), true
		}
	}
	if !p.standaloneNum(j) && !(p.glued(j+1) && p.punct(j+1, ':')) {
		return hit{}, false
	}
	// Clock times: 3 p.m., 10:30 a.m., at 14:00.
	if nd <= 2 && v <= 24 {
		hh, mm, e := v, 0, j+1
		colon := false
		if p.punct(e, ':') && p.glued(e) && p.glued(e+1) {
			if m, n, ok := p.num(e + 1); ok && n == 2 && m < 60 {
				mm, e, colon = m, e+2, true
			}
		}
		if mer, me := p.meridiem(e); mer != 0 && hh >= 1 && hh <= 12 {
			if mer == 2 && hh < 12 {
				hh += 12
			} else if mer == 1 && hh == 12 {
				hh = 0
			}
			return p.clockHit(j, me, point{g: gDay, clock: true, hh: hh, mm: mm}), true
		}
		if colon && (p.kw(j-1) == kwAt || p.isWord(e, cTZ) && p.upper(e)) && hh < 24 {
			return p.clockHit(j, e, point{g: gDay, clock: true, hh: hh, mm: mm}), true
		}
		if colon {
			return hit{}, false
		}
	}
	// 8 March 2026, 8 March
	if nd <= 2 && v >= 1 && v <= 31 {
		k := j + 1
		if p.glued(k) && (p.word(k, "st") || p.word(k, "nd") || p.word(k, "rd") || p.word(k, "th")) {
			k++
			if p.kw(k) == kwOf {
				k++
			}
		}
		if l := p.lx(k); l.is(cMonth) && p.upper(k) {
			m := int(l.val)
			if y, ok := p.yearAt(k + 1); ok {
				return dateHit(j, k+2, point{g: gDay, y: y, m: m, d: v}), true
			}
			return dateHit(j, k+1, p.dayOfMonth(m, v)), true
		}
	}
	// 20th century
	if nd <= 2 && v >= 1 && v <= 30 && p.glued(j+1) && (p.word(j+1, "th") || p.word(j+1, "st") || p.word(j+1, "nd") || p.word(j+1, "rd")) {
		if l := p.lx(j + 2); l.is(cUnit) && l.val == uCentury && !p.plural(j+2) {
			return dateHit(j, j+3, point{g: gCentury, y: (v - 1) * 100}), true
		}
	}
	// Years and decades.
	if nd == 4 && v >= 1000 && v <= 2999 {
		if p.glued(j+1) && p.word(j+1, "s") {
			if v%10 == 0 {
				return dateHit(j, j+2, point{g: gDecade, y: v}), true
			}
			return hit{}, false
		}
		if p.glued(j+1) && p.punct(j+1, '\'') && p.word(j+2, "s") && p.glued(j+2) && v%10 == 0 {
			return dateHit(j, j+3, point{g: gDecade, y: v}), true
		}
		if p.isYear(j) {
			if h, ok := p.periodOfYear(j+1, v); ok {
				h.start = j
				return h, true
			}
			if u := p.lx(j + 1); u.is(cUnit) && u.val == uQuarter && !p.plural(j+1) && p.hasDCT {
				// "the 1988 quarter": the same quarter as the latest one, that year
				q, _ := p.relPoint(uQuarter, -1)
				return dateHit(j, j+2, point{g: gQuarter, y: v, q: q.q}), true
			}
			return dateHit(j, j+1, point{g: gYear, y: v}), true
		}
		return hit{}, false
	}
	// Counts of units: "48 hours", "10-day".
	if nd <= 4 {
		k := j + 1
		if p.punct(k, '-') && p.glued(k) {
			k++
		}
		if p.lx(k).is(cUnit) {
			if v == 1 && p.plural(k) {
				return hit{}, false
			}
			return p.matchUnits(j, v, k)
		}
	}
	return hit{}, false
}

// isYear decides whether a four-digit number at j is a year: in 1900..2099
// (or any four digits after a date preposition), not an amount of money or a
// count of things.
func (p *parser) isYear(j int) bool {
	v := int(p.atoms[j].num)
	if pc := j - 1; pc >= 0 && p.glued(j) && (p.punct(pc, '$') || p.punct(pc, '#') || p.punct(pc, 0x80)) {
		return false // "$2000", "#1999", "€2010"
	}
	if p.punct(j+1, '%') || p.word(j+1, "percent") || p.word(j+1, "per") {
		return false
	}
	cue := p.isWord(j-1, cDateCue) || p.lx(j-1).kw == kwFiscal || p.isWord(j-1, cMonth) ||
		p.isWord(j-1, cSeason) || p.punct(j-1, '-') && (p.word(j-2, "mid") || p.isWord(j-2, cNumWord))
	if cue {
		return v >= 1000
	}
	if v < 1900 || v > 2099 {
		return false
	}
	// Followed by a plural lower-case noun it is a count ("2000 people").
	n := j + 1
	if n < len(p.atoms) && p.atoms[n].kind == kWord && p.atoms[n].flags&fUpper == 0 {
		if p.plural(n) && !p.word(n, "s") {
			return false
		}
		if p.word(n, "people") || p.word(n, "men") || p.word(n, "women") || p.word(n, "children") ||
			p.word(n, "feet") || p.word(n, "million") || p.word(n, "billion") {
			return false
		}
	}
	return true
}

// matchApostropheDecade: "'90s", "’90s".
func (p *parser) matchApostropheDecade(j int) (hit, bool) {
	if !p.punct(j, '\'') {
		return hit{}, false
	}
	v, nd, ok := p.num(j + 1)
	if !ok || nd != 2 || !p.glued(j+1) || v%10 != 0 || !p.word(j+2, "s") || !p.glued(j+2) {
		return hit{}, false
	}
	y := 1900 + v
	if v < 30 {
		y = 2000 + v
	}
	return dateHit(j, j+3, point{g: gDecade, y: y}), true
}
