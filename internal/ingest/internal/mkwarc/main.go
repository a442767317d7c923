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
<title>Russian drone strike on Kharkiv apartment block kills seven, officials say - Eastern Europe Monitor</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta property="og:site_name" content="Eastern Europe Monitor">
<meta property="og:title" content="Russian drone strike on Kharkiv apartment block kills seven, officials say">
<meta property="og:type" content="article">
<meta property="article:published_time" content="2026-03-04T09:20:00+02:00">
<link rel="canonical" href="https://eemonitor.example.com/ukraine/2026/03/04/kharkiv-drone-strike">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Russian drone strike on Kharkiv apartment block kills seven, officials say","datePublished":"2026-03-04T09:20:00+02:00","publisher":{"@type":"Organization","name":"Eastern Europe Monitor"}}</script>
</head>
<body>
<div class="cookie-banner">We use cookies to improve your experience. <button>Accept all</button></div>
<header>
<nav class="top-nav"><a href="/">Home</a> <a href="/ukraine">Ukraine</a> <a href="/world">World</a> <a href="/business">Business</a> <a href="/opinion">Opinion</a> <a href="/subscribe">Subscribe</a> <a href="/login">Sign in</a></nav>
</header>
<div class="ad ad-leaderboard">Advertisement</div>
<main>
<article>
<h1>Russian drone strike on Kharkiv apartment block kills seven, officials say</h1>
<p class="byline">By Eastern Europe Monitor staff | March 4, 2026</p>
<div class="share">Share on Facebook | Share on X | Email this article</div>
<p>KHARKIV, Ukraine, March 4 - Russian drones struck a nine-storey apartment building in Ukraine's second-largest city overnight, killing seven people, including a child, and injuring at least 24, regional officials said on Wednesday.</p>
<p>Kharkiv regional governor Oleh Syniehubov said rescuers were still searching the rubble of two collapsed stairwells. "The enemy deliberately targeted a residential district while people were asleep," Syniehubov wrote on Telegram. "Three of the injured are in serious condition."</p>
<p>Mayor Ihor Terekhov said at least 12 Shahed-type drones had been launched at the city in the space of 40 minutes. Ukraine's air force said it shot down 61 of the 85 drones fired across the country during the night.</p>
<div class="ad ad-inline">Advertisement - Continue reading below</div>
<p>Russia's defence ministry said its forces had hit "military-industrial facilities" in the Kharkiv region and did not mention civilian casualties. Moscow denies targeting civilians.</p>
<p>President Volodymyr Zelensky called on Western allies to speed up deliveries of air defence systems. "Every delay is paid for with Ukrainian lives," he said in his nightly video address. Police said they had detained a man suspected of filming the building for Russian intelligence before the attack.</p>
</article>
<aside class="related"><h2>Related stories</h2><ul><li><a href="/ukraine/2026/02/27/odesa-port-strike">Missile strike damages Odesa port terminal</a></li><li><a href="/ukraine/2026/02/20/energy-talks">Energy ceasefire talks stall again</a></li></ul></aside>
</main>
<div class="newsletter">Get the morning briefing in your inbox. <input type="email" placeholder="Email address"> <button>Sign up</button></div>
<footer><p>&copy; 2026 Eastern Europe Monitor. All rights reserved.</p><a href="/privacy">Privacy</a> <a href="/terms">Terms</a> <a href="/contact">Contact us</a></footer>
</body>
</html>
`

const target = "https://eemonitor.example.com/ukraine/2026/03/04/kharkiv-drone-strike"

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
		Date: "2026-03-04T07:40:09Z", ContentType: "application/warc-fields",
		Block: []byte("software: eventwire mkwarc\r\nformat: WARC File Format 1.1\r\ndescription: eventwire example crawl (invented story)\r\n"),
	}
	req := warcwrite.Record{
		Type: "request", ID: "urn:uuid:6a1f3c52-0b5e-4a51-9d6e-2f0c7a000002",
		Date: "2026-03-04T07:40:10Z", TargetURI: target, ContentType: "application/http;msgtype=request",
		Block: []byte("GET /ukraine/2026/03/04/kharkiv-drone-strike HTTP/1.1\r\nHost: eemonitor.example.com\r\nUser-Agent: eventwire-example\r\n\r\n"),
	}
	resp := warcwrite.Record{
		Type: "response", ID: "urn:uuid:6a1f3c52-0b5e-4a51-9d6e-2f0c7a000003",
		Date: "2026-03-04T07:40:10Z", TargetURI: target, ContentType: "application/http;msgtype=response",
		Block: warcwrite.HTTPResponse("200 OK", []string{
			"Date: Wed, 04 Mar 2026 07:40:10 GMT",
			"Content-Type: text/html; charset=utf-8",
		}, []byte(page)),
	}
	if err := warcwrite.Write(f, true, info, req, resp); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
