package tokenize

import (
	"context"
	"slices"
	"strings"
	"testing"

	"dossier/nlp"
)

// texts returns the text of every token.
func texts(text string, toks []nlp.Token) []string {
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = text[t.Start:t.End]
	}
	return out
}

func TestTokensText(t *testing.T) {
	tests := []struct {
		name string
		give string
		want []string
	}{
		{"titles", "Sen. Maria Lopez and Gov. Tom Reed met Dr. Ann Cole.",
			[]string{"Sen.", "Maria", "Lopez", "and", "Gov.", "Tom", "Reed", "met", "Dr.", "Ann", "Cole", "."}},
		{"ranks", "Lt. Gen. Paul Dunn and Mr. and Mrs. Hale, Ms. Ortiz",
			[]string{"Lt.", "Gen.", "Paul", "Dunn", "and", "Mr.", "and", "Mrs.", "Hale", ",", "Ms.", "Ortiz"}},
		{"inner periods", "U.S. and U.K. officials in Washington, D.C., at 9 a.m. and 5 p.m.",
			[]string{"U.S.", "and", "U.K.", "officials", "in", "Washington", ",", "D.C.", ",", "at", "9", "a.m.", "and", "5", "p.m."}},
		{"latin", "fuels, e.g., coal, i.e. the rest, etc. vs. Ph.D. holders",
			[]string{"fuels", ",", "e.g.", ",", "coal", ",", "i.e.", "the", "rest", ",", "etc.", "vs.", "Ph.D.", "holders"}},
		{"party label", "Sen. Ann Reyes (D-N.Y.) and Rep. Bo Hart (R-Calif.) and (R-Texas)",
			[]string{"Sen.", "Ann", "Reyes", "(", "D-N.Y.", ")", "and", "Rep.", "Bo", "Hart", "(", "R-Calif.", ")", "and", "(", "R-Texas", ")"}},
		{"companies", "Acme Inc. and Delta Corp. bought Gray Co. from Hill Ltd. on Jan. 5",
			[]string{"Acme", "Inc.", "and", "Delta", "Corp.", "bought", "Gray", "Co.", "from", "Hill", "Ltd.", "on", "Jan.", "5"}},
		{"months and suffixes", "Sept. 11, Feb. 3, Aug. 9; Martin Luther King Jr. and Sr. staff on St. Mark's",
			[]string{"Sept.", "11", ",", "Feb.", "3", ",", "Aug.", "9", ";", "Martin", "Luther", "King", "Jr.", "and", "Sr.", "staff", "on", "St.", "Mark", "'s"}},
		{"initials", "George W. Bush met J. R. R. Tolkien",
			[]string{"George", "W.", "Bush", "met", "J.", "R.", "R.", "Tolkien"}},
		{"number abbreviation", "No. 10 and Nos. 3 but he said No. Then",
			[]string{"No.", "10", "and", "Nos.", "3", "but", "he", "said", "No", ".", "Then"}},
		{"sentence period", "The deal closed. Shares fell.",
			[]string{"The", "deal", "closed", ".", "Shares", "fell", "."}},
		{"numbers", "1,000 and 12.67 and 3,500.25 at 10:30 on 9/11 and 2026-03-08 in 2019-20",
			[]string{"1,000", "and", "12.67", "and", "3,500.25", "at", "10:30", "on", "9/11", "and", "2026-03-08", "in", "2019-20"}},
		{"money and percent", "jumped 12.67% to $91.27, or €5bn and £15.8m",
			[]string{"jumped", "12.67", "%", "to", "$", "91.27", ",", "or", "€", "5", "bn", "and", "£", "15.8", "m"}},
		{"units", "1.13bn barrels, 25bp, 5pm, 10km and 3x",
			[]string{"1.13", "bn", "barrels", ",", "25", "bp", ",", "5", "pm", ",", "10", "km", "and", "3", "x"}},
		{"number words", "the 2nd round of the 1990s in 3D with G7 and F-35s, a 10-year bond",
			[]string{"the", "2nd", "round", "of", "the", "1990s", "in", "3D", "with", "G7", "and", "F-35s", ",", "a", "10-year", "bond"}},
		{"clitics straight", "Trump's aides don't know; they're sure we'll see I'm can't won't",
			[]string{"Trump", "'s", "aides", "do", "n't", "know", ";", "they", "'re", "sure", "we", "'ll", "see", "I", "'m", "ca", "n't", "wo", "n't"}},
		{"clitics curly", "Iran’s army isn’t ready; they’ve said she’d go",
			[]string{"Iran", "’s", "army", "is", "n’t", "ready", ";", "they", "’ve", "said", "she", "’d", "go"}},
		{"clitic after abbreviation", "the U.S.'s role and the U.K.’s",
			[]string{"the", "U.S.", "'s", "role", "and", "the", "U.K.", "’s"}},
		{"inner apostrophe", "O'Brien and D’Souza sang rock 'n' roll till 'em",
			[]string{"O'Brien", "and", "D’Souza", "sang", "rock", "'n'", "roll", "till", "'em"}},
		{"possessive plural", "the players' union and the states’ rights",
			[]string{"the", "players", "'", "union", "and", "the", "states", "’", "rights"}},
		{"decade", "since the '90s and the ’80s",
			[]string{"since", "the", "'90s", "and", "the", "’80s"}},
		{"hyphens", "a short-lived Russia-Iran pact, U.S.-backed and state-of-the-art",
			[]string{"a", "short-lived", "Russia-Iran", "pact", ",", "U.S.-backed", "and", "state-of-the-art"}},
		{"dashes", "oil -- and gas – rose — again - then",
			[]string{"oil", "--", "and", "gas", "–", "rose", "—", "again", "-", "then"}},
		{"ellipsis", "Well... maybe … not!? Why??",
			[]string{"Well", "...", "maybe", "…", "not", "!?", "Why", "??"}},
		{"ampersand", "AT&T and S&P 500 rose; Smith & Wesson",
			[]string{"AT&T", "and", "S&P", "500", "rose", ";", "Smith", "&", "Wesson"}},
		{"url", "See https://example.org/news/a?id=7. Or www.example.com, now",
			[]string{"See", "https://example.org/news/a?id=7", ".", "Or", "www.example.com", ",", "now"}},
		{"email", "Write to press.office@example.co.uk today.",
			[]string{"Write", "to", "press.office@example.co.uk", "today", "."}},
		{"domain", "shares of Amazon.com rose.",
			[]string{"shares", "of", "Amazon.com", "rose", "."}},
		{"brackets", "(Reuters) [sic] {x}",
			[]string{"(", "Reuters", ")", "[", "sic", "]", "{", "x", "}"}},
		{"non-ascii", "Zürich’s Müller and São Paulo: 北京",
			[]string{"Zürich", "’s", "Müller", "and", "São", "Paulo", ":", "北京"}},
		{"combining mark", "Cafe\u0301 society",
			[]string{"Cafe\u0301", "society"}},
		{"white space", " \t\u00a0one\u2003two\r\nthree\u200b four ",
			[]string{"one", "two", "three", "four"}},
		{"empty", "", nil},
		{"only space", " \n\n\t ", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := texts(tt.give, Tokens(tt.give, nil))
			if !slices.Equal(got, tt.want) {
				t.Errorf("Tokens(%q) = %q, want %q", tt.give, got, tt.want)
			}
		})
	}
}

