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
// of its input, with the bytes a match can start with: most lines
// start otherwise and are rejected by a table lookup.
type anchoredRE struct {
	re       *regexp.Regexp
	nullable bool            // it can match the empty string: no byte test
	first    [256]bool       // bytes a match can start with
	second   [256]*[256]bool // bytes that can follow each first byte; nil: any
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
	prog, err := syntax.Compile(tree.Simplify())
	if err != nil {
		panic(err)
	}
	a.nullable = progFirst(prog, uint32(prog.Start), &a.first, nil, make(map[uint32]bool))
	if a.nullable {
		return a
	}
	// The second byte: after each ASCII first rune, what the rest of
	// the program can start with. Multi-byte first runes allow any.
	var insts []*syntax.Inst
	var dummy [256]bool
	progFirst(prog, uint32(prog.Start), &dummy, &insts, make(map[uint32]bool))
	var any [256]bool
	for _, in := range insts {
		var next [256]bool
		if progFirst(prog, in.Out, &next, nil, make(map[uint32]bool)) {
			next = allBytes()
		}
		var firsts [256]bool
		instBytes(in, &firsts)
		for b := range 256 {
			if !firsts[b] {
				continue
			}
			if b >= 0x80 {
				any[b] = true
				continue
			}
			if a.second[b] == nil {
				a.second[b] = new([256]bool)
			}
			for c := range 256 {
				if next[c] {
					a.second[b][c] = true
				}
			}
		}
	}
	for b := range 256 {
		if any[b] {
			a.second[b] = nil
		}
	}
	return a
}

func allBytes() [256]bool {
	var all [256]bool
	for i := range all {
		all[i] = true
	}
	return all
}

// maybe reports whether s may match a, by its first two bytes.
func (a *anchoredRE) maybe(s string) bool {
	if a.nullable {
		return true
	}
	if s == "" || !a.first[s[0]] {
		return false
	}
	if len(s) >= 2 {
		if sec := a.second[s[0]]; sec != nil && !sec[s[1]] {
			return false
		}
	}
	return true
}

// MatchString reports whether s matches a.
func (a *anchoredRE) MatchString(s string) bool {
	return a.maybe(s) && a.re.MatchString(s)
}

// FindStringSubmatch is regexp.Regexp.FindStringSubmatch.
func (a *anchoredRE) FindStringSubmatch(s string) []string {
	if !a.maybe(s) {
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

// progFirst adds to set every byte that the program can consume first
// from instruction pc on, appends the consuming instructions it reaches
// to insts (if not nil), and reports whether it can reach a match
// without consuming anything. Empty-width assertions are assumed to
// hold, so the set errs on the side of more bytes.
func progFirst(p *syntax.Prog, pc uint32, set *[256]bool, insts *[]*syntax.Inst, seen map[uint32]bool) bool {
	if seen[pc] {
		return false // a loop: what it leads to is counted on its first visit
	}
	seen[pc] = true
	in := &p.Inst[pc]
	switch in.Op {
	case syntax.InstAlt, syntax.InstAltMatch:
		x := progFirst(p, in.Out, set, insts, seen)
		y := progFirst(p, in.Arg, set, insts, seen)
		return x || y
	case syntax.InstCapture, syntax.InstNop, syntax.InstEmptyWidth:
		return progFirst(p, in.Out, set, insts, seen)
	case syntax.InstMatch:
		return true
	case syntax.InstFail:
		return false
	case syntax.InstRune, syntax.InstRune1, syntax.InstRuneAny, syntax.InstRuneAnyNotNL:
		instBytes(in, set)
		if insts != nil {
			*insts = append(*insts, in)
		}
		return false
	}
	*set = allBytes() // not known here
	return true
}

// instBytes adds to set the first bytes of the runes in consumes.
func instBytes(in *syntax.Inst, set *[256]bool) {
	switch in.Op {
	case syntax.InstRune:
		if len(in.Rune) == 1 {
			r0 := in.Rune[0]
			addRuneRange(set, r0, r0)
			if syntax.Flags(in.Arg)&syntax.FoldCase != 0 {
				for r := unicode.SimpleFold(r0); r != r0; r = unicode.SimpleFold(r) {
					addRuneRange(set, r, r)
				}
			}
			return
		}
		for i := 0; i+1 < len(in.Rune); i += 2 {
			addRuneRange(set, in.Rune[i], in.Rune[i+1])
		}
	case syntax.InstRune1:
		addRuneRange(set, in.Rune[0], in.Rune[0])
	default:
		*set = allBytes()
	}
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
	trackingNeed       = []string{"=", "utm_", "gtag", "googletag", "adsbygoogle", "datalayer", "fbq",
		"pagead", "doubleclick", "function"}
	captionCreditNeed = []string{"getty images", "shutterstock", "afp via getty", "reuters/", "ap photo", "photo by ", "file photo"}
)

// maybeBreadcrumb reports whether s might match breadcrumbRE: it starts
// with "Home" or holds › or ».
func maybeBreadcrumb(s string) bool {
	return strings.HasPrefix(s, "Home") || strings.ContainsAny(s, "›»")
}

// commentFormHead is commentFormRE without its "X says:" alternative,
// whose matches end in a colon.
var commentFormHead = mustAnchored(`^(?:\d+\s+(?:comments?|responses?|replies|reactions|thoughts? on)\b|permalink\b|comments?\s*(?:\(\d+\))?$|add (?:a )?comment|(?:no|show|view|hide|load) (?:more )?comments)`)

// maybeCommentForm reports whether s might match commentFormRE.
func maybeCommentForm(s string) bool {
	return strings.HasSuffix(s, ":") || commentFormHead.maybe(s)
}

// A phraseSet is a list of phrases with a filter of their first four
// bytes: a line none of whose four-byte windows starts a phrase holds
// none of them, and most lines are rejected in one pass.
type phraseSet struct {
	phrases []string
	bits    [1 << 10]uint64 // hashes of the phrases' first four bytes
}

func newPhraseSet(phrases []string) *phraseSet {
	p := &phraseSet{phrases: phrases}
	for _, ph := range phrases {
		if len(ph) < 4 {
			panic("clean: phrase shorter than four bytes: " + ph)
		}
		h := quadHash(ph[0], ph[1], ph[2], ph[3])
		p.bits[h>>6] |= 1 << (h & 63)
	}
	return p
}

func quadHash(a, b, c, d byte) uint32 {
	v := uint32(a) | uint32(b)<<8 | uint32(c)<<16 | uint32(d)<<24
	return (v * 2654435761) >> 16
}

// in reports whether s contains one of the phrases.
func (p *phraseSet) in(s string) bool {
	for i := 0; i+4 <= len(s); i++ {
		h := quadHash(s[i], s[i+1], s[i+2], s[i+3])
		if p.bits[h>>6]&(1<<(h&63)) != 0 {
			return containsAny(s[i:], p.phrases)
		}
	}
	return false
}

var (
	commentPhraseSet = newPhraseSet(commentPhrases)
	captionPhraseSet = newPhraseSet(captionPhrases)
)

// shortCreditEnds are the endings every match of shortCreditRE has.
var shortCreditEnds = []string{"AP", "AFP", "Reuters", "REUTERS", "Getty Images", "EPA", "Bloomberg", "Shutterstock"}

func hasAnySuffix(s string, ends []string) bool {
	for _, e := range ends {
		if strings.HasSuffix(s, e) {
			return true
		}
	}
	return false
}
