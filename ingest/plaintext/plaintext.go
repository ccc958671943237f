// Package plaintext reads a plain-text news article into a dossier.Article.
//
// The input is the bytes of one article. Read decodes them, removes the
// metadata found at the top, and keeps the rest, the body, as Article.Text,
// which every fact's span indexes.
//
// Decoding:
//   - UTF-8 is read as is; a UTF-8 byte-order mark is dropped.
//   - UTF-16 with a byte-order mark is converted to UTF-8.
//   - Bytes that are not valid UTF-8 are read as Windows-1252 (a superset of
//     Latin-1 for printable text), one byte at a time, so a UTF-8 file with
//     a stray Latin-1 "£" still reads right. A byte that Windows-1252 leaves
//     undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) is an ErrEncoding.
//   - Line ends are normalized: CRLF and lone CR become LF.
//   - Input with a NUL byte (without a UTF-16 byte-order mark), or in which
//     more than 1% of the bytes are control characters other than white
//     space, is binary data: ErrBinary.
//
// Because of these conversions, offsets into Article.Text are not offsets
// into the input bytes unless the input is LF-only UTF-8 without a
// byte-order mark.
//
// Metadata, recognized only at the top and removed from the body:
//   - header lines "Key: value", one per line, case-insensitive keys:
//     title (or headline), date (or published), source, url (or link);
//     once a header block has begun, author and byline lines are dropped
//     too. The block ends at the first other line; blank lines between
//     headers are allowed;
//   - a "date" prefix without a colon: "date 2026-03-08 Body text..." sets
//     the date, and the body begins right after it on the same line (or on
//     the next line when nothing follows the date);
//   - a first-line headline: when no title header was given, a first line
//     of at most 25 words and 250 bytes that does not end with ".", ",", ";"
//     or ":" (it may end with "?", "!", "...", "…" or a quotation mark) and
//     is followed by a blank line and more text is the title. Otherwise the
//     first line is the lead paragraph and stays in the body.
//
// Dates may be written as YYYY-MM-DD, RFC 3339, RFC 1123, "2006/01/02",
// "March 8, 2026", "Mar. 8, 2026", "8 March 2026" or with a weekday
// ("Sunday, March 8, 2026"). Article.Date is the day written, at midnight
// UTC. Overriding the date is the caller's job.
package plaintext

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"dossier"
)

// Errors that Read wraps, with the file name and the reason, so that callers
// can test them with errors.Is.
var (
	// ErrEmpty: the input holds no body text.
	ErrEmpty = errors.New("empty input")
	// ErrBinary: the input is not text.
	ErrBinary = errors.New("binary data")
	// ErrEncoding: the input is neither UTF-8, UTF-16 with a byte-order
	// mark, nor Windows-1252.
	ErrEncoding = errors.New("unknown text encoding")
)

// Limits of a first-line headline.
const (
	maxHeadlineWords = 25
	maxHeadlineBytes = 250
)

// Read turns the bytes of a plain-text article into an Article. name is used
// only in error messages ("plaintext: NAME: binary data (NUL byte at offset
// 12)").
func Read(name string, data []byte) (dossier.Article, error) {
	if name == "" {
		name = "input"
	}
	text, err := decode(data)
	if err != nil {
		return dossier.Article{}, fmt.Errorf("plaintext: %s: %w", name, err)
	}
	var a dossier.Article
	body := readMeta(text, &a)
	if isBlank(body) {
		return dossier.Article{}, fmt.Errorf("plaintext: %s: %w (no body text after the metadata)", name, ErrEmpty)
	}
	a.Text = body
	return a, nil
}

