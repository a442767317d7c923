// Command mkwarc writes eventwire's example web archive, a small WARC with
// one crawled news page (navigation, ads and share buttons included, as a
// crawler sees it). Its output is byte-for-byte reproducible:
//
//	go run ./internal/ingest/internal/mkwarc -o examples/crawl.warc.gz
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/eventwire/eventwire/internal/ingest/internal/warcwrite"
)

const page = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Manila and Beijing trade blame after coast guard collision near Second Thomas Shoal - Pacific Ledger</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta property="og:site_name" content="Pacific Ledger">
<meta property="og:title" content="Manila and Beijing trade blame after coast guard collision near Second Thomas Shoal">
<meta property="og:type" content="article">
<meta property="article:published_time" content="2026-03-04T08:45:00+08:00">
<link rel="canonical" href="https://pacificledger.example.com/asia/2026/03/04/second-thomas-shoal-collision">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Manila and Beijing trade blame after coast guard collision near Second Thomas Shoal","datePublished":"2026-03-04T08:45:00+08:00","publisher":{"@type":"Organization","name":"Pacific Ledger"}}</script>
</head>
<body>
<div class="cookie-banner">We use cookies to improve your experience. <button>Accept all</button></div>
<header>
<nav class="top-nav"><a href="/">Home</a> <a href="/asia">Asia</a> <a href="/world">World</a> <a href="/business">Business</a> <a href="/opinion">Opinion</a> <a href="/subscribe">Subscribe</a> <a href="/login">Sign in</a></nav>
</header>
<div class="ad ad-leaderboard">Advertisement</div>
<main>
<article>
<h1>Manila and Beijing trade blame after coast guard collision near Second Thomas Shoal</h1>
<p class="byline">By Pacific Ledger staff | March 4, 2026</p>
<div class="share">Share on Facebook | Share on X | Email this article</div>
<p>MANILA, March 4 - A Chinese coast guard ship collided with a Philippine supply vessel near the disputed Second Thomas Shoal in the South China Sea on Tuesday, injuring three Filipino crew members, the Philippine coast guard said.</p>
<p>The Philippine vessel was carrying food and water to marines stationed on the grounded warship BRP Sierra Madre when it was blocked and then rammed, coast guard spokesman Jay Tarriela said. "This was a deliberate and dangerous manoeuvre against a civilian resupply mission," Tarriela told a news conference in Manila. "We will not be intimidated into abandoning our own troops."</p>
<p>China's foreign ministry gave a different account. Spokesperson Lin Jian said the Philippine boat had "illegally intruded" into Chinese waters and ignored repeated warnings. "The Chinese coast guard took necessary control measures in accordance with the law," Lin told a regular briefing in Beijing, adding that responsibility lay "entirely with the Philippine side".</p>
<div class="ad ad-inline">Advertisement - Continue reading below</div>
<p>The Philippine Department of Foreign Affairs said it had summoned China's deputy ambassador and lodged a formal protest. The United States, which has a mutual defence treaty with the Philippines, called the collision "reckless" and said it stood with its ally.</p>
<p>It was the fourth such incident near the shoal since January.</p>
</article>
<aside class="related"><h2>Related stories</h2><ul><li><a href="/asia/2026/02/11/scarborough-water-cannon">Water cannon fired at fishing boats near Scarborough Shoal</a></li><li><a href="/asia/2026/01/20/asean-code-of-conduct">ASEAN talks on sea code stall again</a></li></ul></aside>
</main>
<div class="newsletter">Get the morning briefing in your inbox. <input type="email" placeholder="Email address"> <button>Sign up</button></div>
<footer><p>&copy; 2026 Pacific Ledger. All rights reserved.</p><a href="/privacy">Privacy</a> <a href="/terms">Terms</a> <a href="/contact">Contact us</a></footer>
</body>
</html>
`

const target = "https://pacificledger.example.com/asia/2026/03/04/second-thomas-shoal-collision"

func main() {
	out := flag.String("o", "examples/crawl.warc.gz", "output file")
	flag.Parse()
	if err := write(*out); err != nil {
		fmt.Fprintln(os.Stderr, "mkwarc:", err)
		os.Exit(1)
	}
}

func write(path string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	info := warcwrite.Record{
		Type: "warcinfo", ID: "urn:uuid:6a1f3c52-0b5e-4a51-9d6e-2f0c7a000001",
		Date: "2026-03-04T03:12:09Z", ContentType: "application/warc-fields",
		Block: []byte("software: eventwire mkwarc\r\nformat: WARC File Format 1.1\r\ndescription: eventwire example crawl (invented story)\r\n"),
	}
	req := warcwrite.Record{
		Type: "request", ID: "urn:uuid:6a1f3c52-0b5e-4a51-9d6e-2f0c7a000002",
		Date: "2026-03-04T03:12:10Z", TargetURI: target, ContentType: "application/http;msgtype=request",
		Block: []byte("GET /asia/2026/03/04/second-thomas-shoal-collision HTTP/1.1\r\nHost: pacificledger.example.com\r\nUser-Agent: eventwire-example\r\n\r\n"),
	}
	resp := warcwrite.Record{
		Type: "response", ID: "urn:uuid:6a1f3c52-0b5e-4a51-9d6e-2f0c7a000003",
		Date: "2026-03-04T03:12:10Z", TargetURI: target, ContentType: "application/http;msgtype=response",
		Block: warcwrite.HTTPResponse("200 OK", []string{
			"Date: Wed, 04 Mar 2026 03:12:10 GMT",
			"Content-Type: text/html; charset=utf-8",
		}, []byte(page)),
	}
	if err := warcwrite.Write(f, true, info, req, resp); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
