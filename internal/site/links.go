package site

import (
	"github.com/gen-dossier/gen/internal/htmlfix"
)

// A linkChecker scans the pages of a build as they are emitted, keeping
// only their ids and links, and checks the links once every file is.
type linkChecker struct {
	c htmlfix.Checker
}

func (l *linkChecker) scan(p string, data []byte, absolute bool) error {
	page, err := htmlfix.Scan(p, data, absolute)
	if err != nil {
		return err
	}
	l.c.Add(page)
	return nil
}

// scanParts is scan of the page at path p made of parts, one after the
// other (see htmlfix.ScanParts).
func (l *linkChecker) scanParts(p string, parts [][]byte) error {
	page, err := htmlfix.ScanParts(p, parts, false)
	if err != nil {
		return err
	}
	l.c.Add(page)
	return nil
}

// add adds the page scanned apart (see htmlfix.ScanStream).
func (l *linkChecker) add(page *htmlfix.Page) { l.c.Add(page) }

// problems returns the broken links and duplicate ids of the pages,
// given every path of the site.
func (l *linkChecker) problems(paths map[string]bool) []htmlfix.Problem {
	return l.c.Problems(func(p string) bool { return paths[p] })
}
