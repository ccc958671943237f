package stance

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"dossier"
	"dossier/lexicon"
	"dossier/nlp"
)

// ledger formats the claims of a Doc as "claim: source label [hedge] «evidence»"
// lines, one per stance, claims numbered in order.
func ledger(d *nlp.Doc) []string {
	var out []string
	for _, c := range d.Claims {
		for _, s := range c.Stances {
			line := fmt.Sprintf("%s: %s %s «%s»", c.ID, s.SpeakerName, s.Stance, s.Evidence.Text(d.Text))
			if s.Hedge != "" {
				line += " hedge=" + s.Hedge
			}
			out = append(out, line)
		}
	}
	return out
}

func statements(d *nlp.Doc) []string {
	var out []string
	for _, c := range d.Claims {
		out = append(out, c.Statement)
	}
	return out
}

func run(t testing.TB, c *Component, text string, ents []ent, quotes []quo) *nlp.Doc {
	t.Helper()
	d := buildDoc(text, ents, quotes)
	if err := c.Process(context.Background(), d); err != nil {
		t.Fatalf("Process: %v", err)
	}
	return d
}

var (
	spain  = ent{id: "e1", name: "Spain", typ: dossier.GPE, forms: []string{"Spain", "Madrid"}}
	brazil = ent{id: "e2", name: "Brazil", typ: dossier.GPE, forms: []string{"Brazil"}}
	bolivi = ent{id: "e3", name: "Bolivia", typ: dossier.GPE, forms: []string{"Bolivia"}}
	bolnrp = ent{id: "e4", name: "Bolivian", typ: dossier.NORP, linked: "e3", forms: []string{"Bolivian"}}
	ruiz   = ent{id: "e5", name: "Ana Ruiz", typ: dossier.Person, forms: []string{"Ana Ruiz", "Ruiz", "she"}}
	acme   = ent{id: "e6", name: "Acme Corp", typ: dossier.Org, forms: []string{"Acme Corp", "it"}}
	lane   = ent{id: "e7", name: "Paul Lane", typ: dossier.Person, forms: []string{"Paul Lane", "Lane", "he"}}
	canada = ent{id: "e8", name: "Canada", typ: dossier.GPE, forms: []string{"Canada"}}
	us     = ent{id: "e9", name: "United States", typ: dossier.GPE, forms: []string{"U.S."}}
)

