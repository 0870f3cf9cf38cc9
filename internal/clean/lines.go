package clean

import (
	"math/bits"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Line features and the boilerplate vocabulary shared by the text and
// HTML cleaners.

// stopWords are frequent function words (English, with a few French,
// German and Spanish ones). Prose has many; menus and headlines few.
var stopWords = newLexicon(stopWordList)

const stopWordList = `a an the and or but if of to in on at by for with from as into about after
	before over under between through during without within is are was were be been being has have had do does did
	will would can could should may might must shall it its this that these those there their they them he she his
	her him we our us you your i me my not no so than then also which who whom whose what when where why how all any
	some more most other such only just very said says
	le la les des du de et est un une que qui dans pour pas sur au aux avec
	der die das und ist nicht ein eine zu den dem mit von sich auf für im
	el los las del y en que por con para una es se lo`

// isStopWord reports whether w is a stop word.
func isStopWord(w string) bool {
	return stopWords.has(w)
}

// A lexicon is a set of words, looked up without hashing: by the
// word's length in bytes and first byte (modulo 32), then by its last
// byte (modulo 32), which most words outside the set fail, and only
// then among the set's few words of that shape.
type lexicon [][32]wordShape

// A wordShape holds the words of a lexicon of one length and first byte:
// the set of their last bytes (modulo 32), and the words.
type wordShape struct {
	last  uint32
	words []string
}

// newLexicon returns the lexicon of the words of list, separated by white
// space.
func newLexicon(list string) lexicon {
	var set lexicon
	for _, w := range strings.Fields(list) {
		for len(set) <= len(w) {
			set = append(set, [32]wordShape{})
		}
		sh := &set[len(w)][w[0]&31]
		if !slices.Contains(sh.words, w) {
			sh.last |= 1 << (w[len(w)-1] & 31)
			sh.words = append(sh.words, w)
		}
	}
	return set
}

// has reports whether w is in the lexicon.
func (set lexicon) has(w string) bool {
	if w == "" || len(w) >= len(set) {
		return false
	}
	sh := &set[len(w)][w[0]&31]
	if sh.last&(1<<(w[len(w)-1]&31)) == 0 {
		return false
	}
	for _, c := range sh.words {
		if c == w {
			return true
		}
	}
	return false
}

// words splits s into lower-case word tokens (letters and digits). In
// scripts written without spaces (Chinese, Japanese, Thai …) every two
// characters count as a word, so that word counts measure length in
// every language.
func words(s string) []string {
	return appendLowerWords(nil, strings.ToLower(s))
}

// appendLowerWords appends the words of lower, a string in lower case
// (as strings.ToLower gives it), to out. The words are cut from lower
// itself, except in scripts without spaces.
func appendLowerWords(out []string, lower string) []string {
	start, ascii := -1, true
	for i := 0; i < len(lower); {
		c := lower[i]
		var word bool
		size := 1
		if c < utf8.RuneSelf {
			word = 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || 'A' <= c && c <= 'Z'
		} else {
			var r rune
			r, size = utf8.DecodeRuneInString(lower[i:])
			word = isWordRune(r)
		}
		switch {
		case word && start < 0:
			start, ascii = i, c < utf8.RuneSelf
		case word:
			ascii = ascii && c < utf8.RuneSelf
		case start >= 0:
			out = appendWord(out, lower[start:i], ascii)
			start = -1
		}
		i += size
	}
	if start >= 0 {
		out = appendWord(out, lower[start:], ascii)
	}
	return out
}

// isASCII reports whether s is all ASCII. It reads eight bytes at a
// time.
func isASCII(s string) bool {
	for ; len(s) >= 8; s = s[8:] {
		if load64(s)&0x8080808080808080 != 0 {
			return false
		}
	}
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// load64 returns the first eight bytes of s, the first lowest: the
// compiler makes one load of them.
func load64(s string) uint64 {
	s = s[:8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// isWordRune reports whether r belongs to a word: a letter, digit or
// combining mark.
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r)
}

// appendWord appends w to out, cut into two-character words if it is
// written in a script without spaces.
func appendWord(out []string, w string, ascii bool) []string {
	if ascii || !hasUnspaced(w) {
		return append(out, w)
	}
	for w != "" {
		_, n := utf8.DecodeRuneInString(w)
		if n < len(w) {
			_, n2 := utf8.DecodeRuneInString(w[n:])
			n += n2
		}
		out = append(out, w[:n])
		w = w[n:]
	}
	return out
}

// unspaced are the scripts written without spaces between words.
var unspaced = []*unicode.RangeTable{unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Thai, unicode.Lao, unicode.Khmer, unicode.Myanmar}

func hasUnspaced(w string) bool {
	for _, r := range w {
		if r >= 0x0E00 && unicode.In(r, unspaced...) {
			return true
		}
	}
	return false
}

// stopCount is the number of words of ws that are stop words.
func stopCount(ws []string) int {
	n := 0
	for _, w := range ws {
		if isStopWord(w) {
			n++
		}
	}
	return n
}

// endsSentence reports whether s ends like a sentence: with . ! ? … or a
// colon, possibly followed by closing quotes or brackets.
func endsSentence(s string) bool {
	// Most lines end in an ASCII byte that settles it.
	if s != "" {
		switch c := s[len(s)-1]; c {
		case '.', '!', '?', ':', ';':
			return true
		case '"', '\'', ')', ']', '*', ' ', '\t', '\n', '\v', '\f', '\r':
		default:
			if c < utf8.RuneSelf {
				return false
			}
		}
	}
	s = strings.TrimRightFunc(s, func(r rune) bool {
		return r == '"' || r == '\'' || r == '”' || r == '’' || r == '»' || r == ')' || r == ']' || r == '*' || unicode.IsSpace(r)
	})
	if s == "" {
		return false
	}
	r, _ := lastRune(s)
	switch r {
	case '.', '!', '?', '…', ':', ';', '。', '！', '？', '।', '؟':
		return true
	}
	return false
}

// endsTruncated reports whether s ends in an ellipsis, as teasers cut
// short do.
func endsTruncated(s string) bool {
	s = strings.TrimSpace(s)
	return strings.HasSuffix(s, "...") || strings.HasSuffix(s, "…") || strings.HasSuffix(s, "[…]") || strings.HasSuffix(s, "[...]")
}

func lastRune(s string) (rune, int) {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] < 0x80 || s[i] >= 0xC0 {
			r, _ := utf8.DecodeRuneInString(s[i:])
			return r, i
		}
	}
	return 0, -1
}

