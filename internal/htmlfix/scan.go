package htmlfix

import (
	"bytes"
	"errors"
	"fmt"
	"hash/maphash"
	"net/url"
	"path"
	"slices"
	"strings"
	"sync"

	"github.com/gen-dossier/gen/internal/par"
	"golang.org/x/net/html"
)

// A Page is what the link check keeps of one HTML page once it has been
// scanned: its ids, the links that can only be resolved against the whole
// site, and the problems the page shows on its own. It holds no reference
// to the page's content.
type Page struct {
	// Path is the page's slash-separated path, relative to the site root.
	Path string

	ids      []uint64  // their hashes (idHash), sorted, without repeats
	links    []ref     // links to other files or to ids, in document order, without repeats
	problems []Problem // found on the page alone
}

// A ref is an href or src value to resolve once all pages are known.
type ref struct {
	attr string // "href" or "src"
	val  string
}

// Scan extracts from the HTML page data, found at path page, the ids of
// its elements and the value of every href and src attribute, as an HTML5
// parser (golang.org/x/net/html) builds them: attribute values are
// entity-decoded, names are case-insensitive, the first of repeated
// attributes wins, and the content of script, style, textarea, title and
// comments is not markup. It returns the page's duplicate ids and the
// links that can be judged without the rest of the site (unparsable,
// absolute or folder links); the others are kept for Checker.Problems.
// The links of an absolute page (whose links are absolute under a base
// URL, such as 404.html) are not looked at. A page is taken to be a file
// of the site: its links to its own ids are resolved now.
//
// Scan streams through the tokens of data and keeps only what it reports;
// it builds no tree unless the markup is malformed in ways that only the
// tree builder can settle (misnested formatting tags, content foster-parented
// out of tables, frames, templates, <select>, MathML, …).
func Scan(page string, data []byte, absolute bool) (*Page, error) {
	return scan(page, [][]byte{data}, absolute)
}

// ScanParts is Scan of the page made of parts, one after the other,
// without putting them together where it can read them apart: where
// each part but the last ends with a tag, a comment or a doctype after
// which the tokenizer reads markup (not the raw text of a script, say),
// such as a table row, and the tokens need no tree (see Scan). Elsewhere
// it joins them.
func ScanParts(page string, parts [][]byte, absolute bool) (*Page, error) {
	return scan(page, parts, absolute)
}

// ScanStream is ScanParts of the page whose parts next gives, one after
// the other, until it reports no more: it asks for each part as it comes
// to it (and for the next one before it is done with the current one),
// holding none it is done with, so that the page need never be held
// whole. Where ScanParts would join the parts, or the page needs a tree
// (see Scan), it stops, with ErrWhole: the page must be scanned whole,
// by ScanParts or Scan.
func ScanStream(page string, next func() ([]byte, bool), absolute bool) (*Page, error) {
	return scanFrom(page, nil, next, absolute)
}

// ErrWhole is ScanStream's error where it cannot read a page part by
// part.
var ErrWhole = errors.New("htmlfix: the page cannot be scanned part by part")

// scan is Scan of the page made of parts.
func scan(page string, parts [][]byte, absolute bool) (*Page, error) {
	return scanFrom(page, parts, nil, absolute)
}

// scanFrom is Scan of the page made of parts, or of the parts that pull
// gives when it is not nil, which are read apart or not at all.
func scanFrom(page string, parts [][]byte, pull func() ([]byte, bool), absolute bool) (*Page, error) {
	p := &Page{Path: page}
	seen := make(map[uint64]bool)         // hashes of the ids seen, and whether reported as duplicate
	var refs [attrSrc + 1]map[string]bool // href and src values seen
	add := func(e *attrs) {
		if id := e.val[attrID]; e.has[attrID] {
			h := maphash.Bytes(idSeed, id)
			if dup, ok := seen[h]; !ok {
				seen[h] = false
			} else if !dup {
				seen[h] = true
				p.problems = append(p.problems, Problem{page, fmt.Sprintf("duplicate id %q", id)})
			}
		}
		if absolute {
			return
		}
		for _, i := range [...]int{attrHref, attrSrc} {
			if !e.has[i] || refs[i][string(e.val[i])] {
				continue
			}
			if id, ok := ownFragment(e.val[i]); ok {
				if _, met := seen[maphash.Bytes(idSeed, id)]; met {
					// A link to an id of the page met before it, such as
					// a paragraph's own link: resolved, and so neither
					// kept nor made a string.
					continue
				}
			}
			if refs[i] == nil {
				refs[i] = make(map[string]bool)
			}
			r := ref{attrNames[i], string(e.val[i])}
			refs[i][r.val] = true
			if msg, check := judge(r); msg != "" {
				p.problems = append(p.problems, Problem{page, msg})
			} else if check {
				p.links = append(p.links, r)
			}
		}
	}
	reset := func() {
		clear(seen)
		refs = [attrSrc + 1]map[string]bool{}
		p.links, p.problems = p.links[:0], p.problems[:0]
	}
	var err error
	if pull != nil {
		if err = scanStreamTokens(pull, add); errors.Is(err, errParts) || errors.Is(err, errTree) {
			return nil, ErrWhole
		}
	} else if err = scanPartsTokens(parts, add); errors.Is(err, errParts) {
		parts = [][]byte{join(parts)}
		reset()
		err = scanTokens(parts[0], add)
	}
	if errors.Is(err, errTree) {
		reset()
		err = scanTree(join(parts), add)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %v", page, err)
	}
	p.ids = make([]uint64, 0, len(seen))
	for h := range seen {
		p.ids = append(p.ids, h)
	}
	slices.Sort(p.ids)
	return p, nil
}

