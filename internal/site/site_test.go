package site

import (
	"bytes"
	"encoding/json"
	"errors"
	"image/png"
	"maps"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/PuerkitoBio/goquery"
	"github.com/gen-dossier/gen/internal/diag"
	"github.com/gen-dossier/gen/internal/golden"
	"github.com/gen-dossier/gen/internal/quote"
	"golang.org/x/tools/txtar"
)

// repoConfig builds the dossier committed in this repository.
func repoConfig() Config {
	return Config{
		Content:      os.DirFS("../../content"),
		Templates:    os.DirFS("../../templates"),
		Static:       os.DirFS("../../static"),
		ContentDir:   "content",
		TemplatesDir: "templates",
		StaticDir:    "static",
	}
}

// writtenRepo builds the repository's dossier and writes it to a
// "public" folder of a temporary folder.
func writtenRepo(t *testing.T) (*Output, string) {
	t.Helper()
	o, err := Build(repoConfig())
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "public")
	if err := o.Write(dir); err != nil {
		t.Fatal(err)
	}
	return o, dir
}

// caseConfig builds a txtar case file: see configFrom.
func caseConfig(t *testing.T, file string) Config {
	t.Helper()
	ar, err := txtar.ParseFile(file)
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{}
	for _, f := range ar.Files {
		files[f.Name] = f.Data
	}
	return configFrom(t, files)
}

// configFrom makes a Config of a case's files: files under content/
// (and optionally templates/, static/); missing templates and static
// come from the repository.
func configFrom(t *testing.T, files map[string][]byte) Config {
	t.Helper()
	cfg := repoConfig()
	fsys := map[string]fstest.MapFS{"content": {}, "templates": nil, "static": nil}
	for name, data := range files {
		dir, rest, ok := strings.Cut(name, "/")
		if _, known := fsys[dir]; !ok || !known {
			continue
		}
		if fsys[dir] == nil {
			fsys[dir] = fstest.MapFS{}
		}
		fsys[dir][rest] = &fstest.MapFile{Data: data}
	}
	cfg.Content = fsys["content"]
	if tm := fsys["templates"]; tm != nil {
		entries, _ := os.ReadDir("../../templates")
		for _, e := range entries {
			if _, ok := tm[e.Name()]; !ok {
				data, err := os.ReadFile("../../templates/" + e.Name())
				if err != nil {
					t.Fatal(err)
				}
				tm[e.Name()] = &fstest.MapFile{Data: data}
			}
		}
		cfg.Templates = tm
	}
	if fsys["static"] != nil {
		cfg.Static = fsys["static"]
	}
	return cfg
}

// TestCases builds each testdata/*.txt dossier and compares the errors
// (or warnings) with the expected sections.
func TestCases(t *testing.T) {
	golden.Run(t, "testdata/*.txt", []string{"errors", "warnings"}, func(t *testing.T, c *golden.Case) map[string]string {
		got := map[string]string{}
		o, err := Build(configFrom(t, c.Input))
		if err != nil {
			var list diag.List
			if !errors.As(err, &list) {
				t.Fatalf("Build error is %T, want diag.List: %v", err, err)
			}
			got["errors"] = strings.Join(list.Lines(), "\n") + "\n"
			return got
		}
		if len(o.Warnings) > 0 {
			got["warnings"] = strings.Join(o.Warnings.Lines(), "\n") + "\n"
		}
		checkSite(t, o)
		return got
	})
}

