package lexicon

import (
	"strings"
	"testing"
)

func TestLookup(t *testing.T) {
	l := Default()
	tests := []struct {
		give        string
		wantClass   Class // every bit must be present
		wantName    string
		wantCountry string
	}{
		{"Moscow", Capital | City, "Moscow", "Russia"},
		{"Tehran", Capital | City, "Tehran", "Iran"},
		{"Washington", Capital | City | Region, "Washington", "United States"},
		{"Russia", Country, "Russia", ""},
		{"Russian Federation", Country, "Russia", ""},
		{"U.S.", Country, "United States", ""},
		{"USA", Country, "United States", ""},
		{"America", Country, "United States", ""},
		{"Britain", Country, "United Kingdom", ""},
		{"U.K.", Country, "United Kingdom", ""},
		{"Holland", Country, "Netherlands", ""},
		{"South Korea", Country, "South Korea", ""},
		{"Turkey", Country, "Turkey", ""},
		{"Türkiye", Country, "Turkey", ""},
		{"Burma", Country, "Myanmar", ""},
		{"French", Demonym, "", "France"},
		{"Russians", Demonym, "", "Russia"},
		{"Americans", Demonym, "", "United States"},
		{"British", Demonym, "", "United Kingdom"},
		{"Dutch", Demonym, "", "Netherlands"},
		{"Iranian", Demonym, "", "Iran"},
		{"Kurds", Demonym, "", ""},
		{"N.Y.", Region, "New York", "United States"},
		{"Calif.", Region, "California", "United States"},
		{"Texas", Region, "Texas", "United States"},
		{"Ontario", Region, "Ontario", "Canada"},
		{"Scotland", Region, "Scotland", "United Kingdom"},
		{"Sao Paulo", City, "São Paulo", "Brazil"},
		{"Chicago", City, "Chicago", "United States"},
		{"Lagos", City, "Lagos", "Nigeria"},
		{"Middle East", Area, "Middle East", ""},
		{"Horn of Africa", Area, "Horn of Africa", ""},
		{"West Bank", Area, "West Bank", "Palestine"},
		{"Reuters", Outlet, "Reuters", "United Kingdom"},
		{"AP", Outlet, "Associated Press", "United States"},
		{"New York Times", Outlet, "The New York Times", "United States"},
		{"Al Jazeera", Outlet, "Al Jazeera", "Qatar"},
		{"NATO", Org, "NATO", ""},
		{"U.N.", Org, "United Nations", ""},
		{"Kremlin", Org, "Kremlin", "Russia"},
		{"White House", Org, "White House", "United States"},
		{"Federal Reserve", Org, "Federal Reserve", "United States"},
		{"Inc.", OrgSuffix, "", ""},
		{"Ministry", OrgSuffix, "", ""},
		{"President", TitleWord, "", ""},
		{"Sen.", TitleWord, "", ""},
		{"Prime Minister", TitleWord, "", ""},
		{"prime minister", TitleWord, "", ""},
		{"envoy", TitleWord, "", ""},
		{"spokeswoman", TitleWord, "", ""},
		{"Minority Leader", TitleWord, "", ""},
		{"special", TitleModifier, "", ""},
		{"Defense", TitleModifier, "", ""},
		{"Mr.", Honorific, "", ""},
		{"Dame", Honorific, "", ""},
		{"Republican", PartyWord, "Republican Party", "United States"},
		{"Labour", PartyWord, "Labour Party", "United Kingdom"},
		{"Tuesday", Calendar, "", ""},
		{"Sept.", Calendar, "", ""},
		{"Michael", GivenName, "", ""},
		{"Olga", GivenName, "", ""},
		{"Johnson", Surname, "", ""},
		{"McDonald", Surname, "", ""},
		{"Mary", GivenName | FemaleName, "", ""},
		{"James", GivenName | MaleName, "", ""},
		{"Dean", GivenName | MaleName, "", ""},
		{"Boston", City, "Boston", "United States"},
		{"Chechnya", Region, "Chechnya", "Russia"},
		{"Dagestan", Region, "Dagestan", "Russia"},
		{"Guangdong", Region, "Guangdong", "China"},
		{"Bavaria", Region, "Bavaria", "Germany"},
		{"Chechen", Demonym, "", "Russia"},
		{"Serbs", Demonym, "", "Serbia"},
		{"Yugoslav", Demonym, "", "Yugoslavia"},
		{"England", Country | Region, "England", "United Kingdom"},
	}
	for _, tt := range tests {
		t.Run(tt.give, func(t *testing.T) {
			e, ok := l.Lookup(tt.give)
			if !ok || !e.Has(tt.wantClass) {
				t.Fatalf("Lookup(%q) = %v, %v, want class %v", tt.give, e.Class, ok, tt.wantClass)
			}
			if e.Name != tt.wantName || e.Country != tt.wantCountry {
				t.Errorf("Lookup(%q) = name %q country %q, want %q %q", tt.give, e.Name, e.Country, tt.wantName, tt.wantCountry)
			}
		})
	}
}

