// Package wire encodes values as bytes and decodes them again: the form
// in which the build cache keeps what cleaning a capture gives.
//
// Integers are varints and strings are a length and their bytes. A
// decoder never panics on bad input: its first error sticks, every read
// after it gives a zero value, and Err says what went wrong.
package wire

import (
	"encoding/binary"
	"errors"
)

// AppendUint appends v to b.
func AppendUint(b []byte, v uint64) []byte { return binary.AppendUvarint(b, v) }

// AppendInt appends v to b.
func AppendInt(b []byte, v int64) []byte { return binary.AppendVarint(b, v) }

// AppendString appends s to b.
func AppendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

// AppendBool appends v to b.
func AppendBool(b []byte, v bool) []byte {
	if v {
		return append(b, 1)
	}
	return append(b, 0)
}

// ErrCorrupt is the error of a decoder given bytes no encoder wrote.
var ErrCorrupt = errors.New("wire: corrupt data")

// A Decoder reads values from bytes in the order they were appended.
type Decoder struct {
	b   []byte
	err error
}

// NewDecoder returns a decoder of b.
func NewDecoder(b []byte) *Decoder { return &Decoder{b: b} }

// Err returns the first error met, or nil.
func (d *Decoder) Err() error { return d.err }

// Fail records err as the decoder's error, if it has none yet: what a
// caller does when the values read make no sense together.
func (d *Decoder) Fail(err error) {
	if d.err == nil {
		d.err = err
	}
	d.b = nil
}

// Done reports an error unless every byte was read.
func (d *Decoder) Done() error {
	if d.err == nil && len(d.b) > 0 {
		d.Fail(ErrCorrupt)
	}
	return d.err
}

// Uint reads an unsigned integer.
func (d *Decoder) Uint() uint64 {
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.Fail(ErrCorrupt)
		return 0
	}
	d.b = d.b[n:]
	return v
}

// Int reads a signed integer.
func (d *Decoder) Int() int64 {
	v, n := binary.Varint(d.b)
	if n <= 0 {
		d.Fail(ErrCorrupt)
		return 0
	}
	d.b = d.b[n:]
	return v
}

// Count reads a length or a count of items each at least size bytes
// long, and fails unless that many bytes are left: a corrupt count
// never makes a caller allocate more than the input could hold.
func (d *Decoder) Count(size int) int {
	v := d.Uint()
	if v > uint64(len(d.b)/max(size, 1)) {
		d.Fail(ErrCorrupt)
		return 0
	}
	return int(v)
}

// Index reads a number and fails unless it is below n.
func (d *Decoder) Index(n int) int {
	v := d.Uint()
	if v >= uint64(n) {
		d.Fail(ErrCorrupt)
		return 0
	}
	return int(v)
}

// Str reads a string, copied out of the decoder's bytes.
func (d *Decoder) Str() string {
	n := d.Count(1)
	s := string(d.b[:n])
	d.b = d.b[n:]
	return s
}

// Bool reads a boolean.
func (d *Decoder) Bool() bool {
	if len(d.b) == 0 || d.b[0] > 1 {
		d.Fail(ErrCorrupt)
		return false
	}
	v := d.b[0] == 1
	d.b = d.b[1:]
	return v
}
