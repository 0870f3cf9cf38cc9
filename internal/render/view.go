package render

import (
	"html/template"
	"strconv"
	"strings"
)

// A Page is what every template is executed with.
type Page struct {
	Site        *Site
	Kind        string // index, source, claims, timeline, page, 404
	Path        string // output path, e.g. sources/timeshub.html
	Root        string // relative path to the site root: "" or "../", or the base URL (404)
	Title       string // the page's own title (the site title is added by base)
	Description string
	Canonical   string       // absolute URL when the site has a base URL
	Image       string       // absolute URL of the social card, with a base URL
	InlineStyle template.CSS // the stylesheet, inlined where relative links cannot work (404)

	Source *Source  // source pages
	Doc    *DocPage // editorial pages
	Claim  *Claim   // the claim of a row of the claims table (template "claim")

	// SizeHint is about how many bytes the page will be, when known, so
	// that its buffer is allocated once.
	SizeHint int
}

// Rel returns the link from this page to the root-relative path p. The
// shipped templates link to a file named in the template as
// {{.Root}}file, which gives the same and costs less than a method call
// on every page, and use Rel for paths from the data.
func (p *Page) Rel(path string) string { return p.Root + path }

// Site is the data shared by every page.
type Site struct {
	Title    string
	Summary  template.HTML
	Language string
	BaseURL  string
	Sources  []*Source
	Topics   []*Topic
	Claims   []*Claim
	Events   []*Event
	Pages    []*DocPage
	Figures  []*FigureGroup
	// Dense is true when the sources are few enough to be table columns
	// (the claims table, the coverage matrix, the figures table); the
	// cells of a claim then hold one per source, "not reported" ones
	// included. Otherwise the cells hold only the sources a claim cites.
	Dense   bool
	Chart   template.HTML // the timeline as inline SVG
	Version string        // content hash of the inputs, for archived copies
	JSONLD  template.JS   // schema.org ClaimReview/Claim data of the claims page

	// SourceCount is the number of sources. Source pages are made, each
	// as soon as its source is cleaned, before the data about all the
	// sources: their Site holds the title, summary, language, base URL,
	// editorial pages, version and SourceCount, and no Sources, Topics,
	// Claims, Events, Figures, Chart or JSONLD.
	SourceCount int
}

// A Source is one source as pages show it.
type Source struct {
	Slug         string
	Outlet       string
	Title        string
	Author       string
	Published    string // YYYY-MM-DD or ""
	Retrieved    string
	AttributedTo string
	URL          string // original address, when the sidecar gives one
	Notes        template.HTML
	Detected     []string // fields taken from the cleaner, not the sidecar
	NoSidecar    bool

	ReferenceDate  string
	ReferenceBasis string

	Page    string // root-relative path of its page
	Raw     string // root-relative path of the raw copy
	RawName string // file name of the raw copy
	RawSize int
	SHA256  string
	Format  string // "plain text" or "HTML"

	Article      template.HTML
	Captions     []string
	Removed      []Removed
	WordsKept    int
	WordsRemoved int
	Paragraphs   int
	Repairs      int

	ClaimCount  int // claims it carries
	UniqueCount int // claims only it carries
}

// RemovedRows returns the rows of the table of removed lines, each
// "\n<tr><td>line</td><td>reason</td><td>text</td></tr>", escaped as
// html/template escapes text: one call per page rather than template
// actions per line (a saved page can lose thousands of lines).
func (s *Source) RemovedRows() template.HTML {
	var b strings.Builder
	size := 0
	for _, r := range s.Removed {
		size += len(r.Text) + len(r.Reason) + len("\n<tr><td>00000</td><td></td><td></td></tr>")
	}
	b.Grow(size + size/16) // and a few escapes
	for _, r := range s.Removed {
		b.WriteString("\n<tr><td>")
		b.WriteString(strconv.Itoa(r.Line))
		b.WriteString("</td><td>")
		textEscaper.WriteString(&b, r.Reason)
		b.WriteString("</td><td>")
		textEscaper.WriteString(&b, r.Text)
		b.WriteString("</td></tr>")
	}
	return template.HTML(b.String())
}

// Removed is one line the cleaner removed.
type Removed struct {
	Line   int
	Text   string
	Reason string
}

// A Topic groups claims.
type Topic struct {
	ID     string
	Name   string
	Claims []*Claim
}

