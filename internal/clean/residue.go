package clean

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Why values of removed residue.
const (
	whyShare      = "boilerplate: share button"
	whyAdvert     = "boilerplate: advertisement"
	whyPhotoCode  = "boilerplate: photo code"
	whyPhotoCred  = "boilerplate: photo credit"
	whyCookie     = "boilerplate: cookie notice"
	whyNewsletter = "boilerplate: newsletter"
	whySocial     = "boilerplate: social follow"
	whyRelated    = "boilerplate: related link"
	whyAction     = "boilerplate: call to action"
	whyNav        = "boilerplate: navigation"
	whyCopyright  = "boilerplate: copyright"
	whySeparator  = "boilerplate: separator"
)

// residue classifies one trimmed line of page text and returns why it is
// residue, or "" for a line of the article. The rules are general shapes:
// short lines without sentence punctuation made of interface vocabulary,
// code-like photo identifiers, credit and call-to-action openings, and
// cookie notices.
func residue(s string) string {
	n := len(s)
	if n > 600 {
		return ""
	}
	if isPhotoCode(s) {
		return whyPhotoCode
	}
	if n > 200 {
		if (strings.Contains(s, "ookie") || strings.Contains(s, "OOKIE")) && isCookieNotice(strings.ToLower(s)) {
			return whyCookie
		}
		return ""
	}
	low := strings.ToLower(s)
	var wbuf [48]string
	words := splitWords(low, wbuf[:0])
	if len(words) == 0 {
		if !hasDigit(s) {
			return whySeparator // "* * *", "|", "—"
		}
		return ""
	}
	if strings.Contains(low, "cookie") && isCookieNotice(low) {
		return whyCookie
	}
	if len(words) <= 8 && isAgencyCredit(s) {
		return whyPhotoCred
	}
	if len(words) <= 25 {
		for _, p := range creditOpenings {
			if strings.HasPrefix(low, p) {
				return whyPhotoCred
			}
		}
		if strings.HasPrefix(low, "©") || strings.HasPrefix(low, "(c) ") || strings.HasPrefix(low, "copyright ") && hasDigit(low) ||
			strings.Contains(low, "all rights reserved") {
			return whyCopyright
		}
	}
	if len(words) <= 14 {
		for _, a := range actionOpenings {
			if strings.HasPrefix(low, a.prefix) && (len(low) == len(a.prefix) || !isLetterByte(low[len(a.prefix)])) {
				return a.why
			}
		}
	}
	if len(words) <= 6 && !endsSentence(s) {
		return labelLine(words)
	}
	return ""
}

// isPhotoCode matches a wire photo or asset identifier alone on a line:
// one token of capitals and digits with at least one of each
// ("RTR4SGHC", "AFP_32XY7QD", "GETTY-1234567").
func isPhotoCode(s string) bool {
	if len(s) < 5 || len(s) > 32 {
		return false
	}
	digits, upper := 0, 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			digits++
		case c >= 'A' && c <= 'Z':
			upper++
		case c == '_' || c == '-':
		default:
			return false
		}
	}
	if digits == 0 || upper < 2 {
		return false
	}
	// Not a name like "COVID-19" or "G20": require a letter after a digit
	// ("RTR4SGHC") or a long number ("GETTY-1234567").
	mixed := false
	for i := 1; i < len(s); i++ {
		if s[i] >= 'A' && s[i] <= 'Z' && strings.ContainsAny(s[:i], "0123456789") {
			mixed = true
			break
		}
	}
	return mixed || digits >= 5
}

// isAgencyCredit matches "REUTERS/Kevin Lamarque", "AFP/Getty Images",
// "(AP Photo/Evan Vucci)".
func isAgencyCredit(s string) bool {
	s = strings.TrimSpace(strings.Trim(s, "()[]"))
	slash := strings.IndexByte(s, '/')
	if slash < 2 || slash == len(s)-1 {
		return false
	}
	head := s[:slash]
	if strings.ContainsAny(s, ".!?") && !strings.HasSuffix(s, ".") {
		return false
	}
	// The agency part: its first word in capitals ("AP", "REUTERS").
	first, _, _ := strings.Cut(head, " ")
	if len(first) < 2 {
		return false
	}
	for i := 0; i < len(first); i++ {
		if c := first[i]; !(c >= 'A' && c <= 'Z' || c == '&') {
			return false
		}
	}
	if strings.Count(head, " ") > 2 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[slash+1:])
	return unicode.IsUpper(r)
}

func isCookieNotice(low string) bool {
	for _, c := range cookieContext {
		if strings.Contains(low, c) {
			return true
		}
	}
	return false
}

var cookieContext = []string{
	"we use", "this site", "this website", "our site", "our website", "accept", "consent",
	"privacy policy", "cookie policy", "cookie settings", "manage cookies", "continue browsing",
	"continuing to", "you agree", "use of cookies", "uses cookies",
}

var creditOpenings = []string{
	"image copyright", "image caption", "image source", "image:", "images:", "photo:", "photos:",
	"photo credit", "photograph:", "photographs:", "picture:", "pictures:", "pictured:",
	"credit:", "caption:", "(photo", "photo by ", "file photo", "getty images", "media caption",
	"video caption",
}

type opening struct{ prefix, why string }

