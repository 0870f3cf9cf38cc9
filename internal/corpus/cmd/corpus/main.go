// Command corpus writes a synthetic dossier content folder, for
// benchmarks and scale tests:
//
//	corpus -n 1000 -out /tmp/corpus-1000
//
// The folder must not exist or be empty. The same -n always writes the
// same bytes. With -hugo it writes instead a Hugo site of the same
// articles (corpus.Hugo), for timing gen against Hugo side by side.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/gen-dossier/gen/internal/corpus"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stderr))
}

func run(args []string, stderr io.Writer) int {
	fl := flag.NewFlagSet("corpus", flag.ContinueOnError)
	fl.SetOutput(stderr)
	n := fl.Int("n", 1000, "number of sources")
	size := fl.Int("size", 0, "pad each capture with boilerplate to at least this many `bytes`")
	out := fl.String("out", "", "content `folder` to write (must not exist or be empty)")
	hugo := fl.Bool("hugo", false, "write a Hugo site of the same articles instead of a dossier")
	if err := fl.Parse(args); err != nil {
		return 2
	}
	if *out == "" || *n < 1 || fl.NArg() > 0 {
		fmt.Fprintln(stderr, "usage: corpus [-hugo] [-size BYTES] -n N -out DIR")
		return 2
	}
	if entries, err := os.ReadDir(*out); err == nil && len(entries) > 0 {
		fmt.Fprintf(stderr, "corpus: %s is not empty; choose another -out folder or remove it\n", *out)
		return 1
	}
	files, what := corpus.GenerateSized(*n, *size), "sources"
	if *hugo {
		files, what = corpus.Hugo(*n), "Hugo articles"
	}
	if err := corpus.Write(*out, files); err != nil {
		fmt.Fprintf(stderr, "corpus: %v\n", err)
		return 1
	}
	fmt.Fprintf(stderr, "corpus: %d %s → %s\n", *n, what, *out)
	return 0
}
