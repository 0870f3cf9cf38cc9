package crosscheck

// The functions of this file are the package's figure extraction and
// term cutting as they were before they were made faster: the oracles of
// the differential tests (oracle_test.go), which check that the faster
// code returns exactly what they return.

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// oldFigureRE is the expression Figures matched with, the oracle of
// figureMatches.
var oldFigureRE = regexp.MustCompile(`(?i)` +
	`(?P<money>(?:US)?[$€£₹]\s?\d[\d,]*(?:\.\d+)?(?:\s?(?:million|billion|trillion|crore|lakh|bn|mn))?` +
	`|\d[\d,]*(?:\.\d+)?\s(?:million|billion|trillion)\s(?:dollars|euros|pounds|rubles|roubles|yuan))` +
	`|(?P<percent>\d+(?:\.\d+)?\s?(?:%|per\s?cent\b|percent\b))` +
	`|(?P<multiple>\b(?:twice|(?:two|three|four|five|six|seven|eight|nine|ten|\d+(?:\.\d+)?)\s+times)\b)` +
	`|(?P<year>\b(?:19|20)\d{2}\b)` +
	`|(?P<count>\b\d[\d,]*(?:\.\d+)?(?:\s(?:million|billion|thousand|hundred))?\b)`)

// An oldFigure is a Figure as it was, its context words and the words
// they are written as held in full.
type oldFigure struct {
	Kind     Kind
	Text     string
	Value    string
	Para     int
	Sentence string
	Context  []string
	Words    map[string]string
	Measure  string
}

// asOld returns figures as oldFigures would.
func asOld(figures []Figure) []oldFigure {
	var out []oldFigure
	for _, f := range figures {
		out = append(out, oldFigure{
			Kind: f.Kind, Text: f.Text, Value: f.Value, Para: f.Para, Sentence: f.Sentence,
			Context: f.Context(), Words: f.Words(), Measure: f.Measure,
		})
	}
	return out
}

// oldFigures is Figures as it was, running oldFigureRE on whole
// sentences and cutting words with strings.Fields.
func oldFigures(paras []string) []oldFigure {
	var out []oldFigure
	names := oldFigureRE.SubexpNames()
	for i, p := range paras {
		for _, sp := range Sentences(p) {
			sent := p[sp.Start:sp.End]
			for _, m := range oldFigureRE.FindAllStringSubmatchIndex(sent, -1) {
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
				if kind == Count && (ordinalOrPart(sent, m[1]) || oldNextToMonth(sent, m[0], m[1])) {
					continue // "5th", "P-8I", or the day of a date: "April 12"
				}
				ctx, words := oldContext(sent, m[0], m[1])
				out = append(out, oldFigure{
					Kind: kind, Text: text, Value: oldValue(kind, text), Para: i, Sentence: sent,
					Context: ctx, Words: words, Measure: oldMeasure(sent, m[0], m[1]),
				})
			}
		}
	}
	return out
}

var oldMonthWord = regexp.MustCompile(`(?i)^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?$`)

func oldNextToMonth(s string, start, end int) bool {
	before := strings.Fields(s[:start])
	after := strings.Fields(s[end:])
	return len(before) > 0 && oldMonthWord.MatchString(before[len(before)-1]) ||
		len(after) > 0 && oldMonthWord.MatchString(strings.Trim(after[0], ",."))
}

