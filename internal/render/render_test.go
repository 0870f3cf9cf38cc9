package render

import (
	"bytes"
	"html/template"
	"strings"
	"testing"
	"testing/fstest"
)

func TestFuncs(t *testing.T) {
	tests := []struct{ got, want string }{
		{humanDate("2024-04-12"), "12 April 2024"},
		{humanDate("not a date"), "not a date"},
		{humanSpan("2024-04-13", "2024-04-14"), "13–14 April 2024"},
		{humanSpan("2024-04-30", "2024-05-02"), "30 April – 2 May 2024"},
		{humanSpan("2023-12-30", "2024-01-02"), "30 December 2023 – 2 January 2024"},
		{humanSpan("2024-04-12", "2024-04-12"), "12 April 2024"},
		{plural(1, "claim"), "1 claim"},
		{plural(3, "claim"), "3 claims"},
		{plural(2, "entry"), "2 entries"},
		{plural(1, "entry"), "1 entry"},
		{plural(0, "line"), "0 lines"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
}

// okTemplates returns a templates folder whose every page is "ok".
func okTemplates() fstest.MapFS {
	fsys := fstest.MapFS{"base.html": {Data: []byte(`{{define "base"}}{{template "main" .}}{{end}}`)}}
	for _, k := range Kinds {
		fsys[k+".html"] = &fstest.MapFile{Data: []byte(`{{define "main"}}ok{{end}}`)}
	}
	return fsys
}

func TestParseErrors(t *testing.T) {
	fsys := okTemplates()
	if _, err := Parse(fsys); err != nil {
		t.Fatalf("valid templates: %v", err)
	}
	fsys["claims.html"] = &fstest.MapFile{Data: []byte("{{define \"main\"}}\n{{.Nope | nofunc}}\n{{end}}")}
	_, err := Parse(fsys)
	if err == nil || !strings.Contains(err.Error(), "claims.html:2") {
		t.Errorf("error does not name claims.html:2: %v", err)
	}
	delete(fsys, "page.html")
	fsys["claims.html"] = &fstest.MapFile{Data: []byte(`{{define "main"}}ok{{end}}`)}
	if _, err := Parse(fsys); err == nil || !strings.Contains(err.Error(), "page.html") {
		t.Errorf("missing page.html: %v", err)
	}
}

// TestRows checks the parts of a page rendered on their own: a claims
// table row is escaped as it would be inside the page, and a template
// set without a row template says so.
func TestRows(t *testing.T) {
	fsys := okTemplates()
	fsys["claims.html"] = &fstest.MapFile{Data: []byte(
		`{{define "claim"}}{{with .Claim}}<tr id="{{.ID}}"><td><a href="{{$.Rel .URL}}">{{.Text}}</a></td></tr>{{end}}{{end}}` +
			`{{define "main"}}<table>{{range .Site.Claims}}{{.Row}}{{end}}</table>{{end}}`)}
	tmpl, err := Parse(fsys)
	if err != nil {
		t.Fatal(err)
	}
	if !tmpl.Defines("claims", "claim") || tmpl.Defines("index", "claim") {
		t.Errorf("Defines: claims %v, index %v", tmpl.Defines("claims", "claim"), tmpl.Defines("index", "claim"))
	}
	c := &Claim{ID: "c1", URL: "claims.html#c1", Text: `Tom & "Jerry" <b>`}
	var buf bytes.Buffer
	if err := tmpl.ExecuteNamedTo(&buf, "claims", "claim", &Page{Root: "../", Claim: c}); err != nil {
		t.Fatal(err)
	}
	row := buf.Bytes()
	want := `<tr id="c1"><td><a href="../claims.html#c1">Tom &amp; &#34;Jerry&#34; &lt;b&gt;</a></td></tr>`
	if string(row) != want {
		t.Errorf("row:\n got %s\nwant %s", row, want)
	}
	c.Row = template.HTML(row)
	page, err := tmpl.Execute("claims", &Page{Site: &Site{Claims: []*Claim{c}}})
	if err != nil {
		t.Fatal(err)
	}
	if string(page) != "<table>"+want+"</table>" {
		t.Errorf("page: %s", page)
	}
}

// TestWordingHTML compares Wording.HTML with what html/template makes of
// the same words, the per-word template it replaces.
func TestWordingHTML(t *testing.T) {
	oracle := template.Must(template.New("w").Parse(
		`{{range $i, $w := .Words}}{{if $i}} {{end}}{{if $w.Changed}}<mark class="changed">{{$w.Text}}</mark>{{else}}{{$w.Text}}{{end}}{{end}}`))
	for _, words := range [][]Word{
		{{Text: "a+b"}, {Text: `"x"`, Changed: true}, {Text: "<&>'"}},
		{{Text: "naïve", Changed: true}, {Text: "\x00\xff"}, {Text: "€5"}},
		{},
	} {
		w := &Wording{Words: words}
		var want strings.Builder
		if err := oracle.Execute(&want, w); err != nil {
			t.Fatal(err)
		}
		if got := string(w.HTML()); got != want.String() {
			t.Errorf("HTML() = %q, want %q", got, want.String())
		}
	}
}

// TestRemovedRows compares Source.RemovedRows with what html/template
// makes of the same lines, the per-line template it replaces.
func TestRemovedRows(t *testing.T) {
	oracle := template.Must(template.New("r").Parse(
		"{{- range .Removed}}\n<tr><td>{{.Line}}</td><td>{{.Reason}}</td><td>{{.Text}}</td></tr>\n{{- end}}"))
	s := &Source{Removed: []Removed{
		{Line: 1, Reason: "navigation", Text: `Home | News & "Views" <b>`},
		{Line: 22, Reason: "related", Text: "a+b 'c' naïve \x00"},
		{Line: 305, Reason: "footer", Text: ""},
	}}
	var want strings.Builder
	if err := oracle.Execute(&want, s); err != nil {
		t.Fatal(err)
	}
	if got := string(s.RemovedRows()); got != want.String() {
		t.Errorf("RemovedRows() = %q, want %q", got, want.String())
	}
}

// TestPageBuffer checks that a page rendered in blocks is what was
// written, with room for a byte more, however it was written.
func TestPageBuffer(t *testing.T) {
	tests := []struct {
		name  string
		first int
		sizes []int // of the writes
	}{
		{"nothing", 0, nil},
		{"small", 0, []int{1, 2, 3}},
		{"fits the hint", 100, []int{40, 60}},
		{"beyond the hint", 100, []int{60, 60, 5000}},
		{"blocks", 0, []int{3000, 5000, 1 << 20, 3 << 20, 7}},
		{"one large write", 0, []int{5 << 20}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := pageBuffer{first: tt.first}
			var want []byte
			for i, n := range tt.sizes {
				p := bytes.Repeat([]byte{byte('a' + i)}, n)
				if k, err := b.Write(p); k != n || err != nil {
					t.Fatalf("Write = %d, %v", k, err)
				}
				want = append(want, p...)
			}
			got := b.bytes()
			if !bytes.Equal(got, want) {
				t.Errorf("page of %d bytes, want %d", len(got), len(want))
			}
			if len(want) > 0 && cap(got) <= len(got) {
				t.Errorf("no room after the page: cap %d, len %d", cap(got), len(got))
			}
		})
	}
}
