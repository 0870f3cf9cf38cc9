package clean

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp/syntax"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// testLines returns the lines of the test captures and the seeds.
func testLines(t *testing.T) []string {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join("testdata", "*.txt"))
	seeds, _ := filepath.Glob(filepath.Join("testdata", "seeds", "*.txt"))
	var lines []string
	for _, f := range append(files, seeds...) {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		lines = append(lines, strings.Split(string(raw), "\n")...)
	}
	return lines
}

// TestAnchoredPrefilter checks the verdicts of the automaton of every
// anchored regexp against the regexp: on the lines of the test
// captures, as they are and in lower case, and on random matches, cut
// short and followed by other text.
func TestAnchoredPrefilter(t *testing.T) {
	var inputs []string
	for _, l := range testLines(t) {
		inputs = append(inputs, l, strings.ToLower(l), normSpace(l))
	}
	inputs = append(inputs, "", "ad", "ad.", "Ad", "\u212Aomment", "ſhare", "related\xff", "\xffrelated", "автор: Иван",
		"Related: ", "more from x\ny", "comments (12)", "By Jane Doe", "photo: x", "\xff says:", "\xe2\x80 wrote:",
		"follow", "follows", "follow_", "follow-up", "follow\n", "sign up!", "share9", "more fromage", "more from")
	tails := []string{"", " and more", "s", "_", "9", ".", "\n", "\t", ":", "é", "x y", " \u00a0"}
	rng := rand.New(rand.NewPCG(1, 2))
	for _, re := range anchoredAll {
		name := re.expr
		prog, err := syntax.Compile(mustParse(t, re.expr).Simplify())
		if err != nil {
			t.Fatal(err)
		}
		re.compile()
		check := func(s string) {
			v, match := re.verdict(s), re.re.MatchString(s)
			if v == dfaReject && match || v == dfaMatch && !match {
				t.Errorf("%s: verdict %d on %q, which the regexp matches: %v", name, v, s, match)
			}
		}
		for _, s := range inputs {
			check(s)
		}
		for range 3000 {
			s := randomMatch(prog, rng)
			for _, tail := range []string{tails[rng.IntN(len(tails))], tails[rng.IntN(len(tails))]} {
				check(s + tail)
			}
			check(strings.ToUpper(s))
			if len(s) > 0 {
				check(s[:rng.IntN(len(s))])
			}
		}
	}
}

func mustParse(t *testing.T, expr string) *syntax.Regexp {
	re, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		t.Fatal(err)
	}
	return re
}

// randomJoin returns one to most pieces, picked by rng, end to end: the
// random inputs the tests of the hand-written matchers read.
func randomJoin(rng *rand.Rand, pieces []string, most int) string {
	var b strings.Builder
	for k := rng.IntN(most); k >= 0; k-- {
		b.WriteString(pieces[rng.IntN(len(pieces))])
	}
	return b.String()
}

// randomMatch follows a random path through prog and returns the text
// it reads: often, but not always (assertions are not checked), a
// match.
func randomMatch(prog *syntax.Prog, rng *rand.Rand) string {
	var b strings.Builder
	pc := uint32(prog.Start)
	for steps := 0; steps < 200; steps++ {
		in := &prog.Inst[pc]
		switch in.Op {
		case syntax.InstMatch, syntax.InstFail:
			return b.String()
		case syntax.InstAlt, syntax.InstAltMatch:
			pc = in.Out
			if rng.IntN(2) == 0 {
				pc = in.Arg
			}
			continue
		case syntax.InstRune:
			var r rune
			if len(in.Rune) == 1 {
				r = in.Rune[0]
				if syntax.Flags(in.Arg)&syntax.FoldCase != 0 {
					for k := rng.IntN(3); k > 0; k-- {
						r = unicode.SimpleFold(r)
					}
				}
			} else {
				i := 2 * rng.IntN(len(in.Rune)/2)
				lo, hi := in.Rune[i], min(in.Rune[i+1], in.Rune[i]+300)
				r = lo + rune(rng.IntN(int(hi-lo)+1))
			}
			if utf8.ValidRune(r) {
				b.WriteRune(r)
			}
		case syntax.InstRune1:
			b.WriteRune(in.Rune[0])
		case syntax.InstRuneAny, syntax.InstRuneAnyNotNL:
			b.WriteByte("ab .:\n"[rng.IntN(6)])
		}
		pc = in.Out
	}
	return b.String()
}

