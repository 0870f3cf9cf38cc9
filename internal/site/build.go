package site

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"maps"
	"path"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/gen-dossier/gen/internal/cache"
	"github.com/gen-dossier/gen/internal/card"
	"github.com/gen-dossier/gen/internal/clean"
	"github.com/gen-dossier/gen/internal/content"
	"github.com/gen-dossier/gen/internal/crosscheck"
	"github.com/gen-dossier/gen/internal/diag"
	"github.com/gen-dossier/gen/internal/markdown"
	"github.com/gen-dossier/gen/internal/par"
	"github.com/gen-dossier/gen/internal/quote"
	"github.com/gen-dossier/gen/internal/render"
	"github.com/gen-dossier/gen/internal/wire"
	"github.com/tdewolff/minify/v2"
)

// A source is one capture through the pipeline. Once its page is
// written it keeps only what the pages about every source need: the ids
// of the blocks its figures are in, its figures, what the coverage
// guard keeps of its sentences and its view without the article.
type source struct {
	*content.Source
	raw       []byte         // the capture, until its page is written
	sha256    string         // hex SHA-256 of the capture
	article   *clean.Article // until its page is written
	published string         // the publication date the cleaner detected, if any
	doc       *markdown.Doc  // until its page is written
	figureIDs []blockID      // then: the ids of the blocks its figures are in
	texts     []string       // block texts, for quote matching, until its page is written
	norm      []string       // the texts in the quote rule's matching form (quote.Normalize), made by the first locate
	view      *render.Source
	figures   []crosscheck.Figure
	kept      *crosscheck.Kept          // once its page is written: what the coverage guard keeps of its sentences
	urls      map[*content.Quote]string // its quotes → the paragraph holding each
	cached    bool                      // its cleaning was read from the cache
}

// builder holds the state of one build.
type builder struct {
	cfg          Config
	d            *content.Dossier
	md           *markdown.Converter
	min          *minify.M
	out          sink
	sources      []*source
	bySlug       map[string]*source
	errs         diag.List
	warnings     diag.List
	site         *render.Site
	known        *render.Site      // what source pages see of it (eachSource)
	eventsSorted []*content.Event  // events in date order
	vocab        *crosscheck.Vocab // the terms of the claims, for the coverage guard
	cardPNG      []byte            // the social card, drawn when there is a base URL
	inputs       *inputs           // what was read of the inputs, for the captures kept

	mu     sync.Mutex          // guards what emit records
	paths  map[string]bool     // every file emitted
	origin map[string]diag.Pos // output page → the file it is made from, for messages
	links  linkChecker
}

// load starts a build: it loads the content folder.
func load(cfg Config, out sink) (*builder, error) { return loadFrom(cfg, cfg.Content, out) }

// loadFrom is load reading the content folder from fsys, which serves
// cfg.Content's files.
func loadFrom(cfg Config, fsys fs.FS, out sink) (*builder, error) {
	d, err := content.Load(fsys, cfg.ContentDir)
	if err != nil {
		return nil, err
	}
	return &builder{cfg: cfg, d: d, md: markdown.New(), min: newMinifier(), out: out,
		paths: make(map[string]bool), origin: make(map[string]diag.Pos), bySlug: make(map[string]*source)}, nil
}

// A Report is what a build says about itself.
type Report struct {
	Warnings diag.List
	Stats    Stats
}

// Build runs the whole pipeline and returns the site in memory. Its
// error, when content is at fault, is a diag.List of every problem.
func Build(cfg Config) (*Output, error) {
	m := &memory{files: map[string][]byte{}}
	r, err := build(cfg, m)
	if err != nil {
		return nil, err
	}
	return &Output{files: m.files, Report: *r}, nil
}

// BuildTo builds the site into the folder dir as Output.Write does, but
// streams each file to disk as it is made instead of holding the site in
// memory. On any error dir is left exactly as it was.
func BuildTo(cfg Config, dir string) (*Report, error) {
	st, err := openStage(dir)
	if err != nil {
		return nil, err
	}
	committed := false
	defer func() {
		if !committed { // an error, or a panic
			st.abort()
		}
	}()
	r, err := build(cfg, st)
	if err != nil {
		return nil, err
	}
	committed = true
	return r, st.commit()
}

