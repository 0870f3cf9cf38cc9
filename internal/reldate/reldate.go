// Package reldate resolves the date phrase of a quote ("this weekend", "last
// Friday", "April 12") against the date of the article it comes from, into a
// window of days for the timeline.
//
// # Phrases
//
// [Resolve] finds the first phrase below in a text, ignoring case, and
// resolves it against a reference date ref (the article's date). Weeks run
// from Monday to Sunday. Every window is inclusive at both ends.
//
//	today, tonight, this morning/afternoon/evening   ref
//	yesterday, last night                            ref-1
//	tomorrow                                         ref+1
//	[on] Friday                                      the nearest Friday not after ref (ref itself if it is a Friday)
//	last Friday                                      the nearest Friday before ref
//	next Friday                                      the nearest Friday after ref
//	this Friday                                      the Friday of ref's week
//	this / last / next week                          Monday to Sunday of ref's week, the week before, the week after
//	earlier / later this week                        Monday of ref's week to ref, ref to its Sunday
//	this weekend                                     Saturday and Sunday of ref's week: the coming weekend, or the current one when ref is a Saturday or Sunday
//	last / next weekend                              the weekend 7 days before / after that one
//	this / last / next month                         the whole calendar month
//	earlier / later this month                       the 1st of ref's month to ref, ref to the month's last day
//	this / last / next year                          the whole calendar year
//	earlier / later this year                        January 1 to ref, ref to December 31
//	[in] [the] coming days                           ref+1 to ref+10
//	[in] [the] coming weeks                          ref+1 to ref+42 (six weeks)
//	recently, recent                                 ref-30 to ref
//	[in] [the] recent days / weeks                   ref-10 to ref, ref-42 to ref (mirroring "coming")
//	2024-04-12                                       that day
//	April 12, 12 April, Apr. 12th, 12th of April     that day; a year may follow ("April 12, 2024",
//	                                                 "Apr16,2024", "12 April 2024"), a weekday
//	                                                 may precede ("Friday, April 12")
//	April 2024                                       the whole month
//
// "Earlier" or "later" before last or next, or before a weekend, is allowed
// and does not narrow the window.
//
// # Years
//
// A day without a year ("April 12") is placed in the twelve months around
// ref: in ref's year, unless that is more than two months after ref (then the
// year before) or ten months or more before ref (then the year after). Thus
// "December 28" in an article of January 3 is the previous December, and
// "January 5" in an article of December 20 is the coming January. When a
// weekday is given too and does not fit that year, the year before or after
// is taken if the weekday fits it. A day that does not exist (February 30,
// February 29 in a common year) or a weekday that fits none of these years
// is not resolved.
//
// # Never guessing
//
// A phrase that does not resolve ("in recent years", "April 31") is skipped,
// with any shorter phrase inside it ("Monday" in "Monday, April 12" when April
// 12 is not a Monday), and the next phrase is tried; when none resolves,
// Resolve reports false.
// Bare month names ("in April") and bare years ("in 2023") are not phrases.
package reldate

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
)

// A Window is the span of days a date phrase stands for. From and To are
// inclusive and at midnight UTC; Phrase is the phrase as it appears in the
// text.
type Window struct {
	From, To time.Time
	Phrase   string
}

// Resolve finds the first date phrase in text that it can resolve against
// the reference date ref, and returns its window. Only the calendar date of
// ref, in ref's own location, is used. Phrases that start at the same place
// are tried longest first, so "Friday, April 12" wins over "Friday".
func Resolve(text string, ref time.Time) (Window, bool) { return resolve(text, ref, true) }

// resolve is Resolve, trying only the rules whose words text holds when
// filter is set, every rule when not (what the tests compare it with).
func resolve(text string, ref time.Time, filter bool) (Window, bool) {
	y, m, d := ref.Date()
	day := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	type candidate struct {
		loc  []int
		rule *rule
	}
	var cands []candidate
	lower, folds := foldASCII(text)
	for i := range rules {
		if filter && !folds && !rules[i].mayMatch(lower) {
			continue
		}
		for _, loc := range rules[i].re.FindAllStringSubmatchIndex(text, -1) {
			cands = append(cands, candidate{loc, &rules[i]})
		}
	}
	slices.SortStableFunc(cands, func(a, b candidate) int {
		if a.loc[0] != b.loc[0] {
			return a.loc[0] - b.loc[0]
		}
		return b.loc[1] - a.loc[1]
	})
	failed := 0 // end of the last phrase that did not resolve
	for _, c := range cands {
		if c.loc[0] < failed {
			continue // part of a phrase that did not resolve: "Monday" in "Monday, April 12" of 2024
		}
		g := make([]string, len(c.loc)/2)
		for i := range g {
			if c.loc[2*i] >= 0 {
				g[i] = strings.ToLower(text[c.loc[2*i]:c.loc[2*i+1]])
			}
		}
		if from, to, ok := c.rule.resolve(g, day); ok {
			return Window{From: from, To: to, Phrase: text[c.loc[0]:c.loc[1]]}, true
		}
		failed = max(failed, c.loc[1])
	}
	return Window{}, false
}

