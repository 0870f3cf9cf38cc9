package crosscheck

import (
	"math/rand/v2"
	"testing"
)

// TestInterner checks the interner against a map numbering strings in
// order of first appearance, over enough strings to grow its table many
// times, short ones from a small alphabet so that many repeat, and the
// empty string.
func TestInterner(t *testing.T) {
	r := rand.New(rand.NewPCG(13, 14))
	in := newInterner()
	want := map[string]uint32{}
	for range 300000 {
		b := make([]byte, r.IntN(9))
		for i := range b {
			b[i] = "abcé\x00"[r.IntN(5)]
		}
		s := string(b)
		id, ok := want[s]
		if !ok {
			id = uint32(len(want) + 1)
			want[s] = id
		}
		if got := in.id(s); got != id {
			t.Fatalf("id(%q) = %d, want %d", s, got, id)
		}
	}
	if in.len() != len(want) {
		t.Fatalf("len() = %d, want %d", in.len(), len(want))
	}
	for s, id := range want {
		if got := string(in.str(id)); got != s {
			t.Fatalf("str(%d) = %q, want %q", id, got, s)
		}
	}
	t.Logf("%d strings, %d slots", len(want), len(in.slots))
}