func TestStance(t *testing.T) {
	c := New(lexicon.Default())
	tests := []struct {
		name   string
		give   string
		ents   []ent
		quotes []quo
		want   []string
	}{
		{
			name: "no evidence that P denies P",
			give: "Mayor Ana Ruiz said she has seen no evidence that Acme Corp polluted the river.",
			ents: []ent{ruiz, acme},
			quotes: []quo{{content: "she has seen no evidence that Acme Corp polluted the river", cue: "said", source: "Mayor Ana Ruiz",
				speaker: "e5", name: "Ana Ruiz", stance: dossier.Asserts}},
			want: []string{"c1: Ana Ruiz denies «she has seen no evidence that Acme Corp polluted the river»"},
		},
		{
			name: "there is no indication P denies P",
			give: "Officials said there is no indication the virus is spreading in schools.",
			quotes: []quo{{content: "there is no indication the virus is spreading in schools", cue: "said", source: "Officials",
				name: "officials", typ: dossier.SourceAnonymous, stance: dossier.Asserts}},
			want: []string{"c1: officials denies «there is no indication the virus is spreading in schools»"},
		},
		{
			name: "a fragment refers back to the claim asked about",
			give: `Asked about claims that Spain is sending troops to the border, Ana Ruiz said she had "no evidence of that whatsoever."`,
			ents: []ent{spain, ruiz},
			quotes: []quo{{kind: dossier.Direct, content: "no evidence of that whatsoever.", cue: "said", source: "Ana Ruiz",
				speaker: "e5", name: "Ana Ruiz", stance: dossier.Asserts}},
			want: []string{"c1: Ana Ruiz denies «no evidence of that whatsoever.»"},
		},
		{
			name: "hope and negation are uncertain",
			give: `Asked if he believed the strike would go ahead, Paul Lane replied, "I hope it won't."`,
			ents: []ent{lane},
			quotes: []quo{{kind: dossier.Direct, content: "I hope it won't.", cue: "replied", source: "Paul Lane",
				speaker: "e7", name: "Paul Lane", stance: dossier.Asserts}},
			want: []string{"c1: Paul Lane uncertain «I hope it won't.»"},
		},
		{
			name: "an appositive not expected to denies its own proposition",
			give: "Ana Ruiz said the central bank cut rates, a move not expected to lift inflation.",
			ents: []ent{ruiz},
			quotes: []quo{{content: "the central bank cut rates, a move not expected to lift inflation", cue: "said", source: "Ana Ruiz",
				speaker: "e5", name: "Ana Ruiz", stance: dossier.Asserts}},
			want: []string{
				"c1: Ana Ruiz asserts «the central bank cut rates»",
				"c2: Ana Ruiz denies «a move not expected to lift inflation» hedge=expected",
			},
		},
		{
			name: "unlikely to denies",
			give: "Analysts said the merger is unlikely to close before June.",
			quotes: []quo{{content: "the merger is unlikely to close before June", cue: "said", source: "Analysts",
				name: "analysts", typ: dossier.SourceAnonymous, stance: dossier.Asserts}},
			want: []string{"c1: analysts denies «the merger is unlikely to close before June»"},
		},
		{
			name: "a modal hedge keeps the assertion",
			give: "The agency said the storm could reach the coast by Friday.",
			quotes: []quo{{content: "the storm could reach the coast by Friday", cue: "said", source: "The agency",
				name: "agency", typ: dossier.SourceDocument, stance: dossier.Asserts}},
			want: []string{"c1: agency asserts «the storm could reach the coast by Friday» hedge=could"},
		},
		{
			name: "declined to confirm is uncertain",
			give: "A spokesman declined to confirm that the minister would resign.",
			quotes: []quo{{content: "the minister would resign", cue: "declined to confirm", source: "A spokesman",
				name: "spokesman", typ: dossier.SourceAnonymous, stance: dossier.Uncertain}},
			want: []string{"c1: spokesman uncertain «the minister would resign»"},
		},
		{
			name: "neither confirmed nor denied is uncertain",
			give: "The ministry neither confirmed nor denied that the talks had collapsed.",
			quotes: []quo{{content: "the talks had collapsed", cue: "confirmed", source: "The ministry",
				name: "ministry", typ: dossier.SourceAnonymous, stance: dossier.Asserts}},
			want: []string{"c1: ministry uncertain «the talks had collapsed»"},
		},
		{
			name: "an accusation asserts",
			give: "Paul Lane accused Canada of dumping steel in the U.S. market.",
			ents: []ent{lane, canada, us},
			quotes: []quo{{content: "Canada of dumping steel in the U.S. market", cue: "accused", source: "Paul Lane",
				speaker: "e7", name: "Paul Lane", stance: dossier.Asserts}},
			want: []string{"c1: Paul Lane asserts «accused Canada of dumping steel in the U.S. market»"},
		},
		{
			name: "a denial verb denies",
			give: "Acme Corp denied that it had hidden the losses.",
			ents: []ent{acme},
			quotes: []quo{{content: "it had hidden the losses", cue: "denied", source: "Acme Corp",
				name: "unnamed spokesman", typ: dossier.SourceAnonymous, stance: dossier.Denies}},
			want: []string{"c1: unnamed spokesman denies «it had hidden the losses»"},
		},
		{
			name: "double negation flips back",
			give: "The firm denied that it did not pay its taxes.",
			quotes: []quo{{content: "it did not pay its taxes", cue: "denied", source: "The firm",
				name: "firm", typ: dossier.SourceAnonymous, stance: dossier.Denies}},
			want: []string{"c1: firm asserts «it did not pay its taxes»"},
		},
		{
			name: "synonyms group two sources into one claim",
			give: "Two officials said Brazil has supplied Bolivia with fuel. Ana Ruiz denied that Brazil was providing fuel to Bolivia.",
			ents: []ent{brazil, bolivi, ruiz},
			quotes: []quo{
				{content: "Brazil has supplied Bolivia with fuel", cue: "said", source: "Two officials",
					name: "Two officials", typ: dossier.SourceAnonymous, stance: dossier.Asserts},
				{content: "Brazil was providing fuel to Bolivia", cue: "denied", source: "Ana Ruiz",
					speaker: "e5", name: "Ana Ruiz", stance: dossier.Denies},
			},
			want: []string{
				"c1: Two officials asserts «Brazil has supplied Bolivia with fuel»",
				"c1: Ana Ruiz denies «Brazil was providing fuel to Bolivia»",
			},
		},
		{
			name: "different predicates on the same entities are different claims",
			give: "Two officials said Brazil has supplied Bolivia with fuel. The officials said there is no indication Brazil is helping Bolivian police track protesters.",
			ents: []ent{brazil, bolivi, bolnrp},
			quotes: []quo{
				{content: "Brazil has supplied Bolivia with fuel", cue: "said", source: "Two officials",
					name: "Two officials", typ: dossier.SourceAnonymous, stance: dossier.Asserts},
				{content: "there is no indication Brazil is helping Bolivian police track protesters", cue: "said", source: "The officials",
					name: "Two officials", typ: dossier.SourceAnonymous, stance: dossier.Asserts, contentAfter: "fuel."},
			},
			want: []string{
				"c1: Two officials asserts «Brazil has supplied Bolivia with fuel»",
				"c2: Two officials denies «there is no indication Brazil is helping Bolivian police track protesters»",
			},
		},
		{
			name: "one stance per source per claim, the direct quote first",
			give: `Ana Ruiz said the bridge will reopen in May. "The bridge will reopen in May," she told reporters.`,
			ents: []ent{ruiz},
			quotes: []quo{
				{content: "the bridge will reopen in May", cue: "said", source: "Ana Ruiz", speaker: "e5", name: "Ana Ruiz", stance: dossier.Asserts},
				{kind: dossier.Direct, content: "The bridge will reopen in May,", cue: "told", source: "she", speaker: "e5", name: "Ana Ruiz", stance: dossier.Asserts},
			},
			want: []string{"c1: Ana Ruiz asserts «The bridge will reopen in May»"},
		},
		{
			name: "a judgement of reports denies the reported claim",
			give: "Reports said the dam had collapsed after the storm. Officials said the reports were false.",
			quotes: []quo{
				{content: "the dam had collapsed after the storm", cue: "said", source: "Reports", name: "Reports", typ: dossier.SourceReport, stance: dossier.Asserts},
				{content: "the reports were false", cue: "said", source: "Officials", name: "officials", typ: dossier.SourceAnonymous, stance: dossier.Asserts, contentAfter: "storm."},
			},
			want: []string{
				"c1: Reports asserts «the dam had collapsed after the storm»",
				"c1: officials denies «the reports were false»",
			},
		},
		{
			name: "labels, speech acts, conditionals and the author's voice make no claim",
			give: `Ana Ruiz labeled the plan "a disaster." Paul Lane said he had warned Madrid about the risks. "If they come, we will fight," he said. "The river is rising," read a sign.`,
			ents: []ent{ruiz, lane, spain},
			quotes: []quo{
				{kind: dossier.Direct, content: "a disaster.", cue: "labeled", source: "Ana Ruiz", speaker: "e5", name: "Ana Ruiz", stance: dossier.Asserts},
				{content: "he had warned Madrid about the risks", cue: "said", source: "Paul Lane", speaker: "e7", name: "Paul Lane", stance: dossier.Asserts},
				{kind: dossier.Direct, content: "If they come, we will fight,", cue: "said", source: "he", speaker: "e7", name: "Paul Lane", stance: dossier.Asserts, contentAfter: "risks.", sourceAfterCue: false},
				{kind: dossier.Direct, content: "The river is rising,", typ: dossier.SourceUnattributed},
			},
			want: nil,
		},
		{
			name: "a wrapper attribution leaves the claim to the inner one",
			give: "The minister told reporters that the port would close, the agency reported.",
			quotes: []quo{
				{content: "The minister told reporters that the port would close", cue: "reported", source: "the agency", name: "agency", typ: dossier.SourceOutlet, stance: dossier.Asserts},
				{content: "the port would close", cue: "told", source: "The minister", name: "minister", typ: dossier.SourceAnonymous, stance: dossier.Asserts},
			},
			want: []string{"c1: minister asserts «the port would close»"},
		},
		{
			name: "a nested report ends the outer proposition",
			give: "Ana Ruiz said Spain is sending troops to the border despite reports claiming Madrid might send ships.",
			ents: []ent{ruiz, spain},
			quotes: []quo{
				{content: "Spain is sending troops to the border despite reports claiming Madrid might send ships", cue: "said", source: "Ana Ruiz", speaker: "e5", name: "Ana Ruiz", stance: dossier.Asserts},
				{content: "Madrid might send ships", cue: "claiming", source: "reports", name: "reports", typ: dossier.SourceReport, stance: dossier.Asserts},
			},
			want: []string{
				"c1: Ana Ruiz asserts «Spain is sending troops to the border»",
				"c1: reports asserts «Madrid might send ships» hedge=might",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := run(t, c, tt.give, tt.ents, tt.quotes)
			got := ledger(d)
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("Process(%q) = %q, want %q", tt.give, got, tt.want)
			}
		})
	}
}