// Check builds the site and compares it with the folder dir, writing
// nothing; see Output.Diff. It never reads or writes cfg.Cache: a check
// is a fresh build.
func Check(cfg Config, dir string) (*Report, []string, error) {
	cfg.Cache = nil // a check is a fresh build
	c := newComparison(dir)
	r, err := build(cfg, c)
	if err != nil {
		return nil, nil, err
	}
	diffs, err := c.diffs()
	return r, diffs, err
}

// build runs the pipeline, giving every file of the site to out.
//
// The sources go through in parallel, each from its capture to its
// written page (clean, Markdown, its quotes located, highlighted,
// figures found, rendered, minified, links scanned) before the next is
// taken, so that the build holds no more articles than it has workers.
// The pages about all the sources (index, claims, timeline, data) come
// after, from what each source kept.
func build(cfg Config, out sink) (*Report, error) {
	// The templates are parsed, the inputs hashed and the cleaner's
	// automata made while the content loads; their errors come after
	// the content's, as from a sequence.
	var (
		tmpl    *render.Templates
		tmplErr error
		wg      sync.WaitGroup
	)
	wg.Go(func() { tmpl, tmplErr = render.Parse(cfg.Templates) })
	wg.Go(clean.Prepare)
	// Every input is read and hashed once, for the version; the
	// content files are loaded from what that read, and the captures
	// it kept are cleaned from it.
	in, versErr := readInputs(cfg)
	b, err := loadFrom(cfg, in.content(cfg.Content), out)
	wg.Wait()
	if err != nil {
		return nil, err
	}
	if tmplErr != nil {
		return nil, templateError(cfg.TemplatesDir, tmplErr)
	}
	if versErr != nil {
		return nil, versErr
	}
	in.files = nil // loaded
	b.inputs = in
	d := b.d
	b.warnings.Append(d.Warnings)
	if cfg.BaseURL != "" {
		d.BaseURL = strings.TrimSuffix(cfg.BaseURL, "/") + "/"
	}
	b.site = b.siteView()
	b.site.Version = in.version
	if err := b.eachSource(tmpl); err != nil {
		return nil, err
	}
	// The coverage guard, which holds only the few sentences it kept,
	// runs beside the views: it writes only what it kept of each source,
	// which they do not read, and they write nothing it reads.
	var coverage diag.List
	wg.Go(func() { coverage = b.coverage() })
	b.views()
	wg.Wait()
	if d.BaseURL != "" {
		b.card()
	}
	if err := b.errs.Err(); err != nil {
		return nil, err
	}
	if err := b.pages(tmpl); err != nil {
		return nil, err
	}
	if err := b.static(); err != nil {
		return nil, err
	}
	for _, p := range b.links.problems(b.paths) {
		b.errs.Add(b.origin[p.Page], p.Page+": "+p.Msg, "fix the link in this file: every internal link must name a file of the site")
	}
	if err := b.errs.Err(); err != nil {
		return nil, err
	}
	b.warnings.Append(coverage)
	b.warnings.Sort()
	r := &Report{Warnings: b.warnings}
	r.Stats = Stats{Sources: len(b.sources), Claims: len(d.Claims), Events: len(d.Events), Warnings: len(b.warnings), Files: len(b.paths)}
	for _, s := range b.sources {
		if s.cached {
			r.Stats.Cached++
		}
	}
	for p := range b.paths {
		if strings.HasSuffix(p, ".html") {
			r.Stats.Pages++
		}
	}
	return r, nil
}

// emit minifies the file at path p and puts it. from is the file it is
// made from, for messages.
func (b *builder) emit(p string, data []byte, from diag.Pos) error {
	if mt, ok := mediaTypes[path.Ext(p)]; ok {
		// Into a buffer used again, as the sink does not keep what it
		// is given.
		min := getBuffer()
		defer putBuffer(min)
		min.Grow(len(data))
		if err := b.min.Minify(mt, min, minifyInput{bytes.NewReader(data), data}); err != nil {
			return fmt.Errorf("minifying %s: %v", p, err)
		}
		data = min.Bytes()
	}
	return b.put(p, data, from)
}

