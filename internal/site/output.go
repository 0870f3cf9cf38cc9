package site

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
)

// An Output is a built site, in memory.
type Output struct {
	files map[string][]byte // slash path relative to the site root → bytes
	Report
}

// Stats counts what a build produced, for its summary line.
type Stats struct {
	Sources, Pages, Claims, Events, Warnings int
	Files                                    int // every file of the site
	Cached                                   int // sources whose cleaning was read from Config.Cache
}

// Paths returns the paths of every file of the site, sorted.
func (o *Output) Paths() []string { return slices.Sorted(maps.Keys(o.files)) }

// File returns the content of the file at path p.
func (o *Output) File(p string) ([]byte, bool) {
	data, ok := o.files[p]
	return data, ok
}

// marker is the file whose presence says a folder holds a gen build, so
// that Write never replaces a folder it did not make.
const marker = "dossier.json"

// Write writes the site to dir, changing only what differs from the
// build already there: a rebuild with nothing changed touches no file,
// and a rebuild that changed some pages rewrites only those (the others
// stay the same files, with the same modification times). Files of a
// previous build that no longer belong are removed. Write refuses to
// replace a non-empty folder that does not hold a previous build. See
// [stage] for how dir always holds one complete build.
func (o *Output) Write(dir string) error {
	st, err := openStage(dir)
	if err != nil {
		return err
	}
	for _, p := range o.Paths() {
		if err := st.put(p, o.files[p]); err != nil {
			st.abort()
			return err
		}
	}
	return st.commit()
}

// Diff compares the site with the folder dir and returns one line per
// stale, missing or extra file, sorted; nil means dir is up to date.
func (o *Output) Diff(dir string) ([]string, error) {
	c := newComparison(dir)
	for _, p := range o.Paths() {
		if err := c.put(p, o.files[p]); err != nil {
			return nil, err
		}
	}
	return c.diffs()
}

// stagePrefix starts the names of the folders a write assembles beside
// the output folder.
func stagePrefix(dir string) string { return "." + filepath.Base(dir) + ".new-" }

// oldPrefix starts the name a previous build is moved to where folders
// cannot be exchanged in one step.
func oldPrefix(dir string) string { return "." + filepath.Base(dir) + ".old-" }

// removeStale removes what builds killed before they finished left
// beside dir: staging folders, and previous builds moved aside (once
// restoreOld has put back the one dir may lack).
func removeStale(dir string) {
	entries, _ := os.ReadDir(filepath.Dir(dir))
	for _, e := range entries {
		if e.IsDir() && (strings.HasPrefix(e.Name(), stagePrefix(dir)) || strings.HasPrefix(e.Name(), oldPrefix(dir))) {
			os.RemoveAll(filepath.Join(filepath.Dir(dir), e.Name()))
		}
	}
}

// restoreOld puts back the previous build of dir when a build was killed
// after moving it aside and before moving the new one in.
func restoreOld(dir string) {
	if _, err := os.Lstat(dir); !errors.Is(err, fs.ErrNotExist) {
		return
	}
	entries, _ := os.ReadDir(filepath.Dir(dir))
	for _, e := range entries {
		if e.IsDir() && strings.HasPrefix(e.Name(), oldPrefix(dir)) {
			os.Rename(filepath.Join(filepath.Dir(dir), e.Name()), dir)
			return
		}
	}
}

// listFiles returns the slash path of every file under dir, and whether
// it is a regular file (not a symlink, a named pipe, …), or nothing when
// dir does not exist. It reads only the folders, not each file's
// metadata: a stage reads a file's size from the file it opens to
// compare (stage.open), and stat-ing 20,000 files of a large site first
// took longer than reading its folders.
func listFiles(dir string) (map[string]bool, error) {
	files := map[string]bool{}
	err := filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if e.IsDir() {
			return nil
		}
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = e.Type().IsRegular()
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
