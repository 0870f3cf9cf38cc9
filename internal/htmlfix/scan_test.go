package htmlfix

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
)

// extraction is what a page shows the link check: the id of each element
// that has one, and each href and src, in document order.
type extraction struct {
	ids   []string
	links []ref
}

func (x extraction) String() string { return fmt.Sprintf("ids %q links %q", x.ids, x.links) }

func (x *extraction) add(e *attrs) {
	if e.has[attrID] {
		x.ids = append(x.ids, string(e.val[attrID]))
	}
	for _, i := range []int{attrHref, attrSrc} {
		if e.has[i] {
			x.links = append(x.links, ref{attrNames[i], string(e.val[i])})
		}
	}
}

// extractGoquery is how Check read a page before Scan: the oracle.
func extractGoquery(data []byte) (extraction, error) {
	var x extraction
	doc, err := goquery.NewDocumentFromReader(bytes.NewReader(data))
	if err != nil {
		return x, err
	}
	doc.Find("[id]").Each(func(_ int, s *goquery.Selection) {
		id, _ := s.Attr("id")
		x.ids = append(x.ids, id)
	})
	doc.Find("[href], [src]").Each(func(_ int, s *goquery.Selection) {
		for _, attr := range []string{"href", "src"} {
			if v, ok := s.Attr(attr); ok {
				x.links = append(x.links, ref{attr, v})
			}
		}
	})
	return x, nil
}

func extractTokens(data []byte) (extraction, error) {
	var x extraction
	err := scanTokens(data, x.add)
	return x, err
}

func extractTree(data []byte) (extraction, error) {
	var x extraction
	err := scanTree(data, x.add)
	return x, err
}

