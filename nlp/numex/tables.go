package numex

import (
	"strings"
	"sync"

	"dossier"
	"dossier/lexicon"
)

// The tables below are general knowledge of English and of the world's
// currencies, written by hand. Keys are lower case unless said otherwise.

// unitKind is what follows a number.
type unitKind uint8

const (
	ukNone     unitKind = iota // a bare number
	ukMoney                    // a currency: Unit is an ISO 4217 code
	ukPercent                  // "%", "percent"
	ukPP                       // "percentage points"
	ukBP                       // "basis points"
	ukPoints                   // "points" (index points; only inside moves)
	ukQuantity                 // a commodity or energy unit word
)

// sfxKind classifies a phrase that can follow a number.
type sfxKind uint8

const (
	sfxNone     sfxKind = iota
	sfxScale            // "million", "bn", "crore"
	sfxCurrency         // "dollars", "Canadian dollars", "cents"
	sfxUnit             // a percent-like or points unit (kind in suffix.uk)
	sfxQuantity         // "barrels", "bpd", "cubic feet"
	sfxISO              // an upper-case ISO code after the amount ("20bn EUR")
)

// suffix is what a phrase after a number means.
type suffix struct {
	kind sfxKind
	uk   unitKind
	mult float64 // scale factor, or the value of a minor unit (cents: 0.01)
	code string  // ISO code, or canonical quantity unit
	// needScale marks currency words that are common English words too
	// ("won", "real", "dong"): they count only after "million" and the like.
	needScale bool
	// perDay marks quantity units that already carry a rate ("bpd").
	perDay bool
	// family marks a bare currency word that several countries use
	// ("pesos"): its country comes from the context.
	family uint8
}

// wordRole is a bit set of what a lower-case token can start.
type wordRole uint16

const (
	roleVerb     wordRole = 1 << iota // a movement verb with its own direction ("rose")
	roleEdge                          // a verb that takes its direction from a particle ("edged up")
	roleParticle                      // "up", "down" used as a move on their own ("shares were down 3%")
	roleClose                         // "closed", "ended", "settled": direction may follow the change
	roleBe                            // "was", "were": a move only with a particle or "higher"/"lower"
	roleFlat                          // "unchanged", "steady", "flat": needs a level after "at"
	roleNumber                        // a number word ("two", "half", "a")
	roleWeak                          // a verb that also means earning or losing an amount ("lost", "added")
)

// roleTrigger are roles that may begin a market move.
const roleTrigger = roleVerb | roleEdge | roleParticle | roleClose | roleBe | roleFlat

// wordInfo is what the scanner knows about one lower-case word.
type wordInfo struct {
	role wordRole
	dir  dossier.Direction
}

// lbFlag classifies words seen while walking back from a movement verb to
// its subject.
type lbFlag uint16

const (
	lbStop    lbFlag = 1 << iota // a function word or verb that ends the subject
	lbDet                        // a determiner or possessive pronoun: ends it and is dropped
	lbPrep                       // "of", "in", "on": may join "shares of X"
	lbSkip                       // auxiliaries and adverbs between subject and verb
	lbShares                     // "shares", "stock": "shares of X" names X
	lbHead                       // "price", "yield", "value": "price of gold" is kept whole
	lbGeneric                    // a word that only describes ("stock", "index", "it")
	lbTime                       // a weekday or "today": "on Monday" is skipped
	lbPeople                     // people and votes: "52% of voters" is not a figure
	lbAdj                        // an adjective ending like a verb ("leading", "listed")
	lbEcon                       // a word of economic statements ("price", "inflation", "sales")
)

// connector is a phrase introducing a move's level.
type connector struct {
	noDir bool // "to yield": the level is a yield, the move has no direction
}

// tables holds every lookup table of the package. It is immutable after
// construction and shared by all components.
type tables struct {
	words      map[string]wordInfo
	wordFilter lexicon.WordFilter // holds the words of words: most tokens miss without hashing
	// shortWords holds the words of words of up to lexicon.MaxShort bytes,
	// looked up by their packed bytes.
	shortWords *lexicon.ShortWords[wordInfo]
	suffixes   map[string]suffix
	maxSuffix  int // words in the longest suffix phrase
	attached   map[string]suffix
	prefixes   map[string]string // "US", "HK", "C" before "$"; codes before an amount
	lookback   map[string]lbFlag
	connectors map[string]connector
	maxConn    int
	rates      map[string]string // "a day" -> " a day"
	numbers    map[string]float64
	fractions  map[string]float64
	approx     map[string]bool // words skipped between a verb and its change
	// lex names the places that decide an ambiguous currency word; families
	// holds those words' countries (see currency.go).
	lex      *lexicon.Lexicon
	families [famCount]family
}

