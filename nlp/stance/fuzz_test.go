package stance

import (
	"context"
	"strings"
	"testing"

	"dossier"
	"dossier/lexicon"
	"dossier/nlp"
	"dossier/textpos"
)

const benchPassage = `Two officials said Brazil has supplied Bolivia with fuel and spare parts for its army. ` +
	`Ana Ruiz said she has seen no evidence that Brazil was providing fuel to Bolivia. ` +
	`Asked about claims that Brazil is helping Bolivian police track protesters, Ruiz said she had "no indication of that at all." ` +
	`The officials said there is no indication Brazil is training Bolivian troops. ` +
	`Analysts said the central bank cut rates, a move not expected to lift inflation, and warned that prices could rise. `

// fuzzDoc builds a Doc from arbitrary text: the first word is a cue, the
// rest of the first sentence its content, every capitalized word an entity,
// and every quotation a direct quote of the same source.
func fuzzDoc(text string) *nlp.Doc {
	d := nlp.NewDoc(dossier.Article{Text: text})
	d.Tokens, d.Sentences = testTokens(text)
	for i, t := range d.Tokens {
		w := text[t.Start:t.End]
		if t.Kind == nlp.Word && w[0] >= 'A' && w[0] <= 'Z' {
			d.Entities = append(d.Entities, dossier.Entity{ID: "e" + w, Name: w, Type: dossier.GPE,
				Mentions: []dossier.Mention{{Span: d.Tokens[i].Span()}}})
		}
	}
	if len(d.Tokens) > 1 && len(d.Sentences) > 0 {
		s := d.Sentences[0]
		d.Quotes = append(d.Quotes, dossier.Quote{ID: "q1", Kind: dossier.Indirect, Cue: d.Tokens[0].Span(),
			Content:     textpos.Span{Start: int(d.Tokens[min(1, s.Last-1)].Start), End: s.Span.End},
			SpeakerName: "someone", SourceType: dossier.SourceAnonymous, Stance: dossier.Asserts})
	}
	open := -1
	for i, t := range d.Tokens {
		if t.Kind != nlp.Quote {
			continue
		}
		if open < 0 {
			open = i
			continue
		}
		d.Quotes = append(d.Quotes, dossier.Quote{ID: "q2", Kind: dossier.Direct,
			Content:     textpos.Span{Start: int(d.Tokens[open].End), End: int(t.Start)},
			SpeakerName: "someone", SourceType: dossier.SourceNamed, Stance: dossier.Denies})
		open = -1
	}
	return d
}

func FuzzStance(f *testing.F) {
	f.Add(benchPassage)
	f.Add(`Officials said there is no indication the "virus" isn't spreading, a move unlikely to help.`)
	f.Add(`"I hope they're not," she said. Asked if`)
	f.Add("said that that that ,,, ; and that")
	f.Add("")
	c := New(lexicon.Default())
	f.Fuzz(func(t *testing.T, text string) {
		d := fuzzDoc(text)
		if err := c.Process(context.Background(), d); err != nil {
			t.Fatalf("Process(%q) = %v, want nil", text, err)
		}
		n := len(text)
		for _, cl := range d.Claims {
			if cl.ID == "" || len(cl.Stances) == 0 {
				t.Errorf("Process(%q) claim %+v, want an id and stances", text, cl)
			}
			for _, s := range cl.Stances {
				for _, sp := range []textpos.Span{s.Evidence, s.Cue, s.Source} {
					if !sp.Valid(n) {
						t.Errorf("Process(%q) span %v, want valid for %d bytes", text, sp, n)
					}
				}
				if s.Evidence.Empty() {
					t.Errorf("Process(%q) evidence empty, want a span", text)
				}
			}
		}
	})
}

func BenchmarkStance(b *testing.B) {
	text := strings.Repeat(benchPassage, 20)
	d := fuzzDoc(text)
	// Quote every sentence, so that every token is read as content.
	d.Quotes = d.Quotes[:0]
	for i, s := range d.Sentences {
		if s.Last-s.First < 3 {
			continue
		}
		d.Quotes = append(d.Quotes, dossier.Quote{ID: "q" + string(rune('a'+i%26)), Kind: dossier.Indirect,
			Cue:         d.Tokens[s.First+2].Span(),
			Content:     textpos.Span{Start: int(d.Tokens[s.First+3].Start), End: s.Span.End},
			SpeakerName: "officials", SourceType: dossier.SourceAnonymous, Stance: dossier.Asserts})
	}
	c := New(lexicon.Default())
	ctx := context.Background()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		if err := c.Process(ctx, d); err != nil {
			b.Fatal(err)
		}
	}
	words := 0
	for _, t := range d.Tokens {
		if t.Kind == nlp.Word {
			words++
		}
	}
	b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
}