// checkGoquery is Check as it was before Scan, kept as the oracle of Check.
func checkGoquery(files map[string][]byte, absolute ...string) ([]Problem, error) {
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

// differ compares the extractions of data by the token model and by the
// tree with the oracle's. It reports whether the token model sufficed.
func differ(t *testing.T, data []byte) (fast bool) {
	t.Helper()
	want, wantErr := extractGoquery(data)
	for _, way := range []struct {
		name    string
		extract func([]byte) (extraction, error)
	}{{"tokens", extractTokens}, {"tree", extractTree}} {
		got, err := way.extract(data)
		if way.name == "tokens" {
			if errors.Is(err, errTree) {
				continue
			}
			fast = true
		}
		if (err != nil) != (wantErr != nil) {
			t.Fatalf("%s: error %v, goquery's %v, on %q", way.name, err, wantErr, data)
		}
		if err == nil && got.String() != want.String() {
			t.Fatalf("%s:\n got %v\nwant %v\non %q", way.name, got, want, data)
		}
	}
	return fast
}

// differCheck compares Check with the oracle's on a small site made of
// data.
func differCheck(t *testing.T, data []byte) {
	t.Helper()
	files := map[string][]byte{"d/page.html": data, "d/other.html": data, "404.html": data, "style.css": nil}
	want, wantErr := checkGoquery(files, "404.html")
	got, err := Check(files, "404.html")
	if (err != nil) != (wantErr != nil) || err != nil && err.Error() != wantErr.Error() {
		t.Fatalf("Check: error %v, goquery's %v, on %q", err, wantErr, data)
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("Check:\n got %v\nwant %v\non %q", got, want, data)
	}
}

// scanCases are markup that a tokenizer can read differently from an HTML5
// parser, with what the parser reads.
var scanCases = []struct {
	name, html string
	ids        []string
	links      []string // attr=value
	tree       bool     // needs the tree builder
}{
	{name: "entities", html: `<a href="a.html?x=1&amp;y=2#s&#233;" id="a&amp;b&lt;">`,
		ids: []string{"a&b<"}, links: []string{"href=a.html?x=1&y=2#sé"}},
	{name: "legacy entities in attributes", html: `<a href="?a=1&copy=2&amp=3&copy">`,
		links: []string{"href=?a=1&copy=2&amp=3©"}},
	{name: "case", html: `<A HREF="x.html" ID=Top><IMG SRC=i.png>`,
		ids: []string{"Top"}, links: []string{"href=x.html", "src=i.png"}},
	{name: "unquoted", html: `<a href=a.html#b id=x class=y><img src=i.png alt=x/>`,
		ids: []string{"x"}, links: []string{"href=a.html#b", "src=i.png"}},
	{name: "newlines in values", html: "<a href=\"a\r\nb\rc\" id=\"\">",
		ids: []string{""}, links: []string{"href=a\nb\nc"}},
	{name: "duplicate attributes", html: `<a href=1.html HREF=2.html id=a id=b src=s>`,
		ids: []string{"a"}, links: []string{"href=1.html", "src=s"}},
	{name: "raw text", html: `<title><a id=t></title><script>document.write('<a href="no.html" id="no">')</script>` +
		`<style>a[id=x]{}</style><textarea><a href=x></textarea><!-- <a id=c> --><a id=after>`,
		ids: []string{"after"}},
	{name: "script end", html: `<script><!--<script></script><a id=in></script>--></script><a id=out>`,
		ids: []string{"out"}},
	{name: "noscript, iframe, xmp, noembed", html: `<noscript><a id=n></noscript><iframe><a id=i></iframe><xmp><a id=x></xmp><noembed><a id=e></noembed><p id=p>`,
		ids: []string{"p"}},
	{name: "plaintext", html: `<p id=a><plaintext><a id=p></plaintext><a id=q>`,
		ids: []string{"a"}},
	{name: "bogus comments", html: `<!a id=x><?a id=y><![CDATA[<a id=z>]]></a id=w><a id=v>`,
		ids: []string{"v"}},
	{name: "omitted end tags", html: `<!doctype html><html id=h><head id=hd><title>t</title><body id=b><p id=a>x<p id=b2>y<ul><li id=c>z<li id=d></ul><dl><dt id=e>t<dd id=f>d</dl>`,
		ids: []string{"h", "hd", "b", "a", "b2", "c", "d", "e", "f"}},
	{name: "table without optional tags", html: `<table id=t><caption id=c>c<thead><tr><th id=h>h<tbody><tr id=r><td id=d><a href=c.html>c</a><td><em id=e>e</table>`,
		ids: []string{"t", "c", "h", "r", "d", "e"}, links: []string{"href=c.html"}},
	{name: "cells outside tables are dropped", html: `<td id=gone><tr id=gone2><a href=x.html id=kept>`,
		ids: []string{"kept"}, links: []string{"href=x.html"}},
	{name: "second head dropped", html: `<head><meta id=m></head><head id=x><p id=p>`,
		ids: []string{"m", "p"}},
	{name: "nested forms", html: `<form id=f1><form id=f2></form><form id=f3>`,
		ids: []string{"f1", "f3"}},
	{name: "svg", html: `<svg id=s><title id=t>T</title><a xlink:href="#t" href=x><use XLINK:HREF=u.svg /></a><style><a id=st></style><circle id=c></svg><a id=html>`,
		ids: []string{"s", "t", "st", "c", "html"}, links: []string{"href=#t", "href=u.svg"}},
	{name: "svg CDATA", html: `<svg><![CDATA[<a id=x>]]><rect id=r/></svg>`,
		ids: []string{"r/"}},
	{name: "image", html: `<image src=i.png id=i>`,
		ids: []string{"i"}, links: []string{"src=i.png"}},
	{name: "duplicate ids", html: `<p id=a></p><p id=a></p><p id=a>`,
		ids: []string{"a", "a", "a"}},
	// Links to ids of the page met before them, after them, on the same
	// element, twice, in another form, and to none.
	{name: "own ids", html: `<p id=a><a href="#a">x</a><a href="#b" id=b>y</a><a href="#c">z</a><p id=c><a href="#a">x</a><a href="#%61">x</a><a href="#gone">g</a><a href="#">t</a>`,
		ids: []string{"a", "b", "c"}, links: []string{"href=#a", "href=#b", "href=#c", "href=#a", "href=#%61", "href=#gone", "href=#"}},
	{name: "reopened formatting", html: `<p><b id=f>x<p>y`,
		ids: []string{"f", "f"}, tree: true},
	{name: "adoption agency", html: `<a href=1.html><div id=d><a href=2.html>x</a></div>`,
		ids: []string{"d"}, links: []string{"href=1.html", "href=1.html", "href=2.html"}, tree: true},
	{name: "foster parenting", html: `<table><tr><td id=c>c</td></tr><a href=f.html id=f>x</a></table>`,
		ids: []string{"f", "c"}, links: []string{"href=f.html"}, tree: true},
	{name: "merged body", html: `<p id=p>x<body id=b>`,
		ids: []string{"b", "p"}, tree: true},
	{name: "math", html: `<math><mi id=i><a href=a.html>`,
		ids: []string{"i"}, links: []string{"href=a.html"}, tree: true},
}

func TestScanCases(t *testing.T) {
	for _, c := range scanCases {
		t.Run(c.name, func(t *testing.T) {
			got, err := extractTree([]byte(c.html))
			if err != nil {
				t.Fatal(err)
			}
			var links []string
			for _, l := range got.links {
				links = append(links, l.attr+"="+l.val)
			}
			if fmt.Sprintf("%q", got.ids) != fmt.Sprintf("%q", c.ids) || fmt.Sprintf("%q", links) != fmt.Sprintf("%q", c.links) {
				t.Errorf("ids %q links %q, want ids %q links %q", got.ids, links, c.ids, c.links)
			}
			if fast := differ(t, []byte(c.html)); fast == c.tree {
				t.Errorf("token model used: %v, want %v", fast, !c.tree)
			}
			differCheck(t, []byte(c.html))
		})
	}
}

func TestScan(t *testing.T) {
	data := []byte(`<p id=a><p id=a><p id=b><a href="#b">ok</a><a href="other.html#x">x</a><a href="#b">again</a><a href="#nope">n</a><a href="#">top</a>` +
		`<a href="https://example.org/">ext</a><a href="/abs.html">abs</a><a href="%zz">bad</a><img src="sub/">`)
	p, err := Scan("d/page.html", data, false)
	if err != nil {
		t.Fatal(err)
	}
	if want := []uint64{idHash("a"), idHash("b")}; !slices.Equal(p.ids, slices.Sorted(slices.Values(want))) {
		t.Errorf("ids %v, want the hashes of a and b, %v", p.ids, want)
	}
	// Links to its own ids are resolved: only the broken one is kept.
	var c Checker
	c.Add(p)
	if want := []ref{{"href", "other.html#x"}, {"href", "#nope"}}; !slices.Equal(p.links, want) {
		t.Errorf("links %q, want %q", p.links, want)
	}
	want := []Problem{
		{"d/page.html", `duplicate id "a"`},
		{"d/page.html", `href "/abs.html" is absolute: use a path relative to the page`},
		{"d/page.html", `bad href "%zz": parse "%zz": invalid URL escape "%zz"`},
		{"d/page.html", `src "sub/" points at a folder: link to a file`},
	}
	if fmt.Sprint(p.problems) != fmt.Sprint(want) {
		t.Errorf("problems\n%v\nwant\n%v", p.problems, want)
	}
	p, err = Scan("404.html", data, true)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.links) != 0 || len(p.problems) != 1 {
		t.Errorf("absolute page: links %q problems %v", p.links, p.problems)
	}
	if _, err := Scan("deep.html", bytes.Repeat([]byte("<div>"), 600), false); err == nil || !strings.HasPrefix(err.Error(), "deep.html: ") {
		t.Errorf("too deep: error %v", err)
	}
}

