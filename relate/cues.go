package relate

import (
	"strings"
	"unicode/utf8"

	"dossier/textpos"
)

// cueKind is what a cue word or phrase says about a text's position toward
// the story it tells.
type cueKind uint8

const (
	cueNone   cueKind = iota
	cueRefute         // the story is false: "hoax", "fake", "debunked", "not true"
	cueHedge          // the story is reported, not vouched for: "reportedly", "claims", "according to"
	cueAssert         // the story is vouched for: "confirmed", "officially", "in fact"
	cueNegate         // a clause negation: "not", "never", "n't" (for a claim's polarity)
	cueDeny           // a source denies the story: "denied", "dismissed", "refuted"
)

// cueList is one row of the cue tables: phrases of lower-case words
// separated by "|", each phrase's words by spaces. General English,
// written by hand; no entry comes from the data the component is measured
// on.
type cueList struct {
	kind    cueKind
	phrases string
}

var cueLists = [...]cueList{
	{cueRefute, "hoax|hoaxes|hoaxer|hoaxed|fake|fakes|faked|faking|false|falsely|falsehood|debunk|debunked|debunks|debunking|" +
		"untrue|fabricated|fabrication|fabricate|made up|bogus|myth|myths|prank|pranks|prankster|spoof|" +
		"photoshopped|doctored|retracted|retraction|misleading|lie|lies|baseless|unfounded|" +
		"incorrect|erroneous|inaccurate|scam|nonsense|" +
		"not true|no truth|no evidence|not real|never happened|did not happen|didn't happen|not the case|" +
		"rubbish|ridiculous|absurd|urban legend|phony|phoney|sham"},
	{cueDeny, "deny|denies|denied|denying|denial|denials|refute|refuted|refutes|rebut|rebutted|dismiss|dismissed|dismisses|" +
		"rejected|rejects|disputed|disputes|contradicted|contradicts"},
	{cueHedge, "reportedly|allegedly|alleged|purportedly|purported|supposedly|apparently|claim|claims|claimed|claiming|" +
		"rumor|rumors|rumored|rumour|rumours|rumoured|unconfirmed|unverified|speculation|speculated|speculate|" +
		"according to|could not be verified|cannot be verified|not be independently verified|not confirmed|if true|" +
		"appears to|appear to|appeared to|seems to|seem to|seemed to|said to|is believed|are believed|may|might|could|" +
		"possibly|perhaps|unclear|not clear|remains to be seen|report|reports|reported|suggests|suggested|" +
		"believed to|thought to|is thought|are thought|sources|source|unnamed|anonymous|circulating|viral|went viral|" +
		"confirm or deny|confirmed or denied|neither confirm nor deny|neither confirmed nor denied|declined to comment|" +
		"would not comment|did not comment|no comment"},
	{cueAssert, "confirmed|confirms|confirm|confirming|confirmation|officially|announced|announces|verified|proved|proven|" +
		"it is true|in fact|indeed|definitely|actually|revealed|reveals"},
	{cueNegate, "not|never|no|nobody|nothing|neither|nor|cannot|isn't|wasn't|aren't|weren't|doesn't|didn't|don't|won't|" +
		"hasn't|haven't|hadn't|can't|couldn't|wouldn't|shouldn't|ain't"},
}

// cueTable maps the first word of each cue phrase to the phrases (as word
// slices) that start with it, longest first.
type cueTable map[string][]cuePhrase

type cuePhrase struct {
	words []string
	kind  cueKind
}

func newCueTable() cueTable {
	t := cueTable{}
	for _, l := range cueLists {
		for p := range strings.SplitSeq(l.phrases, "|") {
			// The word splitter splits at apostrophes: "didn't" is
			// "didn" and "t".
			ws := strings.Fields(strings.ReplaceAll(p, "'", " "))
			if len(ws) == 0 {
				continue
			}
			t[ws[0]] = append(t[ws[0]], cuePhrase{words: ws, kind: l.kind})
		}
	}
	for k, ps := range t {
		for i := 1; i < len(ps); i++ {
			for j := i; j > 0 && len(ps[j].words) > len(ps[j-1].words); j-- {
				ps[j], ps[j-1] = ps[j-1], ps[j]
			}
		}
		t[k] = ps
	}
	return t
}

// match returns the kind and length in words of the longest cue phrase
// starting at words[i]; cueNone and 0 when none does.
func (t cueTable) match(words []word, i int) (cueKind, int) {
	for _, p := range t[words[i].low] {
		if i+len(p.words) > len(words) {
			continue
		}
		ok := true
		for j := 1; j < len(p.words); j++ {
			if words[i+j].low != p.words[j] || words[i+j].sent != words[i].sent {
				ok = false
				break
			}
		}
		if ok {
			return p.kind, len(p.words)
		}
	}
	return cueNone, 0
}

// cueHit is one cue found in a text.
type cueHit struct {
	kind cueKind
	sent int
	span textpos.Span
	// negated: a negation word stands in the two words before the cue
	// ("not a hoax", "isn't fake"); a negated refuting cue asserts.
	negated bool
	// quoted: the cue lies inside quotation marks.
	quoted bool
	// bound: a negation word that negates the refuting or denying cue
	// after it ("not a hoax"), and so not the clause.
	bound bool
}

// negationWindow is how many words before a cue a negation word negates
// it: "not a hoax", "is not fake" (the article "a" or a copula between).
const negationWindow = 2

// scan finds the cues of words (split from text), longest phrase first,
// each word in at most one cue. Negation words are returned too (kind
// cueNegate), so a caller can see a negation that no cue follows.
func (t cueTable) scan(text string, words []word, dst []cueHit) []cueHit {
	quoted := quotedWords(text, words)
	lastNeg, lastNegHit := -100, -1
	for i := 0; i < len(words); {
		k, n := t.match(words, i)
		if n == 0 {
			i++
			continue
		}
		h := cueHit{kind: k, sent: int(words[i].sent), quoted: quoted[i],
			span: textpos.Span{Start: int(words[i].start), End: int(words[i+n-1].end)}}
		if k != cueNegate && i-lastNeg <= negationWindow && words[lastNeg].sent == words[i].sent {
			h.negated = true
			if k == cueRefute || k == cueDeny {
				dst[lastNegHit].bound = true
			}
		}
		if k == cueNegate {
			lastNeg, lastNegHit = i+n-1, len(dst)
		}
		dst = append(dst, h)
		i += n
	}
	return dst
}

// quotedWords reports for each word whether it lies inside quotation
// marks: between “ and ”, between two straight double quotes, or between
// an opening single quote (‘ or ' after a non-letter) and a closing one (’
// or ' before a non-letter); an apostrophe inside a word ("don't") is
// neither.
func quotedWords(text string, words []word) []bool {
	out := make([]bool, len(words))
	double, single := false, false
	wi := 0
	prev := ' '
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		next := ' '
		if i+n < len(text) {
			next, _ = utf8.DecodeRuneInString(text[i+n:])
		}
		switch r {
		case '“':
			double = true
		case '”':
			double = false
		case '"':
			double = !double
		case '‘':
			single = true
		case '’', '\'':
			switch {
			case !isWordRune(prev) && isWordRune(next):
				single = true
			case isWordRune(prev) && !isWordRune(next) || !isWordRune(prev) && !isWordRune(next):
				single = false
			}
		}
		for wi < len(words) && int(words[wi].start) <= i {
			if int(words[wi].start) == i {
				out[wi] = double || single
			}
			wi++
		}
		prev = r
		i += n
	}
	return out
}