func TestStatement(t *testing.T) {
	c := New(lexicon.Default())
	tests := []struct {
		give   string
		ents   []ent
		quotes []quo
		want   []string
	}{
		{
			give: "Mayor Ana Ruiz said she has seen no evidence that Acme Corp polluted the river.",
			ents: []ent{ruiz, acme},
			quotes: []quo{{content: "she has seen no evidence that Acme Corp polluted the river", cue: "said", source: "Mayor Ana Ruiz",
				speaker: "e5", name: "Ana Ruiz", stance: dossier.Asserts}},
			want: []string{"Acme Corp polluted the river"},
		},
		{
			give: `Asked about claims that Spain is sending troops to the border, Ana Ruiz said she had "no evidence of that whatsoever."`,
			ents: []ent{spain, ruiz},
			quotes: []quo{{kind: dossier.Direct, content: "no evidence of that whatsoever.", cue: "said", source: "Ana Ruiz",
				speaker: "e5", name: "Ana Ruiz", stance: dossier.Asserts}},
			want: []string{"Spain is sending troops to the border"},
		},
		{
			give:   "Acme Corp said it had not hidden the losses.",
			ents:   []ent{acme},
			quotes: []quo{{content: "it had not hidden the losses", cue: "said", source: "Acme Corp", speaker: "e6", name: "Acme Corp", stance: dossier.Asserts}},
			want:   []string{"Acme Corp had hidden the losses"},
		},
		{
			give: "Ana Ruiz said the central bank cut rates, a move not expected to lift inflation.",
			ents: []ent{ruiz},
			quotes: []quo{{content: "the central bank cut rates, a move not expected to lift inflation", cue: "said", source: "Ana Ruiz",
				speaker: "e5", name: "Ana Ruiz", stance: dossier.Asserts}},
			want: []string{"The central bank cut rates", "A move will lift inflation"},
		},
		{
			give: "Paul Lane accused Canada of dumping steel in the U.S. market.",
			ents: []ent{lane, canada, us},
			quotes: []quo{{content: "Canada of dumping steel in the U.S. market", cue: "accused", source: "Paul Lane",
				speaker: "e7", name: "Paul Lane", stance: dossier.Asserts}},
			want: []string{"Canada dumping steel in the U.S. market"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.give, func(t *testing.T) {
			d := run(t, c, tt.give, tt.ents, tt.quotes)
			if got := statements(d); strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("Statement(%q) = %q, want %q", tt.give, got, tt.want)
			}
		})
	}
}

