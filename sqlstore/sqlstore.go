// Package sqlstore holds the database/sql code the SQL backends (sqlite,
// postgres) share: reading an article back with all its facts, counting
// what a store holds, and counting a work batch by state. Both schemas name
// their tables and columns alike; Dialect carries what differs.
package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"dossier"
	"dossier/textpos"
)

// Dialect is what differs between the SQL backends for the shared queries.
type Dialect struct {
	// Dollar numbers placeholders $1, $2... (PostgreSQL) instead of ?.
	Dollar bool
	// Seq is the column that orders a table's rows by insertion: "rowid"
	// in SQLite, "id" in PostgreSQL.
	Seq string
}

// q rewrites the ? placeholders of a query for the dialect.
func (d Dialect) q(query string) string {
	if !d.Dollar {
		return query
	}
	var b strings.Builder
	n := 0
	for i := 0; i < len(query); i++ {
		if query[i] == '?' {
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
			continue
		}
		b.WriteByte(query[i])
	}
	return b.String()
}

// scanDate reads an article date as the drivers return it: a time.Time
// (PostgreSQL timestamptz), RFC 3339 text (SQLite), or NULL.
func scanDate(v any) (time.Time, error) {
	switch x := v.(type) {
	case nil:
		return time.Time{}, nil
	case time.Time:
		return x.UTC(), nil
	case string:
		return time.Parse(time.RFC3339Nano, x)
	case []byte:
		return time.Parse(time.RFC3339Nano, string(x))
	}
	return time.Time{}, fmt.Errorf("article date: unexpected %T", v)
}

