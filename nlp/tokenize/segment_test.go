package tokenize

import (
	"slices"
	"testing"

	"dossier"
	"dossier/nlp"
	"dossier/textpos"
)

func spanOf(start, end int) textpos.Span { return textpos.Span{Start: start, End: end} }

func docArticle(text string) dossier.Article { return dossier.Article{Text: text} }

// split runs Tokens and Segment and returns the text of each sentence and
// paragraph.
func split(text string) (sents, paras []string) {
	toks := Tokens(text, nil)
	s, p := Segment(text, toks, nil, nil)
	for _, r := range s {
		sents = append(sents, r.Span.Text(text))
	}
	for _, r := range p {
		paras = append(paras, r.Span.Text(text))
	}
	return sents, paras
}

func TestSegmentSentences(t *testing.T) {
	tests := []struct {
		name string
		give string
		want []string
	}{
		{"plain", "Oil prices rose on Monday. Stocks fell! Will rates rise? Nobody knows.",
			[]string{"Oil prices rose on Monday.", "Stocks fell!", "Will rates rise?", "Nobody knows."}},
		{"title abbreviations", "Sen. Ruth Hale spoke to Gov. Ed Park. Dr. Lee agreed.",
			[]string{"Sen. Ruth Hale spoke to Gov. Ed Park.", "Dr. Lee agreed."}},
		{"abbreviation inside", "U.S. forces left. The U.S. Treasury said U.S. officials agreed.",
			[]string{"U.S. forces left.", "The U.S. Treasury said U.S. officials agreed."}},
		{"abbreviation at end", "Troops are stationed in the U.S. The next day they moved.",
			[]string{"Troops are stationed in the U.S.", "The next day they moved."}},
		{"company at end", "The order went to Boeing Co. But the deal was small.",
			[]string{"The order went to Boeing Co.", "But the deal was small."}},
		{"company inside", "Acme Corp. Chief Executive Jo Wu resigned.",
			[]string{"Acme Corp. Chief Executive Jo Wu resigned."}},
		{"time", "The vote is at 3 p.m. Tuesday. It starts at 9 a.m. Officials expect delays.",
			[]string{"The vote is at 3 p.m. Tuesday.", "It starts at 9 a.m.", "Officials expect delays."}},
		{"initials", "President George W. Bush met J. K. Rowling. She left.",
			[]string{"President George W. Bush met J. K. Rowling.", "She left."}},
		{"initial at end", "They chose Plan B. The rest failed.",
			[]string{"They chose Plan B.", "The rest failed."}},
		{"dates", "On Jan. 5 the talks resumed. Sept. 11 was recalled.",
			[]string{"On Jan. 5 the talks resumed.", "Sept. 11 was recalled."}},
		{"number abbreviation", "He is ranked No. 3 in the world. Rivals said no.",
			[]string{"He is ranked No. 3 in the world.", "Rivals said no."}},
		{"party label", "Sen. Dana Ross (D-N.Y.) warned that costs rose. Others agreed.",
			[]string{"Sen. Dana Ross (D-N.Y.) warned that costs rose.", "Others agreed."}},
		{"closing quote ends", `He added, "If they are, they're not doing well." The talks ended.`,
			[]string{`He added, "If they are, they're not doing well."`, "The talks ended."}},
		{"quote then lower case", `"We will not back down." he said, before leaving.`,
			[]string{`"We will not back down." he said, before leaving.`}},
		{"question then lower case", `"Is this fair?" asked one voter. Nobody answered.`,
			[]string{`"Is this fair?" asked one voter.`, "Nobody answered."}},
		{"question then name and verb", `"Is this fair?" Jones asked. Nobody answered.`,
			[]string{`"Is this fair?" Jones asked.`, "Nobody answered."}},
		{"exclamation then title name verb", `“Enough!” Mayor Ana Ruiz said.`,
			[]string{`“Enough!” Mayor Ana Ruiz said.`}},
		{"comma inside quote", `"We will win," she said. "The polls agree."`,
			[]string{`"We will win," she said.`, `"The polls agree."`}},
		{"split inside quotation", `"I'm tired. Let's go," she said.`,
			[]string{`"I'm tired.`, `Let's go," she said.`}},
		{"curly quotes", "He called it “a disaster.” Aides disagreed.",
			[]string{"He called it “a disaster.”", "Aides disagreed."}},
		{"parenthesis", "Prices rose (again.) Then they fell.",
			[]string{"Prices rose (again.)", "Then they fell."}},
		{"ellipsis", "We waited... and waited. Then … Nothing happened.",
			[]string{"We waited... and waited.", "Then …", "Nothing happened."}},
		{"lower case after period", "The index rose 5 pct. to a high.",
			[]string{"The index rose 5 pct. to a high."}},
		{"headline line", "Markets Slide on Rate Fears\nStocks fell sharply on Monday.",
			[]string{"Markets Slide on Rate Fears", "Stocks fell sharply on Monday."}},
		{"hard wrapped line", "The minister said the\ngovernment would act. It did.",
			[]string{"The minister said the\ngovernment would act.", "It did."}},
		{"hard wrap before name", "Talks were led by the\nForeign Minister, who left.",
			[]string{"Talks were led by the\nForeign Minister, who left."}},
		{"colon at line end", "She said:\n\"We are ready.\"",
			[]string{"She said:\n\"We are ready.\""}},
		{"blank line", "Breaking news\n\nThe market closed",
			[]string{"Breaking news", "The market closed"}},
		{"no final punctuation", "just words here",
			[]string{"just words here"}},
		{"number after period", "Sales rose 4%. 12 firms failed.",
			[]string{"Sales rose 4%.", "12 firms failed."}},
		{"no space", "It rose.Then fell.",
			[]string{"It rose.Then fell."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _ := split(tt.give)
			if !slices.Equal(got, tt.want) {
				t.Errorf("Segment(%q) = %q, want %q", tt.give, got, tt.want)
			}
		})
	}
}

