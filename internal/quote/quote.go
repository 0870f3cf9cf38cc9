// Package quote implements the quote rule of a dossier: a quote is text that
// its source really contains.
//
// # The rule
//
// A quote matches a text when the normalized quote occurs in the normalized
// text, where normalizing (see [Normalize]) ignores exactly three kinds of
// difference and nothing else:
//
//   - white space: any run of Unicode white space (spaces, tabs, newlines,
//     no-break spaces, …) is one space, and leading and trailing white space
//     is dropped. Whether there is white space still matters: "a b" does not
//     match "ab".
//   - quotation marks and apostrophes: " “ ” „ ‟ « » ″ are all ", and
//     ' ‘ ’ ‚ ‛ ′ ` are all '.
//   - dashes: - ‐ ‑ ‒ – — ― − are all -.
//
// Case, accents, every other punctuation mark (a missing comma, an ellipsis
// "…" against three dots "...") and every other character matter. Matching is
// on substrings of the normalized forms; it does not require the quote to
// start or end at a word boundary.
//
// # Results
//
// [Find] and [FindIn] report where a quote occurs as byte offsets into the
// original, unnormalized text, so a caller can show or mark the exact bytes.
// When a quote does not occur, [Closest] finds the passage most similar to it
// for the error hint.
package quote

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Normalize returns the matching form of s: runs of white space become one
// space and are trimmed at both ends, quotation marks become ", apostrophes
// become ' and dashes become -. Nothing else changes, except that bytes that
// are not valid UTF-8 become U+FFFD, so the result is always valid UTF-8.
// Normalize is idempotent.
func Normalize(s string) string {
	if normalForm(s) {
		return s // most text: no need to copy it
	}
	return normalize(s, false).s
}

// normalForm reports whether s is already its matching form: ASCII
// without a backquote (which folds to an apostrophe), its words
// separated by single spaces, with none at either end.
func normalForm(s string) bool {
	prev := byte(' ') // so that a leading space fails
	for i := 0; i < len(s); i++ {
		c := s[i]
		if notNormal[c] || c == ' ' && prev == ' ' {
			return false
		}
		prev = c
	}
	return prev != ' '
}

// notNormal holds the bytes that are never in a matching form as they
// are: those of multi-byte runes, the backquote and white space other
// than the space. A table, as normalForm reads every byte of a source's
// paragraphs.
var notNormal = func() (t [256]bool) {
	for c := utf8.RuneSelf; c < 256; c++ {
		t[c] = true
	}
	for _, c := range "`\t\n\v\f\r" {
		t[c] = true
	}
	return t
}()

// fold maps the quotation mark, apostrophe and dash variants of the rule to
// their ASCII form, and returns any other rune unchanged.
func fold(r rune) rune {
	switch r {
	case '"', '“', '”', '„', '‟', '«', '»', '″':
		return '"'
	case '\'', '‘', '’', '‚', '‛', '′', '`':
		return '\''
	case '-', '‐', '‑', '‒', '–', '—', '―', '−':
		return '-'
	}
	return r
}

// A normalized text is the matching form of an original text, with the
// original span of every byte when it was asked for.
type normalized struct {
	s     string
	start []int // per byte of s: offset in the original of the rune it came from
	end   []int // per byte of s: end offset in the original of that rune (or white space run)
}

// normalize computes the matching form of s; with offsets set it also records
// the original span of every byte of the result.
func normalize(s string, offsets bool) normalized {
	var n normalized
	var b strings.Builder
	b.Grow(len(s))
	if offsets {
		n.start = make([]int, 0, len(s))
		n.end = make([]int, 0, len(s))
	}
	emit := func(r rune, start, end int) {
		w, _ := b.WriteRune(r)
		if offsets {
			for range w {
				n.start = append(n.start, start)
				n.end = append(n.end, end)
			}
		}
	}
	space := -1 // start of the pending white space run, or -1
	spaceEnd := 0
	for i := 0; i < len(s); {
		r, w := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			if space < 0 {
				space = i
			}
			spaceEnd = i + w
			i += w
			continue
		}
		if space >= 0 {
			if b.Len() > 0 {
				emit(' ', space, spaceEnd)
			}
			space = -1
		}
		emit(fold(r), i, i+w)
		i += w
	}
	n.s = b.String()
	return n
}

// A Match is where a quote was found in a text. Start and End are byte
// offsets into the original text: text[Start:End] is the matching passage,
// from the first byte of its first character to the last byte of its last,
// without surrounding white space. Count is the number of non-overlapping
// occurrences of the quote in the text.
type Match struct {
	Start, End int
	Count      int
}

// Find reports the first occurrence of quote in text under the rule of the
// package. A quote that is empty once normalized is never found.
func Find(text, quote string) (Match, bool) {
	q := Normalize(quote)
	if q == "" {
		return Match{}, false
	}
	return findText(text, q)
}

// findText looks for the normalized quote q, not empty, in text.
func findText(text, q string) (Match, bool) {
	if normalForm(text) {
		// Its own matching form, one byte for one: no offsets to map.
		i := strings.Index(text, q)
		if i < 0 {
			return Match{}, false
		}
		return Match{Start: i, End: i + len(q), Count: strings.Count(text, q)}, true
	}
	return find(normalize(text, true), q)
}

// find looks for the normalized quote q, not empty, in t.
func find(t normalized, q string) (Match, bool) {
	i := strings.Index(t.s, q)
	if i < 0 {
		return Match{}, false
	}
	return Match{
		Start: t.start[i],
		End:   t.end[i+len(q)-1],
		Count: strings.Count(t.s, q),
	}, true
}

// FindIn finds quote in an article made of paragraphs. It returns the index
// of the first paragraph that contains the quote, the match in that paragraph
// (offsets into paras[para], Count in that paragraph), and the total number
// of occurrences in all paragraphs. A quote is never matched across two
// paragraphs. When no paragraph contains the quote, para is -1 and ok false.
func FindIn(paras []string, quote string) (para int, m Match, total int, ok bool) {
	para = -1
	q := Normalize(quote)
	if q == "" {
		return para, m, 0, false
	}
	for i, p := range paras {
		if ok {
			total += strings.Count(Normalize(p), q)
			continue
		}
		if pm, found := findText(p, q); found {
			para, m, total, ok = i, pm, pm.Count, true
		}
	}
	return para, m, total, ok
}
