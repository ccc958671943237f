package attribution

import (
	"strings"

	"dossier"
)

// frame is a bit set of the constructions a cue word takes part in.
type frame uint16

const (
	// speech verbs introduce a that-clause or a quotation ("said",
	// "warned"), before or after the content.
	speech frame = 1 << iota
	// tell verbs take an addressee before the content ("told reporters
	// that", "assured them").
	tell
	// object verbs take a plain object as their content ("denied the
	// charge", "confirmed the report").
	object
	// accuse verbs take "Y of Z" as their content ("accused Russia of
	// aiding Iran").
	accuse
	// label verbs attribute a quoted name or label ("labeled them the
	// "Sleepy Chamber"", "called it "a disaster"").
	label
	// attitude verbs report a belief or feeling, not speech ("believes",
	// "fears"); they count as attributions in corpora that annotate
	// non-speech attribution.
	attitude
	// quoteOnly verbs attribute only quotations, never indirect speech
	// ("he continued", "she quipped").
	quoteOnly
	// thatOnly verbs take indirect content only after "that" ("found
	// that", "agreed that"), since without it they are ordinary verbs.
	thatOnly
	// toInf verbs take an infinitive as content ("promised to cut taxes",
	// "refused to release his returns").
	toInf
	// evaluation verbs report a source's judgement of, or support for, a
	// thing ("criticized the plan", "endorsed Smith"): non-speech
	// attribution of class evaluation.
	evaluation
	// intention verbs report a desire, plan or request ("wants to run",
	// "called for a ban"): non-speech attribution of class intention.
	intention
	// question verbs report a question asked ("asked whether"): class
	// question, not an assertion of the content.
	question
	// nounish verbs are far more often nouns in their bare and -s forms
	// ("the states", "swing states"): those forms cue only before "that"
	// or after a pronoun or a name.
	nounish
)

// class returns the attribution class a cue of frame f reports: speech for
// verbs of saying, else evaluation, intention or belief.
func (f frame) class() dossier.QuoteClass {
	switch {
	case f&question != 0:
		return dossier.ClassQuestion
	case f&evaluation != 0:
		return dossier.ClassEvaluation
	case f&intention != 0:
		return dossier.ClassIntention
	case f&(speech|tell|quoteOnly|label|accuse) != 0:
		return dossier.ClassSpeech
	case f&attitude != 0:
		return dossier.ClassBelief
	}
	return dossier.ClassSpeech
}

// cueWord is one row of the reporting-verb lexicon: every inflection of a
// verb, what the cue implies about the source's position toward the content,
// and the frames the verb takes.
type cueWord struct {
	forms  string // space-separated inflections, British spellings included
	stance dossier.StanceLabel
	frame  frame
}

