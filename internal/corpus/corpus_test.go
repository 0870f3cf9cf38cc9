package corpus

import (
	"bytes"
	"os"
	"testing"
	"testing/fstest"

	"github.com/gen-dossier/gen/internal/site"
)

func TestDeterministic(t *testing.T) {
	a, b := Generate(30), Generate(30)
	if len(a) != len(b) {
		t.Fatalf("%d files, then %d", len(a), len(b))
	}
	for p, data := range a {
		if !bytes.Equal(data, b[p]) {
			t.Errorf("%s differs between two runs", p)
		}
	}
	if bytes.Equal(Generate(31)["claims.yaml"], a["claims.yaml"]) {
		t.Error("N=30 and N=31 give the same claims")
	}
}

// TestBuilds builds a generated dossier: no errors, and no warnings
// from the coverage guard or anything else.
func TestBuilds(t *testing.T) {
	n := 60
	if testing.Short() {
		n = 20
	}
	files := Generate(n)
	fsys := fstest.MapFS{}
	for p, data := range files {
		fsys[p] = &fstest.MapFile{Data: data}
	}
	if len(files) != 2*n+3 {
		t.Errorf("%d files, want %d", len(files), 2*n+3)
	}
	o, err := site.Build(site.Config{
		Content:    fsys,
		Templates:  os.DirFS("../../templates"),
		Static:     os.DirFS("../../static"),
		ContentDir: "content", TemplatesDir: "templates", StaticDir: "static",
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range o.Warnings {
		t.Errorf("warning: %s", w)
	}
	if o.Stats.Sources != n || o.Stats.Claims != 2*n || o.Stats.Events != n/10 {
		t.Errorf("stats %+v, want %d sources, %d claims, %d events", o.Stats, n, 2*n, n/10)
	}
}
