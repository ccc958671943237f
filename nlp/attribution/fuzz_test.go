package attribution_test

import (
	"strings"
	"testing"

	"dossier/lexicon"
	"dossier/nlp/attribution"
)

// passage is a short article in the manner of real news, written for these
// tests.
const passage = `Raymond Okafor, the union's president, said the strike would continue until the council restored the pay rise.

"We met twice. Nothing changed," Okafor told reporters outside the town hall on Tuesday. "We will try again next month."

According to two officials familiar with the talks, the council is expected to offer a smaller rise. Lopez denied that a deal was close, warning that the budget "simply cannot stretch that far."

Reports alleging the depot would close circulated on Monday, the Valley Gazette reported. A statement from the company said the plant was safe.
`

func FuzzAttribution(f *testing.F) {
	c := attribution.New(lexicon.Default())
	f.Add(passage)
	f.Add(`"Unclosed quote, he said`)
	f.Add(`said said said "" " ' ‘ ’ “ ” , according to`)
	f.Add(`According to, said. "x" ,said Lopez who said that`)
	f.Add("The real problem, according to Okafor, was the budget. Those close to him say it isn’t over — and 4 in 10 said so.")
	f.Add("Lopez, 60, a nurse, said she had \"no plans\" - and that, if asked, she would stay.\n\n\"We will win this.\"")
	f.Fuzz(func(t *testing.T, text string) {
		d := analyze(t, c, text, people)
		for _, q := range d.Quotes {
			for _, s := range []struct {
				name string
				sp   interface{ Valid(int) bool }
			}{{"content", q.Content}, {"cue", q.Cue}, {"source", q.Source}, {"addressee", q.Addressee}} {
				if !s.sp.Valid(len(text)) {
					t.Fatalf("Process(%q): %s span %v not valid", text, s.name, s.sp)
				}
			}
			if q.Content.Empty() {
				t.Fatalf("Process(%q): quote %s has empty content", text, q.ID)
			}
		}
	})
}

func BenchmarkAttribution(b *testing.B) {
	c := attribution.New(lexicon.Default())
	text := strings.Repeat(passage+"\n", 20)
	d := analyze(b, c, text, people)
	words := len(strings.Fields(text))
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		d.Quotes = d.Quotes[:0]
		if err := c.Process(b.Context(), d); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
}
