package clean

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
	"golang.org/x/tools/txtar"
)

// page wraps body in a minimal HTML document with head.
func page(head, body string) string {
	return "<!DOCTYPE html><html><head><meta charset=utf-8>" + head + "</head><body>" + body + "</body></html>"
}

// paras renders prose as <p> elements.
func paras(ps ...string) string {
	var b strings.Builder
	for _, p := range ps {
		b.WriteString("<p>" + p + "</p>\n")
	}
	return b.String()
}

func TestHTMLMainContainer(t *testing.T) {
	sidebar := `<div class="widget"><p>Storm closes schools across the region as rivers rise, officials say, and more rain is expected.</p></div>`
	tests := []struct {
		name string
		body string
	}{
		{"article", `<nav><a href="/">Home</a> <a href="/news">News</a></nav><article>` + paras(prose...) + `</article>` + sidebar},
		{"divs", `<div id="menu"><a href="/a">A</a><a href="/b">B</a></div><div class="post-body">` + paras(prose...) + `</div><footer><p>© 2024 Example</p></footer>`},
		{"loose text with br", `<div class="content">` + strings.Join(prose, "<br><br>\n") + `</div>` + sidebar},
		{"blocks of one kind", `<div class="story">` + `<div class="block"><div class="text">` + paras(prose[:2]...) + `</div></div>` +
			`<div class="block"><div class="text">` + paras(prose[2:]...) + `</div></div></div>` + sidebar},
		{"page in a form", `<form id="aspnetForm"><div class="main">` + paras(prose...) + `</div></form>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Clean("page.html", []byte(page("", tt.body)))
			if err != nil {
				t.Fatal(err)
			}
			if got, want := string(a.Text()), strings.Join(prose, "\n")+"\n"; got != want {
				t.Errorf("Text() =\n%s\nwant\n%s\nremoved: %v", got, want, a.Removed)
			}
		})
	}
}

func TestHTMLChrome(t *testing.T) {
	body := `<article class="article">` + paras(prose...) +
		`<div class="share-buttons"><a href="#">Share on Facebook</a> <a href="#">Tweet</a></div>` +
		`<div class="related-posts"><p>Storm closes schools across the region as rivers rise, officials say.</p></div>` +
		`<p style="display: none">Hidden paragraph that no reader sees, however long it may be.</p>` +
		`<p hidden>Another hidden paragraph.</p>` +
		`<figure><img src="x.jpg"><figcaption>The harbour at dusk.</figcaption></figure>` +
		`<div class="comments"><p>Great article, thanks for writing it, I learned a lot from it today.</p></div>` +
		`</article><script>document.write("<p>script text</p>")</script>`
	a, err := Clean("page.html", []byte(page("", body)))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(a.Text()), strings.Join(prose, "\n")+"\n"; got != want {
		t.Errorf("Text() =\n%s\nwant\n%s", got, want)
	}
	reasons := make(map[string]string)
	for _, r := range a.Removed {
		reasons[r.Text] = r.Reason
	}
	for text, want := range map[string]string{
		"Share on Facebook Tweet": ReasonPrompt,
		"The harbour at dusk.":    ReasonCaption,
		"Storm closes schools across the region as rivers rise, officials say.": ReasonRelated,
		"Great article, thanks for writing it, I learned a lot from it today.":  ReasonComments,
	} {
		if reasons[text] != want {
			t.Errorf("%q: reason %q, want %q", text, reasons[text], want)
		}
	}
	for text := range reasons {
		if strings.Contains(text, "idden") || strings.Contains(text, "script") {
			t.Errorf("invisible text reported as removed: %q", text)
		}
	}
}

func TestHTMLMeta(t *testing.T) {
	tests := []struct {
		name string
		head string
		body string
		want Meta
	}{
		{
			name: "json-ld",
			head: `<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebPage"},
				{"@type":["NewsArticle"],"headline":"Bridge to close","author":[{"@type":"Person","name":"Tom Ellis"},{"name":"Ann Lee"}],
				"datePublished":"2024-03-04T08:00:00+01:00","publisher":{"@type":"Organization","name":"Example Times"}}]}</script>`,
			want: Meta{Title: "Bridge to close", Author: "Tom Ellis, Ann Lee", Published: "2024-03-04", Outlet: "Example Times"},
		},
		{
			name: "meta tags",
			head: `<meta property="og:title" content="Bridge to close"><meta name="author" content="Tom Ellis">` +
				`<meta property="article:published_time" content="2024-03-04T08:00:00Z"><meta property="og:site_name" content="Example Times">`,
			want: Meta{Title: "Bridge to close", Author: "Tom Ellis", Published: "2024-03-04", Outlet: "Example Times"},
		},
		{
			name: "h1 and time",
			body: `<h1>Bridge to close</h1><time datetime="2024-03-04">4 March</time>`,
			want: Meta{Title: "Bridge to close", Published: "2024-03-04"},
		},
		{
			name: "credit",
			body: `<h1>Bridge to close</h1>` + paras("The bridge will close for repairs, the authority told Reuters on Monday.", "Repairs will take six months, Reuters reported."),
			want: Meta{Title: "Bridge to close", AttributedTo: "Reuters"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Clean("page.html", []byte(page(tt.head, tt.body+paras(prose...))))
			if err != nil {
				t.Fatal(err)
			}
			got := a.Meta
			got.Captions = nil
			if got.Title != tt.want.Title || got.Author != tt.want.Author || got.Published != tt.want.Published ||
				got.Outlet != tt.want.Outlet || got.AttributedTo != tt.want.AttributedTo {
				t.Errorf("Meta = %+v, want %+v", got, tt.want)
			}
			if a.Title != tt.want.Title {
				t.Errorf("Title = %q, want %q", a.Title, tt.want.Title)
			}
		})
	}
}

func TestHTMLCharset(t *testing.T) {
	// "café" in Windows-1252, declared in a meta tag.
	raw := []byte("<html><head><meta charset=\"windows-1252\"></head><body><p>Le caf\xe9 est ouvert tous les jours, m\xeame le dimanche, depuis 1920.</p></body></html>")
	a, err := Clean("page.html", raw)
	if err != nil {
		t.Fatal(err)
	}
	if got := string(a.Text()); !strings.Contains(got, "café") || !strings.Contains(got, "même") {
		t.Errorf("Text() = %q, want the declared charset decoded", got)
	}
}

// The class and id regexps as first written, before their words were
// lists: the hand-written matchers are held to them.
var (
	chromeREFirst   = regexp.MustCompile(`(?i)(?:^|[\s_-])(?:comments?|comment-list|disqus|share|sharing|social|related|recommended|sidebar|newsletter|subscribe|breadcrumbs?|cookie|popup|modal|outbrain|taboola|advert|advertisement|ad-container|ad-slot|promo|most-popular|trending|author-bio|about-author|tags|tag-list)(?:$|[\s_-])`)
	positiveREFirst = regexp.MustCompile(`(?i)article|body|content|entry|hentry|h-entry|main|page|post|text|blog|story|prose`)
	negativeREFirst = regexp.MustCompile(`(?i)-ad-|^ad-|\bads?\b|banner|breadcrumb|combx|comment|com-|contact|foot|footnote|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|taboola|tool|widget|social|newsletter|subscribe|popup|modal|cookie|byline|author|recommend|more-|nav|menu|signup|teaser|trending|popular|caption|credit|disclaimer|copyright`)
)

// checkClassMatchers checks isChromeClass, isPositiveClass and
// isNegativeClass on s against the regexps they match by hand.
func checkClassMatchers(t *testing.T, s string) {
	t.Helper()
	for _, m := range []struct {
		name string
		got  bool
		res  []*regexp.Regexp
	}{
		{"isChromeClass", isChromeClass(s), []*regexp.Regexp{chromeRE.get(), chromeREFirst}},
		{"isPositiveClass", isPositiveClass(s), []*regexp.Regexp{positiveRE.get(), positiveREFirst}},
		{"isNegativeClass", isNegativeClass(s), []*regexp.Regexp{negativeRE.get(), negativeREFirst}},
	} {
		for _, re := range m.res {
			if want := re.MatchString(s); m.got != want {
				t.Errorf("%s(%q) = %v, but %s matches: %v", m.name, s, m.got, re, want)
			}
		}
	}
}

// TestClassMatchers checks the class and id matchers on class names
// and on random strings of their pieces.
func TestClassMatchers(t *testing.T) {
	pieces := []string{"comment", "Comments", "-list", "share", "SHARE", "ad", "AD", "ads", "ad-", "-ad-", "_", "-", " ", "\t",
		"\n", "\v", "x", "9", "é", "İ", "ſ", "\u212A", "tag", "s", "content", "Main", "nav", "foot", "note", "breadcrumb",
		"most-popular", "cookie", "coo", "kie", "h-entry", "entry", "\xff"}
	rng := rand.New(rand.NewPCG(15, 16))
	for range 20000 {
		checkClassMatchers(t, randomJoin(rng, pieces, 6))
	}
	for _, w := range append(append(slices.Clone(chromeWords), positiveWords...), negativeWords...) {
		for _, s := range []string{w, strings.ToUpper(w), "x-" + w, w + "_y", "a" + w, w + "b", " " + w + " "} {
			checkClassMatchers(t, s)
		}
	}
}

func FuzzClassMatchers(f *testing.F) {
	f.Add("article-body main-content")
	f.Add("post__sidebar ad-slot js-ads")
	f.Fuzz(checkClassMatchers)
}

// TestMetaNodes checks findMetaNodes against the goquery selectors it
// stands for, on the benchmark's pages (when present), the test pages
// and pages made to hold the elements in odd places.
func TestMetaNodes(t *testing.T) {
	pages := []string{
		page(`<meta property="og:title" content="A"><meta name="og:title" content="B"><script type="application/ld+json">{}</script>`,
			`<h1>One <b>two</b></h1><h1>Three</h1><time>no</time><time datetime="">x</time><time datetime="2024-01-02" datetime="x">y</time>`),
		page("", `<svg><meta name="author" content="svg"/><h1>svg</h1></svg><p><meta name="author" content="body"><script type="application/ld+json" type="x">[]</script>`),
		page("", "<h1></h1>"), "", "<meta>", "<time datetime>", "<script type=\"APPLICATION/LD+JSON\">{}</script>",
	}
	pages = append(append(pages, benchHTML(t)...), goldenHTML(t)...)
	ids := func(sel *goquery.Selection) []*html.Node { return sel.Nodes }
	for _, src := range pages {
		doc, err := goquery.NewDocumentFromReader(strings.NewReader(src))
		if err != nil {
			t.Fatal(err)
		}
		got := findMetaNodes(doc.Nodes[0])
		first := func(sel *goquery.Selection) *html.Node {
			if sel.Length() == 0 {
				return nil
			}
			return sel.Nodes[0]
		}
		if want := ids(doc.Find(`script[type="application/ld+json"]`)); !slices.Equal(got.jsonLD, want) {
			t.Errorf("%.60q: JSON-LD scripts %v, want %v", src, got.jsonLD, want)
		}
		if want := ids(doc.Find("meta")); !slices.Equal(got.metas, want) {
			t.Errorf("%.60q: metas %v, want %v", src, got.metas, want)
		}
		if want := first(doc.Find("h1")); got.h1 != want {
			t.Errorf("%.60q: h1 %v, want %v", src, got.h1, want)
		}
		if want := first(doc.Find("time[datetime]")); got.time != want {
			t.Errorf("%.60q: time %v, want %v", src, got.time, want)
		}
		for _, n := range append(got.jsonLD, got.h1) {
			if n != nil && nodeText(n) != doc.FindNodes(n).Text() {
				t.Errorf("%.60q: nodeText %q, want %q", src, nodeText(n), doc.FindNodes(n).Text())
			}
		}
	}
}

// benchHTML returns the benchmark's saved pages, if the benchmark is
// beside the repository.
func benchHTML(t *testing.T) []string {
	dir := *benchDir
	if dir == "" {
		dir = defaultBenchDir
	}
	files, _ := filepath.Glob(filepath.Join(dir, "articles", "*.html"))
	var out []string
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, string(raw))
	}
	return out
}

// goldenHTML returns the HTML captures of the test cases.
func goldenHTML(t testing.TB) []string {
	files, _ := filepath.Glob(filepath.Join("testdata", "*.txt"))
	var out []string
	for _, f := range files {
		ar, err := txtar.ParseFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range ar.Files {
			if c.Name == "capture.html" {
				out = append(out, string(c.Data))
			}
		}
	}
	return out
}
