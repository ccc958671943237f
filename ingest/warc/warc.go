// Package warc reads WARC files (ISO 28500, WARC/1.0 and WARC/1.1) as a
// stream of records, and the HTTP responses inside them.
//
// It is a small streaming reader written for dossier rather than a wrapper
// of a WARC library: ingest needs only to walk the records once, in order,
// with the block of each record read lazily (a 10 GB crawl never loads
// whole, a video record is skipped without being read into memory), and the
// record format is simple: a version line, header lines, a blank line,
// Content-Length bytes of block, and two CRLFs. A gzip-compressed WARC (one
// gzip member per record, as crawlers write it) is handled by the caller
// wrapping the input in a multistream gzip.Reader, which reads the members
// one after another; ingest does that when it sniffs gzip.
package warc

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/textproto"
	"strconv"
	"strings"
	"time"
)

// ErrFormat is wrapped by every error about a malformed record.
var ErrFormat = errors.New("malformed WARC")

// Record is one WARC record. Block reads its content block; it is valid
// only until the next call of Reader.Next.
type Record struct {
	// Version is "WARC/1.0" or "WARC/1.1".
	Version string
	// Header holds the named fields (WARC-Type, WARC-Target-URI, ...).
	Header textproto.MIMEHeader
	// Type is the WARC-Type field: "response", "request", "warcinfo", ...
	Type string
	// TargetURI is the WARC-Target-URI field (angle brackets removed).
	TargetURI string
	// Date is the WARC-Date field; zero when missing or unreadable.
	Date time.Time
	// Length is the block's length in bytes (Content-Length).
	Length int64
	// Block reads the content block.
	Block io.Reader
	// N is the record's number in the file, from 1.
	N int
}

// Reader reads records from a WARC stream.
type Reader struct {
	br   *bufio.Reader
	tp   *textproto.Reader
	cur  *io.LimitedReader
	n    int
	done bool
}

// NewReader returns a Reader over r, which must already be decompressed.
func NewReader(r io.Reader) *Reader {
	br := bufio.NewReaderSize(r, 64<<10)
	return &Reader{br: br, tp: textproto.NewReader(br)}
}

// Next returns the next record, skipping whatever of the previous record's
// block was not read. It returns io.EOF after the last record, and an error
// wrapping ErrFormat for a malformed record (after which the stream cannot
// be resynchronised and Next keeps returning io.EOF).
func (r *Reader) Next() (*Record, error) {
	if r.done {
		return nil, io.EOF
	}
	if r.cur != nil {
		if _, err := io.Copy(io.Discard, r.cur); err != nil {
			return nil, r.fail(fmt.Errorf("record %d: %w", r.n, err))
		}
		r.cur = nil
	}
	// Skip the CRLFs between records (and tolerate a missing one).
	var line string
	for {
		l, err := r.tp.ReadLine()
		if err == io.EOF {
			r.done = true
			return nil, io.EOF
		}
		if err != nil {
			return nil, r.fail(fmt.Errorf("record %d: %w", r.n+1, err))
		}
		if strings.TrimSpace(l) != "" {
			line = strings.TrimSpace(l)
			break
		}
	}
	r.n++
	if !strings.HasPrefix(line, "WARC/") {
		return nil, r.fail(fmt.Errorf("record %d: %w: version line %q", r.n, ErrFormat, clip(line)))
	}
	h, err := r.tp.ReadMIMEHeader()
	if err != nil && !(err == io.EOF && len(h) > 0) {
		return nil, r.fail(fmt.Errorf("record %d: %w: header: %w", r.n, ErrFormat, err))
	}
	cl := h.Get("Content-Length")
	n, err := strconv.ParseInt(strings.TrimSpace(cl), 10, 64)
	if err != nil || n < 0 {
		return nil, r.fail(fmt.Errorf("record %d: %w: Content-Length %q", r.n, ErrFormat, cl))
	}
	rec := &Record{
		Version:   line,
		Header:    h,
		Type:      strings.ToLower(strings.TrimSpace(h.Get("WARC-Type"))),
		TargetURI: strings.Trim(strings.TrimSpace(h.Get("WARC-Target-URI")), "<>"),
		Length:    n,
		N:         r.n,
	}
	if t, err := time.Parse(time.RFC3339Nano, strings.TrimSpace(h.Get("WARC-Date"))); err == nil {
		rec.Date = t
	}
	r.cur = &io.LimitedReader{R: r.br, N: n}
	rec.Block = r.cur
	return rec, nil
}

func (r *Reader) fail(err error) error {
	r.done = true
	return err
}

func clip(s string) string {
	if len(s) > 40 {
		return s[:40] + "..."
	}
	return s
}

