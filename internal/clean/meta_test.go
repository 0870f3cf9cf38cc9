package clean

import (
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// isCaption reports whether s is a photo caption or credit, as the
// cleaner decides it.
func isCaption(s string) bool { return isCaptionVocab(s, scanVocab(strings.ToLower(s))) }

func TestParseDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Apr16,2024", "2024-04-16"},
		{"April 16, 2024", "2024-04-16"},
		{"16 April 2024", "2024-04-16"},
		{"16th of April, 2024", "2024-04-16"},
		{"2024-04-16", "2024-04-16"},
		{"2024-04-16T09:30:00+05:30", "2024-04-16"},
		{"Sun. May 26th, 2024", "2024-05-26"},
		{"Updated: Sept. 3, 2023 10:15 AM ET", "2023-09-03"},
		{"16.04.2024", "2024-04-16"},
		{"Published 1 Dec 2019", "2019-12-01"},
		{"February 30, 2024", ""},
		{"2024-13-01", ""},
		{"no date here", ""},
		{"in May 2024", ""},
	}
	for _, tt := range tests {
		got, ok := ParseDate(tt.in)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("ParseDate(%q) = %q, %v; want %q", tt.in, got, ok, tt.want)
		}
	}
}

func TestIsDateLine(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"Sun. May 26th, 2024", true},
		{"Published: April 16, 2024 | 10:30 IST", true},
		{"Last updated on 2024-04-16 at 09:00", true},
		{"The talks began on April 16, 2024 in Beijing and ended a week later.", false},
	}
	for _, tt := range tests {
		if _, ok := isDateLine(tt.in); ok != tt.want {
			t.Errorf("isDateLine(%q) = %v, want %v", tt.in, ok, tt.want)
		}
	}
}

func TestParseByline(t *testing.T) {
	tests := []struct{ in, author, date string }{
		{"By Jane Doe", "Jane Doe", ""},
		{"by Jane Doe and John Roe", "Jane Doe and John Roe", ""},
		{"Jane Doe By Jane Doe Apr16,2024", "Jane Doe", "2024-04-16"},
		{"Prepared by: Ivan Petrov", "Ivan Petrov", ""},
		{"Written by Anna van der Berg | March 3, 2023", "Anna van der Berg", "2023-03-03"},
		{"Author: Li Wei", "Li Wei", ""},
		{"By J. R. Smith, Reuters", "J. R. Smith, Reuters", ""},
		{"By the end of the year prices rose.", "", ""},
		{"Stand by me", "", ""},
	}
	for _, tt := range tests {
		author, date, ok := parseByline(tt.in)
		if author != tt.author || date != tt.date || ok != (tt.author != "") {
			t.Errorf("parseByline(%q) = %q, %q, %v; want %q, %q", tt.in, author, date, ok, tt.author, tt.date)
		}
	}
}

