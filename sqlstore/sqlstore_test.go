package sqlstore

import (
	"testing"
	"time"
)

func TestDialectPlaceholders(t *testing.T) {
	q := `SELECT a FROM t WHERE x = ? AND y = ?`
	if got := (Dialect{}).q(q); got != q {
		t.Errorf("q(%q) = %q, want it unchanged", q, got)
	}
	if got, want := (Dialect{Dollar: true}).q(q), `SELECT a FROM t WHERE x = $1 AND y = $2`; got != want {
		t.Errorf("q(%q) = %q, want %q", q, got, want)
	}
}

func TestScanDate(t *testing.T) {
	want := time.Date(2026, 3, 8, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		give any
		want time.Time
	}{
		{nil, time.Time{}},
		{want, want},
		{"2026-03-08T00:00:00Z", want},
		{[]byte("2026-03-08T00:00:00Z"), want},
	}
	for _, tt := range tests {
		got, err := scanDate(tt.give)
		if err != nil || !got.Equal(tt.want) {
			t.Errorf("scanDate(%v) = %v, %v; want %v", tt.give, got, err, tt.want)
		}
	}
	if _, err := scanDate(42); err == nil {
		t.Errorf("scanDate(42) = nil error, want one")
	}
}
