package stance

import (
	"strings"

	"dossier/lexicon"
)

// wflag is a bit set of what a lower-case word does for stance and claims.
type wflag uint32

const (
	fStop        wflag = 1 << iota // function word: never part of a predicate
	fAux                           // auxiliary or modal: opens a verb group
	fHedge                         // hedge kept beside the label: "may", "reportedly"
	fNeg                           // clause negation: "not", "n't", "never"
	fNo                            // determiner negation: "no", "little" (before an evidence noun)
	fEvidence                      // evidence noun: "evidence", "indication", "sign"
	fSpeech                        // finite speech verb: the content reports a speech act
	fLabel                         // labelling cue: "labeled", "called", "framed"
	fUncertain                     // attitude of not knowing: "hope", "doubt", "unsure"
	fCut                           // concessive or causal subordinator ending a proposition
	fCond                          // conditional or interrogative opener: "if", "whether"
	fAnaphor                       // refers back to a proposition: "that", "this", "it", "so"
	fExpect                        // expectation frame before "to": "expected", "likely"
	fUnlikely                      // negative expectation frame: "unlikely"
	fClaimNoun                     // names a claim: "claims", "reports", "allegations"
	fFalse                         // judges a claim false: "false", "baseless"
	fCaution                       // judges a claim unverified: "cautiously", "unverified"
	fTrue                          // judges a claim true: "true", "accurate"
	fPronoun                       // personal pronoun
	fBelief                        // belief verb: "believe", "think"
	fAsk                           // question cue: "asked", "questioned"
	fDeclined                      // refusal in a cue: "declined", "refused"
	fNeither                       // "neither" of "neither confirmed nor denied"
	fFirstPerson                   // "I", "we"
	fEllipsis                      // an auxiliary that can end an elliptical clause ("they're not")
	fDet                           // determiner
)

// wordList is one row of the word tables: space-separated lower-case words
// and their flags. The tables are general English, written by hand.
type wordList struct {
	words string
	flags wflag
}

var wordLists = [...]wordList{
	{"a an the this these those that its their his her our my your some any each every such another other", fStop | fDet},
	{"of in on at to for from with by about into onto over under after before during between among through against without within upon via per across toward towards", fStop},
	{"and or but nor so yet also as than then there here which who whom whose what when where why how whether if", fStop},
	{"i you he she it we they me him us them himself herself itself themselves ourselves myself one", fStop | fPronoun},
	{"i we", fFirstPerson},
	{"is are was were be been being am 's 're 'm", fStop | fAux | fEllipsis},
	{"has have had having 've 'd", fStop | fAux | fEllipsis},
	{"do does did", fStop | fAux | fEllipsis},
	{"will would shall should must can ca wo 'll", fStop | fAux | fEllipsis},
	{"may might could", fStop | fAux | fEllipsis | fHedge},
	{"reportedly allegedly possibly perhaps probably likely apparently seemingly purportedly potentially presumably supposedly maybe", fStop | fHedge},
	{"not n't never", fStop | fNeg},
	{"no little", fStop | fNo},
	{"evidence indication indications sign signs proof suggestion hint basis reason", fEvidence},
	{"said says told tells warned warns urged urges asked asks announced announces stated declared declares insisted insists argued argues claimed added adds wrote writes testified testifies promised promises vowed vows threatened threatens demanded demands denied denies accused accuses confirmed confirms reported", fSpeech},
	{"label labels labeled labelled labeling labelling call calls called calling dub dubs dubbed dubbing brand brands branded branding term terms termed nickname nicknamed describe describes described describing characterize characterizes characterized characterizing characterise characterised frame frames framed framing", fLabel},
	{"hope hopes hoped hoping doubt doubts doubted doubting wonder wonders wondered wondering unsure unclear uncertain unknown", fUncertain},
	{"despite although though because whereas unless while", fCut},
	{"if unless whether", fCond},
	{"that this it so such", fAnaphor},
	{"expected likely set poised due slated projected forecast predicted", fExpect},
	{"unlikely", fExpect | fUnlikely},
	{"claim claims report reports allegation allegations accusation accusations suggestion suggestions rumor rumors rumour rumours speculation story stories account accounts assertion assertions", fClaimNoun},
	{"false untrue baseless unfounded groundless fake nonsense lie lies incorrect inaccurate wrong fabricated fabrication bogus absurd ridiculous", fFalse},
	{"cautiously caution unverified unconfirmed skepticism scepticism premature", fCaution},
	{"true accurate correct", fTrue},
	{"believe believes believed believing think thinks thought thinking", fBelief},
	{"asked asking questioned", fAsk},
	{"declined declines refused refuses", fDeclined},
	{"neither", fNeither},
	{"all whatsoever just very too much many more most less least only even still already now again up out off down", fStop},
}

