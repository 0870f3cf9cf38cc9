// Package content loads a dossier's content folder: what users write.
//
// # Layout
//
//	dossier.yaml            title, summary, base_url, language, cname
//	sources/<slug>.txt      a raw capture (plain text), byte for byte
//	sources/<slug>.html     a raw capture (saved HTML page)
//	sources/<slug>.yaml     its sidecar: outlet, url, title, author,
//	                        published, retrieved, attributed_to,
//	                        reference_date, reference_basis, notes
//	claims.yaml             a list of claims, each with per-source quotes
//	timeline.yaml           a list of dated events with per-source mentions
//	pages/<name>.md         optional editorial pages (front matter: title)
//
// Every YAML file is decoded strictly through yaml.Node: unknown keys,
// duplicate keys and ids, wrong types, dates that do not exist and
// references to unknown sources are errors with the file and line, and
// every value keeps its position so that later stages (quote checks) can
// report against it. Load collects all problems before it returns.
//
// The package knows nothing of HTML or Markdown rendering: raw captures
// are kept as bytes, with their SHA-256.
package content

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"path"
	"slices"
	"strings"

	"github.com/gen-dossier/gen/internal/diag"
	"github.com/gen-dossier/gen/internal/par"
	"go.yaml.in/yaml/v3"
)

// A Dossier is everything under content/.
type Dossier struct {
	Title    string
	Summary  string // Markdown
	BaseURL  string // absolute URL the site is published at, or ""
	Language string // BCP 47 tag, default "en"
	CNAME    string // custom domain for GitHub Pages, or ""

	Sources []*Source // sorted by slug
	Claims  []*Claim  // in file order
	Events  []*Event  // in file order
	Pages   []*Page   // sorted by name

	// Warnings are problems that do not stop the build.
	Warnings diag.List
}

// A Source is one raw capture and its sidecar.
type Source struct {
	Slug    string
	File    string // path of the capture, e.g. content/sources/timeshub.txt
	Path    string // its path in the content folder, e.g. sources/timeshub.txt
	Size    int64  // its size in bytes
	HTML    bool   // the capture is a saved HTML page
	Sidecar string // path of the sidecar, or "" when there is none

	Outlet       string
	URL          string
	Title        string
	Author       string
	Published    Date
	Retrieved    Date
	AttributedTo string
	Notes        string // Markdown

	// ReferenceDate is the date relative phrases ("on Friday") in the
	// capture are read against when it states no publication date;
	// ReferenceBasis says how it is established.
	ReferenceDate  Date
	ReferenceBasis string

	Pos diag.Pos // of the sidecar (or the capture when there is none)
}

// Capture reads the source's capture, byte for byte, from the content
// folder fsys that Load read. Load does not keep captures: a build reads
// each when it cleans it, so that it holds only those it is working on.
func (s *Source) Capture(fsys fs.FS) ([]byte, error) {
	data, err := fs.ReadFile(fsys, s.Path)
	if err != nil {
		return nil, fmt.Errorf("cannot read: %s", unwrapPath(err))
	}
	if int64(len(data)) > MaxCapture {
		return nil, errTooLarge(int64(len(data)))
	}
	return data, nil
}

// Ext returns the capture's extension without the dot: "txt" or "html".
func (s *Source) Ext() string { return strings.TrimPrefix(path.Ext(s.File), ".") }

// A Quote is a verbatim passage of one source, cited by a claim or event.
type Quote struct {
	Slug   string
	Text   string
	Stance string // reports | differs | contradicts (claims only)
	Note   string // Markdown
	Absent bool   // the editor confirms the source does not carry the claim
	Pos    diag.Pos
}

// A Claim is one statement and the sources that carry it.
type Claim struct {
	ID     string
	Claim  string // Markdown
	Topic  string
	Note   string   // Markdown
	Quotes []*Quote // sorted by slug
	Pos    diag.Pos
}

// An Event is one dated event of the timeline.
type Event struct {
	ID     string
	Title  string
	Date   Date
	End    Date // zero unless the event spans several days
	Basis  string
	Note   string
	Quotes []*Quote // sorted by slug
	Pos    diag.Pos
}