func TestAttribution(t *testing.T) {
	tests := []struct {
		name  string
		lines []string
		want  string
	}{
		{"dash credit", []string{"China is helping Russia, – Reuters"}, "Reuters"},
		{"reports", []string{"Officials said so, reports Reuters.", "A spokesman told Reuters it was normal."}, "Reuters"},
		{"reported", []string{"The plan is ambitious, CNN reported.", "CNN said in its report that banks were targeted."}, "CNN"},
		{"dominant", []string{"according to AFP", "CNN reported", "AFP reported", "told AFP"}, "AFP"},
		{"dateline", []string{"WASHINGTON (AP) — The Senate voted on Tuesday."}, "AP"},
		{"none", []string{"Officials said the talks would continue.", "The Apple shares rose."}, ""},
		{"mention is not credit", []string{"He once worked for Reuters and the BBC."}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := attribution(tt.lines); got != tt.want {
				t.Errorf("attribution = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestOutletFrom(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Follow us on Google news ,Twitter , and Join Whatsapp Group of example.in", "example.in"},
		{"© 2024 www.Example-News.com. All rights reserved.", "example-news.com"},
		{"Follow us on twitter.com/example", ""},
		{"Visit example.com for more", ""},
	}
	for _, tt := range tests {
		if got := outletFrom(tt.in); got != tt.want {
			t.Errorf("outletFrom(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestParseBylineLanguages(t *testing.T) {
	tests := []struct{ in, author string }{
		{"Por Juan Pérez", "Juan Pérez"},
		{"Publicado por: Clarissa Borba", "Clarissa Borba"},
		{"Von Hans Müller", "Hans Müller"},
		{"Par Jean Dupont", "Jean Dupont"},
		{"Autor: Jan Kowalski", "Jan Kowalski"},
		{"Por favor, espere", ""},
		{"Von der Leyen said so", ""},
	}
	for _, tt := range tests {
		author, _, ok := parseByline(tt.in)
		if author != tt.author || ok != (tt.author != "") {
			t.Errorf("parseByline(%q) = %q, %v; want %q", tt.in, author, ok, tt.author)
		}
	}
}

func TestIsCaption(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"Photo: Chinese exposition at the international forum", true},
		{"Image caption The mayor at the opening", true},
		{"The harbour at dusk (Image: GETTY)", true},
		{"A bus in the rain. (AP Photo/Jane Doe)", true},
		{"In this Dec. 12, 2006, file photo, two astronauts work outside the station.", true},
		{"Teachers rally at the Statehouse in Indianapolis, Tuesday, Nov. 19, 2019, calling for higher pay.", true},
		{"Jane Doe, AP", true},
		{"The house where he was born.Leonhard Foeger / Reuters file", true},
		{"Courtesy of Andrew Vaughan", true},
		{"2of4A shopper looks at extension cords", true},
		{"The council voted on Tuesday to expand the bus network.", false},
		{"Officials told Reuters the talks would continue.", false},
		{"Photography is his passion, he said.", false},
		{"Credit-card debt rose for the third month in a row.", false},
		{"Image-conscious politicians avoided the cameras.", false},
		{"Photo – Reuters", true},
	}
	for _, tt := range tests {
		if got := isCaption(tt.in); got != tt.want {
			t.Errorf("isCaption(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

// nameSep is what separates the names of a list, which nameParts finds
// by hand.
var nameSep = regexp.MustCompile(`,\s*|\s+(?:and|&)\s+`)

// checkNameParts checks nameParts(s) against nameSep.Split(s, -1).
func checkNameParts(t *testing.T, s string) {
	t.Helper()
	got := slices.Collect(nameParts(s))
	if want := nameSep.Split(s, -1); !slices.Equal(got, want) {
		t.Errorf("nameParts(%q) = %q; nameSep.Split gives %q", s, got, want)
	}
}

// TestNameParts checks nameParts on lists of names and on random strings
// of their pieces.
func TestNameParts(t *testing.T) {
	for _, s := range []string{"", ",", " and ", "Jane Doe", "Jane Doe and John Roe", "Jane Doe, Reuters", "A,B ,C , D",
		"Ann & Bo", "Ann &Bo", "Ann andrew", "Ann  and\tBo", "and Bo", "Ann and", "Ann and ", "A, ,B", "x\nand\ny", "Anderson AND Co"} {
		checkNameParts(t, s)
	}
	pieces := []string{"Jane", "Doe", " ", "  ", "\t", "\n", "\v", ",", "and", "And", "&", "x", "é"}
	rng := rand.New(rand.NewPCG(7, 8))
	for range 20000 {
		checkNameParts(t, randomJoin(rng, pieces, 10))
	}
}

func FuzzNameParts(f *testing.F) {
	f.Add("Jane Doe and John Roe, Reuters & AP")
	f.Fuzz(checkNameParts)
}

// checkBylineMatchers checks bylineName and authorName against the
// regexps they follow.
func checkBylineMatchers(t *testing.T, s string) {
	t.Helper()
	for _, m := range []struct {
		name string
		re   *anchoredRE
		find func(string) (string, bool)
	}{{"bylineName", bylineRE, bylineName}, {"authorName", authorRE, authorName}} {
		want, wantOK := groupOf(m.re.FindStringSubmatch(s))
		if got, ok := m.find(s); got != want || ok != wantOK {
			t.Errorf("%s(%q) = %q, %v; the regexp gives %q, %v", m.name, s, got, ok, want, wantOK)
		}
	}
}

// TestBylineMatchers checks bylineName and authorName on bylines and on
// random strings of their pieces.
func TestBylineMatchers(t *testing.T) {
	pieces := []string{"By", "by", "BY", "Written", "written ", "publié", "PUBLIÉ", "Écrit", "door", "di", "por", "Author",
		"autores", "autore", "auteur", "Автор", "texto", "text", "es", "s", " ", "  ", ":", " : ", "\t", "\n", "Jane Doe", "x",
		"ſ", "\u212A", "é", "\xff", "."}
	rng := rand.New(rand.NewPCG(19, 20))
	for range 20000 {
		checkBylineMatchers(t, randomJoin(rng, pieces, 7))
	}
	for _, s := range []string{"By Jane Doe", "By:Jane", "By :Jane", "By : Jane", "By  ", "By", "Written by: Jane", "Story by Jane",
		"Author: Li Wei", "Authors : A and B", "Autores:X", "Texto: Y", "Text:", "Text: ", "By Anna Faigrizeim |  | 5 min read"} {
		checkBylineMatchers(t, s)
	}
}

func FuzzBylineMatchers(f *testing.F) {
	f.Add("Written by: Anna van der Berg | March 3, 2023")
	f.Add("Autores : Jane Doe")
	f.Fuzz(checkBylineMatchers)
}
