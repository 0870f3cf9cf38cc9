package suggest

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/gen-dossier/gen/internal/crosscheck"
)

// A span is a byte range [start, end) of one paragraph.
type span struct{ start, end int }

// minClauseWords is the fewest words a clause keeps on its own; a shorter
// piece stays joined to its neighbour.
const minClauseWords = 6

// clauses splits a paragraph into sentences and long sentences into
// clauses, returning byte ranges of p. A sentence is split after "; ",
// around a spaced dash, and at ", " before a conjunction or relative word
// ("and", "but", "while", "which" …) or a present participle ("helping",
// "adding"): the points where news sentences join two statements.
func clauses(p string) []span {
	var out []span
	for _, s := range crosscheck.Sentences(p) {
		start := s.Start
		cuts := splitPoints(p, s.Start, s.End)
		var pieces []span
		for _, c := range cuts {
			pieces = append(pieces, span{start, c.start})
			start = c.end
		}
		pieces = append(pieces, span{start, s.End})
		// Join pieces too short to stand alone to the one before
		// (or, for the first, to the one after).
		var merged []span
		for _, pc := range pieces {
			if len(merged) > 0 && countWords(p[pc.start:pc.end]) < minClauseWords {
				merged[len(merged)-1].end = pc.end
				continue
			}
			if len(merged) == 1 && countWords(p[merged[0].start:merged[0].end]) < minClauseWords {
				merged[0].end = pc.end
				continue
			}
			merged = append(merged, pc)
		}
		out = append(out, merged...)
	}
	return out
}

// joiners are the words after ", " that start a new clause.
var joiners = map[string]bool{
	"and": true, "but": true, "while": true, "whereas": true, "though": true, "although": true,
	"which": true, "who": true, "as": true, "so": true, "yet": true, "after": true, "before": true,
	"because": true, "since": true, "following": true, "with": true,
}

// splitPoints returns the separators inside p[start:end] where a clause
// ends: each as the range to drop between two clauses.
func splitPoints(p string, start, end int) []span {
	var out []span
	last := start
	for i := start; i < end; {
		r, n := utf8.DecodeRuneInString(p[i:])
		cut := span{-1, -1}
		switch {
		case r == ';' && i+n < end && p[i+n] == ' ':
			cut = span{i, i + n + 1}
		case (r == '–' || r == '—' || r == '-') && i > start && p[i-1] == ' ' && i+n < end && p[i+n] == ' ':
			cut = span{i - 1, i + n + 1}
		case r == ' ' && strings.HasPrefix(p[i:end], " and ") && i > start:
			// " and that …", " and helping …", " and “…": a second
			// statement.
			rest := p[i+5 : end]
			if w := firstWord(rest); w == "that" || participle(w) || strings.HasPrefix(rest, "“") || strings.HasPrefix(rest, "\"") {
				cut = span{i, i + 5}
			}
		case r == ',' && i+n < end && p[i+n] == ' ':
			w := firstWord(p[i+n+1 : end])
			if joiners[w] && (w != "and" && w != "or" || countWords(upTo(p[i+n+1:end], ",;")) >= 5) || participle(w) {
				cut = span{i, i + n + 1}
			}
		}
		if cut.start >= last && cut.end <= end {
			out = append(out, cut)
			last = cut.end
			i = cut.end
			continue
		}
		i += n
	}
	return out
}

// participle reports whether w looks like a present participle that
// starts a clause ("helping", "adding"), not a preposition ("including").
func participle(w string) bool {
	switch w {
	case "including", "according", "during", "bring", "nothing", "something", "thing", "morning", "evening", "spring", "king", "regarding", "concerning":
		return false
	}
	return len(w) > 4 && strings.HasSuffix(w, "ing")
}

// upTo returns s up to the first of the characters in stop.
func upTo(s, stop string) string {
	if i := strings.IndexAny(s, stop); i >= 0 {
		return s[:i]
	}
	return s
}

// firstWord is the lower-case first word of s, letters only.
func firstWord(s string) string {
	i := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) })
	if i < 0 {
		i = len(s)
	}
	return strings.ToLower(s[:i])
}

func countWords(s string) int { return len(strings.Fields(s)) }

// attribution words mark a passage that only says who said something.
var attribution = map[string]bool{
	"said": true, "says": true, "say": true, "told": true, "reported": true, "reports": true,
	"citing": true, "according": true, "noted": true, "added": true, "adding": true, "stated": true,
	"stressed": true, "claimed": true, "announced": true, "confirmed": true,
}

// speakers are the generic subjects whose attribution can go: the quote
// keeps a named speaker ("The Chinese Embassy … says") but drops "U.S.
// officials said".
var speakers = map[string]bool{
	"official": true, "officials": true, "he": true, "she": true, "they": true, "it": true,
	"administration": true, "sources": true, "source": true, "report": true,
}

