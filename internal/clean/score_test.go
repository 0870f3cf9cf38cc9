package clean

import (
	"math"
	"regexp"
	"testing"
)

// The benchmark metric of the article-extraction benchmark's score.py: word tokens,
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

// TestScoreMetric checks the metric against values computed by the
// benchmark's score.py for the same texts.
func TestScoreMetric(t *testing.T) {
	tests := []struct {
		truth, pred string
		tp, fp, fn  float64
	}{
		{"the cat sat on the mat today", "the cat sat on the mat", 0.750000, 0.000000, 0.250000},
		{"one two three", "one two three", 1.000000, 0.000000, 0.000000},
		{"", "some words here", 0.000000, 1.000000, 0.000000},
		{"a b c d e f g h", "x y z", 0.000000, 0.166667, 0.833333},
		{"Привет мир, как дела у тебя сегодня", "Привет мир, как дела", 0.250000, 0.000000, 0.750000},
		{"日本語のテキスト です 本当に", "日本語のテキスト です", 0.000000, 0.500000, 0.500000},
		{"snake_case words and 3.14 numbers here", "snake_case words and 3 14 numbers here", 1.000000, 0.000000, 0.000000},
		{"repeat repeat repeat repeat repeat", "repeat repeat repeat repeat repeat repeat repeat", 0.500000, 0.500000, 0.000000},
	}
	near := func(a, b float64) bool { return math.Abs(a-b) < 5e-7 }
	var pages []pageScore
	for _, tt := range tests {
		tp, fp, fn := pageCounts(tt.truth, tt.pred)
		if !near(tp, tt.tp) || !near(fp, tt.fp) || !near(fn, tt.fn) {
			t.Errorf("pageCounts(%q, %q) = %.6f, %.6f, %.6f; want %.6f, %.6f, %.6f", tt.truth, tt.pred, tp, fp, fn, tt.tp, tt.fp, tt.fn)
		}
		pages = append(pages, pageScore{tp, fp, fn})
	}
	// score.py: aggregate → (0.5625, 0.5714285714285714, 0.5669291338582677)
	p, r, f1 := aggregate(pages)
	if !near(p, 0.5625) || !near(r, 0.5714285714285714) || !near(f1, 0.5669291338582677) {
		t.Errorf("aggregate = %v, %v, %v; want 0.5625, 0.571429, 0.566929", p, r, f1)
	}
}
