package reldate

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// Reference days used below, with their weekdays.
const (
	fri = "2024-04-12" // Friday
	sat = "2024-04-13" // Saturday
	sun = "2024-04-14" // Sunday
	mon = "2024-04-15" // Monday
)

// resolveTests are phrases against reference days. from "" means that the
// text does not resolve; to "" means the window is the single day from;
// phrase "" means the phrase is the whole text.
var resolveTests = []struct {
	text, ref, from, to, phrase string
}{
	{"today", fri, fri, "", ""},
	{"today", "2024-12-31", "2024-12-31", "", ""},
	{"this morning", mon, mon, "", ""},
	{"tonight", sat, sat, "", ""},
	{"yesterday", "2025-01-01", "2024-12-31", "", ""},
	{"yesterday", "2024-03-01", "2024-02-29", "", ""},
	{"yesterday", "2023-03-01", "2023-02-28", "", ""},
	{"last night", fri, "2024-04-11", "", ""},
	{"tomorrow", "2024-02-28", "2024-02-29", "", ""},
	{"tomorrow", "2023-02-28", "2023-03-01", "", ""},
	{"tomorrow", "2024-12-31", "2025-01-01", "", ""},

	{"on Friday", fri, fri, "", ""},
	{"on Friday", sat, fri, "", ""},
	{"on Friday", sun, fri, "", ""},
	{"on Friday", mon, fri, "", ""},
	{"on Friday", "2024-02-29", "2024-02-23", "", ""},
	{"on Friday", "2025-01-01", "2024-12-27", "", ""},
	{"Monday", fri, "2024-04-08", "", ""},
	{"Monday", mon, mon, "", ""},
	{"Monday", sun, "2024-04-08", "", ""},
	{"Sunday", sat, "2024-04-07", "", ""},
	{"Sunday", sun, sun, "", ""},
	{"Sunday", mon, sun, "", ""},
	{"last Friday", fri, "2024-04-05", "", ""},
	{"last Friday", sat, fri, "", ""},
	{"last Friday", mon, fri, "", ""},
	{"last Friday", "2025-01-01", "2024-12-27", "", ""},
	{"next Friday", fri, "2024-04-19", "", ""},
	{"next Friday", sun, "2024-04-19", "", ""},
	{"next Friday", mon, "2024-04-19", "", ""},
	{"next Friday", "2024-12-31", "2025-01-03", "", ""},
	{"next Monday", sun, mon, "", ""},
	{"next Monday", mon, "2024-04-22", "", ""},
	{"this Friday", mon, "2024-04-19", "", ""},
	{"this Friday", sun, fri, "", ""},
	{"this Friday", fri, fri, "", ""},

	{"this week", fri, "2024-04-08", sun, ""},
	{"this week", sun, "2024-04-08", sun, ""},
	{"this week", mon, mon, "2024-04-21", ""},
	{"this week", "2024-12-31", "2024-12-30", "2025-01-05", ""},
	{"this week", "2024-02-29", "2024-02-26", "2024-03-03", ""},
	{"last week", fri, "2024-04-01", "2024-04-07", ""},
	{"last week", "2025-01-01", "2024-12-23", "2024-12-29", ""},
	{"next week", fri, mon, "2024-04-21", ""},
	{"next week", "2023-12-30", "2024-01-01", "2024-01-07", ""},
	{"earlier this week", fri, "2024-04-08", fri, ""},
	{"later this week", mon, mon, "2024-04-21", ""},

	{"this weekend", fri, sat, sun, ""},
	{"this weekend", sat, sat, sun, ""},
	{"this weekend", sun, sat, sun, ""},
	{"this weekend", mon, "2024-04-20", "2024-04-21", ""},
	{"this weekend", "2024-02-29", "2024-03-02", "2024-03-03", ""},
	{"this weekend", "2024-12-31", "2025-01-04", "2025-01-05", ""},
	{"last weekend", mon, sat, sun, ""},
	{"last weekend", fri, "2024-04-06", "2024-04-07", ""},
	{"last weekend", sat, "2024-04-06", "2024-04-07", ""},
	{"next weekend", fri, "2024-04-20", "2024-04-21", ""},
	{"next weekend", "2023-12-30", "2024-01-06", "2024-01-07", ""},

	{"this month", fri, "2024-04-01", "2024-04-30", ""},
	{"this month", "2024-02-28", "2024-02-01", "2024-02-29", ""},
	{"this month", "2023-02-28", "2023-02-01", "2023-02-28", ""},
	{"last month", "2025-01-01", "2024-12-01", "2024-12-31", ""},
	{"last month", "2024-03-31", "2024-02-01", "2024-02-29", ""},
	{"next month", "2024-12-31", "2025-01-01", "2025-01-31", ""},
	{"next month", "2024-01-31", "2024-02-01", "2024-02-29", ""},
	{"earlier this month", fri, "2024-04-01", fri, ""},
	{"later this month", fri, fri, "2024-04-30", ""},
	{"later this month", "2024-02-28", "2024-02-28", "2024-02-29", ""},

	{"this year", fri, "2024-01-01", "2024-12-31", ""},
	{"last year", "2025-01-01", "2024-01-01", "2024-12-31", ""},
	{"next year", "2024-12-31", "2025-01-01", "2025-12-31", ""},
	{"earlier this year", fri, "2024-01-01", fri, ""},
	{"later this year", "2024-12-31", "2024-12-31", "2024-12-31", ""},
	{"earlier last year", fri, "2023-01-01", "2023-12-31", ""},

	{"in the coming days", fri, sat, "2024-04-22", ""},
	{"in the coming days", "2024-12-31", "2025-01-01", "2025-01-10", ""},
	{"in the coming weeks", fri, sat, "2024-05-24", ""},
	{"coming weeks", "2024-02-28", "2024-02-29", "2024-04-10", ""},
	{"recently", fri, "2024-03-13", fri, ""},
	{"a recent visit", "2024-03-01", "2024-01-31", "2024-03-01", "recent"},
	{"in recent days", fri, "2024-04-02", fri, ""},
	{"in recent weeks", fri, "2024-03-01", fri, ""},
	{"in recent years", fri, "", "", ""},

	{"2024-04-12", "2026-01-01", fri, "", ""},
	{"2024-02-29", fri, "2024-02-29", "", ""},
	{"2023-02-29", fri, "", "", ""},
	{"2024-13-01", fri, "", "", ""},
	{"April 12", fri, fri, "", ""},
	{"april 12", fri, fri, "", ""},
	{"12 April", fri, fri, "", ""},
	{"Apr. 12th", fri, fri, "", ""},
	{"12th of April", fri, fri, "", ""},
	{"Friday, April 12", mon, fri, "", ""},
	{"on Friday 12 April", mon, fri, "", ""},
	{"last Friday, April 12", mon, fri, "", ""},
	{"Fri. Apr 12", mon, fri, "", ""},
	{"April 12, 2024", "2025-06-01", fri, "", ""},
	{"12 April 2024", "2025-06-01", fri, "", ""},
	{"Apr16,2024", fri, "2024-04-16", "", ""},
	{"Sept. 3, 2023", fri, "2023-09-03", "", ""},
	{"April 2024", "2025-01-01", "2024-04-01", "2024-04-30", ""},
	{"February 2024", fri, "2024-02-01", "2024-02-29", ""},

	// Days without a year fall in the twelve months around ref.
	{"December 28", "2025-01-01", "2024-12-28", "", ""},
	{"January 5", "2024-12-31", "2025-01-05", "", ""},
	{"June 1", fri, "2024-06-01", "", ""},
	{"June 12", fri, "2024-06-12", "", ""},
	{"June 13", fri, "2023-06-13", "", ""},
	{"May 1", "2024-03-01", "2024-05-01", "", ""},
	{"February 29", fri, "2024-02-29", "", ""},
	{"February 29", "2025-01-10", "", "", ""},
	{"February 30", fri, "", "", ""},
	{"April 0", fri, "", "", ""},
	{"Friday, April 12", "2025-04-20", fri, "", ""},
	{"Monday, April 12", "2024-04-20", "", "", ""},
	{"Saturday, April 12, 2024", fri, "", "", ""},

	// The first phrase that resolves wins.
	{"He said on Friday that talks next week would go ahead.", mon, fri, "", "on Friday"},
	{"In recent years, and again this weekend, prices rose.", fri, sat, sun, "this weekend"},
	{"Scholz is traveling to Beijing this weekend.", fri, sat, sun, "this weekend"},
	{"Sunday's vote, announced on 2 March", sun, sun, "", "Sunday"},
	{"by the end of February 30 and on March 3", fri, "2024-03-03", "", "on March 3"},
	{"THIS WEEKEND", fri, sat, sun, ""},
	{"this\u00a0\u00a0weekend", fri, sat, sun, ""},
	{"this\nweek", fri, "2024-04-08", sun, ""},

	// Nothing to resolve.
	{"", fri, "", "", ""},
	{"no date here", fri, "", "", ""},
	{"in April", fri, "", "", ""},
	{"in 2023", fri, "", "", ""},
	{"the weekend", fri, "", "", ""},
	{"a weekday", fri, "", "", ""},
	{"Mayday", fri, "", "", ""},
	{"dismay 5", fri, "", "", ""},
	{"April 123", fri, "", "", ""},
	{"12024-04-12", fri, "", "", ""},
}

