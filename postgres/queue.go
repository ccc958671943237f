package postgres

import (
	"context"
	"slices"

	"fmt"
	"time"

	"dossier"
	"dossier/sqlstore"
)

// Enqueue adds items to the batch's queue, skipping those already in it.
func (s *DB) Enqueue(ctx context.Context, batch string, items []string) error {
	if batch == "" {
		return fmt.Errorf("postgres: enqueue: empty batch name: %w", dossier.ErrInvalid)
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("postgres: enqueue: %w", err)
	}
	defer tx.Rollback()
	// Sorted order of insertion keeps two processes enqueueing the same
	// items from deadlocking on the unique index.
	st, err := tx.PrepareContext(ctx, `INSERT INTO jobs (batch, item) VALUES ($1, $2) ON CONFLICT (batch, item) DO NOTHING`)
	if err != nil {
		return fmt.Errorf("postgres: enqueue: %w", err)
	}
	defer st.Close()
	items = slices.Sorted(slices.Values(items))
	for _, it := range items {
		if _, err := st.ExecContext(ctx, batch, it); err != nil {
			return fmt.Errorf("postgres: enqueue %q: %w", it, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("postgres: enqueue: %w", err)
	}
	return nil
}

// Claim marks up to n pending jobs of batch as claimed by worker. The rows
// are picked FOR UPDATE SKIP LOCKED, so concurrent claims from any number of
// processes take disjoint jobs without waiting for each other.
func (s *DB) Claim(ctx context.Context, batch, worker string, n int) ([]dossier.Job, error) {
	if n <= 0 {
		return nil, nil
	}
	rows, err := s.db.QueryContext(ctx, `UPDATE jobs SET state = 'claimed', worker = $1, claimed_at = now(), attempts = attempts + 1
		WHERE id IN (SELECT id FROM jobs WHERE batch = $2 AND state = 'pending' ORDER BY id LIMIT $3 FOR UPDATE SKIP LOCKED)
		RETURNING id, item, attempts`, worker, batch, n)
	if err != nil {
		return nil, fmt.Errorf("postgres: claim: %w", err)
	}
	defer rows.Close()
	var jobs []dossier.Job
	for rows.Next() {
		j := dossier.Job{Batch: batch}
		if err := rows.Scan(&j.ID, &j.Item, &j.Attempts); err != nil {
			return nil, fmt.Errorf("postgres: claim: %w", err)
		}
		jobs = append(jobs, j)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("postgres: claim: %w", err)
	}
	return jobs, nil
}

// Finish marks a job done, or failed with errMsg.
func (s *DB) Finish(ctx context.Context, jobID int64, errMsg string) error {
	state := "done"
	if errMsg != "" {
		state = "failed"
	}
	res, err := s.db.ExecContext(ctx, `UPDATE jobs SET state = $1, error = $2, finished_at = now() WHERE id = $3`,
		state, errMsg, jobID)
	if err != nil {
		return fmt.Errorf("postgres: finish job %d: %w", jobID, err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return fmt.Errorf("postgres: finish job %d: %w", jobID, err)
	} else if n == 0 {
		return fmt.Errorf("postgres: finish job %d: %w", jobID, dossier.ErrNotFound)
	}
	return nil
}

// Reclaim returns jobs claimed more than lease ago to pending. Times are the
// database server's, so workers on machines with skewed clocks agree.
func (s *DB) Reclaim(ctx context.Context, batch string, lease time.Duration) (int, error) {
	res, err := s.db.ExecContext(ctx, `UPDATE jobs SET state = 'pending', worker = ''
		WHERE batch = $1 AND state = 'claimed' AND claimed_at < now() - $2 * interval '1 microsecond'`, batch, lease.Microseconds())
	if err != nil {
		return 0, fmt.Errorf("postgres: reclaim: %w", err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return 0, fmt.Errorf("postgres: reclaim: %w", err)
	}
	return int(n), nil
}

// Queue counts the batch's jobs by state.
func (s *DB) Queue(ctx context.Context, batch string) (dossier.QueueCounts, error) {
	c, err := sqlstore.Queue(ctx, s.db, dialect(), batch)
	if err != nil {
		return c, fmt.Errorf("postgres: queue: %w", err)
	}
	return c, nil
}
