package crosscheck

import (
	"fmt"
	"iter"
	"maps"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// The tests of this file check that the guard NewGuardOf builds over
// the vocabulary of the claims, from what it keeps of every source's
// Terms, finds the near misses of every claim that the former NewGuard,
// indexing every sentence and every term in one pass (oldNewGuard),
// finds.

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
// serial pass: the oracle of Keep and NewGuardOf.
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

// guard returns the former NewGuard's guard as a Guard, its every
// sentence and term indexed.
func (old *oldGuard) guard() *Guard {
	g := &Guard{n: old.n, ids: newInterner[string](), postings: old.postings, sents: old.sents, terms: old.terms}
	for _, k := range old.keys {
		g.ids.id(k)
	}
	for _, p := range old.postings {
		g.df = append(g.df, int32(len(p)))
	}
	return g
}

// claimTexts yields every text of claims.
func claimTexts(claims [][]string) iter.Seq[string] {
	return func(yield func(string) bool) {
		for _, texts := range claims {
			for _, t := range texts {
				if !yield(t) {
					return
				}
			}
		}
	}
}

// checkSameNearMisses fails t when a guard over the vocabulary of
// claims, or over every term of sources, finds other near misses of a
// claim than the former NewGuard's, and returns how many it found.
func checkSameNearMisses(t *testing.T, sources, claims [][]string) int {
	t.Helper()
	ref := oldNewGuard(sources).guard()
	found := 0
	for _, g := range []*Guard{newGuard(NewVocab(claimTexts(claims)), sources), NewGuard(sources)} {
		if g.n != ref.n {
			t.Fatalf("%d sentences, want %d", g.n, ref.n)
		}
		for ci, texts := range claims {
			skip := func(i int) bool { return i%5 == ci%5 }
			got, want := g.NearMisses(texts, skip), ref.NearMisses(texts, skip)
			if !reflect.DeepEqual(got, want) && !(len(got) == 0 && len(want) == 0) {
				t.Fatalf("claim %d:\n got %+v\nwant %+v", ci, got, want)
			}
			found += len(got)
		}
	}
	return found
}

// TestNewGuardOfGenerated compares the near misses of every claim of a
// generated dossier, and of paraphrases of its sentences, with those the
// former NewGuard's guard finds. The claims quote their sources word for
// word, and score 1 whatever the weights; the paraphrases, with words
// dropped and swapped, score below it, by weights that count every
// sentence.
func TestNewGuardOfGenerated(t *testing.T) {
	_, sources, claims := cachedSources(300)
	claims = append(slices.Clip(claims), paraphrases(rand.New(rand.NewPCG(9, 10)), sources, 600)...)
	found, partial := 0, 0
	ref := oldNewGuard(sources).guard()
	for _, texts := range claims {
		for _, n := range ref.NearMisses(texts, nil) {
			if n.Score < 1 {
				partial++
			}
		}
	}
	found = checkSameNearMisses(t, sources, claims)
	if found == 0 || partial == 0 {
		t.Fatalf("%d near misses, %d scoring below 1: the comparison proves little", found, partial)
	}
	t.Logf("%d claims, %d near misses (%d of the former guard's scoring below 1)", len(claims), found, partial)
}

// paraphrases returns n claims, each a sentence of sources with one or
// two of its words dropped and two others swapped.
func paraphrases(r *rand.Rand, sources [][]string, n int) [][]string {
	var out [][]string
	for len(out) < n {
		paras := sources[r.IntN(len(sources))]
		if len(paras) == 0 {
			continue
		}
		p := paras[r.IntN(len(paras))]
		spans := Sentences(p)
		if len(spans) == 0 {
			continue
		}
		sp := spans[r.IntN(len(spans))]
		words := strings.Fields(p[sp.Start:sp.End])
		if len(words) < 6 {
			continue
		}
		for range 1 + r.IntN(2) {
			i := r.IntN(len(words))
			words = slices.Delete(words, i, i+1)
		}
		i, j := r.IntN(len(words)), r.IntN(len(words))
		words[i], words[j] = words[j], words[i]
		out = append(out, []string{strings.Join(words, " ")})
	}
	return out
}

// TestNewGuardOfRandom compares the near misses of random claims in
// random sources with those the former NewGuard's guard finds: repeated
// and capitalised words, numbers, empty paragraphs and sources,
// sentences with no term, claims sharing a few of their terms.
func TestNewGuardOfRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	words := []string{"China", "china", "imports", "imported", "Russia’s", "38.4%", "$900", "2023", "the", "and", "oil",
		"crude", "Crude", "Exports", "barrels", "million", "said", "U.S.", "Mr.", "Gen.", "é", "ÉTAT", "x", "\xff", "١٢٣"}
	text := func(n int) string {
		var b strings.Builder
		for range r.IntN(n) {
			b.WriteString(words[r.IntN(len(words))])
			b.WriteString([]string{" ", " ", ". ", "? ", ", ", ".", "-"}[r.IntN(7)])
		}
		return b.String()
	}
	found := 0
	for round := range 200 {
		sources := make([][]string, r.IntN(6))
		for i := range sources {
			paras := make([]string, r.IntN(4))
			for j := range paras {
				paras[j] = text(40)
			}
			sources[i] = paras
		}
		claims := make([][]string, r.IntN(8))
		for i := range claims {
			claims[i] = []string{text(12), text(8)}
		}
		t.Run(fmt.Sprint(round), func(t *testing.T) { found += checkSameNearMisses(t, sources, claims) })
	}
	if found == 0 {
		t.Fatal("no near misses: the comparison proves nothing")
	}
	t.Logf("%d near misses compared", found)
}

