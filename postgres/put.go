package postgres

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"dossier"
	"dossier/textpos"
)

// HasHash reports whether an article with this content hash is stored.
func (s *DB) HasHash(ctx context.Context, hash string) (bool, error) {
	var one int
	err := s.db.QueryRowContext(ctx, `SELECT 1 FROM articles WHERE hash = $1`, hash).Scan(&one)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return false, nil
	case err != nil:
		return false, fmt.Errorf("postgres: has hash: %w", err)
	}
	return true, nil
}

// PutAnalysis stores the article and all its facts in one transaction; see
// dossier.Store.
func (s *DB) PutAnalysis(ctx context.Context, a dossier.Analysis, o dossier.Origin) (dossier.PutResult, error) {
	// Hashing is done before the write lock is taken.
	text := a.Article.Text
	hash := dossier.ContentHash(text)
	fp, words := dossier.Fingerprint(text)

	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return dossier.PutResult{}, fmt.Errorf("postgres: put analysis: %w", err)
	}
	defer tx.Rollback()
	res, err := putTx(ctx, tx, a, o, hash, fp, words)
	if err != nil {
		return dossier.PutResult{}, fmt.Errorf("postgres: put analysis: %w", err)
	}
	if res.Duplicate {
		return res, nil
	}
	if err := tx.Commit(); err != nil {
		return dossier.PutResult{}, fmt.Errorf("postgres: put analysis: %w", err)
	}
	return res, nil
}

