// Package render prints an analysis for people and programs: the JSON of
// `dossier analyze --format json` (the contract of DESIGN.md: add fields
// freely, rename none) and the terminal report of `--format text`.
package render

import (
	"encoding/json"
	"io"

	"dossier"
	"dossier/textpos"
)

// Span is the JSON form of a span: byte offsets into the top-level text plus
// the covered text, so a reader needs no offset arithmetic to review it.
type Span struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

func span(src string, s textpos.Span) Span {
	return Span{Start: s.Start, End: s.End, Text: s.Text(src)}
}

func optSpan(src string, s textpos.Span) *Span {
	if s.Empty() {
		return nil
	}
	v := span(src, s)
	return &v
}

// Entity is the JSON form of an entity.
type Entity struct {
	ID       string    `json:"id"`
	Name     string    `json:"name"`
	Type     string    `json:"type"`
	Title    string    `json:"title,omitempty"`
	Party    string    `json:"party,omitempty"`
	Region   string    `json:"region,omitempty"`
	LinkedTo string    `json:"linked_to,omitempty"`
	Mentions []Mention `json:"mentions"`
}

// Mention is the JSON form of a mention: a span with its kind.
type Mention struct {
	Span
	Kind string `json:"kind"`
}

// Quote is the JSON form of an attribution.
type Quote struct {
	ID          string  `json:"id"`
	Kind        string  `json:"kind"`
	Content     Span    `json:"content"`
	Cue         *Span   `json:"cue,omitempty"`
	Source      *Span   `json:"source,omitempty"`
	Speaker     *string `json:"speaker"`
	SpeakerName string  `json:"speaker_name,omitempty"`
	SourceType  string  `json:"source_type"`
	SourceCount int     `json:"source_count,omitempty"`
	Addressee   *Span   `json:"addressee,omitempty"`
	// Class is what the attribution reports: "speech", "belief",
	// "intention", "evaluation", "question" or "nominal"
	// (dossier.QuoteClass).
	Class string `json:"class,omitempty"`
}

// Stance is the JSON form of one ledger entry of a claim.
type Stance struct {
	Speaker     *string `json:"speaker"`
	SpeakerName string  `json:"speaker_name,omitempty"`
	Source      *Span   `json:"source,omitempty"`
	SourceType  string  `json:"source_type"`
	SourceCount int     `json:"source_count,omitempty"`
	Stance      string  `json:"stance"`
	Cue         *Span   `json:"cue,omitempty"`
	Hedge       string  `json:"hedge,omitempty"`
	Evidence    Span    `json:"evidence"`
	Quote       string  `json:"quote,omitempty"`
}

// Claim is the JSON form of a claim and its stance ledger.
type Claim struct {
	ID        string   `json:"id"`
	Statement string   `json:"statement"`
	Entities  []string `json:"entities,omitempty"`
	Stances   []Stance `json:"stances"`
}

// Timex is the JSON form of a time expression.
type Timex struct {
	Span
	Type  string `json:"type"`
	Value string `json:"value"`
}

// Figure is the JSON form of a figure.
type Figure struct {
	Span
	Kind       string   `json:"kind"`
	Value      *float64 `json:"value,omitempty"`
	Unit       string   `json:"unit,omitempty"`
	Instrument string   `json:"instrument,omitempty"`
	Direction  string   `json:"direction,omitempty"`
	ChangePct  *float64 `json:"change_pct,omitempty"`
	ChangePts  *float64 `json:"change_pts,omitempty"`
	Level      *float64 `json:"level,omitempty"`
}

// Document is the JSON printed by `dossier analyze --format json`.
type Document struct {
	Title     string            `json:"title"`
	Date      *string           `json:"date"`
	Source    string            `json:"source,omitempty"`
	URL       string            `json:"url,omitempty"`
	Text      string            `json:"text"`
	Entities  []Entity          `json:"entities"`
	Quotes    []Quote           `json:"quotes"`
	Claims    []Claim           `json:"claims"`
	Timex     []Timex           `json:"timex"`
	Figures   []Figure          `json:"figures"`
	Events    []any             `json:"events"`
	Producers map[string]string `json:"producers"`
}

func strPtr(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// NewDocument converts an analysis to its JSON form.
func NewDocument(a dossier.Analysis) Document {
	src := a.Article.Text
	d := Document{
		Title:     a.Article.Title,
		Source:    a.Article.Source,
		URL:       a.Article.URL,
		Text:      src,
		Entities:  []Entity{},
		Quotes:    []Quote{},
		Claims:    []Claim{},
		Timex:     []Timex{},
		Figures:   []Figure{},
		Events:    []any{},
		Producers: a.Producers,
	}
	if a.Article.HasDate() {
		d.Date = strPtr(a.Article.Date.Format("2006-01-02"))
	}
	if d.Producers == nil {
		d.Producers = map[string]string{}
	}
	for _, e := range a.Entities {
		je := Entity{ID: e.ID, Name: e.Name, Type: string(e.Type), Title: e.Title, Party: e.Party,
			Region: e.Region, LinkedTo: e.LinkedTo, Mentions: make([]Mention, 0, len(e.Mentions))}
		for _, m := range e.Mentions {
			je.Mentions = append(je.Mentions, Mention{Span: span(src, m.Span), Kind: string(m.Kind)})
		}
		d.Entities = append(d.Entities, je)
	}
	for _, q := range a.Quotes {
		d.Quotes = append(d.Quotes, Quote{ID: q.ID, Kind: string(q.Kind), Content: span(src, q.Content),
			Cue: optSpan(src, q.Cue), Source: optSpan(src, q.Source), Speaker: strPtr(q.Speaker),
			SpeakerName: q.SpeakerName, SourceType: string(q.SourceType), SourceCount: q.SourceCount,
			Addressee: optSpan(src, q.Addressee), Class: string(q.Class)})
	}
	for _, c := range a.Claims {
		jc := Claim{ID: c.ID, Statement: c.Statement, Entities: c.Entities, Stances: []Stance{}}
		for _, s := range c.Stances {
			jc.Stances = append(jc.Stances, Stance{Speaker: strPtr(s.Speaker), SpeakerName: s.SpeakerName,
				Source: optSpan(src, s.Source), SourceType: string(s.SourceType), SourceCount: s.SourceCount,
				Stance: string(s.Stance), Cue: optSpan(src, s.Cue), Hedge: s.Hedge,
				Evidence: span(src, s.Evidence), Quote: s.Quote})
		}
		d.Claims = append(d.Claims, jc)
	}
	for _, t := range a.Timex {
		d.Timex = append(d.Timex, Timex{Span: span(src, t.Span), Type: string(t.Type), Value: t.Value})
	}
	for _, f := range a.Figures {
		d.Figures = append(d.Figures, Figure{Span: span(src, f.Span), Kind: string(f.Kind), Value: f.Value,
			Unit: f.Unit, Instrument: f.Instrument, Direction: string(f.Direction),
			ChangePct: f.ChangePct, ChangePts: f.ChangePts, Level: f.Level})
	}
	return d
}

// JSON writes the analysis as one indented JSON object.
func JSON(w io.Writer, a dossier.Analysis) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(NewDocument(a))
}
