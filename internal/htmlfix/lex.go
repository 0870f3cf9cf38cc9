package htmlfix

import (
	"bytes"
	"errors"
	"io"

	"golang.org/x/net/html"
	a "golang.org/x/net/html/atom"
)

// This file reads the tokens of a page for the model of tokens.go, as the
// tokenizer of golang.org/x/net/html reads them. That tokenizer is slow
// for Scan: it reads byte by byte through an io.Reader, copies the page
// into its own buffer and allocates for every attribute. The lexer reads
// itself, by slicing the page, the syntax of well-formed pages such as
// gen's minified ones: text, start and end tags with their attributes,
// comments, doctypes, and the raw text of script, style, title, …. At the
// first token it does not read exactly as the tokenizer would (a tag cut
// by the end of the page, a NUL in a tag name, a bogus comment, a CDATA
// section, a script that hides its end tag in "<!--", …), it hands the
// rest of the page over to the tokenizer. It does so at the start of a
// token in the tokenizer's data state, where the tokenizer keeps no state
// from what came before: a tokenizer started there reads the rest of the
// page as one that had read the page from its start. FuzzLexer checks
// the lexer against the tokenizer. The lexer follows the tokenizer of
// x/net v0.61.0 (go.mod): after an upgrade, run FuzzLexer and FuzzScan.

// A lexer splits a page into tokens, and gives of each what the model
// needs.
type lexer struct {
	data []byte
	z    *html.Tokenizer // reads data[pos:] once handed over, else nil

	// A page read in parts (see ScanParts): data is the current part,
	// rest the parts after it. The lexer goes on to the next part where
	// the current one ends after a token other than text, in the data
	// state: there a lexer reading the parts joined would start a token
	// too. Elsewhere (text or a token cut by the end of a part, or a
	// hand-over to the tokenizer, which reads one part) it stops, with
	// errParts.
	// A page read as a stream (see ScanStream) has its parts from pull,
	// one at a time: rest holds the next one once pulled, in peek.
	rest  [][]byte
	pull  func() ([]byte, bool) // nil once it has given every part
	peek  [1][]byte
	apart bool // stopped, unable to read the parts apart

	// The current token, unless handed over.
	tt         html.TokenType
	start, end int  // its bytes
	elem       elem // of a tag
	rawEnd     int  // after a raw text element's start tag: where its text ends, else -1
	blankness  int8 // of a text token: 0 unknown, 1 not blank, 2 blank

	// The attributes of the current start tag that Scan reports (see
	// attrs): the value of the first of each name, by attrID, attrHref,
	// attrSrc and attrXlinkHref, and whether one needs decoding (holds a
	// character reference, a carriage return or a NUL).
	val    [attrXlinkHref + 1]span
	has    [attrXlinkHref + 1]bool
	decode bool

	found   attrs  // what attrs returns
	scratch []byte // for lower-casing tag names
}

// attrXlinkHref follows the indexes of attrs: SVG's xlink:href, which is
// read as href in SVG content.
const attrXlinkHref = attrSrc + 1

// span is the bytes data[start:end] of a lexer.
type span struct{ start, end int }

func newLexer(data []byte) lexer {
	return lexer{data: data, rawEnd: -1}
}

// newPartsLexer returns a lexer of the page made of parts, one after the
// other.
func newPartsLexer(parts [][]byte) lexer {
	l := newLexer(nil)
	if len(parts) > 0 {
		l.data, l.rest = parts[0], parts[1:]
	}
	return l
}

// more reports whether a part follows the current one, pulling it if
// need be.
func (l *lexer) more() bool {
	if len(l.rest) == 0 && l.pull != nil {
		if p, ok := l.pull(); ok {
			l.peek[0] = p
			l.rest = l.peek[:]
		} else {
			l.pull = nil
		}
	}
	return len(l.rest) > 0
}

// errParts tells ScanParts to join the parts: they cannot be read apart.
var errParts = errors.New("htmlfix: the parts of the page must be joined to be read")

