package clean

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// A codePage maps the runes a single-byte code page can display back to
// the bytes they came from. Only runes ≥ U+0080 are listed: ASCII is the
// same in every code page we repair and never part of a mojibake run.
type codePage struct {
	// blocks holds, for a rune below U+10000 (as all are), its byte
	// plus one, by the rune's upper and lower eight bits; a nil block
	// or a zero is a rune the page does not display.
	blocks [256]*[256]uint16
	// leadStarts holds the first UTF-8 bytes of the runes that the
	// page maps to a UTF-8 lead byte (0xC2–0xF4), each once: one
	// byte for either page.
	leadStarts []byte
}

func newCodePage(bytes map[rune]byte) *codePage {
	p := new(codePage)
	for r, c := range bytes {
		if r < utf8.RuneSelf || r > 0xFFFF {
			panic("clean: a code page maps only runes from U+0080 to U+FFFF")
		}
		if p.blocks[r>>8] == nil {
			p.blocks[r>>8] = new([256]uint16)
		}
		p.blocks[r>>8][r&0xFF] = uint16(c) + 1
		if first := utf8.AppendRune(nil, r)[0]; c >= 0xC2 && c <= 0xF4 && !slices.Contains(p.leadStarts, first) {
			p.leadStarts = append(p.leadStarts, first)
		}
	}
	slices.Sort(p.leadStarts)
	return p
}

// byteOf returns the byte that p displays as r, if any.
func (p *codePage) byteOf(r rune) (byte, bool) {
	if r < 0 || r > 0xFFFF {
		return 0, false
	}
	if b := p.blocks[r>>8]; b != nil && b[r&0xFF] != 0 {
		return byte(b[r&0xFF] - 1), true
	}
	return 0, false
}

// mojibakePages are the code pages whose misreadings of UTF-8 we repair,
// tried in order. "western" is Windows-1252 with the Latin-1 C1 controls
// for the bytes Windows-1252 leaves undefined (what browsers and most
// decoders produce); "thai" is Windows-874, whose 0x80–0x9F row browsers
// also fill from Windows-1252. They are read-only lookup tables.
var mojibakePages = []*codePage{newCodePage(westernBytes()), newCodePage(thaiBytes())}

// westernBytes and thaiBytes map the runes of the two code pages to
// their bytes.
func westernBytes() map[rune]byte {
	p := make(map[rune]byte)
	for b := 0x80; b <= 0xFF; b++ {
		p[rune(b)] = byte(b) // Latin-1
	}
	for b := 0x80; b <= 0x9F; b++ {
		if r := charmap.Windows1252.DecodeByte(byte(b)); r != utf8.RuneError {
			p[r] = byte(b)
		}
	}
	return p
}

func thaiBytes() map[rune]byte {
	p := make(map[rune]byte)
	for b := 0x80; b <= 0x9F; b++ {
		p[rune(b)] = byte(b)
		if r := charmap.Windows1252.DecodeByte(byte(b)); r != utf8.RuneError {
			p[r] = byte(b)
		}
	}
	for b := 0xA0; b <= 0xFF; b++ {
		if r := charmap.Windows874.DecodeByte(byte(b)); r != utf8.RuneError && r >= 0x80 {
			p[r] = byte(b)
		}
	}
	return p
}

// repairMojibake undoes UTF-8 text that was decoded with a single-byte
// code page and encoded again as UTF-8 ("â€™" for "’", "โ‚น" for "₹",
// "Ã©" for "é"). It returns the repaired string and the number of runes
// repaired.
//
// The method: split s into runs of non-ASCII runes that one code page can
// display; turn each run back into that code page's bytes; accept the
// result only if the whole run is valid UTF-8 made of multi-byte
// sequences that decode to printable runes. Correctly encoded text
// almost never passes that test: a run of real accented, Thai or other
// letters is rarely, as a whole, a valid UTF-8 byte sequence, and
// letters of other scripts end the run. Double-encoded text is repaired
// by a second pass.
func repairMojibake(s string) (string, int) {
	if isASCII(s) {
		return s, 0 // nothing to repair
	}
	total := 0
	for pass := 0; pass < 2; pass++ {
		changed := false
		for _, page := range mojibakePages {
			var n int
			s, n = repairPage(s, page)
			if n > 0 {
				total += n
				changed = true
			}
		}
		if !changed {
			break
		}
	}
	return s, total
}

// repairPage is repairMojibake for one code page and one pass. It
// copies s only once a run decodes.
func repairPage(s string, page *codePage) (string, int) {
	if isASCII(s) || !hasLeadRune(s, page) {
		return s, 0 // nothing to repair
	}
	var b strings.Builder
	repaired := 0
	done := 0 // s[:done] is written to b
	runStart := -1
	var raw []byte
	flush := func(end int) {
		if runStart < 0 {
			return
		}
		if fixed, n, ok := decodeRun(raw); ok {
			writeRunes(&b, s[done:runStart])
			b.WriteString(fixed)
			done = end
			repaired += n
		}
		runStart = -1
		raw = raw[:0]
	}
	for i, r := range s {
		if r >= utf8.RuneSelf {
			if c, ok := page.byteOf(r); ok {
				if runStart < 0 {
					runStart = i
				}
				raw = append(raw, c)
				continue
			}
		}
		flush(i)
	}
	flush(len(s))
	if repaired == 0 {
		return s, 0
	}
	writeRunes(&b, s[done:])
	return b.String(), repaired
}

// writeRunes writes s to b rune by rune, an invalid byte as U+FFFD.
func writeRunes(b *strings.Builder, s string) {
	if utf8.ValidString(s) {
		b.WriteString(s)
		return
	}
	for _, r := range s {
		b.WriteRune(r)
	}
}

// hasLeadRune reports whether s has a rune that page maps to a UTF-8
// lead byte (0xC2–0xF4). Every run that decodes starts with one: a
// string without one has nothing to repair. It looks for the first
// bytes of such runes with strings.IndexByte.
func hasLeadRune(s string, page *codePage) bool {
	for _, first := range page.leadStarts {
		for i := strings.IndexByte(s, first); i >= 0; {
			r, _ := utf8.DecodeRuneInString(s[i:])
			if c, ok := page.byteOf(r); ok && c >= 0xC2 && c <= 0xF4 {
				return true
			}
			j := strings.IndexByte(s[i+1:], first)
			if j < 0 {
				break
			}
			i += 1 + j
		}
	}
	return false
}

// decodeRun reports whether raw, the code-page bytes of one run, is
// entirely valid UTF-8 of multi-byte sequences that decode to printable
// runes, and if so returns the decoded text and its rune count.
func decodeRun(raw []byte) (string, int, bool) {
	// A right double quote (E2 80 9D) read as Windows-1252 loses its
	// last byte, which that code page leaves undefined: "â€" at the end
	// of a run is a ” whose last byte was dropped.
	if n := len(raw); n >= 2 && raw[n-2] == 0xE2 && raw[n-1] == 0x80 && utf8.Valid(raw[:n-2]) {
		raw = append(raw[:n:n], 0x9D)
	}
	if len(raw) < 2 || !utf8.Valid(raw) {
		return "", 0, false
	}
	n := 0
	for _, r := range string(raw) {
		if r < 0x80 || (r <= 0x9F) || !(unicode.IsPrint(r) || r == 0xA0 || r == 0xAD) {
			return "", 0, false
		}
		n++
	}
	return string(raw), n, true
}
