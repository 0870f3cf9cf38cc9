package wire

import (
	"math"
	"testing"
)

func TestRoundTrip(t *testing.T) {
	var b []byte
	uints := []uint64{0, 1, 127, 128, 1 << 40, math.MaxUint64}
	ints := []int64{0, -1, 1, -64, 64, math.MinInt64, math.MaxInt64}
	strs := []string{"", "a", "é\x00\xff", string(make([]byte, 300))}
	for _, v := range uints {
		b = AppendUint(b, v)
	}
	for _, v := range ints {
		b = AppendInt(b, v)
	}
	for _, s := range strs {
		b = AppendString(b, s)
	}
	b = AppendBool(AppendBool(b, true), false)
	b = AppendUint(b, 3) // a count of three one-byte items
	b = append(b, 1, 2, 3)
	b = AppendUint(b, 4) // an index below 5

	d := NewDecoder(b)
	for _, want := range uints {
		if got := d.Uint(); got != want {
			t.Errorf("Uint = %d, want %d", got, want)
		}
	}
	for _, want := range ints {
		if got := d.Int(); got != want {
			t.Errorf("Int = %d, want %d", got, want)
		}
	}
	for _, want := range strs {
		if got := d.Str(); got != want {
			t.Errorf("String = %q, want %q", got, want)
		}
	}
	if !d.Bool() || d.Bool() {
		t.Error("Bool did not read true, false")
	}
	if n := d.Count(1); n != 3 {
		t.Errorf("Len = %d, want 3", n)
	}
	d.b = d.b[3:]
	if i := d.Index(5); i != 4 {
		t.Errorf("Index = %d, want 4", i)
	}
	if err := d.Done(); err != nil {
		t.Fatal(err)
	}
}

func TestCorrupt(t *testing.T) {
	for _, tc := range []struct {
		name string
		in   []byte
		read func(d *Decoder)
	}{
		{"empty uint", nil, func(d *Decoder) { d.Uint() }},
		{"overlong uint", []byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01}, func(d *Decoder) { d.Uint() }},
		{"empty int", nil, func(d *Decoder) { d.Int() }},
		{"string longer than the input", []byte{5, 'a'}, func(d *Decoder) { _ = d.Str() }},
		{"count of more than the input holds", []byte{3, 0, 0, 0, 0, 0}, func(d *Decoder) { d.Count(2) }},
		{"index out of range", []byte{5}, func(d *Decoder) { d.Index(5) }},
		{"bool not 0 or 1", []byte{2}, func(d *Decoder) { d.Bool() }},
		{"bytes left", []byte{1, 2}, func(d *Decoder) { d.Uint() }},
		{"failed by the caller", []byte{1}, func(d *Decoder) { d.Fail(ErrCorrupt) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := NewDecoder(tc.in)
			tc.read(d)
			if d.Done() == nil {
				t.Fatal("no error")
			}
			// The error sticks: later reads give zero values.
			if d.Uint() != 0 || d.Str() != "" || d.Bool() || d.Err() == nil {
				t.Error("a read after the error gave a value")
			}
		})
	}
}

// FuzzDecoder: no bytes make a decoder panic or read past its input.
func FuzzDecoder(f *testing.F) {
	f.Add([]byte{3, 'a', 'b', 'c', 1, 0x80, 0x01})
	f.Fuzz(func(t *testing.T, b []byte) {
		d := NewDecoder(b)
		for d.Err() == nil && len(d.b) > 0 {
			switch d.Uint() % 5 {
			case 0:
				_ = d.Str()
			case 1:
				d.Int()
			case 2:
				d.Bool()
			case 3:
				if n := d.Count(1); n > len(b) {
					t.Fatalf("Len %d of %d bytes", n, len(b))
				}
			case 4:
				d.Index(3)
			}
		}
	})
}
