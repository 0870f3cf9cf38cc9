package corpus

import (
	"bytes"
	"strings"
	"testing"
)

// TestHugo checks the Hugo site of a generated dossier's articles: its
// configuration, layouts and one page per source, deterministic, each
// with front matter and the article's words, about 600 on average.
func TestHugo(t *testing.T) {
	const n = 40
	files := Hugo(n)
	if again := Hugo(n); len(again) != len(files) {
		t.Fatalf("%d files, then %d", len(files), len(again))
	} else {
		for p, data := range files {
			if !bytes.Equal(data, again[p]) {
				t.Errorf("%s differs between two runs", p)
			}
		}
	}
	for _, p := range []string{"hugo.toml", "layouts/baseof.html", "layouts/single.html", "layouts/list.html", "static/style.css"} {
		if len(files[p]) == 0 {
			t.Errorf("no %s", p)
		}
	}
	posts, words := 0, 0
	for p, data := range files {
		if !strings.HasPrefix(p, "content/posts/") {
			continue
		}
		posts++
		front, body, ok := strings.Cut(strings.TrimPrefix(string(data), "---\n"), "\n---\n")
		if !ok || !strings.HasPrefix(string(data), "---\n") || !strings.Contains(front, "title: ") || !strings.Contains(front, "date: 2024-") {
			t.Errorf("%s: no front matter with title and date:\n%.200s", p, data)
		}
		words += len(strings.Fields(body))
	}
	if posts != n {
		t.Errorf("%d posts, want %d", posts, n)
	}
	if avg := words / max(posts, 1); avg < 550 || avg > 650 {
		t.Errorf("articles of %d words on average, want about 600", avg)
	}
	// The articles are the dossier's: the first source's headline is a
	// post's title.
	g := newGen(n, 0)
	g.run()
	if !bytes.Contains(files["content/posts/"+g.sources[0].slug+".md"], []byte(g.sources[0].headline)) {
		t.Errorf("the post of %s does not have its headline %q", g.sources[0].slug, g.sources[0].headline)
	}
}
