package main

import (
	"context"

	"dossier"
	"dossier/lexicon"
	"dossier/nlp"
	"dossier/nlp/attribution"
	"dossier/nlp/ner"
	"dossier/nlp/numex"
	"dossier/nlp/stance"
	"dossier/nlp/timex"
	"dossier/nlp/tokenize"
)

// newPipeline is the one place where the extraction components are chosen
// and ordered (spaCy's explicit factory registration, not init()).
func newPipeline() (*nlp.Pipeline, error) {
	lex := lexicon.Default()
	return nlp.NewPipeline(
		tokenize.New(),
		ner.New(lex),
		timex.New(),
		numex.New(),
		attribution.New(lex),
		stance.New(lex),
	)
}

// analyzer returns a function that runs the pipeline over one article.
func analyzer() (func(context.Context, dossier.Article) (*nlp.Doc, error), error) {
	p, err := newPipeline()
	if err != nil {
		return nil, err
	}
	return func(ctx context.Context, a dossier.Article) (*nlp.Doc, error) {
		d := nlp.NewDoc(a)
		if err := p.Run(ctx, d); err != nil {
			return nil, err
		}
		return d, nil
	}, nil
}
