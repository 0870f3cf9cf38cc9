package suggest

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// A kind says what a term is; kinds weigh differently (see boost).
type kind uint8

const (
	word   kind = iota // a content word, stemmed
	name               // a capitalised word or acronym, aliased
	number             // a figure, normalised
)

// boost multiplies a term's IDF weight by its kind: figures and names
// identify a statement better than common words do.
var boost = [...]float64{word: 1, name: 1.4, number: 2.2}

// A term is one comparable token of a text: its key (the form that is
// compared), its kind, and its surface form (lower-case letters and digits
// of the word as written, for ids).
type term struct {
	key     string
	kind    kind
	surface string
}

// stopWords are dropped; they are compared lower-case before stemming.
var stopWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`a an the and or but nor of in on at to for from by with without into onto over under
	about as than then that this these those there here it its is are was were be been being am has have had having do does
	did not no so such very can could will would shall should may might must also just only even still yet more most less
	least he she they them their his her him we us our ours you your i me my who whom whose which what when where why how
	all any each both some many much other another same own if because while since until after before during up down out
	off again further said says say saying told tells according one ones like well way ways time now new per cent percent
	pct mr mrs ms dr gen via upon within among amid amidst across around along also though although whether there's it's
	against came come comes coming including let lets s t don't didn't isn't aren't wasn't weren't won't can't`) {
		stopWords[w] = true
	}
}

// aliases maps variants of a name (lower-case, dots removed) to one key:
// a country, its people and adjective, its capital when it stands for the
// government, and its acronyms.
var aliases = map[string]string{}

func init() {
	for _, g := range []string{
		"china chinese prc beijing",
		"russia russian russians moscow kremlin",
		"us usa america american americans washington",
		"uk britain british london",
		"ukraine ukrainian ukrainians kyiv kiev",
		"europe european europeans eu",
		"soviet ussr soviets",
		"iran iranian tehran",
		"korea korean pyongyang",
		"germany german germans berlin",
		"italy italian",
		"taiwan taiwanese taipei",
		"nato",
		"g7",
	} {
		f := strings.Fields(g)
		for _, w := range f {
			aliases[w] = f[0]
		}
	}
}

// synonyms folds words that news reports and translations use for one
// another, after stemming: each group is mapped to the stem of its first
// word. The groups are general English, chosen for the drift between
// agency copy and its rewrites ("biggest military buildup" and "largest
// military expansion"; "steps we can take" and "moves available to us").
var synonyms = map[string]string{}

func init() {
	for _, g := range []string{
		"large largest biggest big bigger larger greatest huge major massive",
		"expansion expand expanding buildup build-up growth grow rebuild reconstitute restore revitalize revitalise reconstitution rebuilding",
		"step move measure action",
		"persuade convince urge pressure",
		"struggle difficulty difficult hard",
		"sustain maintain",
		"input contribution",
		"war conflict fighting",
		"era times period",
		"key significant critical crucial vital",
		"weapon weaponry arms",
		"supply provide furnish",
		"imagery images",
		"release disclose declassify downgrade publish",
		"defence defense",
		"microelectronics micro-electronics",
		"setback setbacks",
		"talk conversation discussion",
		"manufacturing production manufacture produce",
		"call phone",
		"anonymity anonymous",
		"factor role",
		"concern issue matter worry",
		"support help assist aid",
		"block deadlock stall obstruct",
		"congress lawmakers legislators",
		"rapid rapidly fast faster quick quickly",
	} {
		f := strings.Fields(g)
		head := stem(fold(f[0]))
		for _, w := range f {
			synonyms[stem(fold(w))] = head
		}
	}
}