// scanned is what Scan or ScanParts returns, to compare.
func scanned(p *Page, err error) string {
	if err != nil {
		return "error " + err.Error()
	}
	return fmt.Sprintf("ids %v links %q problems %v", p.ids, p.links, p.problems)
}

// TestScanParts checks that ScanParts finds in a page cut into parts
// what Scan finds in it whole, wherever it is cut: in the cases, at
// every byte, in two and in three parts (one of them empty, too), and
// in the pages of the site before every tag.
func TestScanParts(t *testing.T) {
	check := func(name string, data []byte, parts [][]byte) {
		t.Helper()
		for _, absolute := range []bool{false, true} {
			want := scanned(Scan("d/page.html", data, absolute))
			if got := scanned(ScanParts("d/page.html", parts, absolute)); got != want {
				t.Fatalf("%s, cut into %q:\n got %s\nwant %s", name, parts, got, want)
			}
			checkStream(t, parts, absolute)
		}
	}
	var pages []string
	for _, c := range scanCases {
		pages = append(pages, c.html)
	}
	pages = append(pages, lexCases...)
	for _, page := range pages {
		data := []byte(page)
		for i := range len(data) + 1 {
			check("case", data, [][]byte{data[:i], data[i:]})
			check("case", data, [][]byte{data[:i], nil, data[i:]})
			for j := i; j <= len(data); j += 7 {
				check("case", data, [][]byte{data[:i], data[i:j], data[j:]})
			}
		}
	}
	for p, data := range sitePages(t, siteDir()) {
		if !strings.HasSuffix(p, ".html") {
			continue
		}
		var parts [][]byte
		for rest := data; len(rest) > 0; {
			i := bytes.IndexByte(rest[1:], '<') + 1
			if i == 0 {
				i = len(rest)
			}
			parts, rest = append(parts, rest[:i]), rest[i:]
		}
		check(p, data, parts)
	}
}

