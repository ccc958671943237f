package eval

import (
	"context"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dossier"
	"dossier/nlp"
	"dossier/textpos"
)

// bratText is a short passage in the manner of news, with a non-ASCII
// character early on so that code point and byte offsets differ.
const bratText = "Café owners protested. \"We are closing,\" Lopez said. Officials said the tax would stay."

// bratAnn annotates bratText in code points: one direct relation with a
// source, one indirect relation with a source.
const bratAnn = "T1\tContent 23 40\t\"We are closing,\"\n" +
	"T2\tSource 41 46\tLopez\n" +
	"T3\tCue 47 51\tsaid\n" +
	"T4\tAttribution 47 51\tsaid\n" +
	"E1\tAttribution:T4 Content:T1 Cue:T3 Source:T2\n" +
	"T5\tSource 53 62\tOfficials\n" +
	"T6\tCue 63 67\tsaid\n" +
	"T7\tContent 68 86\tthe tax would stay\n" +
	"T8\tAttribution 63 67\tsaid\n" +
	"E2\tAttribution:T8 Content:T7 Cue:T6 Source:T5\n"

// quoteAnalyzer returns fixed quotes located by their text.
func quoteAnalyzer(qs func(text string) []dossier.Quote) Analyzer {
	return func(_ context.Context, a dossier.Article) (*nlp.Doc, error) {
		d := nlp.NewDoc(a)
		d.Quotes = qs(a.Text)
		return d, nil
	}
}

func at(text, s string) textpos.Span {
	i := strings.Index(text, s)
	return textpos.Span{Start: i, End: i + len(s)}
}

func TestBrat(t *testing.T) {
	dir := t.TempDir()
	textDir, annDir := filepath.Join(dir, "text"), filepath.Join(dir, "ann")
	for _, d := range []string{textDir, annDir} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	write := func(p, s string) {
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(filepath.Join(textDir, "a.txt"), bratText)
	write(filepath.Join(annDir, "a_x1.ann"), bratAnn)
	// A second annotator, sorting after the first, is ignored.
	write(filepath.Join(annDir, "a_y2.ann"), "T1\tContent 0 5\tCafé \nT2\tCue 6 12\towners\nE1\tAttribution:T2 Content:T1 Cue:T2\n")

	tests := []struct {
		name string
		give func(text string) []dossier.Quote
		want map[string]float64
	}{
		{
			name: "all found",
			give: func(text string) []dossier.Quote {
				return []dossier.Quote{
					{Kind: dossier.Direct, Content: at(text, "We are closing,"), Cue: at(text, "said"), Source: at(text, "Lopez")},
					{Kind: dossier.Indirect, Content: at(text, "the tax would stay"), Cue: at(text, "said the"), Source: at(text, "Officials")},
				}
			},
			want: map[string]float64{"content_f1": 1, "content_exact_f1": 1, "source_acc": 1, "cue_f1": 1, "direct_f1": 1, "indirect_f1": 1},
		},
		{
			name: "one partial hit with the wrong source, one false alarm",
			give: func(text string) []dossier.Quote {
				return []dossier.Quote{
					{Kind: dossier.Indirect, Content: at(text, "Café owners protested"), Cue: at(text, "protested")},
					{Kind: dossier.Indirect, Content: at(text, "tax would stay"), Cue: at(text, "said the"), Source: at(text, "Lopez")},
				}
			},
			want: map[string]float64{"content_f1": 0.5, "content_exact_f1": 0, "source_acc": 0, "cue_f1": 0.5, "direct_f1": 0, "indirect_f1": 2.0 / 3},
		},
		{
			name: "nothing found",
			give: func(string) []dossier.Quote { return nil },
			want: map[string]float64{"content_f1": 0, "source_acc": 0, "cue_f1": 0, "direct_f1": 0},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Brat(context.Background(), textDir, annDir, quoteAnalyzer(tt.give))
			if err != nil {
				t.Fatal(err)
			}
			if res.Task != "brat" || res.Docs != 1 {
				t.Errorf("Brat() = task %q docs %d, want brat 1", res.Task, res.Docs)
			}
			for m, w := range tt.want {
				if g := res.Metrics[m]; math.Abs(g-w) > 1e-9 {
					t.Errorf("Brat() %s = %v, want %v", m, g, w)
				}
			}
		})
	}
}

