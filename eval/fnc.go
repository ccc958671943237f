package eval

import (
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"dossier"
	"dossier/relate"
)

// FNC stance labels.
const (
	fncAgree     = "agree"
	fncDisagree  = "disagree"
	fncDiscuss   = "discuss"
	fncUnrelated = "unrelated"
)

// fncLabels are the four labels in a fixed order (the order of the metrics
// and of the confusion matrix).
var fncLabels = [...]string{fncAgree, fncDisagree, fncDiscuss, fncUnrelated}

// FNCPair is one row of an FNC-1 stances file: a headline, the body it is
// paired with, and the gold stance.
type FNCPair struct {
	Headline string
	BodyID   int
	Stance   string // agree, disagree, discuss or unrelated
	Line     int    // line of the row in its file (1-based)
}

// ReadFNCBodies reads an FNC-1 bodies file: RFC 4180 CSV with a header
// naming the columns "Body ID" and "articleBody" (in any order; other
// columns are ignored). Bodies may span lines inside quotes. It returns the
// bodies by id and the ids in file order. name prefixes error messages,
// which give the line of the offending row.
func ReadFNCBodies(r io.Reader, name string) (map[int]string, []int, error) {
	cr, cols, err := fncHeader(r, name, "Body ID", "articleBody")
	if err != nil {
		return nil, nil, err
	}
	bodies := map[int]string{}
	var order []int
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			return bodies, order, nil
		}
		if err != nil {
			return nil, nil, fncCSVError(name, err)
		}
		line, _ := cr.FieldPos(0)
		id, err := fncBodyID(rec[cols[0]])
		if err != nil {
			return nil, nil, fmt.Errorf("%s:%d: %w", name, line, err)
		}
		if _, dup := bodies[id]; dup {
			return nil, nil, fmt.Errorf("%s:%d: body id %d appears twice", name, line, id)
		}
		bodies[id] = rec[cols[1]]
		order = append(order, id)
	}
}

// ReadFNCStances reads an FNC-1 stances file: RFC 4180 CSV with a header
// naming the columns "Headline", "Body ID" and "Stance". The stance must be
// one of agree, disagree, discuss and unrelated. name prefixes error
// messages, which give the line of the offending row.
func ReadFNCStances(r io.Reader, name string) ([]FNCPair, error) {
	cr, cols, err := fncHeader(r, name, "Headline", "Body ID", "Stance")
	if err != nil {
		return nil, err
	}
	var pairs []FNCPair
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			return pairs, nil
		}
		if err != nil {
			return nil, fncCSVError(name, err)
		}
		line, _ := cr.FieldPos(0)
		id, err := fncBodyID(rec[cols[1]])
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %w", name, line, err)
		}
		st := strings.TrimSpace(rec[cols[2]])
		known := false
		for _, l := range fncLabels {
			known = known || st == l
		}
		if !known {
			return nil, fmt.Errorf("%s:%d: unknown stance %q (want agree, disagree, discuss or unrelated)", name, line, st)
		}
		pairs = append(pairs, FNCPair{Headline: rec[cols[0]], BodyID: id, Stance: st, Line: line})
	}
}

// fncHeader reads the header row and returns the reader and the column
// index of each wanted name.
func fncHeader(r io.Reader, name string, want ...string) (*csv.Reader, []int, error) {
	cr := csv.NewReader(r)
	cr.ReuseRecord = false
	head, err := cr.Read()
	if err == io.EOF {
		return nil, nil, fmt.Errorf("%s: empty file, want a header with %s", name, strings.Join(want, ", "))
	}
	if err != nil {
		return nil, nil, fncCSVError(name, err)
	}
	if len(head) > 0 {
		head[0] = strings.TrimPrefix(head[0], "\ufeff")
	}
	cols := make([]int, len(want))
	for i, w := range want {
		cols[i] = -1
		for j, h := range head {
			if strings.TrimSpace(h) == w {
				cols[i] = j
			}
		}
		if cols[i] < 0 {
			return nil, nil, fmt.Errorf("%s:1: header has no column %q", name, w)
		}
	}
	return cr, cols, nil
}

// fncCSVError names the file and line of a CSV syntax error.
func fncCSVError(name string, err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s:%d: %w", name, pe.Line, pe.Err)
	}
	return fmt.Errorf("%s: %w", name, err)
}

func fncBodyID(s string) (int, error) {
	id, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || id < 0 {
		return 0, fmt.Errorf("body id %q is not a number", s)
	}
	return id, nil
}

// FNCLabel maps a relate.Result to an FNC-1 label: unrelated when the
// article is not related, else agree (asserts), disagree (denies) or
// discuss (uncertain).
func FNCLabel(r relate.Result) string {
	if !r.Related {
		return fncUnrelated
	}
	switch r.Stance {
	case dossier.Asserts:
		return fncAgree
	case dossier.Denies:
		return fncDisagree
	}
	return fncDiscuss
}

