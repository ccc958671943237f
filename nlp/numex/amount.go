package numex

import (
	"math"
	"unicode/utf8"
)

// amount is one number with what follows it, parsed from the raw text.
type amount struct {
	start, end int     // byte span of the whole amount
	num        float64 // the number as written, before scale words ("1.13" in "$1.13bn")
	value      float64 // the normalized value (1.13e9)
	mult       float64 // product of the multipliers after the number (1 when none)
	kind       unitKind
	unit       string // ISO code or quantity unit
	frac       bool   // a fraction in words ("half", "a third")
	slash      bool   // a fraction in digits ("7/32")
	words      bool   // the number was written in words
	prefixed   bool   // the currency came before the number ("$", "US$", "EUR")
	junk       bool   // letters glued to the number or a date: never a figure
	family     uint8  // the currency family of a bare currency word ("pesos")
}

// bare reports whether the amount has no unit.
func (a *amount) bare() bool { return a.kind == ukNone }

// parseAmount parses an amount starting at byte p of text. It reports false
// when no number starts there; otherwise the amount's end is past every byte
// it read, and a bare number (kind ukNone) is still returned so that callers
// can skip it whole.
func (t *tables) parseAmount(text string, p int) (amount, bool) {
	a := amount{start: p, mult: 1}
	q := p
	neg, signed := false, false
	if q < len(text) {
		switch {
		case text[q] == '-' || text[q] == '+':
			neg, signed = text[q] == '-', true
			q++
		case hasPrefixAt(text, q, "−"): // U+2212 MINUS SIGN
			neg, signed = true, true
			q += len("−")
		}
	}
	if code, n := t.currencyPrefix(text, q); n > 0 {
		a.kind, a.unit, a.prefixed = ukMoney, code, true
		q += n
		if !signed && q < len(text) && (text[q] == '-' || hasPrefixAt(text, q, "−")) && q+1 < len(text) {
			// "$-5" is rare but harmless; only a sign before digits.
			if text[q] == '-' {
				neg = true
				q++
			}
		}
	}
	num, n, slash, date := parseNumber(text, q)
	switch {
	case n > 0:
		q += n
		if date {
			a.end, a.kind, a.unit, a.junk = q, ukNone, "", true
			return a, true
		}
		a.slash = slash
	case signed || a.kind != ukNone:
		return a, false
	default:
		v, e, frac := t.parseNumberWords(text, q)
		if e == q {
			return a, false
		}
		num, a.words, a.frac = v, true, frac
		q = e
	}
	a.num = num
	value := num
	scales := 0
	// Letters glued to the number: "1.13bn", "250k", "50p", "12pc".
	if q < len(text) && isLetter(text[q]) {
		we := wordEnd(text, q)
		s, ok := t.attached[text[q:we]]
		switch {
		case !ok:
			// "3rd", "5G", "737MAX": a bare token, never a figure.
			a.end, a.kind, a.unit, a.junk = we, ukNone, "", true
			a.num, a.value = num, num
			return a, true
		case s.kind == sfxScale:
			value *= s.mult
			a.mult *= s.mult
			scales++
		case s.kind == sfxCurrency:
			if a.kind != ukNone || a.slash || a.words {
				a.end, a.kind, a.unit, a.junk = we, ukNone, "", true
				return a, true
			}
			a.kind, a.unit, a.family = ukMoney, s.code, s.family
			value *= s.mult
			a.mult *= s.mult
		case s.kind == sfxUnit:
			if a.kind == ukNone {
				a.kind = s.uk
			}
		}
		q = we
	}
	// "$5-billion", "10-million-barrel" style hyphenated scale words.
	if q+1 < len(text) && text[q] == '-' && isLetter(text[q+1]) {
		we := wordEnd(text, q+1)
		var buf [32]byte
		if s, ok := t.suffixes[string(lowerInto(buf[:0], text[q+1:we]))]; ok && s.kind == sfxScale {
			value *= s.mult
			a.mult *= s.mult
			scales++
			q = we
		}
	}
	// Words after the number: scales, then one unit.
	for a.kind == ukNone || a.kind == ukMoney {
		r := skipSpace(text, q)
		if r < len(text) && text[r] == '%' && a.kind == ukNone {
			a.kind = ukPercent
			q = r + 1
			break
		}
		if r < len(text) && hasPrefixAt(text, r, "％") && a.kind == ukNone {
			a.kind = ukPercent
			q = r + len("％")
			break
		}
		if a.frac && a.kind == ukNone {
			// "half a percentage point", "a quarter of a point"
			r = t.skipFracGlue(text, r)
		}
		s, e := t.matchSuffix(text, r)
		if e == r {
			break
		}
		switch s.kind {
		case sfxScale:
			if scales >= 2 {
				goto done
			}
			value *= s.mult
			a.mult *= s.mult
			scales++
			q = e
			continue
		case sfxCurrency:
			if a.kind != ukNone || (s.needScale && scales == 0) || a.slash {
				goto done
			}
			if s.code == "GBP" && s.mult == 1 && nextWordIs(text, e, "of") {
				goto done // "five pounds of sugar" is a weight
			}
			a.kind, a.unit, a.family = ukMoney, s.code, s.family
			value *= s.mult
			a.mult *= s.mult
			q = e
		case sfxISO:
			if a.kind != ukNone || !isUpper(text[r]) {
				goto done
			}
			a.kind, a.unit = ukMoney, s.code
			q = e
		case sfxUnit:
			if a.kind != ukNone {
				goto done
			}
			a.kind = s.uk
			q = e
		case sfxQuantity:
			if a.kind != ukNone || a.slash {
				goto done
			}
			a.kind, a.unit = ukQuantity, s.code
			value *= s.mult
			a.mult *= s.mult
			q = e
			if !s.perDay {
				if rate, re := t.matchRate(text, q); re > q {
					a.unit += rate
					q = re
				}
			}
		}
		break
	}
done:
	if neg {
		value = -value
		a.num = -a.num
	}
	if math.IsInf(value, 0) || math.IsNaN(value) || math.IsInf(a.num, 0) {
		a.kind, a.unit, value, a.num = ukNone, "", 0, 0
	}
	if a.words && a.kind == ukNone && !a.frac {
		// A number word alone ("four sources") is just a word.
		return amount{start: p, end: p}, false
	}
	a.value = value
	a.end = q
	return a, true
}