var sharedTables = sync.OnceValue(buildTables)

func buildTables() *tables {
	t := &tables{
		words:      map[string]wordInfo{},
		suffixes:   map[string]suffix{},
		attached:   map[string]suffix{},
		prefixes:   map[string]string{},
		lookback:   map[string]lbFlag{},
		connectors: map[string]connector{},
		rates:      map[string]string{},
		numbers:    map[string]float64{},
		fractions:  map[string]float64{},
		approx:     map[string]bool{},
		lex:        lexicon.Default(),
		families:   families(),
	}
	t.addVerbs()
	t.addCurrencies()
	t.addUnits()
	t.addNumbers()
	t.addLookback()
	for w := range t.words {
		t.wordFilter.Add(w)
	}
	t.shortWords = lexicon.NewShortWords(t.words)
	for _, c := range []string{"to", "at", "to close at", "to end at", "to settle at",
		"to finish at", "to stand at", "to trade at", "to reach", "to hit", "to touch",
		"to a record", "to a record high of", "to a record low of", "to a high of",
		"to a low of", "to an all-time high of", "to a fresh high of", "to a fresh low of",
		"to a new high of", "to a new low of", "to a level of"} {
		t.addConnector(c, connector{})
	}
	t.addConnector("to yield", connector{noDir: true})
	t.addConnector("yielding", connector{noDir: true})
	for k, v := range map[string]string{"a day": " a day", "per day": " a day", "a year": " a year",
		"per year": " a year", "per annum": " a year", "a month": " a month", "per month": " a month",
		"annually": " a year", "daily": " a day"} {
		t.rates[k] = v
	}
	for _, w := range []string{"as", "much", "more", "than", "nearly", "almost", "about",
		"around", "roughly", "some", "over", "just", "less", "under", "close",
		"by", "another", "further", "estimated", "back", "again", "only",
		"slightly", "sharply", "steeply", "modestly", "fully", "nearly", "approximately"} {
		t.approx[w] = true
	}
	return t
}

// lookupWord returns what the scanner knows about a lower-case word.
func (t *tables) lookupWord(w string) (wordInfo, bool) {
	if len(w) == 0 || len(w) > 24 {
		return wordInfo{}, false
	}
	if !t.wordFilter.HasString(w) {
		return wordInfo{}, false
	}
	if k, ok := lexicon.PackWord(w); ok {
		return t.shortWords.Get(k)
	}
	info, ok := t.words[w]
	return info, ok
}

func (t *tables) addConnector(phrase string, c connector) {
	t.connectors[phrase] = c
	if n := strings.Count(phrase, " ") + 1; n > t.maxConn {
		t.maxConn = n
	}
}

func (t *tables) addSuffix(phrase string, s suffix) {
	t.suffixes[phrase] = s
	if n := strings.Count(phrase, " ") + 1; n > t.maxSuffix {
		t.maxSuffix = n
	}
}

func (t *tables) addWord(w string, role wordRole, dir dossier.Direction) {
	old := t.words[w]
	old.role |= role
	if dir != "" {
		old.dir = dir
	}
	t.words[w] = old
}

