package lexicon

import (
	"encoding/binary"
	"math/bits"
)

// table is a read-only hash table from phrases to slots, built once from a
// map. A phrase of up to cellKey bytes is kept in the table's own array,
// beside its slot, so that a lookup reads one or two cells of one cache
// line instead of following the pointers of a Go map (its directory, its
// groups and the key's bytes). The lexicon's maps are large, and their
// lookups mostly miss the CPU caches: each pointer followed is a miss.
// Longer phrases, a few hundred, are in a Go map.
type table struct {
	cells []cell
	mask  uint64
	long  map[string]slot
	n     int
}

// cellKey is the longest phrase a cell holds.
const cellKey = 23

// key is a phrase in a cell: its bytes, zero padded, and its length in
// the last byte. The length tells "ab" from "ab\x00", and 0 marks an empty
// cell (the lexicon has no empty phrase).
type key [cellKey + 1]byte

type cell struct {
	k key
	s slot
}

// makeKey fills k with s and reports whether s fits a cell (1 to cellKey
// bytes).
func makeKey(k *key, s string) bool {
	if len(s) == 0 || len(s) > cellKey {
		return false
	}
	copy(k[:], s)
	k[cellKey] = byte(len(s))
	return true
}

func (k *key) hash() uint64 {
	a := binary.LittleEndian.Uint64(k[0:8])
	b := binary.LittleEndian.Uint64(k[8:16])
	c := binary.LittleEndian.Uint64(k[16:24])
	hi, lo := bits.Mul64(a^0xa0761d6478bd642f, b^0xe7037ed1a0b428db)
	h := hi ^ lo ^ c*0x9e3779b97f4a7c15
	h ^= h >> 29
	h *= 0xbf58476d1ce4e5b9
	return h ^ h>>32
}

// newTable builds the table of m, whose slots index ents: each slot of
// the table takes the class and parts of speech of its entry. The array
// has about 1.6 cells per phrase, so that most lookups read one cell, or
// two in one cache line.
func newTable(m map[string]slot, ents []Entry) *table {
	size := 16
	for size*5 < len(m)*8 {
		size <<= 1
	}
	t := &table{cells: make([]cell, size), mask: uint64(size - 1), n: len(m)}
	for p, s := range m {
		s = packSlot(int(s.index()), ents[s.index()])
		var k key
		if !makeKey(&k, p) {
			if t.long == nil {
				t.long = map[string]slot{}
			}
			t.long[p] = s
			continue
		}
		i := k.hash() & t.mask
		for t.cells[i].k[cellKey] != 0 {
			i = (i + 1) & t.mask
		}
		t.cells[i] = cell{k, s}
	}
	return t
}

// get returns the slot of phrase p.
func (t *table) get(p string) (slot, bool) {
	var k key
	if !makeKey(&k, p) {
		s, ok := t.long[p]
		return s, ok
	}
	return t.getKey(&k)
}

// getKey returns the slot of the phrase in k, which must fit a cell.
func (t *table) getKey(k *key) (slot, bool) {
	// Compare the cells as three words: a 24-byte array compare is a call.
	a := binary.LittleEndian.Uint64(k[0:8])
	b := binary.LittleEndian.Uint64(k[8:16])
	c := binary.LittleEndian.Uint64(k[16:24])
	for i := k.hash() & t.mask; ; i = (i + 1) & t.mask {
		ce := &t.cells[i]
		cc := binary.LittleEndian.Uint64(ce.k[16:24])
		if cc == c && binary.LittleEndian.Uint64(ce.k[0:8]) == a && binary.LittleEndian.Uint64(ce.k[8:16]) == b {
			return ce.s, true
		}
		if ce.k[cellKey] == 0 {
			return 0, false
		}
	}
}

// all yields every phrase of the table and its slot.
func (t *table) all(yield func(string, slot) bool) {
	for i := range t.cells {
		c := &t.cells[i]
		if n := c.k[cellKey]; n != 0 {
			if !yield(string(c.k[:n]), c.s) {
				return
			}
		}
	}
	for p, s := range t.long {
		if !yield(p, s) {
			return
		}
	}
}
