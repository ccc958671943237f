package render

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"dossier"
	"dossier/textpos"
)

func fixture() dossier.Analysis {
	text := "Mayor Ana Ruiz said on Monday that shares of Acme rose 3% to $12."
	at := func(s string) textpos.Span {
		i := strings.Index(text, s)
		return textpos.Span{Start: i, End: i + len(s)}
	}
	pct, lvl := 3.0, 12.0
	return dossier.Analysis{
		Article: dossier.Article{Title: "Acme up", Date: time.Date(2026, 3, 10, 0, 0, 0, 0, time.UTC), Text: text},
		Entities: []dossier.Entity{{ID: "e1", Name: "Ana Ruiz", Type: dossier.Person, Title: "Mayor",
			Mentions: []dossier.Mention{{Span: at("Ana Ruiz"), Kind: dossier.MentionName}}}},
		Quotes: []dossier.Quote{{ID: "q1", Kind: dossier.Indirect, Content: at("shares of Acme rose 3% to $12"),
			Cue: at("said"), Source: at("Ana Ruiz"), Speaker: "e1", SpeakerName: "Ana Ruiz", SourceType: dossier.SourceNamed}},
		Timex:     []dossier.Timex{{Span: at("Monday"), Type: dossier.Date, Value: "2026-03-09"}},
		Figures:   []dossier.Figure{{Span: at("shares of Acme rose 3% to $12"), Kind: dossier.Move, Instrument: "Acme", Direction: dossier.Up, ChangePct: &pct, Level: &lvl, Unit: "USD"}},
		Producers: map[string]string{"timex": "timex.rules.v1"},
	}
}

func TestJSONSpansMatchText(t *testing.T) {
	var buf bytes.Buffer
	if err := JSON(&buf, fixture()); err != nil {
		t.Fatal(err)
	}
	var got struct {
		Title    string  `json:"title"`
		Date     *string `json:"date"`
		Text     string  `json:"text"`
		Entities []struct {
			Mentions []Span `json:"mentions"`
		} `json:"entities"`
		Quotes []struct {
			Content Span    `json:"content"`
			Cue     *Span   `json:"cue"`
			Speaker *string `json:"speaker"`
		} `json:"quotes"`
		Timex   []Span   `json:"timex"`
		Figures []Figure `json:"figures"`
		Claims  []Claim  `json:"claims"`
		Events  []any    `json:"events"`
	}
	if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	if got.Date == nil || *got.Date != "2026-03-10" {
		t.Errorf("date = %v, want 2026-03-10", got.Date)
	}
	if got.Claims == nil || got.Events == nil {
		t.Errorf("empty lists must be [] not null")
	}
	check := func(what string, s Span) {
		if s.Start < 0 || s.End > len(got.Text) || got.Text[s.Start:s.End] != s.Text {
			t.Errorf("%s span %+v does not match the text", what, s)
		}
	}
	for _, e := range got.Entities {
		for _, m := range e.Mentions {
			check("mention", m)
		}
	}
	for _, q := range got.Quotes {
		check("content", q.Content)
		if q.Cue == nil || q.Speaker == nil || *q.Speaker != "e1" {
			t.Errorf("quote cue/speaker = %v/%v", q.Cue, q.Speaker)
		}
	}
	for _, x := range got.Timex {
		check("timex", x)
	}
	if len(got.Figures) != 1 || got.Figures[0].Instrument != "Acme" || *got.Figures[0].ChangePct != 3 {
		t.Errorf("figures = %+v", got.Figures)
	}
}

func TestTextReport(t *testing.T) {
	var buf bytes.Buffer
	if err := Text(&buf, fixture()); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{"Acme up", "Ana Ruiz — Mayor", "2026-03-09", "move: Acme up 3% to 12 USD", "Who said what", "Ana Ruiz [indirect, said]"} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}
}

func TestTextJoinsPartsSharingACue(t *testing.T) {
	text := "The plan, Ruiz said, was late. Ruiz said it would cost more."
	at := func(s string) textpos.Span {
		i := strings.Index(text, s)
		return textpos.Span{Start: i, End: i + len(s)}
	}
	second := strings.LastIndex(text, "said")
	a := dossier.Analysis{
		Article: dossier.Article{Text: text},
		Quotes: []dossier.Quote{
			{ID: "q1", Kind: dossier.Indirect, Content: at("The plan"), Cue: at("said"), SpeakerName: "Ruiz"},
			{ID: "q2", Kind: dossier.Indirect, Content: at("was late"), Cue: at("said"), SpeakerName: "Ruiz"},
			{ID: "q3", Kind: dossier.Indirect, Content: at("it would cost more"), Cue: textpos.Span{Start: second, End: second + 4}, SpeakerName: "Ruiz"},
		},
	}
	var buf bytes.Buffer
	if err := Text(&buf, a); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{`Ruiz [indirect, said]: "The plan … was late"`, `Ruiz [indirect, said]: "it would cost more"`} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}
}
