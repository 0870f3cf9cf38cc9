// Package markdown converts Markdown to HTML with one goldmark
// configuration, built once by New and reused for every document.
//
// # Anchors
//
// Every paragraph and heading of a document gets an id derived from its
// own text, never from its position, so that a link to one paragraph keeps
// working when other paragraphs are added or removed:
//
//	p-<first words>-<6 hex digits of the SHA-256 of the text>
//	h-<heading words>
//
// Two blocks with the same id (identical text) get -2, -3 … in document
// order. Convert returns the blocks with their ids and plain text, which is
// the text quotes are verified against.
//
// # Safety
//
// Raw HTML in the Markdown is never passed through (goldmark's default,
// which omits it), dangerous link schemes (javascript:, vbscript:, data:)
// are dropped by goldmark, and links that leave the site get
// rel="noopener noreferrer". Links to other Markdown pages ("about.md")
// are rewritten to the HTML page ("about.html").
package markdown

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"html/template"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// A Converter renders Markdown. It is safe for concurrent use.
type Converter struct {
	md goldmark.Markdown
}

// New returns a Converter with gen's goldmark configuration: CommonMark
// plus tables, strikethrough and typographic-neutral output, block ids
// and safe links.
func New() *Converter {
	md := goldmark.New(
		goldmark.WithExtensions(extension.Table, extension.Strikethrough),
		goldmark.WithRendererOptions(renderer.WithNodeRenderers(util.Prioritized(pilcrows{}, 100))),
		goldmark.WithParserOptions(
			parser.WithASTTransformers(
				util.Prioritized(blockIDs{}, 100),
				util.Prioritized(links{}, 200),
			),
		),
	)
	return &Converter{md: md}
}

// A Block is one paragraph or heading of a converted document.
type Block struct {
	ID      string
	Text    string // plain text as the reader sees it, its words separated by single spaces
	Heading bool
	Line    int // 1-based line of the Markdown source where the block starts
}

// A Doc is a converted document.
type Doc struct {
	HTML   template.HTML
	Blocks []Block
}

// blocksKey carries the collected blocks from the transformer to Convert.
var blocksKey = parser.NewContextKey()

// Convert renders a Markdown document to HTML.
func (c *Converter) Convert(src []byte) (*Doc, error) {
	ctx := parser.NewContext()
	doc := c.md.Parser().Parse(text.NewReader(src), parser.WithContext(ctx))
	var buf bufWriter               // its String is not a copy
	buf.Grow(len(src) + len(src)/2) // the text, its tags, ids and ¶ links
	if err := c.md.Renderer().Render(&buf, src, doc); err != nil {
		return nil, fmt.Errorf("rendering markdown: %w", err)
	}
	out := &Doc{HTML: template.HTML(buf.String())}
	if b, ok := ctx.Get(blocksKey).(*[]Block); ok {
		out.Blocks = *b
	}
	return out, nil
}

// A bufWriter is a strings.Builder that goldmark's renderer writes to
// directly: a util.BufWriter, which the renderer does not wrap in a
// bufio.Writer of its own (4 KB a document, and a copy of the page).
type bufWriter struct{ strings.Builder }

func (b *bufWriter) Available() int { return b.Cap() - b.Len() }
func (b *bufWriter) Buffered() int  { return 0 }
func (b *bufWriter) Flush() error   { return nil }

// Inline renders a short Markdown text (a claim, a note) that is one
// paragraph, without the enclosing <p>. Longer texts keep their blocks.
func (c *Converter) Inline(src string) (template.HTML, error) {
	if strings.TrimSpace(src) == "" {
		return "", nil
	}
	if plainInline(src) {
		// What goldmark escapes once &, < and > are ruled out.
		return template.HTML(strings.ReplaceAll(src, `"`, "&quot;")), nil
	}
	return c.inline(src)
}

