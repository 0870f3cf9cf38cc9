// Package suggest drafts claims for a dossier: it finds the statements that
// several sources share and proposes each as a claim with a verbatim quote
// from every source that carries it, for an editor to review.
//
// Suggest is a pure function of the sources' cleaned paragraphs; YAML
// prints its result as a claims.yaml draft.
//
// # Units
//
// Each paragraph is split into sentences (crosscheck.Sentences) and each
// sentence into clauses where news prose joins two statements: after
// "; ", around a spaced dash, at " and that", " and “" and " and helping",
// and at ", " before a conjunction or relative word ("but", "while",
// "which", "with" …; "and" only before five words or more, so that a list
// stays whole) or a present participle ("helping", "adding"). A clause of
// fewer than six words stays with its neighbour. Each clause is then
// trimmed to its statement: a generic attribution at either end goes
// ("U.S. officials also said that", "According to one official,", ", the
// official said", "– he said", ", CNN reported, citing …"), as do a leading
// "and"/"but"/"that"/"adding that", a dangling "and, in particular", and
// the punctuation and quotation marks around what is left. A named speaker
// stays ("The Chinese Embassy in the United States says …"). What is left
// is a byte range of the paragraph, so the quote made from it is always an
// exact substring of the cleaned text. An attribution that was trimmed
// off and has three words or more ("U.S. officials said on Friday") is a
// unit of its own: who said it and when is a claim too.
//
// # Terms
//
// A unit is represented by the set of its terms:
//
//   - content words: lower-cased, stop words dropped, hyphens folded
//     ("micro-electronics" is "microelectronics"; "game-changing" also
//     gives "game" and "changing"), lightly stemmed (plural, -ed, -ing,
//     -ly; at most six letters), and folded through small groups of
//     synonyms common in agency copy and its translations ("biggest",
//     "largest"; "buildup", "expansion", "rebuild", "reconstitute"; "steps",
//     "moves"; "persuade", "convince"; "era", "times"; "declassified",
//     "downgraded");
//   - names: capitalised words in mid-sentence, words written so elsewhere
//     in the input, and acronyms, with aliases for countries ("PRC",
//     "Beijing", "Chinese" are "china"; "U.S.", "US", "United States",
//     "American" are "us") and a plural folded;
//   - figures: "90 per cent", "90 percent" and "90%" are "90%"; "$900
//     million" is "$900m"; "three times" is "3x"; "2,000" is "2000"; a day
//     after a month name ("April 12") is a date, not a figure.
//
// A term weighs its inverse document frequency over all units of all
// sources, ln(1 + N/df), times 1 for a word, 1.4 for a name and 2.2 for a
// figure: what every source says everywhere ("China", "Russia") counts
// for little, a shared figure or rare name for much.
//
// # Alignment
//
// Two units of different sources are compared by the geometric mean of
// the cosine of their weighted term sets and of the share of the shorter
// one's weight that they share, so that a statement made inside a longer
// sentence (a list of facts) still scores well. Two units are linked when
// they score at least [Threshold], share two terms or more, and share at
// least one specific term (found in at most a tenth of all units): "China",
// "Russia" and "officials" alone link nothing.
//
// Groups form around each unit in turn: the unit and, from every other
// source, its best link; while two members score below [JoinThreshold]
// with each other, the member least like the pivot goes. Groups are then
// taken best first (most sources, then mean similarity); one is dropped
// when it shares two units with a group already taken, or when one of its
// units already serves in two groups. A unit may so serve in two
// candidates, as a sentence that lists several facts does, and a group
// holds at most one unit per source.
//
// # Candidates
//
// Each group of two or more sources is a candidate claim; its score is the
// mean similarity of its members. Units in no group become single-source
// candidates when they carry a figure other than a year or a rare name
// (one found in at most two units) and six words or more; their score is
// the share of their weight such terms carry. Candidates come carried by
// most sources first, then by score, then by id. A candidate's claim is a
// draft for the editor to rewrite: its shortest quote that starts with a
// capital or a figure and has six words or more (else its shortest), with
// a capital and a full stop. Its id is made from the terms its quotes
// share: the two heaviest words or names, in the order the claim's quote
// has them, then its most telling figure ("microelectronics-imports-90pct";
// three words when there is no figure), made unique with "-2", "-3" ….
//
// # Limits
//
// The method sees words, not meaning: a negation ("has not supplied"
// against "has stopped supplying") or a different figure for the same
// thing still aligns, and two statements about the same people can align
// though they report different events. Every candidate is a draft for an
// editor to check.
package suggest

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A Source is one article: its slug and its cleaned paragraphs.
type Source struct {
	Slug  string
	Paras []string
}

