package browsertest

import (
	"context"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/gen-dossier/gen/internal/quote"
)

// A recorder collects what goes wrong in a tab while it loads pages: console
// errors, uncaught exceptions, failed requests and requests that leave the
// site. The browser calls event on the goroutine that reads its messages,
// so event only takes a lock and appends.
type recorder struct {
	base string // every request must start with it

	mu       sync.Mutex
	problems []string
	urls     map[network.RequestID]string
}

func (r *recorder) add(format string, args ...any) {
	r.problems = append(r.problems, fmt.Sprintf(format, args...))
}

func (r *recorder) event(ev any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	switch ev := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeAssert {
			var args []string
			for _, a := range ev.Args {
				if a.Value != nil {
					args = append(args, string(a.Value))
				} else {
					args = append(args, a.Description)
				}
			}
			r.add("console.%s: %s", ev.Type, strings.Join(args, " "))
		}
	case *runtime.EventExceptionThrown:
		d := ev.ExceptionDetails
		msg := d.Text
		if d.Exception != nil {
			msg += " " + d.Exception.Description
		}
		r.add("uncaught exception at %s:%d: %s", d.URL, d.LineNumber+1, msg)
	case *log.EventEntryAdded:
		if e := ev.Entry; e.Level == log.EntryLevelError {
			r.add("browser console error: %s (%s)", e.Text, e.URL)
		}
	case *network.EventRequestWillBeSent:
		u := ev.Request.URL
		r.urls[ev.RequestID] = u
		if !strings.HasPrefix(u, r.base) {
			r.add("request outside the site %s: %s", r.base, u)
		}
	case *network.EventLoadingFailed:
		// A request the browser cancelled, because the tab moved on to the
		// next page, is not a failure of the site: a missing file fails
		// with a status or a net:: error of its own.
		if !ev.Canceled {
			r.add("request failed: %s: %s", r.urls[ev.RequestID], ev.ErrorText)
		}
	case *network.EventResponseReceived:
		if ev.Response.Status >= 400 {
			r.add("request failed: %s: HTTP status %d", ev.Response.URL, ev.Response.Status)
		}
	}
}

// take returns the problems recorded since the last call.
func (r *recorder) take() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	p := r.problems
	r.problems = nil
	return p
}

// newTab opens a tab of the shared browser with a viewport width pixels
// wide, and a recorder for pages under base. The tab closes when t ends.
func newTab(t *testing.T, base string, width int64) (context.Context, *recorder) {
	t.Helper()
	ctx, cancel := chromedp.NewContext(browser(t))
	t.Cleanup(cancel)
	ctx, cancelTimeout := context.WithTimeout(ctx, 2*time.Minute)
	t.Cleanup(cancelTimeout)
	rec := &recorder{base: base, urls: make(map[network.RequestID]string)}
	if err := chromedp.Listen(ctx, rec.event); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(width, viewportHeight)); err != nil {
		t.Fatal(err)
	}
	return ctx, rec
}

// load navigates the tab to u and waits until the page has loaded.
func load(t *testing.T, ctx context.Context, u string) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.Navigate(u)); err != nil {
		t.Fatalf("loading %s: %v", u, err)
	}
}

// eval evaluates a JavaScript expression in the tab and decodes its JSON
// result into a T.
func eval[T any](t *testing.T, ctx context.Context, expr string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		t.Fatalf("evaluating %.60q…: %v", expr, err)
	}
	return v
}

// bases are the two ways a reader opens the site.
func bases() []struct{ name, url string } {
	return []struct{ name, url string }{{"http", httpBase}, {"file", fileBase}}
}

// overflowJS measures whether the page scrolls sideways, and names the
// elements that stick out of the viewport (outside any scroll container).
const overflowJS = `(() => {
	const de = document.documentElement, w = de.clientWidth;
	const culprits = [];
	if (de.scrollWidth > w) {
		for (const el of document.body.querySelectorAll('*')) {
			const r = el.getBoundingClientRect();
			if (r.width === 0 || r.right <= w + 0.5) continue;
			let p = el.parentElement, clipped = false;
			for (; p && p !== document.body; p = p.parentElement) {
				if (getComputedStyle(p).overflowX !== 'visible') { clipped = true; break; }
			}
			if (clipped) continue;
			let name = el.tagName.toLowerCase();
			if (el.id) name += '#' + el.id;
			if (el.classList.length) name += '.' + [...el.classList].join('.');
			culprits.push(name + ' (right edge ' + Math.round(r.right) + 'px)');
			if (culprits.length === 5) break;
		}
	}
	return {scrollWidth: de.scrollWidth, clientWidth: w, culprits};
})()`

