//go:build !unix

package dirlock

// lock is a no-op where flock is not available.
func lock(dir string, wait bool) (unlock func(), err error) { return func() {}, nil }
