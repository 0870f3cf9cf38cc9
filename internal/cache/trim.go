package cache

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"time"

	"github.com/gen-dossier/gen/internal/dirlock"
)

// Dir returns the folder, in the folder root, of the cache of the
// thing called name (a content folder's absolute path): a folder named
// by a hash of name, which Trim knows as a cache's.
func Dir(root, name string) string {
	sum := sha256.Sum256([]byte(name))
	return filepath.Join(root, hex.EncodeToString(sum[:dirBytes]))
}

const dirBytes = 8

// isDirName reports whether name is a name Dir gives.
func isDirName(name string) bool {
	b, err := hex.DecodeString(name)
	return err == nil && len(b) == dirBytes && hex.EncodeToString(b) == name
}

// Trim removes the caches in the folder root that no build has used for
// maxAge (their content folder moved or deleted, most often). It looks
// at most once a day, removes only folders named as Dir names them that
// hold the tag Open writes, and reports nothing: a cache it cannot remove
// is only disk space.
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
		if !e.IsDir() || !isDirName(e.Name()) {
			continue
		}
		dir := filepath.Join(root, e.Name())
		if b, err := os.ReadFile(filepath.Join(dir, "CACHEDIR.TAG")); err != nil || string(b) != tag {
			continue
		}
		fi, err := os.Stat(filepath.Join(dir, "index"))
		if err != nil {
			fi, err = os.Stat(filepath.Join(dir, "CACHEDIR.TAG")) // never closed
		}
		if err == nil && now.Sub(fi.ModTime()) > maxAge {
			if unlock, err := dirlock.TryLock(dir); err == nil { // not in use
				os.RemoveAll(dir)
				unlock()
			}
		}
	}
	if os.WriteFile(mark, nil, 0o600) == nil {
		os.Chtimes(mark, now, now)
	}
}