// decode returns data as UTF-8 text with LF line ends.
func decode(data []byte) (string, error) {
	if len(data) == 0 {
		return "", ErrEmpty
	}
	var text string
	switch {
	case len(data) >= 2 && (data[0] == 0xff && data[1] == 0xfe || data[0] == 0xfe && data[1] == 0xff):
		t, err := decodeUTF16(data[2:], data[0] == 0xfe)
		if err != nil {
			return "", err
		}
		text = t
	default:
		data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
		if i := bytes.IndexByte(data, 0); i >= 0 {
			return "", fmt.Errorf("%w (NUL byte at offset %d)", ErrBinary, i)
		}
		if utf8.Valid(data) {
			text = string(data)
		} else {
			t, err := decodeWindows1252(data)
			if err != nil {
				return "", err
			}
			text = t
		}
	}
	if n := countControls(text); n > 0 && n*100 > len(text) {
		return "", fmt.Errorf("%w (%d control characters in %d bytes)", ErrBinary, n, len(text))
	}
	if strings.IndexByte(text, '\r') >= 0 {
		text = strings.ReplaceAll(text, "\r\n", "\n")
		text = strings.ReplaceAll(text, "\r", "\n")
	}
	if isBlank(text) {
		return "", fmt.Errorf("%w (only white space)", ErrEmpty)
	}
	return text, nil
}

// countControls counts the C0 control characters and DEL in s other than
// tab, line feed, vertical tab, form feed and carriage return.
func countControls(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if (c < 0x20 && c != '\t' && c != '\n' && c != '\v' && c != '\f' && c != '\r') || c == 0x7f {
			n++
		}
	}
	return n
}

func decodeUTF16(b []byte, bigEndian bool) (string, error) {
	if len(b)%2 != 0 {
		return "", fmt.Errorf("%w (UTF-16 input of odd length)", ErrEncoding)
	}
	u := make([]uint16, len(b)/2)
	for i := range u {
		if bigEndian {
			u[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
		} else {
			u[i] = uint16(b[2*i+1])<<8 | uint16(b[2*i])
		}
	}
	s := string(utf16.Decode(u))
	if i := strings.IndexByte(s, 0); i >= 0 {
		return "", fmt.Errorf("%w (NUL character in UTF-16 text)", ErrBinary)
	}
	return s, nil
}

// windows1252 maps the bytes 0x80..0x9F; zero marks the five undefined ones.
// The bytes 0xA0..0xFF are the Latin-1 code points of the same value.
const windows1252 = "€\x00‚ƒ„…†‡ˆ‰Š‹Œ\x00Ž\x00\x00‘’“”•–—˜™š›œ\x00žŸ"

// cp1252High returns the rune of byte b in 0x80..0x9F, or false.
func cp1252High(b byte) (rune, bool) {
	i := int(b - 0x80)
	for _, r := range windows1252 {
		if i == 0 {
			return r, r != 0
		}
		i--
	}
	return 0, false
}

// decodeWindows1252 converts data, which is not valid UTF-8, keeping every
// valid UTF-8 sequence and reading every other byte as Windows-1252.
func decodeWindows1252(data []byte) (string, error) {
	var b strings.Builder
	b.Grow(len(data) + len(data)/8)
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r != utf8.RuneError || size > 1 {
			b.Write(data[i : i+size])
			i += size
			continue
		}
		c := data[i]
		switch {
		case c >= 0xa0:
			b.WriteRune(rune(c))
		case c >= 0x80:
			hr, ok := cp1252High(c)
			if !ok {
				return "", fmt.Errorf("%w (byte 0x%X at offset %d is neither UTF-8 nor Windows-1252)", ErrEncoding, c, i)
			}
			b.WriteRune(hr)
		default:
			b.WriteByte(c)
		}
		i++
	}
	return b.String(), nil
}

func isBlank(s string) bool {
	return strings.TrimSpace(s) == ""
}

// line returns the line of text starting at pos, without its '\n', and the
// position of the next line.
func line(text string, pos int) (string, int) {
	if i := strings.IndexByte(text[pos:], '\n'); i >= 0 {
		return text[pos : pos+i], pos + i + 1
	}
	return text[pos:], len(text)
}

// skipBlankLines returns the start of the first line at or after pos that
// is not blank (or len(text)).
func skipBlankLines(text string, pos int) int {
	for pos < len(text) {
		l, next := line(text, pos)
		if !isBlank(l) {
			return pos
		}
		pos = next
	}
	return pos
}

