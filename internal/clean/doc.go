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
// line, blank lines between paragraphs, and the site's menus, bylines,
// share prompts, related links and footers around the article. The
// cleaner works on the non-blank lines:
//
//  1. Features. Each line is measured: words (in scripts written
//     without spaces, every two characters count as a word), terminal
//     punctuation, punctuation density, the share of stop words (used
//     only when the page's language has many of the stop words we
//     know), the share of capitalised words, repetition within the
//     page, and whether it is set tight between other lines (browsers
//     separate paragraphs by blank lines, list items and teasers by
//     single line breaks).
//  2. Wording. A small vocabulary of general web chrome, in English
//     and a few other languages, marks copy-protection notices,
//     tracking junk, read-time badges, comment forms, advertisement
//     labels, related-story headings, "see also" teasers, share and
//     follow prompts, legal notices and breadcrumbs; date, byline and
//     caption patterns mark metadata lines. Lines repeated in the page
//     are navigation (short) or teaser headlines (longer); short lines
//     with prompt words next to a prompt are prompts too (sign-up boxes
//     and share bars come in clusters).
//  3. Scores. Punctuated prose scores its word count (a quarter of it
//     when tight, less than nothing when a headline is glued to its
//     summary, as linked teasers are); chrome scores −8, truncated
//     teasers ("…") −6, other short lines −3. Short sentences, rows of
//     figures and list items introduced by a line ending in a colon
//     score +1.
//  4. Body region. The body is the contiguous run of lines with the
//     highest total score (Kadane's maximum subarray). A headline is
//     then chosen above it and its near-duplicates are marked, and the
//     region is found again. The region is then narrowed: a list of
//     stories with their own dates or bylines is split and its largest
//     piece kept; it starts after a byline or date among its first
//     lines (what precedes it is the headline's deck); it ends before
//     readers' comments, before an end marker (related heading, comment
//     form, copyright) that has little prose after it, and before an
//     author biography.
//  5. Headline. Among the 40 lines above the body, the most
//     headline-like line (3–30 words, no final full stop) near the body
//     wins, favoured when a near-duplicate follows it or a breadcrumb
//     ends with it.
//  6. Blocks. Inside the region, prose lines become paragraphs, short
//     unpunctuated lines followed by prose become subheadings, and short
//     lines set between prose (attributions, sign-offs) stay paragraphs;
//     tight truncated teasers and short repeated lines are dropped, and
//     other short lines are short fragments. Every non-blank line that
//     is not in a block is listed in Article.Removed with its line
//     number and reason; outside the region, lines without a specific
//     reason are navigation (above) or sidebar and footer (below).
//
// Metadata comes from the removed lines. The author is the first byline
// ("By X", "X By X Apr16,2024", "Prepared by: X", "Author: X") above or
// below the body; a line that is just the author's name is part of the
// byline. The published date is taken from a byline or from a date
// line between the headline and the body; a date line above the
// headline is the site's header date and is not used. Captions are
// lines labelled Photo, Image, Credit … or ending in a picture agency's
// credit. AttributedTo is the news agency or outlet the text credits
// most often ("– Reuters", "told Reuters", "CNN reported", "according
// to AP", "(AP) —"). Outlet is set only when the page names its own
// site: a domain in a follow prompt or copyright line.
//
// # HTML
//
// An HTML capture is read with goquery. Metadata comes from JSON-LD
// (headline, author, datePublished, publisher.name), meta tags
// (og:title, article:published_time, author, og:site_name) and <time>.
// Scripts, styles, frames, form controls and hidden elements are never
// text; the text of nav, header (outside an article), footer and aside
// elements is removed. The visible text is cut into blocks at block
// elements. The main container is chosen by readability-style scoring:
// each paragraph adds one point, its commas and a point per 100
// characters (up to 3) to its parent and half that to its grandparent;
// a candidate's score is scaled by 1 − link density, moved by class and
// id hints, and cut when its class marks page chrome. Blocks alike to
// the best one (same tag and first class) are taken with it, else its
// siblings that score at least a fifth as well. Inside the container,
// blocks under a chrome class or id (share, related, comments …) that
// hold less than half the text, link lists, figure contents and
// blocks matching the text rules are removed; h2–h6 become headings.
// Removed lists the visible text blocks that were dropped. Block and
// Removed lines are found by looking for each block's text in the
// source, in document order; text the source spells with entities or
// markup gets Line 0.
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
