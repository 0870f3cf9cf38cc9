package clean

import (
	"encoding/json"
	"strings"

	"golang.org/x/net/html"
)

// Metadata of an HTML page: JSON-LD, meta tags and <time>.

// ldArticle is the part of a schema.org Article in JSON-LD that we read.
type ldArticle struct {
	Headline      string
	Author        string
	DatePublished string
	Publisher     string
	ArticleBody   string
}

// metaNodes are the elements of a page its metadata comes from, in
// document order, as the selectors in their comments find them.
type metaNodes struct {
	jsonLD []*html.Node // script[type="application/ld+json"]
	metas  []*html.Node // meta
	h1     *html.Node   // the first h1
	time   *html.Node   // the first time[datetime]
}

// findMetaNodes finds the metaNodes under root in one walk, in the
// order the selectors would (the document's elements, each before its
// children).
func findMetaNodes(root *html.Node) metaNodes {
	var m metaNodes
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "script":
				if hasAttrValue(n, "type", "application/ld+json") {
					m.jsonLD = append(m.jsonLD, n)
				}
			case "meta":
				m.metas = append(m.metas, n)
			case "h1":
				if m.h1 == nil {
					m.h1 = n
				}
			case "time":
				if _, ok := attrOf(n, "datetime"); ok && m.time == nil {
					m.time = n
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	return m
}

// hasAttrValue reports whether n has an attribute key whose value is
// val, as the selector [key="val"] matches.
func hasAttrValue(n *html.Node, key, val string) bool {
	for _, a := range n.Attr {
		if a.Key == key && a.Val == val {
			return true
		}
	}
	return false
}

// attrOf returns the value of n's first attribute key, as goquery's
// Attr does.
func attrOf(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

// nodeText returns the text under n, as goquery's Text does: the text
// nodes' data, in document order.
func nodeText(n *html.Node) string {
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

// readJSONLD returns the first Article-like object of the page's JSON-LD.
func readJSONLD(scripts []*html.Node) ldArticle {
	for _, s := range scripts {
		var v any
		if json.Unmarshal([]byte(nodeText(s)), &v) != nil {
			continue
		}
		if obj := findArticle(v); obj != nil {
			return ldArticle{
				Headline:      ldString(obj["headline"]),
				Author:        ldName(obj["author"]),
				DatePublished: ldString(obj["datePublished"]),
				Publisher:     ldName(obj["publisher"]),
				ArticleBody:   ldString(obj["articleBody"]),
			}
		}
	}
	return ldArticle{}
}

func findArticle(v any) map[string]any {
	switch v := v.(type) {
	case []any:
		for _, e := range v {
			if o := findArticle(e); o != nil {
				return o
			}
		}
	case map[string]any:
		if isArticleType(v["@type"]) {
			return v
		}
		if g, ok := v["@graph"]; ok {
			return findArticle(g)
		}
	}
	return nil
}

func isArticleType(t any) bool {
	switch t := t.(type) {
	case string:
		return strings.HasSuffix(t, "Article") || t == "BlogPosting" || t == "Report" || t == "LiveBlogPosting"
	case []any:
		for _, e := range t {
			if isArticleType(e) {
				return true
			}
		}
	}
	return false
}

func ldString(v any) string {
	switch v := v.(type) {
	case string:
		return normSpace(html.UnescapeString(v))
	case []any:
		if len(v) > 0 {
			return ldString(v[0])
		}
	}
	return ""
}

// ldName reads a name: a string, an object with a name, or a list of
// those (joined with ", ").
func ldName(v any) string {
	switch v := v.(type) {
	case string:
		return normSpace(v)
	case map[string]any:
		return ldString(v["name"])
	case []any:
		var names []string
		for _, e := range v {
			if n := ldName(e); n != "" {
				names = append(names, n)
			}
		}
		return strings.Join(names, ", ")
	}
	return ""
}

// readHTMLMeta fills a's title and metadata from JSON-LD, meta tags and
// <time>, in that order of preference.
func readHTMLMeta(a *Article, nodes metaNodes, ld ldArticle) {
	// The content of the first meta[property="k"], meta[name="k"], for
	// the first of keys for which it is not blank.
	metaContent := func(keys ...string) string {
		for _, k := range keys {
			for _, m := range nodes.metas {
				if hasAttrValue(m, "property", k) || hasAttrValue(m, "name", k) {
					if c, ok := attrOf(m, "content"); ok && strings.TrimSpace(c) != "" {
						return normSpace(c)
					}
					break
				}
			}
		}
		return ""
	}
	first := func(vals ...string) string {
		for _, v := range vals {
			if v != "" {
				return v
			}
		}
		return ""
	}
	title := first(ld.Headline, metaContent("og:title", "twitter:title"))
	if title == "" && nodes.h1 != nil {
		title = normSpace(nodeText(nodes.h1))
	}
	title, _ = repairMojibake(title)
	a.Title, a.Meta.Title = title, title
	author := first(ld.Author, metaContent("author", "article:author", "byl", "parsely-author", "sailthru.author"))
	if strings.Contains(author, "://") {
		author = ""
	}
	author = strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(author, "By "), "by "))
	a.Meta.Author = author
	date := first(ld.DatePublished, metaContent("article:published_time", "datePublished", "pubdate", "publishdate", "date", "dc.date", "sailthru.date", "parsely-pub-date"))
	if date == "" && nodes.time != nil {
		date, _ = attrOf(nodes.time, "datetime")
	}
	if d, ok := ParseDate(date); ok {
		a.Meta.Published = d
	}
	a.Meta.Outlet = first(ld.Publisher, metaContent("og:site_name", "application-name"))
}
