package ner

// Hand-written knowledge of English that named-entity rules need and that is
// not a gazetteer: closed-class words, pronouns, honorifics, reporting verbs,
// words that head a role or an organisation's name. Every list is general
// English; none comes from a particular article.

import "dossier/lexicon"

// wordSet is a set of words keyed by their exact spelling. Lookups with a
// substring of the text do not allocate.
type wordSet struct {
	m map[string]struct{}
	// filter holds the words of m. Most words are in no set, and the
	// filter turns them away without hashing.
	filter lexicon.WordFilter
	// short holds the words of m of up to lexicon.MaxShort bytes, looked
	// up by their packed bytes.
	short *lexicon.ShortWords[struct{}]
}

func (s *wordSet) has(w string) bool {
	if !s.filter.HasString(w) {
		return false
	}
	if k, ok := lexicon.PackWord(w); ok {
		_, found := s.short.Get(k)
		return found
	}
	_, ok := s.m[w]
	return ok
}

// hasFold reports whether the lower-case form of w is in s. ASCII words of
// up to 32 bytes are lower-cased on the stack, without allocating.
func (s *wordSet) hasFold(w string) bool {
	if len(w) > 32 || len(w) == 0 {
		return s.has(lower(w))
	}
	var buf [32]byte
	var packed uint64
	packable := len(w) <= lexicon.MaxShort
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 0x80 {
			return s.has(lower(w))
		}
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
		if packable {
			packable = c != 0 // a zero byte ends a packed word
			packed = lexicon.PackByte(packed, i, c)
		}
	}
	if !s.filter.Has(buf[:len(w)]) {
		return false
	}
	if packable {
		_, found := s.short.Get(packed)
		return found
	}
	_, ok := s.m[string(buf[:len(w)])]
	return ok
}

// wordMap is a map from words, keyed by their exact spelling, with the
// filter of a wordSet.
type wordMap struct {
	m      map[string]string
	filter lexicon.WordFilter
	short  *lexicon.ShortWords[string]
}

func makeMap(m map[string]string) wordMap {
	wm := wordMap{m: m, short: lexicon.NewShortWords(m)}
	for w := range m {
		wm.filter.Add(w)
	}
	return wm
}

// get returns the value of word w.
func (m *wordMap) get(w string) (string, bool) {
	if !m.filter.HasString(w) {
		return "", false
	}
	if k, ok := lexicon.PackWord(w); ok {
		return m.short.Get(k)
	}
	v, ok := m.m[w]
	return v, ok
}

func makeSet(words ...string) wordSet {
	s := wordSet{m: make(map[string]struct{}, len(words))}
	for _, w := range words {
		s.m[w] = struct{}{}
		s.filter.Add(w)
	}
	s.short = lexicon.NewShortWords(s.m)
	return s
}

// tables holds every word list of the component. It is built once per
// Component and never written afterwards.
type tables struct {
	function     wordSet // closed-class words, lower case
	sentCommon   wordSet // capitalised words that start sentences and are not names
	honorific    wordSet // Mr. Mrs. Dr. ...
	titleHead    wordSet // lower case heads of roles: president, envoy, sen.
	titleMod     wordSet // lower case modifiers kept in a title: former, special, deputy
	titleStop    wordSet // adjectives a title drops: longtime, new, then
	plural       wordMap
	orgHead      wordSet // words that end or head organisation names: University, Bank, Party
	personVerb   wordSet // verbs that follow a person subject: said, told, added
	actorVerb    wordSet // words after a capital used as an actor: is, may, has, said
	locPrep      wordSet // prepositions before a place: in, at, near
	connector    wordSet // lower-case particles inside person names: de, van, bin
	connector2   wordSet // a second particle after the first: de la, van der
	outletBefore wordSet // nouns before the name of a news outlet: newspaper, magazine
	pronounM     wordSet
	pronounF     wordSet
	pronounSex   wordMap           // the words of pronounM and pronounF -> "m" or "f"
	party        wordMap           // Democrat -> D
	seat         map[string]string // seats of government -> country
	seatKeys     wordSet           // the keys of seat, to turn other phrases away without hashing
	sportVerb    wordSet           // verbs between two teams: beat, drew
	determiners  wordSet
	calendar     wordSet // days and months: capitalised, never entities
	eventHead    wordSet // words that end names of events and prizes: Cup, Open, Games
	placeHead    wordSet // words that end names of places and facilities: Square, Stadium
	misc         wordSet // capitalised words naming events, holidays and the like: Olympic, Christmas
	placeOf      wordSet // nouns before "of" and a place: city, town, province
	placeAfter   wordSet // nouns after a place's name: province, region
	orgBefore    wordSet // nouns before an organisation's name: club, company, newspaper
	orgAfter     wordSet // words after an organisation's name: shares, spokesman, Inc
	orgOf        wordSet // nouns before "of" or "in" and an organisation: shares, stake
	sportRole    wordSet // players and staff after a club's name: striker, captain, coach
	productAfter wordSet // nouns after the name of a benchmark or product: crude, futures
}

