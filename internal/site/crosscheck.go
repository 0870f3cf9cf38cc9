package site

import (
	"cmp"
	"fmt"
	"html/template"
	"iter"
	"slices"
	"strings"
	"sync"

	"github.com/gen-dossier/gen/internal/content"
	"github.com/gen-dossier/gen/internal/crosscheck"
	"github.com/gen-dossier/gen/internal/diag"
	"github.com/gen-dossier/gen/internal/par"
	"github.com/gen-dossier/gen/internal/reldate"
	"github.com/gen-dossier/gen/internal/render"
)

// claimTexts yields the texts the coverage guard compares each claim
// by, claim after claim: its wording and its quotes.
func (b *builder) claimTexts() iter.Seq[string] {
	return func(yield func(string) bool) {
		for _, c := range b.d.Claims {
			for _, t := range coverageTexts(c) {
				if !yield(t) {
					return
				}
			}
		}
	}
}

// coverageTexts returns the texts the coverage guard compares the claim
// c by: its wording and its quotes.
func coverageTexts(c *content.Claim) []string {
	texts := []string{c.Claim}
	for _, q := range c.Quotes {
		if q.Text != "" {
			texts = append(texts, q.Text)
		}
	}
	return texts
}

// coverage returns warnings about sources that are not cited for a claim
// but hold a passage that looks like it. It takes over what the guard
// kept of each source.
func (b *builder) coverage() diag.List {
	var warnings diag.List
	kept := make([]*crosscheck.Kept, len(b.sources))
	for i, s := range b.sources {
		kept[i], s.kept = s.kept, nil // the guard takes them over
	}
	guard := crosscheck.NewGuardOf(b.vocab, kept)
	nears := make([][]crosscheck.Near, len(b.d.Claims))
	par.Each(len(b.d.Claims), func(i int) {
		c := b.d.Claims[i]
		cited := map[string]bool{}
		for _, q := range c.Quotes {
			cited[q.Slug] = true
		}
		nears[i] = guard.NearMisses(coverageTexts(c), func(i int) bool { return cited[b.sources[i].Slug] })
	})
	for i, c := range b.d.Claims {
		for _, near := range nears[i] {
			s := b.sources[near.Source]
			warnings.Add(c.Pos,
				fmt.Sprintf("claim %q is not cited for %s, but %s has a similar passage (%d%%, sharing %s): %q",
					c.ID, s.Slug, s.Slug, int(near.Score*100), strings.Join(near.Shared, ", "), near.Sentence),
				fmt.Sprintf("if %s carries the claim, add its quote; if not, add under sources:\n    %s: {absent: true, note: \"why this passage is not the claim\"}", s.Slug, s.Slug))
		}
	}
	return warnings
}

// An interned is a set of strings that many hold alike, each kept once.
type interned struct {
	mu     sync.Mutex
	values map[string]string
}

// newInterned returns an empty set.
func newInterned() *interned { return &interned{values: map[string]string{}} }

// of returns the set's copy of v, which it makes the first time.
func (in *interned) of(v string) string {
	in.mu.Lock()
	defer in.mu.Unlock()
	c, ok := in.values[v]
	if !ok {
		c = strings.Clone(v)
		in.values[c] = c
	}
	return c
}

// dropTexts lets the paragraphs of the source go once its page is
// written and the guard has kept what it needs of them: the figures get
// their own copies of the strings that are parts of a paragraph (their
// sentences, each once, and the texts in them; their values, which are
// few and given by many figures, from values).
func (s *source) dropTexts(values *interned) {
	s.texts = nil
	var from, to string // the last sentence and its copy
	for j := range s.figures {
		f := &s.figures[j]
		if f.Sentence != from {
			from, to = f.Sentence, strings.Clone(f.Sentence)
		}
		f.Sentence = to
		if at := strings.Index(to, f.Text); at >= 0 { // a part of it
			f.Text = to[at : at+len(f.Text)]
		} else {
			f.Text = strings.Clone(f.Text)
		}
		f.Value = values.of(f.Value)
	}
}

