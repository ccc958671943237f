package ner

import (
	"dossier"
)

// scratch holds the per-document tables of one Process call. They are
// reused through Component.pool, so that a document does not take them
// from the heap again; each call takes its own scratch, so the component
// stays safe for concurrent use.
type scratch struct {
	us      []unit
	memo    []uint64
	sent    []int32
	cands   []cand
	capSeen map[string]struct{}
	surname map[string]int
	known   map[string]int
	single  map[string]dossier.EntityType
	idx     map[gkey]int
	groups  []group
	people  []pm
	pronoun []pronounMention
	order   []int
	rank    []int
}

// gkey identifies an entity while candidates are grouped.
type gkey struct {
	typ dossier.EntityType
	key string
}

// pm is a person's mention that a pronoun may refer to.
type pm struct {
	unit int32
	ent  int
}

// pronounMention is a resolved pronoun: its unit and its entity.
type pronounMention struct {
	unit int32
	ent  int
}

// maxKeep bounds the per-token tables kept for reuse: a very long
// document's tables go back to the garbage collector.
const maxKeep = 1 << 16

func (c *Component) getScratch() *scratch {
	if sc, ok := c.pool.Get().(*scratch); ok {
		return sc
	}
	return &scratch{
		capSeen: make(map[string]struct{}, 64),
		surname: make(map[string]int, 16),
		known:   make(map[string]int, 64),
		single:  make(map[string]dossier.EntityType, 16),
		idx:     make(map[gkey]int, 64),
	}
}

// release returns st's tables to the pool, dropping their references to
// the document's text.
func (c *Component) release(st *state) {
	sc := st.sc
	if cap(st.us) > maxKeep || cap(st.cands) > maxKeep || len(sc.capSeen) > maxKeep/16 || len(sc.known) > maxKeep/16 {
		return
	}
	sc.us = st.us[:0]
	sc.memo = st.memo[:0]
	sc.sent = st.sent[:0]
	clear(st.cands)
	sc.cands = st.cands[:0]
	clear(sc.capSeen)
	clear(sc.surname)
	clear(sc.known)
	clear(sc.single)
	clear(sc.idx)
	clear(sc.groups[:cap(sc.groups)])
	sc.groups = sc.groups[:0]
	sc.people = sc.people[:0]
	sc.pronoun = sc.pronoun[:0]
	sc.order = sc.order[:0]
	sc.rank = sc.rank[:0]
	c.pool.Put(sc)
}

// grow returns s with length n, reusing its array when it is large enough;
// the contents are not cleared.
func grow[T any](s []T, n int) []T {
	if cap(s) >= n {
		return s[:n]
	}
	return make([]T, n, n+n/4)
}
