package attribution_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"unicode"

	"dossier"
	"dossier/lexicon"
	"dossier/nlp"
	"dossier/nlp/attribution"
	"dossier/nlp/tokenize"
	"dossier/textpos"
)

// ent is an entity of a test passage: every whole-word occurrence of each
// form becomes a mention (a lower-case form is a pronoun).
type ent struct {
	name  string
	typ   dossier.EntityType
	forms []string
}

// people are the entities the passages below speak of.
var people = []ent{
	{"Maria Lopez", dossier.Person, []string{"Maria Lopez", "Lopez", "she", "She"}},
	{"Raymond Okafor", dossier.Person, []string{"Raymond Okafor", "Okafor", "he", "He"}},
	{"Reuters", dossier.Outlet, []string{"Reuters"}},
	{"Valley Gazette", dossier.Outlet, []string{"Valley Gazette"}},
}

// analyze runs the tokenizer, a fixed entity layer and attribution.
func analyze(t testing.TB, c *attribution.Component, text string, ents []ent) *nlp.Doc {
	t.Helper()
	d := nlp.NewDoc(dossier.Article{Text: text})
	ctx := context.Background()
	if err := tokenize.New().Process(ctx, d); err != nil {
		t.Fatal(err)
	}
	for i, e := range ents {
		de := dossier.Entity{ID: fmt.Sprintf("e%d", i+1), Name: e.name, Type: e.typ}
		for _, f := range e.forms {
			kind := dossier.MentionName
			if unicode.IsLower(rune(f[0])) || f == "She" || f == "He" {
				kind = dossier.MentionPronoun
			}
			for off := 0; ; {
				k := strings.Index(text[off:], f)
				if k < 0 {
					break
				}
				a, b := off+k, off+k+len(f)
				off = b
				if a > 0 && isWordByte(text[a-1]) || b < len(text) && isWordByte(text[b]) || covered(d.Entities, de, a, b) {
					continue
				}
				de.Mentions = append(de.Mentions, dossier.Mention{Span: span(a, b), Kind: kind})
			}
		}
		d.Entities = append(d.Entities, de)
	}
	if err := c.Process(ctx, d); err != nil {
		t.Fatal(err)
	}
	return d
}

// covered reports whether [a, b) overlaps a mention already made.
func covered(es []dossier.Entity, e dossier.Entity, a, b int) bool {
	for _, x := range append(es, e) {
		for _, m := range x.Mentions {
			if m.Span.Overlaps(span(a, b)) {
				return true
			}
		}
	}
	return false
}

func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9'
}

// want is an expected attribution; empty fields are not compared.
type want struct {
	kind    dossier.QuoteKind
	content string
	cue     string
	source  string
	speaker string
	stype   dossier.SourceType
	count   int
	addr    string
}

func (w want) String() string {
	return fmt.Sprintf("{%s %q cue=%q src=%q speaker=%q %s n=%d addr=%q}", w.kind, w.content, w.cue, w.source, w.speaker, w.stype, w.count, w.addr)
}

func got(d *nlp.Doc, q dossier.Quote) want {
	return want{q.Kind, q.Content.Text(d.Text), q.Cue.Text(d.Text), q.Source.Text(d.Text), q.SpeakerName, q.SourceType, q.SourceCount, q.Addressee.Text(d.Text)}
}

