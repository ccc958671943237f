package nlp

import "strconv"

// IDs hands out the ids of a document's facts in order, "e1", "e2", ...,
// from a table built once, so the common ones cost no allocation.
type IDs struct {
	prefix string
	table  []string
}

// NewIDs returns the ids prefix+"1", prefix+"2", ..., with the first n
// built in advance.
func NewIDs(prefix string, n int) *IDs {
	t := &IDs{prefix: prefix, table: make([]string, n)}
	for i := range t.table {
		t.table[i] = prefix + strconv.Itoa(i+1)
	}
	return t
}

// At returns the id of the fact at position n (from 0).
func (t *IDs) At(n int) string {
	if n < len(t.table) {
		return t.table[n]
	}
	return t.prefix + strconv.Itoa(n+1)
}