// describe renders tokens as "text/kind[flags]" with the flags that
// Tokens sets from the token's own bytes and its quotation context.
func describe(text string, toks []nlp.Token) string {
	kinds := map[nlp.TokenKind]string{nlp.Word: "W", nlp.Number: "N", nlp.Punct: "P", nlp.Quote: "Q", nlp.Symbol: "S"}
	flags := []struct {
		f    nlp.TokenFlag
		name string
	}{
		{nlp.Upper, "U"}, {nlp.AllUpper, "A"}, {nlp.HasDigit, "D"}, {nlp.Abbrev, "."},
		{nlp.OpenQuote, "<"}, {nlp.CloseQuote, ">"},
	}
	var b strings.Builder
	for i, t := range toks {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(text[t.Start:t.End])
		b.WriteByte('/')
		b.WriteString(kinds[t.Kind])
		for _, f := range flags {
			if t.Is(f.f) {
				b.WriteString(f.name)
			}
		}
	}
	return b.String()
}

func TestTokensKindsAndFlags(t *testing.T) {
	tests := []struct {
		name string
		give string
		want string
	}{
		{"shape", "NATO and U.S. troops in Iraq I",
			"NATO/WUA and/W U.S./WUA. troops/W in/W Iraq/WU I/WU"},
		{"numbers and symbols", "$91.27 (12.67%) 1990s 3D",
			"$/S 91.27/ND (/P 12.67/ND %/S )/P 1990s/ND 3D/WUD"},
		{"abbrev flags", "Sen. Cole, Jr. p.m.",
			"Sen./WU. Cole/WU ,/P Jr./WU. p.m./W."},
		{"straight double quotes", `He said "no indication" today.`,
			`He/WU said/W "/Q< no/W indication/W "/Q> today/W ./P`},
		{"quote after comma", `"We will win," he said.`,
			`"/Q< We/WU will/W win/W ,/P "/Q> he/W said/W ./P`},
		{"quote after period", `He added, "If they are, they're not."`,
			`He/WU added/W ,/P "/Q< If/WU they/W are/W ,/P they/W 're/W not/W ./P "/Q>`},
		{"curly double quotes", "the “Do Nothing Congress.”",
			"the/W “/Q< Do/WU Nothing/WU Congress/WU ./P ”/Q>"},
		{"curly single quotes", "a ‘crazy system’ today",
			"a/W ‘/Q< crazy/W system/W ’/Q> today/W"},
		{"straight single quotes", "called it 'a disaster,' he said",
			"called/W it/W '/Q< a/W disaster/W ,/P '/Q> he/W said/W"},
		{"single quotes closing after s", "the 'cuts' hurt",
			"the/W '/Q< cuts/W '/Q> hurt/W"},
		{"nested quotes", `"He said 'no' to me," she said.`,
			`"/Q< He/WU said/W '/Q< no/W '/Q> to/W me/W ,/P "/Q> she/W said/W ./P`},
		{"quote in brackets", `("fake news")`,
			`(/P "/Q< fake/W news/W "/Q> )/P`},
		{"guillemets", "«oui» and ‹non›",
			"«/Q< oui/W »/Q> and/W ‹/Q< non/W ›/Q>"},
		{"latex quotes", "``Yes,'' he said",
			"``/Q< Yes/WU ,/P ''/Q> he/W said/W"},
		{"possessive is not a quote", "the players' union",
			"the/W players/W '/W union/W"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := describe(tt.give, Tokens(tt.give, nil))
			if got != tt.want {
				t.Errorf("Tokens(%q) = %s, want %s", tt.give, got, tt.want)
			}
		})
	}
}

