package cache

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

func openTest(t *testing.T, dir string) *Cache {
	t.Helper()
	c, err := Open(dir, []byte("test program"))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func closeCache(t *testing.T, c *Cache, dropUnused bool) {
	t.Helper()
	if err := c.Close(dropUnused); err != nil {
		t.Fatal(err)
	}
}

func value(i int) []byte {
	return []byte(strings.Repeat(fmt.Sprintf("value %d;", i), i%7+1))
}

func mustGet(t *testing.T, c *Cache, k Key, want []byte) {
	t.Helper()
	got, ok := c.Get(k, nil)
	if !ok || !bytes.Equal(got, want) {
		t.Fatalf("Get = %q, %v; want %q", got, ok, want)
	}
}

func mustMiss(t *testing.T, c *Cache, k Key) {
	t.Helper()
	if got, ok := c.Get(k, nil); ok {
		t.Fatalf("Get = %q, true; want a miss", got)
	}
}

func TestPutGetAcrossOpens(t *testing.T) {
	dir := t.TempDir()
	c := openTest(t, dir)
	for i := range 50 {
		c.Put(c.Key("v", fmt.Sprint(i)), value(i))
	}
	mustGet(t, c, c.Key("v", "7"), value(7)) // before Close too
	closeCache(t, c, true)

	c = openTest(t, dir)
	for i := range 50 {
		mustGet(t, c, c.Key("v", fmt.Sprint(i)), value(i))
	}
	mustMiss(t, c, c.Key("v", "50"))
	buf := make([]byte, 0, 4)
	got, ok := c.Get(c.Key("v", "3"), buf)
	if !ok || !bytes.Equal(got, value(3)) {
		t.Fatalf("Get into a buffer = %q, %v", got, ok)
	}
	closeCache(t, c, true)
}

func TestKeys(t *testing.T) {
	dir := t.TempDir()
	a := openTest(t, dir)
	ka := a.Key("x", "y")
	closeCache(t, a, true)
	b, err := Open(dir, []byte("another program"))
	if err != nil {
		t.Fatal(err)
	}
	defer closeCache(t, b, true)
	for _, k := range []Key{b.Key("x", "y"), a.Key("xy"), a.Key("x", "y", ""), a.Key("", "xy")} {
		if k == ka {
			t.Errorf("key %x made from other parts or another program equals %x", k, ka)
		}
	}
	if a.Key("x", "y") != ka {
		t.Error("a key is not the same from the same parts")
	}
}

// TestDamage: a value, index or pack that is not what was written is a
// miss, and the cache goes on working.
func TestDamage(t *testing.T) {
	all := []int{0, 1, 2, 3, 4}
	for _, tc := range []struct {
		name   string
		damage func(t *testing.T, dir string)
		lost   []int // the values that miss after it; the others are there
	}{
		{"value byte flipped", func(t *testing.T, dir string) { flip(t, filepath.Join(dir, "pack-0"), 3) }, []int{0}},
		{"pack cut short", func(t *testing.T, dir string) { os.Truncate(filepath.Join(dir, "pack-0"), 3) }, all},
		{"pack gone", func(t *testing.T, dir string) { os.Remove(filepath.Join(dir, "pack-0")) }, all},
		{"bytes after what the index names", func(t *testing.T, dir string) {
			f, _ := os.OpenFile(filepath.Join(dir, "pack-0"), os.O_WRONLY|os.O_APPEND, 0)
			f.WriteString("written by a build that never closed its cache")
			f.Close()
		}, nil},
		{"index byte flipped", func(t *testing.T, dir string) { flip(t, filepath.Join(dir, "index"), 20) }, all},
		{"index cut short", func(t *testing.T, dir string) { os.Truncate(filepath.Join(dir, "index"), 30) }, all},
		{"index empty", func(t *testing.T, dir string) { os.WriteFile(filepath.Join(dir, "index"), nil, 0o644) }, all},
		{"index gone", func(t *testing.T, dir string) { os.Remove(filepath.Join(dir, "index")) }, all},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			c := openTest(t, dir)
			for i := range all {
				c.Put(c.Key(fmt.Sprint(i)), value(i))
			}
			closeCache(t, c, true)
			tc.damage(t, dir)

			c = openTest(t, dir)
			for i := range all {
				if slices.Contains(tc.lost, i) {
					mustMiss(t, c, c.Key(fmt.Sprint(i)))
				} else {
					mustGet(t, c, c.Key(fmt.Sprint(i)), value(i))
				}
			}
			c.Put(c.Key("new"), []byte("after the damage"))
			closeCache(t, c, false)
			c = openTest(t, dir)
			mustGet(t, c, c.Key("new"), []byte("after the damage"))
			closeCache(t, c, false)
		})
	}
}

