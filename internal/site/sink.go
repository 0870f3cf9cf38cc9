package site

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"

	"github.com/gen-dossier/gen/internal/dirlock"
)

// A sink receives the files of a build as they are made, from several
// goroutines at once. A build streams its files to a sink rather than
// holding the site in memory, so that its memory does not grow with the
// size of the site.
type sink interface {
	// put puts the file at path p; it does not keep data, which the
	// builder uses again once put returns.
	put(p string, data []byte) error
	// create returns a writer of the file at path p, for a file made
	// piece by piece; the file is put when the writer is closed without
	// an error before.
	create(p string) (file, error)
}

// A file is a file of a sink made piece by piece (see sink.create).
type file interface {
	io.WriteCloser
	// drop lets the file go without putting it, releasing what it
	// holds: what was written is not all of it, and the file is made
	// again or the build fails.
	drop()
}

// memory keeps the files: the sink of Build.
type memory struct {
	mu    sync.Mutex
	files map[string][]byte
}

func (m *memory) put(p string, data []byte) error {
	data = bytes.Clone(data)
	m.mu.Lock()
	defer m.mu.Unlock()
	m.files[p] = data
	return nil
}

func (m *memory) create(p string) (file, error) { return &whole{m: m, p: p}, nil }

// A whole is a file made piece by piece for memory: it puts the pieces
// together and keeps the file on Close, its bytes being its own.
type whole struct {
	bytes.Buffer
	m *memory
	p string
}

func (w *whole) Close() error {
	w.m.mu.Lock()
	defer w.m.mu.Unlock()
	w.m.files[w.p] = w.Bytes()
	return nil
}

func (w *whole) drop() {}

// A stage assembles a new build of the folder dir in a folder beside it,
// file by file as the build makes them, and then exchanges the two
// folders in one atomic step (renameat2 RENAME_EXCHANGE on Linux;
// elsewhere two renames). Files whose content is already in dir are hard
// links to those files, so a rebuild rewrites only what changed, and when
// nothing changed at all the staging folder is never made and dir is not
// touched. Until the exchange dir is left alone: on any error, and when
// the process is killed at any moment, it holds the previous build,
// exactly. A stage holds a lock on the folder holding dir from open to
// commit or abort, so that two builds into one folder take turns and
// never mix their files.
type stage struct {
	dir    string          // the destination
	onDisk map[string]bool // the previous build's files, and whether each is a regular file
	unlock func()

	mu   sync.Mutex
	root string          // the staging folder, "" until a file differs
	same []string        // unchanged files not yet linked into root
	made map[string]bool // folders made under root
	put1 map[string]bool // every path put
}

// openStage locks the folder holding dir and prepares a stage for it.
func openStage(dir string) (*stage, error) {
	dir = filepath.Clean(dir)
	if err := checkReplaceable(dir); err != nil {
		return nil, err
	}
	parent := filepath.Dir(dir)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, fmt.Errorf("cannot create the output folder: %v", err)
	}
	unlock, err := dirlock.Lock(parent)
	if err != nil {
		return nil, fmt.Errorf("cannot lock %s for writing: %v", parent, err)
	}
	restoreOld(dir)
	removeStale(dir)
	if err := checkReplaceable(dir); err != nil { // again, under the lock
		unlock()
		return nil, err
	}
	onDisk, err := listFiles(dir)
	if err != nil {
		unlock()
		return nil, fmt.Errorf("cannot read the output folder: %v", err)
	}
	return &stage{dir: dir, onDisk: onDisk, unlock: unlock, made: map[string]bool{}, put1: map[string]bool{}}, nil
}

// put stages the file at slash path p.
func (s *stage) put(p string, data []byte) error {
	f := s.open(p, int64(len(data)))
	if _, err := f.Write(data); err != nil {
		f.release()
		return err
	}
	return f.Close()
}

// old returns the file path of the previous build's file at slash path p.
func (s *stage) old(p string) string { return filepath.Join(s.dir, filepath.FromSlash(p)) }

