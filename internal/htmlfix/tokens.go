package htmlfix

import (
	"errors"
	"io"

	"golang.org/x/net/html"
	a "golang.org/x/net/html/atom"
)

// This file finds the elements of a page the way golang.org/x/net/html's
// parser (and so goquery) does, without building its tree. The tokens
// are read as the parser's tokenizer reads them (see lexer, in lex.go), so
// attribute values, names and raw text are read exactly as the parser
// reads them. What the tree builder adds is mirrored by a small model of
// it: the stack of open elements and the insertion mode, enough to know
// which start tags become elements (some are dropped, such as a <td>
// outside a table), and to drive the tokenizer as the parser does (no raw
// text and CDATA sections in SVG). The model follows parse.go of
// golang.org/x/net/html insertion mode by insertion mode. It gives up with
// errTree wherever the tree builder would do more than push and pop
// elements: clone or move elements (misnested formatting tags, content
// foster-parented out of a table), merge attributes (a second <html> or
// <body>), or enter the modes it does not model (frameset, template,
// select, MathML, HTML inside SVG). Scan then parses the page into a tree.
// FuzzScan checks the model against the parser.

// errTree tells Scan to build the tree: the page is beyond the model.
var errTree = errors.New("htmlfix: markup needs the tree builder")

// maxDepth is how deep the parser lets elements nest (html.Parse fails
// beyond; the model gives up, so that Scan returns the parser's error).
const maxDepth = 512

// mode is an insertion mode of the HTML parser.
type mode int

const (
	initial mode = iota
	beforeHTML
	beforeHead
	inHead
	afterHead
	inBody
	text // raw text of script, style, title, …
	inTable
	inCaption
	inColumnGroup
	inTableBody
	inRow
	inCell
	afterBody
	afterAfterBody
)

// An elem is an open element: its tag (its atom, or its lower-case name
// for tags without one), whether it is an SVG element, and whether it is
// the form the parser's form element pointer points at.
type elem struct {
	tag  a.Atom
	name string
	svg  bool
	form bool
}

func (e elem) is(tags ...a.Atom) bool {
	for _, t := range tags {
		if !e.svg && e.tag == t {
			return true
		}
	}
	return false
}

// A model mirrors the tree builder of golang.org/x/net/html.
type model struct {
	lx    lexer
	add   func(*attrs) // called for each element created from a start tag
	stack []elem
	mode  mode
	orig  mode // the mode to return to after raw text
	head  bool // whether a head element was created
	form  bool // whether the parser's form element pointer is set

	// The current token.
	tt          html.TokenType
	tag         elem
	selfClosing bool
}

// scanTokens reads data as the tokenizer of golang.org/x/net/html does
// (see lexer) and calls add for each element that html.Parse would
// create with an id, href or src attribute, in document order. It
// returns errTree if the tree builder could do more than the model knows.
func scanTokens(data []byte, add func(*attrs)) error {
	return newModel(data, add).run()
}

// scanPartsTokens is scanTokens of the page made of parts, one after the
// other, read apart; it returns errParts where they cannot be (see
// lexer.rest).
func scanPartsTokens(parts [][]byte, add func(*attrs)) error {
	m := newModel(nil, add)
	m.lx = newPartsLexer(parts)
	return m.run()
}

// scanStreamTokens is scanPartsTokens of the page made of the parts
// that pull gives.
func scanStreamTokens(pull func() ([]byte, bool), add func(*attrs)) error {
	m := newModel(nil, add)
	m.lx.pull = pull
	return m.run()
}

func newModel(data []byte, add func(*attrs)) *model {
	return &model{lx: newLexer(data), add: add, stack: make([]elem, 0, 32)}
}

// run processes the tokens of the page.
func (m *model) run() error {
	for {
		// CDATA sections are markup only in foreign content.
		m.tt = m.lx.next(len(m.stack) > 0 && m.top().svg)
		switch m.tt {
		case html.ErrorToken:
			if err := m.lx.err(); err != io.EOF {
				return err
			}
			return nil
		case html.StartTagToken, html.SelfClosingTagToken, html.EndTagToken:
			m.tag = m.lx.tag()
			m.selfClosing = m.tt == html.SelfClosingTagToken
		}
		if err := m.token(); err != nil {
			return err
		}
	}
}

