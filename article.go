package dossier

import "time"

// Article is one news article as dossier reads it: its body text, which every
// fact's span indexes, and the metadata found around it.
type Article struct {
	// Title is the headline, when one was recognised (it is not part of Text).
	Title string
	// Date is the article's publication day; the zero time when unknown.
	// Relative time expressions resolve against it.
	Date time.Time
	// Source and URL are metadata from headers, when given.
	Source string
	URL    string
	// Text is the body. Every span of every fact indexes it.
	Text string
}

// HasDate reports whether the article's date is known.
func (a *Article) HasDate() bool { return !a.Date.IsZero() }
