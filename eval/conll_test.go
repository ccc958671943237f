package eval

import (
	"context"
	"math"
	"strings"
	"testing"

	"dossier"
	"dossier/nlp"
	"dossier/textpos"
)

// A short CoNLL file written for this test: two documents in the manner of
// newswire, with an all-caps headline, a dateline and IOB2 tags.
const conllSample = `-DOCSTART- -X- -X- O

TENNIS NN B-NP O
- : O O
GRAF NNP B-NP B-PER
WINS VBZ B-VP O
IN IN B-PP O
BERLIN NNP B-NP B-LOC
. . O O

BERLIN NNP B-NP B-LOC
1996-05-12 CD I-NP O

Steffi NNP B-NP B-PER
Graf NNP I-NP I-PER
beat VBD B-VP O
a DT B-NP O
Czech JJ I-NP B-MISC
player NN I-NP O
. . O O

-DOCSTART- -X- -X- O

Acme NNP B-NP B-ORG
Corp NNP I-NP I-ORG
said VBD B-VP O
on IN B-PP O
Monday NNP B-NP O
. . O O
`

// fakeAnalyzer finds fixed phrases in the text and reports them as entity
// mentions, the way a real component would.
func fakeAnalyzer(found map[string]dossier.EntityType, kinds map[string]dossier.MentionKind) Analyzer {
	return func(_ context.Context, a dossier.Article) (*nlp.Doc, error) {
		d := nlp.NewDoc(a)
		for phrase, typ := range found {
			e := dossier.Entity{Name: phrase, Type: typ}
			for off := 0; ; {
				i := strings.Index(a.Text[off:], phrase)
				if i < 0 {
					break
				}
				k := kinds[phrase]
				if k == "" {
					k = dossier.MentionName
				}
				s := textpos.Span{Start: off + i, End: off + i + len(phrase)}
				e.Mentions = append(e.Mentions, dossier.Mention{Span: s, Kind: k})
				off = s.End
			}
			if len(e.Mentions) > 0 {
				d.Entities = append(d.Entities, e)
			}
		}
		return d, nil
	}
}

func TestCoNLL(t *testing.T) {
	tests := []struct {
		name  string
		found map[string]dossier.EntityType
		kinds map[string]dossier.MentionKind
		want  map[string]float64
	}{
		{
			name: "perfect",
			found: map[string]dossier.EntityType{
				"GRAF": dossier.Person, "BERLIN": dossier.GPE, "Steffi Graf": dossier.Person,
				"Czech": dossier.NORP, "Acme Corp": dossier.Org,
			},
			kinds: map[string]dossier.MentionKind{"Czech": dossier.MentionDemonym},
			want:  map[string]float64{"f1": 1, "precision": 1, "recall": 1, "f1_PER": 1, "f1_LOC": 1, "f1_ORG": 1, "f1_MISC": 1},
		},
		{
			// "Graf" inside "Steffi Graf" is dropped as the shorter overlap; a
			// wrong type and a partial span are errors; "Monday" is a false alarm.
			name: "errors",
			found: map[string]dossier.EntityType{
				"Steffi Graf": dossier.Person, "Graf": dossier.Person, "BERLIN": dossier.Org,
				"Acme": dossier.Org, "Monday": dossier.Loc,
			},
			// gold 6; predicted: Steffi Graf (hit), BERLIN x2 (ORG, wrong), Acme (partial), Monday.
			want: map[string]float64{"precision": 1.0 / 5, "recall": 1.0 / 6, "f1_PER": 2 * 0.5 * 1 / 1.5},
		},
		{
			name:  "pronouns are not scored",
			found: map[string]dossier.EntityType{"Steffi Graf": dossier.Person},
			kinds: map[string]dossier.MentionKind{"Steffi Graf": dossier.MentionPronoun},
			want:  map[string]float64{"recall": 0, "precision": 0},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := CoNLL(context.Background(), strings.NewReader(conllSample), fakeAnalyzer(tt.found, tt.kinds))
			if err != nil {
				t.Fatalf("CoNLL() error = %v", err)
			}
			if res.Task != "conll" || res.Docs != 2 {
				t.Errorf("CoNLL() task, docs = %q, %d, want %q, %d", res.Task, res.Docs, "conll", 2)
			}
			for m, want := range tt.want {
				if got := res.Metrics[m]; math.Abs(got-want) > 1e-9 {
					t.Errorf("CoNLL() %s = %v, want %v", m, got, want)
				}
			}
		})
	}
}

func TestGoldChunks(t *testing.T) {
	tests := []struct {
		give []string
		want []chunk
	}{
		{[]string{"B-PER", "I-PER", "O", "B-LOC"}, []chunk{{0, 2, "PER"}, {3, 4, "LOC"}}},
		{[]string{"I-ORG", "I-ORG", "B-ORG", "O"}, []chunk{{0, 2, "ORG"}, {2, 3, "ORG"}}},
		{[]string{"I-PER", "I-LOC"}, []chunk{{0, 1, "PER"}, {1, 2, "LOC"}}},
		{[]string{"O", "O"}, nil},
	}
	for _, tt := range tests {
		got := goldChunks(tt.give)
		if len(got) != len(tt.want) {
			t.Errorf("goldChunks(%q) = %v, want %v", tt.give, got, tt.want)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("goldChunks(%q) = %v, want %v", tt.give, got, tt.want)
				break
			}
		}
	}
}

func TestCoNLLText(t *testing.T) {
	docs, err := readCoNLL(strings.NewReader(conllSample))
	if err != nil {
		t.Fatalf("readCoNLL() error = %v", err)
	}
	got, _ := docs[0].text()
	want := "TENNIS - GRAF WINS IN BERLIN .\nBERLIN 1996-05-12\nSteffi Graf beat a Czech player ."
	if got != want {
		t.Errorf("text() = %q, want %q", got, want)
	}
}
