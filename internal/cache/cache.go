// Package cache keeps what a build computed from its inputs, by a key
// made from those inputs, so that the next build of the same folder can
// read it instead of computing it again.
//
// A cache is a folder holding a pack file, the values one after the
// other, and an index file, which names the pack and says where each
// value is in it. Values are only ever appended to a pack; the index is
// replaced whole, in one rename, when the cache is closed, so that an
// interrupted build leaves the previous index, which names only values
// written before it. A pack that is mostly values no build uses any more
// is copied, without them, to a new pack, which the new index names.
//
// A value is what its key says because the key is made from everything
// the value is computed from, the program's identity included (see
// ProgramID): a value made by another build of gen is never read, and
// the cache needs no other invalidation. A checksum guards each value
// against damage on disk: a damaged value is a miss, never a wrong one.
// The files are the user's alone (0600), as they hold the captures' text.
//
// One process uses a cache folder at a time: Open takes a lock on it
// and fails with ErrInUse, without waiting, when another process holds
// it.
package cache

import (
	"bufio"
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sync"

	"github.com/gen-dossier/gen/internal/dirlock"
)

// A Key names a value.
type Key [sha256.Size]byte

// ErrInUse is the error of Open when another process uses the cache.
var ErrInUse = errors.New("in use by another gen")

// A Cache is an open cache folder. Get, Put and Delete may be called
// from several goroutines at once; Close, once they have all returned.
type Cache struct {
	dir    string
	salt   []byte
	unlock func()

	mu      sync.Mutex
	gen     uint64   // the pack's generation: its file is pack-<gen>
	pack    *os.File // opened for reading and writing
	size    int64    // of pack: where the next value goes
	entries map[Key]entry
	used    map[Key]bool // read or written since Open
	err     error        // the first write error: no value is written after it
}

// An entry is where a value is in pack, and its checksum.
type entry struct {
	off int64
	n   uint32
	sum uint32 // CRC-32C of the value
}

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

const (
	// magic starts the index file; a change of format changes it.
	magic = "gen cache 1\n"
	// entrySize is the size of one entry in the index file.
	entrySize = sha256.Size + 8 + 4 + 4
	// tag marks a folder as a cache of gen's (https://bford.info/cachedir/),
	// for backup tools, and for Trim, which removes no other folder.
	tag = "Signature: 8a477f597d28d172789f06886806bc55\n# This folder is a build cache of gen (github.com/gen-dossier/gen); it can be deleted.\n"
)

// Open opens the cache in the folder dir, creating it if needed, for the
// program whose identity is salt.
func Open(dir string, salt []byte) (*Cache, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, err
	}
	unlock, err := dirlock.TryLock(dir)
	if err != nil {
		return nil, fmt.Errorf("cache %s: %w (%v)", dir, ErrInUse, err)
	}
	c, err := open(dir, salt, unlock)
	if err != nil {
		unlock()
		return nil, fmt.Errorf("cache %s: %w", dir, err)
	}
	return c, nil
}

func open(dir string, salt []byte, unlock func()) (*Cache, error) {
	if b, err := os.ReadFile(filepath.Join(dir, "CACHEDIR.TAG")); err != nil || string(b) != tag {
		if err := os.WriteFile(filepath.Join(dir, "CACHEDIR.TAG"), []byte(tag), 0o600); err != nil {
			return nil, err
		}
	}
	c := &Cache{dir: dir, salt: slices.Clone(salt), unlock: unlock, entries: map[Key]entry{}, used: map[Key]bool{}}
	covered := c.readIndex() // a missing or damaged index: an empty cache
	pack, err := os.OpenFile(c.packPath(c.gen), os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, err
	}
	fi, err := pack.Stat()
	if err == nil && fi.Size() < covered { // cut short: its values are lost
		clear(c.entries)
		covered = 0
	}
	// What a build wrote after the index it left is never named: dropped.
	if err == nil && fi.Size() != covered {
		err = pack.Truncate(covered)
	}
	if err != nil {
		pack.Close()
		return nil, err
	}
	c.pack, c.size = pack, covered
	return c, nil
}