func TestAttribution(t *testing.T) {
	c := attribution.New(lexicon.Default())
	tests := []struct {
		name string
		give string
		want []want
	}{
		{
			name: "quote then speaker",
			give: `"We will not back down," Lopez said.`,
			want: []want{{kind: dossier.Direct, content: "We will not back down,", cue: "said", source: "Lopez", speaker: "Maria Lopez", stype: dossier.SourceNamed}},
		},
		{
			name: "quote then inverted speaker",
			give: `"The vote is final," said Lopez.`,
			want: []want{{kind: dossier.Direct, content: "The vote is final,", cue: "said", speaker: "Maria Lopez"}},
		},
		{
			name: "speaker then colon",
			give: `Lopez said: "The vote is final. We move on."`,
			want: []want{{kind: dossier.Direct, content: "The vote is final. We move on.", cue: "said", speaker: "Maria Lopez"}},
		},
		{
			name: "pronoun and comma before the quote",
			give: `Lopez left the hall early. Asked if the strike would end, she responded, "Not this week."`,
			want: []want{{kind: dossier.Direct, content: "Not this week.", cue: "responded", source: "she", speaker: "Maria Lopez"}},
		},
		{
			name: "partial quote in a that-clause",
			give: `Lopez told reporters that she had "no plans to resign at this time."`,
			want: []want{{kind: dossier.Direct, content: "no plans to resign at this time.", cue: "told", speaker: "Maria Lopez", addr: "reporters"}},
		},
		{
			name: "short fragment in a long clause is mixed",
			give: `Okafor said the budget, which the council passed in a late-night session on Tuesday after weeks of delay, was "a mess."`,
			want: []want{{kind: dossier.Mixed, content: `the budget, which the council passed in a late-night session on Tuesday after weeks of delay, was "a mess."`, cue: "said", speaker: "Raymond Okafor"}},
		},
		{
			name: "quote continued in the next paragraph",
			give: "\"We met twice. Nothing changed,\" Lopez said.\n\n\"We will try again next month.\"",
			want: []want{
				{kind: dossier.Direct, content: "We met twice. Nothing changed,", cue: "said", speaker: "Maria Lopez"},
				{kind: dossier.Direct, content: "We will try again next month.", cue: "", speaker: "Maria Lopez"},
			},
		},
		{
			name: "quote resumed after the speaker",
			give: `"We met twice," Okafor said. "Nothing changed."`,
			want: []want{
				{kind: dossier.Direct, content: "We met twice,", cue: "said", speaker: "Raymond Okafor"},
				{kind: dossier.Direct, content: "Nothing changed.", cue: "", speaker: "Raymond Okafor"},
			},
		},
		{
			name: "label in quotation marks",
			give: `Okafor called the proposal a "reckless gamble."`,
			want: []want{{kind: dossier.Direct, content: "reckless gamble.", cue: "called", speaker: "Raymond Okafor"}},
		},
		{
			name: "scare quotes and titles are not quotes",
			give: `The so-called "reform" passed on Tuesday. Critics read "The Long Road Back To The River Town" aloud.`,
			want: nil,
		},
		{
			name: "indirect, cue before",
			give: `Lopez said the council would vote on the plan next week.`,
			want: []want{{kind: dossier.Indirect, content: "the council would vote on the plan next week", cue: "said", source: "Lopez", speaker: "Maria Lopez", stype: dossier.SourceNamed}},
		},
		{
			name: "indirect, cue after",
			give: `The council would vote on the plan next week, Lopez said.`,
			want: []want{{kind: dossier.Indirect, content: "The council would vote on the plan next week", cue: "said", speaker: "Maria Lopez"}},
		},
		{
			name: "indirect, inverted anonymous source",
			give: `The council would vote on the plan next week, said a city spokesperson.`,
			want: []want{{kind: dossier.Indirect, content: "The council would vote on the plan next week", cue: "said", source: "a city spokesperson", speaker: "city spokesperson", stype: dossier.SourceAnonymous}},
		},
		{
			name: "according to, before, with a count",
			give: `According to two officials familiar with the talks, the deal is close.`,
			want: []want{{kind: dossier.Indirect, content: "the deal is close", cue: "According to", source: "two officials familiar with the talks", speaker: "two officials familiar with the talks", stype: dossier.SourceAnonymous, count: 2}},
		},
		{
			name: "according to an outlet, after",
			give: `The deal is close, according to Reuters.`,
			want: []want{{kind: dossier.Indirect, content: "The deal is close", cue: "according to", speaker: "Reuters", stype: dossier.SourceOutlet}},
		},
		{
			name: "accusation",
			give: `Okafor accused the mayor of ignoring the report.`,
			want: []want{{kind: dossier.Indirect, content: "the mayor of ignoring the report", cue: "accused", speaker: "Raymond Okafor"}},
		},
		{
			name: "denial of an object",
			give: `Lopez denied the allegations.`,
			want: []want{{kind: dossier.Indirect, content: "the allegations", cue: "denied", speaker: "Maria Lopez"}},
		},
		{
			name: "participle shares the subject",
			give: `Okafor criticized the plan, warning that costs could double.`,
			want: []want{{kind: dossier.Indirect, content: "costs could double", cue: "warning", speaker: "Raymond Okafor"}},
		},
		{
			name: "coordinated verbs share the subject",
			give: `Okafor accused the mayor of stalling and noted that the budget was late.`,
			want: []want{
				{kind: dossier.Indirect, content: "the mayor of stalling", cue: "accused", speaker: "Raymond Okafor"},
				{kind: dossier.Indirect, content: "the budget was late", cue: "noted", speaker: "Raymond Okafor"},
			},
		},
		{
			name: "relative clause after an anonymous source",
			give: `The paper cited three people familiar with the plan who said the factory would close.`,
			want: []want{{kind: dossier.Indirect, content: "the factory would close", cue: "said", source: "three people familiar with the plan", stype: dossier.SourceAnonymous, count: 3}},
		},
		{
			name: "nominal source with a participle cue",
			give: `Shares fell after reports alleging the factory would close.`,
			want: []want{{kind: dossier.Indirect, content: "the factory would close", cue: "alleging", source: "reports", speaker: "reports", stype: dossier.SourceReport}},
		},
		{
			name: "appositive",
			give: `Raymond Okafor, the union's president, said the strike would continue.`,
			want: []want{{kind: dossier.Indirect, content: "the strike would continue", cue: "said", source: "Raymond Okafor", speaker: "Raymond Okafor"}},
		},
		{
			name: "pronoun resolved through the entities",
			give: `Lopez spoke after the vote. She said the result was fair.`,
			want: []want{{kind: dossier.Indirect, content: "the result was fair", cue: "said", source: "She", speaker: "Maria Lopez"}},
		},
		{
			name: "nested attribution",
			give: `Lopez told reporters that the budget was late, reported the Valley Gazette.`,
			want: []want{
				{kind: dossier.Indirect, content: "Lopez told reporters that the budget was late", cue: "reported", speaker: "Valley Gazette", stype: dossier.SourceOutlet},
				{kind: dossier.Indirect, content: "the budget was late", cue: "told", speaker: "Maria Lopez", addr: "reporters"},
			},
		},
		{
			name: "definite phrase refers back to the fuller source",
			give: `Four sources said the deal was off. The sources said talks could resume.`,
			want: []want{
				{kind: dossier.Indirect, content: "the deal was off", cue: "said", speaker: "Four sources", count: 4},
				{kind: dossier.Indirect, content: "talks could resume", cue: "said", source: "The sources", speaker: "Four sources", count: 4},
			},
		},
		{
			name: "document source",
			give: `A statement from the company said the plant was safe.`,
			want: []want{{kind: dossier.Indirect, content: "the plant was safe", cue: "said", stype: dossier.SourceDocument}},
		},
		{
			name: "spokesperson for a named body",
			give: `A spokesperson for Reuters said the story was accurate.`,
			want: []want{{kind: dossier.Indirect, content: "the story was accurate", cue: "said", speaker: "Reuters"}},
		},
		{
			name: "when asked is not content",
			give: `"Strongly," Okafor told reporters when asked whether he had objected.`,
			want: []want{{kind: dossier.Direct, content: "Strongly,", cue: "told", speaker: "Raymond Okafor", addr: "reporters"}},
		},
		{
			name: "nouns that look like cues",
			give: `Despite reports of delays, the claims office opened.`,
			want: nil,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := analyze(t, c, tt.give, people)
			var gots []want
			for _, q := range d.Quotes {
				gots = append(gots, got(d, q))
			}
			if len(gots) != len(tt.want) {
				t.Fatalf("Process(%q) = %v, want %v", tt.give, gots, tt.want)
			}
			for i, w := range tt.want {
				g := gots[i]
				if !matches(g, w) {
					t.Errorf("Process(%q)[%d] = %v, want %v", tt.give, i, g, w)
				}
			}
		})
	}
}

