package crosscheck

import (
	"slices"
	"strings"

	"github.com/gen-dossier/gen/internal/wire"
)

// The figures of an article are written with the article's paragraphs
// at hand and read back with them: a sentence is written as where it is
// in its paragraph, and read back as that part of the paragraph, so
// that the figures read share the paragraphs' memory as those found did.

// appendPart appends s, a part of the paragraph para: where it starts
// in it, plus one, and its length; or a zero and s itself when it is
// not a part of it.
func appendPart(b []byte, para, s string) []byte {
	if i := strings.Index(para, s); i >= 0 {
		b = wire.AppendUint(b, uint64(i)+1)
		return wire.AppendUint(b, uint64(len(s)))
	}
	b = wire.AppendUint(b, 0)
	return wire.AppendString(b, s)
}

// readPart reads what appendPart wrote for a part of para.
func readPart(d *wire.Decoder, para string) string {
	i := d.Uint()
	if i == 0 {
		return d.Str()
	}
	n := d.Uint()
	if i-1 > uint64(len(para)) || n > uint64(len(para))-(i-1) {
		d.Fail(wire.ErrCorrupt)
		return ""
	}
	return para[i-1 : i-1+n]
}

// kinds are the kinds of figure, numbered as AppendFigures writes them.
var kinds = [...]Kind{Percent, Money, Multiple, Year, Count}

// AppendFigures appends the figures fs that Figures found in paras to
// b, in the form ReadFigures reads: each figure's text as where it is in
// its sentence.
func AppendFigures(b []byte, paras []string, fs []Figure) []byte {
	b = wire.AppendUint(b, uint64(len(fs)))
	var packed strings.Builder
	for i := range fs {
		f := &fs[i]
		if k := slices.Index(kinds[:], f.Kind); k >= 0 {
			b = wire.AppendUint(b, uint64(k)+1)
		} else {
			b = wire.AppendUint(b, 0)
			b = wire.AppendString(b, string(f.Kind))
		}
		b = wire.AppendUint(b, uint64(f.Para))
		b = appendPart(b, paras[f.Para], f.Sentence)
		b = wire.AppendUint(b, uint64(f.at)) // Text is Sentence[at:at+len(Text)]
		b = wire.AppendUint(b, uint64(len(f.Text)))
		b = wire.AppendString(b, f.Value)
		b = wire.AppendUint(b, uint64(len(f.Measure)))
		b = wire.AppendUint(b, uint64(len(f.context)))
		packed.WriteString(f.Measure)
		packed.WriteString(f.context)
	}
	return wire.AppendString(b, packed.String())
}

// ReadFigures reads the figures that AppendFigures wrote for paras.
func ReadFigures(d *wire.Decoder, paras []string) []Figure {
	n := d.Count(8)
	fs := make([]Figure, n)
	ends := make([]packedEnds, n)
	end := 0
	for i := range fs {
		f := &fs[i]
		if k := d.Uint(); k > 0 && k <= uint64(len(kinds)) {
			f.Kind = kinds[k-1]
		} else if k == 0 {
			f.Kind = Kind(d.Str())
		} else {
			d.Fail(wire.ErrCorrupt)
		}
		if f.Para = d.Index(len(paras)); d.Err() != nil {
			return nil
		}
		f.Sentence = readPart(d, paras[f.Para])
		at, n := d.Uint(), d.Uint()
		if at > uint64(len(f.Sentence)) || n > uint64(len(f.Sentence))-at {
			d.Fail(wire.ErrCorrupt)
			return nil
		}
		f.at, f.Text = int(at), f.Sentence[at:at+n]
		f.Value = d.Str()
		end += int(min(d.Uint(), 1<<32))
		ends[i].measure = end
		end += int(min(d.Uint(), 1<<32))
		ends[i].context = end
	}
	packed := d.Str()
	if d.Err() != nil || end != len(packed) {
		d.Fail(wire.ErrCorrupt)
		return nil
	}
	start := 0
	for i, e := range ends {
		fs[i].Measure = packed[start:e.measure]
		fs[i].context = packed[e.measure:e.context]
		start = e.context
		if !isWordList(fs[i].context) {
			d.Fail(wire.ErrCorrupt)
			return nil
		}
	}
	if n == 0 {
		return nil
	}
	return fs
}