// putTx writes one article inside tx.
func putTx(ctx context.Context, tx *sql.Tx, a dossier.Analysis, o dossier.Origin, hash string, fp uint64, words int) (dossier.PutResult, error) {
	var res dossier.PutResult
	near := words >= dossier.MinFingerprintWords
	b := dossier.FingerprintBands(fp)
	if near {
		// Serialize with any concurrent put sharing a band: a near-copy
		// written at the same time is then seen by the query below. Locks
		// are taken in one order (band 0 to 3), so they cannot deadlock.
		for i := range b {
			if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock($1, $2)`, int32(i)+0x6470, int32(b[i])); err != nil {
				return res, err
			}
		}
	}
	err := tx.QueryRowContext(ctx, `SELECT id FROM articles WHERE hash = $1`, hash).Scan(&res.ArticleID)
	switch {
	case err == nil:
		res.Duplicate = true
		return res, nil
	case !errors.Is(err, sql.ErrNoRows):
		return res, err
	}

	var bands [4]any // NULL for texts too short for near-duplicate detection
	if near {
		for i := range b {
			bands[i] = int64(b[i])
		}
		res.NearDuplicateOf, err = nearDuplicate(ctx, tx, fp, b)
		if err != nil {
			return res, err
		}
	}

	art := a.Article
	var date, first any
	if !art.Date.IsZero() {
		date = art.Date
	}
	if res.NearDuplicateOf != 0 {
		first = res.NearDuplicateOf
	}
	rawMap, err := o.Map.MarshalBinary()
	if err != nil {
		return res, err
	}
	err = tx.QueryRowContext(ctx, `INSERT INTO articles
		(hash, fingerprint, band0, band1, band2, band3, near_duplicate_of, title, date, source, url, text,
		 origin_name, origin_format, raw, raw_map)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
		ON CONFLICT (hash) DO NOTHING RETURNING id`,
		hash, int64(fp), bands[0], bands[1], bands[2], bands[3], first, art.Title, date, art.Source, art.URL, art.Text,
		o.Name, o.Format, o.Raw, rawMap).Scan(&res.ArticleID)
	if errors.Is(err, sql.ErrNoRows) {
		// A concurrent put of the same text committed first.
		res = dossier.PutResult{Duplicate: true}
		err = tx.QueryRowContext(ctx, `SELECT id FROM articles WHERE hash = $1`, hash).Scan(&res.ArticleID)
		return res, err
	}
	if err != nil {
		return res, err
	}
	id := res.ArticleID
	if err := putFacts(ctx, tx, id, a); err != nil {
		return res, err
	}
	return res, nil
}

// nearDuplicate returns the first stored copy of an article whose Fingerprint is
// within dossier.NearDuplicateDistance of fp, or 0. Candidates share at
// least one band (pigeonhole: 3 differing bits leave one of 4 bands equal).
func nearDuplicate(ctx context.Context, tx *sql.Tx, fp uint64, b [4]uint16) (int64, error) {
	rows, err := tx.QueryContext(ctx, `SELECT id, fingerprint, coalesce(near_duplicate_of, 0) FROM articles
		WHERE band0 = $1 OR band1 = $2 OR band2 = $3 OR band3 = $4`, int64(b[0]), int64(b[1]), int64(b[2]), int64(b[3]))
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
func putFacts(ctx context.Context, tx *sql.Tx, id int64, a dossier.Analysis) error {
	text := a.Article.Text
	for layer, comp := range a.Producers {
		if _, err := tx.ExecContext(ctx, `INSERT INTO producers (article_id, layer, component) VALUES ($1, $2, $3)`, id, layer, comp); err != nil {
			return err
		}
	}

	if len(a.Entities) > 0 {
		ent, err := tx.PrepareContext(ctx, `INSERT INTO entities (article_id, ref, name, type, title, party, region, linked_to)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`)
		if err != nil {
			return err
		}
		defer ent.Close()
		men, err := tx.PrepareContext(ctx, `INSERT INTO mentions (entity_id, start, "end", kind) VALUES ($1, $2, $3, $4)`)
		if err != nil {
			return err
		}
		defer men.Close()
		for _, e := range a.Entities {
			var eid int64
			if err := ent.QueryRowContext(ctx, id, e.ID, e.Name, string(e.Type), e.Title, e.Party, e.Region, e.LinkedTo).Scan(&eid); err != nil {
				return fmt.Errorf("entity %s: %w", e.ID, err)
			}
			for _, m := range e.Mentions {
				if err := dossier.CheckSpan("entity "+e.ID+" mention", m.Span, text); err != nil {
					return err
				}
				if _, err := men.ExecContext(ctx, eid, m.Span.Start, m.Span.End, string(m.Kind)); err != nil {
					return err
				}
			}
		}
	}

	if len(a.Quotes) > 0 {
		qs, err := tx.PrepareContext(ctx, `INSERT INTO quotes (article_id, ref, kind, content_start, content_end, cue_start, cue_end,
			source_start, source_end, addressee_start, addressee_end, speaker, speaker_name, source_type, source_count, stance, text)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)`)
		if err != nil {
			return err
		}
		defer qs.Close()
		for _, q := range a.Quotes {
			if err := checkSpans(text, "quote "+q.ID, q.Content, q.Cue, q.Source, q.Addressee); err != nil {
				return err
			}
			if _, err := qs.ExecContext(ctx, id, q.ID, string(q.Kind), q.Content.Start, q.Content.End, q.Cue.Start, q.Cue.End,
				q.Source.Start, q.Source.End, q.Addressee.Start, q.Addressee.End, q.Speaker, q.SpeakerName,
				string(q.SourceType), q.SourceCount, string(q.Stance), q.Content.Text(text)); err != nil {
				return fmt.Errorf("quote %s: %w", q.ID, err)
			}
		}
	}

	if len(a.Claims) > 0 {
		cs, err := tx.PrepareContext(ctx, `INSERT INTO claims (article_id, ref, statement, entities) VALUES ($1, $2, $3, $4) RETURNING id`)
		if err != nil {
			return err
		}
		defer cs.Close()
		ss, err := tx.PrepareContext(ctx, `INSERT INTO stances (claim_id, speaker, speaker_name, source_start, source_end,
			source_type, source_count, stance, cue_start, cue_end, hedge, evidence_start, evidence_end, quote)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`)
		if err != nil {
			return err
		}
		defer ss.Close()
		for _, c := range a.Claims {
			var cid int64
			if err := cs.QueryRowContext(ctx, id, c.ID, c.Statement, strings.Join(c.Entities, " ")).Scan(&cid); err != nil {
				return fmt.Errorf("claim %s: %w", c.ID, err)
			}
			for _, s := range c.Stances {
				if err := checkSpans(text, "claim "+c.ID+" stance", s.Source, s.Cue, s.Evidence); err != nil {
					return err
				}
				if _, err := ss.ExecContext(ctx, cid, s.Speaker, s.SpeakerName, s.Source.Start, s.Source.End,
					string(s.SourceType), s.SourceCount, string(s.Stance), s.Cue.Start, s.Cue.End, s.Hedge,
					s.Evidence.Start, s.Evidence.End, s.Quote); err != nil {
					return err
				}
			}
		}
	}

	if len(a.Timex) > 0 {
		ts, err := tx.PrepareContext(ctx, `INSERT INTO timex (article_id, start, "end", type, value) VALUES ($1, $2, $3, $4, $5)`)
		if err != nil {
			return err
		}
		defer ts.Close()
		for _, t := range a.Timex {
			if err := dossier.CheckSpan("timex", t.Span, text); err != nil {
				return err
			}
			if _, err := ts.ExecContext(ctx, id, t.Span.Start, t.Span.End, string(t.Type), t.Value); err != nil {
				return err
			}
		}
	}

	if len(a.Figures) > 0 {
		fs, err := tx.PrepareContext(ctx, `INSERT INTO figures (article_id, start, "end", kind, value, unit, instrument,
			direction, change_pct, change_pts, level) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`)
		if err != nil {
			return err
		}
		defer fs.Close()
		for _, f := range a.Figures {
			if err := dossier.CheckSpan("figure", f.Span, text); err != nil {
				return err
			}
			if _, err := fs.ExecContext(ctx, id, f.Span.Start, f.Span.End, string(f.Kind), nullFloat(f.Value), f.Unit,
				f.Instrument, string(f.Direction), nullFloat(f.ChangePct), nullFloat(f.ChangePts), nullFloat(f.Level)); err != nil {
				return err
			}
		}
	}
	return nil
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
