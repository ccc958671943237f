package dossier

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"math/bits"
	"time"
	"unicode"
	"unicode/utf8"

	"dossier/textpos"
)

// Store is where a corpus lives: articles, all their facts, a full-text
// index and a work queue. It is the one contract with several
// implementations (sqlite.DB, postgres.DB); storetest.Run is the suite every
// implementation passes.
//
// Every method takes a context first and is safe for concurrent use.
type Store interface {
	// PutAnalysis stores an article and all of its facts (entities with
	// their mentions, quotes, claims with their stances, time expressions,
	// figures, producers) in one transaction: either all of them are stored
	// or none is.
	//
	// An article is identified by ContentHash(a.Article.Text). Putting an
	// article whose hash is already stored changes nothing and returns the
	// stored id with Duplicate set. An article whose Fingerprint is within
	// NearDuplicateDistance bits of a stored one is stored, and linked to
	// the first stored copy through NearDuplicateOf.
	//
	// A span that is not valid for the text makes the put fail with an
	// error wrapping ErrInvalid, and nothing is stored.
	PutAnalysis(ctx context.Context, a Analysis, o Origin) (PutResult, error)

	// HasHash reports whether an article with this ContentHash is stored,
	// so that a caller can skip analysing it.
	HasHash(ctx context.Context, hash string) (bool, error)

	// Analysis returns the stored article id with all its facts.
	// It returns an error wrapping ErrNotFound when there is no such article.
	Analysis(ctx context.Context, id int64) (StoredAnalysis, error)

	// Stats counts what the store holds.
	Stats(ctx context.Context) (Stats, error)

	// Search finds articles and quotes matching the words of query, best
	// first, at most limit hits. Every word must match (stemmed English);
	// a query without words returns no hits and no error.
	Search(ctx context.Context, query string, limit int) ([]SearchHit, error)

	// Enqueue adds items (file paths, URLs) to the work queue of batch.
	// It is idempotent: an item already in the batch, in any state, is not
	// added again.
	Enqueue(ctx context.Context, batch string, items []string) error

	// Claim hands at most n pending jobs of batch to worker and marks them
	// claimed. Concurrent claims, from any number of processes, never hand
	// out the same job twice. It returns no jobs when none is pending.
	Claim(ctx context.Context, batch, worker string, n int) ([]Job, error)

	// Finish marks a claimed job done, or failed with errMsg when errMsg is
	// not empty. It returns an error wrapping ErrNotFound for an unknown job.
	Finish(ctx context.Context, jobID int64, errMsg string) error

	// Reclaim returns to pending every job of batch that was claimed more
	// than lease ago and never finished (its worker died), and says how
	// many it returned.
	Reclaim(ctx context.Context, batch string, lease time.Duration) (int, error)

	// Queue counts the jobs of batch by state.
	Queue(ctx context.Context, batch string) (QueueCounts, error)

	// Close releases the store's resources.
	Close() error
}

// Sentinel errors of a Store. Implementations wrap them ("op: %w"); test
// with errors.Is.
var (
	// ErrNotFound means the requested article or job does not exist.
	ErrNotFound = errors.New("not found")
	// ErrInvalid means a value cannot be stored: a span outside the text,
	// a duplicate fact id, an empty batch name.
	ErrInvalid = errors.New("invalid")
)

// Origin says where an article came from. Every field is optional.
type Origin struct {
	// Name is the input as the user gave it: a path, a URL, a path inside
	// an archive ("feed.xml#3").
	Name string
	// Format is the sniffed input format ("text", "html", "rss", "warc"...).
	Format string
	// Raw holds the source bytes (an HTML page), kept so that facts can be
	// traced back to them.
	Raw []byte
	// Map maps offsets of Article.Text into Raw, where the reader could
	// make one (HTML pages); empty otherwise.
	Map textpos.Map
}

// PutResult is the outcome of Store.PutAnalysis.
type PutResult struct {
	// ArticleID is the stored article's id (the existing one for a
	// duplicate).
	ArticleID int64
	// Duplicate is set when the same normalized text was already stored;
	// nothing was written.
	Duplicate bool
	// NearDuplicateOf is the id of the first stored copy of a syndicated
	// near-copy, or 0. The near-copy itself is stored.
	NearDuplicateOf int64
}

