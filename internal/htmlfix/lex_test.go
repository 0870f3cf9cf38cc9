package htmlfix

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// lexCases are markup at the edges of what the lexer reads itself.
var lexCases = []string{
	"", "text", "a<b", "a< b", "a<", "<", "<3 <a href=x>", "x</", "x</>", "</ x>", "</a", "<a",
	"<a href", "<a href=", `<a href="x`, "<a href=x", "<a href=x/>", "<a href=x/ >", `<a href="x"/>`,
	"<a x=1 x=2/>", "<a/>", "<a / id=x>", "<a =x id=y>", "<a ==x>", "<a id = 'y' >", "<a id=>",
	"<A HREF=X ID=Y SRC=Z>", "<a ID=1 id=2 Id=3>", "<a\x00 id=x>", "<a i\x00d=x id=y>", "<a id=\x00>",
	"<a href='&amp;&lt'>", "<a href='&copy=1&notit;'>", "<a id=\"a\r\nb\rc\">", "<svg><a xlink:href=x href=y>",
	"<svg><a HREF=y XLINK:HREF=x>", "<a id=\u212a \u017frc=x>",
	"<!---->", "<!-->", "<!--->", "<!-- a -- b --!> c -->", "<!-- --!-->", "<!-- x", "<!--", "<!-",
	"<!doctype html>", "<!DOCTYPE>", "<!doctype", "<!doctypehtml", "<!x>", "<?xml?>", "<![CDATA[<a>]]>",
	"<script>a</script>", "<script>a</scripty></script >", "<script><!--<script></script>--></script><a id=x>",
	"<SCRIPT>x</ScRiPt/>", "<script>", "<script></script", "<style>a<b</style>", "<title>&amp;</title>",
	"<textarea>\x00</textarea>", "<plaintext><a>", "<xmp></xmp><iframe>x</iframe >", "<noscript><p></noscript>",
	"<title/>x</title>", " \n<!doctype html> ", "&#32;<a>", "&nbsp;<a>", "\x00 <a>",
}

// lexToken is what the model sees of a token: its type, its tag, the
// attributes reported of a start tag, and whether a text token is blank.
func lexToken(tt html.TokenType, tag elem, e *attrs, blank bool) string {
	s := tt.String()
	switch tt {
	case html.StartTagToken, html.SelfClosingTagToken:
		s += fmt.Sprintf(" %v %v%q", tag, e.has, e.val)
	case html.EndTagToken:
		s += fmt.Sprintf(" %v", tag)
	case html.TextToken:
		s += fmt.Sprint(" blank ", blank)
	}
	return s
}

// tokenizerToken is lexToken read from the tokenizer of golang.org/x/net/html,
// with the attributes of an SVG element if foreign.
func tokenizerToken(z *html.Tokenizer, tt html.TokenType, foreign bool) string {
	t := z.Token()
	var e attrs
	for _, at := range t.Attr {
		if foreign && at.Key == "xlink:href" {
			at.Key = "href"
		}
		e.set(at.Key, []byte(at.Val))
	}
	tag := elem{tag: t.DataAtom}
	if tag.tag == 0 {
		tag.name = t.Data
	}
	return lexToken(tt, tag, &e, strings.TrimLeft(t.Data, whitespace) == "")
}

// differLex compares the tokens of data read by the lexer and by the
// tokenizer, driven alike: after odd-numbered start tags CDATA sections
// are allowed and attributes are read as SVG's, and raw text is not read
// after start tags with a name of odd length (as the model does in SVG
// content). It reports whether the lexer read data itself.
func differLex(t *testing.T, data []byte) (itself bool) {
	t.Helper()
	l := newLexer(data)
	z := html.NewTokenizer(bytes.NewReader(data))
	for i, starts := 0, 0; ; i++ {
		cdata := starts%2 == 1
		z.AllowCDATA(cdata)
		tt, ztt := l.next(cdata), z.Next()
		if tt != ztt {
			t.Fatalf("token %d: %v, tokenizer's %v, on %q", i, tt, ztt, data)
		}
		if tt == html.ErrorToken {
			if err, want := l.err(), z.Err(); err != want {
				t.Fatalf("token %d: error %v, tokenizer's %v, on %q", i, err, want, data)
			}
			return l.z == nil
		}
		var tag elem
		var e attrs
		switch tt {
		case html.StartTagToken, html.SelfClosingTagToken:
			starts++
			tag = l.tag()
			e = *l.attrs(cdata)
			if len(tag.String())%2 == 1 {
				l.notRawText()
				z.NextIsNotRawText()
			}
		case html.EndTagToken:
			tag = l.tag()
		}
		if l.z == nil && !bytes.Equal(l.data[l.start:l.end], z.Raw()) {
			t.Fatalf("token %d: raw %q, tokenizer's %q, on %q", i, l.data[l.start:l.end], z.Raw(), data)
		}
		got, want := lexToken(tt, tag, &e, tt == html.TextToken && l.blank()), tokenizerToken(z, tt, cdata)
		if got != want {
			t.Fatalf("token %d:\n got %s\nwant %s\non %q", i, got, want, data)
		}
	}
}

func (e elem) String() string {
	if e.tag != 0 {
		return e.tag.String()
	}
	return e.name
}

func TestLexer(t *testing.T) {
	for _, c := range lexCases {
		differLex(t, []byte(c))
	}
	for _, c := range scanCases {
		differLex(t, []byte(c.html))
	}
}

// TestLexerSite checks the lexer on the pages of the site, and that it
// reads them itself, as the model drives it.
func TestLexerSite(t *testing.T) {
	for p, data := range sitePages(t, siteDir()) {
		if !strings.HasSuffix(p, ".html") {
			continue
		}
		differLex(t, data)
		m := newModel(data, func(*attrs) {})
		if err := m.run(); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		if m.lx.z != nil {
			t.Errorf("%s: the lexer handed over to the tokenizer at byte %d", p, m.lx.start)
		}
	}
}

func FuzzLexer(f *testing.F) {
	for _, c := range lexCases {
		f.Add([]byte(c))
	}
	for _, c := range scanCases {
		f.Add([]byte(c.html))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		differLex(t, data)
	})
}
