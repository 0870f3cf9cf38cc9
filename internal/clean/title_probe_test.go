package clean

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestTitleProbe(t *testing.T) {
	if *benchDir == "" {
		t.Skip()
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
		} else {
			fmt.Printf("%.2f html=%q\n     text=%q\n", sim, h.Title, x.Title)
		}
	}
	fmt.Println("agree", good, len(files))
}
