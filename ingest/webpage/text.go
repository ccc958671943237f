package webpage

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// nodeText turns trafilatura's content tree into text: each block element
// (paragraph, heading, list item, quote, table cell...) becomes a paragraph,
// paragraphs are separated by a blank line, <br> is a line break, and white
// space inside a paragraph collapses to single spaces. (trafilatura's own
// ContentText joins the paragraphs with spaces, losing their bounds.)
func nodeText(n *html.Node) string {
	var w textWriter
	w.node(n)
	return w.b.String()
}

type textWriter struct {
	b     strings.Builder
	brk   int  // pending break: 0 none, 1 line, 2 paragraph
	space bool // pending space between words
}

func (w *textWriter) node(n *html.Node) {
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

func (w *textWriter) setBreak(k int) {
	if w.b.Len() > 0 && k > w.brk {
		w.brk = k
	}
}

func (w *textWriter) text(s string) {
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

// isBlock reports whether an element of trafilatura's output (which keeps
// p, head, list, item, quote, table, row, cell, code and the like, partly
// under their TEI names) starts a new paragraph.
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
