package tokenize

import (
	"unicode"
	"unicode/utf8"

	"dossier/nlp"
)

// scanner is the state of one Tokens call.
type scanner struct {
	text string
	dst  []nlp.Token
	base int // tokens of this text start at dst[base]

	// Facts about the white space since the last token.
	space, newline, para bool
	// Whether a double or single quotation is open in this paragraph.
	dqOpen, sqOpen bool
}

func (s *scanner) run() {
	t := s.text
	n := len(t)
	for i := 0; i < n; {
		c := t[i]
		if c < utf8.RuneSelf {
			switch {
			case c == ' ' || c == '\t' || c == '\v' || c == '\f':
				s.space = true
				i++
			case c == '\n':
				s.lineBreak()
				i++
			case c == '\r':
				if i+1 < n && t[i+1] == '\n' {
					s.space = true // the '\n' that follows counts the break
				} else {
					s.lineBreak()
				}
				i++
			case isAlnum(c):
				i = s.word(i)
			default:
				i = s.asciiPunct(i)
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(t[i:])
		switch {
		case r == '\u2029':
			s.lineBreak()
			s.paraBreak()
		case r == '\u2028' || r == '\u0085':
			s.lineBreak()
		case IsSpace(r):
			s.space = true
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			i = s.word(i)
			continue
		default:
			i = s.otherRune(i, r, size)
			continue
		}
		i += size
	}
}

// lineBreak records a line break in the current gap; a second one makes the
// gap a paragraph break.
func (s *scanner) lineBreak() {
	if s.newline {
		s.paraBreak()
	}
	s.space, s.newline = true, true
}

func (s *scanner) paraBreak() {
	s.para = true
	s.dqOpen, s.sqOpen = false, false
}

// emit appends a token, adding the flags of the gap before it.
func (s *scanner) emit(start, end int, kind nlp.TokenKind, f nlp.TokenFlag) {
	if s.space {
		f |= nlp.SpaceBefore
	}
	if s.newline {
		f |= nlp.NewlineBefore
	}
	if s.para {
		f |= nlp.ParaStart
	}
	s.dst = append(s.dst, nlp.Token{Start: int32(start), End: int32(end), Kind: kind, Flags: f})
	s.space, s.newline, s.para = false, false, false
}

// prev returns the last token of this text, if it ends exactly at i (no
// white space between it and i).
func (s *scanner) prevAdjacent(i int) (nlp.Token, bool) {
	if len(s.dst) == s.base || s.space {
		return nlp.Token{}, false
	}
	p := s.dst[len(s.dst)-1]
	return p, int(p.End) == i
}

func isAlnum(c byte) bool {
	return c-'a' < 26 || c-'A' < 26 || c-'0' < 10
}

func isDigit(c byte) bool { return c-'0' < 10 }

func isLetterASCII(c byte) bool { return c-'a' < 26 || c-'A' < 26 }

// letterAt reports whether a letter starts at byte i of t.
func letterAt(t string, i int) bool {
	if i >= len(t) {
		return false
	}
	if c := t[i]; c < utf8.RuneSelf {
		return isLetterASCII(c)
	}
	r, _ := utf8.DecodeRuneInString(t[i:])
	return unicode.IsLetter(r)
}

// alnumAt reports whether a letter or digit starts at byte i of t.
func alnumAt(t string, i int) bool {
	if i >= len(t) {
		return false
	}
	if c := t[i]; c < utf8.RuneSelf {
		return isAlnum(c)
	}
	r, _ := utf8.DecodeRuneInString(t[i:])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// isWordRune reports whether r continues a word without being a letter or
// digit: combining marks and format characters (soft hyphen, joiners).
func isWordRune(r rune) bool {
	return unicode.In(r, unicode.Mn, unicode.Mc, unicode.Me, unicode.Cf) && !IsSpace(r)
}

// apostropheAt returns the byte length of an apostrophe (' or ’) at i, or 0.
func apostropheAt(t string, i int) int {
	if i >= len(t) {
		return 0
	}
	if t[i] == '\'' {
		return 1
	}
	if t[i] == 0xe2 && i+2 < len(t) && t[i+1] == 0x80 && t[i+2] == 0x99 {
		return 3
	}
	return 0
}

// letterRun returns the end of the run of ASCII letters starting at i.
func letterRun(t string, i int) int {
	for i < len(t) && isLetterASCII(t[i]) {
		i++
	}
	return i
}

// cliticEnd returns the end of a clitic whose letters start at j (just after
// an apostrophe), or 0 when the letters there are not a whole clitic.
func cliticEnd(t string, j int) int {
	k := letterRun(t, j)
	if k == j || alnumAt(t, k) || !isClitic(t[j:k]) {
		return 0
	}
	return k
}

// shapeFlags computes Upper, AllUpper and HasDigit for a token's bytes. It is
// used for the short tokens that the word scanner does not measure itself.
func shapeFlags(w string) nlp.TokenFlag {
	var f nlp.TokenFlag
	letters, uppers, first := 0, 0, true
	for _, r := range w {
		switch {
		case unicode.IsLetter(r):
			letters++
			if unicode.IsUpper(r) || unicode.IsTitle(r) {
				uppers++
				if first {
					f |= nlp.Upper
				}
			}
			first = false
		case unicode.IsDigit(r):
			f |= nlp.HasDigit
		}
	}
	if letters >= 2 && uppers == letters {
		f |= nlp.AllUpper
	}
	return f
}

// shape accumulates the letter case and digits of a word while it is
// scanned.
type shape struct {
	letters, uppers int
	digit, seen     bool // seen: the first letter was seen
	firstUpper      bool
}

func (w *shape) upper() {
	w.letters++
	w.uppers++
	if !w.seen {
		w.seen, w.firstUpper = true, true
	}
}

func (w *shape) lower() {
	w.letters++
	w.seen = true
}

func (w *shape) flags() nlp.TokenFlag {
	var f nlp.TokenFlag
	if w.firstUpper {
		f |= nlp.Upper
	}
	if w.letters >= 2 && w.uppers == w.letters {
		f |= nlp.AllUpper
	}
	if w.digit {
		f |= nlp.HasDigit
	}
	return f
}

// word scans a word or number starting at start and emits it (and a clitic
// split off it). It returns the position after what it emitted.
func (s *scanner) word(start int) int {
	t := s.text
	n := len(t)
	if end := urlEnd(t, start); end > 0 {
		s.emit(start, end, nlp.Word, shapeFlags(t[start:end]))
		return end
	}
	var w shape
	kind := nlp.Word
	numeric := isDigit(t[start]) // only digits and numeric separators so far
	if numeric {
		kind = nlp.Number
	}
	segStart := start  // start of the current period- or hyphen-separated part
	partStart := start // start of the last hyphen-separated part
	inner := false     // an abbreviation's inner period was kept ("U.S")
	abbrev := false    // the token ends with its own period
	i := start
loop:
	for i < n {
		c := t[i]
		if c >= utf8.RuneSelf {
			r, size := utf8.DecodeRuneInString(t[i:])
			switch {
			case unicode.IsLetter(r):
				if numeric {
					numeric, kind = false, nlp.Word
				}
				w.letters++
				if unicode.IsUpper(r) || unicode.IsTitle(r) {
					w.uppers++
					if !w.seen {
						w.firstUpper = true
					}
				}
				w.seen = true
			case unicode.IsDigit(r):
				w.digit = true
			case r == '’':
				e, ok := s.innerApostrophe(start, i, 3, kind, &w)
				if e > 0 {
					return e
				}
				if !ok {
					break loop
				}
				numeric, kind = false, nlp.Word
			case r == '\u2010' || r == '\u2011': // hyphen, non-breaking hyphen
				if !alnumAt(t, i+size) {
					break loop
				}
				numeric, kind = false, nlp.Word
				segStart, partStart = i+size, i+size
			case isWordRune(r):
			default:
				break loop
			}
			i += size
			continue
		}
		switch {
		case c-'a' < 26 || c-'A' < 26:
			if numeric {
				// Letters right after a number: a unit, an ordinal or
				// decade, or the rest of a mixed word.
				k := letterRun(t, i)
				if !alnumAt(t, k) {
					if isUnitSuffix(t[i:k]) {
						break loop
					}
					if isNumberSuffix(t[i:k]) {
						for ; i < k; i++ {
							w.count(t[i])
						}
						numeric = false
						continue
					}
				}
				numeric, kind = false, nlp.Word
			}
			w.count(c)
			i++
			continue
		case c-'0' < 10:
			w.digit = true
			i++
			continue
		}
		switch c {
		case ',':
			if numeric && i+1 < n && isDigit(t[i+1]) && isDigit(t[i-1]) {
				i++
				continue
			}
		case ':', '/':
			if numeric && i+1 < n && isDigit(t[i+1]) && isDigit(t[i-1]) {
				i++
				continue
			}
		case '-':
			if i+1 < n && t[i+1] != '-' && alnumAt(t, i+1) {
				if numeric && isDigit(t[i+1]) && isDigit(t[i-1]) {
					i++ // "2019-20", "2026-03-08"
					continue
				}
				numeric, kind = false, nlp.Word
				i++
				segStart, partStart = i, i
				continue
			}
		case '&':
			// "AT&T", "S&P"
			if i+1 < n && isUpperASCII(t[i-1]) && isUpperASCII(t[i+1]) {
				numeric, kind = false, nlp.Word
				i++
				continue
			}
		case '\'':
			e, ok := s.innerApostrophe(start, i, 1, kind, &w)
			if e > 0 {
				return e
			}
			if !ok {
				break loop
			}
			numeric, kind = false, nlp.Word
			i++
			continue
		case '.':
			if numeric && i+1 < n && isDigit(t[i+1]) && isDigit(t[i-1]) {
				i++
				continue
			}
			if !numeric && abbrevInner(t, segStart, i) {
				inner = true
				i++
				segStart = i
				continue
			}
			if e := emailEnd(t, start, i); e > 0 {
				s.emit(start, e, nlp.Word, shapeFlags(t[start:e]))
				return e
			}
			if !numeric && domainEnd(t, i) > 0 {
				i = domainEnd(t, i)
				segStart = i
				continue
			}
			if !numeric && s.takePeriod(start, partStart, i, inner) {
				i++
				// "U.S.-backed": the word goes on after the period.
				if i+1 < n && t[i] == '-' && alnumAt(t, i+1) {
					i++
					segStart, partStart = i, i
					continue
				}
				abbrev = true
				break loop
			}
		case '@', '_', '+', '%':
			if e := emailEnd(t, start, i); e > 0 {
				s.emit(start, e, nlp.Word, shapeFlags(t[start:e]))
				return e
			}
		}
		break loop
	}
	f := w.flags()
	if abbrev {
		f |= nlp.Abbrev
	}
	s.emit(start, i, kind, f)
	return i
}

func (w *shape) count(c byte) {
	if c-'A' < 26 {
		w.upper()
	} else {
		w.lower()
	}
}

func isUpperASCII(c byte) bool { return c-'A' < 26 }

// innerApostrophe handles an apostrophe of size al at i inside the word that
// began at start. It returns (end, _) > 0 when it emitted the word and a
// clitic; (0, true) when the apostrophe stays inside the word ("O'Brien");
// (0, false) when the word ends before it.
func (s *scanner) innerApostrophe(start, i, al int, kind nlp.TokenKind, w *shape) (int, bool) {
	t := s.text
	j := i + al
	if !letterAt(t, j) {
		return 0, false
	}
	if k := cliticEnd(t, j); k > 0 {
		s.emit(start, i, kind, w.flags())
		s.emit(i, k, nlp.Word, shapeFlags(t[i:k]))
		return k, true
	}
	// "don't" -> "do" "n't"
	if (t[j] == 't' || t[j] == 'T') && !alnumAt(t, j+1) && i-1 > start && (t[i-1] == 'n' || t[i-1] == 'N') {
		s.emit(start, i-1, nlp.Word, shapeFlags(t[start:i-1]))
		s.emit(i-1, j+1, nlp.Word, shapeFlags(t[i-1:j+1]))
		return j + 1, true
	}
	return 0, true
}

// abbrevInner reports whether the period at i, ending the part that began at
// seg, is an inner period of an abbreviation like "U.S.", "Ph.D.", "p.m.":
// the part before and the part after are one or two ASCII letters and the
// part after is followed by another period.
func abbrevInner(t string, seg, i int) bool {
	l := i - seg
	if l < 1 || l > 2 || !isLetterASCII(t[seg]) || !isLetterASCII(t[i-1]) {
		return false
	}
	k := letterRun(t, i+1)
	return k-(i+1) >= 1 && k-(i+1) <= 2 && k < len(t) && t[k] == '.'
}

// takePeriod decides whether the period at i belongs to the word that began
// at start (whose last hyphen-separated part began at part).
func (s *scanner) takePeriod(start, part, i int, inner bool) bool {
	t := s.text
	if i+1 < len(t) && t[i+1] == '.' {
		return false // an ellipsis follows
	}
	if inner {
		return true
	}
	w := t[part:i]
	if len(w) == 1 && isUpperASCII(w[0]) {
		return true // an initial
	}
	if part == start && utf8.RuneCountInString(w) == 1 {
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
			return true
		}
	}
	switch lookupAbbrev(w) {
	case notAbbrev:
		return false
	case abbrevNumber:
		j := i + 1
		for j < len(t) && (t[j] == ' ' || t[j] == '\t') {
			j++
		}
		return j < len(t) && (isDigit(t[j]) || t[j] == '#')
	}
	return true
}

// urlEnd returns the end of a URL starting at i ("http://", "https://",
// "www."), or 0. Trailing punctuation is left out.
func urlEnd(t string, i int) int {
	c := t[i]
	if c != 'h' && c != 'w' {
		return 0
	}
	rest := t[i:]
	var p int
	switch {
	case len(rest) > 8 && rest[:8] == "https://":
		p = 8
	case len(rest) > 7 && rest[:7] == "http://":
		p = 7
	case len(rest) > 4 && rest[:4] == "www.":
		p = 4
	default:
		return 0
	}
	j := i + p
	parens := 0
	for j < len(t) {
		b := t[j]
		if b <= ' ' || b >= utf8.RuneSelf || b == '"' || b == '<' || b == '>' || b == '`' {
			break
		}
		if b == '(' {
			parens++
		}
		j++
	}
	for j > i+p {
		b := t[j-1]
		if b == '.' || b == ',' || b == ';' || b == ':' || b == '!' || b == '?' || b == '\'' || b == ']' || b == '}' ||
			(b == ')' && parens == 0) {
			j--
			continue
		}
		break
	}
	if j == i+p || !isAlnum(t[i+p]) {
		return 0
	}
	return j
}

// emailEnd returns the end of an e-mail address that starts at start when the
// word scanner stopped at i on one of its characters, or 0.
func emailEnd(t string, start, i int) int {
	if !isAlnum(t[start]) {
		return 0
	}
	j := i
	for j < len(t) && j-start < 128 && isLocalChar(t[j]) {
		j++
	}
	if j >= len(t) || t[j] != '@' || j == start {
		return 0
	}
	for k := start; k < i; k++ {
		if !isLocalChar(t[k]) {
			return 0
		}
	}
	// Domain: labels of letters, digits and '-', at least two, joined by '.'.
	k := j + 1
	labels, end := 0, 0
	for {
		l := k
		for k < len(t) && (isAlnum(t[k]) || t[k] == '-') {
			k++
		}
		if k == l {
			break
		}
		labels++
		end = k
		if k+1 < len(t) && t[k] == '.' && isAlnum(t[k+1]) {
			k++
			continue
		}
		break
	}
	if labels < 2 {
		return 0
	}
	return end
}

func isLocalChar(c byte) bool {
	return isAlnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-'
}

// domainEnd returns the end of a top-level domain that follows the period at
// i ("Amazon.com", "bbc.co.uk"), or 0.
func domainEnd(t string, i int) int {
	k := letterRun(t, i+1)
	if k == i+1 || alnumAt(t, k) || (k < len(t) && t[k] == '-') {
		return 0
	}
	switch t[i+1 : k] {
	case "com", "org", "net", "gov", "edu", "io", "co", "uk", "int", "mil", "info":
		if k < len(t) && t[k] == '.' && domainEnd(t, k) > 0 {
			return domainEnd(t, k)
		}
		return k
	}
	return 0
}

// asciiPunct emits the token of an ASCII byte that is neither a letter, a
// digit nor white space, and returns the position after it.
func (s *scanner) asciiPunct(i int) int {
	t := s.text
	c := t[i]
	switch c {
	case '"':
		s.doubleQuote(i, 1)
		return i + 1
	case '\'':
		if i+1 < len(t) && t[i+1] == '\'' {
			s.doubleQuote(i, 2) // '' as a double quotation mark
			return i + 2
		}
		return s.apostrophe(i, 1)
	case '`':
		if i+1 < len(t) && t[i+1] == '`' {
			s.emit(i, i+2, nlp.Quote, nlp.OpenQuote)
			s.dqOpen = true
			return i + 2
		}
		s.emit(i, i+1, nlp.Quote, nlp.OpenQuote)
		s.sqOpen = true
		return i + 1
	case '.', '-':
		j := i + 1
		for j < len(t) && t[j] == c {
			j++
		}
		s.emit(i, j, nlp.Punct, 0)
		return j
	case '!', '?':
		j := i + 1
		for j < len(t) && (t[j] == '!' || t[j] == '?') {
			j++
		}
		s.emit(i, j, nlp.Punct, 0)
		return j
	case '$', '%', '&', '@', '#', '+', '=', '<', '>', '^', '|', '~', '\\', '*':
		s.emit(i, i+1, nlp.Symbol, 0)
		return i + 1
	}
	if c < ' ' || c == 0x7f {
		s.emit(i, i+1, nlp.Symbol, 0)
		return i + 1
	}
	s.emit(i, i+1, nlp.Punct, 0)
	return i + 1
}

// otherRune emits the token of a non-ASCII rune that is neither a letter, a
// digit nor white space.
func (s *scanner) otherRune(i int, r rune, size int) int {
	switch r {
	case '“', '„', '«', '‹':
		f := nlp.OpenQuote
		if r == '“' && s.closeContext(i, size) && !s.openContext(i) {
			f = nlp.CloseQuote // a reversed mark ("word“ ")
		}
		s.quote(i, i+size, f, r == '‹')
		return i + size
	case '”', '»', '›':
		f := nlp.CloseQuote
		if r == '”' && s.openContext(i) && !s.closeContext(i, size) {
			f = nlp.OpenQuote // ” used for both ends
		}
		s.quote(i, i+size, f, r == '›')
		return i + size
	case '‘':
		if e := s.elisionEnd(i, size); e > 0 {
			s.emit(i, e, wordOrNumber(s.text[i+size:e]), shapeFlags(s.text[i:e]))
			return e
		}
		s.quote(i, i+size, nlp.OpenQuote, true)
		return i + size
	case '’':
		return s.apostrophe(i, size)
	case '…':
		s.emit(i, i+size, nlp.Punct, 0)
		return i + size
	}
	if isWordRune(r) {
		// A combining mark or joiner after a token belongs to it.
		if p, ok := s.prevAdjacent(i); ok && len(s.dst) > s.base {
			p.End = int32(i + size)
			s.dst[len(s.dst)-1] = p
			return i + size
		}
		s.emit(i, i+size, nlp.Symbol, 0)
		return i + size
	}
	if unicode.IsPunct(r) {
		s.emit(i, i+size, nlp.Punct, 0)
		return i + size
	}
	s.emit(i, i+size, nlp.Symbol, 0)
	return i + size
}

func wordOrNumber(w string) nlp.TokenKind {
	if w != "" && isDigit(w[0]) {
		return nlp.Number
	}
	return nlp.Word
}

// quote emits a quotation mark and updates the open state.
func (s *scanner) quote(start, end int, f nlp.TokenFlag, single bool) {
	s.emit(start, end, nlp.Quote, f)
	open := f&nlp.OpenQuote != 0
	if single {
		s.sqOpen = open
	} else {
		s.dqOpen = open
	}
}

// openContext reports whether a quotation mark at i stands where a
// quotation opens: after white space, at the start, or right after an
// opening bracket, a dash, a slash or another opening quotation mark.
func (s *scanner) openContext(i int) bool {
	if s.space || len(s.dst) == s.base {
		return true
	}
	p, ok := s.prevAdjacent(i)
	if !ok {
		return true
	}
	if p.Flags&nlp.OpenQuote != 0 {
		return true
	}
	if p.Kind == nlp.Punct {
		switch s.text[p.Start:p.End] {
		case "(", "[", "{", "-", "--", "–", "—", "/":
			return true
		}
	}
	return false
}

// closeContext reports whether what follows a quotation mark of size at i
// is white space, the end, or punctuation that follows a closed quotation.
func (s *scanner) closeContext(i, size int) bool {
	t := s.text
	j := i + size
	if j >= len(t) {
		return true
	}
	c := t[j]
	if c < utf8.RuneSelf {
		switch c {
		case ' ', '\t', '\n', '\r', '\v', '\f', '.', ',', ';', ':', '!', '?', ')', ']', '}', '"', '\'', '-':
			return true
		}
		return false
	}
	r, _ := utf8.DecodeRuneInString(t[j:])
	switch r {
	case '…', '–', '—', '”', '’', '»', '›':
		return true
	}
	return IsSpace(r)
}

// doubleQuote emits a straight double quotation mark (size 1, or 2 for two
// apostrophes used as one) as an opening or closing mark, by context and
// then by state.
func (s *scanner) doubleQuote(i, size int) {
	open, cl := s.openContext(i), s.closeContext(i, size)
	f := nlp.OpenQuote
	switch {
	case open && !cl:
	case !open && cl:
		f = nlp.CloseQuote
	default:
		if s.dqOpen {
			f = nlp.CloseQuote
		}
	}
	s.quote(i, i+size, f, false)
}

// elisionEnd returns the end of an elided word that starts with the
// apostrophe of size al at i ("'em", "'til", "'90s", "'n'"), or 0.
func (s *scanner) elisionEnd(i, al int) int {
	t := s.text
	j := i + al
	if j+1 < len(t) && isDigit(t[j]) && isDigit(t[j+1]) {
		k := j + 2
		if k < len(t) && t[k] == 's' {
			k++
		}
		if !alnumAt(t, k) {
			return k
		}
		return 0
	}
	k := letterRun(t, j)
	if k == j || alnumAt(t, k) {
		return 0
	}
	w := t[j:k]
	if w == "n" || w == "N" {
		if a := apostropheAt(t, k); a > 0 && !alnumAt(t, k+a) {
			return k + a
		}
		return 0
	}
	if isElision(w) {
		return k
	}
	return 0
}

// apostrophe handles ' or ’ (size al) that the word scanner did not take: a
// clitic after a token, a possessive, an elision, or a single quotation mark.
func (s *scanner) apostrophe(i, al int) int {
	t := s.text
	p, adj := s.prevAdjacent(i)
	afterWord := adj && (p.Kind == nlp.Word || p.Kind == nlp.Number)
	if afterWord {
		if k := cliticEnd(t, i+al); k > 0 {
			s.emit(i, k, nlp.Word, shapeFlags(t[i:k]))
			return k
		}
		if s.sqOpen {
			s.quote(i, i+al, nlp.CloseQuote, true)
			return i + al
		}
		if last := t[p.End-1]; last == 's' || last == 'S' || last == 'z' || last == 'x' {
			s.emit(i, i+al, nlp.Word, 0) // plural possessive
			return i + al
		}
		if !alnumAt(t, i+al) {
			s.emit(i, i+al, nlp.Word, 0) // a dropped letter ("goin'")
			return i + al
		}
	}
	if s.openContext(i) {
		if e := s.elisionEnd(i, al); e > 0 {
			s.emit(i, e, wordOrNumber(t[i+al:e]), shapeFlags(t[i:e]))
			return e
		}
		if !s.closeContext(i, al) {
			s.quote(i, i+al, nlp.OpenQuote, true)
			return i + al
		}
	}
	if s.sqOpen {
		s.quote(i, i+al, nlp.CloseQuote, true)
		return i + al
	}
	if !s.openContext(i) && s.closeContext(i, al) {
		// After punctuation that ends a quotation (",'" or ".'") with no
		// quotation known to be open: still a closing mark.
		s.quote(i, i+al, nlp.CloseQuote, true)
		return i + al
	}
	s.emit(i, i+al, nlp.Quote, 0)
	return i + al
}
