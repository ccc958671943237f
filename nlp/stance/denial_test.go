package stance

import (
	"strings"
	"testing"

	"dossier"
	"dossier/lexicon"
)

// TestDeniedReports covers denials of a reported claim: "denied a report
// that P" denies P, and later "no such ..." and "that report is wrong"
// statements by the same source deny the same claim instead of making new
// ones. Non-speech attributions (intentions, beliefs) make no claim.
func TestDeniedReports(t *testing.T) {
	c := New(lexicon.Default())
	tests := []struct {
		name   string
		give   string
		ents   []ent
		quotes []quo
		want   []string // each ledger line starts with its want
	}{
		{
			name: "denied a report that P denies P",
			give: "Acme Corp denied a report in the Daily Ledger that it had closed its plant in Brazil.",
			ents: []ent{acme, brazil},
			quotes: []quo{{content: "a report in the Daily Ledger that it had closed its plant in Brazil", cue: "denied",
				source: "Acme Corp", speaker: "e6", name: "Acme Corp", stance: dossier.Denies}},
			want: []string{"c1: Acme Corp denies «a report in the Daily Ledger that it had closed its plant in Brazil»"},
		},
		{
			name: "a later no-such statement denies the same claim",
			give: "Ana Ruiz denied reports that Spain had agreed to buy the jets. \"No such agreement has been signed,\" Ruiz said.",
			ents: []ent{ruiz, spain},
			quotes: []quo{
				{content: "reports that Spain had agreed to buy the jets", cue: "denied", source: "Ana Ruiz",
					speaker: "e5", name: "Ana Ruiz", stance: dossier.Denies},
				{kind: dossier.Direct, content: "No such agreement has been signed,", cue: "said", source: "Ruiz",
					speaker: "e5", name: "Ana Ruiz", stance: dossier.Asserts},
			},
			want: []string{"c1: Ana Ruiz denies"},
		},
		{
			name: "an intention makes no claim",
			give: "Paul Lane promised to cut the city's property tax next year.",
			ents: []ent{lane},
			quotes: []quo{{content: "to cut the city's property tax next year", cue: "promised", source: "Paul Lane",
				speaker: "e7", name: "Paul Lane", stance: dossier.Asserts, class: dossier.ClassIntention}},
			want: nil,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := run(t, c, tt.give, tt.ents, tt.quotes)
			got := ledger(d)
			ok := len(got) == len(tt.want)
			for k := 0; ok && k < len(got); k++ {
				ok = strings.HasPrefix(got[k], tt.want[k])
			}
			if !ok {
				t.Errorf("ledger = %q, want lines starting %q", got, tt.want)
			}
		})
	}
}

func TestBackReferenceWithAdjunct(t *testing.T) {
	c := New(lexicon.Default())
	text := `Ana Ruiz rejected suggestions that Acme Corp had closed its plant in Brazil. "We see no evidence of that in our order book," she said.`
	d := run(t, c, text, []ent{ruiz, acme, brazil}, []quo{
		{content: "suggestions that Acme Corp had closed its plant in Brazil", cue: "rejected", source: "Ana Ruiz",
			speaker: "e5", name: "Ana Ruiz", stance: dossier.Denies},
		{kind: dossier.Direct, content: "We see no evidence of that in our order book,", cue: "said", source: "she",
			speaker: "e5", name: "Ana Ruiz", stance: dossier.Asserts},
	})
	// One claim (Acme closed its plant), denied by Ruiz; the quote refers
	// back to it instead of making a claim "in our own records".
	if len(d.Claims) != 1 || strings.Contains(strings.ToLower(d.Claims[0].Statement), "book") {
		t.Fatalf("claims = %q, want one, about the plant", statements(d))
	}
	for _, s := range d.Claims[0].Stances {
		if s.Stance != dossier.Denies {
			t.Errorf("stance %+v, want denies", s)
		}
	}
}
