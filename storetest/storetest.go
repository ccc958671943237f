// Package storetest is the conformance suite of dossier.Store: every
// backend (sqlite, postgres) runs it from its own tests, as litestream runs
// one suite against every replica client.
//
//	func TestStore(t *testing.T) {
//		storetest.Run(t, func(t *testing.T) dossier.Store { return mustOpen(t) })
//	}
//
// open must return an empty store and close it when the test ends
// (t.Cleanup).
package storetest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"dossier"
	"dossier/textpos"
)

// Run runs the conformance suite; open makes a fresh, empty store for each
// subtest.
func Run(t *testing.T, open func(t *testing.T) dossier.Store) {
	tests := []struct {
		name string
		fn   func(t *testing.T, s dossier.Store)
	}{
		{"RoundTrip", testRoundTrip},
		{"Idempotent", testIdempotent},
		{"NearDuplicate", testNearDuplicate},
		{"Search", testSearch},
		{"Atomic", testAtomic},
		{"NotFound", testNotFound},
		{"QueueExactlyOnce", testQueueExactlyOnce},
		{"QueueLease", testQueueLease},
		{"QueueFinish", testQueueFinish},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.fn(t, open(t))
		})
	}
}

// Report is a fixture written for these tests in the manner of wire news.
// Its people and places are invented.
const Report = `The central bank of Norland raised its main interest rate by half a percentage point on Tuesday, its third increase this year, as prices for food and fuel kept climbing.

Governor Ilse Marven told reporters in Kastel that the bank "will do whatever it takes to bring inflation back to target." She said the rate would stay at 4.5% until the spring.

Finance Minister Tomas Reld denied that the government had pressed the bank to act. "There was no contact of that kind whatsoever," he said.

Two officials familiar with the talks said the decision had been unanimous. Opposition leader Petra Hollis accused the government of losing control of prices.

The krone rose 1.2% to 10.85 per dollar after the announcement, while the main share index fell 0.8%. Analysts at Vester Bank expect another increase in March, when the next figures on wages are due.

Shops in the capital reported that sales fell for a second month in February, and several chains said they would delay hiring until the summer.`

// span returns the span of the n-th (from 0) occurrence of sub in text.
func span(t testing.TB, text, sub string, n int) textpos.Span {
	t.Helper()
	off := 0
	for i := 0; ; i++ {
		j := strings.Index(text[off:], sub)
		if j < 0 {
			t.Fatalf("fixture: %q (occurrence %d) not in text", sub, n)
		}
		if i == n {
			return textpos.Span{Start: off + j, End: off + j + len(sub)}
		}
		off += j + len(sub)
	}
}

func f64(v float64) *float64 { return &v }

