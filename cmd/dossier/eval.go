package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"dossier"
	"dossier/eval"
	"dossier/ingest/plaintext"
	"dossier/ingest/webpage"
)

// floorError is returned when an eval --min floor is not met (exit 1).
type floorError struct{ failures []eval.Failure }

func (e floorError) Error() string {
	s := fmt.Sprintf("%d floor(s) not met:", len(e.failures))
	for _, f := range e.failures {
		s += " " + f.Error() + ";"
	}
	return s
}

func (m *Main) eval(ctx context.Context, args []string) error {
	if len(args) == 0 {
		return usageError{errors.New("eval needs a task: gold, conll, timeml, meantime, brat, extract, pubdate or fnc")}
	}
	task := args[0]
	fs := flag.NewFlagSet("eval "+task, flag.ContinueOnError)
	asJSON := fs.Bool("json", false, "print one JSON object")
	report := fs.String("report", "", "write per-document details to this file (default: standard error)")
	mins := floors{}
	htmlDir := fs.String("html", "", "extract, pubdate: directory of NAME.html or NAME.html.gz pages")
	truth := fs.String("truth", "", "extract: JSON truth keyed by NAME (articleBody); pubdate: JSON list of {file, date}")
	goldText := fs.String("gold-text", "", "extract: directory of NAME.txt or NAME.fulltext.txt gold texts")
	textDir := fs.String("text", "", "brat: directory of NAME.txt articles")
	annDir := fs.String("ann", "", "brat: directory of NAME_<annotator>.ann standoff files")
	bodies := fs.String("bodies", "", "fnc: FNC-1 bodies CSV (Body ID, articleBody)")
	stances := fs.String("stances", "", "fnc: FNC-1 stances CSV (Headline, Body ID, Stance)")
	half := fs.String("half", "", "fnc: score only the pairs of even or odd Body IDs (the halves relate's thresholds were chosen and tested on)")
	fs.Var(mins, "min", "fail (exit 1) when METRIC is below VALUE; repeatable")
	pos, err := parseInterleaved(fs, args[1:])
	if err != nil {
		return err
	}
	detail := io.Writer(m.Stderr)
	if *report != "" {
		f, err := os.Create(*report)
		if err != nil {
			return err
		}
		defer f.Close()
		detail = f
	} else if *asJSON {
		detail = io.Discard
	}
	analyze, err := analyzer()
	if err != nil {
		return err
	}
	var res eval.Result
	switch task {
	case "gold":
		if len(pos) == 0 {
			return usageError{errors.New("eval gold needs FILE...")}
		}
		res, err = eval.Gold(ctx, pos, plaintext.Read, analyze, detail)
	case "conll":
		if len(pos) != 1 {
			return usageError{errors.New("eval conll needs one FILE")}
		}
		f, ferr := os.Open(pos[0])
		if ferr != nil {
			return inputError{ferr}
		}
		defer f.Close()
		res, err = eval.CoNLL(ctx, f, analyze)
	case "brat":
		if *textDir == "" || *annDir == "" {
			return usageError{errors.New("eval brat needs --text DIR --ann DIR")}
		}
		res, err = eval.BratReport(ctx, *textDir, *annDir, analyze, detail)
	case "meantime":
		if len(pos) == 0 {
			return usageError{errors.New("eval meantime needs DIR...")}
		}
		res, err = eval.MEANTIME(ctx, pos, analyze)
	case "timeml":
		if len(pos) == 0 {
			return usageError{errors.New("eval timeml needs DIR...")}
		}
		res, err = eval.TimeML(ctx, pos, analyze)
	case "extract":
		if *htmlDir == "" || (*truth == "") == (*goldText == "") {
			return usageError{errors.New("eval extract needs --html DIR and one of --truth FILE or --gold-text DIR")}
		}
		res, err = eval.Extract(ctx, *htmlDir, *truth, *goldText, extractPage, detail)
	case "pubdate":
		if *htmlDir == "" || *truth == "" {
			return usageError{errors.New("eval pubdate needs --html DIR and --truth FILE")}
		}
		res, err = eval.Pubdate(ctx, *htmlDir, *truth, extractPage, detail)
	case "fnc":
		if *bodies == "" || *stances == "" {
			return usageError{errors.New("eval fnc needs --bodies CSV --stances CSV")}
		}
		var keep func(int) bool
		switch *half {
		case "":
		case "even", "odd":
			odd := *half == "odd"
			keep = func(id int) bool { return (id%2 == 1) == odd }
		default:
			return usageError{fmt.Errorf("eval fnc: --half wants even or odd, got %q", *half)}
		}
		res, err = eval.FNC(ctx, *bodies, *stances, keep, analyze, detail)
	default:
		return usageError{fmt.Errorf("unknown eval task %q", task)}
	}
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(m.Stdout)
		if err := enc.Encode(res); err != nil {
			return err
		}
	} else if err := eval.WriteText(m.Stdout, res); err != nil {
		return err
	}
	if fails := eval.Check(res, mins); len(fails) > 0 {
		return floorError{fails}
	}
	return nil
}

// extractPage is the extractor the extract and pubdate tasks score: the
// ingest/webpage reader that dossier ingest uses for HTML.
func extractPage(_ context.Context, p eval.Page) (dossier.Article, error) {
	pg, err := webpage.Extract(p.Name, p.HTML, webpage.Options{URL: p.URL, NoMap: true})
	if err != nil {
		return dossier.Article{}, err
	}
	return pg.Article, nil
}
