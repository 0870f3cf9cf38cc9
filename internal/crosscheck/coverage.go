package crosscheck

import (
	"iter"
	"math"
	"slices"
	"strings"
	"sync"
)

// Threshold and MinShared decide when a sentence is a near miss.
const (
	Threshold = 0.45
	MinShared = 3
)

// A Guard finds near misses in the sentences of a set of sources. Terms
// are weighted by their kind (numbers 3, names 2, words 1) times their
// rarity across every sentence of every source (inverse document
// frequency), so that the names every article repeats ("China",
// "Russia") count less than the ones that single out a claim.
//
// A Guard indexes the sentences that may be near misses by their terms
// (an inverted index), so that [Guard.NearMisses] looks only at the
// sentences that hold the rare, heavy terms of a claim, never at every
// sentence of every source.
type Guard struct {
	n int // sentences in all

	ids      *interner[string] // term → id + 1: the vocabulary's (see Vocab)
	df       []int32           // id → how many sentences hold it
	postings [][]int32         // id → the sentences kept that hold it, ascending
	sents    []sentence        // the sentences kept, by source, paragraph, position
	terms    []int32           // the term ids of every sentence kept, each sorted
}

// A sentence is one indexed sentence: its text and where its term ids
// are in Guard.terms (in Kept.ids, for the sentences of Kept).
type sentence struct {
	text     string
	src      int32
	para     int32
	from, to int32 // Guard.terms[from:to]
}

// A Vocab is the terms of the texts a Guard is asked about, the claims
// and their quotes, numbered: the only terms NearMisses weighs. Only a
// sentence holding MinShared of them can be a near miss of those texts,
// so a guard keeps of each source only such sentences, and of their
// terms only the vocabulary's (see [Vocab.Keep]): in a generated
// dossier, a tenth of the sentences and a sixth of their terms.
type Vocab struct {
	keys *interner[[]byte] // term → id + 1, in order of first appearance in the texts
	ids  *interner[string] // the same, looked up by strings
}

// NewVocab returns the vocabulary of texts, each split into terms as
// NearMisses splits the texts it is given.
func NewVocab(texts iter.Seq[string]) *Vocab {
	ids := newInterner[[]byte]()
	var key []byte
	for t := range texts {
		key = eachTermKey(t, key, func(k []byte, _ float64) { ids.id(k) })
	}
	// Looked up as bytes and as strings, which hash alike.
	return &Vocab{keys: ids, ids: &interner[string]{seed: ids.seed, slots: ids.slots, text: ids.text, ends: ids.ends}}
}

// Kept is what a guard over a vocabulary keeps of the sentences of one
// source: see [Vocab.Keep].
type Kept struct {
	sents []sentence // the sentences holding MinShared terms of the vocabulary; src 0, from and to into ids
	ids   []int32    // by sentence, its terms of the vocabulary, by id - 1, sorted
	other []int32    // the terms of the vocabulary that each other sentence holds, for their frequencies
	n     int        // the source's sentences, kept or not
}

// Keep splits the paragraphs of a source into sentences, finds the
// terms of v each holds, and returns what a guard over v needs of them:
// the sentences that hold at least MinShared terms of v, each with those
// terms and its text, copied, so that the paragraphs can go, and what
// the other sentences give the terms' frequencies. Keep may run for
// several sources at once.
func (v *Vocab) Keep(paras []string) *Kept {
	sc := keepScratches.Get().(*keepScratch)
	defer keepScratches.Put(sc)
	k := &Kept{}
	sc.sents, sc.ids, sc.other, sc.text = sc.sents[:0], sc.ids[:0], sc.other[:0], sc.text[:0]
	if len(sc.last) < v.ids.len() {
		sc.last, sc.mark = make([]uint32, v.ids.len()), 0
	}
	for pi, p := range paras {
		sc.spans = appendSentences(sc.spans[:0], p)
		for _, sp := range sc.spans {
			text := p[sp.Start:sp.End]
			k.n++
			if sc.mark++; sc.mark == 0 { // wrapped: the marks start again
				clear(sc.last)
				sc.mark = 1
			}
			from := len(sc.ids)
			sc.key = eachTermKey(text, sc.key, func(key []byte, _ float64) {
				if id := int32(v.keys.lookup(key)) - 1; id >= 0 && sc.last[id] != sc.mark { // not a repeat in the sentence
					sc.last[id] = sc.mark
					sc.ids = append(sc.ids, id)
				}
			})
			if len(sc.ids)-from < MinShared {
				sc.other = append(sc.other, sc.ids[from:]...)
				sc.ids = sc.ids[:from]
				continue
			}
			slices.Sort(sc.ids[from:])
			sc.sents = append(sc.sents, sentence{text: text, para: int32(pi), from: int32(from), to: int32(len(sc.ids))})
			sc.text = append(sc.text, text...)
		}
	}
	// The texts kept, cut from one string of their own.
	text := string(sc.text)
	for i := range sc.sents {
		s := &sc.sents[i]
		s.text, text = text[:len(s.text)], text[len(s.text):]
	}
	k.sents, k.ids, k.other = slices.Clone(sc.sents), slices.Clone(sc.ids), slices.Clone(sc.other)
	clear(sc.sents) // no text of the source left in the scratch
	return k
}

