package quote

import "unicode"

// A Near is the passage of a text closest to a quote that the text does not
// contain, for the hint of a "quote not found" error. Start and End are byte
// offsets into the original text, Passage is text[Start:End], and Similarity
// is in [0, 1]: 1 for a passage that matches the quote, near 0 when there is
// nothing alike, and 0 with an empty passage when the text or the quote is
// empty. A near miss in a long quote can come close to 1 (one typo in 250
// characters is 99.6%), so a hint should not round it up to 100%.
type Near struct {
	Start, End int
	Passage    string
	Similarity float64
}

// Costs of the edit distance, in half units so that a difference of case
// alone counts half a typo.
const (
	costCase  = 1 // substitute a letter by itself in another case
	costEdit  = 2 // substitute, insert or delete a character
	snapLimit = 32
)

// Closest returns the passage of text most similar to quote.
//
// Both are normalized first, so the rule's tolerances cost nothing. The
// passage is the substring of the text with the least edit distance to the
// quote (an approximate substring search over characters, where a change of
// case costs half an edit), widened to whole words. Its Similarity is one
// minus the edit distance between passage and quote divided by the length of
// the longer of the two, in characters. A typo in a 40-character quote thus
// gives about 97%, a word changed somewhat less, and a passage that only
// shares a few words a low figure.
//
// The search takes time proportional to len(text)·len(quote): a few
// milliseconds for a 10 KB article and a 200-character quote. Closest is
// meant for the error path, after [Find] failed; when the quote does occur,
// it returns its first occurrence with Similarity 1.
func Closest(text, quote string) Near {
	qs := Normalize(quote)
	if qs == "" {
		return Near{}
	}
	t := normalize(text, true)
	if m, ok := find(t, qs); ok {
		return Near{Start: m.Start, End: m.End, Passage: text[m.Start:m.End], Similarity: 1}
	}
	tr, at := runesOf(t.s)
	q := []rune(qs)
	s, e := align(tr, q)
	s, e = snap(tr, s, e)
	if s >= e {
		return Near{}
	}
	start, end := t.start[at[s]], t.end[at[e-1]]
	return Near{
		Start:      start,
		End:        end,
		Passage:    text[start:end],
		Similarity: similarity(tr[s:e], q),
	}
}

// runesOf returns the runes of s and the byte offset of each in s.
func runesOf(s string) (rs []rune, at []int) {
	rs = make([]rune, 0, len(s))
	at = make([]int, 0, len(s))
	for i, r := range s {
		rs = append(rs, r)
		at = append(at, i)
	}
	return rs, at
}

// lower returns rs with every rune in lower case.
func lower(rs []rune) []rune {
	l := make([]rune, len(rs))
	for i, r := range rs {
		l[i] = unicode.ToLower(r)
	}
	return l
}

// subst is the cost of aligning text rune a with quote rune b, given their
// lower-case forms la and lb.
func subst(a, b, la, lb rune) int {
	switch {
	case a == b:
		return 0
	case la == lb:
		return costCase
	}
	return costEdit
}

// align returns the substring t[start:end] with the least edit distance to q
// (Sellers' approximate string matching). Each column keeps, along with its
// cost, where its alignment starts in t, so no traceback is needed. On a tie
// the alignment that ends first wins.
func align(t, q []rune) (start, end int) {
	lt, lq := lower(t), lower(q)
	m := len(q)
	cost := make([]int, m+1) // cost of aligning q[:j] with a substring ending at i
	from := make([]int, m+1) // where that substring starts
	for j := range cost {
		cost[j] = costEdit * j
	}
	best := cost[m]
	for i := 1; i <= len(t); i++ {
		a, la := t[i-1], lt[i-1]
		diag, diagFrom := cost[0], from[0]
		cost[0], from[0] = 0, i
		for j := 1; j <= m; j++ {
			c, f := diag+subst(a, q[j-1], la, lq[j-1]), diagFrom
			if up := cost[j] + costEdit; up < c {
				c, f = up, from[j]
			}
			if left := cost[j-1] + costEdit; left < c {
				c, f = left, from[j-1]
			}
			diag, diagFrom = cost[j], from[j]
			cost[j], from[j] = c, f
		}
		if cost[m] < best {
			best, start, end = cost[m], from[m], i
		}
	}
	return start, end
}

// snap widens t[s:e] to whole words, unless a word runs on for more than
// snapLimit runes (text without spaces), and drops white space at both ends.
func snap(t []rune, s, e int) (int, int) {
	k := s
	for k > 0 && t[k-1] != ' ' && s-k < snapLimit {
		k--
	}
	if k == 0 || t[k-1] == ' ' {
		s = k
	}
	k = e
	for k < len(t) && t[k] != ' ' && k-e < snapLimit {
		k++
	}
	if k == len(t) || t[k] == ' ' {
		e = k
	}
	for s < e && t[s] == ' ' {
		s++
	}
	for e > s && t[e-1] == ' ' {
		e--
	}
	return s, e
}

// similarity is 1 minus the edit distance of p and q over the length of the
// longer one.
func similarity(p, q []rune) float64 {
	n := max(len(p), len(q))
	if n == 0 {
		return 1
	}
	lp, lq := lower(p), lower(q)
	row := make([]int, len(q)+1)
	for j := range row {
		row[j] = costEdit * j
	}
	for i := 1; i <= len(p); i++ {
		diag := row[0]
		row[0] = costEdit * i
		for j := 1; j <= len(q); j++ {
			c := diag + subst(p[i-1], q[j-1], lp[i-1], lq[j-1])
			c = min(c, row[j]+costEdit, row[j-1]+costEdit)
			diag, row[j] = row[j], c
		}
	}
	return 1 - float64(row[len(q)])/float64(costEdit*n)
}
