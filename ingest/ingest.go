// Package ingest turns input bytes of any supported format into Articles:
// it sniffs the format from the content (Sniff) and dispatches to one
// package per format (miniflux's parser): ingest/plaintext, ingest/webpage,
// ingest/feed, ingest/warc and ingest/jsonl. Gzip around any format is
// unwrapped and the content sniffed again.
//
// Open reads one input as a stream of Items; Walk does so for files and
// directories, and WalkParallel with several files read at once. Containers (feeds, WARC files, JSON Lines) yield one Item per
// article; a WARC file or a JSON Lines file of any size streams and never
// loads whole. Failures are Items too: a bad record, item or line is an Item
// with Err set and the rest of the container is still read; a wholly broken
// input (empty, binary, truncated gzip, malformed feed, a page without text,
// text in no known encoding) is one Item whose Err names the input and the
// reason. Open and Walk never stop early because of a bad input.
package ingest

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"dossier"
	"dossier/ingest/feed"
	"dossier/ingest/jsonl"
	"dossier/ingest/plaintext"
	"dossier/ingest/warc"
	"dossier/ingest/webpage"
	"dossier/textpos"
)

// Errors that Item.Err wraps (besides the format packages' own), for
// errors.Is.
var (
	// ErrEmpty: the input holds no bytes, or only white space.
	ErrEmpty = errors.New("empty input")
	// ErrUnsupported: the input is binary or of an unknown format.
	ErrUnsupported = errors.New("unsupported format")
	// ErrTooLarge: a single document is larger than MaxDocument.
	ErrTooLarge = errors.New("document too large")
	// ErrNoArticles: a container held no article at all.
	ErrNoArticles = errors.New("no articles")
)

// MaxDocument is the largest single document (a page, a feed, a text, one
// WARC response body) read into memory, in bytes.
const MaxDocument = 64 << 20

// maxGzipDepth bounds gzip inside gzip.
const maxGzipDepth = 3

// Item is one article read from an input, or the reason it could not be.
type Item struct {
	// Name is the input's path; inside a container it is followed by "#"
	// and the record's URL or the item's link, or "#N" (the record, item or
	// line number) when there is none.
	Name string
	// Format is the format the input was read as.
	Format Format
	// Article is the article read (zero when Err is set).
	Article dossier.Article
	// Language is the article's language (ISO 639-1) when known.
	Language string
	// Raw is the HTML page as UTF-8, for articles read from HTML; Map maps
	// Article.Text offsets into it. Both are empty for other formats.
	Raw []byte
	Map textpos.Map
	// Err is set when the input, or this part of it, could not be read.
	Err error
}

// Options tune Open and Walk. The zero value is the default.
type Options struct {
	// FastHTML makes HTML extraction faster and a little less accurate
	// (see webpage.Options.Fast).
	FastHTML bool
	// NoMap skips the offset maps from text back to HTML.
	NoMap bool
}

// Open reads one input. name is its path (or any label): it names the Items
// and breaks ties in Sniff.
func Open(name string, r io.Reader, opts Options) iter.Seq[Item] {
	return func(yield func(Item) bool) {
		open(name, name, r, opts, 0, yield)
	}
}

// open reads r and reports whether the caller should go on. hint is the
// name Sniff sees: name without the ".gz" of the layers already unwrapped.
func open(name, hint string, r io.Reader, opts Options, depth int, yield func(Item) bool) bool {
	br := bufio.NewReaderSize(r, 64<<10)
	head, err := br.Peek(64 << 10)
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, bufio.ErrBufferFull) {
		return yield(fail(name, Unsupported, fmt.Errorf("read: %w", err)))
	}
	format := Sniff(head, hint)
	switch format {
	case Empty:
		return yield(fail(name, format, ErrEmpty))
	case Unsupported:
		return yield(fail(name, format, fmt.Errorf("%w (%s)", ErrUnsupported, describe(head))))
	case Gzip:
		if depth >= maxGzipDepth {
			return yield(fail(name, format, fmt.Errorf("%w (gzip nested %d deep)", ErrUnsupported, depth+1)))
		}
		zr, err := gzip.NewReader(br)
		if err != nil {
			return yield(fail(name, format, fmt.Errorf("gzip: %w", err)))
		}
		defer zr.Close()
		return open(name, strings.TrimSuffix(hint, ".gz"), gzipErrors{zr}, opts, depth+1, yield)
	case WARC:
		return readWARC(name, br, opts, yield)
	case JSONLines:
		return readJSONL(name, br, opts, yield)
	}
	data, err := readAll(br)
	if err != nil {
		return yield(fail(name, format, err))
	}
	switch format {
	case Feed:
		return readFeed(name, data, yield)
	case HTML:
		return yield(readHTML(name, data, webpage.Options{Fast: opts.FastHTML, NoMap: opts.NoMap}))
	default:
		a, err := plaintext.Read(name, data)
		if err != nil {
			return yield(fail(name, Text, err))
		}
		return yield(Item{Name: name, Format: Text, Article: a})
	}
}

