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
	{"Tom Reyes", dossier.Person, []string{"Tom Reyes"}},
	{"Ohio", dossier.GPE, []string{"Ohio"}},
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
	class   dossier.QuoteClass
}

func (w want) String() string {
	return fmt.Sprintf("{%s %q cue=%q src=%q speaker=%q %s n=%d addr=%q class=%s}", w.kind, w.content, w.cue, w.source, w.speaker, w.stype, w.count, w.addr, w.class)
}

func got(d *nlp.Doc, q dossier.Quote) want {
	return want{q.Kind, q.Content.Text(d.Text), q.Cue.Text(d.Text), q.Source.Text(d.Text), q.SpeakerName, q.SourceType, q.SourceCount, q.Addressee.Text(d.Text), q.Class}
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
			want: []want{
				{kind: dossier.Indirect, content: "if the strike would end", cue: "Asked", class: dossier.ClassQuestion},
				{kind: dossier.Direct, content: "Not this week.", cue: "responded", source: "she", speaker: "Maria Lopez"},
			},
		},
		{
			name: "partial quote in a that-clause",
			give: `Lopez told reporters that she had "no plans to resign at this time."`,
			want: []want{{kind: dossier.Mixed, content: `she had "no plans to resign at this time."`, cue: "told", speaker: "Maria Lopez", addr: "reporters"}},
		},
		{
			name: "quoted that-clause opening with the quotation is direct",
			give: `Lopez told reporters that "the plant will reopen in May."`,
			want: []want{{kind: dossier.Direct, content: "the plant will reopen in May.", cue: "told", speaker: "Maria Lopez", addr: "reporters"}},
		},
		{
			name: "reporter's subject before a quotation bound to a following cue",
			give: `The county "has never had a harder winter," Okafor said.`,
			want: []want{{kind: dossier.Mixed, content: `The county "has never had a harder winter,"`, cue: "said", speaker: "Raymond Okafor"}},
		},
		{
			name: "mostly quoted clause keeps its speaker for the next quotation",
			give: `Lopez said she had "no plans to resign at this time." "I was elected to finish the job."`,
			want: []want{
				{kind: dossier.Mixed, content: `she had "no plans to resign at this time."`, cue: "said", speaker: "Maria Lopez"},
				{kind: dossier.Direct, content: "I was elected to finish the job.", speaker: "Maria Lopez"},
			},
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
			want: []want{{kind: dossier.Mixed, content: `the proposal a "reckless gamble."`, cue: "called", speaker: "Raymond Okafor"}},
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
			want: []want{
				{kind: dossier.Indirect, content: "the plan", cue: "criticized", speaker: "Raymond Okafor", class: dossier.ClassEvaluation},
				{kind: dossier.Indirect, content: "costs could double", cue: "warning", speaker: "Raymond Okafor", class: dossier.ClassSpeech},
			},
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
			name: "coordinated names with titles take a plural verb",
			give: `Mr. Okafor and Ms. Lopez say the levee will hold.`,
			want: []want{{kind: dossier.Indirect, content: "the levee will hold", cue: "say", source: "Mr. Okafor and Ms. Lopez", speaker: "Okafor and Lopez", stype: dossier.SourceNamed, count: 2}},
		},
		{
			name: "anonymous head with a place after it",
			give: `Farmers in Ohio say the drought is the worst in decades.`,
			want: []want{{kind: dossier.Indirect, content: "the drought is the worst in decades", cue: "say", source: "Farmers in Ohio", speaker: "Farmers in Ohio", stype: dossier.SourceAnonymous}},
		},
		{
			name: "post-modifier with a pronoun complement is not the speaker",
			give: `Those close to them say the decision was made weeks ago.`,
			want: []want{{kind: dossier.Indirect, content: "the decision was made weeks ago", cue: "say", source: "Those close to them", speaker: "Those close to them", stype: dossier.SourceAnonymous}},
		},
		{
			name: "post-modifier with a name complement is not the speaker",
			give: `People close to Tom Reyes said he would run again.`,
			want: []want{{kind: dossier.Indirect, content: "he would run again", cue: "said", source: "People close to Tom Reyes", speaker: "People close to Tom Reyes", stype: dossier.SourceAnonymous}},
		},
		{
			name: "aides to a named person are anonymous",
			give: `Aides to Lopez said the trip was postponed.`,
			want: []want{{kind: dossier.Indirect, content: "the trip was postponed", cue: "said", source: "Aides to Lopez", speaker: "Aides to Lopez", stype: dossier.SourceAnonymous}},
		},
		{
			name: "participial adjunct after an adverb ends the content",
			give: `Lopez said the vote would be delayed, implicitly blaming the council for the confusion.`,
			want: []want{{kind: dossier.Indirect, content: "the vote would be delayed", cue: "said", speaker: "Maria Lopez"}},
		},
		{
			name: "a new clause after a comma ends the content",
			give: `Okafor said the plant would close in March, the Valley Gazette reported on Tuesday.`,
			want: []want{
				{kind: dossier.Indirect, content: "Okafor said the plant would close in March", cue: "reported", speaker: "Valley Gazette", stype: dossier.SourceOutlet},
				{kind: dossier.Indirect, content: "the plant would close in March", cue: "said", speaker: "Raymond Okafor"},
			},
		},
		{
			name: "age appositive",
			give: `Okafor, 69, said the mill had been closed for years.`,
			want: []want{{kind: dossier.Indirect, content: "the mill had been closed for years", cue: "said", source: "Okafor", speaker: "Raymond Okafor", stype: dossier.SourceNamed}},
		},
		{
			name: "age and role appositives",
			give: `Lopez, 60, a retired nurse from Ohio, said the clinic was understaffed.`,
			want: []want{{kind: dossier.Indirect, content: "the clinic was understaffed", cue: "said", source: "Lopez", speaker: "Maria Lopez", stype: dossier.SourceNamed}},
		},
		{
			name: "role appositive holding a cue word used as a noun",
			give: `Lopez, a creative writing teacher, said the course would be cut.`,
			want: []want{{kind: dossier.Indirect, content: "the course would be cut", cue: "said", source: "Lopez", speaker: "Maria Lopez", stype: dossier.SourceNamed}},
		},
		{
			name: "quantifier over a pronoun",
			give: `Most of them said they had enjoyed the work.`,
			want: []want{{kind: dossier.Indirect, content: "they had enjoyed the work", cue: "said", source: "Most of them", speaker: "Most of them", stype: dossier.SourceAnonymous}},
		},
		{
			name: "number over a pronoun gives the count",
			give: `Three of them said the bus never came.`,
			want: []want{{kind: dossier.Indirect, content: "the bus never came", cue: "said", source: "Three of them", speaker: "Three of them", stype: dossier.SourceAnonymous, count: 3}},
		},
		{
			name: "quantifier alone as subject",
			give: `Several said they would vote for the measure.`,
			want: []want{{kind: dossier.Indirect, content: "they would vote for the measure", cue: "said", source: "Several", speaker: "Several", stype: dossier.SourceAnonymous}},
		},
		{
			name: "quantifier before a noun is no subject",
			give: `Some claims about the mill were false.`,
			want: nil,
		},
		{
			name: "relative clause without commas keeps its head",
			give: `Voters who heard her speech said she had won them over.`,
			want: []want{{kind: dossier.Indirect, content: "she had won them over", cue: "said", source: "Voters who heard her speech", speaker: "Voters who heard her speech", stype: dossier.SourceAnonymous}},
		},
		{
			name: "poll share as subject is no count",
			give: `About 26% say they are conservative.`,
			want: []want{{kind: dossier.Indirect, content: "they are conservative", cue: "say", source: "26%", speaker: "26%", stype: dossier.SourceAnonymous}},
		},
		{
			name: "share of those surveyed",
			give: `Thirty-one percent of those surveyed say the schools need more money.`,
			want: []want{{kind: dossier.Indirect, content: "the schools need more money", cue: "say", source: "Thirty-one percent of those surveyed", speaker: "Thirty-one percent of those surveyed", stype: dossier.SourceAnonymous}},
		},
		{
			name: "group with an example name",
			give: `Critics like Okafor say the plan would raise rents.`,
			want: []want{{kind: dossier.Indirect, content: "the plan would raise rents", cue: "say", source: "Critics like Okafor", speaker: "Critics like Okafor", stype: dossier.SourceAnonymous}},
		},
		{
			name: "list of names with commas",
			give: `Tom Reyes, Okafor and Lopez say they will not attend.`,
			want: []want{{kind: dossier.Indirect, content: "they will not attend", cue: "say", source: "Tom Reyes, Okafor and Lopez", speaker: "Tom Reyes, Okafor and Lopez", stype: dossier.SourceNamed, count: 3}},
		},
		{
			name: "whose-clause between subject and verb",
			give: `Officials whose budgets were cut say the agency cannot cope.`,
			want: []want{{kind: dossier.Indirect, content: "the agency cannot cope", cue: "say", source: "Officials whose budgets were cut", speaker: "Officials whose budgets were cut", stype: dossier.SourceAnonymous}},
		},
		{
			name: "a day inside a phrasal cue",
			give: `Okafor called Wednesday for a ban on the imports.`,
			want: []want{{kind: dossier.Indirect, content: "a ban on the imports", cue: "called Wednesday for", source: "Okafor", speaker: "Raymond Okafor", stype: dossier.SourceNamed, class: dossier.ClassIntention}},
		},
		{
			name: "label verb with a noun phrase and an adjective",
			give: `Lopez called the charges baseless.`,
			want: []want{{kind: dossier.Indirect, content: "the charges baseless", cue: "called", source: "Lopez", speaker: "Maria Lopez", stype: dossier.SourceNamed}},
		},
		{
			name: "label verb with a plain object is no attribution",
			give: `Lopez called the police twice.`,
			want: nil,
		},
		{
			name: "an order to an addressee is a request",
			give: `Okafor told residents not to drink the tap water.`,
			want: []want{{kind: dossier.Indirect, content: "not to drink the tap water", cue: "told", source: "Okafor", speaker: "Raymond Okafor", stype: dossier.SourceNamed, addr: "residents", class: dossier.ClassIntention}},
		},
		{
			name: "adjective cue after a copula",
			give: `Okafor has been critical of the merger.`,
			want: []want{{kind: dossier.Indirect, content: "the merger", cue: "critical of", source: "Okafor", speaker: "Raymond Okafor", stype: dossier.SourceNamed, class: dossier.ClassEvaluation}},
		},
		{
			name: "adjective of belief with that",
			give: `Lopez is confident that the bridge will reopen.`,
			want: []want{{kind: dossier.Indirect, content: "the bridge will reopen", cue: "confident", source: "Lopez", speaker: "Maria Lopez", stype: dossier.SourceNamed, class: dossier.ClassBelief}},
		},
		{
			name: "adjective of belief without that is no cue",
			give: `Lopez is confident the bridge will reopen soon and certain transactions are allowed.`,
			want: nil,
		},
		{
			name: "cue noun before a verb of saying",
			give: `The fund, which advocates say favors rich districts, was cut.`,
			want: []want{{kind: dossier.Indirect, content: "favors rich districts", cue: "say", source: "advocates", speaker: "advocates", stype: dossier.SourceAnonymous}},
		},
		{
			name: "cue noun after an adjective",
			give: `Personal attacks have defined the race.`,
			want: nil,
		},
		{
			name: "cue noun after a number word",
			give: `Twenty-seven states are challenging the rules.`,
			want: nil,
		},
		{
			name: "coordinated that-clauses are one content",
			give: `Okafor said witnesses saw a truck and that one was found nearby.`,
			want: []want{{kind: dossier.Indirect, content: "witnesses saw a truck and that one was found nearby", cue: "said", source: "Okafor", speaker: "Raymond Okafor", stype: dossier.SourceNamed}},
		},
		{
			name: "a participle that is no cue goes on with the content",
			give: `Lopez said the museum would put the problems in context, allowing visitors to see the progress.`,
			want: []want{{kind: dossier.Indirect, content: "the museum would put the problems in context, allowing visitors to see the progress", cue: "said", source: "Lopez", speaker: "Maria Lopez", stype: dossier.SourceNamed}},
		},
		{
			name: "a show's title before the speaker is no quotation",
			give: `Speaking on "Valley Morning Report," Okafor said the mill would reopen.`,
			want: []want{{kind: dossier.Indirect, content: "the mill would reopen", cue: "said", source: "Okafor", speaker: "Raymond Okafor", stype: dossier.SourceNamed}},
		},
		{
			name: "the reporter's comparison after a comma ends the content",
			give: `Lopez said most residents wanted a new road, compared with a third a year ago.`,
			want: []want{{kind: dossier.Indirect, content: "most residents wanted a new road", cue: "said", source: "Lopez", speaker: "Maria Lopez", stype: dossier.SourceNamed}},
		},
		{
			name: "a full stop inside the closing mark ends the content",
			give: `Okafor said the campaign was "finishing strong." Volunteers had come from across the state.`,
			want: []want{{kind: dossier.Mixed, content: `the campaign was "finishing strong."`, cue: "said", source: "Okafor", speaker: "Raymond Okafor", stype: dossier.SourceNamed}},
		},
		{
			name: "an adjunct after a name object is the reporter's",
			give: `Lopez praised Okafor at a rally in the county.`,
			want: []want{{kind: dossier.Indirect, content: "Okafor", cue: "praised", source: "Lopez", speaker: "Maria Lopez", stype: dossier.SourceNamed, class: dossier.ClassEvaluation}},
		},
		{
			name: "a dash and a conjunction end the content",
			give: `Lopez said the contract had been signed — and she thanked the union for its patience.`,
			want: []want{{kind: dossier.Indirect, content: "the contract had been signed", cue: "said", source: "Lopez", speaker: "Maria Lopez", stype: dossier.SourceNamed}},
		},
		{
			name: "a second verb of the main clause after but",
			give: `Okafor said he would attend the hearing but did not say when it would start.`,
			want: []want{
				{kind: dossier.Indirect, content: "he would attend the hearing", cue: "said", source: "Okafor", speaker: "Raymond Okafor", stype: dossier.SourceNamed},
				{kind: dossier.Indirect, content: "when it would start", cue: "say", source: "Okafor", speaker: "Raymond Okafor", stype: dossier.SourceNamed},
			},
		},
		{
			name: "but that continues the content",
			give: `Lopez said the staff had erred, but that the penalty was too harsh.`,
			want: []want{{kind: dossier.Indirect, content: "the staff had erred, but that the penalty was too harsh", cue: "said", source: "Lopez", speaker: "Maria Lopez", stype: dossier.SourceNamed}},
		},
		{
			name: "a new attribution after a comma ends the content",
			give: `Okafor said he would bring back the tax, he clarified that it would be temporary.`,
			want: []want{
				{kind: dossier.Indirect, content: "he would bring back the tax", cue: "said", source: "Okafor", speaker: "Raymond Okafor", stype: dossier.SourceNamed},
				{kind: dossier.Indirect, content: "it would be temporary", cue: "clarified", source: "he", speaker: "Raymond Okafor", stype: dossier.SourceNamed},
			},
		},
		{
			name: "a quotation standing alone after someone's statement is theirs",
			give: "Lopez said the county had failed its poorest families.\n\n\"We promised them a clinic and gave them a parking lot instead.\"",
			want: []want{
				{kind: dossier.Indirect, content: "the county had failed its poorest families", cue: "said", source: "Lopez", speaker: "Maria Lopez", stype: dossier.SourceNamed},
				{kind: dossier.Direct, content: "We promised them a clinic and gave them a parking lot instead.", source: "Lopez", speaker: "Maria Lopez", stype: dossier.SourceNamed},
			},
		},
		{
			name: "a quotation two paragraphs away stays unattributed",
			give: "Lopez said the county had failed its poorest families.\n\nThe clinic opened in 2019.\n\n\"We promised them a clinic and gave them a parking lot instead.\"",
			want: []want{
				{kind: dossier.Indirect, content: "the county had failed its poorest families", cue: "said", source: "Lopez", speaker: "Maria Lopez", stype: dossier.SourceNamed},
				{kind: dossier.Direct, content: "We promised them a clinic and gave them a parking lot instead.", stype: dossier.SourceUnattributed},
			},
		},
		{
			name: "according to in mid-sentence: two parts sharing the cue",
			give: `The real problem, according to Okafor, was a decision to cut the repair budget.`,
			want: []want{
				{kind: dossier.Indirect, content: "The real problem", cue: "according to", source: "Okafor", speaker: "Raymond Okafor", stype: dossier.SourceNamed},
				{kind: dossier.Indirect, content: "was a decision to cut the repair budget", cue: "according to", source: "Okafor", speaker: "Raymond Okafor", stype: dossier.SourceNamed},
			},
		},
		{
			name: "a colon reaches its cue over an aside",
			give: `Okafor responded, with a smile: "It can happen at any age."`,
			want: []want{{kind: dossier.Direct, content: "It can happen at any age.", cue: "responded", source: "Okafor", speaker: "Raymond Okafor", stype: dossier.SourceNamed}},
		},
		{
			name: "manner of speaking after a quotation",
			give: `"This is a great day for the valley," beamed Lopez.`,
			want: []want{{kind: dossier.Direct, content: "This is a great day for the valley,", cue: "beamed", source: "Lopez", speaker: "Maria Lopez", stype: dossier.SourceNamed}},
		},
		{
			name: "a title after a verb that takes only quotations",
			give: `Lopez read "The Long Winter" to the class.`,
			want: nil,
		},
		{
			name: "a subordinate clause opening the content keeps its main clause",
			give: `Okafor told reporters that if the mill were a stock, he would sell it.`,
			want: []want{{kind: dossier.Indirect, content: "if the mill were a stock, he would sell it", cue: "told", source: "Okafor", speaker: "Raymond Okafor", stype: dossier.SourceNamed, addr: "reporters"}},
		},
		{
			name: "a parenthetical between dashes stays in the content",
			give: `Lopez said they found those old - and previously unknown - letters in May.`,
			want: []want{{kind: dossier.Indirect, content: "they found those old - and previously unknown - letters in May", cue: "said", source: "Lopez", speaker: "Maria Lopez", stype: dossier.SourceNamed}},
		},
		{
			name: "a share of a poll as a source",
			give: `One in four said the party was hostile to them.`,
			want: []want{{kind: dossier.Indirect, content: "the party was hostile to them", cue: "said", source: "One in four", speaker: "One in four", stype: dossier.SourceAnonymous}},
		},
		{
			name: "a negated progressive takes the subject before the auxiliary",
			give: `Okafor isn’t saying whether the mill will reopen.`,
			want: []want{{kind: dossier.Indirect, content: "whether the mill will reopen", cue: "saying", source: "Okafor", speaker: "Raymond Okafor", stype: dossier.SourceNamed}},
		},
		{
			name: "typographic apostrophes read as plain ones",
			give: `The union’s lawyers said the county didn’t pay the workers.`,
			want: []want{{kind: dossier.Indirect, content: "the county didn’t pay the workers", cue: "said", source: "The union’s lawyers", speaker: "union’s lawyers", stype: dossier.SourceAnonymous}},
		},
		{
			name: "asked someone about something",
			give: `The moderator asked Okafor about the loan.`,
			want: []want{{kind: dossier.Indirect, content: "the loan", cue: "asked", source: "The moderator", speaker: "moderator", stype: dossier.SourceAnonymous, addr: "Okafor", class: dossier.ClassQuestion}},
		},
		{
			name: "asked someone to do something is a request",
			give: `Lopez asked the agency to keep the records.`,
			want: []want{{kind: dossier.Indirect, content: "to keep the records", cue: "asked", source: "Lopez", speaker: "Maria Lopez", stype: dossier.SourceNamed, addr: "the agency", class: dossier.ClassIntention}},
		},
		{
			name: "the subject of a passive ask is the one asked",
			give: `Okafor was asked whether he would run again.`,
			want: []want{{kind: dossier.Indirect, content: "whether he would run again", cue: "asked", stype: dossier.SourceUnattributed, addr: "Okafor", class: dossier.ClassQuestion}},
		},
		{
			name: "a ratio before a bare verb of saying",
			give: `Nearly nine out of 10 say they will need new skills.`,
			want: []want{{kind: dossier.Indirect, content: "they will need new skills", cue: "say", source: "nine out of 10", speaker: "nine out of 10", stype: dossier.SourceAnonymous}},
		},
		{
			name: "a participle after a plural head stays in the source",
			give: `People leaving the hall said the speech was long.`,
			want: []want{{kind: dossier.Indirect, content: "the speech was long", cue: "said", source: "People leaving the hall", speaker: "People leaving the hall", stype: dossier.SourceAnonymous}},
		},
		{
			name: "an attribution inside a relative clause",
			give: `The rules, which, officials said, will take effect in May, cover all banks.`,
			want: []want{
				{kind: dossier.Indirect, content: "which", cue: "said", source: "officials", speaker: "officials", stype: dossier.SourceAnonymous},
				{kind: dossier.Indirect, content: "will take effect in May", cue: "said", source: "officials", speaker: "officials", stype: dossier.SourceAnonymous},
			},
		},
		{
			name: "a role of a body is the source, not the body",
			give: `The chairman of the Valley Gazette said the paper would be sold.`,
			want: []want{{kind: dossier.Indirect, content: "the paper would be sold", cue: "said", source: "The chairman of the Valley Gazette", speaker: "chairman of the Valley Gazette", stype: dossier.SourceAnonymous}},
		},
		{
			name: "a relative clause ending in a name belongs to the subject",
			give: `Voters who know Lopez said she would win.`,
			want: []want{{kind: dossier.Indirect, content: "she would win", cue: "said", source: "Voters who know Lopez", speaker: "Voters who know Lopez", stype: dossier.SourceAnonymous}},
		},
		{
			name: "a participle phrase ending in a name belongs to the subject",
			give: `Farmers trying to reach Ohio say the roads are closed.`,
			want: []want{{kind: dossier.Indirect, content: "the roads are closed", cue: "say", source: "Farmers trying to reach Ohio", speaker: "Farmers trying to reach Ohio", stype: dossier.SourceAnonymous}},
		},
		{
			name: "relative clause after an anonymous source",
			give: `The paper cited three people familiar with the plan who said the factory would close.`,
			want: []want{
				{kind: dossier.Indirect, content: "three people familiar with the plan", cue: "cited", class: dossier.ClassEvaluation},
				{kind: dossier.Indirect, content: "the factory would close", cue: "said", source: "who", speaker: "three people familiar with the plan", stype: dossier.SourceAnonymous, count: 3},
			},
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
			name: "belief",
			give: `Okafor believes the council will back down.`,
			want: []want{{kind: dossier.Indirect, content: "the council will back down", cue: "believes", speaker: "Raymond Okafor", class: dossier.ClassBelief}},
		},
		{
			name: "intention with an infinitive",
			give: `Lopez wants to rebuild the depot before the winter.`,
			want: []want{{kind: dossier.Indirect, content: "to rebuild the depot before the winter", cue: "wants", speaker: "Maria Lopez", class: dossier.ClassIntention}},
		},
		{
			name: "request with a particle",
			give: `Lopez called for a recount of the ballots.`,
			want: []want{{kind: dossier.Indirect, content: "a recount of the ballots", cue: "called for", speaker: "Maria Lopez", class: dossier.ClassIntention}},
		},
		{
			name: "evaluation ends before a time adjunct",
			give: `Okafor praised the mayor on Friday.`,
			want: []want{{kind: dossier.Indirect, content: "the mayor", cue: "praised", speaker: "Raymond Okafor", class: dossier.ClassEvaluation}},
		},
		{
			name: "object ends before the author's clause",
			give: `Okafor opposed the merger, even though the board had approved it.`,
			want: []want{{kind: dossier.Indirect, content: "the merger", cue: "opposed", speaker: "Raymond Okafor", class: dossier.ClassEvaluation}},
		},
		{
			name: "second verb phrase is not content",
			give: `Lopez vowed to keep the clinic open and thanked the nurses.`,
			want: []want{{kind: dossier.Indirect, content: "to keep the clinic open", cue: "vowed", speaker: "Maria Lopez"}},
		},
		{
			name: "reduced passive names no holder",
			give: `The union approved a deal expected to end the strike.`,
			want: nil,
		},
		{
			name: "plural nouns that look like cues",
			give: `Six states held primaries on Tuesday. The rules could change.`,
			want: nil,
		},
		{
			name: "relative pronoun is the source as written",
			give: `Tom Reyes, who endorsed the strike, said talks would resume.`,
			want: []want{
				{kind: dossier.Indirect, content: "the strike", cue: "endorsed", source: "who", speaker: "Tom Reyes", class: dossier.ClassEvaluation},
				{kind: dossier.Indirect, content: "talks would resume", cue: "said", source: "Tom Reyes", speaker: "Tom Reyes"},
			},
		},
		{
			name: "person qualified by a place",
			give: `Tom Reyes of Ohio, a former mayor, said the vote was fair.`,
			want: []want{{kind: dossier.Indirect, content: "the vote was fair", cue: "said", speaker: "Tom Reyes"}},
		},
		{
			name: "content ends with a subordinate clause",
			give: `Although she said the budget was late, Lopez voted for it.`,
			want: []want{
				{kind: dossier.Indirect, content: "the budget was late", cue: "said", source: "she"},
				{kind: dossier.Indirect, content: "it", cue: "voted for", source: "Lopez", speaker: "Maria Lopez", class: dossier.ClassEvaluation},
			},
		},
		{
			name: "content ends before but",
			give: `Okafor said the depot would close, but he did not say when.`,
			want: []want{{kind: dossier.Indirect, content: "the depot would close", cue: "said", speaker: "Raymond Okafor"}},
		},
		{
			name: "transcript speaker label",
			give: "The interview went on.\n\n\"HARRIS: We are not going anywhere this winter.\n",
			want: []want{{kind: dossier.Direct, content: "We are not going anywhere this winter.", cue: ":", source: "HARRIS", stype: dossier.SourceNamed, class: dossier.ClassSpeech}},
		},
		{
			name: "headline attributed with a colon",
			give: "The vote is on Tuesday.\n\nPoll: Voters Favor The Bond Measure\n\nThe measure needs a majority.",
			want: []want{{kind: dossier.Indirect, content: "Voters Favor The Bond Measure", cue: ":", source: "Poll"}},
		},
		{
			name: "section labels are not speakers",
			give: "The vote is on Tuesday.\n\nUpdate: The vote was moved to Friday afternoon.\n",
			want: nil,
		},
		{
			name: "passive evaluation with an agent",
			give: `Lopez was endorsed by the Valley Gazette on Sunday.`,
			want: []want{{kind: dossier.Indirect, content: "Lopez", cue: "endorsed", source: "the Valley Gazette", speaker: "Valley Gazette", class: dossier.ClassEvaluation}},
		},
		{
			name: "verb of seeming has no source",
			give: `The strike seemed to lose steam after the vote.`,
			want: []want{{kind: dossier.Indirect, content: "The strike seemed to lose steam after the vote", cue: "seemed", stype: dossier.SourceUnattributed, class: dossier.ClassBelief}},
		},
		{
			name: "nominal cue with a possessive source",
			give: `Okafor repeated his criticism of the council's budget.`,
			want: []want{{kind: dossier.Indirect, content: "the council's budget", cue: "criticism of", source: "his", class: dossier.ClassNominal}},
		},
		{
			name: "nested nominal cue is left to the outer attribution",
			give: `Lopez rejected claims that the plant was unsafe.`,
			want: []want{{kind: dossier.Indirect, content: "claims that the plant was unsafe", cue: "rejected", speaker: "Maria Lopez"}},
		},
		{
			name: "poll as the source of a finding",
			give: `In a poll released on Monday, Lopez led the field by six points.`,
			want: []want{{kind: dossier.Indirect, content: "Lopez led the field by six points", cue: "In", source: "a poll released on Monday", stype: dossier.SourceDocument}},
		},
		{
			name: "group subject of a bare verb",
			give: `Republicans say the budget is too large.`,
			want: []want{{kind: dossier.Indirect, content: "the budget is too large", cue: "say", source: "Republicans"}},
		},
		{
			name: "question with whether",
			give: `Okafor asked whether the council had read the report.`,
			want: []want{{kind: dossier.Indirect, content: "whether the council had read the report", cue: "asked", speaker: "Raymond Okafor", class: dossier.ClassQuestion}},
		},
		{
			name: "role word right before the name is a title",
			give: `"We are ready," chief executive Raymond Okafor said.`,
			want: []want{{kind: dossier.Direct, content: "We are ready,", cue: "said", source: "chief executive Raymond Okafor", speaker: "Raymond Okafor", stype: dossier.SourceNamed}},
		},
		{
			name: "parenthetical between dashes",
			give: `Okafor -- whose union has 4,000 members -- told me, "We are ready."`,
			want: []want{{kind: dossier.Direct, content: "We are ready.", cue: "told", source: "Okafor", speaker: "Raymond Okafor"}},
		},
		{
			name: "long appositive before a quote's cue",
			give: `"We are ready," Raymond Okafor, the president of the regional transport workers union and a former driver, said.`,
			want: []want{{kind: dossier.Direct, content: "We are ready,", cue: "said", speaker: "Raymond Okafor"}},
		},
		{
			name: "appositive after an inverted speaker is not content",
			give: `The plan will fail, said Tom Reyes, a professor of economics at the state college.`,
			want: []want{{kind: dossier.Indirect, content: "The plan will fail", cue: "said", source: "Tom Reyes", speaker: "Tom Reyes"}},
		},
		{
			name: "appositive with a relative clause holding a cue",
			give: `Tom Reyes of Ohio, a Republican who has refused to endorse the mayor, said the family deserved better.`,
			want: []want{
				{kind: dossier.Indirect, content: "to endorse the mayor", cue: "refused", source: "who", speaker: "", class: dossier.ClassIntention},
				{kind: dossier.Indirect, content: "the family deserved better", cue: "said", speaker: "Tom Reyes"},
			},
		},
		{
			name: "label without quotation marks",
			give: `Lopez called him a reckless gambler.`,
			want: []want{{kind: dossier.Indirect, content: "him a reckless gambler", cue: "called", speaker: "Maria Lopez"}},
		},
		{
			name: "a call is not a label",
			give: `Lopez called them on Monday.`,
			want: nil,
		},
		{
			name: "titled speaker with a party label and an appositive",
			give: `"We are ready," Rep. Tom Reyes (D-Ohio), a member of the transport panel, said in an interview.`,
			want: []want{{kind: dossier.Direct, content: "We are ready,", cue: "said", speaker: "Tom Reyes"}},
		},
		{
			name: "a coordinated clause with its own subject is the author's",
			give: `Okafor warned that the budget was shrinking and Valley Transit shares dropped 4% on Monday.`,
			want: []want{{kind: dossier.Indirect, content: "the budget was shrinking", cue: "warned", speaker: "Raymond Okafor"}},
		},
		{
			name: "a coordinated clause stays in the content without a new named subject",
			give: `Lopez said prices climbed and wages stalled.`,
			want: []want{{kind: dossier.Indirect, content: "prices climbed and wages stalled", cue: "said", speaker: "Maria Lopez"}},
		},
		{
			name: "phrasal verbs are not evaluations",
			give: `The council will back down.`,
			want: nil,
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
		(w.addr == "" || g.addr == w.addr) &&
		(w.class == "" || g.class == w.class)
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
