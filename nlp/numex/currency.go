package numex

import (
	"dossier/lexicon"
	"dossier/nlp"
)

// A currency family is a currency word that several countries use: "peso"
// is the Mexican, Chilean, Argentine... peso. A bare word of a family takes
// its country from the places the text names (a country, its demonym, its
// capital or one of its cities): first the nearest in the same sentence,
// then, for families whose default country is not one that news leaves
// implicit, the one the article names most often. With no such place the
// word keeps the family's default, the currency most often meant in
// English-language news:
//
//	dollar  USD   (sentence only: American news seldom names the United States)
//	pound   GBP   (sentence only, likewise for British news)
//	peso    MXN   franc  CHF   krona  SEK   krone    NOK
//	rupee   INR   dinar  IQD   riyal  SAR   rial     IRR
//	lira    TRY   shilling KES
type family struct {
	def          string            // the default code
	defCountry   string            // the country of the default
	sentenceOnly bool              // look only in the sentence of the amount
	byCountry    map[string]string // canonical country name -> ISO code
}

// Family indices; 0 is "no family".
const (
	famNone uint8 = iota
	famDollar
	famPound
	famPeso
	famFranc
	famKrona
	famKrone
	famRupee
	famDinar
	famRiyal
	famRial
	famLira
	famShilling
	famCount
)

// families returns the currency families, indexed by the constants above.
func families() [famCount]family {
	cfaWest := "XOF"
	cfaCentral := "XAF"
	riyals := map[string]string{"Saudi Arabia": "SAR", "Qatar": "QAR", "Oman": "OMR",
		"Yemen": "YER", "Iran": "IRR"}
	return [famCount]family{
		famDollar: {def: "USD", defCountry: "United States", sentenceOnly: true, byCountry: map[string]string{
			"United States": "USD", "Canada": "CAD", "Australia": "AUD", "New Zealand": "NZD",
			"Hong Kong": "HKD", "Singapore": "SGD", "Taiwan": "TWD", "Jamaica": "JMD",
			"Namibia": "NAD", "Fiji": "FJD", "Bahamas": "BSD", "Barbados": "BBD",
			"Trinidad and Tobago": "TTD", "Guyana": "GYD", "Liberia": "LRD", "Belize": "BZD",
			"Brunei": "BND"}},
		famPound: {def: "GBP", defCountry: "United Kingdom", sentenceOnly: true, byCountry: map[string]string{
			"United Kingdom": "GBP", "Egypt": "EGP", "Lebanon": "LBP", "Syria": "SYP",
			"Sudan": "SDG", "South Sudan": "SSP"}},
		famPeso: {def: "MXN", defCountry: "Mexico", byCountry: map[string]string{
			"Mexico": "MXN", "Chile": "CLP", "Argentina": "ARS", "Colombia": "COP",
			"Philippines": "PHP", "Uruguay": "UYU", "Dominican Republic": "DOP", "Cuba": "CUP"}},
		famFranc: {def: "CHF", defCountry: "Switzerland", byCountry: map[string]string{
			"Switzerland": "CHF", "Liechtenstein": "CHF", "Senegal": cfaWest, "Ivory Coast": cfaWest,
			"Mali": cfaWest, "Burkina Faso": cfaWest, "Niger": cfaWest, "Benin": cfaWest,
			"Togo": cfaWest, "Guinea-Bissau": cfaWest, "Cameroon": cfaCentral, "Gabon": cfaCentral,
			"Chad": cfaCentral, "Central African Republic": cfaCentral,
			"Republic of the Congo": cfaCentral, "Equatorial Guinea": cfaCentral,
			"Democratic Republic of the Congo": "CDF", "Rwanda": "RWF", "Burundi": "BIF",
			"Guinea": "GNF", "Djibouti": "DJF", "Comoros": "KMF"}},
		famKrona: {def: "SEK", defCountry: "Sweden", byCountry: map[string]string{
			"Sweden": "SEK", "Iceland": "ISK"}},
		famKrone: {def: "NOK", defCountry: "Norway", byCountry: map[string]string{
			"Norway": "NOK", "Denmark": "DKK", "Greenland": "DKK", "Faroe Islands": "DKK"}},
		famRupee: {def: "INR", defCountry: "India", byCountry: map[string]string{
			"India": "INR", "Pakistan": "PKR", "Sri Lanka": "LKR", "Nepal": "NPR",
			"Mauritius": "MUR", "Seychelles": "SCR"}},
		famDinar: {def: "IQD", defCountry: "Iraq", byCountry: map[string]string{
			"Iraq": "IQD", "Kuwait": "KWD", "Jordan": "JOD", "Bahrain": "BHD", "Tunisia": "TND",
			"Algeria": "DZD", "Libya": "LYD", "Serbia": "RSD"}},
		famRiyal: {def: "SAR", defCountry: "Saudi Arabia", byCountry: riyals},
		famRial:  {def: "IRR", defCountry: "Iran", byCountry: riyals},
		famLira: {def: "TRY", defCountry: "Turkey", byCountry: map[string]string{
			"Turkey": "TRY", "Lebanon": "LBP", "Syria": "SYP"}},
		famShilling: {def: "KES", defCountry: "Kenya", byCountry: map[string]string{
			"Kenya": "KES", "Uganda": "UGX", "Tanzania": "TZS", "Somalia": "SOS"}},
	}
}

