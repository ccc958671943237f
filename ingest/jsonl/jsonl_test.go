package jsonl

import (
	"errors"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

const sample = `{"url":"https://news.example.com/1","title":"Rates held","date":"2025-05-07","text":"The central bank kept rates on hold."}
not json at all
{"url":"https://news.example.com/2","title":"Page","html":"<html><body><p>Body</p></body></html>"}

{"title":"Nothing"}
{"title":"Late","date":"2025-05-08T09:00:00Z","text":"Trains ran late on Thursday."}`

func TestRead(t *testing.T) {
	tests := []struct {
		wantLine  int
		wantTitle string
		wantDate  string
		wantText  string
		wantHTML  bool
		wantErr   error
	}{
		{wantLine: 1, wantTitle: "Rates held", wantDate: "2025-05-07", wantText: "The central bank kept rates on hold."},
		{wantLine: 2, wantDate: "0001-01-01", wantErr: ErrSyntax},
		{wantLine: 3, wantTitle: "Page", wantDate: "0001-01-01", wantHTML: true},
		{wantLine: 5, wantTitle: "Nothing", wantDate: "0001-01-01", wantErr: ErrNoText},
		{wantLine: 6, wantTitle: "Late", wantDate: "2025-05-08", wantText: "Trains ran late on Thursday."},
	}
	var got []Record
	for rec := range Read(strings.NewReader(sample)) {
		got = append(got, rec)
	}
	if len(got) != len(tests) {
		t.Fatalf("Read(sample) gave %d records, want %d", len(got), len(tests))
	}
	for i, tt := range tests {
		r := got[i]
		if r.Line != tt.wantLine || r.Article.Title != tt.wantTitle || r.Article.Date.Format(time.DateOnly) != tt.wantDate ||
			r.Article.Text != tt.wantText || (r.HTML != nil) != tt.wantHTML || !errors.Is(r.Err, tt.wantErr) {
			t.Errorf("record %d = {%d %q %s %q html=%v %v}, want {%d %q %s %q html=%v %v}", i, r.Line, r.Article.Title,
				r.Article.Date.Format(time.DateOnly), r.Article.Text, r.HTML != nil, r.Err,
				tt.wantLine, tt.wantTitle, tt.wantDate, tt.wantText, tt.wantHTML, tt.wantErr)
		}
	}
}

func FuzzRead(f *testing.F) {
	f.Add([]byte(sample))
	f.Add([]byte("{\"text\":\"\xff\"}\n{"))
	f.Fuzz(func(t *testing.T, data []byte) {
		prev := 0
		for rec := range Read(strings.NewReader(string(data))) {
			if rec.Line <= prev {
				t.Fatalf("line %d after line %d", rec.Line, prev)
			}
			prev = rec.Line
			if !utf8.ValidString(rec.Article.Text) {
				t.Fatalf("line %d text is not valid UTF-8", rec.Line)
			}
		}
	})
}

func BenchmarkRead(b *testing.B) {
	data := strings.Repeat(sample+"\n", 200)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		for range Read(strings.NewReader(data)) {
		}
	}
}
