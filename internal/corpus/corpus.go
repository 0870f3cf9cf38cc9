// Package corpus generates synthetic dossiers of any size, for
// benchmarks and scale tests.
//
// # What it writes
//
// [Generate] returns the files of a complete content folder for n
// sources:
//
//	dossier.yaml           title, summary, language
//	sources/<slug>.txt     a plain-text capture: about 600 words of article
//	                       text between a site's menus, header date,
//	                       byline, share prompts, related links, comment
//	                       form and footer, one paragraph a line
//	sources/<slug>.yaml    its sidecar: outlet, title, author, published,
//	                       retrieved, url
//	claims.yaml            2n claims; each cites 1–3 sources with a quote
//	                       that is a real sentence (or clause) of each
//	timeline.yaml          n/10 events, each mentioned by 1–3 sources
//
// Every quote occurs exactly once in its source's article, so the
// dossier builds without errors. The sentences that carry a claim name
// people and places no other sentence names and give figures no other
// sentence gives, so that the coverage guard finds no near miss in the
// sources a claim does not cite.
//
// # Determinism
//
// The output is a pure function of n: the random choices come from a
// PCG generator seeded with n, and no clock or map order is involved.
package corpus

import (
	"fmt"
	"maps"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// Generate returns the files of a content folder holding n sources, by
// slash-separated path.
func Generate(n int) map[string][]byte { return GenerateSized(n, 0) }

// GenerateSized is Generate with every capture padded to about size
// bytes with more of a site's boilerplate (lists of other headlines, as
// "More from" and "Trending" blocks), the way saved pages carry far more
// page than article. The article, claims and events are Generate's.
func GenerateSized(n, size int) map[string][]byte {
	g := newGen(n, size)
	g.run()
	g.write()
	return g.files
}

// newGen returns a generator of a dossier of n sources whose captures
// are padded to size bytes; see GenerateSized.
func newGen(n, size int) *gen {
	return &gen{
		r:     rand.New(rand.NewPCG(0x9e3779b97f4a7c15, uint64(n))),
		n:     n,
		size:  size,
		files: map[string][]byte{},
		used:  map[string]bool{},
	}
}

// Write writes the files of a content folder (Generate) into dir.
func Write(dir string, files map[string][]byte) error {
	made := map[string]bool{}
	for _, p := range slices.Sorted(maps.Keys(files)) {
		full := filepath.Join(dir, filepath.FromSlash(p))
		if d := filepath.Dir(full); !made[d] {
			if err := os.MkdirAll(d, 0o755); err != nil {
				return err
			}
			made[d] = true
		}
		if err := os.WriteFile(full, files[p], 0o644); err != nil {
			return err
		}
	}
	return nil
}

type gen struct {
	r     *rand.Rand
	n     int
	size  int // the least size of a capture, padded with boilerplate
	files map[string][]byte
	used  map[string]bool // coined names, so that each is unique

	places, people []string // the story's world, shared by every source

	sources []*source
	claims  []*claim
	events  []*event
}

type source struct {
	slug, outlet, domain, author string
	published                    day
	headline                     string
	paras                        [][]string // sentences by paragraph
}

type claim struct {
	id, text, topic string
	quotes          []cite
}

type event struct {
	id, title string
	date      day
	quotes    []cite
}

// A cite is one source's quote of a claim or event.
type cite struct {
	src    int
	quote  string
	stance string
}

// A day is a date in 2024, as day of the year (0-based).
type day int

func (d day) String() string {
	m := 0
	rest := int(d)
	for rest >= monthDays[m] {
		rest -= monthDays[m]
		m++
	}
	return fmt.Sprintf("2024-%02d-%02d", m+1, rest+1)
}

// long is the date as a byline prints it: "April 12, 2024".
func (d day) long() string {
	m := 0
	rest := int(d)
	for rest >= monthDays[m] {
		rest -= monthDays[m]
		m++
	}
	return fmt.Sprintf("%s %d, 2024", months[m], rest+1)
}

var monthDays = []int{31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}

func (g *gen) pick(list []string) string { return list[g.r.IntN(len(list))] }

// coin makes a new capitalised name of two or three syllables that has
// not been coined before.
func (g *gen) coin() string {
	for {
		k := 2 + g.r.IntN(2)
		var b strings.Builder
		for i := 0; i < k; i++ {
			b.WriteString(g.pick(onsets))
			b.WriteString(g.pick(vowels))
		}
		b.WriteString(g.pick(codas))
		w := b.String()
		w = strings.ToUpper(w[:1]) + w[1:]
		if !g.used[w] {
			g.used[w] = true
			return w
		}
	}
}

// run makes the sources, claims and events.
func (g *gen) run() {
	// A small world shared by every source: the story's places, bodies
	// and people, which background sentences draw on.
	g.places = make([]string, 40)
	for i := range g.places {
		g.places[i] = g.coin()
	}
	g.people = make([]string, 60)
	for i := range g.people {
		g.people[i] = g.pick(firstNames) + " " + g.coin()
	}
	outlets := make([]string, 0, 50)
	for range 50 {
		outlets = append(outlets, "The "+g.coin()+" "+g.pick(outletWords))
	}
	for i := 0; i < g.n; i++ {
		outlet := outlets[g.r.IntN(len(outlets))]
		word := strings.ToLower(strings.Fields(outlet)[1])
		s := &source{
			slug:      fmt.Sprintf("%s-%05d", word, i+1),
			outlet:    outlet,
			domain:    word + "news.example",
			author:    g.pick(firstNames) + " " + g.coin(),
			published: day(60 + g.r.IntN(240)),
		}
		s.headline = g.headline()
		g.sources = append(g.sources, s)
		// About 600 words with the claims' and events' sentences: eleven
		// paragraphs of two to five sentences.
		for range 11 {
			var para []string
			for range 2 + g.r.IntN(4) {
				para = append(para, g.background())
			}
			s.paras = append(s.paras, para)
		}
	}
	for i := 0; i < 2*g.n; i++ {
		g.claim(i)
	}
	for i := 0; i < g.n/10; i++ {
		g.event(i)
	}
}

// insert puts sentence into a random paragraph of source s.
func (g *gen) insert(s *source, sentence string) {
	p := g.r.IntN(len(s.paras))
	at := g.r.IntN(len(s.paras[p]) + 1)
	s.paras[p] = slices.Insert(s.paras[p], at, sentence)
}

// claim makes claim i: a fact with its own person, place and figure,
// carried by source i/2 and by up to two other sources, each in its own
// words around the same core clause.
func (g *gen) claim(i int) {
	who := g.pick(firstNames) + " " + g.coin()
	place := g.coin()
	origin := g.coin()
	// No two claims give the same share in the same year, so that no
	// claim's sentence is a near miss of another's.
	// Shares have one decimal while there are enough of them for every
	// claim (up to about 9,500 sources), else two.
	decimals, scale := 1, 10
	if 2*g.n > 88*10*24*9/10 {
		decimals, scale = 2, 100
	}
	var thing, pct string
	var year int
	for {
		thing = g.pick(goods)
		pct = fmt.Sprintf("%d.%0*d%%", 11+g.r.IntN(88), decimals, g.r.IntN(scale))
		year = 2000 + g.r.IntN(24)
		if key := fmt.Sprint(pct, year); !g.used[key] {
			g.used[key] = true
			break
		}
	}
	verb := g.pick(tradeVerbs)
	body := g.pick(bodies)
	tonnes := g.tonnes()
	core := fmt.Sprintf("%s of the %s tonnes of %s %s by %s in %d came from %s", pct, tonnes, thing, verb, place, year, origin)
	c := &claim{
		id:    fmt.Sprintf("claim-%05d", i+1),
		text:  fmt.Sprintf("In %d, %s of the %s tonnes of %s that %s imported came from %s.", year, pct, tonnes, thing, place, origin),
		topic: topics[g.r.IntN(len(topics))],
	}
	srcs := []int{i / 2}
	for range g.r.IntN(3) {
		j := g.r.IntN(g.n)
		if !slices.Contains(srcs, j) {
			srcs = append(srcs, j)
		}
	}
	slices.Sort(srcs)
	for k, si := range srcs {
		var sentence, quote string
		switch k % 3 {
		case 0:
			sentence = fmt.Sprintf("Speaking for the %s, %s said that %s.", body, who, core)
			quote = core
		case 1:
			sentence = fmt.Sprintf("According to figures from the %s, %s, a rise on the year before.", body, core)
			quote = core
		default:
			sentence = fmt.Sprintf("In a briefing, %s confirmed that %s.", who, core)
			quote = "confirmed that " + core
		}
		g.insert(g.sources[si], sentence)
		stance := ""
		if k > 0 && g.r.IntN(8) == 0 {
			stance = "differs"
		}
		c.quotes = append(c.quotes, cite{src: si, quote: quote, stance: stance})
	}
	g.claims = append(g.claims, c)
}

// tonnes returns a quantity no other claim gives, written with a
// thousands separator: "48,310".
func (g *gen) tonnes() string {
	for {
		t := fmt.Sprintf("%d,%03d", 2+g.r.IntN(998), g.r.IntN(1000))
		if !g.used[t] {
			g.used[t] = true
			return t
		}
	}
}

// event makes event i: a dated meeting or announcement that one to three
// sources mention.
func (g *gen) event(i int) {
	name := g.coin()
	place := g.pick(g.places)
	kind := g.pick(eventKinds)
	e := &event{
		id:    fmt.Sprintf("event-%05d", i+1),
		title: fmt.Sprintf("The %s %s in %s", name, kind, place),
		date:  day(30 + g.r.IntN(300)),
	}
	seen := map[int]bool{}
	for range 1 + g.r.IntN(3) {
		si := g.r.IntN(g.n)
		if seen[si] {
			continue
		}
		seen[si] = true
		quote := fmt.Sprintf("the %s %s in %s", name, kind, place)
		sentence := fmt.Sprintf("Delegates are due at %s, organisers said.", quote)
		if g.r.IntN(2) == 0 {
			sentence = fmt.Sprintf("Much of the talk at %s turned to %s and %s.", quote, g.pick(goods), g.pick(goods))
		}
		g.insert(g.sources[si], sentence)
		e.quotes = append(e.quotes, cite{src: si, quote: quote})
	}
	slices.SortFunc(e.quotes, func(a, b cite) int { return a.src - b.src })
	g.events = append(g.events, e)
}

func (g *gen) headline() string {
	return fmt.Sprintf(g.pick(headlines), g.pick(g.places), g.pick(goods))
}

// background makes one sentence of ordinary article prose from the
// shared world.
func (g *gen) background() string {
	t := g.pick(sentences)
	var b strings.Builder
	for {
		i := strings.IndexByte(t, '{')
		if i < 0 {
			b.WriteString(t)
			break
		}
		j := strings.IndexByte(t[i:], '}') + i
		b.WriteString(t[:i])
		switch t[i+1 : j] {
		case "place":
			b.WriteString(g.pick(g.places))
		case "person":
			b.WriteString(g.pick(g.people))
		case "body":
			b.WriteString(g.pick(bodies))
		case "goods":
			b.WriteString(g.pick(goods))
		case "adj":
			b.WriteString(g.pick(adjectives))
		case "noun":
			b.WriteString(g.pick(nouns))
		case "verb":
			b.WriteString(g.pick(verbs))
		case "month":
			b.WriteString(months[g.r.IntN(12)])
		case "n":
			fmt.Fprint(&b, 3+g.r.IntN(40))
		}
		t = t[j+1:]
	}
	return b.String()
}

// write renders every file.
func (g *gen) write() {
	g.files["dossier.yaml"] = []byte(fmt.Sprintf("title: \"A synthetic dossier of %d sources\"\n"+
		"summary: >-\n  Generated by internal/corpus for benchmarks: %d captures, %d claims and %d events\n"+
		"  about trade between invented places.\nlanguage: en\n", g.n, g.n, len(g.claims), len(g.events)))
	for _, s := range g.sources {
		g.files["sources/"+s.slug+".txt"] = g.capture(s)
		retrieved := min(int(s.published)+1+g.r.IntN(30), 365)
		g.files["sources/"+s.slug+".yaml"] = []byte(fmt.Sprintf("outlet: %s\ntitle: %q\nauthor: %s\npublished: %s\nretrieved: %s\nurl: https://%s/news/%s\n",
			s.outlet, s.headline, s.author, s.published, day(retrieved), s.domain, s.slug))
	}
	var b strings.Builder
	b.WriteString("# Claims of a synthetic dossier (internal/corpus).\n")
	for _, c := range g.claims {
		fmt.Fprintf(&b, "\n- id: %s\n  claim: %q\n  topic: %s\n  sources:\n", c.id, c.text, c.topic)
		for _, q := range c.quotes {
			fmt.Fprintf(&b, "    %s:\n      quote: %q\n", g.sources[q.src].slug, q.quote)
			if q.stance != "" {
				fmt.Fprintf(&b, "      stance: %s\n      note: The figure is given for a different period.\n", q.stance)
			}
		}
	}
	g.files["claims.yaml"] = []byte(b.String())
	b.Reset()
	b.WriteString("# Timeline of a synthetic dossier (internal/corpus).\n")
	for _, e := range g.events {
		fmt.Fprintf(&b, "\n- id: %s\n  title: %q\n  date: %s\n  basis: Generated.\n  sources:\n", e.id, e.title, e.date)
		for _, q := range e.quotes {
			fmt.Fprintf(&b, "    %s: {quote: %q}\n", g.sources[q.src].slug, q.quote)
		}
	}
	g.files["timeline.yaml"] = []byte(b.String())
}

// capture renders a source as a plain-text scrape: the article between
// the site's boilerplate, one paragraph a line.
func (g *gen) capture(s *source) []byte {
	var b strings.Builder
	line := func(format string, args ...any) {
		fmt.Fprintf(&b, format, args...)
		b.WriteString("\n\n")
	}
	line("%s", strings.Join(g.shuffled(menu, 6), "   "))
	line("%s", day(min(int(s.published)+g.r.IntN(20), 365)).long())
	line("%s", s.headline)
	line("By %s | %s | %d min read", s.author, s.published.long(), 3+g.r.IntN(5))
	line("Share on Facebook   Share on X   Email this article")
	for _, p := range s.paras {
		line("%s", strings.Join(p, " "))
	}
	line("Follow %s on X for the latest updates.", s.domain)
	// The padding draws from its own generator, so that the article,
	// claims and events stay those of Generate.
	pad := rand.New(rand.NewPCG(uint64(b.Len()), uint64(len(s.slug))))
	for k := 0; b.Len() < g.size-600; k++ {
		line("%s", []string{"More from " + s.outlet, "Trending now", "Most read", "Editor's picks"}[k%4])
		for range 8 {
			line("%s", g.padHeadline(pad))
		}
	}
	line("Related Articles")
	for range 3 {
		line("%s", g.headline())
	}
	line("Leave a Comment")
	line("Your email address will not be published. Required fields are marked *")
	line("Name")
	line("Email")
	line("Post Comment")
	line("Subscribe to our newsletter")
	line("© 2024 %s. All rights reserved.", s.outlet)
	return []byte(b.String())
}

// padHeadline is a headline for the padding, from r.
func (g *gen) padHeadline(r *rand.Rand) string {
	return fmt.Sprintf("%s %s %s in %s", g.people[r.IntN(len(g.people))], padVerbs[r.IntN(len(padVerbs))],
		padThings[r.IntN(len(padThings))], g.places[r.IntN(len(g.places))])
}

var (
	padVerbs  = []string{"weighs", "rules out", "backs", "questions", "opens talks on", "delays", "announces", "reviews"}
	padThings = []string{"new port fees", "grain quotas", "a rail link", "fishing rights", "the budget", "border checks", "energy prices", "a trade fair"}
)

func (g *gen) shuffled(list []string, k int) []string {
	out := slices.Clone(list)
	g.r.Shuffle(len(out), func(i, j int) { out[i], out[j] = out[j], out[i] })
	return out[:k]
}