// The boilerplate vocabulary: general web chrome, never one site's
// wording.
var (
	copyProtectionRE = lazyRegexp(`content is protected|copying (?:is )?(?:not allowed|prohibited|disabled)|right[- ]click (?:is )?disabled|you (?:cannot|can't|are not allowed to) copy|text selection is disabled`)
	// idLeakRE is a content-management key and a long numeric id leaked
	// into the text, "key 12345678,otherkey": nothing but lower-case
	// identifiers, separators and the id.
	idLeakRE       = lazyRegexp(`^[a-z_]+[\s,;:=]+\d{6,}(?:[\s,;:=]+[a-z_]+)*$`)
	trackingRE     = lazyRegexp(`\b(?:utm_[a-z]+|gtag|googletag|adsbygoogle|datalayer|fbq|pagead|doubleclick)\b|\bfunction\s*\(|\w+=\w+&\w+=`)
	readTimeRE     = mustAnchored(`^(?:(?:estimated )?reading time\s*:?\s*)?(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten)\s*-?\s*(?:min(?:ute)?s?|m)\.?(?:\s*(?:read|to read|reading|listen|watch))?$`)
	readTimeWordRE = lazyRegexp(`read|reading time`)
	commentFormRE  = mustAnchored(`^(?:\d+\s+(?:comments?|responses?|replies|reactions|thoughts? on)\b|\S+ (?:says|said|wrote):$|permalink\b|comments?\s*(?:\(\d+\))?$|add (?:a )?comment|(?:no|show|view|hide|load) (?:more )?comments)`)
	// commentPhrases are the wording of comment forms, matched as
	// substrings (faster than one regexp of alternatives).
	commentPhrases = []string{"enter your comment", "enter your name", "enter your email", "leave a reply", "leave a comment",
		"cancel reply", "post comment", "post a comment", "your email address will not be published", "required fields are marked",
		"save my name", "akismet", "comment data is processed", "comments are closed", "comment is closed", "comments closed",
		"log in to comment", "login to comment", "log in to reply", "join the conversation", "join the discussion",
		"notify me of follow-up", "notify me of new", "| permalink", "permalink |", "be the first to comment", "responses to “", "responses to \"", "response to “",
		"deixe uma resposta", "deixe um comentário", "deja una respuesta", "deja un comentario", "laisser un commentaire",
		"laisser une réponse", "schreibe einen kommentar", "hinterlasse einen kommentar", "lascia un commento",
		"оставить комментарий", "добавить комментарий", "não será publicado", "no será publicado", "ne sera pas publiée",
		"wird nicht veröffentlicht", "non sarà pubblicato", "campos obrigatórios", "campos obligatorios", "champs obligatoires",
		"erforderliche felder"}
	commentWordRE = lazyRegexp(`\bcomments?\b`)
	agoRE         = mustAnchored(`^(?:posted |updated |published )?(?:\d+|an?|one) (?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?) ago\b`)
	promptStartRE = mustAnchored(`^(?:click to|back to top|follow us|follow|subscribe|sign up|signup|join|download|listen|share|click here|get (?:the|our)|don't miss|never miss|stay (?:updated|informed|connected|up to date|tuned)|compartilhe|compartir|partager|teilen|condividi|поделиться|siga-nos|síguenos|suivez-nous|folgen sie uns|seguici|подпишитесь|assine|suscríbete|abonnez-vous|abonnieren|iscriviti|like us|tap here|support (?:us|our))\b`)
	// promptWords, promptStems and promptPhrases are the vocabulary
	// of share, follow and subscribe prompts.
	promptWords = newLexicon(`share shares shared sharing tweet follow subscribe subscriber subscribers signup register
		newsletter newsletters listen podcast download whatsapp telegram facebook twitter linkedin pinterest reddit
		instagram youtube email e-mail print bookmark save gift comment comments flipboard messenger app notification
		notifications teilen condividi поделиться assine iscriviti`)
	promptStems = []string{"compartilh", "compart", "partag", "suscr", "abonn"}
	// promptStemStarts holds the first bytes of the stems.
	promptStemStarts = func() (starts [256]bool) {
		for _, st := range promptStems {
			starts[st[0]] = true
		}
		return starts
	}()
	promptPhrases = []string{"sign up", "sign in", "log in", "login", "copy link", "google news", "click here", "read more",
		"continue reading", "load more", "show more"}
	relatedRE = mustAnchored(`^(?:related(?: posts?| articles?| stories| news| content| topics| coverage| reading| links)?|more (?:stories|news|articles|headlines|videos|from|on|in|like this)\b.*|most (?:popular|read|viewed|shared|commented)|recent (?:comments|posts|articles|news)|popular(?: posts| stories| now)?|trending(?: now| stories| topics| news)?|you (?:may|might) (?:also )?(?:like|enjoy|be interested in)|recommended(?: for you| stories| articles)?|read next|up next|next up(?: in .*)?|what to read next|latest(?: news| stories| posts| articles| headlines)?|top stories|editor'?s picks?|archives?(?: months)?|categories|tags?|topics|further reading|see more|must read|in case you missed it|more to explore|around the web|from around the web|other news|news feed|don't miss|(?:artigos|posts|notícias|matérias) relacionad[oa]s|(?:artículos|entradas|noticias) relacionad[oa]s|articles (?:similaires|connexes)|(?:à )?lire aussi|verwandte artikel|ähnliche artikel|das könnte sie auch interessieren|mehr zum thema|похожие (?:статьи|новости)|читайте также|articoli correlati|leggi anche|veja também|lea también|ver también)[\s:.…]*$`)
	teaserRE  = mustAnchored(`^(?:see also|also read|read also|also see|read more|must read|don't miss|click here to read|also on [a-z.]+)\s*[:|\-–—]*\s+\S|^(?:more|watch|also watch|read|related|related articles?|related stor(?:y|ies)|related news|recommended)\s*[:|\-–—]+\s*\S`)
	// legalNotices mark even a long line as a legal notice.
	legalNotices = []string{"all rights reserved", "subject to copyright", "may not be reproduced", "may not be published, broadcast",
		"without the prior written permission", "without written permission"}
	// creditRE matches the reporting credits at the end of wire copy.
	creditRE     = lazyRegexp(`\bcontributed (?:to this report|reporting|research|to this story)|^\(?(?:additional )?(?:reporting|writing|editing) by\b`)
	emailRE      = lazyRegexp(`\S@\S+\.\w`)
	teaserTagRE  = lazyRegexp(`\[\p{Lu}{3,}\]$`) // "… [VIDEO]", "… [INSIGHT]"
	legalRE      = lazyRegexp(`\(c\)\s*\d{4}`)
	legalPhrases = []string{"©", "copyright", "all rights reserved", "privacy policy", "terms of use", "terms of service",
		"terms and conditions", "cookie"}
	adRE         = mustAnchored(`^(?:advertisement|advertisment|advert|sponsored|sponsored content|sponsored links?|ad|ads|promoted|paid content|paid post|partner content|story continues below(?: advertisement)?|continue reading below|scroll to continue(?: with content)?|article continues (?:below|after (?:this )?(?:ad|advertisement))|skip advert|ad feedback|report (?:this )?ad)\.?$`)
	breadcrumbRE = lazyRegexp(`^Home(?:\p{Lu}|\s*[›»>/|])|\S\s*[›»]\s*\S`)
)

