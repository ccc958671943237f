package numex

import (
	"context"
	"slices"
	"testing"

	"dossier"
	"dossier/nlp"
)

// figuresInSentences is figuresOf with a sentence layer: a sentence ends
// after a token that is a full stop.
func figuresInSentences(text string) []string {
	d := nlp.NewDoc(dossier.Article{Text: text})
	d.Tokens = testTokens(text, false)
	first := 0
	for i, tk := range d.Tokens {
		if text[tk.Start:tk.End] == "." || i == len(d.Tokens)-1 {
			d.Sentences = append(d.Sentences, nlp.Range{First: first, Last: i + 1})
			first = i + 1
		}
	}
	if err := New().Process(context.Background(), d); err != nil {
		return []string{"error: " + err.Error()}
	}
	out := make([]string, 0, len(d.Figures))
	for _, f := range d.Figures {
		out = append(out, describe(text, f))
	}
	return out
}

func TestCurrencyFromContext(t *testing.T) {
	tests := []struct {
		name string
		give string
		want []string
	}{
		{
			name: "pesos after a capital city",
			give: "Copper miners in Santiago said the bonus was 950,000 pesos a worker.",
			want: []string{`money "950,000 pesos" value=950000 unit=CLP`},
		},
		{
			name: "pesos in an article about a country named earlier",
			give: "Colombia raised fuel prices. A gallon now costs 15,800 pesos.",
			want: []string{`money "15,800 pesos" value=15800 unit=COP`},
		},
		{
			name: "the nearest country in the sentence wins",
			give: "Mexico sold beef to Argentina for 80 million pesos, Buenos Aires said.",
			want: []string{`money "80 million pesos" value=80000000 unit=ARS`},
		},
		{
			name: "pesos with no place keep the default",
			give: "The ticket cost 300 pesos.",
			want: []string{`money "300 pesos" value=300 unit=MXN`},
		},
		{
			name: "a demonym before the word is the currency itself",
			give: "Brokers in Toronto swapped 40 million Canadian dollars and 5 million dollars.",
			want: []string{
				`money "40 million Canadian dollars" value=40000000 unit=CAD`,
				`money "5 million dollars" value=5000000 unit=CAD`,
			},
		},
		{
			name: "dollars look only in the sentence",
			give: "Canada's exports fell. The fund raised 2 billion dollars.",
			want: []string{`money "2 billion dollars" value=2000000000 unit=USD`},
		},
		{
			name: "dollars stay American when the United States is named too",
			give: "Australia bought 3 billion dollars of wheat from the United States.",
			want: []string{`money "3 billion dollars" value=3000000000 unit=USD`},
		},
		{
			name: "pounds in Cairo",
			give: "Bread in Cairo now costs 20 pounds a loaf.",
			want: []string{`money "20 pounds" value=20 unit=EGP`},
		},
		{
			name: "krone in a Danish article",
			give: "Danish lawmakers approved the budget. It adds 4 billion kroner in spending.",
			want: []string{`money "4 billion kroner" value=4000000000 unit=DKK`},
		},
		{
			name: "rupees in Lahore",
			give: "Traders in Lahore said flour rose to 180 rupees a kilogram.",
			want: []string{`move "flour rose to 180 rupees" unit=PKR inst="flour" dir=up level=180`},
		},
		{
			name: "a market move in pesos",
			give: "Shares of Andes Cobre fell 3% to 2,410 pesos in Santiago.",
			want: []string{`move "Shares of Andes Cobre fell 3% to 2,410 pesos" unit=CLP inst="Andes Cobre" dir=down pct=3 level=2410`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := figuresInSentences(tt.give); !slices.Equal(got, tt.want) {
				t.Errorf("Figures(%q) = %v, want %v", tt.give, got, tt.want)
			}
		})
	}
}
