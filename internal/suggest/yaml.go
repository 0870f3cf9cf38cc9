package suggest

import (
	"bytes"
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// maxIDWords is how many words an id takes besides its figure.
const maxIDWords = 2

// id names a candidate from the terms its members share: the heaviest
// words and names (in the order the claim's quote has them), then its
// most telling figure. A single unit's own terms count as shared.
func (m *model) id(members []*unit, claim *unit) string {
	count := map[string]int{}
	for _, u := range members {
		for _, k := range u.keys {
			count[k]++
		}
	}
	need := 2
	if len(members) == 1 {
		need = 1
	}
	surface := map[string]string{}
	order := map[string]int{}
	for _, u := range append([]*unit{claim}, members...) {
		for i, t := range u.terms {
			if _, ok := surface[t.key]; !ok {
				surface[t.key] = t.surface
				order[t.key] = len(order)*1000 + i
			}
		}
	}
	var words, figures []string
	for k, n := range count {
		if n < need || asciiID(surface[k]) == "" {
			continue
		}
		if m.kinds[k] == number {
			figures = append(figures, k)
		} else {
			words = append(words, k)
		}
	}
	heavier := func(a, b string) int {
		return cmp.Or(cmp.Compare(count[b], count[a]), cmp.Compare(m.weight[b], m.weight[a]), strings.Compare(a, b))
	}
	slices.SortFunc(words, heavier)
	slices.SortFunc(figures, func(a, b string) int {
		return cmp.Or(cmp.Compare(figureRank(b), figureRank(a)), heavier(a, b))
	})
	n := maxIDWords
	if len(figures) == 0 {
		n++
	}
	words = words[:min(n, len(words))]
	slices.SortFunc(words, func(a, b string) int { return cmp.Compare(order[a], order[b]) })
	var parts []string
	for _, w := range words {
		parts = append(parts, asciiID(surface[w]))
	}
	if len(figures) > 0 {
		parts = append(parts, asciiID(surface[figures[0]]))
	}
	id := strings.Join(parts, "-")
	if id == "" {
		id = "claim"
	}
	return id
}

// figureRank prefers percentages and money to multiples, multiples to
// counts, and counts to years in an id.
func figureRank(k string) int {
	switch {
	case strings.HasSuffix(k, "%"), strings.ContainsAny(k[:1], "$€£"):
		return 3
	case strings.HasSuffix(k, "x"):
		return 2
	case len(k) == 4 && (strings.HasPrefix(k, "19") || strings.HasPrefix(k, "20")):
		return 0
	}
	return 1
}

// asciiID keeps the lower-case ASCII letters, digits and hyphens of s,
// without leading, trailing or doubled hyphens.
func asciiID(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
		case r == '-' && b.Len() > 0 && !strings.HasSuffix(b.String(), "-"):
			b.WriteRune(r)
		}
	}
	return strings.TrimRight(b.String(), "-")
}

// unique returns id, or id with the first free suffix "-2", "-3" …, and
// records it as used.
func unique(id string, used map[string]bool) string {
	out := id
	for n := 2; used[out]; n++ {
		out = id + "-" + strconv.Itoa(n)
	}
	used[out] = true
	return out
}

// YAML prints candidates as a claims.yaml draft: a header saying it is a
// draft to review, then one entry per candidate with its id, draft claim,
// topic and a verbatim quote from each source that carries it, with a
// comment giving its sources and score.
func YAML(cands []Candidate) []byte {
	var b bytes.Buffer
	b.WriteString(`# Claims DRAFT suggested by gen suggest: review every entry before use.
# Each candidate groups passages that several sources seem to share; the
# single-source ones carry a figure or a rare name. Quotes are verbatim
# from the cleaned articles and verify as they are; the claims are drafts
# (the shortest quote): rewrite each claim, pick a topic, check that every
# quote says the same thing (add stance: differs where it does not), mark
# checked sources that do not carry a claim with absent: true, and delete
# what is not worth a claim.
`)
	if len(cands) == 0 {
		b.WriteString("\n[]\n")
		return b.Bytes()
	}
	for _, c := range cands {
		var slugs []string
		for _, q := range c.Quotes {
			slugs = append(slugs, q.Slug)
		}
		fmt.Fprintf(&b, "\n# %d source", len(c.Quotes))
		if len(c.Quotes) != 1 {
			b.WriteString("s")
		}
		fmt.Fprintf(&b, " (%s), score %.2f. DRAFT: edit the claim.\n", strings.Join(slugs, ", "), c.Score)
		fmt.Fprintf(&b, "- id: %s\n", c.ID)
		fmt.Fprintf(&b, "  claim: %s\n", yamlString(c.Claim))
		fmt.Fprintf(&b, "  topic: %s\n", yamlString(c.Topic))
		b.WriteString("  sources:\n")
		for _, q := range c.Quotes {
			fmt.Fprintf(&b, "    %s:\n      quote: %s\n", q.Slug, yamlString(q.Text))
		}
	}
	return b.Bytes()
}

// yamlString quotes s as a YAML double-quoted scalar. Go's quoting is
// valid YAML for valid UTF-8: both escape \ and " and spell control
// characters as \n, \t, \x.., \u.... Invalid bytes have no YAML
// spelling; they become U+FFFD.
func yamlString(s string) string {
	return strconv.Quote(strings.ToValidUTF8(s, "\uFFFD"))
}
