// Package clean turns one raw capture of a news article — a plain-text
// scrape (*.txt) or a saved page (*.html) — into the article itself:
// headline, body paragraphs and subheadings, metadata, and a list of
// everything it dropped, each with a reason.
//
// Clean is a pure function of the capture's name and bytes. It is the
// whole of `gen clean`; the site renders its result.
//
// # Input
//
// The capture must be UTF-8 (a byte-order mark is ignored) or UTF-16
// with a byte-order mark; HTML may also declare another charset. NUL
// bytes and undecodable bytes are an *Error naming the line.
//
// Mojibake — UTF-8 that was once decoded as Windows-1252, Latin-1 or
// Windows-874 and saved again ("â€™", "Ã©", "โ‚น") — is repaired on
// every line, kept or removed, and counted in Article.Repairs. Runs of
// non-ASCII characters are turned back into code-page bytes and accepted
// only when the whole run is valid multi-byte UTF-8, so correct text in
// any script is left alone.
//
// # Plain text
//
// A text capture is what a browser's innerText gives: one paragraph per
// line, with the site's menus, bylines, share prompts, related links and
// footers around it. The cleaner:
//
//  1. measures each line: words, letters, terminal punctuation, the
//     share of stop words, title case, repetition within the page, and
//     whether it matches a small vocabulary of web boilerplate (share,
//     follow, subscribe, comment, related, read more, newsletter, cookie
//     …) or a metadata pattern (byline, date, caption, read time);
//  2. scores lines as body evidence (long, punctuated prose) or
//     boilerplate evidence (short, link-like, matched vocabulary) and
//     finds the main body region as the contiguous run of lines with the
//     highest total score, since the body of an article is mostly
//     contiguous;
//  3. picks the headline among the lines above the body (the first of a
//     pair of near-duplicates, or the most headline-like line near the
//     body; a line that ends with the headline is a breadcrumb);
//  4. reads bylines, dates and captions into Meta, and ends the body at
//     an author bio;
//  5. keeps the body region's prose lines as paragraphs and short
//     unpunctuated lines between paragraphs as subheadings; every other
//     non-blank line is listed in Article.Removed with its line number
//     and a reason.
//
// A published date is taken from a byline or a date line between the
// headline and the body; a date line above the headline is the site's
// header date and is not used. AttributedTo is the news agency or outlet
// the text credits most often ("– Reuters", "told Reuters", "CNN
// reported", "according to AP"). Outlet is set only when the page names
// its own site, such as a domain in a follow prompt or copyright line.
//
// # HTML
//
// An HTML capture is read with goquery. Metadata comes from JSON-LD
// (headline, author, datePublished, publisher.name), meta tags
// (og:title, article:published_time, author, og:site_name) and <time>.
// Scripts, styles, navigation, headers, footers, asides, forms, frames
// and hidden elements are dropped; the main container is chosen by
// readability-style scoring (paragraph count, text length and commas,
// less link density, class and id hints); its p, h2–h6, li, blockquote
// and pre elements become blocks, filtered by the same line rules as
// plain text. Removed lists the visible text blocks that were dropped,
// with Line 0.
//
// # Output
//
// Article.Markdown gives the article as Markdown with YAML front matter;
// all text is escaped so that nothing in a capture can become markup.
// Article.Text gives only the body blocks, one per line.
//
// # Reasons
//
// Every Removed entry has one of the Reason constants as its reason.
package clean

// The reasons a line or block is removed. Each is a short lower-case
// word, stable across versions: the site shows them to readers.
const (
	ReasonTitle          = "title"           // the headline, moved to Title
	ReasonRepeatedTitle  = "repeated-title"  // a near-duplicate of the headline
	ReasonNavigation     = "navigation"      // menus, breadcrumbs, site name, section links
	ReasonByline         = "byline"          // author line ("By …", "Prepared by: …"), moved to Meta.Author
	ReasonDate           = "date"            // a date line: published date or the site's header date
	ReasonCaption        = "caption"         // a photo caption or credit, moved to Meta.Captions
	ReasonReadTime       = "read-time"       // "4 Min Read" badges
	ReasonTeaser         = "teaser"          // "See also …" links inserted in the body
	ReasonPrompt         = "prompt"          // share, follow, subscribe, listen, newsletter prompts
	ReasonAuthorBio      = "author-bio"      // the author's biography
	ReasonRelated        = "related"         // related, popular, recent-post headings and lists
	ReasonCommentForm    = "comment-form"    // comment forms and comment counts
	ReasonComments       = "comments"        // readers' comments below the article
	ReasonSidebar        = "sidebar"         // other stories: headlines and teasers beside or below the article
	ReasonCopyProtection = "copy-protection" // "Content is protected" notices
	ReasonTracking       = "tracking"        // analytics and image ids leaked into the text
	ReasonAdvertisement  = "advertisement"   // "Advertisement", sponsored labels
	ReasonLegal          = "legal"           // copyright, cookie and privacy notices
	ReasonFooter         = "footer"          // other lines after the article body
	ReasonShortFragment  = "short-fragment"  // a short line in the body that is neither prose nor a subheading
	ReasonDuplicate      = "duplicate"       // a short line the body repeats (gallery captions and controls)
)
