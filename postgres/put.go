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

// putTx writes one article inside tx. It takes at most three round trips:
// the near-duplicate band locks, one look-up (the same text stored, and
// near-duplicate candidates) and one statement (putSQL) that inserts the
// article and all its facts.
func putTx(ctx context.Context, tx *sql.Tx, a dossier.Analysis, o dossier.Origin, hash string, fp uint64, words int) (dossier.PutResult, error) {
	var res dossier.PutResult
	near := words >= dossier.MinFingerprintWords
	b := dossier.FingerprintBands(fp)
	if near {
		// Serialize with any concurrent put sharing a band: a near-copy
		// written at the same time is then seen by the query below. Locks
		// are taken in one order (band 0 to 3; a select list is evaluated
		// left to right), so they cannot deadlock.
		if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock($1, $2), pg_advisory_xact_lock($3, $4),
			pg_advisory_xact_lock($5, $6), pg_advisory_xact_lock($7, $8)`,
			int32(0x6470), int32(b[0]), int32(0x6471), int32(b[1]),
			int32(0x6472), int32(b[2]), int32(0x6473), int32(b[3])); err != nil {
			return res, err
		}
	}
	// After the locks, in a statement of its own: its snapshot then sees
	// every near-copy committed by a put that held one of them.
	id, first, err := lookup(ctx, tx, hash, near, fp, b)
	if err != nil {
		return res, err
	}
	if id != 0 {
		return dossier.PutResult{ArticleID: id, Duplicate: true}, nil
	}
	res.NearDuplicateOf = first

	args, err := putArgs(a, o, hash, fp, near, first)
	if err != nil {
		return res, err
	}
	err = tx.QueryRowContext(ctx, putSQL, args...).Scan(&res.ArticleID)
	if errors.Is(err, sql.ErrNoRows) {
		// A concurrent put of the same text committed first: ON CONFLICT
		// skipped the article, so the facts joined to it were skipped too.
		res = dossier.PutResult{Duplicate: true}
		err = tx.QueryRowContext(ctx, `SELECT id FROM articles WHERE hash = $1`, hash).Scan(&res.ArticleID)
		return res, err
	}
	return res, err
}

// lookup returns the id of the stored article with this hash, or 0 and the
// first stored copy of an article whose Fingerprint is within
// dossier.NearDuplicateDistance of fp (0 when none, or when near is false).
// Candidates share at least one band (pigeonhole: 3 differing bits leave
// one of 4 bands equal).
func lookup(ctx context.Context, tx *sql.Tx, hash string, near bool, fp uint64, b [4]uint16) (id, first int64, err error) {
	var bands [4]any // NULL matches no row
	if near {
		for i := range b {
			bands[i] = int64(b[i])
		}
	}
	rows, err := tx.QueryContext(ctx, `SELECT id, fingerprint, coalesce(near_duplicate_of, 0), hash = $1 FROM articles
		WHERE hash = $1 OR band0 = $2 OR band1 = $3 OR band2 = $4 OR band3 = $5`, hash, bands[0], bands[1], bands[2], bands[3])
	if err != nil {
		return 0, 0, err
	}
	defer rows.Close()
	for rows.Next() {
		var cand, h, dup int64
		var same bool
		if err := rows.Scan(&cand, &h, &dup, &same); err != nil {
			return 0, 0, err
		}
		if same {
			id = cand
		}
		if !near || dossier.HammingDistance(uint64(h), fp) > dossier.NearDuplicateDistance {
			continue
		}
		if dup != 0 {
			cand = dup
		}
		if first == 0 || cand < first {
			first = cand
		}
	}
	if err := rows.Err(); err != nil {
		return 0, 0, err
	}
	if id != 0 {
		return id, 0, nil
	}
	return 0, first, nil
}

// putSQL inserts an article and all its facts in one statement, each table's
// rows passed as one array per column and expanded by unnest: one round trip
// per article whatever its number of facts, and one prepared statement. The
// facts join the article's row, so when ON CONFLICT (hash) skips it (a
// concurrent put of the same text), nothing else is written and no row is
// returned. Mentions and stances find their entity and claim by ref (unique
// within an article). WITH ORDINALITY ... ORDER BY keeps the facts' order in
// their ids, which is the order Analysis reads them back in.
const putSQL = `WITH a AS (
	INSERT INTO articles (hash, fingerprint, band0, band1, band2, band3, near_duplicate_of, title, date, source, url, text,
		origin_name, origin_format, raw, raw_map)
	VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
	ON CONFLICT (hash) DO NOTHING RETURNING id
), p AS (
	INSERT INTO producers (article_id, layer, component)
	SELECT a.id, t.layer, t.component FROM a, unnest($17::text[], $18::text[]) AS t (layer, component)
), e AS (
	INSERT INTO entities (article_id, ref, name, type, title, party, region, linked_to)
	SELECT a.id, t.ref, t.name, t.type, t.title, t.party, t.region, t.linked_to
	FROM a, unnest($19::text[], $20::text[], $21::text[], $22::text[], $23::text[], $24::text[], $25::text[])
		WITH ORDINALITY AS t (ref, name, type, title, party, region, linked_to, n)
	ORDER BY t.n
	RETURNING id, ref
), m AS (
	INSERT INTO mentions (entity_id, start, "end", kind)
	SELECT e.id, t.start, t."end", t.kind
	FROM unnest($26::text[], $27::int4[], $28::int4[], $29::text[]) WITH ORDINALITY AS t (ref, start, "end", kind, n)
	JOIN e ON e.ref = t.ref
	ORDER BY t.n
), q AS (
	INSERT INTO quotes (article_id, ref, kind, content_start, content_end, cue_start, cue_end, source_start, source_end,
		addressee_start, addressee_end, speaker, speaker_name, source_type, source_count, stance, text, class)
	SELECT a.id, t.ref, t.kind, t.content_start, t.content_end, t.cue_start, t.cue_end, t.source_start, t.source_end,
		t.addressee_start, t.addressee_end, t.speaker, t.speaker_name, t.source_type, t.source_count, t.stance, t.text, t.class
	FROM a, unnest($30::text[], $31::text[], $32::int4[], $33::int4[], $34::int4[], $35::int4[], $36::int4[], $37::int4[],
		$38::int4[], $39::int4[], $40::text[], $41::text[], $42::text[], $43::int4[], $44::text[], $45::text[], $46::text[])
		WITH ORDINALITY AS t (ref, kind, content_start, content_end, cue_start, cue_end, source_start, source_end,
			addressee_start, addressee_end, speaker, speaker_name, source_type, source_count, stance, text, class, n)
	ORDER BY t.n
), c AS (
	INSERT INTO claims (article_id, ref, statement, entities)
	SELECT a.id, t.ref, t.statement, t.entities
	FROM a, unnest($47::text[], $48::text[], $49::text[]) WITH ORDINALITY AS t (ref, statement, entities, n)
	ORDER BY t.n
	RETURNING id, ref
), s AS (
	INSERT INTO stances (claim_id, speaker, speaker_name, source_start, source_end, source_type, source_count, stance,
		cue_start, cue_end, hedge, evidence_start, evidence_end, quote)
	SELECT c.id, t.speaker, t.speaker_name, t.source_start, t.source_end, t.source_type, t.source_count, t.stance,
		t.cue_start, t.cue_end, t.hedge, t.evidence_start, t.evidence_end, t.quote
	FROM unnest($50::text[], $51::text[], $52::text[], $53::int4[], $54::int4[], $55::text[], $56::int4[], $57::text[],
		$58::int4[], $59::int4[], $60::text[], $61::int4[], $62::int4[], $63::text[])
		WITH ORDINALITY AS t (claim, speaker, speaker_name, source_start, source_end, source_type, source_count, stance,
			cue_start, cue_end, hedge, evidence_start, evidence_end, quote, n)
	JOIN c ON c.ref = t.claim
	ORDER BY t.n
), tm AS (
	INSERT INTO timex (article_id, start, "end", type, value)
	SELECT a.id, t.start, t."end", t.type, t.value
	FROM a, unnest($64::int4[], $65::int4[], $66::text[], $67::text[]) WITH ORDINALITY AS t (start, "end", type, value, n)
	ORDER BY t.n
), f AS (
	INSERT INTO figures (article_id, start, "end", kind, value, unit, instrument, direction, change_pct, change_pts, level)
	SELECT a.id, t.start, t."end", t.kind, t.value, t.unit, t.instrument, t.direction, t.change_pct, t.change_pts, t.level
	FROM a, unnest($68::int4[], $69::int4[], $70::text[], $71::float8[], $72::text[], $73::text[], $74::text[],
		$75::float8[], $76::float8[], $77::float8[])
		WITH ORDINALITY AS t (start, "end", kind, value, unit, instrument, direction, change_pct, change_pts, level, n)
	ORDER BY t.n
)
SELECT id FROM a`

// putArgs checks every span of a against its text and returns the
// parameters of putSQL.
func putArgs(a dossier.Analysis, o dossier.Origin, hash string, fp uint64, near bool, first int64) ([]any, error) {
	if err := checkAll(a); err != nil {
		return nil, err
	}
	art := a.Article
	var date, dup any
	if !art.Date.IsZero() {
		date = art.Date
	}
	if first != 0 {
		dup = first
	}
	var bands [4]any // NULL for texts too short for near-duplicate detection
	if near {
		b := dossier.FingerprintBands(fp)
		for i := range b {
			bands[i] = int64(b[i])
		}
	}
	rawMap, err := o.Map.MarshalBinary()
	if err != nil {
		return nil, err
	}
	args := make([]any, 0, 77)
	args = append(args, hash, int64(fp), bands[0], bands[1], bands[2], bands[3], dup, art.Title, date, art.Source, art.URL,
		art.Text, o.Name, o.Format, o.Raw, rawMap)

	layers := make([]string, 0, len(a.Producers))
	comps := make([]string, 0, len(a.Producers))
	for layer, comp := range a.Producers {
		layers = append(layers, layer)
		comps = append(comps, comp)
	}
	args = append(args, layers, comps)

	n := len(a.Entities)
	eref, ename, etype, etitle, eparty, eregion, elinked := make([]string, n), make([]string, n), make([]string, n),
		make([]string, n), make([]string, n), make([]string, n), make([]string, n)
	nm := 0
	for i, e := range a.Entities {
		eref[i], ename[i], etype[i], etitle[i], eparty[i], eregion[i], elinked[i] = e.ID, e.Name, string(e.Type), e.Title,
			e.Party, e.Region, e.LinkedTo
		nm += len(e.Mentions)
	}
	mref, mstart, mend, mkind := make([]string, 0, nm), make([]int32, 0, nm), make([]int32, 0, nm), make([]string, 0, nm)
	for _, e := range a.Entities {
		for _, m := range e.Mentions {
			mref = append(mref, e.ID)
			mstart = append(mstart, int32(m.Span.Start))
			mend = append(mend, int32(m.Span.End))
			mkind = append(mkind, string(m.Kind))
		}
	}
	args = append(args, eref, ename, etype, etitle, eparty, eregion, elinked, mref, mstart, mend, mkind)

	n = len(a.Quotes)
	qref, qkind, qspeaker, qname, qtype, qstance, qtext, qclass := make([]string, n), make([]string, n), make([]string, n),
		make([]string, n), make([]string, n), make([]string, n), make([]string, n), make([]string, n)
	var qspans [8][]int32 // content, cue, source, addressee: start and end
	for i := range qspans {
		qspans[i] = make([]int32, n)
	}
	qcount := make([]int32, n)
	for i, q := range a.Quotes {
		qref[i], qkind[i], qspeaker[i], qname[i], qtype[i], qstance[i] = q.ID, string(q.Kind), q.Speaker, q.SpeakerName,
			string(q.SourceType), string(q.Stance)
		qtext[i], qclass[i] = q.Content.Text(art.Text), string(q.Class)
		for j, sp := range [4]textpos.Span{q.Content, q.Cue, q.Source, q.Addressee} {
			qspans[2*j][i], qspans[2*j+1][i] = int32(sp.Start), int32(sp.End)
		}
		qcount[i] = int32(q.SourceCount)
	}
	args = append(args, qref, qkind, qspans[0], qspans[1], qspans[2], qspans[3], qspans[4], qspans[5], qspans[6], qspans[7],
		qspeaker, qname, qtype, qcount, qstance, qtext, qclass)

	n = len(a.Claims)
	cref, cstmt, cents := make([]string, n), make([]string, n), make([]string, n)
	ns := 0
	for i, c := range a.Claims {
		cref[i], cstmt[i], cents[i] = c.ID, c.Statement, strings.Join(c.Entities, " ")
		ns += len(c.Stances)
	}
	args = append(args, cref, cstmt, cents)
	sclaim, sspeaker, sname, stype, sstance, shedge, squote := make([]string, 0, ns), make([]string, 0, ns),
		make([]string, 0, ns), make([]string, 0, ns), make([]string, 0, ns), make([]string, 0, ns), make([]string, 0, ns)
	var sspans [6][]int32 // source, cue, evidence: start and end
	for i := range sspans {
		sspans[i] = make([]int32, 0, ns)
	}
	scount := make([]int32, 0, ns)
	for _, c := range a.Claims {
		for _, s := range c.Stances {
			sclaim = append(sclaim, c.ID)
			sspeaker = append(sspeaker, s.Speaker)
			sname = append(sname, s.SpeakerName)
			stype = append(stype, string(s.SourceType))
			sstance = append(sstance, string(s.Stance))
			shedge = append(shedge, s.Hedge)
			squote = append(squote, s.Quote)
			scount = append(scount, int32(s.SourceCount))
			for j, sp := range [3]textpos.Span{s.Source, s.Cue, s.Evidence} {
				sspans[2*j] = append(sspans[2*j], int32(sp.Start))
				sspans[2*j+1] = append(sspans[2*j+1], int32(sp.End))
			}
		}
	}
	args = append(args, sclaim, sspeaker, sname, sspans[0], sspans[1], stype, scount, sstance, sspans[2], sspans[3],
		shedge, sspans[4], sspans[5], squote)

	n = len(a.Timex)
	tstart, tend, ttype, tvalue := make([]int32, n), make([]int32, n), make([]string, n), make([]string, n)
	for i, t := range a.Timex {
		tstart[i], tend[i], ttype[i], tvalue[i] = int32(t.Span.Start), int32(t.Span.End), string(t.Type), t.Value
	}
	args = append(args, tstart, tend, ttype, tvalue)

	n = len(a.Figures)
	fstart, fend := make([]int32, n), make([]int32, n)
	fkind, funit, finst, fdir := make([]string, n), make([]string, n), make([]string, n), make([]string, n)
	fvalue, fpct, fpts, flevel := make([]*float64, n), make([]*float64, n), make([]*float64, n), make([]*float64, n)
	for i, f := range a.Figures {
		fstart[i], fend[i] = int32(f.Span.Start), int32(f.Span.End)
		fkind[i], funit[i], finst[i], fdir[i] = string(f.Kind), f.Unit, f.Instrument, string(f.Direction)
		fvalue[i], fpct[i], fpts[i], flevel[i] = f.Value, f.ChangePct, f.ChangePts, f.Level
	}
	args = append(args, fstart, fend, fkind, fvalue, funit, finst, fdir, fpct, fpts, flevel)
	return args, nil
}

// checkAll checks every span of a against its text, before anything is
// written: a bad span fails the put with an error wrapping dossier.ErrInvalid.
func checkAll(a dossier.Analysis) error {
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
