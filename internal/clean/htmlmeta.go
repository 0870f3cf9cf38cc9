package clean

import (
	"encoding/json"
	"strings"

	"github.com/PuerkitoBio/goquery"
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

// readJSONLD returns the first Article-like object of the page's JSON-LD.
func readJSONLD(doc *goquery.Document) ldArticle {
	var out ldArticle
	doc.Find(`script[type="application/ld+json"]`).EachWithBreak(func(_ int, s *goquery.Selection) bool {
		var v any
		if json.Unmarshal([]byte(s.Text()), &v) != nil {
			return true
		}
		if obj := findArticle(v); obj != nil {
			out = ldArticle{
				Headline:      ldString(obj["headline"]),
				Author:        ldName(obj["author"]),
				DatePublished: ldString(obj["datePublished"]),
				Publisher:     ldName(obj["publisher"]),
				ArticleBody:   ldString(obj["articleBody"]),
			}
			return false
		}
		return true
	})
	return out
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
func readHTMLMeta(a *Article, doc *goquery.Document, ld ldArticle) {
	metaContent := func(keys ...string) string {
		for _, k := range keys {
			sel := doc.Find(`meta[property="` + k + `"], meta[name="` + k + `"]`).First()
			if c, ok := sel.Attr("content"); ok && strings.TrimSpace(c) != "" {
				return normSpace(c)
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
	if title == "" {
		title = normSpace(doc.Find("h1").First().Text())
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
	if date == "" {
		if dt, ok := doc.Find("time[datetime]").First().Attr("datetime"); ok {
			date = dt
		}
	}
	if d, ok := ParseDate(date); ok {
		a.Meta.Published = d
	}
	a.Meta.Outlet = first(ld.Publisher, metaContent("og:site_name", "application-name"))
}
