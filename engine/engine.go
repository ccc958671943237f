// Package engine ingests a stream of articles into a dossier.Store: it
// analyses them on several workers and writes each article with all its
// facts through the store, atomically (the store may commit several
// articles in one transaction; each is still all or nothing).
//
// The engine holds no SQL and reads no files: readers (ingest/) produce
// Items, cmd/dossier wires a reader, the nlp pipeline and a store together.
// Memory stays flat however long the stream: items flow through bounded
// channels and nothing is kept but the counts and the failures.
package engine

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"time"

	"dossier"
	"dossier/nlp"
	"dossier/textpos"
)

// Item is one article read from an input, or the reason it could not be
// read.
type Item struct {
	// Name says where the article came from: a path, a URL, a path with
	// the position inside an archive or feed ("feed.xml#3").
	Name string
	// Article is the article read; ignored when Err is set.
	Article dossier.Article
	// Format is the sniffed input format ("text", "html", "rss"...), and
	// Raw the source bytes when the reader keeps them; both optional.
	Format string
	Raw    []byte
	// Map maps Article.Text offsets into Raw, when the reader made one.
	Map textpos.Map
	// Err is why the input could not be read; the item counts as failed.
	Err error
}

// Analyzer runs the nlp pipeline over one article.
type Analyzer func(ctx context.Context, a dossier.Article) (*nlp.Doc, error)

// Options tune Ingest and Work.
type Options struct {
	// Workers is the number of articles analysed at once; GOMAXPROCS when
	// zero or less.
	Workers int
	// Progress, when set, is called after each item with the running
	// summary, from one goroutine at a time. It must not keep the summary's
	// Failures slice.
	Progress func(Summary)
	// Lease is how long a queue job may stay claimed before Work takes it
	// back from a worker presumed dead; DefaultLease when zero.
	Lease time.Duration
}

// DefaultLease is the lease of queue jobs when Options.Lease is zero: how
// long a worker that died holding a job delays the batch's end.
const DefaultLease = 2 * time.Minute

// idlePoll is how long an idle worker waits before looking at the queue
// again while other workers still hold jobs.
func idlePoll(lease time.Duration) time.Duration {
	return min(max(lease/10, 50*time.Millisecond), 2*time.Second)
}

// Failure is one input that could not be ingested, and why.
type Failure struct {
	Name   string `json:"name"`
	Reason string `json:"reason"`
}

// Summary counts the outcome of a run.
type Summary struct {
	// Ingested counts articles stored by this run, near-duplicates
	// included.
	Ingested int `json:"ingested"`
	// Duplicates counts articles whose text was already stored (found
	// before analysis, or by the store).
	Duplicates int `json:"duplicates"`
	// NearDuplicates counts stored articles linked to a first copy; they
	// are also counted in Ingested.
	NearDuplicates int `json:"near_duplicates"`
	// Failed counts inputs that could not be read, analysed or stored.
	Failed   int       `json:"failed"`
	Failures []Failure `json:"failures,omitempty"`
}

// Add adds the counts and failures of o to s.
func (s *Summary) Add(o Summary) {
	s.Ingested += o.Ingested
	s.Duplicates += o.Duplicates
	s.NearDuplicates += o.NearDuplicates
	s.Failed += o.Failed
	s.Failures = append(s.Failures, o.Failures...)
}

// outcome is the result of one item.
type outcome int

const (
	ingested outcome = iota
	nearDuplicate
	duplicate
	failed
	cancelled // the run is being cancelled: not counted
)

type result struct {
	outcome outcome
	name    string
	reason  string
}

func (s *Summary) record(r result) {
	switch r.outcome {
	case ingested:
		s.Ingested++
	case nearDuplicate:
		s.Ingested++
		s.NearDuplicates++
	case duplicate:
		s.Duplicates++
	case failed:
		s.Failed++
		s.Failures = append(s.Failures, Failure{Name: r.name, Reason: r.reason})
	}
}

