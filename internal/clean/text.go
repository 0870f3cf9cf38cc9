package clean

import (
	"math/bits"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// A tline is one line of a text capture with its features.
type tline struct {
	text   string   // repaired, white space collapsed
	lower  string   // text in lower case
	ws     []string // lower-case words
	chrome string   // reason from the line's own wording, or ""
	reason string   // final reason if removed
	caps   float64  // share of words that start with a capital letter
	score  float64  // body evidence (> 0) or boilerplate evidence (< 0)
	prose  float64  // proseScore, if scored
	kind   BlockKind
	vocab  vocab // kinds of phrase held (lineVocab)
	n      int32 // 1-based line number
	stops  int32 // how many of ws are stop words
	repeat int32 // how many lines of the page have the same text (0 if over 30 words; see markRepeats)
	tight  bool  // no blank line before or after: a list item, not a paragraph
	scored bool  // prose is set
	keep   bool
}

// cleanText cleans a plain-text capture.
func cleanText(src string) *Article {
	a := new(Article)
	sc := scratchPool.Get().(*scratch)
	defer sc.release()
	ls := readLines(a, src, sc)
	if len(ls) == 0 {
		return a
	}
	markRepeats(ls, sc)
	spreadPrompts(ls)

	// A first body region locates the headline; the headline's
	// repetitions are then marked and the region found again.
	start, end := bodyRegion(ls)
	title := findTitle(ls, start)
	if title >= 0 {
		tl := ls[title]
		a.Title = tl.text
		a.Meta.Title = tl.text
		tl.reason = ReasonTitle
		tset := newSignedSet(tl.ws)
		for i, l := range ls {
			if i == title || l.chrome != "" && l.chrome != ReasonNavigation && l.chrome != ReasonSidebar {
				continue
			}
			switch {
			case len(l.text) > len(tl.text) && strings.HasSuffix(l.text, tl.text) && i < title+3:
				l.chrome = ReasonNavigation // breadcrumb ending in the headline
			case !endsSentence(l.text) || l.text == tl.text:
				if len(l.ws) <= 2*len(tl.ws) && tset.mayBeSimilar(l.ws, 0.75) && similarityToSet(l.ws, tset.set()) >= 0.75 {
					l.chrome = ReasonRepeatedTitle
				}
			}
		}
		tl.chrome = ReasonTitle
		scoreLines(ls)
		start, end = bodyRegion(ls)
		if start <= title {
			start = title + 1
		}
	}
	if start < 0 || start > end {
		start, end = len(ls), len(ls)-1
	}

	readMeta(a, ls, title, start, end)
	end = cutAtBio(a, ls, start, end)
	comments := len(ls) // index of the first line of readers' comments
	if e := cutAtComments(ls, start, end); e < end {
		end, comments = e, e+1
	}
	start, end = splitItems(ls, start, end)
	start = skipDeck(ls, start, end)
	end = cutAtEndMarker(ls, start, end)
	for end > start && isGenericBio(ls[end]) {
		ls[end].chrome = ReasonAuthorBio
		end--
	}
	keepBody(a, ls, start, end)
	removeRest(ls, start, end, comments, a.Meta.Author)

	removed := 0
	for _, l := range ls {
		if !l.keep {
			removed++
		}
	}
	if removed > 0 {
		a.Removed = make([]Removed, 0, removed)
	}
	for _, l := range ls {
		if !l.keep {
			a.Removed = append(a.Removed, Removed{Line: int(l.n), Text: l.text, Reason: l.reason})
		}
	}
	body := make([]string, 0, len(a.Blocks)+1)
	for _, b := range a.Blocks {
		body = append(body, b.Text)
	}
	if a.Title != "" {
		body = append(body, a.Title)
	}
	for _, l := range ls {
		if l.reason == ReasonRepeatedTitle || l.reason == ReasonCaption {
			body = append(body, l.text)
		}
	}
	a.Meta.AttributedTo = attribution(body)
	return a
}

// A scratch holds the memory cleanText needs while it reads the lines
// of a capture: the lines and their words, and the maps that find the
// lines repeated. It is used again for the next capture (scratchPool),
// which saves the collector most of what the text cleaner allocates.
type scratch struct {
	store          []tline
	ls             []*tline
	same, wordEnds []int
	words          []string
	spans          []wordSpan
	first          map[string]firstLine // readLines: the first line with each text
	index          map[string]int       // markRepeats: each lower-case text's index in counts
	counts, of     []int
}

// A firstLine is where readLines read a text first, and the mojibake
// it repaired there.
type firstLine struct{ index, repairs int }

var scratchPool = sync.Pool{New: func() any {
	return &scratch{first: make(map[string]firstLine), index: make(map[string]int)}
}}

// maxScratchWords bounds the scratch put back in the pool: one that a
// very large capture grew is left to the collector.
const maxScratchWords = 1 << 18

// release clears sc, so that it keeps no capture alive, and puts it
// back in the pool.
func (sc *scratch) release() {
	if cap(sc.words) > maxScratchWords {
		return
	}
	clear(sc.store)
	clear(sc.ls)
	clear(sc.words)
	clear(sc.first)
	clear(sc.index)
	scratchPool.Put(sc)
}

// readLines returns the non-blank lines of a text capture with their
// features and the reason their own wording gives (chrome), and counts
// the mojibake it repairs in a.Repairs. The features depend only on the
// text, so a line that repeats an earlier one (menus and share bars
// do) takes them from it.
func readLines(a *Article, src string, sc *scratch) []*tline {
	texts := splitLines(src)
	nonBlank := 0
	for i, raw := range texts {
		texts[i] = normSpace(raw)
		if texts[i] != "" {
			nonBlank++
		}
	}
	blank := func(i int) bool { return i < 0 || i >= len(texts) || texts[i] == "" }
	first := sc.first // the first line with each text
	store := slices.Grow(sc.store[:0], nonBlank)
	same := slices.Grow(sc.same[:0], nonBlank) // index in store of the first line with the same text
	// The lines are kept in one block, their lower case written to one
	// builder and their words cut from it into one slice: a large
	// capture has millions of them. A builder never changes what it has
	// written, so its String stays valid as it grows.
	var lower strings.Builder
	lower.Grow(len(src))
	allWords := slices.Grow(sc.words[:0], len(src)/6)
	wordEnds := slices.Grow(sc.wordEnds[:0], nonBlank) // where each line's words end in allWords
	spans := sc.spans[:0]                              // one line's words
	for i, t := range texts {
		if t == "" {
			continue
		}
		l := tline{n: int32(i + 1), tight: !blank(i-1) && !blank(i+1)}
		if f, ok := first[t]; ok {
			a.Repairs += f.repairs
			same = append(same, f.index)
		} else {
			var n, fields, caps int
			l.text, n = repairMojibake(t)
			a.Repairs += n
			first[t] = firstLine{len(store), n}
			same = append(same, len(store))
			start := lower.Len()
			spans, fields, caps = lowerLine(&lower, spans[:0], l.text)
			lowers := lower.String()
			l.lower = lowers[start:]
			for _, sp := range spans {
				if sp.ascii {
					allWords = append(allWords, lowers[sp.start:sp.end])
				} else {
					allWords = appendWord(allWords, lowers[sp.start:sp.end], false)
				}
			}
			if fields > 0 {
				l.caps = float64(caps) / float64(fields)
			}
		}
		wordEnds = append(wordEnds, len(allWords))
		store = append(store, l)
	}
	sc.store, sc.same, sc.words, sc.wordEnds, sc.spans = store, same, allWords, wordEnds, spans
	ls := slices.Grow(sc.ls[:0], len(store))[:len(store)]
	sc.ls = ls
	start := 0
	for k := range store {
		l := &store[k]
		if f := &store[same[k]]; f != l {
			l.text, l.lower, l.ws, l.vocab, l.caps, l.stops, l.chrome = f.text, f.lower, f.ws, f.vocab, f.caps, f.stops, f.chrome
		} else {
			l.ws = allWords[start:wordEnds[k]:wordEnds[k]]
			l.stops = int32(stopCount(l.ws))
			l.vocab = lineVocab(l.lower, l.ws)
			l.chrome = boilerplateVocab(l.text, l.lower, l.ws, l.vocab)
		}
		start = wordEnds[k]
		ls[k] = l
	}
	return ls
}

// A wordSpan is where a word is in a string, and whether it is ASCII.
type wordSpan struct {
	start, end int
	ascii      bool
}

// lowerLine writes s in lower case to b, as strings.ToLower gives it,
// and appends to spans where its words are in b, as appendLowerWords
// finds them in the lower case (before appendWord cuts those of scripts
// without spaces). It also returns the number of fields of s (runs of
// characters other than white space) and how many start with an
// upper-case letter. It reads s once: the text cleaner does this for
// every line.
func lowerLine(b *strings.Builder, spans []wordSpan, s string) (_ []wordSpan, fields, caps int) {
	if isASCII(s) {
		return lowerASCII(b, spans, s)
	}
	return lowerRunes(b, spans, s)
}

// lowerASCII is lowerLine for s all ASCII, which most lines are: it
// writes s in lower case run by run (every run between two upper-case
// letters as it is), then reads its words and fields off the byte
// table, a run of word bytes at a time.
func lowerASCII(b *strings.Builder, spans []wordSpan, s string) (_ []wordSpan, fields, caps int) {
	base, done := b.Len(), 0
	lower := func(i int) {
		b.WriteString(s[done:i])
		b.WriteByte(s[i] + 'a' - 'A')
		done = i + 1
	}
	// The upper-case letters are found eight bytes at a time: adding
	// 0x3F to an ASCII byte sets its top bit if it is 'A' or more,
	// adding 0x25 if it is more than 'Z', and neither carries into the
	// next byte.
	i := 0
	for ; i+8 <= len(s); i += 8 {
		w := load64(s[i:])
		for upper := (w + 0x3F3F3F3F3F3F3F3F) &^ (w + 0x2525252525252525) & 0x8080808080808080; upper != 0; upper &= upper - 1 {
			lower(i + bits.TrailingZeros64(upper)/8)
		}
	}
	for ; i < len(s); i++ {
		if c := s[i]; 'A' <= c && c <= 'Z' {
			lower(i)
		}
	}
	b.WriteString(s[done:])
	inField := false
	for i := 0; i < len(s); {
		class := asciiClass[s[i]]
		if class&classSpace != 0 {
			inField, i = false, i+1
			continue
		}
		if !inField {
			inField = true
			fields++
			if class&classUpper != 0 {
				caps++
			}
		}
		if class&classWord == 0 {
			i++
			continue
		}
		j := i + 1
		for j < len(s) && asciiClass[s[j]]&classWord != 0 {
			j++
		}
		spans = append(spans, wordSpan{base + i, base + j, true})
		i = j
	}
	return spans, fields, caps
}

// lowerRunes is lowerLine for any s, rune by rune.
func lowerRunes(b *strings.Builder, spans []wordSpan, s string) (_ []wordSpan, fields, caps int) {
	inField := false
	start, ascii := -1, true // the word being read: where it starts in b
	shift := b.Len()         // where s[i] goes in b, less i
	done := 0                // s[:done] is written to b; s[done:i] goes as it is
	for i := 0; i < len(s); {
		if start >= 0 && inField {
			// Inside a word, lower-case letters and digits change
			// nothing but i.
			for i < len(s) && s[i] < utf8.RuneSelf && asciiClass[s[i]] == classWord {
				i++
			}
			if i == len(s) {
				break
			}
		}
		var space, upper, word bool
		var lr rune // the lower case of the rune read
		size, pos := 1, i+shift
		if c := s[i]; c < utf8.RuneSelf {
			class := asciiClass[c]
			space, upper, word = class&classSpace != 0, class&classUpper != 0, class&classWord != 0
			lr = rune(c)
			if upper {
				lr += 'a' - 'A'
				b.WriteString(s[done:i])
				b.WriteByte(byte(lr))
				done = i + 1
			}
		} else {
			var r rune
			r, size = utf8.DecodeRuneInString(s[i:])
			info := infoOf(r)
			lr = info.lower // U+FFFD for an invalid byte, as strings.Map writes it
			space, upper, word = info.class&classSpace != 0, info.class&classUpper != 0, info.class&classWord != 0
			if lr != r || r == utf8.RuneError {
				b.WriteString(s[done:i])
				n := b.Len()
				b.WriteRune(lr)
				shift += b.Len() - n - size
				done = i + size
			}
		}
		if space {
			inField = false
		} else if !inField {
			inField = true
			fields++
			if upper {
				caps++
			}
		}
		switch {
		case word && start < 0:
			start, ascii = pos, lr < utf8.RuneSelf
		case word:
			ascii = ascii && lr < utf8.RuneSelf
		case start >= 0:
			spans = append(spans, wordSpan{start, pos, ascii})
			start = -1
		}
		i += size
	}
	b.WriteString(s[done:])
	if start >= 0 {
		spans = append(spans, wordSpan{start, b.Len(), ascii})
	}
	return spans, fields, caps
}

// asciiClass says of each ASCII byte whether it is white space (\s and
// \v, as unicode.IsSpace), an upper-case letter, or a letter or digit.
// The other bytes, which start or continue non-ASCII runes, have no
// class: the table covers them so that no lookup needs a bounds check.
var asciiClass = func() (class [256]uint8) {
	for c := range utf8.RuneSelf {
		if unicode.IsSpace(rune(c)) {
			class[c] |= classSpace
		}
		if 'A' <= c && c <= 'Z' {
			class[c] |= classUpper
		}
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' {
			class[c] |= classWord
		}
	}
	return class
}()