// TestRepositoryDossier builds the committed dossier and checks the site
// as a reader and a program would use it.
func TestRepositoryDossier(t *testing.T) {
	o, err := Build(repoConfig())
	if err != nil {
		t.Fatal(err)
	}
	if len(o.Warnings) > 0 {
		t.Errorf("the committed dossier builds with warnings:\n%s", strings.Join(o.Warnings.Lines(), "\n"))
	}
	checkSite(t, o)

	for _, p := range []string{"index.html", "claims.html", "timeline.html", "404.html", ".nojekyll", "dossier.json", "style.css"} {
		if _, ok := o.File(p); !ok {
			t.Errorf("missing %s", p)
		}
	}
	// Every raw capture is listed with its page and a byte-identical copy.
	var dj struct {
		Sources []struct{ Slug, Page, Raw, SHA256 string }
		Claims  []struct {
			ID, URL string
			Sources map[string]struct{ Quote, URL string }
		}
		Events []struct {
			ID, Date, URL string
			Sources       map[string]struct{ Quote, URL string }
		}
	}
	data, _ := o.File("dossier.json")
	if err := json.Unmarshal(data, &dj); err != nil {
		t.Fatal(err)
	}
	captures, _ := filepath.Glob("../../content/sources/*.txt")
	if len(dj.Sources) != len(captures) || len(captures) == 0 {
		t.Errorf("dossier.json lists %d sources, content/sources has %d captures", len(dj.Sources), len(captures))
	}
	for _, s := range dj.Sources {
		raw, _ := os.ReadFile("../../content/sources/" + s.Slug + ".txt")
		copied, ok := o.File(s.Raw)
		if !ok || !bytes.Equal(raw, copied) {
			t.Errorf("%s: raw copy %s differs from the capture", s.Slug, s.Raw)
		}
		if _, ok := o.File(s.Page); !ok {
			t.Errorf("%s: no page %s", s.Slug, s.Page)
		}
	}
	// Every quote links to a paragraph that holds it.
	checkQuote := func(owner, slug, q, link string) {
		p, frag, _ := strings.Cut(link, "#")
		page, ok := o.File(p)
		if !ok || frag == "" {
			t.Errorf("%s/%s: bad link %q", owner, slug, link)
			return
		}
		doc, _ := goquery.NewDocumentFromReader(bytes.NewReader(page))
		text := doc.Find("#" + frag).Text()
		if _, ok := quote.Find(text, q); !ok {
			t.Errorf("%s/%s: paragraph #%s does not hold the quote %q", owner, slug, frag, q)
		}
	}
	for _, c := range dj.Claims {
		for slug, q := range c.Sources {
			if q.Quote != "" {
				checkQuote(c.ID, slug, q.Quote, q.URL)
			}
		}
	}
	for _, e := range dj.Events {
		for slug, q := range e.Sources {
			checkQuote(e.ID, slug, q.Quote, q.URL)
		}
	}

	// The timeline: every event, in date order (ties by id), with its
	// permalink and a <time datetime> of its date.
	page, _ := o.File("timeline.html")
	tl, _ := goquery.NewDocumentFromReader(bytes.NewReader(page))
	var order []string
	tl.Find("li.event").Each(func(_ int, s *goquery.Selection) { order = append(order, s.AttrOr("id", "")) })
	if len(order) != len(dj.Events) || len(order) == 0 {
		t.Fatalf("timeline.html has %d events, dossier.json %d", len(order), len(dj.Events))
	}
	for i, e := range dj.Events {
		if order[i] != e.ID {
			t.Errorf("event %d on the page is %q, want %q", i, order[i], e.ID)
		}
		if i > 0 && dj.Events[i-1].Date > e.Date {
			t.Errorf("events out of date order: %s before %s", dj.Events[i-1].ID, e.ID)
		}
		li := tl.Find("#" + e.ID)
		if li.Find(`a.permalink[href="#`+e.ID+`"]`).Length() != 1 {
			t.Errorf("event %s has no permalink", e.ID)
		}
		if li.Find(`time[datetime="`+e.Date+`"]`).Length() == 0 {
			t.Errorf("event %s has no <time datetime=%q>", e.ID, e.Date)
		}
		if e.URL != "timeline.html#"+e.ID {
			t.Errorf("event %s url %q", e.ID, e.URL)
		}
	}
}