func TestLookupAbsent(t *testing.T) {
	l := Default()
	tests := []struct {
		give string
		bad  Class // the entry must have none of these bits
	}{
		{"the", ^Class(0)},                // common words are only in the folded map
		{"Island", Country},               // an endonym of Iceland that is an English word
		{"Thai", Country},                 // a demonym, not a name of the country
		{"Time", Outlet},                  // an outlet named by one common word
		{"Reading", City},                 // a city named by a common word
		{"D", PartyWord},                  // a party letter only through PartyOf
		{"OR", Region},                    // postal codes only through StateAbbrev
		{"moscow", ^Class(0)},             // the exact map is case-sensitive
		{"New York", Country},             // a state and a city
		{"Georgia", Demonym},              // the country and the state, not a demonym
		{"Jackson", City},                 // a city spelled like a common surname
		{"Victoria", Country},             // a capital, a state and a name, not a country
		{"reuters", ^Class(0)},            // case-sensitive
		{"Mobile Phone", Region},          // not a phrase
		{"Mayor", Surname | GivenName},    // a role word read as the role
		{"Dean", TitleWord},               // capitalised, a given name before a role
		{"Jordan", FemaleName | MaleName}, // a given name of both sexes
		{"Kent", Region},                  // the UK's council areas are not generated
		{"Karen", Demonym},                // a given name, not a people
	}
	for _, tt := range tests {
		t.Run(tt.give, func(t *testing.T) {
			if e, ok := l.Lookup(tt.give); ok && e.Class&tt.bad != 0 {
				t.Errorf("Lookup(%q) = %v, want none of %v", tt.give, e.Class, tt.bad)
			}
		})
	}
}

func TestLookupFold(t *testing.T) {
	l := Default()
	tests := []struct {
		give string
		want Class
	}{
		{"the", Common},
		{"THE", Common},
		{"MOSCOW", Capital},
		{"Reuters", Outlet},
		{"REUTERS", Outlet},
		{"said", Common},
		{"SÃO PAULO", City},
		{"KREMLIN", Org},
		{"monday", Calendar},
	}
	for _, tt := range tests {
		t.Run(tt.give, func(t *testing.T) {
			if e, ok := l.LookupFold(tt.give); !ok || !e.Has(tt.want) {
				t.Errorf("LookupFold(%q) = %v, %v, want %v", tt.give, e.Class, ok, tt.want)
			}
		})
	}
}

func TestIsCommonAndPOS(t *testing.T) {
	l := Default()
	tests := []struct {
		give       string
		wantCommon bool
		wantPOS    POS // every bit must be present
	}{
		{"the", true, Determiner},
		{"and", true, Conjunction},
		{"of", true, Preposition},
		{"he", true, Pronoun},
		{"would", true, Modal},
		{"quickly", true, Adverb},
		{"run", true, Noun | Verb},
		{"stopped", true, Verb},
		{"bigger", true, Adjective},
		{"government", true, Noun},
		{"reading", true, Verb},
		{"china", true, Noun},
		{"moscow", false, 0},
		{"xyzzy", false, 0},
		{"", false, 0},
	}
	for _, tt := range tests {
		t.Run(tt.give, func(t *testing.T) {
			if got := l.IsCommon(tt.give); got != tt.wantCommon {
				t.Errorf("IsCommon(%q) = %v, want %v", tt.give, got, tt.wantCommon)
			}
			if got := l.POSOf(tt.give); got&tt.wantPOS != tt.wantPOS {
				t.Errorf("POSOf(%q) = %v, want %v", tt.give, got, tt.wantPOS)
			}
		})
	}
}

