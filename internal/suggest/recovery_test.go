package suggest

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/gen-dossier/gen/internal/clean"
	"github.com/gen-dossier/gen/internal/crosscheck"
	"github.com/gen-dossier/gen/internal/quote"
)

// The first dossier: its captures and the claims an editor wrote.
const (
	sourcesDir = "../../content/sources"
	claimsFile = "../../content/claims.yaml"
)

// Floors the draft must reach on the first dossier (see TestRecovery).
const (
	minMultiRecall = 0.60 // committed claims of two or more sources (measured: 16/23)
	minPrecision   = 0.60 // multi-source candidates that match a claim (measured: 24/31)
)

// loadDossier cleans every capture of the first dossier, in slug order.
func loadDossier(t testing.TB) []Source {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(sourcesDir, "*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	html, _ := filepath.Glob(filepath.Join(sourcesDir, "*.html"))
	files = append(files, html...)
	slices.Sort(files)
	if len(files) == 0 {
		t.Skip("no captures in", sourcesDir)
	}
	var out []Source
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		a, err := clean.Clean(filepath.Base(f), raw)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		s := Source{Slug: strings.TrimSuffix(filepath.Base(f), filepath.Ext(f))}
		for _, b := range a.Blocks {
			if b.Kind == clean.Paragraph {
				s.Paras = append(s.Paras, b.Text)
			}
		}
		out = append(out, s)
	}
	return out
}

// A committedClaim is a claim of claims.yaml with where each of its quotes
// is: the paragraph and the byte range of the sentences it touches.
type committedClaim struct {
	id     string
	where  map[string]place // slug → the quote's sentences
	strict map[string]place // slug → the quote itself
}

type place struct {
	para       int
	start, end int
}

func (p place) overlaps(q place) bool {
	return p.para == q.para && p.start < q.end && q.start < p.end
}

func loadClaims(t *testing.T, sources []Source) []committedClaim {
	t.Helper()
	raw, err := os.ReadFile(claimsFile)
	if err != nil {
		t.Skip(err)
	}
	var doc []struct {
		ID      string `yaml:"id"`
		Sources map[string]struct {
			Quote  string `yaml:"quote"`
			Absent bool   `yaml:"absent"`
		} `yaml:"sources"`
	}
	if err := yaml.Unmarshal(raw, &doc); err != nil {
		t.Fatalf("%s: %v", claimsFile, err)
	}
	paras := map[string][]string{}
	for _, s := range sources {
		paras[s.Slug] = s.Paras
	}
	var out []committedClaim
	for _, c := range doc {
		cc := committedClaim{id: c.ID, where: map[string]place{}, strict: map[string]place{}}
		for slug, q := range c.Sources {
			if q.Absent || q.Quote == "" {
				continue
			}
			pi, m, _, ok := quote.FindIn(paras[slug], q.Quote)
			if !ok {
				t.Logf("%s: %s: quote not found in %s (claims.yaml being edited?)", claimsFile, c.ID, slug)
				continue
			}
			// Widen the quote to the sentences it touches.
			p := paras[slug][pi]
			pl := place{pi, m.Start, m.End}
			cc.strict[slug] = pl
			for _, s := range crosscheck.Sentences(p) {
				if s.Start < m.End && m.Start < s.End {
					pl.start = min(pl.start, s.Start)
					pl.end = max(pl.end, s.End)
				}
			}
			cc.where[slug] = pl
		}
		if len(cc.where) > 0 {
			out = append(out, cc)
		}
	}
	return out
}

// candidatePlaces locates each quote of a candidate in its paragraph.
func candidatePlaces(t *testing.T, sources []Source, c Candidate) map[string]place {
	out := map[string]place{}
	for _, q := range c.Quotes {
		for _, s := range sources {
			if s.Slug != q.Slug {
				continue
			}
			m, ok := quote.Find(s.Paras[q.Para], q.Text)
			if !ok {
				t.Errorf("%s: quote %q not in %s paragraph %d", c.ID, q.Text, q.Slug, q.Para)
				continue
			}
			out[q.Slug] = place{q.Para, m.Start, m.End}
		}
	}
	return out
}

