package clean

import (
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"
)

// dateMatchers are the hand-written matchers of the date patterns,
// each with the regexp it follows.
var dateMatchers = []struct {
	name string
	re   *regexp.Regexp
	find func(string) (dateSubmatch, bool)
}{
	{"dateMDY", dateMDY.get(), findMDY},
	{"dateDMY", dateDMY.get(), findDMY},
	{"dateISO", dateISO.get(), findISO},
	{"dateDots", dateDots.get(), findDots},
}

// checkDateMatchers checks every date matcher and the filler scanner
// against their regexps on s.
func checkDateMatchers(t *testing.T, s string) {
	t.Helper()
	for _, m := range dateMatchers {
		want, wantOK := submatchOf(m.re.FindStringSubmatchIndex(s))
		if got, ok := m.find(s); got != want || ok != wantOK {
			t.Errorf("%s on %q: got %v, %v; the regexp finds %v, %v", m.name, s, got, ok, want, wantOK)
		}
	}
	var spans [][]int
	for start, end := range dateFillers(s) {
		spans = append(spans, []int{start, end})
	}
	if want := dateFiller.FindAllStringIndex(s, -1); !equalSpans(spans, want) {
		t.Errorf("dateFillers(%q) = %v; the regexp finds %v", s, spans, want)
	}
	if got, want := fieldsWithoutFiller(s), len(strings.Fields(dateFiller.ReplaceAllString(s, " "))); got != want {
		t.Errorf("fieldsWithoutFiller(%q) = %d, want %d", s, got, want)
	}
	want := dateFiller.MatchString(s) && strings.Trim(dateFiller.ReplaceAllString(s, ""), " ") == ""
	if got := onlyFiller(s); got != want {
		t.Errorf("onlyFiller(%q) = %v, want %v", s, got, want)
	}
}

func equalSpans(a, b [][]int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i][0] != b[i][0] || a[i][1] != b[i][1] {
			return false
		}
	}
	return true
}

// TestDateMatchers checks the date matchers on dates, near-dates and
// the ways a regexp can prefer one match to another.
func TestDateMatchers(t *testing.T) {
	tests := []struct {
		in   string
		find func(string) (dateSubmatch, bool)
		want dateSubmatch // match, then groups; all 0 for no match
	}{
		{"April 16, 2024", findMDY, dateSubmatch{0, 14, 0, 5, 6, 8, 10, 14}},
		{"Apr16,2024", findMDY, dateSubmatch{0, 10, 0, 3, 3, 5, 6, 10}},
		{"SEPT. 3rd 2024.", findMDY, dateSubmatch{0, 14, 0, 4, 6, 7, 10, 14}},
		{"sepember 3 2024", findMDY, dateSubmatch{0, 15, 0, 8, 9, 10, 11, 15}},
		{"April 12024", findMDY, dateSubmatch{0, 11, 0, 5, 6, 7, 7, 11}}, // the day gives back a digit
		{"April 120245", findMDY, dateSubmatch{0, 12, 0, 5, 6, 8, 8, 12}},
		{"April 1202456", findMDY, dateSubmatch{}},
		{"xApril 16, 2024", findMDY, dateSubmatch{}},
		{"é April 16, 2024", findMDY, dateSubmatch{3, 17, 3, 8, 9, 11, 13, 17}},
		{"Mayday 1, 2024", findMDY, dateSubmatch{}},
		{"16 April 2024", findDMY, dateSubmatch{0, 13, 0, 2, 3, 8, 9, 13}},
		{"16th of\tAug., 2024", findDMY, dateSubmatch{0, 18, 0, 2, 8, 11, 14, 18}},
		{"1 oct2024", findDMY, dateSubmatch{0, 9, 0, 1, 2, 5, 5, 9}},
		{"116 April 2024", findDMY, dateSubmatch{}},
		{"2024-04-16", findISO, dateSubmatch{0, 10, 0, 4, 5, 7, 8, 10}},
		{"2024-04-16T09:30", findISO, dateSubmatch{0, 11, 0, 4, 5, 7, 8, 10}},
		{"2024/4/1x", findISO, dateSubmatch{}},
		{"12024-04-16", findISO, dateSubmatch{}},
		{"16.04.2024", findDots, dateSubmatch{0, 10, 0, 2, 3, 5, 6, 10}},
		{"rose 73.9% by 16.04.2024", findDots, dateSubmatch{14, 24, 14, 16, 17, 19, 20, 24}},
		{"1.2.20245", findDots, dateSubmatch{}},
	}
	for _, tt := range tests {
		got, ok := tt.find(tt.in)
		if got != tt.want || ok != (tt.want != dateSubmatch{}) {
			t.Errorf("%q: got %v, %v; want %v", tt.in, got, ok, tt.want)
		}
		checkDateMatchers(t, tt.in)
	}
	for _, s := range []string{"Published: April 16, 2024 | 10:30 IST", "Updated 9.30 a.m. today", "Last updated on Monday",
		"mon monday MONDAY.", "1:23:45 123:45 1.234", "a.m.x p.m. pm.", "first  published", "—·•–|,:-/()", "at_on", "ATTIME",
		"\xff|\xe2\x80|\xe2\x80\xa2", "ſun K", "date:time", "edt5", "12:3", "7.45"} {
		checkDateMatchers(t, s)
	}
}

// datePieces are the pieces of the random strings the date matchers are
// checked on.
var datePieces = []string{"1", "16", "2024", "1999", "12345", " ", "  ", "\t", "\n", "\v", "\u00a0", ".", ",", "-", "/", ":", "|",
	"•", "—", "(", ")", "of", "OF", "st", "Th", "nd", "rd", "May", "sept", "SEPTEMBER", "sepember", "jan", "January", "Juneau",
	"aug", "x", "_", "é", "day", "T", "t", "on", "at", "AM", "a.m.", "p.m", "ist", "Monday", "mon", "last updated", "first",
	"published", "sun", "est", "msk", "hrs", "today", "ſ", "ſep", "ſt", "\u212A", "\xff", "\xe2\x80"}

// TestDateMatchersRandom checks the date matchers against their regexps
// on random strings made of the pieces of dates.
func TestDateMatchersRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for range 30000 {
		checkDateMatchers(t, randomJoin(rng, datePieces, 10))
	}
	for _, l := range testLines(t) {
		checkDateMatchers(t, l)
	}
}

// FuzzDateMatchers checks the date matchers against their regexps.
func FuzzDateMatchers(f *testing.F) {
	for _, p := range datePieces {
		f.Add(p)
	}
	f.Add("Published: April 16, 2024 | 10:30 IST")
	f.Add("16th of Aug., 2024 2024-04-16T09 16.04.2024")
	f.Fuzz(func(t *testing.T, s string) {
		checkDateMatchers(t, s)
	})
}
