package sqlite

import (
	"context"

	"fmt"
	"time"

	"dossier"
	"dossier/sqlstore"
)

// Enqueue adds items to the batch's queue, skipping those already in it.
func (db *DB) Enqueue(ctx context.Context, batch string, items []string) error {
	if batch == "" {
		return fmt.Errorf("sqlite: enqueue: empty batch name: %w", dossier.ErrInvalid)
	}
	tx, err := db.w.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("sqlite: enqueue: %w", err)
	}
	defer tx.Rollback()
	st, err := tx.PrepareContext(ctx, `INSERT INTO jobs (batch, item) VALUES (?, ?) ON CONFLICT (batch, item) DO NOTHING`)
	if err != nil {
		return fmt.Errorf("sqlite: enqueue: %w", err)
	}
	defer st.Close()
	for _, it := range items {
		if _, err := st.ExecContext(ctx, batch, it); err != nil {
			return fmt.Errorf("sqlite: enqueue %q: %w", it, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("sqlite: enqueue: %w", err)
	}
	return nil
}

// Claim marks up to n pending jobs of batch as claimed by worker. Writes
// are serialized (one writer connection, BEGIN IMMEDIATE across
// processes), so no job is handed out twice.
func (db *DB) Claim(ctx context.Context, batch, worker string, n int) ([]dossier.Job, error) {
	if n <= 0 {
		return nil, nil
	}
	rows, err := db.w.QueryContext(ctx, `UPDATE jobs SET state = 'claimed', worker = ?, claimed_at = ?, attempts = attempts + 1
		WHERE id IN (SELECT id FROM jobs WHERE batch = ? AND state = 'pending' ORDER BY id LIMIT ?)
		RETURNING id, item, attempts`, worker, db.now().UnixNano(), batch, n)
	if err != nil {
		return nil, fmt.Errorf("sqlite: claim: %w", err)
	}
	defer rows.Close()
	var jobs []dossier.Job
	for rows.Next() {
		j := dossier.Job{Batch: batch}
		if err := rows.Scan(&j.ID, &j.Item, &j.Attempts); err != nil {
			return nil, fmt.Errorf("sqlite: claim: %w", err)
		}
		jobs = append(jobs, j)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: claim: %w", err)
	}
	return jobs, nil
}

// Finish marks a job done, or failed with errMsg.
func (db *DB) Finish(ctx context.Context, jobID int64, errMsg string) error {
	state := "done"
	if errMsg != "" {
		state = "failed"
	}
	res, err := db.w.ExecContext(ctx, `UPDATE jobs SET state = ?, error = ?, finished_at = ? WHERE id = ?`,
		state, errMsg, db.now().UnixNano(), jobID)
	if err != nil {
		return fmt.Errorf("sqlite: finish job %d: %w", jobID, err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return fmt.Errorf("sqlite: finish job %d: %w", jobID, err)
	} else if n == 0 {
		return fmt.Errorf("sqlite: finish job %d: %w", jobID, dossier.ErrNotFound)
	}
	return nil
}

// Reclaim returns jobs claimed more than lease ago to pending.
func (db *DB) Reclaim(ctx context.Context, batch string, lease time.Duration) (int, error) {
	res, err := db.w.ExecContext(ctx, `UPDATE jobs SET state = 'pending', worker = ''
		WHERE batch = ? AND state = 'claimed' AND claimed_at < ?`, batch, db.now().Add(-lease).UnixNano())
	if err != nil {
		return 0, fmt.Errorf("sqlite: reclaim: %w", err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return 0, fmt.Errorf("sqlite: reclaim: %w", err)
	}
	return int(n), nil
}

// Queue counts the batch's jobs by state.
func (db *DB) Queue(ctx context.Context, batch string) (dossier.QueueCounts, error) {
	c, err := sqlstore.Queue(ctx, db.r, dialect(), batch)
	if err != nil {
		return c, fmt.Errorf("sqlite: queue: %w", err)
	}
	return c, nil
}