const (
	classSpace = 1 << iota
	classUpper
	classWord
)

// A runeInfo is what lowerLine needs to know of a non-ASCII rune: its
// lower case, and whether it is white space, an upper-case letter, and
// (in lower case) part of a word, as asciiClass says of ASCII bytes.
type runeInfo struct {
	lower rune
	class uint8
}

// infoOf returns what lowerLine needs to know of the non-ASCII rune r,
// from a table for the most common ones.
func infoOf(r rune) runeInfo {
	switch {
	case r < latinEnd:
		return latinInfo[r-utf8.RuneSelf]
	case punctStart <= r && r < punctEnd:
		return punctInfo[r-punctStart]
	}
	return newRuneInfo(r)
}

// isSpaceRune is unicode.IsSpace for a non-ASCII rune.
func isSpaceRune(r rune) bool {
	switch {
	case r < latinEnd:
		return latinInfo[r-utf8.RuneSelf].class&classSpace != 0
	case punctStart <= r && r < punctEnd:
		return punctInfo[r-punctStart].class&classSpace != 0
	}
	return unicode.IsSpace(r)
}

func newRuneInfo(r rune) runeInfo {
	info := runeInfo{lower: unicode.ToLower(r)}
	if unicode.IsSpace(r) {
		info.class |= classSpace
	}
	if unicode.IsUpper(r) {
		info.class |= classUpper
	}
	if info.lower < utf8.RuneSelf && asciiClass[info.lower]&classWord != 0 || info.lower >= utf8.RuneSelf && isWordRune(info.lower) {
		info.class |= classWord
	}
	return info
}

