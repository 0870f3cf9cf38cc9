package site

import (
	"bytes"
	"html/template"
	"os"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/PuerkitoBio/goquery"
	"github.com/gen-dossier/gen/internal/corpus"
	"github.com/gen-dossier/gen/internal/render"
)

func TestSpliceRows(t *testing.T) {
	rows := []template.HTML{"<tr>a</tr>", "<tr>b</tr>"}
	m0, m1 := rowMarker(0), rowMarker(1)
	tests := []struct {
		name, page string
		want       string // "" when not ok
	}{
		{"in order", "<tbody>" + m0 + m1 + "</tbody>", "<tbody><tr>a</tr><tr>b</tr></tbody>"},
		{"any order", "<b>" + m1 + "</b><i>" + m0 + "</i>", "<b><tr>b</tr></b><i><tr>a</tr></i>"},
		{"one missing", "<tbody>" + m0 + "</tbody>", ""},
		{"twice", m0 + m1 + m0, ""},
		{"out of range", m0 + m1 + rowMarker(2), ""},
		{"unterminated", m0 + m1 + rowOpen + "1", ""},
		{"not a number", m0 + m1 + rowOpen + "x" + rowClose, ""},
		{"none", "<p>no rows</p>", ""},
		{"first", m0 + "<p>" + m1, ""},
		{"last", "<p>" + m0 + m1, "<p><tr>a</tr><tr>b</tr>"},
		{"text before", "<p>x " + m0 + m1 + "</p>", ""},
		{"text after", "<p>" + m0 + m1 + " x</p>", ""},
		{"text between", "<p>" + m0 + " x <b>" + m1 + "</b>", ""},
		{"in an attribute", `<div title="` + m0 + `">` + m1, ""},
		{"tags between", "<p>" + m0 + "</p><p>" + m1 + "</p>", "<p><tr>a</tr></p><p><tr>b</tr></p>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := spliceRows([]byte(tt.page), rows, 20)
			if ok != (tt.want != "") || string(got) != tt.want {
				t.Errorf("spliceRows(%q) = %q, %v; want %q", tt.page, got, ok, tt.want)
			}
		})
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
	src, err := os.ReadFile("../../templates/claims.html")
	if err != nil {
		t.Fatal(err)
	}
	noRows := strings.Replace(string(src), "{{- range .Claims}}{{.Row}}{{end}}", `{{- range .Claims}}<tr id="{{.ID}}"><td>{{.Label}}</td></tr>{{end}}`, 1)
	if noRows == string(src) {
		t.Fatal("claims.html no longer shows {{.Row}} as this test expects: update the test")
	}
	o, err := Build(withFiles(fstest.MapFS{"claims.html": {Data: []byte(noRows)}}, nil))
	if err != nil {
		t.Fatal(err)
	}
	page, _ := o.File("claims.html")
	if bytes.Contains(page, []byte(rowOpen)) || !bytes.Contains(page, []byte(`<td>C1</td>`)) || bytes.Contains(page, []byte(`class="claim"`)) {
		t.Errorf("claims.html is not made as its template says:\n%s", page)
	}
}

// TestClaimsTemplateSplices checks that the claims.html this repository
// ships shows each row where it can be put in minified: the page is not
// made whole.
func TestClaimsTemplateSplices(t *testing.T) {
	tmpl, err := render.Parse(repoConfig().Templates)
	if err != nil {
		t.Fatal(err)
	}
	claims := []*render.Claim{{ID: "c1", Row: template.HTML(rowMarker(0))}, {ID: "c2", Row: template.HTML(rowMarker(1))}}
	site := &render.Site{Title: "T", Claims: claims, Topics: []*render.Topic{{ID: "topic-t", Name: "T", Claims: claims}}}
	for _, dense := range []bool{true, false} {
		site.Dense = dense
		page, err := tmpl.Execute("claims", &render.Page{Site: site, Kind: "claims", Path: "claims.html", Title: "Claims"})
		if err != nil {
			t.Fatal(err)
		}
		if page, err = newMinifier().Bytes("text/html", page); err != nil {
			t.Fatal(err)
		}
		if _, ok := spliceRows(page, []template.HTML{`<tr id="c1"></tr>`, `<tr id="c2"></tr>`}, 0); !ok {
			t.Errorf("dense %v: the rows of claims.html cannot be put in place of their markers:\n%s", dense, page)
		}
	}
}
