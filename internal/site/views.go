package site

import (
	"cmp"
	"slices"
	"strings"
	"unicode"

	"github.com/gen-dossier/gen/internal/content"
	"github.com/gen-dossier/gen/internal/render"
)

// views turns the dossier into the data the templates show.
func (b *builder) views() *render.Site {
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
	for _, s := range b.sources {
		s.view = b.sourceView(s)
		site.Sources = append(site.Sources, s.view)
	}
	site.Claims, site.Topics = b.claimViews()
	site.Events = b.eventViews()
	for _, p := range d.Pages {
		doc, err := b.md.Convert(p.Body)
		if err != nil {
			b.errs.Add(p.Pos, err.Error(), "")
			continue
		}
		site.Pages = append(site.Pages, &render.DocPage{Name: p.Name, Title: p.Title, Page: p.Name + ".html", Body: doc.HTML})
	}
	return site
}

func (b *builder) sourceView(s *source) *render.Source {
	a := s.article
	v := &render.Source{
		Slug:           s.Slug,
		URL:            s.URL,
		Retrieved:      s.Retrieved.String(),
		Notes:          b.inline(s.Notes, s.Pos),
		NoSidecar:      s.Sidecar == "",
		ReferenceDate:  s.ReferenceDate.String(),
		ReferenceBasis: s.ReferenceBasis,
		Page:           "sources/" + s.Slug + ".html",
		SHA256:         s.SHA256,
		RawSize:        len(s.Raw),
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
		v.WordsKept += len(strings.Fields(blk.Text))
	}
	for _, r := range a.Removed {
		v.Removed = append(v.Removed, render.Removed{Line: r.Line, Text: r.Text, Reason: r.Reason})
		v.WordsRemoved += len(strings.Fields(r.Text))
	}
	return v
}

// claimViews builds the claims table rows and groups them by topic, in
// the order topics first appear in claims.yaml.
func (b *builder) claimViews() ([]*render.Claim, []*render.Topic) {
	var claims []*render.Claim
	var topics []*render.Topic
	byTopic := map[string]*render.Topic{}
	for _, c := range b.d.Claims {
		v := &render.Claim{
			ID:    c.ID,
			URL:   "claims.html#" + c.ID,
			Topic: c.Topic,
			Claim: b.inline(c.Claim, c.Pos),
			Text:  c.Claim,
			Note:  b.inline(c.Note, c.Pos),
		}
		v.Cells = b.cells(c.Quotes, "claim")
		for _, cell := range v.Cells {
			if cell.Reported {
				v.Count++
				cell.Source.ClaimCount++
			}
		}
		if v.Count == 1 {
			for _, cell := range v.Cells {
				if cell.Reported {
					cell.Source.UniqueCount++
				}
			}
		}
		t := byTopic[c.Topic]
		if t == nil {
			t = &render.Topic{ID: "topic-" + slug(c.Topic), Name: c.Topic}
			byTopic[c.Topic] = t
			topics = append(topics, t)
		}
		t.Claims = append(t.Claims, v)
		claims = append(claims, v)
	}
	return claims, topics
}

// cells returns one cell per source, in source order.
func (b *builder) cells(quotes []*content.Quote, what string) []*render.Cell {
	cells := make([]*render.Cell, 0, len(b.sources))
	for _, s := range b.sources {
		cell := &render.Cell{Source: s.view}
		for _, q := range quotes {
			if q.Slug != s.Slug {
				continue
			}
			cell.Absent = q.Absent
			cell.Reported = !q.Absent
			cell.Quote = q.Text
			cell.Stance = q.Stance
			cell.Note = b.inline(q.Note, q.Pos)
			cell.URL = b.locate(q, what)
		}
		cells = append(cells, cell)
	}
	return cells
}

// eventViews returns the events sorted by date, then end, then id.
func (b *builder) eventViews() []*render.Event {
	events := slices.Clone(b.d.Events)
	slices.SortStableFunc(events, func(x, y *content.Event) int {
		return cmp.Or(x.Date.Compare(y.Date.Time), x.End.Compare(y.End.Time), strings.Compare(x.ID, y.ID))
	})
	var out []*render.Event
	for _, e := range events {
		v := &render.Event{
			ID:    e.ID,
			URL:   "timeline.html#" + e.ID,
			Title: e.Title,
			Date:  e.Date.String(),
			End:   e.End.String(),
			Basis: e.Basis,
			Note:  b.inline(e.Note, e.Pos),
		}
		for _, c := range b.cells(e.Quotes, "event") {
			if c.Reported {
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