// keep stages the file at slash path p as the previous build's, which
// has the same content.
func (s *stage) keep(p string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.put1[p] = true
	if s.root == "" {
		s.same = append(s.same, p) // linked if anything changes
		return nil
	}
	return s.link(p)
}

// target returns the file path in the staging folder of the changed
// file at slash path p, making the staging folder and the file's folder
// if need be.
func (s *stage) target(p string) (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.put1[p] = true
	if s.root == "" {
		if err := s.begin(); err != nil {
			return "", err
		}
	}
	full := filepath.Join(s.root, filepath.FromSlash(p))
	return full, s.mkdir(filepath.Dir(full))
}

// create stages the file at slash path p as it is written. While what is
// written matches the previous build's file it is only compared; from
// the first difference it goes to the staging folder, after the part
// that matched.
func (s *stage) create(p string) (file, error) { return s.open(p, -1), nil }

// open starts the staged file at slash path p, whose size is known when
// not negative: a file of another size than the previous build's is not
// compared with it.
func (s *stage) open(p string, size int64) *stagedFile {
	f := &stagedFile{s: s, p: p}
	if !s.onDisk[p] {
		// None, or not a regular file: one that is a symlink or a named
		// pipe is written anew, and never opened (a pipe would block).
		return f
	}
	file, err := os.Open(s.old(p))
	if err != nil {
		return f
	}
	if info, err := file.Stat(); err == nil && info.Mode().IsRegular() && (size < 0 || size == info.Size()) {
		f.old, f.size = file, info.Size()
	} else {
		file.Close()
	}
	return f
}

// A stagedFile is a file of a stage being written; see stage.create.
type stagedFile struct {
	s    *stage
	p    string
	old  *os.File // the previous build's file, while what is written matches it
	size int64    // its size
	n    int64    // the bytes written
	new  *os.File // the staged file, from the first difference
	full string   // its file path
}

func (f *stagedFile) Write(b []byte) (int, error) {
	if f.new == nil && f.old != nil && f.n+int64(len(b)) <= f.size && f.matches(b) {
		f.n += int64(len(b))
		return len(b), nil
	}
	if f.new == nil {
		if err := f.differ(); err != nil {
			return 0, err
		}
	}
	n, err := f.new.Write(b)
	f.n += int64(n)
	if err != nil {
		return n, fmt.Errorf("cannot write the output: %v", err)
	}
	return n, nil
}

// compareChunk is how much of a previous build's file is read at once to
// compare it.
const compareChunk = 32 << 10

var chunks = sync.Pool{New: func() any { return new([compareChunk]byte) }}

// matches reports whether the previous build's file holds b next.
func (f *stagedFile) matches(b []byte) bool {
	ok, err := holds(f.old, b)
	return ok && err == nil
}

// holds reports whether file holds b next; its error is a failure to
// read file other than reaching its end.
func holds(file *os.File, b []byte) (bool, error) {
	buf := chunks.Get().(*[compareChunk]byte)
	defer chunks.Put(buf)
	for len(b) > 0 {
		n := min(len(b), compareChunk)
		if _, err := io.ReadFull(file, buf[:n]); err == io.EOF || err == io.ErrUnexpectedEOF {
			return false, nil
		} else if err != nil {
			return false, err
		}
		if !bytes.Equal(buf[:n], b[:n]) {
			return false, nil
		}
		b = b[n:]
	}
	return true, nil
}

// differ starts the staged file with the part written so far, which
// matched the previous build's.
func (f *stagedFile) differ() error {
	full, err := f.s.target(f.p)
	if err != nil {
		return err
	}
	f.full = full
	f.new, err = os.OpenFile(full, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return fmt.Errorf("cannot write the output: %v", err)
	}
	if f.n > 0 {
		if _, err := io.Copy(f.new, io.NewSectionReader(f.old, 0, f.n)); err != nil {
			return fmt.Errorf("cannot write the output: %v", err)
		}
	}
	if f.old != nil {
		f.old.Close()
		f.old = nil
	}
	return nil
}

// release closes what files of f are open.
func (f *stagedFile) release() {
	if f.old != nil {
		f.old.Close()
		f.old = nil
	}
	if f.new != nil {
		f.new.Close()
		f.new = nil
	}
}