// FuzzNewGuardOf compares the near misses of a claim, in two sources
// cut from one text, with those the former NewGuard's guard finds.
func FuzzNewGuardOf(f *testing.F) {
	f.Add("Chinese firms supplied 90% of Russia's microelectronics in 2023. Markets were calm.\nRussia waited.", "China supplied 90% of Russia's microelectronics in 2023.")
	f.Add("İSTANBUL \u212aelvin ǅemal Ⅻ ٣٤ $٣. Oil, crude oil and Crude: 38.4%.", "Crude oil 38.4% İSTANBUL")
	f.Fuzz(func(t *testing.T, text, claim string) {
		a, b, _ := strings.Cut(text, "\n")
		checkSameNearMisses(t, [][]string{{a}, {b, a}}, [][]string{{claim, a}, {claim}})
	})
}

// TestKeep checks what Keep keeps of a source: the sentences holding at
// least MinShared terms of the vocabulary, each with those terms only,
// its own copy of its text, and the frequencies of the terms counting
// the sentences left out.
func TestKeep(t *testing.T) {
	paras := []string{"China imports crude oil. Russia exports. Crude oil imports from Russia rose", "Oil."}
	v := NewVocab(slices.Values([]string{"China imports crude oil from Russia"}))
	k := v.Keep(paras)
	if k.n != 4 {
		t.Errorf("%d sentences in all, want 4", k.n)
	}
	// The sentences kept, in order, with their terms of the vocabulary
	// ("rose" is not one).
	want := []struct {
		text string
		keys []string
	}{
		{"China imports crude oil.", []string{"china", "crude", "import", "oil"}},
		{"Crude oil imports from Russia rose", []string{"crude", "import", "oil", "russia"}},
	}
	if len(k.sents) != len(want) {
		t.Fatalf("kept %d sentences, want %d", len(k.sents), len(want))
	}
	for i, s := range k.sents {
		var keys []string
		for _, id := range k.ids[s.from:s.to] {
			keys = append(keys, string(v.ids.str(uint32(id+1))))
		}
		if !slices.IsSorted(k.ids[s.from:s.to]) {
			t.Errorf("%q: terms %v not sorted by id", s.text, keys)
		}
		slices.Sort(keys)
		if s.text != want[i].text || s.para != 0 || !slices.Equal(keys, want[i].keys) {
			t.Errorf("kept %q of paragraph %d with terms %q, want %q with %q", s.text, s.para, keys, want[i].text, want[i].keys)
		}
		if within(s.text, paras[0]) {
			t.Errorf("%q is cut from its paragraph, which it keeps alive", s.text)
		}
	}
	g := NewGuardOf(v, []*Kept{k})
	for key, want := range map[string]int{"oil": 3, "russia": 2, "china": 1} {
		if got := g.dfOf(key); got != want {
			t.Errorf("%q is held by %d sentences, want %d", key, got, want)
		}
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
