package attribution

import (
	"strings"

	"dossier/lexicon"
	"dossier/nlp"
)

// tokInfo is everything the component's own tables say about one
// lower-case word form: its cue, its noun-cue and seeming rows, and its
// closed-class bits. One lookup of a token's form finds all of them.
type tokInfo struct {
	cue   *cue
	extra extra
	class wclass
}

// infoTable maps a lower-case word form to its index in infos; index 0 is
// the empty tokInfo of words in no table.
type infoTable struct {
	index map[string]uint32
	// short holds the forms of index of up to lexicon.MaxShort bytes, for
	// lookups by their packed bytes.
	short *lexicon.ShortWords[uint32]
	infos []tokInfo
	// filter holds the forms of index: a token it turns away is in no
	// table, and is not hashed. Most content words are.
	filter lexicon.WordFilter
}

// foldASCII returns c in lower case if it is an ASCII capital.
func foldASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		c += 'a' - 'A'
	}
	return c
}

// newInfoTable joins the cue, extra and word-class tables.
func newInfoTable(cues cueTable, extras extraTable, words wordTables) infoTable {
	t := infoTable{index: make(map[string]uint32, len(cues)+len(extras)+len(words.class)), infos: make([]tokInfo, 1, 1+len(cues)+len(extras)+len(words.class))}
	get := func(w string) *tokInfo {
		i, ok := t.index[w]
		if !ok {
			i = uint32(len(t.infos))
			t.index[w] = i
			t.infos = append(t.infos, tokInfo{})
		}
		return &t.infos[i]
	}
	for w, c := range cues {
		get(w).cue = c
	}
	for w, x := range extras {
		get(w).extra = x
	}
	for w, c := range words.class {
		get(w).class = c
	}
	for w := range t.index {
		t.filter.Add(w)
	}
	t.short = lexicon.NewShortWords(t.index)
	return t
}

// posKnown marks an entry of state.posm as looked up.
const posKnown lexicon.POS = 1 << 15

// lookupInfos fills st.info with the index of each token's lower-case form
// in the component's info table, in one pass over the tokens.
//
// The form is st.lower's; the filter needs only its length and its first
// and last bytes, so a token the filter turns away is not lower-cased. A
// form of up to lexicon.MaxShort bytes is packed as it is lower-cased and
// looked up in the packed table.
func (st *state) lookupInfos() {
	var buf [lowerBuf]byte
	idx, short, filter := st.c.info.index, st.c.info.short, &st.c.info.filter
	for i, t := range st.toks {
		n := int(t.End - t.Start)
		if t.Kind != nlp.Word || n == 0 || n > lowerBuf {
			continue
		}
		w := st.text[t.Start:t.End]
		if w[0] >= 0x80 || w[n-1] >= 0x80 || strings.IndexByte(w, 0xE2) >= 0 {
			// Non-ASCII: st.lower reads a typographic apostrophe as "'"
			// ("n’t", "don’t") and turns other words away.
			if lw := st.lower(i, &buf); len(lw) > 0 {
				if filter.Has(lw) {
					st.info[i] = idx[string(lw)]
				}
			}
			continue
		}
		if !filter.HasEnds(foldASCII(w[0]), foldASCII(w[n-1]), n) {
			continue
		}
		ascii, packable := true, n <= lexicon.MaxShort
		var packed uint64
		for k := 0; k < n; k++ {
			c := w[k]
			if c >= 0x80 {
				ascii = false
				break
			}
			buf[k] = foldASCII(c)
			if packable {
				packable = c != 0 // a zero byte ends a packed word
				packed = lexicon.PackByte(packed, k, buf[k])
			}
		}
		switch {
		case ascii && packable:
			st.info[i], _ = short.Get(packed)
		case ascii:
			st.info[i] = idx[string(buf[:n])]
		}
	}
}

// infoOf returns the table entry of token i (the empty entry when the
// token is not a short ASCII word or is in no table).
func (st *state) infoOf(i int) *tokInfo {
	return &st.c.info.infos[st.info[i]]
}