// actionOpenings start short lines that address the reader.
var actionOpenings = []opening{
	{"click here", whyAction}, {"tap here", whyAction}, {"click to ", whyAction},
	{"follow us", whySocial}, {"follow @", whySocial}, {"like us on", whySocial},
	{"join us on", whySocial}, {"find us on", whySocial}, {"connect with us", whySocial},
	{"sign up", whyNewsletter}, {"subscribe", whyNewsletter}, {"get our newsletter", whyNewsletter},
	{"get the newsletter", whyNewsletter}, {"newsletter", whyNewsletter},
	{"read more", whyRelated}, {"read next", whyRelated}, {"read also", whyRelated},
	{"also read", whyRelated}, {"read the full", whyRelated}, {"continue reading", whyRelated},
	{"related:", whyRelated}, {"related articles", whyRelated}, {"related stories", whyRelated},
	{"related content", whyRelated}, {"related coverage", whyRelated}, {"more:", whyRelated},
	{"see also", whyRelated}, {"more stories", whyRelated}, {"more from", whyRelated},
	{"most read", whyRelated}, {"most popular", whyRelated}, {"recommended", whyRelated},
	{"you may also like", whyRelated}, {"you might also like", whyRelated}, {"don't miss", whyRelated},
	{"don’t miss", whyRelated}, {"trending now", whyRelated}, {"top stories", whyRelated},
	{"skip to", whyNav}, {"back to top", whyNav}, {"jump to", whyNav}, {"next article", whyNav},
	{"previous article", whyNav}, {"next story", whyNav}, {"previous story", whyNav},
	{"download the", whyAction}, {"download our", whyAction}, {"get the app", whyAction},
	{"watch:", whyAction}, {"watch now", whyAction}, {"watch the video", whyAction},
	{"watch video", whyAction}, {"play video", whyAction}, {"listen:", whyAction},
	{"listen to this", whyAction}, {"share this", whyShare}, {"share on", whyShare},
	{"share with", whyShare}, {"share via", whyShare}, {"share:", whyShare},
	{"leave a comment", whyAction}, {"join the conversation", whyAction},
	{"view comments", whyAction}, {"show comments", whyAction}, {"comments (", whyAction},
	{"report an error", whyAction}, {"report a typo", whyAction}, {"print this", whyShare},
	{"email this", whyShare}, {"e-mail this", whyShare}, {"advertisement", whyAdvert},
	{"sponsored content", whyAdvert}, {"story continues below", whyAdvert},
	{"article continues below", whyAdvert}, {"continue reading below", whyAdvert},
}

// labelStrong are interface labels that make a short line residue.
var labelStrong = map[string]string{
	"share": whyShare, "shares": whyShare, "tweet": whyShare, "print": whyShare,
	"email": whyShare, "mail": whyShare, "facebook": whyShare, "twitter": whyShare,
	"whatsapp": whyShare, "linkedin": whyShare, "reddit": whyShare, "pinterest": whyShare,
	"telegram": whyShare, "messenger": whyShare, "bookmark": whyShare, "flipboard": whyShare,
	"copied": whyShare, "advertisement": whyAdvert, "advertisements": whyAdvert,
	"advert": whyAdvert, "adverts": whyAdvert, "ad": whyAdvert, "ads": whyAdvert,
	"sponsored": whyAdvert, "promoted": whyAdvert, "advertising": whyAdvert,
	"menu": whyNav, "login": whyNav, "logout": whyNav, "search": whyNav, "loading": whyNav,
	"gallery": whyNav, "comments": whyAction, "subscribe": whyNewsletter,
	"newsletter": whyNewsletter, "newsletters": whyNewsletter, "instagram": whySocial,
	"youtube": whySocial, "tiktok": whySocial,
}

// labelWeak may accompany a strong label ("Share this article", "Log in").
var labelWeak = map[string]bool{
	"this": true, "article": true, "story": true, "page": true, "on": true, "the": true,
	"via": true, "to": true, "us": true, "our": true, "more": true, "read": true,
	"related": true, "content": true, "comment": true, "save": true, "copy": true,
	"link": true, "x": true, "sms": true, "close": true, "next": true, "previous": true,
	"video": true, "watch": true, "play": true, "back": true, "top": true, "skip": true,
	"main": true, "icon": true, "button": true, "and": true, "or": true, "a": true,
	"post": true, "now": true, "here": true, "for": true, "with": true, "your": true,
	"friends": true, "in": true, "sign": true, "log": true, "out": true, "up": true,
	"e": true, "open": true, "new": true, "window": true, "tab": true, "options": true,
	"free": true, "daily": true, "opens": true, "show": true, "hide": true,
	"view": true, "all": true, "photos": true, "images": true, "image": true, "of": true,
	"continue": true, "below": true, "feedback": true, "google": true,
}

func labelLine(words []string) string {
	why := ""
	for _, w := range words {
		if y, ok := labelStrong[w]; ok {
			if why == "" {
				why = y
			}
			continue
		}
		if !labelWeak[w] && !isNumber(w) {
			return ""
		}
	}
	return why
}

// splitWords appends the runs of letters and digits of low.
func splitWords(low string, out []string) []string {
	start := -1
	for i := 0; i <= len(low); {
		var r rune = ' '
		size := 1
		if i < len(low) {
			r, size = utf8.DecodeRuneInString(low[i:])
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if start < 0 {
				start = i
			}
		} else if start >= 0 {
			if len(out) == cap(out) {
				return append(out, low[start:i])
			}
			out = append(out, low[start:i])
			start = -1
		}
		i += size
	}
	return out
}

func endsSentence(s string) bool {
	s = strings.TrimRight(s, "\"'”’)] ")
	if s == "" {
		return false
	}
	switch s[len(s)-1] {
	case '.', '!', '?':
		return !strings.HasSuffix(s, "...")
	}
	return false
}

func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			return true
		}
	}
	return false
}

func isNumber(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return w != ""
}

func isLetterByte(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
