package crosscheck

import (
	"cmp"
	"regexp"
	"slices"
	"strings"
)

// A Kind says what sort of figure a Figure is.
type Kind string

// The kinds of figures.
const (
	Percent  Kind = "percentage"
	Money    Kind = "money"
	Multiple Kind = "multiple"
	Year     Kind = "year"
	Count    Kind = "count"
)

// A Figure is one figure of an article.
type Figure struct {
	Kind     Kind
	Text     string // as written: "90 per cent", "$900 million"
	Value    string // normalised for comparison: "90%", "$900 million"
	Para     int    // paragraph index
	Sentence string
	Context  []string          // content words near the figure (stems), sorted
	Words    map[string]string // stem → the word as written, lower-case
	Measure  string            // what it measures: the content words that follow it, "microelectronics imports"
}

var figureRE = regexp.MustCompile(`(?i)` +
	`(?P<money>(?:US)?[$€£₹]\s?\d[\d,]*(?:\.\d+)?(?:\s?(?:million|billion|trillion|crore|lakh|bn|mn))?` +
	`|\d[\d,]*(?:\.\d+)?\s(?:million|billion|trillion)\s(?:dollars|euros|pounds|rubles|roubles|yuan))` +
	`|(?P<percent>\d+(?:\.\d+)?\s?(?:%|per\s?cent\b|percent\b))` +
	`|(?P<multiple>\b(?:twice|(?:two|three|four|five|six|seven|eight|nine|ten|\d+(?:\.\d+)?)\s+times)\b)` +
	`|(?P<year>\b(?:19|20)\d{2}\b)` +
	`|(?P<count>\b\d[\d,]*(?:\.\d+)?(?:\s(?:million|billion|thousand|hundred))?\b)`)

// Figures returns the figures of an article given as paragraphs, in
// order.
func Figures(paras []string) []Figure {
	var out []Figure
	names := figureRE.SubexpNames()
	for i, p := range paras {
		for _, sp := range Sentences(p) {
			sent := p[sp.Start:sp.End]
			for _, m := range figureRE.FindAllStringSubmatchIndex(sent, -1) {
				var kind Kind
				for g := 1; g < len(names); g++ {
					if m[2*g] >= 0 {
						kind = Kind(names[g])
						break
					}
				}
				switch kind {
				case "percent":
					kind = Percent
				case "money":
					kind = Money
				case "multiple":
					kind = Multiple
				case "year":
					kind = Year
				default:
					kind = Count
				}
				text := sent[m[0]:m[1]]
				if kind == Count && (ordinalOrPart(sent, m[1]) || nextToMonth(sent, m[0], m[1])) {
					continue // "5th", "P-8I", or the day of a date: "April 12"
				}
				ctx, words := context(sent, m[0], m[1])
				out = append(out, Figure{
					Kind: kind, Text: text, Value: value(kind, text), Para: i, Sentence: sent,
					Context: ctx, Words: words, Measure: measure(sent, m[0], m[1]),
				})
			}
		}
	}
	return out
}

// ordinalOrPart skips "5th", "P-8I"-like fragments glued to letters.
func ordinalOrPart(s string, end int) bool {
	return end < len(s) && (s[end] >= 'a' && s[end] <= 'z' || s[end] >= 'A' && s[end] <= 'Z')
}

var monthWord = regexp.MustCompile(`(?i)^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?$`)

// nextToMonth reports whether the number at [start, end) is next to a
// month name: the day of a date.
func nextToMonth(s string, start, end int) bool {
	before := strings.Fields(s[:start])
	after := strings.Fields(s[end:])
	return len(before) > 0 && monthWord.MatchString(before[len(before)-1]) ||
		len(after) > 0 && monthWord.MatchString(strings.Trim(after[0], ",."))
}

// measure names what the figure at [start, end) measures: up to three
// content words after it, up to the next punctuation, else before it.
func measure(sent string, start, end int) string {
	pick := func(words []string) []string {
		var out []string
		for _, w := range words {
			clean := strings.Trim(w, ".,;:!?\"'“”‘’()")
			if len(terms(clean)) > 0 && !strings.HasPrefix(firstKey(clean), "#") {
				out = append(out, clean)
			}
			if len(out) == 3 || strings.ContainsAny(w, ".,;:!?") {
				break
			}
		}
		return out
	}
	after := pick(strings.Fields(sent[end:]))
	if len(after) > 0 {
		return strings.Join(after, " ")
	}
	before := strings.Fields(sent[:start])
	slices.Reverse(before)
	words := pick(before)
	slices.Reverse(words)
	return strings.Join(words, " ")
}

func firstKey(w string) string {
	for k := range terms(w) {
		return k
	}
	return ""
}

var spaces = regexp.MustCompile(`\s+`)