// ReadAnalysis reads the article id with all its facts inside tx. It
// returns dossier.ErrNotFound when there is no such article.
func ReadAnalysis(ctx context.Context, tx *sql.Tx, d Dialect, id int64) (dossier.StoredAnalysis, error) {
	sa := dossier.StoredAnalysis{ID: id}
	art := &sa.Analysis.Article
	var date any // a time.Time (PostgreSQL) or RFC 3339 text (SQLite)
	var near sql.NullInt64
	var rawMap []byte
	err := tx.QueryRowContext(ctx, d.q(`SELECT hash, near_duplicate_of, title, date, source, url, text, origin_name, origin_format, raw, raw_map
		FROM articles WHERE id = ?`), id).Scan(&sa.Hash, &near, &art.Title, &date, &art.Source, &art.URL, &art.Text,
		&sa.Origin.Name, &sa.Origin.Format, &sa.Origin.Raw, &rawMap)
	if errors.Is(err, sql.ErrNoRows) {
		return sa, dossier.ErrNotFound
	}
	if err != nil {
		return sa, err
	}
	if err := sa.Origin.Map.UnmarshalBinary(rawMap); err != nil {
		return sa, fmt.Errorf("article %d: raw map: %w", id, err)
	}
	sa.NearDuplicateOf = near.Int64
	if art.Date, err = scanDate(date); err != nil {
		return sa, err
	}
	a := &sa.Analysis

	rows, err := tx.QueryContext(ctx, d.q(`SELECT layer, component FROM producers WHERE article_id = ?`), id)
	if err != nil {
		return sa, err
	}
	for rows.Next() {
		var l, c string
		if err := rows.Scan(&l, &c); err != nil {
			rows.Close()
			return sa, err
		}
		if a.Producers == nil {
			a.Producers = map[string]string{}
		}
		a.Producers[l] = c
	}
	if err := closeRows(rows); err != nil {
		return sa, err
	}

	rows, err = tx.QueryContext(ctx, d.q(`SELECT e.id, e.ref, e.name, e.type, e.title, e.party, e.region, e.linked_to,
		m.start, m."end", m.kind
		FROM entities e LEFT JOIN mentions m ON m.entity_id = e.id
		WHERE e.article_id = ? ORDER BY e.id, m.`+d.Seq), id)
	if err != nil {
		return sa, err
	}
	var last int64
	for rows.Next() {
		var eid int64
		var e dossier.Entity
		var typ string
		var start, end sql.NullInt64
		var kind sql.NullString
		if err := rows.Scan(&eid, &e.ID, &e.Name, &typ, &e.Title, &e.Party, &e.Region, &e.LinkedTo, &start, &end, &kind); err != nil {
			rows.Close()
			return sa, err
		}
		if eid != last || len(a.Entities) == 0 {
			e.Type = dossier.EntityType(typ)
			a.Entities = append(a.Entities, e)
			last = eid
		}
		if start.Valid {
			cur := &a.Entities[len(a.Entities)-1]
			cur.Mentions = append(cur.Mentions, dossier.Mention{
				Span: textpos.Span{Start: int(start.Int64), End: int(end.Int64)},
				Kind: dossier.MentionKind(kind.String),
			})
		}
	}
	if err := closeRows(rows); err != nil {
		return sa, err
	}

	rows, err = tx.QueryContext(ctx, d.q(`SELECT ref, kind, content_start, content_end, cue_start, cue_end, source_start, source_end,
		addressee_start, addressee_end, speaker, speaker_name, source_type, source_count, stance, class
		FROM quotes WHERE article_id = ? ORDER BY id`), id)
	if err != nil {
		return sa, err
	}
	for rows.Next() {
		var q dossier.Quote
		var kind, st, stance, class string
		if err := rows.Scan(&q.ID, &kind, &q.Content.Start, &q.Content.End, &q.Cue.Start, &q.Cue.End, &q.Source.Start,
			&q.Source.End, &q.Addressee.Start, &q.Addressee.End, &q.Speaker, &q.SpeakerName, &st, &q.SourceCount, &stance,
			&class); err != nil {
			rows.Close()
			return sa, err
		}
		q.Kind, q.SourceType, q.Stance = dossier.QuoteKind(kind), dossier.SourceType(st), dossier.StanceLabel(stance)
		q.Class = dossier.QuoteClass(class)
		a.Quotes = append(a.Quotes, q)
	}
	if err := closeRows(rows); err != nil {
		return sa, err
	}

	rows, err = tx.QueryContext(ctx, d.q(`SELECT c.id, c.ref, c.statement, c.entities,
		s.speaker, s.speaker_name, s.source_start, s.source_end, s.source_type, s.source_count, s.stance,
		s.cue_start, s.cue_end, s.hedge, s.evidence_start, s.evidence_end, s.quote
		FROM claims c LEFT JOIN stances s ON s.claim_id = c.id
		WHERE c.article_id = ? ORDER BY c.id, s.`+d.Seq), id)
	if err != nil {
		return sa, err
	}
	last = 0
	for rows.Next() {
		var cid int64
		var c dossier.Claim
		var ents string
		var speaker, speakerName, st, stance, hedge, quote sql.NullString
		var ss, se, count, cs, ce, es, ee sql.NullInt64
		if err := rows.Scan(&cid, &c.ID, &c.Statement, &ents, &speaker, &speakerName, &ss, &se, &st, &count, &stance,
			&cs, &ce, &hedge, &es, &ee, &quote); err != nil {
			rows.Close()
			return sa, err
		}
		if cid != last || len(a.Claims) == 0 {
			if ents != "" {
				c.Entities = strings.Split(ents, " ")
			}
			a.Claims = append(a.Claims, c)
			last = cid
		}
		if stance.Valid {
			cur := &a.Claims[len(a.Claims)-1]
			cur.Stances = append(cur.Stances, dossier.Stance{
				Speaker:     speaker.String,
				SpeakerName: speakerName.String,
				Source:      textpos.Span{Start: int(ss.Int64), End: int(se.Int64)},
				SourceType:  dossier.SourceType(st.String),
				SourceCount: int(count.Int64),
				Stance:      dossier.StanceLabel(stance.String),
				Cue:         textpos.Span{Start: int(cs.Int64), End: int(ce.Int64)},
				Hedge:       hedge.String,
				Evidence:    textpos.Span{Start: int(es.Int64), End: int(ee.Int64)},
				Quote:       quote.String,
			})
		}
	}
	if err := closeRows(rows); err != nil {
		return sa, err
	}

	rows, err = tx.QueryContext(ctx, d.q(`SELECT start, "end", type, value FROM timex WHERE article_id = ? ORDER BY `+d.Seq), id)
	if err != nil {
		return sa, err
	}
	for rows.Next() {
		var t dossier.Timex
		var typ string
		if err := rows.Scan(&t.Span.Start, &t.Span.End, &typ, &t.Value); err != nil {
			rows.Close()
			return sa, err
		}
		t.Type = dossier.TimexType(typ)
		a.Timex = append(a.Timex, t)
	}
	if err := closeRows(rows); err != nil {
		return sa, err
	}

	rows, err = tx.QueryContext(ctx, d.q(`SELECT start, "end", kind, value, unit, instrument, direction, change_pct, change_pts, level
		FROM figures WHERE article_id = ? ORDER BY `+d.Seq), id)
	if err != nil {
		return sa, err
	}
	for rows.Next() {
		var f dossier.Figure
		var kind, dir string
		var v, pct, pts, lvl sql.NullFloat64
		if err := rows.Scan(&f.Span.Start, &f.Span.End, &kind, &v, &f.Unit, &f.Instrument, &dir, &pct, &pts, &lvl); err != nil {
			rows.Close()
			return sa, err
		}
		f.Kind, f.Direction = dossier.FigureKind(kind), dossier.Direction(dir)
		f.Value, f.ChangePct, f.ChangePts, f.Level = floatPtr(v), floatPtr(pct), floatPtr(pts), floatPtr(lvl)
		a.Figures = append(a.Figures, f)
	}
	if err := closeRows(rows); err != nil {
		return sa, err
	}
	return sa, nil
}