// A Quote is a verbatim passage of one source: Text is an exact substring
// of that source's paragraph Para (an index into Source.Paras).
type Quote struct {
	Slug, Text string
	Para       int
}

// A Candidate is a suggested claim. Claim is a draft sentence to edit;
// Topic is "draft"; Quotes has at most one quote per source, in the order
// of the sources given to Suggest; Score (0–1) says how alike the quotes
// are, or for a single quote how much of it is figures and rare names.
type Candidate struct {
	ID, Claim, Topic string
	Quotes           []Quote
	Score            float64
}

// Threshold is the least similarity of two units that links them;
// JoinThreshold is the least similarity between any two members of a
// group.
const (
	Threshold     = 0.22
	JoinThreshold = 0.15
)

// maxUses is the most candidates one unit may serve in: a sentence that
// lists several facts can carry more than one claim.
const maxUses = 2

// minTerms is the fewest terms a unit needs to be compared at all.
const minTerms = 3

// A unit is one clause of one source, trimmed to its statement.
type unit struct {
	src, para int
	q         span // the quote: a byte range of the paragraph
	text      string
	terms     []term
	keys      []string // distinct term keys, sorted
	norm      float64
	group     int // index into groups, or -1
}

// A model holds the units of all sources and the weights of their terms.
type model struct {
	sources []Source
	units   []*unit
	weight  map[string]float64
	kinds   map[string]kind
	df      map[string]int
}

func newModel(sources []Source) *model {
	m := &model{sources: sources, weight: map[string]float64{}, kinds: map[string]kind{}, df: map[string]int{}}
	var all []string
	for _, s := range sources {
		all = append(all, s.Paras...)
	}
	lx := newLexicon(all...)
	for si, s := range sources {
		for pi, p := range s.Paras {
			if !utf8.ValidString(p) {
				continue
			}
			for _, c := range clauses(p) {
				q := trim(p, c)
				if q.end <= q.start {
					continue
				}
				m.add(lx, si, pi, q)
				// What trim dropped may say who said it ("U.S.
				// officials said on Friday"): a unit of its own.
				for _, r := range []span{{c.start, q.start}, {q.end, c.end}} {
					if r = strip(p, r); countWords(p[r.start:r.end]) >= 3 {
						m.add(lx, si, pi, r)
					}
				}
			}
		}
	}
	n := float64(len(m.units))
	for k, d := range m.df {
		m.weight[k] = math.Log(1+n/float64(d)) * boost[m.kinds[k]]
	}
	for _, u := range m.units {
		var s float64
		for _, k := range u.keys {
			s += m.weight[k] * m.weight[k]
		}
		u.norm = math.Sqrt(s)
	}
	return m
}

// specific reports whether two units share a term that is not common,
// one found in at most a tenth of all units (at least 3): sharing
// only "China", "Russia" and "officials" says nothing.
func (m *model) specific(a, b *unit) bool {
	limit := max(3, len(m.units)/10)
	for _, k := range a.keys {
		if m.df[k] <= limit {
			if _, ok := slices.BinarySearch(b.keys, k); ok {
				return true
			}
		}
	}
	return false
}

// add makes the range q of paragraph pi of source si a unit, if it has
// terms enough.
func (m *model) add(lx lexicon, si, pi int, q span) {
	p := m.sources[si].Paras[pi]
	u := &unit{src: si, para: pi, q: q, text: p[q.start:q.end], group: -1}
	u.terms = lx.terms(u.text)
	seen := map[string]bool{}
	for _, t := range u.terms {
		if !seen[t.key] {
			seen[t.key] = true
			u.keys = append(u.keys, t.key)
		}
	}
	if len(u.keys) < minTerms {
		return
	}
	slices.Sort(u.keys)
	for _, t := range u.terms {
		if k, ok := m.kinds[t.key]; !ok || t.kind > k {
			m.kinds[t.key] = t.kind
		}
	}
	for _, k := range u.keys {
		m.df[k]++
	}
	m.units = append(m.units, u)
}

