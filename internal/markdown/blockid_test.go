package markdown

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// TestBlockID pins ids that readers may have linked to: they must never
// change. Each is checked against the old implementation too.
func TestBlockID(t *testing.T) {
	tests := []struct{ prefix, txt, want string }{
		{"p", "China is helping Russia in its largest military expansion since the Soviet era.", "p-china-is-helping-russia-af91b1"},
		{"p", "U.S. officials said on Friday", "p-u-s-officials-said-99d093"},
		{"p", "Numbers: 1,234.5 and 90% in 2024", "p-numbers-1-234-5-028a1b"},
		{"h", "A subheading", "h-a-subheading"},
		{"h", "One two three four five six seven eight nine ten", "h-one-two-three-four-five-six-seven-eight"},
		{"p", "Китай помогает России.", "p-c02214"},
		{"h", "中国正在帮助俄罗斯", "h-30c85b"},
		{"p", "", "p-e3b0c4"},
		{"h", "", "h-e3b0c4"},
		{"p", "  Leading\tand\ntrailing   white space  ", "p-leading-and-trailing-white-569126"},
		{"p", "Leading and trailing white space", "p-leading-and-trailing-white-569126"},
		{"p", "non\u00a0breaking\u0085next\u2028line\u3000ideographic", "p-non-breaking-next-line-f62723"},
		{"p", "non breaking next line ideographic", "p-non-breaking-next-line-f62723"},
		{"p", "Café naïve Zürich 2024", "p-caf-na-ve-z-db1d66"},
		{"p", "bad \xff\xfe utf8\xc2 here", "p-bad-utf8-here-5e34e3"},
		{"h", "ÀB12 Ω x", "h-b12-x"},
		{"x", "Any other prefix is a paragraph", "p-any-other-prefix-is-53443b"},
	}
	for _, tt := range tests {
		if got := BlockID(tt.prefix, tt.txt); got != tt.want {
			t.Errorf("BlockID(%q, %q) = %q, want %q", tt.prefix, tt.txt, got, tt.want)
		}
		if old := oldBlockID(tt.prefix, tt.txt); old != tt.want {
			t.Errorf("oldBlockID(%q, %q) = %q, want %q", tt.prefix, tt.txt, old, tt.want)
		}
	}
}

// TestSlugBytes checks that testing bytes one at a time, as appendSlug
// does, splits words as the old test on runes did: a rune is part of a
// word only if it is an ASCII letter or digit, and no byte of any other
// rune, nor an invalid byte, is one.
func TestSlugBytes(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		s := "a" + string(r) + "b"
		if got, want := string(appendSlug(nil, []byte(s), 4)), oldSlugWords(s, 4); got != want {
			t.Errorf("rune %U: appendSlug = %q, oldSlugWords = %q", r, got, want)
		}
	}
	for c := utf8.RuneSelf; c < 256; c++ {
		s := "a" + string([]byte{byte(c)}) + "b"
		if got, want := string(appendSlug(nil, []byte(s), 4)), oldSlugWords(s, 4); got != want {
			t.Errorf("byte %#x: appendSlug = %q, oldSlugWords = %q", c, got, want)
		}
	}
}

// seeds are texts for the fuzz tests: Unicode and invalid white space,
// words that are not ASCII, digits, and Markdown that PlainText resolves.
var seeds = []string{
	"",
	" ",
	"Plain words, and 12 digits: 3.14 and 90%.",
	"# A heading of more than eight words, to cut after the eighth\n\nAnd a paragraph.",
	"Heading\n=======\n\nSetext.",
	"Same.\n\nSame.\n\n# Same\n\n# Same\n",
	"no\u00a0break\u0085next\u2028line\u2029para\u3000ideo\u202fnarrow\u1680ogham",
	"\t lead and trail \v\f\r\n",
	"bad \xff\xfe utf8\xc2 and \xc2\xa0 a split \xc2 \xa0",
	"\xe2\x80 almost a space \xe2\x80\xa8",
	"Китай помогает России.\n\n中国正在帮助俄罗斯。",
	"Café naïve ÀB12 Ω",
	"escaped \\*stars\\* and \\[brackets\\]",
	"AT&amp;T &copy; a&nbsp;&nbsp;b &#160;and&#x85;refs &#xA0; &#12354; &bogus;",
	"hard  \nbreak and\\\nbackslash break\nsoft",
	"a <b>raw</b> html <https://example.org/x> autolink [link](x.md)",
	"> quoted\n\n- loose\n\n- list\n\n1. ordered",
	"| a | b |\n|---|---|\n| c | d |",
	"`code  span` and **strong** ~~strike~~",
	"a", "a ", " ", "a  b", "a b ", "ab cd\tef", "ab cd\u00a0ef", "ab  ", "x y z\n",
}

