// Package stance turns attributions into claims and a stance ledger: which
// proposition each source takes a position on, and whether it asserts,
// denies or is uncertain about it.
//
// It reads the quotes of the attribution component (content, cue, source,
// speaker, and the stance the cue alone implies) with the tokens, sentences
// and entities of the Doc, and writes d.Claims. It makes one pass over the
// tokens of each quote's content; lexicons are Go tables looked up by
// hashing (words.go), written as general knowledge of English.
//
// # Stance toward the embedded proposition
//
// The cue's stance is the start ("said" asserts, "denied" denies, "hoped"
// is uncertain; a quotation without a cue asserts). Inside the content:
//   - a negated evidence frame denies what follows it: "he has seen no
//     evidence that P", "there is no indication P" deny P;
//   - a negated or negative expectation frame denies: "not expected to P",
//     "unlikely to P"; a positive one asserts with a hedge ("expected to",
//     "likely to");
//   - negation in the main verb group flips the label ("P is not true"),
//     twice flips it back ("denied that P did not happen" asserts P);
//   - modal and adverbial hedges ("may", "could", "reportedly") keep the
//     label and are recorded beside it;
//   - attitudes of not knowing ("I hope they're not", "I doubt it"),
//     refusals in the cue ("declined to confirm", "neither confirmed nor
//     denied") and cautions ("should be treated cautiously") are uncertain;
//   - judgements of a claim ("the reports are false") deny, caution about
//     or assert the claim they name.
//
// A fragment that refers back ("no indication of that whatsoever", "I
// hope they're not") takes the proposition of the question or claim in its
// sentence ("when asked about claims that P", "Asked if he believed P"),
// or else the claim most recently discussed.
//
// # Which attributions make claims (the convention)
//
// Every attribution is, in principle, a source's position on a
// proposition. These are not claims, because they state none of their own:
//   - the author's voice (an unattributed quote);
//   - reports of a speech act ("he has warned Russia", "Strongly said
//     that", "NBC reported that X told reporters ..."): the content's main
//     verb is a verb of saying, so the proposition, if any, belongs to the
//     inner attribution;
//   - labels and characterizations ("labeled lawmakers the "Do Nothing
//     Congress"", "framed it as a test"): a name is not a proposition;
//   - conditionals and questions ("If they are, ...", "Is it over?");
//   - fragments with no verb that do not refer back to a claim.
//
// A content with several that-clauses ("P and that Q") or an appositive
// judgement (", a move not expected to Q") states several propositions.
//
// # Claims
//
// Propositions are grouped, in text order, into claims by their entities
// (mentions resolved to entity ids; a demonym or capital counts as its
// country) and their predicate (content words, lightly stemmed, with a small
// table of synonyms for common news predicates: give/provide/share,
// help/aid/assist, ease/lift/relax...). Negation does not make a new claim.
// A proposition joins the most similar claim above a threshold, unless the
// same source already takes a different stance there (a source asserting one
// proposition and denying the other is evidence that they differ). Each
// source has one stance per claim, with its most explicit evidence: a direct
// quotation before a paraphrase, an unhedged statement before a hedged one.
package stance

import (
	"context"
	"fmt"
	"sync"

	"dossier/lexicon"
	"dossier/nlp"
)

// Name is the versioned component name.
const Name = "stance.rules.v1"

// Component finds claims and stances. It is immutable after New and safe
// for concurrent use.
type Component struct {
	lex *lexicon.Lexicon
	w   *tables
	// pool holds per-token tables reused across documents (see scratch).
	pool sync.Pool
}

// New returns the component. lex gives parts of speech for finding verbs;
// it may be nil, which makes verb finding rely on word endings alone.
func New(lex *lexicon.Lexicon) *Component {
	return &Component{lex: lex, w: newTables()}
}

// Name implements nlp.Component.
func (*Component) Name() string { return Name }

// Requires implements nlp.Component.
func (*Component) Requires() []nlp.Layer {
	return []nlp.Layer{nlp.LayerTokens, nlp.LayerSentences, nlp.LayerEntities, nlp.LayerQuotes}
}

// Assigns implements nlp.Component.
func (*Component) Assigns() []nlp.Layer { return []nlp.Layer{nlp.LayerClaims} }

// Process implements nlp.Component: it replaces d.Claims.
func (c *Component) Process(ctx context.Context, d *nlp.Doc) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("stance: %w", err)
	}
	st := newState(c, d)
	st.run()
	d.Claims = st.finish()
	st.release()
	return nil
}
