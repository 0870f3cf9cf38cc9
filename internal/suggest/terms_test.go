package suggest

import (
	"slices"
	"strings"
	"testing"
)

// keys returns the term keys of text, each with a kind mark: "#" for a
// figure, "^" for a name.
func keys(text string) []string {
	var out []string
	for _, t := range newLexicon(text).terms(text) {
		switch t.kind {
		case number:
			out = append(out, "#"+t.key)
		case name:
			out = append(out, "^"+t.key)
		default:
			out = append(out, t.key)
		}
	}
	return out
}

func TestTerms(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"stop words and stems", "The officials said the imports were rising quickly",
			[]string{"offici", "import", "ris", "rapid"}},
		{"names mid-sentence", "He met Olaf Scholz in Beijing.",
			[]string{"met", "^olaf", "^scholz", "^china"}},
		{"sentence-initial name known elsewhere", "Blinken spoke. Later Antony Blinken left.",
			[]string{"^blinken", "spoke", "later", "^antony", "^blinken", "left"}},
		{"sentence-initial common word", "Some officials left.",
			[]string{"offici", "left"}},
		{"acronyms and aliases", "The PRC and the U.S. and the United States and America",
			[]string{"^china", "^us", "^us", "^us"}},
		{"demonyms", "Chinese and Russian companies", []string{"^china", "^russia", "compan"}},
		{"possessive", "Russia’s defense and Russia's base", []string{"^russia", "defenc", "^russia", "base"}},
		{"hyphenated word", "game-changing micro-electronics",
			[]string{"gamech", "game", "chang", "microe", "micro", "electr"}},
		{"hyphenated name", "the Republican-led House", []string{"^republicanled", "^republican", "^led", "^house"}},
		{"synonyms", "biggest buildup, largest expansion; steps and moves",
			[]string{"large", "expans", "large", "expans", "step", "step"}},
		{"date is no figure", "on Friday, April 12, officials said", []string{"^friday", "^april", "offici"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := keys(tt.text); !slices.Equal(got, tt.want) {
				t.Errorf("terms(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestFigures(t *testing.T) {
	tests := []struct{ text, want string }{
		{"90%", "90%"},
		{"90 per cent", "90%"},
		{"90 percent", "90%"},
		{"90.0 pct", "90%"},
		{"12.5%", "12.5%"},
		{"$900 million", "$900m"},
		{"$900m", "$900m"},
		{"$1.2 billion", "$1.2bn"},
		{"€40 million", "€40m"},
		{"2,000 troops", "2000"},
		{"three times more", "3x"},
		{"3 times more", "3x"},
		{"two years", "2"},
		{"in 2023", "2023"},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			var got []string
			for _, k := range keys(tt.text) {
				if strings.HasPrefix(k, "#") {
					got = append(got, k[1:])
				}
			}
			if len(got) != 1 || got[0] != tt.want {
				t.Errorf("figures of %q = %q, want [%q]", tt.text, got, tt.want)
			}
		})
	}
}

func TestStem(t *testing.T) {
	tests := []struct{ in, want string }{
		{"imports", "import"}, {"imported", "import"}, {"importing", "import"},
		{"supplies", "supply"}, {"supplied", "supply"}, {"supplying", "supply"}, {"supply", "supply"},
		{"directly", "direct"}, {"jointly", "joint"},
		{"production", "produc"}, {"producing", "produc"},
		{"class", "class"}, {"status", "status"},
	}
	for _, tt := range tests {
		if got := stem(tt.in); got != tt.want {
			t.Errorf("stem(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestSynonymHeads checks that no synonym group folds into a stem that
// another group folds away: folding is one step.
func TestSynonymHeads(t *testing.T) {
	for k, v := range synonyms {
		if w, ok := synonyms[v]; ok && w != v {
			t.Errorf("synonyms: %q → %q → %q", k, v, w)
		}
	}
}