func value(kind Kind, text string) string {
	t := strings.ToLower(spaces.ReplaceAllString(text, " "))
	switch kind {
	case Percent:
		num := strings.TrimSpace(strings.Split(strings.Split(t, "%")[0], "per")[0])
		return num + "%"
	case Multiple:
		return strings.Replace(t, "twice", "two times", 1)
	}
	return t
}

// context returns the content words within a few words of [start, end),
// as stems, and the stems' written forms.
func context(sent string, start, end int) ([]string, map[string]string) {
	const reach = 6
	before := strings.Fields(sent[:start])
	after := strings.Fields(sent[end:])
	if len(before) > reach {
		before = before[len(before)-reach:]
	}
	if len(after) > reach {
		after = after[:reach]
	}
	words := map[string]string{}
	for _, w := range append(before, after...) {
		w = strings.ToLower(strings.Trim(w, ".,;:!?\"'“”‘’()"))
		for k := range terms(w) {
			if !strings.HasPrefix(k, "#") {
				if _, ok := words[k]; !ok {
					words[k] = w
				}
			}
		}
	}
	out := make([]string, 0, len(words))
	for k := range words {
		out = append(out, k)
	}
	slices.Sort(out)
	return out, words
}

// A SourceFigures is the figures of one source.
type SourceFigures struct {
	Source  string
	Figures []Figure
}

// A FigureGroup is the figures of several sources that measure the same
// thing.
type FigureGroup struct {
	Label   string // the context words the figures share
	Kind    Kind
	Members []Member // sorted by source, then position
	Agree   bool     // every member has the same value
}

// A Member is one figure of one source in a group.
type Member struct {
	Source string
	Figure Figure
}

// Group groups the figures of several sources: two figures of the same
// kind join when their contexts share at least two content words. Groups
// are sorted by the number of sources, then label.
func Group(all []SourceFigures) []FigureGroup {
	type node struct {
		src string
		f   Figure
	}
	var nodes []node
	for _, s := range all {
		for _, f := range s.Figures {
			nodes = append(nodes, node{s.Source, f})
		}
	}
	parent := make([]int, len(nodes))
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	for i := range nodes {
		for j := i + 1; j < len(nodes); j++ {
			a, b := nodes[i], nodes[j]
			if a.src == b.src || a.f.Kind != b.f.Kind {
				continue
			}
			need := 2
			if a.f.Kind == Year || a.f.Kind == Count {
				need = 3
			}
			if shared(a.f.Context, b.f.Context) >= need {
				parent[find(j)] = find(i)
			}
		}
	}
	byRoot := map[int]*FigureGroup{}
	var roots []int
	for i, n := range nodes {
		r := find(i)
		g := byRoot[r]
		if g == nil {
			g = &FigureGroup{Kind: n.f.Kind}
			byRoot[r] = g
			roots = append(roots, r)
		}
		g.Members = append(g.Members, Member{n.src, n.f})
	}
	var out []FigureGroup
	for _, r := range roots {
		g := byRoot[r]
		g.Agree = true
		counts := map[string]int{}
		surface := map[string]string{}
		for _, m := range g.Members {
			for k, w := range m.Figure.Words {
				if _, ok := surface[k]; !ok {
					surface[k] = w
				}
			}
			if m.Figure.Value != g.Members[0].Figure.Value {
				g.Agree = false
			}
			for _, w := range m.Figure.Context {
				counts[w]++
			}
		}
		g.Label = label(counts, surface, len(g.Members))
		if m := g.Members[0].Figure.Measure; m != "" {
			g.Label = m
		}
		slices.SortStableFunc(g.Members, func(a, b Member) int { return strings.Compare(a.Source, b.Source) })
		out = append(out, *g)
	}
	slices.SortStableFunc(out, func(a, b FigureGroup) int {
		return cmp.Or(cmp.Compare(sourceCount(b), sourceCount(a)), strings.Compare(a.Label, b.Label))
	})
	return out
}

func sourceCount(g FigureGroup) int {
	set := map[string]bool{}
	for _, m := range g.Members {
		set[m.Source] = true
	}
	return len(set)
}

// label picks the context words most members share, up to three.
func label(counts map[string]int, surface map[string]string, members int) string {
	type wc struct {
		w string
		c int
	}
	var list []wc
	for w, c := range counts {
		list = append(list, wc{w, c})
	}
	slices.SortFunc(list, func(a, b wc) int { return cmp.Or(cmp.Compare(b.c, a.c), strings.Compare(a.w, b.w)) })
	var words []string
	for _, x := range list {
		if len(words) == 3 || (members > 1 && x.c < 2 && len(words) > 0) {
			break
		}
		words = append(words, surface[x.w])
	}
	return strings.Join(words, ", ")
}

func shared(a, b []string) int {
	n := 0
	for _, w := range a {
		if _, ok := slices.BinarySearch(b, w); ok {
			n++
		}
	}
	return n
}
