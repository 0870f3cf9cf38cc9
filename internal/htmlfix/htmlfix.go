// Package htmlfix checks the rendered site as a whole: every internal link
// (href, src) must resolve to a file of the site, and every fragment (#id)
// to an element of the target page. It also reports duplicate ids within
// a page. These are properties of whole pages, which neither goldmark nor
// the templates can see on their own. Pages are scanned one at a time, as
// an HTML5 parser reads them (see Scan), so that a site need not be held
// in memory to be checked. The package also highlights quoted passages
// (see Highlight).
package htmlfix

import (
	"slices"
	"strings"
)

// A Problem is one broken link or duplicate id, found on page Page.
type Problem struct {
	Page string
	Msg  string
}

func (p Problem) String() string { return p.Page + ": " + p.Msg }

// Check scans every HTML file of files (path → content) and returns the
// problems found, sorted. Paths are slash-separated and relative to the
// site root; links are resolved relative to the page that holds them.
// Links that leave the site (with a scheme, or starting with //) are not
// checked, nor are links of pages listed in absolute (pages whose links
// are absolute under a base URL, such as 404.html).
//
// Check needs the whole site at once; a builder that writes pages one at
// a time scans each with Scan, adds it to a Checker, and asks the Checker
// for the problems at the end.
func Check(files map[string][]byte, absolute ...string) ([]Problem, error) {
	var c Checker
	for p, data := range files {
		if !strings.HasSuffix(p, ".html") {
			continue
		}
		page, err := Scan(p, data, slices.Contains(absolute, p))
		if err != nil {
			return nil, err
		}
		c.Add(page)
	}
	return c.Problems(func(p string) bool {
		_, ok := files[p]
		return ok
	}), nil
}
