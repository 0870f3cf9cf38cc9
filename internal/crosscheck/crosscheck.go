// Package crosscheck compares sources with each other, beyond the quotes
// an editor cites.
//
// # Coverage guard
//
// [Guard.NearMisses] looks for a passage in a source that resembles a
// claim the source is not cited for, so that no cell of the claims table says "not
// reported" by oversight. A claim's signature is the set of its terms:
// content words (lower-cased, stop words dropped, a plural -s folded),
// numbers and names (capitalised words), taken from the claim's text and
// from every quote that cites it. Each sentence of the source is scored by
// the weight of the terms it shares with the best-matching quote or claim
// text, divided by that text's total weight; numbers weigh 3, names 2 and
// other words 1. A sentence is a near miss when it shares at least
// [MinShared] terms, one of them a number or a name, and scores at least
// [Threshold].
//
// # Figures
//
// [Figures] extracts every figure of an article (percentages, money,
// counts, multiples such as "three times", years) with its sentence and
// the content words around it. [Group] puts the figures of several sources
// into groups that measure the same thing — figures whose contexts share
// content words — so that a table can show where sources agree and where
// they differ.
package crosscheck

import (
	"iter"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Sentences splits text into sentences at ., ! or ? followed by a space
// and an upper-case letter, digit or quotation mark, keeping byte offsets.
func Sentences(text string) []Span {
	return appendSentences(nil, text)
}

// appendSentences appends the sentences of text to out.
//
// The marks that can end a sentence are ASCII, and a byte of a
// multi-byte rune never is, so they are found byte by byte, with
// strings.IndexByte, rather than rune by rune ([sentenceMarks]).
func appendSentences(out []Span, text string) []Span {
	start := 0
	marks := sentenceMarks{text: text, at: [3]int{-1, -1, -1}}
	for i := 0; ; {
		m := marks.next(i)
		if m < 0 {
			break
		}
		r := text[m]
		i = m + 1
		if r == '.' && glued(text, i) {
			// "said.Russia’s": a sentence end whose space was lost.
			out = append(out, Span{start, i})
			start = i
			continue
		}
		// Skip closing quotes and brackets after the mark.
		j := i
		for j < len(text) {
			c, m := utf8.DecodeRuneInString(text[j:])
			if !strings.ContainsRune(`"'”’)]`, c) {
				break
			}
			j += m
		}
		if j >= len(text) {
			break
		}
		if text[j] != ' ' {
			continue
		}
		k := j + 1
		if k < len(text) {
			d, _ := utf8.DecodeRuneInString(text[k:])
			if !(unicode.IsUpper(d) || unicode.IsDigit(d) || strings.ContainsRune(`"“‘'`, d)) {
				continue
			}
		}
		if abbreviation(text[start:i]) {
			continue
		}
		out = append(out, Span{start, j})
		start = k
		i = k
	}
	if s := strings.TrimSpace(text[start:]); s != "" {
		out = append(out, Span{start, len(text)})
	}
	return out
}

// sentenceMarks finds the full stops, exclamation and question marks of
// a text in order, keeping where the next of each is, so that each
// stretch of text is searched once for each mark.
type sentenceMarks struct {
	text string
	at   [3]int // the next '.', '!' and '?' found, len(text) when none is left, or -1 before the first search
}

// next returns the index of the first mark at or after i, or -1.
func (m *sentenceMarks) next(i int) int {
	first := len(m.text)
	for k, c := range [3]byte{'.', '!', '?'} {
		if m.at[k] < i {
			if j := strings.IndexByte(m.text[i:], c); j >= 0 {
				m.at[k] = i + j
			} else {
				m.at[k] = len(m.text)
			}
		}
		first = min(first, m.at[k])
	}
	if first == len(m.text) {
		return -1
	}
	return first
}

// glued reports whether the full stop just before i ends a lower-case
// word of three letters or more and is followed at once by a capitalised
// word: two sentences run together by a lost space.
func glued(text string, i int) bool {
	if i+2 > len(text) || i < 4 {
		return false
	}
	next, n := utf8.DecodeRuneInString(text[i:])
	after, _ := utf8.DecodeRuneInString(text[i+n:])
	if !unicode.IsUpper(next) || !unicode.IsLower(after) {
		return false
	}
	for k := 1; k <= 3; k++ {
		r, _ := utf8.DecodeLastRuneInString(text[:i-1-(k-1)])
		if !unicode.IsLower(r) {
			return false
		}
	}
	return true
}

// abbreviation reports whether s ends with a common abbreviation whose
// full stop does not end a sentence ("U.S.", "Gen.", "Mr.").
func abbreviation(s string) bool {
	i := strings.LastIndexByte(strings.TrimRight(s, "."), ' ')
	word := s[i+1:]
	base := strings.TrimRight(word, ".")
	// The abbreviations are of four letters at most: a longer ASCII word
	// is none of them, and a shorter one is lower-cased in a small array
	// rather than by strings.ToLower, which would allocate. Other words
	// go through strings.ToLower, whose Unicode case mapping can make
	// ASCII of them (the Kelvin sign is k).
	if !isASCII(base) {
		return knownAbbreviation(strings.ToLower(base)) || strings.Count(word, ".") >= 2
	}
	if len(base) <= 4 {
		var buf [4]byte
		for k := range len(base) {
			buf[k] = lowerBytes[base[k]]
		}
		if knownAbbreviation(string(buf[:len(base)])) {
			return true
		}
	}
	// Initials and dotted abbreviations: U.S., U.K., e.g.
	return strings.Count(word, ".") >= 2
}

// knownAbbreviation reports whether the lower-case word w is one of
// the abbreviations that abbreviation knows.
func knownAbbreviation(w string) bool {
	switch w {
	case "mr", "mrs", "ms", "dr", "gen", "lt", "col", "sgt", "st", "sen", "rep", "gov", "prof", "jr", "sr", "no", "vs", "etc", "inc", "co", "corp", "ltd":
		return true
	}
	return false
}

// lowerBytes lower-cases a byte: an ASCII capital becomes its small
// letter, any other byte stays.
var lowerBytes = func() (t [256]byte) {
	for c := range t {
		t[c] = byte(c)
		if 'A' <= c && c <= 'Z' {
			t[c] += 'a' - 'A'
		}
	}
	return t
}()

// A Span is a byte range [Start, End) of a text.
type Span struct{ Start, End int }

// stopWords is a small English stop-word list; terms are compared
// lower-case.
const stopWords = `a an the and or but nor of in on at to for from by with without into onto over under about
	as than then that this these those there here it its it's is are was were be been being am has have had having do does did
	not no so such very can could will would shall should may might must also just only even still yet more most less least
	he she they them their his her him we us our you your i me my who whom whose which what when where why how all any each
	both some many much other another same own if because while since until after before during up down out off again further
	said says say told according one two official officials million billion thousand per cent percent worth`

// stopTable holds the stop words by stopHash, each in the first free
// slot from its hash on; a word is a stop word when it is in a slot
// from its hash on, before the first empty one. It takes the place of
// a map, whose hash of the whole word and probe cost more than this
// one's of three bytes: every word of every sentence is looked up.
var stopTable = func() (t [stopSlots]string) {
	for _, w := range strings.Fields(stopWords) {
		h := stopHash(w)
		for t[h] != "" {
			h = (h + 1) % stopSlots
		}
		t[h] = w
	}
	return t
}()

// stopSlots is the size of stopTable, a power of two.
const stopSlots = 512

// stopHash is the slot of stopTable that the search for the non-empty
// word w starts at: a hash of its length and its first, middle and last
// bytes.
func stopHash[S ~string | ~[]byte](w S) uint {
	n := len(w)
	k := uint32(n)<<24 | uint32(w[0])<<16 | uint32(w[n/2])<<8 | uint32(w[n-1])
	return uint(k*0x9e3779b1>>23) % stopSlots
}

// isStop reports whether w is a stop word.
func isStop[S ~string | ~[]byte](w S) bool { return mayBeStop(w) && inStopTable(w) }

// mayBeStop reports whether w has the length and the first byte of a
// stop word (stopStarts), and so may be one. It calls nothing, and
// inlines where isStop is in a hot loop, which then calls inStopTable
// only for the words it lets through.
func mayBeStop[S ~string | ~[]byte](w S) bool {
	n := len(w)
	return n > 0 && n <= maxStopLen && stopStarts[n]>>(w[0]&63)&1 != 0
}

// maxStopLen is the length of the longest stop words: according,
// officials.
const maxStopLen = 9

// stopStarts holds, by length, the set of the stop words' first bytes,
// as bit c&63 for byte c.
var stopStarts = func() (t [maxStopLen + 1]uint64) {
	for _, w := range strings.Fields(stopWords) {
		t[len(w)] |= 1 << (w[0] & 63)
	}
	return t
}()

// inStopTable reports whether w, which is not empty, is in stopTable.
func inStopTable[S ~string | ~[]byte](w S) bool {
	for h := stopHash(w); stopTable[h] != ""; h = (h + 1) % stopSlots {
		if stopTable[h] == string(w) {
			return true
		}
	}
	return false
}

// A term is one comparable word of a text.
type term struct {
	key    string
	weight float64
}

// eachTerm calls f with every term of s, in order, repeats included,
// without allocating a map.
func eachTerm(s string, f func(term)) {
	eachWord(s, func(w string, first bool) {
		if t := classify(w, first); t.key != "" {
			f(t)
		}
	})
}

// eachTermKey calls f with the key and the weight of every term of s,
// in order, repeats included, as appendTermKey gives them for the words
// eachWord finds; the key is in buf's memory, and valid during the call
// only. It returns buf, grown, for the next call.
//
// An ASCII word, which most are, is cut and lower-cased in tight loops,
// and classed by appendTermKey's rules, which are simple on ASCII. Any
// other word is cut as eachWord cuts it and given to appendTermKey.
func eachTermKey(s string, buf []byte, f func(key []byte, weight float64)) []byte {
	i := 0 // index of the word, as eachWord numbers them
	for pos := 0; pos < len(s); {
		for pos < len(s) && byteClasses[s[pos]] == separatorByte {
			pos++
		}
		if pos == len(s) {
			break
		}
		if byteClasses[s[pos]] == multiByte {
			if n := inWordRune(s[pos:]); n < 0 {
				pos -= n
				continue
			}
		}
		start := pos
		ascii, percent := true, false
		for {
			for pos < len(s) && byteClasses[s[pos]] == wordByte {
				pos++
			}
			if pos == len(s) {
				break
			}
			c := byteClasses[s[pos]]
			if c == percentByte {
				percent = true
				pos++
				continue
			}
			if c != multiByte {
				break
			}
			n := inWordRune(s[pos:])
			if n < 0 {
				break
			}
			ascii = false
			pos += n
		}
		first := i == 0
		i++
		w := trimWord(s[start:pos])
		if w == "" {
			continue
		}
		var weight float64
		if !ascii {
			if buf, weight = appendTermKey(buf[:0], w, first); weight != 0 {
				f(buf, weight)
			}
			continue
		}
		buf = slices.Grow(buf[:0], len(w))
		key := buf[:len(w)]
		w = w[:len(key)] // as long as key, which spares the loop bounds checks
		for k, c := range []byte(w) {
			key[k] = lowerBytes[c]
		}
		// The per cent sign, a word byte but not an edge one, is in w
		// when it is in the word.
		if c := w[0]; '0' <= c && c <= '9' || c == '$' || percent {
			if buf, weight = appendNumberKey(buf[:0], w); weight != 0 {
				f(buf, weight)
			}
			continue
		}
		if len(key) < 3 || mayBeStop(key) && inStopTable(key) { // isStop, inlined
			continue
		}
		key = key[:stemmed(key)]
		if c := w[0]; 'A' <= c && c <= 'Z' && !first {
			f(key, 2)
		} else {
			f(key, 1)
		}
	}
	return buf
}

// eachWord calls f with every word of s that may be a term, trimmed, in
// order, and whether it is the first word of s (counting the words that
// trim to nothing).
//
// A word is a run of letters and digits, and of the ASCII bytes
// %$.,- ([byteClasses]), trimmed of .,- at either end.
func eachWord(s string, f func(w string, first bool)) {
	i := 0 // index of the word, as strings.FieldsFunc would number it
	for pos := 0; pos < len(s); {
		// ASCII is classed by byteClasses in loops that call nothing; a
		// multi-byte rune is decoded by inWordRune.
		for pos < len(s) && byteClasses[s[pos]] == separatorByte {
			pos++
		}
		if pos == len(s) {
			break
		}
		if byteClasses[s[pos]] == multiByte {
			if n := inWordRune(s[pos:]); n < 0 {
				pos -= n
				continue
			}
		}
		start := pos
		for pos < len(s) {
			if c := byteClasses[s[pos]]; c == wordByte || c == percentByte {
				pos++
				continue
			} else if c == separatorByte {
				break
			}
			n := inWordRune(s[pos:])
			if n < 0 {
				break
			}
			pos += n
		}
		w := trimWord(s[start:pos])
		first := i == 0
		i++
		if w != "" {
			f(w, first)
		}
	}
}

// inWordRune returns the width of the rune s starts with, negated when
// it is no part of a word: neither a letter nor a digit.
func inWordRune(s string) int {
	r, n := utf8.DecodeRuneInString(s)
	if unicode.IsLetter(r) || unicode.IsDigit(r) {
		return n
	}
	return -n
}

// A byteClass is what a byte tells of the rune it is part of.
type byteClass uint8

const (
	separatorByte byteClass = iota // an ASCII byte that is no part of a word
	wordByte                       // an ASCII letter or digit, or one of $.,-: part of a word
	percentByte                    // %, part of a word, which makes a number of it (eachTermKey)
	multiByte                      // a byte of a multi-byte rune, or a broken one: decoding tells
)

// byteClasses holds the class of every byte.
var byteClasses = func() (t [256]byteClass) {
	for c := range t {
		switch {
		case c >= utf8.RuneSelf:
			t[c] = multiByte
		case c == '%':
			t[c] = percentByte
		case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte("$.,-", byte(c)) >= 0:
			t[c] = wordByte
		}
	}
	return t
}()

// trimWord returns w without the full stops, commas and hyphens at
// either end: strings.Trim(w, ".,-").
func trimWord(w string) string {
	// ',', '-' and '.' are the bytes 44, 45 and 46.
	i, j := 0, len(w)
	for i < j && w[i]-',' <= 2 {
		i++
	}
	for j > i && w[j-1]-',' <= 2 {
		j--
	}
	return w[i:j]
}

// numberLike reports whether classify takes the word w for a number.
func numberLike(w string) bool {
	if w != "" && w[0] < utf8.RuneSelf {
		c := w[0]
		return '0' <= c && c <= '9' || c == '$' || strings.IndexByte(w, '%') >= 0
	}
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsDigit(r) || r == '$' || strings.ContainsRune(w, '%')
}

// hasDigit reports whether w holds a digit: whether numberKey gives a
// key for it.
func hasDigit(w string) bool {
	return strings.ContainsFunc(w, unicode.IsDigit)
}

func classify(w string, first bool) term {
	r, _ := utf8.DecodeRuneInString(w)
	switch {
	case unicode.IsDigit(r) || r == '$':
		return term{numberKey(w), 3}
	case strings.ContainsRune(w, '%'):
		return term{numberKey(w), 3}
	}
	key := contentKey(strings.ToLower(w))
	if key == "" {
		return term{}
	}
	if unicode.IsUpper(r) && !first {
		return term{key, 2}
	}
	return term{key, 1}
}

// contentKey returns the key of lower, a lower-case word that is no
// number: its stem, or "" when it is a stop word or of less than three
// runes.
func contentKey(lower string) string {
	if len(lower) < 3 || isStop(lower) || utf8.RuneCountInString(lower) < 3 {
		return ""
	}
	return lower[:stemmed(lower)]
}

// appendTermKey appends to dst the key classify gives the word w, and
// returns its weight, without building strings: 0, and dst as it was,
// when w is no term. The lower-casing is strings.ToLower's, rune by
// rune, a broken byte becoming U+FFFD.
func appendTermKey(dst []byte, w string, first bool) ([]byte, float64) {
	start := len(dst)
	r, _ := utf8.DecodeRuneInString(w)
	if unicode.IsDigit(r) || r == '$' || strings.IndexByte(w, '%') >= 0 {
		return appendNumberKey(dst, w)
	}
	for i := 0; i < len(w); {
		if c := w[i]; c < utf8.RuneSelf {
			dst = append(dst, lowerBytes[c])
			i++
			continue
		}
		d, n := utf8.DecodeRuneInString(w[i:])
		dst = utf8.AppendRune(dst, unicode.ToLower(d))
		i += n
	}
	lower := dst[start:]
	if isStop(lower) || utf8.RuneCount(lower) < 3 {
		return dst[:start], 0
	}
	dst = dst[:start+stemmed(lower)]
	if unicode.IsUpper(r) && !first {
		return dst, 2
	}
	return dst, 1
}

// appendNumberKey appends to dst the key of the number w, # and its
// digits, and returns its weight, 3: or 0, and dst as it was, when w
// has no digit.
func appendNumberKey(dst []byte, w string) ([]byte, float64) {
	start := len(dst)
	dst = append(dst, '#')
	for i := 0; i < len(w); {
		if c := w[i]; c < utf8.RuneSelf {
			if '0' <= c && c <= '9' {
				dst = append(dst, c)
			}
			i++
			continue
		}
		d, n := utf8.DecodeRuneInString(w[i:])
		if unicode.IsDigit(d) {
			dst = utf8.AppendRune(dst, d)
		}
		i += n
	}
	if len(dst) == start+1 {
		return dst[:start], 0
	}
	return dst, 3
}

// numberKey normalises a number: "90%", "90 per cent" (the caller sees
// "90"), "$900" and "900" all compare on their digits.
func numberKey(w string) string {
	var b strings.Builder
	for _, r := range w {
		if unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	if b.Len() == 0 {
		return ""
	}
	return "#" + b.String()
}

// stemmed returns the length of the lower-case word w once a few
// English endings are folded, so that "imports" meets "imported": the
// first of -ing, -ed, -es and -s that w ends with and that leaves four
// bytes or more goes.
func stemmed[S ~string | ~[]byte](w S) int {
	n := len(w)
	switch {
	case n >= 7 && w[n-3] == 'i' && w[n-2] == 'n' && w[n-1] == 'g':
		return n - 3
	case n >= 6 && w[n-2] == 'e' && (w[n-1] == 'd' || w[n-1] == 's'):
		return n - 2
	case n >= 5 && w[n-1] == 's':
		return n - 1
	}
	return n
}

// A word list is words each followed by a space, as a figure's context
// and a source's term keys are kept: no word holds a space (eachWord cuts
// words at it).

// listWords yields the words of the word list s, in order.
func listWords(s string) iter.Seq[string] {
	return func(yield func(string) bool) {
		for s != "" {
			i := strings.IndexByte(s, ' ')
			if !yield(s[:i]) {
				return
			}
			s = s[i+1:]
		}
	}
}

// isWordList reports whether s is a word list.
func isWordList(s string) bool {
	return s == "" || s[0] != ' ' && s[len(s)-1] == ' ' && !strings.Contains(s, "  ")
}
