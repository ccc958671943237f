package ner

import (
	"unicode"
	"unicode/utf8"

	"dossier/nlp"
	"dossier/textpos"
)

// A unit is one white-space separated word of the text with its leading and
// trailing punctuation cut off: "(D-N.Y.)" has the core "D-N.Y.", "Trump's"
// the core "Trump", `Moscow."` the core "Moscow". Units are built from the
// tokens, so they do not depend on how finely the tokenizer splits a word.
type unit struct {
	start, end int32 // the core's byte span
	first      int32 // first token of the unit
	flags      uflag
}

type uflag uint32

const (
	uCap         uflag = 1 << iota // core starts with an upper-case letter
	uAllCaps                       // every letter of the core is upper case (two letters or more)
	uLower                         // core starts with a lower-case letter
	uDigit                         // core holds a digit
	uSentStart                     // first unit of a sentence
	uLineStart                     // first unit of a line
	uQuoteOpen                     // a quotation mark was cut from the front
	uParenOpen                     // "(" or "[" was cut from the front
	uPunctAfter                    // punctuation was cut from the end (a name run stops here)
	uComma                         // the cut tail holds a comma
	uEndSent                       // the cut tail ends a sentence (. ! ?)
	uParenClose                    // the cut tail holds ")"
	uAbbrev                        // the core ends with a period of its own ("U.S.", "Sen.")
	uPoss                          // a possessive "'s" was cut
	uHyphen                        // the core holds a hyphen
	uInitial                       // a single capital letter, with or without a period ("J.")
	uCapsLine                      // the unit is in an all-caps or title-case line
	uColon                         // the cut tail holds a colon
	uPunctBefore                   // punctuation other than quotes was cut from the front, or the unit is punctuation
	uDateline                      // the unit is in a dateline ("LONDON 1996-08-30", "MILWAUKEE, Wisconsin")
)

func (u *unit) has(f uflag) bool { return u.flags&f != 0 }

// isAbbrevWord reports whether w (without its period) is an abbreviation
// that keeps its final period.
func isAbbrevWord(w string) bool {
	switch w {
	case "Mr", "Mrs", "Ms", "Dr", "Jr", "Sr", "St", "Sen", "Sens", "Rep", "Reps", "Gov",
		"Govs", "Gen", "Lt", "Col", "Maj", "Capt", "Sgt", "Adm", "Cmdr", "Inc", "Corp",
		"Co", "Ltd", "Bros", "Prof", "Rev", "Mt", "Ft", "Supt", "Det", "Insp", "Pres",
		"Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov",
		"Dec", "No", "vs", "v", "etc", "Mme", "Msgr", "Hon", "Ald", "Atty", "Calif",
		"Fla", "Ill", "Mass", "Mich", "Minn", "Penn", "Tenn", "Tex", "Va", "Wash",
		"Wis", "Conn", "Ariz", "Colo", "Ky", "La", "Md", "Mo", "Neb", "Nev", "Okla",
		"Ore", "Ala", "Ark", "Del", "Ga", "Ind", "Kan", "Miss", "Mont", "Vt", "Wyo":
		return true
	}
	return false
}

// buildUnits appends the units of d's tokens to dst.
func buildUnits(d *nlp.Doc, dst []unit) []unit {
	text := d.Text
	toks := d.Tokens
	prevEnd := false
	for i := 0; i < len(toks); {
		j := i + 1
		for j < len(toks) && !toks[j].Is(nlp.SpaceBefore) {
			j++
		}
		u := unit{first: int32(i)}
		s, e := int(toks[i].Start), int(toks[j-1].End)
		if toks[i].Is(nlp.NewlineBefore) || i == 0 {
			u.flags |= uLineStart | uSentStart
		}
		if toks[i].Is(nlp.SentStart) || toks[i].Is(nlp.ParaStart) || prevEnd {
			u.flags |= uSentStart
		}
		// Cut the front (a word that opens with a letter or digit has
		// nothing to cut).
		for s < e && asciiClass[text[s]]&cAlnum == 0 {
			r, size := utf8.DecodeRuneInString(text[s:e])
			if isQuoteRune(r) {
				u.flags |= uQuoteOpen
			} else if r == '(' || r == '[' || r == '{' {
				u.flags |= uParenOpen | uPunctBefore
			} else if r == '-' || r == '*' || r == '•' || r == '—' || r == '–' {
				u.flags |= uPunctBefore
			} else {
				break
			}
			s += size
		}
		// Cut the back.
		for e > s && asciiClass[text[e-1]]&cAlnum == 0 {
			r, size := utf8.DecodeLastRuneInString(text[s:e])
			switch {
			case r == ',':
				u.flags |= uPunctAfter | uComma
			case r == ';':
				u.flags |= uPunctAfter
			case r == ':':
				u.flags |= uPunctAfter | uColon
			case r == '!' || r == '?' || r == '…':
				u.flags |= uPunctAfter | uEndSent
			case r == ')' || r == ']' || r == '}':
				u.flags |= uPunctAfter | uParenClose
			case isQuoteRune(r):
				// A closing quote, unless it is a possessive apostrophe of a plural.
				u.flags |= uPunctAfter
			case r == '.':
				core := text[s : e-1]
				if isAbbrevCore(core) {
					u.flags |= uAbbrev
					goto doneBack
				}
				u.flags |= uPunctAfter | uEndSent
			case r == '-' || r == '—' || r == '–':
				u.flags |= uPunctAfter
			default:
				goto doneBack
			}
			e -= size
		}
	doneBack:
		// Possessive.
		if e-s > 2 && (text[e-2:e] == "'s" || text[e-2:e] == "'S") {
			e -= 2
			u.flags |= uPoss | uPunctAfter
		} else if e-s > 4 && text[e-4:e] == "’s" {
			e -= 4
			u.flags |= uPoss | uPunctAfter
		}
		if e < s {
			e = s
		}
		u.start, u.end = int32(s), int32(e)
		u.flags |= shapeFlags(text[s:e])
		if e == s {
			u.flags |= uPunctBefore | uPunctAfter
		}
		if len(dst) > 0 {
			// A unit after a lone quotation mark or bracket opens what it opened.
			pu := &dst[len(dst)-1]
			if pu.end == pu.start && !pu.has(uEndSent) && !u.has(uLineStart) {
				u.flags |= pu.flags & (uSentStart | uQuoteOpen | uParenOpen)
				if isQuoteRune(rune(text[toks[pu.first].Start])) {
					u.flags |= uQuoteOpen
				}
			}
		}
		prevEnd = u.has(uEndSent) && !u.has(uAbbrev)
		if u.has(uEndSent) && u.has(uQuoteOpen) && e-s == 0 {
			prevEnd = true
		}
		dst = append(dst, u)
		i = j
	}
	return dst
}

