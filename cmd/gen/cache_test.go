package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestMain gives the tests a build cache of their own, so that they
// never write to the user's.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "gen-test-cache-")
	if err != nil {
		panic(err)
	}
	os.Setenv("GENCACHE", dir)
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// TestBuildCache: a second build reads every source's cleaning from the
// cache and writes the same site; GENCACHE=off builds without it.
func TestBuildCache(t *testing.T) {
	t.Setenv("GENCACHE", t.TempDir())
	dir := dossier(t)
	os.RemoveAll(filepath.Join(dir, "public"))
	code, stdout, stderr := gen(t, dir, "build")
	if code != 0 || strings.Contains(stdout, "earlier build") {
		t.Fatalf("first build: exit %d, %q %s", code, stdout, stderr)
	}
	code, stdout, stderr = gen(t, dir, "build", "-out", "again")
	if code != 0 || !strings.HasPrefix(stdout, "gen: 3 sources (3 cleaned by an earlier build), ") {
		t.Fatalf("second build: exit %d, %q %s", code, stdout, stderr)
	}
	if code, _, stderr = gen(t, dir, "check", "-out", "again"); code != 0 {
		t.Fatalf("the site built from the cache differs from a fresh build: %s", stderr)
	}
	// A cache folder gen cannot make: a note, and the same site.
	file := filepath.Join(t.TempDir(), "a file")
	os.WriteFile(file, nil, 0o644)
	t.Setenv("GENCACHE", file)
	code, stdout, stderr = gen(t, dir, "build")
	if code != 0 || !strings.Contains(stderr, "note: building without the build cache") || strings.Contains(stdout, "earlier build") {
		t.Fatalf("build with an unusable GENCACHE: exit %d, %q %s", code, stdout, stderr)
	}
	t.Setenv("GENCACHE", "off")
	if code, stdout, stderr = gen(t, dir, "build"); code != 0 || strings.Contains(stdout, "earlier build") {
		t.Fatalf("build with GENCACHE=off: exit %d, %q %s", code, stdout, stderr)
	}
}
