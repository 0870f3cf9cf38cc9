package edit

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gen-dossier/gen/internal/content"
)

func TestNew(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "dossier")
	files, err := New(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != len(skeletonFiles)+1 {
		t.Errorf("wrote %v", files)
	}
	// The new dossier loads without errors.
	d, err := content.Load(os.DirFS(filepath.Join(dir, "content")), "content")
	if err != nil {
		t.Fatalf("new dossier does not load: %v", err)
	}
	if d.Title == "" || len(d.Claims) != 0 || len(d.Events) != 0 {
		t.Errorf("dossier = %+v", d)
	}
	if _, err := New(dir); err == nil || !strings.Contains(err.Error(), "not empty") {
		t.Errorf("New into a non-empty folder: %v", err)
	}
}

func TestAdd(t *testing.T) {
	dir := t.TempDir()
	capture := filepath.Join(dir, "Saved Page.txt")
	text := "Home | News | World\n\nOfficials meet in Capri\n\nBy Jane Roe\n\nForeign ministers of the Group of Seven met on the island of Capri on Wednesday to discuss the war, officials said.\n\nThe talks continue on Thursday, with a statement expected on Friday afternoon.\n\nShare this article\n"
	os.WriteFile(capture, []byte(text), 0o644)
	contentDir := filepath.Join(dir, "content")
	a, err := Add(contentDir, capture, "")
	if err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(a.Capture)
	if string(data) != text {
		t.Error("the capture was not copied byte for byte")
	}
	side, _ := os.ReadFile(a.Sidecar)
	if !strings.Contains(string(side), "DETECTED") {
		t.Errorf("sidecar not marked for review:\n%s", side)
	}
	// Adding again never overwrites: a new slug.
	b, err := Add(contentDir, capture, "")
	if err != nil {
		t.Fatal(err)
	}
	if b.Slug != a.Slug+"-2" {
		t.Errorf("second add: slug %q, want %q", b.Slug, a.Slug+"-2")
	}
	c, err := Add(contentDir, capture, "g7-wire")
	if err != nil || c.Slug != "g7-wire" || filepath.Base(c.Capture) != "g7-wire.txt" {
		t.Errorf("-slug: %+v %v", c, err)
	}
	if _, err := Add(contentDir, capture, "../evil"); err == nil {
		t.Error("-slug ../evil accepted")
	}
	// The sidecars written are valid for the loader (with a dossier.yaml).
	os.WriteFile(filepath.Join(contentDir, "dossier.yaml"), []byte("title: T\n"), 0o644)
	if _, err := content.Load(os.DirFS(contentDir), "content"); err != nil {
		t.Errorf("added sources do not load: %v", err)
	}
}

func TestSlug(t *testing.T) {
	tests := []struct{ outlet, title, file, want string }{
		{"thelocalreport.in", "", "x.txt", "thelocalreport-in"},
		{"", "US: China aids Russia in largest defense expansion", "x.txt", "us-china-aids-russia-in"},
		{"", "", "Saved Page (2).html", "saved-page-2"},
		{"Ελληνικά", "", "", "source"},
		{"https://www.example.org", "", "", "example-org"},
	}
	for _, tt := range tests {
		if got := Slug(tt.outlet, tt.title, tt.file); got != tt.want {
			t.Errorf("Slug(%q, %q, %q) = %q, want %q", tt.outlet, tt.title, tt.file, got, tt.want)
		}
	}
}
