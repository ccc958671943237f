package eval

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dossier"
	"dossier/nlp"
	"dossier/textpos"
)

// A hand-written gold document in the shape of gold/FORMAT.md.
const goldText = "Mayor Ana Ruiz said on Monday that the bridge would reopen. \"It is safe,\" Ruiz told reporters. Officials denied the bridge had cracked. Bond yields fell 0.2% to 3.1%."

func goldFixture() GoldDoc {
	pct, lvl := 0.2, 3.1
	return GoldDoc{
		ID: "fixture", Date: "2026-03-10", Text: goldText,
		Entities: []GoldEntity{
			{Name: "Ana Ruiz", Type: "PERSON", Title: "Mayor", Aliases: []string{"Ruiz"}},
			{Name: "City Hall", Type: "ORG", Optional: true},
		},
		Quotes: []GoldQuote{
			{Kind: "indirect", Content: "the bridge would reopen", Speaker: "Ana Ruiz", Cue: "said"},
			{Kind: "direct", Content: "It is safe,", Speaker: "Ana Ruiz", Cue: "told"},
		},
		Claims: []GoldClaim{{ID: "c1", Proposition: "The bridge cracked", Stances: []GoldStance{
			{Source: "officials", SourceType: "anonymous", Stance: "denies", Evidence: "the bridge had cracked"},
		}}},
		Timex:   []GoldTimex{{Text: "Monday", Context: "said on Monday", Value: "2026-03-09"}},
		Figures: []GoldFigure{{Text: "Bond yields fell 0.2% to 3.1%", Direction: "down", ChangePct: &pct, Level: &lvl, Unit: "percent"}},
	}
}

func spanOf(s string) textpos.Span {
	i := strings.Index(goldText, s)
	return textpos.Span{Start: i, End: i + len(s)}
}

func runGold(t *testing.T, fill func(d *nlp.Doc)) Result {
	t.Helper()
	dir := t.TempDir()
	raw, _ := json.Marshal(goldFixture())
	f := filepath.Join(dir, "g.json")
	if err := os.WriteFile(f, raw, 0o644); err != nil {
		t.Fatal(err)
	}
	read := func(name string, data []byte) (dossier.Article, error) {
		return dossier.Article{Text: string(data)}, nil
	}
	analyze := func(_ context.Context, a dossier.Article) (*nlp.Doc, error) {
		if a.Date.Format("2006-01-02") != "2026-03-10" {
			t.Errorf("article date = %v, want the gold date", a.Date)
		}
		d := nlp.NewDoc(a)
		fill(d)
		return d, nil
	}
	r, err := Gold(context.Background(), []string{f}, read, analyze, nil)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestGoldPerfect(t *testing.T) {
	pct, lvl := 0.2, 3.1
	r := runGold(t, func(d *nlp.Doc) {
		d.Entities = []dossier.Entity{
			{ID: "e1", Name: "Ana Ruiz", Type: dossier.Person, Title: "mayor"},
			{ID: "e2", Name: "City Hall", Type: dossier.Org}, // optional: neither hit nor false alarm
			{ID: "e3", Name: "Ruizian", Type: dossier.NORP},  // NORP: never a false alarm
		}
		d.Quotes = []dossier.Quote{
			{ID: "q1", Kind: dossier.Indirect, Content: spanOf("the bridge would reopen"), SpeakerName: "Ana Ruiz"},
			{ID: "q2", Kind: dossier.Direct, Content: spanOf("It is safe,"), Source: spanOf("Ruiz")},
		}
		d.Claims = []dossier.Claim{{ID: "c1", Stances: []dossier.Stance{
			{Source: spanOf("Officials"), Stance: dossier.Denies, Evidence: spanOf("Officials denied the bridge had cracked")},
		}}}
		d.Timex = []dossier.Timex{{Span: spanOf("Monday"), Type: dossier.Date, Value: "2026-03-09"}}
		d.Figures = []dossier.Figure{{Span: spanOf("Bond yields fell 0.2% to 3.1%"), Kind: dossier.Move,
			Direction: dossier.Down, ChangePct: &pct, Level: &lvl, Unit: "percent"}}
	})
	for _, m := range []string{"entity_f1", "title_acc", "quote_f1", "speaker_acc", "stance_f1", "timex_value_acc", "figure_f1"} {
		if got := r.Metrics[m]; got != 1 {
			t.Errorf("%s = %v, want 1", m, got)
		}
	}
}

func TestGoldErrors(t *testing.T) {
	lvl := 3.5 // wrong level: the figure must not count
	r := runGold(t, func(d *nlp.Doc) {
		d.Entities = []dossier.Entity{
			{ID: "e1", Name: "Ana Ruiz", Type: dossier.Org}, // wrong type: false alarm and miss
			{ID: "e2", Name: "Reporters", Type: dossier.Org},
		}
		d.Quotes = []dossier.Quote{
			{ID: "q1", Kind: dossier.Indirect, Content: spanOf("the bridge would reopen"), SpeakerName: "Officials"},
		}
		d.Timex = []dossier.Timex{{Span: spanOf("Monday"), Type: dossier.Date, Value: "2026-03-16"}}
		d.Figures = []dossier.Figure{{Span: spanOf("fell 0.2% to 3.1%"), Kind: dossier.Move, Direction: dossier.Down, Level: &lvl}}
	})
	want := map[string]float64{
		"entity_f1":       0,
		"quote_f1":        2.0 / 3.0, // 1 hit, 0 false alarms, 1 miss
		"speaker_acc":     0,
		"stance_f1":       0,
		"timex_value_acc": 0,
		"figure_f1":       0,
	}
	for m, w := range want {
		if got := r.Metrics[m]; got < w-1e-9 || got > w+1e-9 {
			t.Errorf("%s = %v, want %v", m, got, w)
		}
	}
}

func TestCheckFloors(t *testing.T) {
	r := Result{Task: "x", Metrics: map[string]float64{"a": 0.5, "b": 0.9}}
	got := Check(r, map[string]float64{"a": 0.6, "b": 0.9, "c": 0.1})
	if len(got) != 2 || got[0].Metric != "a" || got[1].Metric != "c" {
		t.Errorf("Check = %v, want failures for a and c", got)
	}
}
