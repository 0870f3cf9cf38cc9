package cache

import (
	"bytes"
	"crypto/sha256"
	"debug/elf"
	"io"
	"os"
)

// ProgramID returns the identity of the running program: the Go build
// ID of its executable, which changes whenever its code does; where the
// executable has none that can be read, the SHA-256 of the executable.
func ProgramID() ([]byte, error) {
	exe, err := os.Executable()
	if err != nil {
		return nil, err
	}
	f, err := os.Open(exe)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if id := goBuildID(f); id != nil {
		return id, nil
	}
	h := sha256.New()
	if _, err := io.Copy(h, io.NewSectionReader(f, 0, 1<<62)); err != nil {
		return nil, err
	}
	return h.Sum([]byte("sha256:")), nil
}

// goBuildID returns the Go build ID in the note of an ELF executable,
// or nil.
func goBuildID(r io.ReaderAt) []byte {
	f, err := elf.NewFile(r)
	if err != nil {
		return nil
	}
	s := f.Section(".note.go.buildid")
	if s == nil || s.Size > 1<<12 {
		return nil
	}
	note, err := s.Data()
	if err != nil || len(note) < 16 {
		return nil
	}
	// A note: name size, description size, type, the name "Go\0\0", the
	// description (the build ID).
	order := f.ByteOrder
	namesz, descsz := order.Uint32(note), order.Uint32(note[4:])
	if namesz != 4 || !bytes.Equal(note[12:16], []byte("Go\x00\x00")) || uint64(descsz) > uint64(len(note)-16) || descsz == 0 {
		return nil
	}
	return append([]byte("go:"), note[16:16+descsz]...)
}
