package ingest

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
)

// Format is an input format that Sniff recognises.
type Format int

// Formats.
const (
	Unsupported Format = iota // binary or an unknown structured format
	Empty                     // no bytes, or only white space
	Gzip                      // gzip around any format
	WARC                      // WARC/1.0 or WARC/1.1 records
	Feed                      // RSS, Atom or RDF (XML) feed, or JSON Feed
	JSONLines                 // one JSON object with "text" or "html" per line
	HTML                      // a web page
	Text                      // plain text (UTF-8, UTF-16 with a BOM, or Windows-1252)
)

var formatNames = [...]string{"unsupported", "empty", "gzip", "warc", "feed", "jsonl", "html", "text"}

// String is the format's lower-case name.
func (f Format) String() string {
	if f < 0 || int(f) >= len(formatNames) {
		return "unsupported"
	}
	return formatNames[f]
}

// sniffLen is how much of the input Sniff looks at (at most).
const sniffLen = 1024

// Sniff tells the format of an input from its first bytes (Open gives it up
// to 64 KB; 1 KB is enough for every rule but the JSON Lines one). The
// content decides; the name (its extension) only breaks ties, when the
// content fits several formats or none clearly:
//
//   - gzip magic bytes 1f 8b: Gzip;
//   - "WARC/" at the start: WARC;
//   - after a byte-order mark and white space, "<": a feed when <rss, <feed
//     or <rdf:RDF comes before any <html, <head, <body or <!doctype html in
//     the first KB, HTML when one of those comes first (or an HTML element
//     such as <p or <div appears), else by the name (.rss/.atom/.xml: Feed,
//     .html/.htm: HTML), else Unsupported;
//   - "{": JSON Feed when "version" names jsonfeed.org in the first KB;
//     JSON Lines when the first line is a JSON object with a "text" or
//     "html" key (or the name ends .jsonl/.ndjson and the first line is an
//     object); else Unsupported;
//   - "%PDF-", or a NUL byte, or more than 1% control characters: Unsupported
//     (binary), except UTF-16 text with a byte-order mark, which is Text;
//   - anything else: Text.
func Sniff(data []byte, name string) Format {
	if len(data) >= 2 && data[0] == 0x1f && data[1] == 0x8b {
		return Gzip
	}
	if bytes.HasPrefix(data, []byte("WARC/")) {
		return WARC
	}
	if len(data) >= 2 && (data[0] == 0xff && data[1] == 0xfe || data[0] == 0xfe && data[1] == 0xff) {
		return Text // UTF-16 with a byte-order mark; plaintext decodes it
	}
	body := bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	body = bytes.TrimLeft(body, " \t\r\n\f")
	if len(body) == 0 {
		return Empty
	}
	ext := strings.ToLower(filepath.Ext(strings.TrimSuffix(strings.ToLower(name), ".gz")))
	head := body[:min(len(body), sniffLen)]
	if isBinary(head) {
		return Unsupported
	}
	switch body[0] {
	case '<':
		return sniffMarkup(head, ext)
	case '{':
		return sniffJSON(body, head, ext)
	case '[':
		return Unsupported
	}
	if bytes.HasPrefix(body, []byte("%PDF-")) {
		return Unsupported
	}
	return Text
}

// isBinary reports whether b holds a NUL byte or more than 1% control
// characters other than white space.
func isBinary(b []byte) bool {
	n := 0
	for _, c := range b {
		if c == 0 {
			return true
		}
		if (c < 0x20 && c != '\t' && c != '\n' && c != '\v' && c != '\f' && c != '\r') || c == 0x7f {
			n++
		}
	}
	return n*100 > len(b)
}

func sniffMarkup(head []byte, ext string) Format {
	low := bytes.ToLower(head)
	first := func(marks ...string) int {
		best := -1
		for _, m := range marks {
			if i := bytes.Index(low, []byte(m)); i >= 0 && (best < 0 || i < best) {
				best = i
			}
		}
		return best
	}
	feed := first("<rss", "<feed", "<rdf:rdf")
	page := first("<html", "<head", "<body", "<!doctype html")
	switch {
	case feed >= 0 && (page < 0 || feed < page):
		return Feed
	case page >= 0:
		return HTML
	}
	switch ext {
	case ".rss", ".atom", ".xml", ".rdf":
		return Feed
	case ".html", ".htm", ".xhtml":
		return HTML
	}
	if first("<p>", "<p ", "<div", "<article", "<title", "<meta", "<h1", "<table", "<span") >= 0 {
		return HTML
	}
	return Unsupported
}

func sniffJSON(body, head []byte, ext string) Format {
	if bytes.Contains(head, []byte(`"version"`)) && bytes.Contains(head, []byte("jsonfeed.org")) {
		return Feed
	}
	line := body
	complete := false
	if i := bytes.IndexByte(body, '\n'); i >= 0 {
		line, complete = body[:i], true
	} else if len(body) < 64<<10 {
		complete = true // the whole input is one line
	}
	jsonlExt := ext == ".jsonl" || ext == ".ndjson"
	if complete {
		var obj map[string]json.RawMessage
		if err := json.Unmarshal(line, &obj); err != nil {
			if jsonlExt {
				return JSONLines // its first line is bad; jsonl reports it
			}
			return Unsupported
		}
		if _, ok := obj["text"]; ok || jsonlExt {
			return JSONLines
		}
		if _, ok := obj["html"]; ok {
			return JSONLines
		}
		return Unsupported
	}
	// A first line longer than what Sniff sees: judge by its keys.
	if jsonlExt || bytes.Contains(line, []byte(`"text":`)) || bytes.Contains(line, []byte(`"html":`)) {
		return JSONLines
	}
	return Unsupported
}
