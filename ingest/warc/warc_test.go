package warc

import (
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"strconv"
	"testing"
	"time"
)

const page = "<html><head><title>Port strike</title></head><body><p>Dock workers walked out on Tuesday.</p></body></html>"

// fixture writes a small WARC: warcinfo, a request, an HTML response, a
// chunked HTML response and an image response.
func fixture(tb testing.TB, gz bool) []byte {
	tb.Helper()
	var out bytes.Buffer
	date := time.Date(2025, 4, 8, 12, 0, 0, 0, time.UTC)
	records := []struct {
		typ, uri, ct string
		block        string
	}{
		{"warcinfo", "", "application/warc-fields", "software: test\r\n"},
		{"request", "https://news.example.com/strike", "application/http; msgtype=request", "GET /strike HTTP/1.1\r\nHost: news.example.com\r\n\r\n"},
		{"response", "https://news.example.com/strike", "application/http; msgtype=response",
			"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: " + itoa(len(page)) + "\r\n\r\n" + page},
		{"response", "https://news.example.com/chunked", "application/http; msgtype=response",
			"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n<p>Hi\r\n4\r\n</p>\r\n0\r\n\r\n"},
		{"response", "https://news.example.com/logo.png", "application/http; msgtype=response",
			"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\nContent-Length: 4\r\n\r\n\x89PNG"},
	}
	for _, r := range records {
		var rec bytes.Buffer
		if err := NewWriter(&rec).WriteRecord(r.typ, r.uri, date, r.ct, []byte(r.block)); err != nil {
			tb.Fatal(err)
		}
		if gz {
			zw := gzip.NewWriter(&out) // one gzip member per record
			zw.Write(rec.Bytes())
			zw.Close()
		} else {
			out.Write(rec.Bytes())
		}
	}
	return out.Bytes()
}

func itoa(n int) string { return strconv.Itoa(n) }

func TestReader(t *testing.T) {
	tests := []struct {
		name string
		gz   bool
	}{{"plain", false}, {"gzip members", true}}
	wantTypes := []string{"warcinfo", "request", "response", "response", "response"}
	wantBodies := []string{"", "", page, "<p>Hi</p>", ""}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var r io.Reader = bytes.NewReader(fixture(t, tt.gz))
			if tt.gz {
				zr, err := gzip.NewReader(r)
				if err != nil {
					t.Fatal(err)
				}
				r = zr
			}
			wr := NewReader(r)
			var types, bodies []string
			for {
				rec, err := wr.Next()
				if errors.Is(err, io.EOF) {
					break
				}
				if err != nil {
					t.Fatalf("Next() error: %v", err)
				}
				if rec.Date.Year() != 2025 {
					t.Errorf("record %d Date = %v, want 2025-04-08", rec.N, rec.Date)
				}
				types = append(types, rec.Type)
				body := ""
				if rec.Type == "response" {
					resp, err := ReadResponse(rec, 1<<20, func(ct string) bool { return ct == "text/html" })
					if err != nil {
						t.Fatalf("ReadResponse(record %d) error: %v", rec.N, err)
					}
					body = string(resp.Body)
				}
				bodies = append(bodies, body)
			}
			if len(types) != len(wantTypes) {
				t.Fatalf("read %d records %v, want %v", len(types), types, wantTypes)
			}
			for i := range types {
				if types[i] != wantTypes[i] || bodies[i] != wantBodies[i] {
					t.Errorf("record %d = %s %q, want %s %q", i+1, types[i], bodies[i], wantTypes[i], wantBodies[i])
				}
			}
		})
	}
}

func TestReaderMalformed(t *testing.T) {
	tests := []struct {
		name string
		give string
	}{
		{name: "not warc", give: "HTTP/1.1 200 OK\r\n\r\n"},
		{name: "bad length", give: "WARC/1.1\r\nWARC-Type: response\r\nContent-Length: many\r\n\r\n"},
		{name: "no length", give: "WARC/1.1\r\nWARC-Type: response\r\n\r\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := NewReader(bytes.NewReader([]byte(tt.give))).Next()
			if !errors.Is(err, ErrFormat) {
				t.Errorf("Next(%q) error = %v, want %v", tt.give, err, ErrFormat)
			}
		})
	}
}

func FuzzReader(f *testing.F) {
	f.Add(fixture(f, false))
	f.Add([]byte("WARC/1.0\r\nContent-Length: 3\r\n\r\nabc"))
	f.Fuzz(func(t *testing.T, data []byte) {
		wr := NewReader(bytes.NewReader(data))
		for range 100 {
			rec, err := wr.Next()
			if err != nil {
				return
			}
			if rec.Length < 0 {
				t.Fatalf("record %d Length = %d", rec.N, rec.Length)
			}
			if rec.Type == "response" {
				if resp, err := ReadResponse(rec, 1<<16, nil); err == nil && int64(len(resp.Body)) > 1<<16 {
					t.Fatalf("body of %d bytes over the limit", len(resp.Body))
				}
			}
		}
	})
}

func BenchmarkReader(b *testing.B) {
	data := bytes.Repeat(fixture(b, false), 50)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		wr := NewReader(bytes.NewReader(data))
		for {
			if _, err := wr.Next(); err != nil {
				break
			}
		}
	}
}
