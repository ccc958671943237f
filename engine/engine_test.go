package engine_test

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"dossier"
	"dossier/engine"
	"dossier/nlp"
	"dossier/sqlite"
	"dossier/storetest"
	"dossier/textpos"
)

func openStore(t *testing.T) *sqlite.DB {
	t.Helper()
	db, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "dossier.db"))
	if err != nil {
		t.Fatalf("sqlite.Open() error: %v", err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// analyze is a stand-in pipeline: one entity for the first word, an error
// for texts that ask for one, a panic for texts that ask for that.
func analyze(_ context.Context, a dossier.Article) (*nlp.Doc, error) {
	switch {
	case strings.Contains(a.Text, "ANALYSIS FAILS"):
		return nil, errors.New("tokenizer gave up")
	case strings.Contains(a.Text, "ANALYSIS PANICS"):
		panic("index out of range")
	}
	d := nlp.NewDoc(a)
	end := strings.IndexByte(a.Text, ' ')
	if end < 0 {
		end = len(a.Text)
	}
	d.Entities = []dossier.Entity{{ID: "e1", Name: a.Text[:end], Type: dossier.Other,
		Mentions: []dossier.Mention{{Span: textpos.Span{Start: 0, End: end}, Kind: dossier.MentionName}}}}
	d.Producers["entities"] = "fake.v1"
	return d, nil
}

func article(text string) dossier.Article { return dossier.Article{Title: "t", Text: text} }

// items is a batch with good, duplicate, near-duplicate and broken inputs.
func items() []engine.Item {
	return []engine.Item{
		{Name: "wire.txt", Article: article(storetest.Report)},
		{Name: "a.txt", Article: article("Rain fell across the north on Monday.")},
		{Name: "b.txt", Article: article("Markets closed higher on Friday after a quiet week.")},
		{Name: "a-copy.txt", Article: article("  RAIN fell across the north\non Monday.  ")},
		{Name: "wire-copy.html", Article: article(storetest.Report + "\n\nReporting by a staff writer; editing by the news desk.")},
		{Name: "broken.gz", Err: errors.New("gzip: unexpected EOF")},
		{Name: "empty.txt", Article: article(" \n ")},
		{Name: "bad.txt", Article: article("This one: ANALYSIS FAILS here.")},
		{Name: "worse.txt", Article: article("And this: ANALYSIS PANICS here.")},
	}
}

func feed(its []engine.Item) <-chan engine.Item {
	ch := make(chan engine.Item)
	go func() {
		defer close(ch)
		for _, it := range its {
			ch <- it
		}
	}()
	return ch
}

func sortFailures(s *engine.Summary) {
	sort.Slice(s.Failures, func(i, j int) bool { return s.Failures[i].Name < s.Failures[j].Name })
}

func TestIngest(t *testing.T) {
	ctx := context.Background()
	store := openStore(t)
	wantFailures := []engine.Failure{
		{Name: "bad.txt", Reason: "analyze: tokenizer gave up"},
		{Name: "broken.gz", Reason: "gzip: unexpected EOF"},
		{Name: "empty.txt", Reason: "no text"},
		{Name: "worse.txt", Reason: "analyze: panic: index out of range"},
	}
	tests := []struct {
		name string
		want engine.Summary
	}{
		// The copy of a.txt may be seen before or after a.txt: either way
		// one of the two is a duplicate.
		{"first run", engine.Summary{Ingested: 4, Duplicates: 1, NearDuplicates: 1, Failed: 4, Failures: wantFailures}},
		{"second run", engine.Summary{Ingested: 0, Duplicates: 5, Failed: 4, Failures: wantFailures}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			calls := 0
			got, err := engine.Ingest(ctx, feed(items()), store, analyze, engine.Options{Workers: 1, Progress: func(engine.Summary) { calls++ }})
			if err != nil {
				t.Fatalf("Ingest() error: %v", err)
			}
			sortFailures(&got)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Ingest() = %+v, want %+v", got, tt.want)
			}
			if calls != len(items()) {
				t.Errorf("Progress called %d times, want %d", calls, len(items()))
			}
			st, err := store.Stats(ctx)
			if err != nil || st.ArticlesTotal != 4 || st.NearDuplicates != 1 || st.ByKind[dossier.KindEntities] != 4 {
				t.Errorf("Stats() = %+v, %v; want 4 articles, 1 near-duplicate, 4 entities", st, err)
			}
		})
	}
}

func TestIngestParallel(t *testing.T) {
	ctx := context.Background()
	store := openStore(t)
	var its []engine.Item
	for i := range 200 {
		its = append(its, engine.Item{Name: fmt.Sprintf("%d.txt", i), Article: article(fmt.Sprintf("Report number %d on the state of the harbour.", i%150))})
	}
	got, err := engine.Ingest(ctx, feed(its), store, analyze, engine.Options{Workers: 8})
	if err != nil {
		t.Fatalf("Ingest() error: %v", err)
	}
	want := engine.Summary{Ingested: 150, Duplicates: 50}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Ingest(200 items, 150 distinct) = %+v, want %+v", got, want)
	}
}

func TestIngestCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	src := make(chan engine.Item) // never closed: only cancellation ends the run
	if _, err := engine.Ingest(ctx, src, openStore(t), analyze, engine.Options{}); !errors.Is(err, context.Canceled) {
		t.Errorf("Ingest(cancelled) error = %v, want context.Canceled", err)
	}
}

// TestWork runs three workers, as three processes would, on one queue: every
// item is loaded exactly once.
func TestWork(t *testing.T) {
	ctx := context.Background()
	store := openStore(t)
	var names []string
	for i := range 60 {
		names = append(names, fmt.Sprintf("dir/%02d.txt", i))
	}
	names = append(names, "dir/unreadable.bin")
	if err := store.Enqueue(ctx, "batch", names); err != nil {
		t.Fatalf("Enqueue() error: %v", err)
	}
	var mu sync.Mutex
	loaded := map[string]int{}
	load := func(_ context.Context, item string, emit func(engine.Item)) error {
		mu.Lock()
		loaded[item]++
		mu.Unlock()
		if strings.HasSuffix(item, ".bin") {
			return errors.New("binary data")
		}
		emit(engine.Item{Name: item, Article: article("Dispatch filed as " + item + " about the harbour.")})
		return nil
	}
	var wg sync.WaitGroup
	sums := make([]engine.Summary, 3)
	errs := make([]error, 3)
	for p := range 3 {
		wg.Go(func() {
			sums[p], errs[p] = engine.Work(ctx, store, "batch", fmt.Sprintf("proc%d", p), load, analyze, engine.Options{Workers: 2})
		})
	}
	wg.Wait()
	var total engine.Summary
	for p := range 3 {
		if errs[p] != nil {
			t.Fatalf("Work(proc%d) error: %v", p, errs[p])
		}
		total.Add(sums[p])
	}
	want := engine.Summary{Ingested: 60, Failed: 1, Failures: []engine.Failure{{Name: "dir/unreadable.bin", Reason: "binary data"}}}
	if !reflect.DeepEqual(total, want) {
		t.Errorf("Work() x3 = %+v, want %+v", total, want)
	}
	for _, n := range names {
		if loaded[n] != 1 {
			t.Errorf("item %s loaded %d times, want 1", n, loaded[n])
		}
	}
	if q, err := store.Queue(ctx, "batch"); err != nil || q != (dossier.QueueCounts{Done: 60, Failed: 1}) {
		t.Errorf("Queue() = %+v, %v; want 60 done, 1 failed", q, err)
	}
}

// stuckStore is a store whose puts wait until release is closed.
type stuckStore struct {
	dossier.Store // not called
	release       chan struct{}
	pending       atomic.Int64
	ids           atomic.Int64
}

func (s *stuckStore) HasHash(context.Context, string) (bool, error) { return false, nil }

func (s *stuckStore) PutAnalysis(ctx context.Context, _ dossier.Analysis, _ dossier.Origin) (dossier.PutResult, error) {
	s.pending.Add(1)
	defer s.pending.Add(-1)
	select {
	case <-s.release:
	case <-ctx.Done():
		return dossier.PutResult{}, ctx.Err()
	}
	return dossier.PutResult{ArticleID: s.ids.Add(1)}, nil
}

// TestIngestBackpressure checks what Ingest does when the store falls
// behind: it analyses no more articles than may wait for the store, and
// once many wait, workers stop but one, leaving the cores to the store.
func TestIngestBackpressure(t *testing.T) {
	const workers, n = 2, 600
	st := &stuckStore{release: make(chan struct{})}
	var active, analysed, crowded atomic.Int64
	slow := func(ctx context.Context, a dossier.Article) (*nlp.Doc, error) {
		// Past half the limit only worker 0 may start an analysis (a
		// worker that started just before may still be finishing one).
		if active.Add(1) > 1 && st.pending.Load() >= 128+workers+2 {
			crowded.Add(1)
		}
		defer active.Add(-1)
		time.Sleep(500 * time.Microsecond)
		analysed.Add(1)
		return analyze(ctx, a)
	}
	its := make([]engine.Item, n)
	for i := range its {
		its[i] = engine.Item{Name: fmt.Sprint(i), Article: article(fmt.Sprintf("Article number %d of the stuck run.", i))}
	}
	done := make(chan engine.Summary)
	go func() {
		sum, err := engine.Ingest(context.Background(), feed(its), st, slow, engine.Options{Workers: workers})
		if err != nil {
			t.Errorf("Ingest() error: %v", err)
		}
		done <- sum
	}()
	// Wait for the analyses to stop while the store is stuck.
	for last := int64(-1); ; {
		time.Sleep(100 * time.Millisecond)
		cur := analysed.Load()
		if cur == last {
			break
		}
		last = cur
	}
	if got := analysed.Load(); got < 256 || got > 256+workers-1 {
		t.Errorf("with the store stuck, %d articles analysed, want 256 (the puts that may wait) to %d", got, 256+workers-1)
	}
	if got := crowded.Load(); got != 0 {
		t.Errorf("%d analyses ran beside another with more than half the puts waiting, want 0", got)
	}
	close(st.release)
	sum := <-done
	if sum.Ingested != n || sum.Failed != 0 {
		t.Errorf("Ingest() = %+v, want %d ingested", sum, n)
	}
}
