package quote

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// normalizeTests covers each rule of the package doc, one case per variant.
var normalizeTests = []struct {
	name, in, want string
}{
	{"empty", "", ""},
	{"plain", "plain text", "plain text"},
	{"space run", "a  \t b", "a b"},
	{"trim", "  \n a b \r\n ", "a b"},
	{"newline", "a\nb", "a b"},
	{"crlf", "a\r\nb", "a b"},
	{"paragraph break", "end.\n\n  Start", "end. Start"},
	{"nbsp", "90\u00a0%", "90 %"},
	{"narrow nbsp", "a\u202fb", "a b"},
	{"em space", "a\u2003b", "a b"},
	{"ideographic space", "a\u3000b", "a b"},
	{"line separator", "a\u2028b", "a b"},
	{"next line", "a\u0085b", "a b"},
	{"vertical tab", "a\vb\fc", "a b c"},
	{"only space", " \u00a0\t\n", ""},

	{"straight double", `"x"`, `"x"`},
	{"left double", "“x", `"x`},
	{"right double", "x”", `x"`},
	{"low double", "„x", `"x`},
	{"reversed double", "‟x", `"x`},
	{"left guillemet", "«x", `"x`},
	{"right guillemet", "x»", `x"`},
	{"double prime", "x″", `x"`},

	{"straight single", "'x'", "'x'"},
	{"left single", "‘x", "'x"},
	{"right single", "it’s", "it's"},
	{"low single", "‚x", "'x"},
	{"reversed single", "‛x", "'x"},
	{"prime", "x′", "x'"},
	{"grave", "`x", "'x"},

	{"hyphen-minus", "a-b", "a-b"},
	{"hyphen", "a‐b", "a-b"},
	{"non-breaking hyphen", "a‑b", "a-b"},
	{"figure dash", "a‒b", "a-b"},
	{"en dash", "a–b", "a-b"},
	{"em dash", "a—b", "a-b"},
	{"horizontal bar", "a―b", "a-b"},
	{"minus", "a−b", "a-b"},
	{"spaced em dash", "a — b", "a - b"},

	// Nothing else changes.
	{"case", "Minister", "Minister"},
	{"ellipsis", "so…", "so…"},
	{"three dots", "so...", "so..."},
	{"accent", "café", "café"},
	{"decomposed accent", "cafe\u0301", "cafe\u0301"},
	{"zero width space", "a\u200bb", "a\u200bb"},
	{"soft hyphen", "a\u00adb", "a\u00adb"},
	{"single guillemet", "‹x›", "‹x›"},
	{"fullwidth quote", "＂x", "＂x"},
	{"invalid utf-8", "a\xffb", "a\uFFFDb"},
}

