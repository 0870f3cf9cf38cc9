package crosscheck

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// TestGroupMatchesPairs checks the blocked grouping against comparing
// every pair of figures, on random articles with many shared words.
func TestGroupMatchesPairs(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	var words []string
	for _, c := range []string{"b", "d", "f", "g", "k", "l", "m", "n", "p", "r"} {
		for _, v := range []string{"ano", "elu", "iro", "uma", "oki", "aze"} {
			words = append(words, c+v+"ter")
		}
	}
	figures := []string{"90%", "70%", "85 per cent", "$900 million", "2023", "2024", "12", "40", "three times"}
	var all []SourceFigures
	for s := range 150 {
		var paras []string
		for range 1 + r.IntN(3) {
			var b strings.Builder
			b.WriteString("The")
			for range 6 + r.IntN(14) {
				b.WriteByte(' ')
				if r.IntN(4) == 0 {
					b.WriteString(figures[r.IntN(len(figures))])
				} else {
					b.WriteString(words[r.IntN(len(words))])
				}
			}
			b.WriteString(".")
			paras = append(paras, b.String())
		}
		all = append(all, SourceFigures{Source: fmt.Sprintf("s%02d", s%130), Figures: Figures(paras)})
	}
	got, want := Group(all), oldGroup(all)
	if !reflect.DeepEqual(got, want) { // the figures the members point at, compared

		t.Fatalf("Group differs from the pairwise grouping:\n got %d groups\nwant %d groups", len(got), len(want))
	}
	big := 0
	for _, g := range got {
		if len(g.Members) > 1 {
			big++
		}
	}
	if big == 0 {
		t.Fatal("no figures grouped: the test compares nothing")
	}
	t.Logf("%d groups, %d with several figures", len(got), big)
}

// oldGroup is Group as it was, comparing every pair of figures.
func oldGroup(all []SourceFigures) []FigureGroup {
	type node struct {
		src string
		f   Figure
	}
	var nodes []node
	for _, s := range all {
		for _, f := range s.Figures {
			nodes = append(nodes, node{s.Source, f})
		}
	}
	parent := make([]int, len(nodes))
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	for i := range nodes {
		for j := i + 1; j < len(nodes); j++ {
			a, b := nodes[i], nodes[j]
			if a.src == b.src || a.f.Kind != b.f.Kind {
				continue
			}
			need := 2
			if a.f.Kind == Year || a.f.Kind == Count {
				need = 3
			}
			if oldShared(a.f.Context(), b.f.Context()) >= need {
				parent[find(j)] = find(i)
			}
		}
	}
	byRoot := map[int]*FigureGroup{}
	var roots []int
	for i, n := range nodes {
		r := find(i)
		g := byRoot[r]
		if g == nil {
			g = &FigureGroup{Kind: n.f.Kind}
			byRoot[r] = g
			roots = append(roots, r)
		}
		g.Members = append(g.Members, Member{n.src, &nodes[i].f})
	}
	var out []FigureGroup
	for _, r := range roots {
		g := byRoot[r]
		g.Agree = true
		counts := map[string]int{}
		surface := map[string]string{}
		for _, m := range g.Members {
			for k, w := range m.Figure.Words() {
				if _, ok := surface[k]; !ok {
					surface[k] = w
				}
			}
			if m.Figure.Value != g.Members[0].Figure.Value {
				g.Agree = false
			}
			for _, w := range m.Figure.Context() {
				counts[w]++
			}
		}
		g.Label = label(counts, func(k string) string { return surface[k] }, len(g.Members))
		if m := g.Members[0].Figure.Measure; m != "" {
			g.Label = m
		}
		slices.SortStableFunc(g.Members, func(a, b Member) int { return strings.Compare(a.Source, b.Source) })
		out = append(out, *g)
	}
	slices.SortStableFunc(out, func(a, b FigureGroup) int {
		return cmp.Or(cmp.Compare(sourceCount(b), sourceCount(a)), strings.Compare(a.Label, b.Label))
	})
	return out
}

func sourceCount(g FigureGroup) int {
	set := map[string]bool{}
	for _, m := range g.Members {
		set[m.Source] = true
	}
	return len(set)
}

func oldShared(a, b []string) int {
	n := 0
	for _, w := range a {
		if _, ok := slices.BinarySearch(b, w); ok {
			n++
		}
	}
	return n
}

// TestBuckets checks that buckets puts every copy of a key in one
// bucket, loses none, and gathers them into one run, with sizes that
// take every path of gather: from one bucket to 256, parts sorted at
// once and parts parted again, and blocks of one key repeated many
// times.
func TestBuckets(t *testing.T) {
	r := rand.New(rand.NewPCG(15, 16))
	for _, n := range []int{0, 1, 40, 1000, 5000, 70000, 600000, 2000000} {
		keys := make([]keyed, n)
		want := map[uint64]int{}
		distinct := 1 + r.IntN(n+1)
		for i := range keys {
			key := uint64(r.IntN(distinct)) * 0x5851f42d4c957f2d
			if r.IntN(3) == 0 {
				key = 42 // one large block
			}
			keys[i] = keyed{key: key, node: int32(i)}
			want[key]++
		}
		bk := newBuckets(n)
		for _, k := range keys {
			bk.count(k.key)
		}
		bk.start()
		placed := make([]keyed, n)
		for _, k := range keys {
			placed[bk.place(k.key)] = k
		}
		bucketOf := map[uint64]int{}
		nodes := make([]bool, n)
		b := 0
		for lo, hi := range bk.spans() {
			bucket := placed[lo:hi]
			bk.gather(bucket)
			for i, k := range bucket {
				if i > 0 && k.key != bucket[i-1].key && slices.ContainsFunc(bucket[:i-1], func(x keyed) bool { return x.key == k.key }) {
					t.Fatalf("n=%d: key %#x in two runs of bucket %d", n, k.key, b)
				}
				if prev, ok := bucketOf[k.key]; ok && prev != b {
					t.Fatalf("n=%d: key %#x in buckets %d and %d", n, k.key, prev, b)
				}
				bucketOf[k.key] = b
				if nodes[k.node] {
					t.Fatalf("n=%d: key %d placed twice", n, k.node)
				}
				nodes[k.node] = true
				want[k.key]--
			}
			b++
		}
		for key, c := range want {
			if c != 0 {
				t.Fatalf("n=%d: key %#x: %d copies lost", n, key, c)
			}
		}
	}
}