// sim is the similarity of two units' weighted term sets, and the number
// of terms they share: the geometric mean of their cosine and of the share
// of the shorter one's weight that they share, so that a clause stated
// inside a longer sentence (a list of facts) still scores well.
func (m *model) sim(a, b *unit) (float64, int) {
	var dot float64
	shared := 0
	i, j := 0, 0
	for i < len(a.keys) && j < len(b.keys) {
		switch c := strings.Compare(a.keys[i], b.keys[j]); {
		case c < 0:
			i++
		case c > 0:
			j++
		default:
			w := m.weight[a.keys[i]]
			dot += w * w
			shared++
			i++
			j++
		}
	}
	if a.norm == 0 || b.norm == 0 {
		return 0, shared
	}
	short := min(a.norm, b.norm)
	return dot / math.Sqrt(a.norm*b.norm*short*short), shared
}

// Suggest drafts candidate claims from the sources' cleaned paragraphs.
// The result is deterministic: carried by most sources first, then by
// score, then by id.
func Suggest(sources []Source) []Candidate {
	m := newModel(sources)
	groups := m.align()
	var cands []Candidate
	used := map[string]bool{}
	type draft struct {
		members []*unit
		score   float64
	}
	var drafts []draft
	for _, g := range groups {
		drafts = append(drafts, draft{g, m.groupScore(g)})
	}
	for _, u := range m.units {
		if u.group >= 0 {
			continue
		}
		if s := m.singleScore(u); s > 0 {
			drafts = append(drafts, draft{[]*unit{u}, s})
		}
	}
	// Order before naming, so that "-2" goes to the weaker of two
	// candidates with the same id.
	slices.SortStableFunc(drafts, func(x, y draft) int {
		if c := cmp.Compare(len(y.members), len(x.members)); c != 0 {
			return c
		}
		if c := cmp.Compare(y.score, x.score); c != 0 {
			return c
		}
		return m.firstPos(x.members, y.members)
	})
	for _, d := range drafts {
		slices.SortFunc(d.members, func(a, b *unit) int { return cmp.Compare(a.src, b.src) })
		c := Candidate{Topic: "draft", Score: math.Round(d.score*1000) / 1000}
		for _, u := range d.members {
			c.Quotes = append(c.Quotes, Quote{Slug: sources[u.src].Slug, Text: u.text, Para: u.para})
		}
		base := claimBase(d.members)
		c.Claim = draftClaim(base.text)
		c.ID = unique(m.id(d.members, base), used)
		cands = append(cands, c)
	}
	slices.SortStableFunc(cands, func(x, y Candidate) int {
		if c := cmp.Compare(len(y.Quotes), len(x.Quotes)); c != 0 {
			return c
		}
		if c := cmp.Compare(y.Score, x.Score); c != 0 {
			return c
		}
		return strings.Compare(x.ID, y.ID)
	})
	return cands
}

// firstPos orders two member lists by where their first unit comes in the
// input.
func (m *model) firstPos(x, y []*unit) int {
	pos := func(us []*unit) (int, int, int) {
		a, b, c := math.MaxInt, math.MaxInt, math.MaxInt
		for _, u := range us {
			if u.src < a || u.src == a && (u.para < b || u.para == b && u.q.start < c) {
				a, b, c = u.src, u.para, u.q.start
			}
		}
		return a, b, c
	}
	xa, xb, xc := pos(x)
	ya, yb, yc := pos(y)
	return cmp.Or(cmp.Compare(xa, ya), cmp.Compare(xb, yb), cmp.Compare(xc, yc))
}