// keepScratch is the memory Keep reuses from one source to the next.
type keepScratch struct {
	spans []Span
	key   []byte
	last  []uint32 // by term id: the mark of the last sentence holding it
	mark  uint32   // the sentence at hand's, one more than the last's
	sents []sentence
	ids   []int32
	other []int32
	text  []byte
}

var keepScratches = sync.Pool{New: func() any { return new(keepScratch) }}

// NewGuardOf prepares a Guard over the vocabulary v and all sources,
// given by what v kept of each, in source order. It takes them over: it
// empties each as it indexes it. The near misses of the texts v was made
// from are those a guard of every sentence and every term finds.
func NewGuardOf(v *Vocab, kept []*Kept) *Guard {
	nsents, nterms := 0, 0
	for _, k := range kept {
		nsents += len(k.sents)
		nterms += len(k.ids)
	}
	g := &Guard{
		ids:   v.ids,
		df:    make([]int32, v.ids.len()),
		sents: make([]sentence, 0, nsents),
		terms: make([]int32, 0, nterms),
	}
	count := make([]int32, v.ids.len()) // by id: how many kept sentences hold it
	for si, k := range kept {
		g.n += k.n
		for _, id := range k.other {
			g.df[id]++
		}
		for _, s := range k.sents {
			from := len(g.terms)
			g.terms = append(g.terms, k.ids[s.from:s.to]...)
			for _, id := range k.ids[s.from:s.to] {
				count[id]++
			}
			s.src, s.from, s.to = int32(si), int32(from), int32(len(g.terms))
			g.sents = append(g.sents, s)
		}
		*k = Kept{}
	}
	// The postings, in one block, each of its length.
	block := make([]int32, len(g.terms))
	g.postings = make([][]int32, len(count))
	for id, c := range count {
		g.df[id] += c
		g.postings[id], block = block[:0:c], block[c:]
	}
	for i, s := range g.sents {
		for _, id := range g.terms[s.from:s.to] {
			g.postings[id] = append(g.postings[id], int32(i))
		}
	}
	return g
}

// weightOf is the weight of a term of the kind held by df sentences.
func (g *Guard) weightOf(kind float64, df int) float64 {
	if g.n == 0 {
		return kind
	}
	return kind * math.Log(1+float64(g.n)/float64(df+1))
}

// strongOf is strong for a term held by df sentences.
func (g *Guard) strongOf(key string, kind float64, df int) bool {
	figure := strings.HasPrefix(key, "#") && !isYear(key)
	rareName := kind == 2 && float64(df) <= 0.2*float64(g.n)
	return figure || rareName
}

// A Near is a sentence of a source that looks like a claim.
type Near struct {
	Source   int     // index of the source, for NearMisses
	Para     int     // index of the paragraph
	Sentence string  // the sentence
	Score    float64 // in [0, 1]
	Shared   []string
}

// A sigTerm is one term of a claim's signature, with its weight.
type sigTerm struct {
	id     int32 // -1 when no sentence holds the term
	key    string
	kind   float64 // 3 for a number, 2 for a name, 1 for a word
	w      float64
	strong bool
}