// next reads the next token, allowing CDATA sections (see
// Tokenizer.AllowCDATA) if cdata is set, and returns its type.
func (l *lexer) next(cdata bool) html.TokenType {
	l.blankness = 0
	if l.z != nil {
		l.z.AllowCDATA(cdata)
		return l.z.Next()
	}
	l.start = l.end
	if end := l.rawEnd; end >= 0 {
		l.rawEnd = -1
		if end > l.start {
			l.tt, l.end = html.TextToken, end
			return l.tt
		}
	}
	d := l.data
	i := l.start
	for {
		// As the tokenizer, "<" that does not open a tag, comment or
		// doctype is text.
		j := bytes.IndexByte(d[i:], '<')
		if j < 0 {
			i = len(d)
			break
		}
		i += j + 1
		if i < len(d) && (isLetter(d[i]) || d[i] == '/' || d[i] == '!' || d[i] == '?') {
			i--
			break
		}
	}
	if i == len(d) && l.more() {
		// The end of a part: the next one starts a token if this one
		// ended with a token that leaves the tokenizer in the data
		// state (raw text ends in its part, see raw).
		if i > l.start || l.tt == html.TextToken {
			return l.stop()
		}
		l.data, l.rest, l.end = l.rest[0], l.rest[1:], 0
		return l.next(cdata)
	}
	switch {
	case i > l.start:
		l.tt, l.end = html.TextToken, i
	case i == len(d):
		l.tt = html.ErrorToken
		return l.tt
	case !l.markup():
		if l.more() {
			return l.stop() // the tokenizer would read one part
		}
		l.z = html.NewTokenizer(bytes.NewReader(d[l.start:]))
		return l.next(cdata)
	}
	return l.tt
}

// stop ends the reading of a page in parts that cannot be read apart.
func (l *lexer) stop() html.TokenType {
	l.apart, l.tt = true, html.ErrorToken
	return l.tt
}

// err returns the error of an ErrorToken token.
func (l *lexer) err() error {
	if l.apart {
		return errParts
	}
	if l.z != nil {
		return l.z.Err()
	}
	return io.EOF
}

// markup reads the tag, comment or doctype at l.start. It reports false,
// reading nothing, if it cannot read it as the tokenizer does.
func (l *lexer) markup() bool {
	d := l.data[l.start:]
	switch {
	case isLetter(d[1]):
		return l.readTag(true)
	case d[1] == '/':
		return len(d) > 2 && isLetter(d[2]) && l.readTag(false)
	case bytes.HasPrefix(d, []byte("<!--")):
		// The comment ends at the first "-->" or "--!>", unless it opens
		// with "<!-->" or "<!--->".
		body := d[len("<!--"):]
		if len(body) == 0 || body[0] == '>' || bytes.HasPrefix(body, []byte("->")) {
			return false
		}
		end := bytes.Index(body, []byte("-->"))
		if end < 0 {
			return false
		}
		end += len("-->")
		if bang := bytes.Index(body[:end], []byte("--!>")); bang >= 0 {
			end = bang + len("--!>")
		}
		l.tt, l.end = html.CommentToken, l.start+len("<!--")+end
		return true
	case len(d) > len("<!doctype") && equalLower(d[2:len("<!doctype")], "doctype"):
		end := bytes.IndexByte(d, '>')
		if end < 0 {
			return false
		}
		l.tt, l.end = html.DoctypeToken, l.start+end+1
		return true
	}
	return false // bogus comments, CDATA sections, "</>"
}

