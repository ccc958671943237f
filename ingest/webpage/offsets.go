package webpage

import (
	"bytes"
	"html"
	"strings"
	"unicode/utf8"

	xhtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"dossier/textpos"
)

// piece is the raw range [start, end) of the HTML that one byte of the text
// stream came from: one byte for plain text, several for a character
// reference or a run of white space.
type piece struct{ start, end int32 }

// stream is the page's visible text as one string, white space collapsed to
// single spaces, with the raw range of each byte.
type stream struct {
	text []byte
	raw  []piece
}

func (s *stream) space(start, end int) {
	if n := len(s.text); n == 0 || s.text[n-1] == ' ' {
		if n > 0 && s.raw[n-1].end == int32(start) {
			s.raw[n-1].end = int32(end)
		}
		return
	}
	s.text = append(s.text, ' ')
	s.raw = append(s.raw, piece{int32(start), int32(end)})
}

func (s *stream) add(b []byte, start, end int) {
	for _, c := range b {
		s.text = append(s.text, c)
		s.raw = append(s.raw, piece{int32(start), int32(end)})
	}
}

// isSpace reports whether the rune is white space as trafilatura trims it.
func isSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\r', '\f', '\v', 0xa0:
		return true
	}
	return false
}

// textNode appends the text of raw, which starts at offset base of the page,
// decoding character references and collapsing white space.
func (s *stream) textNode(raw []byte, base int) {
	for i := 0; i < len(raw); {
		c := raw[i]
		if c == '&' {
			j := i + 1
			for j < len(raw) && j-i < 40 && raw[j] != ';' && raw[j] != '&' && raw[j] != '<' && !isSpace(rune(raw[j])) {
				j++
			}
			if j < len(raw) && raw[j] == ';' {
				j++
			}
			dec := html.UnescapeString(string(raw[i:j]))
			if dec != string(raw[i:j]) {
				r, _ := utf8.DecodeRuneInString(dec)
				if isSpace(r) && len(dec) == utf8.RuneLen(r) {
					s.space(base+i, base+j)
				} else {
					s.add([]byte(dec), base+i, base+j)
				}
				i = j
				continue
			}
			s.add(raw[i:i+1], base+i, base+i+1)
			i++
			continue
		}
		r, size := utf8.DecodeRune(raw[i:])
		if isSpace(r) {
			s.space(base+i, base+i+size)
		} else {
			s.add(raw[i:i+size], base+i, base+i+size)
		}
		i += size
	}
}

// inline reports whether a tag does not break the flow of text.
func inline(a atom.Atom) bool {
	switch a {
	case atom.A, atom.Abbr, atom.B, atom.Bdi, atom.Bdo, atom.Cite, atom.Code, atom.Data,
		atom.Dfn, atom.Em, atom.Font, atom.I, atom.Kbd, atom.Mark, atom.Q, atom.S, atom.Samp,
		atom.Small, atom.Span, atom.Strong, atom.Sub, atom.Sup, atom.Time, atom.U, atom.Var,
		atom.Wbr, atom.Ins, atom.Del, atom.Strike, atom.Tt, atom.Big, atom.Nobr:
		return true
	}
	return false
}

// scan builds the text stream of a page.
func scan(src []byte) *stream {
	s := &stream{text: make([]byte, 0, len(src)/4), raw: make([]piece, 0, len(src)/4)}
	z := xhtml.NewTokenizer(bytes.NewReader(src))
	off := 0
	skip := atom.Atom(0) // inside script, style and similar: no text
	for {
		tt := z.Next()
		raw := z.Raw()
		start := off
		off += len(raw)
		switch tt {
		case xhtml.ErrorToken:
			return s
		case xhtml.TextToken:
			if skip == 0 {
				s.textNode(raw, start)
			}
		case xhtml.StartTagToken, xhtml.SelfClosingTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			switch a {
			case atom.Script, atom.Style, atom.Template, atom.Noscript, atom.Svg, atom.Title:
				if tt == xhtml.StartTagToken && skip == 0 {
					skip = a
				}
			}
			if !inline(a) {
				s.space(start, start)
			}
		case xhtml.EndTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			if a == skip {
				skip = 0
			}
			if !inline(a) {
				s.space(start, start)
			}
		}
	}
}

// buildMap maps each line of text to the page bytes it came from (see the
// package documentation).
func buildMap(src []byte, text string) textpos.Map {
	var m textpos.Map
	s := scan(src)
	hay := string(s.text) // one copy, for strings.Index
	cursor := 0
	var norm []byte
	var idx []int
	for lineStart := 0; lineStart < len(text); {
		lineEnd := strings.IndexByte(text[lineStart:], '\n')
		if lineEnd < 0 {
			lineEnd = len(text)
		} else {
			lineEnd += lineStart
		}
		norm, idx = normalize(text[lineStart:lineEnd], lineStart, norm[:0], idx[:0])
		if len(norm) > 0 {
			if k := strings.Index(hay[cursor:], string(norm)); k >= 0 {
				k += cursor
				addRun(&m, s.raw[k:k+len(norm)], idx, lineEnd)
				cursor = k + len(norm)
			}
		}
		lineStart = lineEnd + 1
	}
	return m
}

// normalize collapses white space in line (which starts at offset base of
// the text) and records for each byte of the result its text offset.
func normalize(line string, base int, norm []byte, idx []int) ([]byte, []int) {
	for i := 0; i < len(line); {
		r, size := utf8.DecodeRuneInString(line[i:])
		if isSpace(r) {
			if n := len(norm); n > 0 && norm[n-1] != ' ' {
				norm = append(norm, ' ')
				idx = append(idx, base+i)
			}
		} else {
			norm = append(norm, line[i:i+size]...)
			for k := range size {
				idx = append(idx, base+i+k)
			}
		}
		i += size
	}
	for len(norm) > 0 && norm[len(norm)-1] == ' ' {
		norm, idx = norm[:len(norm)-1], idx[:len(idx)-1]
	}
	return norm, idx
}

// addRun adds the segments of one matched line: bytes whose text offsets
// and raw offsets both advance by one are merged into one segment; a byte
// from a character reference or a run of white space is a segment of its
// own, covering all the text bytes that share its raw range.
func addRun(m *textpos.Map, raw []piece, idx []int, lineEnd int) {
	for j := 0; j < len(raw); {
		k := j + 1
		for k < len(raw) && raw[k] == raw[j] {
			k++ // the bytes of one character reference
		}
		tEnd := lineEnd
		if k < len(idx) {
			tEnd = idx[k]
		}
		// Collapsed white space in the text: a text run of several bytes.
		m.Add(textpos.Segment{
			Text: textpos.Span{Start: idx[j], End: tEnd},
			Raw:  textpos.Span{Start: int(raw[j].start), End: int(raw[j].end)},
		})
		j = k
	}
}
