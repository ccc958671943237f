package relate

import (
	"strconv"
	"unicode"
	"unicode/utf8"
)

// A word of a text: its byte span, its key (lower case, lightly stemmed; a
// substring of the lower-cased text, so keys never allocate) and the index
// of its sentence.
type word struct {
	start, end int32
	sent       int32
	key        string
	low        string // the whole word in lower case, unstemmed
}

// lowerASCII returns s with the ASCII capitals lowered. Byte offsets are
// unchanged, so spans of s index the result too. Other letters keep their
// case: a non-ASCII capital stays a different key from its lower-case form,
// which costs at most a missed match.
func lowerASCII(s string) string {
	i := 0
	for i < len(s) && !('A' <= s[i] && s[i] <= 'Z') {
		i++
	}
	if i == len(s) {
		return s
	}
	b := []byte(s)
	for ; i < len(b); i++ {
		if c := b[i]; 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// isWordRune reports whether r belongs to a word: letters and digits.
// Apostrophes, hyphens and every other mark split words ("Ruiz's" is
// "ruiz" and "s"; "3-legged" is "3" and "legged").
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// sentenceEnd reports whether the text after byte i (the end of a word or
// punctuation run) closes a sentence: a ".", "!" or "?" (possibly followed
// by closing quotes or brackets) and then white space, or a line break.
func sentenceBreak(text string, from, to int) bool {
	end := false
	for i := from; i < to; {
		r, n := utf8.DecodeRuneInString(text[i:])
		switch r {
		case '.', '!', '?':
			end = true
		case '\n':
			return true
		case ' ', '\t', '\r', 0xa0:
			if end {
				return true
			}
		}
		i += n
	}
	return false
}

// split returns the words of text, with sentence numbers. low is text with
// ASCII capitals lowered (lowerASCII(text)). A sentence ends at ".", "!" or
// "?" before white space, or at a line break; an abbreviation such as "Mr."
// splits a sentence too, which only narrows the windows the stance signals
// look at.
func split(text, low string, dst []word) []word {
	if dst == nil {
		dst = make([]word, 0, len(text)/6+1) // about one word in six bytes of news
	}
	sent := int32(0)
	prevEnd := 0
	i := 0
	for i < len(text) {
		r, n := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(text[i:])
		}
		if !isWordRune(r) {
			i += n
			continue
		}
		start := i
		i += n
		for i < len(text) {
			r, n = rune(text[i]), 1
			if r >= utf8.RuneSelf {
				r, n = utf8.DecodeRuneInString(text[i:])
			}
			if !isWordRune(r) {
				break
			}
			i += n
		}
		if len(dst) > 0 && sentenceBreak(text, prevEnd, start) {
			sent++
		}
		prevEnd = i
		w := low[start:i]
		key, ok := "", false
		if len(w) <= maxNumberWord {
			key, ok = numberKeys[w]
		}
		if !ok {
			key = stem(w)
		}
		dst = append(dst, word{start: int32(start), end: int32(i), sent: sent, key: key, low: w})
	}
	return dst
}

// stem strips common English inflections by truncation, so that a key is
// always a prefix of its word and needs no allocation: plural and
// third-person "s" and "es", "ies" to "i", past "ed" and progressive "ing"
// on words long enough to keep a stem of four letters ("reported" and
// "reports" meet at "report"; "claims", "claimed", "claiming" at "claim").
// Both sides of every comparison are stemmed the same way, so an odd stem
// ("denies" and "denied" both give "deni") still matches itself.
func stem(w string) string {
	n := len(w)
	switch {
	case n > 4 && w[n-3:] == "ies":
		return w[:n-2]
	case n > 5 && w[n-3:] == "ing":
		return w[:n-3]
	case n > 5 && w[n-2:] == "ed":
		return w[:n-2]
	case n > 4 && w[n-2:] == "es" && (w[n-3] == 's' || w[n-3] == 'x' || w[n-3] == 'h'):
		return w[:n-2]
	case n > 3 && w[n-1] == 's' && w[n-2] != 's' && w[n-2] != 'u' && w[n-2] != 'i':
		return w[:n-1]
	}
	return w
}

// stopWords are English function words, auxiliaries and a few words that
// appear in nearly every news text; they carry no weight in the overlap
// of a claim and an article. General English, written by hand.
var stopWords = setOf(
	"a an the this these those that its it their his her our my your some any each every such another other " +
		"of in on at to for from with by about into onto over under after before during between among through against " +
		"without within upon via per across toward towards up down out off than then there here " +
		"and or but nor so yet also as which who whom whose what when where why how whether if because while though although " +
		"i you he she we they me him us them himself herself itself themselves ourselves myself one " +
		"is are was were be been being am has have had having do does did done will would shall should must can could " +
		"may might s t re ve ll d m not no just only very more most much many new said says say told tell " +
		"now all both can also well even still back get got make made like first last year years day days time")

func setOf(words string) map[string]bool {
	m := map[string]bool{}
	start := -1
	for i := 0; i <= len(words); i++ {
		if i == len(words) || words[i] == ' ' {
			if start >= 0 {
				m[words[start:i]] = true
				start = -1
			}
			continue
		}
		if start < 0 {
			start = i
		}
	}
	return m
}

// maxNumberWord is the length of the longest key of numberKeys.
const maxNumberWord = len("eleventh")

// numberKeys gives number words and ordinals the key of their digits, so
// that "three", "third" and "3rd" all match "3". "One" and "first" stay
// stop words.
var numberKeys = func() map[string]string {
	m := map[string]string{}
	words := [...]struct{ card, ord, digits string }{
		{"two", "second", "2"}, {"three", "third", "3"}, {"four", "fourth", "4"}, {"five", "fifth", "5"},
		{"six", "sixth", "6"}, {"seven", "seventh", "7"}, {"eight", "eighth", "8"}, {"nine", "ninth", "9"},
		{"ten", "tenth", "10"}, {"eleven", "eleventh", "11"}, {"twelve", "twelfth", "12"},
	}
	for _, w := range words {
		m[w.card] = w.digits
		m[w.ord] = w.digits
	}
	m["2nd"], m["3rd"] = "2", "3"
	for d := 4; d <= 12; d++ {
		m[strconv.Itoa(d)+"th"] = strconv.Itoa(d)
	}
	return m
}()
