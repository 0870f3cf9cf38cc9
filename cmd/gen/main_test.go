package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// dossier copies the repository's content, templates and static folders
// into a temporary folder and returns it; tests run gen there.
func dossier(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for _, d := range []string{"content", "templates", "static"} {
		cmd := exec.Command("cp", "-r", filepath.Join("..", "..", d), filepath.Join(dir, d))
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("cp: %v %s", err, out)
		}
	}
	return dir
}

func gen(t *testing.T, dir string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var o, e bytes.Buffer
	wd, _ := os.Getwd()
	if err := os.Chdir(dir); err != nil {
		t.Fatal(err)
	}
	defer os.Chdir(wd)
	code = run(args, &o, &e)
	return code, o.String(), e.String()
}

func TestUsageErrors(t *testing.T) {
	dir := dossier(t)
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"unknown-command", []string{"frobnicate"}, `unknown command "frobnicate"`},
		{"unknown-flag", []string{"build", "-nope"}, "flag provided but not defined: -nope"},
		{"extra-arg", []string{"build", "x"}, `unexpected argument "x"`},
		{"clean-no-file", []string{"clean"}, "usage:"},
		{"clean-json-and-text", []string{"clean", "-json", "-text", "x.txt"}, "usage:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := gen(t, dir, tt.args...)
			if code != 2 {
				t.Errorf("exit %d, want 2", code)
			}
			if !strings.Contains(stderr, tt.want) {
				t.Errorf("stderr %q does not contain %q", stderr, tt.want)
			}
		})
	}
}

