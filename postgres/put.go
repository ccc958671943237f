package postgres

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"

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
//
// A put is one round trip: the near-duplicate band locks and putSQL are
// sent together in a pipeline (pgx.Batch), which the server runs as one
// implicit transaction, committed when it ends. Nothing is written unless
// both statements succeed, and a client that dies before the end leaves
// nothing. The statements are separate so that putSQL, whose snapshot is
// taken when it starts (READ COMMITTED), sees every near-copy committed by
// a put that held one of the locks before.
func (s *DB) PutAnalysis(ctx context.Context, a dossier.Analysis, o dossier.Origin) (dossier.PutResult, error) {
	// Hashing is done before anything is sent.
	text := a.Article.Text
	hash := dossier.ContentHash(text)
	fp, words := dossier.Fingerprint(text)
	near := words >= dossier.MinFingerprintWords
	args, err := putArgs(a, o, hash, fp, near)
	if err != nil {
		return dossier.PutResult{}, fmt.Errorf("postgres: put analysis: %w", err)
	}
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return dossier.PutResult{}, fmt.Errorf("postgres: put analysis: %w", err)
	}
	defer conn.Close()
	var res dossier.PutResult
	err = conn.Raw(func(dc any) error {
		res, err = put(ctx, dc.(*stdlib.Conn).Conn(), hash, fp, near, args)
		return err
	})
	if err != nil {
		return dossier.PutResult{}, fmt.Errorf("postgres: put analysis: %w", err)
	}
	return res, nil
}

// put sends the band locks (when near) and putSQL in one batch, an implicit
// transaction, and reads the result.
func put(ctx context.Context, c *pgx.Conn, hash string, fp uint64, near bool, args []any) (dossier.PutResult, error) {
	var res dossier.PutResult
	var b pgx.Batch
	// putSQL is prepared once per connection, and its plan cached: often
	// while articles is nearly empty and not yet analysed, when a
	// sequential scan is the cheapest way to find the same text and the
	// near-copies. That plan would stay until the next automatic ANALYZE
	// (at about 900 articles on a fresh database), each put reading every
	// row stored. Turning sequential scans off for this transaction, in
	// the statement before putSQL, has every plan of it use the indexes.
	if near {
		// Serialize with any concurrent put sharing a band: a near-copy
		// written at the same time is then seen by putSQL. Locks are
		// taken in one order (band 0 to 3; a select list is evaluated
		// left to right), so they cannot deadlock.
		bd := dossier.FingerprintBands(fp)
		b.Queue(`SELECT set_config('enable_seqscan', 'off', true), pg_advisory_xact_lock($1, $2),
			pg_advisory_xact_lock($3, $4), pg_advisory_xact_lock($5, $6), pg_advisory_xact_lock($7, $8)`,
			int32(0x6470), int32(bd[0]), int32(0x6471), int32(bd[1]),
			int32(0x6472), int32(bd[2]), int32(0x6473), int32(bd[3]))
	} else {
		b.Queue(`SELECT set_config('enable_seqscan', 'off', true)`)
	}
	b.Queue(putSQL, args...)
	br := c.SendBatch(ctx, &b)
	if _, err := br.Exec(); err != nil {
		br.Close()
		return res, err
	}
	// Close reads to the end of the batch, where the server commits.
	err := br.QueryRow().Scan(&res.ArticleID, &res.NearDuplicateOf, &res.Duplicate)
	if cerr := br.Close(); cerr != nil {
		return dossier.PutResult{}, cerr
	}
	if errors.Is(err, pgx.ErrNoRows) {
		// A concurrent put of the same text committed after putSQL's
		// snapshot was taken: ON CONFLICT skipped the article, so the
		// facts joined to it were skipped too. The batch has ended; a new
		// statement sees that put's row.
		res = dossier.PutResult{Duplicate: true}
		err = c.QueryRow(ctx, `SELECT id FROM articles WHERE hash = $1`, hash).Scan(&res.ArticleID)
	}
	return res, err
}

