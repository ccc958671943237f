// Package feed reads RSS, Atom and JSON Feed documents (through
// github.com/mmcdole/gofeed) into one Article per item.
//
// Each item becomes an Article with its link as URL, its title, the day it
// was published (or, failing that, updated) as Date, the feed's title as
// Source, and as Text the item's full content when the feed carries it
// (content:encoded, Atom content, JSON Feed content_html or content_text),
// else its description or summary. HTML in those fields is turned into text
// from its text nodes: block elements become paragraphs separated by a
// blank line, <br> a line break, white space is collapsed and script and
// style are dropped.
package feed

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"

	"dossier"
	"dossier/ingest/htmltext"
)

// Errors that Parse and Item.Err wrap, for errors.Is.
var (
	// ErrMalformed: the document is not a feed gofeed can read.
	ErrMalformed = errors.New("malformed feed")
	// ErrNoText: an item has neither content nor description.
	ErrNoText = errors.New("item has no text")
)

// Feed is a parsed feed.
type Feed struct {
	// Title is the feed's title (the site or channel name).
	Title string
	// Items are the feed's items in document order.
	Items []Item
}

// Item is one feed item as an Article, or the reason it could not be read.
type Item struct {
	// N is the item's position in the feed, from 1.
	N int
	// ID is the item's link, or its GUID when it has no link.
	ID      string
	Article dossier.Article
	Err     error
}

// Parse reads a feed document. A document gofeed cannot read is an error
// wrapping ErrMalformed; an item without text is an Item with Err set.
func Parse(data []byte) (*Feed, error) {
	f, err := gofeed.NewParser().Parse(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("feed: %w: %w", ErrMalformed, err)
	}
	out := &Feed{Title: strings.TrimSpace(f.Title)}
	for i, it := range f.Items {
		if it == nil {
			continue
		}
		item := Item{N: i + 1, ID: strings.TrimSpace(it.Link)}
		if item.ID == "" {
			item.ID = strings.TrimSpace(it.GUID)
		}
		a := dossier.Article{
			Title:  Text(it.Title),
			URL:    strings.TrimSpace(it.Link),
			Source: out.Title,
		}
		switch {
		case it.PublishedParsed != nil:
			a.Date = day(*it.PublishedParsed)
		case it.UpdatedParsed != nil:
			a.Date = day(*it.UpdatedParsed)
		}
		a.Text = Text(it.Content)
		if a.Text == "" {
			a.Text = Text(it.Description)
		}
		if a.Text == "" {
			item.Err = fmt.Errorf("feed: item %d (%s): %w", item.N, orTitle(item.ID, a.Title), ErrNoText)
		}
		item.Article = a
		out.Items = append(out.Items, item)
	}
	return out, nil
}

func orTitle(id, title string) string {
	if id != "" {
		return id
	}
	if title != "" {
		return fmt.Sprintf("%q", title)
	}
	return "untitled"
}

func day(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// Text turns an HTML fragment (or plain text) into text: paragraphs
// separated by a blank line, white space collapsed, no leading or trailing
// white space. Invalid UTF-8 is replaced by U+FFFD.
func Text(fragment string) string { return htmltext.Fragment(fragment) }