// TestClassOf checks that the class answers read from the map slots agree
// with the entries.
func TestClassOf(t *testing.T) {
	l := Default()
	tests := []struct {
		phrase        string
		fold          bool
		want, without Class // classes it must have and must not have
		ok            bool
	}{
		{"Moscow", false, Capital | City, Common, true},
		{"moscow", false, 0, 0, false},
		{"MOSCOW", true, Capital, 0, true},
		{"United Nations", false, Org, Country, true},
		{"the", true, Common, Country, true},
		{"the", false, 0, 0, false},
		{"Qzxv Blorp", false, 0, 0, false},
	}
	for _, tt := range tests {
		var c Class
		var ok bool
		var e Entry
		var eok bool
		if tt.fold {
			c, ok = l.FoldClassOf(tt.phrase)
			e, eok = l.LookupFold(tt.phrase)
		} else {
			c, ok = l.ClassOf(tt.phrase)
			e, eok = l.Lookup(tt.phrase)
		}
		if ok != tt.ok || c&tt.want != tt.want || c&tt.without != 0 {
			t.Errorf("class of %q (fold %v) = %v, %v; want %v without %v, %v", tt.phrase, tt.fold, c, ok, tt.want, tt.without, tt.ok)
		}
		if ok != eok || c != e.Class {
			t.Errorf("class of %q (fold %v) = %v, %v; the entry says %v, %v", tt.phrase, tt.fold, c, ok, e.Class, eok)
		}
	}
}