// minifyInput is data given to the minifier, which reads its Bytes in
// place; with it the page is minified into a pooled buffer rather than
// by minify.M.Bytes, which returns a new one.
type minifyInput struct {
	*bytes.Reader
	data []byte
}

func (in minifyInput) Bytes() []byte { return in.data }

// buffers are buffers used again from page to page, for pages, rows of
// the claims table and minified pages of up to maxBuffer bytes.
var buffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

const maxBuffer = 1 << 20

// getBuffer returns an empty buffer from buffers.
func getBuffer() *bytes.Buffer {
	buf := buffers.Get().(*bytes.Buffer)
	buf.Reset()
	return buf
}

// putBuffer puts buf back in buffers, unless it grew large: a large
// page's buffer is let go.
func putBuffer(buf *bytes.Buffer) {
	if buf.Cap() <= maxBuffer {
		buffers.Put(buf)
	}
}

// put scans the links of the file at path p when it is a page, records
// it, and gives it to the sink.
func (b *builder) put(p string, data []byte, from diag.Pos) error {
	if strings.HasSuffix(p, ".html") {
		if err := b.links.scan(p, data, p == "404.html"); err != nil {
			return err
		}
	}
	if err := b.record(p, from); err != nil {
		return err
	}
	return b.out.put(p, data)
}

// putParts is put of the page at path p made of parts, one after the
// other, which it scans and writes without putting them together,
// letting go of each part once written. Its error is an outputError.
func (b *builder) putParts(p string, parts [][]byte, from diag.Pos) error {
	if len(parts) == 1 {
		if err := b.put(p, parts[0], from); err != nil {
			return outputError{err}
		}
		return nil
	}
	if err := b.links.scanParts(p, parts); err != nil {
		return outputError{err}
	}
	return b.writeFile(p, from, func(w io.Writer) error {
		bw := bufio.NewWriterSize(w, 64<<10)
		for i, part := range parts {
			if _, err := bw.Write(part); err != nil {
				return err
			}
			parts[i] = nil
		}
		return bw.Flush()
	})
}

// create returns a writer of the file at path p, made piece by piece,
// for a file that is not a page; see put.
func (b *builder) create(p string, from diag.Pos) (io.WriteCloser, error) {
	if err := b.record(p, from); err != nil {
		return nil, err
	}
	return b.out.create(p)
}

// record notes that the file at path p, made from the file from, is
// made.
func (b *builder) record(p string, from diag.Pos) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.paths[p] {
		return fmt.Errorf("%s: made twice (a bug in gen: please report it)", p)
	}
	b.paths[p] = true
	b.origin[p] = from
	return nil
}

// emitted reports whether a file was emitted at path p.
func (b *builder) emitted(p string) bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.paths[p]
}

// templateError turns an html/template error into a diag error naming
// the template file and line.
func templateError(dir string, err error) error {
	msg := err.Error()
	pos := diag.Pos{File: dir}
	if m := tmplPos.FindStringSubmatch(msg); m != nil {
		pos.File = path.Join(dir, m[1])
		fmt.Sscan(m[2], &pos.Line)
		msg = strings.TrimSpace(msg[len(m[0]):])
	} else if name, rest, ok := strings.Cut(msg, ": "); ok && strings.HasSuffix(name, ".html") {
		pos.File = path.Join(dir, name)
		msg = rest
	}
	var el diag.List
	el.Add(pos, "template error: "+msg, "fix the template; see README.md, section Templates")
	return el
}

var tmplPos = regexp.MustCompile(`^(?:html/)?template: ([^:]+\.html):(\d+):(?:\d+:)?`)

