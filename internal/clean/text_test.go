package clean

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
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

// TestTextRegion checks the rules that narrow or widen the body region.
func TestTextRegion(t *testing.T) {
	title := "Council approves largest bus network expansion in decades"
	tests := []struct {
		name    string
		lines   []string
		kept    []string // lines that must be kept
		removed map[string]string
	}{
		{
			name: "readers' comments end the body",
			lines: append(append([]string{title}, prose[:3]...), "12 Comments",
				"jsmith says:", "I think this is a great idea and the council should have done it years ago, honestly."),
			kept:    prose[:3],
			removed: map[string]string{"12 Comments": ReasonCommentForm, "jsmith says:": ReasonCommentForm},
		},
		{
			name: "a list of stories keeps the article",
			lines: append(append([]string{title, "By Maria Lopez"}, prose...),
				"Storm closes schools across the region", "By Ann Lee", "March 3, 2024",
				"Heavy rain forced dozens of schools to close on Monday as rivers rose across the region.",
				"New stadium plan unveiled", "By Tom Ellis", "March 2, 2024",
				"The club presented a plan for a new stadium that would seat forty thousand fans.",
				"Mayor opens the new library", "By Ann Lee", "March 1, 2024",
				"The new library, built on the site of the old market, opened its doors on Saturday."),
			kept: prose,
		},
		{
			name: "list after a colon",
			lines: append([]string{title, prose[0], "The new routes will serve:"},
				"Northgate and the hospital", "the airport and business park", "Riverside via Mill Lane", prose[1], prose[2]),
			kept: []string{"Northgate and the hospital", "the airport and business park", "Riverside via Mill Lane"},
		},
		{
			name: "wire photo caption",
			lines: []string{title, prose[0],
				"Commuters wait for a bus at the central station in Springfield, Tuesday, Nov. 19, 2019, as the council meets to vote on the new network.",
				prose[1], prose[2]},
			kept: prose[:3],
			removed: map[string]string{
				"Commuters wait for a bus at the central station in Springfield, Tuesday, Nov. 19, 2019, as the council meets to vote on the new network.": ReasonCaption},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := capture(tt.lines...)
			a := cleanText(src)
			checkAccounted(t, src, a)
			kept := make(map[string]bool)
			for _, b := range a.Blocks {
				kept[b.Text] = true
			}
			for _, k := range tt.kept {
				if !kept[k] {
					t.Errorf("not kept: %q", k)
				}
			}
			reasons := make(map[string]string)
			for _, r := range a.Removed {
				reasons[r.Text] = r.Reason
			}
			for text, want := range tt.removed {
				if reasons[text] != want {
					t.Errorf("%q: reason %q, want %q", text, reasons[text], want)
				}
			}
			if tt.name == "a list of stories keeps the article" && len(a.Blocks) != len(prose) {
				t.Errorf("kept %d blocks, want the %d of the article:\n%s", len(a.Blocks), len(prose), a.Text())
			}
		})
	}
}

// TestTextTeasers checks that tight, glued teaser lines below an article
// are not taken for its body.
func TestTextTeasers(t *testing.T) {
	lines := []string{"Council approves largest bus network expansion in decades"}
	lines = append(lines, prose...)
	src := capture(lines...) + "Latest Headlines\n" +
		"Storm Closes SchoolsHeavy rain forced dozens of schools to close on Monday as rivers rose across the region and roads flooded.\n" +
		"New Stadium UnveiledThe club presented a plan for a new stadium that would seat forty thousand fans by the end of the decade.\n" +
		"Library Opens DoorsThe new library, built on the site of the old market, opened its doors on Saturday to hundreds of readers.\n"
	a := cleanText(src)
	checkAccounted(t, src, a)
	if len(a.Blocks) != len(prose) {
		t.Errorf("kept %d blocks, want %d:\n%s", len(a.Blocks), len(prose), a.Text())
	}
}

// TestTextUnspaced checks a capture in a language written without
// spaces.
func TestTextUnspaced(t *testing.T) {
	src := capture("ホーム", "ニュース", "東京都、新しいバス路線を承認",
		"東京都議会は火曜日、北部の郊外に新しい路線を十二本追加するバス網の拡大を可決した。来年の春から運行が始まる予定だ。",
		"当局者によると、計画の費用は五年間で約四十億円で、国の補助金と運賃収入でまかなわれるという。",
		"会議で発言した住民の意見は分かれ、拡大を歓迎する声がある一方で、静かな通りの交通量が増えるとの懸念も出た。",
		"シェアする")
	a := cleanText(src)
	checkAccounted(t, src, a)
	if len(a.Blocks) != 3 {
		t.Errorf("kept %d blocks, want 3:\n%s", len(a.Blocks), a.Text())
	}
	if a.Title != "東京都、新しいバス路線を承認" {
		t.Errorf("Title = %q", a.Title)
	}
}

