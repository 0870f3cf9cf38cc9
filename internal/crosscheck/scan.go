package crosscheck

import "strings"

// The figure pattern, written out by hand. It finds exactly the matches
// of this expression (with Go's leftmost-first semantics, the first
// alternative that matches at the leftmost position winning), once the
// kind of a figure, the named group that matched:
//
//	(?i)(?P<money>(?:US)?[$€£₹]\s?\d[\d,]*(?:\.\d+)?(?:\s?(?:million|billion|trillion|crore|lakh|bn|mn))?
//	|\d[\d,]*(?:\.\d+)?\s(?:million|billion|trillion)\s(?:dollars|euros|pounds|rubles|roubles|yuan))
//	|(?P<percent>\d+(?:\.\d+)?\s?(?:%|per\s?cent\b|percent\b))
//	|(?P<multiple>\b(?:twice|(?:two|three|four|five|six|seven|eight|nine|ten|\d+(?:\.\d+)?)\s+times)\b)
//	|(?P<year>\b(?:19|20)\d{2}\b)
//	|(?P<count>\b\d[\d,]*(?:\.\d+)?(?:\s(?:million|billion|thousand|hundred))?\b)
//
// Running the expression cost more than half of [Figures]; the scanner
// does the same work in one pass without allocating. The differential
// tests keep the expression as their oracle. What the scanner must match:
//
//   - \s is [\t\n\f\r ], not \v nor Unicode spaces; \d is [0-9].
//   - \b is an ASCII word boundary: a letter, digit or underscore on one
//     side only. A byte of a multi-byte rune is never a word character,
//     so \b can be read off the bytes.
//   - (?i) folds ASCII case, and also k with the Kelvin sign (U+212A) and
//     s with the long s (U+017F), the only ASCII letters whose case orbit
//     leaves ASCII.
//   - A match starts at an ASCII byte or at the first byte of a currency
//     sign, never inside a multi-byte rune, so trying every byte offset
//     finds the matches the expression finds stepping rune by rune.

// A figureMatch is one match of the figure pattern: the bytes
// [start, end) of the text, and the kind of figure.
type figureMatch struct {
	start, end int
	kind       Kind
}

// appendFigureMatches appends the matches of the figure pattern in s, in
// order and not overlapping, to dst.
func appendFigureMatches(dst []figureMatch, s string) []figureMatch {
	for i := 0; i < len(s); {
		// Most bytes can start no match, nor can a number word's letter
		// inside a word: they are skipped in a loop of their own.
		for i < len(s) {
			if c := figureStarts[s[i]]; c != noStart && (c != wordStart || i == 0 || !isWordByte(s[i-1])) {
				break
			}
			i++
		}
		if i == len(s) {
			break
		}
		if !figureStart(s, i) {
			i++
			continue
		}
		if end, kind := matchFigure(s, i); end > i {
			dst = append(dst, figureMatch{i, end, kind})
			i = end
			continue
		}
		i++
	}
	return dst
}

// A startClass says whether a match of the figure pattern can start at
// a byte, and what else it takes.
type startClass uint8

const (
	noStart       startClass = iota
	digitStart               // a digit or $, which can start any figure
	wordStart                // the first letter of a number word (t, f, s, e, n in either case): at a word boundary, before the word's next two
	usStart                  // u or U: followed by s, S or the long s, for US$
	currencyStart            // the first byte of € or ₹ (U+20xx) or £ (U+00A3): followed by the rest of the sign
	longSStart               // the first byte of the long s (U+017F), which (?i) folds to s: after a word byte, for a boundary
)

// figureStarts holds the startClass of every byte.
var figureStarts = func() (t [256]startClass) {
	for _, c := range "0123456789$" {
		t[c] = digitStart
	}
	for _, c := range "tTfFsSeEnN" {
		t[c] = wordStart
	}
	t['u'], t['U'] = usStart, usStart
	t[0xe2], t[0xc2] = currencyStart, currencyStart
	t[0xc5] = longSStart
	return t
}()

