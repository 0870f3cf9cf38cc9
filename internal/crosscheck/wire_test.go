package crosscheck

import (
	"reflect"
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

// TestWire: the figures of an article read back as they were
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
			fs := Figures(tc.paras)
			d := wire.NewDecoder(AppendFigures(nil, tc.paras, fs))
			gotFs := ReadFigures(d, tc.paras)
			if err := d.Done(); err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(gotFs, fs) {
				t.Errorf("figures read back as\n%+v\nwant\n%+v", gotFs, fs)
			}
			for _, f := range gotFs {
				if !within(f.Sentence, tc.paras[f.Para]) || !within(f.Text, f.Sentence) {
					t.Errorf("figure %q: its sentence or text is a copy, not a part of its paragraph", f.Text)
				}
			}
		})
	}
}

// TestWireRefused: values that would make the guard or the figures
// table fail are refused.
func TestWireRefused(t *testing.T) {
	paras := []string{"Exports rose 90 per cent, officials said."}
	fs := Figures(paras)
	if len(fs) == 0 {
		t.Fatal("the article has no figure")
	}
	for _, tc := range []struct {
		name   string
		change func(fs []Figure)
		paras  []string
	}{
		{"context without its last space", func(fs []Figure) { fs[0].context = fs[0].context[:len(fs[0].context)-1] }, paras},
		{"context with an empty word", func(fs []Figure) { fs[0].context = " " + fs[0].context }, paras},
		{"a paragraph the article does not have", func([]Figure) {}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fs := append([]Figure(nil), fs...)
			tc.change(fs)
			d := wire.NewDecoder(AppendFigures(nil, paras, fs))
			ReadFigures(d, tc.paras)
			if d.Done() == nil {
				t.Error("accepted")
			}
		})
	}
}
