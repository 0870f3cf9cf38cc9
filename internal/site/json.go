package site

import (
	"bufio"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/gen-dossier/gen/internal/content"
	"github.com/gen-dossier/gen/internal/par"
	"github.com/gen-dossier/gen/internal/render"
)

// The shape of dossier.json. Paths are relative to the site root and
// dates are YYYY-MM-DD. The file is what json.Marshal makes of a
// jsonDossier (maps by sorted keys, so deterministic), written by the
// append methods of these types, which the tests hold to json.Marshal.
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
	writeArray(j, "sources", len(b.site.Sources), func(buf []byte, i int) []byte {
		s := b.site.Sources[i]
		return jsonSource{
			Slug: s.Slug, Outlet: s.Outlet, Title: s.Title, Author: s.Author, Published: s.Published,
			Retrieved: s.Retrieved, AttributedTo: s.AttributedTo, URL: s.URL,
			ReferenceDate: s.ReferenceDate, ReferenceBasis: s.ReferenceBasis, Detected: s.Detected,
			Page: s.Page, Raw: s.Raw, SHA256: s.SHA256, Format: s.Format,
			WordsKept: s.WordsKept, WordsRemoved: s.WordsRemoved,
		}.append(buf)
	})
	writeArray(j, "claims", len(b.site.Claims), func(buf []byte, i int) []byte {
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
		return jc.append(buf)
	})
	byID := map[string]*content.Event{}
	for _, e := range d.Events {
		byID[e.ID] = e
	}
	writeArray(j, "events", len(b.site.Events), func(buf []byte, i int) []byte {
		e := b.site.Events[i]
		je := jsonEvent{ID: e.ID, Title: e.Title, Date: e.Date, End: e.End, Basis: e.Basis, Note: byID[e.ID].Note, URL: e.URL, Sources: map[string]jsonQuote{}}
		for _, c := range e.Cells {
			jq := jsonQuote{Quote: c.Quote, URL: c.URL}
			if w := c.Window; w != nil && w.Ref != "" {
				jq.Window = &jsonWindow{Phrase: w.Phrase, From: w.From, To: w.To, Reference: w.Ref, Basis: w.RefBasis, Fits: w.Fits}
			}
			je.Sources[c.Source.Slug] = jq
		}
		return je.append(buf)
	})
	if len(b.site.Pages) > 0 {
		writeArray(j, "pages", len(b.site.Pages), func(buf []byte, i int) []byte {
			p := b.site.Pages[i]
			return jsonPageRef{Name: p.Name, Title: p.Title, Page: p.Page}.append(buf)
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
	head := appendJSONString(append(j.scratch[:0], `{"measure":`...), g.Label)
	head = appendJSONString(append(head, `,"kind":`...), g.Kind)
	head = strconv.AppendBool(append(head, `,"agree":`...), g.Agree)
	j.scratch = append(head, `,"sources":{`...)
	j.bytes(j.scratch)
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
	writeBatches(j, len(sources), func(buf []byte, i int) []byte {
		buf = append(appendJSONString(buf, sources[i][0].Source.Slug), ':', '[')
		n := 0
		for _, c := range sources[i] {
			for _, f := range c.Figures {
				if n > 0 {
					buf = append(buf, ',')
				}
				buf = jsonFigure{Text: f.Text, Value: f.Value, Sentence: f.Sentence, URL: f.URL}.append(buf)
				n++
			}
		}
		return append(buf, ']')
	})
	j.raw("}}")
}

// A jsonWriter writes a JSON object field by field, as json.Marshal
// writes a struct: in the order given, compact.
type jsonWriter struct {
	w       *bufio.Writer
	fields  int
	err     error
	scratch []byte // for a field before it is written
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

// field writes a field holding a string.
func (j *jsonWriter) field(name, v string) {
	j.name(name)
	j.scratch = appendJSONString(j.scratch[:0], v)
	j.bytes(j.scratch)
}

// jsonBatch is how many elements of an array writeArray makes at once.
const jsonBatch = 256

// writeArray writes the field name, an array of n elements, each
// appended by elem, a batch at a time.
func writeArray(j *jsonWriter, name string, n int, elem func(buf []byte, i int) []byte) {
	j.name(name)
	j.raw("[")
	writeBatches(j, n, elem)
	j.raw("]")
}

// writeBatches writes n elements separated by commas, each appended by
// elem to an empty buffer, a batch of elements at a time, the elements
// of a batch in parallel. The buffers are used again from batch to
// batch.
func writeBatches(j *jsonWriter, n int, elem func(buf []byte, i int) []byte) {
	batch := make([][]byte, min(n, jsonBatch))
	for start := 0; start < n && j.err == nil; start += jsonBatch {
		batch = batch[:min(jsonBatch, n-start)]
		par.Each(len(batch), func(i int) { batch[i] = elem(batch[i][:0], start+i) })
		for i := range batch {
			if start+i > 0 {
				j.raw(",")
			}
			j.bytes(batch[i])
		}
	}
}

// The append methods append what json.Marshal makes of their value.

func (s jsonSource) append(b []byte) []byte {
	b = appendJSONString(append(b, `{"slug":`...), s.Slug)
	b = appendJSONString(append(b, `,"outlet":`...), s.Outlet)
	b = appendOmitEmpty(b, "title", s.Title)
	b = appendOmitEmpty(b, "author", s.Author)
	b = appendOmitEmpty(b, "published", s.Published)
	b = appendOmitEmpty(b, "retrieved", s.Retrieved)
	b = appendOmitEmpty(b, "attributed_to", s.AttributedTo)
	b = appendOmitEmpty(b, "url", s.URL)
	b = appendOmitEmpty(b, "reference_date", s.ReferenceDate)
	b = appendOmitEmpty(b, "reference_basis", s.ReferenceBasis)
	if len(s.Detected) > 0 {
		b = append(b, `,"detected":[`...)
		for i, d := range s.Detected {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendJSONString(b, d)
		}
		b = append(b, ']')
	}
	b = appendJSONString(append(b, `,"page":`...), s.Page)
	b = appendJSONString(append(b, `,"raw":`...), s.Raw)
	b = appendJSONString(append(b, `,"sha256":`...), s.SHA256)
	b = appendJSONString(append(b, `,"format":`...), s.Format)
	b = strconv.AppendInt(append(b, `,"words_kept":`...), int64(s.WordsKept), 10)
	b = strconv.AppendInt(append(b, `,"words_removed":`...), int64(s.WordsRemoved), 10)
	return append(b, '}')
}

func (c jsonClaim) append(b []byte) []byte {
	b = appendJSONString(append(b, `{"id":`...), c.ID)
	b = appendJSONString(append(b, `,"claim":`...), c.Claim)
	b = appendJSONString(append(b, `,"topic":`...), c.Topic)
	b = appendOmitEmpty(b, "note", c.Note)
	b = appendJSONString(append(b, `,"url":`...), c.URL)
	b = appendQuotes(append(b, `,"sources":`...), c.Sources)
	return append(b, '}')
}

func (e jsonEvent) append(b []byte) []byte {
	b = appendJSONString(append(b, `{"id":`...), e.ID)
	b = appendJSONString(append(b, `,"title":`...), e.Title)
	b = appendJSONString(append(b, `,"date":`...), e.Date)
	b = appendOmitEmpty(b, "end", e.End)
	b = appendOmitEmpty(b, "basis", e.Basis)
	b = appendOmitEmpty(b, "note", e.Note)
	b = appendJSONString(append(b, `,"url":`...), e.URL)
	b = appendQuotes(append(b, `,"sources":`...), e.Sources)
	return append(b, '}')
}

// appendQuotes appends the quotes by source, as json.Marshal writes a
// map: by sorted keys, nil as null.
func appendQuotes(b []byte, quotes map[string]jsonQuote) []byte {
	if quotes == nil {
		return append(b, "null"...)
	}
	b = append(b, '{')
	for i, slug := range slices.Sorted(maps.Keys(quotes)) {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(appendJSONString(b, slug), ':')
		b = quotes[slug].append(b)
	}
	return append(b, '}')
}

func (q jsonQuote) append(b []byte) []byte {
	// Every field may be left out.
	b = append(b, '{')
	b = appendOmitEmpty(b, "quote", q.Quote)
	b = appendOmitEmpty(b, "stance", q.Stance)
	b = appendOmitEmpty(b, "note", q.Note)
	if q.Absent {
		b = append(appendKey(b, "absent"), "true"...)
	}
	b = appendOmitEmpty(b, "url", q.URL)
	if q.Window != nil {
		b = q.Window.append(appendKey(b, "window"))
	}
	return append(b, '}')
}

func (w *jsonWindow) append(b []byte) []byte {
	b = append(b, '{')
	b = appendOmitEmpty(b, "phrase", w.Phrase)
	b = appendOmitEmpty(b, "from", w.From)
	b = appendOmitEmpty(b, "to", w.To)
	b = appendOmitEmpty(b, "reference", w.Reference)
	b = appendOmitEmpty(b, "basis", w.Basis)
	b = strconv.AppendBool(appendKey(b, "fits"), w.Fits)
	return append(b, '}')
}

func (p jsonPageRef) append(b []byte) []byte {
	b = appendJSONString(append(b, `{"name":`...), p.Name)
	b = appendJSONString(append(b, `,"title":`...), p.Title)
	b = appendJSONString(append(b, `,"page":`...), p.Page)
	return append(b, '}')
}

func (f jsonFigure) append(b []byte) []byte {
	b = appendJSONString(append(b, `{"text":`...), f.Text)
	b = appendJSONString(append(b, `,"value":`...), f.Value)
	b = appendJSONString(append(b, `,"sentence":`...), f.Sentence)
	b = appendJSONString(append(b, `,"url":`...), f.URL)
	return append(b, '}')
}

// appendOmitEmpty appends the field name with the string v, after a
// comma, unless v is empty (omitempty, after the object's first field).
func appendOmitEmpty(b []byte, name, v string) []byte {
	if v == "" {
		return b
	}
	return appendJSONString(appendKey(b, name), v)
}

// appendKey appends the field name and its colon, after a comma unless
// the field is the object's first.
func appendKey(b []byte, name string) []byte {
	if b[len(b)-1] != '{' {
		b = append(b, ',')
	}
	return append(append(append(b, '"'), name...), `":`...)
}

// appendJSONString appends s as a JSON string as json.Marshal writes it:
// <, > and & escaped (\u003c …), as are U+2028 and U+2029, control
// characters as \n, \t … or \u00XX, and each byte of invalid UTF-8
// as \ufffd.
func appendJSONString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if jsonSafe[c] {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(append(b, s[start:i]...), `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(append(b, s[start:i]...), '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	return append(append(b, s[start:]...), '"')
}

const hexDigits = "0123456789abcdef"

// jsonSafe marks the ASCII bytes appendJSONString writes as they are.
var jsonSafe = func() (safe [utf8.RuneSelf]bool) {
	for c := ' '; c < utf8.RuneSelf; c++ {
		safe[c] = !strings.ContainsRune(`"\<>&`, c)
	}
	return safe
}()