// inline is Inline through goldmark.
func (c *Converter) inline(src string) (template.HTML, error) {
	var buf bytes.Buffer
	doc := c.md.Parser().Parse(text.NewReader([]byte(src)))
	if doc.ChildCount() == 1 && doc.FirstChild().Kind() == ast.KindParagraph {
		// Render the paragraph's children only.
		doc.RemoveAttributes() // its ids: the paragraph is rendered without
		if err := c.md.Renderer().Render(&buf, []byte(src), doc); err != nil {
			return "", err
		}
		s := strings.TrimSpace(buf.String())
		s = s[strings.IndexByte(s, '>')+1:]
		s = strings.TrimSuffix(s, "</p>")
		return template.HTML(s), nil
	}
	if err := c.md.Renderer().Render(&buf, []byte(src), doc); err != nil {
		return "", err
	}
	return template.HTML(buf.String()), nil
}

// plainInline reports whether src is one line that Markdown renders as
// itself, its double quotes escaped, most claims and notes being plain
// sentences: it starts with an ASCII letter, so it opens no block; it
// ends with a printable ASCII character, so there is no space to trim;
// and it holds no control character and none of the characters that can
// begin inline markup (emphasis, code, links, images, raw HTML,
// entities, escapes, strikethrough, table cells).
func plainInline(src string) bool {
	first, last := src[0], src[len(src)-1]
	if !('a' <= first && first <= 'z' || 'A' <= first && first <= 'Z') || last <= ' ' || last >= 0x7f {
		return false
	}
	for i := 0; i < len(src); i++ {
		switch c := src[i]; {
		case c < ' ', c == 0x7f:
			return false
		case c == '\\', c == '`', c == '*', c == '_', c == '[', c == ']', c == '<', c == '>', c == '!', c == '&', c == '~', c == '|':
			return false
		}
	}
	return true
}

// blockIDs gives every paragraph and heading its stable id.
type blockIDs struct{}

func (blockIDs) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	src := reader.Source()
	seen := map[string]int{}
	var blocks []Block
	if n := doc.ChildCount(); n > 0 {
		// Most blocks are the document's children: a cleaned article's all.
		blocks = make([]Block, 0, n)
	}
	var buf []byte // the text of one block, reused from block to block
	lines := lineCounter{src: src, line: 1}
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		var prefix string
		switch n.Kind() {
		case ast.KindParagraph:
			prefix = "p"
		case ast.KindHeading:
			prefix = "h"
		default:
			return ast.WalkContinue, nil
		}
		buf = normalizeSpace(appendText(buf[:0], n, src))
		txt := string(buf)
		id := blockID(prefix, buf)
		seen[id]++
		if k := seen[id]; k > 1 {
			id = fmt.Sprintf("%s-%d", id, k)
		}
		blocks = append(blocks, Block{ID: id, Text: txt, Heading: prefix == "h", Line: lines.of(n)})
		return ast.WalkSkipChildren, nil
	})
	pc.Set(blocksKey, &blocks)
	doc.SetAttribute(idsAttr, &blockIDList{blocks: blocks})
}

// idsAttr names the attribute of a document by which blockIDs gives the
// renderers its blocks' ids, a *blockIDList: an attribute of each block
// would cost goldmark room for ten attributes a block.
var idsAttr = []byte("gen-block-ids")

// A blockIDList gives the paragraphs and headings of a document their
// ids as they are rendered, which is in the order blockIDs walked them.
type blockIDList struct {
	blocks []Block
	next   int    // the next block's
	open   string // the id of the paragraph being rendered
}

// blockIDsOf returns the ids of the document of block n, or nil when it
// has none (see Converter.Inline).
func blockIDsOf(n ast.Node) *blockIDList {
	for ; n != nil; n = n.Parent() {
		if n.Kind() == ast.KindDocument {
			l, _ := n.Attribute(idsAttr)
			ids, _ := l.(*blockIDList)
			return ids
		}
	}
	return nil
}

// take returns the id of the next block, or "" when there is none.
func (l *blockIDList) take() string {
	if l == nil || l.next == len(l.blocks) {
		return ""
	}
	l.next++
	return l.blocks[l.next-1].ID
}

// A lineCounter maps byte offsets to 1-based lines. Blocks come in
// document order, so it counts forward from the last offset asked for,
// which keeps a long document linear.
type lineCounter struct {
	src  []byte
	off  int // offset counted up to
	line int // line at off
}

