package crosscheck

import (
	"math"
	"slices"
	"strings"
)

// Threshold and MinShared decide when a sentence is a near miss.
const (
	Threshold = 0.45
	MinShared = 3
)

// A Guard finds near misses in the sentences of a set of sources. Terms
// are weighted by their kind (numbers 3, names 2, words 1) times their
// rarity across every sentence of every source (inverse document
// frequency), so that the names every article repeats ("China",
// "Russia") count less than the ones that single out a claim.
type Guard struct {
	df map[string]int // sentences holding each term
	n  int            // sentences in all
}

// NewGuard prepares a Guard over all sources, each given as paragraphs.
func NewGuard(sources [][]string) *Guard {
	g := &Guard{df: map[string]int{}}
	for _, paras := range sources {
		for _, p := range paras {
			for _, sp := range Sentences(p) {
				g.n++
				for k := range terms(p[sp.Start:sp.End]) {
					g.df[k]++
				}
			}
		}
	}
	return g
}

// weight is a term's kind weight times its rarity.
func (g *Guard) weight(key string, kind float64) float64 {
	if g == nil || g.n == 0 {
		return kind
	}
	return kind * math.Log(1+float64(g.n)/float64(g.df[key]+1))
}

// A Near is a sentence of a source that looks like a claim.
type Near struct {
	Para     int     // index of the paragraph
	Sentence string  // the sentence
	Score    float64 // in [0, 1]
	Shared   []string
}

// Similar returns the sentence of paras most like the claim, described by
// its texts (the claim and its quotes), and whether it is a near miss: it
// shares at least MinShared terms with one of the texts, one of them a
// figure (not a year) or a name that is rare in the dossier, and its
// weighted share of that text's terms reaches Threshold.
func (g *Guard) Similar(paras []string, texts []string) (Near, bool) {
	var sigs []map[string]float64
	for _, t := range texts {
		if s := terms(t); len(s) > 0 {
			sigs = append(sigs, s)
		}
	}
	var best Near
	found := false
	for i, p := range paras {
		for _, sp := range Sentences(p) {
			sent := p[sp.Start:sp.End]
			st := terms(sent)
			for _, sig := range sigs {
				var total, shared float64
				var names []string
				strong := false
				for k, kind := range sig {
					w := g.weight(k, kind)
					total += w
					if _, ok := st[k]; !ok {
						continue
					}
					shared += w
					names = append(names, strings.TrimPrefix(k, "#"))
					figure := strings.HasPrefix(k, "#") && !isYear(k)
					rareName := kind == 2 && (g == nil || float64(g.df[k]) <= 0.2*float64(g.n))
					if figure || rareName {
						strong = true
					}
				}
				score := shared / total
				ok := len(names) >= MinShared && strong && score >= Threshold
				if (ok && !found) || (ok == found && score > best.Score) {
					slices.Sort(names)
					best = Near{Para: i, Sentence: sent, Score: score, Shared: names}
					found = ok
				}
			}
		}
	}
	return best, found
}

func isYear(key string) bool {
	return len(key) == 5 && key[0] == '#' && (strings.HasPrefix(key, "#19") || strings.HasPrefix(key, "#20"))
}
