package clean

import (
	"strings"
	"testing"
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