// cueWords is the reporting-verb lexicon, written as general knowledge of
// English. The stance is what the cue alone implies: "said" asserts the
// content as stated, "denied" denies it, "doubted" leaves it uncertain.
// Negation and hedges inside the content are the stance component's work.
var cueWords = [...]cueWord{
	// Neutral verbs of saying: the source asserts the content as stated.
	{"say says saying said", dossier.Asserts, speech},
	{"tell tells telling told", dossier.Asserts, speech | tell},
	{"report reports reporting reported", dossier.Asserts, speech | object},
	{"note notes noting noted", dossier.Asserts, speech},
	{"add adds adding added", dossier.Asserts, speech},
	{"state states stating stated", dossier.Asserts, speech | nounish},
	{"write writes writing wrote written", dossier.Asserts, speech},
	{"explain explains explaining explained", dossier.Asserts, speech | thatOnly},
	{"clarify clarifies clarifying clarified", dossier.Asserts, speech | thatOnly},
	{"respond responds responding responded", dossier.Asserts, speech | thatOnly},
	{"reply replies replying replied", dossier.Asserts, speech | thatOnly},
	{"continue continues continuing continued", dossier.Asserts, quoteOnly},
	{"remark remarks remarking remarked", dossier.Asserts, speech | thatOnly},
	{"observe observes observing observed", dossier.Asserts, speech | thatOnly},
	{"comment comments commenting commented", dossier.Asserts, speech | thatOnly},
	{"mention mentions mentioning mentioned", dossier.Asserts, speech | thatOnly},
	{"recall recalls recalling recalled", dossier.Asserts, speech | thatOnly},
	{"tweet tweets tweeting tweeted tweet", dossier.Asserts, speech | thatOnly},
	{"post posts posting posted", dossier.Asserts, speech | thatOnly},
	{"announce announces announcing announced", dossier.Asserts, speech | object},
	{"declare declares declaring declared", dossier.Asserts, speech | thatOnly},
	{"testify testifies testifying testified", dossier.Asserts, speech},
	{"quip quips quipping quipped", dossier.Asserts, quoteOnly},
	{"joke jokes joking joked", dossier.Asserts, speech | thatOnly},
	{"exclaim exclaims exclaiming exclaimed", dossier.Asserts, quoteOnly},
	{"shout shouts shouting shouted", dossier.Asserts, quoteOnly},
	{"chant chants chanting chanted", dossier.Asserts, quoteOnly},
	{"yell yells yelling yelled", dossier.Asserts, quoteOnly},
	{"whisper whispers whispering whispered", dossier.Asserts, quoteOnly},
	{"laugh laughs laughing laughed", dossier.Asserts, quoteOnly},
	{"scream screams screaming screamed", dossier.Asserts, quoteOnly},
	{"mutter mutters muttering muttered", dossier.Asserts, quoteOnly},
	{"gush gushes gushing gushed", dossier.Asserts, quoteOnly},
	{"sigh sighs sighing sighed", dossier.Asserts, quoteOnly},
	{"beam beams beaming beamed", dossier.Asserts, quoteOnly},
	{"scoff scoffs scoffing scoffed", dossier.Asserts, quoteOnly},
	{"marvel marvels marveling marvelled marveled marvelling", dossier.Asserts, quoteOnly},
	{"read reads reading", dossier.Asserts, quoteOnly}, // a sign, a banner, a message
	{"counter counters countering countered", dossier.Asserts, speech | thatOnly},
	{"retort retorts retorting retorted", dossier.Asserts, speech | thatOnly},
	// Verbs that assert with force or commitment.
	{"assert asserts asserting asserted", dossier.Asserts, speech},
	{"insist insists insisting insisted", dossier.Asserts, speech},
	{"claim claims claiming claimed", dossier.Asserts, speech},
	{"allege alleges alleging alleged", dossier.Asserts, speech},
	{"argue argues arguing argued", dossier.Asserts, speech},
	{"contend contends contending contended", dossier.Asserts, speech},
	{"maintain maintains maintaining maintained", dossier.Asserts, speech | thatOnly},
	{"stress stresses stressing stressed", dossier.Asserts, speech | thatOnly},
	{"emphasize emphasizes emphasizing emphasized emphasise emphasises emphasising emphasised", dossier.Asserts, speech},
	{"underscore underscores underscoring underscored", dossier.Asserts, speech | thatOnly},
	{"acknowledge acknowledges acknowledging acknowledged", dossier.Asserts, speech | object},
	{"admit admits admitting admitted", dossier.Asserts, speech | object},
	{"concede concedes conceding conceded", dossier.Asserts, speech | thatOnly},
	{"confess confesses confessing confessed", dossier.Asserts, speech | thatOnly},
	{"reveal reveals revealing revealed", dossier.Asserts, speech | object},
	{"disclose discloses disclosing disclosed", dossier.Asserts, speech | object | thatOnly},
	{"indicate indicates indicating indicated", dossier.Asserts, speech},
	{"show shows showing showed", dossier.Asserts, speech | thatOnly},
	{"suggest suggests suggesting suggested", dossier.Asserts, speech},
	{"confirm confirms confirming confirmed", dossier.Asserts, speech | object},
	{"warn warns warning warned", dossier.Asserts, speech | tell},
	{"caution cautions cautioning cautioned", dossier.Asserts, speech | thatOnly},
	{"accuse accuses accusing accused", dossier.Asserts, accuse},
	{"charge charges charging charged", dossier.Asserts, speech | thatOnly},
	{"complain complains complaining complained", dossier.Asserts, speech | thatOnly},
	{"predict predicts predicting predicted", dossier.Asserts, speech | thatOnly},
	{"estimate estimates estimating estimated", dossier.Asserts, speech | thatOnly},
	{"conclude concludes concluding concluded", dossier.Asserts, speech | thatOnly},
	{"find finds finding found", dossier.Asserts, speech | thatOnly},
	{"agree agrees agreeing agreed", dossier.Asserts, speech | thatOnly | toInf},
	{"promise promises promising promised", dossier.Asserts, speech | thatOnly | toInf},
	{"vow vows vowing vowed", dossier.Asserts, speech | thatOnly | toInf},
	{"pledge pledges pledging pledged", dossier.Asserts, speech | thatOnly | toInf},
	{"threaten threatens threatening threatened", dossier.Asserts, speech | thatOnly | toInf},
	{"boast boasts boasting boasted", dossier.Asserts, speech | thatOnly},
	{"brag brags bragging bragged", dossier.Asserts, speech | thatOnly},
	{"assure assures assuring assured", dossier.Asserts, speech | tell | thatOnly},
	{"inform informs informing informed", dossier.Asserts, tell},
	{"remind reminds reminding reminded", dossier.Asserts, tell},
	{"advise advises advising advised", dossier.Asserts, speech | tell | thatOnly},
	{"signal signals signaling signalled signaled signalling", dossier.Asserts, speech | thatOnly},
	{"hint hints hinting hinted", dossier.Asserts, speech | thatOnly},
	{"imply implies implying implied", dossier.Asserts, speech | thatOnly},
	{"affirm affirms affirming affirmed", dossier.Asserts, speech | thatOnly},
	{"reiterate reiterates reiterating reiterated", dossier.Asserts, speech | thatOnly},
	{"repeat repeats repeating repeated", dossier.Asserts, speech | thatOnly},
	{"propose proposes proposing proposed", dossier.Asserts, speech | object | toInf},
	{"recommend recommends recommending recommended", dossier.Asserts, speech | object | toInf},
	{"urge urges urging urged", dossier.Asserts, speech | object | toInf},
	{"demand demands demanding demanded", dossier.Asserts, speech | thatOnly | toInf},
	// Labels in quotation marks.
	{"call calls calling called", dossier.Asserts, label},
	{"label labels labeling labelled labeled labelling", dossier.Asserts, label},
	{"dub dubs dubbing dubbed", dossier.Asserts, label},
	{"brand brands branding branded", dossier.Asserts, label},
	{"term terms terming termed", dossier.Asserts, label},
	{"describe describes describing described", dossier.Asserts, label | object},
	{"characterize characterizes characterizing characterized characterise characterises characterising characterised", dossier.Asserts, label | object},
	{"deride derides deriding derided", dossier.Asserts, label},
	// Denials.
	{"deny denies denying denied", dossier.Denies, speech | object},
	{"reject rejects rejecting rejected", dossier.Denies, speech | object},
	{"dismiss dismisses dismissing dismissed", dossier.Denies, object},
	{"dispute disputes disputing disputed", dossier.Denies, speech | object},
	{"refute refutes refuting refuted", dossier.Denies, speech | object},
	{"rebut rebuts rebutting rebutted", dossier.Denies, speech | object},
	{"contradict contradicts contradicting contradicted", dossier.Denies, object},
	// Uncertainty.
	{"hope hopes hoping hoped", dossier.Uncertain, speech | attitude | toInf},
	{"doubt doubts doubting doubted", dossier.Uncertain, speech | attitude},
	{"question questions questioning questioned", dossier.Uncertain, speech | object},
	{"wonder wonders wondering wondered", dossier.Uncertain, speech | attitude},
	{"ask asks asking asked", dossier.Uncertain, quoteOnly | tell | toInf | thatOnly | question},
	{"speculate speculates speculating speculated", dossier.Uncertain, speech | thatOnly},
	{"refuse refuses refusing refused", dossier.Uncertain, intention | toInf | thatOnly},
	// Intentions, desires and requests: non-speech attribution.
	{"want wants wanting wanted", dossier.Asserts, intention | toInf | object},
	{"plan plans planning planned", dossier.Asserts, intention | toInf | thatOnly},
	{"intend intends intending intended", dossier.Asserts, intention | toInf | thatOnly},
	{"seek seeks seeking sought", dossier.Asserts, intention | toInf | thatOnly},
	{"aim aims aiming aimed", dossier.Asserts, intention | toInf | thatOnly},
	{"decide decides deciding decided", dossier.Asserts, intention | toInf | thatOnly},
	{"offer offers offering offered", dossier.Asserts, intention | toInf | thatOnly},
	{"wish wishes wishing wished", dossier.Asserts, intention | toInf | attitude},
	{"request requests requesting requested", dossier.Asserts, intention | toInf | object},
	{"encourage encourages encouraging encouraged", dossier.Asserts, intention | tell | toInf | thatOnly},
	{"order orders ordering ordered", dossier.Asserts, intention | tell | toInf | thatOnly},
	{"rule rules ruling ruled", dossier.Asserts, speech | thatOnly},
	{"decline declines declining declined", dossier.Uncertain, intention | toInf | thatOnly},
	// Evaluations and support: non-speech attribution of a judgement.
	{"criticize criticizes criticizing criticized criticise criticises criticising criticised", dossier.Asserts, evaluation | object},
	{"praise praises praising praised", dossier.Asserts, evaluation | object},
	{"defend defends defending defended", dossier.Asserts, evaluation | object},
	{"endorse endorses endorsing endorsed", dossier.Asserts, evaluation | object},
	{"support supports supporting supported", dossier.Asserts, evaluation | object},
	{"oppose opposes opposing opposed", dossier.Asserts, evaluation | object},
	{"favor favors favoring favored favour favours favouring favoured", dossier.Asserts, evaluation | object},
	{"prefer prefers preferring preferred", dossier.Asserts, evaluation | object | toInf},
	{"condemn condemns condemning condemned", dossier.Asserts, evaluation | object},
	{"denounce denounces denouncing denounced", dossier.Asserts, evaluation | object},
	{"decry decries decrying decried", dossier.Asserts, evaluation | object},
	{"applaud applauds applauding applauded", dossier.Asserts, evaluation | object},
	{"commend commends commending commended", dossier.Asserts, evaluation | object},
	{"hail hails hailing hailed", dossier.Asserts, evaluation | object},
	{"tout touts touting touted", dossier.Asserts, evaluation | object},
	{"blast blasts blasting blasted", dossier.Asserts, evaluation | object},
	{"slam slams slamming slammed", dossier.Asserts, evaluation | object},
	{"mock mocks mocking mocked", dossier.Asserts, evaluation | object},
	{"ridicule ridicules ridiculing ridiculed", dossier.Asserts, evaluation | object},
	{"blame blames blaming blamed", dossier.Asserts, evaluation | object},
	{"lament laments lamenting lamented", dossier.Asserts, evaluation | object},
	{"welcome welcomes welcoming welcomed", dossier.Asserts, evaluation | object},
	{"embrace embraces embracing embraced", dossier.Asserts, evaluation | object},
	{"champion champions championing championed", dossier.Asserts, evaluation | object},
	{"back backs backing backed", dossier.Asserts, evaluation | object},
	{"advocate advocates advocating advocated", dossier.Asserts, evaluation | object},
	{"express expresses expressing expressed", dossier.Asserts, evaluation | object},
	{"voice voices voicing voiced", dossier.Asserts, evaluation | object},
	{"cite cites citing cited", dossier.Asserts, evaluation | object},
	{"like likes liked", dossier.Asserts, evaluation | toInf | thatOnly},
	{"dislike dislikes disliking disliked", dossier.Asserts, evaluation | object},
	{"attack attacks attacking attacked", dossier.Asserts, evaluation | object},
	{"discuss discusses discussing discussed", dossier.Asserts, evaluation | object},
	// Beliefs, knowledge and expectations: non-speech attribution.
	{"know knows knowing knew known", dossier.Asserts, attitude | thatOnly},
	{"realize realizes realizing realized realise realises realising realised", dossier.Asserts, attitude | thatOnly},
	{"understand understands understanding understood", dossier.Asserts, attitude | thatOnly},
	{"recognize recognizes recognizing recognized recognise recognises recognising recognised", dossier.Asserts, attitude | thatOnly},
	{"learn learns learning learned learnt", dossier.Asserts, attitude | thatOnly},
	{"assume assumes assuming assumed", dossier.Asserts, attitude | thatOnly},
	{"see sees seeing saw", dossier.Asserts, attitude | thatOnly},
	{"remember remembers remembering remembered", dossier.Asserts, attitude | thatOnly},
	{"believe believes believing believed", dossier.Asserts, attitude},
	{"think thinks thinking thought", dossier.Asserts, attitude},
	{"fear fears fearing feared", dossier.Asserts, attitude},
	{"expect expects expecting expected", dossier.Asserts, attitude | toInf},
	{"worry worries worrying worried", dossier.Asserts, attitude},
	{"suspect suspects suspecting suspected", dossier.Asserts, attitude},
	{"feel feels feeling felt", dossier.Asserts, attitude},
	// Adjectives of belief after a copula, with "that": "is confident
	// that", "were convinced that".
	{"confident", dossier.Asserts, attitude | thatOnly},
	{"convinced", dossier.Asserts, attitude | thatOnly},
	{"adamant", dossier.Asserts, attitude | thatOnly},
	{"concerned", dossier.Asserts, attitude | thatOnly},
	{"hopeful", dossier.Uncertain, attitude | thatOnly},
	{"optimistic", dossier.Asserts, attitude | thatOnly},
}