// boilerplate returns the reason a line's own wording marks it as page
// chrome, or "".
func boilerplate(s string, ws []string) string {
	lower := strings.ToLower(s)
	return boilerplateVocab(s, lower, ws, lineVocab(lower, ws))
}

// lineVocab is the kinds of phrase a line holds (scanVocab), given in
// lower case with its words; 0 for lines of more than 100 words, which
// no test of them concerns.
func lineVocab(lower string, ws []string) vocab {
	if len(ws) > 100 {
		return 0
	}
	return scanVocab(lower)
}

// boilerplateVocab is boilerplate for s, s in lower case (the
// vocabulary regexps are lower case) and the kinds of phrase it holds
// (lineVocab).
func boilerplateVocab(s, lower string, ws []string, v vocab) string {
	nw := len(ws)
	if nw > 100 {
		return "" // prose, whatever its words
	}
	if nw > 40 {
		if v&vocabLegalNotice != 0 {
			return ReasonLegal
		}
		if nw <= 80 && isCaptionVocab(s, v) {
			return ReasonCaption
		}
		return "" // prose, whatever its words
	}
	return shortBoilerplate(s, lower, ws, v)
}

// shortBoilerplate is boilerplate for lines of at most 40 words; lower
// is s in lower case, and v the kinds of phrase it holds.
func shortBoilerplate(s, lower string, ws []string, v vocab) string {
	nw := len(ws)
	switch {
	case nw <= 15 && v&vocabCopyProtection != 0 && copyProtectionRE.MatchString(lower):
		return ReasonCopyProtection
	case nw <= 10 && v&vocabTracking != 0 && trackingRE.MatchString(lower),
		nw <= 4 && hasDigitRun(lower, 6) && idLeakRE.MatchString(lower):
		return ReasonTracking
	case nw <= 8 && readTimeRE.MatchString(lower) && (readTimeWordRE.MatchString(lower) || nw <= 2):
		return ReasonReadTime
	case nw <= 6 && relatedRE.MatchString(lower):
		return ReasonRelated
	case nw <= 25 && (maybeCommentForm(strings.Trim(lower, "[]() ")) && commentFormRE.MatchString(strings.Trim(lower, "[]() ")) || v&vocabCommentForm != 0),
		nw <= 4 && !endsSentence(s) && v&vocabComment != 0 && commentWordRE.MatchString(lower):
		return ReasonCommentForm
	case nw <= 8 && agoRE.MatchString(lower), nw <= 4 && strings.IndexByte(lower, ':') >= 0 && clockRE.MatchString(lower):
		return ReasonDate
	case nw <= 8 && adRE.MatchString(lower):
		return ReasonAdvertisement
	case nw <= 30 && teaserRE.MatchString(lower) && !endsSentence(s), nw <= 30 && strings.HasSuffix(s, "]") && teaserTagRE.MatchString(s):
		return ReasonTeaser
	case nw <= 30 && promptStartRE.MatchString(lower) && len(ws) > 1 && promptVocabulary(ws[1:], v) > 0 && (!endsSentence(s) || nw <= 12):
		return ReasonPrompt
	case nw <= 15 && isPromptLine(s, ws, v):
		return ReasonPrompt
	case nw <= 40 && (v&vocabLegal != 0 || v&vocabC != 0 && legalRE.MatchString(lower)) && (v&(vocabCopyrightSign|vocabRightsReserved|vocabCookie) != 0 || !endsSentence(s) || nw <= 12):
		return ReasonLegal
	case nw <= 30 && !endsSentence(s) && maybeBreadcrumb(s) && breadcrumbRE.MatchString(s):
		return ReasonNavigation
	case isCaptionVocab(s, v):
		return ReasonCaption
	}
	if nw <= 40 && v&vocabCredit != 0 && creditRE.MatchString(lower) {
		return ReasonByline
	}
	if nw > 14 {
		return ""
	}
	m, found := findDate(s)
	if nw <= 12 {
		if _, ok := dateLine(s, m, found); ok {
			return ReasonDate
		}
	}
	if _, _, ok := byline(s, m, found); ok {
		return ReasonByline
	}
	return ""
}

