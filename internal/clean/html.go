package clean

import (
	"bytes"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
)

// decodeDeclaredCharset decodes an HTML capture that is not UTF-8 from
// the charset its <meta> declares, if it declares one.
func decodeDeclaredCharset(raw []byte) (string, bool) {
	head := bytes.ToLower(raw[:min(len(raw), 4096)])
	if !bytes.Contains(head, []byte("charset")) {
		return "", false // undeclared: not guessed
	}
	enc, name, _ := charset.DetermineEncoding(raw, "text/html")
	if name == "utf-8" {
		return "", false
	}
	out, err := io.ReadAll(enc.NewDecoder().Reader(bytes.NewReader(raw)))
	if err != nil || bytes.IndexByte(out, 0) >= 0 {
		return "", false
	}
	return string(out), true
}

// A segment is the text of one block of an HTML page: a paragraph,
// heading, list item, or the loose text of a container.
type segment struct {
	node     *html.Node // the block element holding the text
	tag      atom.Atom  // its tag
	text     string     // repaired, white space collapsed
	linkText int        // bytes of text inside links
	drop     string     // reason from a dropped ancestor (nav, footer …), or ""
	hidden   bool       // inside a hidden element: not visible, not reported
}

// blockTags are the elements that start a new segment.
var blockTags = map[atom.Atom]bool{
	atom.P: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Li: true, atom.Blockquote: true, atom.Pre: true, atom.Div: true, atom.Section: true, atom.Article: true,
	atom.Main: true, atom.Ul: true, atom.Ol: true, atom.Dl: true, atom.Dd: true, atom.Dt: true, atom.Table: true,
	atom.Tr: true, atom.Td: true, atom.Th: true, atom.Figure: true, atom.Figcaption: true, atom.Header: true,
	atom.Footer: true, atom.Nav: true, atom.Aside: true, atom.Form: true, atom.Address: true, atom.Body: true,
	atom.Br: true, atom.Hr: true, atom.Caption: true, atom.Fieldset: true, atom.Details: true, atom.Summary: true,
}

// skipTags are never text.
var skipTags = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true, atom.Svg: true,
	atom.Iframe: true, atom.Object: true, atom.Embed: true, atom.Canvas: true, atom.Button: true,
	atom.Select: true, atom.Option: true, atom.Input: true, atom.Textarea: true, atom.Head: true,
	atom.Link: true, atom.Meta: true, atom.Title: true, atom.Math: true, atom.Audio: true, atom.Video: true,
	atom.Picture: true, atom.Img: true, atom.Label: true,
}

// dropTags are page chrome: their text is reported as removed.
var dropTags = map[atom.Atom]string{
	atom.Nav: ReasonNavigation, atom.Header: ReasonNavigation, atom.Footer: ReasonFooter,
	atom.Aside: ReasonSidebar, atom.Menu: ReasonNavigation,
}

var (
	// chromeRE marks containers dropped outright, by class or id: it
	// matches one of chromeWords between separators (white space, _
	// and -) or the ends. isChromeClass matches it by hand.
	chromeRE      = lazyRegexp(`(?i)(?:^|[\s_-])(?:` + quoteAll(chromeWords) + `)(?:$|[\s_-])`)
	hiddenStyleRE = lazyRegexp(`(?i)display\s*:\s*none|visibility\s*:\s*hidden`)
)

// chromeWords are the class and id words of page chrome.
var chromeWords = []string{"comment", "comments", "comment-list", "disqus", "share", "sharing", "social", "related",
	"recommended", "sidebar", "newsletter", "subscribe", "breadcrumb", "breadcrumbs", "cookie", "popup", "modal", "outbrain",
	"taboola", "advert", "advertisement", "ad-container", "ad-slot", "promo", "most-popular", "trending", "author-bio",
	"about-author", "tags", "tag-list"}

// isChromeClass reports whether chromeRE matches s: whether one of
// chromeWords, in any case, starts s or follows a separator, and ends s
// or comes before one. (For s with a long s or Kelvin sign, which match
// s and k, it runs the regexp.)
func isChromeClass(s string) bool {
	if foldsToASCII(s) {
		return chromeRE.MatchString(s)
	}
	for i := 0; i < len(s); i++ {
		if i > 0 && !isClassSep(s[i-1]) || !isASCIILetter(s[i]) {
			continue
		}
		for _, w := range chromeWords {
			if e := i + len(w); hasPrefixFoldAt(s, i, w) && (e == len(s) || isClassSep(s[e])) {
				return true
			}
		}
	}
	return false
}

// isClassSep reports whether c separates the words of a class or id
// for chromeRE: white space, _ or -.
func isClassSep(c byte) bool {
	return isRESpace(c) || c == '_' || c == '-'
}

// attr returns the value of n's attribute key, or "" (see attrOf).
func attr(n *html.Node, key string) string {
	v, _ := attrOf(n, key)
	return v
}

