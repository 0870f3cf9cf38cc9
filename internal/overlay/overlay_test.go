package overlay

import (
	"io/fs"
	"testing"
	"testing/fstest"
)

func TestOverlay(t *testing.T) {
	top := fstest.MapFS{"base.html": {Data: []byte("mine")}, "extra.css": {Data: []byte("x")}}
	defaults := fstest.MapFS{"base.html": {Data: []byte("default")}, "index.html": {Data: []byte("index")}, "img/a.svg": {Data: []byte("<svg/>")}}
	o := New(top, defaults)
	for name, want := range map[string]string{"base.html": "mine", "index.html": "index", "extra.css": "x", "img/a.svg": "<svg/>"} {
		got, err := fs.ReadFile(o, name)
		if err != nil || string(got) != want {
			t.Errorf("%s = %q, %v; want %q", name, got, err, want)
		}
	}
	if _, err := fs.ReadFile(o, "nope"); err == nil {
		t.Error("missing file found")
	}
	var names []string
	fs.WalkDir(o, ".", func(p string, e fs.DirEntry, err error) error {
		if err == nil && !e.IsDir() {
			names = append(names, p)
		}
		return err
	})
	want := []string{"base.html", "extra.css", "img/a.svg", "index.html"}
	if len(names) != len(want) {
		t.Fatalf("walk = %v, want %v", names, want)
	}
	for i := range want {
		if names[i] != want[i] {
			t.Errorf("walk = %v, want %v", names, want)
		}
	}
	if err := fstest.TestFS(o, "base.html", "index.html", "img/a.svg"); err != nil {
		t.Error(err)
	}
}
