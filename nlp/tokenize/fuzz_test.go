package tokenize

import (
	"strings"
	"testing"

	"dossier/nlp"
)

// benchText is an invented news report in the manner of a wire story, about
// 3 KB, used by the benchmark and as a fuzz seed.
const benchText = `Central Bank Holds Rates as Inflation Cools

WASHINGTON (Wire) -- The U.S. central bank held its benchmark rate at 4.25% on Wednesday, saying inflation had cooled "more than expected" but that it was not yet ready to cut.

"We're not declaring victory," Chair Maria Delgado told reporters after the two-day meeting. "The labor market is still tight, and we'd like to see more evidence."

Sen. Thomas Avery (D-Ore.) and Rep. Linda Park (R-Ind.) both criticized the decision. Avery said the bank's caution was "costing families $1,200 a year," citing a study by Acme Research Inc. Park, who chairs a House panel on banking, said she didn't agree.

Treasury yields fell after the announcement. The 10-year note's yield slid 8 basis points to 3.92%, its lowest since Jan. 12, while the S&P 500 rose 1.4% to 5,412.37 and the Nasdaq Composite jumped 2.1%. Brent crude futures dropped 67 cents, or 0.8%, to $81.05 a barrel; WTI lost 1.13bn in open interest.

Analysts at Hill & Stone Co. wrote in a note that the bank "will likely move in September," though some, including Dr. Ravi Menon of the University of Chicago, expect a cut as early as July. "It's a close call," Menon said. "If the data soften, they'll act."

The decision came a week after the Labor Department reported that consumer prices rose 0.2% in May from April... the smallest monthly gain in a year. Core prices, which exclude food and energy, were up 3.4% from a year earlier.

Delgado declined to say whether the bank would cut before the Nov. 5 election. Asked whether political pressure played any role, she responded, "None whatsoever." Former Gov. Paul Reyes, now at Georgetown, said the bank's independence was "not in question."

In Europe, the E.U.'s statistics office said euro-zone growth was flat in the first quarter, while the U.K.'s Office for National Statistics reported a 0.3% contraction. Markets in Tokyo and Hong Kong were closed for a holiday.

-- Reporting by J. R. Alvarez in Washington and Min-jun Lee in Seoul; editing by Sarah O'Neill. Contact: markets.desk@example.com or www.example.com/markets.
`

func FuzzTokens(f *testing.F) {
	seeds := []string{
		benchText,
		"",
		"Sen. Ann Reyes (D-N.Y.) said, \"We're done.\" Then she left.",
		"“It’s over,” he said. ‘Really?’ the players' union asked…",
		"1,000.50bn 12.67% $91.27 2026-03-08 9/11 'n' '90s O'Brien's",
		"a\r\n\r\nb\u2029c\u0301 \u200b\ufeff\x00\xff\xfe",
		"U.S.-backed U.S. The e.g. p.m. Tuesday. http://x.y/z) a@b.co.",
		"\"\"\"''''``...--!!??…—–",
	}
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		toks := Tokens(text, nil)
		sents, paras := Segment(text, toks, nil, nil)
		prevEnd := 0
		for i, tok := range toks {
			start, end := int(tok.Start), int(tok.End)
			if start < prevEnd || start >= end || end > len(text) {
				t.Fatalf("Tokens(%q)[%d] = [%d,%d), previous end %d: want sorted, non-empty, non-overlapping spans inside %d bytes", text, i, start, end, prevEnd, len(text))
			}
			if gap := text[prevEnd:start]; !onlySpace(gap) {
				t.Fatalf("Tokens(%q): gap %q before token %d is not white space", text, gap, i)
			}
			if tok.Kind > nlp.Symbol {
				t.Fatalf("Tokens(%q)[%d].Kind = %d, want a defined kind", text, i, tok.Kind)
			}
			if tok.Is(nlp.OpenQuote) && tok.Is(nlp.CloseQuote) {
				t.Fatalf("Tokens(%q)[%d] is both an opening and a closing quotation mark", text, i)
			}
			prevEnd = end
		}
		if !onlySpace(text[prevEnd:]) {
			t.Fatalf("Tokens(%q): trailing %q is not white space", text, text[prevEnd:])
		}
		checkCover(t, text, "sentences", toks, sents)
		checkCover(t, text, "paragraphs", toks, paras)
		// Every paragraph boundary is a sentence boundary.
		for _, p := range paras {
			if !toks[p.First].Is(nlp.SentStart) {
				t.Fatalf("Segment(%q): paragraph at token %d does not start a sentence", text, p.First)
			}
		}
	})
}

// checkCover asserts that rs cover every token exactly once, in order, with
// spans from the first token's start to the last token's end.
func checkCover(t *testing.T, text, what string, toks []nlp.Token, rs []nlp.Range) {
	t.Helper()
	if len(toks) == 0 {
		if len(rs) != 0 {
			t.Fatalf("Segment(%q): %d %s for no tokens, want 0", text, len(rs), what)
		}
		return
	}
	next := 0
	for i, r := range rs {
		if r.First != next || r.Last <= r.First || r.Last > len(toks) {
			t.Fatalf("Segment(%q): %s[%d] = tokens [%d,%d), want to start at %d and be non-empty", text, what, i, r.First, r.Last, next)
		}
		want := toks[r.First].Span().Union(toks[r.Last-1].Span())
		if r.Span != want || !r.Span.Valid(len(text)) {
			t.Fatalf("Segment(%q): %s[%d].Span = %v, want %v", text, what, i, r.Span, want)
		}
		next = r.Last
	}
	if next != len(toks) {
		t.Fatalf("Segment(%q): %s end at token %d, want %d", text, what, next, len(toks))
	}
}

func onlySpace(s string) bool {
	for _, r := range s {
		if !IsSpace(r) {
			return false
		}
	}
	// Invalid bytes decode to utf8.RuneError, which is not space: the loop
	// has rejected them.
	return true
}

func BenchmarkTokenize(b *testing.B) {
	text := strings.Repeat(benchText, 4)
	d := nlp.NewDoc(docArticle(text))
	c := New()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		if err := c.Process(b.Context(), d); err != nil {
			b.Fatal(err)
		}
	}
	words := 0
	for _, t := range d.Tokens {
		if t.Kind == nlp.Word || t.Kind == nlp.Number {
			words++
		}
	}
	b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
}