// of returns the line where block n starts, or 0 if it has no lines.
func (c *lineCounter) of(n ast.Node) int {
	lines := n.Lines()
	if lines == nil || lines.Len() == 0 {
		return 0
	}
	start := lines.At(0).Start
	if start < c.off { // out of order: count from the start
		c.off, c.line = 0, 1
	}
	c.line += bytes.Count(c.src[c.off:start], []byte("\n"))
	c.off = start
	return c.line
}

// blockID returns the anchor id of a block with the plain text txt,
// whose white space is normalized (normalizeSpace): prefix "p" for
// paragraphs, "h" for headings. The hash is of that text, and the words
// do not depend on white space. The transformer calls it with the bytes of
// each block's text, which it normalizes once.
func blockID(prefix string, txt []byte) string {
	var a [64]byte // most ids fit: no allocation but the string
	if prefix == "h" {
		id := appendSlug(append(a[:0], "h-"...), txt, 8)
		if len(id) == len("h-") {
			id = appendHash(id, txt)
		}
		return string(id)
	}
	id := appendSlug(append(a[:0], "p-"...), txt, 4)
	if len(id) > len("p-") {
		id = append(id, '-')
	}
	return string(appendHash(id, txt))
}

// appendHash appends the first 6 hex digits of the SHA-256 of txt.
func appendHash(dst, txt []byte) []byte {
	sum := sha256.Sum256(txt)
	return hex.AppendEncode(dst, sum[:3])
}

// appendSlug appends the first n words of s, lower-cased, joined by
// hyphens. A word is a run of ASCII letters and digits: every other rune
// separates words. Every byte of a multi-byte or invalid UTF-8 sequence
// is >= utf8.RuneSelf, so the bytes can be tested one at a time, and the
// loop stops at the nth word rather than splitting the whole text.
func appendSlug(dst, s []byte, n int) []byte {
	start := len(dst)
	inWord := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		default:
			if inWord {
				inWord = false
				if n--; n == 0 {
					return dst
				}
			}
			continue
		}
		if !inWord && len(dst) > start {
			dst = append(dst, '-')
		}
		inWord = true
		dst = append(dst, c)
	}
	return dst
}

// appendText appends the text of n and its descendants, with the white
// space of the source.
func appendText(b []byte, n ast.Node, src []byte) []byte {
	switch n := n.(type) {
	case *ast.Text:
		v := n.Segment.Value(src)
		// Escapes start with \ and references with &: most text has
		// neither, and is spared the three passes.
		if bytes.IndexByte(v, '\\') >= 0 || bytes.IndexByte(v, '&') >= 0 {
			v = util.UnescapePunctuations(v)
			v = util.ResolveNumericReferences(v)
			v = util.ResolveEntityNames(v)
		}
		b = append(b, v...)
		if n.SoftLineBreak() || n.HardLineBreak() {
			b = append(b, ' ')
		}
	case *ast.String:
		b = append(b, n.Value...)
	case *ast.AutoLink:
		return append(b, n.Label(src)...)
	case *ast.RawHTML:
		// omitted from the output, so not part of the text
		return b
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		b = appendText(b, c, src)
	}
	return b
}

// normalizeSpace rewrites b in place to its words, split at Unicode white
// space as strings.Fields splits them, joined by single spaces: the bytes
// of strings.Join(strings.Fields(b), " ") in one pass, without the slice
// of words and the two strings.
func normalizeSpace(b []byte) []byte {
	// Most text is ASCII with its words separated by single spaces: it
	// is left as it is up to the first byte that is not so.
	start := 0
	for start < len(b) {
		c := b[start]
		if c >= utf8.RuneSelf || asciiSpace[c] && (c != ' ' || start == 0 || b[start-1] == ' ') {
			break
		}
		start++
	}
	if start == len(b) {
		if start > 0 && b[start-1] == ' ' {
			return b[:start-1] // a space at the end
		}
		return b
	}
	if start > 0 && b[start-1] == ' ' {
		start-- // the gap before the byte is the loop's to judge
	}
	w := start   // bytes written; never ahead of i
	gap := false // white space since the last word
	for i := start; i < len(b); {
		c, size := b[i], 1
		space := asciiSpace[c]
		if c >= utf8.RuneSelf {
			// An invalid byte decodes to utf8.RuneError, not a space,
			// and is kept as it is, as strings.Fields keeps it.
			var r rune
			r, size = utf8.DecodeRune(b[i:])
			space = unicode.IsSpace(r)
		}
		if space {
			gap = true
			i += size
			continue
		}
		if gap && w > 0 {
			b[w] = ' '
			w++
		}
		gap = false
		if size == 1 {
			b[w] = c
			w++
		} else {
			w += copy(b[w:], b[i:i+size])
		}
		i += size
	}
	return b[:w]
}

