package site

import (
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// stats returns the file info of every file under dir.
func stats(t *testing.T, dir string) map[string]fs.FileInfo {
	t.Helper()
	out := map[string]fs.FileInfo{}
	err := filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		info, err := os.Stat(p)
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = info
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestWriteOnlyChanges checks that a rebuild rewrites no unchanged file:
// with nothing changed, every file is the same file with the same
// modification time; with one page changed, one page added in a new
// folder and one removed, only those are touched.
func TestWriteOnlyChanges(t *testing.T) {
	o, dir := writtenRepo(t)
	before := stats(t, dir)
	time.Sleep(10 * time.Millisecond) // so that a rewrite would show in the times
	if err := o.Write(dir); err != nil {
		t.Fatal(err)
	}
	after := stats(t, dir)
	for p, b := range before {
		a := after[p]
		if a == nil || !os.SameFile(a, b) || !a.ModTime().Equal(b.ModTime()) {
			t.Errorf("%s rewritten by a rebuild with nothing changed", p)
		}
	}

	files := make(map[string][]byte, len(o.files))
	for p, data := range o.files {
		files[p] = data
	}
	files["claims.html"] = append([]byte("<!-- changed -->"), files["claims.html"]...)
	files["new/deep/page.html"] = []byte("<p>new</p>")
	delete(files, "timeline.html")
	o2 := &Output{files: files}
	if err := o2.Write(dir); err != nil {
		t.Fatal(err)
	}
	if diffs, err := o2.Diff(dir); err != nil || len(diffs) != 0 {
		t.Fatalf("Diff after Write = %v, %v", diffs, err)
	}
	after = stats(t, dir)
	var touched []string
	for p, a := range after {
		if b := before[p]; b == nil || !os.SameFile(a, b) {
			touched = append(touched, p)
		}
	}
	slices.Sort(touched)
	if want := []string{"claims.html", "new/deep/page.html"}; !slices.Equal(touched, want) {
		t.Errorf("written: %q, want %q", touched, want)
	}

	// Back to the first build: the new folder goes with its file.
	if err := o.Write(dir); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "new")); !os.IsNotExist(err) {
		t.Errorf("folder of a removed page left behind: %v", err)
	}
	if diffs, _ := o.Diff(dir); len(diffs) != 0 {
		t.Errorf("after going back: %v", diffs)
	}
	nothingBeside(t, dir)
}

// TestWriteReplacesFolderWithFile checks a page that takes the place of
// a folder of the previous build, and the other way round.
func TestWriteReplacesFolderWithFile(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	a := &Output{files: map[string][]byte{"dossier.json": []byte("{}"), "x/y.html": []byte("y")}}
	b := &Output{files: map[string][]byte{"dossier.json": []byte("{}"), "x": []byte("x")}}
	for i, o := range []*Output{a, b, a} {
		if err := o.Write(dir); err != nil {
			t.Fatalf("write %d: %v", i, err)
		}
		if diffs, err := o.Diff(dir); err != nil || len(diffs) != 0 {
			t.Fatalf("write %d: Diff = %v, %v", i, diffs, err)
		}
	}
}

// TestWriteUndoes makes every step of swapping files in fail in turn and
// checks that the previous build is left exactly as it was.
func TestWriteUndoes(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	old := &Output{files: map[string][]byte{"dossier.json": []byte("{1}"), "a.html": []byte("a"), "gone/x.html": []byte("x"), "x": []byte("file")}}
	next := &Output{files: map[string][]byte{"dossier.json": []byte("{2}"), "a.html": []byte("a"), "b/c/d.html": []byte("d"), "x/y": []byte("y")}}
	defer func() { rename, swap = os.Rename, exchange }()
	for fail := 0; ; fail++ {
		if err := old.Write(dir); err != nil {
			t.Fatal(err)
		}
		before := snapshot(t, dir)
		calls := 0
		failing := func() error {
			calls++
			if calls > fail {
				return fs.ErrPermission
			}
			return nil
		}
		rename = func(a, b string) error {
			if err := failing(); err != nil {
				return err
			}
			return os.Rename(a, b)
		}
		swap = func(a, b string) error {
			if err := failing(); err != nil {
				return err
			}
			return exchange(a, b)
		}
		err := next.Write(dir)
		rename, swap = os.Rename, exchange
		if err == nil {
			if diffs, _ := next.Diff(dir); len(diffs) != 0 {
				t.Fatalf("Write succeeded but %v", diffs)
			}
			if fail == 0 {
				t.Fatal("nothing to fail")
			}
			break
		}
		if after := snapshot(t, dir); !maps.Equal(before, after) {
			t.Fatalf("failing at step %d changed the previous output:\n%v\n%v", fail+1, before, after)
		}
		if entries, _ := os.ReadDir(filepath.Dir(dir)); len(entries) != 1 {
			t.Fatalf("failing at step %d left beside the output: %v", fail+1, entries)
		}
	}
}