func TestBuildCheck(t *testing.T) {
	dir := dossier(t)
	code, _, stderr := gen(t, dir, "check")
	if code != 1 || !strings.Contains(stderr, "missing: public") {
		t.Errorf("check before build: exit %d, %s", code, stderr)
	}
	code, stdout, stderr := gen(t, dir)
	if code != 0 || !strings.HasPrefix(stdout, "gen: 3 sources, ") || strings.Count(stdout, "\n") != 1 {
		t.Fatalf("build: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	code, stdout, _ = gen(t, dir, "check")
	if code != 0 || !strings.Contains(stdout, "up to date") {
		t.Errorf("check after build: exit %d, %s", code, stdout)
	}
	os.WriteFile(filepath.Join(dir, "public", "index.html"), []byte("edited"), 0o644)
	os.WriteFile(filepath.Join(dir, "public", "extra.html"), []byte("extra"), 0o644)
	before := snapshotDir(t, filepath.Join(dir, "public"))
	code, _, stderr = gen(t, dir, "check")
	if code != 1 || !strings.Contains(stderr, "stale: index.html") || !strings.Contains(stderr, "extra: extra.html") {
		t.Errorf("check after edit: exit %d, %s", code, stderr)
	}
	if !same(before, snapshotDir(t, filepath.Join(dir, "public"))) {
		t.Error("gen check modified public/")
	}
}

// TestFailedBuildKeepsOutput breaks a quote and checks the error and
// that public/ is left exactly as it was.
func TestFailedBuildKeepsOutput(t *testing.T) {
	dir := dossier(t)
	if code, _, stderr := gen(t, dir); code != 0 {
		t.Fatal(stderr)
	}
	before, _ := os.ReadFile(filepath.Join(dir, "public", "index.html"))
	claims := filepath.Join(dir, "content", "claims.yaml")
	data, _ := os.ReadFile(claims)
	data = bytes.Replace(data, []byte("90% of Russian microelectronics"), []byte("95% of Russian microelectronics"), 1)
	os.WriteFile(claims, data, 0o644)
	os.WriteFile(filepath.Join(dir, "static", "new.css"), []byte("p{}"), 0o644)

	code, stdout, stderr := gen(t, dir)
	if code != 1 || stdout != "" {
		t.Errorf("exit %d, stdout %q", code, stdout)
	}
	for _, want := range []string{
		"content/claims.yaml:", ": quote not found in timeshub\n\thint: closest passage (",
		"error; nothing was written",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr does not contain %q:\n%s", want, stderr)
		}
	}
	after, _ := os.ReadFile(filepath.Join(dir, "public", "index.html"))
	if !bytes.Equal(before, after) {
		t.Error("a failed build changed public/index.html")
	}
	if _, err := os.Stat(filepath.Join(dir, "public", "new.css")); err == nil {
		t.Error("a failed build wrote public/new.css")
	}
}

func TestClean(t *testing.T) {
	dir := dossier(t)
	file := filepath.Join("content", "sources", "thelocalreport.txt")
	code, stdout, stderr := gen(t, dir, "clean", file)
	if code != 0 || !strings.HasPrefix(stdout, "---\n") || !strings.Contains(stdout, "Pooja Sood") {
		t.Errorf("clean: exit %d %s %s", code, stdout, stderr)
	}
	code, stdout, _ = gen(t, dir, "clean", "-json", file)
	var out cleanedJSON
	if code != 0 || json.Unmarshal([]byte(stdout), &out) != nil || len(out.Paragraphs) == 0 || len(out.Removed) == 0 {
		t.Errorf("clean -json: exit %d %.200s", code, stdout)
	}
	code, stdout, _ = gen(t, dir, "clean", "-text", file)
	if code != 0 || strings.Count(stdout, "\n") != len(out.Paragraphs) {
		t.Errorf("clean -text: %d lines, want %d", strings.Count(stdout, "\n"), len(out.Paragraphs))
	}
	code, _, stderr = gen(t, dir, "clean", "nope.txt")
	if code != 1 || !strings.Contains(stderr, "nope.txt") {
		t.Errorf("clean of a missing file: exit %d %s", code, stderr)
	}
}

// TestTwoBuildsIdentical builds the committed content twice, in separate
// folders, and compares every byte.
func TestTwoBuildsIdentical(t *testing.T) {
	a, b := dossier(t), dossier(t)
	for _, dir := range []string{a, b} {
		if code, _, stderr := gen(t, dir); code != 0 {
			t.Fatal(stderr)
		}
	}
	var files int
	filepath.WalkDir(filepath.Join(a, "public"), func(p string, e os.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(a, p)
		x, _ := os.ReadFile(p)
		y, err := os.ReadFile(filepath.Join(b, rel))
		if err != nil || !bytes.Equal(x, y) {
			t.Errorf("%s differs between two builds", rel)
		}
		files++
		return nil
	})
	if files < 8 {
		t.Errorf("only %d files built", files)
	}
}

// TestNewAddBuild is the editor's loop with the installed binary's
// built-in templates: start a dossier, build it empty, add a capture,
// build again, then override one template file.
func TestNewAddBuild(t *testing.T) {
	root := t.TempDir()
	if code, _, stderr := gen(t, root, "new", "d"); code != 0 {
		t.Fatal(stderr)
	}
	dir := filepath.Join(root, "d")
	code, stdout, stderr := gen(t, dir)
	if code != 0 || !strings.HasPrefix(stdout, "gen: 0 sources, ") {
		t.Fatalf("empty dossier: exit %d %s %s", code, stdout, stderr)
	}
	index, _ := os.ReadFile(filepath.Join(dir, "public", "index.html"))
	if !strings.Contains(string(index), "gen add FILE") {
		t.Error("the empty site does not say how to add a source")
	}
	capture := filepath.Join("..", "..", "content", "sources", "thelocalreport.txt")
	abs, _ := filepath.Abs(capture)
	code, stdout, stderr = gen(t, dir, "add", abs)
	if code != 0 || !strings.Contains(stdout, "kept: ") || !strings.Contains(stdout, "removed: ") {
		t.Fatalf("add: exit %d %s %s", code, stdout, stderr)
	}
	if code, stdout, stderr = gen(t, dir); code != 0 || !strings.HasPrefix(stdout, "gen: 1 sources, ") {
		t.Fatalf("build after add: exit %d %s %s", code, stdout, stderr)
	}
	// A dossier's own templates/ overrides one file; the rest stay built in.
	os.MkdirAll(filepath.Join(dir, "templates"), 0o755)
	os.WriteFile(filepath.Join(dir, "templates", "404.html"), []byte(`{{define "main"}}<h1>Lost</h1>{{end}}`), 0o644)
	if code, _, stderr = gen(t, dir); code != 0 {
		t.Fatal(stderr)
	}
	page, _ := os.ReadFile(filepath.Join(dir, "public", "404.html"))
	if !strings.Contains(string(page), "<h1>Lost</h1>") {
		t.Error("templates/404.html did not override the built-in one")
	}
	if claims, _ := os.ReadFile(filepath.Join(dir, "public", "claims.html")); !strings.Contains(string(claims), "<h1>Claims</h1>") {
		t.Error("built-in claims template lost")
	}
}

// TestSuggest checks that the draft gen suggest prints is a claims.yaml
// whose every quote verifies.
func TestSuggest(t *testing.T) {
	dir := dossier(t)
	code, stdout, stderr := gen(t, dir, "suggest")
	if code != 0 || !strings.Contains(stderr, "draft claims") {
		t.Fatalf("suggest: exit %d %s", code, stderr)
	}
	if strings.Count(stdout, "- id: ") < 10 {
		t.Errorf("only %d draft claims", strings.Count(stdout, "- id: "))
	}
	os.WriteFile(filepath.Join(dir, "content", "claims.yaml"), []byte(stdout), 0o644)
	if code, _, stderr := gen(t, dir); code != 0 {
		t.Errorf("the draft does not build:\n%s", stderr)
	}
}

func TestMemoryLimit(t *testing.T) {
	for _, tt := range []struct {
		sources int
		want    int64
	}{{0, 280 << 20}, {3, 280 << 20}, {10000, 280 << 20}, {20000, 20000 * 28 << 10}, {100000, 100000 * 28 << 10}} {
		if got := memoryLimit(tt.sources); got != tt.want {
			t.Errorf("memoryLimit(%d) = %d MiB, want %d MiB", tt.sources, got>>20, tt.want>>20)
		}
	}
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "sources", "sub"), 0o755)
	for _, name := range []string{"a.txt", "a.yaml", "b.html", "b.yml", "c.txt"} {
		os.WriteFile(filepath.Join(dir, "sources", name), nil, 0o644)
	}
	if n := captures(dir); n != 3 {
		t.Errorf("captures = %d, want 3", n)
	}
}