// isPromptLine reports whether a line of at most 15 words is a prompt
// by its vocabulary or its e-mail address.
func isPromptLine(s string, ws []string, v vocab) bool {
	nw := len(ws)
	if nw <= 12 && strings.IndexByte(s, '@') >= 0 && emailRE.MatchString(s) {
		return true
	}
	n := promptVocabulary(ws, v)
	return n >= 2 || nw <= 6 && n > 0 && !endsSentence(s)
}

// wordSet returns the distinct words of ws, sorted.
func wordSet(ws []string) []string {
	set := slices.Clone(ws)
	slices.Sort(set)
	return slices.Compact(set)
}

// A signedSet is a line's words with a signature: bit wordBit(w) of
// sig is set for each word. Signatures tell most unrelated lines apart
// without sorting or comparing their words.
type signedSet struct {
	ws    []string // the words, as the line has them
	bits  []uint8  // wordBit of each of ws
	sig   [2]uint64
	words []string // wordSet(ws), once needed
}

func newSignedSet(ws []string) *signedSet {
	s := &signedSet{ws: ws, bits: make([]uint8, len(ws))}
	for k, w := range ws {
		s.bits[k] = wordBit(w)
		s.sig[s.bits[k]>>6] |= 1 << (s.bits[k] & 63)
	}
	return s
}

