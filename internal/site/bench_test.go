package site

import (
	"bytes"
	"crypto/sha256"
	"flag"
	"fmt"
	"html/template"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"strconv"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/gen-dossier/gen/internal/cache"
	"github.com/gen-dossier/gen/internal/clean"
	"github.com/gen-dossier/gen/internal/content"
	"github.com/gen-dossier/gen/internal/corpus"
	"github.com/gen-dossier/gen/internal/crosscheck"
	"github.com/gen-dossier/gen/internal/diag"
	"github.com/gen-dossier/gen/internal/markdown"
	"github.com/gen-dossier/gen/internal/render"
)

// The benchmarks build the committed dossier (N=3) and generated ones
// (internal/corpus) of 100 and 1,000 sources; -bench-large adds 10,000
// (or set GEN_BENCH_LARGE=1), and GEN_BENCH_SIZES=3,100 picks other
// sizes. Each reports ns/source, MB/s of raw
// captures, allocations and the peak heap of one build.
var benchLarge = flag.Bool("bench-large", false, "also benchmark a generated dossier of 10,000 sources")

// GEN_BENCH_SIZES=3,100 picks other sizes.
func benchSizes() []int {
	sizes := []int{3, 100, 1000}
	if env := os.Getenv("GEN_BENCH_SIZES"); env != "" {
		sizes = nil
		for _, f := range strings.Split(env, ",") {
			if n, err := strconv.Atoi(strings.TrimSpace(f)); err == nil && n > 0 {
				sizes = append(sizes, n)
			}
		}
	}
	if *benchLarge || os.Getenv("GEN_BENCH_LARGE") != "" {
		sizes = append(sizes, 10000)
	}
	return sizes
}

var (
	corpusMu    sync.Mutex
	corpusCache = map[int]fstest.MapFS{}
)

// benchConfig returns the configuration of a dossier of n sources: the
// committed one for 3, a generated one otherwise.
func benchConfig(n int) Config {
	cfg := repoConfig()
	if n == 3 {
		return cfg
	}
	corpusMu.Lock()
	defer corpusMu.Unlock()
	fsys := corpusCache[n]
	if fsys == nil {
		fsys = fstest.MapFS{}
		for p, data := range corpus.Generate(n) {
			fsys[p] = &fstest.MapFile{Data: data}
		}
		corpusCache[n] = fsys
	}
	cfg.Content = fsys
	return cfg
}

// rawBytes is the size of every capture of the dossier.
func rawBytes(d *content.Dossier) int64 {
	var n int64
	for _, s := range d.Sources {
		n += s.Size
	}
	return n
}

// peakHeap samples the heap while f runs, every 200µs, and reports
// its peak above the heap before f, in MiB; it also returns it.
func peakHeap(b *testing.B, f func()) float64 {
	runtime.GC()
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	read := func() uint64 {
		metrics.Read(sample)
		return sample[0].Value.Uint64()
	}
	base := read()
	var peak uint64
	done := make(chan struct{})
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		for {
			if v := read(); v > peak {
				peak = v
			}
			select {
			case <-done:
				return
			case <-time.After(200 * time.Microsecond):
			}
		}
	}()
	f()
	close(done)
	<-stopped
	if v := read(); v > peak {
		peak = v
	}
	mib := float64(peak-min(base, peak)) / (1 << 20)
	b.ReportMetric(mib, "peak-heap-MiB")
	return mib
}

// perSource reports ns/source and MB/s of captures.
func perSource(b *testing.B, sources int, raw int64) {
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(sources), "ns/source")
	b.SetBytes(raw)
}

func loadBench(b *testing.B, n int) (Config, *content.Dossier) {
	cfg := benchConfig(n)
	d, err := content.Load(cfg.Content, "content")
	if err != nil {
		b.Fatal(err)
	}
	return cfg, d
}

// BenchmarkBuild is the whole build in memory: load, clean, quotes,
// coverage guard, figures, Markdown, templates, link check, minify.
func BenchmarkBuild(b *testing.B) {
	for _, n := range benchSizes() {
		b.Run(fmt.Sprintf("N=%d", n), func(b *testing.B) {
			cfg, d := loadBench(b, n)
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if i == 0 {
					peakHeap(b, func() { mustBuild(b, cfg) })
					continue
				}
				mustBuild(b, cfg)
			}
			perSource(b, len(d.Sources), rawBytes(d))
		})
	}
}

// BenchmarkBuildTo is the whole build as gen build runs it: streamed
// into a folder that holds the same build (a rebuild with nothing
// changed), its peak heap that of a build holding no more than its
// workers' articles and the pages about all the sources.
func BenchmarkBuildTo(b *testing.B) {
	for _, n := range benchSizes() {
		b.Run(fmt.Sprintf("N=%d", n), func(b *testing.B) {
			cfg, d := loadBench(b, n)
			dir := filepath.Join(b.TempDir(), "public")
			if _, err := BuildTo(cfg, dir); err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				build := func() {
					if _, err := BuildTo(cfg, dir); err != nil {
						b.Fatal(err)
					}
				}
				if i == 0 {
					peakHeap(b, build)
					continue
				}
				build()
			}
			perSource(b, len(d.Sources), rawBytes(d))
		})
	}
}

