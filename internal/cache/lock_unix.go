//go:build unix

package cache

import (
	"os"
	"syscall"
)

// lock takes an exclusive lock on the folder dir, or fails at once if
// another process holds it. The operating system releases the lock when
// the process ends, however it ends.
func lock(dir string) (unlock func(), err error) {
	f, err := os.Open(dir)
	if err != nil {
		return nil, err
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		return nil, err
	}
	return func() {
		syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		f.Close()
	}, nil
}
