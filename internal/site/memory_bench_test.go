package site

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/gen-dossier/gen/internal/corpus"
)

// BenchmarkPeakHeapByCaptureMB builds generated dossiers holding the
// given MB of captures (GEN_BENCH_MB=10,100,1000; it is skipped without
// it, being slow) and reports the peak heap of one build: linear growth
// shows as peak-heap-MiB growing in step with the sizes.
func BenchmarkPeakHeapByCaptureMB(b *testing.B) {
	env := os.Getenv("GEN_BENCH_MB")
	if env == "" {
		b.Skip("set GEN_BENCH_MB=10,100,1000 to measure peak heap by size of captures")
	}
	var sizes []int
	{
		for _, f := range strings.Split(env, ",") {
			if mb, err := strconv.Atoi(strings.TrimSpace(f)); err == nil && mb > 0 {
				sizes = append(sizes, mb)
			}
		}
	}
	// The average capture size of a generated dossier.
	sample := corpus.Generate(100)
	var bytes, captures int
	for p, data := range sample {
		if strings.HasPrefix(p, "sources/") && strings.HasSuffix(p, ".txt") {
			bytes += len(data)
			captures++
		}
	}
	avg := bytes / captures
	for _, mb := range sizes {
		b.Run(fmt.Sprintf("MB=%d", mb), func(b *testing.B) {
			n := mb << 20 / avg
			fsys := fstest.MapFS{}
			for p, data := range corpus.Generate(n) {
				fsys[p] = &fstest.MapFile{Data: data}
			}
			cfg := repoConfig()
			cfg.Content = fsys
			b.ResetTimer()
			for range b.N {
				peakHeap(b, func() { mustBuild(b, cfg) })
			}
			b.ReportMetric(float64(n), "sources")
		})
	}
}
