package sqlite_test

import (
	"context"
	"database/sql"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"

	"dossier"
	"dossier/sqlite"
	"dossier/storetest"
)

// mustOpen opens a fresh database in a temporary directory, closed when the
// test ends.
func mustOpen(tb testing.TB) *sqlite.DB {
	tb.Helper()
	db, err := sqlite.Open(context.Background(), filepath.Join(tb.TempDir(), "dossier.db"))
	if err != nil {
		tb.Fatalf("Open() error: %v", err)
	}
	tb.Cleanup(func() {
		if err := db.Close(); err != nil {
			tb.Errorf("Close() error: %v", err)
		}
	})
	return db
}

func TestStore(t *testing.T) {
	storetest.Run(t, func(t *testing.T) dossier.Store { return mustOpen(t) })
}

// TestMigrateQuoteClass checks that a database written before quotes had a
// class column migrates in place: its quotes read back with an empty class,
// and new puts keep theirs.
func TestMigrateQuoteClass(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	db, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatalf("Open() error: %v", err)
	}
	old := storetest.Sample(t)
	res, err := db.PutAnalysis(ctx, old, dossier.Origin{})
	if err != nil {
		t.Fatalf("PutAnalysis() error: %v", err)
	}
	if err := db.Close(); err != nil {
		t.Fatalf("Close() error: %v", err)
	}
	// Take the database back to the schema before the class column.
	raw, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatalf("sql.Open() error: %v", err)
	}
	for _, q := range []string{`ALTER TABLE quotes DROP COLUMN class`,
		`DELETE FROM migrations WHERE name = 'migration/00000004.sql'`} {
		if _, err := raw.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	if err := raw.Close(); err != nil {
		t.Fatalf("Close() error: %v", err)
	}

	db, err = sqlite.Open(ctx, path)
	if err != nil {
		t.Fatalf("Open() of the old database error: %v", err)
	}
	defer db.Close()
	storetest.CheckMigratedClass(t, db, res.ArticleID, len(old.Quotes))
}

// BenchmarkPutAnalysis stores distinct articles with every kind of fact,
// one transaction each, and reports articles per second.
func BenchmarkPutAnalysis(b *testing.B) {
	ctx := context.Background()
	db := mustOpen(b)
	a := storetest.Sample(b)
	// Distinct texts of the sample's length: its words shuffled, so that
	// every article is new and no two are near-duplicates.
	words := strings.Fields(a.Article.Text)
	rng := rand.New(rand.NewPCG(1, 2))
	b.SetBytes(int64(len(a.Article.Text)))
	for b.Loop() {
		rng.Shuffle(len(words), func(i, j int) { words[i], words[j] = words[j], words[i] })
		a.Article.Text = strings.Join(words, " ") + "\n\n"
		if _, err := db.PutAnalysis(ctx, a, dossier.Origin{Name: "bench"}); err != nil {
			b.Fatalf("PutAnalysis() error: %v", err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkPutAnalysisParallel stores distinct articles from many
// goroutines at once, as the ingest engine does, so that the writer
// group-commits them, and reports articles per second.
func BenchmarkPutAnalysisParallel(b *testing.B) {
	ctx := context.Background()
	db := mustOpen(b)
	a := storetest.Sample(b)
	words := strings.Fields(a.Article.Text)
	b.SetBytes(int64(len(a.Article.Text)))
	b.SetParallelism(8)
	var seed atomic.Uint64
	b.RunParallel(func(pb *testing.PB) {
		a := a
		ws := slices.Clone(words)
		rng := rand.New(rand.NewPCG(seed.Add(1), 2))
		for pb.Next() {
			rng.Shuffle(len(ws), func(i, j int) { ws[i], ws[j] = ws[j], ws[i] })
			a.Article.Text = strings.Join(ws, " ") + "\n\n"
			if _, err := db.PutAnalysis(ctx, a, dossier.Origin{Name: "bench"}); err != nil {
				b.Errorf("PutAnalysis() error: %v", err)
				return
			}
		}
	})
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkHasHash asks for the hashes of articles not stored, as the
// ingest engine does for every article it reads.
func BenchmarkHasHash(b *testing.B) {
	ctx := context.Background()
	db := mustOpen(b)
	if _, err := db.PutAnalysis(ctx, storetest.Sample(b), dossier.Origin{}); err != nil {
		b.Fatalf("PutAnalysis() error: %v", err)
	}
	i := 0
	for b.Loop() {
		i++
		if has, err := db.HasHash(ctx, dossier.ContentHash(strings.Repeat("x ", i%64+1))); err != nil || has {
			b.Fatalf("HasHash() = %v, %v; want false", has, err)
		}
	}
}

// FuzzSearch checks that no query, whatever its punctuation or FTS5
// syntax, makes Search fail, and that snippets come from stored text.
func FuzzSearch(f *testing.F) {
	db := mustOpen(f)
	if _, err := db.PutAnalysis(context.Background(), storetest.Sample(f), dossier.Origin{}); err != nil {
		f.Fatalf("PutAnalysis() error: %v", err)
	}
	for _, q := range []string{"inflation", `"rate" OR NEAR(a b)`, "krone*", "-bank ^", "'", "ünïcode ½"} {
		f.Add(q)
	}
	f.Fuzz(func(t *testing.T, q string) {
		hits, err := db.Search(context.Background(), q, 5)
		if err != nil {
			t.Fatalf("Search(%q) error: %v", q, err)
		}
		for _, h := range hits {
			if h.ArticleID != 1 || h.Snippet == "" {
				t.Errorf("Search(%q) hit = %+v, want a snippet of article 1", q, h)
			}
		}
	})
}
