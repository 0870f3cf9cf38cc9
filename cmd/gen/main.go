// Command gen builds a source-comparison dossier site.
//
// Usage:
//
//	gen [build] [flags]      build the site from content/ into public/
//	gen check [flags]        rebuild and compare with public/, writing nothing
//	gen clean [-json|-text] FILE
//	                         print the cleaned article of one raw capture
//	gen new DIR              start a new dossier in DIR
//	gen add [-slug S] FILE…  add captures to content/sources/ with sidecars
//	gen suggest              print a draft claims.yaml from what the sources share
//
// Flags of build and check:
//
//	-content DIR    content folder (default "content")
//	-templates DIR  templates folder (default "templates"); its files
//	                override gen's built-in templates file by file
//	-static DIR     static files folder (default "static"), likewise
//	-out DIR        output folder (default "public")
//	-base-url URL   absolute URL the site is published at (overrides dossier.yaml)
//
// Content errors are printed as file:line: message, with a hint, all at
// once; the exit status is 1. Usage errors exit with status 2.
//
// A build allocates much and keeps little, so gen collects garbage less
// often than Go does by default (GOGC=400) but within a soft limit of
// 280 MiB, or 28 KiB a source beyond 10,000 sources (GOMEMLIMIT); either
// variable, when set, is used instead.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"time"

	embedded "github.com/gen-dossier/gen"
	"github.com/gen-dossier/gen/internal/cache"
	"github.com/gen-dossier/gen/internal/content"
	"github.com/gen-dossier/gen/internal/diag"
	"github.com/gen-dossier/gen/internal/overlay"
	"github.com/gen-dossier/gen/internal/site"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// tuneGC sets gen's garbage collection policy for a dossier of about n
// sources, unless the environment sets its own: a collection when the
// heap has grown by 400% rather than 100%, which spares a small
// dossier's build most collections and a large one's a fifth of its
// time, and a soft memory limit (see memoryLimit).
func tuneGC(n int) {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit(n))
	}
}

// memoryLimit is the soft memory limit of a build of n sources: 280 MiB,
// which keeps a build of up to 10,000 sources (at most about 190 MB live
// at once) under 300 MiB, and 28 KiB a source beyond that, half as much
// again as a build holds live, so that the collector of a larger build
// has room to work rather than running all the time.
func memoryLimit(n int) int64 { return max(280<<20, int64(n)*28<<10) }

// captures counts the captures in the content folder dir, for tuneGC:
// by name, unsorted, which takes half the time of os.ReadDir (a folder
// named like a capture would count, and only make the limit higher).
func captures(dir string) int {
	f, err := os.Open(filepath.Join(dir, "sources"))
	if err != nil {
		return 0
	}
	defer f.Close()
	names, _ := f.Readdirnames(-1)
	n := 0
	for _, name := range names {
		if content.IsCapture(name) {
			n++
		}
	}
	return n
}

const usage = `usage:
  gen [build] [-content DIR] [-templates DIR] [-static DIR] [-out DIR] [-base-url URL]
  gen check   [same flags]: compare a fresh build with the output folder
  gen clean   [-json | -text] FILE: print the cleaned article of one capture
  gen new     DIR: start a new dossier in DIR
  gen add     [-content DIR] [-slug SLUG] FILE...: add captures to content/sources/
  gen suggest [-content DIR]: print a draft claims.yaml from what the sources share
`

// run runs gen with args and returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	cmd := "build"
	if len(args) > 0 && args[0] != "" && args[0][0] != '-' {
		cmd, args = args[0], args[1:]
	}
	switch cmd {
	case "build", "check":
		return build(cmd, args, stdout, stderr)
	case "clean":
		return cleanCmd(args, stdout, stderr)
	case "new":
		return newCmd(args, stdout, stderr)
	case "add":
		return addCmd(args, stdout, stderr)
	case "suggest":
		return suggestCmd(args, stdout, stderr)

	case "help":
		fmt.Fprint(stdout, usage)
		return 0
	}
	fmt.Fprintf(stderr, "gen: unknown command %q\n%s", cmd, usage)
	return 2
}