// addVerbs lists movement words with their inflections.
func (t *tables) addVerbs() {
	up := []string{
		"rose", "rise", "rises", "rising", "risen",
		"jumped", "jump", "jumps", "jumping",
		"climbed", "climb", "climbs", "climbing",
		"advanced", "advance", "advances", "advancing",
		"surged", "surge", "surges", "surging",
		"soared", "soar", "soars", "soaring",
		"rallied", "rally", "rallies", "rallying",
		"spiked", "spike", "spikes", "spiking",
		"rebounded", "rebound", "rebounds", "rebounding",
		"firmed", "firms", "firming",
		"increased", "increase", "increases", "increasing",
		"grew", "grow", "grows", "growing", "grown",
		"expanded", "expand", "expands", "expanding",
		"leapt", "leaped", "leap", "leaps", "leaping",
		"rocketed", "rocket", "rockets", "rocketing",
		"strengthened", "strengthen", "strengthens", "strengthening",
		"recovered", "recover", "recovers", "recovering",
		"bounced", "bounce", "bounces", "bouncing",
		"accelerated", "accelerate", "accelerates", "accelerating",
		"skyrocketed", "skyrocket", "skyrockets", "skyrocketing",
		"appreciated", "appreciate", "appreciates", "appreciating",
	}
	down := []string{
		"fell", "fall", "falls", "falling", "fallen",
		"dropped", "drop", "drops", "dropping",
		"slid", "slide", "slides", "sliding",
		"declined", "decline", "declines", "declining",
		"plunged", "plunge", "plunges", "plunging",
		"tumbled", "tumble", "tumbles", "tumbling",
		"sank", "sink", "sinks", "sinking", "sunk",
		"slumped", "slump", "slumps", "slumping",
		"dipped", "dip", "dips", "dipping",
		"eased", "ease", "eases", "easing",
		"retreated", "retreat", "retreats", "retreating",
		"skidded", "skid", "skids", "skidding",
		"plummeted", "plummet", "plummets", "plummeting",
		"crashed", "crash", "crashes", "crashing",
		"slipped", "slip", "slips", "slipping",
		"decreased", "decrease", "decreases", "decreasing",
		"shrank", "shrink", "shrinks", "shrinking", "shrunk",
		"contracted", "contract", "contracts", "contracting",
		"weakened", "weaken", "weakens", "weakening",
		"dived", "dove", "dive", "dives", "diving",
		"slowed", "slow", "slows", "slowing",
		"collapsed", "collapse", "collapses", "collapsing",
		"depreciated", "depreciate", "depreciates", "depreciating",
		"nosedived", "nosedive", "nosedives",
	}
	weakUp := []string{"gained", "gain", "gains", "gaining", "added", "add", "adds", "adding"}
	weakDown := []string{"lost", "lose", "loses", "losing", "shed", "sheds", "shedding"}
	for _, w := range up {
		t.addWord(w, roleVerb, dossier.Up)
	}
	for _, w := range down {
		t.addWord(w, roleVerb, dossier.Down)
	}
	for _, w := range weakUp {
		t.addWord(w, roleVerb|roleWeak, dossier.Up)
	}
	for _, w := range weakDown {
		t.addWord(w, roleVerb|roleWeak, dossier.Down)
	}
	for _, w := range []string{"edged", "edge", "edges", "edging", "ticked", "tick", "ticks",
		"ticking", "inched", "inch", "inches", "inching", "moved", "move", "moves", "moving",
		"crept", "creep", "creeps", "creeping", "drifted", "drift", "drifts", "drifting",
		"nudged", "nudge", "nudges", "nudging", "went", "go", "goes", "going", "headed", "trended"} {
		t.addWord(w, roleEdge, "")
	}
	t.addWord("up", roleParticle, dossier.Up)
	t.addWord("down", roleParticle, dossier.Down)
	for _, w := range []string{"closed", "close", "closes", "closing", "ended", "end", "ends",
		"ending", "finished", "finish", "finishes", "finishing", "settled", "settle", "settles",
		"settling", "traded", "trade", "trades", "trading", "opened", "open", "opens", "opening",
		"stood", "stands", "standing"} {
		t.addWord(w, roleClose, "")
	}
	for _, w := range []string{"was", "were", "is", "are", "been", "be", "being"} {
		t.addWord(w, roleBe, "")
	}
	for _, w := range []string{"unchanged", "steady", "flat", "changed", "stable"} {
		t.addWord(w, roleFlat, dossier.Flat)
	}
}

