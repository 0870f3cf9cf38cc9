package clean

import (
	"strings"
)

// Finding and narrowing the body region of a text capture.

// bodyRegion returns the indexes of the first and last line of the
// contiguous run of lines with the highest total score (Kadane's
// algorithm), or -1, -1 if no line has a positive score.
func bodyRegion(ls []*tline) (int, int) {
	best, bs, be := 0.0, -1, -1
	sum, s := 0.0, 0
	for i, l := range ls {
		if sum <= 0 {
			sum, s = 0, i
		}
		sum += l.score
		if sum > best {
			best, bs, be = sum, s, i
		}
	}
	return bs, be
}

// cutAtBio ends the body before an author biography in its second half
// and returns the new end.
func cutAtBio(a *Article, ls []*tline, start, end int) int {
	for i := start; i <= end && i < len(ls); i++ {
		if isBio(ls[i], a.Meta.Author) && 2*(i-start) >= end-start {
			return i - 1
		}
	}
	return end
}

// cutAtComments ends the body at the first comment-section line after
// some prose: readers' comments follow the article, never interrupt it.
func cutAtComments(ls []*tline, start, end int) int {
	prose := 0
	for i := start; i <= end && i < len(ls); i++ {
		if ls[i].chrome == ReasonCommentForm && prose >= 2 {
			return i - 1
		}
		if ls[i].score > 0 {
			prose++
		}
	}
	return end
}

// splitItems narrows the body region when it holds a list of stories,
// each with its own date or byline line: if at least three such lines
// follow some prose, the region is split before each of them and the
// piece with the most prose is kept.
func splitItems(ls []*tline, start, end int) (int, int) {
	var marks []int
	prose := 0
	for i := start; i <= end && i < len(ls); i++ {
		switch {
		case ls[i].chrome == ReasonDate || ls[i].chrome == ReasonByline:
			if prose >= 2 {
				// The item starts with its headline and author just
				// above the mark: step back over short lines.
				j := i
				for j-1 > start && ls[j-1].score <= 1 && (len(marks) == 0 || j-1 > marks[len(marks)-1]) {
					j--
				}
				marks = append(marks, j)
			}
		case ls[i].score > 0:
			prose++
		}
	}
	if len(marks) < 3 {
		return start, end
	}
	bounds := append([]int{start}, marks...)
	bounds = append(bounds, end+1)
	bestSum, bs, be := -1.0, start, end
	for k := 0; k+1 < len(bounds); k++ {
		sum := 0.0
		for i := bounds[k]; i < bounds[k+1]; i++ {
			sum += max(ls[i].score, 0)
		}
		if sum > bestSum {
			bestSum, bs, be = sum, bounds[k], bounds[k+1]-1
		}
	}
	return bs, be
}

// endMarkers are the reasons of lines that close an article: a related
// list, a comment form, a copyright line.
var endMarkers = map[string]bool{ReasonRelated: true, ReasonCommentForm: true, ReasonLegal: true}

// cutAtEndMarker ends the body at the first end marker after which the
// region holds less than a third as much prose as before it: what
// follows such a line is more likely other stories than the rest of the
// article.
func cutAtEndMarker(ls []*tline, start, end int) int {
	total := 0.0
	for i := start; i <= end; i++ {
		total += max(ls[i].score, 0)
	}
	before := 0.0
	for i := start; i <= end; i++ {
		if endMarkers[ls[i].chrome] && before > 0 && total-before < before/3 {
			return i - 1
		}
		before += max(ls[i].score, 0)
	}
	return end
}

// genericBioRE matches how a biography describes its subject.
var genericBioRE = lazyRegexp(`\b(?:is an?|is the|was an?) (?:[\w-]+ ){0,4}(?:writer|journalist|reporter|correspondent|editor|columnist|contributor|blogger|author|host|producer|analyst)\b|\bwrites (?:a|about|for)\b|\bfollow (?:him|her|them) on\b`)

// isGenericBio reports whether l, the last line of the body, is a
// biography of someone named near its start.
func isGenericBio(l *tline) bool {
	if len(l.ws) > 120 || !mayBeGenericBio(l.text) || !genericBioRE.MatchString(l.text) {
		return false
	}
	fs := strings.Fields(l.text)
	for i := 0; i+1 < len(fs) && i < 12; i++ {
		if isName(fs[i]) && isName(fs[i+1]) {
			return true
		}
	}
	return false
}

// isBio reports whether l is an author biography: it names the author
// (or starts with a name) and uses biography wording.
func isBio(l *tline, author string) bool {
	if author == "" || len(l.ws) < 8 {
		return false
	}
	var first string // the author's first name
	for first = range strings.FieldsSeq(author) {
		break
	}
	head := l.text[:min(len(l.text), len(author)+40)]
	if !strings.Contains(head, author) && !(strings.HasPrefix(l.text, first) && strings.HasPrefix(l.text[len(first):], " ")) {
		return false
	}
	return bioRE.MatchString(l.lower)
}

// skipDeck moves the start of the body past a byline, date or read-time
// line among its first lines: what comes before it is the headline's
// deck (summary), not the article.
func skipDeck(ls []*tline, start, end int) int {
	for i := start; i <= end && i < start+4; i++ {
		switch ls[i].chrome {
		case ReasonByline, ReasonDate, ReasonReadTime:
			if i+1 <= end {
				return i + 1
			}
		}
	}
	return start
}
