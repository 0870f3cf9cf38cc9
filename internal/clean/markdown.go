package clean

import (
	"bytes"
	"fmt"
	"strings"
)

// Markdown returns the article as a Markdown document: YAML front matter
// with the non-empty metadata (title, author, published, outlet,
// attributed_to, captions), then the blocks, headings as "## text" and
// paragraphs as one line each, separated by blank lines. All text is
// escaped, so nothing in a capture can become Markdown or HTML markup.
func (a *Article) Markdown() []byte {
	var b bytes.Buffer
	m := a.Meta
	if m.Title == "" {
		m.Title = a.Title
	}
	fields := []struct{ key, val string }{
		{"title", m.Title},
		{"author", m.Author},
		{"published", m.Published},
		{"outlet", m.Outlet},
		{"attributed_to", m.AttributedTo},
	}
	b.WriteString("---\n")
	for _, f := range fields {
		if f.val != "" {
			fmt.Fprintf(&b, "%s: %s\n", f.key, yamlQuote(f.val))
		}
	}
	if len(m.Captions) > 0 {
		b.WriteString("captions:\n")
		for _, c := range m.Captions {
			fmt.Fprintf(&b, "  - %s\n", yamlQuote(c))
		}
	}
	b.WriteString("---\n")
	a.WriteBody(&b)
	return b.Bytes()
}

// WriteBody writes to b the blocks of Markdown, without the front
// matter: what the site renders, from a buffer it uses again.
func (a *Article) WriteBody(b *bytes.Buffer) {
	size := 0
	for _, blk := range a.Blocks {
		size += len(blk.Text) + len("\n## \n") + 8 // and a few escapes
	}
	b.Grow(size)
	for _, blk := range a.Blocks {
		b.WriteByte('\n')
		if blk.Kind == Heading {
			b.WriteString("## ")
		}
		writeEscaped(b, blk.Text)
		b.WriteByte('\n')
	}
}

// Text returns the body blocks as plain text, one block per line, with
// no headline and no metadata.
func (a *Article) Text() []byte {
	var b bytes.Buffer
	for _, blk := range a.Blocks {
		b.WriteString(blk.Text)
		b.WriteByte('\n')
	}
	return b.Bytes()
}

// writeEscaped writes s, one line of plain text, to b, escaped so that
// CommonMark renders it as exactly that text in one paragraph (or
// heading): it backslash-escapes \ ` * _ [ ] < > & | ~ # everywhere, and
// a leading > - + = or ordered-list marker ("1." "1)"). White space is
// collapsed to single spaces, since a paragraph is one line. It copies
// the runs of s between the bytes it escapes (all ASCII, so a byte is
// never part of a longer character).
func writeEscaped(b *bytes.Buffer, s string) {
	s = normSpace(s)
	digits := true // s[:i] is all digits
	last := 0
	for i := 0; i < len(s); i++ {
		escape := false
		switch c := s[i]; c {
		case '\\', '`', '*', '_', '[', ']', '<', '>', '&', '|', '~', '#':
			escape = true
		case '-', '+', '=':
			escape = i == 0
		case '.', ')':
			escape = digits && i > 0
		}
		if escape {
			b.WriteString(s[last:i])
			b.WriteByte('\\')
			last = i
		}
		digits = digits && '0' <= s[i] && s[i] <= '9'
	}
	b.WriteString(s[last:])
}

// yamlQuote returns s as a YAML double-quoted scalar.
func yamlQuote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x7F || (r >= 0x80 && r <= 0x9F) || r == 0xFEFF || r == 0x2028 || r == 0x2029:
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