// addCurrencies lists currency signs, codes and words.
func (t *tables) addCurrencies() {
	// Letters written straight before "$", exact case.
	for k, v := range map[string]string{"US": "USD", "U.S.": "USD", "C": "CAD", "CA": "CAD",
		"CAN": "CAD", "Can": "CAD", "A": "AUD", "AU": "AUD", "NZ": "NZD", "HK": "HKD", "S": "SGD",
		"SG": "SGD", "NT": "TWD", "R": "BRL", "MX": "MXN", "Mex": "MXN"} {
		t.prefixes[k+"$"] = v
	}
	// Abbreviations written before an amount, exact case.
	for k, v := range map[string]string{"Rs": "INR", "Rs.": "INR", "Rp": "IDR", "RMB": "CNY"} {
		t.prefixes[k] = v
	}
	for _, c := range isoCodes {
		t.prefixes[c] = c
		t.suffixes[strings.ToLower(c)] = suffix{kind: sfxISO, code: c}
	}
	cur := func(code string, words ...string) {
		for _, w := range words {
			t.addSuffix(w, suffix{kind: sfxCurrency, code: code, mult: 1})
		}
	}
	fam := func(code string, f uint8, words ...string) {
		for _, w := range words {
			t.addSuffix(w, suffix{kind: sfxCurrency, code: code, mult: 1, family: f})
		}
	}
	// Bare words that several countries use: the default code here, the
	// country from the context (currency.go).
	fam("USD", famDollar, "dollar", "dollars")
	fam("GBP", famPound, "pound", "pounds")
	fam("MXN", famPeso, "peso", "pesos")
	fam("CHF", famFranc, "franc", "francs")
	fam("SEK", famKrona, "krona", "kronor")
	fam("NOK", famKrone, "krone", "kroner")
	fam("INR", famRupee, "rupee", "rupees")
	fam("IQD", famDinar, "dinar", "dinars")
	fam("SAR", famRiyal, "riyal", "riyals")
	fam("IRR", famRial, "rials")
	fam("TRY", famLira, "lira", "liras")
	fam("KES", famShilling, "shillings")
	cur("USD", "us dollar", "us dollars", "u.s. dollar", "u.s. dollars",
		"american dollars", "greenbacks")
	cur("CAD", "canadian dollar", "canadian dollars")
	cur("AUD", "australian dollar", "australian dollars")
	cur("NZD", "new zealand dollar", "new zealand dollars")
	cur("HKD", "hong kong dollar", "hong kong dollars")
	cur("SGD", "singapore dollar", "singapore dollars")
	cur("TWD", "taiwan dollar", "taiwan dollars", "new taiwan dollar", "new taiwan dollars",
		"taiwanese dollars")
	cur("JMD", "jamaican dollars")
	cur("ZWL", "zimbabwe dollars", "zimbabwean dollars")
	cur("EUR", "euro", "euros")
	cur("GBP", "sterling", "pounds sterling", "british pounds")
	cur("EGP", "egyptian pound", "egyptian pounds")
	cur("LBP", "lebanese pounds")
	cur("JPY", "yen", "japanese yen")
	cur("CNY", "yuan", "renminbi", "chinese yuan")
	cur("INR", "indian rupees")
	cur("PKR", "pakistani rupees", "pakistan rupees")
	cur("LKR", "sri lankan rupees")
	cur("NPR", "nepalese rupees")
	cur("RUB", "rouble", "roubles", "ruble", "rubles", "russian roubles", "russian rubles")
	cur("CHF", "swiss franc", "swiss francs")
	cur("XOF", "cfa francs")
	cur("MXN", "mexican pesos")
	cur("ARS", "argentine pesos", "argentinian pesos")
	cur("PHP", "philippine pesos")
	cur("CLP", "chilean pesos")
	cur("COP", "colombian pesos")
	cur("BRL", "reais", "brazilian reais", "brazilian real")
	cur("ZAR", "rand", "south african rand")
	cur("TRY", "turkish lira", "turkish liras")
	cur("SAR", "saudi riyals")
	cur("QAR", "qatari riyals")
	cur("AED", "dirham", "dirhams", "uae dirhams")
	cur("ILS", "shekel", "shekels", "new shekels")
	cur("SEK", "swedish krona", "swedish kronor")
	cur("NOK", "norwegian krone", "norwegian kroner")
	cur("DKK", "danish krone", "danish kroner")
	cur("ISK", "icelandic kronur", "kronur")
	cur("PLN", "zloty", "zlotys", "zlotych")
	cur("THB", "baht")
	cur("MYR", "ringgit")
	cur("IDR", "rupiah")
	cur("NGN", "naira")
	cur("UAH", "hryvnia", "hryvnias", "hryvnias")
	cur("HUF", "forint", "forints")
	cur("CZK", "koruna", "korunas", "czech crowns", "crowns")
	cur("KES", "kenyan shillings")
	cur("BDT", "taka")
	cur("IRR", "iranian rials")
	// Words that are also ordinary English: only after a scale word.
	for w, code := range map[string]string{"won": "KRW", "real": "BRL", "dong": "VND",
		"rial": "IRR", "shilling": "KES"} {
		f := famNone
		switch w {
		case "rial":
			f = famRial
		case "shilling":
			f = famShilling
		}
		t.addSuffix(w, suffix{kind: sfxCurrency, code: code, mult: 1, needScale: true, family: f})
	}
	minor := func(code string, mult float64, words ...string) {
		for _, w := range words {
			t.addSuffix(w, suffix{kind: sfxCurrency, code: code, mult: mult})
		}
	}
	minor("USD", 0.01, "cents", "cent", "us cents", "u.s. cents")
	minor("EUR", 0.01, "euro cents", "eurocents")
	minor("GBP", 0.01, "pence", "penny")
	minor("INR", 0.01, "paise")
	minor("RUB", 0.01, "kopecks")
	t.attached["p"] = suffix{kind: sfxCurrency, code: "GBP", mult: 0.01}
}

