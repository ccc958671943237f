package sqlite

import (
	"context"
	"fmt"
	"strings"
	"unicode"

	"dossier"
)

// Search finds articles (title and text) and quotes matching every word of
// query through FTS5, ranked by bm25 (negated, so that higher is better),
// with snippet() excerpts.
func (db *DB) Search(ctx context.Context, query string, limit int) ([]dossier.SearchHit, error) {
	match := ftsQuery(query)
	if match == "" || limit <= 0 {
		return nil, nil
	}
	rows, err := db.r.QueryContext(ctx, `
		SELECT * FROM (
			SELECT a.id, a.title, 'article' AS kind,
				snippet(articles_fts, -1, ?, ?, '…', 16) AS snip,
				-bm25(articles_fts, 2.0, 1.0) AS rank
			FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
			WHERE articles_fts MATCH ?
			UNION ALL
			SELECT a.id, a.title, 'quote' AS kind,
				snippet(quotes_fts, 0, ?, ?, '…', 16) AS snip,
				-bm25(quotes_fts) AS rank
			FROM quotes_fts JOIN articles a ON a.id = quotes_fts.article_id
			WHERE quotes_fts MATCH ?
		) ORDER BY rank DESC, id LIMIT ?`,
		dossier.SnippetOpen, dossier.SnippetClose, match,
		dossier.SnippetOpen, dossier.SnippetClose, match, limit)
	if err != nil {
		return nil, fmt.Errorf("sqlite: search %q: %w", query, err)
	}
	defer rows.Close()
	var hits []dossier.SearchHit
	for rows.Next() {
		var h dossier.SearchHit
		if err := rows.Scan(&h.ArticleID, &h.Title, &h.Kind, &h.Snippet, &h.Rank); err != nil {
			return nil, fmt.Errorf("sqlite: search %q: %w", query, err)
		}
		hits = append(hits, h)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: search %q: %w", query, err)
	}
	return hits, nil
}

// ftsQuery turns free text into an FTS5 query: each word (a run of letters
// and digits) as a quoted string, all required. FTS5 operators and syntax in
// the input are never interpreted.
func ftsQuery(q string) string {
	var b strings.Builder
	for _, w := range strings.FieldsFunc(q, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteByte('"')
		b.WriteString(w)
		b.WriteByte('"')
	}
	return b.String()
}