// drop releases f's files and removes its staged file, if it has one:
// a file made again is staged anew (see stage.keep).
func (f *stagedFile) drop() {
	staged := f.new != nil
	f.release()
	if staged {
		os.Remove(f.full)
	}
}

// Close puts the file: the previous build's, when all that was written
// matched all of it, else the staged file. It releases f's files, also
// after a failed Write.
func (f *stagedFile) Close() error {
	defer f.release()
	if f.new == nil && f.old != nil && f.n == f.size && atEnd(f.old) {
		return f.s.keep(f.p)
	}
	if f.new == nil {
		if err := f.differ(); err != nil {
			return err
		}
	}
	err := f.new.Close()
	f.new = nil
	if err != nil {
		return fmt.Errorf("cannot write the output: %v", err)
	}
	return nil
}

// atEnd reports whether file has nothing more to read: the previous
// build's file has not grown since its size was listed.
func atEnd(file *os.File) bool {
	var b [1]byte
	n, err := file.Read(b[:])
	return n == 0 && err == io.EOF
}

// begin makes the staging folder and links into it the unchanged files
// put so far. s.mu is held.
func (s *stage) begin() error {
	root, err := os.MkdirTemp(filepath.Dir(s.dir), stagePrefix(s.dir))
	if err != nil {
		return fmt.Errorf("cannot write the output next to %s: %v (is the folder writable?)", s.dir, err)
	}
	s.root = root
	if err := os.Chmod(root, 0o755); err != nil {
		return err
	}
	for _, p := range s.same {
		if err := s.link(p); err != nil {
			return err
		}
	}
	s.same = nil
	return nil
}

// link stages the unchanged file p as a hard link to the previous
// build's, or as a copy where the file system has no hard links. s.mu is
// held.
func (s *stage) link(p string) error {
	old := s.old(p)
	full := filepath.Join(s.root, filepath.FromSlash(p))
	if err := s.mkdir(filepath.Dir(full)); err != nil {
		return err
	}
	if os.Link(old, full) == nil {
		return nil
	}
	data, err := os.ReadFile(old)
	if err != nil {
		return fmt.Errorf("cannot read the output folder: %v", err)
	}
	return os.WriteFile(full, data, 0o644)
}

// mkdir makes the folder d under the staging folder. s.mu is held.
func (s *stage) mkdir(d string) error {
	if s.made[d] {
		return nil
	}
	if err := os.MkdirAll(d, 0o755); err != nil {
		return fmt.Errorf("cannot write the output: %v", err)
	}
	s.made[d] = true
	return nil
}

// commit puts the staged build in place of dir and releases the lock.
func (s *stage) commit() error {
	defer s.unlock()
	if s.root == "" && len(s.put1) == len(s.onDisk) {
		return nil // every file is already there: nothing to do
	}
	if s.root == "" {
		if err := s.begin(); err != nil {
			s.removeRoot()
			return err
		}
	}
	defer s.removeRoot() // after the exchange, the previous build
	if _, err := os.Stat(s.dir); errors.Is(err, fs.ErrNotExist) {
		if err := rename(s.root, s.dir); err != nil {
			return fmt.Errorf("cannot create %s: %v", s.dir, err)
		}
		return nil
	}
	if err := swap(s.root, s.dir); err == nil {
		return nil
	} else if !errors.Is(err, errors.ErrUnsupported) && !errors.Is(err, syscall.ENOSYS) && !errors.Is(err, syscall.EINVAL) {
		return fmt.Errorf("cannot replace %s: %v", s.dir, err)
	}
	// No atomic exchange: move the previous build aside, then the new one
	// in, putting the previous one back if that fails. Killed in
	// between, the next build puts it back (openStage).
	old := filepath.Join(filepath.Dir(s.dir), oldPrefix(s.dir)+strings.TrimPrefix(filepath.Base(s.root), stagePrefix(s.dir)))
	if err := rename(s.dir, old); err != nil {
		return fmt.Errorf("cannot replace %s: %v", s.dir, err)
	}
	if err := rename(s.root, s.dir); err != nil {
		os.Rename(old, s.dir)
		return fmt.Errorf("cannot replace %s: %v", s.dir, err)
	}
	return os.RemoveAll(old)
}