// seatOf returns the country whose seat of government the phrase names.
func (t *tables) seatOf(phrase string) (string, bool) {
	if !t.seatKeys.filter.HasString(phrase) {
		return "", false
	}
	c, ok := t.seat[phrase]
	return c, ok
}

func newTables() *tables {
	t := newWordTables()
	keys := make([]string, 0, len(t.seat))
	for k := range t.seat {
		keys = append(keys, k)
	}
	t.seatKeys = makeSet(keys...)
	sex := map[string]string{}
	for w := range t.pronounM.m {
		sex[w] = "m"
	}
	for w := range t.pronounF.m {
		if _, both := sex[w]; !both {
			sex[w] = "f"
		}
	}
	t.pronounSex = makeMap(sex)
	return t
}

func newWordTables() *tables {
	return &tables{
		function: makeSet(
			"a", "an", "the", "this", "that", "these", "those", "some", "any", "each", "every",
			"no", "all", "both", "either", "neither", "such", "what", "which", "who", "whom",
			"whose", "where", "when", "why", "how", "whether", "if", "then", "than", "so",
			"and", "or", "but", "nor", "yet", "for", "of", "in", "on", "at", "by", "to",
			"from", "with", "without", "into", "onto", "over", "under", "after", "before",
			"since", "until", "while", "during", "about", "above", "below", "between",
			"among", "against", "through", "across", "around", "behind", "beyond", "near",
			"off", "out", "up", "down", "as", "per", "via", "despite", "unlike", "like",
			"i", "you", "he", "she", "it", "we", "they", "me", "him", "her", "us", "them",
			"my", "your", "his", "its", "our", "their", "mine", "yours", "hers", "ours",
			"theirs", "is", "are", "was", "were", "be", "been", "being", "am", "has",
			"have", "had", "do", "does", "did", "will", "would", "shall", "should", "can",
			"could", "may", "might", "must", "not", "also", "only", "just", "even", "still",
			"there", "here", "now", "today", "yesterday", "tomorrow", "meanwhile",
			"however", "although", "though", "because", "unless", "once", "instead",
			"indeed", "moreover", "furthermore", "asked", "according", "v", "vs", "vs.",
			"more", "most", "many", "much", "few", "several", "other", "another", "one",
			"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
			"first", "second", "third", "last", "next", "new", "former", "earlier",
			"later", "again", "already", "never", "always", "often", "very", "well",
		),
		sentCommon: makeSet(
			"Despite", "Analysts", "Officials", "Sources", "Reports",
			"Critics", "Experts", "Investors", "Traders", "Lawmakers", "Police",
			"Shares", "Prices", "Stocks", "Markets", "Results", "Earlier", "Later",
			"Overall", "Separately", "Still", "Instead", "Yes", "No", "Please", "Thank",
			"Thanks", "Let", "Let's", "Even", "Only", "Just", "Many", "Most", "Some",
			"Several", "Such", "Other", "Others", "People", "Now", "Today", "Tonight",
		),
		honorific: makeSet(
			"Mr.", "Mrs.", "Ms.", "Miss", "Dr.", "Prof.", "Sir", "Dame", "Lord", "Lady",
			"Rev.", "Mr", "Mrs", "Ms", "Dr", "Mme", "Mme.", "Mlle", "Herr", "Madame",
			"Monsieur", "Señor", "Sheikh", "Rabbi", "Imam", "Father", "Sister",
		),
		titleHead: makeSet(
			"president", "vice-president", "president-elect", "secretary", "minister",
			"premier", "chancellor", "leader", "envoy", "ambassador", "senator", "sen.",
			"sens.", "rep.", "reps.", "representative", "congressman", "congresswoman",
			"gov.", "govs.", "governor", "mayor", "lawmaker", "speaker", "whip",
			"chairman", "chairwoman", "chair", "chairperson", "ceo", "cfo", "coo",
			"executive", "director", "spokesman", "spokeswoman", "spokesperson",
			"judge", "justice", "attorney", "prosecutor", "counsel", "adviser", "advisor",
			"aide", "analyst", "economist", "strategist", "official", "officer",
			"commander", "general", "gen.", "lt.", "col.", "maj.", "capt.", "sgt.",
			"adm.", "admiral", "captain", "coach", "manager", "striker", "midfielder",
			"defender", "goalkeeper", "king", "queen", "prince", "princess", "pope",
			"emperor", "sultan", "emir", "sheikh", "commissioner", "sheriff",
			"inspector", "superintendent", "archbishop", "bishop", "cardinal",
			"professor", "prof.", "founder", "owner", "candidate", "nominee",
			"chief", "head", "administrator", "czar", "negotiator", "mediator",
			"correspondent", "reporter", "editor", "columnist", "commentator",
			"investor", "banker", "trader", "partner", "dean", "provost", "rector",
			"treasurer", "comptroller", "auditor", "chief of staff", "president's",
			"all-rounder", "batsman", "bowler", "skipper", "champion", "winger",
			"forward", "playmaker", "pitcher", "quarterback", "rider", "driver",
		),
		titleMod: makeSet(
			"former", "acting", "deputy", "vice", "assistant", "associate", "special",
			"senior", "chief", "foreign", "prime", "interim", "principal", "national",
			"federal", "state", "top", "presidential", "general", "executive", "managing",
			"junior", "defense", "defence", "finance", "interior", "trade", "economy",
			"energy", "health", "education", "justice", "security", "intelligence",
			"military", "economic", "political", "legal", "press", "communications",
			"policy", "foreign-policy", "majority", "minority", "ranking", "lead",
			"bank", "market", "oil", "investment", "equity", "credit", "research",
			"district", "regional", "county", "city", "party", "union", "opposition",
			"rebel", "army", "navy", "police", "fund", "portfolio", "retired",
		),
		titleStop: makeSet(
			"longtime", "long-time", "new", "newly", "then", "then-", "current",
			"veteran", "outgoing", "incoming", "embattled", "controversial", "popular",
			"influential", "powerful", "respected", "beleaguered", "recent", "late",
			"future", "would-be", "self-styled", "so-called",
		),
		plural: makeMap(map[string]string{
			"Sens.": "Sen.", "Reps.": "Rep.", "Govs.": "Gov.", "senators": "senator",
			"Senators": "Senator", "representatives": "representative",
			"governors": "governor", "ministers": "minister", "Ministers": "Minister",
			"envoys": "envoy", "officials": "official", "lawmakers": "lawmaker",
			"analysts": "analyst", "economists": "economist",
		}),
		orgHead: makeSet(
			"University", "College", "Institute", "Academy", "School", "Bank", "Group",
			"Corp", "Corp.", "Corporation", "Inc", "Inc.", "Co", "Co.", "Ltd", "Ltd.",
			"LLC", "Plc", "PLC", "plc", "AG", "SA", "S.A.", "NV", "N.V.", "GmbH",
			"Holdings", "Industries", "Company", "Companies", "Partners", "Capital",
			"Fund", "Trust", "Foundation", "Association", "Society", "Council",
			"Committee", "Commission", "Agency", "Authority", "Administration",
			"Department", "Ministry", "Office", "Bureau", "Service", "Services",
			"Party", "Union", "Federation", "League", "Club", "United", "City", "FC",
			"Rovers", "Wanderers", "Athletic", "Albion", "Hospital", "Court", "Senate",
			"Congress", "Parliament", "Assembly", "Army", "Navy", "Force", "Forces",
			"Police", "Guard", "Airlines", "Airways", "Motors", "Energy", "Oil",
			"Petroleum", "Systems", "Technologies", "Communications", "Pharmaceuticals",
			"Securities", "Exchange", "Board", "Reserve", "Organization",
			"Organisation", "Alliance", "Coalition", "Movement", "Front", "Brigade",
			"Brigades", "Church", "Times", "Post", "Journal", "Herald", "Tribune",
			"News", "Press", "Network", "Television", "Radio", "Broadcasting",
			"Mining", "Motor", "Steel", "Bancorp", "Insurance", "Investment",
			"Investments", "Telecom", "Electric", "Chemical", "Chemicals", "Foods",
			"Stores", "Group's",
			// Heads of names in other European languages, written first:
			// "Banco do Brasil", "Universidad de Chile", "Institut Pasteur".
			"Banco", "Banca", "Banque", "Universidad", "Universidade", "Università",
			"Universität", "Université", "Instituto", "Istituto", "Institut", "Compañía",
			"Companhia", "Compagnie", "Ministerio", "Ministério", "Ministère", "Partido",
			"Parti", "Partei", "Grupo", "Gruppo", "Groupe", "Fundación", "Fundação",
			"Fondation", "Stiftung", "Sociedad", "Société", "Asociación", "Associação",
			"Federación", "Confederación", "Tribunal", "Consejo", "Conseil", "Comisión",
			"Agencia", "Agência", "Escuela", "Colegio", "Deportivo", "Atlético",
			"Sporting", "Hôpital", "Museo", "Musée", "Museu",
		),
		personVerb: makeSet(
			"said", "says", "told", "added", "asked", "wrote", "tweeted", "explained",
			"noted", "argued", "insisted", "warned", "stressed", "recalled", "replied",
			"responded", "admitted", "acknowledged", "claimed", "denied", "confirmed",
			"believes", "thinks", "thought", "died", "resigned", "scored", "won", "lost",
			"married", "born", "himself", "herself",
		),
		actorVerb: makeSet(
			"is", "was", "has", "had", "have", "may", "might", "could", "would", "will",
			"can", "must", "should", "says", "said", "wants", "wanted", "denied",
			"denies", "insists", "insisted", "accused", "accuses", "warned", "warns",
			"claims", "claimed", "rejected", "rejects", "announced", "responded",
			"continues", "continued", "refused", "refuses", "plans", "planned",
			"sought", "seeks", "does", "did", "hopes", "believes", "sees", "saw",
		),
		locPrep: makeSet(
			"in", "at", "near", "outside", "inside", "around", "across", "throughout",
			"within", "visit", "visited", "visiting", "visits", "into", "toward",
			"towards", "nearby", "downtown", "suburban",
		),
		connector: makeSet(
			"de", "da", "di", "del", "della", "der", "den", "van", "von", "la", "le",
			"du", "dos", "das", "bin", "ibn", "al", "el", "ben", "abu", "y", "do", "des",
			"dei", "degli", "delle", "zu", "ter", "ten",
		),
		connector2: makeSet("la", "las", "los", "le", "der", "den", "l'"),
		outletBefore: makeSet(
			"newspaper", "newspapers", "daily", "weekly", "magazine", "tabloid", "broadsheet",
			"broadcaster", "paper", "outlet", "website", "newsweekly", "monthly",
		),
		pronounM: makeSet("he", "He", "him", "Him", "his", "His", "himself", "HE", "HIS"),
		pronounF: makeSet("she", "She", "her", "Her", "hers", "herself", "SHE", "HER"),
		party: makeMap(map[string]string{
			"Democrat": "D", "Democratic": "D", "Democrats": "D", "Republican": "R",
			"Republicans": "R", "GOP": "R", "Independent": "I",
		}),
		seat: map[string]string{
			"Kremlin":        "Russia",
			"White House":    "United States",
			"Downing Street": "United Kingdom",
			"Elysee":         "France",
			"Élysée":         "France",
			"Zhongnanhai":    "China",
			"Quai d'Orsay":   "France",
			"Blue House":     "South Korea",
		},
		sportVerb: makeSet(
			"beat", "beats", "drew", "draw", "defeated", "defeat", "lost", "lose",
			"edged", "thrashed", "routed", "overcame", "outplayed", "v", "vs", "vs.",
			"against", "host", "hosts", "hosted", "played", "play", "trail",
		),
		calendar: makeSet(
			"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
			"January", "February", "March", "April", "June", "July", "August",
			"September", "October", "November", "December", "Jan.", "Feb.", "Aug.",
			"Sept.", "Sep.", "Oct.", "Nov.", "Dec.", "Jan", "Feb", "Aug", "Sept", "Sep",
			"Oct", "Nov", "Dec", "Mar", "Apr", "Jun", "Jul", "MONDAY", "TUESDAY", "WEDNESDAY",
			"THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY",
		),
		eventHead: makeSet(
			"Cup", "Open", "Championship", "Championships", "Games", "Olympics", "Prix",
			"Series", "Trophy", "Classic", "Tournament", "Masters", "Marathon", "Rally",
			"Derby", "Day", "Awards", "Award", "War", "Prize", "Festival", "Slam", "Bowl",
			"Olympiad", "Invitational", "Challenge", "Grand", "Tour", "CUP", "OPEN", "GAMES",
			"CHAMPIONSHIP", "CHAMPIONSHIPS", "PRIX", "SERIES", "TROPHY", "CLASSIC",
		),
		misc: makeSet(
			"Olympic", "Olympics", "Paralympic", "Paralympics", "Christmas", "Easter",
			"Ramadan", "Hanukkah", "Diwali", "Thanksgiving", "Eid", "Passover", "Lent",
			"Internet", "Nobel", "Oscar", "Oscars", "Grammy", "Emmy", "Wimbledon",
		),
		placeHead: makeSet(
			"Square", "Park", "Street", "Road", "Avenue", "Boulevard", "Centre", "Center",
			"Stadium", "Arena", "Falls", "River", "Lake", "Mountains", "Mountain", "Mount",
			"Island", "Islands", "Bay", "Sea", "Ocean", "Valley", "Bridge", "Airport",
			"Strait", "Straits", "Gulf", "Desert", "Peninsula", "Canal", "Coast", "Hills",
			"Heights", "Basin", "Plain", "Plains", "Plateau", "Forest", "Harbour", "Harbor",
			"Province", "District", "County", "Region", "Oblast", "Prefecture", "Territory",
			"Ground", "Oval", "Circuit", "Palace", "Castle", "Cathedral", "Prison",
		),
		placeOf: makeSet(
			"city", "town", "village", "province", "region", "state", "district", "county",
			"capital", "island", "islands", "suburb", "suburbs", "outskirts", "port",
			"municipality", "prefecture", "republic", "enclave", "territory", "hamlet",
			"cities", "towns", "villages", "provinces", "regions", "states", "streets",
		),
		placeAfter: makeSet(
			"province", "region", "district", "county", "prefecture", "oblast",
			"governorate", "valley", "airport", "island", "peninsula", "border",
			"residents", "villagers", "townspeople",
		),
		orgBefore: makeSet(
			"club", "side", "team", "company", "firm", "group", "agency", "chain",
			"daily", "newspaper", "weekly", "magazine", "broadcaster", "network",
			"carrier", "airline", "maker", "manufacturer", "retailer", "insurer",
			"broker", "brokerage", "conglomerate", "subsidiary", "unit", "bank",
			"lender", "miner", "refiner", "automaker", "carmaker", "distributor",
			"publisher", "producer", "operator", "supplier", "exporter", "importer",
			"developer", "outfit", "party", "movement", "faction", "label", "studio",
		),
		orgAfter: makeSet(
			"Inc", "Corp", "shares", "stock", "stocks", "shareholders", "spokesman",
			"spokeswoman", "spokesperson", "chairman", "chairwoman", "executives",
			"subsidiary", "employees", "board", "newspaper", "daily", "bosses",
		),
		orgOf: makeSet(
			"shares", "stake", "stakes", "shareholders", "subsidiary", "unit",
			"chairman", "executives", "shareholder", "takeover", "acquisition",
		),
		sportRole: makeSet(
			"striker", "midfielder", "defender", "goalkeeper", "keeper", "captain",
			"skipper", "coach", "manager", "fans", "supporters", "team-mate",
			"teammate", "winger", "forward", "batsman", "bowler", "all-rounder",
			"player", "players", "squad", "playmaker", "fullback", "full-back",
			"centre-back", "center-back", "quarterback", "pitcher", "outfielder",
			"infielder", "catcher", "shortstop", "rookie", "chairman", "opener",
		),
		productAfter: makeSet("crude", "futures", "blend", "contract", "contracts"),
		determiners:  makeSet("the", "a", "an", "The", "A", "An", "this", "that", "its", "their", "his", "her", "our", "whose"),
	}
}
