package site

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"maps"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/PuerkitoBio/goquery"
	"github.com/gen-dossier/gen/internal/content"
	"github.com/gen-dossier/gen/internal/corpus"
	"github.com/gen-dossier/gen/internal/diag"
	"github.com/gen-dossier/gen/internal/htmlfix"
	"github.com/gen-dossier/gen/internal/render"
)

// spliceRows is the claims page with each row marker replaced by its
// row, in parts, as claimsPage writes it: the pieces of page (see
// layoutRows) spliced with rows.
func spliceRows(page []byte, rows [][]byte) ([][]byte, bool) {
	layout, ok := layoutRows(page, len(rows))
	if !ok {
		return nil, false
	}
	return splice(layout, rows)
}

func TestSpliceRows(t *testing.T) {
	rows := [][]byte{[]byte("<tr>a</tr>"), []byte(`<tr id="b">b</tr>`)}
	m0, m1 := rowMarker(0), rowMarker(1)
	tests := []struct {
		name, page string
		want       string // the parts, joined by "|"; "" when not ok
	}{
		{"in order", "<tbody>" + m0 + m1 + "</tbody>", `<tbody>|<tr>a</tr>|<tr id="b">b</tr>|</tbody>`},
		{"any order", "<table>" + m1 + m0 + "</table>", `<table>|<tr id="b">b</tr>|<tr>a</tr>|</table>`},
		{"two sections", `<thead class="h">` + m0 + "</thead><tbody>" + m1 + "</tbody>", `<thead class="h">|<tr>a</tr>|</thead><tbody>|<tr id="b">b</tr>|</tbody>`},
		{"one missing", "<tbody>" + m0 + "</tbody>", ""},
		{"twice", "<tbody>" + m0 + m1 + m0 + "</tbody>", ""},
		{"out of range", "<tbody>" + m0 + m1 + rowMarker(2) + "</tbody>", ""},
		{"unterminated", "<tbody>" + m0 + m1 + rowOpen + "1", ""},
		{"not a number", "<tbody>" + m0 + m1 + rowOpen + "x" + rowClose + "</tbody>", ""},
		{"none", "<p>no rows</p>", ""},
		{"first", m0 + m1 + "</tbody>", ""},
		{"last", "<tbody>" + m0 + m1, ""},
		{"in a paragraph", "<p>" + m0 + m1 + "</p>", ""},
		{"in pre", "<pre>" + m0 + m1 + "</pre>", ""},
		{"text before", "<tbody>x " + m0 + m1 + "</tbody>", ""},
		{"an escaped > before", "<tbody>x >" + m0 + m1 + "</tbody>", ""},
		{"text after", "<tbody>" + m0 + m1 + " x</tbody>", ""},
		{"text between", "<tbody>" + m0 + " x " + m1 + "</tbody>", ""},
		{"a tag between", "<tbody>" + m0 + "<tr></tr>" + m1 + "</tbody>", ""},
		{"in an attribute", `<tbody title="` + m0 + `">` + m1 + "</tbody>", ""},
		{"a section end", "<tbody>" + m0 + "</tbody><tbody>" + m1 + "</tbody>", `<tbody>|<tr>a</tr>|</tbody><tbody>|<tr id="b">b</tr>|</tbody>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			parts, ok := spliceRows([]byte(tt.page), rows)
			if got := string(bytes.Join(parts, []byte("|"))); ok != (tt.want != "") || got != tt.want {
				t.Errorf("spliceRows(%q) = %q, %v; want %q", tt.page, got, ok, tt.want)
			}
		})
	}
	for _, row := range []string{"<td>a</td>", " <tr>a</tr>", "<tr>a</tr> ", "<track>", "text<tr>a</tr>"} {
		if _, ok := spliceRows([]byte("<tbody>"+m0+m1+"</tbody>"), [][]byte{[]byte(row), rows[1]}); ok {
			t.Errorf("row %q put in", row)
		}
	}
}

// shippedClaims returns the shipped claims.html, failing t unless it
// holds each of parts, which the test changes.
func shippedClaims(t *testing.T, parts ...string) string {
	t.Helper()
	src, err := os.ReadFile("../../templates/claims.html")
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range parts {
		if !strings.Contains(string(src), p) {
			t.Fatalf("claims.html no longer holds %q, as this test expects: update the test", p)
		}
	}
	return string(src)
}

// claimsTemplates returns the shipped templates with claims.html src.
func claimsTemplates(t *testing.T, src string) *render.Templates {
	t.Helper()
	tmpl, err := render.Parse(withFiles(fstest.MapFS{"claims.html": {Data: []byte(src)}}, nil).Templates)
	if err != nil {
		t.Fatal(err)
	}
	return tmpl
}

// claimsTestSite returns a site of claims: the first two of topic T,
// the others of topic U, which the page shows first, so that the rows
// are not in the order of the claims.
func claimsTestSite(claims []*render.Claim, dense bool) *render.Site {
	return &render.Site{Title: "T", Dense: dense, Claims: claims,
		Topics: []*render.Topic{{ID: "topic-u", Name: "U", Claims: claims[2:]}, {ID: "topic-t", Name: "T", Claims: claims[:2]}}}
}

// claimsBuilder returns a builder of the claims page of site into out.
func claimsBuilder(site *render.Site, out sink) *builder {
	return &builder{cfg: repoConfig(), d: &content.Dossier{}, min: newMinifier(), site: site, out: out,
		paths: map[string]bool{}, origin: map[string]diag.Pos{}}
}

// testClaims returns claims of two topics, the first with a cell, for
// the claims page to show.
func testClaims() []*render.Claim {
	return []*render.Claim{
		{ID: "c1", Label: "C1", Claim: "One  <b>x</b>", Topic: "T", Count: 1, Cells: []*render.Cell{{Source: &render.Source{Outlet: "A", Page: "sources/a.html"}, Reported: true, Quote: "a  b", URL: "sources/a.html#p"}}},
		{ID: "c2", Label: "C2", Claim: "Two", Topic: "T"},
		{ID: "c3", Label: "C3", Claim: "Three", Topic: "U"},
	}
}

// TestClaimsPageSplice checks that the claims page made from its rows
// put in place of their markers is the page made whole and minified,
// for the shipped claims.html, dense and not, and for templates that
// put the rows where the minifier treats them otherwise, which are made
// whole.
func TestClaimsPageSplice(t *testing.T) {
	const rows = "{{- range .Claims}}{{.Row}}{{end}}"
	rowDef := `{{define "claim"}}{{with .Claim}}
<tr id="{{.ID}}" class="claim">`
	shipped := shippedClaims(t, rows, rowDef)
	templates := []struct {
		name, src string
		spliced   bool
	}{
		{"shipped", shipped, true},
		{"rows in a paragraph", strings.Replace(strings.Replace(shipped, "<tbody>\n"+rows, "<tbody><tr><td><p>"+rows+"</p>", 1), "\n</tbody>", "</td></tr></tbody>", 1), false},
		{"rows in pre", strings.Replace(shipped, rows, "<tr><td><pre>"+rows+"</pre></td></tr>", 1), false},
		{"rows of text", strings.Replace(shipped, rowDef, `{{define "claim"}}{{with .Claim}}
 {{.Label}}  text  <tr id="{{.ID}}" class="claim">`, 1), false},
	}
	claims := testClaims()
	for _, tt := range templates {
		for _, dense := range []bool{true, false} {
			tmpl := claimsTemplates(t, tt.src)
			site := claimsTestSite(claims, dense)
			b := claimsBuilder(site, nil)
			rows, err := b.rows(tmpl)
			if err != nil {
				t.Fatal(err)
			}
			shell, err := b.claimsShell(tmpl, &render.Page{Site: claimsSite(site)})
			if err != nil {
				t.Fatal(err)
			}
			spliced, ok := spliceRows(shell, rows)
			whole, err := b.wholeClaims(tmpl, &render.Page{Site: claimsSite(site)}, rows)
			if err != nil {
				t.Fatal(err)
			}
			if ok != tt.spliced {
				t.Errorf("%s, dense %v: rows put in: %v, want %v", tt.name, dense, ok, tt.spliced)
			}
			if ok && !bytes.Equal(bytes.Join(spliced, nil), whole) {
				t.Errorf("%s, dense %v: the page with its rows put in\n%s\nis not the whole page minified\n%s", tt.name, dense, spliced, whole)
			}
			for _, c := range site.Claims {
				if c.Row != "" {
					t.Fatalf("%s: the site's claim %s was given its row", tt.name, c.ID)
				}
			}
		}
	}
}

// TestClaimsPageStream checks the claims page as claimsPage puts it:
// streamed, its rows written as they are made, where the rows go in
// place of their markers and are table rows that the link check reads
// apart, else made with all its rows at once. Either way the file is
// the page made whole and minified, and the link check finds in it what
// it finds in that page.
func TestClaimsPageStream(t *testing.T) {
	const rows = "{{- range .Claims}}{{.Row}}{{end}}"
	label := `<span class="label">{{.Label}}</span>`
	shipped := shippedClaims(t, rows, label+" {{.Claim}}</a>")
	templates := []struct {
		name, src string
		streamed  bool
	}{
		{"shipped", shipped, true},
		{"rows in pre", strings.Replace(shipped, rows, "<tr><td><pre>"+rows+"</pre></td></tr>", 1), false},
		{"rows of text", strings.Replace(shipped, `{{define "claim"}}{{with .Claim}}`, `{{define "claim"}}{{with .Claim}} {{.Label}} `, 1), false},
		// Misnested formatting tags: the link check needs the tree.
		{"rows the link check reads whole", strings.Replace(shipped, label, `<b><i>{{.Label}}</b></i>`, 1), false},
		{"broken links in rows", strings.Replace(shipped, label+" {{.Claim}}</a>", label+` {{.Claim}}</a> <a href="#gone-{{.ID}}">gone</a>`, 1), true},
	}
	claims := testClaims()
	for n := range 2*rowBatch + 3 { // batches of rows, the last one short
		claims = append(claims, &render.Claim{ID: fmt.Sprintf("d%d", n), Label: fmt.Sprintf("D%d", n), Claim: "More", Topic: "U"})
	}
	for _, tt := range templates {
		for _, dense := range []bool{true, false} {
			tmpl := claimsTemplates(t, tt.src)
			site := claimsTestSite(claims, dense)
			builder := func() (*builder, *memory) {
				m := &memory{files: map[string][]byte{}}
				b := claimsBuilder(site, m)
				b.paths["sources/a.html"] = true
				return b, m
			}
			b, m := builder()
			if err := b.claimsPage(tmpl, "claims.html", &render.Page{}, diag.Pos{}); err != nil {
				t.Fatal(err)
			}
			w, mw := builder()
			rows, err := w.rows(tmpl)
			if err != nil {
				t.Fatal(err)
			}
			whole, err := w.wholeClaims(tmpl, &render.Page{Site: claimsSite(site)}, rows)
			if err != nil {
				t.Fatal(err)
			}
			if err := w.put("claims.html", whole, diag.Pos{}); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(m.files["claims.html"], mw.files["claims.html"]) {
				t.Errorf("%s, dense %v: claims.html\n%s\nis not the whole page minified\n%s", tt.name, dense, m.files["claims.html"], mw.files["claims.html"])
			}
			problems := w.links.problems(w.paths)
			if got, want := fmt.Sprint(b.links.problems(b.paths)), fmt.Sprint(problems); got != want {
				t.Errorf("%s, dense %v: link problems %s, want %s", tt.name, dense, got, want)
			}
			gone := slices.ContainsFunc(problems, func(p htmlfix.Problem) bool { return strings.Contains(p.Msg, "#gone-") })
			if broken := strings.HasPrefix(tt.name, "broken"); broken != gone {
				t.Errorf("%s, dense %v: link problems %v", tt.name, dense, problems)
			}
			if !b.paths["claims.html"] {
				t.Errorf("%s, dense %v: claims.html not recorded", tt.name, dense)
			}
			// Whether it streams: a page it does not is not put.
			s, sm := builder()
			page := &render.Page{Site: claimsSite(site)}
			shell, err := s.claimsShell(tmpl, page)
			if err != nil {
				t.Fatal(err)
			}
			streamed := false
			if layout, ok := layoutRows(shell, len(claims)); ok {
				if streamed, err = s.streamClaims(tmpl, "claims.html", layout, diag.Pos{}); err != nil {
					t.Fatal(err)
				}
			}
			if streamed != tt.streamed || streamed != (sm.files["claims.html"] != nil) || streamed != s.paths["claims.html"] {
				t.Errorf("%s, dense %v: streamed %v (put %v, recorded %v), want %v", tt.name, dense, streamed, sm.files["claims.html"] != nil, s.paths["claims.html"], tt.streamed)
			}
		}
	}
}

// TestClaimsPageRows checks the claims page of a dossier too large for
// source columns, its rows minified apart and put in place of their
// markers: every claim has its row, once, no marker is left, and the
// page is as minified as the minifier makes it.
func TestClaimsPageRows(t *testing.T) {
	gen := fstest.MapFS{}
	for p, data := range corpus.Generate(40) {
		gen[p] = &fstest.MapFile{Data: data}
	}
	cfg := repoConfig()
	cfg.Content = gen
	o, err := Build(cfg)
	if err != nil {
		t.Fatal(err)
	}
	page, _ := o.File("claims.html")
	if bytes.Contains(page, []byte(rowOpen)) || bytes.Contains(page, []byte(rowClose)) {
		t.Fatal("claims.html holds a row marker")
	}
	again, err := newMinifier().Bytes("text/html", page)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(again, page) {
		t.Error("claims.html changes when minified again: its rows were not minified as the page would be")
	}
	doc, err := goquery.NewDocumentFromReader(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	data, _ := o.File("dossier.json")
	var ids []string
	for _, c := range decodeData(t, data).Claims {
		ids = append(ids, c.ID)
	}
	var got []string
	doc.Find("tr.claim").Each(func(_ int, s *goquery.Selection) { got = append(got, s.AttrOr("id", "")) })
	slices.Sort(got) // by topic on the page
	slices.Sort(ids)
	if strings.Join(got, " ") != strings.Join(ids, " ") {
		t.Errorf("claims.html rows %v, want one for each claim %v", got, ids)
	}
}

// TestClaimsPageWithoutRows checks a claims.html that defines the row
// template but does not show the rows: the page is made whole, as the
// template says, without markers.
func TestClaimsPageWithoutRows(t *testing.T) {
	const rows = "{{- range .Claims}}{{.Row}}{{end}}"
	noRows := strings.Replace(shippedClaims(t, rows), rows, `{{- range .Claims}}<tr id="{{.ID}}"><td>{{.Label}}</td></tr>{{end}}`, 1)
	o, err := Build(withFiles(fstest.MapFS{"claims.html": {Data: []byte(noRows)}}, nil))
	if err != nil {
		t.Fatal(err)
	}
	page, _ := o.File("claims.html")
	if bytes.Contains(page, []byte(rowOpen)) || !bytes.Contains(page, []byte(`<td>C1</td>`)) || bytes.Contains(page, []byte(`class="claim"`)) {
		t.Errorf("claims.html is not made as its template says:\n%s", page)
	}
}

// TestPutParts checks a page put in parts: the file holds the parts one
// after the other, each part is let go once written, and the link check
// sees the page as if it were put whole.
func TestPutParts(t *testing.T) {
	tests := []struct {
		name   string
		parts  []string
		broken bool // the page has broken links
	}{
		{"one part", []string{`<table><tbody><tr id="a"><td><a href="#b">b</a></td></tr></tbody></table>`}, true},
		{"rows", []string{"<table><tbody>", `<tr id="a"><td><a href="#b">b</a></td></tr>`, `<tr id="b"><td><a href="#a">a</a></td></tr>`, "</tbody></table>"}, false},
		{"empty parts", []string{"", "<table><tbody>", "", `<tr id="a"><td><a href="#b">b</a></td></tr>`, "</tbody></table>", ""}, true},
		{"cut in text", []string{`<p id="a">one`, ` two <a href="#b">b</a></p>`}, true},
		{"broken links in rows", []string{"<table><tbody>", `<tr id="a"><td><a href="#gone">x</a></td></tr>`, `<tr id="b"><td><a href="missing.html#a">y</a> <a href="p.html#b">z</a></td></tr>`, "</tbody></table>"}, true},
		{"good links cut in text", []string{`<p id="a">one`, ` two <a href="#a">b</a></p>`}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var parts [][]byte
			for _, p := range tt.parts {
				parts = append(parts, []byte(p))
			}
			whole := strings.Join(tt.parts, "")
			m := &memory{files: map[string][]byte{}}
			b := &builder{out: m, paths: map[string]bool{}, origin: map[string]diag.Pos{}}
			if err := b.putParts("p.html", parts, diag.Pos{}); err != nil {
				t.Fatal(err)
			}
			if got := string(m.files["p.html"]); got != whole {
				t.Errorf("file holds %q, want %q", got, whole)
			}
			if len(parts) > 1 && slices.ContainsFunc(parts, func(p []byte) bool { return p != nil }) {
				t.Errorf("parts kept: %q", parts)
			}
			// The page whole, for the link check.
			want := &builder{out: &memory{files: map[string][]byte{}}, paths: map[string]bool{}, origin: map[string]diag.Pos{}}
			if err := want.put("p.html", []byte(whole), diag.Pos{}); err != nil {
				t.Fatal(err)
			}
			got, wantProblems := b.links.problems(b.paths), want.links.problems(want.paths)
			if fmt.Sprint(got) != fmt.Sprint(wantProblems) {
				t.Errorf("link problems %v, want %v", got, wantProblems)
			}
			if tt.broken != (len(got) > 0) {
				t.Errorf("link problems %v, want some: %v", got, tt.broken)
			}
		})
	}
}

// TestWordingsInRows checks where claims have their wordings: in the
// rows of the claims table, whether claims.html makes them with its row
// template or on its own, and nowhere else.
func TestWordingsInRows(t *testing.T) {
	wordings := func(o *Output, page string) int {
		data, _ := o.File(page)
		return bytes.Count(data, []byte(`<p class="w">`))
	}
	own := `{{define "main"}}<table>{{range .Site.Claims}}<tr id="{{.ID}}"><td>{{range .Wordings}}<p class="w">{{.HTML}}</p>{{end}}</td></tr>{{end}}</table>{{end}}`
	o, err := Build(withFiles(fstest.MapFS{"claims.html": {Data: []byte(own)}}, nil))
	if err != nil {
		t.Fatal(err)
	}
	n := wordings(o, "claims.html")
	if n < 2 {
		t.Fatalf("a claims.html without a row template shows %d wordings, want those of every claim several sources carry", n)
	}
	const wording = "<dt>{{.Source.Outlet}}</dt><dd>{{.HTML}}</dd>"
	inRow := strings.Replace(shippedClaims(t, wording), wording, `<dt>{{.Source.Outlet}}</dt><dd><p class="w">{{.HTML}}</p></dd>`, 1)
	index := strings.Replace(own, `{{define "main"}}`, `{{define "main"}}<h1>{{.Site.Title}}</h1>`, 1)
	o, err = Build(withFiles(fstest.MapFS{"claims.html": {Data: []byte(inRow)}, "index.html": {Data: []byte(index)}}, nil))
	if err != nil {
		t.Fatal(err)
	}
	if got := wordings(o, "claims.html"); got != n {
		t.Errorf("the row template shows %d wordings, want %d", got, n)
	}
	if got := wordings(o, "index.html"); got != 0 {
		t.Errorf("the index page sees %d wordings, want none", got)
	}
}

// TestClaimsPageRowFails checks a row template that fails on a claim
// whose row comes late on the page, once earlier rows are written: the
// build fails with the template's error, and the previous build is left
// as it was.
func TestClaimsPageRowFails(t *testing.T) {
	gen := fstest.MapFS{}
	for p, data := range corpus.Generate(3 * rowBatch) {
		gen[p] = &fstest.MapFile{Data: data}
	}
	cfg := repoConfig()
	cfg.Content = gen
	dir := filepath.Join(t.TempDir(), "public")
	if _, err := BuildTo(cfg, dir); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, dir)
	page, err := os.ReadFile(filepath.Join(dir, "claims.html"))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := goquery.NewDocumentFromReader(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	last := doc.Find("tr.claim").Last().AttrOr("id", "") // the page's last row
	if n := doc.Find("tr.claim").Length(); n < 2*rowBatch || last == "" {
		t.Fatalf("%d rows, the last %q: want several batches", n, last)
	}
	const row = `<tr id="{{.ID}}" class="claim">`
	bad := strings.Replace(shippedClaims(t, row), row, row+`{{if eq .ID "`+last+`"}}{{index .Cells 1000}}{{end}}`, 1)
	cfg.Templates = withFiles(fstest.MapFS{"claims.html": {Data: []byte(bad)}}, nil).Templates
	_, err = BuildTo(cfg, dir)
	if err == nil || !strings.Contains(err.Error(), "claims.html") || !strings.Contains(err.Error(), "index") {
		t.Fatalf("build with a failing row: %v, want the template's error", err)
	}
	if after := snapshot(t, dir); !maps.Equal(before, after) {
		t.Error("a build that failed in a row changed the previous output")
	}
	nothingBeside(t, dir)
}

// TestClaimsPageRowErrors checks which row's template error the claims
// page reports when several rows fail: the first claim's, as when the
// rows are made all at once, even where another failing row comes first
// on the page.
func TestClaimsPageRowErrors(t *testing.T) {
	const row = `<tr id="{{.ID}}" class="claim">`
	bad := strings.Replace(shippedClaims(t, row), row, row+`{{if eq .ID "c2"}}{{index .Cells 1000}}{{end}}{{if eq .ID "c3"}}{{index .Cells 2000}}{{end}}`, 1)
	tmpl := claimsTemplates(t, bad)
	claims := testClaims()
	m := &memory{files: map[string][]byte{}}
	b := claimsBuilder(claimsTestSite(claims, false), m) // c3's topic first
	err := b.claimsPage(tmpl, "claims.html", &render.Page{}, diag.Pos{})
	if err == nil || !strings.Contains(err.Error(), "1000") || strings.Contains(err.Error(), "2000") {
		t.Errorf("error %v, want c2's (index 1000)", err)
	}
	if len(m.files) > 0 || b.paths["claims.html"] {
		t.Errorf("a page whose rows fail is put (%d files) or recorded (%v)", len(m.files), b.paths["claims.html"])
	}
}

// A failing is a sink whose files fail to be made or written.
type failing struct {
	noCreate bool // create fails
	after    int  // else a file's writes fail once it has this many bytes
	dropped  int
	closed   int
}

func (s *failing) put(string, []byte) error { return errors.New("cannot put") }

func (s *failing) create(string) (file, error) {
	if s.noCreate {
		return nil, errors.New("cannot create")
	}
	return &failingFile{s: s}, nil
}

type failingFile struct {
	s *failing
	n int
}

func (f *failingFile) Write(b []byte) (int, error) {
	if f.n += len(b); f.n > f.s.after {
		return 0, errors.New("disk full")
	}
	return len(b), nil
}

func (f *failingFile) Close() error { f.s.closed++; return nil }
func (f *failingFile) drop()        { f.s.dropped++ }

// TestClaimsPageOutputFails checks the claims page streamed to an output
// that cannot be created, or fails at once or after some rows: the error
// is the output's, the file is dropped and not recorded, and no
// goroutine rendering rows is left.
func TestClaimsPageOutputFails(t *testing.T) {
	claims := testClaims()
	for n := range 20 * rowBatch {
		claims = append(claims, &render.Claim{ID: fmt.Sprintf("d%d", n), Label: fmt.Sprintf("D%d", n), Claim: template.HTML(strings.Repeat("More words ", 20)), Topic: "U"})
	}
	tmpl := claimsTemplates(t, shippedClaims(t))
	before := runtime.NumGoroutine()
	for _, s := range []*failing{{noCreate: true}, {after: 0}, {after: 100 << 10}} {
		b := claimsBuilder(claimsTestSite(claims, false), s)
		err := b.claimsPage(tmpl, "claims.html", &render.Page{}, diag.Pos{})
		var oe outputError
		if !errors.As(err, &oe) || b.paths["claims.html"] || s.closed > 0 || !s.noCreate && s.dropped != 1 {
			t.Errorf("sink %+v: error %v (output's: %v), recorded %v", *s, err, errors.As(err, &oe), b.paths["claims.html"])
		}
	}
	for range 100 { // the row renderers stop as the page fails
		if runtime.NumGoroutine() <= before {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Errorf("%d goroutines left, %d before", runtime.NumGoroutine(), before)
}

// TestRowStances checks the mark the shipped templates give each kind of
// cell of a claim's row, as b.cell makes it from a quote, in a dossier
// too large for source columns: one cell for each quote.
func TestRowStances(t *testing.T) {
	tmpl, err := render.Parse(repoConfig().Templates)
	if err != nil {
		t.Fatal(err)
	}
	quotes := []struct {
		q    content.Quote
		mark string
	}{
		{content.Quote{Slug: "a", Text: "x", Stance: "reports"}, "reports"},
		{content.Quote{Slug: "b", Text: "x", Stance: "differs"}, "differs"},
		{content.Quote{Slug: "c", Text: "x", Stance: "contradicts"}, "contradicts"},
		{content.Quote{Slug: "d", Absent: true}, "absent"},
		{content.Quote{Slug: "e", Absent: true, Stance: "differs"}, "absent"},
	}
	b := &builder{cfg: repoConfig(), d: &content.Dossier{}, min: newMinifier(), bySlug: map[string]*source{}}
	var qs []*content.Quote
	var want []string
	for i, tt := range quotes {
		s := &source{Source: &content.Source{Slug: tt.q.Slug}, urls: map[*content.Quote]string{},
			view: &render.Source{Slug: tt.q.Slug, Outlet: tt.q.Slug, Page: "sources/" + tt.q.Slug + ".html"}}
		b.bySlug[s.Slug] = s
		for range MaxColumns { // too many sources for columns
			b.sources = append(b.sources, s)
		}
		qs = append(qs, &quotes[i].q)
		want = append(want, "mark "+tt.mark)
	}
	var errs diag.List
	cells := b.cells(qs, &errs)
	for i, c := range cells { // for a template's if: set only when the source reports the claim
		if c.Differs != (want[i] == "mark differs") || c.Contradicts != (want[i] == "mark contradicts") {
			t.Errorf("cell of %+v: Differs %v, Contradicts %v", quotes[i].q, c.Differs, c.Contradicts)
		}
	}
	b.site = &render.Site{Title: "T", Claims: []*render.Claim{{ID: "c1", Label: "C1", Claim: "One", Cells: cells}}}
	row, err := b.row(tmpl, b.rowPage(), 0)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := goquery.NewDocumentFromReader(strings.NewReader("<table>" + string(row) + "</table>"))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	doc.Find(".cell > .mark").Each(func(_ int, m *goquery.Selection) { got = append(got, m.AttrOr("class", "")) })
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("marks %q, want %q", got, want)
	}
}
