// Package eval scores dossier's own output against gold data: the dossier
// gold JSON, CoNLL-2003 NER columns, TimeML TIMEX3, brat attribution
// relations, HTML extraction and publication dates. Each task returns a
// Result whose JSON form is the eval contract of DESIGN.md:
// {"task": "...", "docs": N, "metrics": {"name": value, ...}}.
package eval

import (
	"context"
	"fmt"
	"io"
	"sort"

	"dossier"
	"dossier/nlp"
)

// Analyzer runs dossier's pipeline over one article. Eval tasks receive it
// from the caller (cmd/dossier), so they score exactly what users run.
type Analyzer func(ctx context.Context, a dossier.Article) (*nlp.Doc, error)

// Result is the outcome of one eval task.
type Result struct {
	Task    string             `json:"task"`
	Docs    int                `json:"docs"`
	Metrics map[string]float64 `json:"metrics"`
}

// PRF holds counts for precision, recall and F1.
type PRF struct {
	TP, FP, FN float64
}

// Precision is TP/(TP+FP), or 0 when nothing was predicted.
func (c PRF) Precision() float64 {
	if c.TP+c.FP == 0 {
		return 0
	}
	return c.TP / (c.TP + c.FP)
}

// Recall is TP/(TP+FN), or 0 when there was nothing to find.
func (c PRF) Recall() float64 {
	if c.TP+c.FN == 0 {
		return 0
	}
	return c.TP / (c.TP + c.FN)
}

// F1 is the harmonic mean of precision and recall. With nothing to find and
// nothing predicted it is 1.
func (c PRF) F1() float64 {
	if c.TP+c.FP+c.FN == 0 {
		return 1
	}
	p, r := c.Precision(), c.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// Add accumulates o into c.
func (c *PRF) Add(o PRF) { c.TP += o.TP; c.FP += o.FP; c.FN += o.FN }

// Ratio returns num/den, or 0 when den is 0 (used for accuracies).
func Ratio(num, den float64) float64 {
	if den == 0 {
		return 0
	}
	return num / den
}

// Failure is a --min floor that was not met.
type Failure struct {
	Metric     string
	Got, Floor float64
}

func (f Failure) Error() string {
	return fmt.Sprintf("%s = %.4f, below the floor %.4f", f.Metric, f.Got, f.Floor)
}

// Check compares r's metrics with floors and returns the unmet ones, sorted
// by metric name. A floor naming a metric the task does not report fails.
func Check(r Result, floors map[string]float64) []Failure {
	var out []Failure
	for m, floor := range floors {
		got, ok := r.Metrics[m]
		if !ok || got < floor {
			out = append(out, Failure{Metric: m, Got: got, Floor: floor})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Metric < out[j].Metric })
	return out
}

// WriteText prints r as aligned "metric value" lines for a person.
func WriteText(w io.Writer, r Result) error {
	names := make([]string, 0, len(r.Metrics))
	for k := range r.Metrics {
		names = append(names, k)
	}
	sort.Strings(names)
	if _, err := fmt.Fprintf(w, "task %s, %d docs\n", r.Task, r.Docs); err != nil {
		return err
	}
	for _, k := range names {
		if _, err := fmt.Fprintf(w, "  %-18s %.4f\n", k, r.Metrics[k]); err != nil {
			return err
		}
	}
	return nil
}