func build(cmd string, args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("gen "+cmd, flag.ContinueOnError)
	fl.SetOutput(stderr)
	contentDir := fl.String("content", "content", "content `folder`")
	templatesDir := fl.String("templates", "templates", "templates `folder`")
	staticDir := fl.String("static", "static", "static files `folder`")
	out := fl.String("out", "public", "output `folder`")
	baseURL := fl.String("base-url", "", "absolute `URL` the site is published at (overrides dossier.yaml)")
	if err := fl.Parse(args); err != nil {
		return 2
	}
	if fl.NArg() > 0 {
		fmt.Fprintf(stderr, "gen %s: unexpected argument %q\n%s", cmd, fl.Arg(0), usage)
		return 2
	}
	if fi, err := os.Stat(*contentDir); err != nil || !fi.IsDir() {
		fmt.Fprintf(stderr, "gen: %s: no such folder (run gen in the dossier's folder, pass -content, or start one with gen new DIR)\n", *contentDir)
		return 1
	}
	start := time.Now()
	tuneGC(captures(*contentDir))
	cfg := config(*contentDir, *templatesDir, *staticDir, *baseURL)
	if cmd == "check" {
		r, diffs, err := site.Check(cfg, *out)
		if err != nil {
			printErr(stderr, err)
			return 1
		}
		printWarnings(stderr, r)
		for _, d := range diffs {
			fmt.Fprintln(stderr, d)
		}
		if len(diffs) > 0 {
			fmt.Fprintf(stderr, "gen: %s is out of date (%d files): run make (or gen build) and commit %s\n", *out, len(diffs), *out)
			return 1
		}
		fmt.Fprintf(stdout, "gen: %s is up to date (%d files)\n", *out, r.Stats.Files)
		return 0
	}
	cfg.Cache = openCache(*contentDir, stderr)
	r, err := site.BuildTo(cfg, *out)
	closeCache(cfg.Cache, err == nil, stderr)
	if err != nil {
		printErr(stderr, err)
		return 1
	}
	printWarnings(stderr, r)
	s := r.Stats
	cached := ""
	if s.Cached > 0 {
		cached = fmt.Sprintf(" (%d cleaned by an earlier build)", s.Cached)
	}
	fmt.Fprintf(stdout, "gen: %d sources%s, %d pages, %d claims, %d events, %d warnings → %s in %s\n",
		s.Sources, cached, s.Pages, s.Claims, s.Events, s.Warnings, *out, time.Since(start).Round(time.Millisecond))
	return 0
}

// config turns folder names into a site.Config. The templates and static
// folders are layered over gen's built-in defaults, so a dossier needs
// only the files it changes, or none.
func config(contentDir, templatesDir, staticDir, baseURL string) site.Config {
	return site.Config{
		Content:      os.DirFS(contentDir),
		Templates:    layered(templatesDir, embedded.Templates()),
		Static:       layered(staticDir, embedded.Static()),
		ContentDir:   contentDir,
		TemplatesDir: templatesDir,
		StaticDir:    staticDir,
		BaseURL:      baseURL,
	}
}

// openCache opens the build cache of the content folder dir: a folder
// in $GENCACHE, or else in gen/ in the user's cache folder. There is
// none when GENCACHE is off, or when the cache cannot be opened: the
// build is the same without one, only slower, and a note says why
// unless another gen is using it.
func openCache(dir string, stderr io.Writer) *cache.Cache {
	root := os.Getenv("GENCACHE")
	if root == "off" {
		return nil
	}
	c, err := tryOpenCache(root, dir)
	if err != nil && !errors.Is(err, cache.ErrInUse) {
		fmt.Fprintf(stderr, "gen: note: building without the build cache: %v (set GENCACHE to a folder gen may write, or GENCACHE=off)\n", err)
	}
	return c
}

func tryOpenCache(root, dir string) (*cache.Cache, error) {
	if root == "" {
		d, err := os.UserCacheDir()
		if err != nil {
			return nil, err
		}
		root = filepath.Join(d, "gen")
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	id, err := cache.ProgramID()
	if err != nil {
		return nil, err
	}
	cache.Trim(root, 30*24*time.Hour, time.Now())
	return cache.Open(cache.Dir(root, abs), id)
}

// closeCache closes the build cache c, if any, dropping what the build
// did not use when it read every source (ok). A cache that cannot be
// written is worth a note, not a failed build.
func closeCache(c *cache.Cache, ok bool, stderr io.Writer) {
	if c == nil {
		return
	}
	if err := c.Close(ok); err != nil {
		fmt.Fprintf(stderr, "gen: note: the build cache could not be updated: %v\n", err)
	}
}

func layered(dir string, defaults fs.FS) fs.FS {
	if fi, err := os.Stat(dir); err == nil && fi.IsDir() {
		return overlay.New(os.DirFS(dir), defaults)
	}
	return defaults
}

func printWarnings(w io.Writer, r *site.Report) {
	for _, warn := range r.Warnings {
		fmt.Fprintf(w, "warning: %s\n", warn)
	}
}

func printErr(w io.Writer, err error) {
	var list diag.List
	if errors.As(err, &list) {
		for _, e := range list {
			fmt.Fprintln(w, e)
		}
		noun := "errors"
		if len(list) == 1 {
			noun = "error"
		}
		fmt.Fprintf(w, "gen: %d %s; nothing was written\n", len(list), noun)
		return
	}
	fmt.Fprintf(w, "gen: %v\n", err)
}
