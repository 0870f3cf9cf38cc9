package content

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/gen-dossier/gen/internal/diag"
	"github.com/gen-dossier/gen/internal/golden"
)

// TestLoad runs each testdata/*.txt case: the files of a content folder,
// and an "errors" (or "warnings") section with the exact messages.
func TestLoad(t *testing.T) {
	golden.Run(t, "testdata/*.txt", []string{"errors", "warnings"}, func(t *testing.T, c *golden.Case) map[string]string {
		fsys := fstest.MapFS{}
		for name, data := range c.Input {
			fsys[name] = &fstest.MapFile{Data: data}
		}
		got := map[string]string{}
		d, err := Load(fsys, "content")
		if err != nil {
			var list diag.List
			if !errors.As(err, &list) {
				t.Fatalf("Load error is %T, want diag.List: %v", err, err)
			}
			got["errors"] = strings.Join(list.Lines(), "\n") + "\n"
		} else if len(d.Warnings) > 0 {
			got["warnings"] = strings.Join(d.Warnings.Lines(), "\n") + "\n"
		}
		return got
	})
}

func TestLoadValues(t *testing.T) {
	fsys := fstest.MapFS{
		"dossier.yaml":        {Data: []byte("title: T\nsummary: S\nbase_url: https://example.org/d\n")},
		"sources/a.txt":       {Data: []byte("Some capture text.\n")},
		"sources/a.yaml":      {Data: []byte("outlet: A News\npublished: 2024-04-16\nattributed_to: Reuters\n")},
		"sources/b.html":      {Data: []byte("<p>x</p>")},
		"sources/b.yaml":      {Data: []byte("outlet: B\n")},
		"claims.yaml":         {Data: []byte("- id: c1\n  claim: X.\n  topic: t\n  sources:\n    b: {quote: 'x', stance: differs}\n    a: \"text\"\n")},
		"timeline.yaml":       {Data: []byte("- id: e1\n  title: E\n  date: 2024-04-14\n  end: 2024-04-16\n  sources:\n    a: {quote: q}\n")},
		"pages/about.md":      {Data: []byte("---\ntitle: About\n---\nBody.\n")},
		"pages/notes.txt":     {Data: []byte("ignored")},
		"sources/.DS_Store":   {Data: []byte("junk")},
		"sources/a.yaml.orig": nil,
	}
	delete(fsys, "sources/a.yaml.orig")
	d, err := Load(fsys, "content")
	if err != nil {
		t.Fatal(err)
	}
	if d.BaseURL != "https://example.org/d/" {
		t.Errorf("BaseURL = %q, want a trailing slash added", d.BaseURL)
	}
	if len(d.Sources) != 2 || d.Sources[0].Slug != "a" || d.Sources[1].Slug != "b" || !d.Sources[1].HTML {
		t.Fatalf("sources = %+v", d.Sources)
	}
	a := d.Sources[0]
	if a.Outlet != "A News" || a.Published.String() != "2024-04-16" || a.AttributedTo != "Reuters" || a.Path != "sources/a.txt" || a.Size != 19 {
		t.Errorf("source a = %+v", a)
	}
	if raw, err := a.Capture(fsys); err != nil || string(raw) != "Some capture text.\n" {
		t.Errorf("a.Capture = %q, %v", raw, err)
	}
	c := d.Claims[0]
	if len(c.Quotes) != 2 || c.Quotes[0].Slug != "a" || c.Quotes[0].Text != "text" || c.Quotes[0].Stance != "reports" || c.Quotes[1].Stance != "differs" {
		t.Errorf("claim quotes = %+v %+v", c.Quotes[0], c.Quotes[1])
	}
	if c.Quotes[1].Pos.String() != "content/claims.yaml:5" {
		t.Errorf("quote pos = %s", c.Quotes[1].Pos)
	}
	e := d.Events[0]
	if e.Date.String() != "2024-04-14" || e.End.String() != "2024-04-16" {
		t.Errorf("event = %+v", e)
	}
	if len(d.Pages) != 1 || d.Pages[0].Title != "About" || !strings.HasPrefix(string(d.Pages[0].Body), "\n\n\nBody.") {
		t.Errorf("pages = %+v", d.Pages)
	}
}

func TestValidID(t *testing.T) {
	tests := []struct {
		id   string
		want bool
	}{
		{"scholz-trip", true},
		{"a", true},
		{"g7-capri-2024", true},
		{"", false},
		{"-a", false},
		{"a-", false},
		{"Scholz", false},
		{"../etc", false},
		{"a/b", false},
		{`a\b`, false},
		{"%2e%2e", false},
		{"a b", false},
		{"a\x00b", false},
		{"con", false},
		{"lpt1", false},
		{"é", false},
		{strings.Repeat("a", 64), true},
		{strings.Repeat("a", 65), false},
	}
	for _, tt := range tests {
		if got := ValidID(tt.id); got != tt.want {
			t.Errorf("ValidID(%q) = %v, want %v", tt.id, got, tt.want)
		}
	}
}

func TestSplitFrontMatter(t *testing.T) {
	meta, body, ok := SplitFrontMatter([]byte("---\ntitle: x\n---\nline 4\n"))
	if !ok || string(meta) != "title: x\n" || string(body) != "\n\n\nline 4\n" {
		t.Errorf("got %q %q %v", meta, body, ok)
	}
	_, body, ok = SplitFrontMatter([]byte("no front matter\n"))
	if ok || string(body) != "no front matter\n" {
		t.Errorf("got %q %v", body, ok)
	}
}
