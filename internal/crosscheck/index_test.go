package crosscheck

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// TestNearMissesMatchesSimilar checks the inverted index against the
// plain scan: for every source, NearMisses finds the near miss Similar
// finds, and no other, whether the guard is over every term or over the
// claims'.
func TestNearMissesMatchesSimilar(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	words := []string{"China", "Russia", "imports", "microelectronics", "machine", "tools", "drones", "engines",
		"supplied", "came", "from", "of", "the", "in", "Beijing", "Moscow", "Scholz", "Xi", "Biden", "said", "officials"}
	figures := []string{"90%", "70%", "$900 million", "2023", "12", "three times"}
	sentence := func() string {
		var b strings.Builder
		b.WriteString(words[r.IntN(len(words))])
		for range 4 + r.IntN(8) {
			b.WriteByte(' ')
			if r.IntN(5) == 0 {
				b.WriteString(figures[r.IntN(len(figures))])
			} else {
				b.WriteString(words[r.IntN(len(words))])
			}
		}
		b.WriteString(".")
		return b.String()
	}
	var sources [][]string
	for range 30 {
		var paras []string
		for range 1 + r.IntN(4) {
			var sents []string
			for range 1 + r.IntN(3) {
				sents = append(sents, sentence())
			}
			paras = append(paras, strings.Join(sents, " "))
		}
		sources = append(sources, paras)
	}
	claims := make([][]string, 200)
	for c := range claims {
		claims[c] = []string{sentence(), sentence()}
	}
	// Over every term of the sources, and over the claims' alone; the
	// plain scan weighs terms by how many sentences hold them as the
	// former guard, of every sentence, counted them.
	ref := oldNewGuard(sources).guard()
	for _, g := range []*Guard{NewGuard(sources), newGuard(NewVocab(claimTexts(claims)), sources)} {
		checkAgainstSimilar(t, g, ref, sources, claims)
	}
}

// checkAgainstSimilar fails t when g finds a near miss of one of claims
// in sources other than the one Similar finds, weighing terms as ref
// does.
func checkAgainstSimilar(t *testing.T, g, ref *Guard, sources, claims [][]string) {
	t.Helper()
	found := 0
	for c, texts := range claims {
		got := map[int]Near{}
		for _, n := range g.NearMisses(texts, func(i int) bool { return i%7 == c%7 }) {
			got[n.Source] = n
		}
		for i, paras := range sources {
			want, ok := ref.Similar(paras, texts)
			if i%7 == c%7 {
				ok = false
			}
			n, have := got[i]
			if ok != have {
				t.Fatalf("claim %d, source %d: NearMisses found %v, Similar %v (%+v)", c, i, have, ok, want)
			}
			if !ok {
				continue
			}
			found++
			n.Source = 0
			if fmt.Sprint(n) != fmt.Sprint(want) {
				t.Fatalf("claim %d, source %d:\nNearMisses %+v\nSimilar    %+v", c, i, n, want)
			}
		}
	}
	if found == 0 {
		t.Fatal("no near misses: the test compares nothing")
	}
	t.Logf("%d near misses compared", found)
}
