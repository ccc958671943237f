package attribution

import (
	"strings"

	"dossier"
	"dossier/lexicon"
	"dossier/nlp"
)

// nominalCue is one row of the lexicon of nouns that attribute content:
// "criticism of X", "his claim that C", "her decision to run".
type nominalCue struct {
	forms  string // space-separated singular and plural forms
	preps  string // space-separated words that open the content: a preposition, "that", "to"
	stance dossier.StanceLabel
}

// nominalCues is written as general knowledge of English: nouns of
// statement, belief, intention and evaluation, with the words that link
// them to their content.
var nominalCues = [...]nominalCue{
	{"criticism criticisms", "of that", dossier.Asserts},
	{"support", "for", dossier.Asserts},
	{"opposition", "to", dossier.Asserts},
	{"endorsement endorsements", "of", dossier.Asserts},
	{"allegation allegations accusation accusations", "of that", dossier.Asserts},
	{"claim claims assertion assertions", "of that", dossier.Asserts},
	{"concern concerns fear fears worry worries", "about over that", dossier.Asserts},
	{"question questions", "about over", dossier.Uncertain},
	{"call calls demand demands request requests", "for that", dossier.Asserts},
	{"view views belief beliefs", "that", dossier.Asserts},
	{"warning warnings", "about of against that", dossier.Asserts},
	{"promise promises pledge pledges vow vows", "to that of", dossier.Asserts},
	{"decision", "to", dossier.Asserts},
	{"plan plans proposal proposals", "to", dossier.Asserts},
	{"argument arguments suggestion suggestions insistence", "that for", dossier.Asserts},
	{"announcement", "that of", dossier.Asserts},
	{"denial denials", "of that", dossier.Denies},
	{"praise", "for of", dossier.Asserts},
	{"comment comments remark remarks", "about on that", dossier.Asserts},
	{"hope hopes", "of that", dossier.Uncertain},
	{"doubt doubts", "about over that", dossier.Uncertain},
}

// extra is what the lexicons of noun cues and verbs of seeming say about
// one lower-case word form.
type extra struct {
	nominal *nominalCue
	raising int8 // 0: none, 1: a verb of seeming, 2: a passive of belief ("seen")
}

// extraTable maps lower-case word forms to their noun-cue and seeming
// rows.
type extraTable map[string]extra

func newExtraTable() extraTable {
	t := extraTable{}
	for i := range nominalCues {
		for f := range strings.FieldsSeq(nominalCues[i].forms) {
			x := t[f]
			x.nominal = &nominalCues[i]
			t[f] = x
		}
	}
	for _, r := range raisingWords {
		x := t[r.word]
		x.raising = 1
		if r.passive {
			x.raising = 2
		}
		t[r.word] = x
	}
	return t
}

// links reports whether w is one of the words that link noun cue n to its
// content.
func (n *nominalCue) links(w string) bool {
	for p := range strings.FieldsSeq(n.preps) {
		if p == w {
			return true
		}
	}
	return false
}

// nominal finds attributions whose cue is a noun ("his criticism of the
// plan", "Smith's claim that C", "the decision to withdraw"). The source is
// the possessor when there is one; the class is nominal.
func (st *state) nominal() {
	var buf [lowerBuf]byte
	for _, i32 := range st.nomCand {
		i := int(i32)
		if st.inQuote[i] != 0 || st.used[i] {
			continue
		}
		w := st.lower(i, &buf)
		if w == nil || st.toks[i].Is(nlp.Upper) {
			continue
		}
		n := st.infoOf(i).extra.nominal
		if n == nil || i+2 >= len(st.toks) || st.sentOf[i] < 0 {
			continue
		}
		var lb [lowerBuf]byte
		l := st.lower(i+1, &lb)
		if l == nil || !n.links(string(l)) {
			continue
		}
		sa, sb := st.sentence(int(st.sentOf[i]))
		cs := i + 2
		if string(l) == "to" {
			cs = i + 1 // "decision to run": "to" opens the content
			if st.toks[i+2].Kind != nlp.Word || st.pos(i+2)&lexicon.Verb == 0 {
				continue
			}
		}
		if cs >= sb {
			continue
		}
		e := st.clauseEnd(cs, sb)
		if string(l) != "that" {
			e = st.objectEnd(cs, e)
		}
		for e > cs && st.toks[e-1].Kind == nlp.Punct {
			e--
		}
		if e <= cs {
			continue
		}
		if st.insideContent(i) {
			continue // a nested attribution: the outer one holds it
		}
		s := st.possessor(i, sa)
		it := item{sent: int(st.sentOf[i]), cueTok: -1, quotation: -1, srcFirst: s.a, srcLast: s.b}
		it.q.Kind = dossier.Indirect
		it.q.Class = dossier.ClassNominal
		it.q.Stance = n.stance
		it.q.Content = st.span(cs, e)
		it.q.Cue = st.span(i, i+2)
		if string(l) == "to" || string(l) == "that" {
			it.q.Cue = st.span(i, i+1)
		}
		if s.ok() {
			st.setSource(&it.q, s, it.sent)
		} else {
			it.q.SourceType = dossier.SourceUnattributed
		}
		st.add(it)
	}
}

