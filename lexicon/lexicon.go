// Package lexicon holds the word lists dossier's components look up by
// hashing: places (countries, their alternative names, capitals, demonyms,
// states, cities, regions), given names and surnames, news outlets, well-known
// organisations, organisation suffixes, titles and roles, parties, and common
// English words with their parts of speech.
//
// Every list is either generated from a well-licensed package by the script
// in lexicon/gen (the licences are recorded in lexicon/data/LICENSES.md) or
// written by hand as general knowledge in lexicon/data/*.tsv. No entry exists
// because it appears in a dev or gold file.
//
// Keys: the exact map holds every phrase as written ("U.S.", "Moscow",
// "Sen."); the folded map holds the same phrases in lower case plus the
// common English words, for text in capitals and for sentence-initial words.
// When a phrase has several senses ("Georgia": a country and a US state),
// Class has every bit, and Name and Country describe the first sense loaded:
// countries, then capitals and cities, then regions, areas, outlets and
// organisations.
package lexicon

import (
	"slices"
	"strings"
	"sync"
)

// Class is a bit set of what a phrase can be.
type Class uint32

// Classes of lexicon entries. New classes are only ever appended.
const (
	Country   Class = 1 << iota // a sovereign country or its alternative name ("U.S.", "Britain")
	Region                      // a state, province or similar subdivision ("Texas", "Ontario", "N.Y.")
	City                        // a city or town
	Capital                     // a capital city that can stand for its government ("Moscow")
	Area                        // a geographic area that is not a polity ("Middle East", "Europe")
	Demonym                     // an adjective or noun of nationality, ethnicity or religion ("Russian", "French", "Kurds")
	GivenName                   // a person's first name
	Surname                     // a family name
	Outlet                      // a news organisation ("Reuters", "NBC News")
	Org                         // a well-known organisation ("NATO", "United Nations", "Kremlin")
	OrgSuffix                   // a word that ends organisation names ("Inc.", "Corp", "Bank", "Ministry")
	TitleWord                   // a role that can precede or follow a name ("President", "Sen.", "envoy", "Prime Minister")
	Common                      // a common lower-case English word (only in the folded map)

	Honorific     // a courtesy title ("Mr.", "Dr.", "Sir", "Dame")
	TitleModifier // a word inside a longer title ("special", "deputy", "Treasury", "Minority")
	PartyWord     // a word naming a political party ("Democrat", "Republican", "Labour", "GOP")
	Calendar      // a weekday or month name ("Monday", "March", "Sept.")
	FemaleName    // a given name borne mostly by women ("Mary"); set beside GivenName
	MaleName      // a given name borne mostly by men ("James"); set beside GivenName
)

// classNames lists the classes in bit order, as written in the data files.
const classNames = "Country Region City Capital Area Demonym GivenName Surname " +
	"Outlet Org OrgSuffix TitleWord Common Honorific TitleModifier PartyWord Calendar " +
	"FemaleName MaleName"

// String returns the class names joined by "|" ("Capital|City").
func (c Class) String() string {
	if c == 0 {
		return "0"
	}
	var b strings.Builder
	for i, n := range strings.Fields(classNames) {
		if c&(1<<i) != 0 {
			if b.Len() > 0 {
				b.WriteByte('|')
			}
			b.WriteString(n)
		}
	}
	return b.String()
}

// ParseClass returns the class named by a comma-separated list of class
// names ("Capital,City"), as written in the data files.
func ParseClass(names string) (Class, bool) {
	var c Class
	for n := range strings.SplitSeq(names, ",") {
		i := slices.Index(strings.Fields(classNames), strings.TrimSpace(n))
		if i < 0 {
			return 0, false
		}
		c |= 1 << i
	}
	return c, true
}

// Places is every class that names a place.
const Places = Country | Region | City | Capital | Area

// POS is a bit set of the parts of speech a common word can take.
type POS uint16

// Parts of speech.
const (
	Noun         POS = 1 << iota // n
	Verb                         // v
	Adjective                    // a
	Adverb                       // r
	Pronoun                      // p
	Determiner                   // d
	Preposition                  // i (prepositions and subordinating conjunctions)
	Conjunction                  // c (coordinating)
	Modal                        // m
	Numeral                      // x
	Interjection                 // u
	Particle                     // t
)

// posLetters are the letters of the words data, in bit order.
const posLetters = "nvarpdicmxut"