// latinInfo and punctInfo are infoOf for the blocks from Latin-1
// Supplement to Cyrillic Supplement (Latin, Greek, Cyrillic letters and
// their accents) and for the General Punctuation block.
const (
	latinEnd   = 0x530
	punctStart = 0x2000
	punctEnd   = 0x2070
)

var (
	latinInfo = func() (t [latinEnd - utf8.RuneSelf]runeInfo) {
		for k := range t {
			t[k] = newRuneInfo(rune(k) + utf8.RuneSelf)
		}
		return t
	}()
	punctInfo = func() (t [punctEnd - punctStart]runeInfo) {
		for k := range t {
			t[k] = newRuneInfo(rune(k) + punctStart)
		}
		return t
	}()
)

// markRepeats marks short lines that occur more than once in the page
// (menus repeated in header and footer) as navigation evidence.
func markRepeats(ls []*tline, sc *scratch) {
	// Each text of at most 30 words gets an index in counts, with one
	// map lookup per line. Longer lines are not counted (index 0):
	// neither what follows nor findTitle looks at their repetitions.
	index := sc.index
	counts := append(slices.Grow(sc.counts[:0], len(ls)), 0) // counts[0] stays 0, for the lines not counted
	of := slices.Grow(sc.of[:0], len(ls))[:len(ls)]
	clear(of)
	for i, l := range ls {
		if len(l.ws) > 30 {
			continue
		}
		k, ok := index[l.lower]
		if !ok {
			k = len(counts)
			index[l.lower] = k
			counts = append(counts, 0)
		}
		counts[k]++
		of[i] = k
	}
	sc.counts, sc.of = counts, of
	for i, l := range ls {
		l.repeat = int32(counts[of[i]])
		switch {
		case l.repeat <= 1 || l.chrome != "" || endsSentence(l.text):
		case len(l.ws) < 8:
			l.chrome = ReasonNavigation
		case len(l.ws) < 20:
			l.chrome = ReasonSidebar // a teaser headline, given twice (link and image)
		}
	}
	scoreLines(ls)
}

