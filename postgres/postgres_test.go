package postgres_test

import (
	"context"
	"crypto/rand"
	"database/sql"
	"net/url"
	"os"
	"strings"
	"sync"
	"testing"

	"dossier"
	"dossier/postgres"
	"dossier/storetest"

	_ "github.com/jackc/pgx/v5/stdlib"
)

// adminDSN returns the DSN of a server the tests may create databases on,
// from DOSSIER_TEST_POSTGRES. Without it the tests are skipped, except in
// CI (CI=true), where a missing server is a failure: .ci/run starts one
// (.ci/postgres.sh).
func adminDSN(tb testing.TB) string {
	tb.Helper()
	dsn := os.Getenv("DOSSIER_TEST_POSTGRES")
	if dsn == "" {
		if os.Getenv("CI") == "true" {
			tb.Fatal("DOSSIER_TEST_POSTGRES is not set in CI: run .ci/postgres.sh")
		}
		tb.Skip("DOSSIER_TEST_POSTGRES not set (start a server with .ci/postgres.sh)")
	}
	return dsn
}

// freshDSN creates an empty database for one test, dropped when it ends,
// and returns its DSN.
func freshDSN(tb testing.TB) string {
	tb.Helper()
	admin := adminDSN(tb)
	name := "dossier_test_" + rand.Text()[:12]
	name = sanitize(name)
	db, err := sql.Open("pgx", admin)
	if err != nil {
		tb.Fatalf("sql.Open(%q) error: %v", admin, err)
	}
	if _, err := db.Exec(`CREATE DATABASE ` + name); err != nil {
		db.Close()
		tb.Fatalf("CREATE DATABASE %s error: %v", name, err)
	}
	tb.Cleanup(func() {
		if _, err := db.Exec(`DROP DATABASE IF EXISTS ` + name + ` WITH (FORCE)`); err != nil {
			tb.Errorf("DROP DATABASE %s error: %v", name, err)
		}
		db.Close()
	})
	u, err := url.Parse(admin)
	if err != nil {
		tb.Fatalf("url.Parse(%q) error: %v", admin, err)
	}
	u.Path = "/" + name
	return u.String()
}

// sanitize lower-cases a name and keeps it to [a-z0-9_].
func sanitize(s string) string {
	b := []byte(s)
	for i, c := range b {
		switch {
		case 'A' <= c && c <= 'Z':
			b[i] = c + 'a' - 'A'
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9', c == '_':
		default:
			b[i] = '_'
		}
	}
	return string(b)
}

func mustOpen(tb testing.TB, dsn string) *postgres.DB {
	tb.Helper()
	db, err := postgres.Open(context.Background(), dsn)
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
	storetest.Run(t, func(t *testing.T) dossier.Store { return mustOpen(t, freshDSN(t)) })
}

// TestMigrateQuoteClass checks that a database written before quotes had a
// class column migrates in place: its quotes read back with an empty class,
// and new puts keep theirs.
func TestMigrateQuoteClass(t *testing.T) {
	ctx := context.Background()
	dsn := freshDSN(t)
	db, err := postgres.Open(ctx, dsn)
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
	raw, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatalf("sql.Open() error: %v", err)
	}
	for _, q := range []string{`ALTER TABLE quotes DROP COLUMN class`,
		`DELETE FROM migrations WHERE name = 'migration/00000003.sql'`} {
		if _, err := raw.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	if err := raw.Close(); err != nil {
		t.Fatalf("Close() error: %v", err)
	}

	db = mustOpen(t, dsn)
	storetest.CheckMigratedClass(t, db, res.ArticleID, len(old.Quotes))
}

