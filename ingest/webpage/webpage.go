// Package webpage reads one HTML page into a dossier.Article: the main text
// (boilerplate removed), title, publication date, site name, URL and
// language, and a textpos.Map from the text back to the HTML.
//
// Main text and metadata come from go-trafilatura (the Go port of
// trafilatura): its cascade of the main extractor, the readability and
// DOM-distiller fallbacks, and the baseline rescue. The publication date
// comes from go-htmldate through trafilatura (JSON-LD, meta tags, <time>,
// URL patterns, then the text), in its extensive mode.
//
// Decoding: a page that is valid UTF-8 is read as UTF-8; otherwise the
// encoding is taken from a byte-order mark, the Content-Type given by the
// caller, or a <meta charset>, falling back to Windows-1252 (the WHATWG
// default), and the page is converted to UTF-8 first. Page.HTML, which the
// Map indexes, is that UTF-8 form.
//
// The offset map: trafilatura returns text without positions, so Extract
// locates each extracted line in the page's text nodes (decoded, white
// space collapsed, script and style skipped), searching forward only, and
// maps every byte of a line found there to the HTML byte it came from. Runs
// of bytes that correspond one to one become one segment. Lines that cannot
// be found (trafilatura rewrote them) stay unmapped; character references
// (&amp;) map to the start of the reference. The map is approximate in that
// sense, but every mapped offset points at the HTML bytes of the same text.
package webpage

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/markusmobius/go-htmldate"
	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"

	"dossier"
	"dossier/ingest/htmltext"
	"dossier/textpos"
)

// Errors that Extract wraps, for errors.Is.
var (
	// ErrNoText: the page holds no main text.
	ErrNoText = errors.New("no main text")
	// ErrEmpty: the input is empty.
	ErrEmpty = errors.New("empty input")
)

// MinWords is the fewest words a page's main text may have: below it the
// extractor has found only navigation or a caption ("Home"), and the page
// counts as having no text.
const MinWords = 8

// maxTitle is the longest headline dropTitle recognises, in bytes.
const maxTitle = 300

// Options tune Extract. The zero value is the default.
type Options struct {
	// URL is the page's address when known (from a crawl or a WARC record).
	// It fills Article.URL when the page names none and helps find the date.
	URL string
	// ContentType is the HTTP Content-Type, used only to find the charset.
	ContentType string
	// Fast skips trafilatura's fallback extractors and htmldate's extensive
	// search: about twice as fast, a little less accurate.
	Fast bool
	// NoMap skips building the offset map.
	NoMap bool
}

// Page is the result of Extract: the article and the HTML it was read from.
type Page struct {
	Article dossier.Article
	// Language is the page's language (ISO 639-1), from <html lang> or, when
	// absent, detected from the text.
	Language string
	// Author is the byline, when the page gives one.
	Author string
	// HTML is the page as UTF-8: the raw bytes the Map indexes.
	HTML []byte
	// Map maps offsets of Article.Text to offsets of HTML.
	Map textpos.Map
}

// Extract reads one HTML page. name is used only in error messages.
func Extract(name string, raw []byte, opts Options) (*Page, error) {
	if name == "" {
		name = "page"
	}
	if len(bytes.TrimSpace(raw)) == 0 {
		return nil, fmt.Errorf("webpage: %s: %w", name, ErrEmpty)
	}
	src, err := decode(raw, opts.ContentType)
	if err != nil {
		return nil, fmt.Errorf("webpage: %s: %w", name, err)
	}
	doc, err := html.Parse(bytes.NewReader(src))
	if err != nil {
		return nil, fmt.Errorf("webpage: %s: parse: %w", name, err)
	}
	topts := trafilatura.Options{
		EnableFallback:  !opts.Fast,
		ExcludeComments: true,
		Focus:           trafilatura.Balanced,
	}
	dateOpts := htmldate.Options{UseOriginalDate: true, SkipExtensiveSearch: opts.Fast}
	if u, err := url.Parse(opts.URL); err == nil && u.Scheme != "" && u.Host != "" {
		topts.OriginalURL = u
		dateOpts.URL = opts.URL
	}
	topts.HtmlDateOptions = &dateOpts
	lang := htmlLang(doc)
	res, err := trafilatura.ExtractDocument(doc, topts)
	if err != nil {
		return nil, fmt.Errorf("webpage: %s: %w (%w)", name, ErrNoText, err)
	}
	md := res.Metadata
	text := res.ContentText
	if res.ContentNode != nil {
		text = htmltext.Node(res.ContentNode)
	}
	text = dropTitle(cleanText(text), md.Title)
	if n := len(strings.Fields(text)); n < MinWords {
		return nil, fmt.Errorf("webpage: %s: %w (%d words)", name, ErrNoText, n)
	}
	p := &Page{
		Article: dossier.Article{
			Title:  strings.TrimSpace(md.Title),
			Source: strings.TrimSpace(md.Sitename),
			URL:    md.URL,
			Text:   text,
		},
		Author: md.Author,
		HTML:   src,
	}
	if opts.URL != "" {
		p.Article.URL = opts.URL
	}
	if !md.Date.IsZero() {
		p.Article.Date = day(md.Date)
	} else if d, ok := structuredDate(doc); ok {
		p.Article.Date = d
	}
	p.Language = lang
	if p.Language == "" {
		p.Language = md.Language
	}
	if !opts.NoMap {
		p.Map = buildMap(src, text)
	}
	return p, nil
}

// day is the calendar day of t at midnight UTC.
func day(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// decode returns raw as UTF-8.
func decode(raw []byte, contentType string) ([]byte, error) {
	if utf8.Valid(raw) {
		return bytes.TrimPrefix(raw, []byte("\xef\xbb\xbf")), nil
	}
	enc, _, _ := charset.DetermineEncoding(raw, contentType)
	out, err := enc.NewDecoder().Bytes(raw)
	if err != nil {
		return nil, fmt.Errorf("decode: %w", err)
	}
	if !utf8.Valid(out) {
		return bytes.ToValidUTF8(out, []byte("\uFFFD")), nil
	}
	return out, nil
}

// htmlLang returns the primary subtag of <html lang>, lower case.
func htmlLang(doc *html.Node) string {
	for n := doc.FirstChild; n != nil; n = n.NextSibling {
		if n.Type != html.ElementNode || n.Data != "html" {
			continue
		}
		for _, a := range n.Attr {
			if a.Key == "lang" || a.Key == "xml:lang" {
				v := strings.TrimSpace(a.Val)
				if i := strings.IndexAny(v, "-_"); i >= 0 {
					v = v[:i]
				}
				return strings.ToLower(v)
			}
		}
	}
	return ""
}

// dropTitle removes a first paragraph that repeats the title: the
// headline is Article.Title, not part of the body. A text that is nothing
// but the title, or a title too long to be a headline (a broken <title>
// swallowing the page), is kept.
func dropTitle(text, title string) string {
	title = strings.Join(strings.Fields(title), " ")
	if title == "" || len(title) > maxTitle {
		return text
	}
	first, rest, _ := strings.Cut(text, "\n\n")
	if rest != "" && strings.EqualFold(strings.Join(strings.Fields(first), " "), title) {
		return rest
	}
	return text
}

// cleanText trims each line and drops empty lines, so paragraphs are
// separated by a blank line ("\n\n"), with no leading or trailing white
// space.
func cleanText(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for line := range strings.SplitSeq(s, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(line)
	}
	return b.String()
}
