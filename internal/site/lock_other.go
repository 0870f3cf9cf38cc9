//go:build !unix

package site

// lock is a no-op where flock is not available; builds into one folder
// are still never mixed, since each swaps in a complete tree.
func lock(dir string) (unlock func(), err error) { return func() {}, nil }