// Sample returns an analysis of Report with every kind of fact.
func Sample(t testing.TB) dossier.Analysis {
	t.Helper()
	text := Report
	sp := func(sub string) textpos.Span { return span(t, text, sub, 0) }
	return dossier.Analysis{
		Article: dossier.Article{
			Title:  "Norland central bank raises rates again",
			Date:   time.Date(2026, 2, 10, 0, 0, 0, 0, time.UTC),
			Source: "Example Wire",
			URL:    "https://news.example.com/norland-rates",
			Text:   text,
		},
		Entities: []dossier.Entity{
			{ID: "e1", Name: "Ilse Marven", Type: dossier.Person, Title: "Governor", Mentions: []dossier.Mention{
				{Span: sp("Ilse Marven"), Kind: dossier.MentionName},
				{Span: sp("She"), Kind: dossier.MentionPronoun},
			}},
			{ID: "e2", Name: "Tomas Reld", Type: dossier.Person, Title: "Finance Minister", Mentions: []dossier.Mention{
				{Span: sp("Tomas Reld"), Kind: dossier.MentionName},
				{Span: span(t, text, "he said", 1), Kind: dossier.MentionPronoun}, // 0 is inside "She said"
			}},
			{ID: "e3", Name: "Norland", Type: dossier.GPE, Mentions: []dossier.Mention{{Span: sp("Norland"), Kind: dossier.MentionName}}},
			{ID: "e4", Name: "Petra Hollis", Type: dossier.Person, Title: "Opposition leader", Party: "", Region: "",
				Mentions: []dossier.Mention{{Span: sp("Petra Hollis"), Kind: dossier.MentionName}}},
			{ID: "e5", Name: "Vester Bank", Type: dossier.Org, LinkedTo: "e3"},
		},
		Quotes: []dossier.Quote{
			{ID: "q1", Kind: dossier.Direct, Content: sp(`"will do whatever it takes to bring inflation back to target."`),
				Cue: sp("told"), Source: sp("Governor Ilse Marven"), Speaker: "e1", SpeakerName: "Ilse Marven",
				SourceType: dossier.SourceNamed, Addressee: sp("reporters"), Stance: dossier.Asserts, Class: dossier.ClassSpeech},
			{ID: "q2", Kind: dossier.Direct, Content: sp(`"There was no contact of that kind whatsoever,"`),
				Cue: sp("said."), Source: span(t, text, "he said", 1), Speaker: "e2", SpeakerName: "Tomas Reld",
				SourceType: dossier.SourceNamed, Stance: dossier.Asserts, Class: dossier.ClassSpeech},
			// No class: as written by components that do not classify.
			{ID: "q3", Kind: dossier.Indirect, Content: sp("the decision had been unanimous"),
				Source: sp("Two officials familiar with the talks"), SpeakerName: "Two officials familiar with the talks",
				SourceType: dossier.SourceAnonymous, SourceCount: 2, Stance: dossier.Asserts},
			{ID: "q4", Kind: dossier.Indirect, Content: sp("another increase in March"), Cue: sp("expect"),
				Source: sp("Analysts at Vester Bank"), SpeakerName: "Analysts at Vester Bank",
				SourceType: dossier.SourceAnonymous, Stance: dossier.Uncertain, Class: dossier.ClassBelief},
		},
		Claims: []dossier.Claim{
			{ID: "c1", Statement: "the government pressed the bank to raise rates", Entities: []string{"e2", "e3"},
				Stances: []dossier.Stance{
					{Speaker: "e2", SpeakerName: "Tomas Reld", Source: sp("Finance Minister Tomas Reld"),
						SourceType: dossier.SourceNamed, Stance: dossier.Denies, Cue: sp("denied"),
						Evidence: sp("denied that the government had pressed the bank to act"), Quote: "q2"},
					{Speaker: "e4", SpeakerName: "Petra Hollis", Source: sp("Petra Hollis"),
						SourceType: dossier.SourceNamed, Stance: dossier.Asserts, Cue: sp("accused"), Hedge: "",
						Evidence: sp("accused the government of losing control of prices")},
				}},
			{ID: "c2", Statement: "the decision was unanimous",
				Stances: []dossier.Stance{
					{SpeakerName: "Two officials familiar with the talks", Source: sp("Two officials familiar with the talks"),
						SourceType: dossier.SourceAnonymous, SourceCount: 2, Stance: dossier.Asserts, Hedge: "reportedly",
						Evidence: sp("the decision had been unanimous"), Quote: "q3"},
				}},
		},
		Timex: []dossier.Timex{
			{Span: sp("Tuesday"), Type: dossier.Date, Value: "2026-02-10"},
			{Span: sp("this year"), Type: dossier.Date, Value: "2026"},
			{Span: sp("the spring"), Type: dossier.Date, Value: "2026-SP"},
			{Span: sp("March"), Type: dossier.Date, Value: "2026-03"},
		},
		Figures: []dossier.Figure{
			{Span: sp("4.5%"), Kind: dossier.Percent, Value: f64(4.5), Unit: "percent"},
			{Span: sp("The krone rose 1.2% to 10.85"), Kind: dossier.Move, Instrument: "krone", Direction: dossier.Up,
				ChangePct: f64(1.2), Level: f64(10.85)},
			{Span: sp("the main share index fell 0.8%"), Kind: dossier.Move, Instrument: "main share index",
				Direction: dossier.Down, ChangePct: f64(0.8)},
		},
		Producers: map[string]string{"entities": "ner.rules.v1", "quotes": "attribution.rules.v1", "timex": "timex.rules.v1"},
	}
}