// readMeta fills a's metadata from the top of text and returns the body.
// Header lines may come first, or after a first-line headline.
func readMeta(text string, a *dossier.Article) string {
	pos, body, done := readHeaders(text, skipBlankLines(text, 0), a)
	if done {
		return body
	}
	pos = skipBlankLines(text, pos)
	if a.Title == "" {
		if l, next := line(text, pos); isHeadline(l) && next < len(text) {
			if nl, _ := line(text, next); isBlank(nl) {
				if start := skipBlankLines(text, next); start < len(text) {
					a.Title = strings.TrimSpace(l)
					pos = start
					if hl, _ := line(text, pos); isHeaderLine(hl) {
						if pos, body, done = readHeaders(text, pos, a); done {
							return body
						}
						pos = skipBlankLines(text, pos)
					}
				}
			}
		}
	}
	return text[pos:]
}

// readHeaders reads a block of header lines starting at pos. It returns the
// position after the block; done is true when a date prefix started the body
// on its own line, and body is then the text after the date.
func readHeaders(text string, pos int, a *dossier.Article) (int, string, bool) {
	inHeader := false
	for pos < len(text) {
		l, next := line(text, pos)
		if key, val, ok := header(l, inHeader); ok {
			setHeader(a, key, val)
			inHeader = true
			pos = next
			if more := skipBlankLines(text, next); more > next {
				// Blank lines end the header block unless another header
				// follows them.
				if nl, _ := line(text, more); !isHeaderLine(nl) {
					break
				}
				pos = more
			}
			continue
		}
		if d, rest, ok := datePrefix(l); ok {
			a.Date = d
			if isBlank(l[rest:]) {
				inHeader = true
				pos = next
				continue
			}
			// The body begins on this line, after the date.
			return pos, text[pos+rest:], true
		}
		break
	}
	return pos, "", false
}

// isHeaderLine reports whether l is a header line of a known key, or a date
// prefix line with nothing after the date.
func isHeaderLine(l string) bool {
	if _, _, ok := header(l, true); ok {
		return true
	}
	_, rest, ok := datePrefix(l)
	return ok && isBlank(l[rest:])
}

// header parses a "Key: value" line with a known key, returning the key in
// lower case and the trimmed value. Author and byline keys count only inside
// a header block.
func header(l string, inHeader bool) (key, val string, ok bool) {
	l = strings.TrimLeft(l, " \t")
	colon := strings.IndexByte(l, ':')
	if colon <= 0 || colon > 12 {
		return "", "", false
	}
	key = strings.ToLower(strings.TrimRight(l[:colon], " \t"))
	switch key {
	case "title", "headline", "date", "published", "source", "url", "link":
	case "author", "byline":
		if !inHeader {
			return "", "", false
		}
	default:
		return "", "", false
	}
	return key, strings.TrimSpace(l[colon+1:]), true
}

func setHeader(a *dossier.Article, key, val string) {
	switch key {
	case "title", "headline":
		a.Title = val
	case "date", "published":
		if d, ok := ParseDate(val); ok {
			a.Date = d
		}
	case "source":
		a.Source = val
	case "url", "link":
		a.URL = val
	}
}

// datePrefix recognizes a line beginning "date YYYY-MM-DD" (or an RFC 3339
// time) without a colon, case-insensitively and after optional white space,
// and returns the date and the offset in l where the rest begins.
func datePrefix(l string) (time.Time, int, bool) {
	i := 0
	for i < len(l) && (l[i] == ' ' || l[i] == '\t') {
		i++
	}
	if len(l)-i < 5 || !strings.EqualFold(l[i:i+4], "date") || (l[i+4] != ' ' && l[i+4] != '\t') {
		return time.Time{}, 0, false
	}
	j := i + 4
	for j < len(l) && (l[j] == ' ' || l[j] == '\t') {
		j++
	}
	k := j
	for k < len(l) && l[k] != ' ' && l[k] != '\t' {
		k++
	}
	d, ok := parseISO(l[j:k])
	if !ok {
		return time.Time{}, 0, false
	}
	for k < len(l) && (l[k] == ' ' || l[k] == '\t') {
		k++
	}
	return d, k, true
}

