// Package dirlock takes exclusive locks on folders, so that two gen
// processes never write one output folder or one cache at once. A lock
// creates no file, and the operating system releases it when the
// process ends, however it ends. Where locks are not available (outside
// Unix) taking one always succeeds at once.
package dirlock

// Lock takes the lock on the folder dir, waiting while another process
// (or another Lock in this one) holds it.
func Lock(dir string) (unlock func(), err error) { return lock(dir, true) }

// TryLock takes the lock on the folder dir, or fails at once if it is
// held.
func TryLock(dir string) (unlock func(), err error) { return lock(dir, false) }