// A Page is an editorial Markdown page.
type Page struct {
	Name  string // file name without .md
	Title string
	Body  []byte // Markdown, front matter replaced by blank lines
	Pos   diag.Pos
}

// Stances are the allowed values of a quote's stance.
var Stances = []string{"reports", "differs", "contradicts"}

// Load reads the content folder fsys. dir is the name the folder is
// shown under in messages (e.g. "content"). The returned error, if any,
// is a diag.List holding every problem found.
func Load(fsys fs.FS, dir string) (*Dossier, error) {
	l := &loader{fsys: fsys, dir: dir, d: &Dossier{Language: "en"}}
	// The claims and the timeline, the largest files, are read and
	// parsed while the sources are loaded; checking them needs the
	// sources.
	claims := l.parseList("claims.yaml", "claim")
	events := l.parseList("timeline.yaml", "event")
	l.dossier()
	l.sources()
	l.claims(<-claims)
	l.events(<-events)
	l.pages()
	if err := l.errs.Err(); err != nil {
		return nil, err
	}
	l.d.Warnings.Sort()
	return l.d, nil
}

type loader struct {
	fsys  fs.FS
	dir   string
	d     *Dossier
	errs  diag.List
	slugs map[string]bool // from sourceSlugs
}

func (l *loader) name(p string) string {
	if l.dir == "" {
		return p
	}
	return path.Join(l.dir, p)
}

// read reads a content file; missing optional files return nil.
func (l *loader) read(p string, required bool) []byte {
	data, err := fs.ReadFile(l.fsys, p)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) && !required {
			return nil
		}
		hint := ""
		if errors.Is(err, fs.ErrNotExist) {
			hint = "create it; see README.md, section Content"
		}
		l.errs.Add(diag.Pos{File: l.name(p)}, "cannot read: "+unwrapPath(err), hint)
		return nil
	}
	return data
}