// readTag reads the start tag (if start) or end tag at l.start, as
// Tokenizer.readTag does, and the attributes that Scan reports.
func (l *lexer) readTag(start bool) bool {
	d := l.data
	i := l.start + 1
	if !start {
		i++
	}
	name := i
	for ; i < len(d) && !isSpace(d[i]) && d[i] != '/' && d[i] != '>'; i++ {
		if d[i] == 0 {
			return false // to be replaced by U+FFFD
		}
	}
	l.elem = l.lookup(d[name:i])
	l.has, l.decode = [len(l.has)]bool{}, false
	var last span // the value of the last attribute
	for {
		if i = skipSpace(d, i); i == len(d) {
			return false
		}
		if d[i] == '>' {
			i++
			break
		}
		// The key, in which a leading "=" is a character.
		key := span{i, i}
		for ; i < len(d) && !isSpace(d[i]) && d[i] != '/' && d[i] != '>' && (d[i] != '=' || i == key.start); i++ {
		}
		key.end = i
		// The value; empty after the key if there is none.
		val := span{i, i}
		if i = skipSpace(d, i); i == len(d) {
			return false
		}
		switch d[i] {
		case '/':
			i++
		case '=':
			if i = skipSpace(d, i+1); i == len(d) {
				return false
			}
			switch q := d[i]; q {
			case '>':
			case '"', '\'':
				end := bytes.IndexByte(d[i+1:], q)
				if end < 0 {
					return false
				}
				val = span{i + 1, i + 1 + end}
				i = val.end + 1
			default:
				val.start = i
				for ; i < len(d) && !isSpace(d[i]) && d[i] != '>'; i++ {
				}
				if i == len(d) {
					return false
				}
				val.end = i
			}
		}
		if start {
			l.attr(d[key.start:key.end], val)
		}
		last = val
	}
	l.tt, l.end = html.EndTagToken, i
	if !start {
		return true
	}
	l.tt = html.StartTagToken
	if d[i-2] == '/' {
		// If the '/' ends an unquoted value, the tokenizer reads the tag
		// as self-closing only if the attribute repeats a name.
		if last.end == i-1 && last.end > last.start {
			return false
		}
		l.tt = html.SelfClosingTagToken
	}
	return l.raw()
}

// attr records attribute key=val of a start tag if Scan reports it.
func (l *lexer) attr(key []byte, val span) {
	i := -1
	switch len(key) {
	case 2:
		if equalLower(key, "id") {
			i = attrID
		}
	case 3:
		if equalLower(key, "src") {
			i = attrSrc
		}
	case 4:
		if equalLower(key, "href") {
			i = attrHref
		}
	case len("xlink:href"):
		if equalLower(key, "xlink:href") {
			i = attrXlinkHref
		}
	}
	if i < 0 || l.has[i] {
		return
	}
	l.val[i], l.has[i] = val, true
	if bytes.ContainsAny(l.data[val.start:val.end], "&\r\x00") {
		l.decode = true
	}
}

// rawTag returns the name of tag if the tokenizer reads raw text after
// its start tag (unless told otherwise, see notRawText), else "".
func rawTag(tag a.Atom) string {
	switch tag {
	case a.Iframe, a.Noembed, a.Noframes, a.Noscript, a.Plaintext, a.Script, a.Style, a.Textarea, a.Title, a.Xmp:
		return tag.String()
	}
	return ""
}

// raw sets l.rawEnd if the current start tag opens raw text, as
// Tokenizer.readRawOrRCDATA reads it. It reports false if the lexer
// cannot read the text: text that runs to the end of the page, which
// <plaintext> always does, and scripts with "<!--", where the tokenizer
// follows the escaping rules of script data.
func (l *lexer) raw() bool {
	name := rawTag(l.elem.tag)
	if name == "" {
		return true
	}
	if name == "plaintext" {
		return false
	}
	text := l.data[l.end:]
	for i := 0; ; i++ {
		j := bytes.Index(text[i:], []byte("</"))
		if j < 0 {
			return false
		}
		i += j
		if end := i + len("</") + len(name); end < len(text) && equalLower(text[i+len("</"):end], name) &&
			(isSpace(text[end]) || text[end] == '/' || text[end] == '>') {
			if name == "script" && bytes.Contains(text[:i], []byte("<!--")) {
				return false
			}
			l.rawEnd = l.end + i
			return true
		}
	}
}

