package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"dossier"
	"dossier/textpos"
)

// HasHash reports whether an article with this content hash is stored.
func (db *DB) HasHash(ctx context.Context, hash string) (bool, error) {
	var one int
	err := db.r.QueryRowContext(ctx, `SELECT 1 FROM articles WHERE hash = ?`, hash).Scan(&one)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return false, nil
	case err != nil:
		return false, fmt.Errorf("sqlite: has hash: %w", err)
	}
	return true, nil
}

// PutAnalysis stores the article and all its facts atomically; see
// dossier.Store.
//
// Puts are group-committed: the caller hands the article to the store's
// single writer goroutine, which takes every put waiting at that moment
// (at most maxBatch), writes each inside its own SAVEPOINT (an article that
// fails rolls back alone), adds the batch's full-text rows, commits once
// and then answers each caller. A put returns only after its commit, so
// an article is either wholly stored or not at all, even if the process
// is killed.
func (db *DB) PutAnalysis(ctx context.Context, a dossier.Analysis, o dossier.Origin) (dossier.PutResult, error) {
	// Hashing is done before the article reaches the writer.
	text := a.Article.Text
	req := &putReq{ctx: ctx, a: a, o: o, hash: dossier.ContentHash(text), done: make(chan putAnswer, 1)}
	req.fp, req.words = dossier.Fingerprint(text)
	select {
	case db.reqs <- req:
	case <-ctx.Done():
		return dossier.PutResult{}, fmt.Errorf("sqlite: put analysis: %w", ctx.Err())
	case <-db.quit:
		return dossier.PutResult{}, fmt.Errorf("sqlite: put analysis: %w", errClosed)
	}
	ans := <-req.done
	if ans.err != nil {
		return dossier.PutResult{}, fmt.Errorf("sqlite: put analysis: %w", ans.err)
	}
	return ans.res, nil
}

// errClosed is the error of a put made while the store closes.
var errClosed = errors.New("database closed")

// maxBatch is the most articles committed in one transaction.
const maxBatch = 128

// putReq is one PutAnalysis call waiting for the writer.
type putReq struct {
	ctx   context.Context
	a     dossier.Analysis
	o     dossier.Origin
	hash  string
	fp    uint64
	words int
	done  chan putAnswer // buffered: the writer never blocks on it
}

// putAnswer is the writer's answer to one putReq.
type putAnswer struct {
	res dossier.PutResult
	err error
}

// writer is the goroutine that owns writes of articles: it collects the
// puts waiting at once and commits them together, until Close.
func (db *DB) writer() {
	defer close(db.wdone)
	batch := make([]*putReq, 0, maxBatch)
	for {
		select {
		case r := <-db.reqs:
			batch = append(batch[:0], r)
		case <-db.quit:
			return
		}
	collect:
		for len(batch) < maxBatch {
			select {
			case r := <-db.reqs:
				batch = append(batch, r)
			default:
				break collect
			}
		}
		db.writeBatch(batch)
		clear(batch)
	}
}

// writeBatch writes the puts of batch in one transaction and answers each.
//
// Each article is first checked in Go (spans, fact ids), so that the
// transaction normally writes them one after another without savepoints
// (a savepoint copies every page it touches to a sub-journal). Should an
// article fail in SQL all the same, the transaction is rolled back and the
// batch written again with one SAVEPOINT per article, so that the failing
// article rolls back alone.
func (db *DB) writeBatch(batch []*putReq) {
	pre := make([]error, len(batch)) // errors found before writing
	for i, r := range batch {
		if err := r.ctx.Err(); err != nil {
			pre[i] = err
			continue
		}
		pre[i] = validate(r.a)
	}
	ans := make([]putAnswer, len(batch))
	err := db.commitBatch(batch, pre, ans, false)
	if errors.Is(err, errArticle) {
		err = db.commitBatch(batch, pre, ans, true)
	}
	for i, r := range batch {
		switch {
		case pre[i] != nil:
			r.done <- putAnswer{err: pre[i]}
		case err != nil:
			r.done <- putAnswer{err: err}
		default:
			r.done <- ans[i]
		}
	}
}

// errArticle says that an article failed in a batch written without
// savepoints.
var errArticle = errors.New("article failed in batch")