type overflow struct {
	ScrollWidth int      `json:"scrollWidth"`
	ClientWidth int      `json:"clientWidth"`
	Culprits    []string `json:"culprits"`
}

// structureJS lists what a page lacks for readers of assistive technology
// beyond axe-core's default rules: exactly one h1; one banner, navigation,
// main and contentinfo landmark; header cells in every table; a name for
// every SVG that is not hidden; contrast of SVG text, which axe-core skips.
const structureJS = `(() => {
	const problems = [];
	const count = (sel, want, what) => {
		const n = document.querySelectorAll(sel).length;
		if (n !== want) problems.push(n + ' ' + what + ', want ' + want);
	};
	count('h1', 1, 'h1 elements');
	count('body > header', 1, 'page headers (banner)');
	count('nav', 1, 'nav elements');
	count('main', 1, 'main elements');
	count('body > footer', 1, 'page footers (contentinfo)');
	document.querySelectorAll('table').forEach((t, i) => {
		const name = 'table ' + (i + 1) + (t.className ? ' (' + t.className + ')' : '');
		if (!t.querySelector('thead th[scope=col]')) problems.push(name + ' has no column headers');
		if (!t.caption && !t.getAttribute('aria-label') && !t.getAttribute('aria-labelledby')) problems.push(name + ' has no caption');
	});
	document.querySelectorAll('table.claims tbody tr, table.matrix tbody tr').forEach((tr) => {
		if (!tr.querySelector('th[scope=row]')) problems.push('a row of table.' + tr.closest('table').className + ' has no row header');
	});
	document.querySelectorAll('svg').forEach((svg, i) => {
		if (svg.closest('[aria-hidden=true]')) return;
		const ids = (svg.getAttribute('aria-labelledby') || '').split(/\s+/).filter(Boolean);
		const label = (svg.getAttribute('aria-label') || '') + ids.map((id) => (document.getElementById(id) || {}).textContent || '').join(' ');
		if (svg.getAttribute('role') !== 'img') problems.push('svg ' + (i + 1) + ' has no role=img');
		if (label.trim() === '') problems.push('svg ' + (i + 1) + ' has no text alternative');
	});
	// axe-core leaves SVG text out of its colour-contrast rule.
	const rgb = (c) => (c.match(/[\d.]+/g) || []).slice(0, 3).map(Number);
	const lum = (c) => {
		const [r, g, b] = rgb(c).map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
		return 0.2126 * r + 0.7152 * g + 0.0722 * b;
	};
	const paper = getComputedStyle(document.body).backgroundColor;
	document.querySelectorAll('svg text').forEach((el) => {
		const st = getComputedStyle(el), svg = el.ownerSVGElement;
		const px = parseFloat(st.fontSize) * (svg && svg.getScreenCTM() ? svg.getScreenCTM().a : 1);
		const large = px >= 24 || (px >= 18.66 && Number(st.fontWeight) >= 700);
		const [l1, l2] = [lum(st.fill), lum(paper)].sort((x, y) => y - x);
		const ratio = (l1 + 0.05) / (l2 + 0.05);
		if (ratio < (large ? 3 : 4.5)) problems.push('svg text "' + el.textContent + '" has contrast ' + ratio.toFixed(2) + ' (' + st.fill + ' on ' + paper + ')');
	});
	return problems;
})()`

// TestPages loads every page of the site, over HTTP under a subpath and
// from file://, at each width: nothing fails, nothing leaves the site and
// nothing scrolls sideways.
func TestPages(t *testing.T) {
	setup(t)
	for _, b := range bases() {
		for _, w := range widths {
			t.Run(fmt.Sprintf("%s/%d", b.name, w), func(t *testing.T) {
				ctx, rec := newTab(t, b.url, w)
				for _, p := range pages {
					load(t, ctx, b.url+p)
					for _, msg := range rec.take() {
						t.Errorf("%s: %s", p, msg)
					}
					if b.name == "http" && w == widths[0] {
						for _, msg := range eval[[]string](t, ctx, structureJS) {
							t.Errorf("%s: %s", p, msg)
						}
					}
					o := eval[overflow](t, ctx, overflowJS)
					if o.ScrollWidth > o.ClientWidth {
						t.Errorf("%s: the page scrolls sideways at %dpx: scrollWidth %d > clientWidth %d; sticking out: %s",
							p, w, o.ScrollWidth, o.ClientWidth, strings.Join(o.Culprits, ", "))
					}
				}
			})
		}
	}
}