// same reports whether open element e has the tag of the current token.
func (m *model) same(e elem) bool {
	return e.tag == m.tag.tag && e.name == m.tag.name
}

func (m *model) top() elem { return m.stack[len(m.stack)-1] }

// push opens element e.
func (m *model) push(e elem) error {
	if len(m.stack) >= maxDepth {
		return errTree
	}
	m.stack = append(m.stack, e)
	return nil
}

// insert creates the element of the current start tag and reports its
// attributes; it stays open unless void.
func (m *model) insert(void bool) error {
	if err := m.push(m.tag); err != nil {
		return err
	}
	m.report()
	if void {
		m.stack = m.stack[:len(m.stack)-1]
	}
	return nil
}

// report calls m.add with the attributes of the current start tag.
func (m *model) report() {
	if e := m.lx.attrs(m.tag.svg); e.any() {
		m.add(e)
	}
}

// mayHaveAttr reports whether raw tag text may hold an id, href or src
// attribute: whether it holds one of these names in any case.
func mayHaveAttr(raw []byte) bool {
	for i := 1; i < len(raw); i++ {
		switch raw[i] | 0x20 {
		case 'd':
			if raw[i-1]|0x20 == 'i' {
				return true
			}
		case 'f':
			if i >= 3 && raw[i-3]|0x20 == 'h' && raw[i-2]|0x20 == 'r' && raw[i-1]|0x20 == 'e' {
				return true
			}
		case 'c':
			if i >= 2 && raw[i-2]|0x20 == 's' && raw[i-1]|0x20 == 'r' {
				return true
			}
		}
	}
	return false
}

// popTo closes the open elements from index i up. Closing a formatting
// element other than by its own end tag leaves it to be reopened (cloned)
// by the parser, so the model gives up, unless clearing is set: the
// elements are closed with their table cell or caption, which ends their
// formatting.
func (m *model) popTo(i int, clearing bool) error {
	if !clearing {
		for _, e := range m.stack[i:] {
			if e.is(a.A, a.B, a.Big, a.Code, a.Em, a.Font, a.I, a.Nobr, a.S, a.Small, a.Strike, a.Strong, a.Tt, a.U) {
				return errTree
			}
		}
	}
	m.stack = m.stack[:i]
	return nil
}

// A scope is a set of elements that bound the search of inScope.
type scope int

const (
	defaultScope scope = iota
	listItemScope
	buttonScope
	tableScope
)

// inScope returns the index of the topmost open element with one of tags
// in scope s, or -1.
func (m *model) inScope(s scope, tags ...a.Atom) int {
	for i := len(m.stack) - 1; i >= 0; i-- {
		e := m.stack[i]
		if e.is(tags...) {
			return i
		}
		switch s {
		case defaultScope, listItemScope, buttonScope:
			if e.is(a.Applet, a.Caption, a.Html, a.Table, a.Td, a.Th, a.Marquee, a.Object, a.Template, a.Select) ||
				e.svg && (e.tag == a.Desc || e.tag == a.ForeignObject || e.tag == a.Title) {
				return -1
			}
			if s == listItemScope && e.is(a.Ol, a.Ul) || s == buttonScope && e.is(a.Button) {
				return -1
			}
		case tableScope:
			if e.is(a.Html, a.Table, a.Template) {
				return -1
			}
		}
	}
	return -1
}

// popUntil closes the topmost element with one of tags in scope s, and
// those above it; it reports whether there was one.
func (m *model) popUntil(s scope, clearing bool, tags ...a.Atom) (bool, error) {
	i := m.inScope(s, tags...)
	if i < 0 {
		return false, nil
	}
	return true, m.popTo(i, clearing)
}

// clearTo closes the elements above the topmost one with one of tags.
func (m *model) clearTo(tags ...a.Atom) error {
	for i := len(m.stack) - 1; i >= 0; i-- {
		if m.stack[i].is(tags...) || m.stack[i].is(a.Html, a.Template) {
			return m.popTo(i+1, false)
		}
	}
	return nil
}