// checkSite checks every page of a built site with goquery: ids are
// unique, every internal link resolves to a file (never a folder) and
// its fragment to an id of the target page, and nothing is fetched from
// another origin.
func checkSite(t *testing.T, o *Output) {
	t.Helper()
	docs := map[string]*goquery.Document{}
	for _, p := range o.Paths() {
		if !strings.HasSuffix(p, ".html") {
			continue
		}
		data, _ := o.File(p)
		doc, err := goquery.NewDocumentFromReader(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		docs[p] = doc
		if n := doc.Find("h1").Length(); n != 1 {
			t.Errorf("%s: %d h1 elements, want 1", p, n)
		}
		seen := map[string]bool{}
		doc.Find("[id]").Each(func(_ int, s *goquery.Selection) {
			id := s.AttrOr("id", "")
			if seen[id] {
				t.Errorf("%s: duplicate id %q", p, id)
			}
			seen[id] = true
		})
	}
	for p, doc := range docs {
		if p == "404.html" {
			continue
		}
		doc.Find("a[href], link[rel=stylesheet], link[rel=icon], img[src], script[src], iframe[src]").Each(func(_ int, s *goquery.Selection) {
			ref := s.AttrOr("href", s.AttrOr("src", ""))
			u, err := url.Parse(ref)
			if err != nil {
				t.Errorf("%s: bad link %q", p, ref)
				return
			}
			if u.Scheme != "" || u.Host != "" {
				if goquery.NodeName(s) != "a" {
					t.Errorf("%s: resource from another origin: %s", p, ref)
				} else if !strings.Contains(s.AttrOr("rel", ""), "noopener") {
					t.Errorf("%s: outbound link without rel=noopener: %s", p, ref)
				}
				return
			}
			target := p
			if u.Path != "" {
				target = path.Join(path.Dir(p), u.Path)
			}
			if _, ok := o.File(target); !ok {
				t.Errorf("%s: link %q: no file %s", p, ref, target)
				return
			}
			if u.Fragment != "" {
				if d := docs[target]; d == nil || d.Find("#"+u.Fragment).Length() == 0 {
					t.Errorf("%s: link %q: no id %q in %s", p, ref, u.Fragment, target)
				}
			}
		})
	}
}

func TestDeterministic(t *testing.T) {
	a, err := Build(repoConfig())
	if err != nil {
		t.Fatal(err)
	}
	b, err := Build(repoConfig())
	if err != nil {
		t.Fatal(err)
	}
	sameSite(t, a, b)
}

func TestMinifyIdempotent(t *testing.T) {
	o, err := Build(repoConfig())
	if err != nil {
		t.Fatal(err)
	}
	m := newMinifier()
	for _, p := range o.Paths() {
		mt, ok := mediaTypes[path.Ext(p)]
		if !ok {
			continue
		}
		once, _ := o.File(p)
		twice, err := m.Bytes(mt, once)
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		if !bytes.Equal(once, twice) {
			t.Errorf("%s: minify is not idempotent", p)
		}
	}
}

func TestWriteAndDiff(t *testing.T) {
	o, err := Build(repoConfig())
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "public")
	if diffs, _ := o.Diff(dir); len(diffs) != 1 || !strings.HasPrefix(diffs[0], "missing: ") {
		t.Errorf("Diff before any build = %v", diffs)
	}
	if err := o.Write(dir); err != nil {
		t.Fatal(err)
	}
	if diffs, err := o.Diff(dir); err != nil || len(diffs) != 0 {
		t.Fatalf("Diff after Write = %v, %v", diffs, err)
	}
	os.WriteFile(filepath.Join(dir, "extra.html"), []byte("x"), 0o644)
	os.WriteFile(filepath.Join(dir, "index.html"), []byte("stale"), 0o644)
	os.Remove(filepath.Join(dir, "claims.html"))
	diffs, _ := o.Diff(dir)
	want := []string{"missing: claims.html", "extra: extra.html", "stale: index.html"}
	if !slices.Equal(diffs, want) {
		t.Errorf("Diff = %q, want %q", diffs, want)
	}
	// A second Write removes what no longer belongs.
	if err := o.Write(dir); err != nil {
		t.Fatal(err)
	}
	if diffs, _ := o.Diff(dir); len(diffs) != 0 {
		t.Errorf("after rewrite: %v", diffs)
	}
	nothingBeside(t, dir)
}

// TestWriteFailureKeepsOldOutput makes Write fail half way and checks
// that the previous build is untouched.
func TestWriteFailureKeepsOldOutput(t *testing.T) {
	_, dir := writtenRepo(t)
	before := snapshot(t, dir)
	bad := &Output{files: map[string][]byte{"a.html": []byte("x"), "a.html/b.html": []byte("y"), "dossier.json": nil}}
	if err := bad.Write(dir); err == nil {
		t.Fatal("Write of an impossible tree succeeded")
	}
	if after := snapshot(t, dir); !maps.Equal(before, after) {
		t.Error("a failed Write changed the previous output")
	}
	nothingBeside(t, dir)
}

