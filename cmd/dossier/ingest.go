package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"dossier/engine"
	"dossier/fetch"
	"dossier/ingest"
)

// ingestSummary is the JSON printed by `dossier ingest --json`.
type ingestSummary struct {
	Ingested       int              `json:"ingested"`
	Duplicates     int              `json:"duplicates"`
	NearDuplicates int              `json:"near_duplicates"`
	Failed         int              `json:"failed"`
	ArticlesTotal  int64            `json:"articles_total"`
	FactsTotal     int64            `json:"facts_total"`
	Failures       []engine.Failure `json:"failures,omitempty"`
}

// ingestCmd is `dossier ingest PATH|URL... [--db DSN] [--workers N]`.
//
// On SQLite the inputs stream through one process. On PostgreSQL the
// inputs become a batch in the store's work queue (named by a hash of the
// arguments), so several processes started with the same arguments, on one
// machine or many, share the batch and no item is processed twice.
func (m *Main) ingestCmd(ctx context.Context, args []string) error {
	fset := flag.NewFlagSet("ingest", flag.ContinueOnError)
	db := fset.String("db", "", dbFlagHelp)
	workers := fset.Int("workers", 0, "articles analysed at once (default: the number of cores)")
	asJSON := fset.Bool("json", false, "print the summary as one JSON object")
	report := fset.String("report", "", "also write every failure (name and reason) to this file")
	fast := fset.Bool("fast-html", false, "faster, slightly less accurate HTML extraction")
	allowPrivate := fset.Bool("allow-private", false, "let URLs reach loopback and private addresses")
	lease := fset.Duration("lease", engine.DefaultLease, "PostgreSQL: a queue job claimed this long by a worker that died is taken back")
	pos, err := parseInterleaved(fset, args)
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		return usageError{errors.New("ingest needs PATH or URL arguments")}
	}
	dsn := storeDSN(*db)
	store, err := openStore(ctx, dsn)
	if err != nil {
		return err
	}
	defer store.Close()
	analyze, err := analyzer()
	if err != nil {
		return err
	}
	opts := ingest.Options{FastHTML: *fast}
	client := fetch.New(fetch.Options{AllowPrivate: *allowPrivate, UserAgent: "dossier"})

	var bar *progressbar.ProgressBar
	if f, ok := m.Stderr.(*os.File); ok && term.IsTerminal(int(f.Fd())) && !*asJSON {
		bar = progressbar.NewOptions64(countInputs(pos),
			progressbar.OptionSetWriter(m.Stderr),
			progressbar.OptionSetDescription("ingest"),
			progressbar.OptionShowCount(),
			progressbar.OptionShowIts(),
			progressbar.OptionSetItsString("articles"),
			progressbar.OptionSetPredictTime(true),
			progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionClearOnFinish(),
		)
	}
	eo := engine.Options{Workers: *workers, Lease: *lease}
	if bar != nil {
		eo.Progress = func(s engine.Summary) {
			n := int64(s.Ingested + s.Duplicates + s.Failed)
			if n > bar.GetMax64() {
				bar.ChangeMax64(n)
			}
			_ = bar.Set64(n)
		}
	}

	var sum engine.Summary
	if isPostgres(dsn) {
		batch := batchName(pos)
		items, err := expandInputs(pos)
		if err != nil {
			return inputError{err}
		}
		if err := store.Enqueue(ctx, batch, items); err != nil {
			return err
		}
		host, _ := os.Hostname()
		worker := fmt.Sprintf("%s/%d", host, os.Getpid())
		load := func(ctx context.Context, item string, emit func(engine.Item)) error {
			return loadInput(ctx, item, client, opts, 1, emit)
		}
		sum, err = engine.Work(ctx, store, batch, worker, load, analyze, eo)
		if err != nil {
			return err
		}
	} else {
		src := make(chan engine.Item, 64)
		// Files are read (sniffed, unzipped, extracted) as many at once as
		// there are cores: extracting an HTML page costs more than
		// analysing its text.
		readers := runtime.GOMAXPROCS(0)
		go func() {
			defer close(src)
			emit := func(it engine.Item) {
				select {
				case src <- it:
				case <-ctx.Done():
				}
			}
			for _, p := range pos {
				if ctx.Err() != nil {
					return
				}
				if err := loadInput(ctx, p, client, opts, readers, emit); err != nil {
					emit(engine.Item{Name: p, Err: err})
				}
			}
		}()
		sum, err = engine.Ingest(ctx, src, store, analyze, eo)
		if err != nil {
			return err
		}
	}
	if bar != nil {
		_ = bar.Finish()
	}

	st, err := store.Stats(ctx)
	if err != nil {
		return err
	}
	out := ingestSummary{Ingested: sum.Ingested, Duplicates: sum.Duplicates, NearDuplicates: sum.NearDuplicates,
		Failed: sum.Failed, ArticlesTotal: st.ArticlesTotal, FactsTotal: st.FactsTotal, Failures: sum.Failures}
	sort.Slice(out.Failures, func(i, j int) bool { return out.Failures[i].Name < out.Failures[j].Name })
	if *report != "" {
		if err := writeFailures(*report, out.Failures); err != nil {
			return err
		}
	}
	if *asJSON {
		return json.NewEncoder(m.Stdout).Encode(out)
	}
	for _, f := range out.Failures {
		fmt.Fprintf(m.Stderr, "failed: %s: %s\n", f.Name, f.Reason)
	}
	fmt.Fprintf(m.Stdout, "ingested %d, duplicates %d, near-duplicates %d, failed %d; the store holds %d articles and %d facts\n",
		out.Ingested, out.Duplicates, out.NearDuplicates, out.Failed, out.ArticlesTotal, out.FactsTotal)
	return nil
}

