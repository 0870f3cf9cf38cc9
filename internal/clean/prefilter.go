package clean

import (
	"maps"
	"math/bits"
	"slices"
	"strings"
)

// Cheap tests run before the vocabulary's regular expressions: most
// lines match none of them, and a byte test or a substring search
// rejects them much faster than the regexp engine can.

// foldsToASCII reports whether s holds one of the non-ASCII runes that
// case-insensitive matching folds to an ASCII letter (ſ for s, the
// Kelvin sign for k), which a lower-case substring test misses.
func foldsToASCII(s string) bool {
	return !isASCII(s) && (strings.ContainsRune(s, 'ſ') || strings.ContainsRune(s, '\u212A'))
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

// mayHoldDomain reports whether s may match domainRE: whether a dot in
// it is followed by one of domainTLDs, in any case, and the end of a
// word, as every match ends. (A long s or Kelvin sign, which match s
// and k, let every s with a dot through.)
func mayHoldDomain(s string) bool {
	i := strings.IndexByte(s, '.')
	if i < 0 {
		return false
	}
	if foldsToASCII(s) {
		return true
	}
	for {
		for _, tld := range domainTLDs {
			if hasPrefixFoldAt(s, i+1, tld) && wordEnd(s, i+1+len(tld)) {
				return true
			}
		}
		j := strings.IndexByte(s[i+1:], '.')
		if j < 0 {
			return false
		}
		i += 1 + j
	}
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
	return quadHashOf(uint32(a) | uint32(b)<<8 | uint32(c)<<16 | uint32(d)<<24)
}

// quadHashOf is quadHash of the four bytes of v, the first lowest.
func quadHashOf(v uint32) uint32 {
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

// A phraseScanner finds which of its phrases a string contains, in one
// pass over it with a window of its last four bytes. Phrases of four
// bytes or more are found through a filter of the hashes of their first
// four bytes: most of a line's windows start none of them, and are
// passed over after one hash. The few shorter phrases are looked for
// where a byte ends one of them.
type phraseScanner struct {
	short    []scanPhrase      // phrases under four bytes
	shortEnd [256]bool         // the last bytes of the short phrases
	filter   [1 << 10]uint64   // hashes of the longer phrases' first four bytes
	long     [256][]scanPhrase // the longer phrases by the low byte of that hash
}

// A scanPhrase is a phrase and the kinds it belongs to; a short one
// also has its bytes packed as the scanner's window holds them.
type scanPhrase struct {
	text   string
	kinds  vocab
	packed uint32
}

func newPhraseScanner(kinds map[vocab][]string) *phraseScanner {
	of := make(map[string]vocab)
	for k, phrases := range kinds {
		for _, ph := range phrases {
			of[ph] |= k
		}
	}
	p := new(phraseScanner)
	for _, ph := range slices.Sorted(maps.Keys(of)) {
		sp := scanPhrase{text: ph, kinds: of[ph]}
		if len(ph) < 4 {
			for k := range len(ph) {
				sp.packed |= uint32(ph[k]) << (8 * k)
			}
			p.short = append(p.short, sp)
			p.shortEnd[ph[len(ph)-1]] = true
			continue
		}
		h := quadHash(ph[0], ph[1], ph[2], ph[3])
		p.filter[h>>6] |= 1 << (h & 63)
		p.long[h&0xFF] = append(p.long[h&0xFF], sp)
	}
	return p
}

// scan returns the kinds of the phrases s contains.
func (p *phraseScanner) scan(s string) vocab {
	var v vocab
	// w holds s[i-3:i+1] as quadHash reads it, a byte to each octet,
	// the first lowest: zeros before s, which no phrase holds.
	var w uint32
	for i := 0; i < len(s); i++ {
		w = w>>8 | uint32(s[i])<<24
		if p.shortEnd[s[i]] {
			for _, ph := range p.short {
				if w>>(32-8*len(ph.text)) == ph.packed {
					v |= ph.kinds
				}
			}
		}
		if h := quadHashOf(w); i >= 3 && p.filter[h>>6]&(1<<(h&63)) != 0 {
			for _, ph := range p.long[h&0xFF] {
				if strings.HasPrefix(s[i-3:], ph.text) {
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
