// Package htmltext turns HTML into plain text with paragraph bounds: each
// block element (paragraph, heading, list item, quote, table cell...)
// becomes a paragraph, paragraphs are separated by a blank line, <br> is a
// line break, and white space inside a paragraph collapses to one space.
//
// It serves the readers that meet HTML: webpage (trafilatura's content
// tree, whose TEI-like element names it knows) and feed (content:encoded
// and description fragments).
package htmltext

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Node returns the text of n and its descendants.
func Node(n *html.Node) string {
	var w writer
	w.node(n)
	return w.b.String()
}

// Fragment returns the text of an HTML fragment, or of plain text (kept
// with its blank-line paragraph breaks), with no white space at either end.
// Invalid UTF-8 is replaced by U+FFFD.
func Fragment(fragment string) string {
	fragment = strings.TrimSpace(fragment)
	if fragment == "" {
		return ""
	}
	if !utf8.ValidString(fragment) {
		fragment = strings.ToValidUTF8(fragment, "\uFFFD")
	}
	var w writer
	if !strings.ContainsAny(fragment, "<&") {
		w.plain(fragment)
		return w.b.String()
	}
	nodes, err := html.ParseFragment(strings.NewReader(fragment), &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div})
	if err != nil {
		w.plain(fragment)
		return w.b.String()
	}
	for _, n := range nodes {
		w.node(n)
	}
	return w.b.String()
}

type writer struct {
	b     strings.Builder
	brk   int  // pending break: 0 none, 1 line, 2 paragraph
	space bool // pending space between words
}

// plain writes plain text, keeping blank-line paragraph breaks.
func (w *writer) plain(s string) {
	for i, para := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n\n") {
		if i > 0 {
			w.setBreak(2)
		}
		w.text(para)
	}
}

func (w *writer) node(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		w.text(n.Data)
		return
	case html.ElementNode:
		switch n.DataAtom {
		case atom.Script, atom.Style, atom.Template, atom.Noscript:
			return
		case atom.Br:
			w.setBreak(1)
			return
		}
	}
	block := n.Type == html.ElementNode && isBlock(n)
	if block {
		w.setBreak(2)
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.node(c)
	}
	if block {
		w.setBreak(2)
	}
}

func (w *writer) setBreak(k int) {
	if w.b.Len() > 0 && k > w.brk {
		w.brk = k
	}
}

func (w *writer) text(s string) {
	for len(s) > 0 {
		i := strings.IndexFunc(s, func(r rune) bool { return !isSpace(r) })
		if i < 0 {
			w.space = w.b.Len() > 0
			return
		}
		if i > 0 {
			w.space = w.b.Len() > 0
		}
		s = s[i:]
		j := strings.IndexFunc(s, isSpace)
		if j < 0 {
			j = len(s)
		}
		switch {
		case w.brk == 2:
			w.b.WriteString("\n\n")
		case w.brk == 1:
			w.b.WriteByte('\n')
		case w.space:
			w.b.WriteByte(' ')
		}
		w.brk, w.space = 0, false
		w.b.WriteString(s[:j])
		s = s[j:]
	}
}

func isSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\r', '\f', '\v', 0xa0:
		return true
	}
	return false
}

// isBlock reports whether an element starts a new paragraph: HTML block
// elements, and the TEI-like names trafilatura's output uses (head, list,
// item, quote, row, cell, code...).
func isBlock(n *html.Node) bool {
	switch n.DataAtom {
	case atom.P, atom.Div, atom.Article, atom.Section, atom.Blockquote, atom.H1, atom.H2, atom.H3,
		atom.H4, atom.H5, atom.H6, atom.Li, atom.Ul, atom.Ol, atom.Dl, atom.Dt, atom.Dd, atom.Table,
		atom.Tr, atom.Td, atom.Th, atom.Pre, atom.Figure, atom.Figcaption, atom.Header, atom.Footer,
		atom.Aside, atom.Nav, atom.Main, atom.Hr, atom.Address, atom.Details, atom.Summary, atom.Body:
		return true
	}
	switch n.Data {
	case "head", "list", "item", "quote", "row", "cell", "code", "lb", "fw", "graphic":
		return true
	}
	return false
}