// TestPutConcurrent puts articles from several goroutines at once, each on
// its own connection: the same text, and near-copies of one text. Exactly
// one put of a text stores it and every other reports it a duplicate of
// that article; near-copies written at once see each other, so all but one
// are linked, and all to the same first copy.
func TestPutConcurrent(t *testing.T) {
	base := storetest.Sample(t)
	tests := []struct {
		name string
		// variant returns the i-th article put.
		variant    func(i int) dossier.Analysis
		wantStored int // articles stored
		wantNear   int // of which near-duplicates
	}{
		{"same text", func(int) dossier.Analysis { return base }, 1, 0},
		{"near copies", func(i int) dossier.Analysis {
			a := dossier.Analysis{Article: base.Article}
			a.Article.Text += strings.Repeat(" Updated.", i)
			return a
		}, 8, 7},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := context.Background()
			db := mustOpen(t, freshDSN(t))
			h0, _ := dossier.Fingerprint(tt.variant(0).Article.Text)
			for i := 1; i < 8; i++ {
				if h, _ := dossier.Fingerprint(tt.variant(i).Article.Text); dossier.HammingDistance(h0, h) > dossier.NearDuplicateDistance {
					t.Fatalf("variant %d is not a near-copy of variant 0 (distance %d)", i, dossier.HammingDistance(h0, h))
				}
			}
			res := make([]dossier.PutResult, 8)
			errs := make([]error, 8)
			var wg sync.WaitGroup
			for i := range res {
				wg.Go(func() { res[i], errs[i] = db.PutAnalysis(ctx, tt.variant(i), dossier.Origin{}) })
			}
			wg.Wait()
			stored, near := 0, 0
			firsts := map[int64]bool{}
			for i, r := range res {
				if errs[i] != nil {
					t.Fatalf("PutAnalysis(%d) error: %v", i, errs[i])
				}
				if r.ArticleID == 0 {
					t.Errorf("PutAnalysis(%d) = %+v, want an article id", i, r)
				}
				if !r.Duplicate {
					stored++
				}
				if r.NearDuplicateOf != 0 {
					near++
					firsts[r.NearDuplicateOf] = true
				}
			}
			if stored != tt.wantStored || near != tt.wantNear || len(firsts) > 1 {
				t.Errorf("stored %d, near-duplicates %d linked to %d first copies; want %d, %d, at most 1 (%+v)",
					stored, near, len(firsts), tt.wantStored, tt.wantNear, res)
			}
			st, err := db.Stats(ctx)
			if err != nil {
				t.Fatalf("Stats() error: %v", err)
			}
			if st.ArticlesTotal != int64(tt.wantStored) || st.NearDuplicates != int64(tt.wantNear) {
				t.Errorf("Stats() = %+v, want %d articles, %d near-duplicates", st, tt.wantStored, tt.wantNear)
			}
			if tt.wantStored == 1 {
				for i, r := range res {
					if r.ArticleID != res[0].ArticleID {
						t.Errorf("PutAnalysis(%d).ArticleID = %d, want %d", i, r.ArticleID, res[0].ArticleID)
					}
				}
			}
		})
	}
}

// BenchmarkPutAnalysis measures one article's write with its facts (the
// storetest sample, made unique and not near-duplicate by a tail of words
// that differs on every put).
func BenchmarkPutAnalysis(b *testing.B) {
	db := mustOpen(b, freshDSN(b))
	ctx := context.Background()
	base := storetest.Sample(b)
	words := strings.Fields("river market council winter harbour budget railway senate orchard pension " +
		"festival border vaccine tariff drought stadium election bridge factory satellite")
	var sb strings.Builder
	n := 0
	for b.Loop() {
		a := base
		sb.Reset()
		sb.WriteString(base.Article.Text)
		for j, x := 0, uint64(n)*0x9E3779B97F4A7C15+1; j < 60; j++ {
			x ^= x << 13
			x ^= x >> 7
			x ^= x << 17
			sb.WriteByte(' ')
			sb.WriteString(words[x%uint64(len(words))])
		}
		a.Article.Text = sb.String()
		n++
		b.SetBytes(int64(len(a.Article.Text)))
		res, err := db.PutAnalysis(ctx, a, dossier.Origin{Name: "bench.txt"})
		if err != nil {
			b.Fatalf("PutAnalysis() error: %v", err)
		}
		if res.Duplicate {
			b.Fatalf("PutAnalysis() = %+v, want a new article", res)
		}
	}
}
