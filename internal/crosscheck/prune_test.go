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

// The tests of this file check that NearMisses, which scores only the
// sentences that hold a claim's rare terms (Guard.candidates), returns
// exactly what scoring every sentence returns: the same sentence of each
// source, the same score to the last bit, the same shared terms.

// unprunedNearMisses is the oracle of NearMisses: it scores every
// sentence that shares a term with a text of the claim (a sentence that
// shares none shares fewer than MinShared), working out the shared
// terms and their weight on its own, and keeps for each source the best
// near miss, by score, then sentence, then text.
func unprunedNearMisses(g *Guard, texts []string, skip func(int) bool) []Near {
	type best struct {
		sent, sig int
		near      Near
	}
	bests := map[int]best{}
	for si, t := range texts {
		sig := g.signature(t, new(sigScratch))
		var total float64
		for _, st := range sig {
			total += st.w
		}
		holds := make([]bool, len(g.sents)) // the sentence holds a term of sig
		for _, st := range sig {
			if st.id >= 0 {
				for _, c := range g.postings[st.id] {
					holds[c] = true
				}
			}
		}
		for c, s := range g.sents {
			if !holds[c] {
				continue
			}
			if skip != nil && skip(int(s.src)) {
				continue
			}
			ids := g.terms[s.from:s.to]
			var shared float64 // added up in the signature's order, as NearMisses does
			n, strong := 0, false
			for _, st := range sig {
				if _, ok := slices.BinarySearch(ids, st.id); st.id >= 0 && ok {
					shared += st.w
					n++
					strong = strong || st.strong
				}
			}
			score := shared / total
			if !(n >= MinShared && strong && score >= Threshold) {
				continue
			}
			b, ok := bests[int(s.src)]
			if ok && (score < b.near.Score || score == b.near.Score && (c > b.sent || c == b.sent && si > b.sig)) {
				continue
			}
			var names []string
			for _, st := range sig {
				if _, ok := slices.BinarySearch(ids, st.id); st.id >= 0 && ok {
					names = append(names, strings.TrimPrefix(st.key, "#"))
				}
			}
			slices.Sort(names)
			bests[int(s.src)] = best{c, si, Near{Source: int(s.src), Para: int(s.para), Sentence: s.text, Score: score, Shared: names}}
		}
	}
	out := []Near{}
	for _, src := range slices.Sorted(maps.Keys(bests)) {
		out = append(out, bests[src].near)
	}
	return out
}

// checkNearMisses fails t when NearMisses differs from the oracle on the
// claim texts, and returns how many near misses it compared.
func checkNearMisses(t *testing.T, g *Guard, texts []string, skip func(int) bool) int {
	t.Helper()
	got, want := g.NearMisses(texts, skip), unprunedNearMisses(g, texts, skip)
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("NearMisses(%q)\n got %+v\nwant %+v", texts, got, want)
	}
	return len(got)
}

// TestNearMissesPrunedGenerated compares NearMisses with the oracle on
// generated dossiers of several sizes, every claim of the small ones and
// a sample of the large, with and without sources skipped.
func TestNearMissesPrunedGenerated(t *testing.T) {
	sizes := []struct{ n, every int }{{100, 1}, {300, 1}, {1000, 13}, {10000, 401}}
	if testing.Short() {
		sizes = sizes[:2]
	}
	for _, size := range sizes {
		_, sources, claims := cachedSources(size.n)
		g := NewGuard(sources)
		found, walked := 0, 0
		for ci := 0; ci < len(claims); ci += size.every {
			found += checkNearMisses(t, g, claims[ci], nil)
			found += checkNearMisses(t, g, claims[ci], func(i int) bool { return i%5 == ci%5 })
			for _, text := range claims[ci] {
				if sig := g.signature(text, new(sigScratch)); len(sig) > 0 {
					var total float64
					for _, st := range sig {
						total += st.w
					}
					walked += len(g.candidates(sig, total, nil))
				}
			}
		}
		if found == 0 {
			t.Fatalf("N=%d: no near misses: the test compares nothing", size.n)
		}
		t.Logf("N=%d: %d near misses compared, %d sentences scored", size.n, found, walked)
	}
}

// TestNearMissesPrunedRandom compares NearMisses with the oracle on
// random dossiers whose words are drawn with Zipf's law, so that some
// terms are in most sentences and some in one, of every kind: figures,
// years, names and words. Claims are sentences of the dossier with some
// words changed, so that many sentences score near the threshold, and
// random sentences.
func TestNearMissesPrunedRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	var vocab []string
	for i := range 400 {
		switch i % 4 {
		case 0:
			vocab = append(vocab, fmt.Sprintf("%d.%d%%", i/40, i%10))
		case 1:
			vocab = append(vocab, fmt.Sprintf("Nam%ca%c", 'a'+i%26, 'a'+i/26))
		case 2:
			vocab = append(vocab, fmt.Sprintf("word%c%c", 'a'+i%26, 'a'+i/26))
		default:
			vocab = append(vocab, fmt.Sprint(1990+i%40), fmt.Sprint(i*37))
		}
	}
	compared := 0
	for round := range 60 {
		zipf := rand.NewZipf(r, 1.1+r.Float64(), 1+r.Float64()*5, uint64(len(vocab)-1))
		sentence := func() string {
			var b strings.Builder
			b.WriteString("The")
			for range 3 + r.IntN(10) {
				b.WriteByte(' ')
				b.WriteString(vocab[zipf.Uint64()])
			}
			b.WriteString(".")
			return b.String()
		}
		nsrc := 1 + r.IntN(200)
		var sources [][]string
		var all []string
		for range nsrc {
			var paras []string
			for range 1 + r.IntN(3) {
				var sents []string
				for range 1 + r.IntN(4) {
					s := sentence()
					sents = append(sents, s)
					all = append(all, s)
				}
				paras = append(paras, strings.Join(sents, " "))
			}
			sources = append(sources, paras)
		}
		g := NewGuard(sources)
		for c := range 40 {
			var texts []string
			for range 1 + r.IntN(3) {
				if r.IntN(4) == 0 {
					texts = append(texts, sentence())
					continue
				}
				words := strings.Fields(all[r.IntN(len(all))])
				for range r.IntN(4) {
					words[1+r.IntN(len(words)-1)] = vocab[zipf.Uint64()]
				}
				texts = append(texts, strings.Join(words, " "))
			}
			compared += checkNearMisses(t, g, texts, nil)
			compared += checkNearMisses(t, g, texts, func(i int) bool { return i%3 == (round+c)%3 })
		}
	}
	if compared == 0 {
		t.Fatal("no near misses: the test compares nothing")
	}
	t.Logf("%d near misses compared", compared)
}
