package clean

import (
	"encoding/binary"
	"math/bits"
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Cheap tests run before the vocabulary's regular expressions: most
// lines match none of them, and a byte test or a substring search
// rejects them much faster than the regexp engine can.

// An anchoredRE is a regular expression that matches only at the start
// of its input, with a small automaton over bytes that rejects, in one
// table lookup per byte, the inputs no match can start like: most
// lines are rejected within their first few bytes, and the regexp
// engine runs only on those that read like a match.
type anchoredRE struct {
	re     *regexp.Regexp
	always bool       // it can match the empty string: no byte test
	class  [256]uint8 // each byte's class; bytes of a class are alike to the program
	nclass int        // the number of classes
	next   []int16    // next[state*nclass+class]: the next state, dfaReject or dfaAccept
	end    []bool     // end[state]: the text may end there
}

// The automaton's verdicts, in place of a next state.
const (
	dfaReject = -1 // no match can start with the bytes read
	dfaAccept = -2 // a match may start with them: run the regexp
)

// dfaMaxStates and dfaMaxDepth bound the automaton: past so many
// states, or so many bytes, the prefilter accepts.
const (
	dfaMaxStates = 1024
	dfaMaxDepth  = 16
)

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
	a.build(prog)
	return a
}

// build makes a's automaton from prog by the subset construction: a
// state is the set of the program's rune instructions that the bytes
// read so far can lead to, and whether the text may end there. The
// automaton reads ASCII bytes as the program does; a non-ASCII byte,
// which starts a rune it does not decode, it accepts if the state has
// an instruction that consumes some rune that can start so, and
// rejects otherwise. Empty-width assertions other than end of text
// (\b, ^) are assumed to hold, so the automaton accepts every input the
// program matches, and more.
func (a *anchoredRE) build(prog *syntax.Prog) {
	d := &dfaBuilder{
		prog:     prog,
		takes:    make([]byteSet, len(prog.Inst)),
		closures: make([]*pcClosure, len(prog.Inst)),
		seen:     make([]uint32, len(prog.Inst)),
	}
	start, ok := d.closure(nil, []uint32{uint32(prog.Start)})
	if !ok {
		a.always = true
		return
	}
	// Bytes that every rune instruction treats alike share a class.
	var runeInsts []int
	for pc := range prog.Inst {
		in := &prog.Inst[pc]
		if !consumes(in) {
			continue
		}
		runeInsts = append(runeInsts, pc)
		d.takes[pc] = firstBytes(in)
	}
	classOf := make(map[string]uint8)
	var reps []byte // a byte of each class
	sig := make([]byte, len(runeInsts)+1)
	for b := range 256 {
		for i, pc := range runeInsts {
			sig[i] = 0
			if d.takes[pc].has(byte(b)) {
				sig[i] = 1
			}
		}
		sig[len(runeInsts)] = byte(b >> 7) // ASCII and non-ASCII bytes never share a class
		c, ok := classOf[string(sig)]
		if !ok {
			c = uint8(len(reps))
			classOf[string(sig)] = c
			reps = append(reps, byte(b))
		}
		a.class[b] = c
	}
	a.nclass = len(reps)
	var key []byte
	ids := map[string]int16{string(start.appendKey(key)): 0}
	states := []dfaState{start}
	depth := []int{0} // the length of the shortest input reaching each state
	var outs, buf []uint32
	for s := 0; s < len(states); s++ {
		row := make([]int16, len(reps))
		for c, b := range reps {
			outs = outs[:0]
			for _, pc := range states[s].pcs {
				if d.takes[pc].has(b) {
					outs = append(outs, prog.Inst[pc].Out)
				}
			}
			if len(outs) == 0 {
				row[c] = dfaReject
				continue
			}
			if b >= utf8.RuneSelf {
				row[c] = dfaAccept // a rune the automaton does not follow
				continue
			}
			next, ok := d.closure(buf[:0], outs)
			buf = next.pcs
			if !ok {
				row[c] = dfaAccept
				continue
			}
			key = next.appendKey(key[:0])
			switch id, seen := ids[string(key)]; {
			case len(next.pcs) == 0 && !next.end:
				row[c] = dfaReject
			case seen:
				row[c] = id
			case len(states) < dfaMaxStates && depth[s] < dfaMaxDepth:
				row[c] = int16(len(states))
				ids[string(key)] = row[c]
				next.pcs = slices.Clone(next.pcs)
				states = append(states, next)
				depth = append(depth, depth[s]+1)
			default:
				row[c] = dfaAccept
			}
		}
		a.next = append(a.next, row...)
		a.end = append(a.end, states[s].end)
	}
}

