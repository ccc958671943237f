package dossier_test

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"math/bits"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"dossier"
	"dossier/textpos"
)

const wire = `Officials in the port city said on Wednesday that the new bridge would open to traffic in June, two years later than planned, after engineers found cracks in two of its supports. The mayor told reporters that the delay would add about 40 million to the cost, and that the city would ask the regional government to cover part of it. Residents have waited more than a decade for the crossing, which is meant to cut the drive between the two halves of the city from an hour to ten minutes.`

func TestContentHash(t *testing.T) {
	base := dossier.ContentHash("The mayor said the bridge would open.")
	tests := []struct {
		give string
		want bool // same hash as base
	}{
		{"The mayor said the bridge would open.", true},
		{"  THE MAYOR said\n\nthe bridge\twould open.\n", true},
		{"The mayor said the bridge would open", false},
		{"The mayor said the bridge would close.", false},
		{"Themayor said the bridge would open.", false},
	}
	for _, tt := range tests {
		if got := dossier.ContentHash(tt.give) == base; got != tt.want {
			t.Errorf("ContentHash(%q) == base is %v, want %v", tt.give, got, tt.want)
		}
	}
	if got := dossier.ContentHash(strings.Repeat("word ", 1000)); got != dossier.ContentHash(strings.TrimSpace(strings.Repeat("WORD  ", 1000))) {
		t.Errorf("ContentHash(long text) differs by case and spacing: %s", got)
	}
	if got := len(dossier.ContentHash("")); got != 64 {
		t.Errorf("len(ContentHash(\"\")) = %d, want 64", got)
	}
}

// contentHash is ContentHash as documented, written plainly: the hash
// stored articles are deduplicated by must never change.
func contentHash(text string) string {
	var b strings.Builder
	for _, w := range strings.FieldsFunc(text, unicode.IsSpace) {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		for _, r := range w {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	sum := sha256.Sum256([]byte(b.String()))
	return hex.EncodeToString(sum[:])
}

func TestContentHashDefinition(t *testing.T) {
	for _, give := range []string{
		"",
		" \t\n",
		"The mayor said the bridge would open.",
		"  THE MAYOR said\n\nthe bridge\twould open.\n",
		"Ünïcödé WÖRDS\u00a0and\u2003spaces\u0085here, ΑΘΗΝΑ and İstanbul",
		"bad \xff\xfe bytes \xe2\x82 cut short",
		"\v\f\rcontrol\x1c\x1fseparators\x00",
		strings.Repeat("A long line of ASCII with Ünïcödé now and then. ", 40),
	} {
		if got, want := dossier.ContentHash(give), contentHash(give); got != want {
			t.Errorf("ContentHash(%q) = %s, want %s", give, got, want)
		}
	}
}

func FuzzContentHash(f *testing.F) {
	f.Add(wire)
	f.Add("Ünïcödé\u00a0WÖRDS \xff\t")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := dossier.ContentHash(s), contentHash(s); got != want {
			t.Errorf("ContentHash(%q) = %s, want %s", s, got, want)
		}
	})
}

