package fetch

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strconv"
	"strings"
	"testing"
	"time"
)

const feedXML = `<?xml version="1.0"?>
<rss version="2.0"><channel><title>City Desk</title>
<item><title>Council delays vote on transit levy</title><link>https://news.example.com/a</link></item>
</channel></rss>`

func TestRefused(t *testing.T) {
	tests := []struct {
		give    string
		refused bool
	}{
		{"127.0.0.1", true},
		{"127.255.3.4", true},
		{"::1", true},
		{"10.1.2.3", true},
		{"172.16.0.1", true},
		{"172.31.255.255", true},
		{"172.32.0.1", false},
		{"192.168.1.1", true},
		{"100.64.0.1", true},
		{"100.127.255.254", true},
		{"100.128.0.1", false},
		{"169.254.169.254", true}, // cloud metadata
		{"fe80::1", true},
		{"fe80::1%eth0", true},
		{"fc00::1", true},
		{"fd12:3456::1", true},
		{"0.0.0.0", true},
		{"0.1.2.3", true},
		{"::", true},
		{"224.0.0.1", true},
		{"239.255.255.250", true},
		{"ff02::1", true},
		{"255.255.255.255", true},
		{"::ffff:127.0.0.1", true},
		{"::ffff:10.0.0.1", true},
		{"::ffff:169.254.169.254", true},
		{"::ffff:93.184.215.14", false},
		{"64:ff9b::a00:1", true},      // NAT64 of 10.0.0.1
		{"64:ff9b::5db8:d70e", false}, // NAT64 of a public address
		{"2002:7f00:1::", true},       // 6to4 of 127.0.0.1
		{"192.0.2.10", true},
		{"8.8.8.8", false},
		{"93.184.215.14", false},
		{"151.101.1.140", false},
		{"2606:4700:4700::1111", false},
		{"2a00:1450:4001:80b::200e", false},
	}
	for _, tt := range tests {
		t.Run(tt.give, func(t *testing.T) {
			got := Refused(netip.MustParseAddr(tt.give))
			if (got != "") != tt.refused {
				t.Errorf("Refused(%q) = %q, want refused %v", tt.give, got, tt.refused)
			}
		})
	}
}

func TestCheckDial(t *testing.T) {
	tests := []struct {
		give string
		want error
	}{
		{"127.0.0.1:80", ErrPrivateAddress},
		{"[::1]:443", ErrPrivateAddress},
		{"[::ffff:192.168.0.10]:8080", ErrPrivateAddress},
		{"[fe80::1%eth0]:80", ErrPrivateAddress},
		{"169.254.169.254:80", ErrPrivateAddress},
		{"not-an-address", ErrPrivateAddress}, // fail closed
		{"8.8.8.8:443", nil},
		{"[2606:4700:4700::1111]:443", nil},
	}
	for _, tt := range tests {
		t.Run(tt.give, func(t *testing.T) {
			// Through the function the dialer calls, with a nil RawConn as
			// no socket is made.
			got := control(checkDial)("tcp", tt.give, nil)
			if !errors.Is(got, tt.want) || (tt.want == nil) != (got == nil) {
				t.Errorf("Control(%q) = %v, want %v", tt.give, got, tt.want)
			}
		})
	}
}

// server serves handler on a loopback httptest server.
func server(t *testing.T, handler http.HandlerFunc) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(handler)
	t.Cleanup(srv.Close)
	return srv
}

func TestGet(t *testing.T) {
	srv := server(t, func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("User-Agent") != DefaultUserAgent {
			http.Error(w, "no user agent", http.StatusBadRequest)
			return
		}
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, feedXML)
	})
	c := New(Options{AllowPrivate: true})
	got, err := c.Get(context.Background(), srv.URL+"/feed.xml", Conditional{})
	if err != nil {
		t.Fatalf("Get(%q) error %v", srv.URL, err)
	}
	if string(got.Body) != feedXML || got.Status != 200 || got.URL != srv.URL+"/feed.xml" || got.NotModified {
		t.Errorf("Get(%q) = %d %q %q notModified=%v, want 200, the feed, the same URL", srv.URL, got.Status, got.URL, got.Body, got.NotModified)
	}
}

