package site

import (
	"bytes"
	"crypto/sha256"
	"flag"
	"fmt"
	"maps"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"unsafe"

	"github.com/gen-dossier/gen/internal/cache"
	"github.com/gen-dossier/gen/internal/content"
	"github.com/gen-dossier/gen/internal/crosscheck"
	"github.com/gen-dossier/gen/internal/diag"
)

// openCache opens a cache in dir for the tests.
func openCache(t *testing.T, dir string) *cache.Cache {
	t.Helper()
	c, err := cache.Open(dir, []byte("site tests"))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// sameSite fails unless a and b are the same files, byte for byte.
func sameSite(t *testing.T, a, b *Output) {
	t.Helper()
	if !slices.Equal(a.Paths(), b.Paths()) {
		t.Fatalf("paths differ:\n%v\n%v", a.Paths(), b.Paths())
	}
	for _, p := range a.Paths() {
		x, _ := a.File(p)
		y, _ := b.File(p)
		if !bytes.Equal(x, y) {
			t.Errorf("%s differs", p)
		}
	}
}

// TestCacheSameSite: a build with the cache, empty, full or damaged, is
// the build without it, and a full cache spares every cleaning.
func TestCacheSameSite(t *testing.T) {
	for _, n := range []int{3, 30} {
		cfg := benchConfig(n)
		want, err := Build(cfg)
		if err != nil {
			t.Fatal(err)
		}
		dir := t.TempDir()
		for _, step := range []struct {
			name   string
			before func()
			cached func(sources int) bool
		}{
			{"empty", func() {}, func(int) bool { return false }},
			{"full", func() {}, func(n int) bool { return true }},
			{"damaged", func() {
				packs, _ := filepath.Glob(filepath.Join(dir, "pack-*"))
				b, _ := os.ReadFile(packs[0])
				b[100] ^= 0x55 // in the first source's value
				os.WriteFile(packs[0], b, 0o644)
			}, nil},
		} {
			step.before()
			cfg.Cache = openCache(t, dir)
			got, err := Build(cfg)
			if cerr := cfg.Cache.Close(false); err != nil || cerr != nil {
				t.Fatalf("%d sources, %s cache: %v %v", n, step.name, err, cerr)
			}
			sameSite(t, want, got)
			hits, sources := got.Report.Stats.Cached, got.Report.Stats.Sources
			switch {
			case step.cached == nil && hits != sources-1:
				t.Errorf("%d sources, damaged cache: %d read from it, want all but one", n, hits)
			case step.cached != nil && step.cached(sources) != (hits == sources) || step.cached != nil && !step.cached(sources) && hits != 0:
				t.Errorf("%d sources, %s cache: %d of %d read from it", n, step.name, hits, sources)
			}
		}
	}
}

// TestCacheChangedCapture: a changed capture is cleaned again, the
// others are read from the cache, and the site is the fresh build's.
func TestCacheChangedCapture(t *testing.T) {
	cfg := benchConfig(12)
	dir := t.TempDir()
	cfg.Cache = openCache(t, dir)
	if _, err := Build(cfg); err != nil {
		t.Fatal(err)
	}
	cfg.Cache.Close(false)

	fsys := maps.Clone(cfg.Content.(fstest.MapFS))
	d, err := content.Load(fsys, "content")
	if err != nil {
		t.Fatal(err)
	}
	changed := d.Sources[3].File[len("content/"):]
	f := *fsys[changed]
	f.Data = append(slices.Clip(f.Data), "\nOne more paragraph of the article, added after the first build, long enough to be kept by the cleaner as body text.\n"...)
	fsys[changed] = &f
	cfg.Content = fsys

	cfg.Cache = nil
	want, err := Build(cfg)
	if err != nil {
		t.Fatal(err)
	}
	cfg.Cache = openCache(t, dir)
	got, err := Build(cfg)
	cfg.Cache.Close(false)
	if err != nil {
		t.Fatal(err)
	}
	sameSite(t, want, got)
	if s := got.Report.Stats; s.Cached != s.Sources-1 {
		t.Errorf("%d of %d sources read from the cache, want all but the changed one", s.Cached, s.Sources)
	}
}

// cleanedSources cleans the sources of a dossier without a cache.
func cleanedSources(t testing.TB, cfg Config) []*source {
	t.Helper()
	b, err := load(cfg, nil)
	if err != nil {
		t.Fatal(err)
	}
	var out []*source
	for _, cs := range b.d.Sources {
		var errs diag.List
		s := b.readSource(cs, &errs)
		if s == nil {
			t.Fatal(errs)
		}
		out = append(out, s)
	}
	return out
}

// TestSourceWire: what cleaning a source gives reads back as it was
// written, figures sharing the paragraphs' memory.
func TestSourceWire(t *testing.T) {
	for _, n := range []int{3, 30} {
		for _, s := range cleanedSources(t, benchConfig(n)) {
			var got source
			if !got.readWire(s.appendWire(nil)) {
				t.Fatalf("%s: what appendWire wrote does not read back", s.Slug)
			}
			for _, f := range []struct {
				name      string
				got, want any
			}{
				{"article", got.article, s.article},
				{"doc", got.doc, s.doc},
				{"published", got.published, s.published},
				{"texts", got.texts, s.texts},
				{"figures", got.figures, s.figures},
			} {
				if !reflect.DeepEqual(f.got, f.want) {
					t.Errorf("%s: %s read back as\n%+v\nwant\n%+v", s.Slug, f.name, f.got, f.want)
				}
			}
			if len(got.figures) > 0 && !shares(got.figures[0].Sentence, got.texts[got.figures[0].Para]) {
				t.Errorf("%s: a figure's sentence read back is a copy, not a part of its paragraph", s.Slug)
			}
		}
	}
}

// shares reports whether part is held in the memory of s.
func shares(part, s string) bool {
	if len(part) == 0 || len(s) == 0 {
		return false
	}
	p, b := uintptr(unsafe.Pointer(unsafe.StringData(part))), uintptr(unsafe.Pointer(unsafe.StringData(s)))
	return p >= b && p+uintptr(len(part)) <= b+uintptr(len(s))
}

// wireSeeds are the seeds of FuzzSourceWire: the committed dossier's
// sources, each cut to its first paragraphs, as appendWire writes them.
// They are kept in testdata/fuzz rather than made by the fuzz target,
// whose set-up would otherwise run in every fuzzing process.
func wireSeeds(t *testing.T) map[string][]byte {
	seeds := map[string][]byte{}
	for _, s := range cleanedSources(t, benchConfig(3)) {
		n := min(len(s.texts), 3)
		s.texts, s.doc.Blocks = s.texts[:n], s.doc.Blocks[:n]
		s.doc.HTML = s.doc.HTML[:min(len(s.doc.HTML), 200)]
		s.article.Removed = s.article.Removed[:min(len(s.article.Removed), 2)]
		s.figures = crosscheck.Figures(s.texts)
		seeds["source-"+s.Slug] = s.appendWire(nil)
	}
	return seeds
}

// TestSourceWireSeeds keeps FuzzSourceWire's seeds in the form
// appendWire writes now; -update rewrites them.
func TestSourceWireSeeds(t *testing.T) {
	for name, b := range wireSeeds(t) {
		file := filepath.Join("testdata", "fuzz", "FuzzSourceWire", name)
		want := fmt.Sprintf("go test fuzz v1\n[]byte(%q)\n", b)
		if got, err := os.ReadFile(file); err == nil && string(got) == want {
			continue
		}
		if f := flag.Lookup("update"); f == nil || f.Value.String() != "true" {
			t.Errorf("%s is not what appendWire writes now: run go test ./internal/site -run TestSourceWireSeeds -update", file)
			continue
		}
		os.MkdirAll(filepath.Dir(file), 0o755)
		if err := os.WriteFile(file, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// FuzzSourceWire: any bytes either read back as a source, which then
// writes and reads back stably, or are refused without a panic.
func FuzzSourceWire(f *testing.F) {
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, b []byte) {
		var s source
		if !s.readWire(b) {
			if s.article != nil || s.doc != nil || s.texts != nil || s.figures != nil {
				t.Fatal("a refused value left something set")
			}
			return
		}
		once := s.appendWire(nil)
		var again source
		if !again.readWire(once) {
			t.Fatal("what was read, written again, does not read back")
		}
		if twice := again.appendWire(nil); !bytes.Equal(once, twice) {
			t.Fatalf("writing what was read is not stable:\n%q\n%q", once, twice)
		}
		// What the guard and the figures table do with them must not panic.
		v := crosscheck.NewVocab(slices.Values(s.texts))
		crosscheck.NewGuardOf(v, []*crosscheck.Kept{v.Keep(s.texts)}).NearMisses(s.texts, nil)
		crosscheck.Group([]crosscheck.SourceFigures{{Source: "a", Figures: s.figures}, {Source: "b", Figures: s.figures}})
		for _, fg := range s.figures {
			fg.Words()
			_ = s.doc.Blocks[fg.Para].ID
		}
	})
}

// TestCheckIgnoresCache: a check is a fresh build, whatever the cache
// holds; here, each source's value is another source's.
func TestCheckIgnoresCache(t *testing.T) {
	cfg := benchConfig(5)
	dir := filepath.Join(t.TempDir(), "public")
	if _, err := BuildTo(cfg, dir); err != nil {
		t.Fatal(err)
	}
	cacheDir := t.TempDir()
	c := openCache(t, cacheDir)
	b, err := load(cfg, nil)
	if err != nil {
		t.Fatal(err)
	}
	srcs := cleanedSources(t, cfg)
	for i, cs := range b.d.Sources {
		raw, err := cs.Capture(cfg.Content)
		if err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256(raw)
		c.Put(c.Key("source", path.Base(cs.File), string(sum[:])), srcs[(i+1)%len(srcs)].appendWire(nil))
	}
	c.Close(false)

	cfg.Cache = openCache(t, cacheDir)
	defer cfg.Cache.Close(false)
	if _, err := Build(cfg); err == nil || !strings.Contains(err.Error(), "quote not found") {
		t.Fatalf("a build reading the poisoned cache: %v, want its quotes not found", err)
	}
	_, diffs, err := Check(cfg, dir)
	if err != nil || len(diffs) > 0 {
		t.Fatalf("check with a poisoned cache: %v %v", err, diffs)
	}
}
