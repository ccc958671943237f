// Package timex finds time expressions in a Doc and resolves them to TIMEX3
// values against the article date: weekday names, yesterday/today/tomorrow,
// last/this/next week, month, year and weekend, calendar dates in the common
// news forms, clock times, parts of day, seasons, quarters and halves,
// decades and centuries, durations, sets ("every week", "daily"), "N units
// ago", and the vague references now (PRESENT_REF), recently (PAST_REF) and
// the future (FUTURE_REF).
//
// Spans are minimal in the TimeML manner: "On Saturday" gives "Saturday",
// "for three weeks" gives "three weeks", while a determiner that belongs to
// the expression stays ("the third quarter", "the past two months").
//
// Weekday names and bare months resolve by tense: in a past-tense report
// "Saturday" is the latest Saturday on or before the article date; with a
// future cue nearby ("will", "plans", "scheduled", or a word of intention
// before "to": "hope to", "aims to", "vowed to", "is due to") it is the next
// one on or after it. When the article date is unknown, unresolvable parts use X
// placeholders ("XXXX-08-28", "XXXX-WXX-6") and relative ones the TIMEX3
// references.
//
// The component reads the token layer (splitting tokens into letter, digit
// and punctuation atoms, so it does not depend on how the tokenizer groups
// "p.m." or "10:30") and the sentence layer (tense cues are looked for inside
// a sentence). It makes one pass with a small look-ahead, looks words up by
// hashing, and allocates only per document and per expression found.
package timex

import (
	"context"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"dossier"
	"dossier/lexicon"
	"dossier/nlp"
)

// Name is the versioned component name.
const Name = "timex.rules.v1"

// Component is the time-expression finder as a pipeline component. It is
// safe for concurrent use.
type Component struct {
	pool sync.Pool // *[]atom buffers reused across documents
}

// New returns the component.
func New() *Component {
	return &Component{pool: sync.Pool{New: func() any { s := make([]atom, 0, 1024); return &s }}}
}

// Name implements nlp.Component.
func (*Component) Name() string { return Name }

// Requires implements nlp.Component.
func (*Component) Requires() []nlp.Layer {
	return []nlp.Layer{nlp.LayerTokens, nlp.LayerSentences}
}

// Assigns implements nlp.Component.
func (*Component) Assigns() []nlp.Layer { return []nlp.Layer{nlp.LayerTimex} }

// Process implements nlp.Component: it replaces d.Timex with the time
// expressions of d's text, sorted by start and not overlapping.
func (c *Component) Process(ctx context.Context, d *nlp.Doc) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	buf := c.pool.Get().(*[]atom)
	p := parser{text: d.Text, atoms: atomize(d, (*buf)[:0]), out: d.Timex[:0]}
	if d.Article.HasDate() {
		t := d.Article.Date
		p.dct = date(t.Year(), int(t.Month()), t.Day())
		p.hasDCT = true
	}
	p.run()
	d.Timex = p.out
	*buf = p.atoms
	c.pool.Put(buf)
	return nil
}

// atom kinds.
const (
	kWord uint8 = iota + 1
	kNum
	kPunct
)

// atom flags.
const (
	fSpace     uint8 = 1 << iota // white space before
	fUpper                       // first letter upper case
	fSentStart                   // first atom of a sentence
	fNewline                     // a line break before
)

