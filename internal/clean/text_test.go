package clean

import (
	"strings"
	"testing"
)

// Synthetic prose used to build captures: each is a body paragraph.
var prose = []string{
	"The city council voted on Tuesday to expand the bus network, adding twelve new routes that will serve the northern suburbs from next spring.",
	"Officials said the plan would cost about $40 million over five years and would be paid for by a mix of state grants and local fares.",
	"Residents who spoke at the meeting were divided, with some praising the expansion and others warning that it would bring more traffic to quiet streets.",
	"The mayor told reporters after the vote that the network had not been redesigned in three decades and that the change was long overdue.",
	"A final decision on the fares is expected next month, when the council will also review the timetable proposed by the transport department.",
}

// capture joins lines into a text capture, one paragraph per line with
// blank lines between, as browsers copy them.
func capture(lines ...string) string {
	return strings.Join(lines, "\n\n") + "\n"
}

// TestTextBoilerplate checks each kind of boilerplate in a small
// synthetic capture: the line at index line (0-based in the lines given
// to capture) must be removed with the reason, and the body kept.
func TestTextBoilerplate(t *testing.T) {
	title := "Council approves largest bus network expansion in decades"
	body := prose
	tests := []struct {
		name   string
		before []string // lines above the body (after the title)
		inside string   // a line inserted after the second paragraph
		after  []string // lines below the body
		reason string   // the reason every before/inside/after line must get
	}{
		{name: "byline", before: []string{"By Maria Lopez"}, reason: ReasonByline},
		{name: "repeated byline", before: []string{"Maria Lopez By Maria Lopez Mar3,2023"}, reason: ReasonByline},
		{name: "date", before: []string{"March 3, 2023"}, reason: ReasonDate},
		{name: "read time", before: []string{"6 min read"}, reason: ReasonReadTime},
		{name: "caption", before: []string{"Photo: A bus at the central station"}, reason: ReasonCaption},
		{name: "repeated title", before: []string{"Council approves the largest bus network expansion in decades"}, reason: ReasonRepeatedTitle},
		{name: "teaser", inside: "Read also: Why the old tram lines were closed", reason: ReasonTeaser},
		{name: "see also", inside: "See also  Ten things to know about the new timetable", reason: ReasonTeaser},
		{name: "advertisement", inside: "Advertisement", reason: ReasonAdvertisement},
		{name: "share prompt", after: []string{"Share this article", "Follow us on Facebook and Twitter"}, reason: ReasonPrompt},
		{name: "newsletter", after: []string{"Sign up for our newsletter"}, reason: ReasonPrompt},
		{name: "comment form", after: []string{"Leave a Reply", "Your email address will not be published. Required fields are marked *", "Please enter your comment!"}, reason: ReasonCommentForm},
		{name: "related", after: []string{"Related Posts", "You may also like"}, reason: ReasonRelated},
		{name: "copy protection", after: []string{"Alert: Content is protected !!"}, reason: ReasonCopyProtection},
		{name: "tracking", before: []string{"msid 12345678,imgsize"}, reason: ReasonTracking},
		{name: "legal", after: []string{"© 2024 Example Media. All rights reserved."}, reason: ReasonLegal},
		{name: "sidebar", after: []string{
			"Storm closes schools across the region",
			"Heavy rain forced dozens of schools to close on Monday as rivers rose across the region and roads were...",
			"New stadium plan unveiled",
			"The club presented a plan for a new stadium that would seat forty thousand fans and open in...",
		}, reason: ReasonSidebar},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lines := []string{title}
			lines = append(lines, tt.before...)
			first := len(lines)
			lines = append(lines, body[:2]...)
			if tt.inside != "" {
				lines = append(lines, tt.inside)
			}
			lines = append(lines, body[2:]...)
			last := len(lines) - 1
			lines = append(lines, tt.after...)
			src := capture(lines...)
			a := cleanText(src)
			checkAccounted(t, src, a)
			if a.Title != title {
				t.Errorf("Title = %q, want %q", a.Title, title)
			}
			if len(a.Blocks) != len(body) {
				t.Errorf("kept %d blocks, want %d:\n%s", len(a.Blocks), len(body), a.Text())
			}
			for _, r := range a.Removed {
				idx := (r.Line - 1) / 2 // capture puts a blank line between lines
				if idx == 0 {
					continue // the title
				}
				if (idx < first || idx > last || lines[idx] == tt.inside) && r.Reason != tt.reason {
					t.Errorf("line %q: reason %q, want %q", r.Text, r.Reason, tt.reason)
				}
			}
		})
	}
}

