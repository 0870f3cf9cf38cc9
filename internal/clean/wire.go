package clean

import "github.com/gen-dossier/gen/internal/wire"

// AppendArticle appends the article a to b in the form ReadArticle
// reads.
func AppendArticle(b []byte, a *Article) []byte {
	b = wire.AppendString(b, a.Title)
	m := &a.Meta
	for _, s := range [...]string{m.Title, m.Author, m.Published, m.Outlet, m.AttributedTo} {
		b = wire.AppendString(b, s)
	}
	b = wire.AppendUint(b, uint64(len(m.Captions)))
	for _, c := range m.Captions {
		b = wire.AppendString(b, c)
	}
	b = wire.AppendUint(b, uint64(len(a.Blocks)))
	for _, blk := range a.Blocks {
		b = wire.AppendUint(b, uint64(blk.Kind))
		b = wire.AppendString(b, blk.Text)
		b = wire.AppendInt(b, int64(blk.Line))
	}
	b = wire.AppendUint(b, uint64(len(a.Removed)))
	for _, r := range a.Removed {
		b = wire.AppendInt(b, int64(r.Line))
		b = wire.AppendString(b, r.Text)
		b = wire.AppendString(b, r.Reason)
	}
	return wire.AppendInt(b, int64(a.Repairs))
}

// ReadArticle reads an article that AppendArticle wrote; a nil slice
// and an empty one read back alike, as nil.
func ReadArticle(d *wire.Decoder) *Article {
	a := &Article{Title: d.Str()}
	m := &a.Meta
	for _, s := range [...]*string{&m.Title, &m.Author, &m.Published, &m.Outlet, &m.AttributedTo} {
		*s = d.Str()
	}
	if n := d.Count(1); n > 0 {
		m.Captions = make([]string, n)
		for i := range m.Captions {
			m.Captions[i] = d.Str()
		}
	}
	if n := d.Count(3); n > 0 {
		a.Blocks = make([]Block, n)
		for i := range a.Blocks {
			a.Blocks[i] = Block{Kind: BlockKind(d.Uint()), Text: d.Str(), Line: int(d.Int())}
		}
	}
	if n := d.Count(3); n > 0 {
		a.Removed = make([]Removed, n)
		for i := range a.Removed {
			a.Removed[i] = Removed{Line: int(d.Int()), Text: d.Str(), Reason: d.Str()}
		}
	}
	a.Repairs = int(d.Int())
	return a
}