// A rule is one kind of phrase: a pattern, words one of which every
// match holds, and how to resolve its lower-cased submatches against the
// reference day.
type rule struct {
	re      *regexp.Regexp
	needs   []string // lower-case ASCII: the pattern is not tried on a text without one
	resolve func(g []string, ref time.Time) (from, to time.Time, ok bool)
}

// mayMatch reports whether the text lower, lower-cased by foldASCII,
// holds one of the words every match of the rule holds: most quotes hold
// no date phrase, and the patterns, case-insensitive, are slow to find
// that out.
func (r *rule) mayMatch(lower string) bool {
	for _, w := range r.needs {
		if strings.Contains(lower, w) {
			return true
		}
	}
	return false
}

// foldASCII returns text with its ASCII letters lower-cased, and whether
// text holds a letter outside ASCII that case-insensitive matching folds
// to one inside (the long s ſ to s, the Kelvin sign to k): there a rule's
// words are not enough to rule it out.
func foldASCII(text string) (lower string, folds bool) {
	folds = strings.Contains(text, "ſ") || strings.Contains(text, "\u212a")
	b := []byte(text)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b), folds
}

// monthNeeds are the words a month's name holds, one of them at least.
var monthNeeds = []string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}

const (
	weekdays = `monday|tuesday|wednesday|thursday|friday|saturday|sunday`
	wdAbbr   = weekdays + `|mon|tues|tue|wed|thurs|thur|thu|fri|sat|sun`
	months   = `january|february|march|april|may|june|july|august|september|october|november|december|` +
		`jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec`
)

// pattern compiles p case-insensitively, where a space in p stands for one
// or more white space characters and ~ for zero or more.
func pattern(p string) *regexp.Regexp {
	p = strings.ReplaceAll(p, " ", `[\s\p{Zs}]+`)
	p = strings.ReplaceAll(p, "~", `[\s\p{Zs}]*`)
	return regexp.MustCompile(`(?i)` + p)
}

var rules = []rule{
	{pattern(`\b(\d{4})-(\d{2})-(\d{2})\b`), []string{"-"}, resolveISO},
	{pattern(`\b(?:(?:on|next|last|this) )?(?:(` + wdAbbr + `)\.?,? )?(` + months + `)\.?~(\d{1,2})(?:st|nd|rd|th)?\b(?:,?~(\d{4})\b)?`), monthNeeds,
		func(g []string, ref time.Time) (time.Time, time.Time, bool) {
			return resolveDay(g[1], g[2], g[3], g[4], ref)
		}},
	{pattern(`\b(?:(?:on|next|last|this) )?(?:(` + wdAbbr + `)\.?,? )?(\d{1,2})(?:st|nd|rd|th)?~(?:of )?(` + months + `)\b\.?(?:,?~(\d{4})\b)?`), monthNeeds,
		func(g []string, ref time.Time) (time.Time, time.Time, bool) {
			return resolveDay(g[1], g[3], g[2], g[4], ref)
		}},
	{pattern(`\b(` + months + `)\.?,? (\d{4})\b`), monthNeeds, resolveMonthYear},
	{pattern(`\b(?:(next|last|this|on) )?(` + weekdays + `)\b`), []string{"day"}, resolveWeekday},
	{pattern(`\b(today|tonight|yesterday|tomorrow|last night|this (?:morning|afternoon|evening))\b`),
		[]string{"day", "night", "tomorrow", "morning", "afternoon", "evening"}, resolveDayWord},
	{pattern(`\b(?:(earlier|later) )?(this|last|next) (week|weekend|month|year)\b`), []string{"week", "month", "year"}, resolvePeriod},
	{pattern(`\b(?:in )?(?:the )?coming (days|weeks)\b`), []string{"coming"}, resolveComing},
	{pattern(`\b(?:in )?(?:the )?(?:most )?recent(?:ly)?(?: (days|weeks|months|years|decades))?\b`), []string{"recent"}, resolveRecent},
}

// days returns ref shifted by n days.
func days(ref time.Time, n int) time.Time { return ref.AddDate(0, 0, n) }

// monday returns the Monday of ref's week.
func monday(ref time.Time) time.Time { return days(ref, -weekdayIndex(ref.Weekday())) }

// weekdayIndex numbers weekdays from Monday (0) to Sunday (6).
func weekdayIndex(d time.Weekday) int { return (int(d) + 6) % 7 }

// date returns the day y-m-d and whether it exists.
func date(y int, m time.Month, d int) (time.Time, bool) {
	t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	return t, t.Month() == m && t.Day() == d
}

