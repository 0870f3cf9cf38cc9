package site

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gen-dossier/gen/internal/content"
	"github.com/gen-dossier/gen/internal/par"
)

// inputs is what a build reads of its inputs before anything else: the
// version, and the files it keeps so as not to read them twice.
type inputs struct {
	version string
	// files are the content files the loader reads (YAML, Markdown), by
	// path in the content folder, until it has read them.
	files map[string][]byte
	// captures are the captures kept, by path in the content folder,
	// each until its source takes it.
	captures map[string]*kept
}

// A kept capture is a capture's bytes and SHA-256.
type kept struct {
	raw []byte
	sum [sha256.Size]byte
}

// keepCaptures is how many bytes of captures readInputs keeps for the
// sources to take, rather than have them read again: the captures of a
// dossier of a few thousand plain-text sources, or of some hundred saved
// pages. Beyond it they are read again when cleaned: kept, every capture
// of a large dossier would be held until its turn, which makes the
// garbage collector of a build under its memory limit work the harder.
const keepCaptures = 8 << 20

// readInputs reads every file of the content, templates and static
// folders (dot files left out), several at a time, and returns the
// dossier's version with the content files to load and the captures
// kept. The version is the first 12 hex digits of the SHA-256 of a line
// "folder/path size sha256" for every file, in path order, by which an
// archived copy of the site can be matched to its sources. Its error is
// a file's that could not be read; what was read is returned with it.
func readInputs(cfg Config) (*inputs, error) {
	type file struct {
		fsys      fs.FS
		dir, path string
		data      []byte // a content file the loader reads, or a capture kept
		sum       [sha256.Size]byte
		line      string // once hashed
		err       error
	}
	var files []*file
	in := &inputs{files: map[string][]byte{}, captures: map[string]*kept{}}
	for _, dir := range []struct {
		name string
		fsys fs.FS
	}{{"content", cfg.Content}, {"templates", cfg.Templates}, {"static", cfg.Static}} {
		err := fs.WalkDir(dir.fsys, ".", func(p string, e fs.DirEntry, err error) error {
			if err != nil || e.IsDir() || strings.HasPrefix(e.Name(), ".") {
				return err
			}
			files = append(files, &file{fsys: dir.fsys, dir: dir.name, path: p})
			return nil
		})
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return in, fmt.Errorf("%s: %v", dir.name, err)
		}
	}
	var budget atomic.Int64
	budget.Store(keepCaptures)
	par.Each(len(files), func(i int) {
		f := files[i]
		var data []byte
		var err error
		onlyHashed := f.dir == "content" && isCapture(f.path) && budget.Load() <= 0
		if onlyHashed {
			// Past the budget: read into a buffer used again.
			buf := hashBuffers.Get().(*bytes.Buffer)
			defer hashBuffers.Put(buf)
			buf.Reset()
			err = readInto(buf, f.fsys, f.path)
			data = buf.Bytes()
		} else {
			data, err = fs.ReadFile(f.fsys, f.path)
		}
		if err != nil {
			f.err = fmt.Errorf("%s: %v", f.dir, err)
			return
		}
		f.sum = sha256.Sum256(data)
		f.line = fmt.Sprintf("%s/%s %d %x\n", f.dir, f.path, len(data), f.sum)
		if f.dir != "content" {
			return
		}
		switch {
		case loaded(f.path):
			f.data = data
		case isCapture(f.path):
			if !onlyHashed && budget.Add(-int64(len(data))) >= 0 {
				f.data = data
			}
		}
	})
	h := sha256.New()
	var err error
	for _, f := range files {
		if f.err != nil {
			if err == nil {
				err = f.err // the first
			}
			continue
		}
		io.WriteString(h, f.line)
		switch {
		case f.data == nil:
		case loaded(f.path):
			in.files[f.path] = f.data
		default:
			in.captures[f.path] = &kept{raw: f.data, sum: f.sum}
		}
	}
	if err != nil {
		return in, err
	}
	in.version = hex.EncodeToString(h.Sum(nil))[:12]
	return in, nil
}

// hashBuffers hold the captures readInputs reads only to hash.
var hashBuffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// readInto reads the file at path p of fsys into buf.
func readInto(buf *bytes.Buffer, fsys fs.FS, p string) error {
	f, err := fsys.Open(p)
	if err != nil {
		return err
	}
	defer f.Close()
	if info, err := f.Stat(); err == nil && info.Size() < 1<<30 {
		buf.Grow(int(info.Size()) + bytes.MinRead)
	}
	_, err = buf.ReadFrom(f)
	return err
}

// loaded reports whether the loader reads the content file at path p,
// the files it keeps for it: the dossier, the lists, the sidecars and
// the editorial pages.
func loaded(p string) bool {
	switch path.Ext(p) {
	case ".yaml", ".yml":
		return true
	case ".md":
		return strings.HasPrefix(p, "pages/")
	}
	return false
}

// isCapture reports whether the content file at path p is a capture.
func isCapture(p string) bool {
	dir, name := path.Split(p)
	return dir == "sources/" && content.IsCapture(name)
}

// capture returns the capture at path p of the content folder, and its
// SHA-256, if it was kept; its source takes it, once.
func (in *inputs) capture(p string) (raw []byte, sum [sha256.Size]byte, ok bool) {
	if in == nil {
		return nil, sum, false
	}
	k := in.captures[p] // each source takes its own: no two look up one path
	if k == nil || k.raw == nil {
		return nil, sum, false
	}
	raw, sum, k.raw = k.raw, k.sum, nil
	return raw, sum, true
}

// content returns the content folder fsys with the files read: what
// the loader reads of it, the files it reads and the captures it looks
// at served as they were read.
func (in *inputs) content(fsys fs.FS) fs.FS { return readFS{fsys, in} }

// readFS is a folder some of whose files were read already: those are
// served as read, the rest from the folder.
type readFS struct {
	fs.FS
	in *inputs
}

func (r readFS) ReadFile(name string) ([]byte, error) {
	if data, ok := r.in.files[name]; ok {
		return data, nil
	}
	return fs.ReadFile(r.FS, name)
}

func (r readFS) Stat(name string) (fs.FileInfo, error) {
	data, ok := r.in.files[name]
	if k := r.in.captures[name]; !ok && k != nil && k.raw != nil {
		data, ok = k.raw, true
	}
	if ok {
		return readInfo{name: path.Base(name), size: int64(len(data))}, nil
	}
	return fs.Stat(r.FS, name)
}

func (r readFS) ReadDir(name string) ([]fs.DirEntry, error) { return fs.ReadDir(r.FS, name) }

// readInfo describes a file read: its name and size.
type readInfo struct {
	name string
	size int64
}

func (i readInfo) Name() string       { return i.name }
func (i readInfo) Size() int64        { return i.size }
func (i readInfo) Mode() fs.FileMode  { return 0o444 }
func (i readInfo) ModTime() time.Time { return time.Time{} }
func (i readInfo) IsDir() bool        { return false }
func (i readInfo) Sys() any           { return nil }
