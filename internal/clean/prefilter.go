package clean

import (
	"regexp"
	"regexp/syntax"
	"strings"
	"unicode"
)

// Cheap tests run before the vocabulary's regular expressions: most
// lines match none of them, and a byte test or a substring search
// rejects them much faster than the regexp engine can.

// An anchoredRE is a regular expression that matches only at the start
// of its input, with the set of bytes a match can start with.
type anchoredRE struct {
	re       *regexp.Regexp
	first    [256]bool // bytes a non-empty match can start with
	nullable bool      // it can match the empty string: no byte test
}

// mustAnchored compiles expr, which must be anchored at the start of
// the text (^ with no multi-line flag) in every alternative.
func mustAnchored(expr string) *anchoredRE {
	a := &anchoredRE{re: regexp.MustCompile(expr)}
	tree, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		panic(err)
	}
	if !startsAnchored(tree) {
		panic("clean: not anchored: " + expr)
	}
	a.nullable = firstBytes(tree, &a.first)
	return a
}

// MatchString reports whether s matches a.
func (a *anchoredRE) MatchString(s string) bool {
	if !a.nullable && (s == "" || !a.first[s[0]]) {
		return false
	}
	return a.re.MatchString(s)
}

// FindStringSubmatch is regexp.Regexp.FindStringSubmatch.
func (a *anchoredRE) FindStringSubmatch(s string) []string {
	if !a.nullable && (s == "" || !a.first[s[0]]) {
		return nil
	}
	return a.re.FindStringSubmatch(s)
}

// startsAnchored reports whether every match of re starts at the
// beginning of the text.
func startsAnchored(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpBeginText:
		return true
	case syntax.OpCapture:
		return startsAnchored(re.Sub[0])
	case syntax.OpConcat:
		return len(re.Sub) > 0 && startsAnchored(re.Sub[0])
	case syntax.OpAlternate:
		for _, sub := range re.Sub {
			if !startsAnchored(sub) {
				return false
			}
		}
		return true
	}
	return false
}

// firstBytes adds to set every byte that a match of re can start with
// and reports whether re can match the empty string. It errs on the
// side of more bytes.
func firstBytes(re *syntax.Regexp, set *[256]bool) (nullable bool) {
	switch re.Op {
	case syntax.OpNoMatch:
		return false
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText, syntax.OpEndText,
		syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return true
	case syntax.OpLiteral:
		if len(re.Rune) == 0 {
			return true
		}
		r0 := re.Rune[0]
		addRuneRange(set, r0, r0)
		if re.Flags&syntax.FoldCase != 0 {
			for r := unicode.SimpleFold(r0); r != r0; r = unicode.SimpleFold(r) {
				addRuneRange(set, r, r)
			}
		}
		return false
	case syntax.OpCharClass:
		for i := 0; i+1 < len(re.Rune); i += 2 {
			addRuneRange(set, re.Rune[i], re.Rune[i+1])
		}
		return false
	case syntax.OpCapture:
		return firstBytes(re.Sub[0], set)
	case syntax.OpStar, syntax.OpQuest:
		firstBytes(re.Sub[0], set)
		return true
	case syntax.OpPlus:
		return firstBytes(re.Sub[0], set)
	case syntax.OpRepeat:
		n := firstBytes(re.Sub[0], set)
		return n || re.Min == 0
	case syntax.OpConcat:
		for _, sub := range re.Sub {
			if !firstBytes(sub, set) {
				return false
			}
		}
		return true
	case syntax.OpAlternate:
		nullable := false
		for _, sub := range re.Sub {
			if firstBytes(sub, set) {
				nullable = true
			}
		}
		return nullable
	}
	// Any character, or an operator not known here: every byte.
	for i := range set {
		set[i] = true
	}
	return true
}

// addRuneRange adds the first UTF-8 bytes of the runes lo…hi to set.
// The first byte of a rune's encoding grows with the rune, so the
// bytes from lo's to hi's cover the range.
func addRuneRange(set *[256]bool, lo, hi rune) {
	for b := leadByte(lo); b <= leadByte(hi); b++ {
		set[b] = true
	}
	if lo <= unicode.ReplacementChar && unicode.ReplacementChar <= hi {
		for b := 0x80; b <= 0xFF; b++ {
			set[b] = true // invalid bytes read as U+FFFD
		}
	}
}

func leadByte(r rune) int {
	switch {
	case r < 0x80:
		return int(r)
	case r < 0x800:
		return 0xC0 | int(r>>6)
	case r < 0x10000:
		return 0xE0 | int(r>>12)
	case r <= unicode.MaxRune:
		return 0xF0 | int(r>>18)
	}
	return 0xFF
}

// foldsToASCII reports whether s holds one of the non-ASCII runes that
// case-insensitive matching folds to an ASCII letter (ſ for s, the
// Kelvin sign for k), which a lower-case substring test misses.
func foldsToASCII(s string) bool {
	return strings.ContainsRune(s, 'ſ') || strings.ContainsRune(s, '\u212A')
}

// Substrings that every match of a vocabulary regexp contains.
var (
	copyProtectionNeed = []string{"protected", "copy", "click", "selection"}
	trackingNeed       = []string{"=", "msid", "imgsize", "utm_", "gtag", "googletag", "adsbygoogle", "datalayer", "fbq",
		"pagead", "doubleclick", "function"}
	captionCreditNeed = []string{"getty images", "shutterstock", "afp via getty", "reuters/", "ap photo", "photo by ", "file photo"}
)

// maybeBreadcrumb reports whether s might match breadcrumbRE: it starts
// with "Home" or holds › or ».
func maybeBreadcrumb(s string) bool {
	return strings.HasPrefix(s, "Home") || strings.ContainsAny(s, "›»")
}