func TestTextHeadlineAndBreadcrumb(t *testing.T) {
	title := "Council approves largest bus network expansion in decades"
	src := capture(append([]string{"HomeLocal News" + title, title}, prose...)...)
	a := cleanText(src)
	checkAccounted(t, src, a)
	if a.Title != title {
		t.Errorf("Title = %q, want %q", a.Title, title)
	}
	if a.Removed[0].Reason != ReasonNavigation {
		t.Errorf("breadcrumb reason = %q, want %q", a.Removed[0].Reason, ReasonNavigation)
	}
}

func TestTextSubheading(t *testing.T) {
	src := capture("Council approves largest bus network expansion in decades",
		prose[0], prose[1], "What happens next", prose[2], prose[3])
	a := cleanText(src)
	var headings []string
	for _, b := range a.Blocks {
		if b.Kind == Heading {
			headings = append(headings, b.Text)
		}
	}
	if len(headings) != 1 || headings[0] != "What happens next" {
		t.Errorf("headings = %q, want [What happens next]", headings)
	}
}

func TestTextAuthorBio(t *testing.T) {
	src := capture("Council approves largest bus network expansion in decades", "By Maria Lopez",
		prose[0], prose[1], prose[2], prose[3],
		"Maria Lopez is a reporter covering transport and city hall. She joined the paper in 2019 after working as a correspondent in Madrid.")
	a := cleanText(src)
	last := a.Removed[len(a.Removed)-1]
	if last.Reason != ReasonAuthorBio {
		t.Errorf("bio reason = %q, want %q", last.Reason, ReasonAuthorBio)
	}
	if a.Meta.Author != "Maria Lopez" {
		t.Errorf("Author = %q, want Maria Lopez", a.Meta.Author)
	}
}

func TestTextPublished(t *testing.T) {
	tests := []struct {
		name  string
		lines []string
		want  string
	}{
		{"site date above headline is not published", []string{"Mon. Jan 8th, 2024", "Council approves largest bus network expansion in decades"}, ""},
		{"date below headline", []string{"Council approves largest bus network expansion in decades", "January 5, 2024"}, "2024-01-05"},
		{"date in byline", []string{"Council approves largest bus network expansion in decades", "By Maria Lopez | 2024-01-05"}, "2024-01-05"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := cleanText(capture(append(tt.lines, prose...)...))
			if a.Meta.Published != tt.want {
				t.Errorf("Published = %q, want %q", a.Meta.Published, tt.want)
			}
		})
	}
}

func TestCleanErrors(t *testing.T) {
	tests := []struct {
		name string
		raw  []byte
		want string
	}{
		{"nul", []byte("hello\nwor\x00ld"), "line 2: binary data: NUL byte in the capture"},
		{"invalid utf-8", []byte("one\ntwo\nthr\xe9e"), "line 3: invalid UTF-8: byte 0xE9 at offset 11"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Clean("x.txt", tt.raw)
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("Clean error = %v, want prefix %q", err, tt.want)
			}
		})
	}
}

func TestCleanUTF16(t *testing.T) {
	src := capture("Council approves largest bus network expansion in decades", prose[0], prose[1])
	var le []byte
	le = append(le, 0xFF, 0xFE)
	for _, r := range src {
		le = append(le, byte(r), byte(r>>8))
	}
	a, err := Clean("x.txt", le)
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Blocks) != 2 {
		t.Errorf("UTF-16 capture: %d blocks, want 2", len(a.Blocks))
	}
}

func TestCleanEmpty(t *testing.T) {
	for _, src := range []string{"", "\n\n  \n", "Home\n\nShare\n\nSubscribe\n"} {
		a, err := Clean("x.txt", []byte(src))
		if err != nil {
			t.Fatal(err)
		}
		if len(a.Blocks) != 0 {
			t.Errorf("Clean(%q) kept %d blocks, want 0", src, len(a.Blocks))
		}
	}
}