// fingerprint is Fingerprint as first written, with the coefficients of
// the hash functions computed inline: the signature stored articles are
// linked by must never change.
func fingerprint(text string) (fp uint64, words int) {
	const (
		offset64 = 14695981039346656037
		prime64  = 1099511628211
	)
	var mins [64]uint64
	for i := range mins {
		mins[i] = ^uint64(0)
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
		s := mix(w[0] ^ bits.RotateLeft64(w[1], 21) ^ bits.RotateLeft64(w[2], 43))
		// Hash function i is s*a_i + b_i (mod 2^64), a_i odd: a
		// permutation of the already mixed shingle hash.
		for i := range mins {
			a := uint64(2*i+1) * 0x9E3779B97F4A7C15
			v := s*(a|1) + uint64(i)*0xD1B54A32D192ED03
			mins[i] = min(mins[i], v)
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
		fp |= (mix(m) >> 63) << uint(i)
	}
	return fp, words
}
func FingerprintBands(h uint64) [4]uint16 {
	return [4]uint16{uint16(h), uint16(h >> 16), uint16(h >> 32), uint16(h >> 48)}
}

// mix is the splitmix64 finalizer.
func mix(s uint64) uint64 {
	s ^= s >> 31
	s *= 0xBF58476D1CE4E5B9
	s ^= s >> 29
	s *= 0x94D049BB133111EB
	s ^= s >> 32
	return s
}

func FuzzFingerprintDefinition(f *testing.F) {
	f.Add(wire)
	f.Add("Ünïcödé wörds, and 123 numbers; ½ …")
	f.Fuzz(func(t *testing.T, s string) {
		gotFP, gotN := dossier.Fingerprint(s)
		wantFP, wantN := fingerprint(s)
		if gotFP != wantFP || gotN != wantN {
			t.Errorf("Fingerprint(%q) = %x, %d; want %x, %d", s, gotFP, gotN, wantFP, wantN)
		}
	})
}

func TestFingerprint(t *testing.T) {
	h0, words := dossier.Fingerprint(wire)
	if words != 91 {
		t.Errorf("Fingerprint(wire) words = %d, want 91", words)
	}
	tests := []struct {
		name    string
		give    string
		maxDist int
		minDist int
	}{
		{"same text, other case", strings.ToUpper(wire), 0, 0},
		{"one word changed", strings.Replace(wire, "cracks", "faults", 1), dossier.NearDuplicateDistance, 0},
		{"credit line added", wire + " Reporting by a staff writer.", dossier.NearDuplicateDistance, 0},
		{"unrelated", "Heavy snow closed schools across the valley on Thursday, and the weather service warned of drifts on the mountain passes until the weekend. Bus services were cancelled in three districts, and farmers said feed for their animals would run short if the roads stayed closed.", 64, 12},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h, _ := dossier.Fingerprint(tt.give)
			if d := dossier.HammingDistance(h0, h); d > tt.maxDist || d < tt.minDist {
				t.Errorf("HammingDistance(Fingerprint(wire), Fingerprint(%s)) = %d, want %d..%d", tt.name, d, tt.minDist, tt.maxDist)
			}
		})
	}
}

func TestFingerprintBands(t *testing.T) {
	got := dossier.FingerprintBands(0x0123456789abcdef)
	want := [4]uint16{0xcdef, 0x89ab, 0x4567, 0x0123}
	if got != want {
		t.Errorf("FingerprintBands(0x0123456789abcdef) = %x, want %x", got, want)
	}
}

func TestCheckSpan(t *testing.T) {
	tests := []struct {
		give textpos.Span
		want bool // valid
	}{
		{textpos.Span{Start: 0, End: 5}, true},
		{textpos.Span{}, true},
		{textpos.Span{Start: 3, End: 6}, false},
		{textpos.Span{Start: -1, End: 2}, false},
		{textpos.Span{Start: 4, End: 2}, false},
	}
	for _, tt := range tests {
		err := dossier.CheckSpan("figure", tt.give, "hello")
		if got := err == nil; got != tt.want {
			t.Errorf("CheckSpan(%v) = %v, want valid %v", tt.give, err, tt.want)
		}
		if err != nil && !errors.Is(err, dossier.ErrInvalid) {
			t.Errorf("CheckSpan(%v) = %v, want an error wrapping ErrInvalid", tt.give, err)
		}
	}
}

func FuzzFingerprint(f *testing.F) {
	f.Add(wire)
	f.Add("")
	f.Add("Ünïcödé wörds, and 123 numbers; ½ …")
	f.Fuzz(func(t *testing.T, s string) {
		h1, n := dossier.Fingerprint(s)
		h2, _ := dossier.Fingerprint(strings.ToUpper(s))
		if n < 0 || (n < 3 && h1 != 0) {
			t.Errorf("Fingerprint(%q) = %x, %d", s, h1, n)
		}
		if strings.ToLower(strings.ToUpper(s)) == strings.ToLower(s) && h1 != h2 {
			t.Errorf("Fingerprint(%q) = %x, of upper case %x", s, h1, h2)
		}
		if len(dossier.ContentHash(s)) != 64 {
			t.Errorf("ContentHash(%q) length != 64", s)
		}
	})
}

func BenchmarkFingerprint(b *testing.B) {
	text := strings.Repeat(wire+"\n\n", 8)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		dossier.Fingerprint(text)
	}
}

func BenchmarkContentHash(b *testing.B) {
	text := strings.Repeat(wire+"\n\n", 8)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		dossier.ContentHash(text)
	}
}