// eachSource takes every source from its capture to its page, several
// at a time; sources and errors come out in source order.
func (b *builder) eachSource(tmpl *render.Templates) error {
	b.site.Sources = make([]*render.Source, len(b.d.Sources))
	for i := range b.site.Sources {
		b.site.Sources[i] = &render.Source{}
	}
	// What source pages see of the site: what is known before any
	// source is cleaned (see render.Site.SourceCount).
	known := *b.site
	known.Sources = nil
	known.SourceCount = len(b.d.Sources)
	b.known = &known
	quotes := b.quotesBySource()
	marks := b.marksBySource()
	b.vocab = crosscheck.NewVocab(b.claimTexts())
	values := newInterned()
	done := make([]*source, len(b.d.Sources))
	errs := make([]diag.List, len(b.d.Sources))
	warns := make([]diag.List, len(b.d.Sources))
	fails := make([]error, len(b.d.Sources))
	par.Each(len(b.d.Sources), func(i int) {
		cs := b.d.Sources[i]
		s := b.readSource(cs, &errs[i])
		if s == nil {
			return
		}
		s.view = b.site.Sources[i]
		*s.view = *b.sourceView(s, &errs[i])
		s.urls = map[*content.Quote]string{}
		for _, q := range quotes[cs.Slug] {
			if u := s.locate(q, &errs[i], &warns[i]); u != "" {
				s.urls[q] = u
			}
		}
		fails[i] = b.sourcePage(tmpl, s, marks[cs.Slug], &errs[i])
		// What only its own page needed: of the document, the pages
		// about all sources need the ids of the blocks with figures.
		s.figureIDs = figureIDs(s.doc.Blocks, s.figures)
		s.raw, s.article, s.norm, s.doc = nil, nil, nil, nil
		s.view.Article, s.view.Removed = "", nil
		// Of the paragraphs, the guard and the figures keep copies of
		// what they need.
		s.kept = b.vocab.Keep(s.texts)
		s.dropTexts(values)
		done[i] = s
	})
	b.site.Sources = b.site.Sources[:0]
	for i, s := range done {
		if fails[i] != nil {
			return fails[i]
		}
		b.errs.Append(errs[i])
		b.warnings.Append(warns[i])
		if s != nil {
			b.sources = append(b.sources, s)
			b.bySlug[s.Slug] = s
			b.site.Sources = append(b.site.Sources, s.view)
		}
	}
	b.site.SourceCount = len(b.site.Sources)
	return nil
}

// quotesBySource returns the quotes of every claim and event, by the
// slug of their source.
func (b *builder) quotesBySource() map[string][]*content.Quote {
	by := map[string][]*content.Quote{}
	for _, c := range b.d.Claims {
		for _, q := range c.Quotes {
			by[q.Slug] = append(by[q.Slug], q)
		}
	}
	for _, e := range b.d.Events {
		for _, q := range e.Quotes {
			by[q.Slug] = append(by[q.Slug], q)
		}
	}
	return by
}

// readSource reads one capture, cleans it and renders its article; nil
// when it cannot, with the problems in errs.
func (b *builder) readSource(cs *content.Source, errs *diag.List) *source {
	if raw, sum, ok := b.inputs.capture(cs.Path); ok {
		return b.cleanSource(cs, raw, sum, errs)
	}
	raw, err := cs.Capture(b.cfg.Content)
	if err != nil {
		errs.Add(diag.Pos{File: cs.File}, err.Error(), "")
		return nil
	}
	return b.cleanSource(cs, raw, sha256.Sum256(raw), errs)
}

// cleanSource cleans the capture raw of a source, whose SHA-256 is sum,
// renders its article and finds its figures, or reads what that gives
// from the cache; nil when it cannot, with the problems in errs.
func (b *builder) cleanSource(cs *content.Source, raw []byte, sum [sha256.Size]byte, errs *diag.List) *source {
	s := &source{Source: cs, raw: raw, sha256: hex.EncodeToString(sum[:])}
	var key cache.Key
	if c := b.cfg.Cache; c != nil {
		// Cleaning reads the capture and its file name alone.
		key = c.Key("source", path.Base(cs.File), string(sum[:]))
		if s.cached = s.fromCache(c, key); s.cached {
			return s
		}
	}
	a, err := clean.Clean(path.Base(cs.File), raw)
	if err != nil {
		var ce *clean.Error
		if errors.As(err, &ce) {
			errs.Add(diag.Pos{File: cs.File, Line: ce.Line}, "cannot read the capture: "+ce.Msg, ce.Hint)
		} else {
			errs.Add(diag.Pos{File: cs.File}, "cannot read the capture: "+err.Error(),
				"save the page again as UTF-8 text or HTML")
		}
		return nil
	}
	if len(a.Blocks) == 0 {
		errs.Add(diag.Pos{File: cs.File}, "no article text found: the capture is empty or only boilerplate",
			"check the capture with: gen clean "+cs.File)
		return nil
	}
	// The Markdown, in a buffer used again: the document holds none of it.
	body := getBuffer()
	a.WriteBody(body)
	doc, err := b.md.Convert(body.Bytes())
	putBuffer(body)
	if err != nil {
		errs.Add(diag.Pos{File: cs.File}, err.Error(), "")
		return nil
	}
	a.Blocks = nil // converted: the blocks are the document's
	s.article, s.doc, s.texts = a, doc, blockTexts(doc)
	s.published = a.Meta.Published
	s.figures = crosscheck.Figures(s.texts)
	if c := b.cfg.Cache; c != nil {
		buf := getBuffer()
		buf.Write(s.appendWire(buf.AvailableBuffer()))
		c.Put(key, buf.Bytes())
		putBuffer(buf)
	}
	return s
}

