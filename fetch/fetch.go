// Package fetch gets documents over HTTP for ingest and watch, within
// limits: only http and https, a bounded body, a bounded time, a bounded
// number of redirects, and no connection to a loopback, private, link-local
// or otherwise non-public address unless the caller allows it (a news feed
// must not become a way into the host's network).
//
// The address check runs on every address actually dialled (a net.Dialer
// Control function sees the IP after name resolution), so a public name that
// resolves, or is rebound, to a private address is refused, and so is a
// redirect to one. Proxies from the environment are not used: through a
// proxy the dialled address would be the proxy's and the check meaningless.
// Gzip-encoded responses are decoded by the transport; the size limit
// applies to the decoded body.
package fetch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"time"
)

// Defaults used when an Options field is zero.
const (
	DefaultMaxBytes     = 32 << 20
	DefaultTimeout      = 30 * time.Second
	DefaultMaxRedirects = 5
	DefaultUserAgent    = "dossier/1 (news fact ledger; feed reader)"
)

// Errors that Get wraps, for errors.Is.
var (
	// ErrPrivateAddress: the request would connect to a loopback, private,
	// link-local or other non-public address, and AllowPrivate is off.
	ErrPrivateAddress = errors.New("private address refused")
	// ErrTooLarge: the body is larger than MaxBytes.
	ErrTooLarge = errors.New("response too large")
	// ErrTooManyRedirects: more than MaxRedirects redirects.
	ErrTooManyRedirects = errors.New("too many redirects")
	// ErrStatus: the server answered with a status other than 2xx or 304.
	ErrStatus = errors.New("unexpected HTTP status")
	// ErrScheme: the URL (or a redirect) is not http or https.
	ErrScheme = errors.New("unsupported URL scheme")
	// ErrTimeout: the request took longer than Timeout.
	ErrTimeout = errors.New("timed out")
)

// Options limit what a Client fetches. The zero value is the default.
type Options struct {
	// MaxBytes is the largest body read (after gzip decoding);
	// DefaultMaxBytes when 0.
	MaxBytes int64
	// Timeout bounds the whole request, from dialling to the last byte of
	// the body; DefaultTimeout when 0.
	Timeout time.Duration
	// MaxRedirects is the number of redirects followed;
	// DefaultMaxRedirects when 0.
	MaxRedirects int
	// AllowPrivate permits loopback, private, link-local, unspecified,
	// multicast and other non-public addresses.
	AllowPrivate bool
	// UserAgent is sent with each request; DefaultUserAgent when empty.
	UserAgent string
}

// Conditional holds the validators of an earlier response, for a
// conditional GET (If-None-Match, If-Modified-Since). The zero value makes
// the GET unconditional.
type Conditional struct {
	ETag, LastModified string
}

// Response is a fetched document.
type Response struct {
	// URL is the final URL, after redirects.
	URL string
	// Status is the HTTP status code (2xx, or 304 when NotModified).
	Status int
	// Header is the response header.
	Header http.Header
	// Body is the decoded body, at most MaxBytes long; nil when
	// NotModified.
	Body []byte
	// NotModified is set when the server answered a conditional request
	// with 304 Not Modified.
	NotModified bool
	// ETag and LastModified are the response's validators, to send back
	// as a Conditional next time (the request's, on 304 without them).
	ETag, LastModified string
}

// Client fetches documents within its Options. It is safe for concurrent
// use and reuses connections.
type Client struct {
	opts Options
	hc   *http.Client
	// check vets each address about to be dialled ("ip:port"); nil allows
	// all. Tests replace it.
	check func(network, address string) error
}

// New returns a Client with the limits of o.
func New(o Options) *Client {
	if o.MaxBytes <= 0 {
		o.MaxBytes = DefaultMaxBytes
	}
	if o.Timeout <= 0 {
		o.Timeout = DefaultTimeout
	}
	if o.MaxRedirects <= 0 {
		o.MaxRedirects = DefaultMaxRedirects
	}
	if o.UserAgent == "" {
		o.UserAgent = DefaultUserAgent
	}
	c := &Client{opts: o}
	if !o.AllowPrivate {
		c.check = checkDial
	}
	dialer := &net.Dialer{
		Timeout:   o.Timeout,
		KeepAlive: 30 * time.Second,
		Control: control(func(network, address string) error {
			if c.check == nil {
				return nil
			}
			return c.check(network, address)
		}),
	}
	transport := &http.Transport{
		Proxy:                  nil, // see the package comment
		DialContext:            dialer.DialContext,
		ForceAttemptHTTP2:      true,
		MaxIdleConns:           16,
		IdleConnTimeout:        90 * time.Second,
		TLSHandshakeTimeout:    10 * time.Second,
		ExpectContinueTimeout:  time.Second,
		MaxResponseHeaderBytes: 1 << 20,
	}
	c.hc = &http.Client{
		Transport: transport,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) > o.MaxRedirects {
				return fmt.Errorf("%w (more than %d)", ErrTooManyRedirects, o.MaxRedirects)
			}
			return checkScheme(req.URL)
		},
	}
	return c
}