// TestTextPlainArticle checks captures that are only an article: with
// and without blank lines between paragraphs, with and without a
// headline.
func TestTextPlainArticle(t *testing.T) {
	title := "Council approves largest bus network expansion in decades"
	tests := []struct {
		name, src, title string
	}{
		{"blank lines", capture(append([]string{title}, prose...)...), title},
		{"no blank lines", strings.Join(append([]string{title}, prose...), "\n"), title},
		{"no headline", capture(prose...), ""},
		{"one paragraph", prose[0], ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := cleanText(tt.src)
			checkAccounted(t, tt.src, a)
			if a.Title != tt.title {
				t.Errorf("Title = %q, want %q", a.Title, tt.title)
			}
			want := len(prose)
			if tt.name == "one paragraph" {
				want = 1
			}
			if len(a.Blocks) != want {
				t.Errorf("kept %d blocks, want %d:\n%s", len(a.Blocks), want, a.Text())
			}
		})
	}
}

// TestBoilerplate checks the line vocabulary on its own, including body
// lines that merely use its words.
func TestBoilerplate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"error: Content is protected !!", ReasonCopyProtection},
		{"msid 109260264,imgsize", ReasonTracking},
		{"4 Min Read", ReasonReadTime},
		{"Reading time: 6 minutes", ReasonReadTime},
		{"Related Posts", ReasonRelated},
		{"You may also like...", ReasonRelated},
		{"Читайте также", ReasonRelated},
		{"Please enter your comment!", ReasonCommentForm},
		{"34 Comments", ReasonCommentForm},
		{"jsmith says:", ReasonCommentForm},
		{"3 hours ago", ReasonDate},
		{"Advertisement", ReasonAdvertisement},
		{"See also  Donald Trump claims something", ReasonTeaser},
		{"Watch: The mayor explains the plan", ReasonTeaser},
		{"Follow us on Google news ,Twitter , and Join Whatsapp Group of example.in", ReasonPrompt},
		{"Share This Article", ReasonPrompt},
		{"Sign up for our newsletter", ReasonPrompt},
		{"Write to Jane Doe at jane.doe@example.com", ReasonPrompt},
		{"© 2024 Example Media. All rights reserved.", ReasonLegal},
		{"HomeWorld NewsChina: a headline", ReasonNavigation},
		{"Home › World › Asia", ReasonNavigation},
		{"Photo: A bus at the central station", ReasonCaption},
		{"Sun. May 26th, 2024", ReasonDate},
		{"By Natasha Kumar", ReasonByline},
		{"Keith Bradsher contributed reporting from Hong Kong.", ReasonByline},
		// Body lines that use the vocabulary.
		{"More than a third of the staff will leave this week.", ""},
		{"More than words", ""},
		{"Read the report and you will see why the council changed its mind.", ""},
		{"Shares in the company fell 5% on Monday after the announcement.", ""},
		{"The company declined to comment.", ""},
		{"He told Reuters the talks would resume on Friday, April 12, 2024, in Geneva.", ""},
		{"By the end of the year, prices had doubled.", ""},
		{"Home prices rose again in March, the agency said.", ""},
		{"Follow the money, the investigators said, and you will find the culprits.", ""},
	}
	for _, tt := range tests {
		if got := boilerplate(tt.in, words(tt.in)); got != tt.want {
			t.Errorf("boilerplate(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestLowerLine checks lowerLine against strings.ToLower, words and
// capsRatio, on valid and invalid UTF-8, on every rune of the Basic
// Multilingual Plane and on the lines of the test captures.
func TestLowerLine(t *testing.T) {
	var all strings.Builder
	for r := rune(0); r < 0x10000; r++ {
		all.WriteRune(r)
		if r%7 == 0 {
			all.WriteByte(' ')
		}
	}
	inputs := []string{"", "abc", "ABC Def", "Ünïcödé ÀÉÎ", "\u212A\u0130\u023A", "a\xffB\xc3", "\xe2\x80", "東京都 は 日本の首都", "ไทย ภาษา",
		"  Two  Spaces ", "x\u00a0Y", all.String()}
	files, _ := filepath.Glob(filepath.Join("testdata", "seeds", "*.txt"))
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, strings.Split(string(raw), "\n")...)
	}
	// ASCII lines are read eight bytes at a time: words, fields and
	// capitals across the blocks.
	pieces := []string{"a", "Bc", "DEF", "9", " ", "  ", "\t", "\v", "\x1f", "_", "-", ".", "@", "[", "`", "{", "\x7f", "Z", "z",
		"0", "xyzzy"}
	rng := rand.New(rand.NewPCG(17, 18))
	for range 20000 {
		inputs = append(inputs, randomJoin(rng, pieces, 16))
	}
	for c := range 128 {
		for _, at := range []int{0, 3, 7, 8, 9, 15, 16} {
			inputs = append(inputs, "The talks Ended in 2024"[:at]+string(rune(c))+"The talks Ended in 2024"[at:])
		}
	}
	for _, s := range inputs {
		checkLowerLine(t, s)
	}
}

// FuzzLowerLine checks lowerLine against strings.ToLower, words and
// capsRatio, and its ASCII path against the rune by rune one.
func FuzzLowerLine(f *testing.F) {
	for _, s := range []string{"", "abc", "ABC Def", "Ünïcödé ÀÉÎ", "a\xffB\xc3", "東京都 は", "  Two  Spaces ", "x\u00a0Y",
		"Critics say the RECOVERY was predictable, 57.4% of 152,749 tonnes.", "\tTab\vVT\fFF\rCR_under_score"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkLowerLine(t, s)
	})
}