// possessor returns the owner written before the noun cue at token i: a
// possessive pronoun ("his criticism") or a name with "'s" ("Smith's
// claim"), over up to two adjectives ("his harsh criticism").
func (st *state) possessor(i, sa int) src {
	k := i - 1
	for n := 0; n < 2 && k >= sa && st.toks[k].Kind == nlp.Word && st.wc(k) == 0 && !st.upper(k) && st.pos(k)&lexicon.Adjective != 0; n++ {
		k--
	}
	if k < sa {
		return src{}
	}
	if st.is(k, "his") || st.is(k, "her") || st.is(k, "their") || st.is(k, "its") || st.is(k, "our") || st.is(k, "my") {
		return src{k, k + 1}
	}
	if w := st.tok(k); (w == "'s" || w == "’s" || w == "'" || w == "’") && k-1 >= sa {
		if st.ent[k-1] != 0 {
			return st.extendMention(k-1, sa)
		}
		return st.nounPhrase(k-1, sa)
	}
	return src{}
}

// raisingWords are verbs that report how a thing seems to an unnamed
// observer ("X seems to ...", "X is seen as ...", "X is widely considered
// ..."); passive forms count after a form of "be".
var raisingWords = [...]struct {
	word    string
	passive bool
}{
	{"seem", false}, {"seems", false}, {"seemed", false},
	{"appear", false}, {"appears", false}, {"appeared", false},
	{"seen", true}, {"considered", true}, {"viewed", true}, {"regarded", true},
	{"believed", true}, {"thought", true}, {"rumored", true}, {"rumoured", true},
	{"perceived", true}, {"deemed", true}, {"known", true}, {"said", true}, {"reported", true},
	{"expected", true}, {"projected", true}, {"predicted", true},
}

// raising finds attributions without a source whose cue is a verb of
// seeming or a passive of belief: "The plan seemed to collapse", "Smith is
// widely seen as the favourite", "He is said to be ill". The content is
// the subject with the complement (the cue between them is left in), and
// the class belief.
func (st *state) raising() {
	var buf [lowerBuf]byte
	for _, i32 := range st.raiseCand {
		i := int(i32)
		if st.used[i] || st.inQuote[i] != 0 || st.sentOf[i] < 0 || st.toks[i].Is(nlp.Upper) {
			continue
		}
		w := st.lower(i, &buf)
		if w == nil {
			continue
		}
		passive := st.infoOf(i).extra.raising == 2
		sa, sb := st.sentence(int(st.sentOf[i]))
		j := i - 1
		for j > sa && (st.skippable(j) && st.wc(j)&wAux == 0) {
			j--
		}
		be := j >= sa && (st.is(j, "is") || st.is(j, "was") || st.is(j, "are") || st.is(j, "were") || st.is(j, "be") || st.is(j, "been") || st.is(j, "'s") || st.is(j, "’s"))
		if passive != be {
			continue
		}
		n := i + 1
		if n+1 >= sb {
			continue
		}
		switch {
		case st.is(n, "to") && st.toks[n+1].Kind == nlp.Word && !st.upper(n+1):
		case st.is(n, "as") || st.is(n, "like") && !passive:
		case st.is(n, "that") && !passive:
		case passive && string(w) == "known" && st.is(n, "for"):
		case !passive && st.toks[n].Kind == nlp.Word && st.pos(n)&lexicon.Adjective != 0 && st.pos(n)&(lexicon.Noun|lexicon.Preposition|lexicon.Verb) == 0:
		default:
			continue
		}
		// The subject: the phrase before the verb group.
		k := i - 1
		for k >= sa && (st.skippable(k) || st.wc(k)&wAux != 0) {
			k--
		}
		s := src{}
		if k >= sa {
			s = st.sourceLeft(k+1, sa)
		}
		a := i + 1
		if st.is(n, "that") {
			a = n + 1
		} else if s.ok() && !st.is(s.a, "it") && !st.is(s.a, "there") {
			a = s.a
		}
		e := st.objectEnd(i+1, st.clauseEnd(i+1, sb))
		for e > a && st.toks[e-1].Kind == nlp.Punct {
			e--
		}
		if e-a < 3 {
			continue
		}
		it := item{sent: int(st.sentOf[i]), cueTok: -1, quotation: -1}
		it.q.Kind = dossier.Indirect
		it.q.Class = dossier.ClassBelief
		it.q.Stance = dossier.Uncertain
		it.q.Content = st.span(a, e)
		it.q.Cue = st.toks[i].Span()
		it.q.SourceType = dossier.SourceUnattributed
		st.used[i] = true
		st.add(it)
	}
}

// insideContent reports whether token i lies inside the content of an
// attribution already found.
func (st *state) insideContent(i int) bool {
	t := st.toks[i]
	for n := range st.out {
		c := st.out[n].q.Content
		if c.Start <= int(t.Start) && int(t.End) <= c.End {
			return true
		}
	}
	return false
}
