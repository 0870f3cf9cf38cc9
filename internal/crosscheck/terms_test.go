package crosscheck

import (
	"fmt"
	"maps"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// The tests of this file check that the guard NewGuardOf builds from
// every source's Terms is the one the former NewGuard built in one pass
// (oldNewGuard): the same term ids in the same order, the same
// sentences, postings and term lists, so that NearMisses cannot tell
// them apart.

// oldGuard is what the former NewGuard built.
type oldGuard struct {
	n        int
	ids      map[string]int32
	keys     []string
	postings [][]int32
	sents    []sentence
	terms    []int32
}

// oldNewGuard is the former NewGuard, indexing every source in one
// serial pass: the oracle of Terms and NewGuardOf.
func oldNewGuard(sources [][]string) *oldGuard {
	g := &oldGuard{ids: map[string]int32{}}
	var spans []Span
	var key []byte // the key of the term at hand, reused
	for si, paras := range sources {
		for pi, p := range paras {
			spans = appendSentences(spans[:0], p)
			for _, sp := range spans {
				text := p[sp.Start:sp.End]
				s := sentence{text: text, src: int32(si), para: int32(pi), from: int32(len(g.terms))}
				eachWord(text, func(w string, first bool) {
					var weight float64
					if key, weight = appendTermKey(key[:0], w, first); weight == 0 {
						return
					}
					id, ok := g.ids[string(key)]
					if !ok {
						id = int32(len(g.keys))
						k := string(key)
						g.ids[k] = id
						g.keys = append(g.keys, k)
						g.postings = append(g.postings, nil)
					}
					g.terms = append(g.terms, id)
				})
				ids := g.terms[s.from:]
				slices.Sort(ids)
				ids = slices.Compact(ids)
				g.terms = g.terms[:int(s.from)+len(ids)]
				s.to = int32(len(g.terms))
				idx := int32(len(g.sents))
				for _, id := range ids {
					g.postings[id] = append(g.postings[id], idx)
				}
				g.sents = append(g.sents, s)
				g.n++
			}
		}
	}
	return g
}

// checkSameGuard fails t when g differs from the former NewGuard's
// guard over sources.
func checkSameGuard(t *testing.T, g *Guard, sources [][]string) {
	t.Helper()
	want := oldNewGuard(sources)
	if g.n != want.n || g.ids.len() != len(want.keys) {
		t.Fatalf("%d sentences and %d terms, want %d and %d", g.n, g.ids.len(), want.n, len(want.keys))
	}
	for id, k := range want.keys {
		if got := string(g.ids.str(uint32(id + 1))); got != k {
			t.Fatalf("term %d is %q, want %q", id, got, k)
		}
		if got := g.ids.lookup(k); got != uint32(id+1) {
			t.Fatalf("lookup(%q) = %d, want %d", k, got, id+1)
		}
		if !slices.Equal(g.postings[id], want.postings[id]) {
			t.Fatalf("postings of %q:\n got %v\nwant %v", k, g.postings[id], want.postings[id])
		}
	}
	if len(g.postings) != len(want.postings) {
		t.Fatalf("%d postings, want %d", len(g.postings), len(want.postings))
	}
	if !reflect.DeepEqual(g.sents, want.sents) && !(len(g.sents) == 0 && len(want.sents) == 0) {
		t.Fatalf("sentences differ")
	}
	if !slices.Equal(g.terms, want.terms) {
		t.Fatalf("term lists differ")
	}
}

// TestNewGuardOfGenerated compares the guard built from every source's
// Terms with the former NewGuard's on a generated dossier, and the near
// misses of every claim with those the former NewGuard's finds.
func TestNewGuardOfGenerated(t *testing.T) {
	_, sources, claims := cachedSources(300)
	all := make([]*SourceTerms, len(sources))
	for i, paras := range sources {
		all[i] = Terms(paras)
	}
	g := NewGuardOf(all)
	checkSameGuard(t, g, sources)
	checkSameGuard(t, NewGuard(sources), sources)
	old := oldNewGuard(sources)
	ref := &Guard{n: old.n, ids: newInterner[string](), postings: old.postings, sents: old.sents, terms: old.terms}
	for _, k := range old.keys {
		ref.ids.id(k)
	}
	found := 0
	for ci, texts := range claims {
		skip := func(i int) bool { return i%5 == ci%5 }
		got, want := g.NearMisses(texts, skip), ref.NearMisses(texts, skip)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("claim %d:\n got %+v\nwant %+v", ci, got, want)
		}
		found += len(got)
	}
	if found == 0 {
		t.Fatal("no near misses: the comparison proves nothing")
	}
	t.Logf("%d claims, %d near misses", len(claims), found)
}

// TestNewGuardOfRandom compares the guard built from every source's
// Terms with the former NewGuard's on random sources: repeated and
// capitalised words, numbers, empty paragraphs and sources, sentences
// with no term.
func TestNewGuardOfRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	words := []string{"China", "china", "imports", "imported", "Russia’s", "38.4%", "$900", "2023", "the", "and", "oil",
		"crude", "Crude", "Exports", "barrels", "million", "said", "U.S.", "Mr.", "Gen.", "é", "ÉTAT", "x", "\xff", "١٢٣"}
	for round := range 200 {
		sources := make([][]string, r.IntN(6))
		for i := range sources {
			paras := make([]string, r.IntN(4))
			for j := range paras {
				var b strings.Builder
				for range r.IntN(40) {
					b.WriteString(words[r.IntN(len(words))])
					b.WriteString([]string{" ", " ", ". ", "? ", ", ", ".", "-"}[r.IntN(7)])
				}
				paras[j] = b.String()
			}
			sources[i] = paras
		}
		all := make([]*SourceTerms, len(sources))
		for i, paras := range sources {
			all[i] = Terms(paras)
		}
		t.Run(fmt.Sprint(round), func(t *testing.T) { checkSameGuard(t, NewGuardOf(all), sources) })
	}
}

// oldSignature is the former Guard.signature, from the map terms makes.
func oldSignature(g *Guard, text string) []sigTerm {
	m := terms(text)
	sig := make([]sigTerm, 0, len(m))
	for _, k := range slices.Sorted(maps.Keys(m)) {
		kind := m[k]
		id := int32(g.ids.lookup(k)) - 1
		sig = append(sig, sigTerm{id: id, key: k, kind: kind, w: g.weight(k, kind), strong: g.strong(k, kind)})
	}
	return sig
}

// TestSignature compares Guard.signature with the former one, built on
// terms, on the claims and quotes of a generated dossier and on random
// text: the same terms, weights to the last bit, the same strong ones.
func TestSignature(t *testing.T) {
	_, sources, claims := cachedSources(300)
	g := NewGuard(sources)
	r := rand.New(rand.NewPCG(7, 8))
	var texts []string
	for _, c := range claims {
		texts = append(texts, c...)
	}
	for range 2000 {
		texts = append(texts, randomText(r, 30)+" China China imports Imports 38.4% $900 2023 "+randomText(r, 30))
	}
	for _, g := range []*Guard{g, NewGuard(nil)} {
		for _, text := range texts {
			if got, want := g.signature(text, new(sigScratch)), oldSignature(g, text); !reflect.DeepEqual(got, want) {
				t.Fatalf("signature(%q):\n got %+v\nwant %+v", text, got, want)
			}
		}
	}
}
