// Package htmlmeta reads the metadata of a news web page: its title,
// publication date, canonical URL and site name, from <title>, <meta> tags
// (Open Graph, article:, Parse.ly, Dublin Core, itemprop, ...), JSON-LD
// blocks and <time datetime> elements.
//
// It never extracts the article body: that is internal/clean's job. It uses
// the golang.org/x/net/html tokenizer, so malformed markup is read the way a
// browser would and never makes it fail.
package htmlmeta

import (
	"bytes"
	"encoding/json"
	"net/url"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Meta is what a page says about itself. Empty fields were not found.
type Meta struct {
	Title    string // og:title, twitter:title, JSON-LD headline, or <title>
	PubDate  string // YYYY-MM-DD
	URL      string // canonical absolute URL
	SiteName string // og:site_name, JSON-LD publisher, application-name
	Lang     string // <html lang>
	Charset  string // declared charset (meta charset / http-equiv), lower case
}

// maxFieldLen bounds any single metadata value we keep.
const maxFieldLen = 2048

// candidate is a value with a rank; lower ranks win, ties go to the first.
type candidate struct {
	val  string
	rank int
	set  bool
}

func (c *candidate) offer(v string, rank int) {
	v = strings.TrimSpace(v)
	if v == "" || len(v) > maxFieldLen {
		return
	}
	if !c.set || rank < c.rank {
		*c = candidate{val: v, rank: rank, set: true}
	}
}

// pubDateMeta ranks <meta> names/properties that carry a publication date.
var pubDateMeta = map[string]int{
	"article:published_time":       0,
	"og:article:published_time":    0,
	"og:published_time":            0,
	"article:published":            1,
	"datepublished":                2,
	"parsely-pub-date":             3,
	"sailthru.date":                3,
	"dc.date.issued":               3,
	"dcterms.issued":               3,
	"dc.date":                      3,
	"dcterms.date":                 3,
	"dc.date.created":              3,
	"dcterms.created":              3,
	"citation_publication_date":    3,
	"citation_date":                3,
	"publishdate":                  3,
	"publish-date":                 3,
	"publish_date":                 3,
	"publication_date":             3,
	"pubdate":                      3,
	"article.published":            3,
	"article_date_original":        3,
	"original-publish-date":        3,
	"cxenseparse:recs:publishtime": 3,
	"og:pubdate":                   3,
	"published_time":               3,
	"date":                         4,
	"displaydate":                  4,
	"pdate":                        4,
}

// Extract reads the metadata of the HTML document b. base, when non-empty,
// is the URL the page was fetched from: relative canonical links are
// resolved against it. Extract never fails; missing fields stay empty.
func Extract(b []byte, base string) Meta {
	var (
		title, docTitle, pub, canon, site candidate
		m                                 Meta
		inTitle, inJSONLD, inArticle      bool
		titleBuf, ldBuf                   strings.Builder
		svgDepth                          int
	)
	z := html.NewTokenizer(bytes.NewReader(b))
	z.SetMaxBuf(0)
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return finish(m, title, docTitle, pub, canon, site, base)
		case html.TextToken:
			if inTitle && titleBuf.Len() < maxFieldLen {
				titleBuf.Write(z.Text())
			}
			if inJSONLD && ldBuf.Len() < 1<<20 {
				ldBuf.Write(z.Raw())
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			switch atom.Lookup(name) {
			case atom.Title:
				if inTitle {
					inTitle = false
					docTitle.offer(collapse(titleBuf.String()), 0)
				}
			case atom.Script:
				if inJSONLD {
					inJSONLD = false
					readJSONLD([]byte(ldBuf.String()), &title, &pub, &canon, &site)
					ldBuf.Reset()
				}
			case atom.Svg:
				if svgDepth > 0 {
					svgDepth--
				}
			case atom.Article:
				inArticle = false
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			a := atom.Lookup(name)
			var attrs map[string]string
			if hasAttr && wantAttrs(a) {
				attrs = readAttrs(z)
			}
			switch a {
			case atom.Html:
				if m.Lang == "" {
					m.Lang = trimLen(attrs["lang"], 35)
				}
			case atom.Svg:
				if tt == html.StartTagToken {
					svgDepth++
				}
			case atom.Title:
				if svgDepth == 0 && !docTitle.set && tt == html.StartTagToken {
					inTitle = true
					titleBuf.Reset()
				}
			case atom.Article:
				inArticle = true
			case atom.Meta:
				readMeta(attrs, &m, &title, &pub, &canon, &site)
			case atom.Link:
				if hasToken(attrs["rel"], "canonical") {
					canon.offer(attrs["href"], 0)
				}
			case atom.Script:
				if strings.EqualFold(strings.TrimSpace(attrs["type"]), "application/ld+json") && tt == html.StartTagToken {
					inJSONLD = true
					ldBuf.Reset()
				}
			case atom.Time:
				dt := attrs["datetime"]
				if d := NormalizeDate(dt); d != "" {
					switch {
					case strings.EqualFold(attrs["itemprop"], "datePublished"):
						pub.offer(d, 2)
					case hasKey(attrs, "pubdate"):
						pub.offer(d, 5)
					case inArticle:
						pub.offer(d, 6)
					default:
						pub.offer(d, 7)
					}
				}
			}
		}
	}
}

func finish(m Meta, title, docTitle, pub, canon, site candidate, base string) Meta {
	m.Title = title.val
	if m.Title == "" {
		m.Title = stripSiteName(docTitle.val, site.val)
	}
	m.PubDate = pub.val
	m.URL = absURL(canon.val, base)
	m.SiteName = site.val
	return m
}

// stripSiteName removes a trailing " | Site" (or " - Site", " — Site")
// from a <title> when Site is the page's known site name.
func stripSiteName(title, site string) string {
	if site == "" {
		return title
	}
	for _, sep := range []string{" | ", " - ", " – ", " — ", " :: ", " · "} {
		if rest, ok := strings.CutSuffix(title, sep+site); ok && rest != "" {
			return rest
		}
	}
	return title
}

// wantAttrs reports whether the attributes of a tag can carry metadata.
func wantAttrs(a atom.Atom) bool {
	switch a {
	case atom.Html, atom.Meta, atom.Link, atom.Script, atom.Time:
		return true
	}
	return false
}

func readAttrs(z *html.Tokenizer) map[string]string {
	attrs := make(map[string]string, 4)
	for {
		k, v, more := z.TagAttr()
		key := string(k)
		if _, dup := attrs[key]; !dup {
			attrs[key] = string(v)
		}
		if !more {
			return attrs
		}
	}
}

func readMeta(attrs map[string]string, m *Meta, title, pub, canon, site *candidate) {
	if cs := attrs["charset"]; cs != "" && m.Charset == "" {
		m.Charset = strings.ToLower(trimLen(cs, 40))
	}
	content := attrs["content"]
	if strings.EqualFold(attrs["http-equiv"], "content-type") && m.Charset == "" {
		if _, after, ok := strings.Cut(strings.ToLower(content), "charset="); ok {
			m.Charset = trimLen(strings.Trim(after, `"' ;`), 40)
		}
	}
	for _, key := range []string{attrs["property"], attrs["name"], attrs["itemprop"]} {
		key = strings.ToLower(strings.TrimSpace(key))
		if key == "" {
			continue
		}
		switch key {
		case "og:title":
			title.offer(collapse(content), 0)
		case "twitter:title":
			title.offer(collapse(content), 1)
		case "headline":
			title.offer(collapse(content), 2)
		case "og:url":
			canon.offer(content, 1)
		case "og:site_name":
			site.offer(collapse(content), 0)
		case "application-name":
			site.offer(collapse(content), 2)
		case "parsely-page":
			readParsely(content, title, pub, canon)
		}
		if rank, ok := pubDateMeta[key]; ok {
			if d := NormalizeDate(content); d != "" {
				pub.offer(d, rank)
			}
		}
	}
}

// readParsely reads the legacy Parse.ly JSON blob in <meta name="parsely-page">.
func readParsely(content string, title, pub, canon *candidate) {
	var p struct {
		Title   string `json:"title"`
		Link    string `json:"link"`
		PubDate string `json:"pub_date"`
	}
	if json.Unmarshal([]byte(content), &p) != nil {
		return
	}
	title.offer(collapse(p.Title), 3)
	canon.offer(p.Link, 3)
	if d := NormalizeDate(p.PubDate); d != "" {
		pub.offer(d, 3)
	}
}

// articleTypes are the schema.org types whose datePublished is the story's.
var articleTypes = map[string]bool{
	"newsarticle": true, "article": true, "reportagenewsarticle": true,
	"analysisnewsarticle": true, "opinionnewsarticle": true, "backgroundnewsarticle": true,
	"blogposting": true, "liveblogposting": true, "report": true, "scholarlyarticle": true,
}

// readJSONLD walks a JSON-LD block (object, array or @graph) for article data.
func readJSONLD(b []byte, title, pub, canon, site *candidate) {
	var v any
	if json.Unmarshal(b, &v) != nil {
		return
	}
	walkLD(v, 0, title, pub, canon, site)
}

func walkLD(v any, depth int, title, pub, canon, site *candidate) {
	if depth > 32 {
		return
	}
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			walkLD(e, depth+1, title, pub, canon, site)
		}
	case map[string]any:
		isArticle := false
		for _, t := range ldTypes(x["@type"]) {
			if articleTypes[strings.ToLower(t)] {
				isArticle = true
			}
		}
		if isArticle {
			if s, ok := x["headline"].(string); ok {
				title.offer(collapse(s), 2)
			}
			if s, ok := x["url"].(string); ok {
				canon.offer(s, 2)
			}
			switch me := x["mainEntityOfPage"].(type) {
			case string:
				canon.offer(me, 2)
			case map[string]any:
				if s, ok := me["@id"].(string); ok {
					canon.offer(s, 2)
				}
			}
			if p, ok := x["publisher"].(map[string]any); ok {
				if s, ok := p["name"].(string); ok {
					site.offer(collapse(s), 1)
				}
			}
		}
		for key, rank := range map[string]int{"datePublished": 4, "dateCreated": 5} {
			if s, ok := x[key].(string); ok {
				if d := NormalizeDate(s); d != "" {
					if isArticle {
						rank -= 3
					}
					pub.offer(d, rank)
				}
			}
		}
		if g, ok := x["@graph"]; ok {
			walkLD(g, depth+1, title, pub, canon, site)
		}
	}
}

