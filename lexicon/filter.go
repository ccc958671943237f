package lexicon

// WordFilter is a Bloom-like filter with one hash, for the components'
// own word tables: a bit set indexed by a mix of a word's length and its
// first and last bytes. A word whose bit is clear was never added, so a
// caller turns it away before hashing the whole word into a table; a word
// whose bit is set may or may not have been added, and the caller looks it
// up. With a few hundred words added, most other words are turned away.
//
// The zero WordFilter is empty. A filter is written while its table is
// built and only read afterwards; reads are safe from any number of
// goroutines then. The empty word is a word like any other: Add("") sets
// its bit and Has of an empty word tests it, so no word that was added is
// ever turned away.
type WordFilter struct {
	bits [filterBits / 64]uint64
}

// filterLog is the number of bits of a WordFilter's hash: 1<<filterLog bits,
// 2 KiB, one size for every table.
const (
	filterLog  = 14
	filterBits = 1 << filterLog
)

// filterBit returns the bit of a word of n bytes that starts with first and
// ends with last: the three mixed by a multiply, the top filterLog bits
// kept.
func filterBit(first, last byte, n int) uint32 {
	h := (uint32(first) | uint32(last)<<8 | uint32(n)<<16) * 0x9e3779b1
	return h >> (32 - filterLog)
}

// Add sets the bit of w.
func (f *WordFilter) Add(w string) {
	var first, last byte
	if n := len(w); n > 0 {
		first, last = w[0], w[n-1]
	}
	b := filterBit(first, last, len(w))
	f.bits[b/64] |= 1 << (b % 64)
}

// HasEnds reports whether the bit of a word of n bytes that starts with
// first and ends with last is set: whether such a word may have been
// added. A caller that lower-cases a word only to look it up can test its
// folded ends first, and lower-case only the words that pass.
func (f *WordFilter) HasEnds(first, last byte, n int) bool {
	b := filterBit(first, last, n)
	return f.bits[b/64]>>(b%64)&1 != 0
}

// Has reports whether w may have been added; false means it was not.
func (f *WordFilter) Has(w []byte) bool {
	if len(w) == 0 {
		return f.bits[0]&1 != 0 // the empty word's bit: filterBit(0, 0, 0) is 0
	}
	return f.HasEnds(w[0], w[len(w)-1], len(w))
}

// HasString is Has of a string.
func (f *WordFilter) HasString(w string) bool {
	if len(w) == 0 {
		return f.bits[0]&1 != 0 // the empty word's bit: filterBit(0, 0, 0) is 0
	}
	return f.HasEnds(w[0], w[len(w)-1], len(w))
}
