package clean

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/tools/txtar"
)

// addCaptures seeds f with the capture sections of testdata/*.txt whose
// name ends in ext, and with the seed captures for text.
func addCaptures(f *testing.F, ext string) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*.txt"))
	for _, file := range files {
		ar, err := txtar.ParseFile(file)
		if err != nil {
			f.Fatal(err)
		}
		for _, c := range ar.Files {
			if c.Name == "capture"+ext {
				f.Add(c.Data)
			}
		}
	}
	if ext == ".txt" {
		seeds, _ := filepath.Glob(filepath.Join("testdata", "seeds", "*.txt"))
		for _, s := range seeds {
			raw, err := os.ReadFile(s)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(raw)
		}
	}
}

// knownReasons are the documented Reason constants.
var knownReasons = map[string]bool{
	ReasonTitle: true, ReasonRepeatedTitle: true, ReasonNavigation: true, ReasonByline: true, ReasonDate: true,
	ReasonCaption: true, ReasonReadTime: true, ReasonTeaser: true, ReasonPrompt: true, ReasonAuthorBio: true,
	ReasonRelated: true, ReasonCommentForm: true, ReasonComments: true, ReasonSidebar: true, ReasonCopyProtection: true,
	ReasonTracking: true, ReasonAdvertisement: true, ReasonLegal: true, ReasonFooter: true, ReasonShortFragment: true,
	ReasonDuplicate: true,
}

// checkOutput checks what every cleaning must give: valid UTF-8,
// one-line blocks, reasons, and Markdown that is valid UTF-8.
func checkOutput(t *testing.T, a *Article) {
	t.Helper()
	for _, b := range a.Blocks {
		if !utf8.ValidString(b.Text) || b.Text == "" || strings.ContainsAny(b.Text, "\n\r") {
			t.Errorf("bad block text %q", b.Text)
		}
	}
	for _, r := range a.Removed {
		if !utf8.ValidString(r.Text) || !knownReasons[r.Reason] {
			t.Errorf("bad removed entry %+v", r)
		}
	}
	if !utf8.Valid(a.Markdown()) || !utf8.Valid(a.Text()) {
		t.Errorf("output is not valid UTF-8")
	}
}

func FuzzCleanText(f *testing.F) {
	addCaptures(f, ".txt")
	f.Fuzz(func(t *testing.T, raw []byte) {
		a, err := Clean("capture.txt", raw)
		if err != nil {
			return
		}
		checkOutput(t, a)
		src, _ := decode(raw, false)
		checkAccounted(t, src, a)
	})
}

func FuzzCleanHTML(f *testing.F) {
	addCaptures(f, ".html")
	f.Add([]byte(`<p>one<p>two<div><p>three, four, five, six, seven</div>`))
	f.Fuzz(func(t *testing.T, raw []byte) {
		a, err := Clean("capture.html", raw)
		if err != nil {
			return
		}
		checkOutput(t, a)
	})
}

// BenchmarkClean measures throughput on the seed captures (text) and the
// HTML test cases.
func BenchmarkClean(b *testing.B) {
	type input struct {
		name string
		raw  []byte
	}
	var text, page []input
	seeds, _ := filepath.Glob(filepath.Join("testdata", "seeds", "*.txt"))
	for _, s := range seeds {
		raw, err := os.ReadFile(s)
		if err != nil {
			b.Fatal(err)
		}
		text = append(text, input{"capture.txt", raw})
	}
	for _, html := range goldenHTML(b) {
		page = append(page, input{"capture.html", []byte(html)})
	}
	for _, set := range []struct {
		name   string
		inputs []input
	}{{"text", text}, {"html", page}} {
		b.Run(set.name, func(b *testing.B) {
			var size int64
			for _, in := range set.inputs {
				size += int64(len(in.raw))
			}
			b.SetBytes(size)
			for b.Loop() {
				for _, in := range set.inputs {
					if _, err := Clean(in.name, in.raw); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}
