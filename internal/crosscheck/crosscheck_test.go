package crosscheck

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

func TestSentences(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"One. Two.", []string{"One.", "Two."}},
		{"U.S. officials said so. Then more.", []string{"U.S. officials said so.", "Then more."}},
		{"Gen. Chris Cavoli spoke. He said “yes.” Then.", []string{"Gen. Chris Cavoli spoke.", "He said “yes.”", "Then."}},
		{"It rose 2.5 percent. Next", []string{"It rose 2.5 percent.", "Next"}},
		{"no end", []string{"no end"}},
		{"", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, s := range Sentences(tt.in) {
			got = append(got, tt.in[s.Start:s.End])
		}
		if fmt.Sprint(got) != fmt.Sprint(tt.want) {
			t.Errorf("Sentences(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestSimilar is the coverage guard on a synthetic dossier: a source that
// mentions a claim it is not cited for is a near miss; one that does not
// is not.
// background is the rest of a dossier about China and Russia.
var background = []string{
	"China is helping Russia expand its defence industry, officials said.",
	"Russia and China deepened their partnership this year.",
	"US officials said China supplies Russia with engines for drones.",
	"Russia imports machine tools from China.",
}

func TestSimilar(t *testing.T) {
	claim := []string{
		"China supplied 90% of Russia's microelectronics imports in 2023.",
		"in 2023, 90% of Russian microelectronics imports came from China",
	}
	tests := []struct {
		name  string
		paras []string
		want  bool
	}{
		{"paraphrase", []string{"The weather was fine.", "Officials said 90 per cent of the microelectronics Russia imported last year came from China."}, true},
		{"same-words-no-figure", []string{"Russia imports many things from China, including microelectronics, officials said."}, false},
		{"unrelated", []string{"The G7 foreign ministers meet on Capri next week.", "Scholz travels to Beijing."}, false},
		{"other-figure-same-topic", []string{"In 2023 Russia imported $900 million of machine tools, 70% of them from China."}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := NewGuard([][]string{tt.paras, claim, background})
			near, ok := g.Similar(tt.paras, claim)
			if ok != tt.want {
				t.Errorf("Similar = %v (score %.2f, shared %v, %q), want %v", ok, near.Score, near.Shared, near.Sentence, tt.want)
			}
		})
	}
}

func TestFigures(t *testing.T) {
	paras := []string{
		"Officials said on Friday, April 12, that 90 per cent of imports came from China in 2023.",
		"More than 70% of the $900 million of machine tools, and nearly three times more shells, 5th time, 12 drones.",
	}
	var got []string
	for _, f := range Figures(paras) {
		got = append(got, fmt.Sprintf("%s:%s=%s@%d", f.Kind, f.Text, f.Value, f.Para))
	}
	want := []string{
		"percentage:90 per cent=90%@0", "year:2023=2023@0",
		"percentage:70%=70%@1", "money:$900 million=$900 million@1", "multiple:three times=three times@1", "count:12=12@1",
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("Figures:\n got %q\nwant %q", got, want)
	}
}

func TestGroup(t *testing.T) {
	a := Figures([]string{"In 2023, 90% of Russian microelectronics imports came from China."})
	b := Figures([]string{"Officials said 85 per cent of the microelectronics imports of Russia came from China."})
	c := Figures([]string{"Some 40% of voters in Ohio backed the measure."})
	groups := Group([]SourceFigures{{"a", a}, {"b", b}, {"c", c}})
	var first FigureGroup
	for _, g := range groups {
		if g.Kind == Percent && len(g.Members) == 2 {
			first = g
		}
	}
	if first.Members == nil {
		t.Fatalf("microelectronics figures not grouped: %+v", groups)
	}
	if first.Agree {
		t.Error("90% and 85% grouped as agreeing")
	}
	if !strings.Contains(first.Label, "microelectronic") {
		t.Errorf("label %q does not name the measure", first.Label)
	}
}

func TestDiff(t *testing.T) {
	got := Diff("Russia would struggle to sustain its war effort", "Russia will have difficulty sustaining its war effort")
	var b strings.Builder
	for _, w := range got {
		if w.Op == Changed {
			fmt.Fprintf(&b, "[%s] ", w.Text)
		} else {
			fmt.Fprintf(&b, "%s ", w.Text)
		}
	}
	want := "Russia [will] [have] [difficulty] [sustaining] its war effort "
	if b.String() != want {
		t.Errorf("Diff = %q, want %q", b.String(), want)
	}
	for _, w := range Diff("“Quoted” text", `"quoted" text`) {
		if w.Op != Same {
			t.Errorf("quote styles and case count as a change: %q", w.Text)
		}
	}
}

// TestDiffRandom compares Diff with the table of rows it was first
// written with, on random quotes of a few words: the tables give the
// same walk.
func TestDiffRandom(t *testing.T) {
	words := []string{"Russia", "russia,", "war", "effort", "its", "“its”", "the", "a", "struggle"}
	rng := rand.New(rand.NewPCG(1, 2))
	quote := func() string {
		n := rng.IntN(12)
		ws := make([]string, n)
		for i := range ws {
			ws[i] = words[rng.IntN(len(words))]
		}
		return strings.Join(ws, " ")
	}
	for range 3000 {
		a, b := quote(), quote()
		if got, want := Diff(a, b), diffRows(a, b); fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("Diff(%q, %q) = %v, want %v", a, b, got, want)
		}
	}
}

// diffRows is Diff as first written, with a row of the table a slice,
// walked as Diff walks its table.
func diffRows(a, b string) []Word {
	wa, wb := strings.Fields(a), strings.Fields(b)
	ka, kb := keys(wa), keys(wb)
	lcs := make([][]int, len(ka)+1)
	for i := range lcs {
		lcs[i] = make([]int, len(kb)+1)
	}
	for i := len(ka) - 1; i >= 0; i-- {
		for j := len(kb) - 1; j >= 0; j-- {
			if ka[i] == kb[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	return diffWords(wb, ka, kb, func(i, j int) int32 { return int32(lcs[i][j]) })
}

func FuzzFigures(f *testing.F) {
	f.Add("90 per cent of $900 million in 2023, three times")
	f.Add("U.S. officials. Gen. X.")
	f.Add("uſ$ 5 la\u212ah, 3\ttimeſx, On Sep 12, 1,200, 7 per\vcent")
	f.Fuzz(func(t *testing.T, s string) {
		for _, sp := range Sentences(s) {
			if sp.Start < 0 || sp.End > len(s) || sp.Start > sp.End {
				t.Fatalf("bad span %v of %q", sp, s)
			}
		}
		checkFigures(t, s)
		for _, fig := range Figures([]string{s}) {
			if !strings.Contains(s, fig.Text) {
				t.Fatalf("figure %q not in %q", fig.Text, s)
			}
		}
		NewGuard([][]string{{s}}).Similar([]string{s}, []string{s})
		Diff(s, s)
	})
}
