package render

import (
	"errors"
	"fmt"
	"html/template"
	"io"
	"strings"
	"testing"
	"testing/fstest"
)

// escapeContexts are places of an action that run the replaced
// escapers, alone or with html/template's others.
var escapeContexts = []string{
	`{{.}}`,
	`<p title="{{.}}">`,
	`<p title='{{.}} and {{.}}'>`,
	`<a href="{{.}}">`,
	`<a href="/x/{{.}}#{{.}}">`,
	`<a href="?q={{.}}">`,
	`<img srcset="{{.}}">`,
	`<p title={{.}}>`,
	`<textarea>{{.}}</textarea>`,
	`<p style="color: {{.}}">`,
	`<script>var x = {{.}};</script>`,
	`<!-- {{.}} --><p>{{.}}`,
}

// escapeValues are values of every kind the escapers take apart, made
// from s.
func escapeValues(s string) []any {
	var nilPtr *string
	return []any{
		s, &s, template.HTML(s), template.URL(s), template.HTMLAttr(s),
		template.JS(s), template.JSStr(s), template.CSS(s), template.Srcset(s),
		nil, nilPtr, len(s), []string{s, s}, errors.New(s), stringer(s), &struct{ S string }{s},
	}
}

type stringer string

func (s stringer) String() string { return "<" + string(s) + ">" }

// escapePair returns the template text as html/template runs it, and
// with the escapers replaced.
func escapePair(t *testing.T, text string) (std, ours *template.Template) {
	std = template.Must(template.New("t").Parse(text))
	ours = template.Must(template.New("t").Parse(text))
	if err := useEscapers(ours, "t"); err != nil {
		t.Fatalf("%s: %v", text, err)
	}
	return std, ours
}

// checkEscapes fails t where a value of s prints otherwise than with
// html/template's escapers, in any context.
func checkEscapes(t *testing.T, pairs [][2]*template.Template, s string) {
	t.Helper()
	for _, p := range pairs {
		for _, v := range escapeValues(s) {
			var want, got strings.Builder
			errStd := p[0].Execute(&want, v)
			errOurs := p[1].Execute(&got, v)
			if got.String() != want.String() || fmt.Sprint(errOurs) != fmt.Sprint(errStd) {
				t.Errorf("%s with %T %q:\n got %q (%v)\nwant %q (%v)", p[0].Tree.Root, v, s, got.String(), errOurs, want.String(), errStd)
			}
		}
	}
}

func escapePairs(t *testing.T) [][2]*template.Template {
	var pairs [][2]*template.Template
	for _, text := range escapeContexts {
		std, ours := escapePair(t, text)
		pairs = append(pairs, [2]*template.Template{std, ours})
	}
	return pairs
}

var escapeCases = []string{
	"", "plain words", `Tom & "Jerry" <b>bold</b> it's 1+1`, "\x00nul", "bad \xff\xfe utf-8",
	"javascript:alert(1)", "JavaScript:x", "mailto:a@b.c", "HTTPS://x.y/p?q=1&r=2#f", "a/b:c",
	"../sources/a b.html#p-3", "100%", "%zz %4a %4", "ünïcödé “curly” – dash \u2028 \ufdd0 \uffff",
	"<b>x</b> &amp; <script>y</script>", "a\tb\nc\rd e=f`g", "/x,y;z=[1]@!$*()'",
}

// TestEscapers compares the replaced escapers with html/template's, in
// every context that runs them, on values of every kind.
func TestEscapers(t *testing.T) {
	pairs := escapePairs(t)
	for _, s := range escapeCases {
		checkEscapes(t, pairs, s)
	}
}

func FuzzEscapers(f *testing.F) {
	for _, s := range escapeCases {
		f.Add(s)
	}
	var pairs [][2]*template.Template
	f.Fuzz(func(t *testing.T, s string) {
		if pairs == nil {
			pairs = escapePairs(t)
		}
		checkEscapes(t, pairs, s)
	})
}

