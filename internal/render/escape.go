package render

// html/template makes a template safe by adding an escaper to the
// pipeline of every action: {{.Outlet}} runs as {{.Outlet |
// _html_template_htmlescaper}}, and a link in an attribute passes three.
// text/template calls each of them by name, through reflection, and
// their signature, func(...any) string, makes it build a slice and box
// the value on every call: a fifth of the cost of a large site's
// templates, and more of what it allocates than anything else.
//
// The escapers below are html/template's own (Go 1.26, BSD-style
// licence: see the Go source, html/template/{content,html,url}.go), for
// the four that nearly every action runs, with a signature text/template
// calls for less: func(any) string. Parse puts them in place of
// html/template's once the set is escaped, under the same names, so the
// output is the same byte for byte (TestEscapers and FuzzEscapers check
// that against html/template itself). Where Go renames them, nothing is
// replaced and the templates run as before (TestEscapersReplace notices).
//
// A link runs three escapers one after the other: Parse makes them one
// call of a function that does all three (see fusions), which leaves
// the output the same and saves two of the calls.

import (
	"errors"
	"fmt"
	"html/template"
	"io"
	"reflect"
	"slices"
	"strings"
	"sync"
	"text/template/parse"
	"unicode/utf8"
)

// escapers are the replacements, by the name html/template gives them,
// and the fusions.
var escapers = template.FuncMap{
	"_html_template_htmlescaper":   htmlEscaper,
	"_html_template_attrescaper":   attrEscaper,
	"_html_template_urlfilter":     urlFilter,
	"_html_template_urlnormalizer": urlNormalizer,
	"_gen_urlattr":                 func(arg any) string { return attrEscaper(urlNormalizer(urlFilter(arg))) },
	"_gen_urlnormattr":             func(arg any) string { return attrEscaper(urlNormalizer(arg)) },
}

// fusions are the chains of escapers html/template ends a pipeline with
// that one of escapers does, by its name: a link in a quoted attribute,
// from its start and after it.
var fusions = []struct {
	name  string
	chain []string
}{
	{"_gen_urlattr", []string{"_html_template_urlfilter", "_html_template_urlnormalizer", "_html_template_attrescaper"}},
	{"_gen_urlnormattr", []string{"_html_template_urlnormalizer", "_html_template_attrescaper"}},
}

// useEscapers escapes the entry points of tmpl, the templates the site
// executes by name, then puts the escapers in place of html/template's.
// html/template escapes a template the first time it is executed and
// then sets its own escapers again, so each entry point is executed
// here first, with no data, into a writer that takes nothing: that
// escapes it, and stops it at the first output. An escaping error
// (such as an action inside a comment) is returned; other errors are
// those of running without data. The chains of fusions are then made
// one call in the escaped templates. No template may be executed later
// by another name: html/template would escape it then, and a template
// it calls in another context than before would be escaped anew from
// the fused tree, in which html/template no longer sees the escapers
// that it otherwise skips as done (a link in a <textarea> would be
// escaped twice). Templates executes only the entries it escaped.
func useEscapers(tmpl *template.Template, entries ...string) error {
	for _, name := range entries {
		if tmpl.Lookup(name) == nil {
			continue
		}
		err := tmpl.ExecuteTemplate(refuseWriter{}, name, nil)
		var escErr *template.Error
		if errors.As(err, &escErr) {
			return err
		}
	}
	tmpl.Funcs(escapers)
	for _, t := range tmpl.Templates() {
		if t.Tree != nil {
			fuse(t.Tree.Root)
		}
	}
	return nil
}

// fuse makes each chain of fusions that ends the pipeline of an action
// under n one call.
func fuse(n parse.Node) {
	switch n := n.(type) {
	case *parse.ListNode:
		if n != nil {
			for _, c := range n.Nodes {
				fuse(c)
			}
		}
	case *parse.ActionNode:
		fusePipe(n.Pipe)
	case *parse.IfNode:
		fuse(n.List)
		fuse(n.ElseList)
	case *parse.RangeNode:
		fuse(n.List)
		fuse(n.ElseList)
	case *parse.WithNode:
		fuse(n.List)
		fuse(n.ElseList)
	}
}

