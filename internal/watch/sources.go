package watch

import (
	"bufio"
	"fmt"
	"io"
	"net/url"
	"strings"
	"time"
)

// Kind says how a watched URL is read.
type Kind string

const (
	// KindAuto decides from the response: a feed when it parses as RSS or
	// Atom, else a page.
	KindAuto Kind = ""
	// KindFeed is an RSS or Atom feed whose entries are articles.
	KindFeed Kind = "feed"
	// KindPage is one web page that is itself the article (re-read when it
	// changes).
	KindPage Kind = "page"
)

// Source is one watched URL.
type Source struct {
	URL      string
	Kind     Kind
	Interval time.Duration // 0: the watcher's default
	Line     int           // line in the sources file, for messages
}

// MinInterval is the shortest poll interval a sources file may ask for.
const MinInterval = 10 * time.Second

// ParseSources reads a sources file:
//
//	# comments and blank lines are ignored
//	https://example.org/world/rss.xml
//	https://example.org/atom.xml   interval=10m
//	https://example.org/live-page  kind=page interval=1h
//
// One http(s) URL per line, optionally followed by key=value options:
// interval=DURATION (Go syntax: 90s, 10m, 2h; at least 10s) and
// kind=feed|page (default: decided from the response). A '#' after
// whitespace starts a comment. A URL listed twice is an error, as is any
// malformed line; errors name the line.
func ParseSources(r io.Reader) ([]Source, error) {
	var out []Source
	seen := map[string]int{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 4096), 64<<10)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if i := strings.Index(line, " #"); i >= 0 {
			line = line[:i]
		}
		if i := strings.Index(line, "\t#"); i >= 0 {
			line = line[:i]
		}
		f := strings.Fields(line)
		if len(f) == 0 || strings.HasPrefix(f[0], "#") {
			continue
		}
		u, err := url.Parse(f[0])
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return nil, fmt.Errorf("line %d: %q is not an http(s) URL", n, f[0])
		}
		s := Source{URL: u.String(), Line: n}
		for _, opt := range f[1:] {
			k, v, ok := strings.Cut(opt, "=")
			if !ok {
				return nil, fmt.Errorf("line %d: option %q: want key=value", n, opt)
			}
			switch k {
			case "interval", "every":
				d, err := time.ParseDuration(v)
				if err != nil {
					return nil, fmt.Errorf("line %d: interval %q: %w", n, v, err)
				}
				if d < MinInterval {
					return nil, fmt.Errorf("line %d: interval %v is shorter than %v", n, d, MinInterval)
				}
				s.Interval = d
			case "kind":
				switch Kind(v) {
				case KindFeed, KindPage:
					s.Kind = Kind(v)
				case "auto":
					s.Kind = KindAuto
				default:
					return nil, fmt.Errorf("line %d: kind %q: want feed or page", n, v)
				}
			default:
				return nil, fmt.Errorf("line %d: unknown option %q (want interval= or kind=)", n, k)
			}
		}
		if prev, dup := seen[s.URL]; dup {
			return nil, fmt.Errorf("line %d: %s already listed on line %d", n, s.URL, prev)
		}
		seen[s.URL] = n
		out = append(out, s)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("line %d: %w", n+1, err)
	}
	return out, nil
}