// checkLowerLine checks what lowerLine writes and finds in s against
// the simple ways of finding them, and, for ASCII s, lowerASCII against
// lowerRunes, after other text in the builder.
func checkLowerLine(t *testing.T, s string) {
	t.Helper()
	var b strings.Builder
	spans, fields, caps := lowerLine(&b, nil, s)
	lower := b.String()
	var ws []string
	for _, sp := range spans {
		ws = appendWord(ws, lower[sp.start:sp.end], sp.ascii)
	}
	if want := strings.ToLower(s); lower != want {
		t.Errorf("lowerLine(%.40q) writes %.40q, want %.40q", s, lower, want)
	}
	if want := words(s); !slices.Equal(ws, want) {
		t.Errorf("lowerLine(%.40q) words %.40q, want %.40q", s, ws, want)
	}
	if want := runeWords(s); !slices.Equal(ws, want) {
		t.Errorf("lowerLine(%.40q) words %.40q, want %.40q", s, ws, want)
	}
	if got, want := ratio(caps, fields), capsRatio(s); got != want {
		t.Errorf("lowerLine(%.40q) caps %d/%d, want ratio %v", s, caps, fields, want)
	}
	if isASCII(s) {
		var ba, br strings.Builder
		ba.WriteString("Prefix ")
		br.WriteString("Prefix ")
		sa, fa, ca := lowerASCII(&ba, nil, s)
		sr, fr, cr := lowerRunes(&br, nil, s)
		if ba.String() != br.String() || !slices.Equal(sa, sr) || fa != fr || ca != cr {
			t.Errorf("lowerASCII(%.40q) = %v, %d, %d, writing %.40q; lowerRunes gives %v, %d, %d, writing %.40q",
				s, sa, fa, ca, ba.String(), sr, fr, cr, br.String())
		}
	}
}

func ratio(n, d int) float64 {
	if d == 0 {
		return 0
	}
	return float64(n) / float64(d)
}

// capsRatio is the share of the fields of s that start with an
// upper-case letter: what lowerLine counts, the simple way.
func capsRatio(s string) float64 {
	fields, n := 0, 0
	inField := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			inField = false
			continue
		}
		if !inField {
			inField = true
			fields++
			if unicode.IsUpper(r) {
				n++
			}
		}
	}
	return ratio(n, fields)
}

// runeWords is words, the simple way: the words of scripts without
// spaces are cut into strings of two runes.
func runeWords(s string) []string {
	var out []string
	var word []rune
	ascii := true
	flush := func() {
		w := string(word)
		switch {
		case len(word) == 0:
		case ascii || !hasUnspaced(w):
			out = append(out, w)
		default:
			for i := 0; i < len(word); i += 2 {
				out = append(out, string(word[i:min(i+2, len(word))]))
			}
		}
		word, ascii = word[:0], true
	}
	for _, r := range strings.ToLower(s) {
		if r < utf8.RuneSelf && ('a' <= r && r <= 'z' || '0' <= r && r <= '9') || r >= utf8.RuneSelf && isWordRune(r) {
			ascii = ascii && r < utf8.RuneSelf
			word = append(word, r)
			continue
		}
		flush()
	}
	flush()
	return out
}

