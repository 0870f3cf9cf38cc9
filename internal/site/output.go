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

// Write writes the site to dir, changing only what differs from the
// build already there: a rebuild with nothing changed touches no file,
// and a rebuild that changed some pages rewrites only those (the others
// stay the same files, with the same modification times). Files of a
// previous build that no longer belong are removed. Write refuses to
// replace a non-empty folder that does not hold a previous build.
//
// The new site is assembled in a folder beside dir, unchanged files as
// hard links to the ones in dir, new and changed files written, and is
// then exchanged with dir in one atomic step (on Linux; elsewhere two
// renames). So dir always holds one complete build: on any error, and
// when the process is killed at any moment, it is the previous build,
// exactly. Two builds into the same folder take turns (a lock on the
// folder that holds dir), so they never mix their files either.
func (o *Output) Write(dir string) error {
	dir = filepath.Clean(dir)
	if err := checkReplaceable(dir); err != nil {
		return err
	}
	parent := filepath.Dir(dir)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return fmt.Errorf("cannot create the output folder: %v", err)
	}
	unlock, err := lock(parent)
	if err != nil {
		return fmt.Errorf("cannot lock %s for writing: %v", parent, err)
	}
	defer unlock()
	removeStale(dir)
	if err := checkReplaceable(dir); err != nil { // again, under the lock
		return err
	}
	onDisk, err := listFiles(dir)
	if err != nil {
		return fmt.Errorf("cannot read the output folder: %v", err)
	}
	same := o.unchanged(dir, onDisk)
	if len(same) == len(o.files) && len(onDisk) == len(o.files) {
		return nil // nothing to do
	}
	return o.swapIn(dir, same)
}

// stagePrefix starts the names of the folders a write assembles beside
// the output folder.
func stagePrefix(dir string) string { return "." + filepath.Base(dir) + ".new-" }

// removeStale removes the staging folders that builds killed before
// they finished left beside dir.
func removeStale(dir string) {
	entries, _ := os.ReadDir(filepath.Dir(dir))
	for _, e := range entries {
		if e.IsDir() && strings.HasPrefix(e.Name(), stagePrefix(dir)) {
			os.RemoveAll(filepath.Join(filepath.Dir(dir), e.Name()))
		}
	}
}

// unchanged returns the paths whose file in dir already has the right
// content.
func (o *Output) unchanged(dir string, onDisk map[string]int64) map[string]bool {
	same := map[string]bool{}
	for p, data := range o.files {
		if size, ok := onDisk[p]; !ok || size != int64(len(data)) {
			continue
		}
		got, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(p)))
		if err == nil && bytes.Equal(got, data) {
			same[p] = true
		}
	}
	return same
}

// swapIn assembles the site beside dir and exchanges it with dir.
func (o *Output) swapIn(dir string, same map[string]bool) (err error) {
	stage, err := os.MkdirTemp(filepath.Dir(dir), stagePrefix(dir))
	if err != nil {
		return fmt.Errorf("cannot write the output next to %s: %v (is the folder writable?)", dir, err)
	}
	defer os.RemoveAll(stage) // after the exchange, the previous build
	if err := os.Chmod(stage, 0o755); err != nil {
		return err
	}
	var write []string
	made := map[string]bool{}
	for _, p := range o.Paths() {
		if !same[p] {
			write = append(write, p)
			continue
		}
		full := filepath.Join(stage, filepath.FromSlash(p))
		if d := filepath.Dir(full); !made[d] {
			if err := os.MkdirAll(d, 0o755); err != nil {
				return err
			}
			made[d] = true
		}
		if err := os.Link(filepath.Join(dir, filepath.FromSlash(p)), full); err != nil {
			write = append(write, p) // no hard links here: write it
		}
	}
	if err := o.writeFiles(stage, write); err != nil {
		return err
	}
	if _, err := os.Stat(dir); errors.Is(err, fs.ErrNotExist) {
		if err := rename(stage, dir); err != nil {
			return fmt.Errorf("cannot create %s: %v", dir, err)
		}
		return nil
	}
	if err := swap(stage, dir); err == nil {
		return nil
	} else if !errors.Is(err, errors.ErrUnsupported) && !errors.Is(err, syscall.ENOSYS) && !errors.Is(err, syscall.EINVAL) {
		return fmt.Errorf("cannot replace %s: %v", dir, err)
	}
	// No atomic exchange: move the previous build aside, then the new one
	// in, putting the previous one back if that fails.
	old := stage + ".old"
	if err := rename(dir, old); err != nil {
		return fmt.Errorf("cannot replace %s: %v", dir, err)
	}
	if err := rename(stage, dir); err != nil {
		os.Rename(old, dir)
		return fmt.Errorf("cannot replace %s: %v", dir, err)
	}
	return os.RemoveAll(old)
}

// writeFiles writes the files at paths under root, creating folders.
func (o *Output) writeFiles(root string, paths []string) error {
	made := map[string]bool{}
	for _, p := range paths {
		full := filepath.Join(root, filepath.FromSlash(p))
		if d := filepath.Dir(full); !made[d] {
			if err := os.MkdirAll(d, 0o755); err != nil {
				return err
			}
			made[d] = true
		}
		if err := os.WriteFile(full, o.files[p], 0o644); err != nil {
			return err
		}
	}
	return nil
}

// listFiles returns the size of every file under dir by slash path, or
// nothing when dir does not exist.
func listFiles(dir string) (map[string]int64, error) {
	files := map[string]int64{}
	err := filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if e.IsDir() {
			return nil
		}
		info, err := e.Info()
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = info.Size()
		return nil
	})
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	return files, err
}

// rename and swap are os.Rename and exchange; tests make them fail.
var (
	rename = os.Rename
	swap   = exchange
)

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