func isHidden(n *html.Node) bool {
	if n.Type != html.ElementNode {
		return false
	}
	for _, a := range n.Attr {
		switch a.Key {
		case "hidden":
			return true
		case "aria-hidden":
			if a.Val == "true" {
				return true
			}
		case "style":
			if hiddenStyleRE.MatchString(a.Val) {
				return true
			}
		}
	}
	return false
}

// segmenter walks a DOM and cuts its visible text into segments.
type segmenter struct {
	segs   []*segment
	buf    strings.Builder
	links  int
	block  *html.Node
	drop   string
	hidden bool
	inLink int
}

func (s *segmenter) flush() {
	t := normSpace(s.buf.String())
	if t != "" {
		s.segs = append(s.segs, &segment{node: s.block, tag: s.block.DataAtom, text: t, linkText: s.links, drop: s.drop, hidden: s.hidden})
	}
	s.buf.Reset()
	s.links = 0
}

func (s *segmenter) walk(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		s.buf.WriteString(n.Data)
		if s.inLink > 0 {
			s.links += len(strings.TrimSpace(n.Data))
		}
		return
	case html.ElementNode:
		if skipTags[n.DataAtom] {
			return
		}
	case html.DocumentNode:
	default:
		return
	}
	isBlock := n.Type == html.ElementNode && blockTags[n.DataAtom]
	saveBlock, saveDrop, saveHidden := s.block, s.drop, s.hidden
	if isBlock {
		s.flush()
		if n.DataAtom != atom.Br && n.DataAtom != atom.Hr {
			s.block = n
		}
	}
	if s.drop == "" && n.Type == html.ElementNode {
		if r, ok := dropTags[n.DataAtom]; ok && !(n.DataAtom == atom.Header && insideArticle(n)) {
			s.drop = r
		}
	}
	if isHidden(n) {
		s.hidden = true
	}
	if n.DataAtom == atom.A {
		s.inLink++
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		s.walk(c)
	}
	if n.DataAtom == atom.A {
		s.inLink--
	}
	if isBlock {
		s.flush()
	}
	s.block, s.drop, s.hidden = saveBlock, saveDrop, saveHidden
}

// insideArticle reports whether n is inside an <article> or <main>: a
// header there is the article's own header, not the site's.
func insideArticle(n *html.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.DataAtom == atom.Article || p.DataAtom == atom.Main {
			return true
		}
	}
	return false
}

func chromeReason(cls string) string {
	c := strings.ToLower(cls)
	switch {
	case strings.Contains(c, "comment") && (strings.Contains(c, "form") || strings.Contains(c, "respond") || strings.Contains(c, "reply")):
		return ReasonCommentForm
	case strings.Contains(c, "comment") || strings.Contains(c, "disqus"):
		return ReasonComments
	case strings.Contains(c, "share") || strings.Contains(c, "social") || strings.Contains(c, "newsletter") || strings.Contains(c, "subscribe"):
		return ReasonPrompt
	case strings.Contains(c, "related") || strings.Contains(c, "recommended") || strings.Contains(c, "popular") || strings.Contains(c, "trending") || strings.Contains(c, "outbrain") || strings.Contains(c, "taboola"):
		return ReasonRelated
	case strings.Contains(c, "breadcrumb"):
		return ReasonNavigation
	case strings.Contains(c, "cookie"):
		return ReasonLegal
	case strings.Contains(c, "ad") || strings.Contains(c, "promo"):
		return ReasonAdvertisement
	case strings.Contains(c, "author"):
		return ReasonAuthorBio
	}
	return ReasonSidebar
}

