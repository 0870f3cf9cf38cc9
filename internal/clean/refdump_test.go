package clean

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

var refDump = flag.String("refdump", "", "write the full cleaning of every known capture to this folder (with -run TestRefDump)")

// TestRefDump writes, for every capture the package knows (the
// benchmark's, the dossier's sources, the test and fuzz corpora), the
// whole Article it cleans to: a reference to diff against when a change
// must not alter any output. It is skipped unless -refdump names a
// folder.
func TestRefDump(t *testing.T) {
	if *refDump == "" {
		t.Skip("no -refdump folder")
	}
	if err := os.MkdirAll(*refDump, 0o777); err != nil {
		t.Fatal(err)
	}
	bench := *benchDir
	if bench == "" {
		bench = defaultBenchDir
	}
	n := 0
	dump := func(name, kind string, raw []byte) {
		n++
		var b bytes.Buffer
		a, err := Clean("capture"+kind, raw)
		if err != nil {
			fmt.Fprintf(&b, "error: %v\n", err)
		} else {
			js, err := json.MarshalIndent(struct {
				Title   string
				Meta    Meta
				Blocks  []Block
				Removed []Removed
				Repairs int
			}{a.Title, a.Meta, a.Blocks, a.Removed, a.Repairs}, "", "\t")
			if err != nil {
				t.Fatal(err)
			}
			fmt.Fprintf(&b, "%s\n%#v\n", js, a)
			b.Write(a.Markdown())
		}
		file := filepath.Join(*refDump, strings.ReplaceAll(name, string(filepath.Separator), "_")+kind+".out")
		if err := os.WriteFile(file, b.Bytes(), 0o666); err != nil {
			t.Fatal(err)
		}
	}
	glob := func(pattern string) []string {
		files, err := filepath.Glob(pattern)
		if err != nil {
			t.Fatal(err)
		}
		return files
	}
	read := func(file string) []byte {
		raw, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		return raw
	}
	for _, kind := range []string{".scrape.txt", ".html"} {
		for _, f := range glob(filepath.Join(bench, "articles", "*"+kind)) {
			dump("bench_"+strings.TrimSuffix(filepath.Base(f), kind), filepath.Ext(kind), read(f))
		}
	}
	for _, f := range glob(filepath.Join("..", "..", "content", "sources", "*.txt")) {
		dump("source_"+filepath.Base(f), ".txt", read(f))
	}
	for _, f := range glob(filepath.Join("testdata", "seeds", "*.txt")) {
		dump("seed_"+filepath.Base(f), ".txt", read(f))
	}
	for _, f := range glob(filepath.Join("testdata", "*.txt")) {
		ar, err := txtar.ParseFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range ar.Files {
			if strings.HasPrefix(c.Name, "capture.") {
				dump("golden_"+filepath.Base(f), filepath.Ext(c.Name), c.Data)
			}
		}
	}
	// Every fuzz input is cleaned both as text and as HTML.
	for _, f := range glob(filepath.Join("testdata", "fuzz", "*", "*")) {
		raw, ok := fuzzInput(read(f))
		if !ok {
			t.Fatalf("%s: not a one-value fuzz corpus file", f)
		}
		name := "fuzz_" + filepath.Base(filepath.Dir(f)) + "_" + filepath.Base(f)
		dump(name, ".txt", raw)
		dump(name, ".html", raw)
	}
	t.Logf("%d cleanings written to %s", n, *refDump)
}

// fuzzInput returns the one value of a "go test fuzz v1" corpus file
// holding a []byte or a string.
func fuzzInput(file []byte) ([]byte, bool) {
	lines := strings.Split(strings.TrimSpace(string(file)), "\n")
	if len(lines) != 2 || lines[0] != "go test fuzz v1" {
		return nil, false
	}
	v := lines[1]
	switch {
	case strings.HasPrefix(v, "[]byte(") && strings.HasSuffix(v, ")"):
		v = v[len("[]byte(") : len(v)-1]
	case strings.HasPrefix(v, "string(") && strings.HasSuffix(v, ")"):
		v = v[len("string(") : len(v)-1]
	}
	s, err := strconv.Unquote(v)
	if err != nil {
		return nil, false
	}
	return []byte(s), true
}