// StoredAnalysis is an article read back from a Store.
type StoredAnalysis struct {
	ID              int64
	Hash            string
	NearDuplicateOf int64
	Origin          Origin
	Analysis        Analysis
}

// Fact kinds, the keys of Stats.ByKind.
const (
	KindEntities = "entities"
	KindMentions = "mentions"
	KindQuotes   = "quotes"
	KindClaims   = "claims"
	KindStances  = "stances"
	KindTimex    = "timex"
	KindFigures  = "figures"
)

// FactKinds lists the kinds counted in Stats.FactsTotal. Mentions are not
// among them: a mention is evidence of an entity, not a fact of its own.
func FactKinds() []string {
	return []string{KindEntities, KindQuotes, KindClaims, KindStances, KindTimex, KindFigures}
}

// Stats counts what a Store holds.
type Stats struct {
	// ArticlesTotal counts stored articles, near-duplicates included.
	ArticlesTotal int64
	// NearDuplicates counts stored articles linked to a first copy.
	NearDuplicates int64
	// FactsTotal is the sum of ByKind over FactKinds: entities, quotes,
	// claims, stances, time expressions and figures (not mentions).
	FactsTotal int64
	// ByKind counts rows per kind, mentions included (KindMentions).
	ByKind map[string]int64
}

// SearchHit is one result of Store.Search.
type SearchHit struct {
	ArticleID int64
	Title     string
	// Kind is "article" when the article's title or text matched, "quote"
	// when one of its quotes did.
	Kind string
	// Snippet is a short excerpt with each matched word between
	// SnippetOpen and SnippetClose.
	Snippet string
	// Rank orders hits: higher is better. Its scale depends on the
	// implementation (bm25 in SQLite, ts_rank in PostgreSQL).
	Rank float64
}

// Kinds of search hits.
const (
	HitArticle = "article"
	HitQuote   = "quote"
)

// Markers around matched words in SearchHit.Snippet.
const (
	SnippetOpen  = "["
	SnippetClose = "]"
)

// Job is one claimed item of a work queue.
type Job struct {
	ID    int64
	Batch string
	Item  string
	// Attempts counts the claims of this job, this one included.
	Attempts int
}

// QueueCounts counts the jobs of one batch by state.
type QueueCounts struct {
	Pending, Claimed, Done, Failed int64
}

// ContentHash identifies an article by its text: the hex SHA-256 of the
// text lower-cased (unicode.ToLower) with every run of white space collapsed
// to one space and none at either end. Two texts that differ only in case
// and spacing have the same hash.
func ContentHash(text string) string {
	h := sha256.New()
	var buf [512]byte
	n := 0
	wrote, space := false, false // space: a space is due before the next word
	for i := 0; i < len(text); {
		if n > len(buf)-1-utf8.UTFMax {
			h.Write(buf[:n])
			n = 0
		}
		if c := text[i]; c < utf8.RuneSelf {
			// ASCII, most of any text: the same as below, without decoding
			// (unicode.IsSpace is true for these six, unicode.ToLower
			// changes only A-Z).
			i++
			if c == ' ' || '\t' <= c && c <= '\r' {
				space = wrote
				continue
			}
			if space {
				buf[n] = ' '
				n++
				space = false
			}
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf[n] = c
			n++
			wrote = true
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:]) // utf8.RuneError for a bad byte, as range gives
		i += size
		if unicode.IsSpace(r) {
			space = wrote
			continue
		}
		if space {
			buf[n] = ' '
			n++
			space = false
		}
		n += utf8.EncodeRune(buf[n:], unicode.ToLower(r))
		wrote = true
	}
	h.Write(buf[:n])
	return hex.EncodeToString(h.Sum(nil))
}

// NearDuplicateDistance is the largest Hamming distance between the
// Fingerprint values of two articles that counts them as near-duplicates.
// With four 16-bit bands, two fingerprints this close share at least one
// band exactly, which is how stores find candidates with an index.
const NearDuplicateDistance = 3

// MinFingerprintWords is the fewest words an article needs for
// near-duplicate detection; shorter texts have too few shingles to tell
// apart, and are only deduplicated exactly.
const MinFingerprintWords = 24

