package markdown

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"unicode"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"
)

// The implementations of PlainText and BlockID before they were made
// cheaper, kept unchanged as the oracle the fuzz tests compare against:
// block ids are public permalinks and must never change.

func oldBlockID(prefix, txt string) string {
	words := oldSlugWords(txt, 4)
	if prefix == "h" {
		words = oldSlugWords(txt, 8)
		if words == "" {
			words = oldHash(txt)
		}
		return "h-" + words
	}
	if words == "" {
		return "p-" + oldHash(txt)
	}
	return "p-" + words + "-" + oldHash(txt)
}

func oldHash(txt string) string {
	sum := sha256.Sum256([]byte(strings.Join(strings.Fields(txt), " ")))
	return hex.EncodeToString(sum[:3])
}

func oldSlugWords(s string, n int) string {
	var words []string
	for _, f := range strings.FieldsFunc(s, oldSeparator) {
		words = append(words, strings.ToLower(f))
		if len(words) == n {
			break
		}
	}
	return strings.Join(words, "-")
}

func oldSeparator(r rune) bool {
	return !(r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)))
}

func oldPlainText(n ast.Node, src []byte) string {
	var b strings.Builder
	ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.Text:
			v := c.Segment.Value(src)
			v = util.UnescapePunctuations(v)
			v = util.ResolveNumericReferences(v)
			v = util.ResolveEntityNames(v)
			b.Write(v)
			if c.SoftLineBreak() || c.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(c.Value)
		case *ast.AutoLink:
			b.Write(c.Label(src))
			return ast.WalkSkipChildren, nil
		case *ast.RawHTML:
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return strings.Join(strings.Fields(b.String()), " ")
}