// isHeadline reports whether l looks like a headline (see the package
// documentation).
func isHeadline(l string) bool {
	l = strings.TrimSpace(l)
	if l == "" || len(l) > maxHeadlineBytes || len(strings.Fields(l)) > maxHeadlineWords {
		return false
	}
	end := strings.TrimRight(l, "\"'”’»)]")
	if end == "" {
		return false
	}
	if strings.HasSuffix(end, "...") {
		return true // a headline may trail off
	}
	switch end[len(end)-1] {
	case '.', ',', ';', ':':
		return false
	}
	return true
}

// day returns the calendar day of t at midnight UTC.
func day(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

func parseISO(s string) (time.Time, bool) {
	for _, layout := range []string{time.DateOnly, time.RFC3339, time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02T15:04"} {
		if t, err := time.Parse(layout, s); err == nil {
			return day(t), true
		}
	}
	return time.Time{}, false
}

// ParseDate parses a publication date in one of the forms listed in the
// package documentation and returns the day at midnight UTC.
func ParseDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, false
	}
	if t, ok := parseISO(s); ok {
		return t, true
	}
	for _, layout := range []string{time.RFC1123, time.RFC1123Z, time.RFC822, time.RFC822Z, time.RFC850,
		"2006/01/02", "2006-01-02 15:04:05", "2006-01-02 15:04", "Mon, 2 Jan 2006 15:04:05 MST", "Mon, 2 Jan 2006 15:04:05 -0700"} {
		if t, err := time.Parse(layout, s); err == nil {
			return day(t), true
		}
	}
	return parseWords(s)
}

// parseWords parses "March 8, 2026", "Mar. 8, 2026", "8 March 2026" and the
// same after a weekday: exactly a month name, a day of month and a year.
func parseWords(s string) (time.Time, bool) {
	var month time.Month
	dayNum, year := 0, 0
	fields := strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == ',' || r == '\t' })
	for i, f := range fields {
		f = strings.TrimSuffix(f, ".")
		if n, ok := atoi(f); ok {
			switch {
			case len(f) == 4 && year == 0:
				year = n
			case len(f) <= 2 && n >= 1 && n <= 31 && dayNum == 0:
				dayNum = n
			default:
				return time.Time{}, false
			}
			continue
		}
		if n, ok := atoi(strings.TrimRight(f, "stndrh")); ok && len(f) > 2 && n >= 1 && n <= 31 && dayNum == 0 {
			dayNum = n // "8th"
			continue
		}
		if m := monthOf(f); m != 0 && month == 0 {
			month = m
			continue
		}
		if i == 0 && isWeekday(f) {
			continue
		}
		return time.Time{}, false
	}
	if month == 0 || dayNum == 0 || year == 0 {
		return time.Time{}, false
	}
	t := time.Date(year, month, dayNum, 0, 0, 0, 0, time.UTC)
	if t.Day() != dayNum {
		return time.Time{}, false // "February 30"
	}
	return t, true
}

func atoi(s string) (int, bool) {
	if s == "" || len(s) > 4 {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		n = n*10 + int(s[i]-'0')
	}
	return n, true
}

// monthOf returns the month named by a full English name or a common
// abbreviation ("Mar", "Sept"), case-insensitively, or 0.
func monthOf(s string) time.Month {
	if len(s) < 3 {
		return 0
	}
	for m := time.January; m <= time.December; m++ {
		name := m.String()
		if strings.EqualFold(s, name) || strings.EqualFold(s, name[:3]) {
			return m
		}
	}
	if strings.EqualFold(s, "Sept") {
		return time.September
	}
	return 0
}

func isWeekday(s string) bool {
	for d := time.Sunday; d <= time.Saturday; d++ {
		name := d.String()
		if strings.EqualFold(s, name) || strings.EqualFold(s, name[:3]) {
			return true
		}
	}
	return false
}