func TestNormalize(t *testing.T) {
	for _, tt := range normalizeTests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Normalize(tt.in); got != tt.want {
				t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// matchTests are quotes against texts under the rule: a quote that differs
// only in white space, quotes and dashes matches; anything else does not.
var matchTests = []struct {
	name, text, quote string
	ok                bool
}{
	{"exact", "China supplied 90% of imports.", "supplied 90% of imports", true},
	{"curly in text", "the “special operation” began", `the "special operation" began`, true},
	{"curly in quote", `the "special operation" began`, "the “special operation” began", true},
	{"apostrophe", "Russia’s imports", "Russia's imports", true},
	{"guillemets", "il a dit «non»", `il a dit "non"`, true},
	{"em dash vs hyphen", "2022—2024", "2022-2024", true},
	{"en dash vs minus", "−5 °C – 3 °C", "-5 °C - 3 °C", true},
	{"line break in text", "traveling to\nBeijing this\n\nweekend", "traveling to Beijing this weekend", true},
	{"nbsp in text", "90\u00a0% of Russian", "90 % of Russian", true},
	{"spaces in quote", "a b c", "  a   b\tc ", true},

	{"case", "The Minister said", "the minister said", false},
	{"missing comma", "Yes, he said", "Yes he said", false},
	{"extra comma", "Yes he said", "Yes, he said", false},
	{"ellipsis vs dots", "and so… it ended", "and so... it ended", false},
	{"dots vs ellipsis", "and so... it ended", "and so… it ended", false},
	{"space vs none", "the rapist", "therapist", false},
	{"none vs space", "therapist", "the rapist", false},
	{"accent", "cafe", "café", false},
	{"single guillemet", "‹non›", "'non'", false},
	{"empty quote", "anything", "", false},
	{"blank quote", "anything", " \n ", false},
	{"empty text", "", "x", false},
}

func TestFindRule(t *testing.T) {
	for _, tt := range matchTests {
		t.Run(tt.name, func(t *testing.T) {
			m, ok := Find(tt.text, tt.quote)
			if ok != tt.ok {
				t.Fatalf("Find(%q, %q) ok = %v, want %v", tt.text, tt.quote, ok, tt.ok)
			}
			if ok && Normalize(tt.text[m.Start:m.End]) != Normalize(tt.quote) {
				t.Errorf("Find(%q, %q) = %+v, passage %q", tt.text, tt.quote, m, tt.text[m.Start:m.End])
			}
		})
	}
}

func TestFindOffsets(t *testing.T) {
	tests := []struct {
		name, text, quote string
		want              string // text[Start:End]
		start, count      int
	}{
		{"ascii", "one two three", "two", "two", 4, 1},
		{"multibyte before", "Ça, «c’est» — dit-il — vrai", "c'est", "c’est", 7, 1},
		{"multibyte inside", "Ça, «c’est» — dit-il — vrai", `"c'est" - dit-il - vrai`, "«c’est» — dit-il — vrai", 5, 1},
		{"ends on multibyte", "il a dit «non»!", `dit "non"`, "dit «non»", 5, 1},
		{"space run inside", "a\u00a0\u00a0b\n\nc", "a b c", "a\u00a0\u00a0b\n\nc", 0, 1},
		{"leading space in text", "\u3000\u3000日本 語", "日本 語", "日本 語", 6, 1},
		{"quote with spaces", "x  “y”  z", ` "y" `, "“y”", 3, 1},
		{"invalid byte", "a\xff b", "\uFFFD b", "\xff b", 1, 1},
		{"first of many", "the end; the end; the end", "the end", "the end", 0, 3},
		{"non-overlapping", "aaaa", "aa", "aa", 0, 2},
		{"overlapping counted once", "aaa", "aa", "aa", 0, 1},
		{"later occurrence", "x—y and x-y", "x–y", "x—y", 0, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, ok := Find(tt.text, tt.quote)
			if !ok {
				t.Fatalf("Find(%q, %q) not found", tt.text, tt.quote)
			}
			if got := tt.text[m.Start:m.End]; got != tt.want || m.Start != tt.start || m.Count != tt.count {
				t.Errorf("Find(%q, %q) = %+v (%q), want start %d %q count %d",
					tt.text, tt.quote, m, got, tt.start, tt.want, tt.count)
			}
		})
	}
}

func TestFindIn(t *testing.T) {
	paras := []string{
		"Scholz is traveling to Beijing this weekend.",
		"He said: “We are traveling to Beijing this weekend.”",
		"Aides confirmed he was\ntraveling to Beijing this weekend, and again: traveling to Beijing this weekend",
	}
	tests := []struct {
		name, quote string
		para        int
		want        string
		count       int
		total       int
		ok          bool
	}{
		{"in all", "traveling to Beijing this weekend", 0, "traveling to Beijing this weekend", 1, 4, true},
		{"later paragraph", "“We are traveling", 1, "“We are traveling", 1, 1, true},
		{"across line break", "he was traveling", 2, "he was\ntraveling", 1, 1, true},
		{"not across paragraphs", "weekend. He said", -1, "", 0, 0, false},
		{"absent", "Xi Jinping", -1, "", 0, 0, false},
		{"empty", "", -1, "", 0, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			para, m, total, ok := FindIn(paras, tt.quote)
			if para != tt.para || total != tt.total || ok != tt.ok {
				t.Fatalf("FindIn(%q) = %d, %+v, %d, %v; want %d, total %d, %v",
					tt.quote, para, m, total, ok, tt.para, tt.total, tt.ok)
			}
			if !ok {
				return
			}
			if got := paras[para][m.Start:m.End]; got != tt.want || m.Count != tt.count {
				t.Errorf("FindIn(%q) match %q count %d, want %q count %d", tt.quote, got, m.Count, tt.want, tt.count)
			}
		})
	}
}

