package webpage

import (
	"encoding/json"
	"strings"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// publishedMeta lists the <meta> names and properties that state a
// publication time, most specific first (Open Graph article, Dublin Core,
// Parse.ly, Sailthru and the common ad-hoc names).
var publishedMeta = []string{
	"article:published_time", "og:article:published_time", "og:published_time",
	"datepublished", "article.published", "published_time", "publish-date", "publish_date",
	"publishdate", "pubdate", "parsely-pub-date", "sailthru.date", "dc.date.issued",
	"dcterms.issued", "dc.date.created", "dcterms.created", "date", "dc.date", "dcterms.date",
}

// structuredDate finds the publication day stated by the page's metadata:
// the datePublished of the first JSON-LD object that has one, else the
// first <meta> of publishedMeta (in that order of preference), else the
// datetime of an element marked itemprop="datePublished". The day is the
// one written in the value (its own time zone), not converted to UTC.
func structuredDate(doc *html.Node) (time.Time, bool) {
	var ld []string
	metas := map[string]string{}
	itemprop := ""
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Script:
				if strings.Contains(strings.ToLower(attrOf(n, "type")), "ld+json") && n.FirstChild != nil {
					ld = append(ld, n.FirstChild.Data)
				}
				return
			case atom.Meta:
				key := strings.ToLower(attrOf(n, "property"))
				if key == "" {
					key = strings.ToLower(attrOf(n, "name"))
				}
				if key == "" {
					key = strings.ToLower(attrOf(n, "itemprop"))
				}
				if key != "" {
					if _, ok := metas[key]; !ok {
						metas[key] = attrOf(n, "content")
					}
				}
			}
			if itemprop == "" && strings.EqualFold(attrOf(n, "itemprop"), "datePublished") {
				itemprop = attrOf(n, "datetime")
				if itemprop == "" {
					itemprop = attrOf(n, "content")
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	for _, s := range ld {
		if v, ok := jsonLDPublished(s); ok {
			if d, ok := parseDay(v); ok {
				return d, true
			}
		}
	}
	for _, k := range publishedMeta {
		if d, ok := parseDay(metas[k]); ok {
			return d, true
		}
	}
	return parseDay(itemprop)
}

func attrOf(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// jsonLDPublished returns the first datePublished in a JSON-LD script,
// searching objects, arrays and @graph depth first.
func jsonLDPublished(s string) (string, bool) {
	var v any
	if err := json.Unmarshal([]byte(strings.TrimSpace(s)), &v); err != nil {
		return "", false
	}
	return findKey(v, "datePublished", 0)
}

func findKey(v any, key string, depth int) (string, bool) {
	if depth > 8 {
		return "", false
	}
	switch t := v.(type) {
	case map[string]any:
		if s, ok := t[key].(string); ok && s != "" {
			return s, true
		}
		for _, k := range []string{"@graph", "mainEntity", "mainEntityOfPage"} {
			if c, ok := t[k]; ok {
				if s, ok := findKey(c, key, depth+1); ok {
					return s, true
				}
			}
		}
	case []any:
		for _, c := range t {
			if s, ok := findKey(c, key, depth+1); ok {
				return s, true
			}
		}
	}
	return "", false
}

// parseDay reads the day of an ISO 8601 date or date-time ("2026-03-08",
// "2026-03-08T10:04:04Z", "2026-03-08 10:04") or an RFC 1123 time. Years
// outside 1990..2100 are rejected as noise.
func parseDay(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if len(s) >= 10 && s[4] == '-' && s[7] == '-' {
		if t, err := time.Parse(time.DateOnly, s[:10]); err == nil && (len(s) == 10 || s[10] == 'T' || s[10] == ' ') {
			return plausible(t)
		}
	}
	for _, layout := range []string{time.RFC1123, time.RFC1123Z, "Mon, 2 Jan 2006 15:04:05 -0700", "2006/01/02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return plausible(t)
		}
	}
	return time.Time{}, false
}

func plausible(t time.Time) (time.Time, bool) {
	if t.Year() < 1990 || t.Year() > 2100 {
		return time.Time{}, false
	}
	return day(t), true
}
