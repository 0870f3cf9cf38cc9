package crosscheck

import (
	"fmt"
	"maps"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/gen-dossier/gen/internal/corpus"
)

// benchSources returns the article paragraphs of a generated dossier of
// n sources (its long lines), and its claims' texts.
func benchSources(n int) (names []string, sources [][]string, claims [][]string) {
	files := corpus.Generate(n)
	for _, p := range slices.Sorted(maps.Keys(files)) {
		if !strings.HasSuffix(p, ".txt") {
			continue
		}
		var paras []string
		for _, line := range strings.Split(string(files[p]), "\n") {
			if len(line) > 150 {
				paras = append(paras, line)
			}
		}
		names = append(names, p)
		sources = append(sources, paras)
	}
	for _, block := range strings.Split(string(files["claims.yaml"]), "\n- id: ")[1:] {
		var texts []string
		for _, line := range strings.Split(block, "\n") {
			line = strings.TrimSpace(line)
			for _, key := range []string{"claim: ", "quote: "} {
				if t, ok := strings.CutPrefix(line, key); ok {
					texts = append(texts, strings.Trim(t, `"`))
				}
			}
		}
		claims = append(claims, texts)
	}
	return names, sources, claims
}

// generatedSources caches benchSources by size: the benchmarks of the
// largest dossiers would otherwise spend most of their time generating
// them.
var generatedSources = map[int]struct {
	names   []string
	sources [][]string
	claims  [][]string
}{}

func cachedSources(n int) (names []string, sources [][]string, claims [][]string) {
	c, ok := generatedSources[n]
	if !ok {
		c.names, c.sources, c.claims = benchSources(n)
		generatedSources[n] = c
	}
	return c.names, c.sources, c.claims
}

