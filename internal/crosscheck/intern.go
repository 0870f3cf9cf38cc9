package crosscheck

import "hash/maphash"

// An interner numbers strings 1, 2, 3... in order of first appearance,
// as a map[string]int would with len(m)+1 for each new string, but with
// its table and the bytes of its strings each in one block of memory.
// A map's keys point at the strings first given it, scattered over the
// heap, and comparing with them costs a cache miss once the strings
// outgrow the caches: Group looks up every context word of every
// figure, and would take longer per figure the more figures it groups.
type interner struct {
	seed  maphash.Seed
	slots []uint64 // open addressing: the top 32 bits of a string's hash, then its number; 0 when empty
	text  []byte   // the strings, one after the other
	ends  []int32  // by number - 1: where the string ends in text
}

func newInterner() *interner {
	return &interner{seed: maphash.MakeSeed(), slots: make([]uint64, 1024)}
}

// len returns how many strings in has numbered.
func (in *interner) len() int { return len(in.ends) }

// str returns the string numbered id.
func (in *interner) str(id uint32) []byte {
	start := int32(0)
	if id > 1 {
		start = in.ends[id-2]
	}
	return in.text[start:in.ends[id-1]]
}

// reset forgets every string, keeping the memory for the next ones.
func (in *interner) reset() {
	clear(in.slots)
	in.text, in.ends = in.text[:0], in.ends[:0]
}

// lookup returns the number of s, or 0 when it has none.
func (in *interner) lookup(s string) uint32 {
	id, _ := in.find(s)
	return id
}

// find returns the number of s, or 0 when it has none, and the hash of
// s.
func (in *interner) find(s string) (uint32, uint64) {
	h := maphash.String(in.seed, s)
	mask := uint64(len(in.slots) - 1)
	tag := h >> 32 << 32
	for i := h & mask; ; i = (i + 1) & mask {
		slot := in.slots[i]
		if slot == 0 {
			return 0, h
		}
		if slot&^(1<<32-1) == tag && string(in.str(uint32(slot))) == s {
			return uint32(slot), h
		}
	}
}

// id returns the number of s, numbering it if it is new.
func (in *interner) id(s string) uint32 {
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
func (in *interner) insert(h uint64, id uint32) {
	mask := uint64(len(in.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		if in.slots[i] == 0 {
			in.slots[i] = h>>32<<32 | uint64(id)
			return
		}
	}
}

// grow doubles the table and puts every number back in it.
func (in *interner) grow() {
	old := in.slots
	in.slots = make([]uint64, 2*len(old))
	for _, slot := range old {
		if id := uint32(slot); id != 0 {
			in.insert(maphash.Bytes(in.seed, in.str(id)), id)
		}
	}
}