// isoCodes are ISO 4217 codes that news writes before or after amounts.
var isoCodes = [...]string{"USD", "EUR", "GBP", "JPY", "CNY", "CNH", "INR", "CHF", "CAD", "AUD",
	"NZD", "HKD", "SGD", "RUB", "BRL", "MXN", "ZAR", "KRW", "TRY", "SEK", "NOK", "DKK", "PLN",
	"ILS", "SAR", "AED", "QAR", "KWD", "NGN", "EGP", "PKR", "IDR", "THB", "MYR", "PHP", "VND",
	"UAH", "ARS", "CLP", "COP", "PEN", "KES", "TWD", "CZK", "HUF", "RON", "ISK", "BDT", "LKR"}

// addUnits lists scale words, percent and point units, and quantity units.
func (t *tables) addUnits() {
	scale := func(mult float64, words ...string) {
		for _, w := range words {
			t.addSuffix(w, suffix{kind: sfxScale, mult: mult})
		}
	}
	scale(1e2, "hundred")
	scale(1e3, "thousand")
	scale(1e6, "million", "millions", "mn", "mln")
	scale(1e9, "billion", "billions", "bn", "bln")
	scale(1e12, "trillion", "trillions", "tn", "trn")
	scale(1e7, "crore", "crores")
	scale(1e5, "lakh", "lakhs", "lac", "lacs")
	att := func(mult float64, words ...string) {
		for _, w := range words {
			t.attached[w] = suffix{kind: sfxScale, mult: mult}
		}
	}
	att(1e3, "k", "K")
	att(1e6, "m", "M", "mn", "mln", "MN", "MLN")
	att(1e9, "bn", "b", "B", "bln", "BN")
	att(1e12, "tn", "trn", "tr", "T", "TN")
	unit := func(uk unitKind, words ...string) {
		for _, w := range words {
			t.addSuffix(w, suffix{kind: sfxUnit, uk: uk})
			if !strings.Contains(w, " ") {
				t.attached[w] = suffix{kind: sfxUnit, uk: uk}
			}
		}
	}
	unit(ukPercent, "percent", "per cent", "pct", "per-cent", "percentage")
	delete(t.attached, "percentage")
	delete(t.suffixes, "percentage")
	unit(ukPP, "percentage point", "percentage points", "percentage-point", "percentage-points",
		"ppt", "ppts", "pp")
	unit(ukBP, "basis point", "basis points", "basis-point", "bps", "bp")
	unit(ukPoints, "point", "points", "pts")
	delete(t.attached, "point")
	delete(t.attached, "points")
	qty := func(name string, mult float64, perDay bool, words ...string) {
		for _, w := range words {
			t.addSuffix(w, suffix{kind: sfxQuantity, code: name, mult: mult, perDay: perDay})
		}
	}
	qty("barrels", 1, false, "barrel", "barrels", "barrels of oil", "barrels of crude",
		"bbl", "bbls")
	qty("barrels of oil equivalent", 1, false, "barrels of oil equivalent", "boe")
	qty("barrels a day", 1, true, "bpd", "b/d", "barrels per day", "barrels a day",
		"barrels of oil a day", "barrels of oil per day", "barrels of crude a day",
		"barrels of crude per day")
	qty("cubic feet", 1, false, "cubic feet", "cubic foot")
	qty("cubic metres", 1, false, "cubic metres", "cubic meters", "cubic metre", "cubic meter")
	qty("cubic metres", 1e9, false, "bcm")
	qty("cubic feet", 1e12, false, "tcf")
	qty("tonnes", 1, false, "tonnes", "tonne", "metric tons", "metric tonnes", "metric ton", "mt")
	qty("tons", 1, false, "tons", "short tons")
	qty("ounces", 1, false, "ounces", "troy ounces", "ounces of gold", "ounces of silver", "oz")
	qty("bushels", 1, false, "bushels", "bushel")
	qty("megawatts", 1, false, "megawatts", "megawatt", "mw")
	qty("gigawatts", 1, false, "gigawatts", "gigawatt", "gw")
	qty("kilowatt hours", 1, false, "kilowatt hours", "kilowatt-hours", "kwh")
	qty("megawatt hours", 1, false, "megawatt hours", "megawatt-hours", "mwh")
	qty("gigawatt hours", 1, false, "gigawatt hours", "gigawatt-hours", "gwh")
	qty("terawatt hours", 1, false, "terawatt hours", "terawatt-hours", "twh")
	qty("gallons", 1, false, "gallons")
	qty("twenty-foot equivalent units", 1, false, "teu", "teus", "twenty-foot equivalent units")
}