// BenchmarkFigures extracts the figures of every source of a dossier;
// the cost per source does not depend on the dossier's size.
func BenchmarkFigures(b *testing.B) {
	const n = 100
	_, sources, _ := cachedSources(n)
	b.ReportAllocs()
	for b.Loop() {
		for _, paras := range sources {
			Figures(paras)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/source")
}

// BenchmarkGroup groups the figures of dossiers of growing size: the
// time per source should not grow with it.
func BenchmarkGroup(b *testing.B) {
	for _, n := range []int{100, 1000, 10000} {
		b.Run(fmt.Sprintf("N=%d", n), func(b *testing.B) {
			names, sources, _ := cachedSources(n)
			all := make([]SourceFigures, len(sources))
			for i, paras := range sources {
				all[i] = SourceFigures{Source: names[i], Figures: Figures(paras)}
			}
			b.ReportAllocs()
			for b.Loop() {
				Group(all)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/source")
		})
	}
}

// BenchmarkGuard indexes dossiers of growing size and looks for the near
// misses of every claim (two per source): the time per source should not
// grow with the dossier.
func BenchmarkGuard(b *testing.B) {
	for _, n := range []int{100, 1000, 10000} {
		b.Run(fmt.Sprintf("index/N=%d", n), func(b *testing.B) {
			_, sources, _ := cachedSources(n)
			b.ReportAllocs()
			for b.Loop() {
				NewGuard(sources)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/source")
		})
		b.Run(fmt.Sprintf("vocab/N=%d", n), func(b *testing.B) {
			_, _, claims := cachedSources(n)
			b.ReportAllocs()
			for b.Loop() {
				NewVocab(claimTexts(claims))
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/source")
		})
		b.Run(fmt.Sprintf("keep/N=%d", n), func(b *testing.B) {
			_, sources, claims := cachedSources(n)
			v := NewVocab(claimTexts(claims))
			b.ReportAllocs()
			for b.Loop() {
				for _, paras := range sources {
					v.Keep(paras)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/source")
		})
		b.Run(fmt.Sprintf("merge/N=%d", n), func(b *testing.B) {
			_, sources, claims := cachedSources(n)
			v := NewVocab(claimTexts(claims))
			kept := make([]Kept, len(sources))
			for i, paras := range sources {
				kept[i] = *v.Keep(paras)
			}
			b.ReportAllocs()
			all := make([]*Kept, len(kept))
			for b.Loop() {
				b.StopTimer()
				for i := range kept {
					k := kept[i] // NewGuardOf empties what it is given
					all[i] = &k
				}
				b.StartTimer()
				NewGuardOf(v, all)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/source")
		})
		b.Run(fmt.Sprintf("search/N=%d", n), func(b *testing.B) {
			_, sources, claims := cachedSources(n)
			g := NewGuard(sources)
			b.ReportAllocs()
			for b.Loop() {
				for _, texts := range claims {
					g.NearMisses(texts, nil)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/source")
		})
	}
}

// retainedBy returns the bytes of heap what make returns holds, per
// source of sources.
func retainedBy(sources [][]string, make func() any) float64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.GC()
	runtime.ReadMemStats(&before)
	kept := make()
	runtime.GC()
	runtime.GC()
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(kept)
	return (float64(after.HeapAlloc) - float64(before.HeapAlloc)) / float64(len(sources))
}

// TestGuardRetained reports the heap the index of a source holds: what
// Keep keeps of it until the guard is built, and its part of the guard,
// which the former NewGuard's index, of every sentence and term, is the
// measure of.
func TestGuardRetained(t *testing.T) {
	_, sources, claims := cachedSources(1000)
	v := NewVocab(claimTexts(claims))
	kept := retainedBy(sources, func() any {
		all := make([]*Kept, len(sources))
		for i, paras := range sources {
			all[i] = v.Keep(paras)
		}
		return all
	})
	guard := retainedBy(sources, func() any { return newGuard(v, sources) })
	old := retainedBy(sources, func() any { return oldNewGuard(sources) })
	t.Logf("per source: %.0f bytes kept, %.0f of the guard; the former NewGuard's index held %.0f", kept, guard, old)
	if kept > old/3 || guard > old/3 {
		t.Errorf("what is kept (%.0f bytes) or the guard (%.0f) holds more than a third of the former index (%.0f)", kept, guard, old)
	}
}

// BenchmarkDiff diffs the quotes of every claim with its first.
func BenchmarkDiff(b *testing.B) {
	_, _, claims := cachedSources(100)
	b.ReportAllocs()
	for b.Loop() {
		for _, texts := range claims {
			for _, t := range texts[1:] {
				Diff(texts[0], t)
			}
		}
	}
}

// retainedPerFigure returns the bytes of heap the figures of the
// sources hold, per figure and per source: the site keeps every
// source's figures until all are grouped, so what they hold is what a
// large dossier's build peaks with.
func retainedPerFigure(sources [][]string) (perFigure, perSource float64) {
	var before, after runtime.MemStats
	// Two collections empty the pool of Figures' scratch (sync.Pool).
	runtime.GC()
	runtime.GC()
	runtime.ReadMemStats(&before)
	kept := make([][]Figure, len(sources))
	figures := 0
	for i, paras := range sources {
		kept[i] = Figures(paras)
		figures += len(kept[i])
	}
	runtime.GC()
	runtime.GC()
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(kept)
	held := float64(after.HeapAlloc) - float64(before.HeapAlloc)
	return held / float64(figures), held / float64(len(sources))
}

// BenchmarkFiguresRetained reports the heap the figures of a source
// hold once extracted (see retainedPerFigure).
func BenchmarkFiguresRetained(b *testing.B) {
	_, sources, _ := cachedSources(1000)
	var perFigure, perSource float64
	for b.Loop() {
		perFigure, perSource = retainedPerFigure(sources)
	}
	b.ReportMetric(perFigure, "B/figure")
	b.ReportMetric(perSource, "B/source")
}

// TestFiguresRetained pins the heap the figures of a source hold: a
// figure held 626 bytes when its context words were a slice and its
// written words a map, and about 180 once packed in one string per
// article; the site keeps every source's figures until all are grouped.
func TestFiguresRetained(t *testing.T) {
	_, sources, _ := cachedSources(100)
	perFigure, perSource := retainedPerFigure(sources)
	t.Logf("%.0f bytes per figure, %.0f per source", perFigure, perSource)
	if perFigure > 210 {
		t.Errorf("the figures hold %.0f bytes each, want at most 210", perFigure)
	}
}
