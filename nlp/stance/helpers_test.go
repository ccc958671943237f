package stance

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"dossier"
	"dossier/nlp"
	"dossier/textpos"
)

// The tests build Docs by hand: components never import each other, so a
// tiny tokenizer here stands in for the real one.

// testTokens splits text into words (with inner periods, apostrophes and
// hyphens, and clitics split off), numbers, quotation marks and punctuation,
// and sentences at . ! ? (after a closing quotation mark when one follows).
func testTokens(text string) ([]nlp.Token, []nlp.Range) {
	var toks []nlp.Token
	space := true
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case unicode.IsSpace(r):
			space = true
			i += size
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			j := i
			for j < len(text) {
				r2, s2 := utf8.DecodeRuneInString(text[j:])
				if unicode.IsLetter(r2) || unicode.IsDigit(r2) {
					j += s2
					continue
				}
				if (r2 == '.' || r2 == '-' || r2 == ',') && j+s2 < len(text) {
					if r3, _ := utf8.DecodeRuneInString(text[j+s2:]); unicode.IsLetter(r3) || unicode.IsDigit(r3) {
						if r2 != ',' || unicode.IsDigit(r3) {
							j += s2
							continue
						}
					}
				}
				break
			}
			// "U.S." keeps its final period.
			if j+1 < len(text) && text[j] == '.' && strings.Contains(text[i:j], ".") {
				j++
			}
			end := j
			// Clitics: "n't", "'re", "'s", "'ll", "'ve", "'d", "'m".
			if k := strings.LastIndex(text[i:j], "n"); j < len(text) && k > 0 && text[i+k:j] == "n" && strings.HasPrefix(text[j:], "'t") {
				end = i + k
			}
			toks = append(toks, tok(i, end, nlp.Word, space))
			space = false
			if end < j {
				toks = append(toks, tok(end, j+2, nlp.Word, false))
				j += 2
			} else if j < len(text) && (text[j] == '\'' || strings.HasPrefix(text[j:], "’")) {
				a := 1
				if text[j] != '\'' {
					a = len("’")
				}
				k := j + a
				for k < len(text) && text[k] >= 'a' && text[k] <= 'z' {
					k++
				}
				if k > j+a && k-j-a <= 2 {
					toks = append(toks, tok(j, k, nlp.Word, false))
					j = k
				}
			}
			i = j
		default:
			kind := nlp.Punct
			if r == '"' || r == '“' || r == '”' {
				kind = nlp.Quote
			}
			toks = append(toks, tok(i, i+size, kind, space))
			space = false
			i += size
		}
	}
	var sents []nlp.Range
	first := 0
	for i, t := range toks {
		c := text[t.Start:t.End]
		end := c == "." || c == "!" || c == "?"
		if !end {
			continue
		}
		last := i + 1
		if last < len(toks) && toks[last].Kind == nlp.Quote && !toks[last].Is(nlp.SpaceBefore) {
			last++
		}
		if last < len(toks) && !toks[last].Is(nlp.SpaceBefore) {
			continue
		}
		sents = append(sents, rng(toks, first, last))
		first = last
	}
	if first < len(toks) {
		sents = append(sents, rng(toks, first, len(toks)))
	}
	for _, s := range sents {
		toks[s.First].Flags |= nlp.SentStart
	}
	return toks, sents
}

func tok(a, b int, k nlp.TokenKind, space bool) nlp.Token {
	t := nlp.Token{Start: int32(a), End: int32(b), Kind: k}
	if space {
		t.Flags |= nlp.SpaceBefore
	}
	return t
}

func rng(toks []nlp.Token, a, b int) nlp.Range {
	return nlp.Range{First: a, Last: b, Span: textpos.Span{Start: int(toks[a].Start), End: int(toks[b-1].End)}}
}

// ent describes an entity of a test passage: every whole-word occurrence of
// each form is a mention.
type ent struct {
	id, name string
	typ      dossier.EntityType
	linked   string
	forms    []string
}

// quo describes a quote of a test passage by the texts of its spans; each
// is located at its first occurrence (content first, then cue and source
// searched from the start of the text).
type quo struct {
	kind           dossier.QuoteKind
	content        string
	cue, source    string
	speaker, name  string
	typ            dossier.SourceType
	stance         dossier.StanceLabel
	class          dossier.QuoteClass
	contentAfter   string // locate the content after this text, when it repeats
	sourceAfterCue bool
}

func find(text, s string, from int) textpos.Span {
	if s == "" {
		return textpos.Span{}
	}
	i := strings.Index(text[from:], s)
	if i < 0 {
		panic("test passage lacks " + s)
	}
	return textpos.Span{Start: from + i, End: from + i + len(s)}
}

func wholeWord(text string, a, b int) bool {
	before, _ := utf8.DecodeLastRuneInString(text[:a])
	after, _ := utf8.DecodeRuneInString(text[b:])
	isw := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
	return (a == 0 || !isw(before)) && (b == len(text) || !isw(after))
}

// buildDoc makes a Doc of a passage with its entities and quotes.
func buildDoc(text string, ents []ent, quotes []quo) *nlp.Doc {
	d := nlp.NewDoc(dossier.Article{Text: text})
	d.Tokens, d.Sentences = testTokens(text)
	for _, e := range ents {
		de := dossier.Entity{ID: e.id, Name: e.name, Type: e.typ, LinkedTo: e.linked}
		for _, f := range e.forms {
			for from := 0; ; {
				i := strings.Index(text[from:], f)
				if i < 0 {
					break
				}
				a := from + i
				if wholeWord(text, a, a+len(f)) {
					de.Mentions = append(de.Mentions, dossier.Mention{Span: textpos.Span{Start: a, End: a + len(f)}, Kind: dossier.MentionName})
				}
				from = a + len(f)
			}
		}
		d.Entities = append(d.Entities, de)
	}
	for i, q := range quotes {
		from := 0
		if q.contentAfter != "" {
			from = find(text, q.contentAfter, 0).End
		}
		dq := dossier.Quote{
			ID: "q" + string(rune('1'+i)), Kind: q.kind, Content: find(text, q.content, from),
			Speaker: q.speaker, SpeakerName: q.name, SourceType: q.typ, Stance: q.stance, Class: q.class,
		}
		if dq.Kind == "" {
			dq.Kind = dossier.Indirect
		}
		if dq.SourceType == "" {
			dq.SourceType = dossier.SourceNamed
		}
		dq.Cue = find(text, q.cue, 0)
		if q.cue != "" && q.contentAfter != "" {
			dq.Cue = find(text, q.cue, from)
		}
		dq.Source = find(text, q.source, 0)
		if q.sourceAfterCue {
			dq.Source = find(text, q.source, dq.Cue.End)
		}
		d.Quotes = append(d.Quotes, dq)
	}
	return d
}
