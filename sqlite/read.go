package sqlite

import (
	"context"
	"database/sql"
	"fmt"

	"dossier"
	"dossier/sqlstore"
)

// dialect is what the shared queries of sqlstore need to know about sqlite.
func dialect() sqlstore.Dialect { return sqlstore.Dialect{Seq: "rowid"} }

// Analysis reads back a stored article with all its facts.
func (db *DB) Analysis(ctx context.Context, id int64) (dossier.StoredAnalysis, error) {
	tx, err := db.r.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return dossier.StoredAnalysis{}, fmt.Errorf("sqlite: analysis %d: %w", id, err)
	}
	defer tx.Rollback()
	sa, err := sqlstore.ReadAnalysis(ctx, tx, dialect(), id)
	if err != nil {
		return dossier.StoredAnalysis{}, fmt.Errorf("sqlite: analysis %d: %w", id, err)
	}
	return sa, nil
}

// Stats counts articles and facts.
func (db *DB) Stats(ctx context.Context) (dossier.Stats, error) {
	st, err := sqlstore.Stats(ctx, db.r)
	if err != nil {
		return dossier.Stats{}, fmt.Errorf("sqlite: stats: %w", err)
	}
	return st, nil
}
