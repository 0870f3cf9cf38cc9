package clean

import (
	"fmt"
	"iter"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"
)

// months maps English month names and abbreviations to their numbers.
var months = map[string]int{
	"jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3,
	"apr": 4, "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7,
	"aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9, "oct": 10,
	"october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}

// monthNumber is months[strings.ToLower(name)], without a copy of an
// ASCII name.
func monthNumber(name string) int {
	var lower [len("september")]byte
	if len(name) > len(lower) || !isASCII(name) {
		return months[strings.ToLower(name)]
	}
	for i := range len(name) {
		c := name[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		lower[i] = c
	}
	return months[string(lower[:len(name)])]
}

const monthRE = `(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`

var (
	// "April 16, 2024", "Apr16,2024", "May 26th, 2024"
	dateMDY = lazyRegexp(`(?i)\b` + monthRE + `\s*(\d{1,2})(?:st|nd|rd|th)?\s*,?\s*(\d{4})\b`)
	// "16 April 2024", "16th of April, 2024"
	dateDMY = lazyRegexp(`(?i)\b(\d{1,2})(?:st|nd|rd|th)?\s*(?:of\s+)?` + monthRE + `,?\s*(\d{4})\b`)
	// "2024-04-16", "2024/04/16", "2024-04-16T10:00:00Z"
	dateISO = lazyRegexp(`\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:\b|T)`)
	// "16.04.2024" (day first, as in most of Europe)
	dateDots = lazyRegexp(`\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b`)
)

// A dateMatch is a date found in a line: its normalized form and where
// it was.
type dateMatch struct {
	ISO        string // YYYY-MM-DD
	Start, End int    // byte offsets in the line
}

// findDate finds the first valid date in s.
func findDate(s string) (dateMatch, bool) {
	best := dateMatch{Start: -1}
	// Every date pattern has a four-digit year: most lines have none.
	if !hasDigits4(s) {
		return best, false
	}
	// The first match of each pattern counts, if it is a valid date
	// that starts before the others' (datematch.go matches them).
	try := func(m dateSubmatch, y, mo, d int) {
		if best.Start >= 0 && m[0] >= best.Start {
			return
		}
		if iso, ok := validDate(y, mo, d); ok {
			best = dateMatch{ISO: iso, Start: m[0], End: m[1]}
		}
	}
	if m, ok := findMDY(s); ok {
		try(m, atoi(s[m[6]:m[7]]), monthNumber(s[m[2]:m[3]]), atoi(s[m[4]:m[5]]))
	}
	if m, ok := findDMY(s); ok {
		try(m, atoi(s[m[6]:m[7]]), monthNumber(s[m[4]:m[5]]), atoi(s[m[2]:m[3]]))
	}
	if m, ok := findISO(s); ok {
		try(m, atoi(s[m[2]:m[3]]), atoi(s[m[4]:m[5]]), atoi(s[m[6]:m[7]]))
	}
	if m, ok := findDots(s); ok {
		try(m, atoi(s[m[6]:m[7]]), atoi(s[m[4]:m[5]]), atoi(s[m[2]:m[3]]))
	}
	return best, best.Start >= 0
}

// isMonthStart reports whether a, b and c are the first three letters
// of an English month name, in any case.
func isMonthStart(a, b, c byte) bool {
	// Or-ing 0x20 lower-cases an ASCII letter, and gives a lower-case
	// letter from no other byte.
	switch uint32(a|0x20)<<16 | uint32(b|0x20)<<8 | uint32(c|0x20) {
	case 'j'<<16 | 'a'<<8 | 'n', 'f'<<16 | 'e'<<8 | 'b', 'm'<<16 | 'a'<<8 | 'r', 'a'<<16 | 'p'<<8 | 'r',
		'm'<<16 | 'a'<<8 | 'y', 'j'<<16 | 'u'<<8 | 'n', 'j'<<16 | 'u'<<8 | 'l', 'a'<<16 | 'u'<<8 | 'g',
		's'<<16 | 'e'<<8 | 'p', 'o'<<16 | 'c'<<8 | 't', 'n'<<16 | 'o'<<8 | 'v', 'd'<<16 | 'e'<<8 | 'c':
		return true
	}
	return false
}

// skipSpace returns the index of the first byte from i on that is not
// white space as regexps read it (\s: tab, newline, form feed, carriage
// return, space).
func skipSpace(s string, i int) int {
	for i < len(s) && isRESpace(s[i]) {
		i++
	}
	return i
}

func isRESpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

func isDigit(c byte) bool       { return '0' <= c && c <= '9' }
func isASCIILetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }

// hasDigits4 reports whether s has four ASCII digits in a row.
func hasDigits4(s string) bool {
	run := 0
	for i := 0; i < len(s); i++ {
		if '0' <= s[i] && s[i] <= '9' {
			run++
			if run == 4 {
				return true
			}
		} else {
			run = 0
		}
	}
	return false
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// validDate reports whether y-m-d is a real calendar date in a plausible
// range for a news capture, and formats it as YYYY-MM-DD.
func validDate(y, m, d int) (string, bool) {
	if y < 1900 || y > 2199 || m < 1 || m > 12 || d < 1 {
		return "", false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d {
		return "", false
	}
	iso := [len("2006-01-02")]byte{byte('0' + y/1000), byte('0' + y/100%10), byte('0' + y/10%10), byte('0' + y%10), '-',
		byte('0' + m/10), byte('0' + m%10), '-', byte('0' + d/10), byte('0' + d%10)}
	return string(iso[:]), true
}

// ParseDate returns the first date in s as YYYY-MM-DD. It accepts
// English month names ("April 16, 2024", "Apr16,2024", "16 April 2024",
// "Sun. May 26th, 2024"), ISO dates and times ("2024-04-16",
// "2024-04-16T09:30:00Z") and day-first dotted dates ("16.04.2024").
func ParseDate(s string) (string, bool) {
	m, ok := findDate(s)
	return m.ISO, ok
}

// dateFiller are the words that may surround a date on a date line
// (dateFillerWords), times of day and separators.
var dateFiller = lazyRegexp(`(?i)\b(` + quoteAll(dateFillerWords) + `)\b\.?|\d{1,2}[:.]\d{2}(?::\d{2})?|[|•·,:\-–—/()]`)

// dateFillerWords are the words of dateFiller, in the order it tries
// them.
var dateFillerWords = []string{"published", "posted", "updated", "last updated", "modified", "first published", "on", "at",
	"am", "pm", "a.m.", "p.m.", "ist", "gmt", "utc", "bst", "cet", "cest", "edt", "est", "et", "pdt", "pst", "pt", "msk", "hrs",
	"date", "time", "mon", "tue", "wed", "thu", "fri", "sat", "sun", "monday", "tuesday", "wednesday", "thursday", "friday",
	"saturday", "sunday", "today", "yesterday"}

// quoteAll returns the alternatives of a regexp matching any of words.
func quoteAll(words []string) string {
	quoted := make([]string, len(words))
	for i, w := range words {
		quoted[i] = regexp.QuoteMeta(w)
	}
	return strings.Join(quoted, "|")
}

// isDateLine reports whether s is a date and little else, returning the
// date.
func isDateLine(s string) (string, bool) {
	m, ok := findDate(s)
	return dateLine(s, m, ok)
}

// dateLine is isDateLine for s and what findDate finds in it.
func dateLine(s string, m dateMatch, ok bool) (string, bool) {
	if !ok {
		return "", false
	}
	if fieldsWithoutFiller(s[:m.Start]+" "+s[m.End:]) > 2 {
		return "", false
	}
	return m.ISO, true
}

var (
	// "By Natasha Kumar", "Written by: Jane Doe", "Prepared by: Sergey Daga"
	bylineRE = mustAnchored(`(?i)^(?:(?:` + quoteAll(bylineLeads) + `)\s+)?(?:` + quoteAll(bylineBys) + `)\s*:?\s+(.+)$`)
	// "Author: Jane Doe"
	authorRE = mustAnchored(`(?i)^(?:` + quoteAll(authorLabels) + `)(?:e?s)?\s*:\s*(.+)$`)

	// The words of bylineRE and authorRE, in their order.
	bylineLeads = []string{"written", "prepared", "reported", "compiled", "edited", "posted", "story", "text", "words",
		"publicado", "escrito", "publié", "écrit", "geschrieben", "scritto", "pubblicato"}
	bylineBys    = []string{"by", "por", "von", "par", "di", "door"}
	authorLabels = []string{"author", "reporter", "writer", "correspondent", "autor", "auteur", "autore", "автор", "texto", "text"}
)

// bylineName returns what the group of bylineRE matches in s, if it
// matches: it follows the regexp by hand, in its order of preference.
// (For s with white space other than spaces, or with a long s or Kelvin
// sign, which match s and k, it runs the regexp.)
func bylineName(s string) (string, bool) {
	if !bylineRE.maybe(s) {
		return "", false // as most lines: the automaton rules them out
	}
	if strings.ContainsAny(s, "\t\n\f\r") || foldsToASCII(s) {
		return groupOf(bylineRE.FindStringSubmatch(s))
	}
	for _, lead := range [2]bool{true, false} {
		p := 0
		if lead {
			w := prefixFoldOf(s, 0, bylineLeads)
			if p = skipSpace(s, w); w == 0 || p == w {
				continue // no lead word, or no white space after it
			}
		}
		if by := prefixFoldOf(s, p, bylineBys); by > 0 {
			if name, ok := nameAfter(s, p+by, false); ok {
				return name, true
			}
		}
	}
	return "", false
}

// authorName is bylineName for authorRE.
func authorName(s string) (string, bool) {
	if !authorRE.maybe(s) {
		return "", false
	}
	if strings.ContainsAny(s, "\t\n\f\r") || foldsToASCII(s) {
		return groupOf(authorRE.FindStringSubmatch(s))
	}
	for _, label := range authorLabels {
		if !hasPrefixEqualFold(s, 0, label) {
			continue
		}
		for _, plural := range [...]string{"es", "s", ""} {
			if hasPrefixEqualFold(s, len(label), plural) {
				if name, ok := nameAfter(s, len(label)+len(plural), true); ok {
					return name, true
				}
			}
		}
	}
	return "", false
}

// nameAfter matches, at s[q], `\s*:?\s+(.+)$` (bylineRE) or, if colon,
// `\s*:\s*(.+)$` (authorRE), in s with no white space but spaces,
// and returns the group: it gives the white space back a space at a
// time, as the regexps do.
func nameAfter(s string, q int, colon bool) (string, bool) {
	minAfter := 1 // the spaces after the colon, if any
	if colon {
		minAfter = 0
	}
	for t := skipSpace(s, q) - q; t >= 0; t-- {
		for _, withColon := range [2]bool{true, false} {
			c := q + t
			switch {
			case withColon && c < len(s) && s[c] == ':':
				c++
			case withColon || colon:
				continue
			}
			for u := skipSpace(s, c) - c; u >= minAfter; u-- {
				if c+u < len(s) {
					return s[c+u:], true // (.+)$: the rest, not empty
				}
			}
		}
	}
	return "", false
}

// prefixFoldOf returns the length of the first of words that s[i:]
// starts with, in any case, or 0.
func prefixFoldOf(s string, i int, words []string) int {
	for _, w := range words {
		if hasPrefixEqualFold(s, i, w) {
			return len(w)
		}
	}
	return 0
}

// hasPrefixEqualFold reports whether s[i:] starts with w in any case, as
// strings.EqualFold compares them, as many bytes of s as w has: for s
// without a long s or Kelvin sign, a rune that folds to one of w has as
// many bytes.
func hasPrefixEqualFold(s string, i int, w string) bool {
	return len(s)-i >= len(w) && strings.EqualFold(s[i:i+len(w)], w)
}

// groupOf returns the first group of a FindStringSubmatch result.
func groupOf(m []string) (string, bool) {
	if m == nil {
		return "", false
	}
	return m[1], true
}

// parseByline reports whether s is a byline and returns the author's
// name. It accepts "By X", "Prepared by: X", "Author: X" and the
// "X By X Apr16,2024" pattern (name, By, name, date), with an optional
// date after the name.
func parseByline(s string) (author string, date string, ok bool) {
	m, found := findDate(s)
	return byline(s, m, found)
}

// byline is parseByline for s and what findDate finds in it.
func byline(s string, d dateMatch, found bool) (author string, date string, ok bool) {
	if found {
		date = d.ISO
		s = strings.TrimSpace(s[:d.Start] + " " + s[d.End:])
		s = trimDateWords(s)
	}
	// "Natasha Kumar By Natasha Kumar": a name, By, the same name.
	if i := strings.Index(s, " By "); i > 0 {
		left, right := strings.TrimSpace(s[:i]), strings.TrimSpace(s[i+4:])
		if strings.HasPrefix(right, left) && isName(left) {
			return left, date, true
		}
	}
	name, ok := bylineName(s)
	if !ok {
		name, ok = authorName(s)
	}
	if !ok {
		return "", "", false
	}
	name = strings.TrimSpace(name)
	// "By Jane Doe, Reuters", "By Jane Doe | Updated …", "By Jane Doe and John Roe"
	if i := strings.IndexAny(name, "|•·"); i > 0 {
		name = strings.TrimSpace(name[:i])
	}
	name = strings.TrimRight(name, " ,;-–—")
	if !isNameList(name) {
		return "", "", false
	}
	return name, date, true
}

// trimDateWords removes the words that lead up to a date ("on Monday,
// at") and separators from the end of s.
func trimDateWords(s string) string {
	for {
		s = strings.TrimRight(s, " |•·,-–—")
		i := strings.LastIndexByte(s, ' ')
		last := strings.ToLower(strings.Trim(s[i+1:], ".,"))
		if i < 0 || !(dateWords[last] || onlyFiller(last)) {
			return s
		}
		s = s[:i]
	}
}

var dateWords = map[string]bool{"on": true, "at": true, "published": true, "updated": true, "posted": true, "a.m": true, "p.m": true}

// isNameList reports whether s looks like one or more personal or desk
// names: "Jane Doe", "Jane Doe and John Roe", "Jane Doe, Reuters".
func isNameList(s string) bool {
	for part := range nameParts(s) {
		if part != "" && !isName(part) {
			return false
		}
	}
	return s != ""
}

// nameParts yields the parts of a list of names, between the
// separators: a comma and white space after it, or "and" or "&" with
// white space around it. The parts are those of
// regexp.MustCompile(`,\s*|\s+(?:and|&)\s+`).Split(s, -1) (but for
// the empty ones, which isNameList passes over).
func nameParts(s string) iter.Seq[string] {
	return func(yield func(string) bool) {
		part := 0 // where the part being read starts
		for i := 0; i < len(s); {
			var end int // the end of the separator at s[i]
			switch {
			case s[i] == ',':
				end = skipSpace(s, i+1)
			case isRESpace(s[i]):
				j := skipSpace(s, i)
				k := j
				if strings.HasPrefix(s[j:], "and") {
					k += len("and")
				} else if strings.HasPrefix(s[j:], "&") {
					k += len("&")
				}
				if k == j || k == len(s) || !isRESpace(s[k]) {
					i = j // no separator starts in this white space
					continue
				}
				end = skipSpace(s, k)
			default:
				i++
				continue
			}
			if !yield(s[part:i]) {
				return
			}
			part, i = end, end
		}
		yield(s[part:])
	}
}

// isName reports whether s looks like a name: one to five words, each
// starting with an upper-case letter (particles such as "van" or "de"
// allowed), with no sentence punctuation.
func isName(s string) bool {
	if strings.ContainsAny(s, ".!?:;\"“”") && !initialsOnly(s) {
		return false
	}
	words, caps := 0, 0
	for w := range strings.FieldsSeq(s) {
		if words++; words > 5 {
			return false
		}
		r, _ := utf8.DecodeRuneInString(w)
		switch {
		case unicode.IsUpper(r):
			caps++
		case nameParticles[strings.ToLower(w)]:
		default:
			return false
		}
	}
	return caps > 0
}

// initialsOnly allows the dots of initials ("J. R. R. Tolkien").
func initialsOnly(s string) bool {
	return !strings.ContainsAny(s, "!?:;\"“”") && initialRE.MatchString(s)
}

var initialRE = lazyRegexp(`\b\p{Lu}\.`)

var nameParticles = map[string]bool{"van": true, "von": true, "de": true, "der": true, "da": true, "di": true, "del": true, "la": true, "le": true, "bin": true, "al": true, "el": true, "du": true, "dos": true}

// captionStartRE and captionCreditRE match photo captions and credits:
// by their label at the start, or by a picture agency's credit at the
// end.
var (
	captionStartRE  = mustAnchored(`(?i)^(?:\d+\s*of\s*\d+\S|in this (?:[\w.,]+ ){0,6}(?:file )?photo|\(?\s*(?:photo|photos|image|images|picture|pictures|photograph|file photo|file image|illustration|graphic|credit|photo credit|image credit|image source|representational image|representative image)\s*(?:credit)?(?:\s*[:|(/]|\s+[–—-])|(?:image|media|video|photo) ?caption|courtesy of\b)`)
	captionCreditRE = lazyRegexp(`(?i)\b(?:getty images|shutterstock|afp via getty|reuters/[a-z]+|ap photo|photo by [a-z]+|file photo)\)?\.?$`)
	creditLabelRE   = lazyRegexp(`(?i)\b(?:credit|image|picture|pic|photo|image credit|photo credit|image source):\s*[^.]{2,60}\)?$`)
	agencyCreditRE  = lazyRegexp(`\p{L}[\p{L}.]* ?/ ?(?:AFP|AP|Reuters|REUTERS|Getty Images|EPA|dpa|DPA|Anadolu|Xinhua|Bloomberg|Sipa|Shutterstock)(?: [Ff]ile| via Getty Images| Photo| Images)?\)?\.?$`)
)

// captionPhrases mark a caption anywhere in a line (lower case).
var captionPhrases = []string{"credit...", "credit…", "file photo", "(ap photo", "(afp photo", "(reuters photo", "(getty photo", "(pictured)"}

// shortCreditRE matches a picture credit on a line of its own: "Jane
// Doe, AP", "Registry via AP".
var shortCreditRE = mustAnchored(`^\p{Lu}[\p{L}.'’ -]{1,60}(?:, | via )(?:AP|AFP|Reuters|REUTERS|Getty Images|EPA|Bloomberg|Shutterstock)$`)

// weekdayDateRE matches the "Tuesday, Nov. 19, 2019" of news-wire photo
// captions; article text names the weekday alone.
var weekdayDateRE = lazyRegexp(`\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), ` + "(?i:" + monthRE + `)\s+\d{1,2}, \d{4}\b`)

// reportingRE matches the verbs of reporting, which captions (describing
// a picture) rarely use and article text often does.
var reportingRE = lazyRegexp(`\b(?:said|says|told|tells|according to|reported|announced|added)\b`)

// isCaptionVocab reports whether s is a photo caption or credit; v is
// the kinds of phrase s holds in lower case (scanVocab).
func isCaptionVocab(s string, v vocab) bool {
	if len(s) > 400 {
		return false
	}
	if captionStartRE.MatchString(s) || v&vocabCaption != 0 || shortCreditEnds.endOf(s) && shortCreditRE.MatchString(s) {
		return true
	}
	tail := s
	if len(tail) > 90 {
		tail = tail[len(tail)-90:]
	}
	folds := foldsToASCII(tail)
	return (folds || mayEndInCredit(tail)) && captionCreditRE.MatchString(tail) ||
		(folds || mayEndInCreditLabel(tail)) && creditLabelRE.MatchString(tail) ||
		mayEndInAgencyCredit(tail) && agencyCreditRE.MatchString(tail) ||
		mayHoldWeekdayDate(s) && weekdayDateRE.MatchString(s) && !reportingRE.MatchString(s)
}

// mayHoldWeekdayDate reports whether s may match weekdayDateRE: whether
// "day, " is followed in it by the first three letters of a month name,
// in any case (or s holds a long s, ſ, which matches s).
func mayHoldWeekdayDate(s string) bool {
	// "day, " is looked for at the commas, which are fewer than d's.
	for i := 0; ; {
		j := strings.IndexByte(s[i:], ',')
		if j < 0 {
			return false
		}
		i += j + len(", ")
		if i > len(s) || s[i-1] != ' ' || !strings.HasSuffix(s[:i-2], "day") {
			i--
			continue
		}
		if i+3 <= len(s) && isMonthStart(s[i], s[i+1], s[i+2]) || strings.Contains(s, "ſ") {
			return true
		}
	}
}

// mayEndInCredit reports whether s may match captionCreditRE, by its
// end: one of the agencies' credits in any case, then perhaps ")" and
// ".". (A long s or Kelvin sign, which match s and k, it does not see.)
func mayEndInCredit(s string) bool {
	t := strings.TrimSuffix(s, ".")
	t = strings.TrimSuffix(t, ")")
	if t == "" || !isASCIILetter(t[len(t)-1]) {
		return false // every credit ends in a letter
	}
	for _, end := range captionCreditEnds {
		if hasSuffixFold(t, end) {
			return true
		}
	}
	// "Reuters/Name", "Photo by Name"
	u := t
	for u != "" && isASCIILetter(u[len(u)-1]) {
		u = u[:len(u)-1]
	}
	return len(u) < len(t) && (hasSuffixFold(u, "reuters/") || hasSuffixFold(u, "photo by "))
}

// mayEndInCreditLabel reports whether s may match creditLabelRE:
// whether the text after its last dot holds a credit label and its
// colon, in any case. No dot can follow the label in a match. (A long
// s, which matches s, it does not see.)
func mayEndInCreditLabel(s string) bool {
	t := s[strings.LastIndexByte(s, '.')+1:]
	for {
		i := strings.IndexByte(t, ':')
		if i < 0 {
			return false
		}
		for _, label := range creditLabels {
			if hasSuffixFold(t[:i], label) {
				return true
			}
		}
		t = t[i+1:]
	}
}

// mayEndInAgencyCredit reports whether s may match agencyCreditRE, by
// its end: an agency, "File", "Photo" or "Images", then perhaps ")" and
// ".", with a slash before.
func mayEndInAgencyCredit(s string) bool {
	t := strings.TrimSuffix(s, ".")
	t = strings.TrimSuffix(t, ")")
	return agencyCreditEnds.endOf(t) && strings.Contains(s, "/")
}

// hasSuffixFold reports whether s ends with suffix, a lower-case ASCII
// string, in any ASCII case. (strings.EqualFold of the end of s, as
// many bytes long, says the same: a rune that folds to an ASCII letter
// is longer than one byte.)
func hasSuffixFold(s, suffix string) bool {
	return len(s) >= len(suffix) && hasPrefixFoldAt(s, len(s)-len(suffix), suffix)
}

// agencies are the news agencies and outlets whose credits set
// AttributedTo, each with the spellings that name it.
var agencies = []struct {
	Name  string
	Names []string
}{
	{"Reuters", []string{"Reuters"}},
	{"AP", []string{"AP", "Associated Press", "The Associated Press"}},
	{"AFP", []string{"AFP", "Agence France-Presse", "Agence France Presse"}},
	{"CNN", []string{"CNN"}},
	{"Bloomberg", []string{"Bloomberg"}},
	{"BBC", []string{"BBC"}},
	{"Xinhua", []string{"Xinhua"}},
	{"TASS", []string{"TASS"}},
	{"Interfax", []string{"Interfax"}},
	{"RIA Novosti", []string{"RIA Novosti"}},
	{"ANI", []string{"ANI"}},
	{"PTI", []string{"PTI"}},
	{"IANS", []string{"IANS"}},
	{"dpa", []string{"dpa", "DPA"}},
	{"UPI", []string{"UPI"}},
	{"Al Jazeera", []string{"Al Jazeera"}},
	{"Kyodo", []string{"Kyodo"}},
	{"Yonhap", []string{"Yonhap"}},
	{"Ukrinform", []string{"Ukrinform"}},
	{"The New York Times", []string{"The New York Times", "New York Times"}},
	{"The Washington Post", []string{"The Washington Post", "Washington Post"}},
	{"The Wall Street Journal", []string{"The Wall Street Journal", "Wall Street Journal"}},
	{"Financial Times", []string{"Financial Times", "The Financial Times"}},
	{"The Guardian", []string{"The Guardian"}},
	{"Politico", []string{"Politico", "POLITICO"}},
	{"Axios", []string{"Axios"}},
	{"NBC News", []string{"NBC News"}},
	{"CBS News", []string{"CBS News"}},
	{"ABC News", []string{"ABC News"}},
	{"Fox News", []string{"Fox News"}},
}

// creditPatterns are the ways a text credits a source; %s is the name.
var creditPatterns = []string{
	`(?:told|tells|reports|reported|according to|citing|cited by|quoted by|said to|via|(?:wrote|writes|said|says) to|in an interview with|(?:a |the )?report (?:by|from|in))\s+%s\b`,
	`\b%s\s+(?:reported|reports|said|says|wrote|writes|quoted|cited|learned|has learned|reported earlier|said in its report|reporting)\b`,
	`[,.]?\s*[–—-]+\s*%s\s*\.?$`,
	`(?:^|\()%s\)?\s*[–—-]`,
}

// creditREs returns, for each entry of agencies, its credit patterns
// compiled into one regular expression, made when first needed.
var creditREs = sync.OnceValue(func() []*regexp.Regexp {
	res := make([]*regexp.Regexp, len(agencies))
	for i, a := range agencies {
		alt := make([]string, len(a.Names))
		for j, n := range a.Names {
			alt[j] = regexp.QuoteMeta(n)
		}
		name := `(?:` + strings.Join(alt, "|") + `)`
		pats := make([]string, len(creditPatterns))
		for j, p := range creditPatterns {
			pats[j] = `(?:` + fmt.Sprintf(p, name) + `)`
		}
		res[i] = regexp.MustCompile(strings.Join(pats, "|"))
	}
	return res
})

// attribution returns the agency or outlet the lines credit most often,
// or "" if none is credited. Ties go to the earlier entry of agencies.
func attribution(lines []string) string {
	counts := make([]int, len(agencies))
	var named []credit
	for _, l := range lines {
		named = creditedAgencies(named[:0], l)
		for _, c := range named {
			counts[c.agency] += creditCount(c, l)
		}
	}
	best, bestN := "", 0
	for i, n := range counts {
		if n > bestN {
			best, bestN = agencies[i].Name, n
		}
	}
	return best
}

// An agencyName is one spelling of the name of agencies[agency].
type agencyName struct {
	agency int
	name   string
}

// agencyNames lists the spellings of the agencies by their first byte.
var agencyNames = func() [256][]agencyName {
	if len(agencies) > 64 {
		panic("clean: creditedAgencies keeps at most 64 agencies in a bit set")
	}
	var byFirst [256][]agencyName
	for i, a := range agencies {
		for _, n := range a.Names {
			byFirst[n[0]] = append(byFirst[n[0]], agencyName{i, n})
		}
	}
	return byFirst
}()

// A credit is an agency that a line may credit, and the earliest place
// in the line where a match of its credit patterns may start.
type credit struct {
	agency, from int
}

// creditedAgencies appends to out, in the order of agencies and once
// each, the agencies that s may credit: it names them as a whole word
// (with no letter, digit or underscore, isWordByte, just before or
// after), in the context one of creditPatterns needs (creditContext).
// Every match of an agency's credit patterns is such a naming, and
// starts at creditStart of it or later.
func creditedAgencies(out []credit, s string) []credit {
	var found uint64 // bit i: agencies[i] may be credited
	var from [64]int // from[i]: the earliest creditStart of agencies[i]
	for i := 0; i < len(s); i++ {
		if agencyNames[s[i]] == nil || i > 0 && isWordByte(s[i-1]) {
			continue
		}
		for _, n := range agencyNames[s[i]] {
			j := i + len(n.name)
			if strings.HasPrefix(s[i:], n.name) && (j == len(s) || !isWordByte(s[j])) && creditContext(s, i, j) {
				if start := creditStart(s, i); found&(1<<n.agency) == 0 || start < from[n.agency] {
					from[n.agency] = start
				}
				found |= 1 << n.agency
			}
		}
	}
	for i := range agencies {
		if found&(1<<i) != 0 {
			out = append(out, credit{i, from[i]})
		}
	}
	return out
}

// creditStart returns the earliest place where a match of
// creditPatterns that names the agency at s[i:] may start: before the
// name come white space, commas, dots and dashes, and before them a
// reporting phrase of at most maxCreditLead bytes.
func creditStart(s string, i int) int {
	for i > 0 {
		if c := s[i-1]; isRESpace(c) || c == ',' || c == '.' || c == '-' {
			i--
		} else if strings.HasSuffix(s[:i], "–") || strings.HasSuffix(s[:i], "—") {
			i -= len("–")
		} else {
			break
		}
	}
	return max(0, i-maxCreditLead)
}

// maxCreditLead is the length of the longest phrase that comes before
// the white space and the name in creditPatterns ("in an interview
// with"; "the report from" is shorter).
const maxCreditLead = len("in an interview with")

// creditCount returns the number of matches of the credit patterns of
// c.agency in s, len(creditREs()[c.agency].FindAllStringIndex(s, -1)),
// reading s from c.from on, where the first may start. The regexp reads
// s[c.from:] as it reads s, but for ^ and \b at its start, which only a
// name right there would meet: then it reads the whole of s.
func creditCount(c credit, s string) int {
	from := c.from
	if from > 0 && hasAnyPrefix(s[from:], agencies[c.agency].Names) {
		from = 0
	}
	return len(creditREs()[c.agency].FindAllStringIndex(s[from:], -1))
}

// creditContext reports whether the name s[i:j] may be credited by one
// of creditPatterns, by the text around it: a reporting phrase and
// white space before it ("told Reuters"), white space and a reporting
// verb after it ("Reuters reported"), a dash before it and nothing but
// a dot after it ("… — Reuters."), or the start of the line or a
// parenthesis before it and a dash after it ("(Reuters) —").
func creditContext(s string, i, j int) bool {
	before, after := s[:i], s[j:]
	b := strings.TrimRight(before, creditSpace)
	a := strings.TrimLeft(after, creditSpace)
	switch {
	case len(b) < len(before) && hasAnySuffix(b, creditLeads):
		return true
	case len(a) < len(after) && hasAnyPrefix(a, creditVerbs):
		return true
	case (a == "" || a == ".") && hasAnySuffix(b, dashes):
		return true
	case i == 0 || s[i-1] == '(':
		return hasAnyPrefix(strings.TrimLeft(strings.TrimPrefix(after, ")"), creditSpace), dashes)
	}
	return false
}

// creditSpace is what \s matches; creditLeads end every phrase before a
// name in creditPatterns, and creditVerbs start every phrase after it.
const creditSpace = "\t\n\f\r "

var (
	creditLeads = []string{"told", "tells", "reports", "reported", "according to", "citing", "cited by", "quoted by",
		"said to", "via", "wrote to", "writes to", "says to", "in an interview with", "report by", "report from", "report in"}
	creditVerbs = []string{"reported", "reports", "said", "says", "wrote", "writes", "quoted", "cited", "learned",
		"has learned", "reporting"}
	dashes = []string{"-", "–", "—"}
)

func hasAnyPrefix(s string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

func isWordByte(b byte) bool {
	return b == '_' || '0' <= b && b <= '9' || 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z'
}

func containsAny(s string, subs []string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

// domainRE matches a site's own domain name: labels and dots, then
// one of domainTLDs.
var domainRE = lazyRegexp(`(?i)\b((?:[a-z0-9-]+\.)+(?:` + quoteAll(domainTLDs) + `))\b`)

// domainTLDs are the top-level domains (and second-level ones) of
// domainRE, in the order it tries them.
var domainTLDs = []string{"com", "in", "org", "net", "news", "info", "co.uk", "co.in", "co", "io", "uk", "us", "ca", "au", "de",
	"fr", "it", "es", "ru", "ua", "pl", "eu", "tv", "me", "am"}

// outletFrom returns a domain that a site-chrome line (follow prompt,
// copyright notice) names as the site's own, or "".
func outletFrom(s string) string {
	if !mayHoldDomain(s) {
		return "" // no domain name
	}
	lower := strings.ToLower(s)
	if !(strings.Contains(lower, "follow") || strings.Contains(lower, "join") || strings.Contains(lower, "©") ||
		strings.Contains(lower, "copyright") || strings.Contains(lower, "subscribe")) {
		return ""
	}
	m := domainRE.FindStringSubmatch(s)
	if m == nil {
		return ""
	}
	d := strings.ToLower(m[1])
	d = strings.TrimPrefix(d, "www.")
	// Social networks are where the site is followed, not the site.
	for _, social := range []string{"facebook.", "twitter.", "x.com", "instagram.", "youtube.", "t.me", "whatsapp.", "google.", "linkedin.", "telegram."} {
		if strings.HasPrefix(d, social) {
			return ""
		}
	}
	return d
}
