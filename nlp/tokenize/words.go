package tokenize

// The small closed word lists the tokenizer and the sentence splitter need.
// They are general knowledge of English news style (AP and Reuters
// abbreviations, unit suffixes, closed-class words), written as switch
// statements: the compiler turns them into a length-then-value search with no
// allocation and no mutable state.

// abbrevClass says how a word written with a final period behaves.
type abbrevClass uint8

const (
	notAbbrev abbrevClass = iota
	// abbrevTitle precedes a name or a number and never ends a sentence
	// ("Sen.", "Dr.", "Gen.", "vs.", "e.g.").
	abbrevTitle
	// abbrevNumber is an abbreviation only when a number follows ("No. 1",
	// "Fig. 3"); otherwise the period is a full stop ("He said No.").
	abbrevNumber
	// abbrevGeneric may end a sentence ("Inc.", "Jr.", "Calif.", "Jan.",
	// "U.S."): the sentence ends only when a word that typically opens a
	// sentence follows.
	abbrevGeneric
	// abbrevClause is lower case and often ends a clause ("etc.", "a.m.",
	// "p.m."): the sentence ends when any capitalized word follows, except a
	// time-zone word.
	abbrevClause
	// abbrevInitial is a single capital letter with a period ("W.", "J."),
	// an initial in a name.
	abbrevInitial
)

// lookupAbbrev returns the class of w, a word without its final period.
// Matching is case-sensitive: "Gen." is a title, "gen." is not.
func lookupAbbrev(w string) abbrevClass {
	switch w {
	// Titles and ranks that precede a name.
	case "Mr", "Mrs", "Ms", "Messrs", "Mmes", "Dr", "Drs", "Prof", "Profs",
		"Sen", "Sens", "Rep", "Reps", "Gov", "Govs", "Lt", "Gen", "Gens",
		"Col", "Maj", "Capt", "Sgt", "Cpl", "Pvt", "Adm", "Cmdr", "Brig",
		"Pres", "Supt", "Rev", "Hon", "Fr", "Msgr", "Atty", "Insp", "Det",
		"Amb", "Asst", "Rt", "Sec", "Lieut", "Cdr", "Spc", "Ens":
		return abbrevTitle
	// Words that never end a sentence in news text.
	case "vs", "v", "cf", "viz", "e.g", "i.e", "approx", "ca":
		return abbrevTitle
	case "No", "Nos", "no", "nos", "Vol", "vol", "Vols", "Fig", "fig", "Figs",
		"pp", "Ch", "ch", "Art", "Sect", "Para", "para":
		return abbrevNumber
	// Company and name suffixes, places, months (AP style; May, June and
	// July are written out).
	case "Inc", "Corp", "Co", "Cos", "Ltd", "Bros", "Jr", "Sr", "Dept",
		"Univ", "Assn", "Ave", "Blvd", "Rd", "St", "Mt", "Ft", "Hwy", "Pl",
		"Sq", "Ct", "Esq", "Intl", "Natl", "Govt", "est", "al",
		"Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct",
		"Nov", "Dec",
		// US states (AP abbreviations) and Canadian provinces.
		"Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga",
		"Ill", "Ind", "Kan", "Kans", "Ky", "La", "Md", "Mass", "Mich", "Minn",
		"Miss", "Mo", "Mont", "Neb", "Nev", "Okla", "Ore", "Pa", "Tenn", "Tex",
		"Va", "Vt", "Wash", "Wis", "Wyo", "Alta", "Ont", "Que", "Sask":
		return abbrevGeneric
	case "etc", "a.m", "p.m", "A.M", "P.M":
		return abbrevClause
	}
	return notAbbrev
}

// isUnitSuffix reports whether letters written right after a number are a
// unit or a scale ("1.13bn", "5m", "10km", "25bp", "3pm"), which the
// tokenizer splits off as a word of their own.
func isUnitSuffix(w string) bool {
	switch w {
	case "k", "K", "m", "M", "mn", "mln", "b", "B", "bn", "bln", "tn", "trn",
		"pc", "bp", "bps", "x",
		"am", "pm", "AM", "PM", "h", "hr", "hrs", "min", "mins", "sec", "secs",
		"ms", "yr", "yrs",
		"mm", "cm", "km", "mi", "ft", "in", "yd", "kg", "g", "mg", "lb", "lbs",
		"oz", "t", "l", "ml", "mph", "kph", "kmh", "kt", "kts",
		"W", "kW", "kw", "MW", "mw", "GW", "gw", "kWh", "kwh", "MWh", "GWh",
		"TWh", "Hz", "kHz", "MHz", "GHz", "KB", "kb", "MB", "mb", "GB", "gb",
		"TB", "tb", "Mbps", "Gbps", "C", "F":
		return true
	}
	return false
}

