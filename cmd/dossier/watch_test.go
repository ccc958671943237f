package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"dossier/fetch"
)

// watchFeed is an RSS feed of three short local-news items.
const watchFeed = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
<channel>
<title>Harbor City Ledger</title>
<link>https://ledger.example.com/</link>
<description>Local news</description>
<item>
<title>Council delays vote on transit levy</title>
<link>https://ledger.example.com/2026/03/transit-levy</link>
<pubDate>Sun, 08 Mar 2026 09:00:00 GMT</pubDate>
<description>The city council on Saturday postponed a vote on a proposed transit levy after residents packed the chamber. Council member Rosa Delgado said the plan needed "another month of honest debate" before it could pass.</description>
</item>
<item>
<title>Port authority reports record cargo</title>
<link>https://ledger.example.com/2026/03/port-cargo</link>
<pubDate>Sat, 07 Mar 2026 15:30:00 GMT</pubDate>
<description>The Harbor City port authority said on Friday that container traffic rose 12 percent last year, to 1.4 million units. Its director, Malik Osei, credited a new rail link to the interior.</description>
</item>
<item>
<title>School board names new superintendent</title>
<link>https://ledger.example.com/2026/03/superintendent</link>
<pubDate>Fri, 06 Mar 2026 18:00:00 GMT</pubDate>
<description>The school board voted 5-2 on Thursday to hire Janet Park, a deputy superintendent in a neighbouring district, as the head of the city's schools. She starts in July.</description>
</item>
</channel>
</rss>
`

// feedServer serves watchFeed at /feed.xml with an ETag, answering a
// matching If-None-Match with 304, and counts the 304s.
type feedServer struct {
	*httptest.Server
	mu          sync.Mutex
	requests    int
	notModified int
}

func newFeedServer(t *testing.T) *feedServer {
	t.Helper()
	fs := &feedServer{}
	fs.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/feed.xml" {
			http.NotFound(w, r)
			return
		}
		fs.mu.Lock()
		fs.requests++
		const etag = `"ledger-42"`
		w.Header().Set("ETag", etag)
		if r.Header.Get("If-None-Match") == etag {
			fs.notModified++
			fs.mu.Unlock()
			w.WriteHeader(http.StatusNotModified)
			return
		}
		fs.mu.Unlock()
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, watchFeed)
	}))
	t.Cleanup(fs.Close)
	return fs
}

func decodePoll(t *testing.T, out string) watchPoll {
	t.Helper()
	var p watchPoll
	if err := json.Unmarshal([]byte(out), &p); err != nil {
		t.Fatalf("watch --json output is not one JSON object: %v\n%s", err, out)
	}
	return p
}

// TestWatchOnce polls the feed twice, in two processes sharing one store:
// the first stores the three items, the second adds nothing.
func TestWatchOnce(t *testing.T) {
	srv := newFeedServer(t)
	db := filepath.Join(t.TempDir(), "w.db")
	feed := srv.URL + "/feed.xml"
	tests := []struct {
		name           string
		wantIngested   int
		wantDuplicates int
	}{
		{"first poll", 3, 0},
		{"second poll", 0, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errs := run(t, "", "watch", feed, "--allow-private", "--once", "--db", db, "--json")
			if code != 0 {
				t.Fatalf("watch exit %d: %s", code, errs)
			}
			p := decodePoll(t, out)
			if p.Ingested != tt.wantIngested || p.Duplicates != tt.wantDuplicates || p.Failed != 0 || p.Feeds != 1 {
				t.Errorf("watch %s = %+v, want ingested %d, duplicates %d, failed 0, feeds 1", feed, p, tt.wantIngested, tt.wantDuplicates)
			}
		})
	}
	code, out, errs := run(t, "", "stats", "--db", db, "--json")
	if code != 0 {
		t.Fatalf("stats exit %d: %s", code, errs)
	}
	var st struct {
		ArticlesTotal int `json:"articles_total"`
	}
	if err := json.Unmarshal([]byte(out), &st); err != nil || st.ArticlesTotal != 3 {
		t.Errorf("stats after two polls = %s (%v), want articles_total 3", out, err)
	}
}

// TestWatchConditional polls twice in one process: the second poll sends
// the remembered ETag, gets 304 and ingests nothing.
func TestWatchConditional(t *testing.T) {
	srv := newFeedServer(t)
	ctx := context.Background()
	store, err := openStore(ctx, filepath.Join(t.TempDir(), "w.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	analyze, err := analyzer()
	if err != nil {
		t.Fatal(err)
	}
	w := &watcher{
		feeds:   []string{srv.URL + "/feed.xml"},
		client:  fetch.New(fetch.Options{AllowPrivate: true}),
		store:   store,
		analyze: analyze,
		workers: 2,
		state:   map[string]feedState{},
	}
	tests := []struct {
		wantIngested, wantNotModified int
	}{
		{3, 0},
		{0, 1},
		{0, 1},
	}
	for i, tt := range tests {
		p := w.poll(ctx, i+1)
		if p.Ingested != tt.wantIngested || p.NotModified != tt.wantNotModified || p.Failed != 0 {
			t.Errorf("poll %d = %+v, want ingested %d, not modified %d, failed 0", i+1, p, tt.wantIngested, tt.wantNotModified)
		}
	}
	srv.mu.Lock()
	defer srv.mu.Unlock()
	if srv.requests != 3 || srv.notModified != 2 {
		t.Errorf("server saw %d requests, %d answered 304; want 3 and 2", srv.requests, srv.notModified)
	}
}

// TestWatchRefusesPrivate: without --allow-private a feed on 127.0.0.1 is
// refused, with an error that names the address and the flag.
func TestWatchRefusesPrivate(t *testing.T) {
	srv := newFeedServer(t)
	db := filepath.Join(t.TempDir(), "w.db")
	code, _, errs := run(t, "", "watch", srv.URL+"/feed.xml", "--once", "--db", db)
	if code != 1 {
		t.Errorf("watch exit %d, want 1", code)
	}
	for _, want := range []string{"127.0.0.1", "private address refused", "--allow-private", "1 unreachable"} {
		if !strings.Contains(errs, want) {
			t.Errorf("watch stderr = %q, want it to contain %q", errs, want)
		}
	}
	srv.mu.Lock()
	defer srv.mu.Unlock()
	if srv.requests != 0 {
		t.Errorf("the server saw %d requests, want 0", srv.requests)
	}
}

func TestWatchUsage(t *testing.T) {
	tests := []struct {
		name string
		give []string
	}{
		{"no feed", []string{"watch", "--once"}},
		{"file path", []string{"watch", "feeds/ledger.xml", "--once"}},
		{"other scheme", []string{"watch", "ftp://ledger.example.com/feed.xml", "--once"}},
		{"no host", []string{"watch", "http:///feed.xml", "--once"}},
		{"interval too short", []string{"watch", "https://ledger.example.com/feed.xml", "--every", "10ms"}},
		{"bad interval", []string{"watch", "https://ledger.example.com/feed.xml", "--every", "often"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, errs := run(t, "", tt.give...)
			if code != 2 {
				t.Errorf("Run(%q) = %d, want 2 (stderr %q)", tt.give, code, errs)
			}
		})
	}
}

// TestWatchStops: without --once, watch polls, waits, and returns 0 as soon
// as its context is cancelled.
func TestWatchStops(t *testing.T) {
	srv := newFeedServer(t)
	db := filepath.Join(t.TempDir(), "w.db")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	out := &syncBuffer{}
	m := &Main{Stdin: strings.NewReader(""), Stdout: out, Stderr: out}
	done := make(chan int, 1)
	go func() {
		done <- m.Run(ctx, []string{"watch", srv.URL + "/feed.xml", "--allow-private", "--every", "1h", "--db", db})
	}()
	deadline := time.After(20 * time.Second)
	for !strings.Contains(out.String(), "poll 1 ") {
		select {
		case <-deadline:
			t.Fatalf("no poll reported in 20s; output %q", out.String())
		case <-time.After(10 * time.Millisecond):
		}
	}
	cancel()
	select {
	case code := <-done:
		if code != 0 {
			t.Errorf("watch after cancel exit %d, want 0; output %q", code, out.String())
		}
	case <-time.After(5 * time.Second):
		t.Fatalf("watch did not stop within 5s of cancel")
	}
}

// syncBuffer is a strings.Builder safe for one writer and one reader.
type syncBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}