// synonyms groups very common news predicates whose members state the same
// proposition in different words. Each row is one class; the first word names
// it. Written as general knowledge of English.
var synonyms = [...]string{
	"give provide supply send share deliver furnish pass transfer hand offer",
	"help aid assist support back cooperate cooperation assistance collaborate",
	"attack strike target hit bomb shell raid assault",
	"ease lift relax loosen lighten waive",
	"tighten toughen restrict curb",
	"raise increase hike boost",
	"cut reduce lower slash trim",
	"intelligence information data details",
	"troops forces soldiers military",
	"kill slay",
	"meet talk negotiate",
	"ban prohibit bar forbid",
	"sanction penalty penalize",
	"win defeat beat",
	"buy purchase acquire",
	"sell",
	"leave quit resign exit",
	"expand grow widen escalate spread",
	"oppose resist reject",
	"allow permit authorize approve",
	"benefit profit gain",
}

// tables are the word tables of one Component, built once by New.
type tables struct {
	flags map[string]wflag  // lower-case word -> flags
	syn   map[string]uint64 // stem -> synonym class key
	// shortFlags and shortSyn hold the words of flags and syn of up to
	// lexicon.MaxShort bytes, looked up by their packed bytes.
	shortFlags *lexicon.ShortWords[wflag]
	shortSyn   *lexicon.ShortWords[uint64]
	// filter holds the words of flags: a word it turns away has no
	// flags, and is not hashed.
	filter lexicon.WordFilter
	// synFilter does the same for the keys of syn.
	synFilter lexicon.WordFilter
}

// synonym returns the synonym class key of a lower-case word or stem.
func (t *tables) synonym(w []byte) (uint64, bool) {
	if !t.synFilter.Has(w) {
		return 0, false
	}
	if p, ok := pack(w); ok {
		return t.shortSyn.Get(p)
	}
	k, ok := t.syn[string(w)]
	return k, ok
}

// pack returns w packed for a lexicon.ShortWords, and whether it fits.
func pack(w []byte) (uint64, bool) {
	if len(w) == 0 || len(w) > lexicon.MaxShort {
		return 0, false
	}
	var k uint64
	for i, c := range w {
		if c == 0 {
			return 0, false
		}
		k = lexicon.PackByte(k, i, c)
	}
	return k, true
}

// wordFlags returns the flags of a lower-case word.
func (t *tables) wordFlags(w []byte) wflag {
	if !t.filter.Has(w) {
		return 0
	}
	if p, ok := pack(w); ok {
		f, _ := t.shortFlags.Get(p)
		return f
	}
	return t.flags[string(w)]
}

func newTables() *tables {
	t := &tables{flags: map[string]wflag{}, syn: map[string]uint64{}}
	for _, l := range wordLists {
		for w := range strings.FieldsSeq(l.words) {
			t.flags[w] |= l.flags
			t.filter.Add(w)
		}
	}
	var buf [maxWord]byte
	for i, row := range synonyms {
		key := uint64(i+1) | 1<<63
		for w := range strings.FieldsSeq(row) {
			n := copy(buf[:], w)
			n = stem(buf[:n])
			s := string(buf[:n])
			t.syn[s] = key
			t.synFilter.Add(s)
		}
	}
	t.shortFlags, t.shortSyn = lexicon.NewShortWords(t.flags), lexicon.NewShortWords(t.syn)
	return t
}

// maxWord is the longest word looked up; longer words are never in a table.
const maxWord = 32

// lowerWord writes the lower case of an ASCII word into buf, with a curly
// apostrophe written as a straight one, and returns its length; 0 when the
// word is too long or not ASCII otherwise.
func lowerWord(buf *[maxWord]byte, w string) int {
	n := 0
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c == 0xE2 && i+2 < len(w) && w[i+1] == 0x80 && (w[i+2] == 0x99 || w[i+2] == 0x98) {
			c = '\''
			i += 2
		} else if c >= 0x80 {
			return 0
		}
		if n == maxWord {
			return 0
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[n] = c
		n++
	}
	return n
}

// stem strips common English inflections from a lower-case word in place
// and returns the new length: provide, provides, provided, providing all
// give "provid"; countries and country give "countr".
func stem(b []byte) int {
	n := len(b)
	has := func(s string) bool { return n > len(s)+2 && string(b[n-len(s):n]) == s }
	switch {
	case has("ing"):
		n -= 3
		if n >= 2 && b[n-1] == b[n-2] && b[n-1] != 'l' && b[n-1] != 's' {
			n-- // "targetting", "shipping"
		}
	case has("ies"), has("ied"):
		n -= 3
		b[n] = 'y'
		n++
	case has("ed"):
		n -= 2
		if n >= 2 && b[n-1] == b[n-2] && b[n-1] != 'l' && b[n-1] != 's' {
			n--
		}
	case has("es") && (b[n-3] == 's' || b[n-3] == 'x' || b[n-3] == 'h'):
		n -= 2
	case has("s") && b[n-2] != 's':
		n--
	}
	if n > 3 && b[n-1] == 'e' {
		n--
	}
	if n > 3 && b[n-1] == 'y' {
		n--
	}
	if n > 4 && string(b[n-2:n]) == "ly" {
		n -= 2
	}
	return n
}