// checkScheme accepts http and https URLs with a host.
func checkScheme(u *url.URL) error {
	if u.Scheme != "http" && u.Scheme != "https" {
		return fmt.Errorf("%w %q (want http or https)", ErrScheme, u.Scheme)
	}
	if u.Host == "" {
		return fmt.Errorf("%w: no host in %q", ErrScheme, u.Redacted())
	}
	return nil
}

// Get fetches rawURL, conditionally when cond holds validators. It returns
// an error wrapping one of the package's sentinels when a limit is hit or
// the status is not 2xx or 304, and the context's error when ctx ends.
func (c *Client) Get(ctx context.Context, rawURL string, cond Conditional) (*Response, error) {
	resp, err := c.get(ctx, rawURL, cond)
	if err != nil {
		return nil, fmt.Errorf("fetch: GET %s: %w", rawURL, err)
	}
	return resp, nil
}

func (c *Client) get(ctx context.Context, rawURL string, cond Conditional) (*Response, error) {
	u, err := url.Parse(rawURL)
	if err != nil {
		return nil, err
	}
	if err := checkScheme(u); err != nil {
		return nil, err
	}
	tctx, cancel := context.WithTimeout(ctx, c.opts.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(tctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("User-Agent", c.opts.UserAgent)
	req.Header.Set("Accept", "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/html;q=0.9, */*;q=0.8")
	if cond.ETag != "" {
		req.Header.Set("If-None-Match", cond.ETag)
	}
	if cond.LastModified != "" {
		req.Header.Set("If-Modified-Since", cond.LastModified)
	}
	hr, err := c.hc.Do(req)
	if err != nil {
		return nil, c.reason(ctx, tctx, err)
	}
	defer hr.Body.Close()
	r := &Response{
		URL:          hr.Request.URL.String(),
		Status:       hr.StatusCode,
		Header:       hr.Header,
		ETag:         hr.Header.Get("ETag"),
		LastModified: hr.Header.Get("Last-Modified"),
	}
	switch {
	case hr.StatusCode == http.StatusNotModified:
		r.NotModified = true
		if r.ETag == "" {
			r.ETag = cond.ETag
		}
		if r.LastModified == "" {
			r.LastModified = cond.LastModified
		}
		return r, nil
	case hr.StatusCode < 200 || hr.StatusCode > 299:
		return nil, fmt.Errorf("%w %s", ErrStatus, hr.Status)
	}
	if hr.ContentLength > c.opts.MaxBytes {
		return nil, fmt.Errorf("%w (Content-Length %d, limit %d bytes)", ErrTooLarge, hr.ContentLength, c.opts.MaxBytes)
	}
	body, err := readLimited(hr.Body, c.opts.MaxBytes)
	if err != nil {
		return nil, c.reason(ctx, tctx, err)
	}
	r.Body = body
	return r, nil
}

// readLimited reads at most limit+1 bytes of body and fails with
// ErrTooLarge when there were more than limit.
func readLimited(body io.Reader, limit int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(body, limit+1))
	if err != nil {
		return nil, fmt.Errorf("read body: %w", err)
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("%w (over %d bytes)", ErrTooLarge, limit)
	}
	return data, nil
}

// reason turns a transport error into the error Get reports: the parent
// context's error when it ended, ErrTimeout when the Timeout did, else the
// cause without net/url's repetition of the method and URL.
func (c *Client) reason(parent, tctx context.Context, err error) error {
	if perr := parent.Err(); perr != nil {
		return perr
	}
	if errors.Is(tctx.Err(), context.DeadlineExceeded) {
		return fmt.Errorf("%w after %s", ErrTimeout, c.opts.Timeout)
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}
