package dossier_test

import (
	"os/exec"
	"strings"
	"testing"
)

// importRule says which packages of this module a package may import.
// Patterns end in "/*" to mean every package below a folder.
type importRule struct {
	pkg     string   // package pattern, relative to the module ("." is the root)
	allowed []string // module packages it may import (patterns)
	stdOnly bool     // imports nothing outside the standard library but allowed
}

// The map of docs/ARCHITECTURE.md, checked. Components under nlp/ never
// import each other; only cmd/dossier wires everything.
var importRules = []importRule{
	{pkg: "textpos", stdOnly: true},
	{pkg: ".", allowed: []string{"textpos"}, stdOnly: true},
	{pkg: "lexicon", stdOnly: true},
	{pkg: "lexicon/*", allowed: []string{"lexicon"}},
	{pkg: "nlp", allowed: []string{".", "textpos"}, stdOnly: true},
	{pkg: "nlp/*", allowed: []string{".", "textpos", "nlp", "lexicon"}},
	{pkg: "ingest", allowed: []string{".", "textpos", "ingest/*"}},
	{pkg: "ingest/*", allowed: []string{".", "textpos", "ingest", "ingest/htmltext"}},
	{pkg: "eval", allowed: []string{".", "textpos", "nlp", "relate"}},
	{pkg: "relate", allowed: []string{".", "textpos", "lexicon"}, stdOnly: true},
	{pkg: "render", allowed: []string{".", "textpos"}, stdOnly: true},
	{pkg: "samples", stdOnly: true},
	{pkg: "sqlite", allowed: []string{".", "textpos", "sqlstore"}},
	{pkg: "postgres", allowed: []string{".", "textpos", "sqlstore"}},
	{pkg: "sqlstore", allowed: []string{".", "textpos"}, stdOnly: true},
	{pkg: "storetest", allowed: []string{".", "textpos"}, stdOnly: true},
	{pkg: "engine", allowed: []string{".", "textpos", "nlp"}, stdOnly: true},
	{pkg: "fetch", allowed: []string{"."}, stdOnly: true},
	{pkg: "cmd/*", allowed: []string{"*"}},
}

const module = "dossier"

func rel(p string) string {
	if p == module {
		return "."
	}
	return strings.TrimPrefix(p, module+"/")
}

func matches(pattern, p string) bool {
	if pattern == "*" {
		return true
	}
	if strings.HasSuffix(pattern, "/*") {
		return strings.HasPrefix(p, strings.TrimSuffix(pattern, "*"))
	}
	return pattern == p
}

func ruleFor(p string) (importRule, bool) {
	// An exact rule wins over a folder rule.
	for _, r := range importRules {
		if r.pkg == p {
			return r, true
		}
	}
	for _, r := range importRules {
		if matches(r.pkg, p) {
			return r, true
		}
	}
	return importRule{}, false
}

func TestImportRules(t *testing.T) {
	out, err := exec.Command("go", "list", "-e", "-f", `{{.ImportPath}}{{range .Imports}} {{.}}{{end}}`, "./...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	std, err := exec.Command("go", "list", "std").Output()
	if err != nil {
		t.Fatalf("go list std: %v", err)
	}
	isStd := map[string]bool{}
	for _, p := range strings.Fields(string(std)) {
		isStd[p] = true
	}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		f := strings.Fields(line)
		pkg := rel(f[0])
		r, ok := ruleFor(pkg)
		if !ok {
			t.Errorf("package %s has no import rule: add it to importRules and docs/ARCHITECTURE.md", pkg)
			continue
		}
		for _, imp := range f[1:] {
			switch {
			case imp == module || strings.HasPrefix(imp, module+"/"):
				ip := rel(imp)
				ok := false
				for _, a := range r.allowed {
					if matches(a, ip) {
						ok = true
					}
				}
				if !ok {
					t.Errorf("%s imports %s, which the architecture forbids", pkg, ip)
				}
			case isStd[imp] || strings.HasPrefix(imp, "vendor/"):
			case r.stdOnly:
				t.Errorf("%s imports %s; it may import only the standard library", pkg, imp)
			}
		}
	}
}
