package markdown

import (
	"html/template"

	"github.com/gen-dossier/gen/internal/wire"
)

// AppendWire appends the document to b in the form ReadWire reads.
func (d *Doc) AppendWire(b []byte) []byte {
	b = wire.AppendString(b, string(d.HTML))
	b = wire.AppendUint(b, uint64(len(d.Blocks)))
	for _, blk := range d.Blocks {
		b = wire.AppendString(b, blk.ID)
		b = wire.AppendString(b, blk.Text)
		b = wire.AppendBool(b, blk.Heading)
		b = wire.AppendInt(b, int64(blk.Line))
	}
	return b
}

// ReadWire reads a document that AppendWire wrote into d; no blocks
// read back as nil.
func (d *Doc) ReadWire(r *wire.Decoder) {
	*d = Doc{HTML: template.HTML(r.String())}
	if n := r.Len(4); n > 0 {
		d.Blocks = make([]Block, n)
		for i := range d.Blocks {
			d.Blocks[i] = Block{ID: r.String(), Text: r.String(), Heading: r.Bool(), Line: int(r.Int())}
		}
	}
}