// trim narrows a clause to its statement: it drops a leading conjunction,
// a leading generic attribution ("U.S. officials also said that",
// "According to one official,"), trailing attributions (", the official
// said", "– he said", ", CNN reported, citing …") and the punctuation and
// quotation marks around what is left. The result is still a range of p.
func trim(p string, s span) span {
	s = strip(p, s)
	for changed := true; changed; {
		changed = false
		// Trailing attribution: the part after the last separator.
		if cut, ok := trailingAttribution(p, s); ok {
			s = strip(p, span{s.start, cut})
			changed = true
		}
	}
	if cut, ok := leadingAttribution(p, s); ok {
		s = strip(p, span{cut, s.end})
	}
	// A leading conjunction, "that" or "adding that".
	for {
		text := p[s.start:s.end]
		w := firstWord(text)
		if countWords(text) <= minClauseWords {
			break
		}
		if w == "and" || w == "but" || w == "while" || w == "that" || w == "so" || w == "yet" {
			s = strip(p, span{s.start + len(w), s.end})
			continue
		}
		if (w == "adding" || w == "saying" || w == "noting") && firstWord(strings.TrimLeft(text[len(w):], " ")) == "that" {
			s = strip(p, span{s.start + len(w) + 1 + len("that"), s.end})
			continue
		}
		break
	}
	// A dangling end: "… and, in particular", "… such as".
	for changed := true; changed; {
		changed = false
		text := p[s.start:s.end]
		for _, d := range danglers {
			if len(text) > len(d) && strings.EqualFold(text[len(text)-len(d):], d) && countWords(text) > minClauseWords {
				s = strip(p, span{s.start, s.end - len(d)})
				changed = true
				break
			}
		}
	}
	return s
}

// danglers are endings left by a split inside a sentence.
var danglers = []string{" in particular", " and", " or", " but", " including", " such as", " as well as", " with"}

// strip narrows s past white space, punctuation and quotation marks at
// either end; a closing bracket is kept when its opening one is inside.
func strip(p string, s span) span {
	for s.start < s.end {
		r, n := utf8.DecodeRuneInString(p[s.start:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '$' || r == '€' || r == '£' || r == '(' {
			break
		}
		s.start += n
	}
	for s.end > s.start {
		r, n := utf8.DecodeLastRuneInString(p[s.start:s.end])
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '%' ||
			(r == ')' && strings.Contains(p[s.start:s.end], "(")) {
			break
		}
		s.end -= n
	}
	return s
}

// trailingAttribution finds the last ", " or spaced dash in s; when the
// words after it are few and include an attribution word, it returns
// where to cut.
func trailingAttribution(p string, s span) (int, bool) {
	text := p[s.start:s.end]
	best := -1
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if r == ',' || ((r == '–' || r == '—' || r == '-') && i > 0 && text[i-1] == ' ') {
			best = i
		}
		i += n
	}
	if best <= 0 {
		return 0, false
	}
	tail := strings.Fields(text[best:])
	if len(tail) == 0 || len(tail) > 10 {
		return 0, false
	}
	for _, w := range tail {
		if attribution[firstWord(strings.TrimLeft(w, ",–—-\"“”'’"))] {
			return s.start + best, true
		}
	}
	return 0, false
}

// leadingAttribution finds "… said (that)" or "According to …," at the
// start of s when the speaker is generic and at least minClauseWords
// words follow, and returns where the statement starts.
func leadingAttribution(p string, s span) (int, bool) {
	text := p[s.start:s.end]
	words := strings.Fields(text)
	if len(words) > 1 && strings.EqualFold(words[0], "according") && strings.EqualFold(words[1], "to") {
		if i := strings.Index(text, ", "); i > 0 && countWords(text[:i]) <= 8 && countWords(text[i:]) >= minClauseWords {
			return s.start + i + 2, true
		}
		return 0, false
	}
	off := 0
	generic := false
	for k, w := range words {
		if k >= 14 {
			break
		}
		i := strings.Index(text[off:], w) + off
		off = i + len(w)
		lw := strings.ToLower(strings.Trim(w, ",.“”\"'’"))
		if speakers[lw] {
			generic = true
		}
		if !attribution[lw] || lw == "according" || lw == "citing" || lw == "adding" {
			continue
		}
		if strings.HasSuffix(w, ",") || strings.HasSuffix(w, ".") {
			return 0, false
		}
		rest := off
		if k+1 < len(words) && strings.EqualFold(words[k+1], "that") {
			rest = strings.Index(text[off:], words[k+1]) + off + len(words[k+1])
		}
		if generic && countWords(text[rest:]) >= minClauseWords {
			return s.start + rest, true
		}
		return 0, false
	}
	return 0, false
}
