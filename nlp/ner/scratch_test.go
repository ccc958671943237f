package ner

import (
	"context"
	"reflect"
	"sync"
	"testing"

	"dossier"
	"dossier/lexicon"
	"dossier/nlp"
)

// TestScratchReuse checks that one component gives every document the
// entities a fresh component gives it, whatever documents it saw before and
// with documents processed at the same time: the reused tables keep nothing
// from one document to the next.
func TestScratchReuse(t *testing.T) {
	texts := []string{
		"Finance Minister Ana Ruiz met Tom Reed in Lisbon on Monday. Ruiz said she was pleased. Reed said he was not.",
		"SOCCER - LATE GOAL\nOrtega Rovers beat Valdez United 2-1. Rovers coach Piet Hale said the win mattered.",
		"The United Nations and the Kremlin disagreed. Moscow may be providing help, Russian officials said.",
		"",
		"Mr. Smith of Acme Holdings told Mrs. Jones that Acme would buy Gray Co. from Hill Ltd. in March.",
		// A surname known from the document before must not carry over.
		"Chief executive Jane Quorra spoke to Paul Vance. Quorra said the plan was sound.",
		"Analysts at Quorra raised their forecast. Vance shares rose.",
	}
	lex := lexicon.Default()
	run := func(c *Component, text string) []dossier.Entity {
		d := nlp.NewDoc(dossier.Article{Text: text})
		tokenizeForTest(d)
		if err := c.Process(context.Background(), d); err != nil {
			t.Fatalf("Process(%q) error = %v", text, err)
		}
		return d.Entities
	}
	want := make([][]dossier.Entity, len(texts))
	for i, text := range texts {
		want[i] = run(New(lex), text)
	}
	shared := New(lex)
	check := func(i int, got []dossier.Entity) {
		if !reflect.DeepEqual(got, want[i]) {
			t.Errorf("text %d: reused component gives %v, fresh one %v", i, got, want[i])
		}
	}
	for round := 0; round < 2; round++ {
		for i := range texts {
			check(i, run(shared, texts[i]))
		}
		for i := len(texts) - 1; i >= 0; i-- {
			check(i, run(shared, texts[i]))
		}
	}
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := 0; k < 20; k++ {
				i := (g + k) % len(texts)
				check(i, run(shared, texts[i]))
			}
		}()
	}
	wg.Wait()
}