// BenchmarkBuildToCached is BenchmarkBuildTo with a build cache that an
// earlier build filled: a rebuild after claims or templates changed, or
// with nothing changed, as gen build runs it, the cache opened and
// closed by each build.
func BenchmarkBuildToCached(b *testing.B) {
	for _, n := range benchSizes() {
		b.Run(fmt.Sprintf("N=%d", n), func(b *testing.B) {
			cfg, d := loadBench(b, n)
			dir := filepath.Join(b.TempDir(), "public")
			cacheDir := b.TempDir()
			build := func() {
				c, err := cache.Open(cacheDir, []byte("bench"))
				if err != nil {
					b.Fatal(err)
				}
				cfg.Cache = c
				_, err = BuildTo(cfg, dir)
				if cerr := c.Close(false); err != nil || cerr != nil {
					b.Fatal(err, cerr)
				}
			}
			build()
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if i == 0 {
					peakHeap(b, build)
					continue
				}
				build()
			}
			perSource(b, len(d.Sources), rawBytes(d))
		})
	}
}

func mustBuild(b *testing.B, cfg Config) *Output {
	o, err := Build(cfg)
	if err != nil {
		b.Fatal(err)
	}
	return o
}

// BenchmarkWrite writes a built site into a folder that holds the same
// build (nothing changed), and into an empty one (first build).
func BenchmarkWrite(b *testing.B) {
	for _, n := range benchSizes() {
		cfg, d := loadBench(b, n)
		o := mustBuild(b, cfg)
		b.Run(fmt.Sprintf("unchanged/N=%d", n), func(b *testing.B) {
			dir := filepath.Join(b.TempDir(), "public")
			if err := o.Write(dir); err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if err := o.Write(dir); err != nil {
					b.Fatal(err)
				}
			}
			perSource(b, len(d.Sources), rawBytes(d))
		})
		b.Run(fmt.Sprintf("fresh/N=%d", n), func(b *testing.B) {
			root := b.TempDir()
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if err := o.Write(filepath.Join(root, fmt.Sprint(i))); err != nil {
					b.Fatal(err)
				}
			}
			perSource(b, len(d.Sources), rawBytes(d))
		})
	}
}

// stageInput is what the stages work on: the dossier, its cleaned
// sources, a builder run through every stage, and the pages it renders.
type stageInput struct {
	d       *content.Dossier
	raws    [][]byte   // captures by source
	bodies  [][]byte   // Markdown bodies by source
	texts   [][]string // block texts by source
	sources []*source  // cleaned, quotes located, articles highlighted
	bl      *builder   // run through the coverage guard
	tmpl    *render.Templates
	pages   map[string][]byte // the pages before minifying
	paths   map[string]bool   // every file of the site
	rawSize int64
}

var (
	stageMu    sync.Mutex
	stageCache = map[int]*stageInput{}
)

func stages(b *testing.B, n int) *stageInput {
	stageMu.Lock()
	defer stageMu.Unlock()
	if in := stageCache[n]; in != nil {
		return in
	}
	cfg, d := loadBench(b, n)
	o := mustBuild(b, cfg) // content errors surface here first
	in := &stageInput{d: d, rawSize: rawBytes(d), pages: map[string][]byte{}, paths: map[string]bool{}}
	for _, p := range o.Paths() {
		in.paths[p] = true
	}
	tmpl, err := render.Parse(cfg.Templates)
	if err != nil {
		b.Fatal(err)
	}
	bl, err := load(cfg, &memory{files: map[string][]byte{}})
	if err != nil {
		b.Fatal(err)
	}
	bl.site = bl.siteView()
	if err := bl.eachSource(tmpl); err != nil {
		b.Fatal(err)
	}
	bl.views()
	marks := bl.marksBySource()
	var errs diag.List
	for _, cs := range d.Sources {
		raw, err := cs.Capture(cfg.Content)
		if err != nil {
			b.Fatal(err)
		}
		in.raws = append(in.raws, raw)
		s := bl.cleanSource(cs, raw, sha256.Sum256(raw), &errs)
		s.view = bl.sourceView(s, &errs)
		s.urls = bl.bySlug[cs.Slug].urls
		if s.view.Article, err = s.highlight(marks[cs.Slug]); err != nil {
			b.Fatal(err)
		}
		in.sources = append(in.sources, s)
		a, err := clean.Clean(path.Base(cs.File), raw) // its blocks, which the source drops
		if err != nil {
			b.Fatal(err)
		}
		var body bytes.Buffer
		a.WriteBody(&body)
		in.bodies = append(in.bodies, body.Bytes())
		in.texts = append(in.texts, s.texts)
	}
	if err := errs.Err(); err != nil {
		b.Fatal(err)
	}
	in.bl, in.tmpl = bl, tmpl
	in.render(b)
	stageCache[n] = in
	return in
}

