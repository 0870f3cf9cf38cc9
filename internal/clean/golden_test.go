package clean

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite the expected sections of testdata/*.txt")

// formatRemoved lists removed lines one per line: "LINE REASON TEXT".
func formatRemoved(rs []Removed) []byte {
	var b bytes.Buffer
	for _, r := range rs {
		fmt.Fprintf(&b, "%d %s %s\n", r.Line, r.Reason, r.Text)
	}
	return b.Bytes()
}

// TestGolden runs each testdata/*.txt case: a txtar archive with a
// capture.txt or capture.html section, and the expected article.md
// (Article.Markdown) and removed (formatRemoved) sections. go test
// -update rewrites the expected sections.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no testdata/*.txt: %v", err)
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txt"), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			var capture *txtar.File
			for i := range ar.Files {
				if strings.HasPrefix(ar.Files[i].Name, "capture.") {
					capture = &ar.Files[i]
				}
			}
			if capture == nil {
				t.Fatalf("%s: no capture.txt or capture.html section", file)
			}
			a, err := Clean(capture.Name, capture.Data)
			if err != nil {
				t.Fatalf("%s: %v", file, err)
			}
			if strings.HasSuffix(capture.Name, ".txt") {
				checkAccounted(t, string(capture.Data), a)
			}
			got := map[string][]byte{"article.md": a.Markdown(), "removed": formatRemoved(a.Removed)}
			if *update {
				out := &txtar.Archive{Comment: ar.Comment, Files: []txtar.File{*capture}}
				for _, name := range []string{"article.md", "removed"} {
					out.Files = append(out.Files, txtar.File{Name: name, Data: got[name]})
				}
				if err := os.WriteFile(file, txtar.Format(out), 0o666); err != nil {
					t.Fatal(err)
				}
				return
			}
			for _, name := range []string{"article.md", "removed"} {
				var want []byte
				found := false
				for _, f := range ar.Files {
					if f.Name == name {
						want, found = f.Data, true
					}
				}
				if !found {
					t.Errorf("%s: no %s section (run go test -update)", file, name)
					continue
				}
				if !bytes.Equal(got[name], want) {
					t.Errorf("%s: %s differs:\n--- have\n%s--- want\n%s", file, name, got[name], want)
				}
			}
		})
	}
}
