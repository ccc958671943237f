package relate

import (
	"math"

	"dossier/lexicon"
)

// IDF holds document frequencies of word keys over a collection of
// articles, for weighting words by rarity: a word found in every article
// says nothing about which story an article tells; a name found in three
// says a lot. Add every article before the first Weight; an IDF is not
// safe for concurrent Add, and safe for concurrent Weight once filled.
//
// An empty IDF (no article added) falls back on the lexicon: a common
// English word weighs 1, any other word (a name, a rare word) 3, and a
// stop word 0.
type IDF struct {
	n   int
	df  map[string]int32
	lex *lexicon.Lexicon
	buf []word
}

// NewIDF returns an empty IDF. lex may be nil (then every word that is not a
// stop word weighs the same until articles are added).
func NewIDF(lex *lexicon.Lexicon) *IDF {
	return &IDF{df: map[string]int32{}, lex: lex}
}

// Add counts the distinct word keys of one article's text.
func (x *IDF) Add(text string) {
	x.n++
	x.buf = split(text, lowerASCII(text), x.buf[:0])
	seen := make(map[string]bool, len(x.buf))
	for _, w := range x.buf {
		if stopWords[w.low] || seen[w.key] {
			continue
		}
		seen[w.key] = true
		x.df[w.key]++
	}
}

// Docs returns the number of articles added.
func (x *IDF) Docs() int { return x.n }

// weight returns the weight of word w: 0 for a stop word, else the smoothed
// inverse document frequency ln((N+1)/(df+0.5)), which is about 0 for a
// key in every article and ln(2N) for a key in none. A word of one
// character weighs nothing (the "s" of a split possessive).
func (x *IDF) weight(w *word) float64 {
	if stopWords[w.low] || len(w.low) < 2 {
		return 0
	}
	if x.n == 0 {
		if x.lex != nil && x.lex.IsCommon(w.low) {
			return 1
		}
		return 3
	}
	return math.Log((float64(x.n) + 1) / (float64(x.df[w.key]) + 0.5))
}

// share returns the share of the collection's articles that hold key; 0
// without a collection.
func (x *IDF) share(key string) float64 {
	if x.n == 0 {
		return 0
	}
	return float64(x.df[key]) / float64(x.n)
}
