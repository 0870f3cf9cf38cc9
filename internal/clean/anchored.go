package clean

import (
	"encoding/binary"
	"regexp"
	"regexp/syntax"
	"slices"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/gen-dossier/gen/internal/par"
)

// An anchoredRE is a regular expression that matches only at the start
// of its input, with an automaton over bytes that settles most inputs
// in one table lookup per byte: most lines are rejected within their
// first few bytes, and a match read in ASCII is known without the
// regexp engine. The engine runs only on what the automaton leaves
// open: inputs whose fate hangs on a non-ASCII rune, or on more bytes
// than the automaton follows.
//
// The regexp and its automaton are made when first needed (or by
// Prepare), not when the program starts: they are most of the package's
// start-up.
type anchoredRE struct {
	expr   string
	once   sync.Once
	re     *regexp.Regexp
	class  [256]uint8 // each byte's class; bytes of a class are alike to the program
	nclass int        // the number of classes
	next   []int16    // next[state*nclass+class]: the next state, or a verdict
	end    []int16    // end[state]: the verdict if the input ends there
}

// The automaton's verdicts, in place of a next state.
const (
	dfaReject = -1 // no match starts with the bytes read
	dfaMatch  = -2 // the bytes read match
	dfaMaybe  = -3 // the regexp engine must tell
)

// dfaMaxStates and dfaMaxDepth bound the automaton: past so many
// states, or so many bytes, it leaves the verdict to the regexp engine.
const (
	dfaMaxStates = 1024
	dfaMaxDepth  = 16
)

// anchoredAll is every anchoredRE of the package, for Prepare.
var anchoredAll []*anchoredRE

// mustAnchored returns the anchoredRE of expr, which must be anchored at
// the start of the text (^ with no multi-line flag) in every
// alternative; it is parsed, checked and compiled when first needed
// (TestPrepare compiles every one).
func mustAnchored(expr string) *anchoredRE {
	a := &anchoredRE{expr: expr}
	anchoredAll = append(anchoredAll, a)
	return a
}

// compile makes a's regexp and automaton, once.
func (a *anchoredRE) compile() {
	a.once.Do(func() {
		tree, err := syntax.Parse(a.expr, syntax.Perl)
		if err != nil {
			panic(err)
		}
		if !startsAnchored(tree) {
			panic("clean: not anchored: " + a.expr)
		}
		a.re = regexp.MustCompile(a.expr)
		prog, err := syntax.Compile(tree.Simplify())
		if err != nil {
			panic(err)
		}
		a.build(prog)
	})
}

// Prepare makes the cleaner's regexps and automata, several at a time,
// which are otherwise made by the first Clean that needs them: a program
// with other work to do first can have them made meanwhile, on another
// goroutine.
func Prepare() {
	par.Each(len(anchoredAll)+len(lazyAll)+1, func(i int) {
		switch {
		case i < len(anchoredAll):
			anchoredAll[i].compile()
		case i < len(anchoredAll)+len(lazyAll):
			lazyAll[i-len(anchoredAll)].get()
		default:
			creditREs()
		}
	})
}

// A lazyRE is a regular expression compiled when first used, or by
// Prepare, rather than when the program starts, of which compiling the
// package's regexps was most (4 ms, before any command could run).
type lazyRE struct {
	expr string
	re   func() *regexp.Regexp
}

// lazyAll is every lazyRE of the package, for Prepare.
var lazyAll []*lazyRE

// lazyRegexp returns the lazyRE of expr, which must compile.
func lazyRegexp(expr string) *lazyRE {
	l := &lazyRE{expr: expr, re: sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })}
	lazyAll = append(lazyAll, l)
	return l
}

// get returns the regexp, compiled.
func (l *lazyRE) get() *regexp.Regexp { return l.re() }

// The methods of regexp.Regexp the package uses.

func (l *lazyRE) MatchString(s string) bool            { return l.re().MatchString(s) }
func (l *lazyRE) FindStringSubmatch(s string) []string { return l.re().FindStringSubmatch(s) }
func (l *lazyRE) FindStringSubmatchIndex(s string) []int {
	return l.re().FindStringSubmatchIndex(s)
}
func (l *lazyRE) FindAllString(s string, n int) []string { return l.re().FindAllString(s, n) }
func (l *lazyRE) FindAllStringIndex(s string, n int) [][]int {
	return l.re().FindAllStringIndex(s, n)
}
func (l *lazyRE) ReplaceAllString(src, repl string) string { return l.re().ReplaceAllString(src, repl) }
func (l *lazyRE) Split(s string, n int) []string           { return l.re().Split(s, n) }
func (l *lazyRE) String() string                           { return l.expr }

// verdict runs the automaton on s.
func (a *anchoredRE) verdict(s string) int16 {
	a.compile()
	state := 0
	for i := 0; i < len(s); i++ {
		next := a.next[state*a.nclass+int(a.class[s[i]])]
		if next < 0 {
			return next
		}
		state = int(next)
	}
	return a.end[state]
}

