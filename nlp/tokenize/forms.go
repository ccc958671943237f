package tokenize

import "dossier/nlp"

// formHash is the FNV-1a hash of a token's text and kind. Tokens are short,
// and this is cheaper for them than a general string hash; the table that
// uses it never leaves a call.
func formHash(w string, k nlp.TokenKind) uint64 {
	h := uint64(14695981039346656037) ^ uint64(k)
	for i := 0; i < len(w); i++ {
		h = (h ^ uint64(w[i])) * 1099511628211
	}
	return h ^ h>>32
}

// Forms appends to dst, for each token, the index of the first token of the
// same kind with the same text (nlp.Doc.Forms), and returns the extended
// slice. table is scratch space, reused when it is large enough; Forms
// returns it for the next call.
func Forms(text string, toks []nlp.Token, dst []int32, table []int32) ([]int32, []int32) {
	size := 16
	for size < 2*len(toks) {
		size <<= 1
	}
	if cap(table) < size {
		table = make([]int32, size)
	} else {
		table = table[:size]
		clear(table)
	}
	mask := uint64(size - 1)
	if cap(dst)-len(dst) < len(toks) {
		dst = append(make([]int32, 0, len(dst)+len(toks)), dst...)
	}
	for i, t := range toks {
		w := text[t.Start:t.End]
		h := formHash(w, t.Kind)
		form := int32(i)
		for k := h & mask; ; k = (k + 1) & mask {
			j := table[k] - 1
			if j < 0 {
				table[k] = int32(i) + 1
				break
			}
			if o := toks[j]; o.Kind == t.Kind && text[o.Start:o.End] == w {
				form = j
				break
			}
		}
		dst = append(dst, form)
	}
	return dst, table
}
