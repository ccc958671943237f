package attribution

import "strings"

// wclass is a bit set of the closed-class roles a lower-case word plays in
// the source and clause rules.
type wclass uint32

const (
	wSubjPronoun wclass = 1 << iota // he, she, they, we, I, it, you
	wObjPronoun                     // him, her, them, us, me, you
	wAux                            // has, had, will, would, did, is, was ...
	wSkipAdverb                     // also, later, again, previously ...
	wDet                            // the, a, this, his, their, some ...
	wRelative                       // who, which, that
	wBoundary                       // words that end a subject walking left: and, but, because, as, when ...
	wAnon                           // anonymous people: sources, officials, analysts ...
	wSpokes                         // people who speak for a body: spokesperson, representative
	wReport                         // reports, media
	wDocument                       // statement, filings, study, data ...
	wOutletNoun                     // newspaper, network, magazine ...
	wPostMod                        // familiar, close, briefed: adjectives taking a complement after a source
	wClauseStart                    // words that can open a content clause without "that"
	wPrep                           // prepositions that open an adjunct after a cue ("in a statement")
	wAskedLead                      // when, if, after, before, while: "when asked"
	wAsked                          // asked, pressed, questioned
	wIntro                          // words that open an introductory phrase before the subject
	wNegation                       // not, n't, never
	wWh                             // what, how, why, whether ...: open an embedded question
	wTimePrefix                     // on, late, earlier ...: open a time adjunct ("late Monday")
	wMedium                         // statement, interview, briefing ...: the medium of a statement
	wMediumPrep                     // in, on, at, during ...: open a medium adjunct ("in a statement")
)

// wordRows lists the closed-class words of each class, as general English.
var wordRows = [...]struct {
	class wclass
	words string
}{
	{wSubjPronoun, "he she they we i it you"},
	{wObjPronoun, "him her them us me you"},
	{wAux, "has have had having will would did does do is was were are be been being could can may might should must shall 's 've 'd 'll"},
	{wSkipAdverb, "also later previously again repeatedly recently once often then earlier separately privately publicly initially subsequently further first still already long always never reportedly allegedly flatly firmly strongly vehemently bluntly quickly angrily simply just even only frequently openly explicitly specifically ultimately finally originally"},
	{wNegation, "not n't never"},
	{wDet, "the a an this that these those his her its their our my your some any no many several both each every another other such all most"},
	{wRelative, "who which that whom"},
	{wWh, "what how why whether when where who which if"},
	{wBoundary, "and but or nor because as when while after before since although though if whether where so than until unless once that which who whom what how why"},
	{wAnon, "source sources official officials people person analyst analysts aide aides diplomat diplomats insider insiders expert experts observer observers critic critics adviser advisers advisor advisors witness witnesses resident residents investigator investigators prosecutor prosecutors authority authorities lawmaker lawmakers economist economists investor investors trader traders strategist strategists researcher researchers scientist scientists doctor doctors police officer officers member members staffer staffers supporter supporters opponent opponents activist activists employee employees worker workers leader leaders executive executives sources source participant participants attendee attendees negotiator negotiators someone somebody others many few some family relative relatives friend friends colleague colleagues ally allies voter voters respondent respondents"},
	{wSpokes, "spokesperson spokesman spokeswoman spokespeople spokesmen spokeswomen representative representatives official officials"},
	{wReport, "report reports media rumors rumours speculation accounts coverage"},
	{wDocument, "statement statements filing filings document documents study studies data survey surveys poll polls letter letters memo memos memorandum complaint lawsuit suit indictment ruling analysis assessment records record release transcript transcripts email emails message messages post tweet figures estimates research paper review audit investigation probe inquiry affidavit testimony notice order decision filing guidance forecast projection projections"},
	{wOutletNoun, "newspaper newspapers network networks magazine broadcaster outlet outlets paper channel tabloid daily wire station"},
	{wPostMod, "familiar close briefed knowledgeable privy involved aware"},
	{wClauseStart, "he she they we i it you there this these those the a an his her its their our my your some no many most several both all any each every another one two three four five six seven eight nine ten nobody none nothing everyone everybody anyone someone something everything if"},
	{wPrep, "in on at during via through from after before with to over across for amid against about of into upon toward towards under without within behind beyond despite since until like"},
	{wAskedLead, "when if after before while as"},
	{wAsked, "asked pressed questioned challenged"},
	{wTimePrefix, "on in at during since by until from over late early earlier later last this next"},
	{wMedium, "statement statements interview interviews remarks speech address briefing briefings appearance conference hearing testimony podcast broadcast post posts tweet letter email video release op-ed column editorial memo call message"},
	{wMediumPrep, "in on at during via through"},
	{wIntro, "on in at after before during when while since as asked speaking writing following despite amid last earlier later yesterday today tonight meanwhile however but and still also separately for according from under with by"},
}

// numberWords maps number words to their values, for source counts ("four
// sources").
var numberWords = [...]struct {
	word string
	n    int
}{
	{"one", 1}, {"two", 2}, {"three", 3}, {"four", 4}, {"five", 5}, {"six", 6},
	{"seven", 7}, {"eight", 8}, {"nine", 9}, {"ten", 10}, {"eleven", 11},
	{"twelve", 12}, {"thirteen", 13}, {"fourteen", 14}, {"fifteen", 15},
	{"sixteen", 16}, {"seventeen", 17}, {"eighteen", 18}, {"nineteen", 19},
	{"twenty", 20}, {"thirty", 30}, {"forty", 40}, {"fifty", 50}, {"dozen", 12},
	{"hundred", 100}, {"a dozen", 12}, {"both", 2}, {"pair", 2},
}

// wordTables are the closed-class words looked up by hashing.
type wordTables struct {
	class  map[string]wclass
	number map[string]int
}

func newWordTables() wordTables {
	w := wordTables{class: map[string]wclass{}, number: map[string]int{}}
	for _, r := range wordRows {
		for f := range strings.FieldsSeq(r.words) {
			w.class[f] |= r.class
		}
	}
	for _, n := range numberWords {
		w.number[n.word] = n.n
	}
	return w
}