// A Claim is one row of the claims table.
type Claim struct {
	ID    string
	Label string // short visible label, "C12"
	URL   string // root-relative permalink
	Topic string
	Claim template.HTML
	Text  string // plain claim text, for the matrix
	Note  template.HTML
	Cells []*Cell // in Site.Sources order: one per source when Site.Dense, else the cited ones
	Count int     // sources that carry it
	// Wordings are the quotes side by side, the words that differ from
	// the first quote marked, when several sources carry the claim. Only
	// the claims table's rows have them: in claims.html's template
	// "claim", or in a claims.html without one.
	Wordings []*Wording
	// Row is the claim's row of the claims table, rendered from
	// claims.html's template "claim" (with the page, .Claim set) when it
	// defines one, and minified; only the claims page sees it. Rows are
	// rendered several at a time: a large dossier's claims table is most
	// of the work of its pages. When every row is a <tr> shown once in a
	// table section (thead, tbody, tfoot or table) the page is minified
	// without them and they are put in; otherwise it is made whole.
	Row template.HTML
}

// A Wording is one source's quote, word by word.
type Wording struct {
	Source *Source
	Words  []Word
}

// HTML returns the wording as the claims page shows it: its words
// separated by spaces, each that differs in <mark class="changed">,
// escaped as html/template escapes text. One call per wording rather than
// template actions per word: a large dossier's claims page has hundreds
// of thousands of words.
func (w *Wording) HTML() template.HTML {
	var b strings.Builder
	for i, word := range w.Words {
		if i > 0 {
			b.WriteByte(' ')
		}
		if word.Changed {
			b.WriteString(`<mark class="changed">`)
		}
		textEscaper.WriteString(&b, word.Text)
		if word.Changed {
			b.WriteString(`</mark>`)
		}
	}
	return template.HTML(b.String())
}

// textEscaper escapes text as html/template does in element content.
var textEscaper = strings.NewReplacer("\x00", "\uFFFD", `"`, "&#34;", "&", "&amp;", "'", "&#39;", "+", "&#43;", "<", "&lt;", ">", "&gt;")

// A Word is one word of a wording; Changed when the first wording does
// not have it.
type Word struct {
	Text    string
	Changed bool
}

// A FigureGroup is the figures several sources give for one measure.
type FigureGroup struct {
	Label   string
	Kind    string
	Agree   bool
	Sources int           // number of sources in the group
	Cells   []*FigureCell // in Site.Sources order: one per source when Site.Dense, else those with figures
	// Values sums the group up when more sources give it than the
	// tables list as columns (MaxColumns in the site package): each
	// value once, most given first. Cells still hold every figure.
	Values []*FigureValue
}

// A FigureValue is one value of a figure group and how many sources give
// it; Figure is the first of them.
type FigureValue struct {
	Figure  *Figure
	Sources int
}

// A FigureCell is the figures one source gives in a group.
type FigureCell struct {
	Source  *Source
	Figures []*Figure
}

// A Figure is one figure in its sentence.
type Figure struct {
	Text     string
	Value    string
	Sentence string
	URL      string
}

// A Cell is what one source says about one claim or event.
type Cell struct {
	Source   *Source
	Reported bool
	Quote    string
	Stance   string // reports, differs or contradicts, when Reported
	// Differs and Contradicts are whether Stance is differs or
	// contradicts, for templates: an if on a field costs about a
	// seventh of comparing Stance with eq, which adds up over the
	// cells of every claim.
	Differs, Contradicts bool
	Note                 template.HTML
	Absent               bool    // the editor confirmed the source does not carry it
	URL                  string  // root-relative link to the paragraph
	Window               *Window // events: the dates the quote's phrase implies
}

// A Window is the date range a relative phrase implies, read against a
// reference date.
type Window struct {
	Phrase   string
	From, To string // YYYY-MM-DD
	Ref      string // the reference date
	RefBasis string // "published" or the source's reference_basis
	Fits     bool   // the event's date falls inside
}

// An Event is one entry of the timeline.
type Event struct {
	Number int // 1-based position in date order, the label in the chart
	ID     string
	URL    string
	Title  string
	Date   string // YYYY-MM-DD
	End    string // YYYY-MM-DD or ""
	Basis  string
	Note   template.HTML
	Cells  []*Cell // sources that mention it
}

// A DocPage is an editorial page.
type DocPage struct {
	Name  string
	Title string
	Page  string // root-relative path
	Body  template.HTML
}