// addNumbers lists number words.
func (t *tables) addNumbers() {
	for i, w := range []string{"zero", "one", "two", "three", "four", "five", "six", "seven",
		"eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen",
		"sixteen", "seventeen", "eighteen", "nineteen"} {
		t.numbers[w] = float64(i)
	}
	for i, w := range []string{"twenty", "thirty", "forty", "fifty", "sixty", "seventy",
		"eighty", "ninety"} {
		t.numbers[w] = float64(20 + 10*i)
	}
	for k, v := range map[string]float64{"half": 0.5, "third": 1.0 / 3, "thirds": 1.0 / 3,
		"quarter": 0.25, "quarters": 0.25, "fifth": 0.2, "fifths": 0.2, "tenth": 0.1, "tenths": 0.1} {
		t.fractions[k] = v
	}
	for w := range t.numbers {
		t.addWord(w, roleNumber, "")
	}
	for _, w := range []string{"a", "an", "half"} {
		t.addWord(w, roleNumber, "")
	}
	for _, w := range []string{"twenty", "thirty", "forty", "fifty", "sixty", "seventy",
		"eighty", "ninety"} {
		for _, u := range []string{"one", "two", "three", "four", "five", "six", "seven", "eight", "nine"} {
			t.addWord(w+"-"+u, roleNumber, "")
		}
	}
	for _, n := range []string{"one", "two", "three", "four"} {
		for _, f := range []string{"thirds", "quarters", "fifths", "third", "quarter", "half"} {
			t.addWord(n+"-"+f, roleNumber, "")
		}
	}
}

