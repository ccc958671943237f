package relate

import (
	"strings"
	"testing"

	"dossier"
	"dossier/textpos"
)

// The test collection: short articles written for these tests. Three tell
// one story (a giant squid on a beach) with different stances; the others
// are about something else, so that the story's words are rare.
var (
	debunk = "The photo of a giant squid on Brighton beach is a hoax, marine experts said on Monday. " +
		"The image was doctored from an older picture of a whale. Fishermen said they had seen nothing unusual."
	confirm = "A giant squid washed up on Brighton beach on Sunday. Marine biologists measured the animal " +
		"at nine metres. The council closed the beach while the squid was removed."
	rumour = "A giant squid has reportedly washed up on Brighton beach, according to posts on social media. " +
		"The claims could not be verified. Some users allegedly shared older pictures."
	budget = "The city council approved a budget of $40 million for new bus lanes. The mayor said work " +
		"would start in the spring and end before the election."
	storm = "A storm closed schools across the region on Tuesday. Forecasters said the wind would ease " +
		"by the weekend, and rail services resumed in the evening."
	trade = "Exports of steel rose by four percent in March, the trade ministry said. Analysts expected " +
		"a slower quarter as orders from car makers fell."
)

func testRelater(t testing.TB) *Relater {
	t.Helper()
	idf := NewIDF(nil)
	for _, a := range []string{debunk, confirm, rumour, budget, storm, trade} {
		idf.Add(a)
	}
	return New(nil, idf)
}

func analysis(text string) dossier.Analysis {
	return dossier.Analysis{Article: dossier.Article{Text: text}}
}

func TestRelate(t *testing.T) {
	const story = "Giant squid washes up on Brighton beach"
	tests := []struct {
		name        string
		giveClaim   string
		giveArticle string
		wantRelated bool
		wantStance  dossier.StanceLabel
		wantCue     string // text of the deciding cue; "" for none
	}{
		{name: "unrelated", giveClaim: story, giveArticle: budget},
		{name: "debunked story is denied", giveClaim: story, giveArticle: debunk, wantRelated: true, wantStance: dossier.Denies, wantCue: "hoax"},
		{name: "told story is asserted", giveClaim: story, giveArticle: confirm, wantRelated: true, wantStance: dossier.Asserts},
		{name: "hedged story is uncertain", giveClaim: story, giveArticle: rumour, wantRelated: true, wantStance: dossier.Uncertain, wantCue: "reportedly"},
		{name: "negative claim agrees with the debunk", giveClaim: "Brighton giant squid photo is a hoax", giveArticle: debunk,
			wantRelated: true, wantStance: dossier.Asserts, wantCue: "hoax"},
		{name: "negative claim denied by a telling", giveClaim: "Brighton giant squid photo is a hoax", giveArticle: confirm,
			wantRelated: true, wantStance: dossier.Denies},
		{name: "negated refutation is positive", giveClaim: "Brighton giant squid is not a hoax", giveArticle: confirm,
			wantRelated: true, wantStance: dossier.Asserts},
		{name: "negated claim", giveClaim: "No giant squid washed up on Brighton beach", giveArticle: confirm,
			wantRelated: true, wantStance: dossier.Denies},
		{name: "hedged claim", giveClaim: "Giant squid reportedly washes up on Brighton beach", giveArticle: confirm,
			wantRelated: true, wantStance: dossier.Uncertain},
		{name: "question", giveClaim: "Did a giant squid wash up on Brighton beach?", giveArticle: confirm,
			wantRelated: true, wantStance: dossier.Uncertain},
		{name: "quoted negation is not the claim's", giveClaim: `Giant squid on Brighton beach: "Don't touch it"`, giveArticle: confirm,
			wantRelated: true, wantStance: dossier.Asserts},
		{name: "claim of stop words only", giveClaim: "It was not the one", giveArticle: confirm},
		{name: "empty claim", giveClaim: "", giveArticle: confirm},
	}
	r := testRelater(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			art := r.Prepare(analysis(tt.giveArticle))
			got := r.Relate(tt.giveClaim, art)
			if got.Related != tt.wantRelated || got.Stance != tt.wantStance {
				t.Fatalf("Relate(%q) = related %v (score %.3f) stance %q, want %v %q; signals %+v",
					tt.giveClaim, got.Related, got.Score, got.Stance, tt.wantRelated, tt.wantStance, got.Signals)
			}
			if c := got.Cue.Text(tt.giveArticle); c != tt.wantCue {
				t.Errorf("cue = %q, want %q", c, tt.wantCue)
			}
			if !got.Evidence.Valid(len(tt.giveArticle)) {
				t.Fatalf("evidence %v outside the text", got.Evidence)
			}
			if !got.Cue.Empty() && !got.Evidence.Contains(got.Cue) {
				t.Errorf("evidence %v does not hold the cue %v", got.Evidence, got.Cue)
			}
			if got.Related && got.Evidence.Empty() {
				t.Errorf("related without evidence")
			}
		})
	}
}

