package lexicon

import (
	"strings"
	"testing"
)

// TestWordFilter checks that every word added passes the filter by all
// three tests, that a word is judged by its length and ends alone, and
// that words unlike the added ones are turned away.
func TestWordFilter(t *testing.T) {
	tests := []struct {
		name  string
		add   []string
		query string
		want  bool
	}{
		{"empty filter", nil, "said", false},
		{"added", []string{"said", "told"}, "said", true},
		{"second added", []string{"said", "told"}, "told", true},
		{"same length and ends", []string{"said"}, "sand", true},
		{"other length", []string{"said"}, "sad", false},
		{"other first byte", []string{"said"}, "paid", false},
		{"other last byte", []string{"said"}, "sail", false},
		{"case matters", []string{"said"}, "Said", false},
		{"one byte", []string{"a"}, "a", true},
		{"one byte other", []string{"a"}, "i", false},
		{"non-ASCII ends", []string{"élysée"}, "élysée", true},
		{"long word", []string{"vice-president"}, "vice-president", true},
		{"empty word added", []string{""}, "", true},
		{"empty word not added", []string{"a", "the"}, "", false},
		{"empty word added, other word", []string{""}, "a", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var f WordFilter
			for _, w := range tc.add {
				f.Add(w)
			}
			if got := f.HasString(tc.query); got != tc.want {
				t.Errorf("HasString(%q) = %v, want %v", tc.query, got, tc.want)
			}
			if got := f.Has([]byte(tc.query)); got != tc.want {
				t.Errorf("Has(%q) = %v, want %v", tc.query, got, tc.want)
			}
			if n := len(tc.query); n > 0 {
				if got := f.HasEnds(tc.query[0], tc.query[n-1], n); got != tc.want {
					t.Errorf("HasEnds of %q = %v, want %v", tc.query, got, tc.want)
				}
			}
		})
	}
}

// TestWordFilterRate checks that a filter holding a few hundred words lets
// every one of them through and turns most other words away.
func TestWordFilterRate(t *testing.T) {
	var f WordFilter
	added := map[string]bool{}
	for _, w := range filterWords {
		f.Add(w)
		added[w] = true
	}
	for _, w := range filterWords {
		if !f.HasString(w) {
			t.Errorf("HasString(%q) = false for an added word", w)
		}
	}
	others, through := 0, 0
	for _, w := range filterOthers {
		if added[w] {
			continue
		}
		others++
		if f.HasString(w) {
			through++
		}
	}
	if others == 0 || through*4 > others {
		t.Errorf("filter lets %d of %d other words through", through, others)
	}
}

// filterWords are common function words and verbs of news text, the kind
// of word the components' tables hold.
var filterWords = strings.Fields(`a an the this that these those some any each every no all both
either neither such what which who whom whose where when why how whether if then than so and or
but nor yet for of in on at by to from with without into onto over under after before since until
while during about above below between among against through across around behind beyond near off
out up down as per via despite unlike like i you he she it we they me him her us them my your his
its our their mine yours hers ours theirs is are was were be been being am has have had do does did
will would shall should can could may might must not also only just even still there here now today
yesterday tomorrow meanwhile however although though because unless once instead indeed moreover
said says told added asked wrote explained noted argued insisted warned stressed recalled replied
responded admitted acknowledged claimed denied confirmed believes thinks thought announced rejected
monday tuesday wednesday thursday friday saturday sunday january february march april may june july
august september october november december week month year decade century morning evening night`)

// filterOthers are content words, most of them in no function-word table.
var filterOthers = strings.Fields(`zebra photosynthesis quarterly xylophone marmalade bicycle volcano
sandwich umbrella glacier harpsichord trampoline quixotic government economy inflation minister
election parliament striker goalkeeper championship hospital vaccine pandemic airline manufacturer
semiconductor refinery pipeline drought harvest wildfire earthquake tsunami hurricane telescope
satellite astronaut laboratory molecule protein enzyme bacteria algorithm software database network
cathedral monastery fortress pyramid lighthouse windmill orchard vineyard meadow prairie canyon`)

// BenchmarkWordFilter measures the test of a word against a filter of a
// few hundred words, for words mostly not in it.
func BenchmarkWordFilter(b *testing.B) {
	var f WordFilter
	for _, w := range filterWords {
		f.Add(w)
	}
	words := make([][]byte, 0, len(filterWords)+len(filterOthers))
	size := 0
	for _, w := range append(append([]string{}, filterOthers...), filterWords...) {
		words = append(words, []byte(w))
		size += len(w)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		for _, w := range words {
			if f.Has(w) {
				n++
			}
		}
	}
	if n == 0 {
		b.Fatal("no word passed")
	}
}
