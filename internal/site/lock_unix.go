//go:build unix

package site

import (
	"os"
	"syscall"
)

// lock takes an exclusive lock on the folder dir, waiting while another
// build holds it, so that two builds into one folder run one after the
// other. It creates no file; the operating system releases the lock when
// the process ends, however it ends.
func lock(dir string) (unlock func(), err error) {
	f, err := os.Open(dir)
	if err != nil {
		return nil, err
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
		f.Close()
		return nil, err
	}
	return func() {
		syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		f.Close()
	}, nil
}