// factCounts counts the facts of a by kind, as Stats.ByKind should.
func factCounts(a dossier.Analysis) map[string]int64 {
	m := map[string]int64{
		dossier.KindEntities: int64(len(a.Entities)),
		dossier.KindQuotes:   int64(len(a.Quotes)),
		dossier.KindClaims:   int64(len(a.Claims)),
		dossier.KindTimex:    int64(len(a.Timex)),
		dossier.KindFigures:  int64(len(a.Figures)),
	}
	for _, e := range a.Entities {
		m[dossier.KindMentions] += int64(len(e.Mentions))
	}
	for _, c := range a.Claims {
		m[dossier.KindStances] += int64(len(c.Stances))
	}
	return m
}

func put(t *testing.T, s dossier.Store, a dossier.Analysis) dossier.PutResult {
	t.Helper()
	res, err := s.PutAnalysis(context.Background(), a, dossier.Origin{Name: "test"})
	if err != nil {
		t.Fatalf("PutAnalysis(%q) error: %v", a.Article.Title, err)
	}
	return res
}

func stats(t *testing.T, s dossier.Store) dossier.Stats {
	t.Helper()
	st, err := s.Stats(context.Background())
	if err != nil {
		t.Fatalf("Stats() error: %v", err)
	}
	return st
}

func testRoundTrip(t *testing.T, s dossier.Store) {
	ctx := context.Background()
	want := Sample(t)
	origin := dossier.Origin{Name: "feeds/wire.xml#1", Format: "rss", Raw: []byte("<item>raw bytes</item>")}
	// The text's first bytes come from the raw item, past its tag.
	origin.Map.Add(textpos.Segment{Text: textpos.Span{Start: 0, End: 3}, Raw: textpos.Span{Start: 6, End: 9}})
	origin.Map.Add(textpos.Segment{Text: textpos.Span{Start: 4, End: 9}, Raw: textpos.Span{Start: 10, End: 15}})
	res, err := s.PutAnalysis(ctx, want, origin)
	if err != nil {
		t.Fatalf("PutAnalysis() error: %v", err)
	}
	if res.ArticleID == 0 || res.Duplicate || res.NearDuplicateOf != 0 {
		t.Fatalf("PutAnalysis() = %+v, want a new article", res)
	}
	got, err := s.Analysis(ctx, res.ArticleID)
	if err != nil {
		t.Fatalf("Analysis(%d) error: %v", res.ArticleID, err)
	}
	if !got.Analysis.Article.Date.Equal(want.Article.Date) {
		t.Errorf("Analysis(%d).Article.Date = %v, want %v", res.ArticleID, got.Analysis.Article.Date, want.Article.Date)
	}
	got.Analysis.Article.Date = want.Article.Date
	if len(got.Analysis.Quotes) == len(want.Quotes) {
		for i, q := range got.Analysis.Quotes {
			if q.Class != want.Quotes[i].Class {
				t.Errorf("Analysis(%d).Quotes[%d].Class = %q, want %q", res.ArticleID, i, q.Class, want.Quotes[i].Class)
			}
		}
	}
	if !reflect.DeepEqual(got.Analysis, want) {
		t.Errorf("Analysis(%d) = %+v\nwant %+v", res.ArticleID, got.Analysis, want)
	}
	if got.ID != res.ArticleID || got.Hash != dossier.ContentHash(want.Article.Text) {
		t.Errorf("Analysis(%d) id, hash = %d, %s; want %d, %s", res.ArticleID, got.ID, got.Hash, res.ArticleID, dossier.ContentHash(want.Article.Text))
	}
	if got.Origin.Name != origin.Name || got.Origin.Format != origin.Format || !bytes.Equal(got.Origin.Raw, origin.Raw) ||
		!reflect.DeepEqual(got.Origin.Map.Segments(), origin.Map.Segments()) {
		t.Errorf("Analysis(%d).Origin = %+v, want %+v", res.ArticleID, got.Origin, origin)
	}

	// A second article without a date, title or facts.
	bare := dossier.Analysis{Article: dossier.Article{Text: "A short note with no facts."}}
	res2 := put(t, s, bare)
	got2, err := s.Analysis(ctx, res2.ArticleID)
	if err != nil {
		t.Fatalf("Analysis(%d) error: %v", res2.ArticleID, err)
	}
	if !reflect.DeepEqual(got2.Analysis, bare) {
		t.Errorf("Analysis(%d) = %+v, want %+v", res2.ArticleID, got2.Analysis, bare)
	}

	st := stats(t, s)
	wantKinds := factCounts(want)
	var wantTotal int64
	for _, k := range dossier.FactKinds() {
		wantTotal += wantKinds[k]
	}
	if st.ArticlesTotal != 2 || st.FactsTotal != wantTotal || !reflect.DeepEqual(st.ByKind, wantKinds) {
		t.Errorf("Stats() = %+v, want 2 articles, %d facts, by kind %v", st, wantTotal, wantKinds)
	}
}

