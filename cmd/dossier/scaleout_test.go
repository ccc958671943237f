package main

import (
	"bytes"
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib"
)

// TestMain lets the test binary stand in for the dossier command: with
// DOSSIER_RUN_MAIN=1 it runs Main on its arguments and exits, so tests can
// start real dossier processes.
func TestMain(m *testing.M) {
	if os.Getenv("DOSSIER_RUN_MAIN") == "1" {
		mm := &Main{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr}
		os.Exit(mm.Run(context.Background(), os.Args[1:]))
	}
	os.Exit(m.Run())
}

// postgresDSN creates an empty database on the server DOSSIER_TEST_POSTGRES
// names, dropped after the test. Without the variable the test is skipped,
// except in CI, where .ci/run starts a server and its absence is a failure.
func postgresDSN(t *testing.T) string {
	t.Helper()
	admin := os.Getenv("DOSSIER_TEST_POSTGRES")
	if admin == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("DOSSIER_TEST_POSTGRES is not set in CI: run .ci/postgres.sh")
		}
		t.Skip("DOSSIER_TEST_POSTGRES not set (start a server with .ci/postgres.sh)")
	}
	db, err := sql.Open("pgx", admin)
	if err != nil {
		t.Fatal(err)
	}
	name := "dossier_scale_" + strings.ToLower(rand.Text()[:10])
	if _, err := db.Exec("CREATE DATABASE " + name); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		db.Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)")
		db.Close()
	})
	u, err := url.Parse(admin)
	if err != nil {
		t.Fatal(err)
	}
	u.Path = "/" + name
	return u.String()
}

// TestIngestThreeProcessesPostgres starts three dossier ingest processes on
// one batch in one PostgreSQL database: together they store every article
// once, and no item is processed by two of them.
func TestIngestThreeProcessesPostgres(t *testing.T) {
	dsn := postgresDSN(t)
	dir := t.TempDir()
	const n = 60
	subjects := []string{"The harbor authority", "A regional airline", "The city council", "A steel maker", "The central bank", "A grain trader"}
	verbs := []string{"raised", "cut", "froze", "reviewed", "defended", "announced"}
	objects := []string{"its fees", "its forecast", "a new plan", "its budget", "an inquiry", "a bond sale"}
	for i := 0; i < n; i++ {
		text := fmt.Sprintf("%s %s %s on Monday, officials said. The decision, number %d of the year, affects %d workers in %d towns.\n\n"+
			"\"We had no choice,\" a spokesperson said of item %d.\n",
			subjects[i%6], verbs[(i/6)%6], objects[(i/36+i)%6], i, 100+i*7, 3+i%5, i)
		writeFile(t, filepath.Join(dir, fmt.Sprintf("a%03d.txt", i)), []byte(text))
	}
	type result struct {
		out, errs bytes.Buffer
		cmd       *exec.Cmd
	}
	var rs [3]*result
	for i := range rs {
		r := &result{cmd: exec.Command(os.Args[0], "ingest", dir, "--db", dsn, "--json", "--workers", "2")}
		r.cmd.Env = append(os.Environ(), "DOSSIER_RUN_MAIN=1")
		r.cmd.Stdout, r.cmd.Stderr = &r.out, &r.errs
		if err := r.cmd.Start(); err != nil {
			t.Fatal(err)
		}
		rs[i] = r
	}
	var total ingestSummary
	for i, r := range rs {
		if err := r.cmd.Wait(); err != nil {
			t.Fatalf("process %d: %v\n%s", i, err, r.errs.String())
		}
		var s ingestSummary
		if err := json.Unmarshal(r.out.Bytes(), &s); err != nil {
			t.Fatalf("process %d printed %q: %v", i, r.out.String(), err)
		}
		total.Ingested += s.Ingested
		total.Duplicates += s.Duplicates
		total.Failed += s.Failed
	}
	if total.Ingested != n || total.Duplicates != 0 || total.Failed != 0 {
		t.Errorf("three processes together: %+v, want %d ingested, each item once", total, n)
	}
	code, out, errs := run(t, "", "stats", "--db", dsn, "--json")
	if code != 0 || !strings.Contains(out, fmt.Sprintf(`"articles_total":%d`, n)) {
		t.Errorf("stats = %d %s %s, want %d articles", code, out, errs, n)
	}
}
