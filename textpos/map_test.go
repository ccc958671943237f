package textpos

import (
	"reflect"
	"testing"
)

func TestMapRaw(t *testing.T) {
	// Text "a & b" from raw "<p>a &amp; b</p>": "a " -> [3,5), "&" -> [5,10), " b" -> [10,12).
	var m Map
	for _, s := range []Segment{
		{Text: Span{0, 2}, Raw: Span{3, 5}},
		{Text: Span{2, 3}, Raw: Span{5, 10}},
		{Text: Span{3, 5}, Raw: Span{10, 12}},
	} {
		if !m.Add(s) {
			t.Fatalf("Add(%v) = false, want true", s)
		}
	}
	tests := []struct {
		give   int
		want   int
		wantOK bool
	}{
		{give: 0, want: 3, wantOK: true},
		{give: 1, want: 4, wantOK: true},
		{give: 2, want: 5, wantOK: true},
		{give: 3, want: 10, wantOK: true},
		{give: 5, want: 12, wantOK: true},
		{give: 6, want: 0, wantOK: false},
		{give: -1, want: 0, wantOK: false},
	}
	for _, tt := range tests {
		got, ok := m.Raw(tt.give)
		if got != tt.want || ok != tt.wantOK {
			t.Errorf("Map.Raw(%d) = %d, %v, want %d, %v", tt.give, got, ok, tt.want, tt.wantOK)
		}
	}
	spans := []struct {
		give Span
		want Span
	}{
		{give: Span{0, 5}, want: Span{3, 12}},
		{give: Span{2, 3}, want: Span{5, 10}},
		{give: Span{0, 1}, want: Span{3, 4}},
	}
	for _, tt := range spans {
		if got, ok := m.RawSpan(tt.give); !ok || got != tt.want {
			t.Errorf("Map.RawSpan(%v) = %v, %v, want %v, true", tt.give, got, ok, tt.want)
		}
	}
}

func TestMapAdd(t *testing.T) {
	tests := []struct {
		name string
		give []Segment
		want []bool
		segs int
	}{
		{name: "merge contiguous", give: []Segment{{Span{0, 2}, Span{0, 2}}, {Span{2, 4}, Span{2, 4}}}, want: []bool{true, true}, segs: 1},
		{name: "gap kept apart", give: []Segment{{Span{0, 2}, Span{0, 2}}, {Span{3, 4}, Span{5, 6}}}, want: []bool{true, true}, segs: 2},
		{name: "text going back", give: []Segment{{Span{0, 2}, Span{0, 2}}, {Span{1, 4}, Span{5, 8}}}, want: []bool{true, false}, segs: 1},
		{name: "raw going back", give: []Segment{{Span{0, 2}, Span{4, 6}}, {Span{2, 4}, Span{0, 2}}}, want: []bool{true, false}, segs: 1},
		{name: "invalid", give: []Segment{{Span{2, 1}, Span{0, 1}}}, want: []bool{false}, segs: 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var m Map
			for i, s := range tt.give {
				if got := m.Add(s); got != tt.want[i] {
					t.Errorf("Add(%v) = %v, want %v", s, got, tt.want[i])
				}
			}
			if m.Len() != tt.segs {
				t.Errorf("Len() = %d, want %d", m.Len(), tt.segs)
			}
		})
	}
}

func TestMapBinaryRoundTrip(t *testing.T) {
	var m Map
	for _, s := range []Segment{
		{Text: Span{0, 5}, Raw: Span{10, 15}},
		{Text: Span{7, 12}, Raw: Span{30, 41}},
		{Text: Span{12, 20}, Raw: Span{50, 58}},
	} {
		if !m.Add(s) {
			t.Fatalf("Add(%v) = false", s)
		}
	}
	b, err := m.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	var got Map
	if err := got.UnmarshalBinary(b); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got.Segments(), m.Segments()) {
		t.Errorf("round trip = %v, want %v", got.Segments(), m.Segments())
	}
	var empty Map
	if b, _ := empty.MarshalBinary(); b != nil {
		t.Errorf("empty map encodes to %v, want nil", b)
	}
	for _, bad := range [][]byte{{5}, {1, 0, 2}, {1, 0, 1, 0, 1, 9}} {
		var x Map
		if err := x.UnmarshalBinary(bad); err == nil {
			t.Errorf("UnmarshalBinary(%v) = nil error, want one", bad)
		}
	}
}

func FuzzMapUnmarshalBinary(f *testing.F) {
	f.Add([]byte{1, 0, 5, 10, 5})
	f.Add([]byte{2, 0, 1, 0, 1, 1, 1, 1, 1})
	f.Fuzz(func(t *testing.T, data []byte) {
		var m Map
		if err := m.UnmarshalBinary(data); err != nil {
			return
		}
		// Whatever decodes keeps the invariants and encodes back the same.
		prevT, prevR := 0, 0
		for _, s := range m.Segments() {
			if s.Text.Start < prevT || s.Raw.Start < prevR || s.Text.End < s.Text.Start || s.Raw.End < s.Raw.Start {
				t.Fatalf("decoded map breaks invariants: %v", m.Segments())
			}
			prevT, prevR = s.Text.End, s.Raw.End
		}
		b, _ := m.MarshalBinary()
		var again Map
		if err := again.UnmarshalBinary(b); err != nil || !reflect.DeepEqual(again.Segments(), m.Segments()) {
			t.Fatalf("re-encoding changed the map: %v vs %v (%v)", again.Segments(), m.Segments(), err)
		}
	})
}
