package clean

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

var dumpFile = flag.String("dump", "", "print the cleaning of this capture, line by line (with -run TestDump)")

// TestDump prints how one capture is cleaned: a debugging aid, skipped
// unless -dump names a file.
func TestDump(t *testing.T) {
	if *dumpFile == "" {
		t.Skip("no -dump file")
	}
	raw, err := os.ReadFile(*dumpFile)
	if err != nil {
		t.Fatal(err)
	}
	a, err := Clean(filepath.Base(*dumpFile), raw)
	if err != nil {
		t.Fatal(err)
	}
	// Next to a benchmark capture, mark the lines its truth contains.
	truth := ""
	if b, err := os.ReadFile(strings.TrimSuffix(strings.TrimSuffix(*dumpFile, ".html"), ".scrape.txt") + ".truth.txt"); err == nil {
		truth = normSpace(string(b))
	}
	mark := func(s string) string {
		if truth != "" && strings.Contains(truth, s) {
			return "*"
		}
		return " "
	}
	type row struct {
		line int
		s    string
	}
	var rows []row
	for _, b := range a.Blocks {
		rows = append(rows, row{b.Line, fmt.Sprintf("K%s %4d %d %.100s", mark(b.Text), b.Line, b.Kind, b.Text)})
	}
	for _, r := range a.Removed {
		rows = append(rows, row{r.Line, fmt.Sprintf("R%s %4d %-15s %.90s", mark(r.Text), r.Line, r.Reason, r.Text)})
	}
	sort.SliceStable(rows, func(i, j int) bool { return rows[i].line < rows[j].line })
	fmt.Printf("TITLE %q\n", a.Title)
	m, _ := json.Marshal(a.Meta)
	fmt.Println(string(m), "repairs", a.Repairs)
	for _, r := range rows {
		fmt.Println(r.s)
	}
}