func TestTokensSpaceFlags(t *testing.T) {
	give := "One two,\nthree\n\n  four\u2029five"
	toks := Tokens(give, nil)
	tests := []struct {
		give string // token text
		want nlp.TokenFlag
	}{
		{"One", nlp.SpaceBefore | nlp.ParaStart},
		{"two", nlp.SpaceBefore},
		{",", 0},
		{"three", nlp.SpaceBefore | nlp.NewlineBefore},
		{"four", nlp.SpaceBefore | nlp.NewlineBefore | nlp.ParaStart},
		{"five", nlp.SpaceBefore | nlp.NewlineBefore | nlp.ParaStart},
	}
	if len(toks) != len(tests) {
		t.Fatalf("Tokens(%q) = %q, want %d tokens", give, texts(give, toks), len(tests))
	}
	mask := nlp.SpaceBefore | nlp.NewlineBefore | nlp.ParaStart
	for i, tt := range tests {
		t.Run(tt.give, func(t *testing.T) {
			tok := toks[i]
			if got := give[tok.Start:tok.End]; got != tt.give {
				t.Fatalf("token %d = %q, want %q", i, got, tt.give)
			}
			if got := tok.Flags & mask; got != tt.want {
				t.Errorf("Tokens(%q)[%d].Flags = %b, want %b", give, i, got, tt.want)
			}
		})
	}
}

func TestTokensAppends(t *testing.T) {
	first := Tokens("one two", nil)
	got := Tokens("\"three", first)
	want := []nlp.Token{
		{Start: 0, End: 3, Kind: nlp.Word, Flags: nlp.SpaceBefore | nlp.ParaStart},
		{Start: 4, End: 7, Kind: nlp.Word, Flags: nlp.SpaceBefore},
		{Start: 0, End: 1, Kind: nlp.Quote, Flags: nlp.SpaceBefore | nlp.ParaStart | nlp.OpenQuote},
		{Start: 1, End: 6, Kind: nlp.Word},
	}
	if !slices.Equal(got, want) {
		t.Errorf("Tokens(%q, prev) = %v, want %v", "\"three", got, want)
	}
}

func TestProcess(t *testing.T) {
	c := New()
	if got := c.Name(); got != Name {
		t.Errorf("Name() = %q, want %q", got, Name)
	}
	p, err := nlp.NewPipeline(c)
	if err != nil {
		t.Fatalf("NewPipeline(tokenize) = %v, want nil", err)
	}
	give := "Rates rose.\n\nStocks fell. Bonds held."
	d := nlp.NewDoc(docArticle(give))
	if err := p.Run(context.Background(), d); err != nil {
		t.Fatalf("Run(%q) = %v, want nil", give, err)
	}
	tests := []struct {
		name string
		got  int
		want int
	}{
		{"tokens", len(d.Tokens), 9},
		{"sentences", len(d.Sentences), 3},
		{"paragraphs", len(d.Paragraphs), 2},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("Process(%q): len(%s) = %d, want %d", give, tt.name, tt.got, tt.want)
		}
	}
	for _, l := range c.Assigns() {
		if d.Producers[string(l)] != Name {
			t.Errorf("Producers[%q] = %q, want %q", l, d.Producers[string(l)], Name)
		}
	}
	// A second run on the same Doc gives the same layers.
	before := slices.Clone(d.Tokens)
	if err := c.Process(context.Background(), d); err != nil {
		t.Fatalf("Process again = %v, want nil", err)
	}
	if !slices.Equal(d.Tokens, before) || len(d.Sentences) != 3 || len(d.Paragraphs) != 2 {
		t.Errorf("Process twice: tokens %v, %d sentences, %d paragraphs; want %v, 3, 2", d.Tokens, len(d.Sentences), len(d.Paragraphs), before)
	}
}
