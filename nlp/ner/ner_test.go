package ner

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"dossier"
	"dossier/lexicon"
	"dossier/nlp"
)

// tokenizeForTest makes one token per white-space separated word, with the
// space and newline flags the component reads. It keeps these tests
// independent of the tokenizer package.
func tokenizeForTest(d *nlp.Doc) {
	text := d.Text
	space, nl := true, false
	d.Tokens = d.Tokens[:0]
	for i := 0; i < len(text); {
		c := text[i]
		if c == ' ' || c == '\n' || c == '\t' || c == '\r' {
			space = true
			if c == '\n' {
				nl = true
			}
			i++
			continue
		}
		j := i
		for j < len(text) && text[j] != ' ' && text[j] != '\n' && text[j] != '\t' && text[j] != '\r' {
			j++
		}
		t := nlp.Token{Start: int32(i), End: int32(j), Kind: nlp.Word}
		if space {
			t.Flags |= nlp.SpaceBefore
		}
		if nl {
			t.Flags |= nlp.NewlineBefore
		}
		d.Tokens = append(d.Tokens, t)
		space, nl = false, false
		i = j
	}
	d.Sentences = nil
	if len(d.Tokens) > 0 {
		d.Sentences = []nlp.Range{{First: 0, Last: len(d.Tokens)}}
	}
}

func analyze(t testing.TB, text string) *nlp.Doc {
	t.Helper()
	d := nlp.NewDoc(dossier.Article{Text: text})
	tokenizeForTest(d)
	if err := New(lexicon.Default()).Process(context.Background(), d); err != nil {
		t.Fatalf("Process(%q) error = %v", text, err)
	}
	return d
}

// find returns the entity named name, or nil.
func find(d *nlp.Doc, name string) *dossier.Entity {
	for i := range d.Entities {
		if d.Entities[i].Name == name {
			return &d.Entities[i]
		}
	}
	return nil
}

// describe prints an entity as "TYPE Name [title] party/region".
func describe(e *dossier.Entity) string {
	if e == nil {
		return "<none>"
	}
	s := fmt.Sprintf("%s %s", e.Type, e.Name)
	if e.Title != "" {
		s += " [" + e.Title + "]"
	}
	if e.Party != "" || e.Region != "" {
		s += " " + e.Party + "/" + e.Region
	}
	return s
}

func TestPeopleAndTitles(t *testing.T) {
	tests := []struct {
		give string
		name string
		want string
	}{
		{"Treasury Secretary Janet Morales said the plan would work.", "Janet Morales", "PERSON Janet Morales [Treasury Secretary]"},
		{"Officials met U.S. special envoy Daniel Brandt in Geneva.", "Daniel Brandt", "PERSON Daniel Brandt [U.S. special envoy]"},
		{"Senate Minority Leader Harold Finch (D-Ore.) warned of a shutdown.", "Harold Finch", "PERSON Harold Finch [Senate Minority Leader] D/Ore."},
		{"Paul Okafor, the Treasury secretary, said rates would fall.", "Paul Okafor", "PERSON Paul Okafor [Treasury secretary]"},
		{"The bill was backed by Sens. Mark Ellison and Dana Price on Tuesday.", "Mark Ellison", "PERSON Mark Ellison [Sen.]"},
		{"On Monday, Democrat Laura Kim said she would run.", "Laura Kim", "PERSON Laura Kim D/"},
		{"He spoke with former President Walter Haines about trade.", "Walter Haines", "PERSON Walter Haines [former President]"},
		{"The longtime adviser Roger Pell declined to comment.", "Roger Pell", "PERSON Roger Pell [adviser]"},
		{"Rep. Ana Ortiz (R-Texas) voted no.", "Ana Ortiz", "PERSON Ana Ortiz [Rep.] R/Texas"},
		{"Mr. Haverford said the deal was done.", "Haverford", "PERSON Haverford"},
		{"Secretary of State Helen Marsh arrived in Cairo.", "Helen Marsh", "PERSON Helen Marsh [Secretary of State]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := analyze(t, tt.give)
			if got := describe(find(d, tt.name)); got != tt.want {
				t.Errorf("Process(%q) entity %q = %v, want %v", tt.give, tt.name, got, tt.want)
			}
		})
	}
}