// multiCue is a cue of several words: the first word and the words that
// must follow it.
type multiCue struct {
	rest   string // the following words, space-separated, lower case
	stance dossier.StanceLabel
	frame  frame
}

// multiCues are the cues of several words, keyed by their first word in
// every inflection. The value lists the alternatives for the rest.
var multiCues = [...]struct {
	first string // space-separated inflections of the first word
	multiCue
}{
	{"according", multiCue{"to", dossier.Asserts, speech}},
	{"point points pointing pointed", multiCue{"out", dossier.Asserts, speech}},
	{"make makes making made", multiCue{"clear", dossier.Asserts, speech}},
	{"go goes going went", multiCue{"on to say", dossier.Asserts, speech}},
	{"go goes going went", multiCue{"on to add", dossier.Asserts, speech}},
	{"decline declines declining declined", multiCue{"to comment", dossier.Uncertain, speech}},
	{"decline declines declining declined", multiCue{"to confirm", dossier.Uncertain, speech | object}},
	{"decline declines declining declined", multiCue{"to say", dossier.Uncertain, speech}},
	{"refuse refuses refusing refused", multiCue{"to confirm", dossier.Uncertain, speech | object}},
	{"refuse refuses refusing refused", multiCue{"to say", dossier.Uncertain, speech}},
	{"would", multiCue{"not say", dossier.Uncertain, speech}},
	{"would", multiCue{"not confirm", dossier.Uncertain, speech | object}},
	{"could", multiCue{"not confirm", dossier.Uncertain, speech | object}},
	{"spell spells spelling spelled spelt", multiCue{"out", dossier.Asserts, speech}},
	{"call calls calling called", multiCue{"for", dossier.Asserts, intention | object}},
	{"call calls calling called", multiCue{"on", dossier.Asserts, intention | object}},
	{"call calls calling called", multiCue{"upon", dossier.Asserts, intention | object}},
	{"push pushes pushing pushed", multiCue{"for", dossier.Asserts, intention | object}},
	{"argue argues arguing argued", multiCue{"for", dossier.Asserts, intention | object}},
	{"argue argues arguing argued", multiCue{"against", dossier.Asserts, evaluation | object}},
	{"refer refers referring referred", multiCue{"to", dossier.Asserts, speech | object}},
	{"talk talks talking talked", multiCue{"about", dossier.Asserts, speech | object}},
	{"speak speaks speaking spoke", multiCue{"about", dossier.Asserts, speech | object}},
	{"speak speaks speaking spoke", multiCue{"of", dossier.Asserts, speech | object}},
	{"warn warns warning warned", multiCue{"of", dossier.Asserts, speech | object}},
	{"warn warns warning warned", multiCue{"about", dossier.Asserts, speech | object}},
	{"complain complains complaining complained", multiCue{"about", dossier.Asserts, speech | object}},
	{"worry worries worrying worried", multiCue{"about", dossier.Asserts, attitude | object}},
	{"agree agrees agreeing agreed", multiCue{"with", dossier.Asserts, evaluation | object}},
	{"disagree disagrees disagreeing disagreed", multiCue{"with", dossier.Denies, evaluation | object}},
	{"ask asks asking asked", multiCue{"for", dossier.Asserts, intention | object}},
	{"warn warns warning warned", multiCue{"against", dossier.Asserts, speech | object}},
	{"vote votes voting voted", multiCue{"against", dossier.Asserts, evaluation | object}},
	{"vote votes voting voted", multiCue{"for", dossier.Asserts, evaluation | object}},
	{"critical", multiCue{"of", dossier.Asserts, evaluation | object}},
	{"supportive", multiCue{"of", dossier.Asserts, evaluation | object}},
	{"skeptical sceptical", multiCue{"of", dossier.Uncertain, evaluation | object}},
	{"wary", multiCue{"of", dossier.Uncertain, attitude | object}},
	{"concerned", multiCue{"about", dossier.Asserts, attitude | object}},
}