// NearMisses returns the near misses of a claim, described by its texts
// (the claim and its quotes), in the indexed sources for which skip
// returns false (skip may be nil): for each such source that holds one,
// its best-scoring sentence, in source order. The texts are among those
// the guard's vocabulary was made from: a term of a text outside it
// counts as one no sentence holds.
//
// Only sentences that can reach Threshold are scored: one that holds
// only the common terms of a text, whose weights add up to less than
// Threshold of its total, cannot, nor can one that holds no figure or
// rare name of it (see [Guard.candidates]). Left out, the common terms
// take with them the postings that grow with the dossier, so that the
// time per claim does not. The near misses are those scoring every
// sentence would find: which sentence of a source is best does not
// depend on which others are scored. NearMisses is safe for concurrent
// use.
func (g *Guard) NearMisses(texts []string, skip func(source int) bool) []Near {
	type best struct {
		sent  int32
		sig   int
		score float64
		names []string
	}
	bests := map[int32]best{}
	var order []int32
	sc := nearScratches.Get().(*nearScratch)
	defer nearScratches.Put(sc)
	cands, sh := sc.cands[:0], &sc.sharing
	defer func() { sc.cands = cands }()
	var names []string // the shared terms of every best, one after the other
	for si, t := range texts {
		sig := g.signature(t, &sc.sigScratch)
		if len(sig) == 0 {
			continue
		}
		var total float64
		for _, st := range sig {
			total += st.w
		}
		// Which sentence of its source is best does not depend on the
		// order the candidates come in, so they are sorted to drop repeats.
		cands = g.candidates(sig, total, cands[:0])
		slices.Sort(cands)
		cands = slices.Compact(cands)
		sh.prepare(sig)
		for _, c := range cands {
			s := &g.sents[c]
			if skip != nil && skip(int(s.src)) {
				continue
			}
			shared, n, strong := sh.share(sig, g.terms[s.from:s.to])
			score := shared / total
			if !(n >= MinShared && strong && score >= Threshold) {
				continue
			}
			b, ok := bests[s.src]
			if !ok {
				order = append(order, s.src)
			} else if score < b.score || score == b.score && (c > b.sent || c == b.sent && si > b.sig) {
				continue
			}
			start := len(names)
			names = sh.appendNames(names, sig)
			these := names[start:len(names):len(names)]
			slices.Sort(these)
			bests[s.src] = best{sent: c, sig: si, score: score, names: these}
		}
	}
	slices.Sort(order)
	out := make([]Near, 0, len(order))
	for _, src := range order {
		b := bests[src]
		s := g.sents[b.sent]
		out = append(out, Near{Source: int(src), Para: int(s.para), Sentence: s.text, Score: b.score, Shared: b.names})
	}
	return out
}

// A nearScratch is the memory NearMisses reuses from one text to the
// next, and through nearScratches from one call to the next.
type nearScratch struct {
	sigScratch
	sharing
	cands []int32
}

var nearScratches = sync.Pool{New: func() any { return new(nearScratch) }}

// A sigScratch is the memory signature reuses from one text to the
// next.
type sigScratch struct {
	key   []byte  // eachTermKey's
	buf   []byte  // the keys of a text's terms, one after the other
	found []found // the terms of the text, repeats included, their keys in buf then in text's own string
	sig   []sigTerm
}

// A found is a term of a text as signature finds it: its key, first as
// where it ends in sigScratch.buf, then as a string, and its kind.
type found struct {
	key  string
	end  int
	kind float64
}

// signature returns the terms of text with their weights, sorted by key
// so that sums come out the same on every run, in the memory of sc,
// valid until its next use; their keys are cut from a string of their
// own, which outlives it (the shared terms of a near miss are).
func (g *Guard) signature(text string, sc *sigScratch) []sigTerm {
	// The terms of text, as terms finds them, without a map: each key
	// appended to buf, then sorted, a repeat keeping the greatest weight.
	sc.buf, sc.found, sc.sig = sc.buf[:0], sc.found[:0], sc.sig[:0]
	sc.key = eachTermKey(text, sc.key, func(key []byte, kind float64) {
		sc.buf = append(sc.buf, key...)
		sc.found = append(sc.found, found{end: len(sc.buf), kind: kind})
	})
	keys := string(sc.buf) // the result's own: its shared terms outlive sc
	start := 0
	for i := range sc.found {
		f := &sc.found[i]
		f.key, start = keys[start:f.end], f.end
	}
	slices.SortFunc(sc.found, func(a, b found) int { return strings.Compare(a.key, b.key) })
	for i, f := range sc.found {
		if i > 0 && f.key == sc.found[i-1].key {
			last := &sc.sig[len(sc.sig)-1]
			last.kind = max(last.kind, f.kind)
			continue
		}
		sc.sig = append(sc.sig, sigTerm{key: f.key, kind: f.kind})
	}
	for i := range sc.sig {
		st := &sc.sig[i]
		id := int32(g.ids.lookup(st.key)) - 1
		df := 0
		if id >= 0 {
			df = int(g.df[id])
		}
		if df == 0 {
			id = -1 // no sentence holds the term
		}
		st.id, st.w, st.strong = id, g.weightOf(st.kind, df), g.strongOf(st.key, st.kind, df)
	}
	return sc.sig
}