// FuzzBlockID compares BlockID, and the white space normalization and
// slug under it, with the old implementation on any text, normalized or
// not.
func FuzzBlockID(f *testing.F) {
	for _, s := range seeds {
		f.Add(false, s)
		f.Add(true, s)
	}
	f.Fuzz(func(t *testing.T, heading bool, s string) {
		prefix := "p"
		if heading {
			prefix = "h"
		}
		if got, want := BlockID(prefix, s), oldBlockID(prefix, s); got != want {
			t.Errorf("BlockID(%q, %q) = %q, old %q", prefix, s, got, want)
		}
		if got, want := string(normalizeSpace([]byte(s))), strings.Join(strings.Fields(s), " "); got != want {
			t.Errorf("normalizeSpace(%q) = %q, strings.Fields %q", s, got, want)
		}
		for _, n := range []int{1, 4, 8} {
			if got, want := string(appendSlug(nil, []byte(s), n)), oldSlugWords(s, n); got != want {
				t.Errorf("appendSlug(%q, %d) = %q, old %q", s, n, got, want)
			}
		}
	})
}

// FuzzConvert converts any Markdown and compares the text and id of
// every block, in the Blocks and in the HTML id attributes, with the old
// implementation's.
func FuzzConvert(f *testing.F) {
	for _, s := range seeds {
		f.Add(s)
	}
	c := New()
	f.Fuzz(func(t *testing.T, s string) {
		src := []byte(s)
		ctx := parser.NewContext()
		doc := c.md.Parser().Parse(text.NewReader(src), parser.WithContext(ctx))
		blocks := *ctx.Get(blocksKey).(*[]Block)
		seen := map[string]int{}
		var ids []string // in document order
		i := 0
		ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			prefix := "p"
			switch {
			case !entering:
				return ast.WalkContinue, nil
			case n.Kind() == ast.KindHeading:
				prefix = "h"
			case n.Kind() != ast.KindParagraph:
				return ast.WalkContinue, nil
			}
			txt := oldPlainText(n, src)
			id := oldBlockID(prefix, txt)
			seen[id]++
			if k := seen[id]; k > 1 {
				id = fmt.Sprintf("%s-%d", id, k)
			}
			if got := PlainText(n, src); got != txt {
				t.Errorf("PlainText = %q, old %q", got, txt)
			}
			ids = append(ids, id)
			if i >= len(blocks) {
				t.Fatalf("block %d (%q) missing from %d blocks", i, txt, len(blocks))
			}
			if b := blocks[i]; b.ID != id || b.Text != txt || b.Heading != (prefix == "h") {
				t.Errorf("block %d = %q %q heading %v, old %q %q", i, b.ID, b.Text, b.Heading, id, txt)
			}
			i++
			return ast.WalkSkipChildren, nil
		})
		if i != len(blocks) {
			t.Errorf("%d blocks, old %d", len(blocks), i)
		}
		// The ids as rendered, each block's own.
		var html bytes.Buffer
		if err := c.md.Renderer().Render(&html, src, doc); err != nil {
			t.Fatal(err)
		}
		var rendered []string
		for _, m := range renderedID.FindAllSubmatch(html.Bytes(), -1) {
			rendered = append(rendered, string(m[1]))
		}
		if fmt.Sprint(rendered) != fmt.Sprint(ids) {
			t.Errorf("ids rendered %q, old %q, in\n%s", rendered, ids, html.Bytes())
		}
	})
}

// renderedID finds the id of a paragraph or heading that Convert renders.
var renderedID = regexp.MustCompile(`<(?:p|h[1-6]) id="([^"]*)"`)

// BlockID returns the anchor id of a block with the given plain text:
// prefix "p" for paragraphs, "h" for headings.
func BlockID(prefix, txt string) string {
	return blockID(prefix, normalizeSpace([]byte(txt)))
}

// PlainText returns the text of n as a reader sees it: escapes and
// entities resolved, line breaks as spaces.
func PlainText(n ast.Node, src []byte) string {
	return string(normalizeSpace(appendText(nil, n, src)))
}
