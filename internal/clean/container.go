package clean

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Choosing the main container of an HTML page.

var (
	// positiveRE and negativeRE are readability's class and id hints:
	// one of positiveWords or negativeWords anywhere, in any case; "ad"
	// or "ads" as a word, or "ad-" at the start, are negative too.
	// isPositiveClass and isNegativeClass match them by hand.
	positiveRE = lazyRegexp(`(?i)` + quoteAll(positiveWords))
	negativeRE = lazyRegexp(`(?i)^ad-|\bads?\b|` + quoteAll(negativeWords))

	positiveWords = []string{"article", "body", "content", "entry", "hentry", "h-entry", "main", "page", "post", "text",
		"blog", "story", "prose"}
	negativeWords = []string{"-ad-", "banner", "breadcrumb", "combx", "comment", "com-", "contact", "foot", "footnote",
		"masthead", "media", "meta", "outbrain", "promo", "related", "scroll", "share", "shoutbox", "sidebar", "skyscraper",
		"sponsor", "shopping", "tags", "taboola", "tool", "widget", "social", "newsletter", "subscribe", "popup", "modal",
		"cookie", "byline", "author", "recommend", "more-", "nav", "menu", "signup", "teaser", "trending", "popular",
		"caption", "credit", "disclaimer", "copyright"}

	positiveScanner = newPhraseScanner(map[vocab][]string{1: positiveWords})
	negativeScanner = newPhraseScanner(map[vocab][]string{1: negativeWords})
)

// isPositiveClass reports whether positiveRE matches s. (For s with a
// long s or Kelvin sign, which match s and k, it runs the regexp.)
func isPositiveClass(s string) bool {
	if foldsToASCII(s) {
		return positiveRE.MatchString(s)
	}
	return positiveScanner.scan(toLowerASCII(s)) != 0
}

// isNegativeClass reports whether negativeRE matches s. (For s with a
// long s or Kelvin sign, which match s and k, it runs the regexp.)
func isNegativeClass(s string) bool {
	if foldsToASCII(s) {
		return negativeRE.MatchString(s)
	}
	lower := toLowerASCII(s)
	return strings.HasPrefix(lower, "ad-") || hasAdWord(lower) || negativeScanner.scan(lower) != 0
}

// hasAdWord reports whether s holds "ad" or "ads" as a word (\bads?\b).
func hasAdWord(s string) bool {
	for i := 0; ; i++ {
		j := strings.Index(s[i:], "ad")
		if j < 0 {
			return false
		}
		i += j
		if wordStart(s, i) && (wordEnd(s, i+2) || strings.HasPrefix(s[i+2:], "s") && wordEnd(s, i+3)) {
			return true
		}
	}
}

