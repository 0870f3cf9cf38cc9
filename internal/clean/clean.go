package clean

import (
	"bytes"
	"fmt"
	"path"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
)

// An Error reports a capture that cannot be cleaned at all: binary data
// or text in an encoding that cannot be decoded.
type Error struct {
	Line int    // 1-based line of the capture where the problem is; 0 if unknown
	Msg  string // what is wrong
	Hint string // how to fix it
}

// Error returns "line N: what is wrong (how to fix it)".
func (e *Error) Error() string {
	msg := e.Msg
	if e.Line > 0 {
		msg = fmt.Sprintf("line %d: %s", e.Line, e.Msg)
	}
	if e.Hint != "" {
		msg += " (" + e.Hint + ")"
	}
	return msg
}

// Clean cleans one raw capture. name is the capture's file name: a name
// ending in .html or .htm is read as HTML, anything else as plain text.
// Clean does no I/O and its result depends only on name and raw.
//
// Clean returns an error only when raw is unusable: binary data (NUL
// bytes) or bytes that are neither UTF-8 nor UTF-16 with a byte-order
// mark. An empty or boilerplate-only capture gives an Article with no
// blocks.
func Clean(name string, raw []byte) (*Article, error) {
	isHTML := false
	switch strings.ToLower(path.Ext(name)) {
	case ".html", ".htm", ".xhtml":
		isHTML = true
	}
	text, err := decode(raw, isHTML)
	if err != nil {
		return nil, err
	}
	if isHTML {
		return cleanHTML(text), nil
	}
	return cleanText(text), nil
}

// decode turns raw into a valid UTF-8 string: it strips a UTF-8
// byte-order mark, decodes UTF-16 with a byte-order mark, and rejects
// NUL bytes and invalid UTF-8. HTML that declares another charset is
// decoded from it.
func decode(raw []byte, isHTML bool) (string, error) {
	switch {
	case bytes.HasPrefix(raw, []byte{0xEF, 0xBB, 0xBF}):
		raw = raw[3:]
	case bytes.HasPrefix(raw, []byte{0xFF, 0xFE}), bytes.HasPrefix(raw, []byte{0xFE, 0xFF}):
		return decodeUTF16(raw)
	}
	if i := bytes.IndexByte(raw, 0); i >= 0 {
		return "", &Error{
			Line: 1 + bytes.Count(raw[:i], []byte("\n")),
			Msg:  "binary data: NUL byte in the capture",
			Hint: "save the page as text (.txt) or HTML (.html), not as a PDF, image or archive",
		}
	}
	if utf8.Valid(raw) {
		return string(raw), nil
	}
	if isHTML {
		if s, ok := decodeDeclaredCharset(raw); ok {
			return s, nil
		}
	}
	i := firstInvalid(raw)
	return "", &Error{
		Line: 1 + bytes.Count(raw[:i], []byte("\n")),
		Msg:  fmt.Sprintf("invalid UTF-8: byte 0x%02X at offset %d", raw[i], i),
		Hint: "re-save the capture as UTF-8",
	}
}

func firstInvalid(b []byte) int {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return len(b)
}

func decodeUTF16(raw []byte) (string, error) {
	big := raw[0] == 0xFE
	raw = raw[2:]
	if len(raw)%2 != 0 {
		return "", &Error{Msg: "invalid UTF-16: odd number of bytes", Hint: "re-save the capture as UTF-8"}
	}
	u := make([]uint16, len(raw)/2)
	for i := range u {
		if big {
			u[i] = uint16(raw[2*i])<<8 | uint16(raw[2*i+1])
		} else {
			u[i] = uint16(raw[2*i+1])<<8 | uint16(raw[2*i])
		}
	}
	runes := utf16.Decode(u)
	for i, r := range runes {
		if r == 0 {
			line := 1
			for _, q := range runes[:i] {
				if q == '\n' {
					line++
				}
			}
			return "", &Error{Line: line, Msg: "binary data: NUL character in the capture", Hint: "save the page as text or HTML"}
		}
	}
	return string(runes), nil
}

// splitLines splits s into lines, accepting \n, \r\n and \r endings.
func splitLines(s string) []string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	return strings.Split(s, "\n")
}

// normSpace collapses every run of white space to one space, drops
// control characters, soft hyphens, zero-width spaces and byte-order
// marks, and trims the result.
func normSpace(s string) string {
	if isNorm(s) {
		return s
	}
	return collapseSpace(s)
}

// collapseSpace is normSpace, building the result rune by rune.
func collapseSpace(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			space = true
			continue
		case unicode.IsControl(r), r == '\u00AD', r == '\u200B', r == '\u2060', r == '\uFEFF':
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// isNorm reports whether normSpace would leave s as it is: valid UTF-8
// of printable runes other than white space, soft hyphens, zero-width
// spaces and byte-order marks, with single ASCII spaces between words
// and none at the ends.
func isNorm(s string) bool {
	if s == "" {
		return true
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	for i := 0; i < len(s); {
		// Eight bytes at a time while they are printable ASCII with
		// single spaces: for ASCII bytes, adding 0x60 leaves the top bit
		// clear only below 0x20, adding 1 sets it only for 0x7F, and
		// neither carries into the next byte; a space is a zero byte of
		// w ^ 0x2020….
		for ; i+8 <= len(s); i += 8 {
			w := load64(s[i:])
			if (^(w+0x6060606060606060)|(w+0x0101010101010101)|w)&0x8080808080808080 != 0 {
				break // a control character, DEL or a non-ASCII byte
			}
			z := w ^ 0x2020202020202020
			spaces := ^((z&0x7F7F7F7F7F7F7F7F + 0x7F7F7F7F7F7F7F7F) | z | 0x7F7F7F7F7F7F7F7F)
			if spaces&(spaces>>8) != 0 || spaces&0x80 != 0 && s[i-1] == ' ' {
				break // two spaces in a row (s[0] is not a space)
			}
		}
		if i == len(s) {
			break
		}
		// Then a byte or a rune.
		switch c := s[i]; {
		case c == ' ':
			// Neither end of s is a space.
			if s[i-1] == ' ' || s[i+1] == ' ' {
				return false
			}
			i++
		case c < utf8.RuneSelf:
			if c < ' ' || c == 0x7F {
				return false // a control character
			}
			i++
		default:
			r, size := utf8.DecodeRuneInString(s[i:])
			// Controls above ASCII are U+0080–U+009F.
			if r == utf8.RuneError && size == 1 || r <= 0x9F || isSpaceRune(r) ||
				r == '\u00AD' || r == '\u200B' || r == '\u2060' || r == '\uFEFF' {
				return false
			}
			i += size
		}
	}
	return true
}
