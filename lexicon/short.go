package lexicon

// ShortWords is a read-only table from words of 1 to 8 bytes to values,
// for the components' own small word lists. A word is packed into a
// uint64 (PackWord, or PackByte while a word is read), so a lookup is a
// multiply and a compare or two in a few kilobytes, where a Go map hashes
// the string and compares it through a pointer. Longer words, and words
// with a zero byte, are not in the table; callers look them up elsewhere.
type ShortWords[V any] struct {
	keys []uint64 // 0: empty
	vals []V
	mask uint64
	bits uint8
}

// MaxShort is the longest word a ShortWords holds.
const MaxShort = 8

// PackByte returns k with byte c at position i (0 to MaxShort-1) of a
// packed word. c must not be zero: the bytes of a packed word end at its
// first zero byte.
func PackByte(k uint64, i int, c byte) uint64 { return k | uint64(c)<<(8*uint(i)) }

// PackWord returns w packed, and whether it fits: 1 to MaxShort bytes, none
// of them zero.
func PackWord(w string) (uint64, bool) {
	if len(w) == 0 || len(w) > MaxShort {
		return 0, false
	}
	var k uint64
	for i := range len(w) {
		if w[i] == 0 {
			return 0, false
		}
		k = PackByte(k, i, w[i])
	}
	return k, true
}

// NewShortWords returns the table of the words of m that fit (see
// PackWord).
func NewShortWords[V any](m map[string]V) *ShortWords[V] {
	t := &ShortWords[V]{bits: 4}
	n := 0
	for w := range m {
		if _, ok := PackWord(w); ok {
			n++
		}
	}
	for 1<<t.bits < 4*n {
		t.bits++
	}
	size := 1 << t.bits
	t.keys, t.vals, t.mask = make([]uint64, size), make([]V, size), uint64(size-1)
	for w, v := range m {
		k, ok := PackWord(w)
		if !ok {
			continue
		}
		i := t.slot(k)
		for t.keys[i] != 0 {
			i = (i + 1) & t.mask
		}
		t.keys[i], t.vals[i] = k, v
	}
	return t
}

func (t *ShortWords[V]) slot(k uint64) uint64 { return (k * 0x9e3779b97f4a7c15) >> (64 - t.bits) }

// Get returns the value of the packed word k, and whether the table has
// it.
func (t *ShortWords[V]) Get(k uint64) (V, bool) {
	for i := t.slot(k); ; i = (i + 1) & t.mask {
		switch t.keys[i] {
		case 0: // first: a zero k is no word
			var zero V
			return zero, false
		case k:
			return t.vals[i], true
		}
	}
}
