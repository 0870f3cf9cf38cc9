package crosscheck

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
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
	extra := []string{"İSTANBUL", "\u212aelvin", "ǅemal", "Ⅻ", "٣٤", "$٣", "\xff\xfeabc", "ΣΟΦΙΑ", "Straße", "imports", "Imported",
		"things", "takes", "bring", "sing", "bringing", "used", "uses", "Officials", "ACCORDING", "It's", "tHe", "Über", "ªbc", "a\u212a"}
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

// sentencePieces are the pieces random paragraphs are built from to
// check Sentences: marks, what may follow them, abbreviations in every
// case (and the Unicode letters that lower-case to ASCII), closing
// quotes and brackets, and broken UTF-8.
var sentencePieces = []string{
	".", "!", "?", ". ", "! ", "? ", " ", "  ", "\t", ".”", ".’ ", ".) ", ".] ", "\"", "'", "“", "‘", "”", "’",
	"said", "Russia", "China", "the", "abc", "x", "U.S.", "e.g.", "Mr.", "MR.", "Mrs.", "Gen.", "gEn.", "Prof.",
	"Corp.", "CORPS.", "Inc..", "St.", "No.", "etc.", "Vs.", "\u212ao.", "İnc.", "Mr", "2.5", "12", "Éa", "éa", "Ωmega",
	"\xe2", "\xff", "\xe2\x80", "said.Russia", "ab.Cd", "abc.De", "ABC.De", "said.R", ".A", "A", "b", "Z",
}

// checkSentences fails t when appendSentences differs from the old code
// on s.
func checkSentences(t *testing.T, s string) {
	t.Helper()
	if got, want := appendSentences(nil, s), oldAppendSentences(nil, s); !reflect.DeepEqual(got, want) {
		t.Fatalf("appendSentences(%q)\n got %v\nwant %v", s, got, want)
	}
}

// TestSentencesMatchOld compares appendSentences with the old code,
// which stepped through the text rune by rune, on random text.
func TestSentencesMatchOld(t *testing.T) {
	for _, s := range []string{"", ".", "a. B", "Mr. Smith. He left! Why? 3 were there.", "“Yes.” Then", "U.S. aid. More"} {
		checkSentences(t, s)
	}
	r := rand.New(rand.NewPCG(11, 12))
	for range 100000 {
		var b strings.Builder
		for range 1 + r.IntN(25) {
			b.WriteString(sentencePieces[r.IntN(len(sentencePieces))])
		}
		checkSentences(t, b.String())
	}
}

func FuzzSentences(f *testing.F) {
	f.Add("Mr. Smith said.Russia’s aid rose 2.5%. “Yes!” he said? No.")
	f.Add("İnc. \u212ao. U.S. e.g. x")
	f.Fuzz(checkSentences)
}

// TestStopTable checks isStop against the map of the stop words, on
// every stop word and on words that differ from one by a byte.
func TestStopTable(t *testing.T) {
	for w := range oldStop {
		variants := []string{w, w + "s", w[1:], strings.ToUpper(w), "x" + w}
		for i := range len(w) {
			b := []byte(w)
			b[i] ^= 1
			variants = append(variants, string(b))
		}
		for _, v := range variants {
			if got := isStop(v); got != oldStop[v] {
				t.Errorf("isStop(%q) = %v, want %v", v, got, oldStop[v])
			}
			if got := isStop([]byte(v)); got != oldStop[v] {
				t.Errorf("isStop([]byte(%q)) = %v, want %v", v, got, oldStop[v])
			}
		}
	}
	if isStop("") {
		t.Error(`isStop("") = true`)
	}
}

// checkTerms fails t when the terms of s, or the key of one of its
// words, differ from the old code's.
func checkTerms(t *testing.T, s string) {
	t.Helper()
	if got, want := terms(s), oldTerms(s); !reflect.DeepEqual(got, want) {
		t.Fatalf("terms(%q)\n got %v\nwant %v", s, got, want)
	}
	eachWord(s, func(w string, first bool) {
		want := oldClassify(w, first)
		key, weight := appendTermKey([]byte("x"), w, first)
		if string(key) != "x"+want.key || weight != want.weight && want.key != "" {
			t.Fatalf("appendTermKey(%q, %v) = %q, %v; classify gives %q, %v", w, first, key, weight, want.key, want.weight)
		}
	})
}

// checkTermKeys fails t when eachTermKey differs on s from eachWord and
// appendTermKey, which it does the work of in one pass.
func checkTermKeys(t *testing.T, s string) {
	t.Helper()
	type keyed struct {
		key    string
		weight float64
	}
	var got, want []keyed
	eachTermKey(s, nil, func(key []byte, weight float64) { got = append(got, keyed{string(key), weight}) })
	eachWord(s, func(w string, first bool) {
		if key, weight := appendTermKey(nil, w, first); weight != 0 {
			want = append(want, keyed{string(key), weight})
		}
	})
	if !slices.Equal(got, want) {
		t.Fatalf("eachTermKey(%q)\n got %v\nwant %v", s, got, want)
	}
}

