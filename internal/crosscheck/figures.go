package crosscheck

import (
	"cmp"
	"iter"
	"math/bits"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
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
//
// The site keeps the figures of every source until all are grouped, so
// a Figure holds what Group decides on in little room: the stems of its
// context as one string, cut from a string all the figures of its
// article share, and not the words they are written as, which only a
// few group labels need: Words works them out again from the sentence.
type Figure struct {
	Kind     Kind
	Text     string // as written: "90 per cent", "$900 million"
	Value    string // normalised for comparison: "90%", "$900 million"
	Para     int    // paragraph index
	Sentence string
	Measure  string // what it measures: the content words that follow it, "microelectronics imports"

	at      int    // where Text starts in Sentence
	context string // the stems of the content words near the figure, sorted, each followed by a space
}

// stems yields the stems of the figure's context, in order. A stem
// holds no space: eachWord cuts words at it.
func (f *Figure) stems() iter.Seq[string] { return listWords(f.context) }

// holds reports whether stem is one of the figure's context.
func (f *Figure) holds(stem string) bool {
	for k := range f.stems() {
		if k == stem {
			return true
		}
	}
	return false
}

// Words returns the stems of the figure's context, each mapped to the
// first word near the figure it comes from, as written, lower-case.
func (f *Figure) Words() map[string]string {
	var sc figureScratch
	sc.reset(f.Sentence)
	words := map[string]string{}
	for _, p := range sc.near(sc.place(f.at, f.at+len(f.Text))) {
		words[p.key] = p.word
	}
	return words
}

// Figures returns the figures of an article given as paragraphs, in
// order.
func Figures(paras []string) []Figure {
	sc := scratches.Get().(*figureScratch)
	defer sc.release()
	for i, p := range paras {
		sc.sentences = appendSentences(sc.sentences[:0], p)
		for _, sp := range sc.sentences {
			sent := p[sp.Start:sp.End]
			sc.matches = appendFigureMatches(sc.matches[:0], sent)
			if len(sc.matches) == 0 {
				continue
			}
			sc.reset(sent)
			for _, m := range sc.matches {
				text := sent[m.start:m.end]
				p := sc.place(m.start, m.end)
				if m.kind == Count && (ordinalOrPart(sent, m.end) || sc.nextToMonth(p)) {
					continue // "5th", "P-8I", or the day of a date: "April 12"
				}
				sc.figures = append(sc.figures, Figure{
					Kind: m.kind, Text: text, Value: value(m.kind, text), Para: i, Sentence: sent, at: m.start,
				})
				var ends packedEnds
				sc.text = sc.appendMeasure(sc.text, p)
				ends.measure = len(sc.text)
				pairs := sortByKey(sc.near(p))
				for _, kw := range pairs {
					sc.text = append(sc.text, kw.key...)
					sc.text = append(sc.text, ' ')
				}
				ends.context = len(sc.text)
				sc.ends = append(sc.ends, ends)
			}
		}
	}
	if len(sc.figures) == 0 {
		return nil
	}
	// The figures are kept until every source is done: in a slice of
	// their number, their measures and contexts cut from one string.
	out := make([]Figure, len(sc.figures))
	copy(out, sc.figures)
	text := string(sc.text)
	start := 0
	for i, e := range sc.ends {
		out[i].Measure = text[start:e.measure]
		out[i].context = text[e.measure:e.context]
		start = e.context
	}
	return out
}

// scratches holds the scratch of past calls to Figures, so that an
// article's call does not grow its buffers anew.
var scratches = sync.Pool{New: func() any { return new(figureScratch) }}

// release empties sc and puts it back in scratches, with no string of
// the article left in it to keep the article alive.
func (sc *figureScratch) release() {
	clear(sc.figures)
	clear(sc.infos[:cap(sc.infos)])
	clear(sc.keys[:cap(sc.keys)])
	clear(sc.pairs[:cap(sc.pairs)])
	*sc = figureScratch{
		figures: sc.figures[:0], text: sc.text[:0], ends: sc.ends[:0],
		sentences: sc.sentences, matches: sc.matches, fields: sc.fields, lowerBuf: sc.lowerBuf,
		infos: sc.infos[:0], known: sc.known, keys: sc.keys[:0], pairs: sc.pairs[:0],
	}
	scratches.Put(sc)
}

// packedEnds says where the measure and the context of a figure end in
// figureScratch.text, each starting where the one before it ends.
type packedEnds struct{ measure, context int }

// A figureScratch holds what Figures works out about an article and
// its sentences, and buffers it reuses from one sentence to the next,
// and through scratches from one article to the next.
//
// The words around a figure are the fields of the sentence before it
// and after it, as strings.Fields would cut sent[:start] and sent[end:].
// A figure starts and ends at a rune boundary, so those are the fields
// of the whole sentence, the one that straddles start or end cut short.
// Figures of the same sentence share most of their words, so each
// whole field is described once (wordInfo), when first needed.
type figureScratch struct {
	figures   []Figure     // of the article, their measures and contexts not yet set
	text      []byte       // the measure and the context of each figure, one after the other
	ends      []packedEnds // by figure
	sentences []Span
	matches   []figureMatch
	sent      string
	lower     string     // sent lower-cased when it is ASCII, else ""
	lowerBuf  []byte     // where lower is made
	fields    []Span     // of sent
	infos     []wordInfo // of fields, valid where known
	known     []bool
	keys      []string // the content-word keys of every wordInfo
	pairs     []keyWord
}

// A wordInfo describes one word near a figure.
type wordInfo struct {
	clean   string // the word without its edge punctuation
	lower   string // clean, lower-case
	content bool   // the first term of clean is a content word, not a number
	stop    bool   // the word holds punctuation that ends a measure
	keys    [2]int // the keys of the content words of lower: keys[0]:keys[1] of figureScratch.keys
}

// A keyWord is a content word's key and the word it comes from.
type keyWord struct{ key, word string }

// reset prepares sc for the figures of sent.
func (sc *figureScratch) reset(sent string) {
	sc.sent = sent
	// Lower-cased once, an ASCII sentence gives every word near its
	// figures its lower-case form, where strings.ToLower would make a
	// string of each; ASCII is lower-cased byte by byte, so the words are
	// where they are in sent.
	sc.lower = ""
	buf := slices.Grow(sc.lowerBuf[:0], len(sent))[:len(sent)]
	i := 0
	for ; i < len(sent) && sent[i] < utf8.RuneSelf; i++ {
		buf[i] = lowerBytes[sent[i]]
	}
	if i == len(sent) {
		sc.lower = string(buf)
	}
	sc.lowerBuf = buf
	sc.fields = appendFields(sc.fields[:0], sent)
	sc.infos = slices.Grow(sc.infos[:0], len(sc.fields))[:len(sc.fields)]
	sc.known = slices.Grow(sc.known[:0], len(sc.fields))[:len(sc.fields)]
	clear(sc.known)
	sc.keys = sc.keys[:0]
}

// appendFields appends the fields of s, as strings.Fields cuts them, to
// dst. ASCII is classed by spaceBytes in loops that call nothing; a
// multi-byte rune is decoded and asked unicode.IsSpace.
func appendFields(dst []Span, s string) []Span {
	for i := 0; i < len(s); {
		for i < len(s) && spaceBytes[s[i]] == asciiSpace {
			i++
		}
		if i == len(s) {
			break
		}
		if spaceBytes[s[i]] == notASCII {
			if r, n := utf8.DecodeRuneInString(s[i:]); unicode.IsSpace(r) {
				i += n
				continue
			}
		}
		start := i
		for i < len(s) {
			if c := spaceBytes[s[i]]; c == asciiOther {
				i++
				continue
			} else if c == asciiSpace {
				break
			}
			r, n := utf8.DecodeRuneInString(s[i:])
			if unicode.IsSpace(r) {
				break
			}
			i += n
		}
		dst = append(dst, Span{start, i})
	}
	return dst
}

// spaceBytes classes every byte for appendFields: an ASCII space
// (unicode.IsSpace of ASCII: \t, \n, \v, \f, \r and the space), any other
// ASCII, or a byte of a multi-byte rune, which decoding tells.
var spaceBytes = func() (t [256]uint8) {
	for c := range t {
		switch {
		case c >= utf8.RuneSelf:
			t[c] = notASCII
		case c == ' ' || '\t' <= c && c <= '\r':
			t[c] = asciiSpace
		}
	}
	return t
}()

// The classes of spaceBytes.
const (
	asciiOther = iota
	asciiSpace
	notASCII
)

// before returns how many fields of the sentence start before start:
// the fields of sent[:start].
func (sc *figureScratch) before(start int) int {
	n, _ := slices.BinarySearchFunc(sc.fields, start, func(f Span, start int) int { return cmp.Compare(f.Start, start) })
	return n
}

// after returns the index of the first field that ends after end: the
// fields from it on are those of sent[end:].
func (sc *figureScratch) after(end int) int {
	n, _ := slices.BinarySearchFunc(sc.fields, end+1, func(f Span, end int) int { return cmp.Compare(f.End, end) })
	return n
}

// word returns the description of field k of the sentence, cut to
// [lo, hi).
func (sc *figureScratch) word(k, lo, hi int) wordInfo {
	f := sc.fields[k]
	if f.Start >= lo && f.End <= hi {
		if !sc.known[k] {
			sc.infos[k] = sc.describe(f.Start, f.End)
			sc.known[k] = true
		}
		return sc.infos[k]
	}
	return sc.describe(max(f.Start, lo), min(f.End, hi))
}

// describe describes the word sent[start:end].
func (sc *figureScratch) describe(start, end int) wordInfo {
	w := sc.sent[start:end]
	i, j := trimPunct(w)
	in := wordInfo{clean: w[i:j], stop: endsMeasure(w)}
	if sc.lower != "" {
		in.lower = sc.lower[start+i : start+j]
	} else {
		in.lower = strings.ToLower(in.clean)
	}
	in.keys[0] = len(sc.keys)
	first, word := true, false // no key seen yet; the first is a content word's
	eachWord(in.lower, func(sub string, firstSub bool) {
		if numberLike(sub) {
			if first && hasDigit(sub) {
				first = false
			}
			return
		}
		// The word is lower-case: the key of an ASCII one is its own, as
		// classify would find it.
		var key string
		if sc.lower != "" {
			key = contentKey(sub)
		} else {
			key = classify(sub, firstSub).key
		}
		if key != "" {
			if first {
				first, word = false, true
			}
			sc.keys = append(sc.keys, key)
		}
	})
	in.keys[1] = len(sc.keys)
	if isASCII(in.clean) {
		// Lower-casing ASCII changes no term but its case.
		in.content = word
	} else {
		k, ok := firstKey(in.clean)
		in.content = ok && !strings.HasPrefix(k, "#")
	}
	return in
}

// edgePuncts is the set of the ASCII punctuation trimmed off the words
// near a figure, .,;:!?"'(), all below 64: bit c for c.
const edgePuncts = 1<<'.' | 1<<',' | 1<<';' | 1<<':' | 1<<'!' | 1<<'?' | 1<<'"' | 1<<'\'' | 1<<'(' | 1<<')'

// measureEnds is the set of the punctuation that ends a measure,
// .,;:!?, as edgePuncts holds its bytes.
const measureEnds = 1<<'.' | 1<<',' | 1<<';' | 1<<':' | 1<<'!' | 1<<'?'

// inSet reports whether c is in set, a set of bytes below 64.
func inSet(set uint64, c byte) bool { return c < 64 && set>>c&1 != 0 }

// trimPunct returns the bounds of w trimmed of the punctuation around a
// word, as strings.Trim(w, ".,;:!?\"'“”‘’()") trims it: w[i:j].
func trimPunct(w string) (i, j int) {
	j = len(w)
	for i < j {
		if inSet(edgePuncts, w[i]) {
			i++
		} else if j-i >= 3 && curlyQuote(w[i:i+3]) {
			i += 3
		} else {
			break
		}
	}
	for j > i {
		if inSet(edgePuncts, w[j-1]) {
			j--
		} else if j-i >= 3 && curlyQuote(w[j-3:j]) {
			j -= 3
		} else {
			break
		}
	}
	return i, j
}

// curlyQuote reports whether the three bytes q are a curly quotation
// mark or apostrophe: ‘ ’ “ ” (U+2018, U+2019, U+201C, U+201D).
func curlyQuote(q string) bool {
	return q[0] == 0xe2 && q[1] == 0x80 && (q[2] == 0x98 || q[2] == 0x99 || q[2] == 0x9c || q[2] == 0x9d)
}

// endsMeasure reports whether w holds punctuation that ends a measure:
// strings.ContainsAny(w, ".,;:!?"), whose ASCII no byte of a multi-byte
// rune is.
func endsMeasure(w string) bool {
	for k := 0; k < len(w); k++ {
		if inSet(measureEnds, w[k]) {
			return true
		}
	}
	return false
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// ordinalOrPart skips "5th", "P-8I"-like fragments glued to letters.
func ordinalOrPart(s string, end int) bool {
	return end < len(s) && (s[end] >= 'a' && s[end] <= 'z' || s[end] >= 'A' && s[end] <= 'Z')
}

// A place is where a figure is in its sentence: at [start, end), with
// the fields [0, before) before it and [after, len) after it (see
// figureScratch.before and after).
type place struct{ start, end, before, after int }

// place returns the place of the figure at [start, end).
func (sc *figureScratch) place(start, end int) place {
	return place{start, end, sc.before(start), sc.after(end)}
}

// nextToMonth reports whether the number at p is next to a month name:
// the day of a date.
func (sc *figureScratch) nextToMonth(p place) bool {
	if p.before > 0 {
		f := sc.fields[p.before-1]
		if monthWord(sc.sent[f.Start:min(f.End, p.start)]) {
			return true
		}
	}
	if p.after < len(sc.fields) {
		f := sc.fields[p.after]
		return monthWord(strings.Trim(sc.sent[max(f.Start, p.end):f.End], ",."))
	}
	return false
}

// monthWord reports whether w is a month's name or its abbreviation:
// (?i)^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?$.
func monthWord(w string) bool {
	if w == "" {
		return false
	}
	// The months that can start with w[0], by its letter: (?i) folds
	// only s, to the long s, among their first letters.
	i := -1
	switch w[0] | 0x20 {
	case 'j':
		i = foldAny(w, 0, "jan", "jun", "jul")
	case 'f':
		i = foldWord(w, 0, "feb")
	case 'm':
		i = foldAny(w, 0, "mar", "may")
	case 'a':
		i = foldAny(w, 0, "apr", "aug")
	case 's', 0xc5 | 0x20: // s, S or the long s
		i = foldWord(w, 0, "sep")
	case 'o':
		i = foldWord(w, 0, "oct")
	case 'n':
		i = foldWord(w, 0, "nov")
	case 'd':
		i = foldWord(w, 0, "dec")
	}
	if i < 0 {
		return false
	}
	for i < len(w) {
		if e := foldLetter(w, i); e > i {
			i = e
			continue
		}
		break
	}
	return w[i:] == "" || w[i:] == "."
}

// foldLetter returns the end of the letter [a-z] matched at i under
// (?i), or i.
func foldLetter(s string, i int) int {
	switch {
	case isASCIILetter(s[i]):
		return i + 1
	case strings.HasPrefix(s[i:], "\u017f"):
		return i + len("\u017f")
	case strings.HasPrefix(s[i:], "\u212a"):
		return i + len("\u212a")
	}
	return i
}

// appendMeasure appends to dst the name of what the figure at p
// measures: up to three content words after it, up to the next
// punctuation, else before it, separated by spaces.
func (sc *figureScratch) appendMeasure(dst []byte, p place) []byte {
	var words [3]string
	n := 0
	for k := p.after; k < len(sc.fields) && n < 3; k++ {
		in := sc.word(k, p.end, len(sc.sent))
		if in.content {
			words[n] = in.clean
			n++
		}
		if in.stop {
			break
		}
	}
	if n == 0 {
		for k := p.before - 1; k >= 0 && n < 3; k-- {
			in := sc.word(k, 0, p.start)
			if in.content {
				words[n] = in.clean
				n++
			}
			if in.stop {
				break
			}
		}
		slices.Reverse(words[:n])
	}
	for i, w := range words[:n] {
		if i > 0 {
			dst = append(dst, ' ')
		}
		dst = append(dst, w...)
	}
	return dst
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

// value normalises the text of a figure: white space runs become one
// space, letters lower-case, "90 per cent" "90%", "twice" "two times".
func value(kind Kind, text string) string {
	t := strings.ToLower(collapseSpace(text))
	switch kind {
	case Percent:
		num, _, _ := strings.Cut(t, "%")
		num, _, _ = strings.Cut(num, "per")
		num = strings.TrimSpace(num)
		if len(t) > len(num) && t[:len(num)] == num && t[len(num)] == '%' {
			return t[:len(num)+1] // t itself, or its start
		}
		return num + "%"
	case Multiple:
		return strings.Replace(t, "twice", "two times", 1)
	}
	return t
}

// collapseSpace replaces every run of \s ([\t\n\f\r ]) in s by one space.
func collapseSpace(s string) string {
	same := true
	for i := 0; i < len(s) && same; i++ {
		same = !isSpace(s, i) || s[i] == ' ' && !isSpace(s, i+1)
	}
	if same {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		if !isSpace(s, i) {
			b.WriteByte(s[i])
			i++
			continue
		}
		b.WriteByte(' ')
		for isSpace(s, i) {
			i++
		}
	}
	return b.String()
}

// near returns the content words within a few words of the figure at
// p: each stem, in order of first appearance, with the first word it
// comes from, lower-case. The slice is reused by the next call.
func (sc *figureScratch) near(p place) []keyWord {
	const reach = 6
	sc.pairs = sc.pairs[:0]
	add := func(in wordInfo) {
	next:
		for _, k := range sc.keys[in.keys[0]:in.keys[1]] {
			for _, p := range sc.pairs {
				if p.key == k {
					continue next
				}
			}
			sc.pairs = append(sc.pairs, keyWord{k, in.lower})
		}
	}
	for k := max(p.before-reach, 0); k < p.before; k++ {
		add(sc.word(k, 0, p.start))
	}
	for k := p.after; k < min(p.after+reach, len(sc.fields)); k++ {
		add(sc.word(k, p.end, len(sc.sent)))
	}
	return sc.pairs
}

// sortByKey sorts pairs, whose keys differ, by key, and returns them: a
// figure's few by insertion, which calls nothing, more with
// slices.SortFunc.
func sortByKey(pairs []keyWord) []keyWord {
	if len(pairs) > 16 {
		slices.SortFunc(pairs, func(a, b keyWord) int { return strings.Compare(a.key, b.key) })
		return pairs
	}
	for i := 1; i < len(pairs); i++ {
		kw := pairs[i]
		j := i
		for ; j > 0 && pairs[j-1].key > kw.key; j-- {
			pairs[j] = pairs[j-1]
		}
		pairs[j] = kw
	}
	return pairs
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
	Figure *Figure // in the SourceFigures given to Group, not a copy
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
// block of one source's figures joins nothing. Spreading the keys over
// hash buckets, then gathering the equal keys of each, finds the blocks
// in time proportional to the number of keys ([buckets]). The
// groups do not depend on the order the blocks come in, nor the keys of
// a block: a union keeps the smaller index as the root, so that each
// group's root is its first figure whatever the order of the unions.
func Group(all []SourceFigures) []FigureGroup {
	type node struct {
		src int
		f   *Figure
	}
	count := 0
	for _, s := range all {
		count += len(s.Figures)
	}
	nodes := make([]node, 0, count)
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
	// Term ids, 20 bits each: up to three terms and the kind fit a uint64.
	termIDs := newInterner[string]()
	figIDs := make([][]uint64, len(nodes)) // the ids of each figure's context
	words := 0
	for _, n := range nodes {
		words += strings.Count(n.f.context, " ")
	}
	flat := make([]uint64, 0, words) // figIDs' backing array
	for i, n := range nodes {
		ids := flat[len(flat):len(flat)]
		for w := range n.f.stems() {
			id := uint64(termIDs.id(w))
			// Past 2^20 distinct words ids wrap, and figures could join on
			// words they do not share; no dossier comes near.
			ids = append(ids, id&(1<<20-1))
		}
		flat = flat[:len(flat)+len(ids)]
		slices.Sort(ids)
		figIDs[i] = slices.Compact(ids)
	}
	// A word that only one source's figures of a kind hold (sources are
	// told apart by name, as blocks are) puts a figure in blocks of that
	// source alone, which join nothing: leaving it out of the keys
	// changes no group and saves most of them.
	srcIDs := map[string]int32{}
	srcOf := make([]int32, len(all))
	for si, s := range all {
		id, ok := srcIDs[s.Source]
		if !ok {
			id = int32(len(srcIDs))
			srcIDs[s.Source] = id
		}
		srcOf[si] = id
	}
	const many = -1 // a word held by several sources
	// By kind and word id, the source holding it, plus one, or many.
	stride := min(termIDs.len()+1, 1<<20)
	holder := make([]int32, 6*stride)
	for i, n := range nodes {
		base := kindIndex(n.f.Kind) * stride
		for _, id := range figIDs[i] {
			switch h := &holder[base+int(id)]; *h {
			case 0:
				*h = srcOf[n.src] + 1
			case many, srcOf[n.src] + 1:
			default:
				*h = many
			}
		}
	}
	nkeys := 0
	for i, n := range nodes {
		base := kindIndex(n.f.Kind) * stride
		ids := figIDs[i][:0]
		for _, id := range figIDs[i] {
			if holder[base+int(id)] == many {
				ids = append(ids, id)
			}
		}
		figIDs[i] = ids
		k := len(ids)
		if n.f.Kind == Year || n.f.Kind == Count {
			nkeys += k * (k - 1) * (k - 2) / 6
		} else {
			nkeys += k * (k - 1) / 2
		}
	}
	// The keys are put straight into hash buckets, so that the keys of a
	// block share a bucket; the keys of each bucket are then gathered
	// into blocks. Each figure's keys are made twice, to be counted,
	// then placed, in a buffer of its own, which saves holding them all
	// a second time.
	keys := make([]keyed, nkeys)
	bk := newBuckets(nkeys)
	var figKeys []uint64
	for i, n := range nodes {
		figKeys = appendBlockKeys(figKeys[:0], n.f.Kind, figIDs[i])
		for _, key := range figKeys {
			bk.count(key)
		}
	}
	bk.start()
	for i, n := range nodes {
		figKeys = appendBlockKeys(figKeys[:0], n.f.Kind, figIDs[i])
		k := keyed{node: int32(i), src: srcOf[n.src]}
		for _, key := range figKeys {
			k.key = key
			keys[bk.place(key)] = k
		}
	}
	for lo, hi := range bk.spans() {
		bucket := keys[lo:hi]
		bk.gather(bucket)
		for start := 0; start < len(bucket); {
			end := start + 1
			mixed := false
			for end < len(bucket) && bucket[end].key == bucket[start].key {
				mixed = mixed || bucket[end].src != bucket[start].src
				end++
			}
			if mixed {
				// The block's figures join the root of its first; of two
				// roots the smaller index stays the root, as when comparing
				// pairs in order.
				r := find(bucket[start].node)
				for _, k := range bucket[start+1 : end] {
					switch rk := find(k.node); {
					case rk < r:
						parent[r], r = rk, rk
					case rk > r:
						parent[rk] = r
					}
				}
			}
			start = end
		}
	}
	// The groups in order of their first figure, each given room for its
	// members at once: groups can hold thousands.
	size := make([]int32, len(nodes)) // by root
	for i := range nodes {
		size[find(int32(i))]++
	}
	byRoot := map[int32]*FigureGroup{}
	var roots []int32
	for i, n := range nodes {
		r := find(int32(i))
		g := byRoot[r]
		if g == nil {
			g = &FigureGroup{Kind: n.f.Kind, Members: make([]Member, 0, size[r])}
			byRoot[r] = g
			roots = append(roots, r)
		}
		g.Members = append(g.Members, Member{all[n.src].Source, n.f})
	}
	out := make([]FigureGroup, 0, len(roots))
	counts := make([]int, 0, len(roots))
	for _, r := range roots {
		g := byRoot[r]
		g.Agree = true
		for _, m := range g.Members {
			if m.Figure.Value != g.Members[0].Figure.Value {
				g.Agree = false
				break
			}
		}
		// The first figure's measure is the label, when it has one; else
		// the context words most figures share.
		g.Label = g.Members[0].Figure.Measure
		if g.Label == "" {
			words := map[string]int{}
			for _, m := range g.Members {
				for w := range m.Figure.stems() {
					words[w]++
				}
			}
			g.Label = label(words, g.firstWritten, len(g.Members))
		}
		bySource := func(a, b Member) int { return strings.Compare(a.Source, b.Source) }
		if !slices.IsSortedFunc(g.Members, bySource) {
			slices.SortStableFunc(g.Members, bySource)
		}
		// Sorted by source, the members of a source are next to each other.
		sources := 1
		for i := 1; i < len(g.Members); i++ {
			if g.Members[i].Source != g.Members[i-1].Source {
				sources++
			}
		}
		out = append(out, *g)
		counts = append(counts, sources)
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

// appendBlockKeys appends to dst the block keys of a figure of kind
// whose context words are ids (see [Group]): its kind, then every three
// of them for a year or a count, every two for the other kinds.
func appendBlockKeys(dst []uint64, kind Kind, ids []uint64) []uint64 {
	k := uint64(kindIndex(kind)) << 60
	if kind == Year || kind == Count {
		for a := 0; a < len(ids); a++ {
			for b := a + 1; b < len(ids); b++ {
				for c := b + 1; c < len(ids); c++ {
					dst = append(dst, k|ids[a]<<40|ids[b]<<20|ids[c])
				}
			}
		}
		return dst
	}
	for a := 0; a < len(ids); a++ {
		for b := a + 1; b < len(ids); b++ {
			dst = append(dst, k|ids[a]<<20|ids[b])
		}
	}
	return dst
}

// A keyed is a block key of a figure (see [Group]): its kind and up to
// three words of its context, 20 bits each; the figure's index; and its
// source, numbered by name.
type keyed struct {
	key       uint64
	node, src int32
}

// buckets spreads block keys over hash buckets by counting sort: count
// every key, then start, then place every key again, in any order. A
// bucket then holds every key equal to any of its keys, and so whole
// blocks; gather then puts the equal keys of a bucket next to each
// other, parting it in turn by the next bits of the keys' hash, in place
// (an American flag sort), until the parts are of a few keys each, and
// sorting the parts. The time it all takes is in proportion to the
// number of keys, where sorting them all at once would take time growing
// faster; and the buckets are few, no more than 256, so that the keys
// are spread with few cache or TLB misses, and a bucket small enough to
// fit in the caches is parted and sorted there.
type buckets struct {
	shift uint  // a key's bucket is the top bits of its hash, 64 - shift of them
	next  []int // by bucket: the count of its keys, then where its next key goes
	ends  []int // by bucket: where it ends, once started

	partNext, partEnd [1 << maxPartBits]int // gather's
}

const (
	maxBucketBits = 8  // at most 2^maxBucketBits buckets
	maxPartBits   = 10 // gather parts a bucket in at most 2^maxPartBits
	partSize      = 16 // gather parts a bucket in parts of partSize keys or fewer on average
)

// newBuckets returns buckets for n keys.
func newBuckets(n int) *buckets {
	b := min(bits.Len(uint(n/1024)), maxBucketBits)
	return &buckets{shift: uint(64 - b), next: make([]int, 1<<b)}
}

// hash is the Fibonacci hash of a key.
func hash(key uint64) uint64 { return key * 0x9e3779b97f4a7c15 }

// bucket returns the bucket of key: the top bits of its hash.
func (bk *buckets) bucket(key uint64) int {
	return int(hash(key) >> bk.shift)
}

// gather puts the equal keys of a bucket next to each other.
func (bk *buckets) gather(keys []keyed) { bk.gatherBelow(keys, bk.shift) }

// gatherBelow puts equal keys next to each other, in keys whose hashes
// agree above bit shift, parting them by the bits of their hash below:
// the parts are in order of those bits, the keys of a part by key.
func (bk *buckets) gatherBelow(keys []keyed, shift uint) {
	b := min(bits.Len(uint(len(keys)/partSize)), maxPartBits, int(shift))
	if b == 0 {
		sortKeyed(keys)
		return
	}
	shift -= uint(b)
	mask := uint64(1)<<b - 1
	next, end := bk.partNext[:1<<b], bk.partEnd[:1<<b]
	clear(end)
	for _, k := range keys {
		end[hash(k.key)>>shift&mask]++
	}
	at := 0
	for i, n := range end {
		next[i] = at
		at += n
		end[i] = at
	}
	// Swap each key into its part: every swap puts one key in place.
	for i := range next {
		for next[i] < end[i] {
			k := keys[next[i]]
			p := int(hash(k.key) >> shift & mask)
			if p == i {
				next[i]++
				continue
			}
			keys[next[i]], keys[next[p]] = keys[next[p]], k
			next[p]++
		}
	}
	start := 0
	if len(keys) <= partSize<<maxPartBits {
		for _, e := range end {
			sortKeyed(keys[start:e])
			start = e
		}
		return
	}
	// Parts of more keys, in buckets of millions, are parted again. A part
	// of equal keys, which no bits of the hash part, is counted once for
	// every maxPartBits bits of the hash left, a bounded number of times.
	for _, e := range slices.Clone(end) {
		bk.gatherBelow(keys[start:e], shift)
		start = e
	}
}

// count counts key in its bucket.
func (bk *buckets) count(key uint64) { bk.next[bk.bucket(key)]++ }

// start makes room for the counted keys, bucket after bucket.
func (bk *buckets) start() {
	bk.ends = make([]int, len(bk.next))
	at := 0
	for i, n := range bk.next {
		bk.next[i] = at
		at += n
		bk.ends[i] = at
	}
}

// place returns the index at which key goes.
func (bk *buckets) place(key uint64) int {
	b := bk.bucket(key)
	i := bk.next[b]
	bk.next[b]++
	return i
}

// spans yields the bounds of every bucket, once every key is placed.
func (bk *buckets) spans() iter.Seq2[int, int] {
	return func(yield func(lo, hi int) bool) {
		lo := 0
		for _, hi := range bk.ends {
			if !yield(lo, hi) {
				return
			}
			lo = hi
		}
	}
}

// sortKeyed sorts keys by key: the few of a part by insertion, which
// calls nothing, more with slices.SortFunc.
func sortKeyed(keys []keyed) {
	if len(keys) > 4*partSize {
		slices.SortFunc(keys, func(a, b keyed) int { return cmp.Compare(a.key, b.key) })
		return
	}
	for i := 1; i < len(keys); i++ {
		k := keys[i]
		j := i
		for ; j > 0 && keys[j-1].key > k.key; j-- {
			keys[j] = keys[j-1]
		}
		keys[j] = k
	}
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

// firstWritten returns the context word of stem k as the first of the
// group's figures to hold it writes it.
func (g *FigureGroup) firstWritten(k string) string {
	for i := range g.Members {
		if f := g.Members[i].Figure; f.holds(k) {
			return f.Words()[k]
		}
	}
	return ""
}

// label picks the context words most members share, up to three, as
// surface writes their stems.
func label(counts map[string]int, surface func(stem string) string, members int) string {
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
		words = append(words, surface(x.w))
	}
	return strings.Join(words, ", ")
}
