package site

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/gen-dossier/gen/internal/diag"
	"github.com/gen-dossier/gen/internal/overlay"
	"github.com/gen-dossier/gen/internal/render"
)

// withFiles returns the repository's configuration with files laid over
// its templates or static folder.
func withFiles(templates, static fstest.MapFS) Config {
	cfg := repoConfig()
	if templates != nil {
		cfg.Templates = overlay.New(templates, cfg.Templates)
	}
	if static != nil {
		cfg.Static = overlay.New(static, cfg.Static)
	}
	return cfg
}

// TestSourcePagesSeeKnownSite checks that a source page, made as soon as
// its source is cleaned, sees only the site data known by then, the same
// on every build, and not the sources other workers are filling in.
func TestSourcePagesSeeKnownSite(t *testing.T) {
	src, err := os.ReadFile("../../templates/source.html")
	if err != nil {
		t.Fatal(err)
	}
	probe := strings.Replace(string(src), `<article class="source">`,
		`<article class="source"><p id="probe">{{len $.Site.Sources}}/{{len $.Site.Claims}}/{{$.Site.SourceCount}}</p>`, 1)
	cfg := withFiles(fstest.MapFS{"source.html": {Data: []byte(probe)}}, nil)
	for range 3 {
		o, err := Build(cfg)
		if err != nil {
			t.Fatal(err)
		}
		for _, slug := range []string{"idrw", "thelocalreport", "timeshub"} {
			page, _ := o.File("sources/" + slug + ".html")
			if !strings.Contains(string(page), `<p id="probe">0/0/3</p>`) {
				t.Fatalf("%s: source page does not see the known site (0 sources and claims listed, 3 counted)", slug)
			}
		}
	}
}

// TestStaticCollidesWithGenerated checks that a static file named like a
// file gen makes after the static files (robots.txt, sitemap.xml) is an
// error, not a file put twice.
func TestStaticCollidesWithGenerated(t *testing.T) {
	for _, name := range []string{"robots.txt", "sitemap.xml", "dossier.json", ".nojekyll"} {
		cfg := withFiles(nil, fstest.MapFS{strings.TrimPrefix(name, "."): {Data: []byte("mine")}, name: {Data: []byte("mine")}})
		cfg.BaseURL = "https://example.org/d/"
		_, err := Build(cfg)
		if strings.HasPrefix(name, ".") {
			if err != nil { // hidden static files are not copied
				t.Errorf("%s: %v", name, err)
			}
			continue
		}
		list, ok := err.(diag.List)
		if !ok || len(list) != 1 || !strings.Contains(list[0].Error(), "static file collides with a generated page "+name) {
			t.Errorf("%s: err = %v, want one collision", name, err)
		}
	}
}

// TestDiffFolderForFile checks that gen check reports a folder where a
// file belongs as missing, and what it holds as extra.
func TestDiffFolderForFile(t *testing.T) {
	o, dir := writtenRepo(t)
	os.Remove(filepath.Join(dir, "claims.html"))
	os.MkdirAll(filepath.Join(dir, "claims.html", "sub"), 0o755)
	os.WriteFile(filepath.Join(dir, "claims.html", "sub", "f"), []byte("x"), 0o644)
	diffs, err := o.Diff(dir)
	want := []string{"missing: claims.html", "extra: claims.html/sub/f"}
	if err != nil || !slices.Equal(diffs, want) {
		t.Errorf("Diff = %q, %v; want %q", diffs, err, want)
	}
}

// TestRestoreOld checks that a previous build moved aside by a build
// killed before the new one was moved in (where folders cannot be
// exchanged in one step) is put back by the next build.
func TestRestoreOld(t *testing.T) {
	o, dir := writtenRepo(t)
	aside := filepath.Join(filepath.Dir(dir), oldPrefix(dir)+"123")
	if err := os.Rename(dir, aside); err != nil {
		t.Fatal(err)
	}
	st, err := openStage(dir)
	if err != nil {
		t.Fatal(err)
	}
	st.abort()
	if diffs, err := o.Diff(dir); err != nil || len(diffs) != 0 {
		t.Errorf("after restoring: %v, %v", diffs, err)
	}
	nothingBeside(t, dir)
}

// TestFigureValues checks the summary of a figure group given by more
// sources than the tables list: each value once, counted once per source
// that gives it, most given first, then by value.
func TestFigureValues(t *testing.T) {
	fig := func(value string) *render.Figure { return &render.Figure{Text: value, Value: value, URL: "u#" + value} }
	cells := []*render.FigureCell{
		{Figures: []*render.Figure{fig("90%"), fig("90%")}}, // twice in one source: one source
		{Figures: []*render.Figure{fig("80%")}},
		{Figures: []*render.Figure{fig("90%"), fig("70%")}},
		{Figures: []*render.Figure{fig("80%")}},
		{},
	}
	var got []string
	for _, v := range figureValues(cells) {
		got = append(got, fmt.Sprintf("%s×%d", v.Figure.Value, v.Sources))
	}
	want := []string{"80%×2", "90%×2", "70%×1"}
	if !slices.Equal(got, want) {
		t.Errorf("figureValues = %v, want %v", got, want)
	}
}