// A blockID is the id of the block at index para of a document.
type blockID struct {
	para int
	id   string
}

// figureIDs returns the ids of the blocks that figures are in, in block
// order: of a source's forty or so blocks, the few that the figures
// table links to, kept once its page is written.
func figureIDs(blocks []markdown.Block, figures []crosscheck.Figure) []blockID {
	var ids []blockID
	for _, f := range figures {
		if n := len(ids); n == 0 || ids[n-1].para != f.Para {
			ids = append(ids, blockID{f.Para, blocks[f.Para].ID})
		}
	}
	slices.SortFunc(ids, func(a, b blockID) int { return a.para - b.para })
	return slices.CompactFunc(ids, func(a, b blockID) bool { return a.para == b.para })
}

// figureID returns the id of the block para that holds a figure.
func (s *source) figureID(para int) string {
	i, _ := slices.BinarySearchFunc(s.figureIDs, para, func(b blockID, para int) int { return b.para - para })
	return s.figureIDs[i].id
}

// blockTexts returns the texts of the blocks of doc.
func blockTexts(doc *markdown.Doc) []string {
	texts := make([]string, len(doc.Blocks))
	for i, blk := range doc.Blocks {
		texts[i] = blk.Text
	}
	return texts
}

// appendWire appends what cleaning the source gave (its article, without
// the blocks, its document and figures) to b, for readWire.
func (s *source) appendWire(b []byte) []byte {
	b = clean.AppendArticle(b, s.article)
	b = markdown.AppendDoc(b, s.doc)
	return crosscheck.AppendFigures(b, s.texts, s.figures)
}

// fromCache sets what cleaning the source gives from the cache's value
// of key, and reports whether there was one. A value that does not read
// back is deleted, for the fresh one to replace.
func (s *source) fromCache(c *cache.Cache, key cache.Key) bool {
	buf := getBuffer()
	defer putBuffer(buf)
	value, ok := c.Get(key, buf.AvailableBuffer())
	if !ok {
		return false
	}
	buf.Write(value) // kept for the next value, when it did not fit
	if !s.readWire(buf.Bytes()) {
		c.Delete(key)
		return false
	}
	return true
}

// readWire sets what cleaning the source gives from b, which appendWire
// wrote, and reports whether b was that; when not, it sets nothing.
func (s *source) readWire(b []byte) bool {
	d := wire.NewDecoder(b)
	a := clean.ReadArticle(d)
	doc := markdown.ReadDoc(d)
	if d.Err() != nil || len(doc.Blocks) == 0 {
		return false
	}
	texts := blockTexts(doc)
	figures := crosscheck.ReadFigures(d, texts)
	if d.Done() != nil {
		return false
	}
	s.article, s.doc, s.texts, s.figures = a, doc, texts, figures
	s.published = a.Meta.Published
	return true
}

