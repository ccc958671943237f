package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Fixtures written for this test: two bodies, one multi-line, and three
// pairs.
const (
	fncBodiesCSV = "Body ID,articleBody\n" +
		"1,\"A giant squid washed up on Brighton beach on Sunday.\n\nBiologists measured it at nine metres.\"\n" +
		"2,The city council approved a budget of $40 million for new bus lanes.\n"
	fncStancesCSV = "Headline,Body ID,Stance\n" +
		"Giant squid washes up on Brighton beach,1,agree\n" +
		"Giant squid washes up on Brighton beach,2,unrelated\n" +
		"Council approves bus lanes budget,2,agree\n"
)

func TestEvalFNC(t *testing.T) {
	dir := t.TempDir()
	bodies, stances, report := filepath.Join(dir, "b.csv"), filepath.Join(dir, "s.csv"), filepath.Join(dir, "report.tsv")
	for name, data := range map[string]string{bodies: fncBodiesCSV, stances: fncStancesCSV} {
		if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	code, out, errs := run(t, "", "eval", "fnc", "--bodies", bodies, "--stances", stances, "--json", "--report", report, "--min", "fnc_score=0.5")
	if code != 0 {
		t.Fatalf("exit %d, stderr %s", code, errs)
	}
	var res struct {
		Task    string             `json:"task"`
		Docs    int                `json:"docs"`
		Metrics map[string]float64 `json:"metrics"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("stdout is not one JSON object: %v\n%s", err, out)
	}
	if res.Task != "fnc" || res.Docs != 3 || len(res.Metrics) == 0 {
		t.Errorf("result %+v", res)
	}
	rep, err := os.ReadFile(report)
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(rep), "\n"); n != 4 {
		t.Errorf("report has %d lines, want a header and 3 pairs:\n%s", n, rep)
	}

	// --half odd keeps body 1 only; an impossible floor exits 1.
	code, out, _ = run(t, "", "eval", "fnc", "--bodies", bodies, "--stances", stances, "--json", "--half", "odd", "--min", "fnc_score=1.1")
	if code != 1 || !strings.Contains(out, `"docs":1`) {
		t.Errorf("--half odd --min fnc_score=1.1: exit %d, stdout %s; want exit 1 and 1 doc", code, out)
	}

	for _, args := range [][]string{
		{"eval", "fnc", "--bodies", bodies},
		{"eval", "fnc", "--bodies", bodies, "--stances", stances, "--half", "third"},
	} {
		if code, _, _ := run(t, "", args...); code != 2 {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
}
