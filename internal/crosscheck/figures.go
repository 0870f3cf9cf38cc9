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
			for _, m := range figureMatches(sent) {
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

// figureMatches returns figureRE.FindAllStringSubmatchIndex(sent, -1),
// running the expression only on the stretches of sent that can hold a
// figure, which is far cheaper than trying it at every byte.
//
// Every match holds a digit, a currency sign or the word "twice" or
// "times" (the candidates), starts at most one word before the word
// holding its candidate and ends at most two words after it ("US$ 900
// billion", "three times", "90 per cent", "900 million dollars"). A
// window runs from the start of the word before each candidate's word to
// the end of the third word after it, at ASCII white space, and windows
// that touch are merged; so every match lies inside one window, no match
// crosses a window's edge, and the edges, being white space or the ends
// of sent, look to \b as they do in sent.
func figureMatches(sent string) [][]int {
	type span struct{ start, end int } // word
	var words []span
	for i := 0; i < len(sent); {
		for i < len(sent) && asciiSpace(sent[i]) {
			i++
		}
		if i == len(sent) {
			break
		}
		j := i
		for j < len(sent) && !asciiSpace(sent[j]) {
			j++
		}
		words = append(words, span{i, j})
		i = j
	}
	var out [][]int
	for w := 0; w < len(words); w++ {
		if !candidate(sent[words[w].start:words[w].end]) {
			continue
		}
		first, last := max(w-1, 0), min(w+3, len(words)-1)
		// Extend over the candidates the window reaches.
		for k := w + 1; k <= last; k++ {
			if candidate(sent[words[k].start:words[k].end]) {
				last = min(k+3, len(words)-1)
			}
		}
		start, end := words[first].start, words[last].end
		for _, m := range figureRE.FindAllStringSubmatchIndex(sent[start:end], -1) {
			for k := range m {
				if m[k] >= 0 {
					m[k] += start
				}
			}
			out = append(out, m)
		}
		w = last
	}
	return out
}

func asciiSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
}

// candidate reports whether a word may hold part of a figure: a digit, a
// currency sign, or "twice" or "times" in any case. The Kelvin sign and
// the long s, which (?i) folds to k and s, count as candidates too.
func candidate(w string) bool {
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= '0' && c <= '9' || c == '$' {
			return true
		}
	}
	if strings.ContainsAny(w, "€£₹\u212a\u017f") {
		return true
	}
	return containsFold(w, "twice") || containsFold(w, "times")
}

