// Package samples bundles a few sample articles so that dossier runs on a
// fresh machine with nothing else: `dossier analyze --samples`.
//
// The articles are written by the dossier developers in the manner of real
// news. The people, companies and events in them are invented; places,
// institutions and outlets are real names used as the setting.
package samples

import (
	"embed"
	"io/fs"
	"sort"
)

//go:embed articles/*.txt
var files embed.FS

// Article is one bundled sample: its file name and bytes.
type Article struct {
	Name string
	Data []byte
}

// All returns the bundled articles sorted by name.
func All() []Article {
	names, _ := fs.Glob(files, "articles/*.txt")
	sort.Strings(names)
	out := make([]Article, 0, len(names))
	for _, n := range names {
		b, _ := files.ReadFile(n)
		out = append(out, Article{Name: n[len("articles/"):], Data: b})
	}
	return out
}
