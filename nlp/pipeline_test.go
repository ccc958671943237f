package nlp

import (
	"context"
	"errors"
	"testing"

	"dossier"
)

type fake struct {
	name     string
	req, asg []Layer
	err      error
}

func (f fake) Name() string      { return f.name }
func (f fake) Requires() []Layer { return f.req }
func (f fake) Assigns() []Layer  { return f.asg }
func (f fake) Process(context.Context, *Doc) error {
	return f.err
}

func TestNewPipelineChecksLayers(t *testing.T) {
	tok := fake{name: "tok.v1", asg: []Layer{LayerTokens}}
	ner := fake{name: "ner.v1", req: []Layer{LayerTokens}, asg: []Layer{LayerEntities}}
	if _, err := NewPipeline(ner, tok); err == nil {
		t.Errorf("NewPipeline(ner, tok) = nil error, want a missing-layer error")
	}
	p, err := NewPipeline(tok, ner)
	if err != nil {
		t.Fatalf("NewPipeline(tok, ner) = %v", err)
	}
	d := NewDoc(dossier.Article{Text: "x"})
	if err := p.Run(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if d.Producers["entities"] != "ner.v1" || d.Producers["tokens"] != "tok.v1" {
		t.Errorf("producers = %v", d.Producers)
	}
}

func TestPipelineRunError(t *testing.T) {
	boom := errors.New("boom")
	p, _ := NewPipeline(fake{name: "bad.v1", err: boom})
	err := p.Run(context.Background(), NewDoc(dossier.Article{}))
	if !errors.Is(err, boom) {
		t.Errorf("Run = %v, want it to wrap %v", err, boom)
	}
}

func TestDocLookups(t *testing.T) {
	d := NewDoc(dossier.Article{Text: "ab cd. ef"})
	d.Tokens = []Token{{Start: 0, End: 2}, {Start: 3, End: 5}, {Start: 5, End: 6}, {Start: 7, End: 9}}
	d.Sentences = []Range{{First: 0, Last: 3}, {First: 3, Last: 4}}
	if got := d.SentenceOf(3); got != 1 {
		t.Errorf("SentenceOf(3) = %d, want 1", got)
	}
	if got := d.TokenAt(4); got != 1 {
		t.Errorf("TokenAt(4) = %d, want 1", got)
	}
	if got := d.TokenText(3); got != "ef" {
		t.Errorf("TokenText(3) = %q, want ef", got)
	}
}