// parseNumber reads digits at p: "1,000", "12.67", "7/32". It returns the
// value, the bytes read, whether it is a slash fraction, and whether it is a
// date-like run ("3/8/2026") that is never a figure.
func parseNumber(text string, p int) (v float64, n int, slash, date bool) {
	i := p
	var mant uint64
	digits, exp := 0, 0
	addDigit := func(c byte) {
		if digits < 19 {
			mant = mant*10 + uint64(c-'0')
			if mant != 0 {
				digits++
			}
		} else {
			exp++ // digits beyond uint64 precision only scale the value
		}
	}
	for i < len(text) && isDigit(text[i]) {
		addDigit(text[i])
		i++
	}
	lead := i - p
	if lead == 0 {
		return 0, 0, false, false
	}
	grouped := false
	// Thousands separators: exactly three digits after each comma.
	for lead <= 3 || grouped {
		if i+3 < len(text) && text[i] == ',' && isDigit(text[i+1]) && isDigit(text[i+2]) &&
			isDigit(text[i+3]) && (i+4 >= len(text) || !isDigit(text[i+4])) {
			addDigit(text[i+1])
			addDigit(text[i+2])
			addDigit(text[i+3])
			i += 4
			grouped = true
			continue
		}
		break
	}
	if i+1 < len(text) && text[i] == '.' && isDigit(text[i+1]) {
		i++
		for i < len(text) && isDigit(text[i]) {
			if digits < 19 {
				addDigit(text[i])
				exp--
			}
			i++
		}
		// "1.2.3" is a version or a list number, not a value.
		if i+1 < len(text) && text[i] == '.' && isDigit(text[i+1]) {
			for i < len(text) && (isDigit(text[i]) || text[i] == '.') {
				i++
			}
			return 0, i - p, false, true
		}
		v = decimal(mant, exp)
		if math.IsInf(v, 0) {
			return 0, i - p, false, true
		}
		return v, i - p, false, false
	}
	v = decimal(mant, exp)
	if math.IsInf(v, 0) {
		return 0, i - p, false, true
	}
	if !grouped && i+1 < len(text) && text[i] == '/' && isDigit(text[i+1]) {
		j := i + 1
		var d float64
		for j < len(text) && isDigit(text[j]) {
			d = d*10 + float64(text[j]-'0')
			j++
		}
		if j+1 < len(text) && text[j] == '/' && isDigit(text[j+1]) {
			for j < len(text) && (isDigit(text[j]) || text[j] == '/') {
				j++
			}
			return 0, j - p, false, true
		}
		if d == 0 {
			return 0, j - p, false, true
		}
		return v / d, j - p, true, false
	}
	return v, i - p, false, false
}

// decimal returns mant * 10^exp, correctly rounded for the short numbers
// of news text (mant below 2^53, |exp| at most 22).
func decimal(mant uint64, exp int) float64 {
	v := float64(mant)
	if exp >= 0 {
		return v * math.Pow10(exp)
	}
	if exp < -300 {
		return 0
	}
	return v / math.Pow10(-exp)
}