// spreadPrompts marks as prompts the short lines with prompt words next
// to a prompt: sign-up boxes and share bars come in clusters
// ("Thanks for signing up!").
func spreadPrompts(ls []*tline) {
	for pass := 0; pass < 2; pass++ {
		for i, l := range ls {
			if l.chrome != "" || len(l.ws) > 20 {
				continue
			}
			if (i > 0 && ls[i-1].chrome == ReasonPrompt || i+1 < len(ls) && ls[i+1].chrome == ReasonPrompt) &&
				promptVocabulary(l.ws, l.vocab) > 0 {
				l.chrome = ReasonPrompt
			}
		}
	}
	scoreLines(ls)
}

// scoreLines sets each line's body score.
func scoreLines(ls []*tline) {
	// The stop-word test only works for languages whose stop words we
	// know: use it when the page as a whole has many of them.
	stop, all := 0, 0
	for _, l := range ls {
		stop += int(l.stops)
		all += len(l.ws)
	}
	knownLang := all > 0 && float64(stop)/float64(all) >= 0.15
	for _, l := range ls {
		switch {
		case l.chrome != "":
			l.score = -8
		case l.scored:
			l.score = l.prose // what it reads does not change
		default:
			l.prose, l.scored = proseScore(l, knownLang), true
			l.score = l.prose
		}
	}
	// A line ending in a colon introduces a list: its items, short
	// as they are, belong with it.
	for i := 0; i < len(ls); i++ {
		if ls[i].chrome != "" || !strings.HasSuffix(ls[i].text, ":") || len(ls[i].ws) < 2 {
			continue
		}
		for j := i + 1; j < len(ls) && j <= i+30; j++ {
			item := ls[j]
			if item.chrome != "" || len(item.ws) < 3 || endsTruncated(item.text) {
				break
			}
			item.score = max(item.score, 1)
		}
	}
}