// targetJS describes the element with the given id, after a navigation to
// its fragment.
const targetJS = `((id) => {
	const el = document.getElementById(id);
	if (!el) return {found: false, hash: location.hash, path: location.pathname};
	const r = el.getBoundingClientRect();
	// What a reader sees at the top left of the element: the element,
	// or something stuck over it (a sticky header).
	const hit = document.elementFromPoint(r.left + Math.min(20, r.width / 2), Math.max(r.top, 0) + 4);
	let cover = '';
	if (hit && !el.contains(hit)) {
		cover = hit.tagName.toLowerCase() + (hit.className ? '.' + hit.className : '') + ' "' + hit.textContent.slice(0, 40) + '"';
	}
	return {
		found: true, target: el.matches(':target'), hash: location.hash, path: location.pathname, cover,
		top: r.top, height: r.height, viewport: innerHeight,
		background: getComputedStyle(el).backgroundColor,
		page: getComputedStyle(document.body).backgroundColor,
		text: el.innerText,
	};
})`

type target struct {
	Found      bool    `json:"found"`
	Target     bool    `json:"target"`
	Hash       string  `json:"hash"`
	Path       string  `json:"path"`
	Top        float64 `json:"top"`
	Height     float64 `json:"height"`
	Viewport   float64 `json:"viewport"`
	Background string  `json:"background"`
	Page       string  `json:"page"`
	Text       string  `json:"text"`
	Cover      string  `json:"cover"`
}

// checkTarget reports an error unless the element with the id is the
// page's :target, starts inside the viewport, is highlighted and is not
// covered at its top by anything else. It returns what it measured.
func checkTarget(t *testing.T, ctx context.Context, where, id string) target {
	t.Helper()
	g := eval[target](t, ctx, fmt.Sprintf("%s(%q)", targetJS, id))
	switch {
	case !g.Found:
		t.Errorf("%s: no element has the id %q (at %s%s)", where, id, g.Path, g.Hash)
	case !g.Target:
		t.Errorf("%s: #%s is not the :target (location %s%s)", where, id, g.Path, g.Hash)
	case g.Top < -1 || g.Top >= g.Viewport:
		t.Errorf("%s: #%s is not in the viewport: its top is at %.0fpx, the viewport is %.0fpx high", where, id, g.Top, g.Viewport)
	case g.Background == g.Page || g.Background == "rgba(0, 0, 0, 0)" || g.Background == "transparent":
		t.Errorf("%s: #%s is not highlighted: its background is %s", where, id, g.Background)
	case g.Cover != "":
		t.Errorf("%s: the top of #%s is hidden under %s", where, id, g.Cover)
	}
	return g
}