// putSQL inserts an article and all its facts in one statement, each table's
// rows passed as one array per column and expanded by unnest: one round trip
// per article whatever its number of facts, and one prepared statement. The
// facts join the article's row, so when ON CONFLICT (hash) skips it (a
// concurrent put of the same text), nothing else is written and no row is
// returned. Mentions and stances find their entity and claim by ref (unique
// within an article). WITH ORDINALITY ... ORDER BY keeps the facts' order in
// their ids, which is the order Analysis reads them back in.
var putSQL = `WITH old AS (
	SELECT id FROM articles WHERE hash = $1
), near AS (
	SELECT min(coalesce(near_duplicate_of, id)) AS first FROM articles
	WHERE (band0 = $3 OR band1 = $4 OR band2 = $5 OR band3 = $6)
		AND length(replace((fingerprint # $2)::bit(64)::text, '0', '')) <= ` + strconv.Itoa(dossier.NearDuplicateDistance) + `
), a AS (
	INSERT INTO articles (hash, fingerprint, band0, band1, band2, band3, near_duplicate_of, title, date, source, url, text,
		origin_name, origin_format, raw, raw_map)
	SELECT $1::text, $2::int8, $3::int4, $4::int4, $5::int4, $6::int4, near.first, $7::text, $8::timestamptz, $9::text,
		$10::text, $11::text, $12::text, $13::text, $14::bytea, $15::bytea
	FROM near WHERE NOT EXISTS (SELECT FROM old)
	ON CONFLICT (hash) DO NOTHING RETURNING id, near_duplicate_of
), p AS (
	INSERT INTO producers (article_id, layer, component)
	SELECT a.id, t.layer, t.component FROM a, unnest($16::text[], $17::text[]) AS t (layer, component)
), e AS (
	INSERT INTO entities (article_id, ref, name, type, title, party, region, linked_to)
	SELECT a.id, t.ref, t.name, t.type, t.title, t.party, t.region, t.linked_to
	FROM a, unnest($18::text[], $19::text[], $20::text[], $21::text[], $22::text[], $23::text[], $24::text[])
		WITH ORDINALITY AS t (ref, name, type, title, party, region, linked_to, n)
	ORDER BY t.n
	RETURNING id, ref
), m AS (
	INSERT INTO mentions (entity_id, start, "end", kind)
	SELECT e.id, t.start, t."end", t.kind
	FROM unnest($25::text[], $26::int4[], $27::int4[], $28::text[]) WITH ORDINALITY AS t (ref, start, "end", kind, n)
	JOIN e ON e.ref = t.ref
	ORDER BY t.n
), q AS (
	INSERT INTO quotes (article_id, ref, kind, content_start, content_end, cue_start, cue_end, source_start, source_end,
		addressee_start, addressee_end, speaker, speaker_name, source_type, source_count, stance, text, class)
	SELECT a.id, t.ref, t.kind, t.content_start, t.content_end, t.cue_start, t.cue_end, t.source_start, t.source_end,
		t.addressee_start, t.addressee_end, t.speaker, t.speaker_name, t.source_type, t.source_count, t.stance, t.text, t.class
	FROM a, unnest($29::text[], $30::text[], $31::int4[], $32::int4[], $33::int4[], $34::int4[], $35::int4[], $36::int4[],
		$37::int4[], $38::int4[], $39::text[], $40::text[], $41::text[], $42::int4[], $43::text[], $44::text[], $45::text[])
		WITH ORDINALITY AS t (ref, kind, content_start, content_end, cue_start, cue_end, source_start, source_end,
			addressee_start, addressee_end, speaker, speaker_name, source_type, source_count, stance, text, class, n)
	ORDER BY t.n
), c AS (
	INSERT INTO claims (article_id, ref, statement, entities)
	SELECT a.id, t.ref, t.statement, t.entities
	FROM a, unnest($46::text[], $47::text[], $48::text[]) WITH ORDINALITY AS t (ref, statement, entities, n)
	ORDER BY t.n
	RETURNING id, ref
), s AS (
	INSERT INTO stances (claim_id, speaker, speaker_name, source_start, source_end, source_type, source_count, stance,
		cue_start, cue_end, hedge, evidence_start, evidence_end, quote)
	SELECT c.id, t.speaker, t.speaker_name, t.source_start, t.source_end, t.source_type, t.source_count, t.stance,
		t.cue_start, t.cue_end, t.hedge, t.evidence_start, t.evidence_end, t.quote
	FROM unnest($49::text[], $50::text[], $51::text[], $52::int4[], $53::int4[], $54::text[], $55::int4[], $56::text[],
		$57::int4[], $58::int4[], $59::text[], $60::int4[], $61::int4[], $62::text[])
		WITH ORDINALITY AS t (claim, speaker, speaker_name, source_start, source_end, source_type, source_count, stance,
			cue_start, cue_end, hedge, evidence_start, evidence_end, quote, n)
	JOIN c ON c.ref = t.claim
	ORDER BY t.n
), tm AS (
	INSERT INTO timex (article_id, start, "end", type, value)
	SELECT a.id, t.start, t."end", t.type, t.value
	FROM a, unnest($63::int4[], $64::int4[], $65::text[], $66::text[]) WITH ORDINALITY AS t (start, "end", type, value, n)
	ORDER BY t.n
), f AS (
	INSERT INTO figures (article_id, start, "end", kind, value, unit, instrument, direction, change_pct, change_pts, level)
	SELECT a.id, t.start, t."end", t.kind, t.value, t.unit, t.instrument, t.direction, t.change_pct, t.change_pts, t.level
	FROM a, unnest($67::int4[], $68::int4[], $69::text[], $70::float8[], $71::text[], $72::text[], $73::text[],
		$74::float8[], $75::float8[], $76::float8[])
		WITH ORDINALITY AS t (start, "end", kind, value, unit, instrument, direction, change_pct, change_pts, level, n)
	ORDER BY t.n
)
SELECT id, coalesce(near_duplicate_of, 0), false FROM a
UNION ALL SELECT id, 0, true FROM old`

// putArgs checks every span of a against its text and returns the
// parameters of putSQL.
func putArgs(a dossier.Analysis, o dossier.Origin, hash string, fp uint64, near bool) ([]any, error) {
	if err := checkAll(a); err != nil {
		return nil, err
	}
	art := a.Article
	var date any
	if !art.Date.IsZero() {
		date = art.Date
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
	args := make([]any, 0, 76)
	args = append(args, hash, int64(fp), bands[0], bands[1], bands[2], bands[3], art.Title, date, art.Source, art.URL,
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