// mentionsOf lists the texts and kinds of an entity's mentions.
func mentionsOf(d *nlp.Doc, e *dossier.Entity) string {
	if e == nil {
		return "<none>"
	}
	var b []string
	for _, m := range e.Mentions {
		b = append(b, string(m.Kind)+":"+m.Span.Text(d.Text))
	}
	return strings.Join(b, " ")
}

func TestCoreference(t *testing.T) {
	tests := []struct {
		give string
		name string
		want string
	}{
		{
			"Maria Lopez, the city's mayor, said the budget was tight. Lopez added that she would cut spending. Her aides agreed.",
			"Maria Lopez",
			"name:Maria Lopez alias:Lopez pronoun:she pronoun:Her",
		},
		{
			"Defense Secretary Tom Rourke met reporters. He said talks would continue. Asked if he was worried, he said no.",
			"Tom Rourke",
			"name:Tom Rourke pronoun:He pronoun:he pronoun:he",
		},
		{
			"Ellen Shaw spoke first. Later, Mark Dunn told reporters he disagreed with Shaw.",
			"Mark Dunn",
			"name:Mark Dunn pronoun:he",
		},
		{
			"Robert Hale and Mary Okoro met on Monday. She said the talks went well.",
			"Mary Okoro",
			"name:Mary Okoro pronoun:She",
		},
		{
			"Mary Okoro and Robert Hale met on Monday. He said the talks went well.",
			"Robert Hale",
			"name:Robert Hale pronoun:He",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := analyze(t, tt.give)
			if got := mentionsOf(d, find(d, tt.name)); got != tt.want {
				t.Errorf("Process(%q) mentions of %q = %v, want %v", tt.give, tt.name, got, tt.want)
			}
		})
	}
}

// names lists "TYPE:Name" for every entity, in order of first mention.
func names(d *nlp.Doc) string {
	var b []string
	for _, e := range d.Entities {
		b = append(b, string(e.Type)+":"+e.Name)
	}
	return strings.Join(b, " ")
}