func TestWriteRefusesForeignFolder(t *testing.T) {
	o, err := Build(repoConfig())
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "thesis.docx"), []byte("precious"), 0o644)
	err = o.Write(dir)
	if err == nil || !strings.Contains(err.Error(), "refusing to replace") {
		t.Fatalf("Write into a foreign folder: %v", err)
	}
	if data, _ := os.ReadFile(filepath.Join(dir, "thesis.docx")); string(data) != "precious" {
		t.Error("foreign file touched")
	}
}

func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	m := map[string]string{}
	filepath.WalkDir(dir, func(p string, e os.DirEntry, err error) error {
		if err == nil && !e.IsDir() {
			data, _ := os.ReadFile(p)
			m[p] = string(data)
		}
		return nil
	})
	return m
}

func BenchmarkBuildRepository(b *testing.B) {
	cfg := repoConfig()
	for b.Loop() {
		if _, err := Build(cfg); err != nil {
			b.Fatal(err)
		}
	}
}

// TestInjection builds a dossier whose capture, sidecar, claims and
// dossier.yaml carry markup, and checks that none of it became markup.
func TestInjection(t *testing.T) {
	cfg := caseConfig(t, "testdata/injection.txt")
	o, err := Build(cfg)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range o.Paths() {
		if !strings.HasSuffix(p, ".html") {
			continue
		}
		data, _ := o.File(p)
		doc, err := goquery.NewDocumentFromReader(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		doc.Find("script").Each(func(_ int, s *goquery.Selection) {
			if src, ok := s.Attr("src"); ok && strings.HasSuffix(src, "copy.js") && s.Text() == "" {
				return // the site's own copy-link script
			}
			if s.AttrOr("type", "") != "application/ld+json" || strings.Contains(s.Text(), "<") {
				t.Errorf("%s: script element other than escaped JSON-LD: %s", p, s.Text())
			}
		})
		for _, sel := range []string{"script:not([type='application/ld+json']):not([src$='copy.js'])", "iframe", "img", "object", "embed", "b", "i", "[style]"} {
			if n := doc.Find(sel).Length(); n > 0 {
				t.Errorf("%s: %d %s elements from content", p, n, sel)
			}
		}
		doc.Find("*").Each(func(_ int, s *goquery.Selection) {
			for _, a := range s.Nodes[0].Attr {
				if strings.HasPrefix(a.Key, "on") {
					t.Errorf("%s: event handler attribute %s on <%s>", p, a.Key, goquery.NodeName(s))
				}
				if (a.Key == "href" || a.Key == "src" || a.Key == "action") && strings.Contains(strings.ToLower(a.Val), "javascript:") {
					t.Errorf("%s: javascript: URL in %s", p, a.Key)
				}
			}
		})
	}
	page, _ := o.File("sources/wire.html")
	doc, _ := goquery.NewDocumentFromReader(bytes.NewReader(page))
	if text := doc.Find(".article").Text(); !strings.Contains(text, `<script>alert("capture")</script>`) {
		t.Errorf("the capture's markup is not shown as text: %q", text)
	}
}

// TestLinkPreviews checks canonical, Open Graph and Twitter metadata, the
// sitemap, robots.txt and the social card with a base URL, and their
// absence without one.
func TestLinkPreviews(t *testing.T) {
	const base = "https://example.org/dossier/"
	cfg := repoConfig()
	cfg.BaseURL = base
	o, err := Build(cfg)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range o.Paths() {
		if !strings.HasSuffix(p, ".html") || p == "404.html" {
			continue
		}
		data, _ := o.File(p)
		doc, _ := goquery.NewDocumentFromReader(bytes.NewReader(data))
		want := base + strings.TrimSuffix(p, "index.html")
		if got := doc.Find(`link[rel=canonical]`).AttrOr("href", ""); got != want {
			t.Errorf("%s: canonical %q, want %q", p, got, want)
		}
		for _, prop := range []string{"og:title", "og:description", "og:url", "og:type", "og:image", "og:site_name"} {
			v := doc.Find(`meta[property="`+prop+`"]`).AttrOr("content", "")
			if v == "" {
				t.Errorf("%s: no %s", p, prop)
			}
			if (prop == "og:url" || prop == "og:image") && !strings.HasPrefix(v, base) {
				t.Errorf("%s: %s %q is not absolute under the base URL", p, prop, v)
			}
		}
		if doc.Find(`meta[name="twitter:card"]`).AttrOr("content", "") != "summary_large_image" {
			t.Errorf("%s: no twitter:card", p)
		}
		sitemap, _ := o.File("sitemap.xml")
		if !strings.Contains(string(sitemap), "<loc>"+want+"</loc>") {
			t.Errorf("sitemap.xml does not list %s", want)
		}
	}
	page404, _ := o.File("404.html")
	doc, _ := goquery.NewDocumentFromReader(bytes.NewReader(page404))
	doc.Find("a[href], link[href]").Each(func(_ int, s *goquery.Selection) {
		if href := s.AttrOr("href", ""); !strings.HasPrefix(href, base) && !strings.HasPrefix(href, "#") {
			t.Errorf("404.html: link %q is not absolute under the base URL", href)
		}
	})
	robots, _ := o.File("robots.txt")
	if !strings.Contains(string(robots), "Sitemap: "+base+"sitemap.xml") {
		t.Errorf("robots.txt = %q", robots)
	}
	png1, ok := o.File("card.png")
	if !ok {
		t.Fatal("no card.png")
	}
	img, err := png.Decode(bytes.NewReader(png1))
	if err != nil || img.Bounds().Dx() != 1200 || img.Bounds().Dy() != 630 {
		t.Errorf("card.png: %v, %v", err, img.Bounds())
	}
	o2, _ := Build(cfg)
	if png2, _ := o2.File("card.png"); !bytes.Equal(png1, png2) {
		t.Error("card.png differs between two builds")
	}

	// Without a base URL: nothing that needs an absolute URL.
	o, err = Build(repoConfig())
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"sitemap.xml", "robots.txt", "card.png"} {
		if _, ok := o.File(p); ok {
			t.Errorf("%s written without a base URL", p)
		}
	}
	for _, p := range o.Paths() {
		if !strings.HasSuffix(p, ".html") {
			continue
		}
		data, _ := o.File(p)
		doc, _ := goquery.NewDocumentFromReader(bytes.NewReader(data))
		if n := doc.Find(`link[rel=canonical], meta[property="og:url"], meta[property="og:image"]`).Length(); n > 0 {
			t.Errorf("%s: %d absolute-URL tags without a base URL", p, n)
		}
		if !strings.Contains(doc.Find("footer").Text(), "Version ") {
			t.Errorf("%s: no version in the footer", p)
		}
	}
	// 404 without a base URL inlines its style, so it looks right at any depth.
	page404, _ = o.File("404.html")
	doc, _ = goquery.NewDocumentFromReader(bytes.NewReader(page404))
	if doc.Find("style").Length() != 1 || doc.Find(`link[rel=stylesheet]`).Length() != 0 {
		t.Error("404.html without a base URL does not inline its stylesheet")
	}
}