// asciiSpace marks the ASCII bytes unicode.IsSpace reports as spaces.
var asciiSpace = [256]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// links marks outbound links and points .md links at .html pages.
type links struct{}

func (links) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch l := n.(type) {
		case *ast.Link:
			l.Destination = fixDest(l.Destination)
			if external(l.Destination) {
				l.SetAttributeString("rel", []byte("noopener noreferrer"))
			}
		case *ast.AutoLink:
			// AutoLinks render their own href; mark them via attribute.
			l.SetAttributeString("rel", []byte("noopener noreferrer"))
		}
		return ast.WalkContinue, nil
	})
}

func external(dest []byte) bool {
	s := strings.ToLower(string(dest))
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://") || strings.HasPrefix(s, "//") || strings.HasPrefix(s, "mailto:")
}

// fixDest rewrites a relative link to a Markdown page to its HTML page.
func fixDest(dest []byte) []byte {
	s := string(dest)
	if external(dest) || strings.Contains(s, ":") {
		return dest
	}
	p, frag, _ := strings.Cut(s, "#")
	if strings.HasSuffix(p, ".md") {
		p = strings.TrimSuffix(p, ".md") + ".html"
		if frag != "" {
			p += "#" + frag
		}
		return []byte(p)
	}
	return dest
}

// pilcrows renders paragraphs as goldmark does, followed by a ¶ link to
// the paragraph's own id: the "copy link" affordance of every paragraph,
// which works without JavaScript.
type pilcrows struct{}

func (pilcrows) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindDocument, renderDocument)
	reg.Register(ast.KindParagraph, renderParagraph)
	reg.Register(ast.KindHeading, renderHeading)
}

// renderDocument renders nothing of the document itself, as goldmark
// does; it starts its list of ids again, for a document rendered twice.
func renderDocument(_ util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if ids := blockIDsOf(n); entering && ids != nil {
		ids.next, ids.open = 0, ""
	}
	return ast.WalkContinue, nil
}

// writeID writes the id attribute of a block, if it has an id. The ids
// blockIDs gives are letters, digits and hyphens, which need no
// escaping.
func writeID(w util.BufWriter, id string) {
	if id != "" {
		w.WriteString(` id="`)
		w.WriteString(id)
		w.WriteByte('"')
	}
}

func renderParagraph(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	ids := blockIDsOf(n)
	if entering {
		id := ids.take()
		if ids != nil {
			ids.open = id
		}
		w.WriteString("<p")
		writeID(w, id)
		html.RenderAttributes(w, n, html.ParagraphAttributeFilter)
		w.WriteByte('>')
		return ast.WalkContinue, nil
	}
	if ids != nil && ids.open != "" {
		w.WriteString(`<a class="pilcrow" href="#`)
		w.WriteString(ids.open)
		w.WriteString(`" aria-label="Link to this paragraph">¶</a>`)
	}
	w.WriteString("</p>\n")
	return ast.WalkContinue, nil
}

// renderHeading renders a heading as goldmark does, with its id.
func renderHeading(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*ast.Heading)
	if entering {
		w.WriteString("<h")
		w.WriteByte("0123456"[n.Level])
		writeID(w, blockIDsOf(n).take())
		html.RenderAttributes(w, n, html.HeadingAttributeFilter)
		w.WriteByte('>')
		return ast.WalkContinue, nil
	}
	w.WriteString("</h")
	w.WriteByte("0123456"[n.Level])
	w.WriteString(">\n")
	return ast.WalkContinue, nil
}