// Fingerprint is the near-duplicate signature of a text, and its number of
// words. Words are runs of letters and digits, lower-cased; the features are
// word 3-shingles. The signature is a one-bit MinHash (b-bit minwise
// hashing, Li and König 2010, with b = 1): bit i is one bit of the minimum
// of the i-th of 64 hash functions over the shingles. Each bit of two
// fingerprints differs with probability (1-J)/2 for shingle sets of Jaccard
// similarity J: unrelated texts differ in about 32 bits, a syndicated copy
// with a changed word and a credit line added in one or two.
//
// One-bit MinHash was chosen over Charikar's SimHash after measuring both on
// a news corpus: for the same three-bit threshold SimHash linked a copy with
// one replaced sentence in 7% of articles, MinHash in 33%, while pairs of
// distinct articles under the threshold stayed the same.
func Fingerprint(text string) (fp uint64, words int) {
	const (
		offset64 = 14695981039346656037
		prime64  = 1099511628211
	)
	// Hash function i is s*a_i + b_i (mod 2^64), a_i odd: a permutation
	// of the already mixed shingle hash s.
	var mins, a, b [64]uint64
	for i := range mins {
		mins[i] = ^uint64(0)
		a[i] = uint64(2*i+1)*0x9E3779B97F4A7C15 | 1
		b[i] = uint64(i) * 0xD1B54A32D192ED03
	}
	var w [3]uint64 // the last three word hashes
	h := uint64(offset64)
	inWord := false
	flush := func() {
		w[0], w[1], w[2] = w[1], w[2], h
		h = offset64
		words++
		if words < 3 {
			return
		}
		s := mix64(w[0] ^ bits.RotateLeft64(w[1], 21) ^ bits.RotateLeft64(w[2], 43))
		for i := range mins {
			mins[i] = min(mins[i], s*a[i]+b[i])
		}
	}
	var rb [utf8.UTFMax]byte
	for _, r := range text {
		if r < utf8.RuneSelf {
			c := byte(r)
			switch {
			case 'A' <= c && c <= 'Z':
				c += 'a' - 'A'
			case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
			default:
				if inWord {
					flush()
					inWord = false
				}
				continue
			}
			h = (h ^ uint64(c)) * prime64
			inWord = true
			continue
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			n := utf8.EncodeRune(rb[:], unicode.ToLower(r))
			for _, c := range rb[:n] {
				h = (h ^ uint64(c)) * prime64
			}
			inWord = true
			continue
		}
		if inWord {
			flush()
			inWord = false
		}
	}
	if inWord {
		flush()
	}
	if words < 3 {
		return 0, words
	}
	for i, m := range mins {
		fp |= (mix64(m) >> 63) << uint(i)
	}
	return fp, words
}

// mix64 is the splitmix64 finalizer.
func mix64(s uint64) uint64 {
	s ^= s >> 31
	s *= 0xBF58476D1CE4E5B9
	s ^= s >> 29
	s *= 0x94D049BB133111EB
	s ^= s >> 32
	return s
}

// FingerprintBands splits a fingerprint into its four 16-bit bands, the
// keys under which stores index it.
func FingerprintBands(h uint64) [4]uint16 {
	return [4]uint16{uint16(h), uint16(h >> 16), uint16(h >> 32), uint16(h >> 48)}
}

// HammingDistance is the number of bits in which a and b differ.
func HammingDistance(a, b uint64) int { return bits.OnesCount64(a ^ b) }

// SpanError is a fact's span that is not valid for its article's text.
type SpanError struct {
	What string // the fact and field: "quote q3 cue"
	Span textpos.Span
	Len  int // the text's length in bytes
}

// Error describes the span and the text length.
func (e *SpanError) Error() string {
	return fmt.Sprintf("%s: span %v outside a text of %d bytes", e.What, e.Span, e.Len)
}

// Unwrap makes errors.Is(err, ErrInvalid) hold.
func (e *SpanError) Unwrap() error { return ErrInvalid }

// CheckSpan returns a *SpanError (wrapping ErrInvalid) when s is not valid
// for text, and nil otherwise. Stores call it as they write each fact, so a
// bad fact fails the whole put.
func CheckSpan(what string, s textpos.Span, text string) error {
	if !s.Valid(len(text)) {
		return &SpanError{What: what, Span: s, Len: len(text)}
	}
	return nil
}