// atom is a piece of a token: a run of letters, a run of ASCII digits, or one
// other character. Tokens are split into atoms so the grammar below sees the
// same pieces whatever the tokenizer does with "p.m.", "10:30" or "mid-2024".
type atom struct {
	start, end int32
	num        int32 // value of a kNum atom (digits <= 9), else 0
	lx         lex   // lexicon entry of a kWord atom
	kind       uint8
	flags      uint8
	nd         uint8 // number of digits of a kNum atom, or letters of a kWord atom (capped at 255)
	ch         byte  // the byte of a one-byte kPunct atom; 0x80 for other characters
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// atomize splits d's tokens into atoms, appending to dst.
func atomize(d *nlp.Doc, dst []atom) []atom {
	text := d.Text
	table := words()
	filter := wordFilter()
	shortWords := short()
	var low [12]byte
	sent := 0
	for ti, t := range d.Tokens {
		sentStart := false
		for sent < len(d.Sentences) && d.Sentences[sent].First <= ti {
			if d.Sentences[sent].First == ti {
				sentStart = true
			}
			sent++
		}
		first := true
		end := int(t.End)
		if end > len(text) {
			end = len(text)
		}
		for i := int(t.Start); i < end; {
			c := text[i]
			a := atom{start: int32(i)}
			switch {
			case c >= '0' && c <= '9':
				j := i
				var v int32
				for j < end && text[j] >= '0' && text[j] <= '9' {
					if j-i < 9 {
						v = v*10 + int32(text[j]-'0')
					}
					j++
				}
				a.kind, a.num, a.nd = kNum, v, uint8(min(j-i, 255))
				i = j
			case isASCIILetter(c) || c >= 0x80 && startsLetter(text[i:end]):
				// The run of letters, lower-cased into low as it goes while
				// it is short and ASCII: only such a word can be a time word.
				j := i
				ascii := true
				var packed uint64 // the first letters, lower case, packed
				for j < end {
					if b := text[j]; isASCIILetter(b) {
						if j-i < len(low) {
							low[j-i] = b | 0x20
							if j-i < lexicon.MaxShort {
								packed = lexicon.PackByte(packed, j-i, b|0x20)
							}
						}
						j++
						continue
					}
					if text[j] >= 0x80 {
						r, size := utf8.DecodeRuneInString(text[j:end])
						if unicode.IsLetter(r) {
							ascii = false
							j += size
							continue
						}
					}
					break
				}
				a.kind, a.nd = kWord, uint8(min(j-i, 255))
				if c >= 'A' && c <= 'Z' || c >= 0x80 && startsUpper(text[i:j]) {
					a.flags |= fUpper
				}
				if n := j - i; ascii && n <= len(low) {
					if filter.Has(low[:n]) {
						if n <= lexicon.MaxShort {
							a.lx, _ = shortWords.Get(packed)
						} else {
							a.lx = table[string(low[:n])]
						}
					}
				}
				i = j
			default:
				a.kind, a.ch = kPunct, c
				if c >= 0x80 {
					_, size := utf8.DecodeRuneInString(text[i:end])
					a.ch = 0x80
					if size > 1 && text[i:i+size] == "’" {
						a.ch = '\'' // a typographic apostrophe acts as one
					}
					i += size
				} else {
					i++
				}
			}
			a.end = int32(i)
			if first {
				if t.Is(nlp.SpaceBefore) {
					a.flags |= fSpace
				}
				if t.Is(nlp.NewlineBefore) {
					a.flags |= fNewline | fSentStart
				}
				if sentStart || t.Is(nlp.SentStart) {
					a.flags |= fSentStart
				}
			}
			// A sentence also starts after . ! ? followed by a space; the
			// token layer may be coarser than that.
			if n := len(dst); first && n > 0 && a.flags&fSpace != 0 {
				if pc := dst[n-1]; pc.kind == kPunct && (pc.ch == '!' || pc.ch == '?' ||
					pc.ch == '.' && n >= 2 && dst[n-2].nd > 2 && a.flags&fUpper != 0) {
					a.flags |= fSentStart
				}
			}
			first = false
			dst = append(dst, a)
		}
	}
	return dst
}

func startsLetter(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r)
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// hit is one recognised expression: atoms [start, end) and its value.
type hit struct {
	start, end int
	typ        dossier.TimexType
	val        string
	pt         point // for DATE/TIME hits with a calendar point
	hasPt      bool
}

// parser holds the state of one pass over one document.
type parser struct {
	text   string
	atoms  []atom
	dct    time.Time
	hasDCT bool
	out    []dossier.Timex

	last     point // the last calendar point found, an anchor for "a year earlier"
	lastAtom int   // the atom where it ended
	hasLast  bool
}

func (p *parser) run() {
	a := p.atoms
	for i := 0; i < len(a); {
		if a[i].kind == kPunct && a[i].ch != '\'' || a[i].kind == kWord && a[i].lx.c == 0 {
			i++
			continue
		}
		h, ok := p.match(i)
		if !ok || h.end <= i {
			i++
			continue
		}
		p.emit(h)
		i = h.end
	}
}

func (p *parser) emit(h hit) {
	if h.val == "" {
		return
	}
	if h.hasPt {
		p.last, p.lastAtom, p.hasLast = h.pt, h.end, true
	}
	start, end := int(p.atoms[h.start].start), int(p.atoms[h.end-1].end)
	p.out = append(p.out, dossier.Timex{Span: spanOf(start, end), Type: h.typ, Value: h.val})
}

// ---- atom helpers ----

func (p *parser) lx(j int) lex {
	if j < 0 || j >= len(p.atoms) || p.atoms[j].kind != kWord {
		return lex{}
	}
	return p.atoms[j].lx
}

func (p *parser) kw(j int) int { return int(p.lx(j).kw) }

func (p *parser) isWord(j int, c cls) bool { return p.lx(j).is(c) }

func (p *parser) punct(j int, ch byte) bool {
	return j >= 0 && j < len(p.atoms) && p.atoms[j].kind == kPunct && p.atoms[j].ch == ch
}

// glued reports whether atom j follows atom j-1 with no space between.
func (p *parser) glued(j int) bool {
	return j > 0 && j < len(p.atoms) && p.atoms[j].flags&fSpace == 0 && p.atoms[j].start == p.atoms[j-1].end
}

func (p *parser) num(j int) (int, int, bool) {
	if j < 0 || j >= len(p.atoms) || p.atoms[j].kind != kNum {
		return 0, 0, false
	}
	return int(p.atoms[j].num), int(p.atoms[j].nd), true
}

func (p *parser) upper(j int) bool {
	return j >= 0 && j < len(p.atoms) && p.atoms[j].flags&fUpper != 0
}

// word reports whether atom j is the lower-case-insensitive word w.
func (p *parser) word(j int, w string) bool {
	if j < 0 || j >= len(p.atoms) || p.atoms[j].kind != kWord {
		return false
	}
	s := p.text[p.atoms[j].start:p.atoms[j].end]
	if len(s) != len(w) {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i]|0x20 != w[i] {
			return false
		}
	}
	return true
}