// isURL reports whether an input names an http(s) URL rather than a path.
func isURL(s string) bool {
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://")
}

// loadInput reads one input — a URL, a file or a directory — and emits an
// engine.Item for each article in it or each part that cannot be read. The
// files of a directory are read by readers goroutines at once.
func loadInput(ctx context.Context, input string, client *fetch.Client, opts ingest.Options, readers int, emit func(engine.Item)) error {
	if isURL(input) {
		resp, err := client.Get(ctx, input, fetch.Conditional{})
		if err != nil {
			return err
		}
		for it := range ingest.Open(resp.URL, bytes.NewReader(resp.Body), opts) {
			emit(toEngineItem(it))
		}
		return nil
	}
	for it := range ingest.WalkParallel(ctx, []string{input}, opts, readers) {
		emit(toEngineItem(it))
	}
	return nil
}

func toEngineItem(it ingest.Item) engine.Item {
	return engine.Item{Name: it.Name, Article: it.Article, Format: it.Format.String(), Raw: it.Raw, Map: it.Map, Err: it.Err}
}

// expandInputs turns the arguments into queue items: URLs as given, files
// by their absolute path, directories into the files below them (hidden
// ones skipped, as ingest.Walk does), sorted.
func expandInputs(args []string) ([]string, error) {
	var out []string
	for _, a := range args {
		if isURL(a) {
			out = append(out, a)
			continue
		}
		abs, err := filepath.Abs(a)
		if err != nil {
			return nil, err
		}
		err = filepath.WalkDir(abs, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				// Unreadable: queue it anyway so the failure is reported.
				out = append(out, p)
				return nil
			}
			if p != abs && strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.Type().IsRegular() && (p == abs || !ingest.IsCorpusDoc(d.Name())) {
				out = append(out, p)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	sort.Strings(out)
	return out, nil
}

// countInputs counts the files and URLs of a run, for the progress bar.
func countInputs(args []string) int64 {
	items, err := expandInputs(args)
	if err != nil {
		return -1
	}
	return int64(len(items))
}

// batchName names the queue batch of a run: the same arguments give the same
// batch, so processes started alike share it.
func batchName(args []string) string {
	norm := make([]string, 0, len(args))
	for _, a := range args {
		if !isURL(a) {
			if abs, err := filepath.Abs(a); err == nil {
				a = abs
			}
		}
		norm = append(norm, a)
	}
	sort.Strings(norm)
	h := sha256.Sum256([]byte(strings.Join(norm, "\x00")))
	return "ingest:" + hex.EncodeToString(h[:8])
}

func writeFailures(path string, fs []engine.Failure) error {
	var b bytes.Buffer
	for _, f := range fs {
		fmt.Fprintf(&b, "%s\t%s\n", f.Name, strings.ReplaceAll(f.Reason, "\n", " "))
	}
	return os.WriteFile(path, b.Bytes(), 0o644)
}

// statsCmd is `dossier stats [--db DSN] [--json]`.
func (m *Main) statsCmd(ctx context.Context, args []string) error {
	fset := flag.NewFlagSet("stats", flag.ContinueOnError)
	db := fset.String("db", "", dbFlagHelp)
	asJSON := fset.Bool("json", false, "print one JSON object")
	if _, err := parseInterleaved(fset, args); err != nil {
		return err
	}
	store, err := openStore(ctx, storeDSN(*db))
	if err != nil {
		return err
	}
	defer store.Close()
	st, err := store.Stats(ctx)
	if err != nil {
		return err
	}
	if *asJSON {
		out := map[string]any{"articles_total": st.ArticlesTotal, "facts_total": st.FactsTotal,
			"near_duplicates": st.NearDuplicates}
		for k, v := range st.ByKind {
			out[k] = v
		}
		return json.NewEncoder(m.Stdout).Encode(out)
	}
	fmt.Fprintf(m.Stdout, "%d articles (%d near-duplicates), %d facts\n", st.ArticlesTotal, st.NearDuplicates, st.FactsTotal)
	kinds := make([]string, 0, len(st.ByKind))
	for k := range st.ByKind {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	for _, k := range kinds {
		fmt.Fprintf(m.Stdout, "  %-10s %d\n", k, st.ByKind[k])
	}
	return nil
}

// searchCmd is `dossier search QUERY [--db DSN] [--json] [--limit N]`.
func (m *Main) searchCmd(ctx context.Context, args []string) error {
	fset := flag.NewFlagSet("search", flag.ContinueOnError)
	db := fset.String("db", "", dbFlagHelp)
	asJSON := fset.Bool("json", false, "print the hits as a JSON array")
	limit := fset.Int("limit", 20, "at most this many hits")
	pos, err := parseInterleaved(fset, args)
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		return usageError{errors.New("search needs a QUERY")}
	}
	store, err := openStore(ctx, storeDSN(*db))
	if err != nil {
		return err
	}
	defer store.Close()
	hits, err := store.Search(ctx, strings.Join(pos, " "), *limit)
	if err != nil {
		return err
	}
	if *asJSON {
		type hit struct {
			ArticleID int64   `json:"article_id"`
			Title     string  `json:"title"`
			Kind      string  `json:"kind"`
			Snippet   string  `json:"snippet"`
			Rank      float64 `json:"rank"`
		}
		out := make([]hit, 0, len(hits))
		for _, h := range hits {
			out = append(out, hit{h.ArticleID, h.Title, h.Kind, h.Snippet, h.Rank})
		}
		return json.NewEncoder(m.Stdout).Encode(out)
	}
	if len(hits) == 0 {
		fmt.Fprintln(m.Stdout, "no hits")
	}
	for _, h := range hits {
		fmt.Fprintf(m.Stdout, "#%d %s [%s]\n    %s\n", h.ArticleID, h.Title, h.Kind, h.Snippet)
	}
	return nil
}