func TestGetRefusesPrivate(t *testing.T) {
	hit := false
	srv := server(t, func(w http.ResponseWriter, r *http.Request) { hit = true })
	tests := []struct {
		give string
	}{
		{srv.URL + "/feed.xml"},
		{strings.Replace(srv.URL, "127.0.0.1", "localhost", 1) + "/feed.xml"},
	}
	for _, tt := range tests {
		t.Run(tt.give, func(t *testing.T) {
			_, err := New(Options{}).Get(context.Background(), tt.give, Conditional{})
			if !errors.Is(err, ErrPrivateAddress) {
				t.Fatalf("Get(%q) = %v, want %v", tt.give, err, ErrPrivateAddress)
			}
			if !strings.Contains(err.Error(), "127.0.0.1") && !strings.Contains(err.Error(), "::1") {
				t.Errorf("Get(%q) = %v, want the error to name the address", tt.give, err)
			}
		})
	}
	if hit {
		t.Errorf("the server was reached despite the refusal")
	}
}

// TestRedirectToPrivate checks that the dial check also runs on redirects:
// the first server (treated as public) redirects to a second one (treated
// as private, by port) and the fetch is refused before it is reached.
func TestRedirectToPrivate(t *testing.T) {
	privateHit := false
	private := server(t, func(w http.ResponseWriter, r *http.Request) { privateHit = true })
	public := server(t, func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, private.URL+"/admin", http.StatusFound)
	})
	privateAddr := strings.TrimPrefix(private.URL, "http://")
	c := New(Options{})
	c.check = func(network, address string) error {
		if address == privateAddr {
			return fmt.Errorf("%w: %s (test)", ErrPrivateAddress, address)
		}
		return nil
	}
	_, err := c.Get(context.Background(), public.URL, Conditional{})
	if !errors.Is(err, ErrPrivateAddress) {
		t.Errorf("Get(%q) = %v, want %v", public.URL, err, ErrPrivateAddress)
	}
	if privateHit {
		t.Errorf("the redirect target was reached")
	}
}

func TestSchemes(t *testing.T) {
	tests := []struct {
		give string
		want error
	}{
		{"file:///etc/passwd", ErrScheme},
		{"ftp://ftp.example.com/feed.xml", ErrScheme},
		{"gopher://example.com/", ErrScheme},
		{"http:///feed.xml", ErrScheme},
		{"/feed.xml", ErrScheme},
	}
	for _, tt := range tests {
		t.Run(tt.give, func(t *testing.T) {
			_, err := New(Options{}).Get(context.Background(), tt.give, Conditional{})
			if !errors.Is(err, tt.want) {
				t.Errorf("Get(%q) = %v, want %v", tt.give, err, tt.want)
			}
		})
	}
}

func TestRedirectToOtherScheme(t *testing.T) {
	srv := server(t, func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "file:///etc/passwd", http.StatusFound)
	})
	_, err := New(Options{AllowPrivate: true}).Get(context.Background(), srv.URL, Conditional{})
	if !errors.Is(err, ErrScheme) {
		t.Errorf("Get(%q) = %v, want %v", srv.URL, err, ErrScheme)
	}
}

func TestRedirects(t *testing.T) {
	// /r/N redirects to /r/N-1; /r/0 serves the feed.
	srv := server(t, func(w http.ResponseWriter, r *http.Request) {
		n, err := strconv.Atoi(strings.TrimPrefix(r.URL.Path, "/r/"))
		if err != nil {
			http.NotFound(w, r)
			return
		}
		if n > 0 {
			http.Redirect(w, r, "/r/"+strconv.Itoa(n-1), http.StatusMovedPermanently)
			return
		}
		fmt.Fprint(w, feedXML)
	})
	tests := []struct {
		give int // redirects the server makes
		max  int
		want error
	}{
		{give: 0, max: 3},
		{give: 3, max: 3},
		{give: 4, max: 3, want: ErrTooManyRedirects},
		{give: 5, max: 0}, // the default, 5
		{give: 6, max: 0, want: ErrTooManyRedirects},
		{give: 100, max: 0, want: ErrTooManyRedirects},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%d/%d", tt.give, tt.max), func(t *testing.T) {
			url := srv.URL + "/r/" + strconv.Itoa(tt.give)
			got, err := New(Options{AllowPrivate: true, MaxRedirects: tt.max}).Get(context.Background(), url, Conditional{})
			if !errors.Is(err, tt.want) || (tt.want == nil) != (err == nil) {
				t.Fatalf("Get(%q) = %v, want %v", url, err, tt.want)
			}
			if err == nil && got.URL != srv.URL+"/r/0" {
				t.Errorf("Get(%q).URL = %q, want %q", url, got.URL, srv.URL+"/r/0")
			}
		})
	}
}

