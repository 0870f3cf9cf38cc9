package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/gen-dossier/gen/internal/clean"
	"github.com/gen-dossier/gen/internal/edit"
	"github.com/gen-dossier/gen/internal/site"
	"github.com/gen-dossier/gen/internal/suggest"
)

func newCmd(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("gen new", flag.ContinueOnError)
	fl.SetOutput(stderr)
	if err := fl.Parse(args); err != nil {
		return 2
	}
	if fl.NArg() != 1 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	dir := fl.Arg(0)
	files, err := edit.New(dir)
	if err != nil {
		fmt.Fprintf(stderr, "gen: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "gen: started a dossier in %s:\n", dir)
	for _, f := range files {
		fmt.Fprintf(stdout, "  %s\n", f)
	}
	fmt.Fprintf(stdout, "next: cd %s && gen add CAPTURE.txt && gen\n", dir)
	return 0
}

func addCmd(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("gen add", flag.ContinueOnError)
	fl.SetOutput(stderr)
	contentDir := fl.String("content", "content", "content `folder`")
	slug := fl.String("slug", "", "the source's `slug` (default: from the detected outlet or title)")
	if err := fl.Parse(args); err != nil {
		return 2
	}
	if fl.NArg() == 0 || (*slug != "" && fl.NArg() > 1) {
		fmt.Fprint(stderr, usage)
		return 2
	}
	status := 0
	for _, file := range fl.Args() {
		a, err := edit.Add(*contentDir, file, *slug)
		if err != nil {
			fmt.Fprintf(stderr, "gen: %v\n", err)
			status = 1
			continue
		}
		report(stdout, a)
	}
	return status
}

// report prints what the cleaner kept and removed of an added capture, so
// that the editor can check it.
func report(w io.Writer, a *edit.Added) {
	art := a.Article
	fmt.Fprintf(w, "gen: added %s as %s (sidecar %s: review the detected metadata)\n", a.Capture, a.Slug, a.Sidecar)
	meta := []struct{ k, v string }{
		{"title", art.Title}, {"outlet", art.Meta.Outlet}, {"author", art.Meta.Author},
		{"published", art.Meta.Published}, {"attributed to", art.Meta.AttributedTo},
	}
	for _, m := range meta {
		if m.v != "" {
			fmt.Fprintf(w, "  %-14s %s\n", m.k+":", m.v)
		}
	}
	words := 0
	for _, b := range art.Blocks {
		words += len(strings.Fields(b.Text))
	}
	fmt.Fprintf(w, "  kept: %d paragraphs, %d words\n", len(art.Blocks), words)
	for _, b := range art.Blocks {
		mark := "  "
		if b.Kind == clean.Heading {
			mark = "##"
		}
		fmt.Fprintf(w, "    %s %4d  %s\n", mark, b.Line, shorten(b.Text, 90))
	}
	fmt.Fprintf(w, "  removed: %d lines\n", len(art.Removed))
	for _, r := range art.Removed {
		fmt.Fprintf(w, "    %4d  %-16s %s\n", r.Line, r.Reason, shorten(r.Text, 70))
	}
}

func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

func suggestCmd(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("gen suggest", flag.ContinueOnError)
	fl.SetOutput(stderr)
	contentDir := fl.String("content", "content", "content `folder`")
	if err := fl.Parse(args); err != nil {
		return 2
	}
	if fl.NArg() > 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	tuneGC(captures(*contentDir))
	c := openCache(*contentDir, stderr)
	articles, err := site.Articles(site.Config{Content: os.DirFS(*contentDir), ContentDir: *contentDir, Cache: c})
	closeCache(c, err == nil, stderr)
	if err != nil {
		printErr(stderr, err)
		return 1
	}
	var sources []suggest.Source
	for _, a := range articles {
		sources = append(sources, suggest.Source{Slug: a.Slug, Paras: a.Paras})
	}
	cands := suggest.Suggest(sources)
	stdout.Write(suggest.YAML(cands))
	multi := 0
	for _, c := range cands {
		if len(c.Quotes) > 1 {
			multi++
		}
	}
	fmt.Fprintf(stderr, "gen: %d draft claims (%d carried by several sources) from %d sources; review every one before adding it to claims.yaml\n", len(cands), multi, len(sources))
	return 0
}
