package site

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"slices"
	"strings"

	"github.com/gen-dossier/gen/internal/content"
	"github.com/gen-dossier/gen/internal/par"
	"github.com/gen-dossier/gen/internal/render"
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

// writeData writes dossier.json, compact: the bytes json.Marshal makes
// of a jsonDossier, made and written a batch of elements at a time, the
// elements of a batch in parallel, so that the file is never whole in
// memory.
func (b *builder) writeData(w io.Writer) error {
	d := b.d
	j := &jsonWriter{w: bufio.NewWriterSize(w, 64<<10)}
	j.raw("{")
	j.field("title", d.Title)
	if d.Summary != "" {
		j.field("summary", d.Summary)
	}
	j.field("language", d.Language)
	if d.BaseURL != "" {
		j.field("base_url", d.BaseURL)
	}
	writeArray(j, "sources", len(b.site.Sources), func(i int) jsonSource {
		s := b.site.Sources[i]
		return jsonSource{
			Slug: s.Slug, Outlet: s.Outlet, Title: s.Title, Author: s.Author, Published: s.Published,
			Retrieved: s.Retrieved, AttributedTo: s.AttributedTo, URL: s.URL,
			ReferenceDate: s.ReferenceDate, ReferenceBasis: s.ReferenceBasis, Detected: s.Detected,
			Page: s.Page, Raw: s.Raw, SHA256: s.SHA256, Format: s.Format,
			WordsKept: s.WordsKept, WordsRemoved: s.WordsRemoved,
		}
	})
	writeArray(j, "claims", len(b.site.Claims), func(i int) jsonClaim {
		c, src := b.site.Claims[i], b.d.Claims[i]
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
		return jc
	})
	byID := map[string]*content.Event{}
	for _, e := range d.Events {
		byID[e.ID] = e
	}
	writeArray(j, "events", len(b.site.Events), func(i int) jsonEvent {
		e := b.site.Events[i]
		je := jsonEvent{ID: e.ID, Title: e.Title, Date: e.Date, End: e.End, Basis: e.Basis, Note: byID[e.ID].Note, URL: e.URL, Sources: map[string]jsonQuote{}}
		for _, c := range e.Cells {
			jq := jsonQuote{Quote: c.Quote, URL: c.URL}
			if w := c.Window; w != nil && w.Ref != "" {
				jq.Window = &jsonWindow{Phrase: w.Phrase, From: w.From, To: w.To, Reference: w.Ref, Basis: w.RefBasis, Fits: w.Fits}
			}
			je.Sources[c.Source.Slug] = jq
		}
		return je
	})
	if len(b.site.Pages) > 0 {
		writeArray(j, "pages", len(b.site.Pages), func(i int) jsonPageRef {
			p := b.site.Pages[i]
			return jsonPageRef{Name: p.Name, Title: p.Title, Page: p.Page}
		})
	}
	// A group of figures can be given by every source: each is written
	// a batch of its sources at a time.
	j.name("figures")
	j.raw("[")
	for i, g := range b.site.Figures {
		if i > 0 {
			j.raw(",")
		}
		writeFigures(j, g)
	}
	j.raw("]")
	j.raw("}")
	if j.err != nil {
		return j.err
	}
	return j.w.Flush()
}

// writeFigures writes the jsonFigures of the group g, as json.Marshal
// writes it, its sources a batch at a time, in the order of their slugs
// (as json.Marshal sorts the keys of a map). A source has one cell in a
// group; were it given several, their figures would be one list, in
// order, as in the map of a jsonFigures.
func writeFigures(j *jsonWriter, g *render.FigureGroup) {
	j.raw(`{"measure":`)
	j.bytes(mustMarshal(g.Label))
	j.raw(`,"kind":`)
	j.bytes(mustMarshal(g.Kind))
	j.raw(`,"agree":`)
	j.bytes(mustMarshal(g.Agree))
	j.raw(`,"sources":{`)
	cells := slices.DeleteFunc(slices.Clone(g.Cells), func(c *render.FigureCell) bool { return len(c.Figures) == 0 })
	slices.SortStableFunc(cells, func(a, b *render.FigureCell) int { return strings.Compare(a.Source.Slug, b.Source.Slug) })
	var sources [][]*render.FigureCell // the cells of each source
	for i := 0; i < len(cells); {
		k := i + 1
		for k < len(cells) && cells[k].Source.Slug == cells[i].Source.Slug {
			k++
		}
		sources, i = append(sources, cells[i:k]), k
	}
	writeBatches(j, len(sources), func(buf *bytes.Buffer, i int) {
		var figures []jsonFigure
		for _, c := range sources[i] {
			for _, f := range c.Figures {
				figures = append(figures, jsonFigure{Text: f.Text, Value: f.Value, Sentence: f.Sentence, URL: f.URL})
			}
		}
		appendJSON(buf, sources[i][0].Source.Slug)
		buf.WriteByte(':')
		appendJSON(buf, figures)
	})
	j.raw("}}")
}

// A jsonWriter writes a JSON object field by field, as json.Marshal
// writes a struct: in the order given, compact.
type jsonWriter struct {
	w      *bufio.Writer
	fields int
	err    error
}

func (j *jsonWriter) raw(s string) {
	if j.err == nil {
		_, j.err = j.w.WriteString(s)
	}
}

func (j *jsonWriter) bytes(p []byte) {
	if j.err == nil {
		_, j.err = j.w.Write(p)
	}
}

// name writes the name of the next field.
func (j *jsonWriter) name(name string) {
	if j.fields > 0 {
		j.raw(",")
	}
	j.fields++
	j.raw(`"` + name + `":`)
}

// field writes a field of plain data.
func (j *jsonWriter) field(name string, v any) {
	j.name(name)
	j.bytes(mustMarshal(v))
}

// jsonBatch is how many elements of an array writeArray makes at once.
const jsonBatch = 256

// writeArray writes the field name, an array of n elements made by elem,
// a batch at a time.
func writeArray[T any](j *jsonWriter, name string, n int, elem func(i int) T) {
	j.name(name)
	j.raw("[")
	writeBatches(j, n, func(buf *bytes.Buffer, i int) { appendJSON(buf, elem(i)) })
	j.raw("]")
}

// writeBatches writes n elements separated by commas, each made by
// elem into an empty buffer, a batch of elements at a time, the
// elements of a batch in parallel. The buffers are used again from
// batch to batch.
func writeBatches(j *jsonWriter, n int, elem func(buf *bytes.Buffer, i int)) {
	batch := make([]bytes.Buffer, min(n, jsonBatch))
	for start := 0; start < n && j.err == nil; start += jsonBatch {
		batch = batch[:min(jsonBatch, n-start)]
		par.Each(len(batch), func(i int) {
			batch[i].Reset()
			elem(&batch[i], start+i)
		})
		for i := range batch {
			if start+i > 0 {
				j.raw(",")
			}
			j.bytes(batch[i].Bytes())
		}
	}
}

// appendJSON appends to buf what json.Marshal makes of v, plain data
// that cannot fail to encode.
func appendJSON(buf *bytes.Buffer, v any) {
	if err := json.NewEncoder(buf).Encode(v); err != nil {
		panic(err)
	}
	buf.Truncate(buf.Len() - 1) // the newline Encode ends with
}

// mustMarshal encodes v, plain data that cannot fail to encode.
func mustMarshal(v any) []byte {
	data, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return data
}