// fold lower-cases a word and drops hyphens, apostrophes and dots, so that
// "micro-electronics" is "microelectronics" and "U.S." is "us".
func fold(w string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(w) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// stem removes common English inflections: plural -s/-es/-ies, -ed, -ing
// and -ly, then keeps at most six letters, so that "imports", "imported"
// and "importing" share a stem, as do "production" and "produced".
func stem(w string) string {
	n := utf8.RuneCountInString(w)
	switch {
	case n > 4 && strings.HasSuffix(w, "ies"):
		w = w[:len(w)-3] + "y"
	case n > 4 && strings.HasSuffix(w, "ied"):
		w = w[:len(w)-3] + "y"
	case n > 3 && strings.HasSuffix(w, "sses"):
		w = w[:len(w)-2]
	case n > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is"):
		w = w[:len(w)-1]
	}
	n = utf8.RuneCountInString(w)
	switch {
	case n > 5 && strings.HasSuffix(w, "ing"):
		w = w[:len(w)-3]
	case n > 4 && strings.HasSuffix(w, "ed"):
		w = w[:len(w)-2]
	case n > 6 && strings.HasSuffix(w, "ly"):
		w = w[:len(w)-2]
	}
	if utf8.RuneCountInString(w) > 6 {
		r := []rune(w)
		w = string(r[:6])
	}
	return w
}

// wordKey is the comparable key of a lower-case content word.
func wordKey(w string) string {
	k := stem(w)
	if s, ok := synonyms[k]; ok {
		return s
	}
	return k
}

// numberWords are spelled-out counts read as figures; "one" is left out,
// since "one of the" is no figure.
var numberWords = map[string]string{
	"two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
	"eight": "8", "nine": "9", "ten": "10", "twelve": "12", "dozen": "12", "twice": "2x",
	"hundred": "100", "hundreds": "100",
}

// months are the month names; a day number after one is no figure.
var months = map[string]bool{}

func init() {
	for _, m := range strings.Fields("january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec") {
		months[m] = true
	}
}

// scales are the words after a figure that multiply it.
var scales = map[string]string{
	"thousand": "k", "million": "m", "millions": "m", "mln": "m", "billion": "bn", "billions": "bn", "bn": "bn",
	"trillion": "tn", "m": "m", "b": "bn",
}

// A token is one word or figure of a text, with its byte range.
type token struct {
	text       string // as written
	start, end int
	isNum      bool
	initial    bool // first word of a sentence or of a quotation
}

// tokens splits text into words and figures. A word is a run of letters
// and digits joined by single inner hyphens, apostrophes or dots ("U.S.",
// "game-changing", "Russia’s"); a figure starts with a digit or a
// currency sign and runs over digits, "," and "." between digits, and a
// trailing "%".
func tokens(text string) []token {
	var out []token
	initial := true
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == '$' || r == '€' || r == '£' || unicode.IsDigit(r):
			j := i + n
			if !unicode.IsDigit(r) {
				if d, _ := utf8.DecodeRuneInString(text[j:]); !unicode.IsDigit(d) {
					i = j
					continue
				}
			}
			for j < len(text) {
				c, m := utf8.DecodeRuneInString(text[j:])
				if unicode.IsDigit(c) {
					j += m
					continue
				}
				if (c == ',' || c == '.') && j+m < len(text) {
					if d, _ := utf8.DecodeRuneInString(text[j+m:]); unicode.IsDigit(d) {
						j += m
						continue
					}
				}
				if c == '%' {
					j += m
				}
				break
			}
			out = append(out, token{text: text[i:j], start: i, end: j, isNum: true, initial: initial})
			initial = false
			i = j
		case unicode.IsLetter(r):
			j := i + n
			for j < len(text) {
				c, m := utf8.DecodeRuneInString(text[j:])
				if unicode.IsLetter(c) || unicode.IsDigit(c) {
					j += m
					continue
				}
				if strings.ContainsRune("-‐‑'’.", c) && j+m < len(text) {
					d, _ := utf8.DecodeRuneInString(text[j+m:])
					if unicode.IsLetter(d) && (c != '.' || dotted(text[i:j+m+utf8.RuneLen(d)])) {
						j += m
						continue
					}
				}
				break
			}
			// Keep the closing dot of an abbreviation such as "U.S.".
			if j < len(text) && text[j] == '.' && strings.Contains(text[i:j], ".") {
				j++
			}
			out = append(out, token{text: text[i:j], start: i, end: j, initial: initial})
			initial = false
			i = j
		default:
			if r == '.' || r == '!' || r == '?' || r == '"' || r == '“' || r == ':' || r == ';' {
				initial = true
			}
			i += n
		}
	}
	return out
}

// dotted reports whether s looks like letters separated by dots: "U.S",
// "e.g".
func dotted(s string) bool {
	for k, p := range strings.Split(s, ".") {
		if utf8.RuneCountInString(p) != 1 && !(k == 0 && p == "") {
			return false
		}
	}
	return true
}

// A lexicon knows which words of the whole input are written capitalised
// in mid-sentence: a sentence-initial capitalised word is a name only if
// it is one of them ("Biden said" but not "Some officials").
type lexicon map[string]bool

func newLexicon(texts ...string) lexicon {
	lx := lexicon{}
	for _, t := range texts {
		for _, tk := range tokens(t) {
			if !tk.isNum && !tk.initial && capitalised(tk.text) {
				lx[fold(tk.text)] = true
			}
		}
	}
	return lx
}

func capitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// terms returns the terms of text in order, one per content word, name or
// figure. Figures are normalised: "90 per cent", "90 percent" and "90%"
// are "90%"; "$900 million" is "$900m"; "three times" is "3x"; "2,000" is
// "2000".
func (lx lexicon) terms(text string) []term {
	tks := tokens(text)
	var out []term
	for i := 0; i < len(tks); i++ {
		tk := tks[i]
		next := func(k int) string {
			if i+k < len(tks) {
				return strings.ToLower(tks[i+k].text)
			}
			return ""
		}
		if tk.isNum {
			if i > 0 && months[strings.ToLower(tks[i-1].text)] && len(tk.text) <= 2 {
				continue // "April 12": a date, not a figure
			}
			key, skip := figure(tk.text, next(1), next(2))
			out = append(out, term{key: key, kind: number, surface: idPart(key)})
			i += skip
			continue
		}
		low := strings.ToLower(tk.text)
		low = strings.TrimSuffix(strings.TrimSuffix(low, "'s"), "’s")
		if d, ok := numberWords[low]; ok {
			key := d
			if next(1) == "times" && !strings.HasSuffix(d, "x") {
				key = d + "x"
				i++
			}
			out = append(out, term{key: key, kind: number, surface: idPart(key)})
			continue
		}
		f := fold(low)
		if f == "" {
			continue
		}
		if f == "united" && (next(1) == "states" || next(1) == "kingdom") {
			key := "us"
			if next(1) == "kingdom" {
				key = "uk"
			}
			out = append(out, term{key: key, kind: name, surface: key})
			i++
			continue
		}
		isName := capitalised(tk.text) && (!tk.initial || lx[f]) || isAcronym(tk.text)
		if a, ok := aliases[f]; ok {
			out = append(out, term{key: a, kind: name, surface: a})
			continue
		}
		if stopWords[low] || stopWords[f] {
			continue
		}
		if isName {
			out = append(out, term{key: nameKey(f), kind: name, surface: f})
			if parts := hyphenParts(low); len(parts) > 1 {
				for _, p := range parts {
					if !stopWords[p] {
						out = append(out, term{key: nameKey(p), kind: name, surface: p})
					}
				}
			}
			continue
		}
		if utf8.RuneCountInString(f) < 2 {
			continue
		}
		if strings.ContainsAny(low, "-‐‑") {
			// "game-changing": the joined form and each part.
			out = append(out, term{key: wordKey(f), kind: word, surface: f})
			for _, p := range hyphenParts(low) {
				if !stopWords[p] {
					out = append(out, term{key: wordKey(p), kind: word, surface: p})
				}
			}
			continue
		}
		out = append(out, term{key: wordKey(f), kind: word, surface: f})
	}
	return out
}

// hyphenParts returns the folded parts of a hyphenated word of two
// letters or more: "Republican-led" gives "republican" and "led".
func hyphenParts(w string) []string {
	var out []string
	for _, p := range strings.FieldsFunc(w, func(r rune) bool { return r == '-' || r == '‐' || r == '‑' }) {
		if p = fold(p); len(p) > 1 {
			if a, ok := aliases[p]; ok {
				p = a
			}
			out = append(out, p)
		}
	}
	return out
}

// nameKey is the comparable key of a folded name: aliased, or with a
// plural -s folded ("Republicans" is "republican").
func nameKey(f string) string {
	if a, ok := aliases[f]; ok {
		return a
	}
	if len(f) > 4 && strings.HasSuffix(f, "s") && !strings.HasSuffix(f, "ss") && !strings.HasSuffix(f, "us") {
		return f[:len(f)-1]
	}
	return f
}

// isAcronym reports whether w is two or more capitals, perhaps dotted:
// "PRC", "U.S.".
func isAcronym(w string) bool {
	n := 0
	for _, r := range w {
		switch {
		case unicode.IsUpper(r):
			n++
		case r == '.':
		default:
			return false
		}
	}
	return n >= 2
}

// figure normalises a figure as written, given the two lower-case words
// after it, and says how many of them it used.
func figure(s, next1, next2 string) (key string, skip int) {
	cur := ""
	switch {
	case strings.HasPrefix(s, "$"):
		cur, s = "$", s[1:]
	case strings.HasPrefix(s, "€"):
		cur, s = "€", s[len("€"):]
	case strings.HasPrefix(s, "£"):
		cur, s = "£", s[len("£"):]
	}
	pct := strings.HasSuffix(s, "%")
	s = strings.TrimSuffix(s, "%")
	s = strings.ReplaceAll(s, ",", "")
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	switch {
	case pct:
	case next1 == "per" && next2 == "cent", next1 == "percent", next1 == "pct", next1 == "per-cent":
		pct = true
		skip = 1
		if next1 == "per" {
			skip = 2
		}
	case scales[next1] != "":
		s += scales[next1]
		skip = 1
	case next1 == "times":
		s += "x"
		skip = 1
	}
	if pct {
		s += "%"
	}
	return cur + s, skip
}

// idPart spells a figure key for an id: "90%" is "90pct", "$900m" is
// "900m-usd".
func idPart(key string) string {
	var b strings.Builder
	suffix := ""
	switch {
	case strings.HasPrefix(key, "$"):
		suffix = "-usd"
	case strings.HasPrefix(key, "€"):
		suffix = "-eur"
	case strings.HasPrefix(key, "£"):
		suffix = "-gbp"
	}
	for _, r := range key {
		switch {
		case r >= '0' && r <= '9', r >= 'a' && r <= 'z':
			b.WriteRune(r)
		case r == '%':
			b.WriteString("pct")
		case r == '.':
			b.WriteString("-")
		}
	}
	return b.String() + suffix
}
