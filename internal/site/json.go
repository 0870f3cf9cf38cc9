package site

import (
	"encoding/json"
)

// The shape of dossier.json. Paths are relative to the site root and
// dates are YYYY-MM-DD; encoding/json sorts map keys, so the file is
// deterministic.
type jsonDossier struct {
	Title    string        `json:"title"`
	Summary  string        `json:"summary,omitempty"`
	Language string        `json:"language"`
	BaseURL  string        `json:"base_url,omitempty"`
	Sources  []jsonSource  `json:"sources"`
	Claims   []jsonClaim   `json:"claims"`
	Events   []jsonEvent   `json:"events"`
	Pages    []jsonPageRef `json:"pages,omitempty"`
	Figures  []jsonFigures `json:"figures"`
}

// jsonFigures is one group of the figures table.
type jsonFigures struct {
	Measure string                  `json:"measure"`
	Kind    string                  `json:"kind"`
	Agree   bool                    `json:"agree"`
	Sources map[string][]jsonFigure `json:"sources"`
}

type jsonFigure struct {
	Text     string `json:"text"`
	Value    string `json:"value"`
	Sentence string `json:"sentence"`
	URL      string `json:"url"`
}

// jsonWindow is the date window a mention's phrase implies.
type jsonWindow struct {
	Phrase    string `json:"phrase,omitempty"`
	From      string `json:"from,omitempty"`
	To        string `json:"to,omitempty"`
	Reference string `json:"reference,omitempty"`
	Basis     string `json:"basis,omitempty"`
	Fits      bool   `json:"fits"`
}

type jsonSource struct {
	Slug           string   `json:"slug"`
	Outlet         string   `json:"outlet"`
	Title          string   `json:"title,omitempty"`
	Author         string   `json:"author,omitempty"`
	Published      string   `json:"published,omitempty"`
	Retrieved      string   `json:"retrieved,omitempty"`
	AttributedTo   string   `json:"attributed_to,omitempty"`
	URL            string   `json:"url,omitempty"`
	ReferenceDate  string   `json:"reference_date,omitempty"`
	ReferenceBasis string   `json:"reference_basis,omitempty"`
	Detected       []string `json:"detected,omitempty"` // fields taken from the cleaner, not the sidecar
	Page           string   `json:"page"`
	Raw            string   `json:"raw"`
	SHA256         string   `json:"sha256"`
	Format         string   `json:"format"`
	WordsKept      int      `json:"words_kept"`
	WordsRemoved   int      `json:"words_removed"`
}

type jsonQuote struct {
	Quote  string      `json:"quote,omitempty"`
	Stance string      `json:"stance,omitempty"`
	Note   string      `json:"note,omitempty"`
	Absent bool        `json:"absent,omitempty"`
	URL    string      `json:"url,omitempty"`
	Window *jsonWindow `json:"window,omitempty"`
}

type jsonClaim struct {
	ID      string               `json:"id"`
	Claim   string               `json:"claim"`
	Topic   string               `json:"topic"`
	Note    string               `json:"note,omitempty"`
	URL     string               `json:"url"`
	Sources map[string]jsonQuote `json:"sources"`
}

type jsonEvent struct {
	ID      string               `json:"id"`
	Title   string               `json:"title"`
	Date    string               `json:"date"`
	End     string               `json:"end,omitempty"`
	Basis   string               `json:"basis,omitempty"`
	Note    string               `json:"note,omitempty"`
	URL     string               `json:"url"`
	Sources map[string]jsonQuote `json:"sources"`
}

type jsonPageRef struct {
	Name  string `json:"name"`
	Title string `json:"title"`
	Page  string `json:"page"`
}

// data returns dossier.json, compact.
func (b *builder) data() []byte {
	d := b.d
	out := jsonDossier{Title: d.Title, Summary: d.Summary, Language: d.Language, BaseURL: d.BaseURL,
		Sources: []jsonSource{}, Claims: []jsonClaim{}, Events: []jsonEvent{}, Figures: []jsonFigures{}}
	for _, s := range b.site.Sources {
		out.Sources = append(out.Sources, jsonSource{
			Slug: s.Slug, Outlet: s.Outlet, Title: s.Title, Author: s.Author, Published: s.Published,
			Retrieved: s.Retrieved, AttributedTo: s.AttributedTo, URL: s.URL,
			ReferenceDate: s.ReferenceDate, ReferenceBasis: s.ReferenceBasis, Detected: s.Detected,
			Page: s.Page, Raw: s.Raw, SHA256: s.SHA256, Format: s.Format,
			WordsKept: s.WordsKept, WordsRemoved: s.WordsRemoved,
		})
	}
	for i, c := range b.site.Claims {
		src := b.d.Claims[i]
		jc := jsonClaim{ID: c.ID, Claim: src.Claim, Topic: c.Topic, Note: src.Note, URL: c.URL, Sources: map[string]jsonQuote{}}
		for _, q := range src.Quotes {
			jq := jsonQuote{Quote: q.Text, Stance: q.Stance, Note: q.Note, Absent: q.Absent}
			for _, cell := range c.Cells {
				if cell.Source.Slug == q.Slug {
					jq.URL = cell.URL
				}
			}
			jc.Sources[q.Slug] = jq
		}
		out.Claims = append(out.Claims, jc)
	}
	byID := map[string]int{}
	for i, e := range d.Events {
		byID[e.ID] = i
	}
	for _, e := range b.site.Events {
		src := d.Events[byID[e.ID]]
		je := jsonEvent{ID: e.ID, Title: e.Title, Date: e.Date, End: e.End, Basis: e.Basis, Note: src.Note, URL: e.URL, Sources: map[string]jsonQuote{}}
		for _, c := range e.Cells {
			jq := jsonQuote{Quote: c.Quote, URL: c.URL}
			if w := c.Window; w != nil && w.Ref != "" {
				jq.Window = &jsonWindow{Phrase: w.Phrase, From: w.From, To: w.To, Reference: w.Ref, Basis: w.RefBasis, Fits: w.Fits}
			}
			je.Sources[c.Source.Slug] = jq
		}
		out.Events = append(out.Events, je)
	}
	for _, p := range b.site.Pages {
		out.Pages = append(out.Pages, jsonPageRef{Name: p.Name, Title: p.Title, Page: p.Page})
	}
	for _, g := range b.site.Figures {
		jf := jsonFigures{Measure: g.Label, Kind: g.Kind, Agree: g.Agree, Sources: map[string][]jsonFigure{}}
		for _, c := range g.Cells {
			for _, f := range c.Figures {
				jf.Sources[c.Source.Slug] = append(jf.Sources[c.Source.Slug], jsonFigure{Text: f.Text, Value: f.Value, Sentence: f.Sentence, URL: f.URL})
			}
		}
		out.Figures = append(out.Figures, jf)
	}
	data, err := json.Marshal(out) // as compact as minify/json makes it
	if err != nil {
		panic(err) // only plain data: cannot fail
	}
	return data
}