// matches compares kind, content and cue, and the other fields that w
// gives.
func matches(g, w want) bool {
	return g.kind == w.kind && g.content == w.content && g.cue == w.cue &&
		(w.source == "" || g.source == w.source) &&
		(w.speaker == "" || g.speaker == w.speaker) &&
		(w.stype == "" || g.stype == w.stype) &&
		(w.count == 0 || g.count == w.count) &&
		(w.addr == "" || g.addr == w.addr)
}

func TestCueStance(t *testing.T) {
	c := attribution.New(lexicon.Default())
	tests := []struct {
		give string
		want dossier.StanceLabel
	}{
		{"Lopez said the plant was safe.", dossier.Asserts},
		{"Lopez denied that the plant was unsafe.", dossier.Denies},
		{"Lopez rejected claims that the plant was unsafe.", dossier.Denies},
		{"Lopez doubted that the plant was safe.", dossier.Uncertain},
		{"Okafor emphasised that the plant was safe.", dossier.Asserts},
	}
	for _, tt := range tests {
		t.Run(tt.give, func(t *testing.T) {
			d := analyze(t, c, tt.give, people)
			if len(d.Quotes) != 1 {
				t.Fatalf("Process(%q) = %d quotes, want 1", tt.give, len(d.Quotes))
			}
			if got := d.Quotes[0].Stance; got != tt.want {
				t.Errorf("Process(%q).Stance = %v, want %v", tt.give, got, tt.want)
			}
		})
	}
}

func span(a, b int) textpos.Span { return textpos.Span{Start: a, End: b} }