// impliedEndTags closes the elements whose end tag may be omitted, but
// for except.
func (m *model) impliedEndTags(except a.Atom) {
	for len(m.stack) > 0 {
		e := m.top()
		if !e.is(a.Dd, a.Dt, a.Li, a.Optgroup, a.Option, a.P, a.Rb, a.Rp, a.Rt, a.Rtc) || e.tag == except {
			return
		}
		m.stack = m.stack[:len(m.stack)-1]
	}
}

// special reports whether e is in the parser's special category.
func special(e elem) bool {
	if e.svg {
		return e.tag == a.Desc || e.tag == a.ForeignObject || e.tag == a.Title
	}
	switch e.tag {
	case a.Address, a.Applet, a.Area, a.Article, a.Aside, a.Base, a.Basefont, a.Bgsound, a.Blockquote,
		a.Body, a.Br, a.Button, a.Caption, a.Center, a.Col, a.Colgroup, a.Dd, a.Details, a.Dir, a.Div,
		a.Dl, a.Dt, a.Embed, a.Fieldset, a.Figcaption, a.Figure, a.Footer, a.Form, a.Frame, a.Frameset,
		a.H1, a.H2, a.H3, a.H4, a.H5, a.H6, a.Head, a.Header, a.Hgroup, a.Hr, a.Html, a.Iframe, a.Img,
		a.Input, a.Keygen, a.Li, a.Link, a.Listing, a.Main, a.Marquee, a.Menu, a.Meta, a.Nav, a.Noembed,
		a.Noframes, a.Noscript, a.Object, a.Ol, a.P, a.Param, a.Plaintext, a.Pre, a.Script, a.Section,
		a.Select, a.Source, a.Style, a.Summary, a.Table, a.Tbody, a.Td, a.Template, a.Textarea, a.Tfoot,
		a.Th, a.Thead, a.Title, a.Tr, a.Track, a.Ul, a.Wbr, a.Xmp:
		return true
	}
	return false
}

// token processes the current token.
func (m *model) token() error {
	if len(m.stack) > 0 && m.top().svg {
		return m.foreign()
	}
	for {
		done, err := m.step()
		if done || err != nil {
			return err
		}
	}
}

// foreign processes a token in SVG content.
func (m *model) foreign() error {
	top := m.top()
	integration := top.tag == a.Desc || top.tag == a.ForeignObject || top.tag == a.Title
	switch m.tt {
	case html.StartTagToken, html.SelfClosingTagToken:
		if integration {
			return errTree // HTML inside SVG
		}
		switch m.tag.tag {
		case a.B, a.Big, a.Blockquote, a.Body, a.Br, a.Center, a.Code, a.Dd, a.Div, a.Dl, a.Dt, a.Em,
			a.Embed, a.H1, a.H2, a.H3, a.H4, a.H5, a.H6, a.Head, a.Hr, a.I, a.Img, a.Li, a.Listing, a.Menu,
			a.Meta, a.Nobr, a.Ol, a.P, a.Pre, a.Ruby, a.S, a.Small, a.Span, a.Strong, a.Strike, a.Sub,
			a.Sup, a.Table, a.Tt, a.U, a.Ul, a.Var, a.Font:
			return errTree // breaks out of SVG
		}
		m.tag.svg = true
		if m.tag.tag == 0 && m.tag.name == "foreignobject" {
			m.tag = elem{tag: a.ForeignObject, svg: true}
		}
		m.lx.notRawText()
		return m.insert(m.selfClosing)
	case html.EndTagToken:
		// The end tag closes the topmost SVG element of its name, if no
		// HTML element is above it.
		for i := len(m.stack) - 1; i >= 0; i-- {
			e := m.stack[i]
			if e.tag == m.tag.tag && e.name == m.tag.name || e.tag == a.ForeignObject && m.tag.name == "foreignobject" {
				m.stack = m.stack[:i]
				return nil
			}
			if i == 0 || !m.stack[i-1].svg {
				return errTree // to be processed as HTML
			}
		}
	}
	return nil // text, comments and doctypes
}