// locate finds a quote in the source and returns the root-relative link
// to the paragraph holding it; a miss is an error at the quote.
func (s *source) locate(q *content.Quote, errs, warnings *diag.List) string {
	if q.Absent {
		return ""
	}
	// quote.FindIn, on the paragraphs normalized once per source rather
	// than once per quote.
	if s.norm == nil {
		s.norm = make([]string, len(s.texts))
		for j, t := range s.texts {
			s.norm[j] = quote.Normalize(t)
		}
	}
	i, total := -1, 0
	if qn := quote.Normalize(q.Text); qn != "" {
		for j, p := range s.norm {
			if c := strings.Count(p, qn); c > 0 {
				if i < 0 {
					i = j
				}
				total += c
			}
		}
	}
	if i < 0 {
		near := quote.Closest(strings.Join(s.texts, "\n"), q.Text)
		hint := "copy the passage exactly from the source page; only white space, quote, apostrophe and dash styles may differ"
		if near.Passage != "" {
			pct := min(int(near.Similarity*100), 99) // floor: a near miss never reads 100%
			hint = fmt.Sprintf("closest passage (%d%% similar): %q\n%s", pct, near.Passage, hint)
		}
		errs.Add(q.Pos, "quote not found in "+q.Slug, hint)
		return ""
	}
	if total > 1 {
		warnings.Add(q.Pos, fmt.Sprintf("quote occurs %d times in %s; linking to the first", total, q.Slug),
			"lengthen the quote so that it is unique")
	}
	return s.view.Page + "#" + s.doc.Blocks[i].ID
}

// inline renders Markdown from a content file, reporting errors at pos
// in errs.
func (b *builder) inline(src string, pos diag.Pos, errs *diag.List) template.HTML {
	h, err := b.md.Inline(src)
	if err != nil {
		errs.Add(pos, err.Error(), "")
	}
	return h
}

// render executes the template of a page kind into the page at path p.
func (b *builder) render(t *render.Templates, kind, p, title string, page *render.Page) ([]byte, error) {
	b.fill(kind, p, title, page)
	return t.Execute(kind, page)
}

// fill sets what every page of a kind at path p shows; a page without
// a Site gets the whole site's.
func (b *builder) fill(kind, p, title string, page *render.Page) {
	if page.Site == nil {
		page.Site = b.site
	}
	page.Kind, page.Path, page.Title = kind, p, title
	page.Root = strings.Repeat("../", strings.Count(p, "/"))
	if b.d.BaseURL != "" {
		page.Canonical = b.d.BaseURL + strings.TrimSuffix(p, "index.html")
		page.Image = b.d.BaseURL + cardPath
	}
	if kind == "404" {
		// GitHub Pages serves 404.html at the depth of the missing
		// URL: relative links cannot work there. With a base URL they
		// are absolute; without one the stylesheet is inlined.
		if b.d.BaseURL != "" {
			page.Root = b.d.BaseURL
		} else if css, err := fs.ReadFile(b.cfg.Static, "style.css"); err == nil {
			page.InlineStyle = template.CSS(css)
		}
	}
}

// sourcePage writes the page of a source and its raw capture. Content
// and template errors go to errs; the error returned is the output's.
func (b *builder) sourcePage(t *render.Templates, s *source, marks []mark, errs *diag.List) error {
	article, err := s.highlight(marks)
	if err != nil {
		errs.Add(diag.Pos{File: s.File}, "highlighting quotes: "+err.Error(), "")
		return nil
	}
	s.view.Article = article
	v := s.view
	desc := v.Outlet
	if v.Title != "" {
		desc += ": " + v.Title
	}
	page := &render.Page{Site: b.known, Source: v, Description: plainSummary(desc + ". The cleaned article, its raw capture and what the cleaner removed.")}
	size := len(article) + 8<<10 // the article, the page around it
	for _, r := range v.Removed {
		size += len(r.Text) + len(r.Reason) + 40
	}
	html := getBuffer()
	defer putBuffer(html)
	html.Grow(size)
	b.fill("source", v.Page, v.Outlet, page)
	if err := t.ExecuteTo(html, "source", page); err != nil {
		errs.Append(templateError(b.cfg.TemplatesDir, err).(diag.List))
		return nil
	}
	if err := b.emit(v.Page, html.Bytes(), diag.Pos{File: path.Join(b.cfg.TemplatesDir, "source.html")}); err != nil {
		return err
	}
	return b.emit(v.Raw, s.raw, diag.Pos{File: s.File})
}

// ownPages are the names of the pages at the site's root, <name>.html,
// that are not editorial pages: pages makes them.
var ownPages = []string{"claims", "index", "timeline", "404"}

