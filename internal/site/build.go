package site

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"regexp"
	"strings"

	"github.com/gen-dossier/gen/internal/card"
	"github.com/gen-dossier/gen/internal/clean"
	"github.com/gen-dossier/gen/internal/content"
	"github.com/gen-dossier/gen/internal/diag"
	"github.com/gen-dossier/gen/internal/htmlfix"
	"github.com/gen-dossier/gen/internal/markdown"
	"github.com/gen-dossier/gen/internal/quote"
	"github.com/gen-dossier/gen/internal/render"
)

// A source is one capture through the pipeline.
type source struct {
	*content.Source
	article *clean.Article
	doc     *markdown.Doc
	texts   []string // block texts, for quote matching
	norm    []string // the texts in the quote rule's matching form (quote.Normalize)
	view    *render.Source
}

// builder holds the state of one build.
type builder struct {
	cfg          Config
	d            *content.Dossier
	md           *markdown.Converter
	sources      []*source
	bySlug       map[string]*source
	errs         diag.List
	warnings     diag.List
	files        map[string][]byte
	site         *render.Site
	eventsSorted []*content.Event    // events in date order
	cardPNG      []byte              // the social card, drawn when there is a base URL
	origin       map[string]diag.Pos // output page → the file it is made from, for messages
}

// load starts a build: it loads the content folder.
func load(cfg Config) (*builder, error) {
	d, err := content.Load(cfg.Content, cfg.ContentDir)
	if err != nil {
		return nil, err
	}
	return &builder{cfg: cfg, d: d, md: markdown.New(), files: make(map[string][]byte),
		origin: make(map[string]diag.Pos), bySlug: make(map[string]*source)}, nil
}