// abort drops the staged build, leaving dir as it was, and releases the
// lock.
func (s *stage) abort() {
	s.removeRoot()
	s.unlock()
}

func (s *stage) removeRoot() {
	if s.root != "" {
		os.RemoveAll(s.root)
	}
}

// A comparison compares the files of a build with the folder dir, for
// gen check: it writes nothing.
type comparison struct {
	dir, name string // the folder, cleaned and as given

	mu      sync.Mutex
	seen    map[string]bool
	stale   []string
	missing bool // dir does not exist
}

func newComparison(dir string) *comparison {
	c := &comparison{dir: filepath.Clean(dir), name: dir, seen: map[string]bool{}}
	if _, err := os.Stat(c.dir); errors.Is(err, fs.ErrNotExist) {
		c.missing = true
	}
	return c
}

// create compares the file at path p with the folder's as it is
// written, without holding it (see compared).
func (c *comparison) create(p string) (file, error) { return &compared{c: c, p: p}, nil }

// A compared is a file of a build compared with the folder's piece by
// piece as it is written: what comparison.put finds of the file whole.
type compared struct {
	c       *comparison
	p       string
	started bool
	f       *os.File // the folder's file, while what is written matches it
	diff    string   // what differs, once known
}

// start opens the folder's file, or finds it missing.
func (w *compared) start() error {
	if w.started || w.c.missing {
		w.started = true
		return nil
	}
	w.started = true
	f, err := os.Open(filepath.Join(w.c.dir, filepath.FromSlash(w.p)))
	switch {
	case errors.Is(err, fs.ErrNotExist) || errors.Is(err, syscall.ENOTDIR):
		w.diff = "missing: " + w.p
		return nil
	case err != nil:
		return err
	}
	if fi, err := f.Stat(); err != nil || fi.IsDir() {
		f.Close()
		if err != nil {
			return err
		}
		w.diff = "missing: " + w.p
		return nil
	}
	w.f = f
	return nil
}

func (w *compared) Write(b []byte) (int, error) {
	if err := w.start(); err != nil {
		return 0, err
	}
	if w.f != nil {
		ok, err := holds(w.f, b)
		if err != nil {
			return 0, err
		}
		if !ok {
			w.diff = "stale: " + w.p
			w.f.Close()
			w.f = nil
		}
	}
	return len(b), nil
}

func (w *compared) Close() error {
	if err := w.start(); err != nil {
		return err
	}
	if w.f != nil {
		if !atEnd(w.f) {
			w.diff = "stale: " + w.p
		}
		w.f.Close()
		w.f = nil
	}
	w.c.mu.Lock()
	defer w.c.mu.Unlock()
	w.c.seen[w.p] = true
	if w.diff != "" {
		w.c.stale = append(w.c.stale, w.diff)
	}
	return nil
}

func (w *compared) drop() {
	if w.f != nil {
		w.f.Close()
		w.f = nil
	}
}

func (c *comparison) put(p string, data []byte) error {
	w := &compared{c: c, p: p}
	_, err := w.Write(data)
	return errors.Join(err, w.Close())
}

// diffs returns one line per stale, missing or extra file, sorted by
// path; nil means the folder holds exactly the build.
func (c *comparison) diffs() ([]string, error) {
	if c.missing {
		return []string{"missing: " + c.name + " (no build yet)"}, nil
	}
	diffs := slices.Clone(c.stale)
	err := filepath.WalkDir(c.dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(c.dir, p)
		if rel = filepath.ToSlash(rel); !c.seen[rel] {
			diffs = append(diffs, "extra: "+rel)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	slices.SortFunc(diffs, func(a, b string) int {
		_, pa, _ := strings.Cut(a, ": ")
		_, pb, _ := strings.Cut(b, ": ")
		return strings.Compare(pa, pb)
	})
	return diffs, nil
}