// idSeed seeds idHash.
var idSeed = maphash.MakeSeed()

// idHash is what a Page keeps of an id: its 64-bit hash, a tenth of the
// memory of the id in a site whose every paragraph has one, which the
// pages linking to them may come long after. Two ids of one page that
// share a hash would pass for one (a duplicate, or a link to the other
// resolving): for the few hundred ids of a page the odds are below
// 10⁻¹⁴.
func idHash(id string) uint64 { return maphash.String(idSeed, id) }

// join returns the page made of parts.
func join(parts [][]byte) []byte {
	if len(parts) == 1 {
		return parts[0]
	}
	return bytes.Join(parts, nil)
}

// judge decides what it can of link r alone: it returns the problem
// found without looking at other files, or whether the link must be
// resolved against the site (it must not if it leaves the site).
func judge(r ref) (problem string, check bool) {
	p, ok := plainPath(r.val)
	if !ok {
		u, err := url.Parse(r.val)
		if err != nil {
			return fmt.Sprintf("bad %s %q: %v", r.attr, r.val, err), false
		}
		if u.Scheme != "" || u.Host != "" {
			return "", false
		}
		p = u.Path
	}
	if p != "" {
		if strings.HasPrefix(p, "/") {
			return fmt.Sprintf("%s %q is absolute: use a path relative to the page", r.attr, r.val), false
		}
		if strings.HasSuffix(p, "/") || p == "." || p == ".." {
			return fmt.Sprintf("%s %q points at a folder: link to a file", r.attr, r.val), false
		}
	}
	return "", true
}

// ownFragment returns the fragment of val if val is a plain link (see
// plainPath) to an id of its own page: "#" and the id.
func ownFragment(val []byte) ([]byte, bool) {
	if len(val) < 2 || val[0] != '#' {
		return nil, false
	}
	for _, c := range val {
		if !plainByte(c) {
			return nil, false
		}
	}
	return val[1:], true
}

// plainPath returns the path of link val as url.Parse does, without its
// allocations, if val is a plain relative link, as most links of a site
// are: made of ASCII letters, digits and "-._~/#" only, and not starting
// with "/". A plain link has no scheme (no ':'), no host (no leading
// "//"), no query and no escapes: its path is what precedes the first '#'.
func plainPath(val string) (path string, ok bool) {
	if strings.HasPrefix(val, "/") {
		return "", false
	}
	for i := 0; i < len(val); i++ {
		if !plainByte(val[i]) {
			return "", false
		}
	}
	path, _, _ = strings.Cut(val, "#")
	return path, true
}

// plainByte reports whether c may be in a plain link (see plainPath).
func plainByte(c byte) bool {
	return isLetter(c) || '0' <= c && c <= '9' || strings.IndexByte("-._~/#", c) >= 0
}

