package textpos

import (
	"encoding/binary"
	"errors"
	"math"
	"sort"
)

// Segment pairs a range of an extracted text with the range of the raw
// source (HTML, say) it came from. When Text and Raw have the same length
// the bytes correspond one to one; otherwise only the ends are known.
type Segment struct {
	Text Span
	Raw  Span
}

// Map maps offsets of an extracted text back to byte offsets of the raw
// source it was taken from.
//
// Invariants:
//   - Segments are sorted by Text.Start, and their Text spans do not overlap.
//   - The map is monotonic: Raw spans are sorted the same way and do not
//     overlap, so a later text offset never maps before an earlier one.
//   - An offset that no segment covers has no raw position (Raw reports false).
//
// The zero Map is empty and maps nothing.
type Map struct {
	segs []Segment
}

// Add appends a segment. It reports false, and leaves the map as it was, when
// the segment would break the invariants: an invalid span, a Text span that
// starts before the end of the previous one, or a Raw span that does.
// Adjacent segments whose text and raw ranges both continue each other with
// equal lengths are merged.
func (m *Map) Add(s Segment) bool {
	if s.Text.Start < 0 || s.Text.End < s.Text.Start || s.Raw.Start < 0 || s.Raw.End < s.Raw.Start {
		return false
	}
	if n := len(m.segs); n > 0 {
		last := &m.segs[n-1]
		if s.Text.Start < last.Text.End || s.Raw.Start < last.Raw.End {
			return false
		}
		if s.Text.Start == last.Text.End && s.Raw.Start == last.Raw.End &&
			s.Text.Len() == s.Raw.Len() && last.Text.Len() == last.Raw.Len() {
			last.Text.End = s.Text.End
			last.Raw.End = s.Raw.End
			return true
		}
	}
	m.segs = append(m.segs, s)
	return true
}

// Len is the number of segments.
func (m *Map) Len() int {
	if m == nil {
		return 0
	}
	return len(m.segs)
}

// Segments returns the segments in order. The slice is the map's own: do not
// modify it.
func (m *Map) Segments() []Segment {
	if m == nil {
		return nil
	}
	return m.segs
}

// Raw returns the raw byte offset of text offset off, read as the start of
// what follows it. Inside a segment of equal lengths the offset is exact;
// inside one of unequal lengths it is the segment's raw start. An offset at
// the end of a segment that no segment continues maps to that segment's raw
// end. It reports false when no segment covers off.
func (m *Map) Raw(off int) (int, bool) {
	if m == nil || len(m.segs) == 0 {
		return 0, false
	}
	i := sort.Search(len(m.segs), func(i int) bool { return m.segs[i].Text.End > off })
	if i < len(m.segs) && m.segs[i].Text.Start <= off {
		s := m.segs[i]
		if s.Text.Len() == s.Raw.Len() {
			return s.Raw.Start + off - s.Text.Start, true
		}
		return s.Raw.Start, true
	}
	if i > 0 && m.segs[i-1].Text.End == off {
		return m.segs[i-1].Raw.End, true
	}
	return 0, false
}

// rawEnd is Raw read as the end of what precedes off: at a segment's end it
// maps to that segment's raw end, not to the start of the next one.
func (m *Map) rawEnd(off int) (int, bool) {
	if m == nil || len(m.segs) == 0 {
		return 0, false
	}
	i := sort.Search(len(m.segs), func(i int) bool { return m.segs[i].Text.End >= off })
	if i == len(m.segs) || m.segs[i].Text.Start > off {
		return 0, false
	}
	s := m.segs[i]
	switch {
	case s.Text.Len() == s.Raw.Len():
		return s.Raw.Start + off - s.Text.Start, true
	case off == s.Text.End:
		return s.Raw.End, true
	default:
		return s.Raw.Start, true
	}
}

// RawSpan maps a text span to a raw span: its start as Raw maps it, its end
// as the end of the last byte covered. It reports false when either end is
// unmapped.
func (m *Map) RawSpan(s Span) (Span, bool) {
	a, ok := m.Raw(s.Start)
	if !ok {
		return Span{}, false
	}
	b, ok := m.rawEnd(s.End)
	if !ok || b < a {
		return Span{}, false
	}
	return Span{Start: a, End: b}, true
}

// Coverage is the number of text bytes that some segment covers.
func (m *Map) Coverage() int {
	n := 0
	for _, s := range m.Segments() {
		n += s.Text.Len()
	}
	return n
}

// MarshalBinary encodes the map compactly for storage: the segment count,
// then for each segment four unsigned varints — the text start as a delta
// from the previous text end, the text length, the raw start as a delta
// from the previous raw end, the raw length. An empty map encodes to nil.
func (m *Map) MarshalBinary() ([]byte, error) {
	if m.Len() == 0 {
		return nil, nil
	}
	out := binary.AppendUvarint(nil, uint64(len(m.segs)))
	textEnd, rawEnd := 0, 0
	for _, s := range m.segs {
		out = binary.AppendUvarint(out, uint64(s.Text.Start-textEnd))
		out = binary.AppendUvarint(out, uint64(s.Text.Len()))
		out = binary.AppendUvarint(out, uint64(s.Raw.Start-rawEnd))
		out = binary.AppendUvarint(out, uint64(s.Raw.Len()))
		textEnd, rawEnd = s.Text.End, s.Raw.End
	}
	return out, nil
}

// UnmarshalBinary decodes what MarshalBinary wrote, replacing the map's
// segments. Data that is truncated, overflows or breaks the invariants is
// an error, and the map is then left empty.
func (m *Map) UnmarshalBinary(data []byte) error {
	m.segs = nil
	if len(data) == 0 {
		return nil
	}
	next := func() (int, error) {
		v, n := binary.Uvarint(data)
		if n <= 0 || v > math.MaxInt32 {
			return 0, errors.New("textpos: bad map encoding")
		}
		data = data[n:]
		return int(v), nil
	}
	count, err := next()
	if err != nil {
		return err
	}
	if count > len(data) { // every segment takes at least four bytes
		return errors.New("textpos: bad map encoding: segment count")
	}
	var out Map
	textEnd, rawEnd := 0, 0
	for i := 0; i < count; i++ {
		var v [4]int
		for k := range v {
			if v[k], err = next(); err != nil {
				return err
			}
		}
		s := Segment{Text: Span{textEnd + v[0], textEnd + v[0] + v[1]}, Raw: Span{rawEnd + v[2], rawEnd + v[2] + v[3]}}
		if s.Text.End > math.MaxInt32 || s.Raw.End > math.MaxInt32 || !out.Add(s) {
			return errors.New("textpos: bad map encoding: segments out of order")
		}
		textEnd, rawEnd = s.Text.End, s.Raw.End
	}
	if len(data) != 0 {
		return errors.New("textpos: bad map encoding: trailing bytes")
	}
	m.segs = out.segs
	return nil
}