// proseScore is the evidence that l, which is not chrome, is part of
// the article body: the word count of punctuated prose, and a penalty
// for truncated teasers and short unpunctuated lines. (Chrome scores
// -8.)
func proseScore(l *tline, knownLang bool) float64 {
	nw := float64(len(l.ws))
	sentence := endsSentence(l.text)
	switch {
	case endsTruncated(l.text) && nw >= 6:
		return -6
	case nw >= 8 && (sentence || nw >= 25 && punctuated(l.text, len(l.ws))):
		if nw >= 12 && (l.caps > 0.7 || knownLang && float64(l.stops)/float64(len(l.ws)) < 0.08) {
			return -2 // a long list of names or keywords
		}
		if l.tight {
			if head := l.text[:min(len(l.text), 160)]; mayBeGlued(head) && gluedRE.MatchString(head) {
				return -2 // a teaser: headline and summary run together
			}
			return nw * tightWeight
		}
		return nw
	case nw >= 8:
		return -1
	case sentence && nw >= 3:
		return 1
	case isDataRow(l.ws):
		return 1 // a row of a table of figures
	}
	return -3
}

// gluedRE matches a headline run into its summary without a space, as
// innerText gives linked teasers ("…Student-AthleteA 24-year-old …").
var gluedRE = lazyRegexp(`\p{Ll}{2}\p{Lu}(?:\p{Ll}|\s)|[?!'’”)]\p{Lu}\p{Ll}`)

