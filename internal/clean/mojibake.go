package clean

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// A codePage maps the runes a single-byte code page can display back to
// the bytes they came from. Only runes ≥ U+0080 are listed: ASCII is the
// same in every code page we repair and never part of a mojibake run.
type codePage struct {
	bytes map[rune]byte
	// leadStarts holds the first UTF-8 byte of every rune that the
	// page maps to a UTF-8 lead byte (0xC2–0xF4).
	leadStarts [256]bool
}

func newCodePage(bytes map[rune]byte) *codePage {
	p := &codePage{bytes: bytes}
	for r, c := range bytes {
		if c >= 0xC2 && c <= 0xF4 {
			p.leadStarts[utf8.AppendRune(nil, r)[0]] = true
		}
	}
	return p
}

// mojibakePages are the code pages whose misreadings of UTF-8 we repair,
// tried in order. "western" is Windows-1252 with the Latin-1 C1 controls
// for the bytes Windows-1252 leaves undefined (what browsers and most
// decoders produce); "thai" is Windows-874, whose 0x80–0x9F row browsers
// also fill from Windows-1252. They are read-only lookup tables.
var mojibakePages = []*codePage{westernPage(), thaiPage()}

func westernPage() *codePage {
	p := make(map[rune]byte)
	for b := 0x80; b <= 0xFF; b++ {
		p[rune(b)] = byte(b) // Latin-1
	}
	for b := 0x80; b <= 0x9F; b++ {
		if r := charmap.Windows1252.DecodeByte(byte(b)); r != utf8.RuneError {
			p[r] = byte(b)
		}
	}
	return newCodePage(p)
}

func thaiPage() *codePage {
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
	return newCodePage(p)
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

func repairPage(s string, page *codePage) (string, int) {
	// Fast path: pure ASCII has nothing to repair.
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii || !hasLeadRune(s, page) {
		return s, 0
	}
	var b strings.Builder
	repaired := 0
	runStart := -1
	var raw []byte
	flush := func(end int) {
		if runStart < 0 {
			return
		}
		run := s[runStart:end]
		if fixed, n, ok := decodeRun(raw); ok {
			b.WriteString(fixed)
			repaired += n
		} else {
			b.WriteString(run)
		}
		runStart = -1
		raw = raw[:0]
	}
	for i, r := range s {
		c, ok := page.bytes[r]
		if r >= utf8.RuneSelf && ok {
			if runStart < 0 {
				runStart = i
			}
			raw = append(raw, c)
			continue
		}
		flush(i)
		b.WriteRune(r)
	}
	flush(len(s))
	if repaired == 0 {
		return s, 0
	}
	return b.String(), repaired
}

// hasLeadRune reports whether s has a rune that page maps to a UTF-8
// lead byte (0xC2–0xF4). Every run that decodes starts with one: a
// string without one has nothing to repair.
func hasLeadRune(s string, page *codePage) bool {
	for i := 0; i < len(s); i++ {
		if page.leadStarts[s[i]] {
			r, _ := utf8.DecodeRuneInString(s[i:])
			if c, ok := page.bytes[r]; ok && c >= 0xC2 && c <= 0xF4 {
				return true
			}
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