// pages renders the pages about all the sources and the data, several
// at a time, the longest first.
func (b *builder) pages(t *render.Templates) error {
	type job struct {
		path  string
		from  diag.Pos
		make  func() ([]byte, error)
		put   func() error            // instead of make: a large page that puts itself (see claimsPage)
		write func(w io.Writer) error // instead of make: a large file that is not a page, made minified
		err   error
	}
	var jobs []*job
	add := func(kind, p, title string, page *render.Page) {
		jobs = append(jobs, &job{path: p, from: diag.Pos{File: path.Join(b.cfg.TemplatesDir, kind+".html")},
			make: func() ([]byte, error) { return b.render(t, kind, p, title, page) }})
	}
	outlets := make([]string, 0, len(b.site.Sources))
	for _, s := range b.site.Sources {
		outlets = append(outlets, s.Outlet)
	}
	among := strings.Join(outlets, ", ")
	claimsPage := &render.Page{Description: plainSummary(fmt.Sprintf(
		"%d claims, and which of %d sources carries each, in the sources' own words: %s.", len(b.site.Claims), len(outlets), among))}
	add("claims", "claims.html", "Claims", claimsPage)
	if t.Defines("claims", "claim") {
		// The rows are made beside the other pages.
		j := jobs[0]
		j.make, j.put = nil, func() error { return b.claimsPage(t, j.path, claimsPage, j.from) }
	} else {
		// The page makes its rows, which show the claims' wordings.
		jobs[0].make = func() ([]byte, error) {
			claimsPage.Site = claimsSite(b.site)
			par.Each(len(claimsPage.Site.Claims), func(i int) { wordings(claimsPage.Site.Claims[i]) })
			return b.render(t, "claims", "claims.html", "Claims", claimsPage)
		}
	}
	// The index, rendered by one template, takes longest after the
	// claims, whose rows are made several at a time; dossier.json is
	// made several elements at a time.
	add("index", "index.html", "", &render.Page{Description: plainSummary(b.d.Summary)})
	jobs = append(jobs, &job{path: "dossier.json", write: b.writeData})
	add("timeline", "timeline.html", "Timeline", &render.Page{Description: plainSummary(fmt.Sprintf(
		"%d dated events the sources mention, and how each source phrases them: %s.", len(b.site.Events), among))})
	add("404", "404.html", "Page not found", &render.Page{})
	for _, p := range b.site.Pages {
		add("page", p.Page, p.Title, &render.Page{Doc: p})
		// Its content file, by name: a page that failed has no view.
		if i := slices.IndexFunc(b.d.Pages, func(d *content.Page) bool { return d.Name == p.Name }); i >= 0 {
			jobs[len(jobs)-1].from = b.d.Pages[i].Pos
		}
	}
	par.Each(len(jobs), func(i int) {
		j := jobs[i]
		if j.write != nil {
			j.err = b.writeFile(j.path, j.from, j.write)
			return
		}
		if j.put != nil {
			j.err = j.put() // a template's, or an outputError
			return
		}
		out, err := j.make()
		if err != nil {
			j.err = err // a template's, or an outputError
			return
		}
		if err := b.emit(j.path, out, j.from); err != nil {
			j.err = outputError{err}
		}
	})
	var errs diag.List
	for _, j := range jobs {
		var oe outputError
		if errors.As(j.err, &oe) {
			return oe.err
		}
		if j.err != nil {
			errs.Append(templateError(b.cfg.TemplatesDir, j.err).(diag.List))
		}
	}
	return errs.Err()
}

// writeFile makes the file at path p with write, which fails only in
// writing the output.
func (b *builder) writeFile(p string, from diag.Pos, write func(w io.Writer) error) error {
	w, err := b.create(p, from)
	if err != nil {
		return outputError{err}
	}
	err = write(w)
	if cerr := w.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return outputError{err}
	}
	return nil
}

// An outputError is a failure to write the output, not a template's.
type outputError struct{ err error }

func (e outputError) Error() string { return e.err.Error() }

func plainSummary(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > 300 {
		cut := strings.LastIndexByte(s[:300], ' ')
		s = s[:cut] + " …"
	}
	return s
}