// figureStart reports whether a match can start at i, as far as the
// bytes around it tell: matchFigure finds none where it reports false.
// Only money starts with u or a currency sign, and only a multiple with
// the letters of a number word, after \b.
func figureStart(s string, i int) bool {
	switch figureStarts[s[i]] {
	case digitStart:
		return true
	case wordStart:
		// The number words, but for the s of six and seven (which the
		// long s can stand for), are of ASCII letters that (?i) folds
		// only to each other, and of three letters at least: the first
		// three of one start here.
		if i > 0 && isWordByte(s[i-1]) || i+3 > len(s) {
			return false
		}
		// |0x20 makes a small letter of a capital, and of no other byte.
		switch uint32(s[i]|0x20)<<16 | uint32(s[i+1]|0x20)<<8 | uint32(s[i+2]|0x20) {
		case 't'<<16 | 'w'<<8 | 'i', 't'<<16 | 'w'<<8 | 'o', 't'<<16 | 'h'<<8 | 'r', 't'<<16 | 'e'<<8 | 'n',
			'f'<<16 | 'o'<<8 | 'u', 'f'<<16 | 'i'<<8 | 'v', 's'<<16 | 'i'<<8 | 'x', 's'<<16 | 'e'<<8 | 'v',
			'e'<<16 | 'i'<<8 | 'g', 'n'<<16 | 'i'<<8 | 'n':
			return true // twice, two, three, ten, four, five, six, seven, eight, nine
		}
		return false
	case usStart:
		return i+1 < len(s) && (s[i+1]|0x20 == 's' || s[i+1] == 0xc5)
	case currencyStart:
		return currency(s, i) > 0
	case longSStart:
		return boundary(s, i)
	}
	return false
}

// matchFigure returns the end of the match of the figure pattern that
// starts at i, and its kind, or i when none does. The alternatives are
// tried in the expression's order, leaving out those that cannot start
// with s[i]: only money starts with u or a currency sign, only multiple
// with a letter of a number word, and neither money's first form nor
// multiple's words with a digit.
func matchFigure(s string, i int) (int, Kind) {
	if !isDigit(s, i) {
		if e := matchMoney(s, i); e > i {
			return e, Money
		}
		if e := matchMultiple(s, i); e > i {
			return e, Multiple
		}
		return i, ""
	}
	if e := matchMoney(s, i); e > i {
		return e, Money
	}
	if e := matchPercent(s, i); e > i {
		return e, Percent
	}
	if e := matchMultiple(s, i); e > i {
		return e, Multiple
	}
	if e := matchYear(s, i); e > i {
		return e, Year
	}
	if e := matchCount(s, i); e > i {
		return e, Count
	}
	return i, ""
}

func isDigit(s string, i int) bool { return i < len(s) && s[i] >= '0' && s[i] <= '9' }

// isSpace reports whether s[i] matches \s.
func isSpace(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	switch s[i] {
	case '\t', '\n', '\f', '\r', ' ':
		return true
	}
	return false
}

// isWordByte reports whether c is a word character of \w: an ASCII
// letter, digit or underscore.
func isWordByte(c byte) bool { return wordBytes[c] }

// wordBytes holds isWordByte of every byte.
var wordBytes = func() (t [256]bool) {
	for c := range t {
		t[c] = c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_'
	}
	return t
}()

// boundary reports whether \b matches at i.
func boundary(s string, i int) bool {
	before := i > 0 && isWordByte(s[i-1])
	after := i < len(s) && isWordByte(s[i])
	return before != after
}

// digits returns the end of the run of digits from i.
func digits(s string, i int) int {
	for isDigit(s, i) {
		i++
	}
	return i
}

// digitsCommas returns the end of the run of digits and commas from i.
func digitsCommas(s string, i int) int {
	for i < len(s) && (s[i] >= '0' && s[i] <= '9' || s[i] == ',') {
		i++
	}
	return i
}

// fraction returns the end of (?:\.\d+)? taken greedily from i: past the
// decimals when a point and a digit follow, else i.
func fraction(s string, i int) int {
	if i < len(s) && s[i] == '.' && isDigit(s, i+1) {
		return digits(s, i+1)
	}
	return i
}

