package clean

import (
	"iter"
	"strings"
	"unicode/utf8"
)

// The date patterns of meta.go (dateMDY, dateDMY, dateISO, dateDots)
// and dateFiller, matched by hand. Each matcher finds what its regexp
// finds: the leftmost match and, in it, the same groups, following the
// regexp's order of preference wherever a pattern could match in more
// than one way. The regexps stay the definition; FuzzDateMatchers
// compares the two. The engine tries each pattern at every position
// of a line with its backtracker, which costs microseconds a line;
// these matchers look only where a match can start, and read a few
// bytes there.
//
// The patterns are all ASCII: \d, \s and \b read ASCII only, and a
// non-ASCII rune is never a word character. Case-insensitive patterns
// also match two non-ASCII runes, ſ (long s) for s and the Kelvin sign
// for k: on a string holding either (foldsToASCII) those matchers run
// the regexp instead.

// A dateSubmatch is where a date pattern of three groups matched, as
// FindStringSubmatchIndex gives it: the match, then each group.
type dateSubmatch [8]int

// submatchOf returns m, the result of FindStringSubmatchIndex for a
// pattern of three groups, as a dateSubmatch.
func submatchOf(m []int) (dateSubmatch, bool) {
	var d dateSubmatch
	if m == nil {
		return d, false
	}
	copy(d[:], m)
	return d, true
}

// findMDY is dateMDY.FindStringSubmatchIndex(s): "April 16, 2024".
func findMDY(s string) (dateSubmatch, bool) {
	if foldsToASCII(s) {
		return submatchOf(dateMDY.FindStringSubmatchIndex(s))
	}
	for i := 0; i+3 <= len(s); i++ {
		if isMonthStart(s[i], s[i+1], s[i+2]) && wordStart(s, i) {
			if m, ok := mdyAt(s, i); ok {
				return m, true
			}
		}
	}
	return dateSubmatch{}, false
}

// mdyAt matches dateMDY at s[i], a word's start: the month, a dot,
// white space, the day (two digits, else one), an ordinal, white
// space, a comma, white space and the year.
func mdyAt(s string, i int) (dateSubmatch, bool) {
	me := monthEnd(s, i)
	if me < 0 {
		return dateSubmatch{}, false
	}
	j := me
	if j < len(s) && s[j] == '.' {
		j++
	}
	j = skipSpace(s, j)
	for d := digitRun(s, j, 2); d >= 1; d-- {
		if y, ok := yearAfterOrdinal(s, j+d); ok {
			return dateSubmatch{i, y + 4, i, me, j, j + d, y, y + 4}, true
		}
	}
	return dateSubmatch{}, false
}

// yearAfterOrdinal matches `(?:st|nd|rd|th)?\s*,?\s*(\d{4})\b` at
// s[k], and returns where the year starts.
func yearAfterOrdinal(s string, k int) (int, bool) {
	if ordinalAt(s, k) {
		if y, ok := yearAfterComma(s, k+2); ok {
			return y, true
		}
	}
	return yearAfterComma(s, k)
}

// yearAfterComma matches `\s*,?\s*(\d{4})\b` at s[k], and returns
// where the year starts. White space taken back could never be
// followed by a comma or a digit: the spaces are taken whole.
func yearAfterComma(s string, k int) (int, bool) {
	k = skipSpace(s, k)
	if k < len(s) && s[k] == ',' {
		k++
	}
	k = skipSpace(s, k)
	return k, yearAt(s, k)
}

// yearAt reports whether `\d{4}\b` matches at s[k].
func yearAt(s string, k int) bool {
	return digitRun(s, k, 4) == 4 && wordEnd(s, k+4)
}

// findDMY is dateDMY.FindStringSubmatchIndex(s): "16th of April,
// 2024".
func findDMY(s string) (dateSubmatch, bool) {
	if foldsToASCII(s) {
		return submatchOf(dateDMY.FindStringSubmatchIndex(s))
	}
	for i := 0; i < len(s); i++ {
		if isDigit(s[i]) && wordStart(s, i) {
			if m, ok := dmyAt(s, i); ok {
				return m, true
			}
		}
	}
	return dateSubmatch{}, false
}

// dmyAt matches dateDMY at s[i], a digit starting a word: the day, an
// ordinal, white space, "of" and white space, the month, a dot, a
// comma, white space and the year.
func dmyAt(s string, i int) (dateSubmatch, bool) {
	for d := digitRun(s, i, 2); d >= 1; d-- {
		k := i + d
		for _, ord := range [2]bool{true, false} {
			r := k
			if ord {
				if !ordinalAt(s, k) {
					continue
				}
				r += 2
			}
			r = skipSpace(s, r)
			if r+2 < len(s) && hasPrefixFoldAt(s, r, "of") && isRESpace(s[r+2]) {
				if m, ok := dmyMonthAt(s, i, k, skipSpace(s, r+2)); ok {
					return m, true
				}
			}
			if m, ok := dmyMonthAt(s, i, k, r); ok {
				return m, true
			}
		}
	}
	return dateSubmatch{}, false
}