// commitBatch writes the articles of batch whose pre error is nil in one
// transaction, their answers in ans. With savepoints, an article that
// fails is rolled back alone and its error put in ans; without, the
// transaction is rolled back and errArticle returned. Any other error
// fails the whole batch.
func (db *DB) commitBatch(batch []*putReq, pre []error, ans []putAnswer, savepoints bool) error {
	// The transaction does not follow any caller's context: one caller
	// giving up must not roll back the others.
	ctx := context.Background()
	tx, err := db.w.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	now := db.now()
	ps := db.put
	if err := tx.StmtContext(ctx, ps.maxIDs).QueryRowContext(ctx).Scan(&ps.nextEntity, &ps.nextClaim); err != nil {
		return err
	}
	for i, r := range batch {
		ans[i] = putAnswer{}
		if pre[i] != nil {
			continue
		}
		if savepoints {
			if _, err := tx.StmtContext(ctx, ps.savepoint).ExecContext(ctx); err != nil {
				return err
			}
		}
		res, err := ps.putTx(ctx, tx, r.a, r.o, r.hash, r.fp, r.words, now)
		if err != nil {
			if !savepoints {
				return errArticle
			}
			ans[i].err = err
			if _, err := tx.StmtContext(ctx, ps.rollbackTo).ExecContext(ctx); err != nil {
				return err
			}
		}
		if savepoints {
			if _, err := tx.StmtContext(ctx, ps.release).ExecContext(ctx); err != nil {
				return err
			}
		}
		ans[i].res = res
	}
	// Full-text rows last, all together: FTS5 flushes its pending terms to
	// disk at every statement savepoint, so rows added between the other
	// inserts would be flushed (and then merged) one article at a time.
	for i, r := range batch {
		if pre[i] != nil || ans[i].err != nil || ans[i].res.Duplicate || ans[i].res.ArticleID == 0 {
			continue
		}
		if err := ps.putFTS(ctx, tx, ans[i].res.ArticleID, r.a); err != nil {
			return err
		}
	}
	return tx.Commit()
}

// validate checks what the schema would refuse midway through a put: spans
// outside the text and fact ids used twice.
func validate(a dossier.Analysis) error {
	text := a.Article.Text
	for _, e := range a.Entities {
		for _, m := range e.Mentions {
			if err := dossier.CheckSpan("entity "+e.ID+" mention", m.Span, text); err != nil {
				return err
			}
		}
	}
	for _, q := range a.Quotes {
		if err := checkSpans(text, "quote "+q.ID, q.Content, q.Cue, q.Source, q.Addressee); err != nil {
			return err
		}
	}
	for _, c := range a.Claims {
		for _, s := range c.Stances {
			if err := checkSpans(text, "claim "+c.ID+" stance", s.Source, s.Cue, s.Evidence); err != nil {
				return err
			}
		}
	}
	for _, t := range a.Timex {
		if err := dossier.CheckSpan("timex", t.Span, text); err != nil {
			return err
		}
	}
	for _, f := range a.Figures {
		if err := dossier.CheckSpan("figure", f.Span, text); err != nil {
			return err
		}
	}
	ids := make(map[string]struct{}, len(a.Entities)+len(a.Quotes)+len(a.Claims))
	unique := func(kind, id string) error {
		k := kind + id
		if _, ok := ids[k]; ok {
			return fmt.Errorf("%s id %q used twice: %w", kind, id, dossier.ErrInvalid)
		}
		ids[k] = struct{}{}
		return nil
	}
	for _, e := range a.Entities {
		if err := unique("e", e.ID); err != nil {
			return err
		}
	}
	for _, q := range a.Quotes {
		if err := unique("q", q.ID); err != nil {
			return err
		}
	}
	for _, c := range a.Claims {
		if err := unique("c", c.ID); err != nil {
			return err
		}
	}
	return nil
}

