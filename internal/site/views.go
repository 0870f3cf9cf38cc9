package site

import (
	"cmp"
	"fmt"
	"html/template"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/gen-dossier/gen/internal/content"
	"github.com/gen-dossier/gen/internal/diag"
	"github.com/gen-dossier/gen/internal/htmlfix"
	"github.com/gen-dossier/gen/internal/par"
	"github.com/gen-dossier/gen/internal/render"
	"github.com/gen-dossier/gen/internal/timeline"
)

// siteView returns the data every page shows, before the sources are
// cleaned: the title, summary and editorial pages.
func (b *builder) siteView() *render.Site {
	d := b.d
	site := &render.Site{
		Title:    d.Title,
		Language: d.Language,
		BaseURL:  d.BaseURL,
	}
	summary, err := b.md.Convert([]byte(d.Summary))
	if err == nil {
		site.Summary = summary.HTML
	}
	for _, p := range d.Pages {
		if slices.Contains(ownPages, p.Name) {
			b.errs.Add(p.Pos, fmt.Sprintf("page name %q is taken: gen makes %s.html itself", p.Name, p.Name),
				"rename the file: an editorial page may not be named "+strings.Join(ownPages, ", "))
			continue
		}
		doc, err := b.md.Convert(p.Body)
		if err != nil {
			b.errs.Add(p.Pos, err.Error(), "")
			continue
		}
		site.Pages = append(site.Pages, &render.DocPage{Name: p.Name, Title: p.Title, Page: p.Name + ".html", Body: doc.HTML})
	}
	return site
}

// views adds what the pages about all the sources show: the claims,
// events, chart and figures.
func (b *builder) views() {
	site := b.site
	site.Dense = b.dense()
	// The figures, which take longest, from the start: they read of
	// the claims nothing, and of the sources' views only what the
	// claims do not change. The other parts side by side once the
	// claims are made; only the claims and events report problems.
	var wg sync.WaitGroup
	wg.Go(func() { b.figures(site) })
	site.Claims, site.Topics = b.claimViews()
	wg.Go(func() { site.JSONLD = b.jsonLD(site) })
	site.Events = b.eventViews()
	site.Chart = b.chart(site)
	wg.Wait()
}

// sourceView returns what the pages show of a cleaned source; errors in
// its notes go to errs.
func (b *builder) sourceView(s *source, errs *diag.List) *render.Source {
	a := s.article
	notes, err := b.md.Inline(s.Notes)
	if err != nil {
		errs.Add(s.Pos, err.Error(), "")
	}
	v := &render.Source{
		Slug:           s.Slug,
		URL:            s.URL,
		Retrieved:      s.Retrieved.String(),
		Notes:          notes,
		NoSidecar:      s.Sidecar == "",
		ReferenceDate:  s.ReferenceDate.String(),
		ReferenceBasis: s.ReferenceBasis,
		Page:           "sources/" + s.Slug + ".html",
		SHA256:         s.sha256,
		RawSize:        len(s.raw),
		Article:        s.doc.HTML,
		Captions:       a.Meta.Captions,
		Repairs:        a.Repairs,
		Format:         "plain text",
	}
	if s.HTML {
		v.Raw = "sources/" + s.Slug + ".raw.html.txt"
		v.Format = "HTML"
	} else {
		v.Raw = "sources/" + s.Slug + ".raw.txt"
	}
	v.RawName = v.Raw[len("sources/"):]
	// A sidecar value overrides what the cleaner detected.
	pick := func(field, sidecar, detected string) string {
		if sidecar != "" {
			return sidecar
		}
		if detected != "" {
			v.Detected = append(v.Detected, field)
		}
		return detected
	}
	v.Outlet = pick("outlet", s.Outlet, a.Meta.Outlet)
	v.Title = pick("title", s.Title, cmp.Or(a.Title, a.Meta.Title))
	v.Author = pick("author", s.Author, a.Meta.Author)
	v.Published = pick("published", s.Published.String(), a.Meta.Published)
	v.AttributedTo = pick("attributed_to", s.AttributedTo, a.Meta.AttributedTo)
	if v.Outlet == "" {
		v.Outlet = s.Slug
	}
	for _, blk := range s.doc.Blocks {
		if !blk.Heading {
			v.Paragraphs++
		}
		if blk.Text != "" {
			// Its words are separated by single spaces (markdown.Block).
			v.WordsKept += strings.Count(blk.Text, " ") + 1
		}
	}
	for _, r := range a.Removed {
		v.Removed = append(v.Removed, render.Removed{Line: r.Line, Text: r.Text, Reason: r.Reason})
		v.WordsRemoved += wordCount(r.Text)
	}
	return v
}