// has reports whether bit is set in s's signature.
func (s *signedSet) has(bit uint8) bool {
	return s.sig[bit>>6]&(1<<(bit&63)) != 0
}

// set returns the distinct words, sorted.
func (s *signedSet) set() []string {
	if s.words == nil {
		s.words = wordSet(s.ws)
	}
	return s.words
}

// wordBit hashes w (FNV-1a) to a bit of a signature.
func wordBit(w string) uint8 {
	h := uint32(2166136261)
	for i := 0; i < len(w); i++ {
		h = (h ^ uint32(w[i])) * 16777619
	}
	return uint8(h & 127)
}

// similarAtLeast reports whether setSimilarity(a.set(), b.set()) >=
// limit. It first bounds the similarity from above: the words the sets
// share are no more than the words of either line whose bits the
// other's signature holds, and each set has at least as many words as
// its signature has bits. Only when the bound reaches the limit are the
// sets built and compared.
func similarAtLeast(a, b *signedSet, limit float64) bool {
	if len(a.ws) > 0 && len(b.ws) > 0 {
		ma, mb := 0, 0
		for _, bit := range a.bits {
			if b.has(bit) {
				ma++
			}
		}
		for _, bit := range b.bits {
			if a.has(bit) {
				mb++
			}
		}
		least := min(bits.OnesCount64(a.sig[0])+bits.OnesCount64(a.sig[1]), bits.OnesCount64(b.sig[0])+bits.OnesCount64(b.sig[1]))
		if float64(min(ma, mb))/float64(least) < limit {
			return false
		}
	}
	return setSimilarity(a.set(), b.set()) >= limit
}

