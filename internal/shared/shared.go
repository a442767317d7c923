// Package shared locates the team's shared evaluation and training data
// (../shared next to the repository), which is never copied into the repo.
package shared

import (
	"os"
	"path/filepath"
)

// Dir returns the shared data folder: $EVENTWIRE_SHARED when set, else the
// first "shared" folder found beside the repository root or an ancestor of
// the working directory. It returns "" when none exists.
func Dir() string {
	if d := os.Getenv("EVENTWIRE_SHARED"); d != "" {
		if isDir(d) {
			return d
		}
		return ""
	}
	wd, err := os.Getwd()
	if err != nil {
		return ""
	}
	for d := wd; ; d = filepath.Dir(d) {
		if c := filepath.Join(d, "shared"); isDir(filepath.Join(c, "data")) || isDir(filepath.Join(c, "seed")) {
			return c
		}
		if c := filepath.Join(d, "..", "shared"); isDir(filepath.Join(c, "seed")) {
			return filepath.Clean(c)
		}
		if filepath.Dir(d) == d {
			return ""
		}
	}
}

// Path joins parts under Dir and returns it when it exists, else "".
func Path(parts ...string) string {
	d := Dir()
	if d == "" {
		return ""
	}
	p := filepath.Join(append([]string{d}, parts...)...)
	if _, err := os.Stat(p); err != nil {
		return ""
	}
	return p
}

func isDir(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && fi.IsDir()
}