func oldMeasure(sent string, start, end int) string {
	pick := func(words []string) []string {
		var out []string
		for _, w := range words {
			clean := strings.Trim(w, ".,;:!?\"'“”‘’()")
			if k, ok := oldFirstKey(clean); ok && !strings.HasPrefix(k, "#") {
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

func oldFirstKey(w string) (key string, ok bool) {
	oldEachTerm(w, func(t term) {
		if !ok {
			key, ok = t.key, true
		}
	})
	return key, ok
}

func oldContext(sent string, start, end int) ([]string, map[string]string) {
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
		oldEachTerm(w, func(t term) {
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

var oldSpaces = regexp.MustCompile(`\s+`)

func oldValue(kind Kind, text string) string {
	t := strings.ToLower(oldSpaces.ReplaceAllString(text, " "))
	switch kind {
	case Percent:
		num := strings.TrimSpace(strings.Split(strings.Split(t, "%")[0], "per")[0])
		return num + "%"
	case Multiple:
		return strings.Replace(t, "twice", "two times", 1)
	}
	return t
}

func oldTerms(s string) map[string]float64 {
	out := map[string]float64{}
	oldEachTerm(s, func(t term) {
		if t.weight > out[t.key] {
			out[t.key] = t.weight
		}
	})
	return out
}

func oldEachTerm(s string, f func(term)) {
	isSep := func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '%' || r == '$' || r == '.' || r == ',' || r == '-')
	}
	i := 0 // index of the word, as strings.FieldsFunc would number it
	for pos := 0; pos < len(s); {
		r, n := utf8.DecodeRuneInString(s[pos:])
		if isSep(r) {
			pos += n
			continue
		}
		start := pos
		for pos < len(s) {
			r, n := utf8.DecodeRuneInString(s[pos:])
			if isSep(r) {
				break
			}
			pos += n
		}
		w := strings.Trim(s[start:pos], ".,-")
		first := i == 0
		i++
		if w == "" {
			continue
		}
		if t := oldClassify(w, first); t.key != "" {
			f(t)
		}
	}
}

// oldStop is the stop-word map oldClassify looked words up in.
var oldStop = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(stopWords) {
		m[w] = true
	}
	return m
}()

func oldClassify(w string, first bool) term {
	r, _ := utf8.DecodeRuneInString(w)
	switch {
	case unicode.IsDigit(r) || r == '$':
		return term{oldNumberKey(w), 3}
	case strings.ContainsRune(w, '%'):
		return term{oldNumberKey(w), 3}
	}
	lower := strings.ToLower(w)
	if oldStop[lower] || utf8.RuneCountInString(lower) < 3 {
		return term{}
	}
	key := oldStem(lower)
	if unicode.IsUpper(r) && !first {
		return term{key, 2}
	}
	return term{key, 1}
}

func oldNumberKey(w string) string {
	var b strings.Builder
	for _, r := range w {
		if unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	if b.Len() == 0 {
		return ""
	}
	return "#" + b.String()
}

func oldStem(w string) string {
	for _, suf := range []string{"ing", "ed", "es", "s"} {
		if strings.HasSuffix(w, suf) && len(w)-len(suf) >= 4 {
			return w[:len(w)-len(suf)]
		}
	}
	return w
}

// oldAppendSentences is appendSentences as it was, stepping rune by rune, the
// oracle of TestSentencesMatchOld.
func oldAppendSentences(out []Span, text string) []Span {
	start := 0
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		i += n
		if r != '.' && r != '!' && r != '?' {
			continue
		}
		if r == '.' && glued(text, i) {
			// "said.Russia’s": a sentence end whose space was lost.
			out = append(out, Span{start, i})
			start = i
			continue
		}
		// Skip closing quotes and brackets after the mark.
		j := i
		for j < len(text) {
			c, m := utf8.DecodeRuneInString(text[j:])
			if !strings.ContainsRune(`"'”’)]`, c) {
				break
			}
			j += m
		}
		if j >= len(text) {
			break
		}
		c, _ := utf8.DecodeRuneInString(text[j:])
		if c != ' ' {
			continue
		}
		k := j + 1
		if k < len(text) {
			d, _ := utf8.DecodeRuneInString(text[k:])
			if !(unicode.IsUpper(d) || unicode.IsDigit(d) || strings.ContainsRune(`"“‘'`, d)) {
				continue
			}
		}
		if oldAbbreviation(text[start:i]) {
			continue
		}
		out = append(out, Span{start, j})
		start = k
		i = k
	}
	if s := strings.TrimSpace(text[start:]); s != "" {
		out = append(out, Span{start, len(text)})
	}
	return out
}

// oldAbbreviation is abbreviation as it was, lower-casing every word
// with strings.ToLower.
func oldAbbreviation(s string) bool {
	i := strings.LastIndexByte(strings.TrimRight(s, "."), ' ')
	word := s[i+1:]
	switch strings.ToLower(strings.TrimRight(word, ".")) {
	case "mr", "mrs", "ms", "dr", "gen", "lt", "col", "sgt", "st", "sen", "rep", "gov", "prof", "jr", "sr", "no", "vs", "etc", "inc", "co", "corp", "ltd":
		return true
	}
	// Initials and dotted abbreviations: U.S., U.K., e.g.
	return strings.Count(word, ".") >= 2
}