// parseNumberWords reads a number written in words at p: "two", "twenty-five",
// "a third", "half", "two-thirds", "a" (before a scale word). It returns the
// value, the end (p when none) and whether it is a fraction.
func (t *tables) parseNumberWords(text string, p int) (float64, int, bool) {
	we := wordEnd(text, p)
	if we == p || we-p > 24 {
		return 0, p, false
	}
	var buf [32]byte
	w := lowerInto(buf[:0], text[p:we])
	if v, ok := t.fractions[string(w)]; ok && string(w) == "half" {
		return v, we, true
	}
	var v float64
	if string(w) == "a" || string(w) == "an" || string(w) == "one" {
		v = 1
		// "a third", "one half", "a quarter"
		r := skipSpace(text, we)
		e := wordEnd(text, r)
		var b2 [32]byte
		w2 := lowerInto(b2[:0], text[r:min(e, r+24)])
		if f, ok := t.fractions[string(w2)]; ok && e > r {
			return f, e, true
		}
		if string(w) == "one" {
			return 1, we, false
		}
		// "a" counts only before a scale or "percentage point".
		if s, ok := t.suffixes[string(w2)]; ok && s.kind == sfxScale {
			return 1, we, false
		}
		if string(w2) == "percentage" || string(w2) == "basis" {
			return 1, we, false
		}
		return 0, p, false
	}
	if x, ok := t.numbers[string(w)]; ok {
		v = x
	} else if h := indexByte(w, '-'); h > 0 {
		// "twenty-five", "two-thirds"
		x, ok1 := t.numbers[string(w[:h])]
		y, ok2 := t.numbers[string(w[h+1:])]
		f, ok3 := t.fractions[string(w[h+1:])]
		switch {
		case ok1 && ok2 && x >= 20 && y < 10:
			return x + y, we, false
		case ok1 && ok3:
			return x * f, we, true
		default:
			return 0, p, false
		}
	} else {
		return 0, p, false
	}
	// "two thirds", "three quarters"
	r := skipSpace(text, we)
	e := wordEnd(text, r)
	if e > r && e-r <= 24 {
		var b2 [32]byte
		if f, ok := t.fractions[string(lowerInto(b2[:0], text[r:e]))]; ok && v > 0 && v < 10 {
			return v * f, e, true
		}
	}
	return v, we, false
}

// skipFracGlue skips "of", "a", "an", "of a" after a fraction in words, but
// only when a unit follows.
func (t *tables) skipFracGlue(text string, r int) int {
	q := r
	for range 2 {
		e := wordEnd(text, q)
		w := text[q:e]
		if w != "of" && w != "a" && w != "an" {
			break
		}
		q = skipSpace(text, e)
	}
	if q == r {
		return r
	}
	if s, e := t.matchSuffix(text, q); e > q && s.kind == sfxUnit {
		return q
	}
	return r
}

// currencyPrefix recognises a currency written before an amount at p: a sign
// ("$", "€", "£"), letters glued to "$" ("US$", "HK$"), or a code or
// abbreviation followed by the number ("EUR 20", "Rs 500", "Rs.500"). It
// returns the ISO code and the bytes to skip (0 when none), including spaces
// before the number.
func (t *tables) currencyPrefix(text string, p int) (string, int) {
	if p >= len(text) {
		return "", 0
	}
	c := text[p]
	if c == '$' {
		return "USD", 1 + spacesBeforeDigit(text, p+1)
	}
	if c >= utf8.RuneSelf {
		r, size := utf8.DecodeRuneInString(text[p:])
		code := ""
		switch r {
		case '€':
			code = "EUR"
		case '£':
			code = "GBP"
		case '¥', '￥':
			code = "JPY"
		case '₹':
			code = "INR"
		case '₽':
			code = "RUB"
		case '₩':
			code = "KRW"
		case '₺':
			code = "TRY"
		case '₪':
			code = "ILS"
		case '₦':
			code = "NGN"
		case '₱':
			code = "PHP"
		case '฿':
			code = "THB"
		case '₫':
			code = "VND"
		case '₴':
			code = "UAH"
		case '₿':
			code = "BTC"
		}
		if code == "" {
			return "", 0
		}
		return code, size + spacesBeforeDigit(text, p+size)
	}
	if !isUpper(c) {
		return "", 0
	}
	// Letters (and dots, for "U.S.$") up to 4 bytes.
	e := p
	for e < len(text) && e-p < 5 && (isLetter(text[e]) || text[e] == '.') {
		e++
	}
	if e < len(text) && text[e] == '$' {
		if code, ok := t.prefixes[text[p:e+1]]; ok {
			return code, e + 1 - p + spacesBeforeDigit(text, e+1)
		}
		return "", 0
	}
	// A code or abbreviation, then optional spaces, then a digit.
	for e > p && text[e-1] == '.' && e-p > 3 {
		e--
	}
	// The digit first: most capitalised words are not before a number,
	// and need no lookup.
	s := spacesBeforeDigit(text, e)
	if e+s >= len(text) || !isDigit(text[e+s]) {
		return "", 0
	}
	code, ok := t.prefixes[text[p:e]]
	if !ok {
		return "", 0
	}
	return code, e - p + s
}

