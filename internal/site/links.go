package site

import (
	"sync"

	"github.com/gen-dossier/gen/internal/htmlfix"
)

// A linkChecker gathers the pages of a build as they are emitted and
// checks their links once every file is.
type linkChecker struct {
	mu    sync.Mutex
	pages map[string][]byte
}

func (l *linkChecker) scan(p string, data []byte, absolute bool) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.pages == nil {
		l.pages = map[string][]byte{}
	}
	l.pages[p] = data
	return nil
}

// problems returns the broken links and duplicate ids of the pages,
// given every path of the site.
func (l *linkChecker) problems(paths map[string]bool) ([]htmlfix.Problem, error) {
	files := make(map[string][]byte, len(paths))
	for p := range paths {
		files[p] = l.pages[p]
	}
	return htmlfix.Check(files, "404.html")
}
