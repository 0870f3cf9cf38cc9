package crosscheck

import (
	"math/rand/v2"
	"testing"
)

// TestInterner checks the interner against a map numbering strings in
// order of first appearance, over enough strings to grow its table many
// times, short ones from a small alphabet so that many repeat, and the
// empty string. An interner of byte slices, given the same strings,
// numbers them alike.
func TestInterner(t *testing.T) {
	r := rand.New(rand.NewPCG(13, 14))
	in := newInterner[string]()
	bin := newInterner[[]byte]()
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
		if got := bin.id(b); got != id {
			t.Fatalf("id([]byte(%q)) = %d, want %d", s, got, id)
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
		if got := bin.lookup([]byte(s)); got != id {
			t.Fatalf("lookup([]byte(%q)) = %d, want %d", s, got, id)
		}
	}
	if got := in.lookup("not among them"); got != 0 {
		t.Fatalf("lookup of a new string = %d, want 0", got)
	}
	t.Logf("%d strings, %d slots", len(want), len(in.slots))
}

// TestHashOf checks that hashOf hashes a string and its bytes alike, and
// spreads strings that differ by a byte, or by their length, over the
// bits a table of interner uses: its low bits, for the slot, and its top
// 32, for the tag.
func TestHashOf(t *testing.T) {
	seed := rand.Uint64()
	strs := map[string]bool{}
	for n := range 40 {
		for c := range 256 {
			for _, at := range []int{0, n / 2, n - 1} {
				b := make([]byte, n)
				for i := range b {
					b[i] = 'a' + byte(i%26)
				}
				if n > 0 {
					b[at] = byte(c)
				}
				strs[string(b)] = true
			}
		}
	}
	hashes := map[uint64]string{}
	low, top := make([]int, 1024), make([]int, 1024)
	for s := range strs {
		h := hashOf(seed, s)
		if hb := hashOf(seed, []byte(s)); hb != h {
			t.Fatalf("hashOf(%q) = %x as a string, %x as bytes", s, h, hb)
		}
		if other, ok := hashes[h]; ok {
			t.Fatalf("%q and %q hash alike", s, other)
		}
		hashes[h] = s
		low[h%1024]++
		top[h>>54]++
	}
	// The strings spread over 1024 slots by either bits: none holds more
	// than a few times its share.
	for i := range 1024 {
		if c := max(low[i], top[i]); c > 3*len(strs)/1024+10 {
			t.Errorf("slot %d holds %d of %d strings (low bits %d, top bits %d)", i, c, len(strs), low[i], top[i])
		}
	}
}
