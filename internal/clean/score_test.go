package clean

import (
	"regexp"
)

// The benchmark metric of /work/shared/bench/score.py: word tokens,
// multisets of 4-token shingles, per-page precision and recall of
// normalised counts, means over pages, F1 of the means.

// wordRE is Python's \w+ for str patterns: Unicode letters, digits
// (including other numbers) and the underscore, plus combining marks.
var wordRE = regexp.MustCompile(`[\p{L}\p{N}\p{Mn}\p{Mc}_]+`)

const shingleSize = 4

func shingles(text string) map[string]int {
	toks := wordRE.FindAllString(text, -1)
	m := make(map[string]int)
	if len(toks) == 0 {
		return m
	}
	if len(toks) < shingleSize {
		m[join(toks)]++
		return m
	}
	for i := 0; i+shingleSize <= len(toks); i++ {
		m[join(toks[i:i+shingleSize])]++
	}
	return m
}

func join(toks []string) string {
	n := 0
	for _, t := range toks {
		n += len(t) + 1
	}
	b := make([]byte, 0, n)
	for _, t := range toks {
		b = append(b, t...)
		b = append(b, 0)
	}
	return string(b)
}

// pageCounts returns the normalised true positives, false positives and
// false negatives of one page.
func pageCounts(truth, pred string) (tp, fp, fn float64) {
	t, p := shingles(truth), shingles(pred)
	var a, b, c int
	for k, n := range p {
		m := t[k]
		a += min(n, m)
		b += max(n-m, 0)
	}
	for k, n := range t {
		c += max(n-p[k], 0)
	}
	total := float64(a + b + c)
	if total == 0 {
		return 0, 0, 0
	}
	return float64(a) / total, float64(b) / total, float64(c) / total
}

func pagePrecision(tp, fp, fn float64) float64 {
	if fp == 0 && fn == 0 {
		return 1
	}
	if tp+fp > 0 {
		return tp / (tp + fp)
	}
	return 0
}

func pageRecall(tp, fp, fn float64) float64 {
	if fp == 0 && fn == 0 {
		return 1
	}
	if tp+fn > 0 {
		return tp / (tp + fn)
	}
	return 0
}

// pageScore is one page's normalised counts.
type pageScore struct{ tp, fp, fn float64 }

// aggregate returns the benchmark's P, R and F1 over pages.
func aggregate(pages []pageScore) (p, r, f1 float64) {
	var np, nr int
	for _, c := range pages {
		if c.tp+c.fp > 0 {
			p += pagePrecision(c.tp, c.fp, c.fn)
			np++
		}
		if c.tp+c.fn > 0 {
			r += pageRecall(c.tp, c.fp, c.fn)
			nr++
		}
	}
	if np > 0 {
		p /= float64(np)
	}
	if nr > 0 {
		r /= float64(nr)
	}
	if p+r > 0 {
		f1 = 2 * p * r / (p + r)
	}
	return p, r, f1
}