func TestSizeLimit(t *testing.T) {
	const limit = 1000
	body := strings.Repeat("x", limit+1)
	var zipped bytes.Buffer
	zw := gzip.NewWriter(&zipped)
	zw.Write([]byte(strings.Repeat("y", 50*limit)))
	zw.Close()
	srv := server(t, func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/exact": // with Content-Length
			fmt.Fprint(w, body[:limit])
		case "/long": // with Content-Length
			fmt.Fprint(w, body)
		case "/chunked": // without Content-Length: flushes force chunking
			for i := 0; i < 3; i++ {
				fmt.Fprint(w, body[:limit/2])
				w.(http.Flusher).Flush()
			}
		case "/gzip": // small on the wire, large decoded
			w.Header().Set("Content-Encoding", "gzip")
			w.Write(zipped.Bytes())
		}
	})
	tests := []struct {
		give    string
		want    error
		wantLen int
	}{
		{give: "/exact", wantLen: limit},
		{give: "/long", want: ErrTooLarge},
		{give: "/chunked", want: ErrTooLarge},
		{give: "/gzip", want: ErrTooLarge},
	}
	c := New(Options{AllowPrivate: true, MaxBytes: limit})
	for _, tt := range tests {
		t.Run(tt.give, func(t *testing.T) {
			got, err := c.Get(context.Background(), srv.URL+tt.give, Conditional{})
			if !errors.Is(err, tt.want) || (tt.want == nil) != (err == nil) {
				t.Fatalf("Get(%q) = %v, want %v", tt.give, err, tt.want)
			}
			if err == nil && len(got.Body) != tt.wantLen {
				t.Errorf("Get(%q) body length = %d, want %d", tt.give, len(got.Body), tt.wantLen)
			}
		})
	}
}

func TestGzip(t *testing.T) {
	srv := server(t, func(w http.ResponseWriter, r *http.Request) {
		if !strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
			fmt.Fprint(w, "plain")
			return
		}
		w.Header().Set("Content-Encoding", "gzip")
		zw := gzip.NewWriter(w)
		fmt.Fprint(zw, feedXML)
		zw.Close()
	})
	got, err := New(Options{AllowPrivate: true}).Get(context.Background(), srv.URL, Conditional{})
	if err != nil {
		t.Fatalf("Get(%q) error %v", srv.URL, err)
	}
	if string(got.Body) != feedXML {
		t.Errorf("Get(%q) body = %q, want the decoded feed", srv.URL, got.Body)
	}
}

func TestConditional(t *testing.T) {
	const etag, lastMod = `"v7"`, "Sun, 08 Mar 2026 09:00:00 GMT"
	srv := server(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("ETag", etag)
		w.Header().Set("Last-Modified", lastMod)
		if r.Header.Get("If-None-Match") == etag || r.Header.Get("If-Modified-Since") == lastMod {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		fmt.Fprint(w, feedXML)
	})
	tests := []struct {
		name string
		give Conditional
		want bool // NotModified
	}{
		{"unconditional", Conditional{}, false},
		{"etag", Conditional{ETag: etag}, true},
		{"last-modified", Conditional{LastModified: lastMod}, true},
		{"stale etag", Conditional{ETag: `"v6"`}, false},
	}
	c := New(Options{AllowPrivate: true})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := c.Get(context.Background(), srv.URL, tt.give)
			if err != nil {
				t.Fatalf("Get(%+v) error %v", tt.give, err)
			}
			if got.NotModified != tt.want || got.ETag != etag || got.LastModified != lastMod {
				t.Errorf("Get(%+v) = NotModified %v, ETag %q, Last-Modified %q; want %v, %q, %q",
					tt.give, got.NotModified, got.ETag, got.LastModified, tt.want, etag, lastMod)
			}
			if got.NotModified && got.Body != nil {
				t.Errorf("Get(%+v) body = %q, want none on 304", tt.give, got.Body)
			}
		})
	}
}