// checkStream checks ScanStream of parts: it reads them apart where
// ScanParts does without a tree, finding what ScanParts finds, and else
// fails with ErrWhole; it asks for each part once, in order, and for all
// of them unless it fails.
func checkStream(t *testing.T, parts [][]byte, absolute bool) {
	t.Helper()
	var x extraction
	err := scanPartsTokens(parts, x.add)
	apart := !errors.Is(err, errParts) && !errors.Is(err, errTree)
	pulled, done := 0, false
	next := func() ([]byte, bool) {
		if done {
			t.Fatalf("%q: asked for a part after the last", parts)
		}
		if pulled == len(parts) {
			done = true
			return nil, false
		}
		pulled++
		return parts[pulled-1], true
	}
	got, err := ScanStream("d/page.html", next, absolute)
	switch {
	case !apart:
		if err != ErrWhole {
			t.Fatalf("%q: ScanStream %s, want ErrWhole", parts, scanned(got, err))
		}
	case err == ErrWhole:
		t.Fatalf("%q: ScanStream fails with ErrWhole where ScanParts reads the parts apart", parts)
	default:
		if want := scanned(ScanParts("d/page.html", parts, absolute)); scanned(got, err) != want {
			t.Fatalf("%q: ScanStream\n got %s\nwant %s", parts, scanned(got, err), want)
		}
		if pulled != len(parts) {
			t.Fatalf("%q: ScanStream asked for %d parts of %d", parts, pulled, len(parts))
		}
	}
}

// TestScanPartsApart checks that ScanParts reads apart, without joining
// them, the parts of a page cut after its tags, as the claims page is
// cut around its rows, and what it cannot read apart.
func TestScanPartsApart(t *testing.T) {
	tests := []struct {
		parts []string
		apart bool
	}{
		{[]string{"<table><tbody>", `<tr id="a"><td><a href="x.html#a">a</a></td></tr>`, `<tr id="b"><td>b</td></tr>`, "</tbody></table>"}, true},
		{[]string{"<p>", "", "<!-- c -->", "<!doctype html>", "<p>x</p>"}, true},
		{[]string{"<p>x", "y</p>"}, false},                  // text at the end of a part
		{[]string{"<p>x</p>", "y</p>"}, true},               // text at the start of one
		{[]string{"<p id=a", ">x</p>"}, false},              // a tag cut
		{[]string{"<script>", "x</script>"}, false},         // raw text after the end
		{[]string{"<!-- a", " -->"}, false},                 // a comment cut
		{[]string{"<p>", "<![CDATA[x]]><p>", "<p>"}, false}, // handed over to the tokenizer
		{[]string{"<p>", "<p>", "<![CDATA[x]]>"}, true},     // handed over in the last part
	}
	for _, tt := range tests {
		var parts [][]byte
		for _, p := range tt.parts {
			parts = append(parts, []byte(p))
		}
		var x extraction
		err := scanPartsTokens(parts, x.add)
		if apart := !errors.Is(err, errParts); apart != tt.apart {
			t.Errorf("%q: read apart %v (%v), want %v", tt.parts, apart, err, tt.apart)
		}
		whole := []byte(strings.Join(tt.parts, ""))
		if want, _ := extractTokens(whole); tt.apart && err == nil && x.String() != want.String() {
			t.Errorf("%q: %v, want %v", tt.parts, x, want)
		}
		check := scanned(Scan("p.html", whole, false))
		if got := scanned(ScanParts("p.html", parts, false)); got != check {
			t.Errorf("%q: ScanParts %s, Scan %s", tt.parts, got, check)
		}
		checkStream(t, parts, false)
	}
}

// TestPlainPath checks plainPath against url.Parse.
func TestPlainPath(t *testing.T) {
	plain := []string{"", "#", "a.html", "a.html#x", "#p-1_a.b~c", "a#b#c", ".", "..", "./", "a/", "a/../b.html"}
	other := []string{"/a.html", "//host/a", "a:b", "http://x", "a?b", "a%41", "a b", "é", "a\x00", "a#%zz"}
	for _, val := range append(plain, other...) {
		path, ok := plainPath(val)
		if ok != slices.Contains(plain, val) {
			t.Errorf("plainPath(%q) reports %v", val, ok)
		}
		if u, err := url.Parse(val); ok && (err != nil || u.Scheme != "" || u.Host != "" || u.Path != path) {
			t.Errorf("plainPath(%q) = %q, url.Parse: %v, %#v", val, path, err, u)
		}
	}
}