func testIdempotent(t *testing.T, s dossier.Store) {
	ctx := context.Background()
	a := Sample(t)
	first := put(t, s, a)
	before := stats(t, s)

	// The same text differing only in case and spacing is the same article.
	respaced := a
	respaced.Article.Text = "  " + strings.ToUpper(strings.ReplaceAll(a.Article.Text, " ", " \n\t ")) + "\n"
	respaced.Entities, respaced.Quotes, respaced.Claims, respaced.Timex, respaced.Figures = nil, nil, nil, nil, nil
	tests := []struct {
		name string
		give dossier.Analysis
	}{
		{"same", a},
		{"respaced", respaced},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := put(t, s, tt.give)
			want := dossier.PutResult{ArticleID: first.ArticleID, Duplicate: true}
			if res != want {
				t.Errorf("PutAnalysis(%s) = %+v, want %+v", tt.name, res, want)
			}
		})
	}
	if after := stats(t, s); !reflect.DeepEqual(after, before) {
		t.Errorf("Stats() after re-put = %+v, want %+v", after, before)
	}

	hashes := []struct {
		give string
		want bool
	}{
		{dossier.ContentHash(a.Article.Text), true},
		{dossier.ContentHash(respaced.Article.Text), true},
		{dossier.ContentHash("Another article entirely."), false},
	}
	for _, tt := range hashes {
		got, err := s.HasHash(ctx, tt.give)
		if err != nil || got != tt.want {
			t.Errorf("HasHash(%q) = %v, %v; want %v, nil", tt.give, got, err, tt.want)
		}
	}
}