// readAll reads a whole document, at most MaxDocument bytes.
func readAll(r io.Reader) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxDocument+1))
	if err != nil {
		return nil, fmt.Errorf("read: %w", err)
	}
	if len(data) > MaxDocument {
		return nil, fmt.Errorf("%w (over %d bytes)", ErrTooLarge, MaxDocument)
	}
	return data, nil
}

func fail(name string, f Format, err error) Item {
	return Item{Name: name, Format: f, Err: fmt.Errorf("ingest: %s: %w", name, err)}
}

// describe says in a few words what unsupported bytes look like.
func describe(head []byte) string {
	b := bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\xef\xbb\xbf")), " \t\r\n")
	switch {
	case bytes.HasPrefix(b, []byte("%PDF-")):
		return "PDF"
	case isBinary(b[:min(len(b), sniffLen)]):
		return "binary data"
	case len(b) > 0 && (b[0] == '{' || b[0] == '['):
		return "JSON that is neither JSON Lines of articles nor a JSON Feed"
	case len(b) > 0 && b[0] == '<':
		return "markup that is neither HTML nor a feed"
	}
	return "unknown content"
}

func readHTML(name string, data []byte, wo webpage.Options) Item {
	p, err := webpage.Extract(name, data, wo)
	if err != nil {
		return fail(name, HTML, err)
	}
	return Item{Name: name, Format: HTML, Article: p.Article, Language: p.Language, Raw: p.HTML, Map: p.Map}
}

func readFeed(name string, data []byte, yield func(Item) bool) bool {
	f, err := feed.Parse(data)
	if err != nil {
		return yield(fail(name, Feed, err))
	}
	if len(f.Items) == 0 {
		return yield(fail(name, Feed, fmt.Errorf("%w (the feed has no items)", ErrNoArticles)))
	}
	for _, it := range f.Items {
		sub := fmt.Sprintf("%s#%d", name, it.N)
		if it.ID != "" {
			sub = name + "#" + it.ID
		}
		item := Item{Name: sub, Format: Feed, Article: it.Article}
		if it.Err != nil {
			item = Item{Name: sub, Format: Feed, Err: fmt.Errorf("ingest: %s: %w", sub, it.Err)}
		}
		if !yield(item) {
			return false
		}
	}
	return true
}

func readJSONL(name string, r io.Reader, opts Options, yield func(Item) bool) bool {
	n := 0
	for rec := range jsonl.Read(r) {
		n++
		sub := fmt.Sprintf("%s#%d", name, rec.Line)
		var item Item
		switch {
		case rec.Err != nil:
			item = Item{Name: sub, Format: JSONLines, Err: fmt.Errorf("ingest: %s: %w", sub, rec.Err)}
		case rec.HTML != nil:
			item = readHTML(sub, rec.HTML, webpage.Options{URL: rec.Article.URL, Fast: opts.FastHTML, NoMap: opts.NoMap})
			item.Format = JSONLines
			if item.Err == nil {
				overlay(&item.Article, rec.Article)
			}
		default:
			item = Item{Name: sub, Format: JSONLines, Article: rec.Article}
		}
		if !yield(item) {
			return false
		}
	}
	if n == 0 {
		return yield(fail(name, JSONLines, fmt.Errorf("%w (no lines)", ErrNoArticles)))
	}
	return true
}

// overlay sets in a the metadata that meta states explicitly.
func overlay(a *dossier.Article, meta dossier.Article) {
	if meta.Title != "" {
		a.Title = meta.Title
	}
	if meta.URL != "" {
		a.URL = meta.URL
	}
	if meta.Source != "" {
		a.Source = meta.Source
	}
	if meta.HasDate() {
		a.Date = meta.Date
	}
}

func readWARC(name string, r io.Reader, opts Options, yield func(Item) bool) bool {
	wr := warc.NewReader(r)
	records := 0
	for {
		rec, err := wr.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return yield(fail(name, WARC, err))
		}
		records++
		if rec.Type != "response" {
			continue
		}
		sub := fmt.Sprintf("%s#%d", name, rec.N)
		if rec.TargetURI != "" {
			sub = name + "#" + rec.TargetURI
		}
		resp, err := warc.ReadResponse(rec, MaxDocument, isHTMLType)
		if err != nil {
			if !yield(fail(sub, WARC, err)) {
				return false
			}
			continue
		}
		if !resp.IsHTML() || resp.Status < 200 || resp.Status >= 300 {
			continue
		}
		item := readHTML(sub, resp.Body, webpage.Options{
			URL: rec.TargetURI, ContentType: resp.Header.Get("Content-Type"),
			Fast: opts.FastHTML, NoMap: opts.NoMap,
		})
		item.Format = WARC
		if item.Err == nil && !item.Article.HasDate() && !rec.Date.IsZero() {
			y, m, d := rec.Date.UTC().Date()
			item.Article.Date = time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
		}
		if !yield(item) {
			return false
		}
	}
	if records == 0 {
		return yield(fail(name, WARC, fmt.Errorf("%w (no WARC records)", ErrNoArticles)))
	}
	return true
}