// Key returns the key of a value computed from parts.
func (c *Cache) Key(parts ...string) Key {
	h := sha256.New()
	var n [binary.MaxVarintLen64]byte
	h.Write(binary.AppendUvarint(n[:0], uint64(len(c.salt))))
	h.Write(c.salt)
	for _, p := range parts {
		h.Write(binary.AppendUvarint(n[:0], uint64(len(p))))
		io.WriteString(h, p)
	}
	var k Key
	h.Sum(k[:0])
	return k
}

// Get returns the value of k, read into buf's memory when it has room
// for it (buf's length is ignored); false when the cache has none, or
// the one it has is damaged.
func (c *Cache) Get(k Key, buf []byte) ([]byte, bool) {
	c.mu.Lock()
	e, ok := c.entries[k]
	if ok {
		c.used[k] = true
	}
	c.mu.Unlock()
	if !ok {
		return buf, false
	}
	buf = slices.Grow(buf[:0], int(e.n))[:e.n]
	if _, err := c.pack.ReadAt(buf, e.off); err != nil || crc32.Checksum(buf, castagnoli) != e.sum {
		c.Delete(k)
		return buf[:0], false
	}
	return buf, true
}

// Delete drops the value of k, if any: one its reader refused, for the
// next Put to replace.
func (c *Cache) Delete(k Key) {
	c.mu.Lock()
	delete(c.entries, k)
	delete(c.used, k)
	c.mu.Unlock()
}

// Put stores value as the value of k, unless k has one. A cache that
// cannot be written is no longer written to, and Close reports why.
func (c *Cache) Put(k Key, value []byte) {
	if int64(len(value)) > 1<<31 {
		return
	}
	c.mu.Lock()
	if c.err != nil {
		c.mu.Unlock()
		return
	}
	if _, ok := c.entries[k]; ok {
		c.used[k] = true
		c.mu.Unlock()
		return
	}
	off := c.size
	c.size += int64(len(value))
	c.mu.Unlock()

	_, err := c.pack.WriteAt(value, off)

	c.mu.Lock()
	defer c.mu.Unlock()
	if err != nil {
		if c.err == nil {
			c.err = fmt.Errorf("writing to cache %s: %w", c.dir, err)
		}
		return
	}
	c.entries[k] = entry{off: off, n: uint32(len(value)), sum: crc32.Checksum(value, castagnoli)}
	c.used[k] = true
}

// Close writes the index and releases the cache. When dropUnused, the
// values neither read nor written since Open are dropped, and the pack
// is compacted once they make up most of it. When the cache could not
// be written, Close writes nothing and the previous index stays.
func (c *Cache) Close(dropUnused bool) error {
	defer c.unlock()
	c.mu.Lock()
	defer c.mu.Unlock()
	err := c.err
	if err == nil {
		if dropUnused {
			maps.DeleteFunc(c.entries, func(k Key, _ entry) bool { return !c.used[k] })
		}
		live := int64(0)
		for _, e := range c.entries {
			live += int64(e.n)
		}
		if c.size > 1<<20 && live < c.size/2 {
			err = c.compact() // on failure, c is as it was
		}
		err = errors.Join(err, c.writeIndex())
	}
	err = errors.Join(err, c.pack.Close())
	if err != nil {
		return err
	}
	// What the index written does not name: packs of other generations,
	// and the index files of writes that never finished.
	for _, pattern := range []string{"pack-*", "index-*"} {
		names, _ := filepath.Glob(filepath.Join(c.dir, pattern))
		for _, name := range names {
			if name != c.packPath(c.gen) {
				os.Remove(name)
			}
		}
	}
	return nil
}

func (c *Cache) packPath(gen uint64) string {
	return filepath.Join(c.dir, fmt.Sprintf("pack-%d", gen))
}

