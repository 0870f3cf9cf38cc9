// Package site builds a dossier site: it runs gen's stages in order and
// streams the files it makes to their destination.
//
// # Pipeline
//
//	content.Load     content/ → Dossier (strict YAML, positions)
//	                 then, for every source, several at a time:
//	clean.Clean      the raw capture → article, metadata, removed lines
//	markdown         the article → HTML with stable paragraph anchors
//	crosscheck       its figures
//	                 (these three read from Config.Cache when an earlier
//	                 build cleaned the same capture, and written to it)
//	quote            the claim and event quotes citing it → their paragraphs
//	render, minify   its page, written at once, and its raw capture
//	crosscheck       of its sentences, those sharing enough terms with
//	                 the claims to be a near miss of one (Vocab.Keep)
//	                 then, from what every source kept:
//	crosscheck       the figures table, the coverage guard's near misses
//	render, minify   index, claims, timeline, editorial pages, data
//	htmlfix          every internal link and #fragment resolves
//
// A source's capture, article, paragraphs and page are dropped once its
// page is written, so a build holds no more of them than it has workers;
// what it keeps of each source (the sentences the coverage guard may
// warn about, and its figures until they are grouped) and the pages
// about all the sources make its memory grow with the figures, claims
// and events, not with the captures.
//
// BuildTo writes the site into a folder. It changes only the files that
// differ from the previous build (a rebuild with nothing changed rewrites
// no file) and removes those that no longer belong; it assembles the new
// build beside the folder and exchanges the two in one step when every
// file is there, so a failed build leaves the previous output exactly as
// it was (see stage). Check compares the site with a folder (gen check)
// and writes nothing. Build keeps the site in memory instead, as an
// *Output, for tests and tools; Output.Write and Output.Diff do the same
// as BuildTo and Check.
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

	"github.com/gen-dossier/gen/internal/cache"
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

	// Cache, when set, keeps what cleaning each capture gives, for the
	// next build: a source whose capture is in it is not cleaned again.
	// The site is the same bytes with or without it.
	Cache *cache.Cache
}