// Build runs the whole pipeline and returns the site in memory. Its
// error, when content is at fault, is a diag.List of every problem.
func Build(cfg Config) (*Output, error) {
	b, err := load(cfg)
	if err != nil {
		return nil, err
	}
	d := b.d
	b.warnings.Append(d.Warnings)
	if cfg.BaseURL != "" {
		d.BaseURL = strings.TrimSuffix(cfg.BaseURL, "/") + "/"
	}
	tmpl, err := render.Parse(cfg.Templates)
	if err != nil {
		return nil, templateError(cfg.TemplatesDir, err)
	}
	b.cleanSources()
	b.site = b.views()
	b.coverage()
	if d.BaseURL != "" {
		b.card()
	}
	b.site.Version, err = version(cfg)
	if err != nil {
		return nil, err
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
	b.data()
	problems, err := htmlfix.Check(b.files, "404.html")
	if err != nil {
		return nil, err
	}
	for _, p := range problems {
		b.errs.Add(b.origin[p.Page], p.Page+": "+p.Msg, "fix the link in this file: every internal link must name a file of the site")
	}
	if err := b.errs.Err(); err != nil {
		return nil, err
	}
	if err := minifyAll(b.files); err != nil {
		return nil, err
	}
	b.warnings.Sort()
	out := &Output{files: b.files, Warnings: b.warnings}
	out.Stats = Stats{Sources: len(b.sources), Claims: len(d.Claims), Events: len(d.Events), Warnings: len(b.warnings)}
	for p := range b.files {
		if strings.HasSuffix(p, ".html") {
			out.Stats.Pages++
		}
	}
	return out, nil
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

// cleanSources cleans every capture and renders its article, several
// at a time; sources and errors come out in source order.
func (b *builder) cleanSources() {
	done := make([]*source, len(b.d.Sources))
	errs := make([]diag.List, len(b.d.Sources))
	forEach(len(b.d.Sources), func(i int) {
		done[i] = b.cleanSource(b.d.Sources[i], &errs[i])
	})
	for i, s := range done {
		b.errs.Append(errs[i])
		if s != nil {
			b.sources = append(b.sources, s)
			b.bySlug[s.Slug] = s
		}
	}
}

// cleanSource cleans one capture and renders its article; nil when it
// cannot, with the problems in errs.
func (b *builder) cleanSource(cs *content.Source, errs *diag.List) *source {
	s := &source{Source: cs}
	a, err := clean.Clean(path.Base(cs.File), cs.Raw)
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
	s.article = a
	doc, err := b.md.Convert(a.Body())
	if err != nil {
		errs.Add(diag.Pos{File: cs.File}, err.Error(), "")
		return nil
	}
	s.doc = doc
	for _, blk := range doc.Blocks {
		s.texts = append(s.texts, blk.Text)
		s.norm = append(s.norm, quote.Normalize(blk.Text))
	}
	return s
}

// locate finds a quote in its source and returns the root-relative link
// to the paragraph holding it; a miss is an error at the quote.
func (b *builder) locate(q *content.Quote, what string) string {
	s := b.bySlug[q.Slug]
	if s == nil || q.Absent {
		return ""
	}
	// quote.FindIn, on the paragraphs normalized once per source rather
	// than once per quote.
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
		b.errs.Add(q.Pos, "quote not found in "+q.Slug, hint)
		return ""
	}
	if total > 1 {
		b.warnings.Add(q.Pos, fmt.Sprintf("quote occurs %d times in %s; linking to the first", total, q.Slug),
			"lengthen the quote so that it is unique")
	}
	return s.view.Page + "#" + s.doc.Blocks[i].ID
}

// inline renders Markdown from a content file, reporting errors at pos.
func (b *builder) inline(src string, pos diag.Pos) template.HTML {
	h, err := b.md.Inline(src)
	if err != nil {
		b.errs.Add(pos, err.Error(), "")
	}
	return h
}

// pages renders every HTML page.
func (b *builder) pages(t *render.Templates) error {
	type job struct {
		kind, path string
		page       *render.Page
		out        []byte
		err        error
	}
	var jobs []*job
	exec := func(kind, p, title string, page *render.Page) {
		page.Site, page.Kind, page.Path, page.Title = b.site, kind, p, title
		page.Root = strings.Repeat("../", strings.Count(p, "/"))
		if b.d.BaseURL != "" {
			page.Canonical = b.d.BaseURL + strings.TrimSuffix(p, "index.html")
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
		if b.d.BaseURL != "" && b.cardPNG != nil {
			page.Image = b.d.BaseURL + cardPath
		}
		b.origin[p] = diag.Pos{File: path.Join(b.cfg.TemplatesDir, kind+".html")}
		jobs = append(jobs, &job{kind: kind, path: p, page: page})
	}
	outlets := make([]string, 0, len(b.site.Sources))
	for _, s := range b.site.Sources {
		outlets = append(outlets, s.Outlet)
	}
	among := strings.Join(outlets, ", ")
	exec("index", "index.html", "", &render.Page{Description: plainSummary(b.d.Summary)})
	exec("claims", "claims.html", "Claims", &render.Page{Description: plainSummary(fmt.Sprintf(
		"%d claims, and which of %d sources carries each, in the sources' own words: %s.", len(b.site.Claims), len(outlets), among))})
	exec("timeline", "timeline.html", "Timeline", &render.Page{Description: plainSummary(fmt.Sprintf(
		"%d dated events the sources mention, and how each source phrases them: %s.", len(b.site.Events), among))})
	exec("404", "404.html", "Page not found", &render.Page{})
	for _, s := range b.site.Sources {
		desc := s.Outlet
		if s.Title != "" {
			desc += ": " + s.Title
		}
		exec("source", s.Page, s.Outlet, &render.Page{Source: s, Description: plainSummary(desc + ". The cleaned article, its raw capture and what the cleaner removed.")})
	}
	for i, p := range b.site.Pages {
		exec("page", p.Page, p.Title, &render.Page{Doc: p})
		b.origin[p.Page] = b.d.Pages[i].Pos
	}
	// Render several pages at a time; results and errors in page order.
	forEach(len(jobs), func(i int) {
		jobs[i].out, jobs[i].err = t.Execute(jobs[i].kind, jobs[i].page)
	})
	var errs diag.List
	for _, j := range jobs {
		if j.err != nil {
			errs.Append(templateError(b.cfg.TemplatesDir, j.err).(diag.List))
			continue
		}
		b.files[j.path] = j.out
	}
	return errs.Err()
}

func plainSummary(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > 300 {
		cut := strings.LastIndexByte(s[:300], ' ')
		s = s[:cut] + " …"
	}
	return s
}

// static copies the static folder and adds the small fixed files.
func (b *builder) static() error {
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
		if _, taken := b.files[p]; taken {
			b.errs.Add(diag.Pos{File: path.Join(b.cfg.StaticDir, p)}, "static file collides with a generated page "+p, "rename or remove it")
		}
		b.files[p] = data
		return nil
	})
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("%s: %v", b.cfg.StaticDir, err)
	}
	for _, s := range b.sources {
		b.files[s.view.Raw] = s.Raw
	}
	b.files[".nojekyll"] = nil
	if b.d.CNAME != "" {
		b.files["CNAME"] = []byte(b.d.CNAME + "\n")
	}
	if b.d.BaseURL != "" {
		b.files["sitemap.xml"] = b.sitemap()
		b.files["robots.txt"] = []byte("User-agent: *\nAllow: /\nSitemap: " + b.d.BaseURL + "sitemap.xml\n")
		if b.cardPNG != nil {
			b.files[cardPath] = b.cardPNG
		}
	}
	return b.errs.Err()
}

func (b *builder) sitemap() []byte {
	var buf bytes.Buffer
	buf.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	buf.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	for _, p := range sortedPaths(b.files) {
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

// card draws the social card.
func (b *builder) card() {
	data := card.Data{Title: b.d.Title, Claims: len(b.site.Claims), Events: len(b.site.Events)}
	for _, s := range b.site.Sources {
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

// version returns the content hash of a build's inputs: every file of the
// content, templates and static folders, in path order. An archived copy
// of the site can be matched to its sources by it.
func version(cfg Config) (string, error) {
	h := sha256.New()
	for _, dir := range []struct {
		name string
		fsys fs.FS
	}{{"content", cfg.Content}, {"templates", cfg.Templates}, {"static", cfg.Static}} {
		err := fs.WalkDir(dir.fsys, ".", func(p string, e fs.DirEntry, err error) error {
			if err != nil || e.IsDir() || strings.HasPrefix(e.Name(), ".") {
				return err
			}
			data, err := fs.ReadFile(dir.fsys, p)
			if err != nil {
				return err
			}
			fmt.Fprintf(h, "%s/%s %d\n", dir.name, p, len(data))
			h.Write(data)
			return nil
		})
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return "", fmt.Errorf("%s: %v", dir.name, err)
		}
	}
	return hex.EncodeToString(h.Sum(nil))[:12], nil
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
	b, err := load(cfg)
	if err != nil {
		return nil, err
	}
	b.cleanSources()
	if err := b.errs.Err(); err != nil {
		return nil, err
	}
	var out []Article
	for _, s := range b.sources {
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
