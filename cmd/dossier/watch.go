package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"net/url"
	"time"

	"dossier"
	"dossier/engine"
	"dossier/fetch"
	"dossier/ingest"
)

// minWatchInterval keeps --every from hammering a server.
const minWatchInterval = time.Second

// watchPoll is the outcome of one poll: a line on stderr, or one JSON object
// per line on stdout with --json.
type watchPoll struct {
	Poll int       `json:"poll"`
	Time time.Time `json:"time"`
	// Feeds is the number of feeds polled; NotModified those unchanged
	// since the last poll (304, or the same bytes), Unreachable those that
	// could not be fetched (also counted in Failed, with the reason).
	Feeds          int              `json:"feeds"`
	NotModified    int              `json:"not_modified"`
	Unreachable    int              `json:"unreachable"`
	Ingested       int              `json:"ingested"`
	Duplicates     int              `json:"duplicates"`
	NearDuplicates int              `json:"near_duplicates"`
	Failed         int              `json:"failed"`
	Failures       []engine.Failure `json:"failures,omitempty"`
}

// feedState is what a watcher remembers of a feed between polls.
type feedState struct {
	cond fetch.Conditional
	sum  [sha256.Size]byte // of the last body, for servers without validators
}

// watcher polls a set of feeds into a store.
type watcher struct {
	feeds   []string
	client  *fetch.Client
	store   dossier.Store
	analyze engine.Analyzer
	workers int
	// state is read and written only by the fetching goroutine of a poll,
	// and polls do not overlap.
	state map[string]feedState
}

// watch is `dossier watch FEED_URL... [--every 10m] [--db DSN]
// [--allow-private] [--once] [--workers N] [--json]`: every interval it
// fetches each feed with a conditional GET and ingests the items not yet
// stored. A feed that cannot be fetched is reported and polled again next
// time; with --once the command then exits 1. It stops cleanly, exit 0,
// when ctx is cancelled (SIGINT).
func (m *Main) watch(ctx context.Context, args []string) error {
	fset := flag.NewFlagSet("watch", flag.ContinueOnError)
	every := fset.Duration("every", 10*time.Minute, "time between polls")
	db := fset.String("db", "", dbFlagHelp)
	allowPrivate := fset.Bool("allow-private", false, "let feeds reach loopback, private and link-local addresses")
	once := fset.Bool("once", false, "poll once and exit")
	workers := fset.Int("workers", 0, "articles analysed at once (default: the number of cores)")
	asJSON := fset.Bool("json", false, "print each poll as one JSON object per line on stdout")
	pos, err := parseInterleaved(fset, args)
	if err != nil {
		return err
	}
	feeds, err := feedURLs(pos)
	if err != nil {
		return usageError{err}
	}
	if *every < minWatchInterval {
		return usageError{fmt.Errorf("--every %v: want at least %v", *every, minWatchInterval)}
	}
	store, err := openStore(ctx, storeDSN(*db))
	if err != nil {
		return err
	}
	defer store.Close()
	analyze, err := analyzer()
	if err != nil {
		return err
	}
	w := &watcher{
		feeds:   feeds,
		client:  fetch.New(fetch.Options{AllowPrivate: *allowPrivate}),
		store:   store,
		analyze: analyze,
		workers: *workers,
		state:   map[string]feedState{},
	}
	ticker := time.NewTicker(*every)
	defer ticker.Stop()
	for n := 1; ; n++ {
		p := w.poll(ctx, n)
		if ctx.Err() != nil {
			return nil // interrupted: stop without a partial report
		}
		if err := m.reportPoll(p, *asJSON); err != nil {
			return err
		}
		if *once {
			if p.Unreachable > 0 {
				return fmt.Errorf("%d of %d feeds could not be fetched", p.Unreachable, p.Feeds)
			}
			return nil
		}
		select {
		case <-ctx.Done():
			return nil
		case <-ticker.C:
		}
	}
}