// notRawText has the text after the current start tag read as markup
// (see Tokenizer.NextIsNotRawText).
func (l *lexer) notRawText() {
	if l.z != nil {
		l.z.NextIsNotRawText()
	}
	l.rawEnd = -1
}

// tag returns the element of the current tag token.
func (l *lexer) tag() elem {
	if l.z == nil {
		return l.elem
	}
	raw := l.z.Raw()[1:] // '<'
	if raw[0] == '/' {
		raw = raw[1:]
	}
	end := bytes.IndexAny(raw, " \n\r\t\f/>")
	if end < 0 {
		end = len(raw)
	}
	name := raw[:end]
	if bytes.IndexByte(name, 0) >= 0 {
		n, _ := l.z.TagName() // NUL becomes U+FFFD
		return elem{name: string(n)}
	}
	return l.lookup(name)
}

// lookup returns the element of tag name, which holds no NUL.
func (l *lexer) lookup(name []byte) elem {
	for i, c := range name {
		if 'A' <= c && c <= 'Z' {
			l.scratch = append(l.scratch[:0], name...)
			lower(l.scratch[i:])
			name = l.scratch
			break
		}
	}
	e := elem{tag: a.Lookup(name)}
	if e.tag == 0 {
		e.name = string(name)
	}
	return e
}

// lower lower-cases the ASCII letters of b, as the tokenizer does.
func lower(b []byte) {
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
}

// attrs returns the id, href and src of the current start tag, with
// xlink:href as href if the element is foreign (SVG). The values are
// valid until the next token.
func (l *lexer) attrs(foreign bool) *attrs {
	e := &l.found
	*e = attrs{}
	if l.z == nil && !l.decode {
		for i := range e.val {
			if l.has[i] {
				e.val[i], e.has[i] = l.data[l.val[i].start:l.val[i].end], true
			}
		}
		if x := l.val[attrXlinkHref]; foreign && l.has[attrXlinkHref] && (!e.has[attrHref] || x.start < l.val[attrHref].start) {
			e.val[attrHref], e.has[attrHref] = l.data[x.start:x.end], true
		}
		return e
	}
	z := l.z
	if z == nil {
		// The tokenizer decodes the values of the tag alone as it would
		// in the page.
		z = html.NewTokenizer(bytes.NewReader(l.data[l.start:l.end]))
		z.Next()
	}
	if !mayHaveAttr(z.Raw()) {
		return e
	}
	for more := true; more; {
		var key, val []byte
		key, val, more = z.TagAttr()
		k := string(key)
		if foreign && k == "xlink:href" {
			k = "href"
		}
		e.set(k, val)
	}
	return e
}

// whitespace is what the parser trims as whitespace.
const whitespace = " \t\r\n\f"

// blank reports whether the current text token is whitespace only.
func (l *lexer) blank() bool {
	if l.blankness == 0 {
		l.blankness = 1
		var text []byte
		if l.z == nil {
			text = bytes.TrimLeft(l.data[l.start:l.end], whitespace)
			if len(text) > 0 && text[0] == '&' {
				text = []byte(html.UnescapeString(string(text))) // as Tokenizer.Text
			}
		} else {
			// Tokenizer.Text can be called once per token.
			text = l.z.Text()
		}
		if len(bytes.TrimLeft(text, whitespace)) == 0 {
			l.blankness = 2
		}
	}
	return l.blankness == 2
}

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// isSpace reports whether c is whitespace to the tokenizer.
func isSpace(c byte) bool { return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' }

// skipSpace returns the index of the first byte of d from i on that is not
// whitespace, or len(d).
func skipSpace(d []byte, i int) int {
	for i < len(d) && isSpace(d[i]) {
		i++
	}
	return i
}

// equalLower reports whether b, with ASCII letters lower-cased (as the
// tokenizer does, and unlike bytes.EqualFold), is s.
func equalLower(b []byte, s string) bool {
	if len(b) != len(s) {
		return false
	}
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != s[i] {
			return false
		}
	}
	return true
}
