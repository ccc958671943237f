package nlp

import (
	"math/rand/v2"
	"testing"
)

// tokenAtRef is TokenAt by a linear scan.
func tokenAtRef(toks []Token, off int) int {
	for i, t := range toks {
		if int(t.End) > off {
			return i
		}
	}
	return len(toks)
}

func TestTokenAt(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for n := 0; n < 40; n++ {
		// n tokens of 1 to 4 bytes with gaps of 0 to 2 bytes.
		toks := make([]Token, n)
		pos := 0
		for i := range toks {
			pos += rng.IntN(3)
			l := 1 + rng.IntN(4)
			toks[i] = Token{Start: int32(pos), End: int32(pos + l)}
			pos += l
		}
		d := &Doc{Tokens: toks}
		for off := -2; off <= pos+2; off++ {
			if got, want := d.TokenAt(off), tokenAtRef(toks, off); got != want {
				t.Fatalf("%d tokens: TokenAt(%d) = %d, want %d", n, off, got, want)
			}
		}
	}
}

func BenchmarkTokenAt(b *testing.B) {
	toks := make([]Token, 600)
	for i := range toks {
		toks[i] = Token{Start: int32(6 * i), End: int32(6*i + 5)}
	}
	d := &Doc{Tokens: toks}
	rng := rand.New(rand.NewPCG(1, 2))
	offs := make([]int, 1024)
	for i := range offs {
		offs[i] = rng.IntN(3600)
	}
	sum := 0
	for i := 0; b.Loop(); i++ {
		sum += d.TokenAt(offs[i&1023])
	}
	_ = sum
}