func testNearDuplicate(t *testing.T, s dossier.Store) {
	a := Sample(t)
	first := put(t, s, a)

	// Syndicated copies: one site changes a word and adds its own credit
	// line; another copies that copy and changes a figure.
	copy1 := dossier.Analysis{Article: dossier.Article{Title: "Norland raises rates", Text: strings.Replace(a.Article.Text,
		"kept climbing", "continued climbing", 1) + "\n\nReporting by a staff writer; editing by the news desk."}}
	copy2 := dossier.Analysis{Article: dossier.Article{Text: strings.Replace(copy1.Article.Text, "1.2%", "1.3%", 1)}}
	other := dossier.Analysis{Article: dossier.Article{Text: `Heavy rain flooded roads across the north of Norland on Monday, and rail services between the two largest cities were suspended for most of the day.

The weather service said more rain was expected overnight, and the emergency ministry opened shelters in three towns. Farmers warned that the harvest of winter crops could be delayed by weeks.`}}

	tests := []struct {
		name string
		give dossier.Analysis
		want int64 // NearDuplicateOf
	}{
		{"copy", copy1, first.ArticleID},
		{"copy of copy", copy2, first.ArticleID},
		{"unrelated", other, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h1, _ := dossier.Fingerprint(a.Article.Text)
			h2, _ := dossier.Fingerprint(tt.give.Article.Text)
			res := put(t, s, tt.give)
			if res.Duplicate || res.NearDuplicateOf != tt.want {
				t.Errorf("PutAnalysis(%s) = %+v, want NearDuplicateOf %d (Fingerprint distance %d)", tt.name, res, tt.want,
					dossier.HammingDistance(h1, h2))
			}
			got, err := s.Analysis(context.Background(), res.ArticleID)
			if err != nil || got.NearDuplicateOf != tt.want {
				t.Errorf("Analysis(%d).NearDuplicateOf = %d, %v; want %d, nil", res.ArticleID, got.NearDuplicateOf, err, tt.want)
			}
		})
	}
	st := stats(t, s)
	if st.ArticlesTotal != 4 || st.NearDuplicates != 2 {
		t.Errorf("Stats() = %+v, want 4 articles of which 2 near-duplicates", st)
	}
}

func testSearch(t *testing.T, s dossier.Store) {
	ctx := context.Background()
	a := Sample(t)
	rates := put(t, s, a)
	floods := put(t, s, dossier.Analysis{Article: dossier.Article{Title: "Floods close northern railways",
		Text: "Heavy rain flooded roads and railways. The railway operator said railways in the north would stay closed. Inflation was not discussed."}})

	tests := []struct {
		give      string
		wantFirst int64
		wantKind  string
		wantWord  string // a word the first snippet marks
		wantHits  int    // -1: at least one
	}{
		{give: "railways", wantFirst: floods.ArticleID, wantKind: dossier.HitArticle, wantWord: "railways", wantHits: 1},
		{give: "interest rate", wantFirst: rates.ArticleID, wantKind: dossier.HitArticle, wantWord: "interest", wantHits: 1},
		{give: "whatsoever contact", wantFirst: rates.ArticleID, wantWord: "contact", wantHits: 2}, // the article and quote q2
		{give: "unanimous", wantFirst: rates.ArticleID, wantWord: "unanimous", wantHits: 2},
		{give: "inflation", wantFirst: -1, wantWord: "nflation", wantHits: 3},
		{give: "volcano", wantHits: 0},
		{give: `"NEAR( OR * -`, wantHits: 0},
		{give: "", wantHits: 0},
	}
	for _, tt := range tests {
		t.Run(tt.give, func(t *testing.T) {
			hits, err := s.Search(ctx, tt.give, 10)
			if err != nil {
				t.Fatalf("Search(%q) error: %v", tt.give, err)
			}
			if len(hits) != tt.wantHits {
				t.Fatalf("Search(%q) = %d hits %+v, want %d", tt.give, len(hits), hits, tt.wantHits)
			}
			if len(hits) == 0 {
				return
			}
			h := hits[0]
			if tt.wantFirst > 0 && h.ArticleID != tt.wantFirst {
				t.Errorf("Search(%q)[0].ArticleID = %d, want %d", tt.give, h.ArticleID, tt.wantFirst)
			}
			if tt.wantKind != "" && h.Kind != tt.wantKind {
				t.Errorf("Search(%q)[0].Kind = %q, want %q", tt.give, h.Kind, tt.wantKind)
			}
			for i, h := range hits {
				if !strings.Contains(h.Snippet, dossier.SnippetOpen) || !strings.Contains(strings.ToLower(h.Snippet), tt.wantWord) {
					t.Errorf("Search(%q)[%d].Snippet = %q, want %q marked", tt.give, i, h.Snippet, tt.wantWord)
				}
				if i > 0 && h.Rank > hits[i-1].Rank {
					t.Errorf("Search(%q) ranks %v then %v, want descending", tt.give, hits[i-1].Rank, h.Rank)
				}
				if h.Kind != dossier.HitArticle && h.Kind != dossier.HitQuote {
					t.Errorf("Search(%q)[%d].Kind = %q, want article or quote", tt.give, i, h.Kind)
				}
			}
		})
	}

	// Quote hits carry the quoted words, not the whole article.
	hits, err := s.Search(ctx, "whatsoever", 10)
	if err != nil {
		t.Fatalf("Search(%q) error: %v", "whatsoever", err)
	}
	var quote bool
	for _, h := range hits {
		if h.Kind == dossier.HitQuote {
			quote = true
			if strings.Contains(h.Snippet, "krone") || h.Title != a.Article.Title {
				t.Errorf("Search(%q) quote hit = %+v, want the quote of %q", "whatsoever", h, a.Article.Title)
			}
		}
	}
	if !quote {
		t.Errorf("Search(%q) = %+v, want a quote hit", "whatsoever", hits)
	}

	// Ranking: an article that repeats a word ranks above one that has it once.
	if hits, err := s.Search(ctx, "railways rain", 10); err != nil || len(hits) == 0 || hits[0].ArticleID != floods.ArticleID {
		t.Errorf("Search(%q) = %+v, %v; want article %d first", "railways rain", hits, err, floods.ArticleID)
	}
	if hits, err := s.Search(ctx, "inflation", 1); err != nil || len(hits) != 1 {
		t.Errorf("Search(%q, limit 1) = %d hits, %v; want 1", "inflation", len(hits), err)
	}
}

