package clean

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBenchMeta compares, on the benchmark, the headline, date and
// author the text cleaner finds in each scrape with those the HTML
// cleaner finds in the saved page, and prints how often they agree. It
// is skipped unless -bench-dir is set.
func TestBenchMeta(t *testing.T) {
	if *benchDir == "" {
		t.Skip("no -bench-dir")
	}
	files, _ := filepath.Glob(filepath.Join(*benchDir, "articles", "*.html"))
	good := 0
	for _, f := range files {
		raw, _ := os.ReadFile(f)
		h, _ := Clean(f, raw)
		raw2, _ := os.ReadFile(strings.TrimSuffix(f, ".html") + ".scrape.txt")
		x, _ := Clean("x.txt", raw2)
		sim := similarity(words(h.Title), words(x.Title))
		if sim >= 0.7 {
			good++
		} else if *benchPage {
			fmt.Printf("%.2f html=%q\n     text=%q\n", sim, h.Title, x.Title)
		}
	}
	fmt.Printf("headline: text agrees with HTML on %d of %d pages\n", good, len(files))
	var dates, dboth, dagree, authors, aboth, aagree int
	for _, f := range files {
		raw, _ := os.ReadFile(f)
		h, _ := Clean(f, raw)
		raw2, _ := os.ReadFile(strings.TrimSuffix(f, ".html") + ".scrape.txt")
		x, _ := Clean("x.txt", raw2)
		if x.Meta.Published != "" {
			dates++
			if h.Meta.Published != "" {
				dboth++
				if h.Meta.Published == x.Meta.Published {
					dagree++
				}
			}
		}
		if x.Meta.Author != "" {
			authors++
			if h.Meta.Author != "" {
				aboth++
				if similarity(words(h.Meta.Author), words(x.Meta.Author)) >= 0.5 {
					aagree++
				}
			}
		}
	}
	fmt.Printf("published: text finds %d, HTML too on %d, same on %d\n", dates, dboth, dagree)
	fmt.Printf("author: text finds %d, HTML too on %d, alike on %d\n", authors, aboth, aagree)
}

// similarity is the share of the smaller word set that the two word
// lists have in common.
func similarity(a, b []string) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	return setSimilarity(wordSet(a), wordSet(b))
}
