package lexicon

import (
	"bytes"
	"compress/gzip"
	"embed"
	"fmt"
	"io"
	"strings"
)

// data holds the generated files (see lexicon/gen) and the hand-written
// lists. Each .tsv line is "phrase<TAB>classes<TAB>name<TAB>country", with
// trailing fields optional; lines starting with "#" are comments.
//
//go:embed data/*.tsv data/*.gz
var data embed.FS

// commonSurnameRank is the rank in the surname list (most common first)
// within which a surname keeps its Surname class even when it is also a
// title word.
const commonSurnameRank = 1000

// Sizes of the generated lists, rounded up, so the maps are allocated once.
const (
	exactHint = 40000
	foldHint  = 80000
)

// build loads every embedded file. The data is part of the binary and
// checked by the tests, so an error here is a build defect: it panics.
func build() *Lexicon {
	l, err := load(data)
	if err != nil {
		panic(err)
	}
	return l
}

// load builds a lexicon from the data files in fsys. The order matters:
// the first sense loaded gives a phrase its Name and Country.
func load(fsys embed.FS) (*Lexicon, error) {
	l := &Lexicon{
		exact:   make(map[string]slot, exactHint),
		fold:    make(map[string]slot, foldHint),
		ents:    make([]Entry, 0, exactHint+foldHint),
		states:  make(map[string]string, 300),
		parties: make(map[string]Party, 128),
	}
	read := func(name string) (string, error) {
		b, err := fsys.ReadFile("data/" + name)
		if err != nil {
			return "", fmt.Errorf("lexicon: read %s: %w", name, err)
		}
		if strings.HasSuffix(name, ".gz") {
			zr, err := gzip.NewReader(bytes.NewReader(b))
			if err != nil {
				return "", fmt.Errorf("lexicon: gunzip %s: %w", name, err)
			}
			var buf bytes.Buffer
			buf.Grow(4 * len(b))
			if _, err := io.Copy(&buf, zr); err != nil {
				return "", fmt.Errorf("lexicon: gunzip %s: %w", name, err)
			}
			return buf.String(), nil
		}
		return string(b), nil
	}
	// Countries, then hand-written places, then states before cities, so
	// that "Ontario" is the province first and the Californian city second.
	for _, name := range []string{"countries.tsv", "places.tsv", "states.tsv", "regions.tsv.gz", "cities.tsv.gz", "outlets.tsv", "orgs.tsv", "parties.tsv", "titles.tsv"} {
		text, err := read(name)
		if err != nil {
			return nil, err
		}
		switch name {
		case "states.tsv":
			err = l.addStates(text)
		case "parties.tsv":
			err = l.addParties(text)
		default:
			err = l.addTSV(name, text)
		}
		if err != nil {
			return nil, err
		}
	}
	for _, f := range []struct {
		name  string
		class Class
	}{{"givennames.txt.gz", GivenName}, {"surnames.txt.gz", Surname}} {
		text, err := read(f.name)
		if err != nil {
			return nil, err
		}
		rank := 0
		for line := range strings.Lines(text) {
			// "Mary\tf": a given name may carry its sex.
			name, sex, _ := strings.Cut(strings.TrimSuffix(line, "\n"), "\t")
			rank++
			class := f.class
			switch sex {
			case "f":
				class |= FemaleName
			case "m":
				class |= MaleName
			}
			// A role word that is also a name ("Judge", "Mayor", "Prince",
			// "Earl") is read as the role, unless it is one of the most
			// common surnames ("King", "Bishop").
			if e, ok := l.get(l.exact, name); ok && e.Any(TitleWord|Honorific) &&
				(f.class == GivenName || rank > commonSurnameRank) {
				continue
			}
			l.add(name, Entry{Class: class})
		}
	}
	text, err := read("words.tsv.gz")
	if err != nil {
		return nil, err
	}
	if err := l.addWords(text); err != nil {
		return nil, err
	}
	if len(l.ents) > maxEntries || len(posLetters) > slotPOSBits {
		return nil, fmt.Errorf("lexicon: %d entries and %d parts of speech do not fit a slot", len(l.ents), len(posLetters))
	}
	// The entries are final: the tables for lookups get their class and
	// parts of speech in the slots.
	l.firstWords = firstWords(l.exact)
	l.exactTab, l.foldTab = newTable(l.exact, l.ents), newTable(l.fold, l.ents)
	l.exact, l.fold = nil, nil
	return l, nil
}

// fields splits a TSV line into at most four fields without allocating.
func fields(line string) (f [4]string, n int) {
	for n < 4 {
		var ok bool
		f[n], line, ok = strings.Cut(line, "\t")
		n++
		if !ok {
			break
		}
	}
	return f, n
}

// dataLines yields the non-comment, non-blank lines of a data file.
func dataLines(text string) func(yield func(int, string) bool) {
	return func(yield func(int, string) bool) {
		no := 0
		for line := range strings.Lines(text) {
			no++
			line = strings.TrimRight(line, "\r\n")
			if line == "" || line[0] == '#' {
				continue
			}
			if !yield(no, line) {
				return
			}
		}
	}
}