// standaloneNum reports whether the number at j is not part of a larger
// number ("1,998", "12.5", "3/4").
func (p *parser) standaloneNum(j int) bool {
	if p.glued(j) && (p.punct(j-1, ',') || p.punct(j-1, '.') || p.punct(j-1, '/') ||
		p.punct(j-1, ':') || p.atoms[j-1].kind == kNum || p.atoms[j-1].kind == kWord) {
		return false
	}
	if p.glued(j+1) && (p.punct(j+1, ',') || p.punct(j+1, '.') || p.punct(j+1, '/') ||
		p.punct(j+1, ':')) && p.glued(j+2) && j+2 < len(p.atoms) && p.atoms[j+2].kind == kNum {
		return false
	}
	return true
}

// ---- tense ----

// tense looks for the nearest tense cue around atoms [i, j) in the same
// sentence: +1 for a future cue, -1 for a past one, 0 when there is none.
// Strong cues (will, said, scheduled, verbs in -ed) win over weak ones (was,
// were, had) that are nearer.
func (p *parser) tense(i, j int) int {
	a := p.atoms
	leftOK, rightOK := true, true
	weak := 0
	for d := 0; d < 14 && (leftOK || rightOK); d++ {
		if leftOK {
			k := i - 1 - d
			if k < 0 || a[k+1].flags&fSentStart != 0 {
				leftOK = false
			} else if t, strong := p.cue(k); strong {
				return t
			} else if weak == 0 {
				weak = t
			}
		}
		if rightOK {
			k := j + d
			if k >= len(a) || a[k].flags&fSentStart != 0 {
				rightOK = false
			} else if t, strong := p.cue(k); strong {
				return t
			} else if weak == 0 {
				weak = t
			}
		}
	}
	return weak
}

// cue returns the tense cue of atom k and whether it is strong.
func (p *parser) cue(k int) (int, bool) {
	a := p.atoms[k]
	if a.kind != kWord {
		return 0, false
	}
	l := a.lx
	switch {
	case p.word(k, "plan") || p.word(k, "plans") || p.word(k, "planned") || p.word(k, "planning") ||
		p.word(k, "set") || p.word(k, "going"):
		if p.word(k+1, "to") {
			return 1, true
		}
		return 0, false
	case l.is(cIntent) && p.word(k+1, "to"):
		// "hope to announce", "aims to finish", "vowed to sign": an intention
		// points forward whatever the tense of the verb.
		return 1, true
	case p.word(k, "was") || p.word(k, "were") || p.word(k, "had") || p.word(k, "did"):
		return -1, false
	case l.is(cFuture) || l.kw == kwSoon:
		return 1, true
	case l.is(cPast):
		return -1, true
	}
	// A lower-case word in -ed is most often a past tense or participle.
	if a.nd >= 5 && a.flags&fUpper == 0 && p.text[a.end-2] == 'e' && p.text[a.end-1] == 'd' {
		return -1, true
	}
	return 0, false
}