// String returns the parts of speech as their letters ("nv").
func (p POS) String() string {
	var b []byte
	for i := range len(posLetters) {
		if p&(1<<i) != 0 {
			b = append(b, posLetters[i])
		}
	}
	return string(b)
}

// Content reports whether the word can be a noun, verb, adjective or adverb.
func (p POS) Content() bool { return p&(Noun|Verb|Adjective|Adverb) != 0 }

// Function reports whether the word can be a pronoun, determiner,
// preposition, conjunction or modal.
func (p POS) Function() bool {
	return p&(Pronoun|Determiner|Preposition|Conjunction|Modal) != 0
}

// Entry is what the lexicon knows about one phrase.
type Entry struct {
	Class Class
	// POS is the parts of speech of a common word; it is set only on
	// entries of the folded map (LookupFold, POSOf).
	POS POS
	// Name is the canonical name for places, outlets and organisations
	// ("United States" for "U.S.").
	Name string
	// Country is the canonical name of the country a capital, city, region,
	// demonym, outlet or government body belongs to ("Russia" for "Moscow",
	// "Russian" and "Kremlin").
	Country string
}

// Has reports whether the entry has every class in c.
func (e Entry) Has(c Class) bool { return e.Class&c == c }

// Any reports whether the entry has at least one class in c.
func (e Entry) Any(c Class) bool { return e.Class&c != 0 }

// Party is a political party as a party word or letter names it.
type Party struct {
	Code    string // short code used in party-state tags: "D", "R", "I", "Lab", "Con"
	Name    string // the party's name: "Democratic Party"
	Country string // the party's country, or "" for a name used in several
}

// Lexicon is an immutable set of phrases, safe for concurrent use.
//
// The phrases map to a slot rather than an entry: a slot answers the
// questions asked most (the class, the parts of speech) without a second
// read from ents. The maps are built while loading; lookups then use
// tables made from them (see table), which read one cache line where a Go
// map follows several pointers.
type Lexicon struct {
	exact    map[string]slot // phrase as written (while loading)
	fold     map[string]slot // phrase in lower case, plus common words (while loading)
	exactTab *table          // exact, for lookups
	foldTab  *table          // fold, for lookups
	ents     []Entry
	states   map[string]string
	parties  map[string]Party
	maxWords int
	// firstWords maps the first word of each phrase of the exact map that
	// has a space to the most words such a phrase has.
	firstWords map[string]uint8
}

// slot packs an entry of the maps: its Class in the low 32 bits, its POS in
// the next 12 bits, and its index in ents in the top 20 bits.
type slot uint64

const (
	slotPOSShift   = 32
	slotPOSBits    = 12
	slotIndexShift = slotPOSShift + slotPOSBits
	// maxEntries is the number of entries a slot can index.
	maxEntries = 1 << (64 - slotIndexShift)
)

func (s slot) class() Class  { return Class(uint32(s)) }
func (s slot) pos() POS      { return POS(s>>slotPOSShift) & (1<<slotPOSBits - 1) }
func (s slot) index() uint32 { return uint32(s >> slotIndexShift) }
func packSlot(i int, e Entry) slot {
	return slot(i)<<slotIndexShift | slot(e.POS)<<slotPOSShift | slot(e.Class)
}

var defaultLexicon = sync.OnceValue(build)

// Default returns the lexicon built from the embedded data. It is built once,
// on first use (about 80 ms), and shared.
func Default() *Lexicon { return defaultLexicon() }

// Lookup returns the entry for a phrase exactly as written. Words of a
// phrase are separated by one space. It does not allocate.
func (l *Lexicon) Lookup(phrase string) (Entry, bool) {
	s, ok := l.exactTab.get(phrase)
	if !ok {
		return Entry{}, false
	}
	return l.ents[s.index()], true
}

// ClassOf returns the class of a phrase exactly as written, and whether
// the lexicon has it: Lookup's Class, answered from the map alone.
func (l *Lexicon) ClassOf(phrase string) (Class, bool) {
	s, ok := l.exactTab.get(phrase)
	return s.class(), ok
}

// get returns the entry of key k in m, one of l.exact and l.fold, while
// the lexicon is loaded.
func (l *Lexicon) get(m map[string]slot, k string) (Entry, bool) {
	s, ok := m[k]
	if !ok {
		return Entry{}, false
	}
	return l.ents[s.index()], true
}