// Response is the HTTP response held by a response record.
type Response struct {
	// Status is the HTTP status code.
	Status int
	// ContentType is the media type of the body, lower case, without
	// parameters ("text/html").
	ContentType string
	// Header is the HTTP header.
	Header http.Header
	// Body is the payload, de-chunked and decompressed.
	Body []byte
}

// IsHTML reports whether the response's media type is an HTML one.
func (r *Response) IsHTML() bool {
	return r.ContentType == "text/html" || r.ContentType == "application/xhtml+xml"
}

// ErrTooLarge is returned by ReadResponse for a body over the limit.
var ErrTooLarge = errors.New("body too large")

// ReadResponse parses the HTTP response in a response record's block. When
// wantBody returns false for the response's media type, the body is not read
// and Response.Body is nil. Bodies over maxBody bytes are an ErrTooLarge.
// Transfer-Encoding chunked and Content-Encoding gzip are undone.
func ReadResponse(rec *Record, maxBody int64, wantBody func(contentType string) bool) (*Response, error) {
	if !strings.HasPrefix(strings.ToLower(rec.Header.Get("Content-Type")), "application/http") &&
		rec.Header.Get("Content-Type") != "" {
		return nil, fmt.Errorf("record %d: %w: content type %q is not application/http", rec.N, ErrFormat, rec.Header.Get("Content-Type"))
	}
	resp, err := http.ReadResponse(bufio.NewReader(rec.Block), nil)
	if err != nil {
		return nil, fmt.Errorf("record %d: http response: %w", rec.N, err)
	}
	defer resp.Body.Close()
	out := &Response{Status: resp.StatusCode, Header: resp.Header}
	if mt, _, err := mime.ParseMediaType(resp.Header.Get("Content-Type")); err == nil {
		out.ContentType = strings.ToLower(mt)
	}
	if wantBody != nil && !wantBody(out.ContentType) {
		return out, nil
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxBody+1))
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) {
		return nil, fmt.Errorf("record %d: http body: %w", rec.N, err)
	}
	if int64(len(body)) > maxBody {
		return nil, fmt.Errorf("record %d: %w (over %d bytes)", rec.N, ErrTooLarge, maxBody)
	}
	if strings.EqualFold(strings.TrimSpace(resp.Header.Get("Content-Encoding")), "gzip") && len(body) > 2 && body[0] == 0x1f && body[1] == 0x8b {
		zr, err := gzip.NewReader(bytes.NewReader(body))
		if err != nil {
			return nil, fmt.Errorf("record %d: content-encoding gzip: %w", rec.N, err)
		}
		dec, err := io.ReadAll(io.LimitReader(zr, maxBody+1))
		if err != nil {
			return nil, fmt.Errorf("record %d: content-encoding gzip: %w", rec.N, err)
		}
		if int64(len(dec)) > maxBody {
			return nil, fmt.Errorf("record %d: %w (over %d bytes)", rec.N, ErrTooLarge, maxBody)
		}
		body = dec
	}
	out.Body = body
	return out, nil
}

// Writer writes WARC/1.1 records, for tests and tools that make WARC files.
type Writer struct {
	w io.Writer
}

// NewWriter returns a Writer to w.
func NewWriter(w io.Writer) *Writer { return &Writer{w: w} }

// WriteResponse writes a response record for uri fetched at date, whose
// block is the HTTP response httpResp (status line, headers, body).
func (w *Writer) WriteResponse(uri string, date time.Time, httpResp []byte) error {
	return w.WriteRecord("response", uri, date, "application/http; msgtype=response", httpResp)
}

// WriteRecord writes one record with the given type, target URI, date,
// content type and block.
func (w *Writer) WriteRecord(typ, uri string, date time.Time, contentType string, block []byte) error {
	var b bytes.Buffer
	b.WriteString("WARC/1.1\r\n")
	fmt.Fprintf(&b, "WARC-Type: %s\r\n", typ)
	if uri != "" {
		fmt.Fprintf(&b, "WARC-Target-URI: %s\r\n", uri)
	}
	fmt.Fprintf(&b, "WARC-Date: %s\r\n", date.UTC().Format(time.RFC3339))
	if contentType != "" {
		fmt.Fprintf(&b, "Content-Type: %s\r\n", contentType)
	}
	fmt.Fprintf(&b, "Content-Length: %d\r\n\r\n", len(block))
	b.Write(block)
	b.WriteString("\r\n\r\n")
	if _, err := w.w.Write(b.Bytes()); err != nil {
		return fmt.Errorf("warc write: %w", err)
	}
	return nil
}
