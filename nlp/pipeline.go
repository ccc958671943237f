package nlp

import (
	"context"
	"fmt"
	"strings"
)

// Layer names a layer of a Doc that a component reads or writes.
type Layer string

// The layers of a Doc.
const (
	LayerTokens     Layer = "tokens"
	LayerSentences  Layer = "sentences"
	LayerParagraphs Layer = "paragraphs"
	LayerEntities   Layer = "entities"
	LayerTimex      Layer = "timex"
	LayerFigures    Layer = "figures"
	LayerQuotes     Layer = "quotes"
	LayerClaims     Layer = "claims"
)

// Component is one step of the pipeline. Name is versioned
// ("timex.rules.v1"); Requires and Assigns name the layers it reads and
// writes, checked when a Pipeline is built.
type Component interface {
	Name() string
	Requires() []Layer
	Assigns() []Layer
	Process(ctx context.Context, d *Doc) error
}

// Pipeline runs components in order over a Doc.
type Pipeline struct {
	components []Component
	// names and assigns are each component's Name and Assigns, asked once
	// when the pipeline is built.
	names   []string
	assigns [][]Layer
}

// NewPipeline checks that every layer a component requires is assigned by an
// earlier one, and returns the pipeline.
func NewPipeline(cs ...Component) (*Pipeline, error) {
	have := map[Layer]bool{}
	for _, c := range cs {
		for _, l := range c.Requires() {
			if !have[l] {
				return nil, fmt.Errorf("nlp: component %s requires layer %q, which no earlier component assigns", c.Name(), l)
			}
		}
		for _, l := range c.Assigns() {
			have[l] = true
		}
	}
	p := &Pipeline{components: cs, names: make([]string, len(cs)), assigns: make([][]Layer, len(cs))}
	for i, c := range cs {
		p.names[i], p.assigns[i] = c.Name(), c.Assigns()
	}
	return p, nil
}

// Components lists the pipeline's component names in order.
func (p *Pipeline) Components() []string {
	out := make([]string, len(p.components))
	for i, c := range p.components {
		out[i] = c.Name()
	}
	return out
}

// Run processes d with every component in order and records producers.
func (p *Pipeline) Run(ctx context.Context, d *Doc) error {
	if d.Producers == nil {
		d.Producers = map[string]string{}
	}
	for i, c := range p.components {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := c.Process(ctx, d); err != nil {
			return fmt.Errorf("%s: %w", p.names[i], err)
		}
		for _, l := range p.assigns[i] {
			d.Producers[string(l)] = p.names[i]
		}
	}
	return nil
}

// String describes the pipeline as "a → b → c".
func (p *Pipeline) String() string { return strings.Join(p.Components(), " → ") }
