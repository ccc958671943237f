-- What a quote's cue attributes (dossier.QuoteClass: speech, belief,
-- intention, evaluation, question, nominal). Rows stored before this
-- migration get '', which reads back as an unclassified quote.
ALTER TABLE quotes ADD COLUMN class TEXT NOT NULL DEFAULT '';