// article is a short news text with several paragraphs, for Closest.
const article = `Chancellor Olaf Scholz is traveling to Beijing this weekend, his first visit since 2022.

The trip comes as Berlin weighs its dependence on Chinese supplies. According to customs data, 90% of Russian microelectronics imports came from China last year.

"We will not look away," Scholz told reporters on Friday. "Trade must be fair — and it must be safe."

Officials in Beijing said the talks would be "constructive and pragmatic". Analysts expect few concrete results.`

func TestClosest(t *testing.T) {
	tests := []struct {
		name, text, quote string
		want              string  // passage
		min, max          float64 // similarity bounds
	}{
		{"found", article, "Scholz is traveling to Beijing", "Scholz is traveling to Beijing", 1, 1},
		{"typo", article, "90% of Russian microelectronic imports came from China",
			"90% of Russian microelectronics imports came from China", 0.97, 0.99},
		{"word changed", article, "90% of Russian semiconductor imports came from China",
			"90% of Russian microelectronics imports came from China", 0.6, 0.9},
		{"word dropped", article, "the talks would be constructive and pragmatic",
			`the talks would be "constructive and pragmatic".`, 0.9, 0.99},
		{"case", article, "chancellor olaf scholz", "Chancellor Olaf Scholz", 0.9, 0.99},
		{"ellipsis", "He said so... and left.", "said so… and left", "said so... and left.", 0.8, 0.95},
		{"missing comma", article, "We will not look away Scholz told reporters",
			`"We will not look away," Scholz told reporters`, 0.85, 0.99},
		{"two sentences", article, "Trade must be fair and it must be safe. Officials in Beijing said",
			"\"Trade must be fair — and it must be safe.\"\n\nOfficials in Beijing said", 0.85, 0.99},
		{"paraphrase", article, "analysts expect only few concrete outcomes",
			"Analysts expect few concrete results.", 0.6, 0.9},
		{"unrelated", article, "zzzz qqqq xxxx", "", 0, 0.2},
		{"empty quote", article, "", "", 0, 0},
		{"empty text", "", "quote", "", 0, 0},
		{"no spaces", strings.Repeat("あ", 100) + "いう" + strings.Repeat("え", 100), "あいいう", "ああいう", 0.7, 0.8},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := Closest(tt.text, tt.quote)
			if n.Passage != tt.text[n.Start:n.End] {
				t.Errorf("Closest(%q): Passage %q, text[%d:%d] = %q", tt.quote, n.Passage, n.Start, n.End, tt.text[n.Start:n.End])
			}
			if tt.want != "" && n.Passage != tt.want {
				t.Errorf("Closest(%q) = %q, want %q", tt.quote, n.Passage, tt.want)
			}
			if n.Similarity < tt.min || n.Similarity > tt.max {
				t.Errorf("Closest(%q) = %q, similarity %.3f, want in [%.2f, %.2f]", tt.quote, n.Passage, n.Similarity, tt.min, tt.max)
			}
		})
	}
}

// TestNormalForm checks normalForm, Normalize's shortcut, on every
// string of one and two bytes and of two bytes around a space: it holds
// exactly of the ASCII strings that normalize leaves as they are.
func TestNormalForm(t *testing.T) {
	check := func(s string) {
		ascii := true
		for i := range len(s) {
			ascii = ascii && s[i] < utf8.RuneSelf
		}
		if want := ascii && normalize(s, false).s == s; normalForm(s) != want {
			t.Errorf("normalForm(%q) = %v, want %v", s, !want, want)
		}
	}
	for a := range 256 {
		check(string([]byte{byte(a)}))
		for b := range 256 {
			check(string([]byte{byte(a), byte(b)}))
			check(string([]byte{byte(a), ' ', byte(b)}))
		}
	}
}

