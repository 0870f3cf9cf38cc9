package content

import (
	"bytes"
	"runtime"

	"github.com/gen-dossier/gen/internal/par"
	"go.yaml.in/yaml/v3"
)

// splitMin is the size below which a list is parsed in one piece.
const splitMin = 128 << 10

// parseList decodes data, a YAML list such as claims.yaml, into a
// document node as parse does. A large list whose items each start a
// line with "- " is parsed several items at a time, in parallel, and its
// pieces joined: the same nodes, lines counted from the file's start. When
// a piece does not parse on its own (an alias of an anchor in another
// piece, a quoted value running over an item's start), the list is parsed
// whole, which also gives syntax errors their lines.
func (d *decoder) parseList(data []byte) *yaml.Node {
	if pieces := splitItems(data, runtime.GOMAXPROCS(0)*4, splitMin); len(pieces) > 1 {
		if root := parsePieces(data, pieces); root != nil {
			return root
		}
	}
	return d.parse(data)
}

// A piece is data[start:end], starting at line line (1-based).
type piece struct{ start, end, line int }

// splitItems cuts data, a block list at the start of its lines, into at
// most n pieces of whole items, the first with what comes before the
// first item; nil when data is smaller than min bytes or not such a
// list, or holds a directive or document marker.
func splitItems(data []byte, n, min int) []piece {
	if len(data) < min || n < 2 || otherBreaks(data) {
		return nil
	}
	var items []piece // where each item starts
	off, line := 0, 1
	for l := range bytes.Lines(data) {
		switch {
		case bytes.HasPrefix(l, []byte("- ")) || bytes.Equal(bytes.TrimRight(l, "\r\n"), []byte("-")):
			items = append(items, piece{start: off, line: line})
		case bytes.HasPrefix(l, []byte("---")), bytes.HasPrefix(l, []byte("...")), bytes.HasPrefix(l, []byte("%")):
			return nil
		case len(items) == 0 && !blankOrComment(l):
			return nil // something before the first item
		}
		off += len(l)
		line++
	}
	if len(items) < 2 {
		return nil
	}
	items[0].start, items[0].line = 0, 1
	size := len(data)/n + 1
	var pieces []piece
	for _, it := range items {
		if len(pieces) == 0 || it.start-pieces[len(pieces)-1].start >= size {
			pieces = append(pieces, it)
		}
	}
	for i := range pieces {
		pieces[i].end = len(data)
		if i+1 < len(pieces) {
			pieces[i].end = pieces[i+1].start
		}
	}
	return pieces
}

// otherBreaks reports whether data holds a line break YAML counts but
// splitItems does not: a lone CR, NEL, LS or PS.
func otherBreaks(data []byte) bool {
	for rest := data; ; {
		i := bytes.IndexByte(rest, '\r')
		if i < 0 {
			break
		}
		if i+1 == len(rest) || rest[i+1] != '\n' {
			return true
		}
		rest = rest[i+1:]
	}
	return bytes.Contains(data, []byte("\u0085")) || bytes.Contains(data, []byte("\u2028")) || bytes.Contains(data, []byte("\u2029"))
}

// blankOrComment reports whether the line l holds only white space or a
// comment.
func blankOrComment(l []byte) bool {
	l = bytes.TrimLeft(l, " \t\r\n")
	return len(l) == 0 || l[0] == '#'
}

// parsePieces parses each piece of data as a list and joins their items
// into one; nil when a piece does not parse as a list on its own.
func parsePieces(data []byte, pieces []piece) *yaml.Node {
	roots := make([]*yaml.Node, len(pieces))
	par.Each(len(pieces), func(i int) {
		p := pieces[i]
		var doc yaml.Node
		if yaml.Unmarshal(data[p.start:p.end], &doc) != nil || len(doc.Content) != 1 || doc.Content[0].Kind != yaml.SequenceNode {
			return
		}
		if p.line > 1 {
			shiftLines(doc.Content[0], p.line-1)
		}
		roots[i] = doc.Content[0]
	})
	for _, r := range roots {
		if r == nil {
			return nil
		}
	}
	root := roots[0]
	for _, r := range roots[1:] {
		root.Content = append(root.Content, r.Content...)
	}
	return root
}

// shiftLines adds by to the line of n and of every node under it.
func shiftLines(n *yaml.Node, by int) {
	n.Line += by
	for _, c := range n.Content {
		shiftLines(c, by)
	}
}
