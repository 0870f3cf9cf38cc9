package suggest

import (
	"strings"
	"testing"
)

// FuzzSuggest checks that Suggest never panics and that every quote it
// returns is a substring of its paragraph, whatever the paragraphs.
func FuzzSuggest(f *testing.F) {
	f.Add("China is helping Russia in its largest military expansion since the Soviet era, U.S. officials said.",
		"Moscow is undertaking its most ambitious expansion since the Soviet era; 90 per cent of imports came from China.")
	f.Add("In 2023, 90% of Russian microelectronics imports came from China – he said.", "“90%,” he said. “$900 million”")
	f.Add("a, and b; c – d", ", which , adding that ,")
	f.Add("U.S. officials said that", "According to one official, ")
	f.Add("\xff\xfe broken", "K and, in particular")
	f.Fuzz(func(t *testing.T, a, b string) {
		sources := []Source{
			{Slug: "a", Paras: strings.Split(a, "\n")},
			{Slug: "b", Paras: strings.Split(b, "\n")},
			{Slug: "c", Paras: []string{a + " " + b}},
		}
		cands := Suggest(sources)
		ids := map[string]bool{}
		for _, c := range cands {
			if !validID(c.ID) || ids[c.ID] {
				t.Errorf("bad or repeated id %q", c.ID)
			}
			ids[c.ID] = true
			seen := map[string]bool{}
			for _, q := range c.Quotes {
				if seen[q.Slug] {
					t.Errorf("%s: two quotes from %s", c.ID, q.Slug)
				}
				seen[q.Slug] = true
				var paras []string
				for _, s := range sources {
					if s.Slug == q.Slug {
						paras = s.Paras
					}
				}
				if q.Para < 0 || q.Para >= len(paras) || q.Text == "" || !strings.Contains(paras[q.Para], q.Text) {
					t.Errorf("%s: quote %q is not in %s paragraph %d", c.ID, q.Text, q.Slug, q.Para)
				}
			}
		}
		_ = YAML(cands)
	})
}
