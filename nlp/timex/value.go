package timex

import (
	"strconv"
	"time"
)

// gran is the granularity of a calendar point.
type gran uint8

const (
	gDay gran = iota + 1
	gWeek
	gWeekend
	gMonth
	gQuarter
	gHalf
	gSeason
	gYear
	gDecade
	gCentury
)

// point is a calendar point at some granularity: the thing a DATE value
// names. Fields not used by the granularity are ignored. A zero year with
// noYear set prints as XXXX.
type point struct {
	g       gran
	y, m, d int // d is the day; for gWeek/gWeekend, m is unused and d is the ISO week
	q       int // quarter, half or season
	noYear  bool
	part    int // part of day (TIMEX3 TMO, TAF, TEV, TNI), 0 for none
	hh, mm  int // clock time when clock is set
	clock   bool
	weekday int // for a weekday whose date is unknown: XXXX-WXX-N
}

var seasonCode = [...]string{"", "SP", "SU", "FA", "WI"}
var partCode = [...]string{"", "MO", "AF", "EV", "NI"}

func appendPad(b []byte, n, width int) []byte {
	if n < 0 {
		n = -n
		b = append(b, '-')
	}
	digits := 1
	for v := n; v >= 10; v /= 10 {
		digits++
	}
	for i := digits; i < width; i++ {
		b = append(b, '0')
	}
	return strconv.AppendInt(b, int64(n), 10)
}

func (p point) appendYear(b []byte) []byte {
	if p.noYear {
		return append(b, "XXXX"...)
	}
	return appendPad(b, p.y, 4)
}

// value formats p as a TIMEX3 value.
func (p point) value() string {
	var buf [32]byte
	b := buf[:0]
	switch p.g {
	case gDay:
		if p.weekday != 0 {
			b = append(b, "XXXX-WXX-"...)
			b = strconv.AppendInt(b, int64(p.weekday), 10)
			break
		}
		b = p.appendYear(b)
		b = append(b, '-')
		if p.m == 0 {
			b = append(b, "XX-XX"...)
			break
		}
		b = appendPad(b, p.m, 2)
		b = append(b, '-')
		if p.d == 0 {
			b = append(b, "XX"...)
		} else {
			b = appendPad(b, p.d, 2)
		}
	case gWeek, gWeekend:
		b = p.appendYear(b)
		b = append(b, "-W"...)
		if p.noYear {
			b = append(b, "XX"...)
		} else {
			b = appendPad(b, p.d, 2)
		}
		if p.g == gWeekend {
			b = append(b, "-WE"...)
		}
	case gMonth:
		b = p.appendYear(b)
		b = append(b, '-')
		if p.m == 0 {
			b = append(b, "XX"...)
		} else {
			b = appendPad(b, p.m, 2)
		}
	case gQuarter:
		b = p.appendYear(b)
		b = append(b, "-Q"...)
		b = strconv.AppendInt(b, int64(p.q), 10)
	case gHalf:
		b = p.appendYear(b)
		b = append(b, "-H"...)
		b = strconv.AppendInt(b, int64(p.q), 10)
	case gSeason:
		b = p.appendYear(b)
		b = append(b, '-')
		b = append(b, seasonCode[p.q]...)
	case gYear:
		b = p.appendYear(b)
	case gDecade:
		b = appendPad(b, p.y/10, 3)
	case gCentury:
		b = appendPad(b, p.y/100, 2)
	}
	if p.g == gDay && (p.clock || p.part != 0) {
		b = append(b, 'T')
		if p.clock {
			b = appendPad(b, p.hh, 2)
			b = append(b, ':')
			b = appendPad(b, p.mm, 2)
		} else {
			b = append(b, partCode[p.part]...)
		}
	}
	return string(b)
}

// dayPoint is the day of t.
func dayPoint(t time.Time) point {
	return point{g: gDay, y: t.Year(), m: int(t.Month()), d: t.Day()}
}

// weekPoint is the ISO week of t.
func weekPoint(t time.Time) point {
	y, w := t.ISOWeek()
	return point{g: gWeek, y: y, d: w}
}

// monthPoint is the month of t.
func monthPoint(t time.Time) point { return point{g: gMonth, y: t.Year(), m: int(t.Month())} }

// quarterOf returns the quarter (1..4) of month m.
func quarterOf(m int) int { return (m-1)/3 + 1 }

// seasonOf returns the season of t and the year it is counted in (January
// and February belong to the winter of the year before).
func seasonOf(t time.Time) (year, season int) {
	m := int(t.Month())
	switch {
	case m <= 2:
		return t.Year() - 1, sWinter
	case m <= 5:
		return t.Year(), sSpring
	case m <= 8:
		return t.Year(), sSummer
	case m <= 11:
		return t.Year(), sFall
	}
	return t.Year(), sWinter
}

// date builds a day at midnight UTC; out-of-range parts normalise.
func date(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

// shift moves a point by n units of its own granularity (n may be negative).
func shift(p point, n int) point {
	switch p.g {
	case gDay:
		t := date(p.y, p.m, p.d).AddDate(0, 0, n)
		p.y, p.m, p.d = t.Year(), int(t.Month()), t.Day()
	case gWeek, gWeekend:
		// Monday of ISO week d of year y, then n weeks on.
		jan4 := date(p.y, 1, 4)
		mon := jan4.AddDate(0, 0, -((int(jan4.Weekday())+6)%7)+(p.d-1)*7+n*7)
		g := p.g
		p = weekPoint(mon)
		p.g = g
	case gMonth:
		t := date(p.y, p.m+n, 1)
		p.y, p.m = t.Year(), int(t.Month())
	case gQuarter:
		k := p.y*4 + p.q - 1 + n
		p.y, p.q = k/4, k%4+1
	case gHalf:
		k := p.y*2 + p.q - 1 + n
		p.y, p.q = k/2, k%2+1
	case gSeason:
		k := p.y*4 + p.q - 1 + n
		p.y, p.q = k/4, k%4+1
	case gYear:
		p.y += n
	case gDecade:
		p.y += 10 * n
	case gCentury:
		p.y += 100 * n
	}
	return p
}