// foldBuf is the longest phrase LookupFold lower-cases on the stack.
const foldBuf = 64

// LookupFold returns the entry for a phrase compared case-insensitively.
// The caller passes the phrase in any case. An ASCII phrase of up to 64
// bytes is lower-cased on the stack, without allocating.
func (l *Lexicon) LookupFold(phrase string) (Entry, bool) {
	s, ok := l.foldSlot(phrase)
	if !ok {
		return Entry{}, false
	}
	return l.ents[s.index()], true
}

// FoldClassOf returns the class of a phrase compared case-insensitively,
// and whether the lexicon has it: LookupFold's Class, answered from the map
// alone.
func (l *Lexicon) FoldClassOf(phrase string) (Class, bool) {
	s, ok := l.foldSlot(phrase)
	return s.class(), ok
}

// foldSlot returns the slot of the lower case of phrase in the folded map.
func (l *Lexicon) foldSlot(phrase string) (slot, bool) {
	if len(phrase) <= cellKey && len(phrase) > 0 {
		// Lower-case straight into the table's key.
		var k key
		if lowerASCII(k[:len(phrase)], phrase) {
			k[cellKey] = byte(len(phrase))
			return l.foldTab.getKey(&k)
		}
	} else if len(phrase) <= foldBuf {
		var buf [foldBuf]byte
		if lowerASCII(buf[:len(phrase)], phrase) {
			return l.foldTab.get(string(buf[:len(phrase)]))
		}
	}
	return l.foldTab.get(strings.ToLower(phrase))
}

// IsCommon reports whether the lower-case word is a common English word.
func (l *Lexicon) IsCommon(lower string) bool {
	s, ok := l.foldTab.get(lower)
	return ok && s.class()&Common != 0
}

// POSOf returns the parts of speech of a lower-case common word, or 0 when
// it is not one.
func (l *Lexicon) POSOf(lower string) POS {
	s, _ := l.foldTab.get(lower)
	return s.pos()
}

// MaxWords is the number of space-separated words in the longest phrase, the
// window a longest-match scanner needs.
func (l *Lexicon) MaxWords() int { return l.maxWords }

// PhraseWords returns the most words of a phrase of the exact map (as
// Lookup sees it) that has first as its first word and more than one word:
// 0 when there is none. A phrase with k spaces whose first word gives a
// bound of k or less is not in the lexicon, and a scanner need not look it
// up.
func (l *Lexicon) PhraseWords(first string) int {
	return int(l.firstWords[first])
}

// CountryOf returns the canonical country a phrase (as written) names or
// belongs to: "U.S." and "American" give "United States", "Moscow" and
// "Kremlin" give "Russia". It reports false when the phrase has no country.
func (l *Lexicon) CountryOf(phrase string) (string, bool) {
	e, ok := l.Lookup(phrase)
	switch {
	case !ok:
		return "", false
	case e.Class&Country != 0 && e.Name != "":
		return e.Name, true
	case e.Country != "":
		return e.Country, true
	}
	return "", false
}

// StateAbbrev returns the state, province or territory that an
// abbreviation names: AP style with periods ("N.Y.", "Calif.", "Ont."),
// postal codes ("NY", "CA"), or the full name ("Texas"), as in the party-state
// tags "(D-N.Y.)" and "R-Texas". A postal code shared by two countries
// ("WA") gives the US state.
func (l *Lexicon) StateAbbrev(abbr string) (string, bool) {
	s, ok := l.states[abbr]
	return s, ok
}

// PartyOf returns the party that a word or letter names: "D", "Democrat"
// and "Democratic" give the Democratic Party with code "D"; "GOP" the
// Republican Party; "Labour" and "Tory" the UK's parties.
func (l *Lexicon) PartyOf(word string) (Party, bool) {
	p, ok := l.parties[word]
	return p, ok
}

// Len returns the number of phrases in the exact map and in the folded map.
func (l *Lexicon) Len() (exact, folded int) { return l.exactTab.n, l.foldTab.n }

// lowerASCII writes phrase lower-cased into dst (of the same length) and
// reports whether it was all ASCII; on false dst holds a prefix only.
func lowerASCII(dst []byte, phrase string) bool {
	for i := range len(phrase) {
		c := phrase[i]
		if c >= 0x80 {
			return false
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst[i] = c
	}
	return true
}