func TestStateAbbrev(t *testing.T) {
	l := Default()
	tests := []struct {
		give string
		want string
		ok   bool
	}{
		{"N.Y.", "New York", true},
		{"NY", "New York", true},
		{"Calif.", "California", true},
		{"Mass.", "Massachusetts", true},
		{"Fla.", "Florida", true},
		{"Ill.", "Illinois", true},
		{"Pa.", "Pennsylvania", true},
		{"Va.", "Virginia", true},
		{"W.Va.", "West Virginia", true},
		{"Wash.", "Washington", true},
		{"WA", "Washington", true},
		{"Ariz.", "Arizona", true},
		{"Texas", "Texas", true},
		{"D.C.", "District of Columbia", true},
		{"Ont.", "Ontario", true},
		{"N.S.W.", "", false},
		{"Zz.", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.give, func(t *testing.T) {
			got, ok := l.StateAbbrev(tt.give)
			if got != tt.want || ok != tt.ok {
				t.Errorf("StateAbbrev(%q) = %q, %v, want %q, %v", tt.give, got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestPartyOf(t *testing.T) {
	l := Default()
	tests := []struct {
		give     string
		wantCode string
		ok       bool
	}{
		{"D", "D", true},
		{"R", "R", true},
		{"I", "I", true},
		{"Democrat", "D", true},
		{"Democratic", "D", true},
		{"GOP", "R", true},
		{"Republicans", "R", true},
		{"Labour", "Lab", true},
		{"Tory", "Con", true},
		{"Lib Dems", "LD", true},
		{"X", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.give, func(t *testing.T) {
			got, ok := l.PartyOf(tt.give)
			if got.Code != tt.wantCode || ok != tt.ok {
				t.Errorf("PartyOf(%q) = %+v, %v, want code %q, %v", tt.give, got, ok, tt.wantCode, tt.ok)
			}
		})
	}
}

func TestCountryOf(t *testing.T) {
	l := Default()
	tests := []struct {
		give string
		want string
		ok   bool
	}{
		{"U.S.", "United States", true},
		{"American", "United States", true},
		{"Moscow", "Russia", true},
		{"Kremlin", "Russia", true},
		{"Iranians", "Iran", true},
		{"Calif.", "United States", true},
		{"Europe", "", false},
		{"Smith", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.give, func(t *testing.T) {
			got, ok := l.CountryOf(tt.give)
			if got != tt.want || ok != tt.ok {
				t.Errorf("CountryOf(%q) = %q, %v, want %q, %v", tt.give, got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestClassString(t *testing.T) {
	tests := []struct {
		give Class
		want string
	}{
		{0, "0"},
		{Country, "Country"},
		{Capital | City, "City|Capital"},
		{Calendar, "Calendar"},
	}
	for _, tt := range tests {
		if got := tt.give.String(); got != tt.want {
			t.Errorf("Class(%d).String() = %q, want %q", tt.give, got, tt.want)
		}
		if tt.give == 0 {
			continue
		}
		if got, ok := ParseClass(strings.ReplaceAll(tt.want, "|", ",")); !ok || got != tt.give {
			t.Errorf("ParseClass(%q) = %v, %v, want %v", tt.want, got, ok, tt.give)
		}
	}
}

// TestData checks the shape of the embedded data: the lists are all there,
// the common words stay out of the exact map, and every key is trimmed.
func TestData(t *testing.T) {
	l := Default()
	exact, folded := l.Len()
	if exact < 30000 || folded < 60000 {
		t.Errorf("Len() = %d, %d, want at least 30000, 60000", exact, folded)
	}
	if got := l.MaxWords(); got < 4 || got > 12 {
		t.Errorf("MaxWords() = %d, want 4..12", got)
	}
	counts := map[Class]int{}
	for k, s := range l.exactTab.all {
		e := l.ents[s.index()]
		if s.class() != e.Class || s.pos() != e.POS {
			t.Errorf("exact key %q: slot holds %v %v, entry %v %v", k, s.class(), s.pos(), e.Class, e.POS)
		}
		if k == "" || strings.TrimSpace(k) != k || strings.Contains(k, "  ") || strings.ContainsAny(k, "\t\n") {
			t.Errorf("exact key %q is not a trimmed phrase", k)
		}
		if e.Class&Common != 0 {
			t.Errorf("exact key %q has class Common", k)
		}
		for c := Country; c <= Calendar; c <<= 1 {
			if e.Class&c != 0 {
				counts[c]++
			}
		}
	}
	mins := map[Class]int{
		Country: 400, Region: 100, City: 2500, Capital: 180, Area: 100, Demonym: 400,
		GivenName: 8000, Surname: 15000, Outlet: 250, Org: 350, OrgSuffix: 100,
		TitleWord: 250, Honorific: 10, TitleModifier: 50, PartyWord: 40, Calendar: 19,
	}
	for c, min := range mins {
		if counts[c] < min {
			t.Errorf("class %v has %d phrases, want at least %d", c, counts[c], min)
		}
	}
	commons := 0
	for k, s := range l.foldTab.all {
		e := l.ents[s.index()]
		if s.class() != e.Class || s.pos() != e.POS {
			t.Errorf("folded key %q: slot holds %v %v, entry %v %v", k, s.class(), s.pos(), e.Class, e.POS)
		}
		if k != strings.ToLower(k) {
			t.Errorf("folded key %q is not lower case", k)
		}
		if e.Class&Common != 0 {
			commons++
			if e.POS == 0 {
				t.Errorf("common word %q has no part of speech", k)
			}
		}
	}
	if commons < 30000 {
		t.Errorf("%d common words, want at least 30000", commons)
	}
}

func TestNoAllocs(t *testing.T) {
	l := Default()
	tests := []struct {
		name string
		give func()
	}{
		{"Lookup", func() { l.Lookup("Moscow") }},
		{"LookupFold", func() { l.LookupFold("REUTERS") }},
		{"IsCommon", func() { l.IsCommon("the") }},
		{"ClassOf", func() { l.ClassOf("Moscow") }},
		{"FoldClassOf", func() { l.FoldClassOf("REUTERS") }},
		{"POSOf", func() { l.POSOf("said") }},
		{"StateAbbrev", func() { l.StateAbbrev("N.Y.") }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := testing.AllocsPerRun(100, tt.give); got != 0 {
				t.Errorf("%s allocs = %v, want 0", tt.name, got)
			}
		})
	}
}

// FuzzLookupFold checks the lookups against Go maps of every phrase (built
// from the tables' cells, an independent path from hashing): LookupFold's
// fast path against lower-casing the phrase, the class and part-of-speech
// answers against the entries, and that no input panics.
func FuzzLookupFold(f *testing.F) {
	for _, s := range []string{"MOSCOW", "the", "São Paulo", "N.Y.", "", "\xff", strings.Repeat("A", 70),
		"ab\x00", "United Nations Security Council", "moscow", "said", "Said"} {
		f.Add(s)
	}
	l := Default()
	exact, fold := map[string]slot{}, map[string]slot{}
	for k, s := range l.exactTab.all {
		exact[k] = s
	}
	for k, s := range l.foldTab.all {
		fold[k] = s
	}
	entry := func(m map[string]slot, k string) (Entry, bool) {
		s, ok := m[k]
		if !ok {
			return Entry{}, false
		}
		return l.ents[s.index()], true
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, gotOK := l.LookupFold(s)
		want, wantOK := entry(fold, strings.ToLower(s))
		if gotOK != wantOK || got != want {
			t.Errorf("LookupFold(%q) = %v, %v, want %v, %v", s, got, gotOK, want, wantOK)
		}
		if c, ok := l.FoldClassOf(s); ok != wantOK || c != want.Class {
			t.Errorf("FoldClassOf(%q) = %v, %v, want %v, %v", s, c, ok, want.Class, wantOK)
		}
		e, eok := entry(exact, s)
		if got, ok := l.Lookup(s); ok != eok || got != e {
			t.Errorf("Lookup(%q) = %v, %v, want %v, %v", s, got, ok, e, eok)
		}
		if c, ok := l.ClassOf(s); ok != eok || c != e.Class {
			t.Errorf("ClassOf(%q) = %v, %v, want %v, %v", s, c, ok, e.Class, eok)
		}
		w, _ := entry(fold, s)
		if p := l.POSOf(s); p != w.POS {
			t.Errorf("POSOf(%q) = %v, want %v", s, p, w.POS)
		}
		if c := l.IsCommon(s); c != (w.Class&Common != 0) {
			t.Errorf("IsCommon(%q) = %v, want %v", s, c, !c)
		}
	})
}

// FuzzAddTSV feeds arbitrary data files to the loader: it must return an
// error or add only non-empty phrases, and never panic.
func FuzzAddTSV(f *testing.F) {
	f.Add("Moscow\tCapital,City\tMoscow\tRussia\n# comment\n\nParis\tCity\n")
	f.Add("bad line\n")
	f.Add("x\tNoSuchClass\n")
	f.Add("\t\t\t\t\n")
	f.Fuzz(func(t *testing.T, text string) {
		l := &Lexicon{exact: map[string]slot{}, fold: map[string]slot{}, states: map[string]string{}, parties: map[string]Party{}}
		_ = l.addTSV("fuzz.tsv", text)
		_ = l.addStates(text)
		_ = l.addParties(text)
		_ = l.addWords(text)
		for k := range l.exact {
			if k == "" {
				t.Errorf("addTSV(%q) added an empty phrase", text)
			}
		}
		if l.maxWords < 0 {
			t.Errorf("maxWords = %d", l.maxWords)
		}
	})
}

func BenchmarkDefaultBuild(b *testing.B) {
	var n int
	for _, name := range []string{"countries.tsv", "cities.tsv.gz", "words.tsv.gz", "surnames.txt.gz", "givennames.txt.gz"} {
		d, _ := data.ReadFile("data/" + name)
		n += len(d)
	}
	b.SetBytes(int64(n))
	for b.Loop() {
		if _, err := load(data); err != nil {
			b.Fatal(err)
		}
	}
}

// benchWords is a passage in the manner of a news report, split into the
// words and two-word phrases a longest-match scanner looks up.
func benchWords() []string {
	text := `The president told reporters in Washington on Tuesday that the
United States would not lift sanctions on Russia until Moscow withdrew its
forces, according to officials familiar with the talks. Sen. Jane Doe (D-N.Y.)
said the Senate would vote next week, while the Kremlin said the proposal
was unacceptable, Reuters reported. Oil prices rose 2.5% in London trading
as investors weighed the risk of supply disruption in the Middle East.`
	w := strings.Fields(text)
	out := append([]string(nil), w...)
	for i := 0; i+1 < len(w); i++ {
		out = append(out, w[i]+" "+w[i+1])
	}
	return out
}

func BenchmarkLookup(b *testing.B) {
	l := Default()
	words := benchWords()
	var n int
	for _, w := range words {
		n += len(w)
	}
	b.SetBytes(int64(n))
	for b.Loop() {
		for _, w := range words {
			l.Lookup(w)
		}
	}
}

func BenchmarkLookupFold(b *testing.B) {
	l := Default()
	words := benchWords()
	var n int
	for _, w := range words {
		n += len(w)
	}
	b.SetBytes(int64(n))
	for b.Loop() {
		for _, w := range words {
			l.LookupFold(w)
		}
	}
}
