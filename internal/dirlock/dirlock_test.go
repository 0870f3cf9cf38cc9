//go:build unix

package dirlock

import (
	"testing"
	"time"
)

func TestLock(t *testing.T) {
	dir := t.TempDir()
	unlock, err := Lock(dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := TryLock(dir); err == nil {
		t.Fatal("TryLock of a held lock succeeded")
	}
	got := make(chan func(), 1)
	go func() {
		u, err := Lock(dir) // waits for the first
		if err != nil {
			t.Error(err)
		}
		got <- u
	}()
	select {
	case <-got:
		t.Fatal("Lock of a held lock did not wait")
	case <-time.After(50 * time.Millisecond):
	}
	unlock()
	(<-got)()
	u, err := TryLock(dir)
	if err != nil {
		t.Fatalf("TryLock of a free lock: %v", err)
	}
	u()
	if _, err := Lock(dir + "/missing"); err == nil {
		t.Error("Lock of a missing folder succeeded")
	}
}