func day(t *testing.T, s string) time.Time {
	t.Helper()
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestResolve(t *testing.T) {
	for _, tt := range resolveTests {
		t.Run(fmt.Sprintf("%s@%s", tt.text, tt.ref), func(t *testing.T) {
			w, ok := Resolve(tt.text, day(t, tt.ref))
			if tt.from == "" {
				if ok {
					t.Errorf("Resolve(%q, %s) = %s..%s (%q), want no date", tt.text, tt.ref,
						w.From.Format(time.DateOnly), w.To.Format(time.DateOnly), w.Phrase)
				}
				return
			}
			to, phrase := tt.to, tt.phrase
			if to == "" {
				to = tt.from
			}
			if phrase == "" {
				phrase = tt.text
			}
			if !ok {
				t.Fatalf("Resolve(%q, %s) found no date, want %s..%s", tt.text, tt.ref, tt.from, to)
			}
			if !w.From.Equal(day(t, tt.from)) || !w.To.Equal(day(t, to)) || w.Phrase != phrase {
				t.Errorf("Resolve(%q, %s) = %s..%s (%q), want %s..%s (%q)", tt.text, tt.ref,
					w.From.Format(time.DateOnly), w.To.Format(time.DateOnly), w.Phrase, tt.from, to, phrase)
			}
		})
	}
}

func TestResolveLocation(t *testing.T) {
	// Late evening in New York is already the next day in UTC; the article's
	// own calendar date counts.
	ny := time.FixedZone("EDT", -4*3600)
	w, ok := Resolve("today", time.Date(2024, 4, 12, 23, 30, 0, 0, ny))
	want := time.Date(2024, 4, 12, 0, 0, 0, 0, time.UTC)
	if !ok || !w.From.Equal(want) || w.From.Location() != time.UTC {
		t.Errorf("Resolve(today, 23:30 EDT) = %v, %v; want %v", w, ok, want)
	}
}

func FuzzResolve(f *testing.F) {
	for _, tt := range resolveTests {
		f.Add(tt.text, int64(len(tt.ref)))
	}
	for _, s := range []string{"on ſunday", "this wee\u212a", "ſep. 12", "2024-04-12", "Next WEEK", "TONIGHT", "in the Coming Days", "most recently"} {
		f.Add(s, int64(0))
	}
	f.Fuzz(func(t *testing.T, text string, offset int64) {
		ref := time.Date(2024, 4, 12, 0, 0, 0, 0, time.UTC).AddDate(0, 0, int(offset%100_000))
		w, ok := Resolve(text, ref)
		// Trying only the rules whose words the text holds changes nothing.
		if all, allOK := resolve(text, ref, false); ok != allOK || w != all {
			t.Errorf("Resolve(%q, %v) = %v, %v; with every rule tried %v, %v", text, ref, w, ok, all, allOK)
		}
		if !ok {
			return
		}
		if w.To.Before(w.From) {
			t.Errorf("Resolve(%q, %v): To %v before From %v", text, ref, w.To, w.From)
		}
		for _, d := range []time.Time{w.From, w.To} {
			if d.Location() != time.UTC || d.Hour() != 0 || d.Minute() != 0 || d.Second() != 0 || d.Nanosecond() != 0 {
				t.Errorf("Resolve(%q, %v): %v is not midnight UTC", text, ref, d)
			}
		}
		if w.Phrase == "" || !strings.Contains(text, w.Phrase) {
			t.Errorf("Resolve(%q, %v): phrase %q not in text", text, ref, w.Phrase)
		}
	})
}

func ExampleResolve() {
	published := time.Date(2024, 4, 12, 0, 0, 0, 0, time.UTC) // a Friday
	w, ok := Resolve("Scholz is traveling to Beijing this weekend.", published)
	fmt.Println(ok, w.Phrase, w.From.Format(time.DateOnly), w.To.Format(time.DateOnly))
	// Output: true this weekend 2024-04-13 2024-04-14
}

func BenchmarkResolve(b *testing.B) {
	text := strings.Repeat("Officials in Beijing said the talks would be constructive and pragmatic. ", 4) +
		"Scholz is traveling to Beijing this weekend."
	ref := time.Date(2024, 4, 12, 0, 0, 0, 0, time.UTC)
	for b.Loop() {
		Resolve(text, ref)
	}
}