// recovers reports whether a candidate recovers a committed claim: it has
// a quote from at least the claim's sources (exact: from exactly them),
// each overlapping the sentences of the committed quote.
func recovers(cand, claim map[string]place) (atLeast, exact bool) {
	for slug, p := range claim {
		q, ok := cand[slug]
		if !ok || !q.overlaps(p) {
			return false, false
		}
	}
	return true, len(cand) == len(claim)
}

// matches reports whether a candidate says part of what a claim says:
// at least two of its quotes (its only quote, for a single-source
// candidate) overlap the claim's quote from the same source.
func matches(cand, claim map[string]place) bool {
	n := 0
	for slug, q := range cand {
		if p, ok := claim[slug]; ok && q.overlaps(p) {
			n++
		}
	}
	return n > 0 && n >= min(2, len(cand))
}

// TestRecovery measures how many committed claims of the first dossier
// the draft recovers with the right sources, and how many multi-source
// candidates match a committed claim, and fails below the floors.
func TestRecovery(t *testing.T) {
	sources := loadDossier(t)
	claims := loadClaims(t, sources)
	cands := Suggest(sources)
	places := make([]map[string]place, len(cands))
	for i, c := range cands {
		places[i] = candidatePlaces(t, sources, c)
	}

	var multi, multiHit, multiExact, multiStrict, all, allHit int
	var report strings.Builder
	for _, cl := range claims {
		hit, exact := "", false
		for i := range cands {
			if a, e := recovers(places[i], cl.where); a && (hit == "" || e && !exact) {
				hit, exact = cands[i].ID, e
			}
		}
		strict := false
		for i := range cands {
			if a, _ := recovers(places[i], cl.strict); a {
				strict = true
			}
		}
		all++
		if hit != "" {
			allHit++
		}
		if len(cl.where) >= 2 {
			multi++
			if hit != "" {
				multiHit++
			}
			if exact {
				multiExact++
			}
			if strict {
				multiStrict++
			}
		}
		mark := "-"
		if hit != "" {
			mark = "+"
		}
		fmt.Fprintf(&report, "  %s %-45s %d sources  %s\n", mark, cl.id, len(cl.where), hit)
	}
	var candMulti, candMultiHit, candHit int
	for i := range cands {
		ok := false
		for _, cl := range claims {
			if matches(places[i], cl.where) {
				ok = true
				break
			}
		}
		if ok {
			candHit++
		}
		if len(cands[i].Quotes) >= 2 {
			candMulti++
			if ok {
				candMultiHit++
			}
		}
	}
	ratio := func(a, b int) float64 {
		if b == 0 {
			return 0
		}
		return float64(a) / float64(b)
	}
	t.Logf("committed claims (+ recovered, with the candidate):\n%s", report.String())
	t.Logf("recall: multi-source %d/%d (%.0f%%; with exactly the claim's sources %d; overlapping the quotes themselves, not only their sentences, %d), all %d/%d (%.0f%%)",
		multiHit, multi, 100*ratio(multiHit, multi), multiExact, multiStrict, allHit, all, 100*ratio(allHit, all))
	t.Logf("precision: multi-source candidates %d/%d (%.0f%%), all candidates %d/%d (%.0f%%)",
		candMultiHit, candMulti, 100*ratio(candMultiHit, candMulti), candHit, len(cands), 100*ratio(candHit, len(cands)))
	if multi == 0 {
		t.Skip("no multi-source claims committed yet")
	}
	if r := ratio(multiHit, multi); r < minMultiRecall {
		t.Errorf("multi-source recall %.2f, want at least %.2f", r, minMultiRecall)
	}
	if p := ratio(candMultiHit, candMulti); p < minPrecision {
		t.Errorf("multi-source precision %.2f, want at least %.2f", p, minPrecision)
	}
}

// TestDossierQuotesVerify checks that every quote of the draft for the
// first dossier is found in its paragraph by the build's own rule, and
// that the YAML draft reads back with the same quotes.
func TestDossierQuotesVerify(t *testing.T) {
	sources := loadDossier(t)
	cands := Suggest(sources)
	if len(cands) == 0 {
		t.Fatal("no candidates for the first dossier")
	}
	checkYAML(t, sources, cands)
}

func BenchmarkSuggest(b *testing.B) {
	sources := loadDossier(b)
	for b.Loop() {
		Suggest(sources)
	}
}