// TestSubstringPrefilters checks that the cheap tests run before
// unanchored regexps hold for everything the regexps match.
func TestSubstringPrefilters(t *testing.T) {
	inputs := []string{"April 16, 2024", "ſeptember 3 2024", "16th of AUG, 2024", "2024-04-16", "x2024/4/1T", "1999.12.31",
		"Photo credit: Jane Doe", "IMAGE SOURCE: Reuters", "pic:  x y", "Image ſource: X", "Sept. 3, 2024", "16th  OF\tMarch 2020", "16 May, 2024", "Tuesday, Nov. 19, 2019", "on Monday, the", "Sunday, ſeptember 1, 2024", "3rd\tAug,2019", "1st of may,2024", "Apr16,2024", "on 3rd\nJanuary 1999", "16.Dec 2020",
		"Student-AthleteA 24-year-old", "Really?Yes", "ÉtéÀ la", "word’Next",
		"© 2024 all rights reserved", "(c) 2019", "x=1&y=2", "fbq", "cookie policy", "reporting by jane", "leave a reply", "(pictured)",
		"A man waits. (AP Photo/Jane Doe)", "Photo: REUTERS/Kim Kyung-Hoon", "Getty Images.", "Photo by JOHN", "(Shutterstock).",
		"Credit: Jane. Image: John Doe", "Jane Doe is a staff writer.", "Jane writes about tech", "Follow her on X",
		"he told Reuters on Monday", "Reuters reported", "AP\thas learned", "the report said. — AP.", "(AP) — The", "AP - The",
		"according to  The New York Times", "CNN\nsaid", "dpa-AFX", "Xinhua —", "a report in Politico",
		"Jane Doe/AFP via Getty Images", "John Roe / Reuters File.", "Kim/AP Photo)", "Ann/Getty Images).", "PHOTO BY JANE.",
		"Follow us at www.Example.COM", "bbc.co.uk.x", "_-b.com", "news.in_", "x.IO.", "a..de", "(c) site.news 2024"}
	inputs = append(inputs, testLines(t)...)
	// Random strings made of the pieces of dates.
	pieces := []string{"1", "16", "2024", "1999", " ", "  ", "\t", "\n", ".", ",", "-", "/", "of", "OF", "st", "Th", "nd",
		"May", "sept", "SEPTEMBER", "jan", "Juneau", "x", "day", "T", ":", "ſep", "ſt",
		"Reuters", "AP", "The Associated Press", "(", ")", "—", "–", "told", "said", "according to", "reported", "has learned",
		"Photo", "Getty Images", "credit", "Image",
		"com", "Co.", "uk", ".in", "news", "www", "example", "_", "ſ", "\u212A"}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 6000 {
		inputs = append(inputs, randomJoin(rng, pieces, 8))
	}
	for _, s := range inputs {
		lower := strings.ToLower(s)
		v := scanVocab(lower)
		for kind, phrases := range vocabPhrases {
			if got, want := v&kind != 0, containsAny(lower, phrases); got != want {
				t.Errorf("scanVocab(%q) has kind %b: %v, want %v", lower, kind, got, want)
			}
		}
		if head := s[:min(len(s), 160)]; gluedRE.MatchString(head) && !mayBeGlued(head) {
			t.Errorf("mayBeGlued(%q) = false, but gluedRE matches", head)
		}
		if creditLabelRE.MatchString(s) && !foldsToASCII(s) && !mayEndInCreditLabel(s) {
			t.Errorf("mayEndInCreditLabel(%q) = false, but creditLabelRE matches", s)
		}
		if captionCreditRE.MatchString(s) && !foldsToASCII(s) && !mayEndInCredit(s) {
			t.Errorf("mayEndInCredit(%q) = false, but captionCreditRE matches", s)
		}
		if agencyCreditRE.MatchString(s) && !mayEndInAgencyCredit(s) {
			t.Errorf("mayEndInAgencyCredit(%q) = false, but agencyCreditRE matches", s)
		}
		if weekdayDateRE.MatchString(s) && !mayHoldWeekdayDate(s) {
			t.Errorf("mayHoldWeekdayDate(%q) = false, but weekdayDateRE matches", s)
		}
		if genericBioRE.MatchString(s) && !mayBeGenericBio(s) {
			t.Errorf("mayBeGenericBio(%q) = false, but genericBioRE matches", s)
		}
		checkCredits(t, s)
		if domainRE.MatchString(s) && !mayHoldDomain(s) {
			t.Errorf("mayHoldDomain(%q) = false, but domainRE matches", s)
		}
	}
}

