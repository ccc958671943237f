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
	"strconv"
	"strings"
	"sync"
	"time"

	"dossier"
	"dossier/ingest/plaintext"
	"dossier/nlp"
	"dossier/samples"
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
	PeakRSSMB          float64 `json:"peak_rss_mb"`
}

// bench runs the analysis pipeline over a corpus: once on one goroutine
// (words per second per core) and once on all cores (articles per second).
func (m *Main) bench(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	corpus := fs.String("corpus", "", "folder of plain-text articles (default: the bundled samples)")
	asJSON := fs.Bool("json", false, "print one JSON object")
	minSecs := fs.Float64("min-seconds", 2, "repeat the corpus until each phase has run this long")
	if _, err := parseInterleaved(fs, args); err != nil {
		return err
	}
	arts, failed, err := loadCorpus(*corpus)
	if err != nil {
		return err
	}
	if len(arts) == 0 {
		return inputError{fmt.Errorf("no readable articles in %s", *corpus)}
	}
	words := 0
	for _, a := range arts {
		words += len(strings.Fields(a.Text))
	}
	analyze, err := analyzer()
	if err != nil {
		return err
	}
	res := benchResult{Corpus: *corpus, Articles: len(arts), Words: words, Failed: failed, Cores: runtime.GOMAXPROCS(0)}
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
	res.PeakRSSMB = peakRSSMB()

	if *asJSON {
		return json.NewEncoder(m.Stdout).Encode(res)
	}
	fmt.Fprintf(m.Stdout, "corpus %s: %d articles, %d words (%d unreadable)\n", res.Corpus, res.Articles, res.Words, res.Failed)
	fmt.Fprintf(m.Stdout, "  analysis, 1 core:    %12.0f words/s\n", res.WordsPerSecPerCore)
	fmt.Fprintf(m.Stdout, "  analysis, %d cores:  %12.1f articles/s\n", res.Cores, res.ArticlesPerSec)
	fmt.Fprintf(m.Stdout, "  peak memory:         %12.1f MB\n", res.PeakRSSMB)
	return nil
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