// cleanHTML cleans an HTML capture.
func cleanHTML(src string) *Article {
	a := new(Article)
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(src))
	if err != nil {
		return a // x/net/html accepts any input; kept for safety
	}
	nodes := findMetaNodes(doc.Nodes[0])
	ld := readJSONLD(nodes.jsonLD)
	readHTMLMeta(a, nodes, ld)

	var sg segmenter
	for _, n := range doc.Nodes {
		sg.block = n
		sg.walk(n)
	}
	sg.flush()
	segs := sg.segs[:0]
	for _, s := range sg.segs {
		if !s.hidden {
			t, n := repairMojibake(s.text)
			s.text = t
			a.Repairs += n
			segs = append(segs, s)
		}
	}

	textLen := make(map[*html.Node]int)
	linkLen := make(map[*html.Node]int)
	for _, s := range segs {
		for p := s.node; p != nil; p = p.Parent {
			textLen[p] += len(s.text)
			linkLen[p] += s.linkText
		}
	}
	m := &mainArea{top: mainContainer(segs, textLen, linkLen), textLen: textLen}
	for n := range m.top {
		m.text += textLen[n] // a sum: map order does not matter
	}
	title := a.Title
	titleWords := words(title)
	titleSet := wordSet(titleWords) // to compare with each block's words
	titleSeen := false
	lines := newLineFinder(src)
	for _, s := range segs {
		ws := words(s.text)
		reason := ""
		switch {
		case s.drop != "":
			reason = s.drop
		case m.container(s.node) == nil:
			reason = m.chrome(s.node, nil)
			if reason == "" && len(ws) >= 8 {
				reason = ReasonSidebar
			} else if reason == "" {
				reason = ReasonNavigation
			}
		case m.chrome(s.node, m.container(s.node)) != "":
			reason = m.chrome(s.node, m.container(s.node))
		case s.tag == atom.H1 && (title == "" || similarityToSet(ws, titleSet) >= 0.5) ||
			title != "" && similarityToSet(ws, titleSet) >= 0.85 && len(ws) <= len(titleWords)+3 && !endsSentence(s.text):
			switch {
			case title == "":
				a.Title, a.Meta.Title, title, titleWords, titleSet = s.text, s.text, s.text, ws, wordSet(ws)
				reason = ReasonTitle
			case !titleSeen:
				reason = ReasonTitle
			default:
				reason = ReasonRepeatedTitle
			}
			titleSeen = true
		case s.tag == atom.Figcaption:
			reason = ReasonCaption
			a.Meta.Captions = append(a.Meta.Captions, s.text)
		case s.tag != atom.P && len(s.text) > 0 && float64(s.linkText)/float64(len(s.text)) > 0.6 && len(ws) < 25:
			reason = ReasonNavigation
		case inFigure(s.node):
			reason = ReasonCaption
		default:
			reason = boilerplate(s.text, ws)
			if reason == ReasonByline && a.Meta.Author == "" {
				a.Meta.Author, _, _ = parseByline(s.text)
			}
			if reason == ReasonDate && a.Meta.Published == "" {
				a.Meta.Published, _ = isDateLine(s.text)
			}
			if reason == ReasonCaption {
				a.Meta.Captions = append(a.Meta.Captions, s.text)
			}
		}
		if reason != "" {
			a.Removed = append(a.Removed, Removed{Line: lines.find(s.text), Text: s.text, Reason: reason})
			continue
		}
		kind := Paragraph
		switch s.tag {
		case atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
			kind = Heading
		}
		a.Blocks = append(a.Blocks, Block{Kind: kind, Text: s.text, Line: lines.find(s.text)})
	}
	var body []string
	for _, b := range a.Blocks {
		body = append(body, b.Text)
	}
	body = append(body, a.Title)
	if a.Meta.AttributedTo == "" {
		a.Meta.AttributedTo = attribution(body)
	}
	return a
}

// inFigure reports whether n is inside a <figure>: an image with its
// caption and credit.
func inFigure(n *html.Node) bool {
	for p := n; p != nil; p = p.Parent {
		if p.DataAtom == atom.Figure {
			return true
		}
	}
	return false
}

// A lineFinder finds the source lines of blocks given in document
// order: it looks for the start of each block's text after the previous
// one found. Text that the source spells with entities or markup is
// not found and gets line 0.
type lineFinder struct {
	src  string
	off  int // where the previous block was found
	line int // the line at off
}

// findWindow is how far ahead of the previous block a lineFinder looks.
const findWindow = 64 << 10

// newLineFinder returns a lineFinder for src that starts looking at its
// <body>, past the title and metadata in <head>.
func newLineFinder(src string) *lineFinder {
	f := &lineFinder{src: src, line: 1}
	if i := indexBody(src); i >= 0 {
		f.off = i
		f.line += strings.Count(src[:i], "\n")
	}
	return f
}

// indexBody returns strings.Index(strings.ToLower(src), "<body")
// without lowering all of src: the same index as long as no rune before
// it changes its length when lowered.
func indexBody(src string) int {
	for i := 0; i < len(src); {
		c := src[i]
		if c < utf8.RuneSelf {
			if c == '<' && i+5 <= len(src) && lowerASCIIIs(src[i+1:i+5], "body") {
				return i
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(src[i:])
		if r == utf8.RuneError && size == 1 || utf8.RuneLen(unicode.ToLower(r)) != size {
			return strings.Index(strings.ToLower(src), "<body")
		}
		i += size
	}
	return -1
}

// lowerASCIIIs reports whether s, with ASCII letters lowered, is lower.
func lowerASCIIIs(s, lower string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != lower[i] {
			return false
		}
	}
	return true
}

// find returns the 1-based source line where text starts, or 0.
func (f *lineFinder) find(text string) int {
	key := leadingPlain(text)
	if len(key) < 12 {
		return 0
	}
	// Look only a bounded way ahead, so that blocks the source spells
	// differently cost linear time, not quadratic.
	window := f.src[f.off:min(len(f.src), f.off+findWindow)]
	i := strings.Index(window, key)
	if i < 0 {
		return 0
	}
	f.line += strings.Count(f.src[f.off:f.off+i], "\n")
	f.off += i
	return f.line
}

// leadingPlain returns the start of text up to the first character that
// HTML source might spell differently (entities, quotes, non-ASCII), at
// most 40 bytes, cut at a word boundary.
func leadingPlain(text string) string {
	n := 0
	for n < len(text) && n < 40 {
		c := text[n]
		if !(c == ' ' || c == ',' || c == '.' || c == '-' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z') {
			break
		}
		n++
	}
	key := text[:n]
	if n < len(text) {
		if i := strings.LastIndexByte(key, ' '); i > 0 {
			key = key[:i]
		}
	}
	return key
}
