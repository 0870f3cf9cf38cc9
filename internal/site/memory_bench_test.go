package site

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/gen-dossier/gen/internal/corpus"
)

// BenchmarkPeakHeapByCaptureMB builds generated dossiers holding the
// given MB of captures (GEN_BENCH_MB=10,100,1000; it is skipped without
// it, being slow) as gen build does: from a content folder on disk,
// streamed into an output folder. It reports the peak heap of one build,
// and per MB of captures: linear growth shows as the same MiB per MB at
// every size. The folders go under GEN_BENCH_DIR, or the test's
// temporary folder. Generated captures are about 3 KB, so 1,000 MB of
// them are 300,000 sources; GEN_BENCH_CAPTURE_KB=100 pads each with a
// site's boilerplate to the size of a saved page instead, so that the
// sizes are 100, 1,000 and 10,000 sources.
func BenchmarkPeakHeapByCaptureMB(b *testing.B) {
	env := os.Getenv("GEN_BENCH_MB")
	if env == "" {
		b.Skip("set GEN_BENCH_MB=10,100,1000 to measure peak heap by size of captures")
	}
	var sizes []int
	for _, f := range strings.Split(env, ",") {
		if mb, err := strconv.Atoi(strings.TrimSpace(f)); err == nil && mb > 0 {
			sizes = append(sizes, mb)
		}
	}
	size := 0
	if kb, err := strconv.Atoi(os.Getenv("GEN_BENCH_CAPTURE_KB")); err == nil {
		size = kb << 10
	}
	// The average capture size of a generated dossier.
	sample := corpus.GenerateSized(100, size)
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
			root := os.Getenv("GEN_BENCH_DIR")
			if root == "" {
				root = b.TempDir()
			}
			dir, err := os.MkdirTemp(root, "peakheap-")
			if err != nil {
				b.Fatal(err)
			}
			defer os.RemoveAll(dir)
			content := filepath.Join(dir, "content")
			if err := corpus.Write(content, corpus.GenerateSized(n, size)); err != nil {
				b.Fatal(err)
			}
			cfg := repoConfig()
			cfg.Content, cfg.ContentDir = os.DirFS(content), content
			out := filepath.Join(dir, "public")
			b.ResetTimer()
			for range b.N {
				peak := peakHeap(b, func() {
					if _, err := BuildTo(cfg, out); err != nil {
						b.Fatal(err)
					}
				})
				b.ReportMetric(peak/float64(mb), "peak-MiB-per-MB")
			}
			b.ReportMetric(float64(n), "sources")
		})
	}
}
