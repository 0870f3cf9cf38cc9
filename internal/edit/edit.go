// Package edit makes the changes an editor asks gen for: starting a new
// dossier (New) and adding a capture to one (Add). It is the only package
// besides site.Output.Write that writes files, and it never overwrites
// one.
package edit

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"unicode"

	"github.com/gen-dossier/gen/internal/clean"
	"github.com/gen-dossier/gen/internal/content"
	"go.yaml.in/yaml/v3"
)

//go:embed skeleton
var skeleton embed.FS

// skeletonFiles maps skeleton files to where New writes them.
var skeletonFiles = []struct{ from, to string }{
	{"dossier.yaml", "content/dossier.yaml"},
	{"claims.yaml", "content/claims.yaml"},
	{"timeline.yaml", "content/timeline.yaml"},
	{"gitignore", ".gitignore"},
	{"README.md", "README.md"},
	{"pages.yml", ".github/workflows/pages.yml"},
}

// New creates a ready dossier in dir: content/ with a commented
// dossier.yaml, empty claims.yaml and timeline.yaml with commented
// examples, an empty sources/ folder, a .gitignore, the GitHub Pages
// workflow and a README. dir must not exist or be empty.
func New(dir string) ([]string, error) {
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		return nil, fmt.Errorf("%s is not empty: gen new starts a dossier in a new or empty folder", dir)
	} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	var written []string
	for _, f := range skeletonFiles {
		data, err := skeleton.ReadFile("skeleton/" + f.from)
		if err != nil {
			return nil, err
		}
		p := filepath.Join(dir, filepath.FromSlash(f.to))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return nil, err
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			return nil, err
		}
		written = append(written, f.to)
	}
	if err := os.MkdirAll(filepath.Join(dir, "content", "sources"), 0o755); err != nil {
		return nil, err
	}
	written = append(written, "content/sources/")
	return written, nil
}

// An Added is a capture added to a dossier.
type Added struct {
	Slug    string
	Capture string // path of the copy
	Sidecar string // path of the sidecar
	Article *clean.Article
}

// Add copies the capture file into contentDir/sources/ under slug (or,
// when slug is "", a slug derived from the detected outlet or title),
// never overwriting a file: a taken slug gets -2, -3 …. It writes a
// sidecar holding the detected metadata, marked for review.
func Add(contentDir, file, slug string) (*Added, error) {
	raw, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	a, err := clean.Clean(filepath.Base(file), raw)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", file, err)
	}
	ext := strings.ToLower(filepath.Ext(file))
	switch ext {
	case ".txt", ".html", ".htm":
	case ".xhtml":
		ext = ".html"
	default:
		ext = ".txt"
	}
	if slug != "" && !content.ValidID(slug) {
		return nil, fmt.Errorf("-slug %q: use lower-case letters, digits and hyphens only", slug)
	}
	if slug == "" {
		slug = Slug(a.Meta.Outlet, a.Title, filepath.Base(file))
	}
	dir := filepath.Join(contentDir, "sources")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	base := slug
	for n := 2; ; n++ {
		if !taken(dir, slug) {
			break
		}
		slug = fmt.Sprintf("%s-%d", base, n)
	}
	added := &Added{Slug: slug, Capture: filepath.Join(dir, slug+ext), Sidecar: filepath.Join(dir, slug+".yaml"), Article: a}
	if err := writeNew(added.Capture, raw); err != nil {
		return nil, err
	}
	if err := writeNew(added.Sidecar, sidecar(a, file)); err != nil {
		os.Remove(added.Capture)
		return nil, err
	}
	return added, nil
}

// taken reports whether a capture or sidecar already uses slug.
func taken(dir, slug string) bool {
	for _, ext := range []string{".txt", ".html", ".htm", ".yaml", ".yml"} {
		if _, err := os.Stat(filepath.Join(dir, slug+ext)); err == nil {
			return true
		}
	}
	return false
}

// writeNew writes a file that must not exist yet.
func writeNew(p string, data []byte) error {
	f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// sidecar returns the sidecar of a new capture: the detected metadata,
// each line marked for review, and commented keys for the rest.
func sidecar(a *clean.Article, file string) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "# Sidecar of %s, written by gen add.\n", filepath.Base(file))
	b.WriteString("# The values below were DETECTED by the cleaner: review each one against the\n")
	b.WriteString("# capture, correct it or delete it. Never guess a URL or a date: leave a key\n")
	b.WriteString("# out when the capture does not establish it.\n")
	field := func(key, value string) {
		if value == "" {
			fmt.Fprintf(&b, "# %s:\n", key)
			return
		}
		v, _ := yaml.Marshal(value)
		fmt.Fprintf(&b, "%s: %s", key, v)
	}
	field("outlet", a.Meta.Outlet)
	field("title", a.Title)
	field("author", a.Meta.Author)
	field("published", a.Meta.Published)
	field("attributed_to", a.Meta.AttributedTo)
	field("url", "")
	field("retrieved", "")
	b.WriteString("# reference_date:   # for a capture without a date: what relative phrases are read against\n")
	b.WriteString("# reference_basis:  # and how that date is established\n")
	b.WriteString("# notes:\n")
	return []byte(b.String())
}

// Slug derives a source slug from the outlet, else the title, else the
// file name: lower-case ASCII letters and digits joined by hyphens, at
// most five words.
func Slug(outlet, title, file string) string {
	for _, s := range []string{outlet, title, strings.TrimSuffix(file, filepath.Ext(file))} {
		s = strings.TrimPrefix(strings.TrimPrefix(strings.ToLower(s), "https://"), "www.")
		words := strings.FieldsFunc(s, func(r rune) bool {
			return r > unicode.MaxASCII || !(unicode.IsLetter(r) || unicode.IsDigit(r))
		})
		if len(words) > 5 {
			words = words[:5]
		}
		slug := strings.Join(words, "-")
		if len(slug) > 48 {
			slug = strings.TrimRight(slug[:48], "-")
		}
		if content.ValidID(slug) {
			return slug
		}
	}
	return "source"
}
