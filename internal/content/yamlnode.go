package content

import (
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/gen-dossier/gen/internal/diag"
	"go.yaml.in/yaml/v3"
)

// A decoder walks yaml.Nodes of one file, checking shapes and keys
// strictly and recording every problem with its line.
type decoder struct {
	file string
	errs *diag.List
}

func (d *decoder) pos(n *yaml.Node) diag.Pos {
	if n == nil {
		return diag.Pos{File: d.file}
	}
	return diag.Pos{File: d.file, Line: n.Line}
}

func (d *decoder) errorf(n *yaml.Node, hint, format string, args ...any) {
	d.errs.Add(d.pos(n), fmt.Sprintf(format, args...), hint)
}

// parse decodes data into a document node. A syntax error is reported
// with the line yaml gives, and parse returns nil.
func (d *decoder) parse(data []byte) *yaml.Node {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		line := 0
		msg := err.Error()
		if m := yamlLine.FindStringSubmatch(msg); m != nil {
			fmt.Sscan(m[1], &line)
			msg = strings.TrimSpace(yamlLine.ReplaceAllString(msg, ""))
		}
		msg = strings.TrimPrefix(msg, "yaml: ")
		d.errs.Add(diag.Pos{File: d.file, Line: line}, "YAML syntax error: "+msg,
			"check indentation (spaces, not tabs) and quote values that contain ': ' or start with a special character")
		return nil
	}
	if len(doc.Content) == 0 {
		return nil // empty file
	}
	return doc.Content[0]
}

var yamlLine = regexp.MustCompile(`(?:yaml: )?line (\d+): ?`)

// kindName names a node kind for error messages.
func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping (key: value)"
	case yaml.SequenceNode:
		return "a list"
	case yaml.AliasNode:
		return "an alias"
	}
	if n.Tag == "!!null" {
		return "empty"
	}
	return "a value"
}

// A field is one key of a mapping with its value node.
type field struct {
	key   *yaml.Node
	value *yaml.Node
}

// mapping checks that n is a mapping whose keys are all in known,
// reports unknown and duplicate keys, and returns its fields, in order,
// the first of a repeated key only.
// what names the mapping in messages ("claim", "source sidecar").
func (d *decoder) mapping(n *yaml.Node, what string, known ...string) fields {
	if n == nil {
		return nil
	}
	if n.Kind != yaml.MappingNode {
		d.errorf(n, "", "%s must be a mapping (key: value lines), not %s", what, kindName(n))
		return nil
	}
	out := make(fields, 0, len(n.Content)/2)
	var index map[string]int // by key, the entry of a mapping too long to search
	if len(n.Content)/2 > 32 {
		index = make(map[string]int, len(n.Content)/2)
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		name := k.Value
		if known != nil && !contains(known, name) {
			d.errorf(k, "known keys: "+strings.Join(known, ", "), "unknown key %q in %s%s", name, what, suggest(name, known))
			continue
		}
		var prev field
		if index == nil {
			prev = out.get(name)
		} else if j, ok := index[name]; ok {
			prev = out[j]
		}
		if prev.key != nil {
			d.errorf(k, "remove one of them", "duplicate key %q in %s (first at line %d)", name, what, prev.key.Line)
			continue
		}
		if index != nil {
			index[name] = len(out)
		}
		out = append(out, field{k, v})
	}
	return out
}

// fields are the entries of a mapping, in order (see decoder.mapping):
// a mapping has few keys, which a search finds sooner than a map, made
// for each of the tens of thousands of a large dossier's entries.
type fields []field

// get returns the entry of key name, or none. The entries of a long
// mapping are ranged over, not got.
func (fs fields) get(name string) field {
	for _, f := range fs {
		if f.key.Value == name {
			return f
		}
	}
	return field{}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// suggest returns `; did you mean "x"?` for a near-miss key.
func suggest(name string, known []string) string {
	best, bestD := "", 3
	for _, k := range known {
		if d := editDistance(name, k); d < bestD {
			best, bestD = k, d
		}
	}
	if best == "" {
		return ""
	}
	return fmt.Sprintf("; did you mean %q?", best)
}

func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			c := prev[j-1]
			if a[i-1] != b[j-1] {
				c++
			}
			cur[j] = min(c, prev[j]+1, cur[j-1]+1)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// str returns the scalar string value of f, reporting other shapes.
func (d *decoder) str(f field, what string) string {
	if f.value == nil {
		return ""
	}
	if f.value.Kind != yaml.ScalarNode || f.value.Tag == "!!null" {
		if f.value.Tag == "!!null" {
			return ""
		}
		d.errorf(f.value, "write it as text, e.g. "+f.key.Value+": \"…\"", "%s %q must be text, not %s", what, f.key.Value, kindName(f.value))
		return ""
	}
	return strings.TrimSpace(f.value.Value)
}

// boolean returns the boolean value of f.
func (d *decoder) boolean(f field, what string) bool {
	if f.value == nil {
		return false
	}
	switch f.value.Value {
	case "true":
		return true
	case "false":
		return false
	}
	d.errorf(f.value, "use true or false", "%s %q must be true or false, not %q", what, f.key.Value, f.value.Value)
	return false
}

// date parses a YYYY-MM-DD value, rejecting dates that do not exist.
func (d *decoder) date(f field, what string) Date {
	s := d.str(f, what)
	if s == "" {
		return Date{}
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		hint := "write dates as YYYY-MM-DD, e.g. 2024-04-12"
		if dateShape.MatchString(s) {
			hint = "that day does not exist in the calendar; check the month and day"
		}
		d.errorf(f.value, hint, "%s %q: bad date %q", what, f.key.Value, s)
		return Date{}
	}
	return Date{t}
}

var dateShape = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

// A Date is a calendar day (UTC midnight). The zero Date means "not set".
type Date struct{ time.Time }

// String formats the date as YYYY-MM-DD, or "" for the zero Date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return d.Format(time.DateOnly)
}

// ParseDate parses YYYY-MM-DD.
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(time.DateOnly, s)
	return Date{t}, err
}

// ids: URL-safe, lower case, no path tricks.
var idShape = regexp.MustCompile(`^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$`)

// ValidID reports whether s can be used as a slug or id: lower-case ASCII
// letters, digits and inner hyphens, at most 64 characters. Such names
// are safe in file names and URL fragments on every platform.
func ValidID(s string) bool { return idShape.MatchString(s) && !reservedName(s) }

// reservedName reports Windows device names, which cannot be file names.
func reservedName(s string) bool {
	switch strings.ToLower(s) {
	case "con", "prn", "aux", "nul",
		"com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9",
		"lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9":
		return true
	}
	return false
}

const idHint = "use lower-case letters, digits and hyphens only, e.g. scholz-trip"
