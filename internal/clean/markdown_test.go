package clean

import (
	"bytes"
	"html"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
	"github.com/yuin/goldmark"
)

// escapeCases are texts full of Markdown and HTML syntax.
var escapeCases = []string{
	"plain text",
	"*emphasis* and **strong** and _under_ and __dunder__",
	"`code` and ``more``",
	"[link](http://example.com) and ![img](x.png) and [ref][1]",
	"[1]: http://example.com",
	"<b>bold</b> <script>alert(1)</script> <!-- comment -->",
	"&amp; &lt; &#42; &copy; & alone",
	"# heading", "## heading ##", "###### six", "#hashtag",
	"> quote", "- item", "+ item", "* item", "1. item", "2) item", "10. item", "1.5 million",
	"=== setext", "--- rule", "***", "___",
	"| a | b |", "~~strike~~", "a \\ backslash \\", "trailing backslash\\",
	"http://example.com/a_b_c <http://example.com>",
	"line with    spaces and\ttab",
	"    indented code",
	"a\u00a0nbsp and ‘quotes’ “curly” — dash…",
	"{#id .class} $math$ ^sup^ :emoji:",
	"\\*not emphasis\\*",
	"1",
	"-",
}

// renderParagraph renders md with goldmark's default configuration and
// returns the text content of its single <p> (or <h2>), or ok=false.
func renderParagraph(t *testing.T, md string, tag string) (string, bool) {
	t.Helper()
	var buf bytes.Buffer
	if err := goldmark.Convert([]byte(md), &buf); err != nil {
		t.Fatal(err)
	}
	out := strings.TrimSuffix(buf.String(), "\n")
	open, close := "<"+tag+">", "</"+tag+">"
	if !strings.HasPrefix(out, open) || !strings.HasSuffix(out, close) {
		return out, false
	}
	inner := out[len(open) : len(out)-len(close)]
	if strings.Contains(inner, "<") {
		return out, false // an element inside
	}
	return html.UnescapeString(inner), true
}

func checkEscape(t *testing.T, s string) {
	t.Helper()
	want := normSpace(s)
	if want == "" {
		return
	}
	esc := EscapeMarkdown(s)
	got, ok := renderParagraph(t, esc, "p")
	if !ok || got != want {
		t.Errorf("EscapeMarkdown(%q) = %q renders as %q, want <p>%s</p>", s, esc, got, want)
	}
	got, ok = renderParagraph(t, "## "+esc, "h2")
	if !ok || got != want {
		t.Errorf("heading ## %q renders as %q, want <h2>%s</h2>", esc, got, want)
	}
}

func TestEscapeMarkdown(t *testing.T) {
	for _, s := range escapeCases {
		checkEscape(t, s)
	}
}

func FuzzEscapeMarkdown(f *testing.F) {
	for _, s := range escapeCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) || strings.ContainsRune(s, 0) {
			return
		}
		checkEscape(t, s)
	})
}

// escapeRunes is EscapeMarkdown as it was written first, rune by rune:
// the oracle of FuzzEscapeSame.
func escapeRunes(s string) string {
	s = normSpace(s)
	allDigits := func(s string) bool {
		for i := 0; i < len(s); i++ {
			if s[i] < '0' || s[i] > '9' {
				return false
			}
		}
		return s != ""
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch r {
		case '\\', '`', '*', '_', '[', ']', '<', '>', '&', '|', '~', '#':
			b.WriteByte('\\')
		case '-', '+', '=':
			if i == 0 {
				b.WriteByte('\\')
			}
		case '.', ')':
			if allDigits(s[:i]) && i > 0 {
				b.WriteByte('\\')
			}
		}
		b.WriteString(s[i : i+size])
		i += size
	}
	return b.String()
}

// FuzzEscapeSame checks EscapeMarkdown, which copies runs of bytes,
// against escapeRunes, on any input, valid UTF-8 or not.
func FuzzEscapeSame(f *testing.F) {
	for _, s := range append(escapeCases, "12. x", "1) y", "-a", " +b", "\xff*\x80", "3.5 and 4)", "a.b") {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := EscapeMarkdown(s), escapeRunes(s); got != want {
			t.Errorf("EscapeMarkdown(%q) = %q, want %q", s, got, want)
		}
	})
}

func TestMarkdown(t *testing.T) {
	a := &Article{
		Title: `A "quoted" title: with colon`,
		Meta: Meta{
			Author: "Jane Doe", Published: "2024-04-16", AttributedTo: "Reuters",
			Captions: []string{"Photo: a # and \\ backslash"},
		},
		Blocks: []Block{
			{Kind: Paragraph, Text: "First *paragraph*."},
			{Kind: Heading, Text: "A subheading"},
			{Kind: Paragraph, Text: "1. Not a list <b>."},
		},
	}
	want := `---
title: "A \"quoted\" title: with colon"
author: "Jane Doe"
published: "2024-04-16"
attributed_to: "Reuters"
captions:
  - "Photo: a # and \\ backslash"
---

First \*paragraph\*.

## A subheading

1\. Not a list \<b\>.
`
	if got := string(a.Markdown()); got != want {
		t.Errorf("Markdown() =\n%s\nwant\n%s", got, want)
	}
	if got, want := string(a.Text()), "First *paragraph*.\nA subheading\n1. Not a list <b>.\n"; got != want {
		t.Errorf("Text() = %q, want %q", got, want)
	}
}

// TestMarkdownRendersBlocks renders each seed's Markdown (without its
// front matter) with goldmark and checks that it gives exactly the
// blocks, in order, as paragraphs and headings with the blocks' text.
func TestMarkdownRendersBlocks(t *testing.T) {
	seeds, _ := filepath.Glob(filepath.Join("testdata", "seeds", "*.txt"))
	for _, s := range seeds {
		raw, err := os.ReadFile(s)
		if err != nil {
			t.Fatal(err)
		}
		a, err := Clean(s, raw)
		if err != nil {
			t.Fatal(err)
		}
		md := string(a.Markdown())
		end := strings.Index(md[4:], "\n---\n")
		if !strings.HasPrefix(md, "---\n") || end < 0 {
			t.Fatalf("%s: no front matter in %q", s, md)
		}
		var buf bytes.Buffer
		if err := goldmark.Convert([]byte(md[4+end+5:]), &buf); err != nil {
			t.Fatal(err)
		}
		doc, err := goquery.NewDocumentFromReader(&buf)
		if err != nil {
			t.Fatal(err)
		}
		got := doc.Find("body > *")
		if got.Length() != len(a.Blocks) {
			t.Fatalf("%s: %d elements, want %d blocks", s, got.Length(), len(a.Blocks))
		}
		got.Each(func(i int, e *goquery.Selection) {
			b := a.Blocks[i]
			tag := "p"
			if b.Kind == Heading {
				tag = "h2"
			}
			if goquery.NodeName(e) != tag || e.Children().Length() != 0 || e.Text() != b.Text {
				t.Errorf("%s: block %d renders as <%s>%q, want <%s>%q", s, i, goquery.NodeName(e), e.Text(), tag, b.Text)
			}
		})
	}
}

// EscapeMarkdown is writeEscaped into a string.
func EscapeMarkdown(s string) string {
	var b bytes.Buffer
	b.Grow(len(s) + 8)
	writeEscaped(&b, s)
	return b.String()
}