// static adds the small fixed files and copies the static folder; the
// sitemap, which lists every page, comes last. A static file may not
// take the name of a file gen makes.
func (b *builder) static() error {
	files := map[string][]byte{".nojekyll": nil}
	if b.d.CNAME != "" {
		files["CNAME"] = []byte(b.d.CNAME + "\n")
	}
	if b.d.BaseURL != "" {
		files["robots.txt"] = []byte("User-agent: *\nAllow: /\nSitemap: " + b.d.BaseURL + "sitemap.xml\n")
		if b.cardPNG != nil {
			files[cardPath] = b.cardPNG
		}
	}
	for _, p := range slices.Sorted(maps.Keys(files)) {
		if err := b.emit(p, files[p], diag.Pos{}); err != nil {
			return err
		}
	}
	err := fs.WalkDir(b.cfg.Static, ".", func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if e.IsDir() || strings.HasPrefix(e.Name(), ".") {
			return nil
		}
		data, err := fs.ReadFile(b.cfg.Static, p)
		if err != nil {
			return err
		}
		from := diag.Pos{File: path.Join(b.cfg.StaticDir, p)}
		if b.emitted(p) || p == "sitemap.xml" && b.d.BaseURL != "" {
			b.errs.Add(from, "static file collides with a generated page "+p, "rename or remove it")
			return nil
		}
		return b.emit(p, data, from)
	})
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("%s: %v", b.cfg.StaticDir, err)
	}
	if b.d.BaseURL != "" {
		if err := b.emit("sitemap.xml", b.sitemap(), diag.Pos{}); err != nil {
			return err
		}
	}
	return b.errs.Err()
}

func (b *builder) sitemap() []byte {
	var buf bytes.Buffer
	buf.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	buf.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	b.mu.Lock()
	paths := make([]string, 0, len(b.paths))
	for p := range b.paths {
		paths = append(paths, p)
	}
	b.mu.Unlock()
	slices.Sort(paths)
	for _, p := range paths {
		if !strings.HasSuffix(p, ".html") || p == "404.html" {
			continue
		}
		loc := b.d.BaseURL + strings.TrimSuffix(p, "index.html")
		buf.WriteString("<url><loc>")
		template.HTMLEscape(&buf, []byte(loc))
		buf.WriteString("</loc></url>\n")
	}
	buf.WriteString("</urlset>\n")
	return buf.Bytes()
}

// cardPath is where the social card is written.
const cardPath = "card.png"

// card draws the social card, from the sources its matrix shows.
func (b *builder) card() {
	data := card.Data{Title: b.d.Title, Claims: len(b.site.Claims), Events: len(b.site.Events), SourceCount: len(b.site.Sources)}
	for _, s := range b.site.Sources[:min(len(b.site.Sources), card.MaxRows)] {
		cs := card.Source{Name: s.Outlet}
		for _, c := range b.site.Claims {
			carried, stance := false, ""
			for _, cell := range c.Cells {
				if cell.Source == s && cell.Reported {
					carried, stance = true, cell.Stance
				}
			}
			cs.Carried = append(cs.Carried, carried)
			cs.Stances = append(cs.Stances, stance)
		}
		data.Sources = append(data.Sources, cs)
	}
	png, err := card.PNG(data)
	if err != nil {
		b.errs.Add(diag.Pos{}, "drawing the social card: "+err.Error(), "")
		return
	}
	b.cardPNG = png
}

// An Article is one source's cleaned article, as quotes are verified
// against it.
type Article struct {
	Slug  string
	Paras []string // paragraph texts, headings left out
}

// Articles loads the content and cleans every capture, without rendering
// the site: what gen suggest aligns.
func Articles(cfg Config) ([]Article, error) {
	b, err := load(cfg, nil)
	if err != nil {
		return nil, err
	}
	done := make([]*source, len(b.d.Sources))
	errs := make([]diag.List, len(b.d.Sources))
	par.Each(len(b.d.Sources), func(i int) {
		done[i] = b.readSource(b.d.Sources[i], &errs[i])
	})
	for _, l := range errs {
		b.errs.Append(l)
	}
	if err := b.errs.Err(); err != nil {
		return nil, err
	}
	var out []Article
	for _, s := range done {
		a := Article{Slug: s.Slug}
		for _, blk := range s.doc.Blocks {
			if !blk.Heading {
				a.Paras = append(a.Paras, blk.Text)
			}
		}
		out = append(out, a)
	}
	return out, nil
}
