package corpus

import (
	"fmt"
	"strings"
)

// Hugo returns the files of a Hugo site holding the articles of the
// dossier Generate(n) makes, for timing gen against Hugo side by side
// (make bench-hugo): n Markdown pages of about 600 words each, the
// articles without the sites' boilerplate, and no claims or events, so
// that Hugo does what a blog of those articles asks of it. Its layouts
// give each page what gen's source pages have around the article: a
// head with title, description and stylesheet, a header with the site's
// navigation, the article's title and byline, and a footer; the home
// page lists every article, as gen's index lists every source. Hugo's
// other defaults stay: RSS feeds, a sitemap, taxonomy pages.
func Hugo(n int) map[string][]byte {
	g := newGen(n, 0)
	g.run()
	files := map[string][]byte{
		"hugo.toml": []byte(fmt.Sprintf("baseURL = \"https://example.org/\"\nrelativeURLs = true\n"+
			"languageCode = \"en\"\ntitle = \"A synthetic dossier of %d sources\"\n", n)),
		"layouts/baseof.html": []byte(hugoBase),
		"layouts/single.html": []byte(hugoSingle),
		"layouts/list.html":   []byte(hugoList),
		"static/style.css":    []byte(hugoStyle),
	}
	for _, s := range g.sources {
		var b strings.Builder
		fmt.Fprintf(&b, "---\ntitle: %q\ndate: %s\nauthor: %q\noutlet: %q\n---\n", s.headline, s.published, s.author, s.outlet)
		for _, p := range s.paras {
			b.WriteString("\n")
			b.WriteString(strings.Join(p, " "))
			b.WriteString("\n")
		}
		files["content/posts/"+s.slug+".md"] = []byte(b.String())
	}
	return files
}

const hugoBase = `<!DOCTYPE html>
<html lang="{{ site.Language.LanguageCode }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if not .IsHome }}{{ .Title }} · {{ end }}{{ site.Title }}</title>
<meta name="description" content="{{ with .Params.outlet }}{{ . }}: {{ end }}{{ .Title }}.">
<link rel="stylesheet" href="{{ "style.css" | relURL }}">
</head>
<body>
<header class="site">
<p class="site-title"><a href="{{ "/" | relURL }}">{{ site.Title }}</a></p>
<nav aria-label="Site"><ul>
<li><a href="{{ "/" | relURL }}">Overview</a></li>
<li><a href="{{ "posts/" | relURL }}">Articles</a></li>
</ul></nav>
</header>
<main id="main">
{{ block "main" . }}{{ end }}
</main>
<footer class="site"><p>Built by Hugo.</p></footer>
</body>
</html>
`

const hugoSingle = `{{ define "main" }}
<article>
<header>
<p class="kicker">{{ .Params.outlet }}</p>
<h1>{{ .Title }}</h1>
<dl class="meta"><dt>Author</dt><dd>{{ .Params.author }}</dd><dt>Published</dt><dd><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2 January 2006" }}</time></dd><dt>Words</dt><dd>{{ .WordCount }}</dd></dl>
</header>
<div class="article">
{{ .Content }}
</div>
</article>
{{ end }}
`

const hugoList = `{{ define "main" }}
<h1>{{ .Title }}</h1>
<table>
<thead><tr><th scope="col">Article</th><th scope="col">Outlet</th><th scope="col">Author</th><th scope="col">Published</th></tr></thead>
<tbody>
{{- range cond .IsHome site.RegularPages .RegularPages }}
<tr><th scope="row"><a href="{{ .RelPermalink }}">{{ .Title }}</a></th><td>{{ .Params.outlet }}</td><td>{{ .Params.author }}</td><td><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2 January 2006" }}</time></td></tr>
{{- end }}
</tbody>
</table>
{{ end }}
`

const hugoStyle = `body { font: 1rem/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 48rem; padding: 0 1rem; }
header.site, footer.site { border-bottom: 1px solid #ddd; }
nav ul { display: flex; gap: 1rem; list-style: none; padding: 0; }
.meta { display: grid; grid-template-columns: auto 1fr; gap: .25rem 1rem; }
`