// wordCount is len(strings.Fields(s)), without making the fields.
func wordCount(s string) int {
	n, in := 0, false
	for i := 0; i < len(s); {
		var space bool
		if c := s[i]; c < utf8.RuneSelf {
			space = asciiSpace[c]
			i++
		} else {
			r, w := utf8.DecodeRuneInString(s[i:])
			space = unicode.IsSpace(r)
			i += w
		}
		if space {
			in = false
		} else if !in {
			in = true
			n++
		}
	}
	return n
}

// asciiSpace is unicode.IsSpace for ASCII.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// claimViews builds the claims table rows and groups them by topic, in
// the order topics first appear in claims.yaml.
func (b *builder) claimViews() ([]*render.Claim, []*render.Topic) {
	claims := make([]*render.Claim, len(b.d.Claims))
	errs := make([]diag.List, len(b.d.Claims))
	par.Each(len(b.d.Claims), func(i int) {
		c := b.d.Claims[i]
		v := &render.Claim{
			ID:    c.ID,
			Label: fmt.Sprintf("C%d", i+1),
			URL:   "claims.html#" + c.ID,
			Topic: c.Topic,
			Claim: b.inline(c.Claim, c.Pos, &errs[i]),
			Text:  c.Claim,
			Note:  b.inline(c.Note, c.Pos, &errs[i]),
		}
		v.Cells = b.cells(c.Quotes, &errs[i])
		for _, cell := range v.Cells {
			if cell.Reported {
				v.Count++
			}
		}
		claims[i] = v
	})
	var topics []*render.Topic
	byTopic := map[string]*render.Topic{}
	for i, v := range claims {
		b.errs.Append(errs[i])
		for _, cell := range v.Cells {
			if cell.Reported {
				cell.Source.ClaimCount++
				if v.Count == 1 {
					cell.Source.UniqueCount++
				}
			}
		}
		t := byTopic[v.Topic]
		if t == nil {
			t = &render.Topic{ID: "topic-" + slug(v.Topic), Name: v.Topic}
			byTopic[v.Topic] = t
			topics = append(topics, t)
		}
		t.Claims = append(t.Claims, v)
	}
	return claims, topics
}

// MaxColumns is the most sources the tables show as columns; a larger
// dossier lists each claim's sources in one cell, so that its pages grow
// with the quotes, not with claims × sources.
const MaxColumns = 12

// dense reports whether the sources are table columns.
func (b *builder) dense() bool { return len(b.sources) <= MaxColumns }

// cells returns the cells of a claim or event in source order: one per
// source when the tables are dense, else one per cited source.
func (b *builder) cells(quotes []*content.Quote, errs *diag.List) []*render.Cell {
	if !b.dense() {
		cells := make([]*render.Cell, 0, len(quotes))
		for _, q := range quotes {
			if s := b.bySlug[q.Slug]; s != nil {
				cells = append(cells, b.cell(s, q, errs))
			}
		}
		slices.SortFunc(cells, func(x, y *render.Cell) int { return strings.Compare(x.Source.Slug, y.Source.Slug) })
		return cells
	}
	cells := make([]*render.Cell, 0, len(b.sources))
	for _, s := range b.sources {
		cell := &render.Cell{Source: s.view}
		for _, q := range quotes {
			if q.Slug == s.Slug {
				cell = b.cell(s, q, errs)
			}
		}
		cells = append(cells, cell)
	}
	return cells
}

// cell is what source s says of a claim or event, by quote q.
func (b *builder) cell(s *source, q *content.Quote, errs *diag.List) *render.Cell {
	return &render.Cell{
		Source:      s.view,
		Absent:      q.Absent,
		Reported:    !q.Absent,
		Quote:       q.Text,
		Stance:      q.Stance,
		Differs:     !q.Absent && q.Stance == "differs",
		Contradicts: !q.Absent && q.Stance == "contradicts",
		Note:        b.inline(q.Note, q.Pos, errs),
		URL:         s.urls[q],
	}
}

