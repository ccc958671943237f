package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"strconv"
	"strings"
	"sync"
	"time"

	"dossier"
	"dossier/engine"
	"dossier/ingest/plaintext"
	"dossier/nlp"
	"dossier/samples"
	"dossier/sqlite"
)

// benchResult is what `dossier bench --json` prints.
type benchResult struct {
	Corpus             string  `json:"corpus"`
	Articles           int     `json:"articles"`
	Words              int     `json:"words"`
	Failed             int     `json:"failed"`
	Cores              int     `json:"cores"`
	WordsPerSecPerCore float64 `json:"words_per_sec_per_core"`
	ArticlesPerSec     float64 `json:"articles_per_sec"`
	// Scale is how many variants of each corpus article the ingest phase
	// stores; IngestArticles counts what it offered, IngestStored what it
	// stored (exact duplicates within the corpus are not stored twice) and
	// IngestNearDuplicates the stored articles linked to a first copy.
	Scale                int     `json:"scale"`
	IngestArticles       int     `json:"ingest_articles"`
	IngestStored         int     `json:"ingest_stored"`
	IngestNearDuplicates int     `json:"ingest_near_duplicates"`
	IngestArticlesPerSec float64 `json:"ingest_articles_per_sec"`
	PeakRSSMB            float64 `json:"peak_rss_mb"`
}

// bench runs the analysis pipeline over a corpus: once on one goroutine
// (words per second per core), once on all cores (articles per second), and
// then ingests the corpus, scaled by --scale, into a fresh SQLite file in a
// temporary directory (articles per second, commits included).
func (m *Main) bench(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	corpus := fs.String("corpus", "", "folder of plain-text articles (default: the bundled samples)")
	asJSON := fs.Bool("json", false, "print one JSON object")
	minSecs := fs.Float64("min-seconds", 2, "repeat the corpus until each analysis phase has run this long")
	scale := fs.Int("scale", 1, "ingest this many variants of every corpus article (0: skip the ingest phase)")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the run to this file")
	if _, err := parseInterleaved(fs, args); err != nil {
		return err
	}
	if *scale < 0 {
		return usageError{fmt.Errorf("--scale must be 0 or more, got %d", *scale)}
	}
	arts, failed, err := loadCorpus(*corpus)
	if err != nil {
		return err
	}
	if len(arts) == 0 {
		return inputError{fmt.Errorf("no readable articles in %s", *corpus)}
	}
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			return fmt.Errorf("bench: %w", err)
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return fmt.Errorf("bench: %w", err)
		}
		defer pprof.StopCPUProfile()
	}
	words := 0
	for _, a := range arts {
		words += len(strings.Fields(a.Text))
	}
	analyze, err := analyzer()
	if err != nil {
		return err
	}
	res := benchResult{Corpus: *corpus, Articles: len(arts), Words: words, Failed: failed, Cores: runtime.GOMAXPROCS(0), Scale: *scale}
	if res.Corpus == "" {
		res.Corpus = "(bundled samples)"
	}

	// (a) one goroutine.
	start, rounds := time.Now(), 0
	for rounds == 0 || time.Since(start).Seconds() < *minSecs {
		for _, a := range arts {
			if _, err := analyze(ctx, a); err != nil {
				return err
			}
		}
		rounds++
	}
	res.WordsPerSecPerCore = float64(words*rounds) / time.Since(start).Seconds()

	// (b) all cores.
	start, rounds = time.Now(), 0
	for rounds == 0 || time.Since(start).Seconds() < *minSecs {
		if err := analyzeParallel(ctx, arts, analyze, res.Cores); err != nil {
			return err
		}
		rounds++
	}
	res.ArticlesPerSec = float64(len(arts)*rounds) / time.Since(start).Seconds()

	// (c) ingest into a fresh SQLite file.
	if *scale > 0 {
		if err := benchIngest(ctx, arts, *scale, analyze, &res); err != nil {
			return err
		}
	}
	res.PeakRSSMB = peakRSSMB()

	if *asJSON {
		return json.NewEncoder(m.Stdout).Encode(res)
	}
	fmt.Fprintf(m.Stdout, "corpus %s: %d articles, %d words (%d unreadable)\n", res.Corpus, res.Articles, res.Words, res.Failed)
	fmt.Fprintf(m.Stdout, "  analysis, 1 core:    %12.0f words/s\n", res.WordsPerSecPerCore)
	fmt.Fprintf(m.Stdout, "  analysis, %d cores:  %12.1f articles/s\n", res.Cores, res.ArticlesPerSec)
	if *scale > 0 {
		fmt.Fprintf(m.Stdout, "  ingest, %d cores:    %12.1f articles/s (%d articles, %d stored, %d near-duplicates)\n",
			res.Cores, res.IngestArticlesPerSec, res.IngestArticles, res.IngestStored, res.IngestNearDuplicates)
	}
	fmt.Fprintf(m.Stdout, "  peak memory:         %12.1f MB\n", res.PeakRSSMB)
	return nil
}