// align forms groups around each unit in turn: the unit and, from every
// other source, the unit most like it (a link: similarity at least
// Threshold, two terms shared), less any member unlike another (below
// JoinThreshold). A unit may so belong to several groups, as a sentence
// that lists several facts does. Groups that repeat another, or hold two
// of its units with a lower score, are dropped.
func (m *model) align() [][]*unit {
	n := len(m.units)
	sims := make([][]float64, n)
	for i := range sims {
		sims[i] = make([]float64, n)
	}
	for i, a := range m.units {
		for j := i + 1; j < n; j++ {
			b := m.units[j]
			if a.src == b.src {
				continue
			}
			s, k := m.sim(a, b)
			if k < 2 || !m.specific(a, b) {
				s = 0
			}
			sims[i][j], sims[j][i] = s, s
		}
	}
	type group struct {
		members []int // indexes into m.units, sorted
		score   float64
	}
	var groups []group
	for i := range m.units {
		best := map[int]int{} // source → unit
		for j, v := range m.units {
			if sims[i][j] < Threshold {
				continue
			}
			if b, ok := best[v.src]; !ok || sims[i][j] > sims[i][b] {
				best[v.src] = j
			}
		}
		if len(best) == 0 {
			continue
		}
		members := []int{i}
		for _, j := range best {
			members = append(members, j)
		}
		slices.Sort(members)
		// Drop the member least like the pivot while two members are
		// unlike each other.
		for {
			worst := -1
			for a := range members {
				for b := a + 1; b < len(members); b++ {
					if sims[members[a]][members[b]] >= JoinThreshold {
						continue
					}
					for _, x := range []int{members[a], members[b]} {
						if x != i && (worst < 0 || sims[i][x] < sims[i][worst]) {
							worst = x
						}
					}
				}
			}
			if worst < 0 {
				break
			}
			members = slices.DeleteFunc(members, func(x int) bool { return x == worst })
		}
		if len(members) < 2 {
			continue
		}
		var sum float64
		pairs := 0
		for a := range members {
			for b := a + 1; b < len(members); b++ {
				sum += sims[members[a]][members[b]]
				pairs++
			}
		}
		groups = append(groups, group{members, sum / float64(pairs)})
	}
	// Best first; then keep a group only if it shares at most one unit
	// with every group kept before it.
	slices.SortStableFunc(groups, func(x, y group) int {
		return cmp.Or(cmp.Compare(len(y.members), len(x.members)), cmp.Compare(y.score, x.score), slices.Compare(x.members, y.members))
	})
	var kept [][]int
	var out [][]*unit
	uses := make([]int, n)
	for _, g := range groups {
		dup := false
		for _, x := range g.members {
			if uses[x] >= maxUses {
				dup = true
			}
		}
		for _, k := range kept {
			shared := 0
			for _, x := range g.members {
				if slices.Contains(k, x) {
					shared++
				}
			}
			if shared >= 2 || shared == len(g.members) {
				dup = true
				break
			}
		}
		if dup {
			continue
		}
		kept = append(kept, g.members)
		var us []*unit
		for _, x := range g.members {
			uses[x]++
			m.units[x].group = len(out)
			us = append(us, m.units[x])
		}
		out = append(out, us)
	}
	return out
}

// groupScore is the mean similarity of the members of a group.
func (m *model) groupScore(g []*unit) float64 {
	var s float64
	n := 0
	for i := range g {
		for j := i + 1; j < len(g); j++ {
			v, _ := m.sim(g[i], g[j])
			s += v
			n++
		}
	}
	if n == 0 {
		return 0
	}
	return s / float64(n)
}

// singleScore is, for a unit of six words or more with a figure (not a
// year) or a rare name, the share of its weight such terms carry; 0 for
// any other unit.
func (m *model) singleScore(u *unit) float64 {
	var key, all float64
	for _, k := range u.keys {
		w := m.weight[k]
		all += w * w
		switch m.kinds[k] {
		case number:
			if figureRank(k) > 0 {
				key += w * w
			}
		case name:
			if m.df[k] <= 2 {
				key += w * w
			}
		}
	}
	if key == 0 || all == 0 || countWords(u.text) < minClauseWords {
		return 0
	}
	return math.Sqrt(key / all)
}

// claimBase picks the quote a draft claim is made from: the shortest
// that reads as a sentence (it starts with a capital or a figure and has
// six words or more), else the shortest.
func claimBase(us []*unit) *unit {
	var best *unit
	better := func(u, b *unit) bool {
		return b == nil || utf8.RuneCountInString(u.text) < utf8.RuneCountInString(b.text)
	}
	for _, u := range us {
		r, _ := utf8.DecodeRuneInString(u.text)
		if (unicode.IsUpper(r) || unicode.IsDigit(r)) && countWords(u.text) >= minClauseWords && better(u, best) {
			best = u
		}
	}
	if best != nil {
		return best
	}
	for _, u := range us {
		if better(u, best) {
			best = u
		}
	}
	return best
}

// draftClaim turns a quote into a draft claim sentence: a capital first
// letter and a full stop.
func draftClaim(q string) string {
	r, n := utf8.DecodeRuneInString(q)
	s := string(unicode.ToUpper(r)) + q[n:]
	if !strings.HasSuffix(s, ".") {
		s += "."
	}
	return s
}