// addLookback lists the words that shape the walk from a verb to its subject.
func (t *tables) addLookback() {
	set := func(f lbFlag, words ...string) {
		for _, w := range words {
			t.lookback[w] |= f
		}
	}
	set(lbDet, "the", "a", "an", "its", "their", "his", "her", "our", "your", "my", "this",
		"these", "those", "that", "whose", "each", "every", "both", "all", "some", "any")
	set(lbStop, "and", "or", "but", "nor", "so", "yet", "for", "than", "then", "when", "while",
		"where", "which", "who", "whom", "what", "after", "before", "since", "because", "if",
		"though", "although", "despite", "amid", "under", "into", "onto", "about", "against",
		"between", "among", "through", "during", "without", "within", "per", "via", "as", "at",
		"to", "from", "by", "with", "said", "says", "say", "told", "reported", "sent", "saw",
		"sees", "see", "left", "made", "makes", "make", "put", "kept", "drove", "helped", "led",
		"let", "knocked", "lifted", "pushed", "pulled", "showed", "shows", "show", "expects",
		"expected", "it", "they", "he", "she", "we", "i", "you", "them", "him", "us", "there",
		"here", "not", "no", "more", "most", "less", "least", "how", "why", "whether", "over",
		"will", "would", "could", "should", "may", "might", "must", "can", "do", "did", "does",
		"has", "had", "have", "was", "were", "is", "are", "be", "been", "being", "also", "still",
		"today", "yesterday", "earlier", "later", "meanwhile",
		"however", "too", "having", "just", "again", "january", "february", "march", "april",
		"june", "july", "august", "september", "october", "november", "december")
	set(lbPrep, "of", "in", "on")
	set(lbSkip, "has", "had", "have", "having", "was", "were", "is", "are", "be", "been",
		"being", "will", "would", "could", "may", "might", "also", "still", "earlier", "later",
		"initially", "briefly", "further", "again", "already", "just", "now", "then", "had",
		"closed", "ended", "finished", "settled", "traded", "opened", "trading", "held",
		"remained", "stayed", "kept", "little", "last", "week", "overnight",
		"today", "yesterday", "meanwhile", "too", "all", "both", "each")
	set(lbTime, "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
		"today", "yesterday", "week", "morning", "afternoon", "evening")
	set(lbShares, "shares", "share", "stock", "stocks", "equities", "bonds", "bond")
	set(lbHead, "price", "prices", "value", "values", "yield", "yields", "cost", "costs",
		"rate", "rates", "valuation")
	set(lbGeneric, "stock", "stocks", "share", "shares", "index", "indices", "indexes",
		"currency", "company", "company's", "firm", "firm's", "group", "group's", "market",
		"markets", "price", "prices", "it", "they", "bank", "bank's", "lender", "lender's",
		"bond", "bonds", "security", "securities", "benchmark", "contract", "contracts",
		"rate", "yield", "yields", "figure", "figures", "number", "total", "measure",
		"gauge", "unit", "units", "business", "division", "value", "equities", "stake",
		"'s", "’s", "s", "'", "’", "which", "that", "this", "one", "ones", "quarter", "year",
		"month", "week", "period", "half", "day", "session", "months", "years", "quarters",
		"first", "second", "third", "fourth", "final", "last", "full-year", "half-year", "annual",
		"quarterly")
	set(lbEcon, "price", "prices", "priced", "cost", "costs", "rate", "rates", "inflation",
		"deflation", "growth", "grew", "economy", "economic", "economies", "economists", "gdp",
		"tax", "taxes", "vat", "sales", "sold", "profit", "profits", "revenue", "revenues",
		"turnover", "earnings", "income", "incomes", "wage", "wages", "pay", "salary", "salaries",
		"market", "markets", "share", "shares", "stock", "stocks", "equity", "equities",
		"investment", "investments", "investors", "interest", "debt", "debts", "deficit",
		"surplus", "budget", "budgets", "spending", "spend", "exports", "imports", "export",
		"import", "trade", "output", "production", "productivity", "unemployment", "jobless",
		"employment", "mortgage", "mortgages", "loan", "loans", "lending", "credit", "bank",
		"banks", "fund", "funds", "funding", "dividend", "dividends", "bonus", "bonuses", "fee",
		"fees", "tariff", "tariffs", "duty", "duties", "value", "valuation", "margin", "margins",
		"yield", "yields", "bond", "bonds", "currency", "currencies", "dollar", "euro", "sterling",
		"yen", "yuan", "oil", "crude", "gas", "gold", "index", "consumer", "consumers", "retail",
		"retailers", "stake", "capital", "subsidy", "subsidies", "pension", "pensions", "premium",
		"premiums", "discount", "discounts", "rent", "rents", "savings", "borrowing", "bills",
		"fares", "demand", "supply", "commodity", "commodities", "shareholders", "firm", "company",
		"companies", "business", "businesses", "industry", "industries", "sector", "forecast",
		"quarter", "fiscal", "financial", "finance", "monetary", "cut", "hike", "raise", "rise",
		"fall", "increase", "decrease", "jump", "drop", "gain", "gains", "loss", "losses",
		"cheaper", "dearer", "expensive", "investor", "pricing", "payments", "payment", "spending",
		"interest-rate", "benchmark", "volume", "volumes", "growth", "recession", "ownership")
	set(lbAdj, "leading", "emerging", "existing", "operating", "underlying", "outstanding",
		"remaining", "developing", "listed", "quoted", "traded", "refined", "advanced",
		"diversified", "integrated", "united", "limited", "unlisted", "trading", "energy-related",
		"rated", "based", "consolidated", "combined", "blended", "processed", "liquefied")
	set(lbPeople, "voters", "respondents", "people", "adults", "americans", "britons",
		"residents", "citizens", "children", "women", "men", "students", "patients",
		"participants", "members", "workers", "employees", "vote", "votes", "ballots",
		"electorate", "population", "democrats", "republicans", "parents", "teenagers", "doctors", "nurses",
		"teachers", "delegates", "seats", "precincts", "catholics", "muslims", "christians",
		"jews", "immigrants", "refugees")
}