// maybe reports whether s may match a.
func (a *anchoredRE) maybe(s string) bool {
	return a.verdict(s) != dfaReject
}

// MatchString reports whether s matches a.
func (a *anchoredRE) MatchString(s string) bool {
	switch a.verdict(s) {
	case dfaReject:
		return false
	case dfaMatch:
		return true
	}
	return a.re.MatchString(s)
}

// FindStringSubmatch is regexp.Regexp.FindStringSubmatch.
func (a *anchoredRE) FindStringSubmatch(s string) []string {
	if a.verdict(s) == dfaReject {
		return nil
	}
	return a.re.FindStringSubmatch(s)
}

// build makes a's automaton from prog by the subset construction. A
// state is what the program can be at after the bytes read: the
// instructions that the last byte led to (before the empty-width steps
// that follow them), and what the empty-width assertions need to know
// of the last byte - whether there was one, whether it was a word byte
// (\b) or a newline. A transition on a byte first follows the program's
// empty-width steps, with the assertions decided by the last byte and
// this one: reaching a match there means the bytes read so far match.
// Otherwise it moves the instructions that consume the byte on.
//
// The automaton reads ASCII bytes as the program does. A non-ASCII byte
// starts a rune it does not decode: if an instruction could consume a
// rune starting so, the verdict is dfaMaybe, else dfaReject.
func (a *anchoredRE) build(prog *syntax.Prog) {
	d := &dfaBuilder{
		prog:     prog,
		takes:    make([]byteSet, len(prog.Inst)),
		closures: make(map[int]pcSpan, 4*len(prog.Inst)),
		seen:     make([]uint32, len(prog.Inst)),
	}
	for pc := range prog.Inst {
		if in := &prog.Inst[pc]; consumes(in) {
			d.takes[pc] = firstBytes(in)
		}
	}
	// Bytes alike to every rune instruction and to the assertions
	// share a class: the classes start from the bytes' kinds (and
	// whether they are ASCII) and are split by each distinct set of
	// bytes an instruction takes.
	var class [256]int
	for b := range 256 {
		class[b] = int(kindOf(byte(b)))*2 + b>>7
	}
	n := int(kinds) * 2
	sets := make(map[byteSet]bool)
	var split []int
	for pc := range prog.Inst {
		set := d.takes[pc]
		if !consumes(&prog.Inst[pc]) || sets[set] {
			continue
		}
		sets[set] = true
		split = slices.Grow(split[:0], 2*n)[:2*n]
		for k := range split {
			split[k] = -1
		}
		m := 0
		for b := range 256 {
			k := class[b] * 2
			if set.has(byte(b)) {
				k++
			}
			if split[k] < 0 {
				split[k], m = m, m+1
			}
			class[b] = split[k]
		}
		n = m
	}
	reps := make([]byte, n) // a byte of each class
	for b := 255; b >= 0; b-- {
		reps[class[b]] = byte(b)
		a.class[b] = uint8(class[b])
	}
	a.nclass = n

	start := dfaState{pcs: []uint32{uint32(prog.Start)}, before: beforeStart}
	var key []byte
	ids := map[string]int16{string(start.appendKey(key)): 0}
	states := []dfaState{start}
	depth := []int{0} // the length of the shortest input reaching each state
	// The instructions a state's closure holds before a byte of each
	// kind (or the end), and whether it reaches a match there.
	var insts [kinds][]uint32
	var matched [kinds]bool
	var outs []uint32
	for s := 0; s < len(states); s++ {
		st := states[s]
		for _, k := range []byteKind{otherByte, wordByte, newline, atEnd} {
			insts[k], matched[k] = d.closure(insts[k][:0], st.pcs, st.before, k)
		}
		a.end = append(a.end, dfaReject)
		if matched[atEnd] {
			a.end[s] = dfaMatch
		}
		for _, b := range reps {
			k := kindOf(b)
			var verdict int16
			switch {
			case matched[k]:
				verdict = dfaMatch
			case b >= utf8.RuneSelf:
				verdict = dfaReject
				for _, pc := range insts[k] {
					if d.takes[pc].has(b) {
						verdict = dfaMaybe // a rune not decoded here
					}
				}
			default:
				outs = outs[:0]
				for _, pc := range insts[k] {
					if d.takes[pc].has(b) {
						outs = append(outs, prog.Inst[pc].Out)
					}
				}
				if len(outs) == 0 {
					verdict = dfaReject
					break
				}
				slices.Sort(outs)
				next := dfaState{pcs: slices.Compact(outs), before: k}
				key = next.appendKey(key[:0])
				id, seen := ids[string(key)]
				switch {
				case seen:
					verdict = id
				case len(states) < dfaMaxStates && depth[s] < dfaMaxDepth:
					verdict = int16(len(states))
					ids[string(key)] = verdict
					next.pcs = slices.Clone(next.pcs)
					states = append(states, next)
					depth = append(depth, depth[s]+1)
				default:
					verdict = dfaMaybe
				}
			}
			a.next = append(a.next, verdict)
		}
	}
}