// benchIngest ingests scale variants of every article of arts into a new
// SQLite file in a temporary directory, through the same engine as
// `dossier ingest`, and records the rate in res. The variants are made as
// they are ingested, so memory does not grow with scale.
func benchIngest(ctx context.Context, arts []dossier.Article, scale int, analyze engine.Analyzer, res *benchResult) error {
	dir, err := os.MkdirTemp("", "dossier-bench-")
	if err != nil {
		return fmt.Errorf("bench: ingest: %w", err)
	}
	defer os.RemoveAll(dir)
	store, err := sqlite.Open(ctx, filepath.Join(dir, "bench.db"))
	if err != nil {
		return fmt.Errorf("bench: ingest: %w", err)
	}
	defer store.Close()

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	src := make(chan engine.Item, 64)
	go func() {
		defer close(src)
		for k := range scale {
			for i := range arts {
				it := engine.Item{Name: "bench#" + strconv.Itoa(i) + "." + strconv.Itoa(k), Format: "text", Article: benchVariant(arts, i, k)}
				select {
				case src <- it:
				case <-ctx.Done():
					return
				}
			}
		}
	}()
	start := time.Now()
	sum, err := engine.Ingest(ctx, src, store, analyze, engine.Options{Workers: res.Cores})
	if err != nil {
		return fmt.Errorf("bench: ingest: %w", err)
	}
	res.IngestArticlesPerSec = float64(len(arts)*scale) / time.Since(start).Seconds()
	res.IngestArticles = len(arts) * scale
	res.IngestStored = sum.Ingested
	res.IngestNearDuplicates = sum.NearDuplicates
	if sum.Failed > 0 {
		return fmt.Errorf("bench: ingest: %d articles failed, first %s: %s", sum.Failed, sum.Failures[0].Name, sum.Failures[0].Reason)
	}
	return nil
}

// benchVariant is variant k of article i of arts. Variant 0 is the article
// itself. Variant k > 0 is a different article for the store: the first
// half of article i's paragraphs followed by the second half of another
// article's, chosen by k, under article i's title with the variant number.
// Sharing about a third of their word shingles with either parent, the
// variants are neither exact nor near duplicates of them or of each other
// (for a corpus of more than scale articles), so the ingest measures
// distinct articles of realistic text.
func benchVariant(arts []dossier.Article, i, k int) dossier.Article {
	a := arts[i]
	if k == 0 {
		return a
	}
	// 7919 is prime, so for a corpus not a multiple of it every k picks a
	// different partner.
	j := (i + k*7919) % len(arts)
	if j == i {
		j = (j + 1) % len(arts)
	}
	head := a.Text[:half(a.Text, false)]
	tail := arts[j].Text[half(arts[j].Text, true):]
	a.Text = head + "\n\n" + tail
	a.Title = a.Title + " (" + strconv.Itoa(k) + ")"
	return a
}

// half returns the byte offset of the paragraph break nearest the middle
// of text (after the break when after is set), or the middle of the text
// at a space when it has one paragraph.
func half(text string, after bool) int {
	mid := len(text) / 2
	if i := strings.Index(text[mid:], "\n\n"); i >= 0 {
		if after {
			return mid + i + 2
		}
		return mid + i
	}
	if i := strings.LastIndex(text[:mid], "\n\n"); i >= 0 {
		if after {
			return i + 2
		}
		return i
	}
	if i := strings.IndexByte(text[mid:], ' '); i >= 0 {
		return mid + i
	}
	return mid
}

func analyzeParallel(ctx context.Context, arts []dossier.Article, analyze func(context.Context, dossier.Article) (*nlp.Doc, error), workers int) error {
	var wg sync.WaitGroup
	errs := make(chan error, workers)
	next := make(chan int)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				if _, err := analyze(ctx, arts[i]); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	for i := range arts {
		next <- i
	}
	close(next)
	wg.Wait()
	select {
	case err := <-errs:
		return err
	default:
		return nil
	}
}

// loadCorpus reads every regular file under dir as a plain-text article;
// files that cannot be read are counted, not fatal.
func loadCorpus(dir string) ([]dossier.Article, int, error) {
	var arts []dossier.Article
	if dir == "" {
		for _, s := range samples.All() {
			a, err := plaintext.Read(s.Name, s.Data)
			if err != nil {
				return nil, 0, err
			}
			arts = append(arts, a)
		}
		return arts, 0, nil
	}
	failed := 0
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.Type().IsRegular() || !strings.HasSuffix(p, ".txt") {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			failed++
			return nil
		}
		a, err := plaintext.Read(p, data)
		if err != nil {
			failed++
			return nil
		}
		arts = append(arts, a)
		return nil
	})
	if err != nil {
		return nil, failed, inputError{err}
	}
	return arts, failed, nil
}

// peakRSSMB reads the process's peak resident set size (Linux VmHWM).
func peakRSSMB() float64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			f := strings.Fields(rest)
			if len(f) > 0 {
				kb, _ := strconv.ParseFloat(f[0], 64)
				return kb / 1024
			}
		}
	}
	return 0
}