// A byteSet is a set of bytes.
type byteSet [4]uint64

func (s *byteSet) add(b byte)      { s[b>>6] |= 1 << (b & 63) }
func (s *byteSet) has(b byte) bool { return s[b>>6]&(1<<(b&63)) != 0 }

// A dfaBuilder holds what building an anchoredRE's automaton needs.
type dfaBuilder struct {
	prog     *syntax.Prog
	takes    []byteSet    // per instruction, the bytes a rune it consumes can start with
	closures []*pcClosure // per instruction, its closure once computed
	seen     []uint32     // per instruction, the walk that last visited it
	walks    uint32       // walks made
}

// A pcClosure is the closure of one instruction.
type pcClosure struct {
	st dfaState
	ok bool
}

// A dfaState is a state of an anchoredRE's automaton: the rune
// instructions the program may be at, sorted, and whether it may be
// at the end-of-text assertion.
type dfaState struct {
	pcs []uint32
	end bool
}

// appendKey appends to b a map key for s.
func (s dfaState) appendKey(b []byte) []byte {
	for _, pc := range s.pcs {
		b = binary.LittleEndian.AppendUint32(b, pc)
	}
	if s.end {
		b = append(b, 1)
	}
	return b
}

// closure returns the state of the instructions that the program can
// reach from pcs without consuming input, its instructions appended to
// dst, and reports false if it can reach a match (or an instruction it
// does not know) that way. What follows an end-of-text assertion is
// taken to match.
func (d *dfaBuilder) closure(dst, pcs []uint32) (dfaState, bool) {
	for _, pc := range pcs {
		if d.closures[pc] == nil {
			c := &pcClosure{}
			c.st, c.ok = d.closure1(pc)
			d.closures[pc] = c
		}
	}
	d.walks++
	st := dfaState{pcs: dst}
	for _, pc := range pcs {
		c := d.closures[pc]
		if !c.ok {
			return dfaState{}, false
		}
		st.end = st.end || c.st.end
		for _, q := range c.st.pcs {
			if d.seen[q] != d.walks {
				d.seen[q] = d.walks
				st.pcs = append(st.pcs, q)
			}
		}
	}
	slices.Sort(st.pcs)
	return st, true
}

// closure1 is closure for one instruction.
func (d *dfaBuilder) closure1(pc uint32) (dfaState, bool) {
	d.walks++
	var st dfaState
	var walk func(pc uint32) bool
	walk = func(pc uint32) bool {
		if d.seen[pc] == d.walks {
			return true
		}
		d.seen[pc] = d.walks
		in := &d.prog.Inst[pc]
		switch {
		case consumes(in):
			st.pcs = append(st.pcs, pc)
			return true
		case in.Op == syntax.InstAlt || in.Op == syntax.InstAltMatch:
			return walk(in.Out) && walk(in.Arg)
		case in.Op == syntax.InstEmptyWidth && syntax.EmptyOp(in.Arg)&syntax.EmptyEndText != 0:
			st.end = true
			return true
		case in.Op == syntax.InstCapture || in.Op == syntax.InstNop || in.Op == syntax.InstEmptyWidth:
			return walk(in.Out)
		case in.Op == syntax.InstFail:
			return true
		}
		return false // a match, or not known here
	}
	return st, walk(pc)
}

// consumes reports whether in is an instruction that consumes a rune.
func consumes(in *syntax.Inst) bool {
	switch in.Op {
	case syntax.InstRune, syntax.InstRune1, syntax.InstRuneAny, syntax.InstRuneAnyNotNL:
		return true
	}
	return false
}

// firstBytes returns the bytes that the runes the rune instruction in
// consumes can start with. Invalid UTF-8 reads as U+FFFD: an
// instruction that consumes it can start with any non-ASCII byte.
func firstBytes(in *syntax.Inst) byteSet {
	var set byteSet
	switch in.Op {
	case syntax.InstRuneAny:
		addRuneRange(&set, 0, unicode.MaxRune)
	case syntax.InstRuneAnyNotNL:
		addRuneRange(&set, 0, '\n'-1)
		addRuneRange(&set, '\n'+1, unicode.MaxRune)
	case syntax.InstRune1:
		addRuneRange(&set, in.Rune[0], in.Rune[0])
	case syntax.InstRune:
		if len(in.Rune) == 1 {
			r0 := in.Rune[0]
			addRuneRange(&set, r0, r0)
			if syntax.Flags(in.Arg)&syntax.FoldCase != 0 {
				for r := unicode.SimpleFold(r0); r != r0; r = unicode.SimpleFold(r) {
					addRuneRange(&set, r, r)
				}
			}
			break
		}
		for i := 0; i+1 < len(in.Rune); i += 2 {
			addRuneRange(&set, in.Rune[i], in.Rune[i+1])
		}
	}
	return set
}

