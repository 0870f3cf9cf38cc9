package site

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"slices"
	"strconv"
	"strings"

	"github.com/gen-dossier/gen/internal/diag"
	"github.com/gen-dossier/gen/internal/htmlfix"
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
	page := b.rowPage()
	rows := make([][]byte, len(b.site.Claims))
	errs := make([]error, len(b.site.Claims))
	par.Each(len(b.site.Claims), func(i int) { rows[i], errs[i] = b.row(t, page, i) })
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return rows, nil
}

// rowPage returns the page the rows of the claims table are rendered
// with, given each its claim (see row).
func (b *builder) rowPage() render.Page {
	var page render.Page
	b.fill("claims", "claims.html", "Claims", &page)
	return page
}

// row renders and minifies the row of claim i of the claims table with
// page (see rowPage). Its error is a template's or an outputError.
func (b *builder) row(t *render.Templates, page render.Page, i int) ([]byte, error) {
	// The row's claim is a copy, with its wordings, which go with it:
	// kept for every claim, they were most of what a large dossier's
	// pages hold.
	c := *b.site.Claims[i]
	wordings(&c)
	page.Claim = &c
	buf := getBuffer() // for the row as rendered, until minified
	defer putBuffer(buf)
	if err := t.ExecuteNamedTo(buf, "claims", "claim", &page); err != nil {
		return nil, err
	}
	return b.minifyClaims(buf.Bytes())
}

// rowBatch is how many rows of the claims table streamRows renders at a
// time.
const rowBatch = 64

// streamRows renders and minifies the rows of the claims table in the
// order given by claim index, a batch at a time (several rows at a
// time), one batch ahead of the reader, so that the rows that are made
// but not yet written are few at any size. next returns the rows in
// that order, until one fails; stop ends the rendering, when the reader
// is done, whether or not it has read every row.
func (b *builder) streamRows(t *render.Templates, order []int) (next func() ([]byte, error), stop func()) {
	type batch struct {
		rows [][]byte
		err  error // of the first row that failed, the batch ending before it
	}
	batches := make(chan batch, 1)
	quit := make(chan struct{})
	done := make(chan struct{})
	page := b.rowPage()
	go func() {
		defer close(done)
		defer close(batches)
		for lo := 0; lo < len(order); lo += rowBatch {
			ids := order[lo:min(lo+rowBatch, len(order))]
			rows := make([][]byte, len(ids))
			errs := make([]error, len(ids))
			par.Each(len(ids), func(k int) { rows[k], errs[k] = b.row(t, page, ids[k]) })
			bt := batch{rows: rows}
			for k, err := range errs {
				if err != nil {
					bt = batch{rows[:k], err}
					break
				}
			}
			select {
			case batches <- bt:
			case <-quit:
				return
			}
			if bt.err != nil {
				return
			}
		}
	}()
	var cur batch
	next = func() ([]byte, error) {
		for len(cur.rows) == 0 {
			if cur.err != nil {
				return nil, cur.err
			}
			bt, ok := <-batches
			if !ok {
				return nil, errors.New("the claims table has fewer rows than claims (a bug in gen: please report it)")
			}
			cur = bt
		}
		r := cur.rows[0]
		cur.rows[0], cur.rows = nil, cur.rows[1:] // the reader's now
		return r, nil
	}
	stop = func() {
		close(quit)
		<-done
	}
	return next, stop
}

// claimsPage makes and puts the claims page at path p, minified, with
// the claims' rows, which are most of it. The page is rendered and
// minified with a marker in place of each row, and the rows go in place
// of the markers, where that gives what minifying the whole page gives
// (see layoutRows): the page is then written as the rows are made (see
// streamClaims), holding few of them at a time. Else the page is
// rendered with its rows and minified whole. The page gets its own
// copies of the claims, with their rows: the pages made meanwhile see
// the claims without. Its error is a template's or an outputError.
func (b *builder) claimsPage(t *render.Templates, p string, page *render.Page, from diag.Pos) error {
	page.Site = claimsSite(b.site)
	shell, err := b.claimsShell(t, page)
	if err != nil {
		return err
	}
	layout, laid := layoutRows(shell, len(b.site.Claims))
	if laid {
		if done, err := b.streamClaims(t, p, layout, from); done || err != nil {
			return err
		}
	}
	rows, err := b.rows(t)
	if err != nil {
		return err
	}
	if laid {
		if parts, ok := splice(layout, rows); ok {
			return b.putParts(p, parts, from)
		}
	}
	whole, err := b.wholeClaims(t, page, rows)
	if err != nil {
		return err
	}
	return b.putParts(p, [][]byte{whole}, from)
}