// TestManySources builds a generated dossier with more sources than the
// tables have columns: each claim lists only the sources it cites, and
// the site is still whole.
func TestManySources(t *testing.T) {
	cfg := benchConfig(MaxColumns + 8)
	o, err := Build(cfg)
	if err != nil {
		t.Fatal(err)
	}
	checkSite(t, o)
	page, _ := o.File("claims.html")
	doc, _ := goquery.NewDocumentFromReader(bytes.NewReader(page))
	if n := doc.Find("table.claims").First().Find("thead th").Length(); n != 2 {
		t.Errorf("claims table has %d columns, want 2 (claim, sources)", n)
	}
	if strings.Contains(doc.Find("table.claims").Text(), "not reported") {
		t.Error("a claim lists sources that do not carry it")
	}
}

// TestOwnPages checks that ownPages, the names an editorial page may
// not take, are the pages at the root that a site without editorial
// pages has.
func TestOwnPages(t *testing.T) {
	o, err := Build(configFrom(t, map[string][]byte{
		"content/dossier.yaml":      []byte("title: T\n"),
		"content/sources/wire.txt":  []byte("Officials said China supplied most of Russia's microelectronics imports in 2023.\n"),
		"content/sources/wire.yaml": []byte("outlet: Wire\n"),
	}))
	if err != nil {
		t.Fatal(err)
	}
	var root []string
	for _, p := range o.Paths() {
		if name, ok := strings.CutSuffix(p, ".html"); ok && !strings.Contains(p, "/") {
			root = append(root, name)
		}
	}
	if want := slices.Sorted(slices.Values(ownPages)); !slices.Equal(root, want) {
		t.Errorf("pages at the root %v, ownPages %v", root, want)
	}
}