// figures extracts and groups the figures of every source.
func (b *builder) figures(site *render.Site) {
	all := make([]crosscheck.SourceFigures, len(b.sources))
	for i, s := range b.sources {
		all[i] = crosscheck.SourceFigures{Source: s.Slug, Figures: s.figures}
	}
	index := make(map[string]int, len(b.sources))
	for i, s := range b.sources {
		index[s.Slug] = i
	}
	groups := crosscheck.Group(all)
	// The groups point at the sources' figures, which go with them.
	clear(all)
	for _, s := range b.sources {
		s.figures = nil
	}
	// The figures of a block share their link, made once.
	type block struct{ source, para int }
	urls := map[block]string{}
	for _, g := range groups {
		for _, m := range g.Members {
			i := index[m.Source]
			if k := (block{i, m.Figure.Para}); urls[k] == "" {
				urls[k] = b.sources[i].view.Page + "#" + b.sources[i].figureID(m.Figure.Para)
			}
		}
	}
	dense := b.dense()
	if len(groups) > 0 {
		site.Figures = make([]*render.FigureGroup, len(groups))
	}
	par.Each(len(groups), func(gi int) {
		g := groups[gi]
		groups[gi] = crosscheck.FigureGroup{} // g is a copy: its members can go once shown
		v := &render.FigureGroup{Label: g.Label, Kind: string(g.Kind), Agree: g.Agree}
		// The group's figures by source, in source order.
		by := map[int][]*render.Figure{}
		var order []int
		for _, m := range g.Members {
			i := index[m.Source]
			if by[i] == nil {
				order = append(order, i)
			}
			by[i] = append(by[i], &render.Figure{
				Text: m.Figure.Text, Value: m.Figure.Value, Sentence: m.Figure.Sentence, URL: urls[block{i, m.Figure.Para}],
			})
		}
		if dense {
			order = order[:0]
			for i := range b.sources {
				order = append(order, i)
			}
		}
		slices.Sort(order)
		for _, i := range order {
			cell := &render.FigureCell{Source: b.sources[i].view, Figures: by[i]}
			if len(cell.Figures) > 0 {
				v.Sources++
			}
			v.Cells = append(v.Cells, cell)
		}
		if v.Sources > MaxColumns {
			v.Values = figureValues(v.Cells)
		}
		site.Figures[gi] = v
	})
	for _, s := range b.sources {
		s.figureIDs = nil // grouped: what the pages need is in site.Figures
	}
}

// figureValues sums up the figures of a group given by more sources than
// a table can list: each value once, with the number of sources that
// give it and the first of them, most given first.
func figureValues(cells []*render.FigureCell) []*render.FigureValue {
	byValue := map[string]*render.FigureValue{}
	var values []*render.FigureValue
	for _, c := range cells {
		seen := map[string]bool{}
		for _, f := range c.Figures {
			fv := byValue[f.Value]
			if fv == nil {
				fv = &render.FigureValue{Figure: f}
				byValue[f.Value] = fv
				values = append(values, fv)
			}
			if !seen[f.Value] {
				seen[f.Value] = true
				fv.Sources++
			}
		}
	}
	slices.SortStableFunc(values, func(x, y *render.FigureValue) int {
		return cmp.Or(y.Sources-x.Sources, strings.Compare(x.Figure.Value, y.Figure.Value))
	})
	return values
}

// wordings lays the quotes of a claim side by side, marking the words
// that differ from the first quote.
func wordings(c *render.Claim) {
	// Made at their size: a large dossier has hundreds of thousands of
	// words, kept until the last page is made.
	n := 0
	for _, cell := range c.Cells {
		if cell.Reported && cell.Quote != "" {
			n++
		}
	}
	if n < 2 {
		return
	}
	c.Wordings = make([]*render.Wording, 0, n)
	var first string
	for _, cell := range c.Cells {
		if !cell.Reported || cell.Quote == "" {
			continue
		}
		w := &render.Wording{Source: cell.Source}
		if first == "" {
			first = cell.Quote
			fields := strings.Fields(cell.Quote)
			if len(fields) > 0 {
				w.Words = make([]render.Word, len(fields))
				for i, f := range fields {
					w.Words[i] = render.Word{Text: f}
				}
			}
		} else if diff := crosscheck.Diff(first, cell.Quote); len(diff) > 0 {
			w.Words = make([]render.Word, len(diff))
			for i, d := range diff {
				w.Words[i] = render.Word{Text: d.Text, Changed: d.Op == crosscheck.Changed}
			}
		}
		c.Wordings = append(c.Wordings, w)
	}
}