// foldWord returns the end of the lower-case ASCII word w matched at i
// under (?i), or -1.
func foldWord(s string, i int, w string) int {
	for k := 0; k < len(w); k++ {
		if i < len(s) && s[i]|0x20 == w[k] && isASCIILetter(s[i]) {
			i++
			continue
		}
		switch {
		case w[k] == 's' && strings.HasPrefix(s[i:], "\u017f"):
			i += len("\u017f")
		case w[k] == 'k' && strings.HasPrefix(s[i:], "\u212a"):
			i += len("\u212a")
		default:
			return -1
		}
	}
	return i
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// foldAny returns the end of the first of words matched at i, or -1.
func foldAny(s string, i int, words ...string) int {
	for _, w := range words {
		if e := foldWord(s, i, w); e >= 0 {
			return e
		}
	}
	return -1
}

// currency returns the length of the currency sign at i, or 0.
func currency(s string, i int) int {
	if i >= len(s) {
		return 0
	}
	switch s[i] {
	case '$':
		return 1
	case 0xc2: // £ is C2 A3
		if i+1 < len(s) && s[i+1] == 0xa3 {
			return 2
		}
	case 0xe2: // € is E2 82 AC, ₹ E2 82 B9
		if i+2 < len(s) && s[i+1] == 0x82 && (s[i+2] == 0xac || s[i+2] == 0xb9) {
			return 3
		}
	}
	return 0
}

// matchMoney matches the money group from i: (?:US)?[$€£₹]\s?\d[\d,]*
// (?:\.\d+)?(?:\s?(?:million|...|mn))?, else \d[\d,]*(?:\.\d+)?\s
// (?:million|billion|trillion)\s(?:dollars|...|yuan). Every choice but
// the optional tail of the first is forced: backing off any greedy run
// leaves a byte the next item cannot take.
func matchMoney(s string, i int) int {
	j := i
	if s[i]|0x20 == 'u' {
		if e := foldWord(s, j, "us"); e >= 0 {
			j = e
		}
	}
	if n := currency(s, j); n > 0 {
		j += n
		if isSpace(s, j) {
			j++
		}
		if isDigit(s, j) {
			j = fraction(s, digitsCommas(s, j+1))
			k := j
			if isSpace(s, k) {
				k++
			}
			if e := foldAny(s, k, "million", "billion", "trillion", "crore", "lakh", "bn", "mn"); e >= 0 {
				return e
			}
			return j
		}
	}
	if !isDigit(s, i) {
		return i
	}
	j = fraction(s, digitsCommas(s, i+1))
	if !isSpace(s, j) {
		return i
	}
	j = foldAny(s, j+1, "million", "billion", "trillion")
	if j < 0 || !isSpace(s, j) {
		return i
	}
	if e := foldAny(s, j+1, "dollars", "euros", "pounds", "rubles", "roubles", "yuan"); e >= 0 {
		return e
	}
	return i
}

// matchPercent matches \d+(?:\.\d+)?\s?(?:%|per\s?cent\b|percent\b)
// from i; "percent" is "per", no space and "cent", so the last
// alternative adds nothing.
func matchPercent(s string, i int) int {
	if !isDigit(s, i) {
		return i
	}
	j := fraction(s, digits(s, i+1))
	if isSpace(s, j) {
		j++
	}
	if j < len(s) && s[j] == '%' {
		return j + 1
	}
	k := foldWord(s, j, "per")
	if k < 0 {
		return i
	}
	if isSpace(s, k) {
		k++
	}
	if e := foldWord(s, k, "cent"); e >= 0 && boundary(s, e) {
		return e
	}
	return i
}

// matchMultiple matches \b(?:twice|(?:two|...|ten|\d+(?:\.\d+)?)\s+times)\b
// from i.
func matchMultiple(s string, i int) int {
	if !boundary(s, i) {
		return i
	}
	// The number words that can start at i, by their first letter.
	j := -1
	switch s[i] | 0x20 {
	case 't':
		if e := foldWord(s, i, "twice"); e >= 0 && boundary(s, e) {
			return e
		}
		j = foldAny(s, i, "two", "three", "ten")
	case 'f':
		j = foldAny(s, i, "four", "five")
	case 's', 0xc5 | 0x20: // s, S or the long s
		j = foldAny(s, i, "six", "seven")
	case 'e':
		j = foldWord(s, i, "eight")
	case 'n':
		j = foldWord(s, i, "nine")
	default:
		if isDigit(s, i) {
			j = fraction(s, digits(s, i+1))
		}
	}
	if j < 0 {
		return i
	}
	if !isSpace(s, j) {
		return i
	}
	for isSpace(s, j) {
		j++
	}
	if e := foldWord(s, j, "times"); e >= 0 && boundary(s, e) {
		return e
	}
	return i
}

// matchYear matches \b(?:19|20)\d{2}\b from i.
func matchYear(s string, i int) int {
	if boundary(s, i) && (strings.HasPrefix(s[i:], "19") || strings.HasPrefix(s[i:], "20")) &&
		isDigit(s, i+2) && isDigit(s, i+3) && boundary(s, i+4) {
		return i + 4
	}
	return i
}

// matchCount matches \b\d[\d,]*(?:\.\d+)?(?:\s(?:million|billion|thousand
// |hundred))?\b from i. The final \b can make the expression back off:
// the whole run of digits and commas, its decimals and its word come
// first, then shorter runs, which no decimals or word can follow.
func matchCount(s string, i int) int {
	if !isDigit(s, i) || !boundary(s, i) {
		return i
	}
	run := digitsCommas(s, i+1)
	// rest tries the optional parts after the run and the final \b.
	rest := func(p int) int {
		suffix := func(q int) int {
			if !isSpace(s, q) {
				return -1
			}
			return foldAny(s, q+1, "million", "billion", "thousand", "hundred")
		}
		if q := fraction(s, p); q > p {
			if e := suffix(q); e >= 0 && boundary(s, e) {
				return e
			}
			if boundary(s, q) {
				return q
			}
		}
		if e := suffix(p); e >= 0 && boundary(s, e) {
			return e
		}
		if boundary(s, p) {
			return p
		}
		return -1
	}
	if e := rest(run); e >= 0 {
		return e
	}
	for p := run - 1; p > i; p-- {
		if boundary(s, p) {
			return p
		}
	}
	return i
}