// streamClaims writes the claims page at path p from the pieces of its
// shell and its rows in layout, rendering the rows as it writes them
// (see streamRows), and scans its links as it goes (see
// htmlfix.ScanStream). It reports false, having put nothing, where the
// page cannot be made so: a row is not one table row (see isRow), or
// the page must be scanned whole; claimsPage then makes it with all its
// rows at once. It does so too where a row's template fails, so that
// the error is the first claim's that fails, not the first on the page.
// Its error is an outputError.
func (b *builder) streamClaims(t *render.Templates, p string, layout []piece, from diag.Pos) (bool, error) {
	var order []int
	for _, pc := range layout {
		if pc.row >= 0 {
			order = append(order, pc.row)
		}
	}
	rows, stop := b.streamRows(t, order)
	defer stop()
	w, err := b.out.create(p)
	if err != nil {
		return true, outputError{err}
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	var failed error // a row's, or the output's
	notRow := false
	k := 0
	next := func() ([]byte, bool) {
		if failed != nil || notRow || k == len(layout) {
			return nil, false
		}
		pc := layout[k]
		k++
		part := pc.text
		if pc.row >= 0 {
			if part, failed = rows(); failed != nil {
				return nil, false
			}
			if !isRow(part) {
				notRow = true
				return nil, false
			}
		}
		if _, err := bw.Write(part); err != nil {
			failed = outputError{err}
			return nil, false
		}
		return part, true
	}
	scanned, err := htmlfix.ScanStream(p, next, false)
	var oe outputError
	switch {
	case errors.As(failed, &oe):
		w.drop()
		return true, failed
	case failed != nil || notRow || err == htmlfix.ErrWhole:
		w.drop()
		return false, nil
	case err != nil:
		w.drop()
		return true, outputError{err}
	}
	if err := bw.Flush(); err != nil {
		w.drop()
		return true, outputError{err}
	}
	if err := w.Close(); err != nil {
		return true, outputError{err}
	}
	if err := b.record(p, from); err != nil {
		return true, outputError{err}
	}
	b.links.add(scanned)
	return true, nil
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
// each row (see layoutRows), and minifies it.
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

// splice returns the pieces of the claims page in layout (see
// layoutRows) with each row's piece its row of rows: the parts to write
// one after the other. It is not ok unless every row is a table row (see
// isRow).
func splice(layout []piece, rows [][]byte) ([][]byte, bool) {
	for _, r := range rows {
		if !isRow(r) {
			return nil, false
		}
	}
	parts := make([][]byte, len(layout))
	for i, pc := range layout {
		parts[i] = pc.text
		if pc.row >= 0 {
			parts[i] = rows[pc.row]
		}
	}
	return parts, true
}

// isRow reports whether r, a row of the claims table, is one table row.
func isRow(r []byte) bool {
	return (bytes.HasPrefix(r, []byte("<tr>")) || bytes.HasPrefix(r, []byte("<tr "))) && bytes.HasSuffix(r, []byte("</tr>"))
}

// A piece is a piece of the claims page (see layoutRows): text of the
// page, or where the row of claim row goes when row is not negative.
type piece struct {
	text []byte
	row  int
}

// layoutRows cuts page, the claims page with a marker for each of its n
// rows, into pieces: the text before, between and after the markers
// that is not empty, and the rows, in their order on the page. It is not
// ok unless every row's marker is there once, in a table section
// (thead, tbody, tfoot or table), after its start tag or another row and
// before its end tag or another row: there the minifier drops the white
// space around the rows, so that a row that is a table row (see isRow)
// minified alone is as it is in the whole page. Every piece but the last
// so ends with a tag, where htmlfix.ScanParts reads the pieces apart.
func layoutRows(page []byte, n int) ([]piece, bool) {
	pieces := make([]piece, 0, n+2*len(tableSections))
	seen := make([]bool, n)
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
			pieces = append(pieces, piece{page[:i], -1})
		}
		page = page[i+len(rowOpen):]
		j := bytes.Index(page, []byte(rowClose))
		if j < 0 {
			return nil, false
		}
		row, err := strconv.Atoi(string(page[:j]))
		if err != nil || row < 0 || row >= n || seen[row] {
			return nil, false
		}
		seen[row] = true
		pieces = append(pieces, piece{row: row})
		page = page[j+len(rowClose):]
		after = true
	}
	if after && !sectionEnds(page) || slices.Contains(seen, false) {
		return nil, false
	}
	return append(pieces, piece{page, -1}), true
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
