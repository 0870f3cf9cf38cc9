package clean

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// seedCase is what the cleaner must find in one of the first dossier's
// captures (testdata/seeds, copied byte for byte).
type seedCase struct {
	file         string
	title        int // line of the headline
	author       string
	published    string
	attributedTo string
	outlet       string // "" means: not checked
	bodyFrom     int    // first and last body line
	bodyTo       int
	dropped      map[int]string // body-range lines removed, with reasons
	headings     []int          // body lines kept as headings
	removed      map[int]string // other lines and their reasons
	removedAfter int            // every line after this one is removed (0: not checked)
}

var seedCases = []seedCase{
	{
		file:      "000_847d48c2324da5ab.txt",
		title:     3,
		author:    "Natasha Kumar",
		published: "2024-04-16", attributedTo: "Reuters",
		bodyFrom: 11, bodyTo: 33,
		removed: map[int]string{
			1: ReasonDate, 3: ReasonTitle, 5: ReasonByline, 7: ReasonRepeatedTitle, 9: ReasonCaption,
			35: ReasonByline, 37: ReasonByline, 39: ReasonByline, 41: ReasonAuthorBio, 43: ReasonRelated,
		},
		removedAfter: 33,
	},
	{
		file:     "001_65f7e754363dd83d.txt",
		title:    1,
		author:   "Pooja Sood",
		outlet:   "thelocalreport.in",
		bodyFrom: 7, bodyTo: 43,
		dropped:  map[int]string{25: ReasonTeaser},
		headings: []int{27},
		removed: map[int]string{
			1: ReasonTitle, 3: ReasonByline, 4: ReasonByline, 5: ReasonReadTime,
			45: ReasonPrompt, 47: ReasonPrompt, 49: ReasonPrompt, 50: ReasonAuthorBio,
		},
		removedAfter: 43,
	},
	{
		file:         "004_c3fd14276247b30b.txt",
		title:        3,
		attributedTo: "CNN",
		bodyFrom:     7, bodyTo: 33,
		removed: map[int]string{
			1: ReasonNavigation, 3: ReasonTitle, 5: ReasonTracking,
			37: ReasonCommentForm, 38: ReasonCommentForm, 40: ReasonCommentForm,
			63: ReasonRelated, 81: ReasonCopyProtection,
		},
		removedAfter: 33,
	},
}

func TestSeeds(t *testing.T) {
	for _, tc := range seedCases {
		t.Run(tc.file, func(t *testing.T) {
			raw, err := os.ReadFile(filepath.Join("testdata", "seeds", tc.file))
			if err != nil {
				t.Fatal(err)
			}
			a, err := Clean(tc.file, raw)
			if err != nil {
				t.Fatal(err)
			}
			lines := splitLines(string(raw))
			if want := normSpace(lines[tc.title-1]); a.Title != want || a.Meta.Title != want {
				t.Errorf("Title = %q, want line %d %q", a.Title, tc.title, want)
			}
			m := a.Meta
			if m.Author != tc.author || m.Published != tc.published || m.AttributedTo != tc.attributedTo {
				t.Errorf("Meta = author %q published %q attributed_to %q, want %q %q %q",
					m.Author, m.Published, m.AttributedTo, tc.author, tc.published, tc.attributedTo)
			}
			if tc.outlet != "" && m.Outlet != tc.outlet {
				t.Errorf("Outlet = %q, want %q", m.Outlet, tc.outlet)
			}
			kept := make(map[int]Block)
			for _, b := range a.Blocks {
				kept[b.Line] = b
			}
			reasons := make(map[int]string)
			for _, r := range a.Removed {
				reasons[r.Line] = r.Reason
			}
			for n := tc.bodyFrom; n <= tc.bodyTo; n++ {
				if normSpace(lines[n-1]) == "" {
					continue
				}
				b, ok := kept[n]
				switch {
				case tc.dropped[n] != "":
					if reasons[n] != tc.dropped[n] {
						t.Errorf("line %d: reason %q, want removed as %q", n, reasons[n], tc.dropped[n])
					}
				case !ok:
					t.Errorf("line %d: removed as %q, want kept", n, reasons[n])
				case slices.Contains(tc.headings, n) != (b.Kind == Heading):
					t.Errorf("line %d: kind %v, want heading=%v", n, b.Kind, slices.Contains(tc.headings, n))
				}
			}
			for n, want := range tc.removed {
				if reasons[n] != want {
					t.Errorf("line %d: reason %q, want %q", n, reasons[n], want)
				}
			}
			for n := range kept {
				if n < tc.bodyFrom || (tc.removedAfter > 0 && n > tc.removedAfter) {
					t.Errorf("line %d kept, want removed: %.60q", n, lines[n-1])
				}
			}
			checkAccounted(t, string(raw), a)
		})
	}
}

// TestSeedMojibake checks that the mojibake in 004's sidebar is repaired
// in Removed.
func TestSeedMojibake(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("testdata", "seeds", "004_c3fd14276247b30b.txt"))
	if err != nil {
		t.Fatal(err)
	}
	a, err := Clean("004.txt", raw)
	if err != nil {
		t.Fatal(err)
	}
	want := map[int]string{
		45: "Defence Ministry set to clear ₹70,000 crore frigates’ order",
		78: "Indian Navy’s MQ-9 Drone Seen in Indian Army Exercises",
	}
	for _, r := range a.Removed {
		if w, ok := want[r.Line]; ok && r.Text != w {
			t.Errorf("line %d: Removed.Text = %q, want %q", r.Line, r.Text, w)
		}
	}
	if a.Repairs < 5 {
		t.Errorf("Repairs = %d, want ≥ 5", a.Repairs)
	}
}

// checkAccounted checks that every non-blank line of a text capture is
// either in a kept block or listed in Removed, exactly once and in order.
func checkAccounted(t *testing.T, src string, a *Article) {
	t.Helper()
	seen := make(map[int]int)
	for _, b := range a.Blocks {
		seen[b.Line]++
	}
	last := 0
	for _, r := range a.Removed {
		seen[r.Line]++
		if r.Line <= last {
			t.Errorf("Removed out of order at line %d", r.Line)
		}
		last = r.Line
		if r.Reason == "" {
			t.Errorf("line %d removed without a reason", r.Line)
		}
	}
	for i, l := range splitLines(src) {
		n := i + 1
		if normSpace(l) == "" {
			if seen[n] > 0 {
				t.Errorf("blank line %d accounted for", n)
			}
			continue
		}
		if seen[n] != 1 {
			t.Errorf("line %d accounted for %d times: %.60q", n, seen[n], l)
		}
	}
}
