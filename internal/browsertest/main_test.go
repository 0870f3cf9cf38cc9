package browsertest

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/gen-dossier/gen/internal/site"
)

// repoRoot is the repository, seen from this package's folder.
const repoRoot = "../.."

// requireEnv names the variable that turns a missing tool from a skip into
// a failure.
const requireEnv = "GEN_REQUIRE_BROWSER"

// The built site, shared by every test.
var (
	siteDir  string   // the folder holding the build
	pages    []string // slash paths of its .html files, sorted
	httpBase string   // http://127.0.0.1:PORT/dossier/
	fileBase string   // file:///…/public/
	dossier  dossierJSON
)

// widths are the viewport widths every page is checked at, in CSS pixels:
// a desktop window and a small phone.
var widths = []int64{1280, 375}

const viewportHeight = 800

// dossierJSON is the part of dossier.json the tests follow.
type dossierJSON struct {
	Sources []struct {
		Slug string `json:"slug"`
	} `json:"sources"`
	Claims []struct {
		ID      string `json:"id"`
		URL     string `json:"url"`
		Sources map[string]struct {
			Quote string `json:"quote"`
			URL   string `json:"url"`
		} `json:"sources"`
	} `json:"claims"`
}

func TestMain(m *testing.M) {
	os.Exit(run(m))
}

func run(m *testing.M) int {
	defer cleanup()
	return m.Run()
}

// The shared site and its server, made by the first test that calls setup.
var (
	setupOnce sync.Once
	setupErr  error
	tmpDir    string
	server    *httptest.Server
)

// setup builds the site and starts its HTTP server, once for all the
// tests. It runs inside a test, not in TestMain, so that go test records
// the files the build reads and runs the tests again when one of them
// changes, instead of reporting a cached result.
func setup(t *testing.T) {
	t.Helper()
	setupOnce.Do(func() {
		tmpDir, setupErr = os.MkdirTemp("", "gen-browsertest-")
		if setupErr != nil {
			return
		}
		if err := buildSite(filepath.Join(tmpDir, "public")); err != nil {
			setupErr = fmt.Errorf("building the site: %v", err)
			return
		}
		server = httptest.NewServer(pagesHandler("/dossier/", siteDir))
		httpBase = server.URL + "/dossier/"
	})
	if setupErr != nil {
		t.Fatal(setupErr)
	}
}

func cleanup() {
	stopBrowser()
	if server != nil {
		server.Close()
	}
	if tmpDir != "" {
		os.RemoveAll(tmpDir)
	}
}

// buildSite builds the repository's dossier into dir and fills the
// package variables that describe it.
func buildSite(dir string) error {
	out, err := site.Build(site.Config{
		Content:      os.DirFS(filepath.Join(repoRoot, "content")),
		Templates:    os.DirFS(filepath.Join(repoRoot, "templates")),
		Static:       os.DirFS(filepath.Join(repoRoot, "static")),
		ContentDir:   "content",
		TemplatesDir: "templates",
		StaticDir:    "static",
	})
	if err != nil {
		return err
	}
	if err := out.Write(dir); err != nil {
		return err
	}
	siteDir = dir
	fileBase = (&url.URL{Scheme: "file", Path: filepath.ToSlash(dir) + "/"}).String()
	err = fs.WalkDir(os.DirFS(dir), ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".html") {
			pages = append(pages, p)
		}
		return err
	})
	if err != nil {
		return err
	}
	slices.Sort(pages)
	if len(pages) == 0 {
		return errors.New("the build has no .html page")
	}
	data, err := os.ReadFile(filepath.Join(dir, "dossier.json"))
	if err != nil {
		return err
	}
	return json.Unmarshal(data, &dossier)
}

// pagesHandler serves the folder dir under prefix the way GitHub Pages
// serves a project site: a folder's index.html at the folder's address,
// no redirects, and 404.html with status 404 for a path that names no file.
func pagesHandler(prefix, dir string) http.Handler {
	root := os.DirFS(dir)
	// serve answers with the file name, and reports false when there is
	// no such file.
	serve := func(w http.ResponseWriter, r *http.Request, name string, status int) bool {
		st, err := fs.Stat(root, name)
		if err != nil || st.IsDir() {
			return false
		}
		data, err := fs.ReadFile(root, name)
		if err != nil {
			return false
		}
		if status == http.StatusOK {
			http.ServeContent(w, r, name, st.ModTime(), bytes.NewReader(data))
			return true
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(status)
		w.Write(data)
		return true
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p, ok := strings.CutPrefix(r.URL.Path, prefix)
		if !ok {
			http.NotFound(w, r)
			return
		}
		p = path.Clean("/" + p)[1:]
		if p == "" || strings.HasSuffix(r.URL.Path, "/") {
			p = path.Join(p, "index.html")
		}
		if serve(w, r, p, http.StatusOK) {
			return
		}
		if !serve(w, r, "404.html", http.StatusNotFound) {
			http.NotFound(w, r)
		}
	})
}

// requireTool skips or fails t when a tool is missing: it fails when
// GEN_REQUIRE_BROWSER is set, so that CI cannot pass without the check.
func requireTool(t *testing.T, format string, args ...any) {
	t.Helper()
	msg := fmt.Sprintf(format, args...)
	if os.Getenv(requireEnv) != "" {
		t.Fatalf("%s (%s is set, so the check cannot be skipped; run .ci/run's setup: apt-get install chromium, npm ci)", msg, requireEnv)
	}
	t.Skipf("%s; set %s=1 to make this a failure", msg, requireEnv)
}

// chromiumPath returns the browser to drive, or "".
func chromiumPath() string {
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if _, err := os.Stat("/usr/bin/chromium"); err == nil {
		return "/usr/bin/chromium"
	}
	return ""
}

// The browser, started by the first test that needs it.
var (
	browserOnce   sync.Once
	browserCtx    context.Context
	browserCancel context.CancelFunc
	browserErr    error
	browserDir    string
)

// browser returns a context of a running headless Chromium, shared by the
// tests. Each test opens its own tabs with newTab.
func browser(t *testing.T) context.Context {
	t.Helper()
	exe := chromiumPath()
	if exe == "" {
		requireTool(t, "chromium is not installed")
	}
	browserOnce.Do(func() {
		browserDir, browserErr = os.MkdirTemp("", "gen-chromium-")
		if browserErr != nil {
			return
		}
		opts := []chromedp.ExecAllocatorOption{
			chromedp.ExecPath(exe),
			chromedp.UserDataDir(browserDir),
			chromedp.Flag("no-sandbox", true),
			chromedp.Flag("headless", true),
			chromedp.Flag("disable-gpu", true),
			chromedp.Flag("disable-background-networking", true),
			chromedp.Flag("disable-component-update", true),
			chromedp.Flag("no-first-run", true),
			chromedp.Flag("hide-scrollbars", true),
			chromedp.Flag("force-color-profile", "srgb"),
		}
		allocCtx, allocCancel := chromedp.NewExecAllocator(context.Background(), opts...)
		ctx, cancel := chromedp.NewContext(allocCtx)
		browserCancel = func() { cancel(); allocCancel() }
		if err := chromedp.Do(ctx); err != nil { // start the browser
			browserErr = fmt.Errorf("starting %s: %v", exe, err)
			return
		}
		browserCtx = ctx
	})
	if browserErr != nil {
		t.Fatal(browserErr)
	}
	return browserCtx
}

func stopBrowser() {
	if browserCancel != nil {
		browserCancel()
	}
	if browserDir != "" {
		os.RemoveAll(browserDir)
	}
}
