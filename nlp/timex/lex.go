package timex

import (
	"sync"

	"dossier/lexicon"
)

// cls is a bit set of what a word can be in a time expression.
type cls uint16

const (
	cWeekday cls = 1 << iota // monday..sunday; val 1..7 (ISO: Monday = 1)
	cMonth                   // january..december; val 1..12
	cMonAbbr                 // jan, feb, ..., sept: a month only before a day number or a year
	cNumWord                 // one..ninety, a, an, dozen; val = the number (0 = vague: several, few)
	cOrdinal                 // first..fourth, 1st..4th handled apart; val 1..12
	cUnit                    // second..century; val = a unit constant
	cPartDay                 // morning, afternoon, evening, night; val = a part constant
	cSeason                  // spring, summer, fall, autumn, winter; val = a season constant
	cSetAdv                  // daily, weekly...; val = a unit constant
	cTZ                      // ET, EST, GMT...: a time zone after a clock time
	cFuture                  // a cue of future tense (will, plans, scheduled...)
	cPast                    // a cue of past tense (said, was, told...)
	cDateCue                 // a preposition or modifier after which a month or a year is a date
	cKey                     // a keyword; val = a kw constant
	cIntent                  // a word of intention before "to" (hope, aim, vowed): a future cue
)

// Units, ordered from small to large.
const (
	uSecond = iota + 1
	uMinute
	uHour
	uDay
	uWeek
	uMonth
	uQuarter
	uYear
	uDecade
	uCentury
)

// Parts of day, as TIMEX3 suffixes.
const (
	pMorning = iota + 1
	pAfternoon
	pEvening
	pNight
)

// Seasons in TIMEX3 order within a year.
const (
	sSpring = iota + 1
	sSummer
	sFall
	sWinter
)

// Keywords.
const (
	kwThe = iota + 1
	kwLast
	kwNext
	kwThis
	kwPast
	kwPrevious
	kwComing
	kwAgo
	kwEarlier
	kwLater
	kwEarly
	kwLate
	kwMid
	kwFiscal
	kwHalf
	kwWeekend
	kwEvery
	kwEach
	kwPer
	kwOf
	kwRecent
	kwCurrent
	kwAt
	kwToday
	kwYesterday
	kwTomorrow
	kwTonight
	kwNow
	kwCurrently
	kwRecently
	kwSoon
	kwFuture
	kwPreviously
	kwNowadays
	kwThese
	kwDays // "these days"
	kwNoon
	kwMidnight
	kwLatest
	kwEnd
	kwBeginning
	kwAM
	kwPM
	kwOld
	kwQ // the letter q of "Q3"
	kwOnce
	kwTwice
	kwTimes
	kwNear
	kwCentury
	kwAnd
	kwFrom
	kwIn
	kwOn
	kwBy
)

// lex is what the lexicon knows about one lower-case word.
type lex struct {
	c   cls
	kw  uint8
	val int16
}

func (l lex) is(c cls) bool { return l.c&c != 0 }

// wordFilter holds the words of words: atomize skips the hashing for a
// word it turns away (most words of a text).
var wordFilter = sync.OnceValue(func() *lexicon.WordFilter {
	var f lexicon.WordFilter
	for w := range words() {
		f.Add(w)
	}
	return &f
})

// short holds the words of words of up to lexicon.MaxShort bytes, for
// lookups by their packed bytes.
var short = sync.OnceValue(func() *lexicon.ShortWords[lex] { return lexicon.NewShortWords(words()) })

