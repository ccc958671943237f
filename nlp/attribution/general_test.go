package attribution_test

import (
	"testing"

	"dossier"
	"dossier/lexicon"
	"dossier/nlp/attribution"
)

// actors are the entities of the passages of TestAdjunctsAndAppositives.
var actors = []ent{
	{"Harbor Freight Lines", dossier.Org, []string{"Harbor Freight Lines"}},
	{"Ana Ruiz", dossier.Person, []string{"Ana Ruiz", "Ruiz", "she", "She"}},
	{"Millbrook", dossier.GPE, []string{"Millbrook"}},
	{"Coastal Courier", dossier.Outlet, []string{"Coastal Courier"}},
	{"Ministry of Transport", dossier.Org, []string{"Ministry of Transport"}},
	{"The Sun and Star", dossier.Outlet, []string{"The Sun and Star"}},
	{"Norway", dossier.GPE, []string{"Norway"}},
}

// TestAdjunctsAndAppositives covers adjuncts between a subject and its
// cue, appositive roles, sources cited by an outlet, names with "and"
// inside an object, refusals to comment and groups qualified by a place.
func TestAdjunctsAndAppositives(t *testing.T) {
	c := attribution.New(lexicon.Default())
	tests := []struct {
		name string
		give string
		want []want
	}{
		{
			name: "weekday between subject and cue",
			give: `Harbor Freight Lines on Thursday rejected claims that its ferries were overloaded.`,
			want: []want{{kind: dossier.Indirect, content: "claims that its ferries were overloaded", cue: "rejected", source: "Harbor Freight Lines", speaker: "Harbor Freight Lines", stype: dossier.SourceNamed}},
		},
		{
			name: "late weekday between subject and cue",
			give: `Ruiz late Friday said the ferries would sail again.`,
			want: []want{{kind: dossier.Indirect, content: "the ferries would sail again", cue: "said", source: "Ruiz", speaker: "Ana Ruiz"}},
		},
		{
			name: "medium between subject and cue",
			give: `The shipping company in a statement said the ferries would sail again.`,
			want: []want{{kind: dossier.Indirect, content: "the ferries would sail again", cue: "said", source: "The shipping company"}},
		},
		{
			name: "possessive role before an appositive name, after a quotation",
			give: `"Every ferry passed its inspection," the firm's operations director, Ana Ruiz, said in a statement.`,
			want: []want{{kind: dossier.Direct, content: "Every ferry passed its inspection,", cue: "said", source: "the firm's operations director, Ana Ruiz", speaker: "Ana Ruiz", stype: dossier.SourceNamed}},
		},
		{
			name: "outlet citing its sources",
			give: `The newspaper Coastal Courier reported on Tuesday, citing three crew members, that a ferry had sailed with a broken radar.`,
			want: []want{
				{kind: dossier.Indirect, content: "a ferry had sailed with a broken radar", cue: "reported", speaker: "Coastal Courier", stype: dossier.SourceOutlet},
				{kind: dossier.Indirect, content: "a ferry had sailed with a broken radar", cue: "citing", source: "three crew members", stype: dossier.SourceAnonymous, count: 3},
			},
		},
		{
			name: "object with a name holding and",
			give: `Ruiz rejected a story in The Sun and Star that the ferries had sailed without licences.`,
			want: []want{{kind: dossier.Indirect, content: "a story in The Sun and Star that the ferries had sailed without licences", cue: "rejected", speaker: "Ana Ruiz"}},
		},
		{
			name: "nested agreement inside a denied object is not an attribution",
			give: `Ruiz denied a report that Norway had agreed to buy the ferries.`,
			want: []want{{kind: dossier.Indirect, content: "a report that Norway had agreed to buy the ferries", cue: "denied", speaker: "Ana Ruiz"}},
		},
		{
			name: "spokesperson declines to comment",
			give: `A spokeswoman for the Ministry of Transport declined to comment on the inquiry.`,
			want: []want{{kind: dossier.Indirect, content: "the inquiry", cue: "declined to comment", source: "A spokeswoman for the Ministry of Transport", speaker: "Ministry of Transport", stype: dossier.SourceNamed}},
		},
		{
			name: "residents of a named town",
			give: `Residents of the coastal village of Millbrook said the harbour had been closed for days.`,
			want: []want{{kind: dossier.Indirect, content: "the harbour had been closed for days", cue: "said", source: "Residents of the coastal village of Millbrook", speaker: "Residents of the coastal village of Millbrook", stype: dossier.SourceAnonymous}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := analyze(t, c, tt.give, actors)
			var gots []want
			for _, q := range d.Quotes {
				gots = append(gots, got(d, q))
			}
			if len(gots) != len(tt.want) {
				t.Fatalf("Process(%q) = %v, want %v", tt.give, gots, tt.want)
			}
			for i, w := range tt.want {
				if g := gots[i]; !matches(g, w) {
					t.Errorf("Process(%q)[%d] = %v, want %v", tt.give, i, g, w)
				}
			}
		})
	}
}