// step processes the current token in the current mode. It reports
// whether the token was consumed; if not, it is to be processed again in
// the new mode.
func (m *model) step() (bool, error) {
	switch m.mode {
	case initial, beforeHTML:
		switch m.tt {
		case html.TextToken:
			if m.lx.blank() {
				return true, nil
			}
		case html.CommentToken:
			return true, nil
		case html.DoctypeToken:
			if m.mode == initial {
				m.mode = beforeHTML
			}
			return true, nil
		case html.StartTagToken, html.SelfClosingTagToken:
			if m.mode == beforeHTML && m.tag.is(a.Html) {
				m.mode = beforeHead
				return true, m.insert(false)
			}
		case html.EndTagToken:
			if m.mode == beforeHTML && !m.tag.is(a.Head, a.Body, a.Html, a.Br) {
				return true, nil
			}
		}
		if m.mode == initial {
			m.mode = beforeHTML
			return false, nil
		}
		m.mode = beforeHead
		return false, m.push(elem{tag: a.Html})
	case beforeHead:
		switch m.tt {
		case html.TextToken:
			if m.lx.blank() {
				return true, nil
			}
		case html.CommentToken, html.DoctypeToken:
			return true, nil
		case html.StartTagToken, html.SelfClosingTagToken:
			switch m.tag.tag {
			case a.Head:
				m.head, m.mode = true, inHead
				return true, m.insert(false)
			case a.Html:
				return m.htmlTag()
			}
		case html.EndTagToken:
			if !m.tag.is(a.Head, a.Body, a.Html, a.Br) {
				return true, nil
			}
		}
		m.head, m.mode = true, inHead
		return false, m.push(elem{tag: a.Head})
	case inHead, afterHead:
		return m.head2()
	case inBody:
		return m.body()
	case text:
		switch m.tt {
		case html.TextToken:
			return true, nil
		case html.EndTagToken:
			m.stack = m.stack[:len(m.stack)-1]
			m.mode = m.orig
			return true, nil
		}
		m.mode = m.orig
		return false, nil
	case inTable, inTableBody, inRow:
		return m.table()
	case inCaption:
		return m.caption()
	case inColumnGroup:
		return m.columnGroup()
	case inCell:
		return m.cell()
	case afterBody, afterAfterBody:
		switch m.tt {
		case html.TextToken:
			if m.lx.blank() {
				return true, nil
			}
		case html.CommentToken:
			return true, nil
		case html.DoctypeToken:
			if m.mode == afterAfterBody {
				return true, nil
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			if m.tag.is(a.Html) {
				return m.htmlTag()
			}
		case html.EndTagToken:
			if m.mode == afterBody && m.tag.is(a.Html) {
				m.mode = afterAfterBody
				return true, nil
			}
		}
		m.mode = inBody
		return false, nil
	}
	panic("htmlfix: unknown insertion mode")
}

// htmlTag processes an <html> or <body> tag after the element is
// created: the parser adds the tag's attributes to the element, which
// the model does not follow if they matter.
func (m *model) htmlTag() (bool, error) {
	if m.lx.attrs(false).any() {
		return true, errTree
	}
	return true, nil
}

// head2 is the "in head" and "after head" modes.
func (m *model) head2() (bool, error) {
	switch m.tt {
	case html.TextToken:
		if m.lx.blank() {
			return true, nil
		}
	case html.CommentToken, html.DoctypeToken:
		return true, nil
	case html.StartTagToken, html.SelfClosingTagToken:
		switch m.tag.tag {
		case a.Html:
			return m.htmlTag()
		case a.Head:
			return true, nil
		case a.Base, a.Basefont, a.Bgsound, a.Link, a.Meta:
			return true, m.insert(true)
		case a.Noscript:
			if m.mode == afterHead {
				break
			}
			fallthrough
		case a.Script, a.Title, a.Noframes, a.Style:
			return true, m.rawText()
		case a.Template, a.Frameset:
			return true, errTree
		case a.Body:
			if m.mode == afterHead {
				m.mode = inBody
				return true, m.insert(false)
			}
		}
	case html.EndTagToken:
		switch {
		case m.tag.is(a.Head) && m.mode == inHead:
			m.stack = m.stack[:len(m.stack)-1]
			m.mode = afterHead
			return true, nil
		case m.tag.is(a.Body, a.Html, a.Br):
		default:
			return true, nil // including </template>: no template is open
		}
	}
	if m.mode == inHead {
		m.stack = m.stack[:len(m.stack)-1]
		m.mode = afterHead
		return false, nil
	}
	m.mode = inBody
	return false, m.push(elem{tag: a.Body})
}

// rawText opens the element of the current start tag, whose content the
// tokenizer reads as text up to its end tag.
func (m *model) rawText() error {
	m.orig, m.mode = m.mode, text
	return m.insert(false)
}

// body is the "in body" mode.
func (m *model) body() (bool, error) {
	switch m.tt {
	case html.StartTagToken, html.SelfClosingTagToken:
		return true, m.bodyStart()
	case html.EndTagToken:
		return m.bodyEnd()
	}
	return true, nil // text (formatting elements are never to reopen), comments, doctypes
}

func (m *model) bodyStart() error {
	closeP := func() error {
		_, err := m.popUntil(buttonScope, false, a.P)
		return err
	}
	t := m.tag.tag
	switch t {
	case a.Html, a.Body:
		_, err := m.htmlTag()
		return err
	case a.Base, a.Basefont, a.Bgsound, a.Link, a.Meta:
		return m.insert(true)
	case a.Noframes, a.Script, a.Style, a.Title, a.Textarea, a.Iframe, a.Noembed, a.Noscript:
		return m.rawText()
	case a.Xmp:
		if err := closeP(); err != nil {
			return err
		}
		return m.rawText()
	case a.Template, a.Frameset, a.Applet, a.Marquee, a.Object, a.Select, a.Option, a.Optgroup, a.Math:
		return errTree
	case a.Address, a.Article, a.Aside, a.Blockquote, a.Center, a.Details, a.Dialog, a.Dir, a.Div, a.Dl,
		a.Fieldset, a.Figcaption, a.Figure, a.Footer, a.Header, a.Hgroup, a.Main, a.Menu, a.Nav, a.Ol, a.P,
		a.Search, a.Section, a.Summary, a.Ul, a.Pre, a.Listing, a.Plaintext:
		if err := closeP(); err != nil {
			return err
		}
		return m.insert(false)
	case a.H1, a.H2, a.H3, a.H4, a.H5, a.H6:
		if err := closeP(); err != nil {
			return err
		}
		if m.top().is(a.H1, a.H2, a.H3, a.H4, a.H5, a.H6) {
			m.stack = m.stack[:len(m.stack)-1]
		}
		return m.insert(false)
	case a.Form:
		if m.form {
			return nil // dropped
		}
		if err := closeP(); err != nil {
			return err
		}
		m.form, m.tag.form = true, true
		return m.insert(false)
	case a.Li, a.Dd, a.Dt:
		for i := len(m.stack) - 1; i >= 0; i-- {
			e := m.stack[i]
			if t == a.Li && e.is(a.Li) || t != a.Li && e.is(a.Dd, a.Dt) {
				if err := m.popTo(i, false); err != nil {
					return err
				}
				break
			}
			if special(e) && !e.is(a.Address, a.Div, a.P) {
				break
			}
		}
		if err := closeP(); err != nil {
			return err
		}
		return m.insert(false)
	case a.Button:
		if m.inScope(defaultScope, a.Button) >= 0 {
			m.impliedEndTags(0)
			if _, err := m.popUntil(defaultScope, false, a.Button); err != nil {
				return err
			}
		}
		return m.insert(false)
	case a.A:
		// An open <a> is closed by the adoption agency algorithm.
		for i := len(m.stack) - 1; i >= 0; i-- {
			if e := m.stack[i]; e.is(a.A) {
				return errTree
			} else if e.is(a.Td, a.Th, a.Caption) {
				break
			}
		}
		return m.insert(false)
	case a.Nobr:
		if m.inScope(defaultScope, a.Nobr) >= 0 {
			return errTree
		}
		return m.insert(false)
	case a.Table:
		if m.inScope(buttonScope, a.P) >= 0 {
			return errTree // closes the p unless in quirks mode
		}
		m.mode = inTable
		return m.insert(false)
	case a.Area, a.Br, a.Embed, a.Img, a.Keygen, a.Wbr, a.Input, a.Param, a.Source, a.Track, a.Image:
		return m.insert(true)
	case a.Hr:
		if m.inScope(buttonScope, a.P) >= 0 {
			m.impliedEndTags(a.P)
			if _, err := m.popUntil(defaultScope, false, a.P); err != nil {
				return err
			}
		}
		return m.insert(true)
	case a.Rb, a.Rtc, a.Rp, a.Rt:
		if m.inScope(defaultScope, a.Ruby) >= 0 {
			if t == a.Rp || t == a.Rt {
				m.impliedEndTags(a.Rtc)
			} else {
				m.impliedEndTags(0)
			}
		}
		return m.insert(false)
	case a.Svg:
		m.tag.svg = true
		return m.insert(m.selfClosing)
	case a.Caption, a.Col, a.Colgroup, a.Frame, a.Head, a.Tbody, a.Td, a.Tfoot, a.Th, a.Thead, a.Tr:
		return nil // dropped
	}
	return m.insert(false)
}

func (m *model) bodyEnd() (bool, error) {
	t := m.tag.tag
	switch t {
	case a.Body:
		if m.inScope(defaultScope, a.Body) >= 0 {
			m.mode = afterBody
		}
	case a.Html:
		if m.inScope(defaultScope, a.Body) >= 0 {
			m.mode = afterBody
			return false, nil
		}
	case a.Address, a.Article, a.Aside, a.Blockquote, a.Button, a.Center, a.Details, a.Dialog, a.Dir, a.Div,
		a.Dl, a.Fieldset, a.Figcaption, a.Figure, a.Footer, a.Header, a.Hgroup, a.Listing, a.Main, a.Menu,
		a.Nav, a.Ol, a.Pre, a.Search, a.Section, a.Select, a.Summary, a.Ul:
		if m.inScope(defaultScope, t) < 0 {
			return true, nil
		}
		m.impliedEndTags(0)
		_, err := m.popUntil(defaultScope, false, t)
		return true, err
	case a.Form:
		pointer := m.form
		m.form = false
		i := m.inScope(defaultScope, a.Form)
		if pointer && i >= 0 && m.stack[i].form {
			m.impliedEndTags(0)
			if i != len(m.stack)-1 {
				return true, errTree // removed from amid the open elements
			}
			m.stack = m.stack[:i]
		}
		for i := range m.stack {
			m.stack[i].form = false
		}
	case a.P:
		if m.inScope(buttonScope, a.P) < 0 {
			// An empty p is created and closed.
			if err := m.push(elem{tag: a.P}); err != nil {
				return true, err
			}
		}
		_, err := m.popUntil(buttonScope, false, a.P)
		return true, err
	case a.Li:
		_, err := m.popUntil(listItemScope, false, a.Li)
		return true, err
	case a.Dd, a.Dt, a.H1, a.H2, a.H3, a.H4, a.H5, a.H6:
		tags := []a.Atom{t}
		if t != a.Dd && t != a.Dt {
			tags = []a.Atom{a.H1, a.H2, a.H3, a.H4, a.H5, a.H6}
		}
		_, err := m.popUntil(defaultScope, false, tags...)
		return true, err
	case a.A, a.B, a.Big, a.Code, a.Em, a.Font, a.I, a.Nobr, a.S, a.Small, a.Strike, a.Strong, a.Tt, a.U:
		if m.top().is(t) {
			m.stack = m.stack[:len(m.stack)-1]
			return true, nil
		}
		for _, e := range m.stack {
			if e.is(t) {
				return true, errTree // the adoption agency algorithm
			}
		}
	case a.Applet, a.Marquee, a.Object, a.Template:
		// None is open.
	case a.Br:
		// As <br>: an element is created and closed.
		if err := m.push(elem{tag: a.Br}); err != nil {
			return true, err
		}
		m.stack = m.stack[:len(m.stack)-1]
	default:
		for i := len(m.stack) - 1; i >= 0; i-- {
			e := m.stack[i]
			if !e.svg && m.same(e) {
				return true, m.popTo(i, false)
			}
			if special(e) {
				break
			}
		}
	}
	return true, nil
}

// table is the "in table", "in table body" and "in row" modes.
func (m *model) table() (bool, error) {
	t := m.tag.tag
	switch m.tt {
	case html.TextToken, html.CommentToken, html.DoctypeToken:
		// Text is put before the table, but makes no elements.
		return true, nil
	case html.StartTagToken, html.SelfClosingTagToken:
		switch m.mode {
		case inRow:
			switch t {
			case a.Td, a.Th:
				if err := m.clearTo(a.Tr); err != nil {
					return true, err
				}
				m.mode = inCell
				return true, m.insert(false)
			case a.Caption, a.Col, a.Colgroup, a.Tbody, a.Tfoot, a.Thead, a.Tr:
				return m.endRow(false)
			}
		case inTableBody:
			switch t {
			case a.Tr:
				if err := m.clearTo(a.Tbody, a.Tfoot, a.Thead); err != nil {
					return true, err
				}
				m.mode = inRow
				return true, m.insert(false)
			case a.Td, a.Th:
				m.mode = inRow
				return false, m.push(elem{tag: a.Tr})
			case a.Caption, a.Col, a.Colgroup, a.Tbody, a.Tfoot, a.Thead:
				return m.endTableBody()
			}
		}
		switch t {
		case a.Caption:
			if err := m.clearTo(a.Table); err != nil {
				return true, err
			}
			m.mode = inCaption
			return true, m.insert(false)
		case a.Colgroup:
			if err := m.clearTo(a.Table); err != nil {
				return true, err
			}
			m.mode = inColumnGroup
			return true, m.insert(false)
		case a.Col:
			if err := m.clearTo(a.Table); err != nil {
				return true, err
			}
			m.mode = inColumnGroup
			return false, m.push(elem{tag: a.Colgroup})
		case a.Tbody, a.Tfoot, a.Thead:
			if err := m.clearTo(a.Table); err != nil {
				return true, err
			}
			m.mode = inTableBody
			return true, m.insert(false)
		case a.Td, a.Th, a.Tr:
			if err := m.clearTo(a.Table); err != nil {
				return true, err
			}
			m.mode = inTableBody
			return false, m.push(elem{tag: a.Tbody})
		case a.Table:
			return m.endTable(false)
		case a.Style, a.Script:
			return true, m.rawText()
		case a.Form:
			if m.form {
				return true, nil
			}
			m.form = true
			return true, m.insert(true)
		}
		return true, errTree // foster parenting
	case html.EndTagToken:
		switch m.mode {
		case inRow:
			switch t {
			case a.Tr:
				if m.inScope(tableScope, a.Tr) < 0 {
					return true, nil
				}
				_, err := m.endRow(true)
				return true, err
			case a.Table:
				return m.endRow(false)
			case a.Tbody, a.Tfoot, a.Thead:
				if m.inScope(tableScope, t) < 0 {
					return true, nil
				}
				return m.endRow(false)
			case a.Td, a.Th:
				return true, nil
			}
		case inTableBody:
			switch t {
			case a.Tbody, a.Tfoot, a.Thead:
				if m.inScope(tableScope, t) >= 0 {
					if err := m.clearTo(a.Tbody, a.Tfoot, a.Thead); err != nil {
						return true, err
					}
					m.stack = m.stack[:len(m.stack)-1]
					m.mode = inTable
				}
				return true, nil
			case a.Table:
				return m.endTableBody()
			case a.Td, a.Th, a.Tr:
				return true, nil
			}
		}
		switch t {
		case a.Table:
			return m.endTable(true)
		case a.Body, a.Caption, a.Col, a.Colgroup, a.Html, a.Tbody, a.Td, a.Tfoot, a.Th, a.Thead, a.Tr, a.Template:
			return true, nil
		}
		return true, errTree // foster parenting
	}
	return true, nil
}

// endRow closes the open row; consumed tells whether the current token is
// then consumed.
func (m *model) endRow(consumed bool) (bool, error) {
	if m.inScope(tableScope, a.Tr) < 0 {
		return true, nil
	}
	if err := m.clearTo(a.Tr); err != nil {
		return true, err
	}
	m.stack = m.stack[:len(m.stack)-1]
	m.mode = inTableBody
	return consumed, nil
}

// endTableBody closes the open tbody, thead or tfoot, and has the current
// token processed again.
func (m *model) endTableBody() (bool, error) {
	ok, err := m.popUntil(tableScope, false, a.Tbody, a.Thead, a.Tfoot)
	if !ok || err != nil {
		return true, err
	}
	m.mode = inTable
	return false, nil
}

// endTable closes the open table; consumed tells whether the current
// token is then consumed.
func (m *model) endTable(consumed bool) (bool, error) {
	ok, err := m.popUntil(tableScope, false, a.Table)
	if !ok || err != nil {
		return true, err
	}
	m.resetMode()
	return consumed, nil
}

// resetMode sets the insertion mode from the open elements.
func (m *model) resetMode() {
	for i := len(m.stack) - 1; i >= 0; i-- {
		switch m.stack[i].tag {
		case a.Td, a.Th:
			m.mode = inCell
		case a.Tr:
			m.mode = inRow
		case a.Tbody, a.Thead, a.Tfoot:
			m.mode = inTableBody
		case a.Caption:
			m.mode = inCaption
		case a.Colgroup:
			m.mode = inColumnGroup
		case a.Table:
			m.mode = inTable
		case a.Head:
			m.mode = inHead
		case a.Body:
			m.mode = inBody
		case a.Html:
			m.mode = beforeHead
			if m.head {
				m.mode = afterHead
			}
		default:
			if i > 0 {
				continue
			}
			m.mode = inBody
		}
		return
	}
}

// caption is the "in caption" mode.
func (m *model) caption() (bool, error) {
	t := m.tag.tag
	switch m.tt {
	case html.StartTagToken, html.SelfClosingTagToken:
		switch t {
		case a.Caption, a.Col, a.Colgroup, a.Tbody, a.Td, a.Tfoot, a.Thead, a.Tr:
			return m.endCaption(false)
		}
	case html.EndTagToken:
		switch t {
		case a.Caption:
			return m.endCaption(true)
		case a.Table:
			return m.endCaption(false)
		case a.Body, a.Col, a.Colgroup, a.Html, a.Tbody, a.Td, a.Tfoot, a.Th, a.Thead, a.Tr:
			return true, nil
		}
	}
	return m.body()
}

// endCaption closes the open caption; consumed tells whether the current
// token is then consumed.
func (m *model) endCaption(consumed bool) (bool, error) {
	ok, err := m.popUntil(tableScope, true, a.Caption)
	if !ok || err != nil {
		return true, err
	}
	m.mode = inTable
	return consumed, nil
}

// columnGroup is the "in column group" mode.
func (m *model) columnGroup() (bool, error) {
	switch m.tt {
	case html.TextToken:
		if m.lx.blank() {
			return true, nil
		}
	case html.CommentToken, html.DoctypeToken:
		return true, nil
	case html.StartTagToken, html.SelfClosingTagToken:
		switch {
		case m.tag.is(a.Html):
			return m.htmlTag()
		case m.tag.is(a.Col):
			return true, m.insert(true)
		case m.tag.is(a.Template):
			return true, errTree
		}
	case html.EndTagToken:
		switch {
		case m.tag.is(a.Colgroup):
			if m.top().is(a.Colgroup) {
				m.stack = m.stack[:len(m.stack)-1]
				m.mode = inTable
			}
			return true, nil
		case m.tag.is(a.Col, a.Template):
			return true, nil
		}
	}
	if !m.top().is(a.Colgroup) {
		return true, nil
	}
	m.stack = m.stack[:len(m.stack)-1]
	m.mode = inTable
	return false, nil
}

// cell is the "in cell" mode.
func (m *model) cell() (bool, error) {
	t := m.tag.tag
	switch m.tt {
	case html.StartTagToken, html.SelfClosingTagToken:
		switch t {
		case a.Caption, a.Col, a.Colgroup, a.Tbody, a.Td, a.Tfoot, a.Th, a.Thead, a.Tr:
			ok, err := m.popUntil(tableScope, true, a.Td, a.Th)
			if !ok || err != nil {
				return true, err
			}
			m.mode = inRow
			return false, nil
		}
	case html.EndTagToken:
		switch t {
		case a.Td, a.Th:
			ok, err := m.popUntil(tableScope, true, t)
			if ok && err == nil {
				m.mode = inRow
			}
			return true, err
		case a.Body, a.Caption, a.Col, a.Colgroup, a.Html:
			return true, nil
		case a.Table, a.Tbody, a.Tfoot, a.Thead, a.Tr:
			if m.inScope(tableScope, t) < 0 {
				return true, nil
			}
			if _, err := m.popUntil(tableScope, true, a.Td, a.Th); err != nil {
				return true, err
			}
			m.mode = inRow
			return false, nil
		}
	}
	return m.body()
}