// isNumberSuffix reports whether letters after a number keep it a number:
// ordinals and decades ("2nd", "21st", "1990s").
func isNumberSuffix(w string) bool {
	switch w {
	case "st", "nd", "rd", "th", "s", "ST", "ND", "RD", "TH", "S":
		return true
	}
	return false
}

// isClitic reports whether the letters after an apostrophe are an English
// clitic split off Penn-style ("'s", "'re", "'ve", "'ll", "'d", "'m").
func isClitic(w string) bool {
	switch w {
	case "s", "re", "ve", "ll", "d", "m", "S", "RE", "VE", "LL", "D", "M":
		return true
	}
	return false
}

// isElision reports whether the letters after a word-initial apostrophe
// make an elided word rather than open a quotation ("'em", "'til", "'tis").
// "'n'" is handled by the caller because it has two apostrophes.
func isElision(w string) bool {
	switch w {
	case "em", "til", "cause", "tis", "twas", "bout", "round", "nuff":
		return true
	}
	return false
}

// isSentenceOpener reports whether a capitalized word is one that typically
// opens a sentence rather than continues a name: determiners, pronouns,
// conjunctions, prepositions and sentence adverbs. After an abbreviation that
// may end a sentence ("in the U.S. The next day"), such a word means the
// sentence did end there.
func isSentenceOpener(w string) bool {
	switch w {
	case "The", "A", "An", "This", "That", "These", "Those", "It", "Its",
		"He", "She", "They", "We", "I", "You", "His", "Her", "Their", "Our",
		"My", "Your", "There", "Here", "Some", "Many", "Most", "All", "Both",
		"Each", "Every", "Other", "Others", "Such", "No", "None", "Neither",
		"Either", "Several", "Few", "One", "Two", "Three", "Any",
		"But", "And", "Or", "So", "Yet", "Nor", "However", "Meanwhile",
		"Still", "Also", "Then", "Now", "Instead", "Moreover", "Furthermore",
		"Nonetheless", "Nevertheless", "Indeed", "Thus", "Hence", "Later",
		"Earlier", "Last", "Next", "Finally", "Afterward", "Afterwards",
		"If", "When", "While", "Although", "Though", "Because", "Since",
		"As", "After", "Before", "Until", "Unless", "Once", "Whether",
		"In", "On", "At", "For", "With", "Without", "From", "By", "To",
		"Of", "Under", "Over", "During", "Despite", "Among", "Amid",
		"Against", "Through", "About", "According", "Asked", "Speaking",
		"What", "Which", "Who", "Whom", "Whose", "Why", "How", "Where",
		"Not", "Yes", "Officials", "Analysts", "Critics", "Police",
		"Mr.", "Mrs.", "Ms.", "Dr.":
		return true
	}
	return false
}

// isTimeContinuer reports whether a capitalized word after "a.m." or "p.m."
// continues the time ("9 a.m. ET", "3 p.m. Tuesday") rather than opening a
// new sentence.
func isTimeContinuer(w string) bool {
	switch w {
	case "ET", "EST", "EDT", "CT", "CST", "CDT", "MT", "MST", "MDT", "PT",
		"PST", "PDT", "GMT", "BST", "UTC", "CET", "CEST", "JST", "IST",
		"Eastern", "Central", "Mountain", "Pacific", "Local",
		"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
		"Sunday", "January", "February", "March", "April", "May", "June",
		"July", "August", "September", "October", "November", "December",
		"Jan.", "Feb.", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.":
		return true
	}
	return false
}

// isSpeechVerb reports whether a lower-case word is a verb that reports
// speech. A quotation ending in "?" or "!" followed by a name and such a
// verb ("Why?" Smith asked.) does not end the sentence.
func isSpeechVerb(w string) bool {
	switch w {
	case "said", "says", "asked", "asks", "added", "adds", "told", "tells",
		"wrote", "writes", "replied", "replies", "responded", "continued",
		"shouted", "yelled", "tweeted", "posted", "recalled", "explained",
		"insisted", "argued", "noted", "warned", "declared", "exclaimed",
		"cried", "answered", "remarked", "quipped", "conceded", "admitted",
		"stated", "wondered", "demanded", "urged", "claimed", "countered":
		return true
	}
	return false
}

// isLineContinuer reports whether a lower-case word cannot end a line of a
// headline, so that a line break after it is a hard wrap inside a sentence.
func isLineContinuer(w string) bool {
	switch w {
	case "the", "a", "an", "of", "to", "and", "or", "in", "on", "for",
		"with", "by", "at", "from", "as", "that", "his", "her", "their",
		"its", "our", "but", "is", "was", "are", "were", "be", "has", "have",
		"had", "will", "would", "said", "says", "this", "these", "than":
		return true
	}
	return false
}
