// Package htmlfix checks the rendered site as a whole with goquery: every
// internal link (href, src) must resolve to a file of the site, and every
// fragment (#id) to an element of the target page. It also reports
// duplicate ids within a page. These are properties of whole pages, which
// neither goldmark nor the templates can see on their own.
package htmlfix

import (
	"bytes"
	"fmt"
	"net/url"
	"path"
	"slices"
	"strings"

	"github.com/PuerkitoBio/goquery"
)

// A Problem is one broken link or duplicate id, found on page Page.
type Problem struct {
	Page string
	Msg  string
}

func (p Problem) String() string { return p.Page + ": " + p.Msg }

// Check parses every HTML file of files (path → content) and returns the
// problems found, sorted. Paths are slash-separated and relative to the
// site root; links are resolved relative to the page that holds them.
// Links that leave the site (with a scheme, or starting with //) are not
// checked, nor are links of pages listed in absolute (pages whose links
// are absolute under a base URL, such as 404.html).
func Check(files map[string][]byte, absolute ...string) ([]Problem, error) {
	ids := make(map[string]map[string]bool)
	type link struct{ page, attr, ref string }
	var links []link
	var problems []Problem
	for p, data := range files {
		if !strings.HasSuffix(p, ".html") {
			continue
		}
		doc, err := goquery.NewDocumentFromReader(bytes.NewReader(data))
		if err != nil {
			return nil, fmt.Errorf("%s: %v", p, err)
		}
		set := make(map[string]bool)
		doc.Find("[id]").Each(func(_ int, s *goquery.Selection) {
			id, _ := s.Attr("id")
			if set[id] {
				problems = append(problems, Problem{p, fmt.Sprintf("duplicate id %q", id)})
			}
			set[id] = true
		})
		ids[p] = set
		if slices.Contains(absolute, p) {
			continue
		}
		doc.Find("[href], [src]").Each(func(_ int, s *goquery.Selection) {
			for _, attr := range []string{"href", "src"} {
				if v, ok := s.Attr(attr); ok {
					links = append(links, link{p, attr, v})
				}
			}
		})
	}
	for _, l := range links {
		u, err := url.Parse(l.ref)
		if err != nil {
			problems = append(problems, Problem{l.page, fmt.Sprintf("bad %s %q: %v", l.attr, l.ref, err)})
			continue
		}
		if u.Scheme != "" || u.Host != "" {
			continue
		}
		target := l.page
		if u.Path != "" {
			if strings.HasPrefix(u.Path, "/") {
				problems = append(problems, Problem{l.page, fmt.Sprintf("%s %q is absolute: use a path relative to the page", l.attr, l.ref)})
				continue
			}
			target = path.Join(path.Dir(l.page), u.Path)
			if strings.HasSuffix(u.Path, "/") || u.Path == "." || u.Path == ".." {
				problems = append(problems, Problem{l.page, fmt.Sprintf("%s %q points at a folder: link to a file", l.attr, l.ref)})
				continue
			}
		}
		if _, ok := files[target]; !ok {
			problems = append(problems, Problem{l.page, fmt.Sprintf("%s %q: no such file %s", l.attr, l.ref, target)})
			continue
		}
		if u.Fragment != "" && strings.HasSuffix(target, ".html") && !ids[target][u.Fragment] {
			problems = append(problems, Problem{l.page, fmt.Sprintf("%s %q: %s has no id %q", l.attr, l.ref, target, u.Fragment)})
		}
	}
	slices.SortFunc(problems, func(a, b Problem) int { return strings.Compare(a.String(), b.String()) })
	return slices.Compact(problems), nil
}