func TestStatus(t *testing.T) {
	srv := server(t, func(w http.ResponseWriter, r *http.Request) {
		code, _ := strconv.Atoi(strings.TrimPrefix(r.URL.Path, "/"))
		w.WriteHeader(code)
	})
	tests := []struct {
		give int
		want error
	}{
		{200, nil},
		{204, nil},
		{404, ErrStatus},
		{410, ErrStatus},
		{500, ErrStatus},
		{503, ErrStatus},
	}
	c := New(Options{AllowPrivate: true})
	for _, tt := range tests {
		t.Run(strconv.Itoa(tt.give), func(t *testing.T) {
			url := srv.URL + "/" + strconv.Itoa(tt.give)
			_, err := c.Get(context.Background(), url, Conditional{})
			if !errors.Is(err, tt.want) || (tt.want == nil) != (err == nil) {
				t.Errorf("Get(%q) = %v, want %v", url, err, tt.want)
			}
			if err != nil && !strings.Contains(err.Error(), strconv.Itoa(tt.give)) {
				t.Errorf("Get(%q) = %v, want the status in the message", url, err)
			}
		})
	}
}

func TestTimeout(t *testing.T) {
	const sleep = 2 * time.Second
	srv := server(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/slow-body" {
			fmt.Fprint(w, "<rss>")
			w.(http.Flusher).Flush()
		}
		select {
		case <-time.After(sleep):
		case <-r.Context().Done():
		}
	})
	for _, path := range []string{"/slow-headers", "/slow-body"} {
		t.Run(path, func(t *testing.T) {
			start := time.Now()
			_, err := New(Options{AllowPrivate: true, Timeout: 100 * time.Millisecond}).Get(context.Background(), srv.URL+path, Conditional{})
			if !errors.Is(err, ErrTimeout) {
				t.Errorf("Get(%q) = %v, want %v", path, err, ErrTimeout)
			}
			if d := time.Since(start); d >= sleep {
				t.Errorf("Get(%q) took %v, want the timeout to stop it sooner", path, d)
			}
		})
	}
}

func TestCancel(t *testing.T) {
	srv := server(t, func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(2 * time.Second):
		case <-r.Context().Done():
		}
	})
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	_, err := New(Options{AllowPrivate: true}).Get(ctx, srv.URL, Conditional{})
	if !errors.Is(err, context.DeadlineExceeded) || errors.Is(err, ErrTimeout) {
		t.Errorf("Get with a cancelled context = %v, want %v", err, context.DeadlineExceeded)
	}
}

// FuzzCheckDial feeds arbitrary dial addresses to the check: it must not
// panic, must refuse what it cannot parse, and must refuse loopback.
func FuzzCheckDial(f *testing.F) {
	for _, s := range []string{"127.0.0.1:80", "[::1]:443", "8.8.8.8:53", "[::ffff:10.0.0.1]:80", "[fe80::1%eth0]:80", "", ":", "[]:0", "1.2.3.4"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, address string) {
		err := checkDial("tcp", address)
		ap, perr := netip.ParseAddrPort(address)
		switch {
		case perr != nil && err == nil:
			t.Errorf("checkDial(%q) = nil, want an unparsable address refused", address)
		case perr == nil && ap.Addr().Unmap().IsLoopback() && err == nil:
			t.Errorf("checkDial(%q) = nil, want loopback refused", address)
		case err != nil && !errors.Is(err, ErrPrivateAddress):
			t.Errorf("checkDial(%q) = %v, want %v", address, err, ErrPrivateAddress)
		}
	})
}

func BenchmarkGet(b *testing.B) {
	body := []byte(strings.Repeat(feedXML, 200))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.Write(body) }))
	defer srv.Close()
	c := New(Options{AllowPrivate: true})
	ctx := context.Background()
	b.SetBytes(int64(len(body)))
	for b.Loop() {
		if _, err := c.Get(ctx, srv.URL, Conditional{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCheckDial(b *testing.B) {
	addrs := []string{"93.184.215.14:443", "[2606:4700:4700::1111]:443", "10.0.0.1:80", "[::ffff:127.0.0.1]:80"}
	n := 0
	for _, a := range addrs {
		n += len(a)
	}
	b.SetBytes(int64(n))
	for b.Loop() {
		for _, a := range addrs {
			_ = checkDial("tcp", a)
		}
	}
}
