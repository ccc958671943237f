// Package tokenize splits a Doc's text into tokens with byte offsets, in one
// pass and without regular expressions.
//
// PROVISIONAL: a first version so other components can be built; the full
// rules (abbreviations, clitics, sentences, paragraphs) replace it.
package tokenize

import (
	"context"
	"unicode"
	"unicode/utf8"

	"dossier/nlp"
)

// Name is the versioned component name.
const Name = "tokenize.rules.v1"

// Component is the tokenizer as a pipeline component.
type Component struct{}

// New returns the tokenizer component.
func New() *Component { return &Component{} }

// Name implements nlp.Component.
func (*Component) Name() string { return Name }

// Requires implements nlp.Component.
func (*Component) Requires() []nlp.Layer { return nil }

// Assigns implements nlp.Component.
func (*Component) Assigns() []nlp.Layer {
	return []nlp.Layer{nlp.LayerTokens, nlp.LayerSentences, nlp.LayerParagraphs}
}

// Process implements nlp.Component.
func (c *Component) Process(_ context.Context, d *nlp.Doc) error {
	d.Tokens = Tokens(d.Text, d.Tokens[:0])
	d.Sentences, d.Paragraphs = nil, nil
	if len(d.Tokens) > 0 {
		all := nlp.Range{Span: d.Tokens[0].Span(), First: 0, Last: len(d.Tokens)}
		all.Span.End = int(d.Tokens[len(d.Tokens)-1].End)
		d.Sentences = []nlp.Range{all}
		d.Paragraphs = []nlp.Range{all}
	}
	return nil
}

// Tokens appends the tokens of text to dst.
func Tokens(text string, dst []nlp.Token) []nlp.Token {
	i := 0
	space, newline := true, false
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) {
			space = true
			if r == '\n' {
				newline = true
			}
			i += size
			continue
		}
		start := i
		var kind nlp.TokenKind
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			kind = nlp.Word
			if unicode.IsDigit(r) {
				kind = nlp.Number
			}
			i += size
			for i < len(text) {
				r2, s2 := utf8.DecodeRuneInString(text[i:])
				if unicode.IsLetter(r2) || unicode.IsDigit(r2) {
					i += s2
					continue
				}
				break
			}
		case r == '"' || r == '“' || r == '”' || r == '\'' || r == '‘' || r == '’':
			kind = nlp.Quote
			i += size
		case unicode.IsPunct(r):
			kind = nlp.Punct
			i += size
		default:
			kind = nlp.Symbol
			i += size
		}
		tok := nlp.Token{Start: int32(start), End: int32(i), Kind: kind}
		if space {
			tok.Flags |= nlp.SpaceBefore
		}
		if newline {
			tok.Flags |= nlp.NewlineBefore
		}
		if f, _ := utf8.DecodeRuneInString(text[start:]); unicode.IsUpper(f) {
			tok.Flags |= nlp.Upper
		}
		dst = append(dst, tok)
		space, newline = false, false
	}
	return dst
}
