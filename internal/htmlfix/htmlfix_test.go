package htmlfix

import (
	"fmt"
	"html/template"
	"testing"
)

func TestCheck(t *testing.T) {
	files := map[string][]byte{
		"index.html":        []byte(`<a href="claims.html#c1">ok</a><a href="sources/a.html#p">ok</a><a href="https://x.org">ext</a><a href="#top" id="top">self</a>`),
		"claims.html":       []byte(`<p id="c1">x</p><a href="claims/">folder</a><a href="nope.html">missing</a><a href="index.html#gone">no id</a><a href="/index.html">abs</a>`),
		"sources/a.html":    []byte(`<p id="p">x</p><p id="p">dup</p><a href="../index.html">up</a><link href="../style.css">`),
		"style.css":         []byte(`p{}`),
		"404.html":          []byte(`<a href="https://example.org/x/">absolute, not checked</a>`),
		"sources/a.raw.txt": []byte(`<a href="nope.html">raw text, not checked</a>`),
	}
	problems, err := Check(files, "404.html")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		`claims.html: href "/index.html" is absolute: use a path relative to the page`,
		`claims.html: href "claims/" points at a folder: link to a file`,
		`claims.html: href "index.html#gone": index.html has no id "gone"`,
		`claims.html: href "nope.html": no such file nope.html`,
		`sources/a.html: duplicate id "p"`,
	}
	if fmt.Sprint(problems) != fmt.Sprint(want) {
		t.Errorf("problems:\n%v\nwant:\n%v", problems, want)
	}
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