func testAtomic(t *testing.T, s dossier.Store) {
	ctx := context.Background()
	good := Sample(t)

	lateBadSpan := Sample(t)
	lateBadSpan.Article.Text += " One more line."
	lateBadSpan.Figures = append(lateBadSpan.Figures, dossier.Figure{Span: textpos.Span{Start: 10, End: len(lateBadSpan.Article.Text) + 1}, Kind: dossier.Money})

	negative := Sample(t)
	negative.Article.Text += " Another line."
	negative.Claims[1].Stances[0].Evidence = textpos.Span{Start: -1, End: 3}

	dupID := Sample(t)
	dupID.Article.Text += " A third line."
	dupID.Quotes = append(dupID.Quotes, dupID.Quotes[0]) // q1 twice

	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	tests := []struct {
		name    string
		ctx     context.Context
		give    dossier.Analysis
		invalid bool // the error wraps dossier.ErrInvalid
	}{
		{"span past the end", ctx, lateBadSpan, true},
		{"negative span", ctx, negative, true},
		{"duplicate quote id", ctx, dupID, false},
		{"cancelled context", cancelled, good, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := s.PutAnalysis(tt.ctx, tt.give, dossier.Origin{})
			if err == nil {
				t.Fatalf("PutAnalysis(%s) = %+v, want an error", tt.name, res)
			}
			if tt.invalid && !errors.Is(err, dossier.ErrInvalid) {
				t.Errorf("PutAnalysis(%s) error = %v, want ErrInvalid", tt.name, err)
			}
			st := stats(t, s)
			if st.ArticlesTotal != 0 || st.FactsTotal != 0 || st.ByKind[dossier.KindMentions] != 0 {
				t.Errorf("Stats() after failed PutAnalysis(%s) = %+v, want nothing stored", tt.name, st)
			}
			if has, err := s.HasHash(ctx, dossier.ContentHash(tt.give.Article.Text)); has || err != nil {
				t.Errorf("HasHash(failed put %s) = %v, %v; want false, nil", tt.name, has, err)
			}
			if hits, err := s.Search(ctx, "krone", 10); len(hits) != 0 || err != nil {
				t.Errorf("Search(krone) after failed put = %+v, %v; want none", hits, err)
			}
		})
	}
	// The store still works after the failures.
	if res := put(t, s, good); res.Duplicate {
		t.Errorf("PutAnalysis(good) after failures = %+v, want a new article", res)
	}
}

