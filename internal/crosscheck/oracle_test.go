package crosscheck

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
)

// The differential tests check the hand-written figure scanner and the
// reworked Figures against the expression and the code they replace
// (old_test.go), on random text built from the pieces where they could
// differ: every case of every word of the pattern, the Kelvin sign and
// the long s that (?i) folds to k and s, \s and the spaces it leaves
// out (\v, Unicode spaces), word boundaries, months, punctuation and
// broken UTF-8.

// figurePieces are the pieces random sentences are built from.
var figurePieces = []string{
	"90", "%", " per cent", " percent", "per\tcent", " PER CENT", "Percent", "cent", "$", "US$", "uſ$", "€", "£", "₹", "US",
	" million", " billion", " trillion", " crore", " lakh", " la\u212ah", " bn", " mn", "MN", " dollars", " Euros",
	" pounds", " rubles", " roubles", " yuan", " thousand", " thouſand", " hundred", " three times", " Twice", " TIMES",
	" timeſ", " twice", "twicex", " two", " Three", " four", " five", " six", " ſix", " seven", " eight", " nine", " ten",
	"tim", "es", " 2.5", " 40 thousand", "x7", "2023", "1999", "19", "20", "2100", "1,200", ",", ".", " 12", "5th", "P-8I",
	" April", " Apr.", " may", " Sep", " ſep", "tember", " dec.", " of", " the", " imports", " Russia’s", " China", " said",
	"\u212a", "\u017f", "  ", "\t", "\n", "\v", "\f", "\r", "\u00a0", "\u0085", "\u2003", "–", "’", "“", "”", "(", ")",
	";", ":", "!", "?", "_", "a", "Z", "0", "7", ".5", "3.", "\xe2", "\xc5", "\xbf", "\xe2\x84", "é", "ß", "İ", "Ǆ", "%-",
	" 5 million dollars", "9.9\nbillion\fyuan", "$ 5", "£5bn", " 7,", ",8", "1.2.3", "x-ray", "well-known", "U.S.",
}

func randomText(r *rand.Rand, pieces int) string {
	var b strings.Builder
	for range 1 + r.IntN(pieces) {
		b.WriteString(figurePieces[r.IntN(len(figurePieces))])
	}
	return b.String()
}

// oldMatches returns the matches of oldFigureRE in s as figureMatches.
func oldMatches(s string) []figureMatch {
	var out []figureMatch
	kinds := map[string]Kind{"money": Money, "percent": Percent, "multiple": Multiple, "year": Year, "count": Count}
	names := oldFigureRE.SubexpNames()
	for _, m := range oldFigureRE.FindAllStringSubmatchIndex(s, -1) {
		fm := figureMatch{start: m[0], end: m[1]}
		for g := 1; g < len(names); g++ {
			if m[2*g] >= 0 {
				fm.kind = kinds[names[g]]
				break
			}
		}
		out = append(out, fm)
	}
	return out
}

// checkFigures fails t when the scanner or Figures differ from the old
// code on s.
func checkFigures(t *testing.T, s string) {
	t.Helper()
	if got, want := appendFigureMatches(nil, s), oldMatches(s); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("appendFigureMatches(%q)\n got %v\nwant %v", s, got, want)
	}
	checkFiguresOf(t, strings.Split(s, "\n\n"))
}

// checkFiguresOf fails t when Figures differs from the old code on paras.
func checkFiguresOf(t *testing.T, paras []string) {
	t.Helper()
	if got, want := asOld(Figures(paras)), oldFigures(paras); !reflect.DeepEqual(got, want) {
		t.Fatalf("Figures(%q)\n got %#v\nwant %#v", paras, got, want)
	}
}

func TestFigureMatches(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for range 100000 {
		s := randomText(r, 30)
		checkFigures(t, s)
	}
}

// TestFiguresGenerated compares Figures with the old code on the
// articles of a generated dossier.
func TestFiguresGenerated(t *testing.T) {
	_, sources, _ := cachedSources(100)
	for _, paras := range sources {
		checkFiguresOf(t, paras)
	}
}

// TestTermsMatchOld compares the terms of random text with the old code's.
func TestTermsMatchOld(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	for range 30000 {
		s := randomText(r, 20)
		if got, want := terms(s), oldTerms(s); !reflect.DeepEqual(got, want) {
			t.Fatalf("terms(%q)\n got %v\nwant %v", s, got, want)
		}
	}
}

// TestTermKeyMatchesClassify compares appendTermKey with classify on the
// words of random text.
func TestTermKeyMatchesClassify(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	extra := []string{"İSTANBUL", "\u212aelvin", "ǅemal", "Ⅻ", "٣٤", "$٣", "\xff\xfeabc", "ΣΟΦΙΑ", "Straße", "imports", "Imported"}
	for range 30000 {
		s := randomText(r, 12) + " " + extra[r.IntN(len(extra))]
		eachWord(s, func(w string, first bool) {
			want := oldClassify(w, first)
			key, weight := appendTermKey([]byte("x"), w, first)
			if string(key) != "x"+want.key || weight != want.weight && want.key != "" {
				t.Fatalf("appendTermKey(%q, %v) = %q, %v; classify gives %q, %v", w, first, key, weight, want.key, want.weight)
			}
		})
	}
}
