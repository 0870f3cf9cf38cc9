// Package render executes the site's html/template layouts.
//
// # Templates
//
// The templates folder holds base.html, which defines the page frame
// ("base") and shared blocks, and one file per page kind: index.html,
// source.html, claims.html, timeline.html, page.html and 404.html. Each page
// file defines "main" (the page's content). Parse reads them from an fs.FS
// and knows nothing of where they are on disk.
//
// Every page is executed with a *Page: the site-wide data in .Site, the
// page's own data in .Source or .Doc, and .Root, the relative path from the
// page back to the site root ("" or "../"), which every internal link is
// prefixed with so that the site works from any folder and from file://.
// A path from the data (root-relative) becomes a link from the page as
// {{$.Rel .Path}}. Template functions: date (YYYY-MM-DD → "12 April
// 2024"), span (two dates → "13–14 April 2024"), plural (3 "claim" →
// "3 claims"). The page frame ("base") and the claims table's row
// ("claim") are the only templates executed by name.
package render

import (
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Kinds are the page kinds, one template file each.
var Kinds = []string{"index", "source", "claims", "timeline", "page", "404"}

// Templates holds one parsed template per page kind.
type Templates struct {
	byKind map[string]*template.Template
}

// Parse parses base.html and each page kind's file from fsys.
func Parse(fsys fs.FS) (*Templates, error) {
	t := &Templates{byKind: make(map[string]*template.Template)}
	base, err := fs.ReadFile(fsys, "base.html")
	if err != nil {
		return nil, fmt.Errorf("base.html: %v", err)
	}
	for _, kind := range Kinds {
		name := kind + ".html"
		page, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, fmt.Errorf("%s: %v (every page kind needs its template: %s)", name, err, strings.Join(Kinds, ".html, ")+".html")
		}
		tmpl := template.New("base.html").Funcs(funcs)
		if _, err := tmpl.Parse(string(base)); err != nil {
			return nil, err
		}
		if _, err := tmpl.New(name).Parse(string(page)); err != nil {
			return nil, err
		}
		if err := useEscapers(tmpl, entries...); err != nil {
			return nil, err
		}
		t.byKind[kind] = tmpl
	}
	return t, nil
}

// entries are the templates of a set that are executed by name: the
// page frame and the claims table's row template. Only these are
// escaped before their escapers are replaced (see useEscapers).
var entries = []string{"base", "claim"}

// Execute renders the page of the given kind.
func (t *Templates) Execute(kind string, p *Page) ([]byte, error) {
	tmpl := t.byKind[kind]
	if tmpl == nil {
		return nil, fmt.Errorf("no template for page kind %q", kind)
	}
	buf := pageBuffer{first: p.SizeHint}
	if err := tmpl.ExecuteTemplate(&buf, "base", p); err != nil {
		return nil, err
	}
	return buf.bytes(), nil
}

// ExecuteTo is Execute writing to w, such as a buffer that is used
// again for the next page.
func (t *Templates) ExecuteTo(w io.Writer, kind string, p *Page) error {
	tmpl := t.byKind[kind]
	if tmpl == nil {
		return fmt.Errorf("no template for page kind %q", kind)
	}
	return tmpl.ExecuteTemplate(w, "base", p)
}

// A pageBuffer is where a page is rendered: in blocks, the first of
// first bytes (when known), each next as large as all before it up to
// a MB, so that a large page is not copied as it grows, as it is in a
// bytes.Buffer, which then also holds up to twice its size; the page is
// put together once, at its size.
type pageBuffer struct {
	first  int
	blocks [][]byte
	n      int // the bytes written
}

func (b *pageBuffer) Write(p []byte) (int, error) {
	n := len(p)
	for len(p) > 0 {
		if len(b.blocks) == 0 || len(b.blocks[len(b.blocks)-1]) == cap(b.blocks[len(b.blocks)-1]) {
			size := min(max(b.n, 4<<10), 1<<20)
			if len(b.blocks) == 0 && b.first > 0 {
				size = b.first + 1 // see bytes
			}
			b.blocks = append(b.blocks, make([]byte, 0, size))
		}
		last := &b.blocks[len(b.blocks)-1]
		k := min(len(p), cap(*last)-len(*last))
		*last = append(*last, p[:k]...)
		b.n += k
		p = p[k:]
	}
	return n, nil
}

// bytes returns the page, with room for a byte more: the minifier puts
// a NUL after what it reads, and copies it where there is no room.
func (b *pageBuffer) bytes() []byte {
	if len(b.blocks) == 1 && cap(b.blocks[0]) > b.n {
		return b.blocks[0]
	}
	page := make([]byte, 0, b.n+1)
	for _, blk := range b.blocks {
		page = append(page, blk...)
	}
	return page
}

// Defines reports whether the template set of the page kind defines the
// template name, such as claims.html's row template "claim".
func (t *Templates) Defines(kind, name string) bool {
	tmpl := t.byKind[kind]
	return tmpl != nil && tmpl.Lookup(name) != nil
}

// ExecuteNamedTo renders the template name of the page kind's set with
// p to w: a part of a page, the claims table's row "claim", into a
// buffer that is used again for the next part. Another name than one of
// entries is an error: escaped only now, it could be escaped anew in a
// context that the templates it calls, made faster once escaped, no
// longer tell html/template they are escaped for (see useEscapers).
func (t *Templates) ExecuteNamedTo(w io.Writer, kind, name string, p *Page) error {
	tmpl := t.byKind[kind]
	if tmpl == nil {
		return fmt.Errorf("no template for page kind %q", kind)
	}
	if !slices.Contains(entries, name) {
		return fmt.Errorf("template %q is not one executed by name (%s)", name, strings.Join(entries, ", "))
	}
	return tmpl.ExecuteTemplate(w, name, p)
}

var funcs = template.FuncMap{
	"date":   humanDate,
	"span":   humanSpan,
	"plural": plural,
}

// humanDate formats YYYY-MM-DD as "12 April 2024"; other strings pass.
func humanDate(s string) string {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return s
	}
	return t.Format("2 January 2006")
}

// humanSpan formats a range of YYYY-MM-DD dates compactly: "13–14 April
// 2024", "30 April – 2 May 2024", or one date when from == to.
func humanSpan(from, to string) string {
	a, err1 := time.Parse(time.DateOnly, from)
	b, err2 := time.Parse(time.DateOnly, to)
	switch {
	case err1 != nil || err2 != nil:
		return from + "–" + to
	case a.Equal(b):
		return humanDate(from)
	case a.Year() != b.Year():
		return humanDate(from) + " – " + humanDate(to)
	case a.Month() != b.Month():
		return a.Format("2 January") + " – " + humanDate(to)
	}
	return fmt.Sprintf("%d–%s", a.Day(), humanDate(to))
}

// plural returns "1 claim" or "3 claims".
func plural(n int, word string) string {
	switch {
	case n == 1:
	case strings.HasSuffix(word, "y"):
		word = word[:len(word)-1] + "ies"
	default:
		word += "s"
	}
	return strconv.Itoa(n) + " " + word
}
