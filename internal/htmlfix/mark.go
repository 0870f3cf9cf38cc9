package htmlfix

import (
	"cmp"
	"html/template"
	"slices"
	"strings"

	"github.com/gen-dossier/gen/internal/quote"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// A Mark asks for a quoted passage of a block to be highlighted, with
// links back to what cites it.
type Mark struct {
	Block string // id of the paragraph
	Quote string
	Links []Link
}

// A Link is one back-reference of a mark.
type Link struct {
	Href  string
	Text  string // short visible text, e.g. "C12"
	Title string // what it links to, for the tooltip and screen readers
}

// onlyPilcrows reports whether n and its siblings are all ¶ links.
func onlyPilcrows(n *html.Node) bool {
	for ; n != nil; n = n.NextSibling {
		if n.Type != html.ElementNode || n.DataAtom != atom.A || !hasClass(n, "pilcrow") {
			return false
		}
	}
	return true
}

func hasClass(n *html.Node, class string) bool {
	for _, a := range n.Attr {
		if a.Key == "class" && slices.Contains(strings.Fields(a.Val), class) {
			return true
		}
	}
	return false
}

// Highlight wraps each quoted passage of fragment in <mark>, followed by
// its back-links. Passages of one paragraph that overlap are merged.
// Paragraphs whose content is not a single text node are left alone.
//
// fragment is a sequence of blocks (goldmark's output), none nested in
// another of its kind: only the blocks that marks name are read and
// written again; the rest of fragment is kept as it is.
func Highlight(fragment template.HTML, marks []Mark) (template.HTML, error) {
	return highlight(fragment, marks, true)
}

// A marked is a block that marks name: where it is in the fragment, and
// its text when that is its only content besides ¶ links.
type marked struct {
	start, end int    // of the element in the fragment
	head, tail string // what html.Render writes of the element before its text, and after
	text       string // its text node's content, unescaped
	spans      []passage
}

// A passage is a part of a block's text to mark.
type passage struct {
	start, end int
	links      []Link
}

// highlight is Highlight. With plain set, a paragraph as goldmark writes
// it (text, then its ¶ link) is read and written without the HTML
// parser, the same bytes as through it.
func highlight(fragment template.HTML, marks []Mark, plain bool) (template.HTML, error) {
	if len(marks) == 0 {
		return fragment, nil
	}
	src := string(fragment)
	blocks := map[string]*marked{}
	for _, m := range marks {
		if _, done := blocks[m.Block]; done {
			continue
		}
		blocks[m.Block] = nil
		start, end, ok := element(src, m.Block)
		if !ok {
			continue
		}
		if plain {
			if text, ok := plainParagraph(src[start:end], m.Block); ok {
				// What html.Render writes of it: its ¶ link's attributes
				// sorted, as the parser keeps a formatting element's.
				blocks[m.Block] = &marked{start: start, end: end, text: text,
					head: `<p id="` + m.Block + `">`,
					tail: `<a aria-label="` + pilcrowLabel + `" class="pilcrow" href="#` + m.Block + `">¶</a></p>`}
				continue
			}
		}
		body := &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body}
		nodes, err := html.ParseFragment(strings.NewReader(src[start:end]), body)
		if err != nil {
			return "", err
		}
		if len(nodes) != 1 || !hasID(nodes[0], m.Block) {
			continue
		}
		p := nodes[0]
		if p.FirstChild == nil || p.FirstChild.Type != html.TextNode || !onlyPilcrows(p.FirstChild.NextSibling) {
			continue
		}
		b := &marked{start: start, end: end, text: p.FirstChild.Data}
		if b.head, b.tail, err = around(p); err != nil {
			return "", err
		}
		blocks[m.Block] = b
	}
	var changed []*marked
	for _, m := range marks {
		b := blocks[m.Block]
		if b == nil {
			continue
		}
		at, ok := quote.Find(b.text, m.Quote)
		if !ok {
			continue
		}
		if b.spans == nil {
			changed = append(changed, b)
		}
		b.spans = append(b.spans, passage{at.Start, at.End, m.Links})
	}
	// Write the changed blocks in place, in order.
	slices.SortFunc(changed, func(a, b *marked) int { return a.start - b.start })
	var buf strings.Builder // its String is not a copy
	buf.Grow(len(src) + 512*len(changed))
	pos := 0
	for _, b := range changed {
		buf.WriteString(src[pos:b.start])
		b.write(&buf)
		pos = b.end
	}
	buf.WriteString(src[pos:])
	return template.HTML(buf.String()), nil
}