// fusePipe makes the chain of fusions that ends p, if one does, one
// call: its first command calls the fusion, the others go.
func fusePipe(p *parse.PipeNode) {
	for _, f := range fusions {
		k := len(f.chain)
		if len(p.Cmds) <= k { // a value comes first
			continue
		}
		tail := p.Cmds[len(p.Cmds)-k:]
		if !slices.EqualFunc(tail, f.chain, calls) {
			continue
		}
		tail[0].Args[0].(*parse.IdentifierNode).Ident = f.name
		p.Cmds = p.Cmds[:len(p.Cmds)-k+1]
		return
	}
}

// calls reports whether the command c is a call of the function name
// alone, as an escaper is called in a pipeline.
func calls(c *parse.CommandNode, name string) bool {
	if len(c.Args) != 1 {
		return false
	}
	id, ok := c.Args[0].(*parse.IdentifierNode)
	return ok && id.Ident == name
}

// refuseWriter fails every write.
type refuseWriter struct{}

func (refuseWriter) Write([]byte) (int, error) { return 0, io.ErrShortWrite }

// htmlEscaper escapes for inclusion in HTML text.
func htmlEscaper(arg any) string {
	s, t := stringify(arg)
	if t == contentTypeHTML {
		return s
	}
	return htmlReplacer(s, htmlReplacementTable)
}

// attrEscaper escapes for inclusion in quoted attribute values.
func attrEscaper(arg any) string {
	s, t := stringify(arg)
	if t == contentTypeHTML {
		// html/template strips the tags of the HTML, with its own
		// parser of HTML contexts: let it, in the same context.
		return attrOfHTML(s)
	}
	return htmlReplacer(s, htmlReplacementTable)
}

// attrTemplate is a quoted attribute value, for attrOfHTML.
var attrTemplate = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("attr").Parse(`<p title="{{.}}">`))
})

// attrOfHTML is html/template's attrEscaper of HTML content.
func attrOfHTML(s string) string {
	var b strings.Builder
	if err := attrTemplate().Execute(&b, template.HTML(s)); err != nil {
		return "" // cannot happen: the template is fixed, and b takes every write
	}
	out := b.String()
	return out[len(`<p title="`) : len(out)-len(`">`)]
}

// urlFilter returns its input unless it contains an unsafe scheme in
// which case it defangs the entire URL.
func urlFilter(arg any) string {
	s, t := stringify(arg)
	if t == contentTypeURL {
		return s
	}
	if !isSafeURL(s) {
		return "#" + filterFailsafe
	}
	return s
}

// filterFailsafe is what html/template puts for a value it refuses.
const filterFailsafe = "ZgotmplZ"

// isSafeURL is true if s is a relative URL or if URL has a protocol in
// (http, https, mailto).
func isSafeURL(s string) bool {
	if protocol, _, ok := strings.Cut(s, ":"); ok && !strings.Contains(protocol, "/") {
		if !strings.EqualFold(protocol, "http") && !strings.EqualFold(protocol, "https") && !strings.EqualFold(protocol, "mailto") {
			return false
		}
	}
	return true
}

// urlNormalizer normalizes URL content so it can be embedded in a
// quote-delimited string or parenthesis delimited url(...).
func urlNormalizer(arg any) string {
	s, _ := stringify(arg) // a URL is normalized, as everything else is
	var b strings.Builder
	if normalizeURLOnto(s, &b) {
		return b.String()
	}
	return s
}