func testNotFound(t *testing.T, s dossier.Store) {
	ctx := context.Background()
	if _, err := s.Analysis(ctx, 12345); !errors.Is(err, dossier.ErrNotFound) {
		t.Errorf("Analysis(12345) error = %v, want ErrNotFound", err)
	}
	if err := s.Finish(ctx, 12345, ""); !errors.Is(err, dossier.ErrNotFound) {
		t.Errorf("Finish(12345) error = %v, want ErrNotFound", err)
	}
	if err := s.Enqueue(ctx, "", []string{"x"}); !errors.Is(err, dossier.ErrInvalid) {
		t.Errorf("Enqueue(\"\") error = %v, want ErrInvalid", err)
	}
}

func testQueueExactlyOnce(t *testing.T, s dossier.Store) {
	ctx := context.Background()
	const items = 300
	var all []string
	for i := range items {
		all = append(all, fmt.Sprintf("corpus/%03d.txt", i))
	}
	// Enqueue twice, overlapping: idempotent per (batch, item).
	if err := s.Enqueue(ctx, "b1", all[:200]); err != nil {
		t.Fatalf("Enqueue() error: %v", err)
	}
	if err := s.Enqueue(ctx, "b1", all[100:]); err != nil {
		t.Fatalf("Enqueue() error: %v", err)
	}
	if err := s.Enqueue(ctx, "b2", all[:5]); err != nil { // another batch
		t.Fatalf("Enqueue() error: %v", err)
	}

	var mu sync.Mutex
	seen := map[string]int{}
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for w := range 8 {
		wg.Go(func() {
			worker := fmt.Sprintf("w%d", w)
			for {
				jobs, err := s.Claim(ctx, "b1", worker, 7)
				if err != nil {
					errs <- err
					return
				}
				if len(jobs) == 0 {
					return
				}
				for _, j := range jobs {
					mu.Lock()
					seen[j.Item]++
					mu.Unlock()
					if err := s.Finish(ctx, j.ID, ""); err != nil {
						errs <- err
						return
					}
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatalf("Claim/Finish error: %v", err)
	}
	if len(seen) != items {
		t.Errorf("claimed %d distinct items, want %d", len(seen), items)
	}
	for it, n := range seen {
		if n != 1 {
			t.Errorf("item %s claimed %d times, want 1", it, n)
		}
	}
	tests := []struct {
		batch string
		want  dossier.QueueCounts
	}{
		{"b1", dossier.QueueCounts{Done: items}},
		{"b2", dossier.QueueCounts{Pending: 5}},
		{"none", dossier.QueueCounts{}},
	}
	for _, tt := range tests {
		if got, err := s.Queue(ctx, tt.batch); err != nil || got != tt.want {
			t.Errorf("Queue(%q) = %+v, %v; want %+v", tt.batch, got, err, tt.want)
		}
	}
}

func testQueueLease(t *testing.T, s dossier.Store) {
	ctx := context.Background()
	if err := s.Enqueue(ctx, "lease", []string{"a", "b", "c"}); err != nil {
		t.Fatalf("Enqueue() error: %v", err)
	}
	dead, err := s.Claim(ctx, "lease", "dead-worker", 2)
	if err != nil || len(dead) != 2 {
		t.Fatalf("Claim(2) = %+v, %v; want 2 jobs", dead, err)
	}
	if n, err := s.Reclaim(ctx, "lease", time.Hour); err != nil || n != 0 {
		t.Errorf("Reclaim(1h) = %d, %v; want 0 (lease not expired)", n, err)
	}
	time.Sleep(50 * time.Millisecond)
	if n, err := s.Reclaim(ctx, "lease", 10*time.Millisecond); err != nil || n != 2 {
		t.Errorf("Reclaim(10ms) = %d, %v; want 2", n, err)
	}
	again, err := s.Claim(ctx, "lease", "live-worker", 10)
	if err != nil || len(again) != 3 {
		t.Fatalf("Claim(10) after reclaim = %+v, %v; want 3 jobs", again, err)
	}
	attempts := map[string]int{}
	for _, j := range again {
		attempts[j.Item] = j.Attempts
		if j.Batch != "lease" {
			t.Errorf("Claim() job %+v, want batch lease", j)
		}
	}
	want := map[string]int{dead[0].Item: 2, dead[1].Item: 2}
	for _, it := range []string{"a", "b", "c"} {
		if want[it] == 0 {
			want[it] = 1
		}
	}
	if !reflect.DeepEqual(attempts, want) {
		t.Errorf("Claim() attempts = %v, want %v", attempts, want)
	}
}

func testQueueFinish(t *testing.T, s dossier.Store) {
	ctx := context.Background()
	if err := s.Enqueue(ctx, "f", []string{"good.html", "broken.gz"}); err != nil {
		t.Fatalf("Enqueue() error: %v", err)
	}
	jobs, err := s.Claim(ctx, "f", "w", 10)
	if err != nil || len(jobs) != 2 {
		t.Fatalf("Claim() = %+v, %v; want 2 jobs", jobs, err)
	}
	for _, j := range jobs {
		msg := ""
		if j.Item == "broken.gz" {
			msg = "gzip: unexpected EOF"
		}
		if err := s.Finish(ctx, j.ID, msg); err != nil {
			t.Fatalf("Finish(%d) error: %v", j.ID, err)
		}
	}
	if got, err := s.Queue(ctx, "f"); err != nil || got != (dossier.QueueCounts{Done: 1, Failed: 1}) {
		t.Errorf("Queue(f) = %+v, %v; want 1 done, 1 failed", got, err)
	}
	// Finished jobs are never claimed again, not even after a reclaim.
	if n, err := s.Reclaim(ctx, "f", 0); err != nil || n != 0 {
		t.Errorf("Reclaim(f, 0) = %d, %v; want 0", n, err)
	}
	if jobs, err := s.Claim(ctx, "f", "w", 10); err != nil || len(jobs) != 0 {
		t.Errorf("Claim() after finish = %+v, %v; want none", jobs, err)
	}
}

// CheckMigratedClass checks a store opened on a database whose quotes were
// written before quotes had a class: the quotes of the old article id read
// back with an empty class (nQuotes of them), and an article put after the
// migration keeps its classes.
func CheckMigratedClass(t *testing.T, s dossier.Store, id int64, nQuotes int) {
	t.Helper()
	ctx := context.Background()
	got, err := s.Analysis(ctx, id)
	if err != nil {
		t.Fatalf("Analysis(%d) error: %v", id, err)
	}
	if len(got.Analysis.Quotes) != nQuotes {
		t.Fatalf("Analysis(%d) has %d quotes, want %d", id, len(got.Analysis.Quotes), nQuotes)
	}
	for i, q := range got.Analysis.Quotes {
		if q.Class != "" {
			t.Errorf("migrated Quotes[%d].Class = %q, want \"\"", i, q.Class)
		}
	}
	fresh := Sample(t)
	fresh.Article.Text += "\n\nA line written after the migration."
	res, err := s.PutAnalysis(ctx, fresh, dossier.Origin{})
	if err != nil {
		t.Fatalf("PutAnalysis() after migration error: %v", err)
	}
	got2, err := s.Analysis(ctx, res.ArticleID)
	if err != nil {
		t.Fatalf("Analysis(%d) error: %v", res.ArticleID, err)
	}
	for i, q := range got2.Analysis.Quotes {
		if q.Class != fresh.Quotes[i].Class {
			t.Errorf("Quotes[%d].Class = %q, want %q", i, q.Class, fresh.Quotes[i].Class)
		}
	}
}