// Ingest reads items from src until it is closed, analyses each on one of
// opts.Workers workers and stores it. An article whose content hash is
// already stored is counted as a duplicate without being analysed. An item
// that fails (unreadable, empty, analysis or store error, even a panic in
// the analyzer) is recorded in the summary with its name and reason, and
// the run goes on. Ingest returns an error only when ctx is cancelled; the
// summary then counts what was done.
//
// A worker does not wait for the store: it hands the analysed article to
// a put of its own and takes the next item, with at most putsInFlight
// puts pending at once. Many puts pending together let a store that
// group-commits (sqlite.DB) write them in one transaction, and keep the
// cores analysing while it commits. When many are pending, the store is
// the bottleneck and workers pause, the more of them the longer the
// queue, so that the store gets the cores it needs.
func Ingest(ctx context.Context, src <-chan Item, store dossier.Store, analyze Analyzer, opts Options) (Summary, error) {
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	results := make(chan result, workers)
	limit := putsInFlight(workers)
	puts := newGate()
	var wg, putting sync.WaitGroup
	for w := range workers {
		// Worker w takes a new item only while fewer than its share of
		// the limit are waiting for the store: when the store falls
		// behind, workers stop one by one and leave their cores to it (a
		// store with one writer, as sqlite, is then the bottleneck, and
		// more analysis would only slow it down); when it keeps up, all
		// of them work.
		share := limit * (workers - w) / workers
		wg.Go(func() {
			for {
				if !puts.wait(ctx, share) {
					return
				}
				select {
				case <-ctx.Done():
					return
				case it, ok := <-src:
					if !ok {
						return
					}
					r, a, ok := prepare(ctx, it, store, analyze)
					if !ok {
						results <- r
						continue
					}
					if !puts.acquire(ctx, limit) {
						results <- result{outcome: cancelled, name: it.Name}
						return
					}
					putting.Go(func() {
						defer puts.release()
						results <- put(ctx, it, a, store)
					})
				}
			}
		})
	}
	go func() {
		wg.Wait()
		putting.Wait()
		close(results)
	}()
	var sum Summary
	for r := range results {
		sum.record(r)
		if opts.Progress != nil && r.outcome != cancelled {
			opts.Progress(sum)
		}
	}
	if err := ctx.Err(); err != nil {
		return sum, fmt.Errorf("engine: ingest: %w", err)
	}
	return sum, nil
}

// gate counts the puts in flight, and lets goroutines wait until fewer
// than a limit are.
type gate struct {
	mu   sync.Mutex
	n    int
	fell chan struct{} // closed when n falls, then replaced
}

func newGate() *gate { return &gate{fell: make(chan struct{})} }

// wait waits until fewer than limit puts are in flight; false when ctx
// ends first.
func (g *gate) wait(ctx context.Context, limit int) bool { return g.enter(ctx, limit, 0) }

// acquire waits until fewer than limit puts are in flight and counts one
// more; false when ctx ends first.
func (g *gate) acquire(ctx context.Context, limit int) bool { return g.enter(ctx, limit, 1) }

// enter waits until fewer than limit puts are in flight and then adds add
// to the count; false when ctx ends first.
func (g *gate) enter(ctx context.Context, limit, add int) bool {
	for {
		g.mu.Lock()
		if g.n < limit {
			g.n += add
			g.mu.Unlock()
			return true
		}
		fell := g.fell
		g.mu.Unlock()
		select {
		case <-fell:
		case <-ctx.Done():
			return false
		}
	}
}

// release counts one put less.
func (g *gate) release() {
	g.mu.Lock()
	g.n--
	close(g.fell)
	g.fell = make(chan struct{})
	g.mu.Unlock()
}

// putsInFlight is how many analysed articles may wait for the store at
// once: enough that a store which group-commits gets batches of a hundred
// articles or more while the workers analyse the next ones, few enough
// that memory stays flat (an article waiting holds its text and facts,
// not the Doc's token layers: some tens of kilobytes).
func putsInFlight(workers int) int { return max(256, 64*workers) }

// process ingests one item.
func process(ctx context.Context, it Item, store dossier.Store, analyze Analyzer) result {
	r, a, ok := prepare(ctx, it, store, analyze)
	if !ok {
		return r
	}
	return put(ctx, it, a, store)
}

// prepare checks and analyses one item. It returns the analysis of the
// article and true, or the item's result and false when it is done:
// failed, cancelled or a duplicate. Only the analysis is kept for the
// store, not the Doc with its token layers.
func prepare(ctx context.Context, it Item, store dossier.Store, analyze Analyzer) (result, dossier.Analysis, bool) {
	r := result{name: it.Name}
	fail := func(format string, args ...any) (result, dossier.Analysis, bool) {
		if ctx.Err() != nil {
			return result{outcome: cancelled, name: it.Name}, dossier.Analysis{}, false
		}
		r.outcome, r.reason = failed, fmt.Sprintf(format, args...)
		return r, dossier.Analysis{}, false
	}
	if it.Err != nil {
		return fail("%v", it.Err)
	}
	if strings.TrimSpace(it.Article.Text) == "" {
		return fail("no text")
	}
	has, err := store.HasHash(ctx, dossier.ContentHash(it.Article.Text))
	if err != nil {
		return fail("store: %v", err)
	}
	if has {
		r.outcome = duplicate
		return r, dossier.Analysis{}, false
	}
	doc, err := safeAnalyze(ctx, analyze, it.Article)
	if err != nil {
		return fail("analyze: %v", err)
	}
	return r, doc.Analysis(), true
}

