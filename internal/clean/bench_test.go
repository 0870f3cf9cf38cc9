package clean

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/gen-dossier/gen/internal/corpus"
)

var (
	benchDir  = flag.String("bench-dir", "", "article-extraction benchmark folder (with articles/ and split.tsv) for TestBenchScore")
	benchPage = flag.Bool("bench-pages", false, "with -bench-dir, print one line per page")
	benchOut  = flag.String("bench-out", "", "with -bench-dir, write each prediction to this folder as ID.KIND.txt")
)

// TestBenchScore cleans every capture of the benchmark and prints the
// benchmark's precision, recall and F1 per input kind, and throughput.
// It is skipped unless -bench-dir is set.
func TestBenchScore(t *testing.T) {
	if *benchDir == "" {
		t.Skip("no -bench-dir")
	}
	dir := filepath.Join(*benchDir, "articles")
	truths, err := filepath.Glob(filepath.Join(dir, "*.truth.txt"))
	if err != nil || len(truths) == 0 {
		t.Fatalf("no *.truth.txt in %s", dir)
	}
	sort.Strings(truths)
	for _, kind := range []string{".scrape.txt", ".html"} {
		var pages []pageScore
		var size int64
		var elapsed time.Duration
		for _, tf := range truths {
			id := strings.TrimSuffix(filepath.Base(tf), ".truth.txt")
			truth, err := os.ReadFile(tf)
			if err != nil {
				t.Fatal(err)
			}
			raw, err := os.ReadFile(filepath.Join(dir, id+kind))
			if err != nil {
				t.Fatal(err)
			}
			begin := time.Now()
			a, err := Clean(id+kind, raw)
			elapsed += time.Since(begin)
			size += int64(len(raw))
			pred := ""
			if err != nil {
				t.Errorf("%s%s: %v", id, kind, err)
			} else {
				pred = string(a.Text())
				checkOutput(t, a)
				if kind == ".scrape.txt" {
					src, _ := decode(raw, false)
					checkAccounted(t, src, a)
				}
			}
			if *benchOut != "" {
				os.WriteFile(filepath.Join(*benchOut, id+kind+".txt"), []byte(pred), 0o666)
			}
			tp, fp, fn := pageCounts(string(truth), pred)
			pages = append(pages, pageScore{tp, fp, fn})
			if *benchPage {
				pp, pr := pagePrecision(tp, fp, fn), pageRecall(tp, fp, fn)
				fmt.Printf("%s\t%s\tP=%.3f\tR=%.3f\n", id[:12], kind, pp, pr)
			}
		}
		p, r, f1 := aggregate(pages)
		mbs := float64(size) / 1e6 / elapsed.Seconds()
		fmt.Printf("%-11s pages=%d P=%.3f R=%.3f F1=%.3f  %.1f MB/s\n", kind, len(pages), p, r, f1, mbs)
	}
}

// defaultBenchDir is where the benchmark sits beside a checkout of the
// repository (the Makefile's BENCH default), seen from this package.
const defaultBenchDir = "../../../shared/bench"

// benchCaptures returns the benchmark captures whose names end in ext,
// or skips b when the benchmark folder is missing.
func benchCaptures(b *testing.B, ext string) [][]byte {
	dir := *benchDir
	if dir == "" {
		dir = defaultBenchDir
	}
	files, _ := filepath.Glob(filepath.Join(dir, "articles", "*"+ext))
	if len(files) == 0 {
		b.Skipf("no *%s in %s/articles", ext, dir)
	}
	sort.Strings(files)
	return readFiles(b, files)
}

// readFiles returns the contents of files.
func readFiles(b *testing.B, files []string) [][]byte {
	var raws [][]byte
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		raws = append(raws, raw)
	}
	return raws
}

// benchClean cleans every capture of raws per iteration and reports
// the throughput.
func benchClean(b *testing.B, name string, raws [][]byte) {
	var size int64
	for _, raw := range raws {
		size += int64(len(raw))
	}
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for _, raw := range raws {
			if _, err := Clean(name, raw); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkCleanBenchText measures throughput on all the text scrapes
// of the benchmark (-bench-dir, else defaultBenchDir).
func BenchmarkCleanBenchText(b *testing.B) {
	benchClean(b, "capture.txt", benchCaptures(b, ".scrape.txt"))
}

// BenchmarkCleanBenchHTML measures throughput on all the saved pages of
// the benchmark.
func BenchmarkCleanBenchHTML(b *testing.B) {
	benchClean(b, "capture.html", benchCaptures(b, ".html"))
}

// BenchmarkCleanSeeds measures throughput on the seed captures.
func BenchmarkCleanSeeds(b *testing.B) {
	files, _ := filepath.Glob(filepath.Join("testdata", "seeds", "*.txt"))
	benchClean(b, "capture.txt", readFiles(b, files))
}

// BenchmarkCleanCorpus measures throughput on the captures of a
// generated dossier of 300 sources (internal/corpus), the build's
// plain-text workload.
func BenchmarkCleanCorpus(b *testing.B) {
	files := corpus.Generate(300)
	var names []string
	for name := range files {
		if strings.HasPrefix(name, "sources/") && strings.HasSuffix(name, ".txt") {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	raws := make([][]byte, len(names))
	for i, name := range names {
		raws[i] = files[name]
	}
	benchClean(b, "capture.txt", raws)
}

// BenchmarkCleanLargeText measures throughput and memory on one large
// text capture: the benchmark's scrapes joined, about 1 MB.
func BenchmarkCleanLargeText(b *testing.B) {
	raw := bytes.Join(benchCaptures(b, ".scrape.txt"), []byte("\n\n"))
	benchClean(b, "capture.txt", [][]byte{raw})
}
