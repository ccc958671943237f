package eval

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"math"
	"path/filepath"
	"strings"
	"testing"

	"dossier"
	"dossier/nlp"
)

// Test fixtures: short articles written for these tests. Body 7 spans
// lines inside its quotes, with a doubled quote; CRLF ends the rows as in
// the FNC-1 files.
const fncBodies = "Body ID,articleBody\r\n" +
	"7,\"A giant squid washed up on Brighton beach on Sunday.\r\n\r\n" +
	"Marine biologists said the \"\"monster\"\" measured nine metres.\"\r\n" +
	"12,The photo of a giant squid on Brighton beach is a hoax. The image was doctored from an older picture.\r\n" +
	"20,The city council approved a budget of $40 million for new bus lanes. Work starts in spring.\r\n" +
	"31,A storm closed schools across the region on Tuesday. Rail services resumed in the evening.\r\n"

const fncStances = "Headline,Body ID,Stance\r\n" +
	"Giant squid washes up on Brighton beach,7,agree\r\n" +
	"Giant squid washes up on Brighton beach,12,disagree\r\n" +
	"Giant squid washes up on Brighton beach,20,unrelated\r\n" +
	"\"Council approves $40 million for bus lanes, \"\"a first\"\"\",20,agree\r\n" +
	"Council approves $40 million for bus lanes,31,unrelated\r\n"

func TestReadFNCBodies(t *testing.T) {
	bodies, order, err := ReadFNCBodies(strings.NewReader(fncBodies), "bodies.csv")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := len(order), 4; got != want {
		t.Fatalf("%d bodies, want %d", got, want)
	}
	if order[0] != 7 || order[3] != 31 {
		t.Errorf("order = %v, want file order 7 12 20 31", order)
	}
	want := "A giant squid washed up on Brighton beach on Sunday.\n\nMarine biologists said the \"monster\" measured nine metres."
	if bodies[7] != want {
		t.Errorf("body 7 = %q, want %q", bodies[7], want)
	}
}

func TestReadFNCStances(t *testing.T) {
	pairs, err := ReadFNCStances(strings.NewReader(fncStances), "stances.csv")
	if err != nil {
		t.Fatal(err)
	}
	if len(pairs) != 5 {
		t.Fatalf("%d pairs, want 5", len(pairs))
	}
	p := pairs[3]
	if p.Headline != `Council approves $40 million for bus lanes, "a first"` || p.BodyID != 20 || p.Stance != "agree" || p.Line != 5 {
		t.Errorf("pair 3 = %+v", p)
	}
}

func TestReadFNCErrors(t *testing.T) {
	tests := []struct {
		name       string
		giveBodies bool // read as a bodies file, else as a stances file
		give       string
		want       string // substring of the error
	}{
		{name: "too many fields", giveBodies: true, give: "Body ID,articleBody\n1,one\n2,two,three\n", want: "bodies.csv:3: wrong number of fields"},
		{name: "bare quote", giveBodies: true, give: "Body ID,articleBody\n1,\"one\n\n2,t\"wo\"x\n", want: "bodies.csv:4:"},
		{name: "body id not a number", giveBodies: true, give: "Body ID,articleBody\n1,one\nx2,two\n", want: `bodies.csv:3: body id "x2" is not a number`},
		{name: "body twice", giveBodies: true, give: "Body ID,articleBody\n1,one\n1,two\n", want: "bodies.csv:3: body id 1 appears twice"},
		{name: "multi-line body then bad id", giveBodies: true, give: "Body ID,articleBody\n1,\"one\ntwo\nthree\"\n-4,four\n", want: "bodies.csv:5: body id"},
		{name: "no column", giveBodies: true, give: "Body,articleBody\n1,one\n", want: `bodies.csv:1: header has no column "Body ID"`},
		{name: "empty", giveBodies: true, give: "", want: "bodies.csv: empty file"},
		{name: "unknown stance", give: "Headline,Body ID,Stance\nA,1,agree\nB,1,supports\n", want: `stances.csv:3: unknown stance "supports"`},
		{name: "stance row short", give: "Headline,Body ID,Stance\nA,1\n", want: "stances.csv:2: wrong number of fields"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var err error
			if tt.giveBodies {
				_, _, err = ReadFNCBodies(strings.NewReader(tt.give), "bodies.csv")
			} else {
				_, err = ReadFNCStances(strings.NewReader(tt.give), "stances.csv")
			}
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error = %v, want one containing %q", err, tt.want)
			}
		})
	}
}

