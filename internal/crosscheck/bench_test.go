package crosscheck

import (
	"fmt"
	"strings"
	"testing"

	"github.com/gen-dossier/gen/internal/corpus"
)

// benchSources returns the article paragraphs of a generated dossier of
// n sources (its long lines), and its claims' texts.
func benchSources(n int) (names []string, sources [][]string, claims [][]string) {
	files := corpus.Generate(n)
	for _, p := range corpus.Paths(files) {
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

func BenchmarkFigures(b *testing.B) {
	for _, n := range []int{100, 1000} {
		names, sources, _ := benchSources(n)
		b.Run(fmt.Sprintf("extract/N=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				for _, paras := range sources {
					Figures(paras)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/source")
		})
		all := make([]SourceFigures, len(sources))
		for i, paras := range sources {
			all[i] = SourceFigures{Source: names[i], Figures: Figures(paras)}
		}
		b.Run(fmt.Sprintf("group/N=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				Group(all)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/source")
		})
	}
}

func BenchmarkGuard(b *testing.B) {
	for _, n := range []int{100, 1000} {
		_, sources, claims := benchSources(n)
		b.Run(fmt.Sprintf("index/N=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				NewGuard(sources)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/source")
		})
		g := NewGuard(sources)
		b.Run(fmt.Sprintf("search/N=%d", n), func(b *testing.B) {
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
