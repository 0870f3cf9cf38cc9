//go:build !unix

package cache

// lock is a no-op where flock is not available. Two processes using one
// cache at once may then damage each other's values, which the
// checksums turn into misses.
func lock(dir string) (unlock func(), err error) { return func() {}, nil }
