package content

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/gen-dossier/gen/internal/diag"
	"golang.org/x/tools/txtar"
)

// FuzzLoad feeds arbitrary bytes to each YAML file of a small dossier:
// Load must never panic, and must either succeed or return a diag.List
// whose every error names a file.
func FuzzLoad(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.txt")
	for _, file := range files {
		ar, err := txtar.ParseFile(file)
		if err != nil {
			f.Fatal(err)
		}
		for _, af := range ar.Files {
			if strings.HasSuffix(af.Name, ".yaml") {
				f.Add(uint8(0), af.Data)
				f.Add(uint8(1), af.Data)
				f.Add(uint8(2), af.Data)
			}
		}
	}
	for _, p := range []string{"../../content/claims.yaml", "../../content/timeline.yaml", "../../content/dossier.yaml"} {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(uint8(0), data)
		}
	}
	f.Fuzz(func(t *testing.T, which uint8, data []byte) {
		fsys := fstest.MapFS{
			"dossier.yaml":   {Data: []byte("title: T\n")},
			"sources/a.txt":  {Data: []byte("Text.\n")},
			"sources/a.yaml": {Data: []byte("outlet: A\n")},
		}
		target := []string{"claims.yaml", "timeline.yaml", "sources/a.yaml", "dossier.yaml", "pages/p.md"}[int(which)%5]
		fsys[target] = &fstest.MapFile{Data: data}
		d, err := Load(fsys, "content")
		if err == nil {
			if d == nil {
				t.Fatal("nil dossier without error")
			}
			return
		}
		var list diag.List
		if !errors.As(err, &list) {
			t.Fatalf("error is %T, not diag.List: %v", err, err)
		}
		for _, e := range list {
			if e.Pos.File == "" {
				t.Errorf("error without a file: %v", e)
			}
		}
	})
}