// eventViews returns the events sorted by date, then end, then id.
func (b *builder) eventViews() []*render.Event {
	events := slices.Clone(b.d.Events)
	slices.SortStableFunc(events, func(x, y *content.Event) int {
		return cmp.Or(x.Date.Compare(y.Date.Time), x.End.Compare(y.End.Time), strings.Compare(x.ID, y.ID))
	})
	b.eventsSorted = events
	var out []*render.Event
	for _, e := range events {
		v := &render.Event{
			Number: len(out) + 1,
			ID:     e.ID,
			URL:    "timeline.html#" + e.ID,
			Title:  e.Title,
			Date:   e.Date.String(),
			End:    e.End.String(),
			Basis:  e.Basis,
			Note:   b.inline(e.Note, e.Pos, &b.errs),
		}
		for _, q := range e.Quotes { // sorted by slug, as the sources are
			if s := b.bySlug[q.Slug]; s != nil && !q.Absent {
				c := b.cell(s, q, &b.errs)
				c.Window = b.window(e, q)
				v.Cells = append(v.Cells, c)
			}
		}
		out = append(out, v)
	}
	return out
}

// slug makes an id from free text: lower-case ASCII letters and digits
// joined by hyphens.
func slug(s string) string {
	f := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return r > unicode.MaxASCII || !(unicode.IsLetter(r) || unicode.IsDigit(r))
	})
	if len(f) == 0 {
		return "other"
	}
	return strings.Join(f, "-")
}

// marksBySource returns, by source slug, the quoted passages of every
// claim to highlight on the source's page, with links back to the claim.
// Their blocks are filled in once the source's quotes are located.
func (b *builder) marksBySource() map[string][]mark {
	by := map[string][]mark{}
	for i, c := range b.d.Claims {
		link := htmlfix.Link{Href: "../claims.html#" + c.ID, Text: fmt.Sprintf("C%d", i+1)}
		link.Title = link.Text + ": " + curlyQuotes(c.Claim)
		for _, q := range c.Quotes {
			if !q.Absent {
				by[q.Slug] = append(by[q.Slug], mark{q, link})
			}
		}
	}
	return by
}

// A mark is a claim's quote to highlight in its source, and the link
// back to the claim.
type mark struct {
	q    *content.Quote
	link htmlfix.Link
}

// highlight marks the quoted passages in the source's article.
func (s *source) highlight(marks []mark) (template.HTML, error) {
	var ms []htmlfix.Mark
	for _, m := range marks {
		u := s.urls[m.q]
		if u == "" {
			continue
		}
		_, block, _ := strings.Cut(u, "#")
		ms = append(ms, htmlfix.Mark{Block: block, Quote: m.q.Text, Links: []htmlfix.Link{m.link}})
	}
	return htmlfix.Highlight(s.view.Article, ms)
}

// chart draws the timeline, marking the sources' publication dates.
func (b *builder) chart(site *render.Site) template.HTML {
	var events []timeline.Event
	for i, e := range b.eventsSorted {
		events = append(events, timeline.Event{Label: fmt.Sprint(i + 1), Title: e.Title, Date: e.Date.Time, End: e.End.Time})
	}
	byDate := map[string][]string{}
	var dates []string
	for _, s := range site.Sources {
		if s.Published == "" {
			continue
		}
		if byDate[s.Published] == nil {
			dates = append(dates, s.Published)
		}
		byDate[s.Published] = append(byDate[s.Published], s.Outlet)
	}
	slices.Sort(dates)
	var markers []timeline.Marker
	for _, d := range dates {
		t, _ := content.ParseDate(d)
		markers = append(markers, timeline.Marker{Label: strings.Join(byDate[d], ", "), Date: t.Time})
	}
	return template.HTML(timeline.SVG("Timeline of the events the sources mention", events, markers))
}

// curlyQuotes turns straight double quotes into curly ones. Tooltips
// holding both ' and " make tdewolff/minify pick single-quoted attributes
// that a second minification corrupts; curly quotes avoid the case.
func curlyQuotes(s string) string {
	var b strings.Builder
	open := true
	for _, r := range s {
		if r == '"' {
			if open {
				r = '“'
			} else {
				r = '”'
			}
			open = !open
		}
		b.WriteRune(r)
	}
	return b.String()
}