// cue is what the lexicon says about one word form.
type cue struct {
	stance dossier.StanceLabel
	frame  frame
	class  dossier.QuoteClass // what the cue attributes: speech, belief, intention, evaluation
	ing    bool               // the form is a present participle ("warning")
	base   bool               // the form is the bare verb ("say", "state"), which needs a plural or first-person subject, an auxiliary or "to"
	multi  []multiCue         // multi-word cues starting with this form
	multiC []*cue             // what each of multi cues, built once
	single bool               // the form is a cue by itself
}

// cueTable maps lower-case word forms to what they cue.
type cueTable map[string]*cue

// newCueTable builds the table from the lexicon rows.
func newCueTable() cueTable {
	t := cueTable{}
	get := func(f string) *cue {
		c := t[f]
		if c == nil {
			c = &cue{ing: strings.HasSuffix(f, "ing")}
			t[f] = c
		}
		return c
	}
	for _, w := range cueWords {
		for k, f := range strings.Fields(w.forms) {
			c := get(f)
			c.single, c.stance = true, w.stance
			c.frame |= w.frame
			c.class = c.frame.class()
			c.base = k == 0
		}
	}
	for _, m := range multiCues {
		for f := range strings.FieldsSeq(m.first) {
			c := get(f)
			c.multi = append(c.multi, m.multiCue)
			c.multiC = append(c.multiC, &cue{stance: m.stance, frame: m.frame, class: m.frame.class(), ing: c.ing, single: true})
		}
	}
	return t
}
