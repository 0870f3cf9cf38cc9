// Package golden runs golden-file test cases kept as txtar archives, one
// case per file, in the style of go/doc/comment's testdata: the input
// files of a case and named output sections side by side. Running the
// tests with -update rewrites the output sections from what the code
// produces now.
package golden

import (
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite the expected sections of the golden txtar cases")

// A Case is one txtar file: its input files and expected outputs.
type Case struct {
	File   string
	Input  map[string][]byte // files that are not output sections
	Want   map[string]string // output sections
	Sorted []string          // input file names in archive order
}

// Run runs fn on every case matching pattern (e.g. "testdata/*.txt") as
// a subtest. outputs names the sections fn produces; fn returns them, an
// empty string meaning "no such section". Each output is compared with
// the case's section, or written back with -update.
func Run(t *testing.T, pattern string, outputs []string, fn func(t *testing.T, c *Case) map[string]string) {
	t.Helper()
	files, _ := filepath.Glob(pattern)
	if len(files) == 0 {
		t.Fatalf("no test cases match %s", pattern)
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txt"), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			c := &Case{File: file, Input: map[string][]byte{}, Want: map[string]string{}}
			for _, f := range ar.Files {
				if slices.Contains(outputs, f.Name) {
					c.Want[f.Name] = string(f.Data)
				} else {
					c.Input[f.Name] = f.Data
					c.Sorted = append(c.Sorted, f.Name)
				}
			}
			got := fn(t, c)
			if *update {
				var kept []txtar.File
				for _, f := range ar.Files {
					if !slices.Contains(outputs, f.Name) {
						kept = append(kept, f)
					}
				}
				for _, name := range outputs {
					if got[name] != "" {
						kept = append(kept, txtar.File{Name: name, Data: []byte(got[name])})
					}
				}
				ar.Files = kept
				if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			for _, name := range outputs {
				if got[name] != c.Want[name] {
					t.Errorf("%s: section %q:\n got:\n%s\nwant:\n%s", file, name, got[name], c.Want[name])
				}
			}
		})
	}
}
