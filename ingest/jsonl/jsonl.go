// Package jsonl reads JSON Lines of articles: one JSON object per line with
// "url", "title", "date" and either "text" (the body as plain text) or
// "html" (the whole page, which the caller extracts).
//
// Lines are read one at a time, so a file of any size streams. Blank lines
// are skipped. A line that is not a JSON object, or that has neither "text"
// nor "html", is a Record with Err set and its line number; the lines after
// it are still read.
package jsonl

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"
	"strings"
	"time"
	"unicode/utf8"

	"dossier"
)

// Errors that Record.Err wraps, for errors.Is.
var (
	// ErrSyntax: the line is not a JSON object.
	ErrSyntax = errors.New("not a JSON object")
	// ErrNoText: the object has neither "text" nor "html".
	ErrNoText = errors.New(`no "text" or "html"`)
	// ErrTooLong: the line is longer than MaxLine.
	ErrTooLong = errors.New("line too long")
)

// MaxLine is the longest line read, in bytes.
const MaxLine = 64 << 20

// Record is one line read.
type Record struct {
	// Line is the line number, from 1.
	Line int
	// Article holds the line's metadata and, for a "text" line, its body.
	Article dossier.Article
	// HTML is the page of an "html" line (Article.Text is then empty).
	HTML []byte
	// Err is set when the line could not be read.
	Err error
}

// line is the wire form of one line.
type line struct {
	URL    string `json:"url"`
	Title  string `json:"title"`
	Date   string `json:"date"`
	Text   string `json:"text"`
	HTML   string `json:"html"`
	Source string `json:"source"`
}

// Read returns the records of r in order. A read error ends the sequence
// with one Record carrying it.
func Read(r io.Reader) iter.Seq[Record] {
	return func(yield func(Record) bool) {
		br := bufio.NewReaderSize(r, 64<<10)
		n := 0
		for {
			b, err := readLine(br)
			if err == io.EOF && len(b) == 0 {
				return
			}
			n++
			if errors.Is(err, ErrTooLong) {
				if !yield(Record{Line: n, Err: fmt.Errorf("jsonl: line %d: %w (over %d bytes)", n, ErrTooLong, MaxLine)}) {
					return
				}
				continue
			}
			if len(bytes.TrimSpace(b)) > 0 {
				if !yield(parse(n, b)) {
					return
				}
			}
			if err == io.EOF {
				return
			}
			if err != nil {
				yield(Record{Line: n, Err: fmt.Errorf("jsonl: line %d: %w", n, err)})
				return
			}
		}
	}
}

// readLine reads one line without its end. Over MaxLine it discards the
// rest of the line and returns ErrTooLong.
func readLine(br *bufio.Reader) ([]byte, error) {
	var buf []byte
	for {
		chunk, err := br.ReadSlice('\n')
		if len(buf)+len(chunk) > MaxLine {
			for errors.Is(err, bufio.ErrBufferFull) {
				_, err = br.ReadSlice('\n')
			}
			if err != nil && err != io.EOF {
				return nil, err
			}
			return nil, ErrTooLong
		}
		buf = append(buf, chunk...)
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		return bytes.TrimRight(buf, "\r\n"), err
	}
}

func parse(n int, b []byte) Record {
	b = bytes.TrimSpace(b)
	rec := Record{Line: n}
	var l line
	if len(b) == 0 || b[0] != '{' {
		rec.Err = fmt.Errorf("jsonl: line %d: %w", n, ErrSyntax)
		return rec
	}
	if err := json.Unmarshal(b, &l); err != nil {
		rec.Err = fmt.Errorf("jsonl: line %d: %w: %w", n, ErrSyntax, err)
		return rec
	}
	rec.Article = dossier.Article{
		Title:  strings.TrimSpace(l.Title),
		URL:    strings.TrimSpace(l.URL),
		Source: strings.TrimSpace(l.Source),
	}
	if d, ok := ParseDate(l.Date); ok {
		rec.Article.Date = d
	}
	switch {
	case strings.TrimSpace(l.Text) != "":
		rec.Article.Text = strings.ToValidUTF8(strings.TrimSpace(l.Text), "\uFFFD")
	case strings.TrimSpace(l.HTML) != "":
		rec.HTML = []byte(l.HTML)
	default:
		rec.Err = fmt.Errorf("jsonl: line %d: %w", n, ErrNoText)
	}
	if !utf8.ValidString(rec.Article.Title) {
		rec.Article.Title = strings.ToValidUTF8(rec.Article.Title, "\uFFFD")
	}
	return rec
}

// ParseDate reads a date as YYYY-MM-DD, RFC 3339 or RFC 1123 and returns
// the day written, at midnight UTC.
func ParseDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if len(s) >= 10 && s[4] == '-' && s[7] == '-' {
		if t, err := time.Parse(time.DateOnly, s[:10]); err == nil {
			return t, true
		}
	}
	for _, layout := range []string{time.RFC1123, time.RFC1123Z} {
		if t, err := time.Parse(layout, s); err == nil {
			y, m, d := t.Date()
			return time.Date(y, m, d, 0, 0, 0, 0, time.UTC), true
		}
	}
	return time.Time{}, false
}