// merged returns the block's spans in order, overlapping ones merged.
func (b *marked) merged() []passage {
	list := b.spans
	slices.SortFunc(list, func(a, b passage) int { return cmp.Or(a.start-b.start, a.end-b.end) })
	merged := list[:1]
	for _, s := range list[1:] {
		last := &merged[len(merged)-1]
		if s.start < last.end {
			last.end = max(last.end, s.end)
			last.links = append(slices.Clip(last.links), s.links...) // not into a Mark's Links
			continue
		}
		merged = append(merged, s)
	}
	return merged
}

// write writes the block with its spans marked, as html.Render writes
// it with a <mark> around each span and a <sup> of its links after.
func (b *marked) write(w *strings.Builder) {
	w.WriteString(b.head)
	pos := 0
	for _, s := range b.merged() {
		escape(w, b.text[pos:s.start])
		w.WriteString("<mark>")
		escape(w, b.text[s.start:s.end])
		w.WriteString(`</mark><sup class="cites">`)
		seen := map[string]bool{}
		for _, l := range s.links {
			if seen[l.Href] {
				continue
			}
			seen[l.Href] = true
			w.WriteString(`<a href="`)
			escape(w, l.Href)
			w.WriteString(`" title="`)
			escape(w, l.Title)
			w.WriteString(`">`)
			escape(w, l.Text)
			w.WriteString("</a>")
		}
		w.WriteString("</sup>")
		pos = s.end
	}
	escape(w, b.text[pos:])
	w.WriteString(b.tail)
}

// around returns what html.Render writes of the element p before its
// first child, a text node, and after it.
func around(p *html.Node) (head, tail string, err error) {
	var h, t strings.Builder
	if err := html.Render(&h, &html.Node{Type: html.ElementNode, Data: p.Data, DataAtom: p.DataAtom, Namespace: p.Namespace, Attr: p.Attr}); err != nil {
		return "", "", err
	}
	end := "</" + p.Data + ">"
	for c := p.FirstChild.NextSibling; c != nil; c = c.NextSibling {
		if err := html.Render(&t, c); err != nil {
			return "", "", err
		}
	}
	t.WriteString(end)
	return strings.TrimSuffix(h.String(), end), t.String(), nil
}

// pilcrowLabel is the aria-label of goldmark's ¶ links (internal/markdown).
const pilcrowLabel = "Link to this paragraph"

// plainParagraph returns the text of elem, the element with the id, when
// it is a paragraph as goldmark writes one: <p id="…">, text, its ¶ link
// and </p>, with nothing the HTML parser would change (a carriage
// return, a NUL) nor any character in the id that html.Render escapes.
func plainParagraph(elem, id string) (string, bool) {
	start := `<p id="` + id + `">`
	link := `<a class="pilcrow" href="#` + id + `" aria-label="` + pilcrowLabel + `">¶</a></p>`
	if !strings.HasPrefix(elem, start) || !strings.HasSuffix(elem, link) || strings.ContainsAny(id, "&'<>\"\r") {
		return "", false
	}
	text := elem[len(start) : len(elem)-len(link)]
	if text == "" || strings.ContainsAny(text, "<\r\x00") {
		return "", false
	}
	return html.UnescapeString(text), true
}

// escaper escapes as html.Render escapes text and attribute values
// (x/net/html's escapedChars).
var escaper = strings.NewReplacer("&", "&amp;", "'", "&#39;", "<", "&lt;", ">", "&gt;", `"`, "&#34;", "\r", "&#13;")

// escape writes s escaped as html.Render escapes text and attribute
// values.
func escape(w *strings.Builder, s string) { escaper.WriteString(w, s) }

// element returns where the element with the id starts and ends in src:
// from the < of its start tag to the > of its end tag, which is the first
// after it, the element not being nested in another of its name.
func element(src, id string) (start, end int, ok bool) {
	at := strings.Index(src, ` id="`+id+`"`)
	if at < 0 {
		return 0, 0, false
	}
	start = strings.LastIndexByte(src[:at], '<')
	if start < 0 {
		return 0, 0, false
	}
	name := src[start+1 : at]
	if i := strings.IndexAny(name, " \t\n"); i >= 0 {
		name = name[:i]
	}
	if name == "" {
		return 0, 0, false
	}
	close := strings.Index(src[at:], "</"+name+">")
	if close < 0 {
		return 0, 0, false
	}
	return start, at + close + len("</"+name+">"), true
}

func hasID(n *html.Node, id string) bool {
	for _, a := range n.Attr {
		if a.Key == "id" {
			return a.Val == id
		}
	}
	return false
}