func ldTypes(v any) []string {
	switch t := v.(type) {
	case string:
		return []string{t}
	case []any:
		var out []string
		for _, e := range t {
			if s, ok := e.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

// absURL returns u as an absolute http(s) URL, resolving it against base
// when relative, or "" when that is not possible.
func absURL(u, base string) string {
	if u == "" {
		return ""
	}
	p, err := url.Parse(u)
	if err != nil {
		return ""
	}
	if !p.IsAbs() {
		if base == "" {
			return ""
		}
		b, err := url.Parse(base)
		if err != nil || !b.IsAbs() {
			return ""
		}
		p = b.ResolveReference(p)
	}
	if p.Scheme != "http" && p.Scheme != "https" || p.Host == "" {
		return ""
	}
	return p.String()
}

// Host returns the lower-case host of an absolute URL without "www.", or "".
func Host(u string) string {
	p, err := url.Parse(u)
	if err != nil || p.Host == "" {
		return ""
	}
	h := strings.ToLower(p.Hostname())
	return strings.TrimPrefix(h, "www.")
}

func hasToken(list, tok string) bool {
	for _, f := range strings.Fields(list) {
		if strings.EqualFold(f, tok) {
			return true
		}
	}
	return false
}

func hasKey(m map[string]string, k string) bool {
	_, ok := m[k]
	return ok
}

// collapse trims s and folds runs of white space into one space.
func collapse(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

func trimLen(s string, n int) string {
	s = strings.TrimSpace(s)
	if len(s) > n {
		return ""
	}
	return s
}
