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
	for s, id := range want {
		if got := in.lookup(s); got != id {
			t.Fatalf("lookup(%q) = %d, want %d", s, got, id)
		}
	}
	if got := in.lookup("not among them"); got != 0 {
		t.Fatalf("lookup of a new string = %d, want 0", got)
	}
	t.Logf("%d strings, %d slots", len(want), len(in.slots))
	in.reset()
	if in.len() != 0 || in.lookup("a") != 0 || in.id("b") != 1 || in.id("a") != 2 || in.lookup("b") != 1 {
		t.Fatalf("after reset: len() = %d, lookup(a) = %d", in.len(), in.lookup("a"))
	}
}
