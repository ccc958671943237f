-- The map from an article's text offsets back to its raw source (an HTML
-- page), encoded by textpos.Map.MarshalBinary; NULL when there is none.
ALTER TABLE articles ADD COLUMN raw_map bytea;