// nothingBeside checks that a write left nothing (staging folders, lock
// files) beside the output folder dir.
func nothingBeside(t *testing.T, dir string) {
	t.Helper()
	if entries, _ := os.ReadDir(filepath.Dir(dir)); len(entries) != 1 {
		t.Errorf("left beside the output: %v", entries)
	}
}

// TestStageCreate checks a file written to a stage piece by piece: it
// ends up with exactly what was written, and it is only compared, the
// previous build's file kept, when that is the same; also when a first
// attempt at it was dropped (the same, different, shorter or longer).
func TestStageCreate(t *testing.T) {
	const old = "0123456789abcdef"
	tests := []struct {
		name   string
		pieces []string
	}{
		{"same", []string{"0123", "4567", "89abcdef"}},
		{"same, one piece", []string{old}},
		{"same, empty pieces", []string{"", "0123456789", "", "abcdef"}},
		{"differs first", []string{"X123", "456789abcdef"}},
		{"differs in a later piece", []string{"0123", "45X7", "89abcdef"}},
		{"differs last", []string{"0123456789abcde", "X"}},
		{"shorter", []string{"0123", "4567"}},
		{"longer", []string{"0123456789", "abcdef", "gh"}},
		{"longer within a piece", []string{"0123456789abcdefgh"}},
		{"empty", nil},
	}
	for _, tt := range tests {
		for _, dropped := range []string{"", old, "X123", "0123", old + "gh"} {
			t.Run(tt.name+", dropped "+dropped, func(t *testing.T) {
				dir := filepath.Join(t.TempDir(), "public")
				prev := &Output{files: map[string][]byte{marker: []byte("{}"), "a/f.json": []byte(old)}}
				if err := prev.Write(dir); err != nil {
					t.Fatal(err)
				}
				before := stats(t, dir)
				st, err := openStage(dir)
				if err != nil {
					t.Fatal(err)
				}
				if err := st.put(marker, []byte("{}")); err != nil {
					t.Fatal(err)
				}
				if dropped != "" {
					w, err := st.create("a/f.json")
					if err != nil {
						t.Fatal(err)
					}
					if _, err := w.Write([]byte(dropped)); err != nil {
						t.Fatal(err)
					}
					w.drop()
				}
				w, err := st.create("a/f.json")
				if err != nil {
					t.Fatal(err)
				}
				want := ""
				for _, p := range tt.pieces {
					if _, err := w.Write([]byte(p)); err != nil {
						t.Fatal(err)
					}
					want += p
				}
				if err := w.Close(); err != nil {
					t.Fatal(err)
				}
				if err := st.commit(); err != nil {
					t.Fatal(err)
				}
				got, err := os.ReadFile(filepath.Join(dir, "a", "f.json"))
				if err != nil {
					t.Fatal(err)
				}
				if string(got) != want {
					t.Errorf("file holds %q, want %q", got, want)
				}
				kept := os.SameFile(before["a/f.json"], stats(t, dir)["a/f.json"])
				if kept != (want == old) {
					t.Errorf("previous file kept: %v, want %v", kept, want == old)
				}
				nothingBeside(t, dir)
			})
		}
	}
}

// TestStageOldGrew checks that a previous build's file that grew after
// the stage listed it is not kept for a file holding its first bytes.
func TestStageOldGrew(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	prev := &Output{files: map[string][]byte{marker: []byte("{}"), "f.txt": []byte("same")}}
	if err := prev.Write(dir); err != nil {
		t.Fatal(err)
	}
	st, err := openStage(dir)
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.OpenFile(filepath.Join(dir, "f.txt"), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString(" and more, by hand")
	f.Close()
	for p, data := range prev.files {
		if err := st.put(p, data); err != nil {
			t.Fatal(err)
		}
	}
	if err := st.commit(); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "f.txt")); string(got) != "same" {
		t.Errorf("f.txt holds %q, want %q", got, "same")
	}
}