// containsFold reports whether w contains the lower-case ASCII word sub,
// ignoring ASCII case.
func containsFold(w, sub string) bool {
	for i := 0; i+len(sub) <= len(w); i++ {
		if strings.EqualFold(w[i:i+len(sub)], sub) {
			return true
		}
	}
	return false
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
			if k, ok := firstKey(clean); ok && !strings.HasPrefix(k, "#") {
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

// firstKey returns the key of the first term of w, if it has one.
func firstKey(w string) (key string, ok bool) {
	eachTerm(w, func(t term) {
		if !ok {
			key, ok = t.key, true
		}
	})
	return key, ok
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
		eachTerm(w, func(t term) {
			if !strings.HasPrefix(t.key, "#") {
				if _, ok := words[t.key]; !ok {
					words[t.key] = w
				}
			}
		})
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
// kind join when their contexts share at least two content words (three
// for years and counts). Groups are sorted by the number of sources,
// then label.
//
// Group compares no two figures directly, which would take time growing
// with the square of their number. Two contexts share need words exactly
// when they hold a common set of need words, so every figure emits each
// set of need words of its context, tagged with its kind, as a block key;
// the figures of a block that come from two sources or more are all
// joined (each has a partner from another source in the block), and a
// block of one source's figures joins nothing. Sorting the keys finds the
// blocks.
func Group(all []SourceFigures) []FigureGroup {
	type node struct {
		src int
		f   *Figure
	}
	var nodes []node
	for si := range all {
		for fi := range all[si].Figures {
			nodes = append(nodes, node{si, &all[si].Figures[fi]})
		}
	}
	parent := make([]int32, len(nodes))
	for i := range parent {
		parent[i] = int32(i)
	}
	find := func(i int32) int32 {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	union := func(a, b int32) {
		ra, rb := find(a), find(b)
		if ra == rb {
			return
		}
		// The smaller index stays the root, as when comparing pairs in order.
		if ra < rb {
			parent[rb] = ra
		} else {
			parent[ra] = rb
		}
	}
	// Term ids, 20 bits each: up to three terms and the kind fit a uint64.
	termIDs := map[string]uint64{}
	type keyed struct {
		key  uint64
		node int32
	}
	var keys []keyed
	var ids []uint64
	for i, n := range nodes {
		ids = ids[:0]
		for _, w := range n.f.Context {
			id, ok := termIDs[w]
			if !ok {
				id = uint64(len(termIDs) + 1)
				termIDs[w] = id
			}
			// Past 2^20 distinct words ids wrap, and figures could join on
			// words they do not share; no dossier comes near.
			ids = append(ids, id&(1<<20-1))
		}
		slices.Sort(ids)
		ids = slices.Compact(ids)
		kind := uint64(kindIndex(n.f.Kind)) << 60
		if n.f.Kind == Year || n.f.Kind == Count {
			for a := 0; a < len(ids); a++ {
				for b := a + 1; b < len(ids); b++ {
					for c := b + 1; c < len(ids); c++ {
						keys = append(keys, keyed{kind | ids[a]<<40 | ids[b]<<20 | ids[c], int32(i)})
					}
				}
			}
			continue
		}
		for a := 0; a < len(ids); a++ {
			for b := a + 1; b < len(ids); b++ {
				keys = append(keys, keyed{kind | ids[a]<<20 | ids[b], int32(i)})
			}
		}
	}
	slices.SortFunc(keys, func(a, b keyed) int { return cmp.Compare(a.key, b.key) })
	for start := 0; start < len(keys); {
		end := start + 1
		mixed := false
		for end < len(keys) && keys[end].key == keys[start].key {
			if all[nodes[keys[end].node].src].Source != all[nodes[keys[start].node].src].Source {
				mixed = true
			}
			end++
		}
		if mixed {
			for _, k := range keys[start+1 : end] {
				union(keys[start].node, k.node)
			}
		}
		start = end
	}
	byRoot := map[int32]*FigureGroup{}
	var roots []int32
	for i, n := range nodes {
		r := find(int32(i))
		g := byRoot[r]
		if g == nil {
			g = &FigureGroup{Kind: n.f.Kind}
			byRoot[r] = g
			roots = append(roots, r)
		}
		g.Members = append(g.Members, Member{all[n.src].Source, *n.f})
	}
	out := make([]FigureGroup, 0, len(roots))
	counts := make([]int, 0, len(roots))
	for _, r := range roots {
		g := byRoot[r]
		g.Agree = true
		words := map[string]int{}
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
				words[w]++
			}
		}
		g.Label = label(words, surface, len(g.Members))
		if m := g.Members[0].Figure.Measure; m != "" {
			g.Label = m
		}
		slices.SortStableFunc(g.Members, func(a, b Member) int { return strings.Compare(a.Source, b.Source) })
		out = append(out, *g)
		counts = append(counts, sourceCount(*g))
	}
	// Sort by source count, then label, keeping the order of first
	// appearance for ties.
	order := make([]int, len(out))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		return cmp.Or(cmp.Compare(counts[b], counts[a]), strings.Compare(out[a].Label, out[b].Label))
	})
	sorted := make([]FigureGroup, len(out))
	for i, j := range order {
		sorted[i] = out[j]
	}
	return sorted
}

func kindIndex(k Kind) int {
	switch k {
	case Percent:
		return 1
	case Money:
		return 2
	case Multiple:
		return 3
	case Year:
		return 4
	}
	return 5
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