// mayBeGlued reports whether s may match gluedRE: whether an upper-case
// letter follows a lower-case one or one of ?!'’”) in it.
func mayBeGlued(s string) bool {
	prev := rune(-1)
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		if unicode.IsUpper(r) && prev >= 0 && (unicode.IsLower(prev) || strings.ContainsRune(`?!'’”)`, prev)) {
			return true
		}
		prev = r
		i += size
	}
	return false
}

// tightWeight scales the score of prose lines set tight between other
// lines: browsers separate paragraphs by blank lines, list items and
// teasers by single line breaks.
const tightWeight = 0.25

// readMeta fills a.Meta from the lines outside the body and sets the
// reasons of byline, date and caption lines.
func readMeta(a *Article, ls []*tline, title, start, end int) {
	for i, l := range ls {
		switch l.chrome {
		case ReasonByline:
			needName := a.Meta.Author == "" && (i < start || i > end)
			needDate := a.Meta.Published == "" && i > title
			if !needName && !needDate {
				break
			}
			name, date, _ := parseByline(l.text)
			if needName {
				a.Meta.Author = name
			}
			if date != "" && needDate {
				a.Meta.Published = date
			}
		case ReasonDate:
			if a.Meta.Published == "" && title >= 0 && i > title && i < start {
				if date, ok := isDateLine(l.text); ok {
					a.Meta.Published = date
				}
			}
		case ReasonCaption:
			a.Meta.Captions = append(a.Meta.Captions, l.text)
		}
	}
	if a.Meta.Author == "" {
		for _, l := range ls {
			if l.chrome != ReasonByline {
				continue
			}
			if name, _, ok := parseByline(l.text); ok {
				a.Meta.Author = name
				break
			}
		}
	}
	// A line that is just the author's name is part of the byline.
	if a.Meta.Author != "" {
		for _, l := range ls {
			if l.chrome == "" || l.chrome == ReasonNavigation {
				if strings.EqualFold(l.text, a.Meta.Author) {
					l.chrome = ReasonByline
				}
			}
		}
	}
	for _, l := range ls {
		if a.Meta.Outlet == "" && (l.chrome == ReasonPrompt || l.chrome == ReasonLegal) {
			a.Meta.Outlet = outletFrom(l.text)
		}
	}
}

