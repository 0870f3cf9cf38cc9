package htmlfix

import (
	"fmt"
	"html/template"
	"strings"
	"testing"
)

// checkFiles is a small site with links between its pages, to files
// that are not pages, and broken ones.
var checkFiles = map[string][]byte{
	"index.html":        []byte(`<a href="claims.html#c1">ok</a><a href="sources/a.html#p">ok</a><a href="https://x.org">ext</a><a href="#top" id="top">self</a>`),
	"claims.html":       []byte(`<p id="c1">x</p><a href="claims/">folder</a><a href="nope.html">missing</a><a href="index.html#gone">no id</a><a href="/index.html">abs</a>`),
	"sources/a.html":    []byte(`<p id="p">x</p><p id="p">dup</p><a href="../index.html">up</a><link href="../style.css">`),
	"style.css":         []byte(`p{}`),
	"404.html":          []byte(`<a href="https://example.org/x/">absolute, not checked</a>`),
	"sources/a.raw.txt": []byte(`<a href="nope.html">raw text, not checked</a>`),
}

// checkProblems are the problems of checkFiles.
var checkProblems = []string{
	`claims.html: href "/index.html" is absolute: use a path relative to the page`,
	`claims.html: href "claims/" points at a folder: link to a file`,
	`claims.html: href "index.html#gone": index.html has no id "gone"`,
	`claims.html: href "nope.html": no such file nope.html`,
	`sources/a.html: duplicate id "p"`,
}

func TestCheck(t *testing.T) {
	problems, err := Check(checkFiles, "404.html")
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(problems) != fmt.Sprint(checkProblems) {
		t.Errorf("problems:\n%v\nwant:\n%v", problems, checkProblems)
	}
}

// TestCheckerOrder checks that a Checker finds the same problems
// whatever the order the pages are added in: links to pages added
// before are resolved by Add, the others by Problems.
func TestCheckerOrder(t *testing.T) {
	var pages []*Page
	for p, data := range checkFiles {
		if !strings.HasSuffix(p, ".html") {
			continue
		}
		page, err := Scan(p, data, p == "404.html")
		if err != nil {
			t.Fatal(err)
		}
		pages = append(pages, page)
	}
	var permute func(k int)
	permute = func(k int) {
		if k < len(pages) {
			for i := k; i < len(pages); i++ {
				pages[k], pages[i] = pages[i], pages[k]
				permute(k + 1)
				pages[k], pages[i] = pages[i], pages[k]
			}
			return
		}
		var c Checker
		var order []string
		for _, p := range pages {
			q := *p // Add keeps what it is given
			c.Add(&q)
			order = append(order, p.Path)
		}
		problems := c.Problems(func(p string) bool { _, ok := checkFiles[p]; return ok })
		if fmt.Sprint(problems) != fmt.Sprint(checkProblems) {
			t.Fatalf("added in the order %q: problems\n%v\nwant\n%v", order, problems, checkProblems)
		}
	}
	permute(0)
}

func TestHighlight(t *testing.T) {
	in := template.HTML("<p id=\"a\">China said “90% came” from it &amp; more.</p>\n<p id=\"b\">Other <em>markup</em> here.</p>\n")
	got, err := Highlight(in, []Mark{
		{Block: "a", Quote: `said "90% came"`, Links: []Link{{Href: "claims.html#x", Text: "C1", Title: "C1: x"}}},
		{Block: "a", Quote: "came” from", Links: []Link{{Href: "claims.html#y", Text: "C2", Title: "C2: y"}}},
		{Block: "b", Quote: "here", Links: []Link{{Href: "claims.html#z", Text: "C3"}}},
		{Block: "missing", Quote: "x"},
	})
	if err != nil {
		t.Fatal(err)
	}
	want := "<p id=\"a\">China <mark>said “90% came” from</mark><sup class=\"cites\"><a href=\"claims.html#x\" title=\"C1: x\">C1</a><a href=\"claims.html#y\" title=\"C2: y\">C2</a></sup> it &amp; more.</p>\n<p id=\"b\">Other <em>markup</em> here.</p>\n"
	if string(got) != want {
		t.Errorf("Highlight:\n got %s\nwant %s", got, want)
	}
}
