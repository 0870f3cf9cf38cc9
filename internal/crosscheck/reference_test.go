package crosscheck

import (
	"crypto/sha256"
	"flag"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/gen-dossier/gen/internal/corpus"
	"github.com/gen-dossier/gen/internal/golden"
)

// The reference tests pin down every output of the package (Sentences,
// Figures, Group, NewGuard with NearMisses and Similar, Diff) on realistic
// input, so that work on the package's speed can show it changes no
// byte of them.
//
//   - testdata/seeds.txt holds the cleaned paragraphs of the three seed
//     articles and the texts of the seed dossier's claims, with every
//     output written out in full.
//   - testdata/corpus.txt names generated dossiers (internal/corpus, their
//     long lines taken as paragraphs, as the benchmarks do), with the
//     SHA-256 of each output, which would be megabytes written out.
//
// go test -update rewrites the expected sections. -crosscheck-dump=DIR
// writes the full outputs of the generated dossiers to DIR, to compare
// with diff when a digest changes. -crosscheck-ref=DIR runs the same
// outputs over DIR/sources/*.txt (paragraphs, one a line, such as `gen
// clean -text` prints) and the claims of DIR/claims.yaml (a generated
// dossier's), and compares them with DIR/crosscheck.ref, writing it when
// it is missing.
var (
	dumpDir = flag.String("crosscheck-dump", "", "write the full reference outputs of the generated dossiers to `dir`")
	refDir  = flag.String("crosscheck-ref", "", "compare the reference outputs over the cleaned captures in `dir` with dir/crosscheck.ref")
)

// refOutputs names the output sections of a reference case.
var refOutputs = []string{"sentences", "figures", "groups", "nears", "similar", "diffs"}

// A refInput is a dossier to take reference outputs of.
type refInput struct {
	names   []string   // of the sources
	sources [][]string // paragraphs
	claims  []refClaim
}

// A refClaim is one claim: its texts (the claim and its quotes) and the
// sources it cites.
type refClaim struct {
	texts []string
	cited []string
}

// outputs runs every function of the package over in and writes the
// results out, one section each.
func (in *refInput) outputs() map[string]string {
	out := map[string]string{}
	var b strings.Builder

	for i, paras := range in.sources {
		for pi, p := range paras {
			for _, sp := range Sentences(p) {
				fmt.Fprintf(&b, "%s %d %d %d\n", in.names[i], pi, sp.Start, sp.End)
			}
		}
	}
	out["sentences"] = b.String()

	b.Reset()
	all := make([]SourceFigures, len(in.sources))
	for i, paras := range in.sources {
		all[i] = SourceFigures{Source: in.names[i], Figures: Figures(paras)}
		for _, f := range all[i].Figures {
			fmt.Fprintf(&b, "%s %s\n", in.names[i], formatFigure(f))
		}
	}
	out["figures"] = b.String()

	b.Reset()
	for _, g := range Group(all) {
		fmt.Fprintf(&b, "group %q %s agree=%v\n", g.Label, g.Kind, g.Agree)
		for _, m := range g.Members {
			fmt.Fprintf(&b, "\t%s %s\n", m.Source, formatFigure(*m.Figure))
		}
	}
	out["groups"] = b.String()

	b.Reset()
	guard := NewGuard(in.sources)
	for ci, c := range in.claims {
		skip := func(i int) bool { return slices.Contains(c.cited, in.names[i]) }
		for _, n := range guard.NearMisses(c.texts, skip) {
			fmt.Fprintf(&b, "claim %d: %s\n", ci, formatNear(in.names[n.Source], n))
		}
		for _, n := range guard.NearMisses(c.texts, nil) {
			fmt.Fprintf(&b, "claim %d, all: %s\n", ci, formatNear(in.names[n.Source], n))
		}
	}
	out["nears"] = b.String()

	b.Reset()
	// Similar scans every sentence: the first sources only, on the
	// generated dossiers.
	for ci, c := range in.claims {
		for i, paras := range in.sources[:min(len(in.sources), 20)] {
			if n, ok := guard.Similar(paras, c.texts); ok || n.Score > 0 {
				fmt.Fprintf(&b, "claim %d: %v %s\n", ci, ok, formatNear(in.names[i], n))
			}
		}
	}
	out["similar"] = b.String()

	b.Reset()
	for ci, c := range in.claims {
		for _, x := range c.texts {
			for _, y := range c.texts {
				fmt.Fprintf(&b, "claim %d:", ci)
				for _, w := range Diff(x, y) {
					if w.Op == Changed {
						fmt.Fprintf(&b, " [%s]", w.Text)
					} else {
						fmt.Fprintf(&b, " %s", w.Text)
					}
				}
				b.WriteByte('\n')
			}
		}
	}
	out["diffs"] = b.String()
	return out
}

func formatFigure(f Figure) string {
	var words []string
	written := f.Words()
	for _, k := range slices.Sorted(maps.Keys(written)) {
		words = append(words, k+"="+written[k])
	}
	return fmt.Sprintf("%s %q %q para=%d measure=%q context=%q words=%q sentence=%q",
		f.Kind, f.Text, f.Value, f.Para, f.Measure, f.Context(), words, f.Sentence)
}