// keepBody keeps the prose and subheadings of the body region.
func keepBody(a *Article, ls []*tline, start, end int) {
	kept := make(map[string]bool)
	for i := start; i <= end && i < len(ls); i++ {
		l := ls[i]
		if l.chrome != "" {
			l.reason = l.chrome
			continue
		}
		nw := len(l.ws)
		switch {
		case endsTruncated(l.text) && l.tight:
			l.reason = ReasonTeaser // one of a list of teasers cut short
		case endsSentence(l.text) || nw >= 8 || (endsTruncated(l.text) && nw >= 3) || l.score > 0:
			l.keep, l.kind = true, Paragraph
		case isHeading(ls, i, start, end):
			l.keep, l.kind = true, Heading
		case i > start && i < end && ls[i-1].score > 0 && ls[i+1].score > 0 && ls[i+1].chrome == "":
			l.keep, l.kind = true, Paragraph // a short line within prose: an attribution, a sign-off
		default:
			l.reason = ReasonShortFragment
		}
		// Only short lines may repeat one kept before (a line with the
		// same text has the same words), so only they are remembered.
		if l.keep && nw < 8 {
			if kept[l.text] {
				l.keep, l.reason = false, ReasonDuplicate
			}
			kept[l.text] = true
		}
		if l.keep {
			a.Blocks = append(a.Blocks, Block{Kind: l.kind, Text: l.text, Line: int(l.n)})
		}
	}
}

// isHeading reports whether the short line ls[i] inside the body is a
// subheading: it starts with a capital or digit, has at most 15 words,
// and is followed by a prose line.
func isHeading(ls []*tline, i, start, end int) bool {
	l := ls[i]
	if len(l.ws) == 0 || len(l.ws) > 15 || i == start || i >= end {
		return false
	}
	r := []rune(l.text)[0]
	if !(isUpperOrDigit(r)) {
		return false
	}
	next := ls[i+1]
	return next.chrome == "" && (endsSentence(next.text) || len(next.ws) >= 8) && len(next.ws) >= 8
}

func isUpperOrDigit(r rune) bool {
	return ('0' <= r && r <= '9') || strings.ToUpper(string(r)) == string(r) && strings.ToLower(string(r)) != string(r) ||
		r == '"' || r == '“' || r == '\'' || r == '‘'
}

// removeRest gives every line outside the body its reason.
func removeRest(ls []*tline, start, end, comments int, author string) {
	for i, l := range ls {
		if l.keep || l.reason != "" {
			continue
		}
		switch {
		case l.chrome != "":
			l.reason = l.chrome
		case i > end && isBio(l, author):
			l.reason = ReasonAuthorBio
		case i >= comments && len(l.ws) >= 3:
			l.reason = ReasonComments
		case i > end && i > 0 && ls[i-1].reason == ReasonRelated && ls[i-1].n == l.n-1:
			l.reason = ReasonRelated // the list under a related heading
		case i < start:
			if len(l.ws) >= 8 && endsSentence(l.text) {
				l.reason = ReasonSidebar
			} else {
				l.reason = ReasonNavigation
			}
		case endsTruncated(l.text), len(l.ws) >= 6,
			i+1 < len(ls) && endsTruncated(ls[i+1].text) && ls[i+1].chrome == "":
			l.reason = ReasonSidebar
		default:
			l.reason = ReasonFooter
		}
	}
}

// punctuated reports whether s, of nw words, has the punctuation of
// prose (a mark per 25 words at least), unlike a list of keywords.
func punctuated(s string, nw int) bool {
	n := strings.Count(s, ".") + strings.Count(s, ",") + strings.Count(s, ";") + strings.Count(s, ":") +
		strings.Count(s, "!") + strings.Count(s, "?") + strings.Count(s, "،") + strings.Count(s, "。") + strings.Count(s, "，")
	return n*25 >= nw
}

// isDataRow reports whether a short line is a row of a table of
// figures: at least four words, three of them numbers.
func isDataRow(ws []string) bool {
	if len(ws) < 4 {
		return false
	}
	n := 0
	for _, w := range ws {
		if w[0] >= '0' && w[0] <= '9' {
			n++
		}
	}
	return n >= 3
}