// place is a country named at a token: by name, demonym, capital or city.
type place struct {
	tok     int
	country string
}

// placesOf finds the places named in the capitalised words of a text, as
// phrases of up to three words the lexicon knows. A place that qualifies a
// currency ("Canadian dollars") names that currency, not the context.
func (t *tables) placesOf(text string, toks []nlp.Token) []place {
	lex := t.lex
	var out []place
	for i := 0; i < len(toks); i++ {
		if c := text[toks[i].Start]; toks[i].Kind != nlp.Word || !isUpper(c) && c < 0x80 {
			continue
		}
		for n := 3; n >= 1; n-- {
			j := i + n - 1
			if j >= len(toks) || !joined(text, toks, i, j) {
				continue
			}
			e, ok := lex.Lookup(text[toks[i].Start:toks[j].End])
			if !ok {
				continue
			}
			c := ""
			switch {
			case e.Has(lexicon.Country):
				c = e.Name
			case e.Any(lexicon.Demonym | lexicon.Capital | lexicon.City):
				c = e.Country
			}
			if c == "" {
				continue
			}
			if j+1 < len(toks) && toks[j+1].Kind == nlp.Word && t.currencyWord(text[toks[j+1].Start:toks[j+1].End]) {
				i = j
				break
			}
			out = append(out, place{tok: i, country: c})
			i = j
			break
		}
	}
	return out
}

// currencyWord reports whether w is a currency word ("dollars", "Pesos").
func (t *tables) currencyWord(w string) bool {
	if len(w) > 16 {
		return false
	}
	var buf [16]byte
	sf, ok := t.suffixes[string(lowerInto(buf[:0], w))]
	return ok && sf.kind == sfxCurrency
}

// joined reports whether tokens i..j are words separated by single spaces
// ("Sri Lanka", "Trinidad and Tobago").
func joined(text string, toks []nlp.Token, i, j int) bool {
	for k := i + 1; k <= j; k++ {
		if toks[k].Kind != nlp.Word || toks[k].Start != toks[k-1].End+1 || text[toks[k-1].End] != ' ' {
			return false
		}
	}
	return true
}

// currency returns the ISO code of the money amount a: its own unit, or, for
// a bare word of a currency family, the code its context gives.
func (s *scan) currency(a *amount) string {
	if a.family == famNone || a.kind != ukMoney || s.t.lex == nil {
		return a.unit
	}
	fam := &s.t.families[a.family]
	if !s.placesDone {
		s.places = s.t.placesOf(s.text, s.toks)
		s.placesDone = true
	}
	if len(s.places) == 0 {
		return a.unit
	}
	at := tokenAt(s.toks, a.start)
	lo, hi := 0, len(s.toks)
	for _, r := range s.sents {
		if r.First <= at && at < r.Last {
			lo, hi = r.First, r.Last
			break
		}
	}
	// The nearest place of the family in the sentence.
	best, bestDist := "", len(s.toks)+1
	sawDefault := false
	for _, p := range s.places {
		if p.tok < lo || p.tok >= hi {
			continue
		}
		code, ok := fam.byCountry[p.country]
		if !ok {
			continue
		}
		if p.country == fam.defCountry {
			sawDefault = true
		}
		d := p.tok - at
		if d < 0 {
			d = -d
		}
		if d < bestDist {
			best, bestDist = code, d
		}
	}
	switch {
	case best != "" && fam.sentenceOnly && sawDefault:
		return fam.def
	case best != "":
		return best
	case fam.sentenceOnly:
		return a.unit
	}
	// The family's country the article names most often (the first on a tie).
	var counts [8]struct {
		code string
		n    int
	}
	nc := 0
	for _, p := range s.places {
		code, ok := fam.byCountry[p.country]
		if !ok {
			continue
		}
		k := 0
		for k < nc && counts[k].code != code {
			k++
		}
		if k == nc {
			if nc == len(counts) {
				continue
			}
			counts[k].code = code
			nc++
		}
		counts[k].n++
	}
	for k := 0; k < nc; k++ {
		if counts[k].n > 0 && (best == "" || counts[k].n > bestDist) {
			best, bestDist = counts[k].code, counts[k].n
		}
	}
	if best == "" {
		return a.unit
	}
	return best
}

// tokenAt returns the index of the token that holds byte p, or the next one.
func tokenAt(toks []nlp.Token, p int) int {
	lo, hi := 0, len(toks)
	for lo < hi {
		m := (lo + hi) / 2
		if int(toks[m].End) <= p {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}