// A byteKind is what the empty-width assertions need to know of a byte
// on either side of a position: whether it is a word byte (\b, ASCII
// only), a newline, another byte, or the start or end of the input.
type byteKind uint8

const (
	otherByte byteKind = iota
	wordByte
	newline
	beforeStart // no byte before: the start of the input
	atEnd       // no byte after: the end of the input
	kinds       // the number of kinds
)

func kindOf(b byte) byteKind {
	switch {
	case b < utf8.RuneSelf && syntax.IsWordChar(rune(b)):
		return wordByte
	case b == '\n':
		return newline
	}
	return otherByte
}

// holds reports whether the empty-width assertion op holds between a
// byte of kind before and one of kind after. A non-ASCII rune is never
// a word character, as \b reads it.
func holds(op syntax.EmptyOp, before, after byteKind) bool {
	if op&syntax.EmptyBeginLine != 0 && before != beforeStart && before != newline ||
		op&syntax.EmptyEndLine != 0 && after != atEnd && after != newline ||
		op&syntax.EmptyBeginText != 0 && before != beforeStart ||
		op&syntax.EmptyEndText != 0 && after != atEnd {
		return false
	}
	boundary := (before == wordByte) != (after == wordByte)
	return !(op&syntax.EmptyWordBoundary != 0 && !boundary || op&syntax.EmptyNoWordBoundary != 0 && boundary)
}

// A byteSet is a set of bytes.
type byteSet [4]uint64

func (s *byteSet) add(b byte)      { s[b>>6] |= 1 << (b & 63) }
func (s *byteSet) has(b byte) bool { return s[b>>6]&(1<<(b&63)) != 0 }

// A dfaState is a state of an anchoredRE's automaton: the instructions
// the bytes read led to, sorted, and the kind of the last byte.
type dfaState struct {
	pcs    []uint32
	before byteKind
}

// appendKey appends to b a map key for s.
func (s dfaState) appendKey(b []byte) []byte {
	b = append(b, byte(s.before))
	for _, pc := range s.pcs {
		b = binary.LittleEndian.AppendUint32(b, pc)
	}
	return b
}

// A dfaBuilder holds what building an anchoredRE's automaton needs.
type dfaBuilder struct {
	prog     *syntax.Prog
	takes    []byteSet      // per rune instruction, the bytes a rune it consumes can start with
	closures map[int]pcSpan // where closure1 is in arena, by closureIndex
	arena    []uint32       // closure1's results
	seen     []uint32       // per instruction, the walk that last visited it
	stack    []uint32       // closure1's instructions to visit
	walks    uint32         // walks made
}

// closureIndex is where closure1 of the instruction pc between bytes of
// kinds before and after is kept.
func closureIndex(pc uint32, before, after byteKind) int {
	return (int(pc)*int(kinds)+int(before))*int(kinds) + int(after)
}

// closure appends to dst the rune instructions that the program can
// reach from pcs without consuming input, at a position between bytes
// of kinds before and after, and reports whether it can reach a match
// that way.
func (d *dfaBuilder) closure(dst, pcs []uint32, before, after byteKind) ([]uint32, bool) {
	for _, pc := range pcs {
		k := closureIndex(pc, before, after)
		c, ok := d.closures[k]
		if !ok {
			c = d.closure1(pc, before, after)
			d.closures[k] = c
		}
		if c.match {
			return dst, true
		}
	}
	d.walks++
	for _, pc := range pcs {
		c := d.closures[closureIndex(pc, before, after)]
		for _, q := range d.arena[c.start:c.end] {
			if d.seen[q] != d.walks {
				d.seen[q] = d.walks
				dst = append(dst, q)
			}
		}
	}
	return dst, false
}

// A pcSpan is where closure1's rune instructions are in the arena, or
// that it reaches a match.
type pcSpan struct {
	start, end int
	match      bool
}

// closure1 is closure for one instruction: it appends its rune
// instructions to the arena.
func (d *dfaBuilder) closure1(pc uint32, before, after byteKind) pcSpan {
	d.walks++
	start := len(d.arena)
	stack := append(d.stack[:0], pc)
	for len(stack) > 0 {
		pc := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if d.seen[pc] == d.walks {
			continue
		}
		d.seen[pc] = d.walks
		in := &d.prog.Inst[pc]
		switch in.Op {
		case syntax.InstRune, syntax.InstRune1, syntax.InstRuneAny, syntax.InstRuneAnyNotNL:
			d.arena = append(d.arena, pc)
		case syntax.InstAlt, syntax.InstAltMatch:
			stack = append(stack, in.Arg, in.Out)
		case syntax.InstEmptyWidth:
			if holds(syntax.EmptyOp(in.Arg), before, after) {
				stack = append(stack, in.Out)
			}
		case syntax.InstCapture, syntax.InstNop:
			stack = append(stack, in.Out)
		case syntax.InstMatch:
			d.stack, d.arena = stack, d.arena[:start]
			return pcSpan{match: true}
		}
	}
	d.stack = stack
	return pcSpan{start: start, end: len(d.arena)}
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
