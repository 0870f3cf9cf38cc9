package clean

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
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
	fmt.Printf("TITLE %q\n", a.Title)
	m, _ := json.Marshal(a.Meta)
	fmt.Println(string(m), "repairs", a.Repairs)
	for _, b := range a.Blocks {
		fmt.Printf("K %3d %d %.100s\n", b.Line, b.Kind, b.Text)
	}
	for _, r := range a.Removed {
		fmt.Printf("R %3d %-15s %.90s\n", r.Line, r.Reason, r.Text)
	}
}
