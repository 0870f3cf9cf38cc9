// Package diag is the one error vocabulary of gen: every problem found in a
// dossier is reported as a position, a message and a hint on how to fix it,
//
//	content/claims.yaml:12: quote not found in timeshub
//		hint: closest passage (83% similar): "…"
//
// in the style of go/scanner's ErrorList. Errors are collected rather than
// returned one at a time, so that a user sees every problem of a build at
// once, sorted by file and line.
package diag

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// A Pos is a position in a content file. Line and Col are 1-based; zero
// means unknown, and the position then prints as the file name alone.
type Pos struct {
	File string
	Line int
	Col  int
}

// String formats the position as file:line:col, file:line or file.
func (p Pos) String() string {
	switch {
	case p.File == "" && p.Line == 0:
		return ""
	case p.Line == 0:
		return p.File
	case p.Col == 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// An Error is one problem at one position, with an optional hint that
// says how to fix it.
type Error struct {
	Pos  Pos
	Msg  string
	Hint string
}

// Error formats the problem as "pos: msg", followed by the hint on an
// indented second line when there is one.
func (e *Error) Error() string {
	var b strings.Builder
	if s := e.Pos.String(); s != "" {
		b.WriteString(s)
		b.WriteString(": ")
	}
	b.WriteString(e.Msg)
	if e.Hint != "" {
		b.WriteString("\n\thint: ")
		b.WriteString(strings.ReplaceAll(e.Hint, "\n", "\n\t"))
	}
	return b.String()
}

// A List is a list of errors (or warnings). The zero value is an empty
// list ready to use.
type List []*Error

// Add appends an error at pos.
func (l *List) Add(pos Pos, msg, hint string) {
	*l = append(*l, &Error{Pos: pos, Msg: msg, Hint: hint})
}

// Addf appends an error at pos with a formatted message and no hint.
func (l *List) Addf(pos Pos, format string, args ...any) {
	l.Add(pos, fmt.Sprintf(format, args...), "")
}

// Append appends every error of other.
func (l *List) Append(other List) { *l = append(*l, other...) }

// Len reports the number of errors.
func (l List) Len() int { return len(l) }

// Sort sorts the list by file, line, column, message and hint.
func (l List) Sort() {
	slices.SortStableFunc(l, compare)
}

func compare(a, b *Error) int {
	return cmp.Or(
		cmp.Compare(a.Pos.File, b.Pos.File),
		cmp.Compare(a.Pos.Line, b.Pos.Line),
		cmp.Compare(a.Pos.Col, b.Pos.Col),
		cmp.Compare(a.Msg, b.Msg),
		cmp.Compare(a.Hint, b.Hint),
	)
}

// Error returns the first error and the number of others, as go/scanner does.
func (l List) Error() string {
	switch len(l) {
	case 0:
		return "no errors"
	case 1:
		return l[0].Error()
	}
	return fmt.Sprintf("%s (and %d more errors)", l[0], len(l)-1)
}

// Err returns the list as an error, sorted and without repeats (the
// same problem found by several workers, such as a template error on
// every page of a kind), or nil when it is empty.
func (l List) Err() error {
	if len(l) == 0 {
		return nil
	}
	l.Sort()
	return slices.CompactFunc(l, func(a, b *Error) bool { return compare(a, b) == 0 })
}

// Lines returns every error, one formatted entry per element, in order.
func (l List) Lines() []string {
	out := make([]string, len(l))
	for i, e := range l {
		out[i] = e.Error()
	}
	return out
}