// window resolves the date phrase of an event's quote against the
// source's date, and warns when the event's date falls outside it.
func (b *builder) window(e *content.Event, q *content.Quote) *render.Window {
	s := b.bySlug[q.Slug]
	if s == nil {
		return nil
	}
	ref, basis := s.Published, "published"
	if ref.IsZero() && s.published != "" {
		if d, err := content.ParseDate(s.published); err == nil {
			ref, basis = d, "published (detected)"
		}
	}
	if ref.IsZero() {
		ref, basis = s.ReferenceDate, "reference date"
	}
	if ref.IsZero() {
		return &render.Window{} // no reference date: phrases stay unresolved
	}
	w, ok := reldate.Resolve(q.Text, ref.Time)
	if !ok {
		return &render.Window{Ref: ref.String(), RefBasis: basis}
	}
	end := e.End
	if end.IsZero() {
		end = e.Date
	}
	v := &render.Window{
		Phrase: w.Phrase, From: w.From.Format("2006-01-02"), To: w.To.Format("2006-01-02"),
		Ref: ref.String(), RefBasis: basis,
		// The event fits when it overlaps the window.
		Fits: !e.Date.After(w.To) && !end.Before(w.From),
	}
	if !v.Fits {
		b.warnings.Add(q.Pos,
			fmt.Sprintf("event %q is dated %s, but %s's %q, read against %s, means %s", e.ID, dateSpan(e.Date.String(), e.End.String()), q.Slug, w.Phrase, ref, dateSpan(v.From, v.To)),
			"check the event's date, the source's published or reference_date, or quote a passage whose phrase fits")
	}
	return v
}

func dateSpan(from, to string) string {
	if to == "" || to == from {
		return from
	}
	return from + " to " + to
}

// jsonLD returns the schema.org data of the claims page: each claim with
// where it appears, as json.Marshal writes a graph of
//
//	{"@type": "Claim", "@id": URL (omitempty), "text": …, "about": topic (omitempty),
//	 "appearance": [{"@type": "CreativeWork", "url": …, "name": outlet (omitempty)}] or null}
func (b *builder) jsonLD(site *render.Site) template.JS {
	// Each claim is written on its own, several at a time, and the
	// claims put together in one string of their size, not in a buffer
	// that grows.
	claims := make([][]byte, len(site.Claims))
	par.Each(len(site.Claims), func(i int) {
		c := site.Claims[i]
		j := append([]byte(nil), `{"@type":"Claim"`...)
		if b.d.BaseURL != "" {
			j = appendJSONString(append(j, `,"@id":`...), b.d.BaseURL+c.URL)
		}
		j = appendJSONString(append(j, `,"text":`...), b.d.Claims[i].Claim)
		j = appendOmitEmpty(j, "about", c.Topic)
		j = append(j, `,"appearance":`...)
		n := 0
		for _, cell := range c.Cells {
			if !cell.Reported {
				continue
			}
			u := cell.URL
			if cell.Source.URL != "" {
				u = cell.Source.URL
			} else if b.d.BaseURL != "" {
				u = b.d.BaseURL + cell.URL
			}
			if n == 0 {
				j = append(j, '[')
			} else {
				j = append(j, ',')
			}
			j = appendJSONString(append(j, `{"@type":"CreativeWork","url":`...), u)
			j = append(appendOmitEmpty(j, "name", cell.Source.Outlet), '}')
			n++
		}
		if n == 0 {
			j = append(j, "null"...)
		} else {
			j = append(j, ']')
		}
		claims[i] = append(j, '}')
	})
	const head, tail = `{"@context":"https://schema.org","@graph":[`, `]}`
	if len(claims) == 0 {
		return `{"@context":"https://schema.org","@graph":null}` // a nil slice
	}
	size := len(head) + len(claims) - 1 + len(tail)
	for _, c := range claims {
		size += len(c)
	}
	var out strings.Builder
	out.Grow(size)
	out.WriteString(head)
	for i, c := range claims {
		if i > 0 {
			out.WriteByte(',')
		}
		out.Write(c)
	}
	out.WriteString(tail)
	return template.JS(out.String())
}
