package site

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
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
// build already there: a rebuild with nothing changed rewrites no file,
// and files of a previous build that no longer belong are removed. Write
// refuses to replace a non-empty folder that does not hold a previous
// build.
//
// On any error dir is left exactly as it was. Every new or changed file
// is first written into a staging folder beside dir; only when all are
// written are they renamed into place, each replaced or removed file
// moved aside first so that a failure half way can be undone.
func (o *Output) Write(dir string) error {
	dir = filepath.Clean(dir)
	if err := checkReplaceable(dir); err != nil {
		return err
	}
	onDisk, err := listFiles(dir)
	if err != nil {
		return fmt.Errorf("cannot read the output folder: %v", err)
	}
	if len(onDisk) == 0 {
		return o.writeFresh(dir)
	}
	return o.update(dir, onDisk)
}

// writeFresh writes the whole site into a new folder beside dir and
// swaps it in.
func (o *Output) writeFresh(dir string) (err error) {
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
	if err := o.writeFiles(tmp, o.Paths()); err != nil {
		return err
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

// rename and remove are os.Rename and os.Remove; tests make them fail.
var (
	rename = os.Rename
	remove = os.Remove
)

// update brings the previous build in dir up to date with o.
func (o *Output) update(dir string, onDisk map[string]int64) (err error) {
	// Which files are new or changed, and which no longer belong.
	var changed, extra []string
	for _, p := range o.Paths() {
		size, ok := onDisk[p]
		if ok && size == int64(len(o.files[p])) {
			got, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(p)))
			if err == nil && bytes.Equal(got, o.files[p]) {
				continue
			}
		}
		changed = append(changed, p)
	}
	for p := range onDisk {
		if _, ok := o.files[p]; !ok {
			extra = append(extra, p)
		}
	}
	if len(changed) == 0 && len(extra) == 0 {
		return nil
	}
	slices.Sort(extra)

	// Stage every new and changed file beside dir.
	stage, err := os.MkdirTemp(filepath.Dir(dir), "."+filepath.Base(dir)+".new-")
	if err != nil {
		return fmt.Errorf("cannot write the output next to %s: %v (is the folder writable?)", dir, err)
	}
	defer os.RemoveAll(stage)
	newDir, oldDir := filepath.Join(stage, "new"), filepath.Join(stage, "old")
	if err := o.writeFiles(newDir, changed); err != nil {
		return err
	}
	if err := os.Mkdir(oldDir, 0o700); err != nil {
		return err
	}

	// Swap them in, keeping a journal to undo every step on failure.
	var undo []func()
	defer func() {
		if err != nil {
			for i := len(undo) - 1; i >= 0; i-- {
				undo[i]()
			}
		}
	}()
	aside := 0
	moveAside := func(full string) error {
		backup := filepath.Join(oldDir, fmt.Sprint(aside))
		aside++
		if err := rename(full, backup); err != nil {
			return err
		}
		undo = append(undo, func() { os.Rename(backup, full) })
		return nil
	}
	for _, p := range extra {
		if err := moveAside(filepath.Join(dir, filepath.FromSlash(p))); err != nil {
			return fmt.Errorf("cannot update %s: %v", dir, err)
		}
	}
	// Folders left empty by the files moved aside, deepest first.
	if err := removeEmptyDirs(dir, extra, &undo); err != nil {
		return fmt.Errorf("cannot update %s: %v", dir, err)
	}
	for _, p := range changed {
		full := filepath.Join(dir, filepath.FromSlash(p))
		if _, ok := onDisk[p]; ok {
			if err := moveAside(full); err != nil {
				return fmt.Errorf("cannot update %s: %v", dir, err)
			}
		} else if err := mkdirAll(filepath.Dir(full), &undo); err != nil {
			return fmt.Errorf("cannot update %s: %v", dir, err)
		}
		if err := rename(filepath.Join(newDir, filepath.FromSlash(p)), full); err != nil {
			return fmt.Errorf("cannot update %s: %v", dir, err)
		}
		undo = append(undo, func() { os.Remove(full) })
	}
	return nil
}

// removeEmptyDirs removes the folders of dir that held only the removed
// files, recording how to recreate them.
func removeEmptyDirs(dir string, removed []string, undo *[]func()) error {
	seen := map[string]bool{}
	var dirs []string
	for _, p := range removed {
		for d := path.Dir(p); d != "." && !seen[d]; d = path.Dir(d) {
			seen[d] = true
			dirs = append(dirs, d)
		}
	}
	// Deepest first.
	slices.SortFunc(dirs, func(a, b string) int {
		return cmp.Or(cmp.Compare(strings.Count(b, "/"), strings.Count(a, "/")), strings.Compare(a, b))
	})
	for _, d := range dirs {
		full := filepath.Join(dir, filepath.FromSlash(d))
		entries, err := os.ReadDir(full)
		if err != nil || len(entries) > 0 {
			continue
		}
		if err := remove(full); err != nil {
			return err
		}
		*undo = append(*undo, func() { os.Mkdir(full, 0o755) })
	}
	return nil
}

// mkdirAll creates folder d and its missing parents, recording how to
// remove what it created.
func mkdirAll(d string, undo *[]func()) error {
	var missing []string
	for p := d; ; p = filepath.Dir(p) {
		if _, err := os.Stat(p); err == nil {
			break
		}
		missing = append(missing, p)
		if filepath.Dir(p) == p {
			break
		}
	}
	for i := len(missing) - 1; i >= 0; i-- {
		full := missing[i]
		if err := os.Mkdir(full, 0o755); err != nil {
			return err
		}
		*undo = append(*undo, func() { os.Remove(full) })
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