// putTx writes one article, without its full-text rows, inside tx.
func (ps *putStmts) putTx(ctx context.Context, tx *sql.Tx, a dossier.Analysis, o dossier.Origin, hash string, fp uint64, words int, now time.Time) (dossier.PutResult, error) {
	var res dossier.PutResult
	err := tx.StmtContext(ctx, ps.hash).QueryRowContext(ctx, hash).Scan(&res.ArticleID)
	switch {
	case err == nil:
		res.Duplicate = true
		return res, nil
	case !errors.Is(err, sql.ErrNoRows):
		return res, err
	}

	var bands [4]any // NULL for texts too short for near-duplicate detection
	if words >= dossier.MinFingerprintWords {
		b := dossier.FingerprintBands(fp)
		for i := range b {
			bands[i] = int64(b[i])
		}
		res.NearDuplicateOf, err = nearDuplicate(ctx, tx.StmtContext(ctx, ps.near), fp, b)
		if err != nil {
			return res, err
		}
	}

	art := a.Article
	var date any
	if !art.Date.IsZero() {
		date = art.Date.UTC().Format(time.RFC3339Nano)
	}
	var near any
	if res.NearDuplicateOf != 0 {
		near = res.NearDuplicateOf
	}
	rawMap, err := o.Map.MarshalBinary()
	if err != nil {
		return res, err
	}
	r, err := tx.StmtContext(ctx, ps.article).ExecContext(ctx, hash, int64(fp), bands[0], bands[1], bands[2], bands[3], near, art.Title, date, art.Source, art.URL, art.Text,
		o.Name, o.Format, o.Raw, rawMap, now.UnixNano())
	if err != nil {
		return res, err
	}
	if res.ArticleID, err = r.LastInsertId(); err != nil {
		return res, err
	}
	if err := ps.putFacts(ctx, tx, res.ArticleID, a); err != nil {
		return res, err
	}
	return res, nil
}

// putFTS adds the full-text rows of article id: its title and text, and
// the content of each quote.
func (ps *putStmts) putFTS(ctx context.Context, tx *sql.Tx, id int64, a dossier.Analysis) error {
	if _, err := tx.StmtContext(ctx, ps.articleFTS).ExecContext(ctx, id, a.Article.Title, a.Article.Text); err != nil {
		return err
	}
	if len(a.Quotes) > 0 {
		qf := tx.StmtContext(ctx, ps.quoteFTS)
		for _, q := range a.Quotes {
			if _, err := qf.ExecContext(ctx, q.Content.Text(a.Article.Text), id); err != nil {
				return err
			}
		}
	}
	return nil
}

// nearDuplicate returns the first stored copy of an article whose Fingerprint is
// within dossier.NearDuplicateDistance of fp, or 0. Candidates share at
// least one band (pigeonhole: 3 differing bits leave one of 4 bands equal).
func nearDuplicate(ctx context.Context, near *sql.Stmt, fp uint64, b [4]uint16) (int64, error) {
	rows, err := near.QueryContext(ctx, int64(b[0]), int64(b[1]), int64(b[2]), int64(b[3]))
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	var best int64
	for rows.Next() {
		var id, h, first int64
		if err := rows.Scan(&id, &h, &first); err != nil {
			return 0, err
		}
		if dossier.HammingDistance(uint64(h), fp) > dossier.NearDuplicateDistance {
			continue
		}
		if first != 0 {
			id = first
		}
		if best == 0 || id < best {
			best = id
		}
	}
	return best, rows.Err()
}

