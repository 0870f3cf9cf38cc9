package render

import (
	"strings"
	"testing"
	"testing/fstest"
)

func TestFuncs(t *testing.T) {
	tests := []struct{ got, want string }{
		{humanDate("2024-04-12"), "12 April 2024"},
		{humanDate("not a date"), "not a date"},
		{humanSpan("2024-04-13", "2024-04-14"), "13–14 April 2024"},
		{humanSpan("2024-04-30", "2024-05-02"), "30 April – 2 May 2024"},
		{humanSpan("2023-12-30", "2024-01-02"), "30 December 2023 – 2 January 2024"},
		{humanSpan("2024-04-12", "2024-04-12"), "12 April 2024"},
		{plural(1, "claim"), "1 claim"},
		{plural(3, "claim"), "3 claims"},
		{plural(2, "entry"), "2 entries"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
}

func TestParseErrors(t *testing.T) {
	base := "{{define \"base\"}}{{template \"main\" .}}{{end}}"
	fsys := fstest.MapFS{"base.html": {Data: []byte(base)}}
	for _, k := range Kinds {
		fsys[k+".html"] = &fstest.MapFile{Data: []byte(`{{define "main"}}ok{{end}}`)}
	}
	if _, err := Parse(fsys); err != nil {
		t.Fatalf("valid templates: %v", err)
	}
	fsys["claims.html"] = &fstest.MapFile{Data: []byte("{{define \"main\"}}\n{{.Nope | nofunc}}\n{{end}}")}
	_, err := Parse(fsys)
	if err == nil || !strings.Contains(err.Error(), "claims.html:2") {
		t.Errorf("error does not name claims.html:2: %v", err)
	}
	delete(fsys, "page.html")
	fsys["claims.html"] = &fstest.MapFile{Data: []byte(`{{define "main"}}ok{{end}}`)}
	if _, err := Parse(fsys); err == nil || !strings.Contains(err.Error(), "page.html") {
		t.Errorf("missing page.html: %v", err)
	}
}
