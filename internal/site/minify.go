package site

import (
	"fmt"
	"path"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/minify/v2/js"
	"github.com/tdewolff/minify/v2/json"
	"github.com/tdewolff/minify/v2/svg"
	"github.com/tdewolff/minify/v2/xml"
)

// mediaTypes maps the extensions gen minifies to their media types.
var mediaTypes = map[string]string{
	".html": "text/html",
	".css":  "text/css",
	".svg":  "image/svg+xml",
	".json": "application/json",
	".xml":  "text/xml",
	".js":   "text/javascript",
}

// newMinifier returns the one minify.M of a build, by media type.
func newMinifier() *minify.M {
	m := minify.New()
	m.Add("text/html", &html.Minifier{KeepDocumentTags: true, KeepEndTags: true, KeepQuotes: true, KeepDefaultAttrVals: true})
	m.AddFunc("text/css", css.Minify)
	m.AddFunc("image/svg+xml", svg.Minify)
	m.AddFunc("application/json", json.Minify)
	m.AddFunc("text/xml", xml.Minify)
	m.AddFunc("text/javascript", js.Minify)
	return m
}

// minifyAll minifies every file whose type it knows, in place, several
// at a time (a minify.M is safe for concurrent use). Raw
// captures are never touched: their extension is .txt.
func minifyAll(files map[string][]byte) error {
	m := newMinifier()
	paths := sortedPaths(files)
	outs := make([][]byte, len(paths))
	errs := make([]error, len(paths))
	done := make([]bool, len(paths))
	forEach(len(paths), func(i int) {
		if mt, ok := mediaTypes[path.Ext(paths[i])]; ok {
			outs[i], errs[i] = m.Bytes(mt, files[paths[i]])
			done[i] = true
		}
	})
	for i, p := range paths {
		if errs[i] != nil {
			return fmt.Errorf("minifying %s: %v", p, errs[i])
		}
		if done[i] {
			files[p] = outs[i]
		}
	}
	return nil
}