// TestScanDepth checks that the token model nests as deep as the parser
// lets elements nest, void ones included.
func TestScanDepth(t *testing.T) {
	for n := 505; n <= 512; n++ {
		for _, inner := range []string{"", "<img id=i>", "<p id=p>", "</p>", "<table><tr><td id=c>", "<svg><rect id=r/>"} {
			page := "<title>t</title>" + strings.Repeat("<div>", n) + inner
			differ(t, []byte(page))
		}
	}
}

// sitePages returns the HTML pages of the site in folder dir.
func sitePages(t testing.TB, dir string) map[string][]byte {
	files := make(map[string][]byte)
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		data, err := os.ReadFile(p)
		files[filepath.ToSlash(rel)] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// siteDir is the built site the tests and benchmarks read: the
// repository's public/, the site gen builds from its own content, unless
// $HTMLFIX_SITE names another (e.g. one built from a corpus).
func siteDir() string {
	if dir := os.Getenv("HTMLFIX_SITE"); dir != "" {
		return dir
	}
	return filepath.Join("..", "..", "public")
}

// TestScanSite compares Scan and Check with the oracle on every page of
// a built site, and checks that the pages gen makes need no tree.
func TestScanSite(t *testing.T) {
	files := sitePages(t, siteDir())
	pages := 0
	for p, data := range files {
		if !strings.HasSuffix(p, ".html") {
			continue
		}
		pages++
		if !differ(t, data) {
			t.Errorf("%s: the token model gave up", p)
		}
	}
	if pages == 0 {
		t.Fatal("no pages")
	}
	// The site as built, and with its claims page missing, for problems.
	for _, missing := range []string{"", "claims.html"} {
		delete(files, missing)
		want, err := checkGoquery(files, "404.html")
		if err != nil {
			t.Fatal(err)
		}
		got, err := Check(files, "404.html")
		if err != nil {
			t.Fatal(err)
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("Check without %q:\n got %v\nwant %v", missing, got, want)
		}
		t.Logf("%d pages, without %q: %d problems", pages, missing, len(got))
	}
}

func FuzzScan(f *testing.F) {
	for _, c := range scanCases {
		f.Add([]byte(c.html))
	}
	// Windows of the pages of the site, to keep inputs small.
	for p, data := range sitePages(f, siteDir()) {
		if !strings.HasSuffix(p, ".html") {
			continue
		}
		for i := 0; i < len(data); i += 1024 {
			f.Add(data[i:min(i+1024, len(data))])
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		differ(t, data)
		differCheck(t, data)
	})
}

// BenchmarkScan reads the pages of the site (see siteDir) with the oracle
// (goquery, as Check did) and with Scan; ns/op and allocs/op are per page.
func BenchmarkScan(b *testing.B) {
	files := sitePages(b, siteDir())
	var pages [][]byte
	for p, data := range files {
		if strings.HasSuffix(p, ".html") {
			pages = append(pages, data)
		}
	}
	slices.SortFunc(pages, bytes.Compare)
	size := 0
	for _, data := range pages {
		size += len(data)
	}
	for _, way := range []struct {
		name string
		scan func(data []byte) error
	}{
		{"goquery", func(data []byte) error { _, err := extractGoquery(data); return err }},
		{"tree", func(data []byte) error { _, err := extractTree(data); return err }},
		{"Scan", func(data []byte) error { _, err := Scan("p.html", data, false); return err }},
	} {
		b.Run(way.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(size / len(pages)))
			i := 0
			for b.Loop() {
				if err := way.scan(pages[i%len(pages)]); err != nil {
					b.Fatal(err)
				}
				i++
			}
		})
	}
}

// BenchmarkScanLargest scans the largest page of the site (see siteDir),
// such as the claims page of a big dossier, which Scan reads on its own.
func BenchmarkScanLargest(b *testing.B) {
	var largest []byte
	for p, data := range sitePages(b, siteDir()) {
		if strings.HasSuffix(p, ".html") && len(data) > len(largest) {
			largest = data
		}
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(largest)))
	for b.Loop() {
		if _, err := Scan("p.html", largest, false); err != nil {
			b.Fatal(err)
		}
	}
}
