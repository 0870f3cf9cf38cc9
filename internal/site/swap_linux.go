//go:build linux

package site

import "golang.org/x/sys/unix"

// exchange swaps the folders a and b in one atomic step
// (renameat2 with RENAME_EXCHANGE): there is no moment at which either
// path is missing, so a build killed at any point leaves one complete
// site at a.
func exchange(a, b string) error {
	return unix.Renameat2(unix.AT_FDCWD, a, unix.AT_FDCWD, b, unix.RENAME_EXCHANGE)
}
