// Package browsertest tests the dossier site as its readers get it: built
// from the repository's content/, templates/ and static/, loaded in a real
// browser, checked by the Nu Html Checker and by axe-core. It holds tests
// only.
//
// # What the tests check
//
// The first test builds the site into a temporary folder with site.Build
// (inside the test, so that go test sees the files it reads and does not
// reuse a cached result after a template changes) and serves it from a
// loopback HTTP server under a subpath, http://127.0.0.1:PORT/dossier/, as
// GitHub Pages serves a project site; a path that names no file gets
// 404.html with status 404, as there. The pages are every .html file of
// the build, found in the output, so a new page is tested without a change
// here.
//
//   - TestPages loads every page over HTTP and from file://, at 1280 and
//     at 375 CSS pixels wide: no console error, no uncaught exception, no
//     failed request, no request outside the site (another origin, or above
//     the site's folder) and no horizontal scrolling of the page. Over
//     HTTP at 1280 it also checks the structure axe-core does not: one h1;
//     one banner, nav, main and contentinfo; column headers and a caption
//     on every table, a row header on every row of the claims and coverage
//     tables; role=img and a text alternative on every visible SVG, and
//     4.5:1 contrast for SVG text (3:1 when large), which axe-core skips.
//   - TestNotFound asks for missing addresses, at the top of the site and
//     deeper: status 404, the 404 page styled, nothing failing or leaving
//     the site, and at the top its navigation works.
//   - TestClaimPermalinks follows every claim permalink
//     (claims.html#<id>, ids from dossier.json): the claim's row is the
//     :target, lies in the viewport and has the highlight background.
//     From the row it follows every quote link (the first claim's by
//     clicking): the browser lands on a paragraph of the source page, in
//     the viewport and highlighted, that contains the quote.
//   - TestVisible: the coverage matrix and the timeline of the index, and
//     the timeline page's list, have a box on screen at both widths.
//   - TestScreenshots saves full-page PNGs of the index, the claims, the
//     timeline and the first source page at both widths in screenshots/ at
//     the repository root (git-ignored), for a person to look at.
//   - TestAxe runs axe-core (node_modules/axe-core) in every page at both
//     widths: zero violations of its default rules.
//   - TestHTMLValid runs the Nu Html Checker (node_modules/vnu-jar) over
//     every page: zero errors.
//
// # Tools
//
// The browser tests need Chromium (chromium on PATH, or /usr/bin/chromium),
// started headless with a fresh profile. TestAxe also needs
// node_modules/axe-core, and TestHTMLValid needs java and
// node_modules/vnu-jar: run npm ci at the repository root. A test whose
// tool is missing is skipped, unless the environment variable
// GEN_REQUIRE_BROWSER is set (.ci/run sets it): then it fails, so that CI
// never passes without having looked.
package browsertest
