-- Full-text maintenance for bulk ingest: merge eight segments of a level at
-- a time instead of four. Group-committed batches make one segment each;
-- with the default, FTS5 re-merged them so often that merging was a tenth
-- of the writer's time. Queries read at most twice as many segments.
INSERT INTO articles_fts (articles_fts, rank) VALUES ('automerge', 8);
INSERT INTO quotes_fts (quotes_fts, rank) VALUES ('automerge', 8);
