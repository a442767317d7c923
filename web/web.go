// Package web holds the eventwire dashboard: a static single-page app built
// from web/src by web/build.sh (Vite) into web/dist, which is committed and
// embedded here so that a plain `go build` serves it with no network and no
// Node.js. The API server mounts FS() at "/".
package web

import (
	"embed"
	"io/fs"
)

//go:embed dist
var dist embed.FS

// FS returns the built dashboard rooted at dist/: index.html at its root and
// the hashed JS/CSS bundles under assets/.
func FS() fs.FS {
	sub, err := fs.Sub(dist, "dist")
	if err != nil {
		// fs.Sub fails only for an invalid path; "dist" is valid and
		// embedded at compile time, so this cannot happen at run time.
		return dist
	}
	return sub
}
