package site

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"maps"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// TestReadInputs checks what a build reads of its inputs before all
// else: the version (the hash of a line a file, in path order), the
// content files the loader reads, served from memory, and the captures
// kept, each taken once.
func TestReadInputs(t *testing.T) {
	content := fstest.MapFS{
		"dossier.yaml":      {Data: []byte("title: T\n")},
		"claims.yaml":       {Data: []byte("[]\n")},
		"sources/a.txt":     {Data: []byte("capture a")},
		"sources/a.yaml":    {Data: []byte("outlet: A\n")},
		"sources/b.html":    {Data: []byte("<p>capture b</p>")},
		"pages/about.md":    {Data: []byte("# About\n")},
		"notes.txt":         {Data: []byte("not read by the loader")},
		".hidden":           {Data: []byte("left out")},
		"sources/.DS_Store": {Data: []byte("left out")},
	}
	templates := fstest.MapFS{"base.html": {Data: []byte("{{define \"base\"}}{{end}}")}}
	static := fstest.MapFS{"style.css": {Data: []byte("p{}")}}
	in, err := readInputs(Config{Content: content, Templates: templates, Static: static})
	if err != nil {
		t.Fatal(err)
	}
	h := sha256.New()
	for _, f := range []struct {
		dir  string
		fsys fstest.MapFS
		path string
	}{
		{"content", content, "claims.yaml"}, {"content", content, "dossier.yaml"}, {"content", content, "notes.txt"},
		{"content", content, "pages/about.md"}, {"content", content, "sources/a.txt"}, {"content", content, "sources/a.yaml"},
		{"content", content, "sources/b.html"}, {"templates", templates, "base.html"}, {"static", static, "style.css"},
	} {
		data := f.fsys[f.path].Data
		fmt.Fprintf(h, "%s/%s %d %x\n", f.dir, f.path, len(data), sha256.Sum256(data))
	}
	if want := hex.EncodeToString(h.Sum(nil))[:12]; in.version != want {
		t.Errorf("version %s, want %s", in.version, want)
	}
	if got := strings.Join(slices.Sorted(maps.Keys(in.files)), " "); got != "claims.yaml dossier.yaml pages/about.md sources/a.yaml" {
		t.Errorf("files kept for the loader: %s", got)
	}
	fsys := in.content(content)
	if data, err := fs.ReadFile(fsys, "sources/a.yaml"); err != nil || string(data) != "outlet: A\n" {
		t.Errorf("sidecar from the inputs: %q, %v", data, err)
	}
	if fi, err := fs.Stat(fsys, "sources/b.html"); err != nil || fi.Size() != int64(len("<p>capture b</p>")) {
		t.Errorf("stat of a kept capture: %v, %v", fi, err)
	}
	if data, err := fs.ReadFile(fsys, "notes.txt"); err != nil || string(data) != "not read by the loader" {
		t.Errorf("file not kept, from the folder: %q, %v", data, err)
	}
	raw, sum, ok := in.capture("sources/a.txt")
	if !ok || string(raw) != "capture a" || sum != sha256.Sum256(raw) {
		t.Errorf("capture a: %q, %x, %v", raw, sum, ok)
	}
	if _, _, ok := in.capture("sources/a.txt"); ok {
		t.Error("capture a taken twice")
	}
	if _, _, ok := in.capture("notes.txt"); ok {
		t.Error("notes.txt kept as a capture")
	}
	if _, _, ok := (*inputs)(nil).capture("sources/a.txt"); ok {
		t.Error("a capture from no inputs")
	}
}

// TestReadInputsBudget checks that captures beyond keepCaptures bytes
// are not kept, and that a file that cannot be read is the error, after
// what was read.
func TestReadInputsBudget(t *testing.T) {
	content := fstest.MapFS{"dossier.yaml": {Data: []byte("title: T\n")}}
	big := make([]byte, keepCaptures/4+1)
	for i := range 5 {
		content[fmt.Sprintf("sources/s%d.txt", i)] = &fstest.MapFile{Data: big}
	}
	in, err := readInputs(Config{Content: content, Templates: fstest.MapFS{}, Static: fstest.MapFS{}})
	if err != nil {
		t.Fatal(err)
	}
	if n := len(in.captures); n != 3 {
		t.Errorf("%d captures of %d bytes kept under a budget of %d, want 3", n, len(big), keepCaptures)
	}
	content["sources/s9.txt"] = &fstest.MapFile{Mode: fs.ModeSymlink} // not readable as a file
	in, err = readInputs(Config{Content: content, Templates: fstest.MapFS{}, Static: fstest.MapFS{}})
	if err == nil || !strings.Contains(err.Error(), "content: ") || in == nil || in.files["dossier.yaml"] == nil {
		t.Errorf("unreadable file: error %v, inputs %v", err, in)
	}
}
