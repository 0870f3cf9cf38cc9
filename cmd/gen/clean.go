package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/gen-dossier/gen/internal/clean"
)

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
