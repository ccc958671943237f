package render

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"

	"dossier"
)

// Text writes a report a person reads in a terminal: the article's title and
// date, people with their roles, organisations, places, dates with their
// resolved values, figures, and who said what.
func Text(w io.Writer, a dossier.Analysis) error {
	bw := bufio.NewWriter(w)
	src := a.Article.Text
	title := a.Article.Title
	if title == "" {
		title = "(untitled)"
	}
	fmt.Fprintln(bw, title)
	if a.Article.HasDate() {
		fmt.Fprintf(bw, "date: %s\n", a.Article.Date.Format("Monday 2006-01-02"))
	}
	fmt.Fprintf(bw, "%d bytes, %d entities, %d quotes, %d claims, %d time expressions, %d figures\n",
		len(src), len(a.Entities), len(a.Quotes), len(a.Claims), len(a.Timex), len(a.Figures))

	groups := []struct {
		head  string
		types []dossier.EntityType
	}{
		{"People", []dossier.EntityType{dossier.Person}},
		{"Organisations and outlets", []dossier.EntityType{dossier.Org, dossier.Outlet}},
		{"Places", []dossier.EntityType{dossier.GPE, dossier.Loc}},
		{"Groups and other names", []dossier.EntityType{dossier.NORP, dossier.Other}},
	}
	byID := map[string]string{}
	for _, e := range a.Entities {
		byID[e.ID] = e.Name
	}
	for _, g := range groups {
		var lines []string
		for _, e := range a.Entities {
			if !hasType(g.types, e.Type) {
				continue
			}
			var b strings.Builder
			b.WriteString(e.Name)
			if e.Type != dossier.Person {
				fmt.Fprintf(&b, " [%s]", e.Type)
			}
			var info []string
			if e.Title != "" {
				info = append(info, e.Title)
			}
			if e.Party != "" || e.Region != "" {
				info = append(info, strings.Trim(e.Party+"-"+e.Region, "-"))
			}
			if e.LinkedTo != "" && byID[e.LinkedTo] != "" {
				info = append(info, "of "+byID[e.LinkedTo])
			}
			if len(info) > 0 {
				fmt.Fprintf(&b, " — %s", strings.Join(info, ", "))
			}
			fmt.Fprintf(&b, " (%d mention%s)", len(e.Mentions), plural(len(e.Mentions)))
			lines = append(lines, b.String())
		}
		section(bw, g.head, lines)
	}

	var lines []string
	for _, t := range a.Timex {
		lines = append(lines, fmt.Sprintf("%-28q %-8s %s", t.Span.Text(src), t.Type, t.Value))
	}
	section(bw, "Time", lines)

	lines = lines[:0]
	for _, f := range a.Figures {
		lines = append(lines, fmt.Sprintf("%q — %s", f.Span.Text(src), describeFigure(f)))
	}
	section(bw, "Figures", lines)

	lines = lines[:0]
	for _, c := range a.Claims {
		var b strings.Builder
		fmt.Fprintf(&b, "%s: %s", c.ID, c.Statement)
		for _, s := range c.Stances {
			who := s.SpeakerName
			if who == "" {
				who = s.Source.Text(src)
			}
			fmt.Fprintf(&b, "\n      %-9s %s (%s)", s.Stance, who, s.SourceType)
			if s.Hedge != "" {
				fmt.Fprintf(&b, " hedge %q", s.Hedge)
			}
			fmt.Fprintf(&b, ": %q", s.Evidence.Text(src))
		}
		lines = append(lines, b.String())
	}
	section(bw, "Claims", lines)

	lines = lines[:0]
	for i := 0; i < len(a.Quotes); i++ {
		q := a.Quotes[i]
		who := q.SpeakerName
		if who == "" {
			who = q.Source.Text(src)
		}
		if who == "" {
			who = "(unattributed)"
		}
		// Parts of one statement share its cue ("The plan, he said, was
		// late"): one line, the parts joined by an ellipsis.
		content := q.Content.Text(src)
		for !q.Cue.Empty() && i+1 < len(a.Quotes) && a.Quotes[i+1].Cue == q.Cue {
			i++
			content += " … " + a.Quotes[i].Content.Text(src)
		}
		lines = append(lines, fmt.Sprintf("%s [%s, %s]: %q", who, q.Kind, q.Cue.Text(src), content))
	}
	section(bw, "Who said what", lines)
	return bw.Flush()
}

func section(w io.Writer, head string, lines []string) {
	if len(lines) == 0 {
		return
	}
	fmt.Fprintf(w, "\n%s\n", head)
	for _, l := range lines {
		fmt.Fprintf(w, "  • %s\n", l)
	}
}

func hasType(ts []dossier.EntityType, t dossier.EntityType) bool {
	for _, x := range ts {
		if x == t {
			return true
		}
	}
	return false
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

func num(f *float64) string { return strconv.FormatFloat(*f, 'g', -1, 64) }

func describeFigure(f dossier.Figure) string {
	var parts []string
	if f.Kind == dossier.Move {
		if f.Instrument != "" {
			parts = append(parts, f.Instrument)
		}
		if f.Direction != "" {
			parts = append(parts, string(f.Direction))
		}
		if f.ChangePct != nil {
			parts = append(parts, num(f.ChangePct)+"%")
		}
		if f.ChangePts != nil {
			parts = append(parts, num(f.ChangePts)+" points")
		}
		if f.Level != nil {
			parts = append(parts, "to "+strings.TrimSpace(num(f.Level)+" "+f.Unit))
		}
		return "move: " + strings.Join(parts, " ")
	}
	parts = append(parts, string(f.Kind))
	if f.Value != nil {
		parts = append(parts, num(f.Value))
	}
	if f.Unit != "" {
		parts = append(parts, f.Unit)
	}
	return strings.Join(parts, " ")
}
