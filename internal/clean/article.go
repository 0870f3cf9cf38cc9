package clean

// An Article is the result of cleaning one raw capture.
type Article struct {
	// Title is the headline detected in the capture, or "".
	Title string
	// Meta holds the metadata detected in the capture (byline, date,
	// captions …), each with the line it came from.
	Meta Meta
	// Blocks are the kept article blocks, in capture order: headings
	// and body paragraphs. The headline itself is not a block.
	Blocks []Block
	// Removed lists every non-blank input line (text) or text block
	// (HTML) that was not kept, in input order, each with its reason.
	Removed []Removed
	// Repairs counts the mojibake sequences repaired.
	Repairs int
}

// A BlockKind says what a kept block is.
type BlockKind int

// The kinds of block.
const (
	Paragraph BlockKind = iota // a body paragraph
	Heading                    // an in-article subheading
)

// A Block is one kept paragraph or heading. Text is plain text (never
// markup), on one line, with mojibake repaired and white space collapsed.
type Block struct {
	Kind BlockKind
	Text string
	Line int // 1-based line of the capture where the block starts; 0 if unknown
}

// Meta is the metadata detected in a capture. Empty strings mean "not
// detected".
type Meta struct {
	Title        string   `json:"title,omitempty"`
	Author       string   `json:"author,omitempty"`
	Published    string   `json:"published,omitempty"` // YYYY-MM-DD
	Outlet       string   `json:"outlet,omitempty"`
	AttributedTo string   `json:"attributed_to,omitempty"` // news agency the piece credits, e.g. Reuters
	Captions     []string `json:"captions,omitempty"`
}

// A Removed is one input line (or HTML block) the cleaner dropped or
// moved into metadata, with a short reason.
type Removed struct {
	Line   int    `json:"line"`
	Text   string `json:"text"`
	Reason string `json:"reason"`
}