// TestIsStopWord checks isStopWord, a lexicon, against a map of the
// stop words.
func TestIsStopWord(t *testing.T) {
	stopWords := make(map[string]bool)
	for _, w := range strings.Fields(stopWordList) {
		stopWords[w] = true
	}
	ws := []string{"", "x", "thé", "für", "zz", "between", "betweens", "betweenness", "\xff"}
	for w := range stopWords {
		ws = append(ws, w, w+"s", "x"+w, strings.ToUpper(w), w[:len(w)-1]+"z")
	}
	files, _ := filepath.Glob(filepath.Join("testdata", "seeds", "*.txt"))
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		ws = append(ws, words(string(raw))...)
	}
	for _, w := range ws {
		if got, want := isStopWord(w), stopWords[w]; got != want {
			t.Errorf("isStopWord(%q) = %v, want %v", w, got, want)
		}
	}
}

// TestIsNorm checks that collapseSpace leaves as they are the strings
// isNorm accepts, and changes those it rejects.
func TestIsNorm(t *testing.T) {
	var inputs []string
	for r := rune(0); r < 0x10000; r++ {
		inputs = append(inputs, string(r), "a"+string(r)+"b", "a "+string(r)+" b")
	}
	inputs = append(inputs, "", " ", "a  b", " a", "a ", "a\xffb", "a\u00a0b", "a\tb", "’quoted” text…")
	// isNorm reads eight bytes at a time: every rune and pair of spaces
	// at every place in and across blocks of eight.
	const prose = "The talks ended without a statement; no date was set"
	for r := rune(0); r < 0x3000; r++ {
		for _, at := range []int{0, 7, 8, 15, 16, 23} {
			inputs = append(inputs, prose[:at]+string(r)+prose[at:])
		}
	}
	for at := 0; at < 30; at++ {
		inputs = append(inputs, prose[:at]+" "+prose[at:], prose[:at]+"  "+prose[at+1:], prose[:at]+"\x7f"+prose[at:], prose[:at], " "+prose[:at])
	}
	pieces := []string{"a", "bc", " ", "  ", "\t", "é", "\u00a0", "\x7f", "\x01", "\xff", "xxxxxxx", "~", "!"}
	rng := rand.New(rand.NewPCG(9, 10))
	for range 20000 {
		inputs = append(inputs, randomJoin(rng, pieces, 20))
	}
	for _, s := range inputs {
		checkIsNorm(t, s)
	}
}

// checkIsNorm checks that collapseSpace leaves s as it is if and only if
// isNorm accepts it.
func checkIsNorm(t *testing.T, s string) {
	t.Helper()
	if got := collapseSpace(s); isNorm(s) != (got == s) {
		t.Errorf("isNorm(%q) = %v, but collapseSpace gives %q", s, isNorm(s), got)
	}
}

func FuzzIsNorm(f *testing.F) {
	f.Add("The talks ended without a statement;  no date was set")
	f.Add("’quoted” text… \u00a0 and a\ttab")
	f.Fuzz(checkIsNorm)
}

// TestSimilarAtLeast checks the signature filters of similarAtLeast and
// mayBeSimilar against setSimilarity and similarityToSet, on random
// word lists.
func TestSimilarAtLeast(t *testing.T) {
	vocabulary := strings.Fields("the a of to in and court said on mayor city council vote bus network new routes plan cost million years")
	rng := rand.New(rand.NewPCG(5, 6))
	list := func() []string {
		ws := make([]string, rng.IntN([]int{4, 12, 30}[rng.IntN(3)]))
		for k := range ws {
			ws[k] = vocabulary[rng.IntN(len(vocabulary))]
		}
		return ws
	}
	for range 20000 {
		a, b := list(), list()
		for _, limit := range []float64{0, 0.5, 0.75, 1} {
			sa, sb := newSignedSet(a), newSignedSet(b)
			if got, want := similarAtLeast(sa, sb, limit), setSimilarity(wordSet(a), wordSet(b)) >= limit; got != want {
				t.Fatalf("similarAtLeast(%q, %q, %v) = %v, want %v", a, b, limit, got, want)
			}
		}
		if got, want := similarityToSet(a, wordSet(b)), similarity(a, b); got != want {
			t.Fatalf("similarityToSet(%q, wordSet(%q)) = %v, want %v", a, b, got, want)
		}
		for _, limit := range []float64{0, 0.5, 0.75, 1} {
			if sb := newSignedSet(b); !sb.mayBeSimilar(a, limit) && similarityToSet(a, sb.set()) >= limit {
				t.Fatalf("mayBeSimilar(%q, %v) false for %q, whose similarity is %v", a, limit, b, similarityToSet(a, sb.set()))
			}
		}
	}
}