func flip(t *testing.T, name string, at int) {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	b[at] ^= 0x20
	if err := os.WriteFile(name, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestUnused: Close(false) drops what the session did not use, and a
// pack mostly of dropped values is compacted into a new one.
func TestUnused(t *testing.T) {
	dir := t.TempDir()
	big := bytes.Repeat([]byte("0123456789abcdef"), 1<<12) // 64 KiB
	c := openTest(t, dir)
	for i := range 40 {
		c.Put(c.Key(fmt.Sprint(i)), append([]byte(fmt.Sprint(i)), big...))
	}
	closeCache(t, c, true)

	// A session that uses only some, keeping the rest.
	c = openTest(t, dir)
	mustGet(t, c, c.Key("1"), append([]byte("1"), big...))
	closeCache(t, c, false)
	c = openTest(t, dir)
	mustGet(t, c, c.Key("2"), append([]byte("2"), big...))
	mustGet(t, c, c.Key("3"), append([]byte("3"), big...))
	c.Put(c.Key("new"), []byte("new"))
	closeCache(t, c, true) // 1 and 4… dropped: most of the pack

	c = openTest(t, dir)
	mustMiss(t, c, c.Key("1"))
	mustMiss(t, c, c.Key("4"))
	mustGet(t, c, c.Key("2"), append([]byte("2"), big...))
	mustGet(t, c, c.Key("3"), append([]byte("3"), big...))
	mustGet(t, c, c.Key("new"), []byte("new"))
	closeCache(t, c, true)
	packs, _ := filepath.Glob(filepath.Join(dir, "pack-*"))
	if len(packs) != 1 || filepath.Base(packs[0]) != "pack-1" {
		t.Errorf("packs after compaction: %v, want pack-1 alone", packs)
	}
	if fi, err := os.Stat(packs[0]); err != nil || fi.Size() > 3*int64(len(big))+100 {
		t.Errorf("compacted pack: %v, %v; want 2 values and a small one", fi.Size(), err)
	}
}

func TestLocked(t *testing.T) {
	dir := t.TempDir()
	c := openTest(t, dir)
	if _, err := Open(dir, nil); !errors.Is(err, ErrInUse) {
		t.Fatalf("a second Open of a cache in use: %v, want ErrInUse", err)
	}
	closeCache(t, c, true)
	closeCache(t, openTest(t, dir), true) // free again
}

func TestConcurrent(t *testing.T) {
	dir := t.TempDir()
	c := openTest(t, dir)
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Go(func() {
			for i := range 100 {
				k := c.Key(fmt.Sprint(i))
				if w%2 == 0 {
					c.Put(k, value(i))
				} else if got, ok := c.Get(k, nil); ok && !bytes.Equal(got, value(i)) {
					t.Errorf("Get %d = %q", i, got)
				}
			}
		})
	}
	wg.Wait()
	closeCache(t, c, true)
	c = openTest(t, dir)
	for i := range 100 {
		mustGet(t, c, c.Key(fmt.Sprint(i)), value(i))
	}
	closeCache(t, c, true)
}

func TestProgramID(t *testing.T) {
	a, err := ProgramID()
	if err != nil {
		t.Fatal(err)
	}
	b, _ := ProgramID()
	if len(a) < 10 || !bytes.Equal(a, b) {
		t.Fatalf("ProgramID = %q, then %q", a, b)
	}
	exe, _ := os.Executable()
	if f, err := os.Open(exe); err == nil {
		defer f.Close()
		if id := goBuildID(f); id != nil && !bytes.HasPrefix(a, []byte("go:")) {
			t.Errorf("ProgramID = %q, not the build ID %q", a, id)
		}
	}
}

func TestTrim(t *testing.T) {
	root := t.TempDir()
	now := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
	old := now.Add(-40 * 24 * time.Hour)
	dirs := map[string]string{}
	for _, name := range []string{"old", "recent", "in use"} {
		dirs[name] = Dir(root, "/dossiers/"+name)
		c := openTest(t, dirs[name])
		c.Put(c.Key(name), []byte(name))
		closeCache(t, c, true)
	}
	os.Chtimes(filepath.Join(dirs["old"], "index"), old, old)
	os.Chtimes(filepath.Join(dirs["in use"], "index"), old, old)
	busy := openTest(t, dirs["in use"])
	defer closeCache(t, busy, false)
	// Folders that are not caches of gen's, however old: never removed.
	for _, name := range []string{"content", "0123456789abcdef", "notes"} {
		os.MkdirAll(filepath.Join(root, name), 0o755)
		if name != "notes" {
			os.WriteFile(filepath.Join(root, name, "index"), nil, 0o644)
		}
		os.Chtimes(filepath.Join(root, name), old, old)
	}
	os.WriteFile(filepath.Join(root, "0123456789abcdef", "CACHEDIR.TAG"), []byte("Signature: 8a477f597d28d172789f06886806bc55\n"), 0o644)
	os.Chtimes(filepath.Join(root, "0123456789abcdef", "index"), old, old)
	os.WriteFile(filepath.Join(root, "a file"), nil, 0o644)

	Trim(root, 30*24*time.Hour, now)
	for name, want := range map[string]bool{
		dirs["old"]: false, dirs["recent"]: true, dirs["in use"]: true,
		"content": true, "0123456789abcdef": true, "notes": true, "a file": true,
	} {
		if _, err := os.Stat(filepath.Join(root, filepath.Base(name))); (err == nil) != want {
			t.Errorf("%s there after Trim: %v, want %v", filepath.Base(name), err == nil, want)
		}
	}
	// Trimmed less than a day ago: not looked at again.
	os.Chtimes(filepath.Join(dirs["recent"], "index"), old, old)
	Trim(root, 30*24*time.Hour, now.Add(time.Hour))
	if _, err := os.Stat(dirs["recent"]); err != nil {
		t.Error("Trim looked again within a day")
	}
	Trim(root, 30*24*time.Hour, now.Add(25*time.Hour))
	if _, err := os.Stat(dirs["recent"]); err == nil {
		t.Error("Trim did not look again after a day")
	}
}

// TestCompactionFails: when the new pack cannot be made, the values
// used stay where they were in the old one.
func TestCompactionFails(t *testing.T) {
	dir := t.TempDir()
	big := bytes.Repeat([]byte("x"), 1<<20)
	c := openTest(t, dir)
	c.Put(c.Key("big"), big)
	c.Put(c.Key("small"), []byte("small"))
	closeCache(t, c, true)
	os.Mkdir(filepath.Join(dir, "pack-1"), 0o755) // where the next pack goes
	c = openTest(t, dir)
	mustGet(t, c, c.Key("small"), []byte("small"))
	if err := c.Close(true); err == nil || !strings.Contains(err.Error(), "compacting") {
		t.Fatalf("Close = %v, want a compaction error", err)
	}
	os.Remove(filepath.Join(dir, "pack-1"))
	c = openTest(t, dir)
	mustGet(t, c, c.Key("small"), []byte("small"))
	mustMiss(t, c, c.Key("big")) // unused, dropped
	closeCache(t, c, false)
}

func TestDelete(t *testing.T) {
	c := openTest(t, t.TempDir())
	k := c.Key("k")
	c.Put(k, []byte("refused by its reader"))
	c.Put(k, []byte("fresh")) // k has a value: kept
	mustGet(t, c, k, []byte("refused by its reader"))
	c.Delete(k)
	mustMiss(t, c, k)
	c.Put(k, []byte("fresh"))
	mustGet(t, c, k, []byte("fresh"))
	closeCache(t, c, true)
}

func TestPermissions(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "cache")
	c := openTest(t, dir)
	c.Put(c.Key("k"), []byte("the text of a capture"))
	closeCache(t, c, true)
	filepath.Walk(dir, func(p string, fi os.FileInfo, err error) error {
		if want := os.FileMode(0o600); fi.IsDir() {
			want = 0o700
			if fi.Mode().Perm() != want {
				t.Errorf("%s: mode %v, want %v", p, fi.Mode().Perm(), want)
			}
		} else if fi.Mode().Perm() != want {
			t.Errorf("%s: mode %v, want %v", p, fi.Mode().Perm(), want)
		}
		return nil
	})
}