// TestRelateLedger: a ledger entry of the pipeline that denies the matching
// claim refutes the story even when no cue word does.
func TestRelateLedger(t *testing.T) {
	text := "The council spoke about the giant squid on Brighton beach on Monday. " +
		"A spokesman told reporters that no animal had come ashore."
	a := analysis(text)
	ev := strings.Index(text, "A spokesman")
	a.Claims = []dossier.Claim{{
		ID:        "c1",
		Statement: "giant squid washed up on Brighton beach",
		Stances: []dossier.Stance{{
			Stance:   dossier.Denies,
			Cue:      textpos.Span{Start: ev + 12, End: ev + 16},
			Evidence: textpos.Span{Start: ev, End: len(text)},
		}},
	}}
	r := testRelater(t)
	got := r.Relate("Giant squid washes up on Brighton beach", r.Prepare(a))
	if !got.Related || got.Stance != dossier.Denies || got.Claim != "c1" {
		t.Fatalf("Relate = related %v stance %q claim %q, want true denies c1; signals %+v", got.Related, got.Stance, got.Claim, got.Signals)
	}
	if got.Evidence.Start != ev {
		t.Errorf("evidence %v, want the denial at %d", got.Evidence, ev)
	}
	// Without the ledger the same article asserts the story.
	if got := r.Relate("Giant squid washes up on Brighton beach", r.Prepare(analysis(text))); got.Stance != dossier.Asserts {
		t.Errorf("without a ledger: stance %q, want asserts", got.Stance)
	}
}

// TestRelateNoCollection: with an empty IDF the lexicon weighs words, and
// relatedness still separates the story from other news.
func TestRelateNoCollection(t *testing.T) {
	r := New(nil, nil)
	const claim = "Giant squid washes up on Brighton beach"
	if got := r.Relate(claim, r.Prepare(analysis(confirm))); !got.Related || got.Signals.Chance != 0 {
		t.Errorf("confirm: related %v chance %v, want true 0", got.Related, got.Signals.Chance)
	}
	if got := r.Relate(claim, r.Prepare(analysis(storm))); got.Related {
		t.Errorf("storm: related (score %.3f), want not", got.Score)
	}
}

func TestIDFWeight(t *testing.T) {
	idf := NewIDF(nil)
	for _, a := range []string{debunk, confirm, rumour, budget, storm, trade} {
		idf.Add(a)
	}
	weight := func(w string) float64 {
		ws := split(w, lowerASCII(w), nil)
		return idf.weight(&ws[0])
	}
	if idf.Docs() != 6 {
		t.Errorf("Docs() = %d, want 6", idf.Docs())
	}
	if w := weight("the"); w != 0 {
		t.Errorf("weight(the) = %v, want 0 (stop word)", w)
	}
	// "squid" is in three articles, "whale" in one, "zebra" in none.
	sq, wh, ze := weight("squid"), weight("whale"), weight("zebra")
	if !(0 < sq && sq < wh && wh < ze) {
		t.Errorf("weights squid %v, whale %v, zebra %v: want 0 < squid < whale < zebra", sq, wh, ze)
	}
	if got := idf.share("squid"); got != 0.5 {
		t.Errorf("share(squid) = %v, want 0.5", got)
	}
}

func TestSplit(t *testing.T) {
	text := "Mr Smith’s 3-legged claims were REPORTED. He said: no! Really\nthird time"
	ws := split(text, lowerASCII(text), nil)
	var got []string
	for _, w := range ws {
		got = append(got, text[w.start:w.end]+"/"+w.key+"/"+string(rune('0'+w.sent)))
	}
	want := "Mr/mr/0 Smith/smith/0 s/s/0 3/3/0 legged/legg/0 claims/claim/0 were/were/0 REPORTED/report/0 " +
		"He/he/1 said/said/1 no/no/1 Really/really/2 third/3/3 time/time/3"
	if g := strings.Join(got, " "); g != want {
		t.Errorf("split:\n got %s\nwant %s", g, want)
	}
}

func TestStem(t *testing.T) {
	tests := []struct{ give, want string }{
		{"reports", "report"}, {"reported", "report"}, {"reporting", "report"},
		{"stories", "stori"}, {"boxes", "box"}, {"bus", "bus"}, {"press", "press"},
		{"is", "is"}, {"denied", "deni"}, {"denies", "deni"}, {"king", "king"}, {"red", "red"},
	}
	for _, tt := range tests {
		if got := stem(tt.give); got != tt.want {
			t.Errorf("stem(%q) = %q, want %q", tt.give, got, tt.want)
		}
	}
}

