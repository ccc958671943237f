package main

import (
	"testing"

	"dossier"
)

// TestBenchVariant checks that the scaled corpus of `dossier bench` is made
// of distinct articles: no variant is an exact or near duplicate of its
// parents or of another variant.
func TestBenchVariant(t *testing.T) {
	paras := []string{
		"The city council voted on Tuesday to close three libraries, citing a budget gap of $4 million.\n\nLibrarians said the decision would hurt children who rely on free internet access after school.\n\nThe mayor said the savings would protect police and fire services through the winter.",
		"Shares in the carmaker fell 6% after it cut its forecast for the year.\n\nThe company blamed weak demand in China and higher costs for batteries.\n\nAnalysts at two banks lowered their targets for the stock but kept their ratings.",
		"Heavy rain flooded roads across the north of the country overnight.\n\nForecasters warned that rivers could burst their banks by the weekend.\n\nRail operators cancelled dozens of services and urged passengers not to travel.",
		"The striker scored twice as the home side came from behind to win 3-2.\n\nHis second goal, a header in stoppage time, sent the crowd into raptures.\n\nThe manager said afterwards that the team had shown real character.",
		"A new study suggests that people who walk for thirty minutes a day sleep better.\n\nResearchers followed more than two thousand adults for five years.\n\nThey cautioned that the link did not prove that walking itself was the cause.",
	}
	var arts []dossier.Article
	for i, p := range paras {
		arts = append(arts, dossier.Article{Title: "Story " + string(rune('A'+i)), Text: p})
	}
	tests := []struct {
		give  [2]int // article, variant
		other [2]int
	}{
		{[2]int{0, 1}, [2]int{0, 0}},
		{[2]int{0, 1}, [2]int{0, 2}},
		{[2]int{2, 3}, [2]int{2, 0}},
		{[2]int{4, 1}, [2]int{1, 1}},
	}
	for _, tt := range tests {
		a := benchVariant(arts, tt.give[0], tt.give[1])
		b := benchVariant(arts, tt.other[0], tt.other[1])
		if dossier.ContentHash(a.Text) == dossier.ContentHash(b.Text) {
			t.Errorf("benchVariant(%d, %d) = %q, the same text as variant %v", tt.give[0], tt.give[1], a.Text, tt.other)
		}
		if a.Title == b.Title {
			t.Errorf("benchVariant(%d, %d).Title = %q, the same as variant %v", tt.give[0], tt.give[1], a.Title, tt.other)
		}
	}
	if got := benchVariant(arts, 3, 0); got != arts[3] {
		t.Errorf("benchVariant(3, 0) = %+v, want the article itself", got)
	}
}

func TestHalf(t *testing.T) {
	tests := []struct {
		give  string
		after bool
		want  int
	}{
		{"One.\n\nTwo.\n\nThree.", false, 10},
		{"One.\n\nTwo.\n\nThree.", true, 12},
		{"A long first paragraph here.\n\nB.", false, 28},
		{"no breaks at all in this text", false, 16},
		{"", false, 0},
	}
	for _, tt := range tests {
		if got := half(tt.give, tt.after); got != tt.want {
			t.Errorf("half(%q, %v) = %d, want %d", tt.give, tt.after, got, tt.want)
		}
	}
}