// readIndex reads the index file into c and returns the size of the
// pack it covers; 0, with c empty, when the file is missing or damaged.
func (c *Cache) readIndex() int64 {
	b, err := os.ReadFile(filepath.Join(c.dir, "index"))
	if err != nil || len(b) < len(magic)+4 || string(b[:len(magic)]) != magic {
		return 0
	}
	body, sum := b[:len(b)-4], binary.LittleEndian.Uint32(b[len(b)-4:])
	if crc32.Checksum(body, castagnoli) != sum {
		return 0
	}
	body = body[len(magic):]
	if len(body) < 3*8 || (len(body)-3*8)%entrySize != 0 {
		return 0
	}
	gen := binary.LittleEndian.Uint64(body)
	covered := int64(binary.LittleEndian.Uint64(body[8:]))
	n := binary.LittleEndian.Uint64(body[16:])
	body = body[24:]
	if covered < 0 || n != uint64(len(body)/entrySize) {
		return 0
	}
	entries := make(map[Key]entry, n)
	for ; len(body) > 0; body = body[entrySize:] {
		var k Key
		copy(k[:], body)
		e := entry{
			off: int64(binary.LittleEndian.Uint64(body[32:])),
			n:   binary.LittleEndian.Uint32(body[40:]),
			sum: binary.LittleEndian.Uint32(body[44:]),
		}
		if e.off < 0 || e.off > covered || int64(e.n) > covered-e.off {
			return 0
		}
		entries[k] = e
	}
	c.gen, c.entries = gen, entries
	return covered
}

// writeIndex replaces the index file with c's entries, sorted by key.
func (c *Cache) writeIndex() error {
	keys := slices.SortedFunc(maps.Keys(c.entries), func(a, b Key) int { return bytes.Compare(a[:], b[:]) })
	b := make([]byte, 0, len(magic)+3*8+len(keys)*entrySize+4)
	b = append(b, magic...)
	b = binary.LittleEndian.AppendUint64(b, c.gen)
	b = binary.LittleEndian.AppendUint64(b, uint64(c.size))
	b = binary.LittleEndian.AppendUint64(b, uint64(len(keys)))
	for _, k := range keys {
		e := c.entries[k]
		b = append(b, k[:]...)
		b = binary.LittleEndian.AppendUint64(b, uint64(e.off))
		b = binary.LittleEndian.AppendUint32(b, e.n)
		b = binary.LittleEndian.AppendUint32(b, e.sum)
	}
	b = binary.LittleEndian.AppendUint32(b, crc32.Checksum(b, castagnoli))
	tmp, err := os.CreateTemp(c.dir, "index-*") // 0600
	if err != nil {
		return err
	}
	_, err = tmp.Write(b)
	if err = errors.Join(err, tmp.Close()); err == nil {
		err = os.Rename(tmp.Name(), filepath.Join(c.dir, "index"))
	}
	if err != nil {
		os.Remove(tmp.Name())
	}
	return err
}

// compact copies c's entries to a pack of the next generation, which
// the index written next names. On failure it leaves c as it was.
func (c *Cache) compact() error {
	next, err := os.OpenFile(c.packPath(c.gen+1), os.O_RDWR|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return fmt.Errorf("compacting cache %s: %w", c.dir, err)
	}
	keys := slices.SortedFunc(maps.Keys(c.entries), func(a, b Key) int { return cmp.Compare(c.entries[a].off, c.entries[b].off) })
	moved := make(map[Key]entry, len(keys))
	w := bufio.NewWriterSize(next, 1<<20)
	off := int64(0)
	for _, k := range keys {
		e := c.entries[k]
		if _, err = io.CopyN(w, io.NewSectionReader(c.pack, e.off, int64(e.n)), int64(e.n)); err != nil {
			break
		}
		e.off, off = off, off+int64(e.n)
		moved[k] = e
	}
	if err == nil {
		err = w.Flush()
	}
	if err != nil {
		next.Close()
		os.Remove(next.Name())
		return fmt.Errorf("compacting cache %s: %w", c.dir, err)
	}
	c.pack.Close()
	c.pack, c.gen, c.size, c.entries = next, c.gen+1, off, moved
	return nil
}
