package site

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"

	"github.com/gen-dossier/gen/internal/diag"
)

// An Output is a built site, in memory.
type Output struct {
	files    map[string][]byte // slash path relative to the site root → bytes
	Warnings diag.List
	Stats    Stats
}

// Stats counts what a build produced, for its summary line.
type Stats struct {
	Sources, Pages, Claims, Events, Warnings int
}

// Paths returns the paths of every file of the site, sorted.
func (o *Output) Paths() []string { return sortedPaths(o.files) }

// File returns the content of the file at path p.
func (o *Output) File(p string) ([]byte, bool) {
	data, ok := o.files[p]
	return data, ok
}

func sortedPaths(m map[string][]byte) []string {
	paths := make([]string, 0, len(m))
	for p := range m {
		paths = append(paths, p)
	}
	slices.Sort(paths)
	return paths
}

// marker is the file whose presence says a folder holds a gen build, so
// that Write never replaces a folder it did not make.
const marker = "dossier.json"

// Write writes the site to dir. It writes into a new folder beside dir
// and swaps it in only when every file is written: on any error dir is
// left exactly as it was. Files of a previous build that no longer belong
// are gone afterwards. Write refuses to replace a non-empty folder that
// does not hold a previous build.
func (o *Output) Write(dir string) (err error) {
	dir = filepath.Clean(dir)
	if err := checkReplaceable(dir); err != nil {
		return err
	}
	parent := filepath.Dir(dir)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return fmt.Errorf("cannot create the output folder: %v", err)
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(dir)+".new-")
	if err != nil {
		return fmt.Errorf("cannot write the output next to %s: %v (is the folder writable?)", dir, err)
	}
	defer func() {
		if err != nil {
			os.RemoveAll(tmp)
		}
	}()
	if err := os.Chmod(tmp, 0o755); err != nil {
		return err
	}
	for _, p := range o.Paths() {
		full := filepath.Join(tmp, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(full, o.files[p], 0o644); err != nil {
			return err
		}
	}
	old := ""
	if _, err := os.Stat(dir); err == nil {
		old = tmp + ".old"
		if err := os.Rename(dir, old); err != nil {
			return fmt.Errorf("cannot replace %s: %v", dir, err)
		}
	}
	if err := os.Rename(tmp, dir); err != nil {
		if old != "" {
			os.Rename(old, dir) // put the previous build back
		}
		return fmt.Errorf("cannot replace %s: %v", dir, err)
	}
	if old != "" {
		os.RemoveAll(old)
	}
	return nil
}

func checkReplaceable(dir string) error {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if errors.Is(err, syscall.ENOTDIR) {
		return fmt.Errorf("cannot create the output folder %s: part of its path is a file, not a folder", dir)
	}
	if err != nil {
		return fmt.Errorf("cannot read the output folder: %v", err)
	}
	if len(entries) == 0 {
		return nil
	}
	if _, err := os.Stat(filepath.Join(dir, marker)); err != nil {
		return fmt.Errorf("refusing to replace %s: it is not empty and holds no previous build (no %s); choose another -out folder or empty it", dir, marker)
	}
	return nil
}

// Diff compares the site with the folder dir and returns one line per
// stale, missing or extra file, sorted; nil means dir is up to date.
func (o *Output) Diff(dir string) ([]string, error) {
	var diffs []string
	onDisk := map[string]bool{}
	root := filepath.Clean(dir)
	err := filepath.WalkDir(root, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if e.IsDir() {
			return nil
		}
		rel, _ := filepath.Rel(root, p)
		rel = filepath.ToSlash(rel)
		onDisk[rel] = true
		want, ok := o.files[rel]
		if !ok {
			diffs = append(diffs, "extra: "+rel)
			return nil
		}
		got, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if !bytes.Equal(got, want) {
			diffs = append(diffs, "stale: "+rel)
		}
		return nil
	})
	if errors.Is(err, fs.ErrNotExist) {
		return []string{"missing: " + dir + " (no build yet)"}, nil
	}
	if err != nil {
		return nil, err
	}
	for _, p := range o.Paths() {
		if !onDisk[p] {
			diffs = append(diffs, "missing: "+p)
		}
	}
	slices.SortFunc(diffs, func(a, b string) int {
		_, pa, _ := strings.Cut(a, ": ")
		_, pb, _ := strings.Cut(b, ": ")
		return strings.Compare(pa, pb)
	})
	return diffs, nil
}