func FuzzNormalize(f *testing.F) {
	for _, tt := range normalizeTests {
		f.Add(tt.in)
	}
	for _, tt := range matchTests {
		f.Add(tt.text)
		f.Add(tt.quote)
	}
	f.Add("plain ascii words, one space apart")
	f.Add("back`quote")
	f.Fuzz(func(t *testing.T, s string) {
		n := Normalize(s)
		if slow := normalize(s, false).s; n != slow {
			t.Errorf("Normalize(%q) = %q, but the full normalization gives %q", s, n, slow)
		}
		if !utf8.ValidString(n) {
			t.Errorf("Normalize(%q) = %q, not valid UTF-8", s, n)
		}
		if nn := Normalize(n); nn != n {
			t.Errorf("Normalize not idempotent: %q -> %q -> %q", s, n, nn)
		}
		if strings.HasPrefix(n, " ") || strings.HasSuffix(n, " ") || strings.Contains(n, "  ") {
			t.Errorf("Normalize(%q) = %q: untrimmed or doubled space", s, n)
		}
		if utf8.ValidString(s) && utf8.RuneCountInString(n) > utf8.RuneCountInString(s) {
			t.Errorf("Normalize(%q) = %q: more runes than its input", s, n)
		}
	})
}

// words returns the byte offsets where words (runs of non-space runes) of s
// start and end.
func words(s string) (starts, ends []int) {
	in := false
	for i, r := range s {
		sp := strings.TrimSpace(string(r)) == ""
		switch {
		case !sp && !in:
			starts = append(starts, i)
		case sp && in:
			ends = append(ends, i)
		}
		in = !sp
	}
	if in {
		ends = append(ends, len(s))
	}
	return starts, ends
}

func FuzzFind(f *testing.F) {
	for i, tt := range matchTests {
		f.Add(tt.text, tt.quote, uint(i), uint(i+1))
	}
	f.Add(article, "90% of Russian", uint(3), uint(7))
	f.Fuzz(func(t *testing.T, text, quote string, a, b uint) {
		m, ok := Find(text, quote)
		var slow Match
		slowOK := false
		if q := Normalize(quote); q != "" {
			slow, slowOK = find(normalize(text, true), q)
		}
		if m != slow || ok != slowOK {
			t.Fatalf("Find(%q, %q) = %+v, %v; with every offset mapped %+v, %v", text, quote, m, ok, slow, slowOK)
		}
		if ok {
			if m.Start < 0 || m.Start >= m.End || m.End > len(text) || m.Count < 1 {
				t.Fatalf("Find(%q, %q) = %+v: bad offsets", text, quote, m)
			}
			if got := Normalize(text[m.Start:m.End]); got != Normalize(quote) {
				t.Errorf("Find(%q, %q) = %+v: passage normalizes to %q", text, quote, m, got)
			}
		}
		n := Closest(text, quote)
		if n.Start < 0 || n.Start > n.End || n.End > len(text) || n.Passage != text[n.Start:n.End] ||
			n.Similarity < 0 || n.Similarity > 1 || (n.Similarity == 1) != ok {
			t.Errorf("Closest(%q, %q) = %+v, Find ok %v", text, quote, n, ok)
		}
		if !utf8.ValidString(text) {
			return
		}
		starts, ends := words(text)
		if len(starts) == 0 {
			return
		}
		i := starts[a%uint(len(starts))]
		j := ends[b%uint(len(ends))]
		if i >= j {
			i, j = starts[b%uint(len(starts))], ends[a%uint(len(ends))]
		}
		if i >= j {
			return
		}
		q := text[i:j]
		m, ok = Find(text, q)
		if !ok {
			t.Fatalf("Find(%q, %q) not found", text, q)
		}
		if m.Start > i {
			t.Errorf("Find(%q, %q) = %+v, after its occurrence at %d", text, q, m, i)
		}
		if n := Closest(text, q); n.Similarity != 1 {
			t.Errorf("Closest(%q, %q) = %+v, want similarity 1", text, q, n)
		}
	})
}

func BenchmarkClosest(b *testing.B) {
	var text strings.Builder
	for text.Len() < 10_000 {
		text.WriteString(article)
		text.WriteString("\n\n")
	}
	quote := "According to customs records, 90% of the Russian imports of microelectronics came from China last year, " +
		"and the chancellor is traveling to Beijing this weekend for his first visit since 2022, said officials."
	b.SetBytes(int64(text.Len()))
	for b.Loop() {
		Closest(text.String(), quote)
	}
}

func BenchmarkNormalForm(b *testing.B) {
	s := strings.TrimSpace(strings.Repeat("Officials said China supplied 90 per cent of the machine tools Russia imported. ", 6))
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		if !normalForm(s) {
			b.Fatal("not normal")
		}
	}
}