// putFacts writes every fact of a, checking each span against the text as
// it goes: a bad span fails the put midway and the transaction rolls back.
// The rows of each table go in multi-row INSERTs; entities and claims get
// their ids from ps.nextEntity and ps.nextClaim, so that the mentions and
// stances that refer to them can be written in the same way.
func (ps *putStmts) putFacts(ctx context.Context, tx *sql.Tx, id int64, a dossier.Analysis) error {
	text := a.Article.Text
	args := ps.args[:0]
	defer func() { clear(args); ps.args = args[:0] }()

	for layer, comp := range a.Producers {
		args = append(args, id, layer, comp)
	}
	if err := ps.producer.exec(ctx, tx, args); err != nil {
		return err
	}

	args = args[:0]
	for _, e := range a.Entities {
		ps.nextEntity++
		args = append(args, ps.nextEntity, id, e.ID, e.Name, string(e.Type), e.Title, e.Party, e.Region, e.LinkedTo)
	}
	if err := ps.entity.exec(ctx, tx, args); err != nil {
		return fmt.Errorf("entities: %w", err)
	}
	args = args[:0]
	eid := ps.nextEntity - int64(len(a.Entities))
	for _, e := range a.Entities {
		eid++
		for _, m := range e.Mentions {
			if err := dossier.CheckSpan("entity "+e.ID+" mention", m.Span, text); err != nil {
				return err
			}
			args = append(args, eid, m.Span.Start, m.Span.End, string(m.Kind))
		}
	}
	if err := ps.mention.exec(ctx, tx, args); err != nil {
		return err
	}

	args = args[:0]
	for _, q := range a.Quotes {
		if err := checkSpans(text, "quote "+q.ID, q.Content, q.Cue, q.Source, q.Addressee); err != nil {
			return err
		}
		args = append(args, id, q.ID, string(q.Kind), q.Content.Start, q.Content.End, q.Cue.Start, q.Cue.End,
			q.Source.Start, q.Source.End, q.Addressee.Start, q.Addressee.End, q.Speaker, q.SpeakerName,
			string(q.SourceType), q.SourceCount, string(q.Stance), string(q.Class))
	}
	if err := ps.quote.exec(ctx, tx, args); err != nil {
		return fmt.Errorf("quotes: %w", err)
	}

	args = args[:0]
	for _, c := range a.Claims {
		ps.nextClaim++
		args = append(args, ps.nextClaim, id, c.ID, c.Statement, strings.Join(c.Entities, " "))
	}
	if err := ps.claim.exec(ctx, tx, args); err != nil {
		return fmt.Errorf("claims: %w", err)
	}
	args = args[:0]
	cid := ps.nextClaim - int64(len(a.Claims))
	for _, c := range a.Claims {
		cid++
		for _, s := range c.Stances {
			if err := checkSpans(text, "claim "+c.ID+" stance", s.Source, s.Cue, s.Evidence); err != nil {
				return err
			}
			args = append(args, cid, s.Speaker, s.SpeakerName, s.Source.Start, s.Source.End,
				string(s.SourceType), s.SourceCount, string(s.Stance), s.Cue.Start, s.Cue.End, s.Hedge,
				s.Evidence.Start, s.Evidence.End, s.Quote)
		}
	}
	if err := ps.stance.exec(ctx, tx, args); err != nil {
		return err
	}

	args = args[:0]
	for _, t := range a.Timex {
		if err := dossier.CheckSpan("timex", t.Span, text); err != nil {
			return err
		}
		args = append(args, id, t.Span.Start, t.Span.End, string(t.Type), t.Value)
	}
	if err := ps.timex.exec(ctx, tx, args); err != nil {
		return err
	}

	args = args[:0]
	for _, f := range a.Figures {
		if err := dossier.CheckSpan("figure", f.Span, text); err != nil {
			return err
		}
		args = append(args, id, f.Span.Start, f.Span.End, string(f.Kind), nullFloat(f.Value), f.Unit,
			f.Instrument, string(f.Direction), nullFloat(f.ChangePct), nullFloat(f.ChangePts), nullFloat(f.Level))
	}
	return ps.figure.exec(ctx, tx, args)
}

// multiInsert inserts rows into one table with multi-row INSERT
// statements: chunks of 32 rows, then of 8, then one at a time, so that an
// article's mentions or figures take a handful of statements, not one
// each.
type multiInsert struct {
	cols  int
	sizes [3]int       // rows per statement, largest first
	stmts [3]*sql.Stmt // the statement for each size
}

// exec inserts the rows whose values, cols per row, are flattened in args.
func (m *multiInsert) exec(ctx context.Context, tx *sql.Tx, args []any) error {
	for i, n := range m.sizes {
		var st *sql.Stmt
		for len(args) >= n*m.cols {
			if st == nil {
				st = tx.StmtContext(ctx, m.stmts[i])
			}
			if _, err := st.ExecContext(ctx, args[:n*m.cols]...); err != nil {
				return err
			}
			args = args[n*m.cols:]
		}
	}
	return nil
}