func closeRows(rows *sql.Rows) error {
	err := rows.Err()
	return errors.Join(err, rows.Close())
}

func floatPtr(v sql.NullFloat64) *float64 {
	if !v.Valid {
		return nil
	}
	return &v.Float64
}

// Stats counts the articles and facts a store holds.
func Stats(ctx context.Context, db *sql.DB) (dossier.Stats, error) {
	st := dossier.Stats{ByKind: map[string]int64{}}
	err := db.QueryRowContext(ctx, `SELECT
		(SELECT count(*) FROM articles),
		(SELECT count(*) FROM articles WHERE near_duplicate_of IS NOT NULL),
		(SELECT count(*) FROM entities),
		(SELECT count(*) FROM mentions),
		(SELECT count(*) FROM quotes),
		(SELECT count(*) FROM claims),
		(SELECT count(*) FROM stances),
		(SELECT count(*) FROM timex),
		(SELECT count(*) FROM figures)`).Scan(&st.ArticlesTotal, &st.NearDuplicates,
		ptr(st.ByKind, dossier.KindEntities), ptr(st.ByKind, dossier.KindMentions), ptr(st.ByKind, dossier.KindQuotes),
		ptr(st.ByKind, dossier.KindClaims), ptr(st.ByKind, dossier.KindStances), ptr(st.ByKind, dossier.KindTimex),
		ptr(st.ByKind, dossier.KindFigures))
	if err != nil {
		return dossier.Stats{}, err
	}
	for _, k := range dossier.FactKinds() {
		st.FactsTotal += st.ByKind[k]
	}
	return st, nil
}

// ptr returns a scan destination that stores into m[k] through a counter.
func ptr(m map[string]int64, k string) any { return &mapInt{m, k} }

type mapInt struct {
	m map[string]int64
	k string
}

// Scan stores an integer count into the map.
func (p *mapInt) Scan(v any) error {
	n, ok := v.(int64)
	if !ok {
		return fmt.Errorf("count %s: %T is not an integer", p.k, v)
	}
	p.m[p.k] = n
	return nil
}

// Queue counts the jobs of a batch by state.
func Queue(ctx context.Context, db *sql.DB, d Dialect, batch string) (dossier.QueueCounts, error) {
	var c dossier.QueueCounts
	rows, err := db.QueryContext(ctx, d.q(`SELECT state, count(*) FROM jobs WHERE batch = ? GROUP BY state`), batch)
	if err != nil {
		return c, err
	}
	defer rows.Close()
	for rows.Next() {
		var state string
		var n int64
		if err := rows.Scan(&state, &n); err != nil {
			return c, err
		}
		switch state {
		case "pending":
			c.Pending = n
		case "claimed":
			c.Claimed = n
		case "done":
			c.Done = n
		case "failed":
			c.Failed = n
		}
	}
	return c, rows.Err()
}
