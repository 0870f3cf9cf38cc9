package htmlfix

import (
	"bytes"
	"html/template"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gen-dossier/gen/internal/clean"
	"github.com/gen-dossier/gen/internal/markdown"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// checkPlain checks that highlighting fragment reads and writes plain
// paragraphs to the bytes the HTML parser's way gives.
func checkPlain(t *testing.T, fragment template.HTML, marks []Mark) {
	t.Helper()
	got, err := highlight(fragment, marks, true)
	if err != nil {
		t.Fatal(err)
	}
	want, err := highlight(fragment, marks, false)
	if err != nil {
		t.Fatal(err)
	}
	if got != want {
		t.Errorf("plain paragraphs written as\n%s\nthrough the parser\n%s", got, want)
	}
}

// TestHighlightPlain highlights sentences of the committed captures'
// articles both ways.
func TestHighlightPlain(t *testing.T) {
	md := markdown.New()
	captures, _ := filepath.Glob("../../content/sources/*.txt")
	if len(captures) == 0 {
		t.Fatal("no captures")
	}
	plain := 0
	for _, c := range captures {
		raw, err := os.ReadFile(c)
		if err != nil {
			t.Fatal(err)
		}
		a, err := clean.Clean(filepath.Base(c), raw)
		if err != nil {
			t.Fatal(err)
		}
		var body bytes.Buffer
		a.WriteBody(&body)
		doc, err := md.Convert(body.Bytes())
		if err != nil {
			t.Fatal(err)
		}
		var marks []Mark
		for i, b := range doc.Blocks {
			words := strings.Fields(b.Text)
			if b.Heading || len(words) < 4 {
				continue
			}
			if _, ok := plainParagraph(paragraph(string(doc.HTML), b.ID), b.ID); ok {
				plain++
			}
			marks = append(marks, Mark{Block: b.ID, Quote: strings.Join(words[1:4], " "),
				Links: []Link{{Href: "../claims.html#c" + b.ID, Text: "C1", Title: `C1: "a" & <b>`}}})
			if i%3 == 0 { // two passages, one within the other
				marks = append(marks, Mark{Block: b.ID, Quote: strings.Join(words[:len(words)/2], " "),
					Links: []Link{{Href: "../claims.html#d", Text: "C2", Title: "C2: it's"}}})
			}
		}
		checkPlain(t, doc.HTML, marks)
	}
	if plain == 0 {
		t.Error("no paragraph of the captures is read as plain")
	}
}

// paragraph returns the element with the id in fragment.
func paragraph(fragment, id string) string {
	start, end, _ := element(fragment, id)
	return fragment[start:end]
}

func FuzzHighlightPlain(f *testing.F) {
	for _, s := range []string{
		"Officials said China supplied 90% of Russia's imports.",
		`He said "no" & <left> at 5 > 4.`,
		"Tab\there and &amp; entity &copy; and &#13; return",
		"x",
		"Ünïcode — dashes ‘quotes’ and NBSP\u00a0here",
	} {
		f.Add(s, uint(0), uint(5))
	}
	md := markdown.New()
	f.Fuzz(func(t *testing.T, text string, at, n uint) {
		doc, err := md.Convert([]byte(text))
		if err != nil || len(doc.Blocks) == 0 {
			return
		}
		b := doc.Blocks[0]
		if len(b.Text) == 0 {
			return
		}
		i := int(at % uint(len(b.Text)))
		j := min(len(b.Text), i+1+int(n%40))
		checkPlain(t, doc.HTML, []Mark{
			{Block: b.ID, Quote: b.Text[i:j], Links: []Link{{Href: "../c.html#" + text, Text: text, Title: text}}},
			{Block: b.ID, Quote: b.Text[:j-i], Links: []Link{{Href: "x", Text: "C2"}}},
		})
	})
}

// FuzzEscape checks that escape writes text and attribute values as
// html.Render does, which highlighted paragraphs must match.
func FuzzEscape(f *testing.F) {
	for _, s := range []string{"plain", `a "b" & 'c' <d> e`, "cr\r\nlf", "nbsp\u00a0é", "\x00nul", "\xffbad"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var got, want strings.Builder
		escape(&got, s)
		a := &html.Node{Type: html.ElementNode, Data: "a", DataAtom: atom.A, Attr: []html.Attribute{{Key: "title", Val: s}}}
		a.AppendChild(&html.Node{Type: html.TextNode, Data: s})
		if err := html.Render(&want, a); err != nil {
			t.Fatal(err)
		}
		if w := `<a title="` + got.String() + `">` + got.String() + `</a>`; w != want.String() {
			t.Errorf("escape(%q) gives %q, html.Render %q", s, w, want.String())
		}
	})
}
