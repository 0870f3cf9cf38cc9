package diag

import (
	"errors"
	"fmt"
	"testing"
)

func TestErrorFormat(t *testing.T) {
	tests := []struct {
		name string
		err  Error
		want string
	}{
		{"file-line", Error{Pos{"claims.yaml", 3, 0}, "unknown key \"qoute\"", ""}, `claims.yaml:3: unknown key "qoute"`},
		{"file-line-col", Error{Pos{"a.yaml", 3, 7}, "bad", ""}, `a.yaml:3:7: bad`},
		{"file-only", Error{Pos{"a.txt", 0, 0}, "empty capture", ""}, `a.txt: empty capture`},
		{"no-pos", Error{Pos{}, "no sources", ""}, `no sources`},
		{"hint", Error{Pos{"a.yaml", 1, 0}, "bad", "fix it\nlike this"}, "a.yaml:1: bad\n\thint: fix it\n\tlike this"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.err.Error(); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestListSortAndErr(t *testing.T) {
	var l List
	if l.Err() != nil {
		t.Fatal("empty list: Err() != nil")
	}
	l.Addf(Pos{"b.yaml", 1, 0}, "two")
	l.Addf(Pos{"a.yaml", 9, 0}, "one")
	l.Addf(Pos{"a.yaml", 2, 0}, "zero")
	err := l.Err()
	var got List
	if !errors.As(err, &got) {
		t.Fatalf("Err() is %T, want List", err)
	}
	want := []string{"a.yaml:2: zero", "a.yaml:9: one", "b.yaml:1: two"}
	if fmt.Sprint(got.Lines()) != fmt.Sprint(want) {
		t.Errorf("sorted = %q, want %q", got.Lines(), want)
	}
	if s := err.Error(); s != "a.yaml:2: zero (and 2 more errors)" {
		t.Errorf("Error() = %q", s)
	}
}

func ExampleList() {
	var errs List
	errs.Add(Pos{File: "content/claims.yaml", Line: 12}, "quote not found in timeshub", `closest passage (91% similar): "90% of Russian microelectronics imports"`)
	errs.Addf(Pos{File: "content/claims.yaml", Line: 4}, "duplicate id %q", "scholz-trip")
	errs.Sort()
	for _, line := range errs.Lines() {
		fmt.Println(line)
	}
	// Output:
	// content/claims.yaml:4: duplicate id "scholz-trip"
	// content/claims.yaml:12: quote not found in timeshub
	// 	hint: closest passage (91% similar): "90% of Russian microelectronics imports"
}

// TestErrDropsRepeats checks that the same problem found several times
// (a template error on every page of a kind) is reported once.
func TestErrDropsRepeats(t *testing.T) {
	var l List
	for range 3 {
		l.Add(Pos{File: "templates/source.html", Line: 4}, "template error: x", "fix the template")
	}
	l.Add(Pos{File: "templates/source.html", Line: 5}, "template error: x", "fix the template")
	err := l.Err()
	got, ok := err.(List)
	if !ok || len(got) != 2 {
		t.Fatalf("Err() = %v, want the two distinct errors", err)
	}
}
