package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gen-dossier/gen/internal/golden"
)

// baseDossier is the valid dossier every bad-input case starts from; a
// case's files are added to it or replace its files.
var baseDossier = map[string]string{
	"content/dossier.yaml":      "title: A test dossier\n",
	"content/sources/wire.txt":  "Wire Service\n\nOfficials said China supplied 90% of Russia's microelectronics imports in 2023, a sharp rise over the year before.\n\nThe embassy rejected the report and said that normal trade should not be subject to interference or restrictions.\n",
	"content/sources/wire.yaml": "outlet: Wire\n",
}

// setup writes the base dossier, the repository's templates and static
// files, the case's files, and a previous build in public/, and returns
// the folder and a snapshot of public/.
func setup(t *testing.T, files map[string][]byte) (string, map[string]string) {
	t.Helper()
	dir := t.TempDir()
	for _, d := range []string{"templates", "static"} {
		entries, _ := os.ReadDir(filepath.Join("..", "..", d))
		os.MkdirAll(filepath.Join(dir, d), 0o755)
		for _, e := range entries {
			data, _ := os.ReadFile(filepath.Join("..", "..", d, e.Name()))
			os.WriteFile(filepath.Join(dir, d, e.Name()), data, 0o644)
		}
	}
	write := func(name string, data []byte) {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for name, data := range baseDossier {
		write(name, []byte(data))
	}
	for name, data := range files {
		write(name, data)
	}
	write("public/dossier.json", []byte(`{"previous":"build"}`))
	write("public/index.html", []byte("<p>previous build</p>"))
	write("public/sources/old.html", []byte("<p>old page</p>"))
	return dir, snapshotDir(t, filepath.Join(dir, "public"))
}

func snapshotDir(t *testing.T, dir string) map[string]string {
	t.Helper()
	m := map[string]string{}
	filepath.WalkDir(dir, func(p string, e os.DirEntry, err error) error {
		if err == nil && !e.IsDir() {
			data, _ := os.ReadFile(p)
			rel, _ := filepath.Rel(dir, p)
			m[rel] = string(data)
		}
		return nil
	})
	return m
}

func same(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

// TestBadInput runs each testdata/bad/*.txt case: gen build must exit 1
// with exactly the expected messages and leave public/ untouched.
func TestBadInput(t *testing.T) {
	golden.Run(t, "../../testdata/bad/*.txt", []string{"stderr"}, func(t *testing.T, c *golden.Case) map[string]string {
		dir, before := setup(t, c.Input)
		code, stdout, stderr := gen(t, dir)
		if code != 1 || stdout != "" {
			t.Errorf("exit %d, stdout %q; want 1 and nothing", code, stdout)
		}
		if !same(before, snapshotDir(t, filepath.Join(dir, "public"))) {
			t.Error("public/ changed")
		}
		return map[string]string{"stderr": stderr}
	})
}

// TestBadBytes covers the captures a txtar file cannot hold: invalid
// encodings and binary data. UTF-16 with a byte-order mark is decoded.
func TestBadBytes(t *testing.T) {
	utf16le := []byte{0xFF, 0xFE}
	for _, r := range "Officials said China supplied 90% of Russia's microelectronics imports in 2023, a sharp rise over the year before.\n" {
		utf16le = append(utf16le, byte(r), byte(r>>8))
	}
	tests := []struct {
		name    string
		capture []byte
		code    int
		want    string
	}{
		{"invalid-utf8", []byte("A line.\nOfficials said \xff\xfe China supplied it.\n"), 1,
			"content/sources/wire.txt:2: cannot read the capture: invalid UTF-8: byte 0xFF at offset 23\n\thint: re-save the capture as UTF-8\n"},
		{"binary", append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), make([]byte, 64)...), 1,
			"content/sources/wire.txt:3: cannot read the capture: binary data: NUL byte in the capture\n\thint: save the page as text (.txt) or HTML (.html), not as a PDF, image or archive\n"},
		{"utf16-odd", []byte{0xFF, 0xFE, 'a', 0, 'b'}, 1,
			"content/sources/wire.txt: cannot read the capture: invalid UTF-16: odd number of bytes\n\thint: re-save the capture as UTF-8\n"},
		{"utf16-decoded", utf16le, 0, ""},
		{"50mb", bytes.Repeat([]byte("Officials said so.\n"), 50<<20/19+1), 1,
			"content/sources/wire.txt: capture is 50.0 MB, over the limit of 16 MB\n\thint: a saved article is rarely over 2 MB: check that this is the right file, or save the page again as text\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir, before := setup(t, map[string][]byte{"content/sources/wire.txt": tt.capture})
			code, _, stderr := gen(t, dir)
			if code != tt.code {
				t.Fatalf("exit %d, want %d: %s", code, tt.code, stderr)
			}
			if tt.code == 0 {
				return
			}
			if !strings.HasPrefix(stderr, tt.want) {
				t.Errorf("stderr:\n%s\nwant prefix:\n%s", stderr, tt.want)
			}
			if !same(before, snapshotDir(t, filepath.Join(dir, "public"))) {
				t.Error("public/ changed")
			}
		})
	}
}

// TestOutputFolderErrors: an output folder that cannot be created, and
// one that holds something other than a previous build.
func TestOutputFolderErrors(t *testing.T) {
	dir, _ := setup(t, nil)
	os.WriteFile(filepath.Join(dir, "afile"), []byte("x"), 0o644)
	code, _, stderr := gen(t, dir, "build", "-out", "afile/public")
	if code != 1 || !strings.Contains(stderr, "cannot create the output folder") {
		t.Errorf("out under a file: exit %d: %s", code, stderr)
	}
	os.MkdirAll(filepath.Join(dir, "notes"), 0o755)
	os.WriteFile(filepath.Join(dir, "notes", "thesis.txt"), []byte("precious"), 0o644)
	code, _, stderr = gen(t, dir, "build", "-out", "notes")
	if code != 1 || !strings.Contains(stderr, "refusing to replace notes") {
		t.Errorf("out is a foreign folder: exit %d: %s", code, stderr)
	}
	if data, _ := os.ReadFile(filepath.Join(dir, "notes", "thesis.txt")); !bytes.Equal(data, []byte("precious")) {
		t.Error("foreign folder touched")
	}
	code, _, stderr = gen(t, dir, "build", "-out", "brand/new/public")
	if code != 0 {
		t.Errorf("missing output folder is not created: %s", stderr)
	}
}