// checkCredits checks that creditedAgencies finds every agency whose
// credit patterns match s, and that creditCount counts their matches.
func checkCredits(t *testing.T, s string) {
	t.Helper()
	credited := creditedAgencies(nil, s)
	for k, re := range creditREs() {
		want := len(re.FindAllStringIndex(s, -1))
		i := slices.IndexFunc(credited, func(c credit) bool { return c.agency == k })
		switch {
		case i < 0 && want > 0:
			t.Errorf("creditedAgencies(%q) = %v, but %s's credit pattern matches", s, credited, agencies[k].Name)
		case i >= 0:
			if got := creditCount(credited[i], s); got != want {
				t.Errorf("creditCount(%v, %q) = %d, want %d", credited[i], s, got, want)
			}
		}
	}
}

// TestCreditCount checks creditCount on lines that credit agencies and
// on random strings of the pieces of credits.
func TestCreditCount(t *testing.T) {
	pieces := []string{"Reuters", "AP", "AFP", "The Associated Press", "Associated Press", "Agence France-Presse", "CNN",
		"told ", "told", "according to ", "in an interview with ", "the report from ", "a report by ", "via ",
		" reported", " said", " has learned", " said in its report", "(", ")", " — ", "—", "–", "-", " - ", ",", ".",
		" ", "  ", "\t", "\n", "x", "_", "the", "é", "said. ", "Reuters)", "(AP) —", "^", "$"}
	rng := rand.New(rand.NewPCG(11, 12))
	for range 3000 {
		checkCredits(t, randomJoin(rng, pieces, 12))
	}
	for _, s := range []string{"", "Reuters", "Reuters reported Reuters reported", "he told Reuters, which told AP",
		"the report said — Reuters.", "(AP) — The", "AP - The", "x" + strings.Repeat(" ", 40) + "— AP", "retold Reuters"} {
		checkCredits(t, s)
	}
}

func FuzzCredits(f *testing.F) {
	f.Add("he told Reuters on Monday, according to AP. — Reuters.")
	f.Add("(AP) — The talks, Reuters reported, ended")
	f.Fuzz(checkCredits)
}

// TestHasSuffixFold checks hasSuffixFold against strings.EqualFold of
// as many bytes at the end.
func TestHasSuffixFold(t *testing.T) {
	pieces := []string{"a", "A", "s", "S", "k", "K", "ſ", "\u212A", "é", "É", ".", " ", "photo", "PHOTO", "Getty Images", "\xff"}
	suffixes := append([]string{"", "s", "k", "photo", "photo by ", "reuters/"}, captionCreditEnds...)
	rng := rand.New(rand.NewPCG(13, 14))
	for range 20000 {
		s := randomJoin(rng, pieces, 6)
		for _, suffix := range suffixes {
			want := len(s) >= len(suffix) && strings.EqualFold(s[len(s)-len(suffix):], suffix)
			if got := hasSuffixFold(s, suffix); got != want {
				t.Fatalf("hasSuffixFold(%q, %q) = %v, want %v", s, suffix, got, want)
			}
		}
	}
}

// TestPrepare checks that every regexp the package compiles when first
// needed compiles (which a package-level regexp.MustCompile checked when
// the program started), Prepare making them all.
func TestPrepare(t *testing.T) {
	Prepare()
	if len(lazyAll) < 20 {
		t.Errorf("%d lazy regexps: the package-level ones are registered by lazyRegexp", len(lazyAll))
	}
	for _, l := range lazyAll {
		if re := l.get(); re == nil || re.String() != l.expr || l.String() != l.expr {
			t.Errorf("lazy regexp %q: %v", l.expr, re)
		}
	}
	if len(creditREs()) == 0 {
		t.Error("no credit regexps")
	}
	for _, a := range anchoredAll {
		if a.re == nil || len(a.next) == 0 {
			t.Errorf("anchored regexp %q not compiled", a.expr)
		}
	}
}
