package markdown

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"github.com/gen-dossier/gen/internal/golden"
)

// TestConvert runs each testdata/*.txt case: "input.md" in, "html" and
// "blocks" (id, heading flag, line and text of every block) out.
func TestConvert(t *testing.T) {
	c := New()
	golden.Run(t, "testdata/*.txt", []string{"html", "blocks"}, func(t *testing.T, tc *golden.Case) map[string]string {
		input, ok := tc.Input["input.md"]
		if !ok {
			t.Fatalf("%s: no input.md section", tc.File)
		}
		doc, err := c.Convert(input)
		if err != nil {
			t.Fatal(err)
		}
		var blocks strings.Builder
		for _, b := range doc.Blocks {
			fmt.Fprintf(&blocks, "%s h=%v line=%d %q\n", b.ID, b.Heading, b.Line, b.Text)
		}
		return map[string]string{"html": string(doc.HTML), "blocks": blocks.String()}
	})
}

// TestIDsStable checks that adding or removing a paragraph does not
// change the ids of the others: shared links must keep working.
func TestIDsStable(t *testing.T) {
	c := New()
	ids := func(paras ...string) map[string]string {
		doc, err := c.Convert([]byte(strings.Join(paras, "\n\n")))
		if err != nil {
			t.Fatal(err)
		}
		m := map[string]string{}
		for _, b := range doc.Blocks {
			m[b.Text] = b.ID
		}
		return m
	}
	before := ids("First paragraph.", "Second paragraph.", "Third paragraph.")
	after := ids("A new lead paragraph.", "First paragraph.", "Third paragraph.", "Second paragraph.")
	for text, id := range before {
		if after[text] != id {
			t.Errorf("id of %q changed from %s to %s", text, id, after[text])
		}
	}
}

func TestIDsUnique(t *testing.T) {
	doc, err := New().Convert([]byte("Same.\n\nSame.\n\n# Same\n\n# Same\n"))
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, b := range doc.Blocks {
		if seen[b.ID] {
			t.Errorf("duplicate id %s", b.ID)
		}
		seen[b.ID] = true
	}
	if len(seen) != 4 {
		t.Errorf("got %d ids, want 4", len(seen))
	}
}

func TestInline(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain", "plain"},
		{"China *supplied* 90%", "China <em>supplied</em> 90%"},
		{"<script>alert(1)</script> x", "<!-- raw HTML omitted -->\n"},
		{"a <b onclick=x>b</b>", "a <!-- raw HTML omitted -->b<!-- raw HTML omitted -->"},
		{"[x](javascript:alert(1))", `<a href="">x</a>`},
		{"", ""},
	}
	c := New()
	for _, tt := range tests {
		got, err := c.Inline(tt.in)
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != tt.want {
			t.Errorf("Inline(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func BenchmarkConvert(b *testing.B) {
	benchConvert(b, []byte(strings.Repeat("China is helping Russia in its largest military expansion since the Soviet era, U.S. officials said on Friday.\n\n", 30)))
}

// BenchmarkConvertArticle converts a news article of some 3 KB: headings,
// paragraphs with emphasis, links, entities and typographic quotes.
func BenchmarkConvertArticle(b *testing.B) {
	src, err := os.ReadFile("testdata/article.md")
	if err != nil {
		b.Fatal(err)
	}
	benchConvert(b, src)
}

func benchConvert(b *testing.B, src []byte) {
	c := New()
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		if _, err := c.Convert(src); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBlockIDs runs only the block-id transformer over the parsed
// article, without the parsing and rendering around it.
func BenchmarkBlockIDs(b *testing.B) {
	src, err := os.ReadFile("testdata/article.md")
	if err != nil {
		b.Fatal(err)
	}
	doc := New().md.Parser().Parse(text.NewReader(src)).(*ast.Document)
	for b.Loop() {
		blockIDs{}.Transform(doc, text.NewReader(src), parser.NewContext())
	}
}

// FuzzInline checks that a text Inline renders without goldmark, as
// plain, renders the same through it.
func FuzzInline(f *testing.F) {
	for _, s := range []string{"plain claim", `He said "no"`, "Costs rose 90% in 2024.", "a *b*", "a_b_c", "x  y", "A\tb", "Ends in space ", "Ends in nbsp\u00a0", "Has é and ü", "See http://example.com", "Line\nbreak", "1. not a list", "A | b", "a:b", "Hash # tag", "a -- b", "Dots...", "Price $5", "Tilde ~x~", "Bang! yes", "Nul\x00", "Bad \xff byte"} {
		f.Add(s)
	}
	c := New()
	f.Fuzz(func(t *testing.T, src string) {
		if strings.TrimSpace(src) == "" || !plainInline(src) {
			return
		}
		got, err := c.Inline(src)
		if err != nil {
			t.Fatal(err)
		}
		want, err := c.inline(src)
		if err != nil {
			t.Fatal(err)
		}
		if got != want {
			t.Errorf("Inline(%q) = %q, goldmark renders %q", src, got, want)
		}
	})
}

// TestRenderTwice renders one parsed document twice: the blocks get
// their ids both times.
func TestRenderTwice(t *testing.T) {
	c := New()
	src := []byte("# A heading\n\nOne paragraph.\n\n- a loose\n\n- list\n\n> quoted\n")
	doc := c.md.Parser().Parse(text.NewReader(src))
	var first, second strings.Builder
	if err := c.md.Renderer().Render(&first, src, doc); err != nil {
		t.Fatal(err)
	}
	if err := c.md.Renderer().Render(&second, src, doc); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(first.String(), ` id="`); n != 5 || second.String() != first.String() {
		t.Errorf("rendered with %d ids\n%s\nthen\n%s", n, first.String(), second.String())
	}
}
