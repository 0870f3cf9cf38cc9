package clean

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"
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