// TestClaimPermalinks follows each claim's permalink, then each quote link
// of the claim's row to the paragraph that holds the quote.
//
// The permalinks of the first and the last claim are followed from another
// page. Then the claims page is loaded once per width, and every permalink
// is a fragment navigation, as when a reader follows it within the page.
// The quote links of the first claim are clicked; every quote link is then
// followed by its address as the browser resolves it in the claim's row,
// which is what a click does, without reloading the claims page each time.
func TestClaimPermalinks(t *testing.T) {
	setup(t)
	if len(dossier.Claims) == 0 {
		t.Skip("the dossier has no claims")
	}
	type link struct {
		claim, slug, quote, href string
		abs                      string // as the browser resolves href
	}
	for _, b := range bases() {
		for _, w := range widths {
			t.Run(fmt.Sprintf("%s/%d", b.name, w), func(t *testing.T) {
				ctx, rec := newTab(t, b.url, w)
				claims := dossier.Claims[0].URL
				claims, _, _ = strings.Cut(claims, "#")
				// From another page: the browser loads the claims page and
				// scrolls once it is laid out. The last claim is the hardest,
				// near the bottom of the page.
				for _, c := range []int{0, len(dossier.Claims) - 1} {
					c := dossier.Claims[c]
					load(t, ctx, b.url+"index.html")
					load(t, ctx, b.url+c.URL)
					checkTarget(t, ctx, c.URL+" (from another page)", c.ID)
				}
				// Within the page, every claim.
				load(t, ctx, b.url+claims)
				var links []link
				for _, c := range dossier.Claims {
					load(t, ctx, b.url+c.URL)
					checkTarget(t, ctx, c.URL, c.ID)
					for _, slug := range slices.Sorted(maps.Keys(c.Sources)) {
						s := c.Sources[slug]
						if s.URL == "" {
							continue
						}
						abs := eval[string](t, ctx, fmt.Sprintf(`((id, href) => {
							const row = document.getElementById(id);
							const a = row && [...row.querySelectorAll('td a')].find((a) => a.getAttribute('href') === href);
							return a ? a.href : '';
						})(%q, %q)`, c.ID, s.URL))
						if abs == "" {
							t.Errorf("%s: the row has no link to the %s quote, %s", c.URL, slug, s.URL)
							continue
						}
						links = append(links, link{c.URL, slug, s.Quote, s.URL, abs})
					}
				}
				if len(links) == 0 {
					return
				}
				// Click the first claim's quote links, as a reader does.
				for _, l := range links {
					if l.claim != links[0].claim {
						break
					}
					load(t, ctx, b.url+l.claim)
					sel := chromedp.CSS(fmt.Sprintf(`[id=%q] td a[href=%q]`, strings.TrimPrefix(l.claim, claims+"#"), l.href))
					cctx, cancel := context.WithTimeout(ctx, 20*time.Second)
					_, err := chromedp.RunResponse(cctx, chromedp.Click(sel))
					cancel()
					if err != nil {
						t.Errorf("%s: clicking the %s quote: %v", l.claim, l.slug, err)
						continue
					}
					checkQuote(t, ctx, l.claim+" → click on the "+l.slug+" quote", l.href, l.quote)
				}
				// Follow every quote link, grouped by page.
				slices.SortStableFunc(links, func(x, y link) int { return strings.Compare(x.abs, y.abs) })
				for _, l := range links {
					load(t, ctx, l.abs)
					checkQuote(t, ctx, l.claim+" → "+l.slug+" quote", l.href, l.quote)
				}
				for _, msg := range rec.take() {
					t.Error(msg)
				}
			})
		}
	}
}

// checkQuote reports an error unless the page shown is the one href names,
// scrolled to its paragraph, which is highlighted and holds the quote.
func checkQuote(t *testing.T, ctx context.Context, where, href, q string) {
	t.Helper()
	file, frag, _ := strings.Cut(href, "#")
	g := checkTarget(t, ctx, where, frag)
	if !strings.HasSuffix(g.Path, "/"+file) {
		t.Errorf("%s: landed on %s, want …/%s", where, g.Path, file)
	}
	if _, ok := quote.Find(g.Text, q); g.Found && !ok {
		t.Errorf("%s: paragraph #%s does not contain the quote %q; it reads %q", where, frag, q, g.Text)
	}
}

// visibleJS reports, for each selector, whether the first element it
// matches has a box on screen, at least partly inside the page's width.
const visibleJS = `((sels) => sels.map((sel) => {
	const el = document.querySelector(sel);
	if (!el) return sel + ': no such element';
	const r = el.getBoundingClientRect(), s = getComputedStyle(el);
	if (r.width < 1 || r.height < 1) return sel + ': has no box (' + r.width + '×' + r.height + ')';
	if (s.visibility !== 'visible' || s.display === 'none' || s.opacity === '0') return sel + ': is hidden';
	if (r.right <= 0 || r.left >= document.documentElement.clientWidth) return sel + ': is outside the page';
	return '';
}).filter((m) => m !== ''))`