// mayBeSimilar reports whether similarityToSet(ws, s.set()) may be
// limit or more: false means it is less. It bounds the similarity from
// above as similarAtLeast does: the distinct words ws shares with the
// set are no more than the words of ws whose bits s's signature holds,
// and ws has at least as many distinct words as their bits.
func (s *signedSet) mayBeSimilar(ws []string, limit float64) bool {
	var sig [2]uint64
	shared := 0
	for _, w := range ws {
		bit := wordBit(w)
		sig[bit>>6] |= 1 << (bit & 63)
		if s.has(bit) {
			shared++
		}
	}
	least := min(bits.OnesCount64(sig[0])+bits.OnesCount64(sig[1]), len(s.set()))
	if least == 0 {
		return 0 >= limit // the similarity of an empty list or set
	}
	return float64(shared)/float64(least) >= limit
}

// similarityToSet is setSimilarity(wordSet(ws), set), without building
// the set of a short word list.
func similarityToSet(ws, set []string) float64 {
	if len(ws) > 16 {
		return setSimilarity(wordSet(ws), set)
	}
	if len(ws) == 0 || len(set) == 0 {
		return 0
	}
	distinct, common := 0, 0
	for i, w := range ws {
		if slices.Contains(ws[:i], w) {
			continue
		}
		distinct++
		if _, ok := slices.BinarySearch(set, w); ok {
			common++
		}
	}
	return float64(common) / float64(min(distinct, len(set)))
}

// setSimilarity is similarity for word sets from wordSet.
func setSimilarity(a, b []string) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	common := 0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			common++
			i++
			j++
		}
	}
	return float64(common) / float64(min(len(a), len(b)))
}

// bioRE matches the wording of an author biography, in lower case.
var bioRE = lazyRegexp(`\b(?:is an? |has been |was an? |, an? |joined |worked |works |writes |covers |covering |graduated|graduate|degree|enthusiast|based in|reporter|writer|journalist|correspondent|editor|columnist|contributor|blogger|author of|get in touch|contact (?:me|him|her))`)

// promptVocabulary counts the distinct prompt words and phrases in a
// line, given its words and the kinds of phrase it holds (scanVocab).
func promptVocabulary(ws []string, v vocab) int {
	// The words, stems and phrases are distinct strings: count each
	// kind on its own.
	var found []string
	var stems uint
	for _, w := range ws {
		if promptWords.has(w) {
			if !slices.Contains(found, w) {
				found = append(found, w)
			}
			continue
		}
		if !promptStemStarts[w[0]] {
			continue
		}
		for k, st := range promptStems {
			if strings.HasPrefix(w, st) {
				stems |= 1 << k
			}
		}
	}
	return len(found) + bits.OnesCount(stems) + bits.OnesCount32(uint32(v&vocabPrompts))
}

// hasDigitRun reports whether s holds n or more ASCII digits in a row.
func hasDigitRun(s string, n int) bool {
	run := 0
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			if run++; run >= n {
				return true
			}
		} else {
			run = 0
		}
	}
	return false
}