func isQuoteRune(r rune) bool {
	switch r {
	case '"', '\'', '`', '“', '”', '‘', '’', '«', '»', '„':
		return true
	}
	return false
}

// isAbbrevCore reports whether a word followed by a period keeps the period:
// initials and dotted acronyms ("J", "U.S", "D-N.Y"), and known abbreviations.
func isAbbrevCore(core string) bool {
	if core == "" {
		return false
	}
	if len(core) == 1 {
		return core[0] >= 'A' && core[0] <= 'Z' || core[0] >= 'a' && core[0] <= 'z'
	}
	for i := 0; i < len(core); i++ {
		if core[i] == '.' {
			return true
		}
	}
	return isAbbrevWord(core)
}

// Classes of ASCII bytes for shapeFlags and buildUnits.
const (
	cUpper  uint8 = 1 << iota // A-Z
	cLetter                   // a-z, A-Z
	cDigit                    // 0-9
	cHyphen                   // -
	cAlnum                    // a letter or a digit
)

// asciiClass is the class of each byte below utf8.RuneSelf (0 above).
var asciiClass = func() (t [256]uint8) {
	for c := 'a'; c <= 'z'; c++ {
		t[c] = cLetter | cAlnum
		t[c-'a'+'A'] = cLetter | cUpper | cAlnum
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = cDigit | cAlnum
	}
	t['-'] = cHyphen
	return t
}()

// shapeFlags computes the capitalisation flags of a core.
func shapeFlags(w string) uflag {
	var f uflag
	if w == "" {
		return 0
	}
	if c := w[0]; c < utf8.RuneSelf {
		switch x := asciiClass[c]; {
		case x&cUpper != 0:
			f |= uCap
		case x&cLetter != 0:
			f |= uLower
			// Arabic articles before a capitalised name: "al-Assad", "el-Sisi".
			if len(w) > 3 && (w[:3] == "al-" || w[:3] == "el-") && w[3] >= 'A' && w[3] <= 'Z' {
				f = f&^uLower | uCap
			}
		}
	} else {
		r, _ := utf8.DecodeRuneInString(w)
		switch {
		case unicode.IsUpper(r):
			f |= uCap
		case unicode.IsLower(r):
			f |= uLower
		}
	}
	letters, upper := 0, 0
	var seen uint8
	for i := 0; i < len(w); {
		c := w[i]
		if c < utf8.RuneSelf {
			x := asciiClass[c]
			seen |= x
			letters += int(x>>1) & 1 // cLetter
			upper += int(x) & 1      // cUpper
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(w[i:])
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		}
		i += size
	}
	if seen&cDigit != 0 {
		f |= uDigit
	}
	if seen&cHyphen != 0 {
		f |= uHyphen
	}
	if letters >= 2 && upper == letters {
		f |= uAllCaps
	}
	if letters == 1 && f&uCap != 0 && (len(w) == 1 || len(w) == 2 && w[1] == '.') {
		f |= uInitial
	}
	return f
}

// spanOf returns the byte span of a unit's core.
func spanOf(u *unit) textpos.Span { return textpos.Span{Start: int(u.start), End: int(u.end)} }
