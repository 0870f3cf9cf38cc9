package crosscheck

import (
	"strings"

	"github.com/gen-dossier/gen/internal/quote"
)

// An Op says whether a word of a wording is shared with the reference
// wording or is its own.
type Op int

// The ops of a word diff.
const (
	Same Op = iota
	Changed
)

// A Word is one word of a wording, marked Same when it also occurs, in
// order, in the reference wording.
type Word struct {
	Text string
	Op   Op
}

// Diff marks the words of b that are not in the longest common
// subsequence of words with a. Words compare after the quote rule's
// normalisation, case-insensitively, ignoring edge punctuation.
func Diff(a, b string) []Word {
	wa, wb := strings.Fields(a), strings.Fields(b)
	ka, kb := keys(wa), keys(wb)
	// lcs(i, j) = LCS length of ka[i:], kb[j:], in one table: a row a
	// slice was most of Diff's allocations.
	w := len(kb) + 1
	table := make([]int32, (len(ka)+1)*w)
	lcs := func(i, j int) int32 { return table[i*w+j] }
	for i := len(ka) - 1; i >= 0; i-- {
		for j := len(kb) - 1; j >= 0; j-- {
			if ka[i] == kb[j] {
				table[i*w+j] = lcs(i+1, j+1) + 1
			} else {
				table[i*w+j] = max(lcs(i+1, j), lcs(i, j+1))
			}
		}
	}
	return diffWords(wb, ka, kb, lcs)
}

// diffWords marks the words wb of b, whose keys are kb, by a walk along
// a longest common subsequence with the keys ka of a, given the lengths
// of those of their ends (lcs, see Diff).
func diffWords(wb, ka, kb []string, lcs func(i, j int) int32) []Word {
	out := make([]Word, 0, len(wb))
	i, j := 0, 0
	for j < len(kb) {
		switch {
		case i < len(ka) && ka[i] == kb[j]:
			out = append(out, Word{wb[j], Same})
			i++
			j++
		case i < len(ka) && lcs(i+1, j) >= lcs(i, j+1):
			i++
		default:
			out = append(out, Word{wb[j], Changed})
			j++
		}
	}
	return out
}

func keys(words []string) []string {
	out := make([]string, len(words))
	for i, w := range words {
		out[i] = strings.ToLower(strings.Trim(quote.Normalize(w), `"'.,;:!?()-`))
	}
	return out
}
