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
// another of its kind: only the blocks that marks name are parsed and
// written again; the rest of fragment is kept as it is.
func Highlight(fragment template.HTML, marks []Mark) (template.HTML, error) {
	if len(marks) == 0 {
		return fragment, nil
	}
	src := string(fragment)
	type block struct {
		start, end int // of the element in src
		node       *html.Node
	}
	blocks := map[string]*block{}
	for _, m := range marks {
		if _, done := blocks[m.Block]; done {
			continue
		}
		blocks[m.Block] = nil
		start, end, ok := element(src, m.Block)
		if !ok {
			continue
		}
		body := &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body}
		nodes, err := html.ParseFragment(strings.NewReader(src[start:end]), body)
		if err != nil {
			return "", err
		}
		if len(nodes) != 1 || !hasID(nodes[0], m.Block) {
			continue
		}
		blocks[m.Block] = &block{start, end, nodes[0]}
	}
	byID := map[string]*html.Node{}
	for id, b := range blocks {
		if b != nil {
			byID[id] = b.node
		}
	}
	type span struct {
		start, end int
		links      []Link
	}
	spans := map[string][]span{}
	for _, m := range marks {
		p := byID[m.Block]
		if p == nil || p.FirstChild == nil || p.FirstChild.Type != html.TextNode || !onlyPilcrows(p.FirstChild.NextSibling) {
			continue
		}
		at, ok := quote.Find(p.FirstChild.Data, m.Quote)
		if !ok {
			continue
		}
		spans[m.Block] = append(spans[m.Block], span{at.Start, at.End, m.Links})
	}
	for id, list := range spans {
		slices.SortFunc(list, func(a, b span) int { return cmp.Or(a.start-b.start, a.end-b.end) })
		merged := list[:1]
		for _, s := range list[1:] {
			last := &merged[len(merged)-1]
			if s.start < last.end {
				last.end = max(last.end, s.end)
				last.links = append(last.links, s.links...)
				continue
			}
			merged = append(merged, s)
		}
		p := byID[id]
		textNode := p.FirstChild
		text := textNode.Data
		pos := 0
		add := func(n *html.Node) { p.InsertBefore(n, textNode) }
		for _, s := range merged {
			add(&html.Node{Type: html.TextNode, Data: text[pos:s.start]})
			mark := &html.Node{Type: html.ElementNode, Data: "mark", DataAtom: atom.Mark}
			mark.AppendChild(&html.Node{Type: html.TextNode, Data: text[s.start:s.end]})
			add(mark)
			sup := &html.Node{Type: html.ElementNode, Data: "sup", DataAtom: atom.Sup, Attr: []html.Attribute{{Key: "class", Val: "cites"}}}
			seen := map[string]bool{}
			for _, l := range s.links {
				if seen[l.Href] {
					continue
				}
				seen[l.Href] = true
				a := &html.Node{Type: html.ElementNode, Data: "a", DataAtom: atom.A, Attr: []html.Attribute{
					{Key: "href", Val: l.Href}, {Key: "title", Val: l.Title}}}
				a.AppendChild(&html.Node{Type: html.TextNode, Data: l.Text})
				sup.AppendChild(a)
			}
			add(sup)
			pos = s.end
		}
		textNode.Data = text[pos:]
	}
	// Write the changed blocks in place, in order.
	var changed []*block
	for id := range spans {
		changed = append(changed, blocks[id])
	}
	slices.SortFunc(changed, func(a, b *block) int { return a.start - b.start })
	var buf strings.Builder // its String is not a copy
	buf.Grow(len(src) + 512*len(changed))
	pos := 0
	for _, b := range changed {
		buf.WriteString(src[pos:b.start])
		if err := html.Render(&buf, b.node); err != nil {
			return "", err
		}
		pos = b.end
	}
	buf.WriteString(src[pos:])
	return template.HTML(buf.String()), nil
}

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