func TestFNCScore(t *testing.T) {
	var s fncScore
	// gold -> got, chosen so every term of the score shows.
	for _, p := range [][2]string{
		{"agree", "agree"},         // 0.25 + 0.75
		{"agree", "discuss"},       // 0.25
		{"disagree", "unrelated"},  // 0
		{"discuss", "discuss"},     // 1
		{"unrelated", "unrelated"}, // 0.25
		{"unrelated", "agree"},     // 0
	} {
		s.add(p[0], p[1])
	}
	m := s.metrics()
	// Best: 4 related pairs at 1 and 2 unrelated at 0.25 = 4.5.
	want := map[string]float64{
		"fnc_score":    2.5 / 4.5,
		"accuracy":     3.0 / 6,
		"related_acc":  4.0 / 6,
		"f1_agree":     0.5,      // P 1/2, R 1/2
		"f1_disagree":  0,        // nothing right
		"f1_discuss":   2.0 / 3,  // P 1/2, R 1
		"f1_unrelated": 0.5,      // P 1/2, R 1/2
		"f1_macro":     5.0 / 12, // mean of the four
	}
	for k, v := range want {
		if math.Abs(m[k]-v) > 1e-9 {
			t.Errorf("%s = %.4f, want %.4f", k, m[k], v)
		}
	}
}

// plainDocs is an Analyzer that runs no component: relate needs only the
// text, and eval tests must not depend on the pipeline's rules.
func plainDocs(_ context.Context, a dossier.Article) (*nlp.Doc, error) { return nlp.NewDoc(a), nil }

func TestFNC(t *testing.T) {
	dir := t.TempDir()
	bodies, stances := filepath.Join(dir, "bodies.csv"), filepath.Join(dir, "stances.csv")
	writeFiles(t, dir, map[string]string{"bodies.csv": fncBodies, "stances.csv": fncStances})
	var detail bytes.Buffer
	res, err := FNC(context.Background(), bodies, stances, nil, plainDocs, &detail)
	if err != nil {
		t.Fatal(err)
	}
	if res.Task != "fnc" || res.Docs != 5 {
		t.Errorf("task %q docs %d, want fnc 5", res.Task, res.Docs)
	}
	for _, k := range []string{"fnc_score", "accuracy", "f1_agree", "f1_disagree", "f1_discuss", "f1_unrelated", "f1_macro", "related_acc"} {
		v, ok := res.Metrics[k]
		if !ok || v < 0 || v > 1 {
			t.Errorf("metric %s = %v (present %v), want a value in 0..1", k, v, ok)
		}
	}
	// The fixtures are plain cases: every pair right.
	if res.Metrics["accuracy"] != 1 {
		t.Errorf("accuracy = %v, want 1; details:\n%s", res.Metrics["accuracy"], detail.String())
	}
	lines := strings.Split(strings.TrimSpace(detail.String()), "\n")
	if len(lines) != 6 || !strings.HasPrefix(lines[0], "#line\tbody\tgold\tgot") {
		t.Errorf("detail has %d lines (want a header and 5 pairs):\n%s", len(lines), detail.String())
	}

	// keep selects pairs by body id.
	res, err = FNC(context.Background(), bodies, stances, func(id int) bool { return id == 20 }, plainDocs, nil)
	if err != nil || res.Docs != 2 {
		t.Errorf("keep body 20: docs %d err %v, want 2 nil", res.Docs, err)
	}
}

func TestFNCErrors(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"bodies.csv":  fncBodies,
		"stances.csv": "Headline,Body ID,Stance\nA squid,7,agree\nA squid,99,agree\n",
	})
	_, err := FNC(context.Background(), filepath.Join(dir, "bodies.csv"), filepath.Join(dir, "stances.csv"), nil, plainDocs, nil)
	if err == nil || !strings.Contains(err.Error(), "stances.csv:3: body id 99 is not in") {
		t.Errorf("error = %v, want one naming stances.csv:3 and body 99", err)
	}
	_, err = FNC(context.Background(), filepath.Join(dir, "missing.csv"), filepath.Join(dir, "stances.csv"), nil, plainDocs, nil)
	if !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing bodies file: error = %v, want not-exist", err)
	}
}

// FuzzReadFNC checks that the readers never panic and that every error
// names its file.
func FuzzReadFNC(f *testing.F) {
	f.Add(fncBodies)
	f.Add(fncStances)
	f.Add("Body ID,articleBody\n1,\"unterminated\n")
	f.Add("\ufeffHeadline,Body ID,Stance\n\"a\"\"b\",2,discuss\n")
	f.Fuzz(func(t *testing.T, data string) {
		if _, _, err := ReadFNCBodies(strings.NewReader(data), "b.csv"); err != nil && !strings.HasPrefix(err.Error(), "b.csv") {
			t.Errorf("bodies error %q does not name the file", err)
		}
		if _, err := ReadFNCStances(strings.NewReader(data), "s.csv"); err != nil && !strings.HasPrefix(err.Error(), "s.csv") {
			t.Errorf("stances error %q does not name the file", err)
		}
	})
}
