package sqlite

import (
	"context"
	"errors"
	"path/filepath"
	"sync"
	"testing"

	"dossier"
	"dossier/storetest"
)

// variant is the sample analysis with a line appended, so that each
// variant is a distinct article.
func variant(t *testing.T, line string) dossier.Analysis {
	a := storetest.Sample(t)
	a.Article.Text += "\n\n" + line
	return a
}

func newReq(t *testing.T, a dossier.Analysis) *putReq {
	t.Helper()
	r, err := newPutReq(context.Background(), a, dossier.Origin{})
	if err != nil {
		t.Fatalf("newPutReq() error: %v", err)
	}
	return r
}

// TestCommitBatchFallback checks the slow path of a group commit: an
// article that fails in SQL (here a quote row inserted twice, which
// validate would have caught in the analysis) fails the batch written without savepoints, and
// alone when the batch is written again with them.
func TestCommitBatchFallback(t *testing.T) {
	db, err := Open(context.Background(), filepath.Join(t.TempDir(), "d.db"))
	if err != nil {
		t.Fatalf("Open() error: %v", err)
	}
	defer db.Close()
	// The second article's first quote row twice: UNIQUE (article_id, ref)
	// refuses it in SQL.
	bad := newReq(t, variant(t, "The minister declined to comment further."))
	bad.quote = append(bad.quote, bad.quote[:17]...)
	batch := []*putReq{
		newReq(t, variant(t, "Markets closed higher on Friday.")),
		bad,
		newReq(t, variant(t, "The central bank meets again in June.")),
	}
	pre := make([]error, len(batch))
	ans := make([]putAnswer, len(batch))
	tests := []struct {
		savepoints bool
		wantErr    error // of commitBatch
		wantStored int64
	}{
		{false, errArticle, 0},
		{true, nil, 2},
	}
	for _, tt := range tests {
		if err := db.commitBatch(batch, pre, ans, tt.savepoints); !errors.Is(err, tt.wantErr) {
			t.Fatalf("commitBatch(savepoints %v) error = %v, want %v", tt.savepoints, err, tt.wantErr)
		}
		st, err := db.Stats(context.Background())
		if err != nil {
			t.Fatalf("Stats() error: %v", err)
		}
		if st.ArticlesTotal != tt.wantStored {
			t.Errorf("commitBatch(savepoints %v) stored %d articles, want %d", tt.savepoints, st.ArticlesTotal, tt.wantStored)
		}
	}
	for i, want := range []bool{false, true, false} {
		if got := ans[i].err != nil; got != want {
			t.Errorf("commitBatch(savepoints) answer %d error = %v, want error %v", i, ans[i].err, want)
		}
	}
	// The articles stored around the failed one keep their full-text rows.
	for _, q := range []string{"Friday", "June", "inflation"} {
		hits, err := db.Search(context.Background(), q, 10)
		if err != nil {
			t.Fatalf("Search(%q) error: %v", q, err)
		}
		arts := map[int64]bool{}
		for _, h := range hits {
			arts[h.ArticleID] = true
		}
		want := 1
		if q == "inflation" {
			want = 2
		}
		if len(arts) != want {
			t.Errorf("Search(%q) = %+v, want hits in %d articles", q, hits, want)
		}
	}
}

// TestPutConcurrent puts many articles at once, one of them invalid: the
// writer group-commits them, and only the invalid one is refused.
func TestPutConcurrent(t *testing.T) {
	ctx := context.Background()
	db, err := Open(ctx, filepath.Join(t.TempDir(), "d.db"))
	if err != nil {
		t.Fatalf("Open() error: %v", err)
	}
	defer db.Close()
	const n = 40
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			a := variant(t, "Officials gave an update, number "+string(rune('A'+i%26))+string(rune('a'+i/26))+".")
			if i == 7 {
				a.Timex = append(a.Timex, dossier.Timex{Span: a.Timex[0].Span, Type: dossier.Date})
				a.Timex[len(a.Timex)-1].Span.End = len(a.Article.Text) + 5
			}
			_, errs[i] = db.PutAnalysis(ctx, a, dossier.Origin{Name: "concurrent"})
		})
	}
	wg.Wait()
	for i, err := range errs {
		if (err != nil) != (i == 7) {
			t.Errorf("PutAnalysis(article %d) error = %v, want error %v", i, err, i == 7)
		}
	}
	if err := errs[7]; !errors.Is(err, dossier.ErrInvalid) {
		t.Errorf("PutAnalysis(bad span) error = %v, want ErrInvalid", err)
	}
	st, err := db.Stats(ctx)
	if err != nil {
		t.Fatalf("Stats() error: %v", err)
	}
	if st.ArticlesTotal != n-1 {
		t.Errorf("Stats().ArticlesTotal = %d, want %d", st.ArticlesTotal, n-1)
	}
}