// TestVisible checks that the coverage matrix and the timeline are on
// screen at each width.
func TestVisible(t *testing.T) {
	setup(t)
	want := map[string][]string{
		"index.html":    {"table.matrix", "ol.timeline"},
		"timeline.html": {"ol.timeline"},
	}
	if len(dossier.Claims) == 0 {
		want["index.html"] = want["index.html"][1:]
	}
	for _, w := range widths {
		t.Run(fmt.Sprint(w), func(t *testing.T) {
			ctx, _ := newTab(t, httpBase, w)
			for _, p := range slices.Sorted(maps.Keys(want)) {
				load(t, ctx, httpBase+p)
				sels := want[p]
				// The timeline chart, when the build draws one.
				if eval[bool](t, ctx, `!!document.querySelector('figure.chart svg')`) {
					sels = append(sels, "figure.chart svg")
				}
				js := fmt.Sprintf("%s([%q", visibleJS, sels[0])
				for _, s := range sels[1:] {
					js += fmt.Sprintf(", %q", s)
				}
				for _, msg := range eval[[]string](t, ctx, js+"])") {
					t.Errorf("%s at %dpx: %s", p, w, msg)
				}
			}
		})
	}
}

// TestScreenshots saves full-page screenshots of the main pages at each
// width in screenshots/ at the repository root, for a person to look at.
func TestScreenshots(t *testing.T) {
	setup(t)
	shots := map[string]string{"index": "index.html", "claims": "claims.html", "timeline": "timeline.html"}
	if len(dossier.Sources) > 0 {
		slug := dossier.Sources[0].Slug
		shots["source-"+slug] = "sources/" + slug + ".html"
	}
	dir := filepath.Join(repoRoot, "screenshots")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, w := range widths {
		ctx, _ := newTab(t, httpBase, w)
		for _, name := range slices.Sorted(maps.Keys(shots)) {
			load(t, ctx, httpBase+shots[name])
			png, err := chromedp.Run(ctx, fullPage)
			if err != nil {
				t.Fatalf("%s at %dpx: %v", shots[name], w, err)
			}
			file := filepath.Join(dir, fmt.Sprintf("%s-%d.png", name, w))
			if err := os.WriteFile(file, png, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	t.Logf("screenshots in %s", dir)
}

// fullPage captures the whole page, not only the viewport, as a PNG.
func fullPage(ctx context.Context, tab *chromedp.Target) ([]byte, error) {
	m, err := cdp.Call(ctx, tab, page.GetLayoutMetrics, cdp.Empty{})
	if err != nil {
		return nil, err
	}
	size := m.CSSContentSize
	r, err := cdp.Call(ctx, tab, page.CaptureScreenshot, page.CaptureScreenshotParams{
		Format:                page.CaptureScreenshotFormatPng,
		Clip:                  &page.Viewport{Width: size.Width, Height: size.Height, Scale: 1},
		CaptureBeyondViewport: new(true),
		FromSurface:           new(true),
	})
	if err != nil {
		return nil, err
	}
	return r.Data, nil
}

// TestNotFound asks the HTTP server for addresses that name no file, at
// the top of the site and deeper, as a reader with a stale or mistyped
// link does: the server answers with 404.html, as GitHub Pages does, and
// the page must be styled and load nothing that fails or lies outside the
// site. At the top of the site its links must lead to the pages.
func TestNotFound(t *testing.T) {
	setup(t)
	if !slices.Contains(pages, "404.html") {
		t.Skip("the build has no 404.html")
	}
	for _, missing := range []string{"no-such-page.html", "sources/no-such-source.html", "a/b/c/"} {
		ctx, rec := newTab(t, httpBase, widths[0])
		resp, err := chromedp.Run(ctx, chromedp.NavigateResponse(httpBase+missing))
		if err != nil {
			t.Fatalf("%s: %v", missing, err)
		}
		if resp.Status != 404 {
			t.Errorf("%s: HTTP status %d, want 404", missing, resp.Status)
		}
		for _, msg := range rec.take() {
			if !strings.HasSuffix(msg, httpBase+missing+": HTTP status 404") && !strings.Contains(msg, "404 (Not Found) ("+httpBase+missing+")") {
				t.Errorf("%s: %s", missing, msg)
			}
		}
		styled := eval[bool](t, ctx, `getComputedStyle(document.querySelector('header.site') || document.body).display === 'flex'`)
		if !styled {
			t.Errorf("%s: the 404 page is not styled", missing)
		}
		if strings.Contains(missing, "/") {
			continue
		}
		// The first link of the page's navigation leads to a page of the site.
		if _, err := chromedp.RunResponse(ctx, chromedp.Click(chromedp.CSS("nav a"))); err != nil {
			t.Errorf("%s: following the first navigation link: %v", missing, err)
		}
		for _, msg := range rec.take() {
			t.Errorf("%s → first navigation link: %s", missing, msg)
		}
	}
}
