// Command gen builds a source-comparison dossier site.
//
// Usage:
//
//	gen [build] [flags]      build the site from content/ into public/
//	gen check [flags]        rebuild in memory and compare with public/
//	gen clean [-json|-text] FILE
//	                         print the cleaned article of one raw capture
//
// Flags of build and check:
//
//	-content DIR    content folder (default "content")
//	-templates DIR  templates folder (default "templates")
//	-static DIR     static files folder (default "static")
//	-out DIR        output folder (default "public")
//	-base-url URL   absolute URL the site is published at (overrides dossier.yaml)
//
// Content errors are printed as file:line: message, with a hint, all at
// once; the exit status is 1. Usage errors exit with status 2.
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/gen-dossier/gen/internal/clean"
	"github.com/gen-dossier/gen/internal/diag"
	"github.com/gen-dossier/gen/internal/site"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

const usage = `usage:
  gen [build] [-content DIR] [-templates DIR] [-static DIR] [-out DIR] [-base-url URL]
  gen check   [same flags]: compare a fresh build with the output folder
  gen clean   [-json | -text] FILE: print the cleaned article of one capture
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
	for _, dir := range []string{*contentDir, *templatesDir} {
		if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
			fmt.Fprintf(stderr, "gen: %s: no such folder (run gen from the dossier's folder, or pass -content and -templates)\n", dir)
			return 1
		}
	}
	start := time.Now()
	o, err := site.Build(site.Config{
		Content:      os.DirFS(*contentDir),
		Templates:    os.DirFS(*templatesDir),
		Static:       os.DirFS(*staticDir),
		ContentDir:   *contentDir,
		TemplatesDir: *templatesDir,
		StaticDir:    *staticDir,
		BaseURL:      *baseURL,
	})
	if err != nil {
		printErr(stderr, err)
		return 1
	}
	for _, w := range o.Warnings {
		fmt.Fprintf(stderr, "warning: %s\n", w)
	}
	if cmd == "check" {
		diffs, err := o.Diff(*out)
		if err != nil {
			fmt.Fprintf(stderr, "gen: %v\n", err)
			return 1
		}
		for _, d := range diffs {
			fmt.Fprintln(stderr, d)
		}
		if len(diffs) > 0 {
			fmt.Fprintf(stderr, "gen: %s is out of date (%d files): run make (or gen build) and commit %s\n", *out, len(diffs), *out)
			return 1
		}
		fmt.Fprintf(stdout, "gen: %s is up to date (%d files)\n", *out, len(o.Paths()))
		return 0
	}
	if err := o.Write(*out); err != nil {
		fmt.Fprintf(stderr, "gen: %v\n", err)
		return 1
	}
	s := o.Stats
	fmt.Fprintf(stdout, "gen: %d sources, %d pages, %d claims, %d events, %d warnings → %s in %s\n",
		s.Sources, s.Pages, s.Claims, s.Events, s.Warnings, *out, time.Since(start).Round(time.Millisecond))
	return 0
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

func cleanCmd(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("gen clean", flag.ContinueOnError)
	fl.SetOutput(stderr)
	asJSON := fl.Bool("json", false, "print paragraphs, detected metadata and removed lines as JSON")
	asText := fl.Bool("text", false, "print only the article body as plain text, one paragraph a line")
	if err := fl.Parse(args); err != nil {
		return 2
	}
	if fl.NArg() != 1 || (*asJSON && *asText) {
		fmt.Fprint(stderr, usage)
		return 2
	}
	file := fl.Arg(0)
	raw, err := os.ReadFile(file)
	if err != nil {
		fmt.Fprintf(stderr, "gen: %v\n", err)
		return 1
	}
	a, err := clean.Clean(file, raw)
	if err != nil {
		fmt.Fprintf(stderr, "gen: %s: %v\n", file, err)
		return 1
	}
	switch {
	case *asJSON:
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(cleanJSON(a)); err != nil {
			fmt.Fprintf(stderr, "gen: %v\n", err)
			return 1
		}
	case *asText:
		stdout.Write(a.Text())
	default:
		stdout.Write(a.Markdown())
	}
	return 0
}

// cleanedJSON is the shape of gen clean -json.
type cleanedJSON struct {
	Title      string          `json:"title"`
	Meta       clean.Meta      `json:"meta"`
	Paragraphs []paragraphJSON `json:"paragraphs"`
	Removed    []clean.Removed `json:"removed"`
	Repairs    int             `json:"mojibake_repairs"`
}

type paragraphJSON struct {
	Kind string `json:"kind"` // paragraph or heading
	Line int    `json:"line"`
	Text string `json:"text"`
}

func cleanJSON(a *clean.Article) cleanedJSON {
	out := cleanedJSON{Title: a.Title, Meta: a.Meta, Removed: a.Removed, Repairs: a.Repairs,
		Paragraphs: []paragraphJSON{}}
	if out.Removed == nil {
		out.Removed = []clean.Removed{}
	}
	for _, b := range a.Blocks {
		kind := "paragraph"
		if b.Kind == clean.Heading {
			kind = "heading"
		}
		out.Paragraphs = append(out.Paragraphs, paragraphJSON{Kind: kind, Line: b.Line, Text: b.Text})
	}
	return out
}