// matchSuffix finds the longest phrase of t.suffixes at p (after spaces
// already skipped). It returns the suffix and its end, or p when none.
func (t *tables) matchSuffix(text string, p int) (suffix, int) {
	var buf [64]byte
	var ends [4]int
	key := buf[:0]
	q := p
	n := 0
	for n < t.maxSuffix && n < len(ends) {
		if n > 0 {
			q = skipSpace(text, q)
		}
		e := wordEnd(text, q)
		if e == q || e-q > 24 || len(key)+1+(e-q) > len(buf) {
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
	// Re-walk to find byte ends for each word count.
	for k := n; k > 0; k-- {
		if s, ok := t.suffixes[string(key[:ends[k-1]])]; ok {
			return s, nthWordEnd(text, p, k)
		}
	}
	return suffix{}, p
}

// matchRate reads a rate after a quantity unit ("a day", "per year").
func (t *tables) matchRate(text string, p int) (string, int) {
	r := skipSpace(text, p)
	e1 := wordEnd(text, r)
	if e1 == r || e1-r > 10 {
		return "", p
	}
	var buf [32]byte
	key := lowerInto(buf[:0], text[r:e1])
	if rate, ok := t.rates[string(key)]; ok {
		return rate, e1
	}
	r2 := skipSpace(text, e1)
	e2 := wordEnd(text, r2)
	if e2 == r2 || e2-r2 > 10 {
		return "", p
	}
	key = append(key, ' ')
	key = lowerInto(key, text[r2:e2])
	if rate, ok := t.rates[string(key)]; ok {
		return rate, e2
	}
	return "", p
}

// nthWordEnd returns the end of the k-th word from p (k >= 1).
func nthWordEnd(text string, p, k int) int {
	q := p
	e := p
	for i := 0; i < k; i++ {
		if i > 0 {
			q = skipSpace(text, e)
		}
		e = wordEnd(text, q)
	}
	return e
}

// wordEnd returns the end of the word starting at p: ASCII letters, with
// inner ".", "-", "/" and "'" when a letter follows ("U.S", "per-cent",
// "b/d"), and a final "." after an inner one ("U.S.").
func wordEnd(text string, p int) int {
	i := p
	dots := false
	for i < len(text) {
		c := text[i]
		if isLetter(c) {
			i++
			continue
		}
		if (c == '.' || c == '-' || c == '/') && i > p && i+1 < len(text) && isLetter(text[i+1]) {
			if c == '.' {
				dots = true
			}
			i++
			continue
		}
		break
	}
	if dots && i < len(text) && text[i] == '.' {
		i++
	}
	return i
}

// nextWordIs reports whether the word after p (after spaces) is w, exactly.
func nextWordIs(text string, p int, w string) bool {
	r := skipSpace(text, p)
	e := wordEnd(text, r)
	return text[r:e] == w
}

// skipSpace skips spaces, tabs and no-break spaces (not line breaks: a
// figure does not run over a paragraph).
func skipSpace(text string, p int) int {
	for p < len(text) {
		switch {
		case text[p] == ' ' || text[p] == '\t':
			p++
		case hasPrefixAt(text, p, "\u00a0"), hasPrefixAt(text, p, "\u202f"), hasPrefixAt(text, p, "\u2009"):
			_, size := utf8.DecodeRuneInString(text[p:])
			p += size
		default:
			return p
		}
	}
	return p
}

// spacesBeforeDigit returns the number of space bytes at p when a digit
// follows them, else 0.
func spacesBeforeDigit(text string, p int) int {
	q := skipSpace(text, p)
	if q > p && q < len(text) && isDigit(text[q]) && q-p <= 3 {
		return q - p
	}
	return 0
}

func hasPrefixAt(text string, p int, s string) bool {
	return p >= 0 && p+len(s) <= len(text) && text[p:p+len(s)] == s
}

func indexByte(b []byte, c byte) int {
	for i, x := range b {
		if x == c {
			return i
		}
	}
	return -1
}

// lowerInto appends s in ASCII lower case to dst.
func lowerInto(dst []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
}

func isDigit(c byte) bool  { return '0' <= c && c <= '9' }
func isUpper(c byte) bool  { return 'A' <= c && c <= 'Z' }
func isLower(c byte) bool  { return 'a' <= c && c <= 'z' }
func isLetter(c byte) bool { return isUpper(c) || isLower(c) }
