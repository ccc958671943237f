package tokenize

import (
	"unicode"
	"unicode/utf8"

	"dossier/nlp"
)

// Segment appends the sentences and paragraphs of toks, the tokens of text as
// [Tokens] returns them, to sents and paras and returns the extended slices.
// It sets SentStart on the first token of every sentence and, in line mode,
// ParaStart on the first token of every paragraph. Every token lies in
// exactly one sentence and one paragraph, in order; every paragraph boundary
// is a sentence boundary; each Range's span runs from its first token's start
// to its last token's end.
//
// A sentence ends:
//   - at a paragraph break (a blank line, U+2029);
//   - after ".", "!", "?" or a run of them, together with the closing
//     quotation marks and brackets right after it, unless the next word is
//     lower case ("Why?" he asked) or the next words are a name and a
//     speech verb ("Why?" Smith asked). A sentence inside a quotation ends
//     there too when the quotation goes on with a capital: in
//     "I'm tired. Let's go," she said. the split falls after "tired." — the
//     attribution component joins quoted sentences, not this one;
//   - after an ellipsis only when a capitalized word or a quotation follows;
//   - after an abbreviation ("U.S.", "Inc.", "Calif.", an initial) only when
//     the next word is one that opens sentences ("The", "He", "But"...) or,
//     for "a.m.", "p.m." and "etc.", any capitalized word but a time zone;
//     never after a title ("Sen.", "Dr."), "vs.", "e.g." or "No. 5";
//   - at a line break after a line without final punctuation (a headline or
//     subheading), unless the next line begins in lower case or the line
//     ends with a comma, colon, dash, opening bracket or quotation mark, a
//     title, or a word that cannot end a headline ("the", "of", "and"),
//     which are hard-wrapped text.
//
// Line mode: a text with no blank line at all (one paragraph per line, as
// text extracted from HTML often is) has a paragraph break at every line
// break where a sentence ends.
func Segment(text string, toks []nlp.Token, sents, paras []nlp.Range) ([]nlp.Range, []nlp.Range) {
	if len(toks) == 0 {
		return sents, paras
	}
	// News sentences run to about 25 tokens and paragraphs to two or
	// three sentences: room for most texts, so the slices rarely grow.
	if cap(sents)-len(sents) < len(toks)/16 {
		sents = append(make([]nlp.Range, 0, len(sents)+len(toks)/16+2), sents...)
	}
	if cap(paras)-len(paras) < len(toks)/32 {
		paras = append(make([]nlp.Range, 0, len(paras)+len(toks)/32+2), paras...)
	}
	lineMode := true
	for _, t := range toks[1:] {
		if t.Flags&nlp.ParaStart != 0 {
			lineMode = false
			break
		}
	}
	toks[0].Flags |= nlp.SentStart | nlp.ParaStart
	sent, para := 0, 0
	for k := 1; k < len(toks); k++ {
		f := toks[k].Flags
		newPara := f&nlp.ParaStart != 0
		if !newPara && !endsBefore(text, toks, k) {
			continue
		}
		if lineMode && f&nlp.NewlineBefore != 0 {
			newPara = true
			toks[k].Flags |= nlp.ParaStart
		}
		toks[k].Flags |= nlp.SentStart
		sents = append(sents, rangeOf(toks, sent, k))
		sent = k
		if newPara {
			paras = append(paras, rangeOf(toks, para, k))
			para = k
		}
	}
	sents = append(sents, rangeOf(toks, sent, len(toks)))
	paras = append(paras, rangeOf(toks, para, len(toks)))
	return sents, paras
}

func rangeOf(toks []nlp.Token, first, last int) nlp.Range {
	return nlp.Range{
		Span:  toks[first].Span().Union(toks[last-1].Span()),
		First: first,
		Last:  last,
	}
}

// Kinds of token that can end a sentence.
const (
	termNone = iota
	termStop
	termEllipsis
	termAbbrev
)

func termKind(text string, t nlp.Token) int {
	switch t.Kind {
	case nlp.Punct:
		switch w := text[t.Start:t.End]; w[0] {
		case '.':
			if len(w) == 1 {
				return termStop
			}
			return termEllipsis
		case '!', '?':
			return termStop
		default:
			if w == "…" {
				return termEllipsis
			}
		}
	case nlp.Word:
		if t.Flags&nlp.Abbrev != 0 {
			return termAbbrev
		}
	}
	return termNone
}

// isCloser reports whether t closes something: a closing quotation mark or
// bracket, which stays with the sentence before it.
func isCloser(text string, t nlp.Token) bool {
	if t.Flags&nlp.CloseQuote != 0 {
		return true
	}
	if t.Kind != nlp.Punct || t.End-t.Start != 1 {
		return false
	}
	c := text[t.Start]
	return c == ')' || c == ']' || c == '}'
}

