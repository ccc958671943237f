// Package lexicon holds the word lists dossier's components look up by
// hashing: places (countries, their alternative names, capitals, demonyms,
// states, cities, regions), given names and surnames, news outlets, well-known
// organisations, organisation suffixes, titles and roles, and common English
// words.
//
// Every list is either generated from a well-licensed package by a script kept
// in this repository (the licence is recorded beside the generated file) or
// written by hand as general knowledge. No entry exists because it appears in
// a dev or gold file.
//
// PROVISIONAL API: the generated data replaces the hand-written seed lists.
package lexicon

import (
	"strings"
	"sync"
)

// Class is a bit set of what a phrase can be.
type Class uint32

// Classes of lexicon entries.
const (
	Country   Class = 1 << iota // a sovereign country or its alternative name ("U.S.", "Britain")
	Region                      // a state, province or similar subdivision ("Texas", "Ontario")
	City                        // a city or town
	Capital                     // a capital city that can stand for its government ("Moscow")
	Area                        // a geographic area that is not a polity ("Middle East", "Europe")
	Demonym                     // an adjective or noun of nationality ("Russian", "French")
	GivenName                   // a person's first name
	Surname                     // a family name
	Outlet                      // a news organisation ("Reuters", "NBC News")
	Org                         // a well-known organisation ("NATO", "United Nations")
	OrgSuffix                   // a word that ends organisation names ("Inc.", "Corp", "Bank", "Ministry")
	TitleWord                   // a role word that can precede a name ("President", "Sen.", "envoy")
	Common                      // a common lower-case English word (keyed in lower case)
)

// Entry is what the lexicon knows about one phrase.
type Entry struct {
	Class Class
	// Name is the canonical name for places, outlets and organisations
	// ("United States" for "U.S.").
	Name string
	// Country is the canonical name of the country a capital, city, region or
	// demonym belongs to ("Russia" for "Moscow" and "Russian").
	Country string
}

// Has reports whether the entry has every class in c.
func (e Entry) Has(c Class) bool { return e.Class&c == c }

// Lexicon is an immutable set of phrases, safe for concurrent use.
type Lexicon struct {
	exact    map[string]Entry // phrase as written
	fold     map[string]Entry // phrase in lower case (for all-caps text)
	maxWords int
}

var defaultLexicon = sync.OnceValue(build)

// Default returns the lexicon built from the embedded data. It is built once,
// on first use.
func Default() *Lexicon { return defaultLexicon() }

// Lookup returns the entry for a phrase exactly as written.
func (l *Lexicon) Lookup(phrase string) (Entry, bool) {
	e, ok := l.exact[phrase]
	return e, ok
}

// LookupFold returns the entry for a phrase compared case-insensitively.
// The caller passes the phrase in any case; it is lower-cased here.
func (l *Lexicon) LookupFold(phrase string) (Entry, bool) {
	e, ok := l.fold[strings.ToLower(phrase)]
	return e, ok
}

// IsCommon reports whether the lower-case word is a common English word.
func (l *Lexicon) IsCommon(lower string) bool {
	e, ok := l.fold[lower]
	return ok && e.Class&Common != 0
}

// MaxWords is the number of space-separated words in the longest phrase, the
// window a longest-match scanner needs.
func (l *Lexicon) MaxWords() int { return l.maxWords }

func (l *Lexicon) add(phrase string, e Entry) {
	if phrase == "" {
		return
	}
	merge := func(m map[string]Entry, k string) {
		old, ok := m[k]
		if !ok {
			m[k] = e
			return
		}
		old.Class |= e.Class
		if old.Name == "" {
			old.Name = e.Name
		}
		if old.Country == "" {
			old.Country = e.Country
		}
		m[k] = old
	}
	if e.Class != Common {
		merge(l.exact, phrase)
	}
	merge(l.fold, strings.ToLower(phrase))
	if n := strings.Count(phrase, " ") + 1; n > l.maxWords {
		l.maxWords = n
	}
}

func build() *Lexicon {
	l := &Lexicon{exact: map[string]Entry{}, fold: map[string]Entry{}}
	for _, p := range seedPlaces {
		l.add(p.phrase, p.entry)
	}
	return l
}

// seedPlaces is a tiny hand-written stand-in until the generated data lands.
var seedPlaces = []struct {
	phrase string
	entry  Entry
}{
	{"United States", Entry{Class: Country, Name: "United States"}},
	{"U.S.", Entry{Class: Country, Name: "United States"}},
	{"Russia", Entry{Class: Country, Name: "Russia"}},
	{"Moscow", Entry{Class: Capital | City, Name: "Moscow", Country: "Russia"}},
	{"Russian", Entry{Class: Demonym, Country: "Russia"}},
}