func (l *Lexicon) addTSV(name, text string) error {
	for no, line := range dataLines(text) {
		f, n := fields(line)
		c, ok := ParseClass(f[1])
		if n < 2 || !ok || f[0] == "" {
			return fmt.Errorf("lexicon: %s:%d: bad line %q", name, no, line)
		}
		l.add(f[0], Entry{Class: c, Name: f[2], Country: f[3]})
	}
	return nil
}

// addStates reads "name<TAB>postal<TAB>abbr,abbr<TAB>country" lines.
func (l *Lexicon) addStates(text string) error {
	for no, line := range dataLines(text) {
		f, n := fields(line)
		if n < 4 || f[0] == "" {
			return fmt.Errorf("lexicon: states.tsv:%d: bad line %q", no, line)
		}
		state, postal, country := f[0], f[1], f[3]
		l.add(state, Entry{Class: Region, Name: state, Country: country})
		setOnce(l.states, state, state)
		if postal != "" {
			setOnce(l.states, postal, state)
		}
		for abbr := range strings.SplitSeq(f[2], ",") {
			if abbr == "" {
				continue
			}
			l.add(abbr, Entry{Class: Region, Name: state, Country: country})
			setOnce(l.states, abbr, state)
		}
	}
	return nil
}

// addParties reads "word<TAB>code<TAB>party<TAB>country" lines. Words of
// three letters or fewer that are not all capitals ("D", "Dem", "Con")
// are too ambiguous for the phrase maps and go only to PartyOf.
func (l *Lexicon) addParties(text string) error {
	for no, line := range dataLines(text) {
		f, n := fields(line)
		if n < 3 || f[0] == "" || f[1] == "" {
			return fmt.Errorf("lexicon: parties.tsv:%d: bad line %q", no, line)
		}
		word := f[0]
		if _, dup := l.parties[word]; !dup {
			l.parties[word] = Party{Code: f[1], Name: f[2], Country: f[3]}
		}
		short := len(strings.TrimSuffix(word, ".")) <= 3
		if short && (len(word) == 1 || strings.ToUpper(word) != word) {
			continue
		}
		l.add(word, Entry{Class: PartyWord, Name: f[2], Country: f[3]})
	}
	return nil
}

// addWords reads "word<TAB>pos letters" lines of common lower-case words.
func (l *Lexicon) addWords(text string) error {
	for no, line := range dataLines(text) {
		w, letters, ok := strings.Cut(line, "\t")
		if !ok || w == "" {
			return fmt.Errorf("lexicon: words.tsv:%d: bad line %q", no, line)
		}
		var p POS
		for i := range len(letters) {
			j := strings.IndexByte(posLetters, letters[i])
			if j < 0 {
				return fmt.Errorf("lexicon: words.tsv:%d: bad part of speech %q", no, letters)
			}
			p |= 1 << j
		}
		l.merge(l.fold, w, Entry{Class: Common, POS: p})
	}
	return nil
}

// firstWords maps the first word of every phrase of m that has a space to
// the most words (spaces plus one) of such a phrase.
func firstWords(m map[string]slot) map[string]uint8 {
	fw := make(map[string]uint8, 4096)
	for k := range m {
		first, _, ok := strings.Cut(k, " ")
		if !ok {
			continue
		}
		n := min(strings.Count(k, " ")+1, 255)
		if uint8(n) > fw[first] {
			fw[first] = uint8(n)
		}
	}
	return fw
}

func setOnce(m map[string]string, k, v string) {
	if _, ok := m[k]; !ok {
		m[k] = v
	}
}

// add records a phrase in both maps, merging it with an entry already there:
// classes are joined, and Name and Country are kept from the first sense
// that had either.
func (l *Lexicon) add(phrase string, e Entry) {
	if phrase == "" {
		return
	}
	l.merge(l.exact, phrase, e)
	l.merge(l.fold, lower(phrase), e)
	if n := strings.Count(phrase, " ") + 1; n > l.maxWords {
		l.maxWords = n
	}
}

// merge records e under k in m, one of l.exact and l.fold, or joins it to
// the entry already there.
func (l *Lexicon) merge(m map[string]slot, k string, e Entry) {
	s, ok := m[k]
	if !ok {
		m[k] = packSlot(len(l.ents), Entry{})
		l.ents = append(l.ents, e)
		return
	}
	old := &l.ents[s.index()]
	old.Class |= e.Class
	old.POS |= e.POS
	if old.Name == "" && old.Country == "" {
		old.Name, old.Country = e.Name, e.Country
	}
}

// lower returns s in lower case, without allocating when it already is.
func lower(s string) string {
	for i := range len(s) {
		c := s[i]
		if c >= 0x80 || ('A' <= c && c <= 'Z') {
			return strings.ToLower(s)
		}
	}
	return s
}