// toLowerASCII returns s with its ASCII letters in lower case, and
// every other byte as it is.
func toLowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if 'A' <= s[i] && s[i] <= 'Z' {
			b := []byte(s)
			for k := i; k < len(b); k++ {
				if 'A' <= b[k] && b[k] <= 'Z' {
					b[k] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}

// A mainArea is the part of a page that holds the article.
type mainArea struct {
	top     map[*html.Node]bool // the main container(s), from mainContainer
	textLen map[*html.Node]int  // bytes of visible text under each element
	text    int                 // bytes of visible text in the main container(s)
	classes map[*html.Node]classChrome
}

// classChrome is what an element's class and id say: whether they
// match chromeRE, and the reason chromeReason gives.
type classChrome struct {
	match  bool
	reason string
}

// classChrome returns what p's class and id say, computed once per
// element.
func (m *mainArea) classChrome(p *html.Node) classChrome {
	if c, ok := m.classes[p]; ok {
		return c
	}
	var c classChrome
	if cls := attr(p, "class") + " " + attr(p, "id"); isChromeClass(cls) {
		c = classChrome{true, chromeReason(cls)}
	}
	if m.classes == nil {
		m.classes = make(map[*html.Node]classChrome)
	}
	m.classes[p] = c
	return c
}

// container returns the main container holding n, or nil.
func (m *mainArea) container(n *html.Node) *html.Node {
	for p := n; p != nil; p = p.Parent {
		if m.top[p] {
			return p
		}
	}
	return nil
}

// chrome returns the reason a class or id between n and stop (exclusive;
// stop is n's main container, or nil outside it) marks n as page chrome,
// or "". Inside the main container, an element holding half its text or
// more is never chrome: some sites wrap the whole article in a form or
// in a class named like a widget.
func (m *mainArea) chrome(n, stop *html.Node) string {
	for p := n; p != nil && p != stop; p = p.Parent {
		if p.Type != html.ElementNode || p.DataAtom == atom.Body || p.DataAtom == atom.Html {
			continue
		}
		if stop != nil && 2*m.textLen[p] >= m.text {
			continue
		}
		if p.DataAtom == atom.Form {
			return ReasonCommentForm
		}
		if c := m.classChrome(p); c.match {
			return c.reason
		}
	}
	return ""
}

// mainContainer chooses the element(s) holding the article, in the
// manner of readability: each paragraph adds to its parent's score
// (and half to its grandparent's) one point plus its commas plus one
// point per 100 characters (up to 3); a candidate's score is then
// scaled by 1 − its link density and moved by its class and id hints.
// The best candidate is kept with those siblings that score at least a
// fifth as well.
func mainContainer(segs []*segment, textLen, linkLen map[*html.Node]int) map[*html.Node]bool {
	score := make(map[*html.Node]float64)
	var order []*html.Node
	add := func(n *html.Node, v float64) {
		if n == nil || n.Type != html.ElementNode {
			return
		}
		if _, ok := score[n]; !ok {
			order = append(order, n)
			score[n] = classWeight(n)
		}
		score[n] += v
	}
	for _, s := range segs {
		if s.drop != "" || len(s.text) < 25 {
			continue
		}
		switch s.tag {
		case atom.P, atom.Pre, atom.Td, atom.Blockquote, atom.Div, atom.Section, atom.Article, atom.Li:
		default:
			continue
		}
		v := 1 + float64(strings.Count(s.text, ",")) + min(float64(len(s.text))/100, 3)
		if s.tag == atom.Li {
			v /= 2
		}
		node := s.node
		if s.tag == atom.Div || s.tag == atom.Section || s.tag == atom.Article {
			add(node, v) // loose text: the container itself
		}
		add(node.Parent, v)
		if node.Parent != nil {
			add(node.Parent.Parent, v/2)
		}
	}
	var best *html.Node
	bestScore := 0.0
	for _, n := range order {
		ld := 0.0
		if textLen[n] > 0 {
			ld = float64(linkLen[n]) / float64(textLen[n])
		}
		score[n] *= 1 - ld
		if inChrome(n) {
			score[n] *= 0.1
		}
		if score[n] > bestScore {
			best, bestScore = n, score[n]
		}
	}
	top := make(map[*html.Node]bool)
	if best == nil {
		return top
	}
	top[best] = true
	// An article cut into blocks of the same kind ("article__block")
	// scores per block: take the blocks alike to the best one, or to
	// one of its near ancestors.
	for p, level := best, 0; p != nil && p.Parent != nil && level < 4; p, level = p.Parent, level+1 {
		cls := firstClass(p)
		if cls == "" {
			continue
		}
		var alike []*html.Node
		for c := p.Parent.FirstChild; c != nil; c = c.NextSibling {
			if c != p && c.Type == html.ElementNode && c.DataAtom == p.DataAtom && firstClass(c) == cls &&
				textLen[c] > 0 && float64(linkLen[c]) < 0.3*float64(textLen[c]) {
				alike = append(alike, c)
			}
		}
		if len(alike) > 0 && !inChrome(p) {
			delete(top, best)
			top[p] = true
			for _, c := range alike {
				top[c] = true
			}
			return top
		}
	}
	if best.Parent != nil {
		threshold := max(10, bestScore*0.2)
		for c := best.Parent.FirstChild; c != nil; c = c.NextSibling {
			if c == best || c.Type != html.ElementNode {
				continue
			}
			if s, ok := score[c]; ok && s >= threshold {
				top[c] = true
			}
		}
	}
	return top
}

// firstClass returns the first class name of n, or "".
func firstClass(n *html.Node) string {
	f := strings.Fields(attr(n, "class"))
	if len(f) == 0 {
		return ""
	}
	return f[0]
}

// inChrome reports whether n or its parent has
// a class or id of page chrome (comments, related stories, sidebar …).
func inChrome(n *html.Node) bool {
	for i, p := 0, n; i < 2 && p != nil; i, p = i+1, p.Parent {
		if p.Type == html.ElementNode && isChromeClass(attr(p, "class")+" "+attr(p, "id")) {
			return true
		}
	}
	return false
}

func classWeight(n *html.Node) float64 {
	w := 0.0
	for _, v := range []string{attr(n, "class"), attr(n, "id")} {
		if v == "" {
			continue
		}
		if isNegativeClass(v) {
			w -= 25
		}
		if isPositiveClass(v) {
			w += 25
		}
	}
	return w
}