// put stores the analysis of one item.
func put(ctx context.Context, it Item, a dossier.Analysis, store dossier.Store) result {
	r := result{name: it.Name}
	res, err := store.PutAnalysis(ctx, a, dossier.Origin{Name: it.Name, Format: it.Format, Raw: it.Raw, Map: it.Map})
	if err != nil {
		if ctx.Err() != nil {
			return result{outcome: cancelled, name: it.Name}
		}
		r.outcome, r.reason = failed, fmt.Sprintf("store: %v", err)
		return r
	}
	switch {
	case res.Duplicate:
		r.outcome = duplicate
	case res.NearDuplicateOf != 0:
		r.outcome = nearDuplicate
	default:
		r.outcome = ingested
	}
	return r
}

// safeAnalyze runs analyze, turning a panic into an error so that one bad
// article cannot stop a batch.
func safeAnalyze(ctx context.Context, analyze Analyzer, a dossier.Article) (doc *nlp.Doc, err error) {
	defer func() {
		if p := recover(); p != nil {
			doc, err = nil, fmt.Errorf("panic: %v", p)
		}
	}()
	doc, err = analyze(ctx, a)
	if err == nil && doc == nil {
		err = errors.New("no result")
	}
	return doc, err
}

// Loader reads one queued item (a file path, a URL) and sends each article
// in it to emit, or an Item with Err set for what cannot be read. Its error
// means the item as a whole could not be read.
type Loader func(ctx context.Context, item string, emit func(Item)) error

// Work takes items of batch from the store's work queue, as worker, until
// none is pending: each of opts.Workers goroutines claims one job at a
// time, loads it, ingests its articles and marks the job finished only
// after they are stored, so a job whose worker dies is redone after its
// lease (jobs claimed longer than opts.Lease are reclaimed when Work
// starts and whenever the queue runs dry). Several processes may run Work
// on one batch; no item is processed by two of them unless a lease expires.
func Work(ctx context.Context, store dossier.Store, batch, worker string, load Loader, analyze Analyzer, opts Options) (Summary, error) {
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	lease := opts.Lease
	if lease <= 0 {
		lease = DefaultLease
	}
	if _, err := store.Reclaim(ctx, batch, lease); err != nil {
		return Summary{}, fmt.Errorf("engine: work: %w", err)
	}
	var (
		mu   sync.Mutex
		sum  Summary
		errs []error
		wg   sync.WaitGroup
	)
	record := func(r result) {
		mu.Lock()
		defer mu.Unlock()
		sum.record(r)
		if opts.Progress != nil && r.outcome != cancelled {
			opts.Progress(sum)
		}
	}
	for w := range workers {
		name := fmt.Sprintf("%s/%d", worker, w)
		wg.Go(func() {
			for ctx.Err() == nil {
				jobs, err := store.Claim(ctx, batch, name, 1)
				if err == nil && len(jobs) == 0 {
					// Nothing pending: take back jobs of dead workers, if any.
					var n int
					if n, err = store.Reclaim(ctx, batch, lease); err == nil && n == 0 {
						// Jobs still claimed belong to live workers or to dead
						// ones whose lease has not run out: wait for them, so
						// that a run started after a crash completes the batch.
						var q dossier.QueueCounts
						if q, err = store.Queue(ctx, batch); err == nil && q.Claimed == 0 {
							return
						}
						if err == nil {
							select {
							case <-ctx.Done():
							case <-time.After(idlePoll(lease)):
							}
							continue
						}
					}
					if err == nil {
						continue
					}
				}
				if err != nil {
					mu.Lock()
					errs = append(errs, err)
					mu.Unlock()
					return
				}
				job := jobs[0]
				lerr := load(ctx, job.Item, func(it Item) { record(process(ctx, it, store, analyze)) })
				if ctx.Err() != nil {
					return // the job stays claimed and is reclaimed later
				}
				msg := ""
				if lerr != nil {
					msg = lerr.Error()
					record(result{outcome: failed, name: job.Item, reason: msg})
				}
				if err := store.Finish(ctx, job.ID, msg); err != nil && ctx.Err() == nil {
					mu.Lock()
					errs = append(errs, err)
					mu.Unlock()
					return
				}
			}
		})
	}
	wg.Wait()
	if err := errors.Join(append(errs, ctx.Err())...); err != nil {
		return sum, fmt.Errorf("engine: work: %w", err)
	}
	return sum, nil
}