// neverStarts reports whether t cannot open a sentence: closers and
// punctuation that continues or ends one.
func neverStarts(text string, t nlp.Token) bool {
	if isCloser(text, t) {
		return true
	}
	if t.Kind != nlp.Punct {
		return false
	}
	switch text[t.Start] {
	case ',', ';', ':', '.', '!', '?':
		return true
	}
	return text[t.Start:t.End] == "…"
}

// wordCase returns +1 when t is a word beginning with an upper-case letter,
// -1 when with a lower-case one, and 0 otherwise.
func wordCase(text string, t nlp.Token) int {
	if t.Kind != nlp.Word {
		return 0
	}
	if t.Flags&nlp.Upper != 0 {
		return 1
	}
	c := text[t.Start]
	if c < utf8.RuneSelf {
		if c-'a' < 26 {
			return -1
		}
		return 0
	}
	if r, _ := utf8.DecodeRuneInString(text[t.Start:]); unicode.IsLower(r) {
		return -1
	}
	return 0
}

// endsBefore reports whether a sentence ends between toks[k-1] and toks[k]
// (paragraph breaks aside).
func endsBefore(text string, toks []nlp.Token, k int) bool {
	cur := toks[k]
	if cur.Flags&nlp.SpaceBefore == 0 || neverStarts(text, cur) {
		return false
	}
	// The first word of what follows, past an opening quotation mark or
	// bracket.
	nx := k
	if k+1 < len(toks) && (cur.Flags&nlp.OpenQuote != 0 || (cur.Kind == nlp.Punct && text[cur.Start] == '(')) {
		nx = k + 1
	}
	nl := cur.Flags&nlp.NewlineBefore != 0

	p := k - 1
	quoted := false
	for p > 0 && k-p <= 3 && isCloser(text, toks[p]) {
		if toks[p].Flags&nlp.CloseQuote != 0 {
			quoted = true
		}
		p--
	}
	term := termKind(text, toks[p])
	if term == termNone && !nl {
		return false // most tokens: no terminator before, no line break
	}
	nextCase := wordCase(text, toks[nx])
	switch term {
	case termStop:
		if nextCase < 0 || (quoted && speechFollows(text, toks, k)) {
			return false
		}
		return true
	case termEllipsis:
		if nextCase < 0 || (quoted && speechFollows(text, toks, k)) {
			return false
		}
		return nextCase > 0 || cur.Flags&nlp.OpenQuote != 0 || nl
	case termAbbrev:
		if nextCase < 0 {
			return false
		}
		t := toks[p]
		switch abbrevClassOf(text[t.Start : t.End-1]) {
		case abbrevTitle, abbrevNumber:
			return false
		case abbrevClause:
			if nextCase > 0 && !isTimeContinuer(text[toks[nx].Start:toks[nx].End]) {
				return true
			}
		default:
			if nextCase > 0 && isSentenceOpener(text[toks[nx].Start:toks[nx].End]) {
				return true
			}
			if nx != k && cur.Flags&nlp.OpenQuote != 0 && nextCase > 0 {
				return true
			}
		}
		return nl
	}
	if nl {
		return lineBreakEnds(text, toks[k-1], nextCase)
	}
	return false
}

// abbrevClassOf classifies an abbreviation token's text without its final
// period: a single capital is an initial, a word with inner periods is
// generic unless listed, and a hyphenated label ("D-Calif") goes by its last
// part.
func abbrevClassOf(w string) abbrevClass {
	if c := lookupAbbrev(w); c != notAbbrev {
		return c
	}
	for i := len(w) - 1; i >= 0; i-- {
		if w[i] == '-' {
			if c := lookupAbbrev(w[i+1:]); c != notAbbrev {
				return c
			}
			break
		}
	}
	if utf8.RuneCountInString(w) == 1 {
		return abbrevInitial
	}
	return abbrevGeneric
}

// speechFollows reports whether the tokens from k are a capitalized name
// (or title) and then a speech verb: "Why?" Smith asked.
func speechFollows(text string, toks []nlp.Token, k int) bool {
	for j := k; j < len(toks) && j < k+5; j++ {
		switch wordCase(text, toks[j]) {
		case 1:
			continue
		case -1:
			return j > k && isSpeechVerb(text[toks[j].Start:toks[j].End])
		}
		return false
	}
	return false
}

// lineBreakEnds reports whether a line break after prev, the last token of a
// line without final punctuation, ends the sentence.
func lineBreakEnds(text string, prev nlp.Token, nextCase int) bool {
	if nextCase < 0 || prev.Flags&nlp.OpenQuote != 0 {
		return false
	}
	w := text[prev.Start:prev.End]
	switch prev.Kind {
	case nlp.Punct:
		switch w {
		case ",", ";", ":", "-", "--", "–", "—", "(", "[", "/":
			return false
		}
	case nlp.Symbol:
		if w == "&" {
			return false
		}
	case nlp.Word:
		if prev.Flags&nlp.Abbrev != 0 && abbrevClassOf(w[:len(w)-1]) == abbrevTitle {
			return false
		}
		if isLineContinuer(w) {
			return false
		}
	}
	return true
}