// candidates appends to out the sentences that may be near misses of
// sig, whose weights add up to total, repeats included: every near miss
// is among them, and a sentence that holds no term of sig is not.
//
// A near miss shares with sig at least one strong term, and terms whose
// weights add up to at least Threshold of total. So it holds a strong
// term; and given any set of terms whose weights add up to less than
// that (the common terms), it holds a term outside the set, since the
// common terms alone fall short. The postings of the strong terms, and
// those of the terms that are not common, both hold every near miss
// (the postings hold only the sentences kept, which every near miss is);
// candidates walks whichever are shorter.
//
// The common terms are taken greedily from the term that most sentences
// hold on (the lightest of its kind: a weight falls as that number
// grows), passing over any term that would take their sum to the bound.
// What is left to walk is then the few rare terms of a claim, its own
// names and figures, whose postings do not grow with the dossier; the
// figures and names that many sources give ("38.4%", "China") have
// postings that do, and are common as long as the weight allows. Which
// terms are common changes only which sentences are scored, never which
// are near misses, so the greedy choice need not be the best one.
//
// Rounding cannot make a sentence that holds only common terms a near
// miss. Their sum, as added up here, stays below the bound, Threshold *
// total less a relative 1e-9; the exact sum of any of them, the sum
// [sharing.share] adds up in another order, and the score it divides by
// total each differ from the one before by a relative error below
// (n+2)·2⁻⁵³ for n terms, so that the score stays below Threshold for
// any text of less than a million terms. Terms no sentence holds (id -1)
// are in neither set: no sentence shares them.
func (g *Guard) candidates(sig []sigTerm, total float64, out []int32) []int32 {
	// The terms some sentence holds, by how many do, most first, then by
	// index in sig: each the complement of its number, then its index,
	// so that they sort as numbers.
	var byDF [32]uint64
	order := byDF[:0]
	strongLen := 0
	for i, st := range sig {
		if st.id < 0 {
			continue
		}
		order = append(order, uint64(math.MaxUint32-int(g.df[st.id]))<<32|uint64(i))
		if st.strong {
			strongLen += len(g.postings[st.id])
		}
	}
	slices.Sort(order)
	bound := Threshold * total * (1 - 1e-9)
	var common float64 // the weight of the common terms
	rareLen := 0
	rare := order[:0] // the terms that are not common, in place
	for _, o := range order {
		i := int(uint32(o))
		if w := sig[i].w; common+w < bound {
			common += w
			continue
		}
		rare = append(rare, o)
		rareLen += len(g.postings[sig[i].id])
	}
	if strongLen < rareLen {
		for _, st := range sig {
			if st.strong && st.id >= 0 {
				out = append(out, g.postings[st.id]...)
			}
		}
		return out
	}
	for _, o := range rare {
		out = append(out, g.postings[sig[uint32(o)].id]...)
	}
	return out
}

// A sharing finds the terms a signature shares with sentences, reusing
// its buffers from one sentence to the next.
type sharing struct {
	byID   []uint64 // the signature's terms that some sentence holds, by id: each its id, then its index in the signature
	shared []bool   // by signature index: the sentence at hand holds it
}

// prepare readies sh for the signature sig.
func (sh *sharing) prepare(sig []sigTerm) {
	sh.byID = slices.Grow(sh.byID[:0], len(sig))
	for i, st := range sig {
		if st.id >= 0 {
			sh.byID = append(sh.byID, uint64(st.id)<<32|uint64(i))
		}
	}
	slices.Sort(sh.byID)
	sh.shared = slices.Grow(sh.shared[:0], len(sig))[:len(sig)]
}

// share returns the weight sig shares with a sentence's sorted term ids,
// the number of shared terms, and whether one of them is strong. The
// weights add up in the signature's order, as they always have, so that
// scores come out the same to the last bit.
func (sh *sharing) share(sig []sigTerm, ids []int32) (float64, int, bool) {
	clear(sh.shared)
	n := 0
	for a, b := 0, 0; a < len(sh.byID) && b < len(ids); {
		switch id := int32(sh.byID[a] >> 32); {
		case id < ids[b]:
			a++
		case id > ids[b]:
			b++
		default:
			sh.shared[uint32(sh.byID[a])] = true
			n++
			a++
			b++
		}
	}
	var shared float64
	strong := false
	for i, st := range sig {
		if sh.shared[i] {
			shared += st.w
			strong = strong || st.strong
		}
	}
	return shared, n, strong
}

// appendNames appends to names the shared terms that share last found,
// without the # of numbers, in the signature's order.
func (sh *sharing) appendNames(names []string, sig []sigTerm) []string {
	for i, st := range sig {
		if sh.shared[i] {
			names = append(names, strings.TrimPrefix(st.key, "#"))
		}
	}
	return names
}

func isYear(key string) bool {
	return len(key) == 5 && key[0] == '#' && (strings.HasPrefix(key, "#19") || strings.HasPrefix(key, "#20"))
}
