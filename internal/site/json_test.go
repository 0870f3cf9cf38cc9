package site

import (
	"bytes"
	"encoding/json"
	"testing"
	"testing/fstest"

	"github.com/gen-dossier/gen/internal/content"
	"github.com/gen-dossier/gen/internal/corpus"
	"github.com/gen-dossier/gen/internal/render"
)

// TestDataIsMarshal checks that dossier.json, written a batch of
// elements at a time, holds the bytes json.Marshal makes of its content
// as one jsonDossier: for the committed dossier, and for a generated one
// with arrays of several batches.
func TestDataIsMarshal(t *testing.T) {
	gen := fstest.MapFS{}
	for p, data := range corpus.Generate(3*jsonBatch + 7) {
		gen[p] = &fstest.MapFile{Data: data}
	}
	large := repoConfig()
	large.Content = gen
	for name, cfg := range map[string]Config{"committed": repoConfig(), "generated": large} {
		t.Run(name, func(t *testing.T) {
			o, err := Build(cfg)
			if err != nil {
				t.Fatal(err)
			}
			data, _ := o.File("dossier.json")
			d := decodeData(t, data)
			if len(d.Claims) == 0 || len(d.Sources) == 0 || len(d.Events) == 0 || len(d.Figures) == 0 {
				t.Fatalf("dossier.json lacks data: %d sources, %d claims, %d events, %d figures", len(d.Sources), len(d.Claims), len(d.Events), len(d.Figures))
			}
			want, err := json.Marshal(d)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(data, want) {
				i := 0
				for i < min(len(data), len(want)) && data[i] == want[i] {
					i++
				}
				t.Errorf("dossier.json differs from json.Marshal of its content at byte %d: %.80q, want %.80q", i, data[i:], want[i:])
			}
		})
	}
}

// decodeData decodes dossier.json, which holds only the fields of a
// jsonDossier.
func decodeData(t *testing.T, data []byte) jsonDossier {
	t.Helper()
	var d jsonDossier
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&d); err != nil {
		t.Fatalf("dossier.json: %v", err)
	}
	return d
}

// TestJSONLDIsMarshal checks that the claims page's JSON-LD, its claims
// marshaled one by one, is what json.Marshal makes of the whole graph:
// without claims, with and without a base URL, and with quotes that
// json.Marshal escapes.
func TestJSONLDIsMarshal(t *testing.T) {
	src := &render.Source{Outlet: "A & B", Page: "sources/a.html"}
	linked := &render.Source{Outlet: "C", URL: "https://c.example/<x>", Page: "sources/c.html"}
	claims := []*render.Claim{
		{URL: "claims.html#c1", Topic: "T", Cells: []*render.Cell{{Source: src, Reported: true, URL: "sources/a.html#p"}, {Source: linked, Reported: true}, {Source: src}}},
		{URL: "claims.html#c2"},
	}
	texts := []*content.Claim{{Claim: `One <b>"x"</b>`}, {Claim: "Two"}}
	for _, tt := range []struct {
		name, base string
		claims     int
	}{{"none", "", 0}, {"relative", "", 2}, {"base URL", "https://d.example/", 2}} {
		t.Run(tt.name, func(t *testing.T) {
			b := &builder{d: &content.Dossier{BaseURL: tt.base, Claims: texts[:tt.claims]}}
			site := &render.Site{Claims: claims[:tt.claims]}
			// What jsonLD made before, with one json.Marshal.
			type appearance struct {
				Type string `json:"@type"`
				URL  string `json:"url"`
				Name string `json:"name,omitempty"`
			}
			type claim struct {
				Type       string       `json:"@type"`
				ID         string       `json:"@id,omitempty"`
				Text       string       `json:"text"`
				About      string       `json:"about,omitempty"`
				Appearance []appearance `json:"appearance"`
			}
			var graph []claim
			for i, c := range site.Claims {
				cl := claim{Type: "Claim", Text: texts[i].Claim, About: c.Topic}
				if tt.base != "" {
					cl.ID = tt.base + c.URL
				}
				for _, cell := range c.Cells {
					if !cell.Reported {
						continue
					}
					u := cell.URL
					if cell.Source.URL != "" {
						u = cell.Source.URL
					} else if tt.base != "" {
						u = tt.base + cell.URL
					}
					cl.Appearance = append(cl.Appearance, appearance{Type: "CreativeWork", URL: u, Name: cell.Source.Outlet})
				}
				graph = append(graph, cl)
			}
			want, err := json.Marshal(map[string]any{"@context": "https://schema.org", "@graph": graph})
			if err != nil {
				t.Fatal(err)
			}
			if got := b.jsonLD(site); string(got) != string(want) {
				t.Errorf("jsonLD\n%s\nwant\n%s", got, want)
			}
		})
	}
}

// FuzzJSONString checks appendJSONString against json.Marshal, on the
// characters either escapes: quotes, backslashes, HTML's, control
// characters, line and paragraph separators, invalid UTF-8.
func FuzzJSONString(f *testing.F) {
	for _, s := range []string{"", "plain", `"q" \ b`, "<a href='x'>&amp;</a>", "\x00\x01\b\f\n\r\t\x1f\x7f",
		"\u2028\u2029", "é ✓ 🙂", "\xff\xfe", "a\xc3", "\xed\xa0\x80", "\uFFFD"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		if got := appendJSONString([]byte("x"), s); string(got) != "x"+string(want) {
			t.Errorf("appendJSONString(%q) = %s, want %s", s, got[1:], want)
		}
	})
}

// TestJSONAppend checks the append methods against json.Marshal on
// values with every field set and with every field that may be left out
// empty.
func TestJSONAppend(t *testing.T) {
	full := jsonQuote{Quote: "q <", Stance: "differs", Note: "n", Absent: true, URL: "u",
		Window: &jsonWindow{Phrase: "last week", From: "2024-04-01", To: "2024-04-07", Reference: "2024-04-10", Basis: "published", Fits: true}}
	for _, v := range []interface{ append([]byte) []byte }{
		jsonSource{}, jsonSource{Slug: "s", Outlet: "O & P", Title: "t", Author: "a", Published: "p", Retrieved: "r", AttributedTo: "AP",
			URL: "https://x/?a=1&b=2", ReferenceDate: "d", ReferenceBasis: "b", Detected: []string{"title", "author"}, Page: "p", Raw: "r",
			SHA256: "00", Format: "HTML", WordsKept: 12, WordsRemoved: -1},
		jsonClaim{}, jsonClaim{ID: "c", Claim: "x", Topic: "t", Note: "n", URL: "u", Sources: map[string]jsonQuote{"b": full, "a": {}, "c": {URL: "u"}}},
		jsonEvent{}, jsonEvent{ID: "e", Title: "t", Date: "d", End: "e", Basis: "b", Note: "n", URL: "u", Sources: map[string]jsonQuote{}},
		jsonQuote{}, full, jsonQuote{Window: &jsonWindow{}}, jsonQuote{Stance: "s", Window: &jsonWindow{Basis: "b"}},
		jsonPageRef{}, jsonPageRef{Name: "n", Title: "t", Page: "p"},
		jsonFigure{}, jsonFigure{Text: "90%", Value: "90", Sentence: `"s"`, URL: "u"},
	} {
		want, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		if got := v.append(nil); string(got) != string(want) {
			t.Errorf("%T append\n%s\nwant\n%s", v, got, want)
		}
	}
}
