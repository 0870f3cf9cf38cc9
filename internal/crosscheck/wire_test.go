package crosscheck

import (
	"reflect"
	"slices"
	"testing"
	"unsafe"

	"github.com/gen-dossier/gen/internal/wire"
)

// within reports whether part is held in the memory of s.
func within(part, s string) bool {
	if part == "" {
		return true
	}
	p, b := uintptr(unsafe.Pointer(unsafe.StringData(part))), uintptr(unsafe.Pointer(unsafe.StringData(s)))
	return p >= b && p+uintptr(len(part)) <= b+uintptr(len(s))
}

// TestWire: the figures and terms of an article read back as they were
// written, sharing the paragraphs' memory, whatever the article holds.
func TestWire(t *testing.T) {
	for _, tc := range []struct {
		name  string
		paras []string
	}{
		{"none", nil},
		{"no figures", []string{"Officials said the talks went well. Both sides agreed to meet again."}},
		{"no sentences", []string{"", "  "}},
		{"figures", []string{
			"Exports rose 90 per cent to $900 million in 2023, officials said.",
			"A heading",
			"About 40 drones and 3 ships were sold; prices doubled. Twice as many were ordered in 2024.",
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fs, terms := Figures(tc.paras), Terms(tc.paras)
			b := AppendFigures(nil, tc.paras, fs)
			b = AppendTerms(b, tc.paras, terms)
			d := wire.NewDecoder(b)
			gotFs := ReadFigures(d, tc.paras)
			gotTerms := ReadTerms(d, tc.paras)
			if err := d.Done(); err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(gotFs, fs) {
				t.Errorf("figures read back as\n%+v\nwant\n%+v", gotFs, fs)
			}
			if gotTerms == nil || !slices.Equal(gotTerms.sents, terms.sents) || !slices.Equal(gotTerms.ids, terms.ids) || gotTerms.keys != terms.keys {
				t.Errorf("terms read back as\n%+v\nwant\n%+v", gotTerms, terms)
			}
			for _, f := range gotFs {
				if !within(f.Sentence, tc.paras[f.Para]) || !within(f.Text, f.Sentence) {
					t.Errorf("figure %q: its sentence or text is a copy, not a part of its paragraph", f.Text)
				}
			}
			for _, s := range gotTerms.sents {
				if !within(s.text, tc.paras[s.para]) {
					t.Errorf("sentence %q is a copy, not a part of its paragraph", s.text)
				}
			}
		})
	}
}

// TestWireRefused: values that would make the guard or the figures
// table fail are refused.
func TestWireRefused(t *testing.T) {
	paras := []string{"Exports rose 90 per cent, officials said."}
	fs, terms := Figures(paras), Terms(paras)
	if len(fs) == 0 || len(terms.sents) == 0 {
		t.Fatal("the article has no figure or no sentence")
	}
	for _, tc := range []struct {
		name   string
		change func(fs []Figure, t *SourceTerms)
		paras  []string
	}{
		{"context without its last space", func(fs []Figure, _ *SourceTerms) { fs[0].context = fs[0].context[:len(fs[0].context)-1] }, paras},
		{"context with an empty word", func(fs []Figure, _ *SourceTerms) { fs[0].context = " " + fs[0].context }, paras},
		{"keys without the last space", func(_ []Figure, t *SourceTerms) { t.keys = t.keys[:len(t.keys)-1] }, paras},
		{"an id past the keys", func(_ []Figure, t *SourceTerms) { t.ids[0] = 1 << 20 }, paras},
		{"fewer ids than the sentences hold", func(_ []Figure, t *SourceTerms) { t.ids = t.ids[:len(t.ids)-1] }, paras},
		{"a paragraph the article does not have", func([]Figure, *SourceTerms) {}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fs := append([]Figure(nil), fs...)
			terms := &SourceTerms{sents: append([]sentence(nil), terms.sents...), ids: append([]int32(nil), terms.ids...), keys: terms.keys}
			tc.change(fs, terms)
			b := AppendFigures(nil, paras, fs)
			b = AppendTerms(b, paras, terms)
			d := wire.NewDecoder(b)
			ReadFigures(d, tc.paras)
			ReadTerms(d, tc.paras)
			if d.Done() == nil {
				t.Error("accepted")
			}
		})
	}
}
