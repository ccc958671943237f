package postgres

import (
	"context"
	"database/sql"
	"fmt"

	"dossier"
	"dossier/sqlstore"
)

// dialect is what the shared queries of sqlstore need to know about postgres.
func dialect() sqlstore.Dialect { return sqlstore.Dialect{Dollar: true, Seq: "id"} }

// Analysis reads back a stored article with all its facts.
func (s *DB) Analysis(ctx context.Context, id int64) (dossier.StoredAnalysis, error) {
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return dossier.StoredAnalysis{}, fmt.Errorf("postgres: analysis %d: %w", id, err)
	}
	defer tx.Rollback()
	sa, err := sqlstore.ReadAnalysis(ctx, tx, dialect(), id)
	if err != nil {
		return dossier.StoredAnalysis{}, fmt.Errorf("postgres: analysis %d: %w", id, err)
	}
	return sa, nil
}

// Stats counts articles and facts.
func (s *DB) Stats(ctx context.Context) (dossier.Stats, error) {
	st, err := sqlstore.Stats(ctx, s.db)
	if err != nil {
		return dossier.Stats{}, fmt.Errorf("postgres: stats: %w", err)
	}
	return st, nil
}