func TestSegmentParagraphs(t *testing.T) {
	tests := []struct {
		name string
		give string
		want []string
	}{
		{"blank lines", "Headline Here\n\nFirst para. Still first.\n\n\n\"Second,\" he said.\r\n\r\nThird.",
			[]string{"Headline Here", "First para. Still first.", "\"Second,\" he said.", "Third."}},
		{"blank line with spaces", "One.\n  \t\nTwo.",
			[]string{"One.", "Two."}},
		{"single newlines only: line mode", "Headline Here\nFirst para. Still first.\nSecond para.",
			[]string{"Headline Here", "First para. Still first.", "Second para."}},
		{"line mode keeps hard wraps", "Officials said the\nplan would fail.\nNext para.",
			[]string{"Officials said the\nplan would fail.", "Next para."}},
		{"single newline inside blank-line text", "One line\nstill one. Yes.\n\nTwo.",
			[]string{"One line\nstill one. Yes.", "Two."}},
		{"paragraph separator", "One.\u2029Two.",
			[]string{"One.", "Two."}},
		{"empty", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, got := split(tt.give)
			if !slices.Equal(got, tt.want) {
				t.Errorf("Segment(%q) paragraphs = %q, want %q", tt.give, got, tt.want)
			}
		})
	}
}

func TestSegmentFlagsAndRanges(t *testing.T) {
	give := "Rates rose. Stocks fell.\n\nBonds held."
	toks := Tokens(give, nil)
	sents, paras := Segment(give, toks, nil, nil)
	wantSents := []nlp.Range{
		{Span: spanOf(0, 11), First: 0, Last: 3},
		{Span: spanOf(12, 24), First: 3, Last: 6},
		{Span: spanOf(26, 37), First: 6, Last: 9},
	}
	wantParas := []nlp.Range{
		{Span: spanOf(0, 24), First: 0, Last: 6},
		{Span: spanOf(26, 37), First: 6, Last: 9},
	}
	if !slices.Equal(sents, wantSents) {
		t.Errorf("Segment(%q) sentences = %v, want %v", give, sents, wantSents)
	}
	if !slices.Equal(paras, wantParas) {
		t.Errorf("Segment(%q) paragraphs = %v, want %v", give, paras, wantParas)
	}
	var starts []int
	for i, tok := range toks {
		if tok.Is(nlp.SentStart) {
			starts = append(starts, i)
		}
	}
	if want := []int{0, 3, 6}; !slices.Equal(starts, want) {
		t.Errorf("Segment(%q) SentStart at %v, want %v", give, starts, want)
	}
}