func TestClaimEntities(t *testing.T) {
	c := New(lexicon.Default())
	tests := []struct {
		give   string
		ents   []ent
		quotes []quo
		want   string
	}{
		{
			give: "Officials said Madrid is helping Bolivian farmers.",
			ents: []ent{spain, bolivi, bolnrp},
			quotes: []quo{{content: "Madrid is helping Bolivian farmers", cue: "said", source: "Officials",
				name: "officials", typ: dossier.SourceAnonymous, stance: dossier.Asserts}},
			want: "e1 e3",
		},
	}
	for _, tt := range tests {
		t.Run(tt.give, func(t *testing.T) {
			d := run(t, c, tt.give, tt.ents, tt.quotes)
			var got []string
			for _, cl := range d.Claims {
				got = append(got, cl.Entities...)
			}
			if strings.Join(got, " ") != tt.want {
				t.Errorf("Entities(%q) = %v, want %v", tt.give, got, tt.want)
			}
		})
	}
}

func TestComponent(t *testing.T) {
	c := New(nil)
	tests := []struct {
		give string
		want string
	}{
		{"name", c.Name()},
		{"requires", fmt.Sprint(c.Requires())},
		{"assigns", fmt.Sprint(c.Assigns())},
	}
	want := map[string]string{"name": Name, "requires": "[tokens sentences entities quotes]", "assigns": "[claims]"}
	for _, tt := range tests {
		t.Run(tt.give, func(t *testing.T) {
			if tt.want != want[tt.give] {
				t.Errorf("%s() = %v, want %v", tt.give, tt.want, want[tt.give])
			}
		})
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := c.Process(ctx, nlp.NewDoc(dossier.Article{})); err == nil {
		t.Errorf("Process(cancelled) = nil, want an error")
	}
}