// words is the lexicon of time words, general English, built once.
var words = sync.OnceValue(func() map[string]lex {
	m := map[string]lex{}
	add := func(w string, c cls, val int, kw int) {
		old := m[w]
		old.c |= c
		if val != 0 {
			old.val = int16(val)
		}
		if kw != 0 {
			old.kw = uint8(kw)
		}
		m[w] = old
	}
	for i, w := range []string{"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"} {
		add(w, cWeekday, i+1, 0)
	}
	for i, w := range []string{"january", "february", "march", "april", "may", "june", "july",
		"august", "september", "october", "november", "december"} {
		add(w, cMonth, i+1, 0)
	}
	for w, v := range map[string]int{"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7,
		"aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12} {
		add(w, cMonAbbr, v, 0)
	}
	for i, w := range []string{"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
		"eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
		"nineteen", "twenty"} {
		add(w, cNumWord, i+1, 0)
	}
	for i, w := range []string{"thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"} {
		add(w, cNumWord, (i+3)*10, 0)
	}
	add("a", cNumWord, 1, 0)
	add("an", cNumWord, 1, 0)
	add("dozen", cNumWord, 12, 0)
	add("hundred", cNumWord, 100, 0)
	for _, w := range []string{"several", "few", "many", "some", "couple"} {
		add(w, cNumWord, -1, 0) // vague: X in values
	}
	for i, w := range []string{"first", "second", "third", "fourth", "fifth", "sixth", "seventh",
		"eighth", "ninth", "tenth", "eleventh", "twelfth"} {
		add(w, cOrdinal, i+1, 0)
	}
	for w, v := range map[string]int{
		"second": uSecond, "seconds": uSecond, "minute": uMinute, "minutes": uMinute,
		"hour": uHour, "hours": uHour, "day": uDay, "days": uDay, "week": uWeek, "weeks": uWeek,
		"month": uMonth, "months": uMonth, "quarter": uQuarter, "quarters": uQuarter,
		"year": uYear, "years": uYear, "decade": uDecade, "decades": uDecade,
		"century": uCentury, "centuries": uCentury,
	} {
		add(w, cUnit, v, 0)
	}
	for w, v := range map[string]int{"morning": pMorning, "afternoon": pAfternoon,
		"evening": pEvening, "night": pNight} {
		add(w, cPartDay, v, 0)
	}
	for w, v := range map[string]int{"spring": sSpring, "summer": sSummer, "fall": sFall,
		"autumn": sFall, "winter": sWinter} {
		add(w, cSeason, v, 0)
	}
	for w, v := range map[string]int{"hourly": uHour, "daily": uDay, "nightly": uDay, "weekly": uWeek,
		"monthly": uMonth, "quarterly": uQuarter, "annually": uYear, "yearly": uYear} {
		add(w, cSetAdv, v, 0)
	}
	for _, w := range []string{"et", "est", "edt", "ct", "cst", "cdt", "mt", "mst", "mdt", "pt", "pst",
		"pdt", "gmt", "utc", "bst", "cet", "cest"} {
		add(w, cTZ, 0, 0)
	}
	for _, w := range []string{"will", "shall", "would", "ll", "wo", "plan", "plans", "planned",
		"planning", "scheduled", "expected", "expects", "expect", "upcoming", "going", "intends",
		"intend", "aims", "due", "tomorrow", "next", "forthcoming", "slated"} {
		add(w, cFuture, 0, 0)
	}
	for _, w := range []string{"hope", "hopes", "hoping", "aim", "aims", "aiming", "intend",
		"intends", "intending", "seek", "seeks", "seeking", "want", "wants", "promise",
		"promises", "promised", "pledge", "pledges", "pledged", "vow", "vows", "vowed",
		"expect", "expects", "expected", "expecting", "likely", "poised", "ready",
		"prepared", "preparing", "prepare", "prepares", "threaten", "threatens",
		"threatened", "due", "slated", "scheduled", "set", "plan", "plans", "planned",
		"planning", "going"} {
		add(w, cIntent, 0, 0)
	}
	for _, w := range []string{"said", "was", "were", "had", "did", "told", "ago", "last",
		"yesterday", "earlier", "met", "made", "took", "came", "went", "began", "gave", "held",
		"saw", "left", "won", "lost", "fell", "rose", "hit", "spoke", "wrote", "sent", "got"} {
		add(w, cPast, 0, 0)
	}
	for _, w := range []string{"in", "since", "until", "till", "by", "of", "during", "before", "after",
		"through", "from", "early", "late", "mid", "between", "and", "fiscal", "throughout",
		"around", "circa", "last", "next", "this", "through", "end", "beginning", "start"} {
		add(w, cDateCue, 0, 0)
	}
	for w, k := range map[string]int{
		"the": kwThe, "last": kwLast, "next": kwNext, "this": kwThis, "past": kwPast,
		"previous": kwPrevious, "coming": kwComing, "ago": kwAgo, "earlier": kwEarlier,
		"later": kwLater, "early": kwEarly, "late": kwLate, "mid": kwMid, "fiscal": kwFiscal,
		"half": kwHalf, "weekend": kwWeekend, "every": kwEvery, "each": kwEach, "per": kwPer,
		"of": kwOf, "recent": kwRecent, "current": kwCurrent, "at": kwAt, "today": kwToday,
		"yesterday": kwYesterday, "tomorrow": kwTomorrow, "tonight": kwTonight, "now": kwNow,
		"currently": kwCurrently, "recently": kwRecently, "soon": kwSoon, "future": kwFuture,
		"previously": kwPreviously, "nowadays": kwNowadays, "these": kwThese, "noon": kwNoon,
		"midday": kwNoon, "midnight": kwMidnight, "latest": kwLatest, "end": kwEnd,
		"beginning": kwBeginning, "start": kwBeginning, "am": kwAM, "pm": kwPM, "old": kwOld, "q": kwQ,
		"once": kwOnce, "twice": kwTwice, "times": kwTimes, "near": kwNear,
		"and": kwAnd, "from": kwFrom, "in": kwIn, "on": kwOn, "by": kwBy, "lately": kwRecently,
		"formerly": kwPreviously, "days": kwDays,
	} {
		add(w, cKey, 0, k)
	}
	return m
})
