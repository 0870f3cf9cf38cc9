package suggest

import (
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/gen-dossier/gen/internal/quote"
)

// checkYAML checks that every quote of cands is an exact substring of its
// paragraph and found there by quote.Find, and that YAML(cands) reads back
// as claims with the same ids, topics and quotes.
func checkYAML(t *testing.T, sources []Source, cands []Candidate) {
	t.Helper()
	paras := map[string][]string{}
	for _, s := range sources {
		paras[s.Slug] = s.Paras
	}
	for _, c := range cands {
		for _, q := range c.Quotes {
			ps := paras[q.Slug]
			if q.Para < 0 || q.Para >= len(ps) {
				t.Fatalf("%s: %s paragraph %d out of range", c.ID, q.Slug, q.Para)
			}
			if _, ok := quote.Find(ps[q.Para], q.Text); !ok {
				t.Errorf("%s: quote %q not found in %s paragraph %d", c.ID, q.Text, q.Slug, q.Para)
			}
		}
	}
	var doc []struct {
		ID      string `yaml:"id"`
		Claim   string `yaml:"claim"`
		Topic   string `yaml:"topic"`
		Sources map[string]struct {
			Quote string `yaml:"quote"`
		} `yaml:"sources"`
	}
	out := YAML(cands)
	if err := yaml.Unmarshal(out, &doc); err != nil {
		t.Fatalf("YAML draft does not parse: %v\n%s", err, out)
	}
	if len(doc) != len(cands) {
		t.Fatalf("YAML draft has %d entries, want %d", len(doc), len(cands))
	}
	ids := map[string]bool{}
	for i, c := range cands {
		d := doc[i]
		if d.ID != c.ID || d.Claim != c.Claim || d.Topic != "draft" {
			t.Errorf("entry %d reads back as %q %q %q, want %q %q draft", i, d.ID, d.Claim, d.Topic, c.ID, c.Claim)
		}
		if !validID(d.ID) || ids[d.ID] {
			t.Errorf("id %q is not URL-safe or not unique", d.ID)
		}
		ids[d.ID] = true
		for _, q := range c.Quotes {
			if got := d.Sources[q.Slug].Quote; got != q.Text {
				t.Errorf("%s: %s quote reads back as %q, want %q", c.ID, q.Slug, got, q.Text)
			}
		}
	}
}

// validID reports whether id is lower-case letters, digits and single
// inner hyphens.
func validID(id string) bool {
	if id == "" || id[0] == '-' || id[len(id)-1] == '-' {
		return false
	}
	for i, r := range id {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
		case r == '-' && id[i-1] != '-':
		default:
			return false
		}
	}
	return true
}

func TestYAMLQuoting(t *testing.T) {
	sources := []Source{{Slug: "a", Paras: []string{
		`He said: "yes" - and no; C:\path # not a comment`,
		"- a list? {not: a map} & *anchor* ‘curly’ “double” — dash, tab\there",
		"null",
	}}}
	var cands []Candidate
	for i, p := range sources[0].Paras {
		cands = append(cands, Candidate{
			ID:     unique("claim", map[string]bool{}) + "-" + string(rune('a'+i)),
			Claim:  draftClaim(p),
			Topic:  "draft",
			Quotes: []Quote{{Slug: "a", Text: p, Para: i}},
		})
	}
	checkYAML(t, sources, cands)
}

func TestYAMLEmpty(t *testing.T) {
	var doc []any
	if err := yaml.Unmarshal(YAML(nil), &doc); err != nil || len(doc) != 0 {
		t.Errorf("YAML(nil) reads back as %v, %v; want an empty list", doc, err)
	}
}

func TestASCIIID(t *testing.T) {
	tests := []struct{ in, want string }{
		{"microelectronics", "microelectronics"},
		{"Xi-Jinping", "xi-jinping"},
		{"--a--b--", "a-b"},
		{"café", "caf"},
		{"90pct", "90pct"},
		{"élan", "lan"},
		{"日本", ""},
	}
	for _, tt := range tests {
		if got := asciiID(tt.in); got != tt.want {
			t.Errorf("asciiID(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestIDPart(t *testing.T) {
	tests := []struct{ key, want string }{
		{"90%", "90pct"}, {"$900m", "900m-usd"}, {"€1.5bn", "1-5bn-eur"}, {"3x", "3x"}, {"2023", "2023"},
	}
	for _, tt := range tests {
		if got := idPart(tt.key); got != tt.want {
			t.Errorf("idPart(%q) = %q, want %q", tt.key, got, tt.want)
		}
	}
}

func TestUnique(t *testing.T) {
	used := map[string]bool{}
	var got []string
	for _, id := range []string{"a", "a", "b", "a", "a-2"} {
		got = append(got, unique(id, used))
	}
	want := []string{"a", "a-2", "b", "a-3", "a-2-2"}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("unique ids = %q, want %q", got, want)
		}
	}
}

func TestID(t *testing.T) {
	tests := []struct {
		name  string
		paras [][]string // per source
		want  string
	}{
		{"figure last", [][]string{
			{"In 2023, 90% of Russian microelectronics imports came from China."},
			{"90 per cent of the microelectronics imported by Russia came from China."},
			alignCorpus,
		}, "microelectronics-imports-90pct"},
		{"names without a figure", [][]string{
			{"President Joe Biden raised the issue with Xi Jinping in a phone call."},
			{"Biden spoke with Xi Jinping by phone about the issue."},
			alignCorpus,
		}, "biden-xi-jinping"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var sources []Source
			for i, ps := range tt.paras {
				sources = append(sources, Source{Slug: string(rune('a' + i)), Paras: ps})
			}
			cands := Suggest(sources)
			if len(cands) == 0 {
				t.Fatal("no candidates")
			}
			if cands[0].ID != tt.want {
				t.Errorf("id = %q, want %q", cands[0].ID, tt.want)
			}
		})
	}
}
