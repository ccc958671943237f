package dossier

import "dossier/textpos"

// EntityType is the class of a named entity.
type EntityType string

// The entity types of DESIGN.md.
const (
	Person EntityType = "PERSON"
	Org    EntityType = "ORG"
	GPE    EntityType = "GPE" // countries, states, cities: places with a government
	Loc    EntityType = "LOC" // regions, bodies of water, mountains
	NORP   EntityType = "NORP"
	Outlet EntityType = "OUTLET" // news organisations
	Other  EntityType = "OTHER"
)

// MentionKind says how an entity is referred to at one mention.
type MentionKind string

// Mention kinds.
const (
	MentionName    MentionKind = "name"    // the name as written ("Donald Trump", "NBC News")
	MentionAlias   MentionKind = "alias"   // a short form: surname, acronym, alternative name
	MentionPronoun MentionKind = "pronoun" // "he", "she", "they"
	MentionDemonym MentionKind = "demonym" // "Russian" for Russia
	MentionCapital MentionKind = "capital" // "Moscow" standing for Russia
	MentionNominal MentionKind = "nominal" // "the president"
)

// Mention is one place in the text that refers to an entity.
type Mention struct {
	Span textpos.Span
	Kind MentionKind
}

// Entity is a person, organisation, place, group or thing the article names,
// with all of its mentions (including surnames and pronouns resolved to it).
type Entity struct {
	ID   string // "e1", "e2", ... unique within one article
	Name string // canonical name: the fullest form in the article, or a lexicon's name
	Type EntityType
	// Title is the role as first written ("Treasury Secretary").
	Title string
	// Party and Region come from forms like "(D-N.Y.)".
	Party  string
	Region string
	// LinkedTo is the id of the entity this one stands for, e.g. a NORP
	// "Russian" linked to the GPE "Russia".
	LinkedTo string
	Mentions []Mention
}

// TimexType is the TIMEX3 type of a time expression.
type TimexType string

// TIMEX3 types.
const (
	Date     TimexType = "DATE"
	Time     TimexType = "TIME"
	Duration TimexType = "DURATION"
	Set      TimexType = "SET"
)

// Timex is a time expression with its TIMEX3 value resolved against the
// article date ("On Saturday" in an article of 2026-03-08 is "2026-03-07").
type Timex struct {
	Span  textpos.Span
	Type  TimexType
	Value string
}

// FigureKind is the class of a figure.
type FigureKind string

// Figure kinds.
const (
	Money    FigureKind = "money"
	Percent  FigureKind = "percent"
	Quantity FigureKind = "quantity"
	Move     FigureKind = "move" // a market move: instrument, direction, change, level
)

// Direction of a market move.
type Direction string

// Directions.
const (
	Up   Direction = "up"
	Down Direction = "down"
	Flat Direction = "flat"
)

// Figure is an amount of money, a percentage, a quantity, or a market move.
// Optional numeric fields are pointers so that "absent" differs from zero.
type Figure struct {
	Span       textpos.Span
	Kind       FigureKind
	Value      *float64 // the normalized number (1.13e9 for "$1.13bn")
	Unit       string   // ISO currency code, "percent", or a unit word ("barrels a day")
	Instrument string   // for moves: "WTI crude futures"
	Direction  Direction
	ChangePct  *float64 // unsigned magnitude as written
	ChangePts  *float64 // index points, when the change is in points
	Level      *float64 // the level reached
}

// SourceType classifies who stands behind an attribution.
type SourceType string

// Source types of DESIGN.md.
const (
	SourceNamed        SourceType = "named"
	SourceAnonymous    SourceType = "anonymous"
	SourceOutlet       SourceType = "outlet"
	SourceReport       SourceType = "report"
	SourceDocument     SourceType = "document"
	SourceUnattributed SourceType = "unattributed"
)

// QuoteKind says whether an attribution quotes words directly.
type QuoteKind string

// Quote kinds.
const (
	Direct   QuoteKind = "direct"
	Indirect QuoteKind = "indirect"
	Mixed    QuoteKind = "mixed"
)

// Quote is one attribution: a quote or reported statement.
type Quote struct {
	ID          string
	Kind        QuoteKind
	Content     textpos.Span
	Cue         textpos.Span // empty when there is no cue
	Source      textpos.Span // the source mention as written; empty when none
	Speaker     string       // entity id of the resolved speaker, or ""
	SpeakerName string
	SourceType  SourceType
	SourceCount int // 0 when not given
	Addressee   textpos.Span
	// Stance is what the cue alone implies about the source's position
	// toward the content ("said" asserts, "denied" denies, "hoped"
	// leaves it uncertain); "" when there is no cue. Negation and hedges
	// inside the content are weighed by the stance component.
	Stance StanceLabel
	// Class is what the cue attributes: a statement (ClassSpeech, also
	// when empty), or a belief, intention, evaluation, question or
	// nominal attribution, which corpora such as PolNeAR annotate and
	// others (dossier gold) leave optional. A consumer that wants only what
	// sources said keeps the quotes for which IsSpeech is true.
	Class QuoteClass
}

// QuoteClass is the kind of propositional attitude an attribution reports.
type QuoteClass string

// Quote classes. The empty class is speech.
const (
	ClassSpeech     QuoteClass = "speech"     // said, told, denied, according to, quotations
	ClassBelief     QuoteClass = "belief"     // believes, thinks, fears, knows, expects
	ClassIntention  QuoteClass = "intention"  // wants, plans, hopes to, seeks, called for
	ClassEvaluation QuoteClass = "evaluation" // criticized, praised, defended, endorsed, supports
	ClassNominal    QuoteClass = "nominal"    // a noun cue: "his announcement", "in her view"
	ClassQuestion   QuoteClass = "question"   // asked whether, asked about: a question, not an assertion
)

// IsSpeech reports whether q attributes a statement (its class is speech or
// empty) rather than a belief, intention, evaluation, question or nominal
// cue.
func (q Quote) IsSpeech() bool { return q.Class == "" || q.Class == ClassSpeech }

// StanceLabel is a source's position toward a claim.
type StanceLabel string

// Stance labels.
const (
	Asserts   StanceLabel = "asserts"
	Denies    StanceLabel = "denies"
	Uncertain StanceLabel = "uncertain"
)

// Stance is one entry of a claim's ledger.
type Stance struct {
	Speaker     string
	SpeakerName string
	Source      textpos.Span
	SourceType  SourceType
	SourceCount int
	Stance      StanceLabel
	Cue         textpos.Span
	Hedge       string
	Evidence    textpos.Span
	Quote       string // quote id
}

// Claim is a proposition one or more sources take a position on.
type Claim struct {
	ID        string
	Statement string
	Entities  []string // entity ids the claim is about
	Stances   []Stance
}

// Analysis is everything dossier found in one article.
type Analysis struct {
	Article   Article
	Entities  []Entity
	Quotes    []Quote
	Claims    []Claim
	Timex     []Timex
	Figures   []Figure
	Producers map[string]string // component layer -> versioned name
}