func unwrapPath(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

func (l *loader) decoder(p string) *decoder {
	return &decoder{file: l.name(p), errs: &l.errs}
}

func (l *loader) dossier() {
	const p = "dossier.yaml"
	data := l.read(p, true)
	if data == nil {
		return
	}
	d := l.decoder(p)
	root := d.parse(data)
	f := d.mapping(root, "dossier.yaml", "title", "summary", "base_url", "language", "cname")
	l.d.Title = d.str(f.get("title"), "dossier")
	l.d.Summary = d.str(f.get("summary"), "dossier")
	l.d.BaseURL = d.str(f.get("base_url"), "dossier")
	if lang := d.str(f.get("language"), "dossier"); lang != "" {
		l.d.Language = lang
	}
	l.d.CNAME = d.str(f.get("cname"), "dossier")
	if root != nil && l.d.Title == "" && f.get("title").value == nil {
		d.errorf(root, "add a line: title: \"…\"", "dossier has no title")
	}
	if root == nil && len(l.errs) == 0 {
		l.errs.Add(diag.Pos{File: d.file, Line: 1}, "dossier.yaml is empty", "add at least: title: \"…\"")
	}
	if u := l.d.BaseURL; u != "" {
		if !(strings.HasPrefix(u, "https://") || strings.HasPrefix(u, "http://")) || strings.ContainsAny(u, " \"<>") {
			d.errorf(f.get("base_url").value, "e.g. base_url: https://user.github.io/repo/", "base_url %q is not an absolute http(s) URL", u)
		} else if !strings.HasSuffix(u, "/") {
			l.d.BaseURL += "/"
		}
	}
	if c := l.d.CNAME; c != "" && (strings.ContainsAny(c, "/: ") || !strings.Contains(c, ".")) {
		d.errorf(f.get("cname").value, "give the bare domain, e.g. cname: dossier.example.org", "cname %q is not a domain name", c)
	}
}

// captureExts are the extensions of raw captures.
var captureExts = []string{".txt", ".html", ".htm"}

// IsCapture reports whether the file name in sources/ is a raw capture
// by its extension.
func IsCapture(name string) bool {
	return !strings.HasPrefix(name, ".") && slices.Contains(captureExts, strings.ToLower(path.Ext(name)))
}

func (l *loader) sources() {
	entries, err := fs.ReadDir(l.fsys, "sources")
	if err != nil {
		hint := "create the folder and put one raw capture per source in it, e.g. sources/outlet.txt"
		l.errs.Add(diag.Pos{File: l.name("sources")}, "cannot read the sources folder: "+unwrapPath(err), hint)
		return
	}
	captures := map[string]string{} // slug -> file name
	sidecars := map[string]string{}
	for _, e := range entries {
		name := e.Name()
		p := "sources/" + name
		if e.IsDir() || strings.HasPrefix(name, ".") {
			if !strings.HasPrefix(name, ".") {
				l.d.Warnings.Add(diag.Pos{File: l.name(p)}, "folder ignored", "sources/ holds only captures and their .yaml sidecars")
			}
			continue
		}
		ext := strings.ToLower(path.Ext(name))
		slug := strings.TrimSuffix(name, path.Ext(name))
		switch {
		case ext == ".yaml" || ext == ".yml":
			sidecars[slug] = name
		case IsCapture(name):
			if prev, dup := captures[slug]; dup {
				l.errs.Add(diag.Pos{File: l.name(p)}, "two captures for source "+quoteStr(slug)+" (also "+prev+")", "keep one capture per slug; rename the other")
				continue
			}
			captures[slug] = name
		default:
			l.errs.Add(diag.Pos{File: l.name(p)}, "not a capture or sidecar", "sources/ holds raw captures (.txt, .html) and their .yaml sidecars; move this file elsewhere")
			continue
		}
		if !ValidID(slug) {
			l.errs.Add(diag.Pos{File: l.name(p)}, "file name "+quoteStr(slug)+" is not a valid source slug", idHint+"; rename the file")
		}
	}
	for slug, name := range sidecars {
		if _, ok := captures[slug]; !ok {
			l.errs.Add(diag.Pos{File: l.name("sources/" + name)}, "sidecar without a capture: no sources/"+slug+".txt or .html",
				"add the capture, or rename the sidecar to match its capture")
		}
	}
	slugs := make([]string, 0, len(captures))
	for slug := range captures {
		slugs = append(slugs, slug)
	}
	slices.Sort(slugs)
	slugs = slices.DeleteFunc(slugs, func(slug string) bool { return !ValidID(slug) })
	// Each source by a loader of its own, several at a time; their
	// sources and problems are gathered in slug order.
	subs := make([]*loader, len(slugs))
	par.Each(len(slugs), func(i int) {
		sub := l.sub()
		sub.source(slugs[i], captures[slugs[i]], sidecars[slugs[i]])
		subs[i] = sub
	})
	for _, sub := range subs {
		l.d.Sources = append(l.d.Sources, sub.d.Sources...)
		l.errs.Append(sub.errs)
		l.d.Warnings.Append(sub.d.Warnings)
	}
	if len(captures) == 0 && len(l.errs) == 0 {
		l.d.Warnings.Add(diag.Pos{File: l.name("sources")}, "no captures yet", "add one with gen add FILE or copy it to sources/<slug>.txt")
	}
}

func quoteStr(s string) string { return `"` + s + `"` }

// MaxCapture is the largest capture gen reads, in bytes. A saved article,
// even as a full HTML page, is a few megabytes at most; anything larger
// is the wrong file, and reading it would only cost memory.
const MaxCapture = 16 << 20

func errTooLarge(size int64) error {
	return fmt.Errorf("capture is %.1f MB, over the limit of %d MB", float64(size)/(1<<20), MaxCapture>>20)
}

func (l *loader) source(slug, capture, sidecar string) {
	p := "sources/" + capture
	fi, err := fs.Stat(l.fsys, p)
	if err != nil {
		l.errs.Add(diag.Pos{File: l.name(p)}, "cannot read: "+unwrapPath(err), "")
		return
	}
	if fi.Size() > MaxCapture {
		l.errs.Add(diag.Pos{File: l.name(p)}, errTooLarge(fi.Size()).Error(),
			"a saved article is rarely over 2 MB: check that this is the right file, or save the page again as text")
		return
	}
	s := &Source{
		Slug: slug,
		File: l.name(p),
		Path: p,
		Size: fi.Size(),
		HTML: path.Ext(capture) != ".txt",
		Pos:  diag.Pos{File: l.name(p)},
	}
	l.d.Sources = append(l.d.Sources, s)
	if sidecar == "" {
		l.d.Warnings.Add(s.Pos, "no sidecar: using the metadata detected in the capture",
			"create sources/"+slug+".yaml with outlet, author, published … to confirm or correct it")
		return
	}
	sp := "sources/" + sidecar
	data := l.read(sp, true)
	if data == nil {
		return
	}
	d := l.decoder(sp)
	root := d.parse(data)
	s.Sidecar = d.file
	s.Pos = diag.Pos{File: d.file, Line: 1}
	f := d.mapping(root, "source sidecar", "outlet", "url", "title", "author", "published", "retrieved",
		"attributed_to", "reference_date", "reference_basis", "notes")
	s.Outlet = d.str(f.get("outlet"), "sidecar")
	s.URL = d.str(f.get("url"), "sidecar")
	s.Title = d.str(f.get("title"), "sidecar")
	s.Author = d.str(f.get("author"), "sidecar")
	s.Published = d.date(f.get("published"), "sidecar")
	s.Retrieved = d.date(f.get("retrieved"), "sidecar")
	s.AttributedTo = d.str(f.get("attributed_to"), "sidecar")
	s.ReferenceDate = d.date(f.get("reference_date"), "sidecar")
	s.ReferenceBasis = d.str(f.get("reference_basis"), "sidecar")
	s.Notes = d.str(f.get("notes"), "sidecar")
	if s.URL != "" && !(strings.HasPrefix(s.URL, "https://") || strings.HasPrefix(s.URL, "http://")) {
		d.errorf(f.get("url").value, "give the full address the capture was saved from, starting with https://", "url %q is not an http(s) URL", s.URL)
	}
	if !s.ReferenceDate.IsZero() && s.ReferenceBasis == "" {
		d.errorf(f.get("reference_date").key, "add reference_basis: saying how the date is established", "reference_date without reference_basis")
	}
}

// sourceSlugs returns the set of known slugs, made once: claims and
// events are loaded after the sources.
func (l *loader) sourceSlugs() map[string]bool {
	if l.slugs == nil {
		l.slugs = make(map[string]bool, len(l.d.Sources))
		for _, s := range l.d.Sources {
			l.slugs[s.Slug] = true
		}
	}
	return l.slugs
}

// sub returns a loader of l's folder with a dossier and problems of its
// own, for a part of the loading done beside the rest.
func (l *loader) sub() *loader { return &loader{fsys: l.fsys, dir: l.dir, d: &Dossier{}} }

// A listed is a list file read and parsed, with the problems found.
type listed struct {
	d       *decoder
	entries []*yaml.Node
	errs    diag.List
}

// parseList reads and parses the list file p in the background, by a
// loader of its own; the result comes on the channel.
func (l *loader) parseList(p, what string) <-chan listed {
	ch := make(chan listed, 1)
	go func() {
		sub := l.sub()
		d, entries := sub.list(p, what)
		ch <- listed{d, entries, sub.errs}
	}()
	return ch
}

// take makes a parsed list's problems l's, and its decoder report to l.
func (l *loader) take(ls listed) (*decoder, []*yaml.Node) {
	l.errs.Append(ls.errs)
	if ls.d != nil {
		ls.d.errs = &l.errs
	}
	return ls.d, ls.entries
}

// list parses a YAML file holding a list of entries.
func (l *loader) list(p, what string) (*decoder, []*yaml.Node) {
	data := l.read(p, false)
	if data == nil {
		return nil, nil
	}
	d := l.decoder(p)
	root := d.parseList(data)
	if root == nil {
		return d, nil
	}
	if root.Kind != yaml.SequenceNode {
		d.errorf(root, "start each "+what+" with \"- id: …\"", "%s must be a list of %ss, not %s", p, what, kindName(root))
		return d, nil
	}
	return d, root.Content
}

// entryID checks an entry's id for shape and uniqueness.
func (l *loader) entryID(d *decoder, f fields, entry *yaml.Node, what string, seen map[string]int) string {
	idf := f.get("id")
	id := d.str(idf, what)
	switch {
	case idf.value == nil:
		d.errorf(entry, "add a line: id: some-short-name", "%s has no id", what)
	case id == "":
	case reservedName(id):
		d.errorf(idf.value, "choose another id", "%s id %q is a reserved file name on Windows (con, nul, aux, com1 …)", what, id)
	case !ValidID(id):
		d.errorf(idf.value, idHint, "%s id %q is not URL-safe", what, id)
	case seen[id] != 0:
		d.errorf(idf.value, "ids must be unique: rename one of them", "duplicate %s id %q (first at line %d)", what, id, seen[id])
	default:
		seen[id] = idf.value.Line
	}
	return id
}

// quotes decodes the sources: mapping of an entry.
func (l *loader) quotes(d *decoder, f field, what string, claim bool) []*Quote {
	if f.value == nil {
		return nil
	}
	known := []string{"quote", "note"}
	if claim {
		known = append(known, "stance", "absent")
	}
	slugs := l.sourceSlugs()
	var out []*Quote
	for _, sf := range d.mapping(f.value, what+" sources", nil...) {
		slug := sf.key.Value
		q := &Quote{Slug: slug, Pos: d.pos(sf.key)}
		if !slugs[slug] {
			names := slices.Sorted(maps.Keys(slugs))
			d.errorf(sf.key, "known sources: "+strings.Join(names, ", "), "unknown source %q%s", slug, suggest(slug, names))
		}
		var qf fields
		errsBefore := len(*d.errs)
		if sf.value.Kind == yaml.ScalarNode && sf.value.Tag != "!!null" {
			q.Text = strings.TrimSpace(sf.value.Value) // short form: slug: "quote"
			q.Pos = d.pos(sf.value)
		} else {
			qf = d.mapping(sf.value, what+" source "+quoteStr(slug), known...)
			qt := qf.get("quote")
			q.Text = d.str(qt, "source")
			if qt.value != nil {
				q.Pos = d.pos(qt.value)
			}
			q.Note = d.str(qf.get("note"), "source")
			q.Stance = d.str(qf.get("stance"), "source")
			q.Absent = d.boolean(qf.get("absent"), "source")
		}
		switch {
		case q.Absent && q.Text != "":
			d.errorf(sf.key, "remove the quote, or remove absent: true", "source %q is marked absent but has a quote", slug)
		case q.Absent && q.Note == "":
			d.errorf(sf.key, "say why the near-miss passage does not carry the claim", "source %q is marked absent without a note", slug)
		case !q.Absent && q.Text == "" && len(*d.errs) > errsBefore:
			// an unknown key ("qoute") was reported already
		case !q.Absent && q.Text == "":
			d.errorf(sf.key, "add quote: \"…\" with the source's own words", "empty quote for source %q", slug)
		}
		if q.Stance == "" && !q.Absent && claim {
			q.Stance = "reports"
		}
		if q.Stance != "" && !slices.Contains(Stances, q.Stance) {
			d.errorf(qf.get("stance").value, "use one of: "+strings.Join(Stances, ", "), "unknown stance %q", q.Stance)
		}
		out = append(out, q)
	}
	slices.SortFunc(out, func(a, b *Quote) int { return strings.Compare(a.Slug, b.Slug) })
	return out
}

func (l *loader) claims(ls listed) {
	d, entries := l.take(ls)
	seen := map[string]int{}
	for _, e := range entries {
		f := d.mapping(e, "claim", "id", "claim", "topic", "note", "sources")
		c := &Claim{Pos: d.pos(e)}
		c.ID = l.entryID(d, f, e, "claim", seen)
		c.Claim = d.str(f.get("claim"), "claim")
		c.Topic = d.str(f.get("topic"), "claim")
		c.Note = d.str(f.get("note"), "claim")
		if c.Claim == "" && e.Kind == yaml.MappingNode {
			d.errorf(e, "add claim: \"…\", one sentence stating it", "claim %q has no claim text", c.ID)
		}
		if c.Topic == "" && e.Kind == yaml.MappingNode {
			d.errorf(e, "add topic: e.g. supply chain, diplomacy, reactions", "claim %q has no topic", c.ID)
		}
		c.Quotes = l.quotes(d, f.get("sources"), "claim", true)
		if len(c.Quotes) == 0 && e.Kind == yaml.MappingNode {
			d.errorf(e, "add sources: with at least one source and its quote", "claim %q cites no source", c.ID)
		}
		l.d.Claims = append(l.d.Claims, c)
	}
}

func (l *loader) events(ls listed) {
	d, entries := l.take(ls)
	seen := map[string]int{}
	for _, e := range entries {
		f := d.mapping(e, "event", "id", "title", "date", "end", "basis", "note", "sources")
		ev := &Event{Pos: d.pos(e)}
		ev.ID = l.entryID(d, f, e, "event", seen)
		ev.Title = d.str(f.get("title"), "event")
		ev.Date = d.date(f.get("date"), "event")
		ev.End = d.date(f.get("end"), "event")
		ev.Basis = d.str(f.get("basis"), "event")
		ev.Note = d.str(f.get("note"), "event")
		if e.Kind == yaml.MappingNode {
			if ev.Title == "" {
				d.errorf(e, "add title: \"…\"", "event %q has no title", ev.ID)
			}
			if f.get("date").value == nil {
				d.errorf(e, "add date: YYYY-MM-DD", "event %q has no date", ev.ID)
			}
		}
		if !ev.End.IsZero() && !ev.Date.IsZero() && !ev.End.After(ev.Date.Time) {
			d.errorf(f.get("end").value, "end must be after date; leave end out for a one-day event", "event %q ends (%s) before or on its date (%s)", ev.ID, ev.End, ev.Date)
		}
		ev.Quotes = l.quotes(d, f.get("sources"), "event", false)
		l.d.Events = append(l.d.Events, ev)
	}
}

func (l *loader) pages() {
	entries, err := fs.ReadDir(l.fsys, "pages")
	if err != nil {
		return // optional
	}
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || path.Ext(name) != ".md" {
			continue
		}
		p := "pages/" + name
		base := strings.TrimSuffix(name, ".md")
		if !ValidID(base) {
			l.errs.Add(diag.Pos{File: l.name(p)}, "page name "+quoteStr(base)+" is not URL-safe", idHint+"; rename the file")
			continue
		}
		data := l.read(p, true)
		if data == nil {
			continue
		}
		pg := &Page{Name: base, Pos: diag.Pos{File: l.name(p)}}
		meta, body, ok := SplitFrontMatter(data)
		pg.Body = body
		if ok {
			d := l.decoder(p)
			f := d.mapping(d.parse(meta), "page front matter", "title")
			pg.Title = d.str(f.get("title"), "page")
		}
		if pg.Title == "" {
			l.errs.Add(diag.Pos{File: l.name(p), Line: 1}, "page has no title",
				"start the file with front matter:\n---\ntitle: About this dossier\n---")
		}
		l.d.Pages = append(l.d.Pages, pg)
	}
}

// SplitFrontMatter splits "---\nyaml\n---\nbody". The body keeps its
// line numbers: the front matter is replaced by as many blank lines.
func SplitFrontMatter(data []byte) (meta, body []byte, ok bool) {
	s := string(data)
	if !strings.HasPrefix(s, "---\n") {
		return nil, data, false
	}
	end := strings.Index(s[4:], "\n---\n")
	if end < 0 {
		return nil, data, false
	}
	meta = []byte(s[4 : 4+end+1])
	rest := s[4+end+5:]
	n := strings.Count(s[:4+end+5], "\n")
	return meta, []byte(strings.Repeat("\n", n) + rest), true
}