// TestComparisonCreate checks that a file compared piece by piece as it
// is written (gen check's claims page and dossier.json) is found stale,
// missing or the same as when compared whole.
func TestComparisonCreate(t *testing.T) {
	const old = "0123456789abcdef"
	tests := []struct {
		name   string
		pieces []string
		folder bool // the folder's file is a folder
		none   bool // the folder has no such file
	}{
		{"same", []string{"0123", "4567", "89abcdef"}, false, false},
		{"same, empty pieces", []string{"", "0123456789", "", "abcdef"}, false, false},
		{"differs", []string{"0123", "45X7", "89abcdef"}, false, false},
		{"shorter", []string{"0123", "4567"}, false, false},
		{"longer", []string{"0123456789", "abcdef", "gh"}, false, false},
		{"empty", nil, false, false},
		{"missing", []string{"0123"}, false, true},
		{"a folder", []string{"0123"}, true, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "public")
			files := map[string][]byte{marker: []byte("{}"), "a/f.json": []byte(old)}
			if tt.none {
				delete(files, "a/f.json")
			}
			if tt.folder {
				delete(files, "a/f.json")
				files["a/f.json/x"] = nil
			}
			if err := (&Output{files: files}).Write(dir); err != nil {
				t.Fatal(err)
			}
			diffs := func(file func(c *comparison) error) []string {
				c := newComparison(dir)
				if err := c.put(marker, []byte("{}")); err != nil {
					t.Fatal(err)
				}
				if err := file(c); err != nil {
					t.Fatal(err)
				}
				d, err := c.diffs()
				if err != nil {
					t.Fatal(err)
				}
				return d
			}
			want := diffs(func(c *comparison) error { return c.put("a/f.json", []byte(strings.Join(tt.pieces, ""))) })
			got := diffs(func(c *comparison) error {
				// A first attempt, dropped.
				w, err := c.create("a/f.json")
				if err != nil {
					return err
				}
				if _, err := w.Write([]byte("X")); err != nil {
					return err
				}
				w.drop()
				w, err = c.create("a/f.json")
				if err != nil {
					return err
				}
				for _, p := range tt.pieces {
					if _, err := w.Write([]byte(p)); err != nil {
						return err
					}
				}
				return w.Close()
			})
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("compared piece by piece: %q, whole: %q", got, want)
			}
		})
	}
}

// TestBuildToCheckLarge builds a dossier large enough that the claims
// page and dossier.json are written in parts and batches into a folder,
// then checks it: nothing differs, and then exactly the files changed.
func TestBuildToCheckLarge(t *testing.T) {
	cfg := benchConfig(300)
	dir := filepath.Join(t.TempDir(), "public")
	if _, err := BuildTo(cfg, dir); err != nil {
		t.Fatal(err)
	}
	if _, diffs, err := Check(cfg, dir); err != nil || len(diffs) > 0 {
		t.Fatalf("check of a fresh build: %v %v", err, diffs)
	}
	for _, name := range []string{"claims.html", "dossier.json"} {
		p := filepath.Join(dir, name)
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if len(data) < 1<<20 && name == "dossier.json" {
			t.Fatalf("%s is %d bytes: too small to be written in batches", name, len(data))
		}
		data[len(data)/2] ^= 1
		os.WriteFile(p, data, 0o644)
	}
	pages, _ := filepath.Glob(filepath.Join(dir, "sources", "*.html"))
	if len(pages) < 300 {
		t.Fatalf("%d source pages", len(pages))
	}
	gone := "sources/" + filepath.Base(pages[7])
	os.Remove(pages[7])
	_, diffs, err := Check(cfg, dir)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"stale: claims.html", "stale: dossier.json", "missing: " + gone}
	slices.Sort(diffs)
	slices.Sort(want)
	if strings.Join(diffs, "\n") != strings.Join(want, "\n") {
		t.Errorf("check found\n%s\nwant\n%s", strings.Join(diffs, "\n"), strings.Join(want, "\n"))
	}
}
