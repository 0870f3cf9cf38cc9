// Package gen exports gen's default templates and static files as
// embedded file systems, so that an installed gen binary
// (go install github.com/gen-dossier/gen/cmd/gen@latest) can build a
// dossier whose repository holds only content/. A dossier's own
// templates/ or static/ folder overrides these defaults file by file.
package gen

import (
	"embed"
	"io/fs"
)

//go:embed templates static
var defaults embed.FS

// Templates returns the default templates (base.html and one file per
// page kind).
func Templates() fs.FS { return sub("templates") }

// Static returns the default static files (style.css …).
func Static() fs.FS { return sub("static") }

func sub(dir string) fs.FS {
	f, err := fs.Sub(defaults, dir)
	if err != nil {
		panic(err) // the embedded folders exist: cannot happen
	}
	return f
}
