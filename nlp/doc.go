// Package nlp holds the Doc that every extraction component reads and writes,
// the Component interface, and the Pipeline that runs components in order.
//
// A Doc owns one text; every layer (tokens, sentences, entities, time
// expressions, figures, quotes, claims) is a list of spans into it. Components
// never import each other: they talk through the layers they declare.
package nlp

import (
	"dossier"
	"dossier/textpos"
)

// TokenKind is the coarse class of a token.
type TokenKind uint8

// Token kinds.
const (
	Word   TokenKind = iota // letters, possibly with inner apostrophes, hyphens, periods ("U.S.", "short-lived")
	Number                  // digits, possibly with inner "," and "." ("1,000", "12.67")
	Punct                   // . , ; : ! ? ( ) [ ] - – — … and other punctuation
	Quote                   // " “ ” ' ‘ ’ « » used as quotation marks
	Symbol                  // $ € £ ¥ % & @ # + and other symbols
)

// TokenFlag is a bit set of cheap facts about a token, computed once by the
// tokenizer so later components do not re-scan bytes.
type TokenFlag uint16

// Token flags.
const (
	Upper         TokenFlag = 1 << iota // first letter is upper case
	AllUpper                            // every letter is upper case (and there are at least two)
	HasDigit                            // contains a digit
	SpaceBefore                         // preceded by white space (or at text start)
	NewlineBefore                       // a line break between this token and the previous one
	ParaStart                           // first token of a paragraph
	SentStart                           // first token of a sentence
	Abbrev                              // ends with a period that belongs to the token ("Sen.", "U.S.")
	OpenQuote                           // a Quote token that opens a quotation
	CloseQuote                          // a Quote token that closes a quotation
)

// Token is one token: a span of the text with its kind and flags.
// Tokens are sorted, do not overlap, and the gaps between them are white space.
type Token struct {
	Start, End int32
	Kind       TokenKind
	Flags      TokenFlag
}

// Span returns the token's byte span.
func (t Token) Span() textpos.Span { return textpos.Span{Start: int(t.Start), End: int(t.End)} }

// Is reports whether every flag in f is set.
func (t Token) Is(f TokenFlag) bool { return t.Flags&f == f }

// Range is a half-open range of token indices [First, Last) with its byte span.
type Range struct {
	Span        textpos.Span
	First, Last int
}

// Doc is one article under analysis: the article, its text, and the layers
// the components have added so far.
type Doc struct {
	Article dossier.Article
	Text    string // == Article.Text

	Tokens     []Token
	Sentences  []Range
	Paragraphs []Range

	Entities []dossier.Entity
	Timex    []dossier.Timex
	Figures  []dossier.Figure
	Quotes   []dossier.Quote
	Claims   []dossier.Claim

	// Producers maps each layer to the versioned component that wrote it.
	Producers map[string]string
}

// NewDoc makes a Doc for an article.
func NewDoc(a dossier.Article) *Doc {
	return &Doc{Article: a, Text: a.Text, Producers: map[string]string{}}
}

// TokenText returns the text of token i.
func (d *Doc) TokenText(i int) string {
	t := d.Tokens[i]
	return d.Text[t.Start:t.End]
}

// SentenceOf returns the index of the sentence holding token i, or -1.
func (d *Doc) SentenceOf(i int) int {
	lo, hi := 0, len(d.Sentences)
	for lo < hi {
		m := (lo + hi) / 2
		s := d.Sentences[m]
		switch {
		case i < s.First:
			hi = m
		case i >= s.Last:
			lo = m + 1
		default:
			return m
		}
	}
	return -1
}

// TokenAt returns the index of the first token whose end is after byte off,
// i.e. the token containing off or the next one; len(Tokens) when none.
func (d *Doc) TokenAt(off int) int {
	lo, hi := 0, len(d.Tokens)
	for lo < hi {
		m := (lo + hi) / 2
		if int(d.Tokens[m].End) <= off {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// Analysis returns the facts of the Doc as a dossier.Analysis.
func (d *Doc) Analysis() dossier.Analysis {
	return dossier.Analysis{
		Article:   d.Article,
		Entities:  d.Entities,
		Quotes:    d.Quotes,
		Claims:    d.Claims,
		Timex:     d.Timex,
		Figures:   d.Figures,
		Producers: d.Producers,
	}
}