// FNC scores the stance of articles toward claims on Fake News Challenge
// FNC-1 data: the fnc task. Each body of bodiesFile is analysed once with
// analyze and prepared for relate; word weights (IDF) come from the bodies
// of the same file. Each pair of stancesFile relates its headline to its
// body, and the result's label is compared with the gold stance.
//
// Metrics: fnc_score (the FNC-1 score, +0.25 for each correct related or
// unrelated decision, where agree, disagree and discuss all count as
// related, and +0.75 more for each correct label on a pair whose gold is
// related, divided by the score of a perfect run), accuracy (of the four
// labels), f1_agree, f1_disagree, f1_discuss, f1_unrelated (per class),
// f1_macro (their mean) and related_acc (the related/unrelated decision).
// Docs is the number of pairs scored. keep, when not nil, selects the
// pairs to score by body id (the bodies all still weigh words); dossier's
// --half even|odd uses it to score the halves that relate's thresholds were
// chosen and tested on.
//
// Per pair, a tab-separated line goes to detail (the first line, starting
// with "#", names the columns): the row's line, body id, gold and predicted
// labels, the relatedness score and the signals behind the stance, the
// evidence span (byte offsets into the body) and the headline.
func FNC(ctx context.Context, bodiesFile, stancesFile string, keep func(bodyID int) bool, analyze Analyzer, detail io.Writer) (Result, error) {
	bodies, order, err := readFNCBodiesFile(bodiesFile)
	if err != nil {
		return Result{}, fmt.Errorf("eval fnc: %w", err)
	}
	pairs, err := readFNCStancesFile(stancesFile)
	if err != nil {
		return Result{}, fmt.Errorf("eval fnc: %w", err)
	}
	kept := pairs[:0]
	for _, p := range pairs {
		if _, ok := bodies[p.BodyID]; !ok {
			return Result{}, fmt.Errorf("eval fnc: %s:%d: body id %d is not in %s", stancesFile, p.Line, p.BodyID, bodiesFile)
		}
		if keep == nil || keep(p.BodyID) {
			kept = append(kept, p)
		}
	}
	pairs = kept
	idf := relate.NewIDF(nil)
	for _, id := range order {
		idf.Add(bodies[id])
	}
	rel := relate.New(nil, idf)
	prepared := make(map[int]*relate.Article, len(order))
	for _, id := range order {
		if keep != nil && !keep(id) {
			continue
		}
		if err := ctx.Err(); err != nil {
			return Result{}, fmt.Errorf("eval fnc: %w", err)
		}
		d, err := analyze(ctx, dossier.Article{Text: bodies[id]})
		if err != nil {
			return Result{}, fmt.Errorf("eval fnc: body %d: %w", id, err)
		}
		prepared[id] = rel.Prepare(d.Analysis())
	}
	var sc fncScore
	if detail != nil {
		fmt.Fprintln(detail, "#line\tbody\tgold\tgot\tmark\tscore\tbest\tchance\tlead\tnear\trefute\thedge\tassert\trefute_all\thedge_all\tdeny\tdeny_all\tsentences\tclaim_refutes\tclaim_negated\tclaim_hedged\tclaim_question\tattributed\tledger_match\tledger_a\tledger_d\tledger_u\tevidence\theadline")
	}
	for _, p := range pairs {
		r := rel.Relate(p.Headline, prepared[p.BodyID])
		got := FNCLabel(r)
		sc.add(p.Stance, got)
		if detail != nil {
			s := r.Signals
			mark := "ok"
			if got != p.Stance {
				mark = "MISS"
			}
			fmt.Fprintf(detail, "%d\t%d\t%s\t%s\t%s\t%.3f\t%.3f\t%.3f\t%.3f\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%t\t%t\t%t\t%t\t%.2f\t%.2f\t%d\t%d\t%d\t%d-%d\t%s\n",
				p.Line, p.BodyID, p.Stance, got, mark, r.Score, s.Best, s.Chance, s.Lead, s.Near, s.Refute, s.Hedge, s.Assert,
				s.RefuteAll, s.HedgeAll, s.Deny, s.DenyAll, s.Sentences, s.ClaimRefutes, s.ClaimNegated, s.ClaimHedged, s.ClaimQuestion, s.Attributed,
				s.LedgerMatch, s.LedgerAsserts, s.LedgerDenies, s.LedgerUncertain,
				r.Evidence.Start, r.Evidence.End, strings.Join(strings.Fields(p.Headline), " "))
		}
	}
	return Result{Task: "fnc", Docs: len(pairs), Metrics: sc.metrics()}, nil
}

func readFNCBodiesFile(path string) (map[int]string, []int, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	return ReadFNCBodies(f, path)
}

func readFNCStancesFile(path string) ([]FNCPair, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ReadFNCStances(f, path)
}

// fncScore accumulates the confusion matrix of the four labels.
type fncScore struct {
	conf [4][4]int // [gold][got]
	n    int
}

func fncIndex(l string) int {
	for i, x := range fncLabels {
		if x == l {
			return i
		}
	}
	return 3
}

func (s *fncScore) add(gold, got string) {
	s.conf[fncIndex(gold)][fncIndex(got)]++
	s.n++
}

func (s *fncScore) metrics() map[string]float64 {
	const unrel = 3
	var score, best float64
	correct := 0
	relOK := 0
	for g := range 4 {
		for p := range 4 {
			c := float64(s.conf[g][p])
			if g == unrel {
				best += 0.25 * c
			} else {
				best += c
			}
			if (g == unrel) == (p == unrel) {
				score += 0.25 * c
				relOK += s.conf[g][p]
			}
			if g == p {
				correct += s.conf[g][p]
				if g != unrel {
					score += 0.75 * c
				}
			}
		}
	}
	m := map[string]float64{
		"fnc_score":   Ratio(score, best),
		"accuracy":    Ratio(float64(correct), float64(s.n)),
		"related_acc": Ratio(float64(relOK), float64(s.n)),
	}
	macro := 0.0
	for i, l := range fncLabels {
		var c PRF
		for j := range 4 {
			if j == i {
				c.TP += float64(s.conf[i][j])
				continue
			}
			c.FN += float64(s.conf[i][j])
			c.FP += float64(s.conf[j][i])
		}
		m["f1_"+l] = c.F1()
		macro += c.F1()
	}
	m["f1_macro"] = macro / 4
	return m
}
