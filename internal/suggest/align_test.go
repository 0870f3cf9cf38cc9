package suggest

import (
	"strings"
	"testing"
)

// alignCorpus is background text, so that inverse document frequencies
// are those of a real dossier: China and Russia everywhere, officials
// saying things.
var alignCorpus = []string{
	"China is supporting Russia's war against Ukraine, U.S. officials said.",
	"Chinese companies supply Russia with engines for drones and turbojet engines for cruise missiles.",
	"Russia has turned to North Korea and Iran to replenish arms supplies.",
	"The United States has repeatedly warned China not to support Russia.",
	"Secretary of State Antony Blinken is expected to meet diplomats in Italy.",
	"Officials said China and Russia are working together on satellites.",
	"Russia is producing three times more artillery shells than Europe.",
	"Ukraine suffered its first battlefield setback in months.",
}

func TestAlign(t *testing.T) {
	tests := []struct {
		name string
		a, b string
		same bool
	}{
		{"translation drift: buildup",
			"helping Moscow with its biggest military buildup since Soviet times",
			"China is helping Russia in its largest military expansion since the Soviet era", true},
		{"translation drift: expansion in manufacturing",
			"Moscow is now undertaking its most ambitious expansion in military manufacturing since the Soviet era",
			"Russia is embarking on its most ambitious defense expansion since the Soviet era", true},
		{"translation drift: steps and moves",
			"One of the most game changing moves available to us at this time to support Ukraine is to persuade the PRC to stop helping Russia reconstitute its military industrial base",
			"one of the most important steps we can take at this time to support Ukraine is to convince the PRC to stop helping Russia restore its military-industrial base", true},
		{"figures in other words",
			"in 2023, 90 per cent of Russia’s micro-electronics imports came from China",
			"90% of the microelectronics imported by Russia last year came from China", true},
		{"paraphrase",
			"Russia would struggle to sustain its war effort without PRC inputs",
			"It will be difficult for Russia to maintain its military efforts without the participation of the PRC", true},
		{"different statements about the same countries",
			"China is helping Russia in its largest military expansion since the Soviet era",
			"Beijing has stopped supplying weapons directly to Russia", false},
		{"different people",
			"President Joe Biden raised the issue with Chinese President Xi Jinping during a phone call",
			"Treasury Secretary Janet Yellen delivered China a warning during her trip", false},
		{"different figures for different goods",
			"90% of Russia's microelectronics imports came from China",
			"more than 70% of the machine tools imported by Russia were provided by China", false},
		{"same names, other event",
			"Secretary of State Antony Blinken also raised the matter with US allies during his recent Europe trip",
			"Blinken also plans to visit China in the coming weeks", false},
	}
	var left, right []string
	for _, tt := range tests {
		left = append(left, tt.a)
		right = append(right, tt.b)
	}
	m := newModel([]Source{
		{Slug: "a", Paras: left},
		{Slug: "b", Paras: right},
		{Slug: "background", Paras: alignCorpus},
	})
	find := func(text string) *unit {
		for _, u := range m.units {
			if u.text == text {
				return u
			}
		}
		t.Fatalf("no unit %q", text)
		return nil
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, b := find(tt.a), find(tt.b)
			s, n := m.sim(a, b)
			linked := s >= Threshold && n >= 2 && m.specific(a, b)
			t.Logf("similarity %.2f", s)
			if linked != tt.same {
				t.Errorf("similarity %.2f (%d terms shared, specific %v): linked %v, want %v\n a: %v\n b: %v",
					s, n, m.specific(a, b), linked, tt.same, a.keys, b.keys)
			}
		})
	}
}

// TestSuggestGroups checks the whole pipeline on three small sources: the
// shared statements come first, carried by all three, with one quote per
// source, and a single-source figure follows.
func TestSuggestGroups(t *testing.T) {
	sources := []Source{
		{"timeshub", []string{
			"China is supporting Russia's military operations against Ukraine, helping Moscow with its biggest military buildup since Soviet times.",
			"They added that in 2023, 90% of Russian microelectronics imports came from China.",
			"President Joe Biden raised the issue with Chinese President Xi Jinping during their recent phone call.",
		}},
		{"thelocalreport", []string{
			"China is helping Russia in its largest military expansion since the Soviet era, U.S. officials said on Friday.",
			"U.S. officials also said that 90% of the microelectronics imported by Russia last year came from China.",
			"More than 70% of the $900 million worth of machine tools imported by Russia were provided by China.",
		}},
		{"idrw", []string{
			"Moscow is now undertaking its most ambitious expansion in military manufacturing since the Soviet era, CNN reported.",
			"In 2023, 90 per cent of Russia’s micro-electronics imports came from China, a second official said.",
			"Earlier this month, Treasury Secretary Janet Yellen delivered China a warning during her trip.",
		}},
	}
	cands := Suggest(sources)
	t.Logf("%s", YAML(cands))
	checkYAML(t, sources, cands)
	if len(cands) < 3 {
		t.Fatalf("got %d candidates, want at least 3: %+v", len(cands), cands)
	}
	for _, c := range cands[:2] {
		if len(c.Quotes) != 3 {
			t.Errorf("candidate %s has %d quotes, want 3: %+v", c.ID, len(c.Quotes), c.Quotes)
		}
	}
	var ids []string
	for _, c := range cands {
		ids = append(ids, c.ID)
	}
	all := strings.Join(ids, " ")
	for _, want := range []string{"90pct", "900m-usd"} {
		if !strings.Contains(all, want) {
			t.Errorf("ids %q: none has %q", ids, want)
		}
	}
	// Deterministic: the same input gives the same output.
	if again := YAML(Suggest(sources)); string(again) != string(YAML(cands)) {
		t.Error("Suggest is not deterministic")
	}
}
