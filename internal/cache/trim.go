package cache

import (
	"os"
	"path/filepath"
	"time"

	"github.com/gen-dossier/gen/internal/dirlock"
)

// Trim removes the caches under the folder root that no build has used
// for maxAge (their content folder moved or deleted, most often). It
// looks at most once a day, and reports nothing: a cache it cannot
// remove is only disk space.
func Trim(root string, maxAge time.Duration, now time.Time) {
	mark := filepath.Join(root, "trimmed")
	if fi, err := os.Stat(mark); err == nil && now.Sub(fi.ModTime()) < 24*time.Hour {
		return
	}
	entries, err := os.ReadDir(root)
	if err != nil {
		return
	}
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		dir := filepath.Join(root, e.Name())
		fi, err := os.Stat(filepath.Join(dir, "index"))
		if err != nil {
			fi, err = os.Stat(dir) // a cache never closed
		}
		if err == nil && now.Sub(fi.ModTime()) > maxAge {
			if unlock, err := dirlock.TryLock(dir); err == nil { // not in use
				os.RemoveAll(dir)
				unlock()
			}
		}
	}
	if os.WriteFile(mark, nil, 0o644) == nil {
		os.Chtimes(mark, now, now)
	}
}