func resolveISO(g []string, _ time.Time) (time.Time, time.Time, bool) {
	y, _ := strconv.Atoi(g[1])
	m, _ := strconv.Atoi(g[2])
	d, _ := strconv.Atoi(g[3])
	if m < 1 || m > 12 {
		return time.Time{}, time.Time{}, false
	}
	t, ok := date(y, time.Month(m), d)
	return t, t, ok
}

// monthOf returns the month named or abbreviated by name.
func monthOf(name string) time.Month {
	for m := time.January; m <= time.December; m++ {
		if strings.HasPrefix(strings.ToLower(m.String()), name) && len(name) >= 3 {
			return m
		}
	}
	return 0
}

// weekdayOf returns the weekday named or abbreviated by name.
func weekdayOf(name string) time.Weekday {
	for d := time.Sunday; d <= time.Saturday; d++ {
		if strings.HasPrefix(strings.ToLower(d.String()), name) {
			return d
		}
	}
	return -1
}

// resolveDay resolves a day of a month, with an optional weekday and year.
func resolveDay(weekday, month, day, year string, ref time.Time) (time.Time, time.Time, bool) {
	m := monthOf(month)
	d, _ := strconv.Atoi(day)
	if year != "" {
		y, _ := strconv.Atoi(year)
		t, ok := date(y, m, d)
		if !ok || weekday != "" && t.Weekday() != weekdayOf(weekday) {
			return time.Time{}, time.Time{}, false
		}
		return t, t, true
	}
	y := ref.Year()
	t, _ := date(y, m, d)
	switch {
	case t.After(ref.AddDate(0, 2, 0)):
		y--
	case !t.After(ref.AddDate(0, -10, 0)):
		y++
	}
	years := []int{y}
	if weekday != "" {
		years = append(years, y-1, y+1)
	}
	for _, y := range years {
		t, ok := date(y, m, d)
		if ok && (weekday == "" || t.Weekday() == weekdayOf(weekday)) {
			return t, t, true
		}
	}
	return time.Time{}, time.Time{}, false
}

func resolveMonthYear(g []string, _ time.Time) (time.Time, time.Time, bool) {
	y, _ := strconv.Atoi(g[2])
	from, _ := date(y, monthOf(g[1]), 1)
	return from, from.AddDate(0, 1, -1), true
}

func resolveWeekday(g []string, ref time.Time) (time.Time, time.Time, bool) {
	want := weekdayIndex(weekdayOf(g[2]))
	have := weekdayIndex(ref.Weekday())
	var t time.Time
	switch g[1] {
	case "next":
		n := (want - have + 7) % 7
		if n == 0 {
			n = 7
		}
		t = days(ref, n)
	case "last":
		n := (have - want + 7) % 7
		if n == 0 {
			n = 7
		}
		t = days(ref, -n)
	case "this":
		t = days(monday(ref), want)
	default:
		t = days(ref, -((have - want + 7) % 7))
	}
	return t, t, true
}

func resolveDayWord(g []string, ref time.Time) (time.Time, time.Time, bool) {
	t := ref
	switch strings.Join(strings.Fields(g[1]), " ") {
	case "yesterday", "last night":
		t = days(ref, -1)
	case "tomorrow":
		t = days(ref, 1)
	}
	return t, t, true
}

func resolvePeriod(g []string, ref time.Time) (from, to time.Time, ok bool) {
	qualifier, which, unit := g[1], g[2], g[3]
	shift := map[string]int{"last": -1, "this": 0, "next": 1}[which]
	switch unit {
	case "week":
		from = days(monday(ref), 7*shift)
		to = days(from, 6)
	case "weekend":
		from = days(monday(ref), 5+7*shift)
		to = days(from, 1)
		qualifier = ""
	case "month":
		from = time.Date(ref.Year(), ref.Month()+time.Month(shift), 1, 0, 0, 0, 0, time.UTC)
		to = from.AddDate(0, 1, -1)
	case "year":
		from = time.Date(ref.Year()+shift, time.January, 1, 0, 0, 0, 0, time.UTC)
		to = from.AddDate(1, 0, -1)
	}
	if which == "this" {
		switch qualifier {
		case "earlier":
			to = ref
		case "later":
			from = ref
		}
	}
	return from, to, true
}

func resolveComing(g []string, ref time.Time) (time.Time, time.Time, bool) {
	if g[1] == "weeks" {
		return days(ref, 1), days(ref, 42), true
	}
	return days(ref, 1), days(ref, 10), true
}

func resolveRecent(g []string, ref time.Time) (time.Time, time.Time, bool) {
	switch g[1] {
	case "":
		return days(ref, -30), ref, true
	case "days":
		return days(ref, -10), ref, true
	case "weeks":
		return days(ref, -42), ref, true
	}
	return time.Time{}, time.Time{}, false
}
