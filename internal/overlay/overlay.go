// Package overlay layers file systems: a file is read from the first
// layer that has it, and a folder lists the union of every layer's
// entries. gen uses it to let a dossier's templates/ and static/ folders
// override the built-in defaults file by file.
package overlay

import (
	"errors"
	"io"
	"io/fs"
	"slices"
	"strings"
)

// An FS reads each file from the first of its layers that has it.
type FS []fs.FS

// New returns the layers as one file system; earlier layers win.
func New(layers ...fs.FS) FS { return FS(layers) }

// Open opens name from the first layer that has it. A folder is opened
// from the first layer that has it, but ReadDir lists every layer.
func (o FS) Open(name string) (fs.File, error) {
	var firstErr error
	for _, l := range o {
		f, err := l.Open(name)
		if err == nil {
			if fi, err := f.Stat(); err == nil && fi.IsDir() {
				entries, err := o.ReadDir(name)
				if err != nil {
					f.Close()
					return nil, err
				}
				return &dir{File: f, entries: entries}, nil
			}
			return f, nil
		}
		if firstErr == nil || !errors.Is(err, fs.ErrNotExist) {
			firstErr = err
		}
	}
	if firstErr == nil {
		firstErr = &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return nil, firstErr
}

// ReadDir lists the union of the layers' entries for a folder, sorted by
// name; an entry of an earlier layer hides one of the same name below.
func (o FS) ReadDir(name string) ([]fs.DirEntry, error) {
	seen := map[string]bool{}
	var out []fs.DirEntry
	found := false
	for _, l := range o {
		entries, err := fs.ReadDir(l, name)
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				continue
			}
			return nil, err
		}
		found = true
		for _, e := range entries {
			if !seen[e.Name()] {
				seen[e.Name()] = true
				out = append(out, e)
			}
		}
	}
	if !found {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: fs.ErrNotExist}
	}
	slices.SortFunc(out, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	return out, nil
}

// ReadFile reads name from the first layer that has it.
func (o FS) ReadFile(name string) ([]byte, error) {
	for _, l := range o {
		data, err := fs.ReadFile(l, name)
		if err == nil {
			return data, nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
	}
	return nil, &fs.PathError{Op: "readfile", Path: name, Err: fs.ErrNotExist}
}

// dir is a folder opened through the overlay: it lists every layer.
type dir struct {
	fs.File
	entries []fs.DirEntry
	offset  int
}

func (d *dir) ReadDir(n int) ([]fs.DirEntry, error) {
	rest := d.entries[d.offset:]
	if n <= 0 {
		d.offset = len(d.entries)
		return rest, nil
	}
	if len(rest) == 0 {
		return nil, io.EOF
	}
	n = min(n, len(rest))
	d.offset += n
	return rest[:n], nil
}
