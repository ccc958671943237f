package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"dossier/ingest/plaintext"
	"dossier/render"
	"dossier/samples"
)

func (m *Main) analyze(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("analyze", flag.ContinueOnError)
	date := fs.String("date", "", "article date YYYY-MM-DD (overrides the date found in the file)")
	format := fs.String("format", "text", "output format: json or text")
	useSamples := fs.Bool("samples", false, "analyze the bundled sample articles")
	pos, err := parseInterleaved(fs, args)
	if err != nil {
		return err
	}
	if *format != "json" && *format != "text" {
		return usageError{fmt.Errorf("--format must be json or text, got %q", *format)}
	}
	var override time.Time
	if *date != "" {
		if override, err = time.Parse("2006-01-02", *date); err != nil {
			return usageError{fmt.Errorf("--date wants YYYY-MM-DD, got %q", *date)}
		}
	}
	type input struct {
		name string
		data []byte
	}
	var inputs []input
	switch {
	case *useSamples:
		if len(pos) > 0 {
			return usageError{errors.New("--samples takes no file")}
		}
		for _, s := range samples.All() {
			inputs = append(inputs, input{s.Name, s.Data})
		}
	case len(pos) > 1:
		return usageError{errors.New("analyze takes one FILE (or - for standard input)")}
	case len(pos) == 0 || pos[0] == "-":
		data, err := io.ReadAll(m.Stdin)
		if err != nil {
			return inputError{fmt.Errorf("standard input: %w", err)}
		}
		inputs = append(inputs, input{"standard input", data})
	default:
		data, err := os.ReadFile(pos[0])
		if err != nil {
			return inputError{fmt.Errorf("%s: %w", pos[0], unwrapPath(err))}
		}
		inputs = append(inputs, input{pos[0], data})
	}

	analyze, err := analyzer()
	if err != nil {
		return err
	}
	for i, in := range inputs {
		a, err := plaintext.Read(filepath.Base(in.name), in.data)
		if err != nil {
			return inputError{err}
		}
		if !override.IsZero() {
			a.Date = override
		}
		d, err := analyze(ctx, a)
		if err != nil {
			return fmt.Errorf("%s: %w", in.name, err)
		}
		if *format == "json" {
			err = render.JSON(m.Stdout, d.Analysis())
		} else {
			if i > 0 {
				fmt.Fprintln(m.Stdout, "\n────────────────────────────────────────")
			}
			if len(inputs) > 1 {
				fmt.Fprintf(m.Stdout, "[%s]\n", in.name)
			}
			err = render.Text(m.Stdout, d.Analysis())
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// unwrapPath drops the *fs.PathError wrapper whose path we print ourselves.
func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
