//go:build unix

package site

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// TestRebuildSpecialFiles rebuilds into a folder whose previous build
// has, in place of pages, a symlink to a file of the same content and a
// named pipe: the rebuild neither keeps the symlink nor waits on the
// pipe, and writes both pages as regular files.
func TestRebuildSpecialFiles(t *testing.T) {
	cfg := repoConfig()
	dir := filepath.Join(t.TempDir(), "public")
	if _, err := BuildTo(cfg, dir); err != nil {
		t.Fatal(err)
	}
	link, pipe := filepath.Join(dir, "claims.html"), filepath.Join(dir, "index.html")
	want := map[string][]byte{}
	for _, p := range []string{link, pipe} {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		want[p] = data
	}
	outside := filepath.Join(t.TempDir(), "claims.html")
	if err := os.WriteFile(outside, want[link], 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(link); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, link); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(pipe); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(pipe, 0o644); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	done := make(chan error, 1)
	go func() { _, err := BuildTo(cfg, dir); done <- err }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(time.Minute):
		t.Fatal("the rebuild waits on the named pipe in the output folder")
	}
	for _, p := range []string{link, pipe} {
		fi, err := os.Lstat(p)
		if err != nil {
			t.Fatal(err)
		}
		data, _ := os.ReadFile(p)
		if !fi.Mode().IsRegular() || string(data) != string(want[p]) {
			t.Errorf("%s: mode %v, %d bytes; want the page as a regular file", filepath.Base(p), fi.Mode(), len(data))
		}
	}
	if data, _ := os.ReadFile(outside); string(data) != string(want[link]) {
		t.Error("the symlink's target was written through")
	}
}