// normalizeURLOnto appends a normalized URL corresponding to its input
// to b, unless it is s, and reports whether it did: html/template's
// processURLOnto when normalizing, as urlNormalizer does.
func normalizeURLOnto(s string, b *strings.Builder) bool {
	written := 0
	for i, n := 0, len(s); i < n; i++ {
		c := s[i]
		switch c {
		case '!', '#', '$', '&', '*', '+', ',', '/', ':', ';', '=', '?', '@', '[', ']', '-', '.', '_', '~':
			continue
		case '%':
			// A valid escape is not encoded again.
			if i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]) {
				continue
			}
		default:
			if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' {
				continue
			}
		}
		if written == 0 {
			b.Grow(len(s) + 16) // html/template grows it first; only the allocations differ
		}
		b.WriteString(s[written:i])
		fmt.Fprintf(b, "%%%02x", c)
		written = i + 1
	}
	if written == 0 {
		return false
	}
	b.WriteString(s[written:])
	return true
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// htmlReplacementTable contains the runes that need to be escaped
// inside a quoted attribute value or in a text node.
var htmlReplacementTable = []string{
	0:    "\uFFFD",
	'"':  "&#34;",
	'&':  "&amp;",
	'\'': "&#39;",
	'+':  "&#43;",
	'<':  "&lt;",
	'>':  "&gt;",
}

// htmlReplacer returns s with runes replaced according to
// replacementTable; other runes, bad ones too, pass.
func htmlReplacer(s string, replacementTable []string) string {
	written, b := 0, new(strings.Builder)
	r, w := rune(0), 0
	for i := 0; i < len(s); i += w {
		// Not for range s: the width of a decoding error must be kept.
		r, w = utf8.DecodeRuneInString(s[i:])
		if int(r) < len(replacementTable) {
			if repl := replacementTable[r]; len(repl) != 0 {
				if written == 0 {
					b.Grow(len(s))
				}
				b.WriteString(s[written:i])
				b.WriteString(repl)
				written = i + w
			}
		}
	}
	if written == 0 {
		return s
	}
	b.WriteString(s[written:])
	return b.String()
}

// contentType is the kind of safe content a value holds, of those the
// escapers here tell apart.
type contentType uint8

const (
	contentTypePlain contentType = iota
	contentTypeHTML
	contentTypeURL
)

// stringify converts its argument to a string and the type of the
// content. All pointers are dereferenced, as in the text/template
// package; an untyped nil is the empty string. html/template's tells
// every kind of safe content apart; the others (CSS, JS, …) print as
// their string, as fmt.Sprint prints them below.
func stringify(arg any) (string, contentType) {
	if s, ok := arg.(string); ok { // most are
		return s, contentTypePlain
	}
	switch s := indirect(arg).(type) {
	case string:
		return s, contentTypePlain
	case template.HTML:
		return string(s), contentTypeHTML
	case template.URL:
		return string(s), contentTypeURL
	}
	if arg == nil {
		return "", contentTypePlain
	}
	return fmt.Sprint(indirectToStringerOrError(arg)), contentTypePlain
}

// indirect returns the value, after dereferencing as many times as
// necessary to reach the base type (or nil).
func indirect(a any) any {
	if a == nil {
		return nil
	}
	if t := reflect.TypeOf(a); t.Kind() != reflect.Pointer {
		return a
	}
	v := reflect.ValueOf(a)
	for v.Kind() == reflect.Pointer && !v.IsNil() {
		v = v.Elem()
	}
	return v.Interface()
}

var (
	errorType       = reflect.TypeFor[error]()
	fmtStringerType = reflect.TypeFor[fmt.Stringer]()
)

// indirectToStringerOrError returns the value, after dereferencing as
// many times as necessary to reach the base type (or nil) or an
// implementation of fmt.Stringer or error.
func indirectToStringerOrError(a any) any {
	if a == nil {
		return nil
	}
	v := reflect.ValueOf(a)
	for !v.Type().Implements(fmtStringerType) && !v.Type().Implements(errorType) && v.Kind() == reflect.Pointer && !v.IsNil() {
		v = v.Elem()
	}
	return v.Interface()
}
