package stance

import (
	"slices"
	"strings"

	"dossier"
	"dossier/nlp"
	"dossier/textpos"
)

// Thresholds of the similarity of two propositions (0..1) for them to be
// one claim: a plain proposition, one whose head verb differs, and a
// referent of an anaphoric fragment (which by its nature names a claim
// already discussed).
const (
	joinScore     = 0.55
	joinOtherHead = 0.8
	joinReferent  = 0.3
	weightEnt     = 0.3
	weightPred    = 0.7
	// maxClaimsBack bounds how many of the latest claims a proposition is
	// compared with, so that the work stays linear in long documents.
	maxClaimsBack = 64
)

// claim is one claim being built.
type claim struct {
	members []*prop // propositions with features, for similarity
	stances []*prop // one per source
	last    int     // order of the latest stance added
}

// similarity scores how likely p and m state the same proposition: the
// overlap of their entities and the Dice overlap of their predicate stems.
// It returns the score and whether their head verbs differ.
func similarity(p, m *prop) (float64, bool) {
	if len(p.stems) == 0 || len(m.stems) == 0 {
		return 0, false
	}
	inter := 0
	for _, k := range p.stems {
		if slices.Contains(m.stems, k) {
			inter++
		}
	}
	pred := 2 * float64(inter) / float64(len(p.stems)+len(m.stems))
	ent := 0.0
	if len(p.ents) > 0 && len(m.ents) > 0 {
		ei := 0
		for _, id := range p.ents {
			if slices.Contains(m.ents, id) {
				ei++
			}
		}
		if ei == 0 {
			return 0, false // about different things
		}
		ent = float64(ei) / float64(min(len(p.ents), len(m.ents)))
	}
	if inter == 0 {
		return 0, false
	}
	return weightEnt*ent + weightPred*pred, p.head != 0 && m.head != 0 && p.head != m.head
}

// group assigns the propositions to claims in text order.
func (st *state) group() []*claim {
	var claims []*claim
	var recent *claim
	// Every claim comes from a proposition: one array holds them all.
	var slab []claim
	for n, p := range st.props {
		var best *claim
		bestScore := 0.0
		hasBody := p.body[0] < p.body[1]
		for ci := len(claims) - 1; ci >= 0 && ci >= len(claims)-maxClaimsBack; ci-- {
			c := claims[ci]
			if conflicts(c, p) {
				continue
			}
			for _, m := range c.members {
				sc, otherHead := similarity(p, m)
				need := joinScore
				switch {
				case p.anaphoric:
					need = joinReferent
				case otherHead:
					need = joinOtherHead
				}
				if sc >= need && sc > bestScore {
					best, bestScore = c, sc
				}
			}
		}
		if p.topic {
			// The topic of a refusal joins a claim it names, or none.
			if best != nil {
				best.add(st, p)
				best.last = n
			}
			continue
		}
		if best == nil && p.anaphoric && !hasBody && recent != nil && !conflicts(recent, p) {
			best = recent
		}
		if best == nil {
			if !hasBody {
				continue // refers back to nothing we know
			}
			if slab == nil {
				slab = make([]claim, 0, len(st.props)-n)
			}
			slab = append(slab, claim{})
			best = &slab[len(slab)-1]
			claims = append(claims, best)
		}
		if hasBody {
			best.members = append(best.members, p)
		}
		best.add(st, p)
		best.last = n
		recent = best
	}
	return claims
}

// conflicts reports whether p's source already takes a different stance in c.
func conflicts(c *claim, p *prop) bool {
	for _, s := range c.stances {
		if s.key == p.key && s.label != p.label {
			return true
		}
	}
	return false
}

// add records p as its source's stance in c, keeping the more explicit
// evidence when the source already has one.
func (c *claim) add(st *state, p *prop) {
	for i, s := range c.stances {
		if s.key == p.key {
			if st.explicitness(p) > st.explicitness(s) {
				c.stances[i] = p
			}
			return
		}
	}
	c.stances = append(c.stances, p)
}

// explicitness ranks evidence: the source's own words before a paraphrase,
// an unhedged statement before a hedged one.
func (st *state) explicitness(p *prop) int {
	r := 0
	if k := st.d.Quotes[p.quote].Kind; k == dossier.Direct || k == dossier.Mixed {
		r += 2
	}
	if p.hedge.Empty() {
		r++
	}
	return r
}