func TestNamesInContext(t *testing.T) {
	tests := []struct {
		name string
		give string
		want string
	}{
		{
			name: "sentence-initial common words",
			give: "The talks ended. Rising costs worried Gerald Pike. Asked about it, Pike shrugged.",
			want: "PERSON:Gerald Pike",
		},
		{
			name: "days are not names",
			give: "On Thursday, Irene Cole said the vote would be held in March.",
			want: "PERSON:Irene Cole",
		},
		{
			name: "organisation by its head word",
			give: "Shares of Northfield Bank fell after the Quarry Workers Union called a strike.",
			want: "ORG:Northfield Bank ORG:Quarry Workers Union",
		},
		{
			name: "title-case subheading",
			give: "Dana Voss said exports fell.\nFresh Doubts Cloud Export Outlook\nVoss spoke on Monday.",
			want: "PERSON:Dana Voss",
		},
		{
			name: "sports clubs by results",
			give: "Kelvingrove beat Ashcombe by 39 runs on Friday.\nKelvingrove 250-6 , Ashcombe 180 .",
			want: "ORG:Kelvingrove ORG:Ashcombe",
		},
		{
			name: "event by its head word",
			give: "Nadia Petrova won the Harbour Cup last year.",
			want: "PERSON:Nadia Petrova OTHER:Harbour Cup",
		},
		{
			name: "place by its head word",
			give: "Crowds gathered in Liberty Square after dark.",
			want: "LOC:Liberty Square",
		},
		{
			name: "place inside a company name",
			give: "Investors bought Texas Roadhouse shares.",
			want: "ORG:Texas Roadhouse",
		},
		{
			name: "lone letters and the pronoun I",
			give: "I think the W column is wrong, said Omar Haddad.",
			want: "PERSON:Omar Haddad",
		},
		{
			name: "party label in parentheses is not an entity",
			give: "Sen. Lyle Brandt (R-Ohio) objected.",
			want: "PERSON:Lyle Brandt",
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

func TestUnknownNames(t *testing.T) {
	tests := []struct {
		name string
		give string
		want string
	}{
		{
			name: "ampersand between capitalised words",
			give: "Analysts at Harlow & Finch expect a rate cut.",
			want: "ORG:Harlow & Finch",
		},
		{
			name: "three unknown words without a given name",
			give: "The Velmoran Tarkesh Consortium bid for the port.",
			want: "ORG:Velmoran Tarkesh Consortium",
		},
		{
			name: "capitalised common word in a two-word name",
			give: "The deal was signed by Blue Lantern last week.",
			want: "ORG:Blue Lantern",
		},
		{
			name: "given name opens a person's name",
			give: "The deal was signed by Dean Okonjo last week.",
			want: "PERSON:Dean Okonjo",
		},
		{
			name: "capitalised common word alone is no name",
			give: "Results on Friday:\nWomen's singles, third round\nMen's doubles, second round",
			want: "",
		},
		{
			name: "town of",
			give: "Rebels shelled the town of Varkesh overnight. Varkesh was quiet by noon.",
			want: "GPE:Varkesh",
		},
		{
			name: "province after the name",
			give: "Floods hit Quanhe province, and Quanhe officials asked for help.",
			want: "GPE:Quanhe",
		},
		{
			name: "shares and spokesman",
			give: "Shares of Velcorp rose 5 percent. A Velcorp spokesman said the deal was done. Velcorp said it would hire.",
			want: "ORG:Velcorp",
		},
		{
			name: "club before the name",
			give: "He was loaned to the Italian club Sarvento for a year. Sarvento said the fee was small.",
			want: "NORP:Italian ORG:Sarvento",
		},
		{
			name: "sports role after a place",
			give: "Leeds captain Tom Farrow scored twice.",
			want: "ORG:Leeds PERSON:Tom Farrow",
		},
		{
			name: "benchmark before crude",
			give: "Brent crude fell 2% on Monday.",
			want: "OTHER:Brent",
		},
		{
			name: "national side stays a place",
			give: "England captain Tom Farrow scored twice.",
			want: "GPE:England PERSON:Tom Farrow",
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

func TestDatelines(t *testing.T) {
	tests := []struct {
		name string
		give string
		want string
	}{
		{
			name: "city and date",
			give: "TENNIS - VARGA WINS\nKORVELLE 2024-05-11\nAnna Varga won on Saturday.",
			want: "PERSON:Anna Varga GPE:Korvelle",
		},
		{
			name: "city, region and date",
			give: "MARLOW HEIGHTS , Mich . 2024-05-11\nShares of Dunmore Inc rose.",
			want: "GPE:Marlow Heights GPE:Michigan ORG:Dunmore Inc",
		},
		{
			name: "byline before the dateline",
			give: "Petra Lind TARVASK , Estonia 2024-05-11\nFarmers protested.",
			want: "PERSON:Petra Lind GPE:Tarvask GPE:Estonia",
		},
		{
			name: "agency after the city",
			give: "OSTRAVIN (Reuters) - Farmers protested on Monday.",
			want: "GPE:Ostravin OUTLET:Reuters",
		},
		{
			name: "a sport in a headline is no dateline",
			give: "SOCCER - VARGA SCORES\nFarmers protested on Monday.",
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

func TestPlaces(t *testing.T) {
	tests := []struct {
		name string
		give string
		want string // entity -> mentions
		ent  string
	}{
		{
			name: "capital standing for its government",
			give: "Russia denied the report, and Moscow is expected to respond. Talks in Moscow stalled.",
			ent:  "Russia",
			want: "name:Russia capital:Moscow",
		},
		{
			name: "hyphen compound",
			give: "Russia-Ukraine talks resumed.",
			ent:  "Ukraine",
			want: "name:Ukraine",
		},
		{
			name: "acronym of a country",
			give: "The U.S. imposed tariffs.",
			ent:  "United States",
			want: "alias:U.S.",
		},
		{
			name: "all-caps headline",
			give: "SOCCER - BRAZIL EDGE PERU IN QUALIFIER\nBrazil beat Peru 2-1 on Sunday.",
			ent:  "Brazil",
			want: "name:BRAZIL name:Brazil",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := analyze(t, tt.give)
			if got := mentionsOf(d, find(d, tt.ent)); got != tt.want {
				t.Errorf("Process(%q) mentions of %q = %v, want %v", tt.give, tt.ent, got, tt.want)
			}
		})
	}
}

func TestDemonymLinks(t *testing.T) {
	d := analyze(t, "Russian officials said Russia would respond.")
	norp := find(d, "Russian")
	gpe := find(d, "Russia")
	if norp == nil || gpe == nil {
		t.Fatalf("Process() = %v, want Russian and Russia", names(d))
	}
	if norp.Type != dossier.NORP || norp.LinkedTo != gpe.ID {
		t.Errorf("Process() Russian = %v linked to %q, want NORP linked to %q", norp.Type, norp.LinkedTo, gpe.ID)
	}
}

// checkSpans asserts the invariants every output must keep.
func checkSpans(t *testing.T, text string, ents []dossier.Entity) {
	t.Helper()
	for _, e := range ents {
		prev := -1
		for _, m := range e.Mentions {
			if !m.Span.Valid(len(text)) || m.Span.Empty() {
				t.Fatalf("Process(%q) entity %q span %v invalid for %d bytes", text, e.Name, m.Span, len(text))
			}
			if m.Span.Start < prev {
				t.Fatalf("Process(%q) entity %q mentions not sorted", text, e.Name)
			}
			prev = m.Span.Start
		}
	}
}

func FuzzNER(f *testing.F) {
	for _, s := range []string{
		"President Jane Roe (D-N.Y.) said he's here.",
		"SOCCER - JAPAN WIN\nLONDON 1996-08-30\n",
		"Russia-Iran Talks ( Mr. , ’s “Quoted” al-Assad) 's",
		"Jo Roe TARVASK , Estonia 2024-05-11\nA", "LONDON ,\n", "X Y Z ,",
		"\"", "(D-", "A. B. C.", "é É ’s",
		"BERLIN — A", "Quito, May 2 — B", "Lisbon (AFP) -", "KORVELLE –\n", "X de", "A van der",
		"The Globe and", "Sierra Roja Mining. Sierra Roja", "the town of", "Ana de la Cruz —",
	} {
		f.Add(s)
	}
	c := New(lexicon.Default())
	f.Fuzz(func(t *testing.T, text string) {
		d := nlp.NewDoc(dossier.Article{Text: text})
		tokenizeForTest(d)
		if err := c.Process(context.Background(), d); err != nil {
			t.Fatalf("Process(%q) error = %v", text, err)
		}
		checkSpans(t, text, d.Entities)
	})
}

const benchText = `Treasury Secretary Janet Morales said on Friday that the United States would ease
sanctions on Russian oil, a move analysts at Northfield Bank said could lower prices.
"We are watching the markets closely," Morales told reporters aboard the plane. She added
that Moscow had not asked for relief. Senate Majority Leader Harold Finch (R-Ohio) warned
that the Middle East conflict was widening, and Rep. Ana Ortiz said she would hold hearings.

Markets Steady After Sanctions Move

Brent crude fell 2% in London while the Quarry Workers Union in Chicago called a strike.
Mr. Haverford, a spokesman for the union, said members voted on Tuesday. Iran and Israel
traded accusations, and the U.N. Security Council met in New York.
`

func BenchmarkNER(b *testing.B) {
	text := strings.Repeat(benchText, 8)
	d := nlp.NewDoc(dossier.Article{Text: text})
	tokenizeForTest(d)
	c := New(lexicon.Default())
	ctx := context.Background()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		if err := c.Process(ctx, d); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(d.Tokens))*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}
