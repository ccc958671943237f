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
	err := db.hasHash.QueryRowContext(ctx, hash).Scan(&one)
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
// Puts are group-committed: the caller checks the article and turns it
// into rows (newPutReq), then hands them to the store's single writer
// goroutine, which takes every put waiting at that moment (at most
// maxBatch), writes them in one transaction and then answers each caller.
// A put returns only after its commit, so an article is either wholly
// stored or not at all, even if the process is killed.
func (db *DB) PutAnalysis(ctx context.Context, a dossier.Analysis, o dossier.Origin) (dossier.PutResult, error) {
	req, err := newPutReq(ctx, a, o)
	if err != nil {
		return dossier.PutResult{}, fmt.Errorf("sqlite: put analysis: %w", err)
	}
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

// putReq is one PutAnalysis call waiting for the writer: the article and
// its facts as the values of the rows to insert, made by the caller (so
// that checking, hashing and converting run on the callers' cores, not on
// the single writer), with the ids only the writer can give left nil.
type putReq struct {
	ctx   context.Context
	hash  string
	fp    uint64
	words int

	// article holds the values of putStmts.article; artNear and
	// artIngested are the writer's.
	article []any
	// The rows of each table, cols values per row, in the column order of
	// the inserts in preparePut. The writer fills in the first column
	// (the article id; for mentions and stances the entity or claim id)
	// and, for entities and claims, the second (the article id; their own
	// id goes first). mentionOf and stanceOf give, for each mention and
	// stance, the index of its entity or claim in the article.
	producer, entity, mention, quote, claim, stance, timex, figure []any
	mentionOf, stanceOf                                            []int32
	nEntity, nClaim                                                int

	done chan putAnswer // buffered: the writer never blocks on it
}

// Positions of the values of putReq.article that the writer fills in.
const (
	artNear     = 6
	artIngested = 16
)

// newPutReq checks a (spans inside the text, fact ids used once: what the
// schema would otherwise refuse midway through a batch) and turns it into
// the rows of a put.
func newPutReq(ctx context.Context, a dossier.Analysis, o dossier.Origin) (*putReq, error) {
	if err := validate(a); err != nil {
		return nil, err
	}
	art := a.Article
	text := art.Text
	r := &putReq{ctx: ctx, hash: dossier.ContentHash(text), done: make(chan putAnswer, 1)}
	r.fp, r.words = dossier.Fingerprint(text)

	var bands [4]any // NULL for texts too short for near-duplicate detection
	if r.words >= dossier.MinFingerprintWords {
		b := dossier.FingerprintBands(r.fp)
		for i := range b {
			bands[i] = int64(b[i])
		}
	}
	var date any
	if !art.Date.IsZero() {
		date = art.Date.UTC().Format(time.RFC3339Nano)
	}
	rawMap, err := o.Map.MarshalBinary()
	if err != nil {
		return nil, err
	}
	r.article = []any{r.hash, int64(r.fp), bands[0], bands[1], bands[2], bands[3], nil, art.Title, date, art.Source, art.URL, text,
		o.Name, o.Format, o.Raw, rawMap, nil}

	for layer, comp := range a.Producers {
		r.producer = append(r.producer, nil, layer, comp)
	}
	nm := 0
	for _, e := range a.Entities {
		nm += len(e.Mentions)
	}
	r.nEntity = len(a.Entities)
	r.entity = make([]any, 0, 9*len(a.Entities))
	r.mention = make([]any, 0, 4*nm)
	r.mentionOf = make([]int32, 0, nm)
	for i, e := range a.Entities {
		r.entity = append(r.entity, nil, nil, e.ID, e.Name, string(e.Type), e.Title, e.Party, e.Region, e.LinkedTo)
		for _, m := range e.Mentions {
			r.mention = append(r.mention, nil, int64(m.Span.Start), int64(m.Span.End), string(m.Kind))
			r.mentionOf = append(r.mentionOf, int32(i))
		}
	}
	r.quote = make([]any, 0, 17*len(a.Quotes))
	for _, q := range a.Quotes {
		r.quote = append(r.quote, nil, q.ID, string(q.Kind), int64(q.Content.Start), int64(q.Content.End),
			int64(q.Cue.Start), int64(q.Cue.End), int64(q.Source.Start), int64(q.Source.End),
			int64(q.Addressee.Start), int64(q.Addressee.End), q.Speaker, q.SpeakerName,
			string(q.SourceType), int64(q.SourceCount), string(q.Stance), string(q.Class))
	}
	ns := 0
	for _, c := range a.Claims {
		ns += len(c.Stances)
	}
	r.nClaim = len(a.Claims)
	r.claim = make([]any, 0, 5*len(a.Claims))
	r.stance = make([]any, 0, 14*ns)
	r.stanceOf = make([]int32, 0, ns)
	for i, c := range a.Claims {
		r.claim = append(r.claim, nil, nil, c.ID, c.Statement, strings.Join(c.Entities, " "))
		for _, s := range c.Stances {
			r.stance = append(r.stance, nil, s.Speaker, s.SpeakerName, int64(s.Source.Start), int64(s.Source.End),
				string(s.SourceType), int64(s.SourceCount), string(s.Stance), int64(s.Cue.Start), int64(s.Cue.End), s.Hedge,
				int64(s.Evidence.Start), int64(s.Evidence.End), s.Quote)
			r.stanceOf = append(r.stanceOf, int32(i))
		}
	}
	r.timex = make([]any, 0, 5*len(a.Timex))
	for _, t := range a.Timex {
		r.timex = append(r.timex, nil, int64(t.Span.Start), int64(t.Span.End), string(t.Type), t.Value)
	}
	r.figure = make([]any, 0, 11*len(a.Figures))
	for _, f := range a.Figures {
		r.figure = append(r.figure, nil, int64(f.Span.Start), int64(f.Span.End), string(f.Kind), nullFloat(f.Value), f.Unit,
			f.Instrument, string(f.Direction), nullFloat(f.ChangePct), nullFloat(f.ChangePts), nullFloat(f.Level))
	}
	return r, nil
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
// The articles were checked by their callers (spans, fact ids), so the
// transaction normally writes them without savepoints (a savepoint copies
// every page it touches to a sub-journal), and the rows of each table for
// the whole batch together, in multi-row INSERTs. Should an article fail
// in SQL all the same, the transaction is rolled back and the batch
// written again with one SAVEPOINT per article, so that the failing
// article rolls back alone.
func (db *DB) writeBatch(batch []*putReq) {
	pre := make([]error, len(batch)) // errors found before writing
	for i, r := range batch {
		pre[i] = r.ctx.Err()
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
	ps := db.put
	defer ps.reset()
	tx, err := db.w.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	now := db.now().UnixNano()
	var lastArticle, lastQuote int64 // the last ids stored before this batch
	if err := tx.StmtContext(ctx, ps.maxIDs).QueryRowContext(ctx).Scan(&lastArticle, &lastQuote, &ps.nextEntity, &ps.nextClaim); err != nil {
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
		res, err := ps.putArticle(ctx, tx, r, now)
		if err == nil && !res.Duplicate {
			ps.addFacts(res.ArticleID, r)
			if savepoints {
				err = ps.flushFacts(ctx, tx)
			}
		}
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
	if !savepoints {
		if err := ps.flushFacts(ctx, tx); err != nil {
			return errArticle
		}
	}
	// Full-text rows last, copied by two statements from the rows of the
	// batch: FTS5 flushes its pending terms to disk at the start of every
	// statement that opens a statement journal (a savepoint), as these and
	// multi-row inserts do, so rows added between the other inserts would
	// be flushed (and then merged) a few articles at a time. The quotes go
	// first, when nothing is pending; the articles' statement flushes them,
	// and the commit the articles: one segment per table, as if every row
	// had been inserted alone. The rows of articles rolled back are not
	// there to be copied.
	if _, err := tx.StmtContext(ctx, ps.quoteFTS).ExecContext(ctx, lastQuote); err != nil {
		return err
	}
	if _, err := tx.StmtContext(ctx, ps.articleFTS).ExecContext(ctx, lastArticle); err != nil {
		return err
	}
	return tx.Commit()
}

// validate checks what the schema would refuse midway through a put: spans
// outside the text and fact ids used twice.
func validate(a dossier.Analysis) error {
	text := a.Article.Text
	n := len(text)
	for _, e := range a.Entities {
		for _, m := range e.Mentions {
			if !m.Span.Valid(n) {
				return dossier.CheckSpan("entity "+e.ID+" mention", m.Span, text)
			}
		}
	}
	for _, q := range a.Quotes {
		if !q.Content.Valid(n) || !q.Cue.Valid(n) || !q.Source.Valid(n) || !q.Addressee.Valid(n) {
			return checkSpans(text, "quote "+q.ID, q.Content, q.Cue, q.Source, q.Addressee)
		}
	}
	for _, c := range a.Claims {
		for _, s := range c.Stances {
			if !s.Source.Valid(n) || !s.Cue.Valid(n) || !s.Evidence.Valid(n) {
				return checkSpans(text, "claim "+c.ID+" stance", s.Source, s.Cue, s.Evidence)
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
	ids := make(map[string]struct{}, max(len(a.Entities), len(a.Quotes), len(a.Claims)))
	unique := func(kind, id string) error {
		if _, ok := ids[id]; ok {
			return fmt.Errorf("%s id %q used twice: %w", kind, id, dossier.ErrInvalid)
		}
		ids[id] = struct{}{}
		return nil
	}
	for _, e := range a.Entities {
		if err := unique("entity", e.ID); err != nil {
			return err
		}
	}
	clear(ids)
	for _, q := range a.Quotes {
		if err := unique("quote", q.ID); err != nil {
			return err
		}
	}
	clear(ids)
	for _, c := range a.Claims {
		if err := unique("claim", c.ID); err != nil {
			return err
		}
	}
	return nil
}

// putArticle writes the article row of r inside tx, unless the same text
// is stored already (a duplicate), and finds its first near-duplicate.
func (ps *putStmts) putArticle(ctx context.Context, tx *sql.Tx, r *putReq, now int64) (dossier.PutResult, error) {
	var res dossier.PutResult
	err := tx.StmtContext(ctx, ps.hash).QueryRowContext(ctx, r.hash).Scan(&res.ArticleID)
	switch {
	case err == nil:
		res.Duplicate = true
		return res, nil
	case !errors.Is(err, sql.ErrNoRows):
		return res, err
	}
	if r.words >= dossier.MinFingerprintWords {
		res.NearDuplicateOf, err = nearDuplicate(ctx, tx.StmtContext(ctx, ps.near), r.fp, dossier.FingerprintBands(r.fp))
		if err != nil {
			return res, err
		}
	}
	r.article[artNear], r.article[artIngested] = nil, now
	if res.NearDuplicateOf != 0 {
		r.article[artNear] = res.NearDuplicateOf
	}
	x, err := tx.StmtContext(ctx, ps.article).ExecContext(ctx, r.article...)
	if err != nil {
		return res, err
	}
	res.ArticleID, err = x.LastInsertId()
	return res, err
}

// addFacts adds the fact rows of r, stored as article id, to the rows
// waiting to be inserted, giving its entities and claims their ids.
func (ps *putStmts) addFacts(id int64, r *putReq) {
	firstEntity, firstClaim := ps.nextEntity+1, ps.nextClaim+1
	ps.nextEntity += int64(r.nEntity)
	ps.nextClaim += int64(r.nClaim)

	ps.producer.add(r.producer, func(row []any, _ int) { row[0] = id })
	ps.entity.add(r.entity, func(row []any, i int) { row[0], row[1] = firstEntity+int64(i), id })
	ps.mention.add(r.mention, func(row []any, i int) { row[0] = firstEntity + int64(r.mentionOf[i]) })
	ps.quote.add(r.quote, func(row []any, _ int) { row[0] = id })
	ps.claim.add(r.claim, func(row []any, i int) { row[0], row[1] = firstClaim+int64(i), id })
	ps.stance.add(r.stance, func(row []any, i int) { row[0] = firstClaim + int64(r.stanceOf[i]) })
	ps.timex.add(r.timex, func(row []any, _ int) { row[0] = id })
	ps.figure.add(r.figure, func(row []any, _ int) { row[0] = id })
}

// flushFacts inserts the fact rows waiting, table by table in the order
// of their references. The rows are dropped whether or not it succeeds.
func (ps *putStmts) flushFacts(ctx context.Context, tx *sql.Tx) error {
	facts := ps.facts()
	for _, m := range facts {
		if err := m.flush(ctx, tx); err != nil {
			for _, m := range facts {
				m.reset()
			}
			return err
		}
	}
	return nil
}

// facts are the inserts of fact rows, in the order of their references.
func (ps *putStmts) facts() [8]*multiInsert {
	return [8]*multiInsert{ps.producer, ps.entity, ps.mention, ps.quote, ps.claim, ps.stance, ps.timex, ps.figure}
}

// reset drops all the rows waiting to be inserted.
func (ps *putStmts) reset() {
	for _, m := range ps.facts() {
		m.reset()
	}
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

// multiInsert inserts rows into one table with multi-row INSERT
// statements. Rows are added for a whole batch of articles and inserted
// together, in chunks of 64 rows, then 16, 4 and 1, so that a batch takes
// a few statements per table rather than several per article.
type multiInsert struct {
	cols  int
	sizes [4]int       // rows per statement, largest first
	stmts [4]*sql.Stmt // the statement for each size
	args  []any        // the values of the rows waiting, cols per row
}

// add appends rows (cols values each) to the rows waiting, calling fill
// with each added row and its index in rows to fill in its ids.
func (m *multiInsert) add(rows []any, fill func(row []any, i int)) {
	start := len(m.args)
	m.args = append(m.args, rows...)
	for i, k := 0, start; k < len(m.args); i, k = i+1, k+m.cols {
		fill(m.args[k:k+m.cols], i)
	}
}

// flush inserts the rows waiting; they are dropped whether or not it
// succeeds.
func (m *multiInsert) flush(ctx context.Context, tx *sql.Tx) error {
	args := m.args
	defer m.reset()
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

// reset drops the rows waiting, keeping the buffer unless it grew large.
func (m *multiInsert) reset() {
	if cap(m.args) > 1<<16 {
		m.args = nil
		return
	}
	clear(m.args)
	m.args = m.args[:0]
}

// prepareMulti prepares the statements of a multiInsert: head is the
// INSERT up to VALUES, cols the number of values per row.
func prepareMulti(ctx context.Context, w *sql.DB, head string, cols int) (*multiInsert, error) {
	m := &multiInsert{cols: cols, sizes: [4]int{64, 16, 4, 1}}
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

	producer, entity, mention, quote, claim, stance, timex, figure *multiInsert

	// nextEntity and nextClaim are the last ids given to an entity and a
	// claim in the batch being written (read from the tables when the
	// batch starts: its transaction holds the write lock).
	nextEntity, nextClaim int64
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
		{&ps.savepoint, `SAVEPOINT put`},
		{&ps.rollbackTo, `ROLLBACK TO put`},
		{&ps.release, `RELEASE put`},
		// The full-text rows of the articles and quotes stored after the
		// given ids. A quote's text is the bytes of its content span.
		{&ps.articleFTS, `INSERT INTO articles_fts (rowid, title, text) SELECT id, title, text FROM articles WHERE id > ? ORDER BY id`},
		{&ps.quoteFTS, `INSERT INTO quotes_fts (text, article_id)
			SELECT CAST(substr(CAST(a.text AS BLOB), q.content_start + 1, q.content_end - q.content_start) AS TEXT), q.article_id
			FROM quotes q JOIN articles a ON a.id = q.article_id WHERE q.id > ? ORDER BY q.id`},
		{&ps.maxIDs, `SELECT (SELECT coalesce(max(id), 0) FROM articles), (SELECT coalesce(max(id), 0) FROM quotes),
			(SELECT coalesce(max(id), 0) FROM entities), (SELECT coalesce(max(id), 0) FROM claims)`},
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
