// Package tokenize splits a Doc's text into tokens, sentences and paragraphs,
// with byte offsets into the one shared text, in one pass over the bytes and
// one pass over the tokens, without regular expressions and without
// allocating per token.
//
// # Tokens
//
// Tokens are sorted, do not overlap, and the gaps between them are white
// space only (see [IsSpace]). The rules follow news English:
//
//   - Abbreviations keep their period: "U.S.", "N.Y.", "p.m.", "e.g.",
//     "Ph.D.", single-letter initials ("George W. Bush"), and the words of a
//     closed list (titles "Sen.", "Gov.", "Dr."; suffixes "Inc.", "Corp.",
//     "Jr."; months "Jan.", "Sept."; AP state abbreviations "Calif.";
//     "etc.", "vs."; "No." only before a number). Such tokens carry the
//     Abbrev flag. Whether the abbreviation also ends the sentence is the
//     sentence splitter's decision, not the tokenizer's.
//   - Hyphenated words are one token ("short-lived", "Russia-Iran",
//     "U.S.-backed", "COVID-19"). A party-and-region label such as "D-N.Y."
//     in "(D-N.Y.)" is ONE token, Abbrev; "R-Texas" is one token too.
//   - Numbers keep inner "," and "." and the ":" "/" "-" between digits
//     ("1,000", "12.67", "10:30", "9/11", "2026-03-08"). "$", "%" and other
//     symbols are separate Symbol tokens. A unit or scale written right
//     after a number is split off as its own Word token ("1.13bn" is "1.13"
//     "bn"; "5pm" is "5" "pm"); ordinals and decades stay whole and are
//     Numbers ("2nd", "1990s"); other digit-letter mixes are Words with
//     HasDigit ("3D", "G7", "F-35").
//   - Clitics split Penn-style, with straight or curly apostrophes:
//     "Trump's" is "Trump" "'s", "they're" is "they" "'re", "don't" is "do"
//     "n't", "can't" is "ca" "n't". Clitic tokens are Words. Other inner
//     apostrophes stay in the word ("O'Brien"), as do elisions ("'em",
//     "'til", "'90s", "rock 'n' roll"). A word-final apostrophe after "s"
//     outside a single quotation is the plural possessive, a Word token "'".
//   - Runs of periods ("..."), the ellipsis "…", "--", and runs of "!" and
//     "?" are one Punct token each; en and em dashes are Punct tokens.
//   - URLs beginning "http://", "https://" or "www." and e-mail addresses
//     are one Word token.
//
// Quotation marks are Quote tokens flagged OpenQuote or CloseQuote: curly and
// angle quotes by their shape, straight quotes by context (white space or an
// opening bracket before and a non-space after opens; a non-space before and
// white space or punctuation after closes; otherwise the open/closed state of
// the paragraph decides). An apostrophe is a single quotation mark only when
// it clearly opens or closes one (‘like this’ or 'like this'); otherwise it
// belongs to a word.
//
// # Sentences and paragraphs
//
// See [Segment]. A blank line ends a paragraph and a sentence. A text without
// any blank line is read in line mode: every line break that ends a sentence
// also ends a paragraph (the shape of text extracted from HTML).
package tokenize

import (
	"context"
	"fmt"
	"math"
	"unicode"

	"dossier/nlp"
)

// Name is the versioned component name.
const Name = "tokenize.rules.v2"

// Component is the tokenizer and sentence splitter as a pipeline component.
// It holds no state and is safe for concurrent use.
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

// Process implements nlp.Component: it replaces d.Tokens, d.Sentences and
// d.Paragraphs, reusing their backing arrays.
func (c *Component) Process(_ context.Context, d *nlp.Doc) error {
	if len(d.Text) > math.MaxInt32 {
		return fmt.Errorf("tokenize: text of %d bytes is longer than the 2 GiB a token offset can address", len(d.Text))
	}
	d.Tokens = Tokens(d.Text, d.Tokens[:0])
	d.Sentences, d.Paragraphs = Segment(d.Text, d.Tokens, d.Sentences[:0], d.Paragraphs[:0])
	return nil
}

// IsSpace reports whether r is white space for the tokenizer: Unicode white
// space plus the zero-width space and the byte-order mark. Gaps between
// tokens consist of such runes only.
func IsSpace(r rune) bool {
	return unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff'
}

// Tokens appends the tokens of text to dst and returns the extended slice.
// It sets every token flag except SentStart; ParaStart marks the first token
// and every token after a blank line or a paragraph separator (U+2029).
// Texts longer than math.MaxInt32 bytes are not supported (offsets are
// int32); Component.Process rejects them.
func Tokens(text string, dst []nlp.Token) []nlp.Token {
	if cap(dst)-len(dst) < len(text)/6 {
		grown := make([]nlp.Token, len(dst), len(dst)+len(text)/5+8)
		copy(grown, dst)
		dst = grown
	}
	s := scanner{text: text, dst: dst, base: len(dst), space: true, para: true}
	s.run()
	return s.dst
}
