package ner

import (
	"strings"
	"testing"

	"dossier/nlp"
)

func TestDatelineForms(t *testing.T) {
	tests := []struct {
		name string
		give string
		want string
	}{
		{
			name: "capitals and an em dash",
			give: "Rail strike spreads\n\nBUDAPEST — Train drivers stopped work on Friday.",
			want: "GPE:Budapest",
		},
		{
			name: "capitals, a date and an em dash",
			give: "NAIROBI, June 9 — Farmers blocked the road to Kisumu.",
			want: "GPE:Nairobi GPE:Kisumu",
		},
		{
			name: "an unknown town in capitals before an en dash",
			give: "KORVELLE – Rising water reached the square on Sunday.",
			want: "GPE:Korvelle",
		},
		{
			name: "title case with an agency in brackets",
			give: "Lisbon (AFP) - Portugal's parliament voted on Thursday.",
			want: "GPE:Lisbon OUTLET:Agence France-Presse GPE:Portugal",
		},
		{
			name: "title case known place before a dash",
			give: "Quito — Ecuador's president spoke late on Monday.",
			want: "GPE:Quito GPE:Ecuador",
		},
		{
			name: "a kicker is not a place",
			give: "EXCLUSIVE — Ministers met in secret on Monday.",
			want: "",
		},
		{
			name: "a caps headline with a hyphen is not a dateline",
			give: "RUGBY - LATE TRY SINKS HOSTS\nThe hosts lost on Saturday.",
			want: "",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := analyze(t, tt.give)
			if got := names(d); got != tt.want {
				t.Errorf("Process(%q) = %v, want %v", tt.give, got, tt.want)
			}
		})
	}
}

func TestNamesWithParticles(t *testing.T) {
	tests := []struct {
		name string
		give string
		want string
	}{
		{
			name: "a known country after the head",
			give: "Shares of Banco do Brasil fell after the vote.",
			want: "ORG:Banco do Brasil",
		},
		{
			name: "a university named after a country",
			give: "Students at the Universidad de Chile marched on Monday.",
			want: "ORG:Universidad de Chile",
		},
		{
			name: "a Dutch particle in a person's name",
			give: "The conductor Pieter van Dijk said the hall was full.",
			want: "PERSON:Pieter van Dijk",
		},
		{
			name: "a French particle in a person's name",
			give: "Voters remembered Charles de Gaulle on Sunday.",
			want: "PERSON:Charles de Gaulle",
		},
		{
			name: "two particles",
			give: "Fans of Jan van der Berg gathered in Utrecht.",
			want: "PERSON:Jan van der Berg GPE:Utrecht",
		},
		{
			name: "a newspaper whose name holds a place",
			give: "The newspaper El Eco de Sevilla reported the sale on Friday.",
			want: "OUTLET:El Eco de Sevilla",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := analyze(t, tt.give)
			if got := names(d); got != tt.want {
				t.Errorf("Process(%q) = %v, want %v", tt.give, got, tt.want)
			}
		})
	}
}

func TestHeadNounCues(t *testing.T) {
	tests := []struct {
		name string
		give string
		want string
	}{
		{
			name: "the newspaper X reported",
			give: "The newspaper Kestrel Courant reported that the deal was off.",
			want: "OUTLET:Kestrel Courant",
		},
		{
			name: "a one-word magazine",
			give: "Officials spoke to the magazine Zevrenko about the plan.",
			want: "OUTLET:Zevrenko",
		},
		{
			name: "the nearby town of X",
			give: "Residents of the nearby town of Marva Alta fled on Tuesday.",
			want: "GPE:Marva Alta",
		},
		{
			name: "the company X",
			give: "Talks with the company Orvel Brand ended without a deal.",
			want: "ORG:Orvel Brand",
		},
		{
			name: "the club X",
			give: "The striker joined the club Atletico Varna in May.",
			want: "ORG:Atletico Varna",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := analyze(t, tt.give)
			if got := names(d); got != tt.want {
				t.Errorf("Process(%q) = %v, want %v", tt.give, got, tt.want)
			}
		})
	}
}

func TestShortOrgNames(t *testing.T) {
	tests := []struct {
		name string
		give string
		want string
	}{
		{
			name: "two words of three, one of them a place",
			give: "Monte Verde Holdings cut jobs on Monday. Monte Verde shares fell 4% in Lima.",
			want: "ORG:Monte Verde Holdings=Monte Verde Holdings,Monte Verde GPE:Lima=Lima",
		},
		{
			name: "one unknown word",
			give: "Tavrel Semiconductor beat forecasts. Tavrel said demand was strong.",
			want: "ORG:Tavrel Semiconductor=Tavrel Semiconductor,Tavrel",
		},
		{
			name: "a known place stays a place",
			give: "Brazil Foods Group cut prices. Brazil raised tariffs on Monday.",
			want: "ORG:Brazil Foods Group=Brazil Foods Group GPE:Brazil=Brazil",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := analyze(t, tt.give)
			if got := withMentions(d); got != tt.want {
				t.Errorf("Process(%q) = %v, want %v", tt.give, got, tt.want)
			}
		})
	}
}

// withMentions prints each entity as "TYPE:Name=mention,mention".
func withMentions(d *nlp.Doc) string {
	var b strings.Builder
	for i, e := range d.Entities {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(string(e.Type) + ":" + e.Name + "=")
		for k, m := range e.Mentions {
			if k > 0 {
				b.WriteByte(',')
			}
			b.WriteString(m.Span.Text(d.Text))
		}
	}
	return b.String()
}

func TestKnownNamesAcrossLowerWords(t *testing.T) {
	tests := []struct {
		name string
		give string
		want string
	}{
		{
			name: "an outlet with and",
			give: "She told The Globe and Mail that talks would resume.",
			want: "OUTLET:The Globe and Mail",
		},
		{
			name: "a country with and",
			give: "Exports to Trinidad and Tobago rose.",
			want: "GPE:Trinidad and Tobago",
		},
		{
			name: "the United States after The",
			give: "The United States imported less wheat in April.",
			want: "GPE:United States",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := analyze(t, tt.give)
			if got := names(d); got != tt.want {
				t.Errorf("Process(%q) = %v, want %v", tt.give, got, tt.want)
			}
		})
	}
}
