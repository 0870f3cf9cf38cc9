package clean

import (
	"strings"
)

// Finding the headline of a text capture.

// clockRE matches a time of day.
var clockRE = lazyRegexp(`\b\d{1,2}:\d{2}\s*(?:am|pm|a\.m\.|p\.m\.)`)

// findTitle returns the index of the headline among the lines above the
// body (before index start), or -1.
func findTitle(ls []*tline, start int) int {
	if start < 0 {
		start = len(ls)
	}
	best, bestScore := -1, 0.0
	// The word sets of the lines compared, from lo on, once each.
	lo := max(0, start-50)
	sets := make([]*signedSet, min(len(ls), start+60)-lo)
	wordSetOf := func(k int) *signedSet {
		if sets[k-lo] == nil {
			sets[k-lo] = newSignedSet(ls[k].ws)
		}
		return sets[k-lo]
	}
	for i := max(0, start-40); i < start; i++ {
		l := ls[i]
		nw := len(l.ws)
		if nw < 3 || nw > 30 || l.repeat > 3 || (l.chrome != "" && l.chrome != ReasonNavigation && l.chrome != ReasonSidebar) {
			continue
		}
		if l.chrome == ReasonNavigation && maybeBreadcrumb(l.text) && breadcrumbRE.MatchString(l.text) {
			continue
		}
		score := float64(min(nw, 15))
		if strings.HasSuffix(l.text, ".") && !strings.HasSuffix(l.text, "...") {
			score -= 20 // a sentence
		}
		// A headline sits just above its byline, date or read time.
		for j := i + 1; j < len(ls) && j <= i+4; j++ {
			if c := ls[j].chrome; c == ReasonByline || c == ReasonDate || c == ReasonReadTime {
				score += 8
				break
			}
		}
		lower := l.lower
		if promptVocabulary(l.ws, l.vocab) > 0 {
			score -= 6
		}
		// Dates, times, handles, "by" and separators belong to bylines,
		// datelines and credits, not headlines.
		if _, ok := findDate(l.text); ok || strings.IndexByte(lower, ':') >= 0 && clockRE.MatchString(lower) {
			score -= 10
		}
		if strings.HasPrefix(lower, "by ") || strings.Contains(l.text, "@") {
			score -= 10
		}
		if strings.Contains(l.text, " / ") || strings.Contains(l.text, " | ") {
			score -= 4
		}
		if endsTruncated(l.text) {
			score -= 8
		}
		for j := max(0, i-10); j < len(ls) && j < i+60; j++ {
			o := ls[j]
			if j == i || len(o.ws) > 3*len(l.ws) {
				continue
			}
			if len(o.text) > len(l.text) && strings.HasSuffix(o.text, l.text) {
				score += 6 // a breadcrumb ends with it
			}
			if j > i && !endsSentence(o.text) && similarAtLeast(wordSetOf(j), wordSetOf(i), 0.75) {
				score += 6 // repeated below
			}
			if j < i && len(l.text) > len(o.text) && strings.HasSuffix(l.text, o.text) {
				score -= 10 // l is the breadcrumb
			}
		}
		// Nearness to the body: the headline sits just above it.
		dist := start - i
		score -= 0.5 * float64(min(dist, 20))
		if score > bestScore {
			best, bestScore = i, score
		}
	}
	return best
}