// prepareMulti prepares the statements of a multiInsert: head is the
// INSERT up to VALUES, cols the number of values per row.
func prepareMulti(ctx context.Context, w *sql.DB, head string, cols int) (*multiInsert, error) {
	m := &multiInsert{cols: cols, sizes: [3]int{32, 8, 1}}
	row := "(" + strings.TrimSuffix(strings.Repeat("?, ", cols), ", ") + ")"
	for i, n := range m.sizes {
		q := head + " VALUES " + strings.TrimSuffix(strings.Repeat(row+", ", n), ", ")
		st, err := w.PrepareContext(ctx, q)
		if err != nil {
			return nil, fmt.Errorf("prepare %.40q: %w", q, err)
		}
		m.stmts[i] = st
	}
	return m, nil
}

// putStmts are the statements of a put, prepared once on the writer
// connection, and the state of the batch being written. Only the writer
// goroutine uses them.
type putStmts struct {
	hash, near, article, articleFTS, quoteFTS, savepoint, rollbackTo, release, maxIDs *sql.Stmt
	producer, entity, mention, quote, claim, stance, timex, figure                    *multiInsert

	// nextEntity and nextClaim are the last ids given to an entity and a
	// claim in the batch being written (read from the tables when the
	// batch starts: its transaction holds the write lock).
	nextEntity, nextClaim int64
	args                  []any // reused for the values of the rows
}

func preparePut(ctx context.Context, w *sql.DB) (*putStmts, error) {
	ps := &putStmts{}
	for _, p := range []struct {
		dst   **sql.Stmt
		query string
	}{
		{&ps.hash, `SELECT id FROM articles WHERE hash = ?`},
		{&ps.near, `SELECT id, fingerprint, coalesce(near_duplicate_of, 0) FROM articles
			WHERE band0 = ? OR band1 = ? OR band2 = ? OR band3 = ? ORDER BY id LIMIT 1000`},
		{&ps.article, `INSERT INTO articles
			(hash, fingerprint, band0, band1, band2, band3, near_duplicate_of, title, date, source, url, text,
			 origin_name, origin_format, raw, raw_map, ingested_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`},
		{&ps.articleFTS, `INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)`},
		{&ps.quoteFTS, `INSERT INTO quotes_fts (text, article_id) VALUES (?, ?)`},
		{&ps.savepoint, `SAVEPOINT put`},
		{&ps.rollbackTo, `ROLLBACK TO put`},
		{&ps.release, `RELEASE put`},
		{&ps.maxIDs, `SELECT (SELECT coalesce(max(id), 0) FROM entities), (SELECT coalesce(max(id), 0) FROM claims)`},
	} {
		st, err := w.PrepareContext(ctx, p.query)
		if err != nil {
			return nil, fmt.Errorf("prepare %.40q: %w", p.query, err)
		}
		*p.dst = st
	}
	for _, p := range []struct {
		dst  **multiInsert
		head string
		cols int
	}{
		{&ps.producer, `INSERT INTO producers (article_id, layer, component)`, 3},
		{&ps.entity, `INSERT INTO entities (id, article_id, ref, name, type, title, party, region, linked_to)`, 9},
		{&ps.mention, `INSERT INTO mentions (entity_id, start, "end", kind)`, 4},
		{&ps.quote, `INSERT INTO quotes (article_id, ref, kind, content_start, content_end, cue_start, cue_end,
			source_start, source_end, addressee_start, addressee_end, speaker, speaker_name, source_type, source_count, stance, class)`, 17},
		{&ps.claim, `INSERT INTO claims (id, article_id, ref, statement, entities)`, 5},
		{&ps.stance, `INSERT INTO stances (claim_id, speaker, speaker_name, source_start, source_end,
			source_type, source_count, stance, cue_start, cue_end, hedge, evidence_start, evidence_end, quote)`, 14},
		{&ps.timex, `INSERT INTO timex (article_id, start, "end", type, value)`, 5},
		{&ps.figure, `INSERT INTO figures (article_id, start, "end", kind, value, unit, instrument,
			direction, change_pct, change_pts, level)`, 11},
	} {
		m, err := prepareMulti(ctx, w, p.head, p.cols)
		if err != nil {
			return nil, err
		}
		*p.dst = m
	}
	return ps, nil
}

func checkSpans(text, what string, spans ...textpos.Span) error {
	for _, s := range spans {
		if err := dossier.CheckSpan(what, s, text); err != nil {
			return err
		}
	}
	return nil
}

func nullFloat(p *float64) any {
	if p == nil {
		return nil
	}
	return *p
}