// TestEscapersReplace checks that the escapers are in use: that
// html/template still calls its escapers by the names replaced, and
// ends a pipeline with each chain fused, and that Parse replaces them
// in every page kind's set, the claims table's row template too.
func TestEscapersReplace(t *testing.T) {
	std := template.Must(template.New("t").Parse(`<a href="{{.}}" title="{{.}}">{{.}}</a><a href="x/{{.}}">`))
	std.Execute(io.Discard, "") // escapes it
	escaped := std.Tree.Root.String()
	for name := range escapers {
		if strings.HasPrefix(name, "_html_template_") && !strings.Contains(escaped, name) {
			t.Errorf("html/template no longer calls %s: see escape.go", name)
		}
	}
	for _, f := range fusions {
		if chain := "| " + strings.Join(f.chain, " | ") + "}}"; !strings.Contains(escaped, chain) {
			t.Errorf("html/template no longer ends a pipeline with %s: see escape.go", chain)
		}
	}
	ours := template.Must(template.New("t").Parse(`<a href="{{.}}">x</a><a href="x/{{.}}">`))
	if err := useEscapers(ours, "t"); err != nil {
		t.Fatal(err)
	}
	if got, want := ours.Tree.Root.String(), `<a href="{{. | _gen_urlattr}}">x</a><a href="x/{{. | _gen_urlnormattr}}">`; got != want {
		t.Errorf("fused:\n got %s\nwant %s", got, want)
	}

	// Every page kind's set runs the escapers Parse puts in place,
	// counted here, the claims table's row template too.
	calls := map[string]int{}
	saved := escapers
	escapers = template.FuncMap{}
	for name, f := range saved {
		escapers[name] = func(a any) string { calls[name]++; return f.(func(any) string)(a) }
	}
	defer func() { escapers = saved }()
	fsys := okTemplates()
	fsys["base.html"].Data = []byte(`{{define "base"}}<p title="{{.Title}}">{{template "main" .}}{{end}}`)
	for _, k := range Kinds {
		fsys[k+".html"].Data = []byte(`{{define "main"}}{{.Title}}{{end}}`)
	}
	fsys["claims.html"] = &fstest.MapFile{Data: []byte(`{{define "main"}}{{.Title}}{{end}}{{define "claim"}}<a href="{{.Path}}">x</a>{{end}}`)}
	ts, err := Parse(fsys)
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range Kinds {
		clear(calls)
		if _, err := ts.Execute(k, &Page{Title: "t"}); err != nil {
			t.Fatal(err)
		}
		if calls["_html_template_htmlescaper"] != 1 || calls["_html_template_attrescaper"] != 1 {
			t.Errorf("%s: escapers called %v, want the HTML and attribute escapers once each", k, calls)
		}
	}
	clear(calls)
	if err := ts.ExecuteNamedTo(io.Discard, "claims", "claim", &Page{Path: "p.html"}); err != nil {
		t.Fatal(err)
	}
	if len(calls) != 1 || calls["_gen_urlattr"] != 1 {
		t.Errorf("claim row: escapers called %v, want the link's fusion once", calls)
	}
}

// TestEscapeErrors checks that Parse reports what makes a template
// impossible to escape, as executing it would have.
func TestEscapeErrors(t *testing.T) {
	fsys := okTemplates()
	fsys["timeline.html"] = &fstest.MapFile{Data: []byte("{{define \"main\"}}\n<a href=\"{{.Root}}{{end}}")}
	_, err := Parse(fsys)
	if err == nil || !strings.Contains(err.Error(), "base: ends in a non-text context") {
		t.Errorf("error does not say base ends in a non-text context: %v", err)
	}
	fsys["timeline.html"] = &fstest.MapFile{Data: []byte(`{{define "main"}}ok{{end}}`)}
	fsys["claims.html"] = &fstest.MapFile{Data: []byte(`{{define "main"}}ok{{end}}{{define "claim"}}<a href="{{.Path}}{{end}}`)}
	if _, err := Parse(fsys); err == nil || !strings.Contains(err.Error(), "claim: ends in a non-text context") {
		t.Errorf("error does not say claim ends in a non-text context: %v", err)
	}
}

// TestExecuteNamedOnlyEntries checks that a set executes by name only
// the templates Parse escaped: "other", escaped later, would escape the
// fused link of "link" again inside the textarea.
func TestExecuteNamedOnlyEntries(t *testing.T) {
	fsys := okTemplates()
	fsys["claims.html"] = &fstest.MapFile{Data: []byte(`{{define "main"}}ok{{end}}` +
		`{{define "claim"}}{{template "link" .}}{{end}}{{define "link"}}<a href="{{.Path}}">x</a>{{end}}` +
		`{{define "other"}}<textarea>{{template "link" .}}</textarea>{{end}}`)}
	ts, err := Parse(fsys)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := ts.ExecuteNamedTo(&b, "claims", "claim", &Page{Path: "a&b"}); err != nil || b.String() != `<a href="a&amp;b">x</a>` {
		t.Errorf("claim: %q, %v", b.String(), err)
	}
	if err := ts.ExecuteNamedTo(io.Discard, "claims", "other", &Page{Path: "a&b"}); err == nil || !strings.Contains(err.Error(), `"other" is not one executed by name`) {
		t.Errorf("other: error %v, want a refusal", err)
	}
}