// finish builds the claims of the Doc.
func (st *state) finish() []dossier.Claim {
	groups := st.group()
	out := make([]dossier.Claim, 0, len(groups))
	for _, g := range groups {
		if len(g.stances) == 0 || len(g.members) == 0 {
			continue
		}
		cl := dossier.Claim{ID: claimID(len(out)), Statement: st.statement(st.lead(g))}
		for _, m := range g.members {
			for _, id := range m.ents {
				if !slices.Contains(cl.Entities, id) {
					cl.Entities = append(cl.Entities, id)
				}
			}
		}
		slices.SortStableFunc(g.stances, func(a, b *prop) int {
			return st.d.Quotes[a.quote].Content.Start - st.d.Quotes[b.quote].Content.Start
		})
		cl.Stances = make([]dossier.Stance, 0, len(g.stances))
		for _, p := range g.stances {
			cl.Stances = append(cl.Stances, st.stance(p))
		}
		out = append(out, cl)
	}
	return out
}

// claimIDs are the ids of a document's claims: "c1", "c2"...
var claimIDs = nlp.NewIDs("c", 64)

// claimID returns the id of the claim at position n (from 0).
func claimID(n int) string { return claimIDs.At(n) }

// lead picks the member whose wording makes the claim's statement: the first
// one that states the proposition itself rather than referring to it.
func (st *state) lead(g *claim) *prop {
	for _, m := range g.members {
		if !m.anaphoric {
			return m
		}
	}
	return g.members[0]
}

// stance is the ledger entry of p.
func (st *state) stance(p *prop) dossier.Stance {
	q := &st.d.Quotes[p.quote]
	ev := textpos.Span{Start: int(st.toks[p.seg[0]].Start), End: int(st.toks[p.seg[1]-1].End)}
	switch {
	case q.Kind == dossier.Direct && !p.anaphoric:
		ev = trimQuote(st.text, q.Content, ",;:")
	case p.anaphoric:
		ev = trimQuote(st.text, q.Content, ",")
	case p.accuse && !q.Cue.Empty() && q.Cue.End <= ev.Start:
		ev.Start = q.Cue.Start
	}
	return dossier.Stance{
		Speaker:     q.Speaker,
		SpeakerName: q.SpeakerName,
		Source:      q.Source,
		SourceType:  q.SourceType,
		SourceCount: q.SourceCount,
		Stance:      p.label,
		Cue:         q.Cue,
		Hedge:       p.hedge.Text(st.text),
		Evidence:    ev,
		Quote:       q.ID,
	}
}

// statement writes the proposition of p positively: its words without the
// negation, an expectation frame read as "will", a leading pronoun replaced
// by its entity's name, the first letter in capitals.
func (st *state) statement(p *prop) string {
	var b strings.Builder
	a, e := p.body[0], p.body[1]
	if a < e {
		b.Grow(int(st.toks[e-1].End-st.toks[a].Start) + 8)
	}
	for i := a; i < e; i++ {
		if slices.Contains(p.skip[:], i) {
			continue
		}
		if p.exp >= 0 && i < p.exp && i > a && st.flags(i)&(fAux|fNeg) != 0 && st.expGroup(p, i) {
			continue
		}
		w := st.tokText(i)
		if i == p.exp {
			w = "will"
			i++ // "to"
		} else if i == a && st.flags(i)&fPronoun != 0 && st.entOf[i] != 0 {
			if e := &st.d.Entities[st.entOf[i]-1]; e.Type != dossier.NORP {
				w = e.Name
			}
		}
		if b.Len() > 0 && st.toks[i].Is(nlp.SpaceBefore) {
			b.WriteByte(' ')
		}
		if b.Len() == 0 && w != "" && 'a' <= w[0] && w[0] <= 'z' {
			// The first letter in capitals (what is trimmed below is
			// never the first byte of a statement that keeps one).
			b.WriteByte(w[0] - 'a' + 'A')
			w = w[1:]
		}
		b.WriteString(w)
	}
	return strings.TrimRight(b.String(), " ,;:")
}

// expGroup reports whether token i is part of the verb group before the
// expectation frame ("is not" in "is not expected to").
func (st *state) expGroup(p *prop, i int) bool {
	for k := i + 1; k < p.exp; k++ {
		if st.flags(k)&(fAux|fNeg) == 0 {
			return false
		}
	}
	return true
}

// trimQuote shrinks sp past white space, quotation marks (straight or
// curly) and the ASCII bytes in cut at both ends.
func trimQuote(text string, sp textpos.Span, cut string) textpos.Span {
	if !sp.Valid(len(text)) {
		return sp
	}
	for {
		t := sp.Trim(text, "\"'"+cut)
		for _, m := range [...]string{"“", "”", "‘", "’"} {
			if strings.HasPrefix(text[t.Start:t.End], m) {
				t.Start += len(m)
			}
			if strings.HasSuffix(text[t.Start:t.End], m) {
				t.End -= len(m)
			}
		}
		if t == sp {
			return sp
		}
		sp = t
	}
}
