// Package textpos owns positions in an article's text: half-open byte spans,
// their validity rules, and conversions to runes for API edges.
//
// It is the leaf of the module: it imports only the standard library, and
// every other package that speaks of "where in the text" does so with a Span.
//
// Invariants (go/token style):
//   - A Span is [Start, End) in bytes of Article.Text (UTF-8).
//   - A Span s is valid for text t when 0 <= s.Start <= s.End <= len(t).
//   - For a valid span, s.Text(t) == t[s.Start:s.End].
package textpos

import (
	"fmt"
	"unicode/utf8"
)

// Span is a half-open byte range [Start, End) into one text.
// The zero Span is empty and valid for every text.
type Span struct {
	Start int
	End   int
}

// Valid reports whether s lies inside a text of n bytes.
func (s Span) Valid(n int) bool { return 0 <= s.Start && s.Start <= s.End && s.End <= n }

// Len is the span's length in bytes.
func (s Span) Len() int { return s.End - s.Start }

// Empty reports whether the span covers no bytes.
func (s Span) Empty() bool { return s.End <= s.Start }

// Text returns the bytes of src covered by s. It returns "" for a span that
// is not valid for src instead of panicking.
func (s Span) Text(src string) string {
	if !s.Valid(len(src)) {
		return ""
	}
	return src[s.Start:s.End]
}

// Contains reports whether o lies inside s.
func (s Span) Contains(o Span) bool { return s.Start <= o.Start && o.End <= s.End }

// Overlaps reports whether s and o share at least one byte.
func (s Span) Overlaps(o Span) bool { return s.Start < o.End && o.Start < s.End }

// Union is the smallest span covering both s and o.
func (s Span) Union(o Span) Span {
	if o.Start < s.Start {
		s.Start = o.Start
	}
	if o.End > s.End {
		s.End = o.End
	}
	return s
}

// String formats the span as "[start,end)".
func (s Span) String() string { return fmt.Sprintf("[%d,%d)", s.Start, s.End) }

// Trim returns s shrunk so that it neither starts nor ends with ASCII space
// or any byte in cut.
func (s Span) Trim(src string, cut string) Span {
	if !s.Valid(len(src)) {
		return s
	}
	isCut := func(b byte) bool {
		if b == ' ' || b == '\t' || b == '\n' || b == '\r' {
			return true
		}
		for i := 0; i < len(cut); i++ {
			if cut[i] == b {
				return true
			}
		}
		return false
	}
	for s.Start < s.End && isCut(src[s.Start]) {
		s.Start++
	}
	for s.End > s.Start && isCut(src[s.End-1]) {
		s.End--
	}
	return s
}

// RuneOffsets converts byte offsets of src to Unicode code point offsets.
// It is for API edges (brat standoff, JavaScript clients); the rest of the
// system speaks bytes. The returned slice maps every byte offset 0..len(src)
// to the number of runes before it.
func RuneOffsets(src string) []int {
	out := make([]int, len(src)+1)
	r := 0
	for i := 0; i < len(src); {
		_, size := utf8.DecodeRuneInString(src[i:])
		for k := 0; k < size; k++ {
			out[i+k] = r
		}
		i += size
		r++
	}
	out[len(src)] = r
	return out
}

// ByteOffsets maps every rune offset 0..RuneCount(src) of src to its byte
// offset; the inverse of RuneOffsets at rune boundaries.
func ByteOffsets(src string) []int {
	out := make([]int, 0, len(src)+1)
	for i := range src {
		out = append(out, i)
	}
	return append(out, len(src))
}
