package markdown

import (
	"html/template"

	"github.com/gen-dossier/gen/internal/wire"
)

// AppendDoc appends the document doc to b in the form ReadDoc reads.
func AppendDoc(b []byte, doc *Doc) []byte {
	b = wire.AppendString(b, string(doc.HTML))
	b = wire.AppendUint(b, uint64(len(doc.Blocks)))
	for _, blk := range doc.Blocks {
		b = wire.AppendString(b, blk.ID)
		b = wire.AppendString(b, blk.Text)
		b = wire.AppendBool(b, blk.Heading)
		b = wire.AppendInt(b, int64(blk.Line))
	}
	return b
}

// ReadDoc reads a document that AppendDoc wrote; no blocks read back
// as nil.
func ReadDoc(d *wire.Decoder) *Doc {
	doc := &Doc{HTML: template.HTML(d.Str())}
	if n := d.Count(4); n > 0 {
		doc.Blocks = make([]Block, n)
		for i := range doc.Blocks {
			doc.Blocks[i] = Block{ID: d.Str(), Text: d.Str(), Heading: d.Bool(), Line: int(d.Int())}
		}
	}
	return doc
}
