// Package site builds a dossier site: it runs gen's stages in order and
// holds the result in memory until it is written.
//
// # Pipeline
//
//	content.Load     content/ → Dossier (strict YAML, positions)
//	clean.Clean      each raw capture → article, metadata, removed lines
//	markdown         each article → HTML with stable paragraph anchors
//	quote.FindIn     each claim and event quote → the paragraph holding it
//	render           html/template pages from templates/
//	htmlfix.Check    every internal link and #fragment resolves
//	minify           HTML, CSS, SVG, JSON and XML, one minify.M
//
// Build returns an *Output: the complete site as a sorted set of files.
// Nothing touches the disk until Output.Write, which changes only the
// files that differ from the previous build (a rebuild with nothing
// changed rewrites no file) and removes those that no longer belong. It
// stages every new or changed file in a folder beside the destination and
// renames them into place only when all are written, undoing every step
// on failure, so a failed build or write leaves the previous output
// exactly as it was. Output.Diff compares the site with a folder on disk
// (gen check).
//
// # Output
//
//	index.html              summary, sources, coverage matrix, timeline
//	sources/<slug>.html     one page per source: cleaned article, metadata,
//	                        removed lines with reasons
//	sources/<slug>.raw.txt  the raw capture, byte for byte (HTML captures:
//	                        <slug>.raw.html.txt, so that hosts serve them
//	                        as text and never run them)
//	claims.html, timeline.html, <page>.html, 404.html
//	dossier.json            the machine-readable dossier
//	style.css and the rest of static/, .nojekyll, CNAME, sitemap.xml
//
// The same input always gives the same bytes: everything is sorted, and
// no time, random value or map order reaches the output.
package site

import (
	"io/fs"
)

// Config is what a build reads. The zero value of each name field is
// fine; the file systems are required.
type Config struct {
	Content   fs.FS // the content folder
	Templates fs.FS // the templates folder
	Static    fs.FS // the static folder

	// Names shown in messages for the folders above, e.g. "content".
	ContentDir, TemplatesDir, StaticDir string

	// BaseURL, when set, overrides dossier.yaml's base_url.
	BaseURL string
}