func TestScanCues(t *testing.T) {
	tests := []struct {
		give string
		want string // kind:text[+negated][+quoted][+bound], space-separated
	}{
		{give: "The photo is a hoax", want: "refute:hoax"},
		{give: "The photo is not a hoax", want: "negate:not+bound refute:hoax+negated"},
		{give: "It did not happen, officials denied", want: "refute:did not happen deny:denied"},
		{give: "Reportedly, according to sources", want: "hedge:Reportedly hedge:according to hedge:sources"},
		{give: "He would neither confirm nor deny it", want: "hedge:neither confirm nor deny"},
		{give: `They chanted "don't shoot"`, want: "negate:don t+quoted"},
		{give: "It isn't confirmed", want: "negate:isn t assert:confirmed+negated"},
	}
	tab := newCueTable()
	kinds := map[cueKind]string{cueRefute: "refute", cueHedge: "hedge", cueAssert: "assert", cueNegate: "negate", cueDeny: "deny"}
	for _, tt := range tests {
		ws := split(tt.give, lowerASCII(tt.give), nil)
		var got []string
		for _, h := range tab.scan(tt.give, ws, nil) {
			s := kinds[h.kind] + ":" + strings.ReplaceAll(strings.ReplaceAll(h.span.Text(tt.give), "'", " "), "  ", " ")
			if h.negated {
				s += "+negated"
			}
			if h.quoted {
				s += "+quoted"
			}
			if h.bound {
				s += "+bound"
			}
			got = append(got, s)
		}
		if g := strings.Join(got, " "); g != tt.want {
			t.Errorf("scan(%q) = %q, want %q", tt.give, g, tt.want)
		}
	}
}

func TestIsQuestion(t *testing.T) {
	tests := []struct {
		give string
		want bool
	}{
		{"Is this the biggest squid ever?", true},
		{"Squid or sandbank? Experts disagree", true},
		{`"Is it real?" asks mayor`, true},
		{"Squid found on beach", false},
		{"What?!", true},
		{"Visit example.com/?q=squid for more", false},
	}
	for _, tt := range tests {
		if got := isQuestion(tt.give); got != tt.want {
			t.Errorf("isQuestion(%q) = %v, want %v", tt.give, got, tt.want)
		}
	}
}

func TestQuotedWords(t *testing.T) {
	text := `He said “no way” and ‘never’ but didn't 'stop' "now"`
	ws := split(text, lowerASCII(text), nil)
	q := quotedWords(text, ws)
	var got []string
	for i, w := range ws {
		if q[i] {
			got = append(got, text[w.start:w.end])
		}
	}
	if g := strings.Join(got, " "); g != "no way never stop now" {
		t.Errorf("quoted words = %q, want %q", g, "no way never stop now")
	}
}

// FuzzRelate checks that any article and claim give spans inside the
// article and a stance only when related.
func FuzzRelate(f *testing.F) {
	f.Add("Giant squid washes up on Brighton beach", confirm)
	f.Add("Squid is not a hoax?", debunk)
	f.Add(`"don't"`, "‘‘’’\"\"”“ .!? \n\n")
	f.Add("é É 3rd", "Ünïcödé téxt. 2nd line\n")
	r := testRelater(f)
	f.Fuzz(func(t *testing.T, claim, text string) {
		got := r.Relate(claim, r.Prepare(analysis(text)))
		if !got.Evidence.Valid(len(text)) || !got.Cue.Valid(len(text)) {
			t.Fatalf("spans outside the text: evidence %v cue %v (len %d)", got.Evidence, got.Cue, len(text))
		}
		if got.Related != (got.Stance != "") {
			t.Fatalf("related %v with stance %q", got.Related, got.Stance)
		}
	})
}

// benchArticle is about 1,000 words of the test collection's kind.
func benchArticle() string {
	var b strings.Builder
	for b.Len() < 6000 {
		for _, a := range []string{rumour, budget, confirm, storm, debunk, trade} {
			b.WriteString(a)
			b.WriteString("\n\n")
		}
	}
	return b.String()
}

func BenchmarkPrepare(b *testing.B) {
	r := testRelater(b)
	a := analysis(benchArticle())
	b.SetBytes(int64(len(a.Article.Text)))
	b.ReportAllocs()
	for b.Loop() {
		r.Prepare(a)
	}
}

// BenchmarkRelate relates one headline to a prepared article of about
// 1,000 words: the per-pair cost when many claims meet one article.
func BenchmarkRelate(b *testing.B) {
	r := testRelater(b)
	text := benchArticle()
	art := r.Prepare(analysis(text))
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		r.Relate("Giant squid reportedly washes up on Brighton beach, experts say it is a hoax", art)
	}
}