// gzipErrors names gzip as the source of a read error ("gzip: unexpected
// EOF" for a truncated file).
type gzipErrors struct{ r io.Reader }

func (g gzipErrors) Read(p []byte) (int, error) {
	n, err := g.r.Read(p)
	if err != nil && err != io.EOF {
		err = fmt.Errorf("gzip: %w (truncated or corrupt)", err)
	}
	return n, err
}

func isHTMLType(ct string) bool { return ct == "text/html" || ct == "application/xhtml+xml" }

// IsCorpusDoc reports whether a file name is one that documents a folder
// rather than holds an article: a corpus's README or licence. Walk skips
// such files inside directories; named explicitly, they are read like any
// file.
func IsCorpusDoc(name string) bool {
	switch strings.ToUpper(strings.TrimSuffix(name, filepath.Ext(name))) {
	case "README", "LICENSE", "LICENCE", "COPYING", "NOTICE", "CHANGELOG", "AUTHORS", "CONTRIBUTING", "SOURCE":
		return true
	}
	return false
}

// Walk reads every file under paths (files, or directories read
// recursively) in lexical order, skipping hidden files and directories
// (names beginning with ".") and, inside directories, files that document
// the folder (README, LICENSE, SOURCE...: see IsCorpusDoc). A path that cannot be read is an Item with
// Err set. Walk stops when ctx is done, after an Item carrying ctx's error.
func Walk(ctx context.Context, paths []string, opts Options) iter.Seq[Item] {
	return func(yield func(Item) bool) {
		walk(ctx, paths, func(path string) bool { return readFile(path, opts, yield) }, yield)
	}
}

// WalkParallel is Walk with n files read at once (n goroutines sniff,
// decompress and extract), for inputs whose reading is slow, such as HTML
// pages. The files are taken in lexical order, but the Items of different
// files may come in any order; those of one file keep theirs. Breaking out
// of the loop stops the readers. With n < 2 it is Walk.
func WalkParallel(ctx context.Context, paths []string, opts Options, n int) iter.Seq[Item] {
	if n < 2 {
		return Walk(ctx, paths, opts)
	}
	return func(yield func(Item) bool) {
		// stopped ends the goroutines when the loop breaks; ctx only stops
		// the walk between files, as in Walk.
		stopped, stop := context.WithCancel(context.Background())
		defer stop()
		items := make(chan Item, n)
		emit := func(it Item) bool {
			select {
			case items <- it:
				return true
			case <-stopped.Done():
				return false
			}
		}
		files := make(chan string)
		var wg sync.WaitGroup
		wg.Go(func() {
			defer close(files)
			walk(ctx, paths, func(path string) bool {
				select {
				case files <- path:
					return true
				case <-stopped.Done():
					return false
				}
			}, emit)
		})
		for range n {
			wg.Go(func() {
				for path := range files {
					if stopped.Err() == nil {
						readFile(path, opts, emit)
					}
				}
			})
		}
		go func() {
			wg.Wait()
			close(items)
		}()
		for it := range items {
			if !yield(it) {
				stop()
				for range items {
				}
				return
			}
		}
	}
}

// walk calls file for every file under paths that Walk reads, in lexical
// order, and emit for an Item of a path that cannot be read, or of ctx's
// error when ctx is done (then it stops). Both report whether to go on.
func walk(ctx context.Context, paths []string, file func(path string) bool, emit func(Item) bool) {
	for _, root := range paths {
		stopped := false
		_ = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				if !emit(fail(path, Unsupported, err)) {
					stopped = true
					return fs.SkipAll
				}
				return nil
			}
			if path != root && strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.IsDir() || !d.Type().IsRegular() {
				return nil
			}
			if path != root && IsCorpusDoc(d.Name()) {
				return nil
			}
			if err := ctx.Err(); err != nil {
				emit(fail(path, Unsupported, err))
				stopped = true
				return fs.SkipAll
			}
			if !file(path) {
				stopped = true
				return fs.SkipAll
			}
			return nil
		})
		if stopped {
			return
		}
	}
}

// readFile reads the file at path (see Open) and reports whether the
// caller should go on.
func readFile(path string, opts Options, yield func(Item) bool) bool {
	f, err := os.Open(path)
	if err != nil {
		return yield(fail(path, Unsupported, err))
	}
	defer f.Close()
	return open(path, path, f, opts, 0, yield)
}
