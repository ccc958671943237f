package ner

import "testing"

// TestWordSetFilters checks that every word of every set and map of the
// tables gets through its filter (has and hasFold find it), and that words
// outside a set are not found.
func TestWordSetFilters(t *testing.T) {
	tb := newTables()
	sets := map[string]*wordSet{
		"function":     &tb.function,
		"sentCommon":   &tb.sentCommon,
		"honorific":    &tb.honorific,
		"titleHead":    &tb.titleHead,
		"titleMod":     &tb.titleMod,
		"titleStop":    &tb.titleStop,
		"orgHead":      &tb.orgHead,
		"personVerb":   &tb.personVerb,
		"actorVerb":    &tb.actorVerb,
		"locPrep":      &tb.locPrep,
		"connector":    &tb.connector,
		"connector2":   &tb.connector2,
		"outletBefore": &tb.outletBefore,
		"pronounM":     &tb.pronounM,
		"pronounF":     &tb.pronounF,
		"seatKeys":     &tb.seatKeys,
		"sportVerb":    &tb.sportVerb,
		"determiners":  &tb.determiners,
		"calendar":     &tb.calendar,
		"eventHead":    &tb.eventHead,
		"placeHead":    &tb.placeHead,
		"misc":         &tb.misc,
		"placeOf":      &tb.placeOf,
		"placeAfter":   &tb.placeAfter,
		"orgBefore":    &tb.orgBefore,
		"orgAfter":     &tb.orgAfter,
		"orgOf":        &tb.orgOf,
		"sportRole":    &tb.sportRole,
		"productAfter": &tb.productAfter,
	}
	maps := map[string]*wordMap{
		"pronounSex": &tb.pronounSex,
		"plural":     &tb.plural,
		"party":      &tb.party,
	}
	for name, s := range sets {
		if len(s.m) == 0 {
			t.Errorf("%s is empty", name)
		}
		for w := range s.m {
			if !s.has(w) {
				t.Errorf("%s.has(%q) = false for a word of the set", name, w)
			}
			if lower(w) == w && !s.hasFold(w) {
				t.Errorf("%s.hasFold(%q) = false for a lower-case word of the set", name, w)
			}
		}
		for _, w := range []string{"Zxqv", "zxqv", "", "Quixotically"} {
			if _, in := s.m[w]; !in && (s.has(w) || s.hasFold(w)) {
				t.Errorf("%s finds %q, a word outside the set", name, w)
			}
		}
	}
	for name, m := range maps {
		for w, want := range m.m {
			if got, ok := m.get(w); !ok || got != want {
				t.Errorf("%s.get(%q) = %q, %v, want %q", name, w, got, ok, want)
			}
		}
		if _, ok := m.get("Zxqv"); ok {
			t.Errorf("%s.get(%q) found a word outside the map", name, "Zxqv")
		}
	}
	for w := range tb.pronounM.m {
		if sex, _ := tb.pronounSex.get(w); sex != "m" {
			t.Errorf("pronounSex of %q = %q, want m", w, sex)
		}
	}
	for w := range tb.pronounF.m {
		if sex, _ := tb.pronounSex.get(w); sex != "f" {
			t.Errorf("pronounSex of %q = %q, want f", w, sex)
		}
	}
	for k, want := range tb.seat {
		if got, ok := tb.seatOf(k); !ok || got != want {
			t.Errorf("seatOf(%q) = %q, %v, want %q", k, got, ok, want)
		}
	}
	if _, ok := tb.seatOf("White Hous"); ok {
		t.Errorf("seatOf(%q) found a phrase outside the seats", "White Hous")
	}
}
