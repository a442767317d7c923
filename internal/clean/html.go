package clean

import (
	"bytes"
	"fmt"
	nurl "net/url"
	"strings"

	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/text/unicode/norm"

	"github.com/eventwire/eventwire/internal/doc"
)

// HTML extracts the main content of an HTML page with go-trafilatura
// (navigation, adverts, footers and comments go), then runs the same
// residue pass as Text over it, one paragraph per extracted block. The
// title and publication date come from the page metadata (meta tags,
// JSON-LD, OpenGraph), the date falling back to a dateline in the text.
//
// Removed spans point into raw where the removed line occurs there
// verbatim; a line that the extractor changed (entities, markup inside)
// gets the span {-1, -1}. pageURL may be empty.
func HTML(raw []byte, pageURL string) (res Result, err error) {
	opts := trafilatura.Options{ExcludeComments: true}
	if pageURL != "" {
		u, perr := nurl.Parse(pageURL)
		if perr != nil {
			return Result{}, fmt.Errorf("clean: page URL %q: %w", pageURL, perr)
		}
		opts.OriginalURL = u
	}
	defer func() {
		// The extractor is outside code: a failure inside it on a hostile
		// page becomes this page's error, never a crash of the batch.
		if r := recover(); r != nil {
			res, err = Result{}, fmt.Errorf("clean: html extraction of %q failed: %v", pageURL, r)
		}
	}()
	ext, err := trafilatura.Extract(bytes.NewReader(raw), opts)
	if err != nil {
		return Result{}, fmt.Errorf("clean: html %q: %w", pageURL, err)
	}
	body := blockText(ext.ContentNode)
	if strings.TrimSpace(body) == "" {
		body = ext.ContentText
	}
	res = pass(body, true)
	// Map removed lines back to the raw page.
	from := 0
	for i := range res.Removed {
		r := &res.Removed[i]
		if k := bytes.Index(raw[from:], []byte(r.Text)); k >= 0 {
			r.Span = doc.Span{Start: from + k, End: from + k + len(r.Text)}
			from = r.End
		} else if k := bytes.Index(raw, []byte(r.Text)); k >= 0 {
			r.Span = doc.Span{Start: k, End: k + len(r.Text)}
		} else {
			r.Span = doc.Span{Start: -1, End: -1}
		}
	}
	title := foldSpaces(ext.Metadata.Title)
	if title != "" {
		res.Title = title
		res.TitleSpan = nil
		// The extracted body may open with the headline itself.
		if first, _, _ := strings.Cut(res.Text, "\n\n"); first != "" && strings.EqualFold(first, title) {
			res.TitleSpan = &doc.Span{Start: 0, End: len(first)}
		}
	} else if res.TitleSpan == nil {
		res.Title = ""
	}
	if !ext.Metadata.Date.IsZero() {
		res.PubDate = ext.Metadata.Date.Format("2006-01-02")
	}
	return res, nil
}

// foldSpaces trims s, folds its whitespace runs to single spaces and puts
// it in NFC.
func foldSpaces(s string) string {
	var b strings.Builder
	writeNormalized(&b, s)
	return norm.NFC.String(b.String())
}

// blockText renders the extracted content tree as text with one line per
// block element (paragraph, heading, list item, quote, table row), so that
// the paragraph structure of the page survives.
func blockText(n *html.Node) string {
	if n == nil {
		return ""
	}
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			for _, r := range n.Data {
				if r == '\n' || r == '\r' || r == '\t' || r == '\f' {
					r = ' '
				}
				b.WriteRune(r)
			}
			return
		case html.ElementNode:
			switch n.Data {
			case "script", "style", "noscript", "template":
				return
			case "br", "hr":
				b.WriteByte('\n')
				return
			case "td", "th":
				b.WriteByte(' ')
			}
		}
		block := n.Type == html.ElementNode && blockTags[n.Data]
		if block {
			b.WriteByte('\n')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if block {
			b.WriteByte('\n')
		}
	}
	walk(n)
	return b.String()
}

var blockTags = map[string]bool{
	"p": true, "div": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"li": true, "ul": true, "ol": true, "dl": true, "dt": true, "dd": true, "blockquote": true,
	"pre": true, "table": true, "tr": true, "section": true, "article": true, "header": true,
	"footer": true, "figure": true, "figcaption": true, "address": true, "main": true,
	"aside": true, "details": true, "summary": true, "form": true, "fieldset": true, "nav": true,
	"caption": true, "thead": true, "tbody": true, "tfoot": true, "body": true, "html": true,
}