func formatNear(source string, n Near) string {
	return fmt.Sprintf("%s para=%d score=%s shared=%q %q",
		source, n.Para, strconv.FormatFloat(n.Score, 'g', -1, 64), n.Shared, n.Sentence)
}

// parseClaims reads claims written as blocks separated by blank lines:
// "cited SLUG..." then the texts, one a line.
func parseClaims(data string) []refClaim {
	var out []refClaim
	for _, block := range strings.Split(strings.TrimSpace(data), "\n\n") {
		lines := strings.Split(block, "\n")
		out = append(out, refClaim{cited: strings.Fields(strings.TrimPrefix(lines[0], "cited")), texts: lines[1:]})
	}
	return out
}

// generatedClaims reads the claims of a generated dossier's claims.yaml.
func generatedClaims(data string) []refClaim {
	var out []refClaim
	for _, block := range strings.Split(data, "\n- id: ")[1:] {
		var c refClaim
		for _, line := range strings.Split(block, "\n") {
			trimmed := strings.TrimSpace(line)
			for _, key := range []string{"claim: ", "quote: "} {
				if t, ok := strings.CutPrefix(trimmed, key); ok {
					c.texts = append(c.texts, strings.Trim(t, `"`))
				}
			}
			if strings.HasPrefix(line, "    ") && !strings.HasPrefix(line, "     ") && strings.HasSuffix(line, ":") {
				c.cited = append(c.cited, strings.TrimSuffix(trimmed, ":"))
			}
		}
		out = append(out, c)
	}
	return out
}

// generated returns the sources of the generated dossier of n sources,
// as the benchmarks read them.
func generated(n int) *refInput {
	names, sources, _ := benchSources(n)
	for i, name := range names {
		names[i] = strings.TrimSuffix(filepath.Base(name), ".txt")
	}
	return &refInput{names: names, sources: sources}
}

func TestReferenceSeeds(t *testing.T) {
	golden.Run(t, "testdata/seeds.txt", refOutputs, func(t *testing.T, c *golden.Case) map[string]string {
		in := &refInput{claims: parseClaims(string(c.Input["claims"]))}
		for _, name := range c.Sorted {
			if slug, ok := strings.CutPrefix(name, "sources/"); ok {
				in.names = append(in.names, strings.TrimSuffix(slug, ".txt"))
				in.sources = append(in.sources, strings.Split(strings.TrimSpace(string(c.Input[name])), "\n"))
			}
		}
		return in.outputs()
	})
}

func TestReferenceCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("generated dossiers are slow")
	}
	golden.Run(t, "testdata/corpus.txt", refOutputs, func(t *testing.T, c *golden.Case) map[string]string {
		n, err := strconv.Atoi(strings.TrimSpace(string(c.Input["sources"])))
		if err != nil {
			t.Fatal(err)
		}
		in := generated(n)
		in.claims = generatedClaims(string(corpus.Generate(n)["claims.yaml"]))
		out := in.outputs()
		if *dumpDir != "" {
			for name, text := range out {
				if err := os.WriteFile(filepath.Join(*dumpDir, fmt.Sprintf("corpus-%d.%s", n, name)), []byte(text), 0o644); err != nil {
					t.Fatal(err)
				}
			}
		}
		for name, text := range out {
			out[name] = digest(text)
		}
		return out
	})
}

// digest sums up a long output: its size in lines and its SHA-256.
func digest(text string) string {
	return fmt.Sprintf("%d lines, sha256 %x\n", strings.Count(text, "\n"), sha256.Sum256([]byte(text)))
}

// TestReferenceCleaned compares the outputs over cleaned captures with
// a reference kept next to them (see -crosscheck-ref).
func TestReferenceCleaned(t *testing.T) {
	if *refDir == "" {
		t.Skip("no -crosscheck-ref")
	}
	files, err := filepath.Glob(filepath.Join(*refDir, "sources", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no %s/sources/*.txt: %v", *refDir, err)
	}
	in := &refInput{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var paras []string
		for _, line := range strings.Split(string(data), "\n") {
			if strings.TrimSpace(line) != "" {
				paras = append(paras, line)
			}
		}
		in.names = append(in.names, strings.TrimSuffix(filepath.Base(f), ".txt"))
		in.sources = append(in.sources, paras)
	}
	if data, err := os.ReadFile(filepath.Join(*refDir, "claims.yaml")); err == nil {
		in.claims = generatedClaims(string(data))
	}
	out := in.outputs()
	var b strings.Builder
	for _, name := range refOutputs {
		fmt.Fprintf(&b, "-- %s --\n%s", name, out[name])
	}
	ref := filepath.Join(*refDir, "crosscheck.ref")
	want, err := os.ReadFile(ref)
	if os.IsNotExist(err) {
		if err := os.WriteFile(ref, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote %s (%s)", ref, digest(b.String()))
		return
	}
	if err != nil {
		t.Fatal(err)
	}
	if b.String() != string(want) {
		got := filepath.Join(*refDir, "crosscheck.got")
		os.WriteFile(got, []byte(b.String()), 0o644)
		t.Fatalf("outputs differ from %s: see diff %s %s", ref, ref, got)
	}
}
