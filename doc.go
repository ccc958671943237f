// Package dossier is the domain vocabulary of dossier: articles and the facts
// found in them — entities and their mentions, attributions (quotes), claims
// and the stances sources take toward them, time expressions and figures.
//
// Every fact points into Article.Text with textpos.Span values: half-open
// byte offsets. Converting to runes or UTF-16 happens only at an API edge.
//
// This package imports only the standard library and textpos. Pipeline
// components live under nlp/, readers under ingest/, storage backends in
// their own packages; the wiring is in cmd/dossier.
package dossier
