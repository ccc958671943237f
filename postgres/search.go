package postgres

import (
	"context"
	"fmt"
	"strings"
	"unicode"

	"dossier"
)

// Search finds articles (title and text) and quotes matching every word of
// query through tsvector columns (english configuration, GIN-indexed),
// ranked by ts_rank, with ts_headline excerpts computed only for the hits
// returned.
func (s *DB) Search(ctx context.Context, query string, limit int) ([]dossier.SearchHit, error) {
	words := strings.Join(strings.FieldsFunc(query, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }), " ")
	if words == "" || limit <= 0 {
		return nil, nil
	}
	opts := fmt.Sprintf(`StartSel="%s", StopSel="%s", MaxWords=30, MinWords=12, MaxFragments=1, FragmentDelimiter=" … "`,
		dossier.SnippetOpen, dossier.SnippetClose)
	rows, err := s.db.QueryContext(ctx, `
		WITH q AS (SELECT plainto_tsquery('english', $1) AS q),
		top AS (
			SELECT a.id, a.title, 'article' AS kind, a.text AS body, ts_rank(a.tsv, q.q) AS rank
			FROM articles a, q WHERE a.tsv @@ q.q
			UNION ALL
			SELECT a.id, a.title, 'quote', qu.text, ts_rank(qu.tsv, q.q)
			FROM quotes qu JOIN articles a ON a.id = qu.article_id, q WHERE qu.tsv @@ q.q
			ORDER BY rank DESC, id LIMIT $2
		)
		SELECT top.id, top.title, top.kind, ts_headline('english', top.body, q.q, $3), top.rank
		FROM top, q ORDER BY top.rank DESC, top.id`, words, limit, opts)
	if err != nil {
		return nil, fmt.Errorf("postgres: search %q: %w", query, err)
	}
	defer rows.Close()
	var hits []dossier.SearchHit
	for rows.Next() {
		var h dossier.SearchHit
		var rank float32
		if err := rows.Scan(&h.ArticleID, &h.Title, &h.Kind, &h.Snippet, &rank); err != nil {
			return nil, fmt.Errorf("postgres: search %q: %w", query, err)
		}
		h.Rank = float64(rank)
		hits = append(hits, h)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("postgres: search %q: %w", query, err)
	}
	return hits, nil
}