// addRuneRange adds the first UTF-8 bytes of the runes lo…hi to set.
// The first byte of a rune's encoding grows with the rune, so the
// bytes from lo's to hi's cover the range.
func addRuneRange(set *byteSet, lo, hi rune) {
	for b := leadByte(lo); b <= leadByte(hi); b++ {
		set.add(byte(b))
	}
	if lo <= utf8.RuneError && utf8.RuneError <= hi {
		for b := 0x80; b <= 0xFF; b++ {
			set.add(byte(b))
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

// maybe reports whether s may match a: whether the automaton accepts
// it.
func (a *anchoredRE) maybe(s string) bool {
	if a.always {
		return true
	}
	state := int16(0)
	for i := 0; i < len(s); i++ {
		state = a.next[int(state)*a.nclass+int(a.class[s[i]])]
		switch state {
		case dfaReject:
			return false
		case dfaAccept:
			return true
		}
	}
	return a.end[state]
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
	captionCreditEnds = []string{"getty images", "shutterstock", "afp via getty", "ap photo", "file photo"}
	agencyCreditEnds  = newSuffixSet("AFP", "AP", "Reuters", "REUTERS", "Images", "EPA", "dpa", "DPA", "Anadolu", "Xinhua",
		"Bloomberg", "Sipa", "Shutterstock", "File", "file", "Photo")
	creditLabels = []string{"credit", "image", "picture", "pic", "photo", "source"} // each before a colon
)

// bioJobs are the occupations genericBioRE names.
var bioJobs = []string{"writer", "journalist", "reporter", "correspondent", "editor", "columnist", "contributor",
	"blogger", "author", "host", "producer", "analyst"}

// mayBeGenericBio reports whether s may match genericBioRE: whether it
// says someone is an occupation, writes, or is followed.
func mayBeGenericBio(s string) bool {
	return (strings.Contains(s, "is a") || strings.Contains(s, "is the") || strings.Contains(s, "was a")) && containsAny(s, bioJobs) ||
		strings.Contains(s, "writes ") || strings.Contains(s, "follow ")
}

// maybeBreadcrumb reports whether s might match breadcrumbRE: it starts
// with "Home" or holds › or ».
func maybeBreadcrumb(s string) bool {
	return strings.HasPrefix(s, "Home") || strings.Contains(s, "›") || strings.Contains(s, "»")
}

// commentFormHead is commentFormRE without its "X says:" alternative,
// whose matches end in a colon.
var commentFormHead = mustAnchored(`^(?:\d+\s+(?:comments?|responses?|replies|reactions|thoughts? on)\b|permalink\b|comments?\s*(?:\(\d+\))?$|add (?:a )?comment|(?:no|show|view|hide|load) (?:more )?comments)`)

// maybeCommentForm reports whether s might match commentFormRE.
func maybeCommentForm(s string) bool {
	return strings.HasSuffix(s, ":") || commentFormHead.maybe(s)
}

// quadHash hashes four bytes to 16 bits.
func quadHash(a, b, c, d byte) uint32 {
	v := uint32(a) | uint32(b)<<8 | uint32(c)<<16 | uint32(d)<<24
	return (v * 2654435761) >> 16
}

// A vocab holds one bit per kind of boilerplate phrase: the kinds a
// line holds, as scanVocab finds them.
type vocab uint32

// The kinds of phrase, each with the list of its phrases.
const (
	vocabCopyProtection vocab = 1 << iota // copyProtectionNeed
	vocabTracking                         // trackingNeed
	vocabCommentForm                      // commentPhrases
	vocabComment                          // "comment"
	vocabLegal                            // legalPhrases
	vocabLegalNotice                      // legalNotices
	vocabCopyrightSign                    // "©"
	vocabRightsReserved                   // "rights reserved"
	vocabCookie                           // "cookie"
	vocabC                                // "(c)"
	vocabCredit                           // "contributed ", "ing by"
	vocabCaption                          // captionPhrases
	// The prompt phrases come last, a bit each: promptVocabulary
	// counts them.
	vocabPromptPhrase // promptPhrases[0]; promptPhrases[k] is vocabPromptPhrase << k
)

// vocabPrompts holds the bits of all the prompt phrases.
var vocabPrompts = func() vocab {
	if bits.Len32(uint32(vocabPromptPhrase))+len(promptPhrases) > 32 {
		panic("clean: too many prompt phrases for a vocab")
	}
	return vocab(1<<len(promptPhrases)-1) * vocabPromptPhrase
}()

// vocabPhrases are the phrases of each kind.
var vocabPhrases = func() map[vocab][]string {
	m := map[vocab][]string{
		vocabCopyProtection: copyProtectionNeed,
		vocabTracking:       trackingNeed,
		vocabCommentForm:    commentPhrases,
		vocabComment:        {"comment"},
		vocabLegal:          legalPhrases,
		vocabLegalNotice:    legalNotices,
		vocabCopyrightSign:  {"©"},
		vocabRightsReserved: {"rights reserved"},
		vocabCookie:         {"cookie"},
		vocabC:              {"(c)"},
		vocabCredit:         {"contributed ", "ing by"},
		vocabCaption:        captionPhrases,
	}
	for k, p := range promptPhrases {
		m[vocabPromptPhrase<<k] = []string{p}
	}
	return m
}()

// vocabScanner finds every kind of phrase in one pass over a line.
var vocabScanner = newPhraseScanner(vocabPhrases)

// scanVocab returns the kinds of phrase that lower, a line in lower
// case, contains.
func scanVocab(lower string) vocab {
	return vocabScanner.scan(lower)
}

// A phraseScanner finds which of its phrases a string contains. Phrases
// of four bytes or more are found through a filter of the hashes of
// their first four bytes: most of a line's four-byte windows start none
// of them, and are passed over after one hash. Shorter phrases are
// looked up by their first byte.
type phraseScanner struct {
	short  [256][]scanPhrase       // phrases under four bytes, by first byte
	filter [1 << 10]uint64         // hashes of the longer phrases' first four bytes
	long   map[uint32][]scanPhrase // the longer phrases by that hash
}

// A scanPhrase is a phrase and the kinds it belongs to.
type scanPhrase struct {
	text  string
	kinds vocab
}

func newPhraseScanner(kinds map[vocab][]string) *phraseScanner {
	of := make(map[string]vocab)
	for k, phrases := range kinds {
		for _, ph := range phrases {
			of[ph] |= k
		}
	}
	p := &phraseScanner{long: make(map[uint32][]scanPhrase)}
	for ph, k := range of {
		sp := scanPhrase{ph, k}
		if len(ph) < 4 {
			p.short[ph[0]] = append(p.short[ph[0]], sp)
			continue
		}
		h := quadHash(ph[0], ph[1], ph[2], ph[3])
		p.filter[h>>6] |= 1 << (h & 63)
		p.long[h] = append(p.long[h], sp)
	}
	return p
}

// scan returns the kinds of the phrases s contains.
func (p *phraseScanner) scan(s string) vocab {
	var v vocab
	for i := 0; i < len(s); i++ {
		if p.short[s[i]] != nil {
			for _, ph := range p.short[s[i]] {
				if strings.HasPrefix(s[i:], ph.text) {
					v |= ph.kinds
				}
			}
		}
		if i+4 > len(s) {
			continue
		}
		if h := quadHash(s[i], s[i+1], s[i+2], s[i+3]); p.filter[h>>6]&(1<<(h&63)) != 0 {
			for _, ph := range p.long[h] {
				if strings.HasPrefix(s[i:], ph.text) {
					v |= ph.kinds
				}
			}
		}
	}
	return v
}

// shortCreditEnds are the endings every match of shortCreditRE has.
var shortCreditEnds = newSuffixSet("AP", "AFP", "Reuters", "REUTERS", "Getty Images", "EPA", "Bloomberg", "Shutterstock")

// A suffixSet is a list of endings with the set of their last bytes:
// most strings end otherwise, and are rejected by one lookup.
type suffixSet struct {
	ends []string
	last [256]bool
}

func newSuffixSet(ends ...string) *suffixSet {
	p := &suffixSet{ends: ends}
	for _, e := range ends {
		p.last[e[len(e)-1]] = true
	}
	return p
}

// endOf reports whether s ends with one of the endings.
func (p *suffixSet) endOf(s string) bool {
	return s != "" && p.last[s[len(s)-1]] && hasAnySuffix(s, p.ends)
}

func hasAnySuffix(s string, ends []string) bool {
	for _, e := range ends {
		if strings.HasSuffix(s, e) {
			return true
		}
	}
	return false
}
