package crosscheck

import (
	"iter"
	"maps"
	"slices"
	"strings"
)

// The plain scan of the coverage guard: what NearMisses finds through
// its index, Similar finds by comparing a claim with every sentence of a
// source. The tests hold NearMisses to it.

// dfOf is the number of sentences holding the term key.
func (g *Guard) dfOf(key string) int {
	if id := g.ids.lookup(key); id != 0 {
		return int(g.df[id-1])
	}
	return 0
}

// weight is a term's kind weight times its rarity.
func (g *Guard) weight(key string, kind float64) float64 {
	if g == nil || g.n == 0 {
		return kind
	}
	return g.weightOf(kind, g.dfOf(key))
}

// strong reports whether a shared term can make a near miss: a figure
// (not a year) or a name that is rare in the dossier.
func (g *Guard) strong(key string, kind float64) bool {
	if g == nil {
		return strings.HasPrefix(key, "#") && !isYear(key) || kind == 2
	}
	return g.strongOf(key, kind, g.dfOf(key))
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
				for _, k := range slices.Sorted(maps.Keys(sig)) {
					kind := sig[k]
					w := g.weight(k, kind)
					total += w
					if _, ok := st[k]; !ok {
						continue
					}
					shared += w
					names = append(names, strings.TrimPrefix(k, "#"))
					if g.strong(k, kind) {
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

// terms returns the distinct terms of s.
func terms(s string) map[string]float64 {
	out := map[string]float64{}
	eachTerm(s, func(t term) {
		if t.weight > out[t.key] {
			out[t.key] = t.weight
		}
	})
	return out
}

// NewGuard prepares a Guard over all sources, each given as paragraphs,
// for any text: its vocabulary is every term of every sentence, so that
// a term of a text that is not in it is one no sentence holds, as
// NearMisses takes it.
func NewGuard(sources [][]string) *Guard {
	return newGuard(NewVocab(allSentences(sources)), sources)
}

// newGuard is NewGuardOf v and what v keeps of each source.
func newGuard(v *Vocab, sources [][]string) *Guard {
	kept := make([]*Kept, len(sources))
	for i, paras := range sources {
		kept[i] = v.Keep(paras)
	}
	return NewGuardOf(v, kept)
}

// allSentences yields every sentence of every source.
func allSentences(sources [][]string) iter.Seq[string] {
	return func(yield func(string) bool) {
		for _, paras := range sources {
			for _, p := range paras {
				for _, sp := range Sentences(p) {
					if !yield(p[sp.Start:sp.End]) {
						return
					}
				}
			}
		}
	}
}

// Context returns the content words near the figure, as stems, sorted
// (none: empty, not nil).
func (f *Figure) Context() []string { return append([]string{}, slices.Collect(f.stems())...) }