// TestTermKeysMatchWords compares eachTermKey with eachWord and
// appendTermKey on random text and on edge cases: words trimmed to
// nothing before the first term, per cent signs, currency, capitals.
func TestTermKeysMatchWords(t *testing.T) {
	for _, s := range []string{"", "-- Russia imports", "... 90%, 5%-6% $5 $ %", "Officials said", "x Officials", "-,.Imports,.-", "İSTANBUL Über ſix", "a\xffb"} {
		checkTermKeys(t, s)
	}
	r := rand.New(rand.NewPCG(19, 20))
	extra := []string{"İSTANBUL", "\u212aelvin", "ǅemal", "Ⅻ", "٣٤", "$٣", "\xff\xfeabc", "Straße", "Imports", "bringing", "Officials", "-x-", "..."}
	for range 50000 {
		checkTermKeys(t, randomText(r, 20)+" "+extra[r.IntN(len(extra))]+randomText(r, 5))
	}
}

func FuzzTermKeys(f *testing.F) {
	f.Add("Officials said 90% of Russia’s imports, according to things, were $5bn.")
	f.Add("-- İSTANBUL \u212aelvin ǅemal Ⅻ ٣٤ $٣ \xff\xfeabc -x.y, bringing")
	f.Fuzz(checkTermKeys)
}

func FuzzTerms(f *testing.F) {
	f.Add("Officials said 90% of Russia’s imports, according to things, were $5bn.")
	f.Add("İSTANBUL \u212aelvin ǅemal Ⅻ ٣٤ $٣ \xff\xfeabc -x.y, bringing")
	f.Fuzz(checkTerms)
}

// TestFigureStart checks that figureStart, which spares matchFigure
// most bytes, never turns away one where matchFigure finds a match.
func TestFigureStart(t *testing.T) {
	r := rand.New(rand.NewPCG(15, 16))
	for _, s := range []string{"US$5", "uſ$5", "Uſ$ 5", "€5", "£5bn", "₹5", "ſix times", "aſix times", "x ſeven times", "twice", "at twice",
		"TWO times", "Three\ttimes", "ten times", "FOUR times", "Five times", "SIX times", "seven times", "Eight times", "nine times", "two"} {
		for i := range len(s) {
			if end, _ := matchFigure(s, i); end > i && !figureStart(s, i) {
				t.Fatalf("figureStart(%q, %d) = false, but %q matches there", s, i, s[i:end])
			}
		}
	}
	for range 100000 {
		s := randomText(r, 30)
		for i := range len(s) {
			if end, _ := matchFigure(s, i); end > i && !figureStart(s, i) {
				t.Fatalf("figureStart(%q, %d) = false, but %q matches there", s, i, s[i:end])
			}
		}
	}
}

// checkWordHelpers fails t when the hand-written helpers of Figures
// differ, on s, from the library calls and the expression they replace.
func checkWordHelpers(t *testing.T, s string) {
	t.Helper()
	i, j := trimPunct(s)
	if got, want := s[i:j], strings.Trim(s, ".,;:!?\"'“”‘’()"); got != want {
		t.Fatalf("trimPunct(%q) = %q, want %q", s, got, want)
	}
	if got, want := endsMeasure(s), strings.ContainsAny(s, ".,;:!?"); got != want {
		t.Fatalf("endsMeasure(%q) = %v, want %v", s, got, want)
	}
	var fields []string
	for _, f := range appendFields(nil, s) {
		fields = append(fields, s[f.Start:f.End])
	}
	if want := strings.Fields(s); !slices.Equal(fields, want) {
		t.Fatalf("appendFields(%q) = %q, want %q", s, fields, want)
	}
	if got, want := monthWord(s), oldMonthWord.MatchString(s); got != want {
		t.Fatalf("monthWord(%q) = %v, want %v", s, got, want)
	}
}

// TestWordHelpers compares the helpers of Figures with what they
// replace, on random words.
func TestWordHelpers(t *testing.T) {
	pieces := append([]string{"Jan", "jUNE", "Jul.", "FEB", "mar", "MAY", "april", "Aug", "ſep", "SEPT.", "oct", "Nov", "dec", "xmay", "Sep..", "jan\u212a"}, figurePieces...)
	r := rand.New(rand.NewPCG(17, 18))
	for _, s := range pieces {
		checkWordHelpers(t, s)
	}
	for range 100000 {
		var b strings.Builder
		for range 1 + r.IntN(4) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		checkWordHelpers(t, b.String())
	}
}

func FuzzWordHelpers(f *testing.F) {
	f.Add("“(Sep.,”")
	f.Add("\xe2\x80\x9d’ \u00a0 \u0085 Jan")
	f.Fuzz(checkWordHelpers)
}
