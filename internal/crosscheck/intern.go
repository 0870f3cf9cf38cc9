package crosscheck

import (
	"math/bits"
	"math/rand/v2"
)

// An interner numbers strings 1, 2, 3... in order of first appearance,
// as a map[string]int would with len(m)+1 for each new string, but with
// its table and the bytes of its strings each in one block of memory.
// A map's keys point at the strings first given it, scattered over the
// heap, and comparing with them costs a cache miss once the strings
// outgrow the caches: Group looks up every context word of every
// figure, and would take longer per figure the more figures it groups.
//
// The strings are given as S, a string or a byte slice: Keep looks up
// the keys it builds in a buffer without making strings of them.
type interner[S ~string | ~[]byte] struct {
	seed  uint64
	slots []uint64 // open addressing: the top 32 bits of a string's hash, then its number; 0 when empty
	text  []byte   // the strings, one after the other
	ends  []int32  // by number - 1: where the string ends in text
}

func newInterner[S ~string | ~[]byte]() *interner[S] {
	return &interner[S]{seed: rand.Uint64(), slots: make([]uint64, 1024)}
}

// len returns how many strings in has numbered.
func (in *interner[S]) len() int { return len(in.ends) }

// str returns the string numbered id.
func (in *interner[S]) str(id uint32) []byte {
	start := int32(0)
	if id > 1 {
		start = in.ends[id-2]
	}
	return in.text[start:in.ends[id-1]]
}

// lookup returns the number of s, or 0 when it has none.
func (in *interner[S]) lookup(s S) uint32 {
	id, _ := in.find(s)
	return id
}

// find returns the number of s, or 0 when it has none, and the hash of
// s.
func (in *interner[S]) find(s S) (uint32, uint64) {
	h := hashOf(in.seed, s)
	mask := uint64(len(in.slots) - 1)
	tag := h >> 32 << 32
	for i := h & mask; ; i = (i + 1) & mask {
		slot := in.slots[i]
		if slot == 0 {
			return 0, h
		}
		if slot&^(1<<32-1) == tag && string(in.str(uint32(slot))) == string(s) {
			return uint32(slot), h
		}
	}
}

// id returns the number of s, numbering it if it is new.
func (in *interner[S]) id(s S) uint32 {
	id, h := in.find(s)
	if id != 0 {
		return id
	}
	in.text = append(in.text, s...)
	in.ends = append(in.ends, int32(len(in.text)))
	id = uint32(len(in.ends))
	if 2*len(in.ends) > len(in.slots) {
		in.grow()
	}
	in.insert(h, id)
	return id
}

// insert puts the number id, of a string whose hash is h, in the first
// free slot of its probe sequence.
func (in *interner[S]) insert(h uint64, id uint32) {
	mask := uint64(len(in.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		if in.slots[i] == 0 {
			in.slots[i] = h>>32<<32 | uint64(id)
			return
		}
	}
}

// grow doubles the table and puts every number back in it.
func (in *interner[S]) grow() {
	old := in.slots
	in.slots = make([]uint64, 2*len(old))
	for _, slot := range old {
		if id := uint32(slot); id != 0 {
			in.insert(hashOf(in.seed, in.str(id)), id)
		}
	}
}

// hashOf hashes s with seed, as wyhash does: eight bytes at a time, the
// last one to eight bytes read as two overlapping halves (or, below
// four bytes, as their first, middle and last byte), each step a
// 128-bit product folded to 64 bits. A string and a byte slice of the
// same bytes hash alike. It is here rather than hash/maphash, whose
// calls cost more than hashing the short words of a text: Keep hashes
// every word of every sentence.
func hashOf[S ~string | ~[]byte](seed uint64, s S) uint64 {
	const k0, k1, k2 = 0xa0761d6478bd642f, 0xe7037ed1a0b428db, 0x8ebc6af09c88c6e3
	n := len(s)
	h := seed ^ k0
	for ; len(s) > 8; s = s[8:] {
		h = mix(load64(s)^k1, h)
	}
	var a, b uint64
	switch {
	case len(s) >= 4:
		a, b = load32(s), load32(s[len(s)-4:])
	case len(s) > 0:
		a = uint64(s[0])<<16 | uint64(s[len(s)>>1])<<8 | uint64(s[len(s)-1])
	}
	return mix(a^k1, b^h^k2) ^ mix(h, uint64(n)^k2)
}

// mix folds the 128-bit product of a and b to 64 bits.
func mix(a, b uint64) uint64 {
	hi, lo := bits.Mul64(a, b)
	return hi ^ lo
}

// load64 reads the first eight bytes of s, little-endian.
func load64[S ~string | ~[]byte](s S) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// load32 reads the first four bytes of s, little-endian.
func load32[S ~string | ~[]byte](s S) uint64 {
	_ = s[3]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24
}