func TestParseBratSpans(t *testing.T) {
	text := "é ab cd"
	offs := textpos.ByteOffsets(text)
	tests := []struct {
		give    string
		want    []textpos.Span
		wantErr bool
	}{
		{give: "Content 2 4", want: []textpos.Span{{Start: 3, End: 5}}},
		{give: "Content 0 1;5 7", want: []textpos.Span{{Start: 0, End: 2}, {Start: 6, End: 8}}},
		{give: "Content 5 99", wantErr: true},
		{give: "Content", wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.give, func(t *testing.T) {
			got, err := parseBratSpans(tt.give, offs, len(text))
			if (err != nil) != tt.wantErr {
				t.Fatalf("parseBratSpans(%q) error = %v, want error %v", tt.give, err, tt.wantErr)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("parseBratSpans(%q) = %v, want %v", tt.give, got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("parseBratSpans(%q) = %v, want %v", tt.give, got, tt.want)
				}
			}
		})
	}
}

func TestOpensQuotation(t *testing.T) {
	tests := []struct {
		name         string
		give         string
		kind         dossier.QuoteKind
		content, cue string
		addressee    string
		want         bool
	}{
		{"quote then cue", `"We are closing," Lopez said.`, dossier.Direct, "We are closing,", "said", "", true},
		{"cue and colon", `Lopez said: "We are closing."`, dossier.Direct, "We are closing.", "said", "", true},
		{"addressee and comma", `Lopez told reporters, "We are closing."`, dossier.Direct, "We are closing.", "told", "reporters", true},
		{"continuation without a cue", `"We are closing."`, dossier.Direct, "We are closing.", "", "", true},
		{"quotation after that", `Lopez said that "the shop is closing."`, dossier.Direct, "the shop is closing.", "said", "", false},
		{"quotation after a subject", `Lopez said the owners "have given up."`, dossier.Direct, "have given up.", "said", "", false},
		{"indirect", `Lopez said the shop was closing.`, dossier.Indirect, "the shop was closing", "said", "", false},
		{"transcript label", `LOPEZ: We are closing.`, dossier.Direct, "We are closing.", ":", "", false},
		{"subject before the mark", `The shop "has closed for good," Lopez said.`, dossier.Direct, "has closed for good,", "said", "", false},
		{"paired single marks", `Lopez told me, ''We are closing.''`, dossier.Direct, "We are closing.", "told", "me", true},
		{"quotation opening a paragraph", "He left.\n\n\"We are closing,\" Lopez said.", dossier.Direct, "We are closing,", "said", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q := dossier.Quote{Kind: tt.kind, Content: at(tt.give, tt.content)}
			if tt.cue != "" {
				q.Cue = at(tt.give, tt.cue)
			}
			if tt.addressee != "" {
				q.Addressee = at(tt.give, tt.addressee)
			}
			if got := opensQuotation(tt.give, q); got != tt.want {
				t.Errorf("opensQuotation(%q, %q) = %v, want %v", tt.give, tt.content, got, tt.want)
			}
		})
	}
}

func TestPredRelationsGrouping(t *testing.T) {
	text := `Lopez said the shop was closing. "We are done," Lopez said. "It is over." "Nobody came."`
	src := at(text, "Lopez")
	// The second "Lopez" is the source of the quotation.
	src2 := textpos.Span{Start: strings.Index(text, `," Lopez`) + 3, End: strings.Index(text, `," Lopez`) + 8}
	indirect := dossier.Quote{Kind: dossier.Indirect, Content: at(text, "the shop was closing"), Cue: at(text, "said"), Source: src}
	tests := []struct {
		name string
		give []dossier.Quote
		want []int // fragments per relation
	}{
		{
			name: "a cue-less quotation continues a quotation of the same source",
			give: []dossier.Quote{
				{Kind: dossier.Direct, Content: at(text, "We are done,"), Cue: textpos.Span{Start: src2.End + 1, End: src2.End + 5}, Source: src2},
				{Kind: dossier.Direct, Content: at(text, "It is over."), Source: src2},
			},
			want: []int{2},
		},
		{
			name: "after an indirect statement a cue-less quotation stands alone",
			give: []dossier.Quote{
				indirect,
				{Kind: dossier.Direct, Content: at(text, "Nobody came."), Source: src},
			},
			want: []int{1, 1},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rs := predRelations(text, tt.give)
			if len(rs) != len(tt.want) {
				t.Fatalf("predRelations: %d relations, want %d", len(rs), len(tt.want))
			}
			for i, r := range rs {
				if len(r.content) != tt.want[i] {
					t.Errorf("relation %d has %d fragments, want %d", i, len(r.content), tt.want[i])
				}
			}
		})
	}
}