// scanTree is the slow, exact way of Scan: it parses data into a tree,
// as goquery does, and calls add for each element with its id, href and
// src attributes, in document order.
func scanTree(data []byte, add func(*attrs)) error {
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		return err
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			var e attrs
			for _, a := range n.Attr {
				e.set(a.Key, []byte(a.Val))
			}
			if e.any() {
				add(&e)
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return nil
}

// attrs holds the attributes of one element that Scan reports. The values
// are only valid until the function they are given to returns.
type attrs struct {
	val [3][]byte // indexed by attrID, attrHref, attrSrc
	has [3]bool
}

const (
	attrID = iota
	attrHref
	attrSrc
)

// attrNames are the names of the attributes of attrs, by index.
var attrNames = [3]string{"id", "href", "src"}

// set records attribute key=val unless the element already has it.
func (e *attrs) set(key string, val []byte) {
	if i := slices.Index(attrNames[:], key); i >= 0 && !e.has[i] {
		e.val[i], e.has[i] = val, true
	}
}

func (e *attrs) any() bool { return e.has[attrID] || e.has[attrHref] || e.has[attrSrc] }

// A Checker gathers the scanned pages of a site and resolves their links,
// each as soon as the page it names is added, the rest once all are known
// (Problems). Every page added must be a file of the site (one for which
// Problems' exists reports true), added once. Add may be called from
// several goroutines. The zero value is ready to use.
type Checker struct {
	mu    sync.Mutex
	pages map[string]*Page
}

// Add records page p, which must not have been added before. The links
// of p to pages added before it are resolved now, against those pages
// as they were added, the pages added being files of the site: p keeps
// only the links that are broken or must wait for the rest of the site,
// so that a site's pages, which mostly link to pages made before them,
// are not all kept until Problems.
func (c *Checker) Add(p *Page) {
	type target struct{ path, fragment string }
	targets := make([]target, len(p.links))
	for i, r := range p.links {
		targets[i].path, targets[i].fragment = resolve(p.Path, r.val)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.pages == nil {
		c.pages = make(map[string]*Page)
	}
	c.pages[p.Path] = p
	keep := make([]bool, len(p.links))
	n := 0
	for i, t := range targets {
		if _, ok := c.pages[t.path]; !ok || needsID(t.path, t.fragment) && !c.hasID(t.path, t.fragment) {
			keep[i] = true
			n++
		}
	}
	if n < len(p.links) {
		links := make([]ref, 0, n)
		for i, r := range p.links {
			if keep[i] {
				links = append(links, r)
			}
		}
		p.links = links
	}
}

// resolve returns the file that link val of page names, and its
// fragment; val was judged parsable by Scan.
func resolve(page, val string) (target, fragment string) {
	p, ok := plainPath(val)
	if ok {
		_, fragment, _ = strings.Cut(val, "#")
	} else {
		u, _ := url.Parse(val)
		p, fragment = u.Path, u.Fragment
	}
	if p == "" {
		return page, fragment
	}
	return path.Join(path.Dir(page), p), fragment
}

// needsID reports whether a link to fragment of file target resolves
// only if target has an element with that id.
func needsID(target, fragment string) bool {
	return fragment != "" && strings.HasSuffix(target, ".html")
}

// Problems returns the problems of the pages added, sorted and without
// repeats: those Scan found, and the links to files for which exists
// reports false or to ids that their (added) page lacks. exists is given
// slash-separated paths relative to the site root, from several
// goroutines at once.
func (c *Checker) Problems(exists func(path string) bool) []Problem {
	c.mu.Lock()
	defer c.mu.Unlock()
	pages := make([]*Page, 0, len(c.pages))
	for _, p := range c.pages {
		pages = append(pages, p)
	}
	// Several pages at a time: a large site's links are many.
	found := make([][]Problem, len(pages))
	par.Each(len(pages), func(i int) {
		p := pages[i]
		problems := slices.Clip(p.problems) // not appended to in place
		for _, r := range p.links {
			target, fragment := resolve(p.Path, r.val)
			if !exists(target) {
				problems = append(problems, Problem{p.Path, fmt.Sprintf("%s %q: no such file %s", r.attr, r.val, target)})
				continue
			}
			if needsID(target, fragment) && !c.hasID(target, fragment) {
				problems = append(problems, Problem{p.Path, fmt.Sprintf("%s %q: %s has no id %q", r.attr, r.val, target, fragment)})
			}
		}
		found[i] = problems
	})
	problems := slices.Concat(found...)
	slices.SortFunc(problems, func(a, b Problem) int { return strings.Compare(a.String(), b.String()) })
	return slices.Compact(problems)
}

// hasID reports whether the added page at path page has an element with
// the id. c.mu is held.
func (c *Checker) hasID(page, id string) bool {
	p := c.pages[page]
	if p == nil {
		return false
	}
	_, ok := slices.BinarySearch(p.ids, idHash(id))
	return ok
}