// render renders every page of the site into in.pages.
func (in *stageInput) render(b *testing.B) {
	bl := in.bl
	for _, s := range in.sources {
		html, err := bl.render(in.tmpl, "source", s.view.Page, s.view.Outlet, &render.Page{Source: s.view})
		if err != nil {
			b.Fatal(err)
		}
		in.pages[s.view.Page] = html
	}
	rows, err := bl.rows(in.tmpl) // the claims table's rows, rendered and minified as pages does
	if err != nil {
		b.Fatal(err)
	}
	withRows := claimsSite(bl.site)
	for i, c := range withRows.Claims {
		c.Row = template.HTML(rows[i])
	}
	for _, kind := range []string{"index", "claims", "timeline", "404"} {
		page := &render.Page{}
		if kind == "claims" {
			page.Site = withRows
		}
		html, err := bl.render(in.tmpl, kind, kind+".html", kind, page)
		if err != nil {
			b.Fatal(err)
		}
		in.pages[kind+".html"] = html
	}
}

// BenchmarkStage measures each stage of the build on its own.
func BenchmarkStage(b *testing.B) {
	for _, n := range benchSizes() {
		in := stages(b, n)
		sources := len(in.d.Sources)
		run := func(name string, f func()) {
			b.Run(fmt.Sprintf("%s/N=%d", name, n), func(b *testing.B) {
				b.ReportAllocs()
				b.ResetTimer()
				for i := 0; i < b.N; i++ {
					if i == 0 {
						peakHeap(b, f)
						continue
					}
					f()
				}
				perSource(b, sources, in.rawSize)
			})
		}
		run("load", func() {
			if _, err := content.Load(in.bl.cfg.Content, "content"); err != nil {
				b.Fatal(err)
			}
		})
		run("clean", func() {
			for i, s := range in.d.Sources {
				if _, err := clean.Clean(path.Base(s.File), in.raws[i]); err != nil {
					b.Fatal(err)
				}
			}
		})
		md := markdown.New()
		run("markdown", func() {
			for _, body := range in.bodies {
				if _, err := md.Convert(body); err != nil {
					b.Fatal(err)
				}
			}
		})
		quotes := in.bl.quotesBySource()
		run("quotes", func() {
			// As the build verifies quotes: every claim and event quote
			// located in its source's normalized paragraphs.
			var errs, warnings diag.List
			for _, s := range in.sources {
				for _, q := range quotes[s.Slug] {
					s.locate(q, &errs, &warnings)
				}
			}
			if errs.Err() != nil {
				b.Fatal(errs.Err())
			}
		})
		run("coverage", func() {
			// As the build does it: the claims' terms, what the guard
			// keeps of every source, as the source workers keep it, and
			// every claim's near misses.
			in.bl.vocab = crosscheck.NewVocab(in.bl.claimTexts())
			for i, s := range in.bl.sources {
				s.kept = in.bl.vocab.Keep(in.texts[i])
			}
			in.bl.warnings = nil
			in.bl.coverage()
		})
		run("figures", func() {
			var all []crosscheck.SourceFigures
			for i, s := range in.sources {
				all = append(all, crosscheck.SourceFigures{Source: s.Slug, Figures: crosscheck.Figures(in.texts[i])})
			}
			crosscheck.Group(all)
		})
		// What the build cache spares a source (clean, markdown and
		// figures), read from it instead: the value found, read back.
		c, err := cache.Open(b.TempDir(), []byte("bench"))
		if err != nil {
			b.Fatal(err)
		}
		keys := make([]cache.Key, len(in.sources))
		for i, s := range in.sources {
			keys[i] = c.Key(s.Slug)
			c.Put(keys[i], s.appendWire(nil))
		}
		run("cache", func() {
			var buf []byte
			for i := range in.sources {
				var ok bool
				var s source
				if buf, ok = c.Get(keys[i], buf); !ok || !s.readWire(buf) {
					b.Fatal("a source does not read back from the cache")
				}
			}
		})
		c.Close(false)
		run("templates", func() { in.render(b) })
		m := newMinifier()
		minified := map[string][]byte{}
		for p, data := range in.pages {
			out, err := m.Bytes("text/html", data)
			if err != nil {
				b.Fatal(err)
			}
			minified[p] = out
		}
		run("linkcheck", func() {
			var l linkChecker
			for p, data := range minified {
				if err := l.scan(p, data, p == "404.html"); err != nil {
					b.Fatal(err)
				}
			}
			l.problems(in.paths)
		})
		run("minify", func() {
			for _, data := range in.pages {
				if _, err := m.Bytes("text/html", data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
