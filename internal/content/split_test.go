package content

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/gen-dossier/gen/internal/corpus"
	"github.com/gen-dossier/gen/internal/diag"
	"go.yaml.in/yaml/v3"
)

// sameNodes reports where the trees a and b differ, comments aside; ""
// when they do not.
func sameNodes(a, b *yaml.Node, at string) string {
	switch {
	case a == nil || b == nil:
		if a != b {
			return at + ": one is nil"
		}
		return ""
	case a.Kind != b.Kind || a.Style != b.Style || a.Tag != b.Tag || a.Value != b.Value || a.Anchor != b.Anchor ||
		a.Line != b.Line || a.Column != b.Column || len(a.Content) != len(b.Content) || (a.Alias == nil) != (b.Alias == nil):
		return fmt.Sprintf("%s: %+v, want %+v", at, *a, *b)
	}
	if a.Alias != nil && (a.Alias.Line != b.Alias.Line || a.Alias.Column != b.Alias.Column) {
		return at + ": alias of another node"
	}
	for i := range a.Content {
		if d := sameNodes(a.Content[i], b.Content[i], fmt.Sprintf("%s/%d", at, i)); d != "" {
			return d
		}
	}
	return ""
}

// checkParseList checks that parseList gives the nodes and errors parse
// gives.
func checkParseList(t *testing.T, name string, data []byte) {
	t.Helper()
	var errsA, errsB diag.List
	a := (&decoder{file: name, errs: &errsA}).parseList(data)
	b := (&decoder{file: name, errs: &errsB}).parse(data)
	if d := sameNodes(a, b, name); d != "" {
		t.Errorf("parseList differs from parse at %s", d)
	}
	if ea, eb := errsA.Error(), errsB.Error(); ea != eb {
		t.Errorf("%s: parseList reports %q, parse %q", name, ea, eb)
	}
}

func TestParseList(t *testing.T) {
	for _, p := range []string{"../../content/claims.yaml", "../../content/timeline.yaml"} {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		// Repeated to be large enough to be split; the ids repeat, which
		// parsing does not look at.
		big := []byte(strings.Repeat(string(data)+"\n", splitMin/len(data)+2))
		if len(splitItems(big, 8, splitMin)) < 2 {
			t.Fatalf("%s: not split", p)
		}
		checkParseList(t, p, big)
	}
	files := corpus.Generate(2000)
	for _, p := range []string{"claims.yaml", "timeline.yaml"} {
		checkParseList(t, p, files[p])
	}
	if len(splitItems(files["claims.yaml"], 8, splitMin)) != 8 {
		t.Errorf("the claims of 2,000 sources are not split in 8")
	}
}

func TestSplitItemsRefuses(t *testing.T) {
	item := "- id: x\n  claim: y\n"
	many := strings.Repeat(item, splitMin/len(item)+1)
	for name, data := range map[string]string{
		"small":           item + item,
		"text first":      "key: v\n" + many,
		"document marker": many + "---\n" + many,
		"document end":    many + "...\n",
		"directive":       "%YAML 1.2\n" + many,
		"indented":        strings.ReplaceAll(many, "- ", "  - "),
	} {
		if p := splitItems([]byte(data), 8, splitMin); p != nil {
			t.Errorf("%s: split in %d", name, len(p))
		}
	}
	if p := splitItems([]byte("# c\n\n"+many), 8, splitMin); len(p) < 2 || p[0].start != 0 || p[0].line != 1 {
		t.Errorf("comments before the first item: %+v", p)
	}
}

// FuzzParseList checks that a list cut into pieces of items, when every
// piece parses, gives the nodes of the whole list, which then parses
// without error.
func FuzzParseList(f *testing.F) {
	for _, s := range []string{
		"- id: a\n  claim: b\n- id: c\n",
		"- &x {a: 1}\n- *x\n",
		"- &x a\n- b\n- *x\n",
		"- \"a\n- b\"\n- c\n",
		"- |\n  text\n- b\n",
		"-\n  a: 1\n- b\n",
		"# c\n- a\n- b: [1,\n- 2]\n",
		"- a: 1\n  a: 2\n- b\n",
		"- 'x\n\n- y'\n",
		"- a\n---\n- b\n",
		"- a\r\n- b\r\n",
		"- ? a\n  : b\n- c\n",
	} {
		f.Add(s, uint8(3))
	}
	f.Fuzz(func(t *testing.T, data string, n uint8) {
		pieces := splitItems([]byte(data), int(n)%6+2, 0)
		if len(pieces) < 2 {
			return
		}
		joined := parsePieces([]byte(data), pieces)
		if joined == nil {
			return // parsed whole instead
		}
		var errs diag.List
		whole := (&decoder{file: "x.yaml", errs: &errs}).parse([]byte(data))
		if len(errs) > 0 {
			t.Fatalf("%q: the pieces parse but the whole list does not: %v", data, errs.Error())
		}
		if d := sameNodes(joined, whole, "x.yaml"); d != "" {
			t.Errorf("%q: pieces %+v differ from the whole list at %s", data, pieces, d)
		}
	})
}
