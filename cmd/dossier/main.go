// Command dossier turns news articles into a ledger of facts: who said what,
// who claims what on whose authority, what happened to whom and when, and what
// the markets did, every fact tied to the exact bytes it came from.
//
// Usage:
//
//	dossier analyze [FILE|-] [--date YYYY-MM-DD] [--format json|text]
//	dossier analyze --samples [--format json|text]
//	dossier eval gold FILE... [--json] [--min METRIC=VALUE]...
//	dossier eval conll FILE [--json] [--min METRIC=VALUE]...
//	dossier eval timeml DIR... [--json] [--min METRIC=VALUE]...
//	dossier eval fnc --bodies CSV --stances CSV [--half even|odd] [--json] [--min METRIC=VALUE]... [--report FILE]
//	dossier bench [--corpus DIR] [--json]
//	dossier ingest PATH|URL... [--db DSN] [--workers N] [--json] [--report FILE]
//	dossier stats [--db DSN] [--json]
//	dossier search QUERY [--db DSN] [--json]
//	dossier watch FEED_URL... [--every 10m] [--db DSN] [--allow-private] [--once] [--workers N] [--json]
//
// Exit codes: 0 success; 1 a run that could not go on or an eval floor not
// met; 2 bad usage or unreadable input.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	m := &Main{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr}
	code := m.Run(ctx, os.Args[1:])
	stop()
	os.Exit(code)
}

// Main is the program with its standard streams, so tests can run it whole.
type Main struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
}

// usageError marks errors caused by how the command was called (exit 2).
type usageError struct{ error }

// inputError marks unreadable input (exit 2).
type inputError struct{ error }

const usage = `dossier: news articles in, a ledger of who said what out

commands:
  analyze [FILE|-] [--date YYYY-MM-DD] [--format json|text]   analyze one article
  analyze --samples [--format json|text]                      analyze the bundled sample articles
  eval gold|conll|timeml ... [--json] [--min METRIC=VALUE]    score dossier against gold data
  bench [--corpus DIR] [--json]                               measure throughput and memory
  ingest PATH|URL... [--db DSN] [--workers N] [--json]         analyze files, feeds, archives into the store
  stats [--db DSN] [--json]                                   what the store holds
  search QUERY [--db DSN] [--json]                            full-text search over articles and quotes
  watch FEED_URL... [--every 10m] [--allow-private] [--once]  poll feeds, ingest new items
`

// Run runs one command and returns the process exit code.
func (m *Main) Run(ctx context.Context, args []string) int {
	if len(args) == 0 {
		fmt.Fprint(m.Stderr, usage)
		return 2
	}
	var err error
	switch args[0] {
	case "analyze":
		err = m.analyze(ctx, args[1:])
	case "eval":
		err = m.eval(ctx, args[1:])
	case "bench":
		err = m.bench(ctx, args[1:])
	case "ingest":
		err = m.ingestCmd(ctx, args[1:])
	case "stats":
		err = m.statsCmd(ctx, args[1:])
	case "search":
		err = m.searchCmd(ctx, args[1:])
	case "watch":
		err = m.watch(ctx, args[1:])
	case "help", "-h", "--help":
		fmt.Fprint(m.Stdout, usage)
		return 0
	default:
		err = usageError{fmt.Errorf("unknown command %q", args[0])}
	}
	if err == nil {
		return 0
	}
	fmt.Fprintf(m.Stderr, "dossier %s: %v\n", args[0], err)
	var ue usageError
	var ie inputError
	var fe floorError
	switch {
	case errors.As(err, &ue):
		fmt.Fprint(m.Stderr, usage)
		return 2
	case errors.As(err, &ie):
		return 2
	case errors.As(err, &fe):
		return 1
	default:
		return 1
	}
}
