package timeline

import (
	"encoding/xml"
	"flag"
	"os"
	"strings"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite testdata/*.svg")

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

// TestGolden draws a small synthetic timeline with a cut-out gap, a span
// and a publication marker, and compares it with testdata/small.svg.
func TestGolden(t *testing.T) {
	got := SVG("Test timeline", []Event{
		{Label: "1", Title: "Invasion", Date: day("2022-02-24")},
		{Label: "2", Title: "Call <&>", Date: day("2024-04-02")},
		{Label: "3", Title: "Visit", Date: day("2024-04-04"), End: day("2024-04-09")},
		{Label: "4", Title: "Meeting", Date: day("2024-04-17"), End: day("2024-04-19")},
	}, []Marker{{Label: "Outlet", Date: day("2024-04-16")}})
	const file = "testdata/small.svg"
	if *update {
		if err := os.WriteFile(file, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("SVG differs from %s (go test -update to accept):\n%s", file, got)
	}
	// Well-formed XML, with a title and a description naming every event.
	var doc struct {
		Title string `xml:"title"`
		Desc  string `xml:"desc"`
	}
	if err := xml.Unmarshal([]byte(got), &doc); err != nil {
		t.Fatalf("not well-formed: %v", err)
	}
	for _, s := range []string{"Invasion: 24 February 2022", "Call <&>: 2 April 2024", "Visit: 4 April to 9 April 2024", "Outlet published 16 April 2024"} {
		if !strings.Contains(doc.Desc, s) {
			t.Errorf("desc lacks %q: %s", s, doc.Desc)
		}
	}
	if strings.Count(got, "≈") != 1 {
		t.Errorf("want one axis break, got %d", strings.Count(got, "≈"))
	}
}

func TestEmpty(t *testing.T) {
	if got := SVG("x", nil, nil); got != "" {
		t.Errorf("SVG of no events = %q", got)
	}
}
