package site

import (
	"bytes"
	"fmt"
	"html/template"
	"slices"
	"strconv"
	"strings"

	"github.com/gen-dossier/gen/internal/par"
	"github.com/gen-dossier/gen/internal/render"
)

// This file makes the claims page.

// rows renders and minifies the row of every claim of the claims table,
// several at a time, when claims.html defines the row template "claim";
// nil when it does not. Its error is a template's or an outputError.
func (b *builder) rows(t *render.Templates) ([][]byte, error) {
	if !t.Defines("claims", "claim") {
		return nil, nil
	}
	var page render.Page
	b.fill("claims", "claims.html", "Claims", &page)
	rows := make([][]byte, len(b.site.Claims))
	errs := make([]error, len(b.site.Claims))
	par.Each(len(b.site.Claims), func(i int) {
		// The row's claim is a copy, with its wordings, which go with
		// it: kept for every claim, they were most of what a large
		// dossier's pages hold.
		c := *b.site.Claims[i]
		wordings(&c)
		p := page
		p.Claim = &c
		buf := getBuffer() // for the row as rendered, until minified
		defer putBuffer(buf)
		if err := t.ExecuteNamedTo(buf, "claims", "claim", &p); err != nil {
			errs[i] = err
			return
		}
		rows[i], errs[i] = b.minifyClaims(buf.Bytes())
	})
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return rows, nil
}

// claimsPage renders the claims page, minified, with the claims' rows
// (see rows), which are most of it, and returns it in parts, to be
// written one after the other: the page is rendered and minified with a
// marker in place of each row (before the rows are made, so that the
// page rendered is gone by then), and the rows go in place of the
// markers, the parts being the rows and the pieces of the page between
// them, where that gives what minifying the whole page gives; else the
// page is rendered with its rows and minified whole, one part. The page
// gets its own copies of the claims, with their rows: the pages made
// meanwhile see the claims without.
func (b *builder) claimsPage(t *render.Templates, page *render.Page) ([][]byte, error) {
	page.Site = claimsSite(b.site)
	shell, err := b.claimsShell(t, page)
	if err != nil {
		return nil, err
	}
	rows, err := b.rows(t)
	if err != nil {
		return nil, err
	}
	if parts, ok := spliceRows(shell, rows); ok {
		return parts, nil
	}
	whole, err := b.wholeClaims(t, page, rows)
	if err != nil {
		return nil, err
	}
	return [][]byte{whole}, nil
}

// claimsSite returns a copy of site whose claims, in its list and in its
// topics, are copies.
func claimsSite(site *render.Site) *render.Site {
	s := *site
	copies := make(map[*render.Claim]*render.Claim, len(site.Claims))
	s.Claims = make([]*render.Claim, len(site.Claims))
	for i, c := range site.Claims {
		cc := *c
		s.Claims[i], copies[c] = &cc, &cc
	}
	s.Topics = make([]*render.Topic, len(site.Topics))
	for i, tp := range site.Topics {
		tc := *tp
		tc.Claims = make([]*render.Claim, len(tp.Claims))
		for j, c := range tp.Claims {
			tc.Claims[j] = copies[c]
		}
		s.Topics[i] = &tc
	}
	return &s
}

// claimsShell renders the claims page of page.Site with a marker for
// each row (see spliceRows), and minifies it.
func (b *builder) claimsShell(t *render.Templates, page *render.Page) ([]byte, error) {
	for i, c := range page.Site.Claims {
		c.Row = template.HTML(rowMarker(i))
	}
	shell, err := b.render(t, "claims", "claims.html", "Claims", page)
	if err != nil {
		return nil, err
	}
	return b.minifyClaims(shell)
}

// wholeClaims renders the claims page of page.Site with its rows and
// minifies it.
func (b *builder) wholeClaims(t *render.Templates, page *render.Page, rows [][]byte) ([]byte, error) {
	size := 0
	for i, c := range page.Site.Claims {
		c.Row = template.HTML(rows[i])
		size += len(rows[i])
	}
	page.SizeHint = size + 64<<10 // the rows and the rest
	whole, err := b.render(t, "claims", "claims.html", "Claims", page)
	if err != nil {
		return nil, err
	}
	return b.minifyClaims(whole)
}

// minifyClaims minifies the claims page, or a part of it, into a new
// slice; its error is an outputError.
func (b *builder) minifyClaims(html []byte) ([]byte, error) {
	out, err := b.min.Bytes("text/html", html)
	if err != nil {
		return nil, outputError{fmt.Errorf("minifying claims.html: %v", err)}
	}
	return out, nil
}

// The marker of row i of the claims table is rowOpen, i, rowClose:
// private-use characters, which neither the template nor the minifier
// change in text.
const (
	rowOpen  = "\uE000gen-row-"
	rowClose = "\uE001"
)

func rowMarker(i int) string { return rowOpen + strconv.Itoa(i) + rowClose }

// spliceRows returns page with each row marker replaced by its row, in
// parts: the rows, the pieces of page before them and between them
// that are not empty, and the rest of page after the last. It is not ok unless every row's marker is
// there once, and every row is a table row whose marker stands in a
// table section (thead, tbody, tfoot or table), after its start tag or
// another row and before its end tag or another row: there the minifier
// drops the white space around the rows, so that a row minified alone is
// as it is in the whole page. Every part but the last so ends with a
// tag, where htmlfix.ScanParts reads the parts apart.
func spliceRows(page []byte, rows [][]byte) ([][]byte, bool) {
	for _, r := range rows {
		if !(bytes.HasPrefix(r, []byte("<tr>")) || bytes.HasPrefix(r, []byte("<tr "))) || !bytes.HasSuffix(r, []byte("</tr>")) {
			return nil, false
		}
	}
	parts := make([][]byte, 0, len(rows)+2*len(tableSections))
	seen := make([]bool, len(rows))
	after := false // a row was just put: page starts after it
	for {
		i := bytes.Index(page, []byte(rowOpen))
		if i < 0 {
			break
		}
		if i > 0 || !after { // not right after another row: a section starts
			if after && !sectionEnds(page) || !sectionStarts(page[:i]) {
				return nil, false
			}
		}
		if i > 0 {
			parts = append(parts, page[:i])
		}
		page = page[i+len(rowOpen):]
		j := bytes.Index(page, []byte(rowClose))
		if j < 0 {
			return nil, false
		}
		n, err := strconv.Atoi(string(page[:j]))
		if err != nil || n < 0 || n >= len(rows) || seen[n] {
			return nil, false
		}
		seen[n] = true
		parts = append(parts, rows[n])
		page = page[j+len(rowClose):]
		after = true
	}
	if after && !sectionEnds(page) || slices.Contains(seen, false) {
		return nil, false
	}
	return append(parts, page), true
}

// tableSections are the elements whose rows are spliced.
var tableSections = []string{"thead", "tbody", "tfoot", "table"}

// sectionStarts reports whether before ends with the start tag of a
// table section (one with a > in a value does not count).
func sectionStarts(before []byte) bool {
	lt := bytes.LastIndexByte(before, '<')
	if lt < 0 || !bytes.HasSuffix(before, []byte(">")) {
		return false
	}
	tag := string(before[lt+1 : len(before)-1])
	if strings.Contains(tag, ">") {
		return false // text after a tag
	}
	name, _, _ := strings.Cut(tag, " ")
	return slices.Contains(tableSections, name)
}

// sectionEnds reports whether after starts with the end tag of a table
// section.
func sectionEnds(after []byte) bool {
	for _, name := range tableSections {
		if bytes.HasPrefix(after, []byte("</"+name+">")) {
			return true
		}
	}
	return false
}