// feedURLs checks the feed arguments (http or https URLs with a host) and
// drops repeats.
func feedURLs(args []string) ([]string, error) {
	if len(args) == 0 {
		return nil, errors.New("watch needs at least one FEED_URL")
	}
	seen := map[string]bool{}
	var out []string
	for _, a := range args {
		u, err := url.Parse(a)
		if err != nil {
			return nil, fmt.Errorf("feed %q: %w", a, err)
		}
		if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return nil, fmt.Errorf("feed %q: want an http:// or https:// URL", a)
		}
		if !seen[a] {
			seen[a] = true
			out = append(out, a)
		}
	}
	return out, nil
}

// poll fetches every feed once and ingests its items. Fetching runs ahead
// of the engine's workers, one feed after another.
func (w *watcher) poll(ctx context.Context, n int) watchPoll {
	p := watchPoll{Poll: n, Time: time.Now().UTC().Truncate(time.Second), Feeds: len(w.feeds)}
	src := make(chan engine.Item, 64)
	done := make(chan struct{})
	go func() {
		defer close(done)
		defer close(src)
		emit := func(it engine.Item) bool {
			select {
			case src <- it:
				return true
			case <-ctx.Done():
				return false
			}
		}
		for _, feed := range w.feeds {
			if ctx.Err() != nil {
				return
			}
			body, changed, err := w.fetch(ctx, feed)
			switch {
			case err != nil:
				p.Unreachable++
				if !emit(engine.Item{Name: feed, Err: err}) {
					return
				}
				continue
			case !changed:
				p.NotModified++
				continue
			}
			for it := range ingest.Open(feed, bytes.NewReader(body), ingest.Options{}) {
				if !emit(engine.Item{Name: it.Name, Article: it.Article, Format: it.Format.String(), Raw: it.Raw, Map: it.Map, Err: it.Err}) {
					return
				}
			}
		}
	}()
	sum, _ := engine.Ingest(ctx, src, w.store, w.analyze, engine.Options{Workers: w.workers})
	<-done // the fetcher is finished with p and w.state
	p.Ingested, p.Duplicates, p.NearDuplicates = sum.Ingested, sum.Duplicates, sum.NearDuplicates
	p.Failed, p.Failures = sum.Failed, sum.Failures
	return p
}

// fetch gets a feed conditionally and reports whether it changed since the
// last poll: a 304, or a body identical to the last one, is no change.
func (w *watcher) fetch(ctx context.Context, feed string) (body []byte, changed bool, err error) {
	st := w.state[feed]
	resp, err := w.client.Get(ctx, feed, st.cond)
	if err != nil {
		if errors.Is(err, fetch.ErrPrivateAddress) {
			err = fmt.Errorf("%w (--allow-private permits it)", err)
		}
		return nil, false, err
	}
	st.cond = fetch.Conditional{ETag: resp.ETag, LastModified: resp.LastModified}
	if resp.NotModified {
		w.state[feed] = st
		return nil, false, nil
	}
	sum := sha256.Sum256(resp.Body)
	if _, seen := w.state[feed]; seen && sum == st.sum {
		w.state[feed] = st
		return nil, false, nil
	}
	st.sum = sum
	w.state[feed] = st
	return resp.Body, true, nil
}

// reportPoll prints one poll: failures and a summary line on stderr, or one
// JSON line on stdout.
func (m *Main) reportPoll(p watchPoll, asJSON bool) error {
	if asJSON {
		if err := json.NewEncoder(m.Stdout).Encode(p); err != nil {
			return fmt.Errorf("write: %w", err)
		}
		return nil
	}
	for _, f := range p.Failures {
		fmt.Fprintf(m.Stderr, "failed: %s: %s\n", f.Name, f.Reason)
	}
	fmt.Fprintf(m.Stderr, "poll %d at %s: %d feeds, %d not modified, %d unreachable; ingested %d, duplicates %d, near-duplicates %d, failed %d\n",
		p.Poll, p.Time.Format(time.RFC3339), p.Feeds, p.NotModified, p.Unreachable,
		p.Ingested, p.Duplicates, p.NearDuplicates, p.Failed)
	return nil
}