// dmyMonthAt matches the rest of dateDMY, `month\.?,?\s*(\d{4})\b`, at
// s[q], for a match starting at s[i] whose day ends at s[k].
func dmyMonthAt(s string, i, k, q int) (dateSubmatch, bool) {
	me := monthEnd(s, q)
	if me < 0 {
		return dateSubmatch{}, false
	}
	j := me
	if j < len(s) && s[j] == '.' {
		j++
	}
	if j < len(s) && s[j] == ',' {
		j++
	}
	j = skipSpace(s, j)
	if !yearAt(s, j) {
		return dateSubmatch{}, false
	}
	return dateSubmatch{i, j + 4, i, k, q, me, j, j + 4}, true
}

// monthNames are the spellings of monthRE's month names, by their first
// three letters, longest first.
var monthNames = map[string][]string{
	"jan": {"january", "jan"}, "feb": {"february", "feb"}, "mar": {"march", "mar"}, "apr": {"april", "apr"},
	"may": {"may"}, "jun": {"june", "jun"}, "jul": {"july", "jul"}, "aug": {"august", "aug"},
	"sep": {"september", "sepember", "sept", "sep"}, "oct": {"october", "oct"}, "nov": {"november", "nov"},
	"dec": {"december", "dec"},
}

// monthEnd returns the end of the longest month name (monthRE, without
// its dot) at s[i], in any case, or -1. Only the longest can be part of
// a match: what follows a shorter one is a letter, which no pattern
// takes after a month name.
func monthEnd(s string, i int) int {
	if i+3 > len(s) || !isMonthStart(s[i], s[i+1], s[i+2]) {
		return -1
	}
	stem := [3]byte{s[i] | 0x20, s[i+1] | 0x20, s[i+2] | 0x20}
	for _, name := range monthNames[string(stem[:])] {
		if hasPrefixFoldAt(s, i, name) {
			return i + len(name)
		}
	}
	return -1
}

// ordinalAt reports whether an ordinal suffix, st, nd, rd or th in any
// case, is at s[k].
func ordinalAt(s string, k int) bool {
	if k+2 > len(s) {
		return false
	}
	switch uint16(s[k]|0x20)<<8 | uint16(s[k+1]|0x20) {
	case 's'<<8 | 't', 'n'<<8 | 'd', 'r'<<8 | 'd', 't'<<8 | 'h':
		return true
	}
	return false
}

// findISO is dateISO.FindStringSubmatchIndex(s): "2024-04-16",
// "2024/4/16", "2024-04-16T10:00".
func findISO(s string) (dateSubmatch, bool) {
	for i := 0; i+4 <= len(s); i++ {
		if !isDigit(s[i]) || !wordStart(s, i) || digitRun(s, i, 4) < 4 || i+4 == len(s) || !isDateSep(s[i+4]) {
			continue
		}
		k := i + 5
		for d2 := digitRun(s, k, 2); d2 >= 1; d2-- {
			k2 := k + d2 + 1
			if k2 > len(s) || !isDateSep(s[k2-1]) {
				continue
			}
			for d3 := digitRun(s, k2, 2); d3 >= 1; d3-- {
				e := k2 + d3
				switch {
				case wordEnd(s, e):
				case s[e] == 'T':
					e++
				default:
					continue
				}
				return dateSubmatch{i, e, i, i + 4, k, k + d2, k2, k2 + d3}, true
			}
		}
	}
	return dateSubmatch{}, false
}

func isDateSep(c byte) bool { return c == '-' || c == '/' || c == '.' }

// findDots is dateDots.FindStringSubmatchIndex(s): "16.04.2024".
func findDots(s string) (dateSubmatch, bool) {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) || !wordStart(s, i) {
			continue
		}
		for d1 := digitRun(s, i, 2); d1 >= 1; d1-- {
			k := i + d1 + 1
			if k > len(s) || s[k-1] != '.' {
				continue
			}
			for d2 := digitRun(s, k, 2); d2 >= 1; d2-- {
				y := k + d2 + 1
				if y <= len(s) && s[y-1] == '.' && yearAt(s, y) {
					return dateSubmatch{i, y + 4, i, i + d1, k, k + d2, y, y + 4}, true
				}
			}
		}
	}
	return dateSubmatch{}, false
}

