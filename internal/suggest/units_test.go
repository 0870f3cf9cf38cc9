package suggest

import (
	"slices"
	"testing"
)

func TestClauses(t *testing.T) {
	tests := []struct {
		name, para string
		want       []string // the trimmed quotes
	}{
		{"attribution at the end",
			"China is helping Russia in its largest military expansion since the Soviet era, U.S. officials said on Friday, ramping up public pressure as concerns over Ukraine grow.",
			[]string{"China is helping Russia in its largest military expansion since the Soviet era", "ramping up public pressure as concerns over Ukraine grow"}},
		{"attribution at the start",
			"U.S. officials also said that 90% of the microelectronics imported by Russia last year came from China.",
			[]string{"90% of the microelectronics imported by Russia last year came from China"}},
		{"according to",
			"According to one official, Chinese materials are filling critical gaps in Russia's defense production cycle.",
			[]string{"Chinese materials are filling critical gaps in Russia's defense production cycle"}},
		{"quoted with attribution",
			"“Russia will have difficulty sustaining its war effort without China’s input,” he said.",
			[]string{"Russia will have difficulty sustaining its war effort without China’s input"}},
		{"participle and dangling words",
			"China is supporting Russia's military operations against Ukraine, helping Moscow with its biggest military buildup since Soviet times and, in particular, providing missile and drone technology, satellite imagery and equipment.",
			[]string{"China is supporting Russia's military operations against Ukraine", "helping Moscow with its biggest military buildup since Soviet times", "providing missile and drone technology, satellite imagery and equipment"}},
		{"short pieces stay joined",
			"China is supporting Russia's military operations, providing drone technology.",
			[]string{"China is supporting Russia's military operations, providing drone technology"}},
		{"a list stays whole",
			"Russia has used them to produce missiles, tanks, and aircraft, a second official said.",
			[]string{"Russia has used them to produce missiles, tanks, and aircraft"}},
		{"named speaker kept",
			"The Chinese Embassy in the United States says China has not supplied weapons to any party.",
			[]string{"The Chinese Embassy in the United States says China has not supplied weapons to any party"}},
		{"glued sentences",
			"Officials said 90 per cent came from China, a second official said.Russia’s production of artillery rounds is rising fast, officials said.",
			[]string{"90 per cent came from China", "Russia’s production of artillery rounds is rising fast"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, c := range clauses(tt.para) {
				q := trim(tt.para, c)
				got = append(got, tt.para[q.start:q.end])
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("clauses:\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}
