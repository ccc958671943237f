package eval

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"dossier"
	"dossier/nlp"
	"dossier/textpos"
)

// A tiny TimeML document written for this test in the manner of a wire story.
const testTML = `<?xml version="1.0" ?>
<TimeML>
<DOCID>TEST0001</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2026-03-08" temporalFunction="false" functionInDocument="CREATION_TIME">2026-03-08</TIMEX3></DCT>
<TITLE>Ministers meet</TITLE>
<TEXT>
LISBON (AP) _ Ministers <EVENT eid="e1" class="OCCURRENCE">met</EVENT> <TIMEX3 tid="t1" type="DATE" value="2026-03-07">Saturday</TIMEX3> &amp; talked for <TIMEX3 tid="t2" type="DURATION" value="PT3H">three hours</TIMEX3>.
Talks resume <TIMEX3 tid="t3" type="DATE" value="2026-W11">next week</TIMEX3>, an aide said <TIMEX3 tid="t4" type="DATE" value="PRESENT_REF">now</TIMEX3>.
</TEXT>
</TimeML>
`

func TestParseTimeML(t *testing.T) {
	doc, err := ParseTimeML(strings.NewReader(testTML))
	if err != nil {
		t.Fatalf("ParseTimeML() error = %v", err)
	}
	if got, want := doc.DCT, time.Date(2026, 3, 8, 0, 0, 0, 0, time.UTC); !got.Equal(want) {
		t.Errorf("ParseTimeML().DCT = %v, want %v", got, want)
	}
	if !strings.Contains(doc.Text, "Saturday & talked") || strings.Contains(doc.Text, "<") {
		t.Errorf("ParseTimeML().Text = %q, want tags stripped and entities decoded", doc.Text)
	}
	tests := []struct {
		give int
		want string
	}{
		{0, "Saturday"},
		{1, "three hours"},
		{2, "next week"},
		{3, "now"},
	}
	if len(doc.Timex) != len(tests) {
		t.Fatalf("ParseTimeML() found %d timexes, want %d", len(doc.Timex), len(tests))
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			if got := doc.Timex[tt.give].Span.Text(doc.Text); got != tt.want {
				t.Errorf("ParseTimeML().Timex[%d] text = %q, want %q", tt.give, got, tt.want)
			}
		})
	}
}

func TestScoreTimex(t *testing.T) {
	doc, err := ParseTimeML(strings.NewReader(testTML))
	if err != nil {
		t.Fatalf("ParseTimeML() error = %v", err)
	}
	at := func(s string) textpos.Span {
		i := strings.Index(doc.Text, s)
		return textpos.Span{Start: i, End: i + len(s)}
	}
	pred := []dossier.Timex{
		{Span: at("Saturday"), Type: dossier.Date, Value: "2026-03-07"},      // strict, value ok
		{Span: at("for three hours"), Type: dossier.Duration, Value: "PT3H"}, // relaxed only
		{Span: at("next week"), Type: dossier.Date, Value: "2026-W12"},       // wrong value
		{Span: at("Talks"), Type: dossier.Date, Value: "XXXX"},               // false alarm
	}
	tests := []struct {
		give string
		want float64
	}{
		{"timex_f1", 2 * 0.75 * 0.75 / 1.5},
		{"timex_strict_f1", 2 * 0.5 * 0.5 / 1.0},
		{"value_f1", 2 * 0.5 * 0.5 / 1.0},
		{"type_acc", 1},
	}
	m := ScoreTimex(doc.Text, pred, doc.Timex).Metrics()
	for _, tt := range tests {
		t.Run(tt.give, func(t *testing.T) {
			if got := m[tt.give]; got < tt.want-1e-9 || got > tt.want+1e-9 {
				t.Errorf("ScoreTimex()[%q] = %v, want %v", tt.give, got, tt.want)
			}
		})
	}
}

func TestTimeML(t *testing.T) {
	dir := t.TempDir()
	sub := filepath.Join(dir, "Wire")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(sub, "a.tml"), []byte(testTML), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("not TimeML"), 0o644); err != nil {
		t.Fatal(err)
	}
	var gotDate time.Time
	// The analyzer finds exactly the gold expressions by looking them up.
	analyze := func(_ context.Context, a dossier.Article) (*nlp.Doc, error) {
		gotDate = a.Date
		gold, err := ParseTimeML(strings.NewReader(testTML))
		if err != nil {
			return nil, err
		}
		d := nlp.NewDoc(a)
		d.Timex = gold.Timex
		return d, nil
	}
	r, err := TimeML(context.Background(), []string{dir}, analyze)
	if err != nil {
		t.Fatalf("TimeML() error = %v", err)
	}
	if r.Task != "timeml" || r.Docs != 1 {
		t.Errorf("TimeML() = %s/%d docs, want timeml/1", r.Task, r.Docs)
	}
	if want := time.Date(2026, 3, 8, 0, 0, 0, 0, time.UTC); !gotDate.Equal(want) {
		t.Errorf("TimeML() article date = %v, want %v", gotDate, want)
	}
	for _, m := range []string{"timex_f1", "timex_strict_f1", "value_f1", "type_acc"} {
		if r.Metrics[m] != 1 {
			t.Errorf("TimeML() %s = %v, want 1", m, r.Metrics[m])
		}
	}
}