// dateFillers yields the start and end of each match of dateFiller in
// s, in order: what FindAllStringIndex and ReplaceAllString find.
func dateFillers(s string) iter.Seq2[int, int] {
	return func(yield func(int, int) bool) {
		if foldsToASCII(s) {
			for _, m := range dateFiller.FindAllStringIndex(s, -1) {
				if !yield(m[0], m[1]) {
					return
				}
			}
			return
		}
		for i := 0; i < len(s); {
			e := dateFillerAt(s, i)
			if e < 0 {
				i++
				continue
			}
			if !yield(i, e) {
				return
			}
			i = e
		}
	}
}

// dateFillerAt returns the end of the match of dateFiller that starts
// at s[i], or -1: a word of dateFillerWords (the first in their order
// that ends a word) and a dot, a time of day, or a separator.
func dateFillerAt(s string, i int) int {
	switch c := s[i]; {
	case isASCIILetter(c):
		if !wordStart(s, i) {
			return -1
		}
		for _, w := range dateFillerWords {
			if e := i + len(w); hasPrefixFoldAt(s, i, w) && isWordByte(w[len(w)-1]) != (e < len(s) && isWordByte(s[e])) {
				if e < len(s) && s[e] == '.' {
					e++
				}
				return e
			}
		}
	case isDigit(c):
		// \d{1,2}[:.]\d{2}(?::\d{2})?
		for d := digitRun(s, i, 2); d >= 1; d-- {
			k := i + d
			if k < len(s) && (s[k] == ':' || s[k] == '.') && digitRun(s, k+1, 2) == 2 {
				e := k + 3
				if e < len(s) && s[e] == ':' && digitRun(s, e+1, 2) == 2 {
					e += 3
				}
				return e
			}
		}
	case c == '|' || c == ',' || c == ':' || c == '-' || c == '/' || c == '(' || c == ')':
		return i + 1
	default:
		for _, sep := range [...]string{"•", "·", "–", "—"} {
			if strings.HasPrefix(s[i:], sep) {
				return i + len(sep)
			}
		}
	}
	return -1
}

// fieldsWithoutFiller returns the number of fields (as strings.Fields
// counts them) of s once each match of dateFiller is replaced by a
// space: dateFiller.ReplaceAllString(s, " ").
func fieldsWithoutFiller(s string) int {
	n, at := 0, 0
	for start, end := range dateFillers(s) {
		n += countFields(s[at:start])
		at = end
	}
	return n + countFields(s[at:])
}

// countFields is len(strings.Fields(s)).
func countFields(s string) int {
	n, inField := 0, false
	for i := 0; i < len(s); {
		c, size := rune(s[i]), 1
		var space bool
		if c < utf8.RuneSelf {
			space = asciiClass[c]&classSpace != 0
		} else {
			c, size = utf8.DecodeRuneInString(s[i:])
			space = isSpaceRune(c)
		}
		if !space && !inField {
			n++
		}
		inField = !space
		i += size
	}
	return n
}

// onlyFiller reports whether s holds a match of dateFiller and, but for
// spaces, nothing else: whether dateFiller matches s and
// strings.Trim(dateFiller.ReplaceAllString(s, ""), " ") is "".
func onlyFiller(s string) bool {
	matched, at := false, 0
	for start, end := range dateFillers(s) {
		if strings.Trim(s[at:start], " ") != "" {
			return false
		}
		matched, at = true, end
	}
	return matched && strings.Trim(s[at:], " ") == ""
}

// wordStart reports whether \b holds before s[i], a word byte: no word
// byte comes before it.
func wordStart(s string, i int) bool {
	return i == 0 || !isWordByte(s[i-1])
}

// wordEnd reports whether \b holds at s[e], after a word byte: no word
// byte comes next.
func wordEnd(s string, e int) bool {
	return e == len(s) || !isWordByte(s[e])
}

// digitRun returns how many ASCII digits follow from s[i] on, up to
// limit.
func digitRun(s string, i, limit int) int {
	n := 0
	for n < limit && i+n < len(s) && isDigit(s[i+n]) {
		n++
	}
	return n
}

// hasPrefixFoldAt reports whether s[i:] starts with w, a lower-case
// ASCII string, in any ASCII case. (Or-ing 0x20 lower-cases an ASCII
// letter and gives a lower-case letter from no other byte.)
func hasPrefixFoldAt(s string, i int, w string) bool {
	if len(s)-i < len(w) {
		return false
	}
	for k := 0; k < len(w); k++ {
		c := s[i+k]
		if isASCIILetter(w[k]) {
			c |= 0x20
		}
		if c != w[k] {
			return false
		}
	}
	return true
}
