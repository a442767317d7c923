package ingest

import (
	"bytes"
	"compress/gzip"
	"io"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/unicode"
)

// binaryMagic are signatures of common non-text files met in news dumps.
var binaryMagic = []struct {
	magic []byte
	what  string
}{
	{[]byte("\x89PNG\r\n\x1a\n"), "PNG image"},
	{[]byte("\xff\xd8\xff"), "JPEG image"},
	{[]byte("GIF87a"), "GIF image"},
	{[]byte("GIF89a"), "GIF image"},
	{[]byte("RIFF"), "RIFF (WebP/WAV/AVI) file"},
	{[]byte("\x7fELF"), "ELF executable"},
	{[]byte("MZ"), "Windows executable"},
	{[]byte("%PDF-"), "PDF document"},
	{[]byte("PK\x03\x04"), "ZIP archive"},
	{[]byte("BZh"), "bzip2 archive"},
	{[]byte("\xfd7zXZ\x00"), "xz archive"},
	{[]byte("(\xb5/\xfd"), "zstd archive"},
	{[]byte("7z\xbc\xaf\x27\x1c"), "7-Zip archive"},
	{[]byte("SQLite format 3\x00"), "SQLite database"},
	{[]byte("\xca\xfe\xba\xbe"), "Mach-O/Java class file"},
	{[]byte("\x00asm"), "WebAssembly module"},
	{[]byte("OggS"), "Ogg media"},
	{[]byte("\x1aE\xdf\xa3"), "Matroska/WebM media"},
}

// binaryKind names a binary signature at the start of head, or "".
func binaryKind(head []byte) string {
	for _, m := range binaryMagic {
		if bytes.HasPrefix(head, m.magic) {
			// "MZ" and "BZh" are also plausible text starts: require a
			// control byte soon after to call them binary.
			if len(m.magic) <= 3 && !hasControl(head) {
				continue
			}
			return m.what
		}
	}
	if hasControl(head) {
		return "binary data"
	}
	return ""
}

// hasControl reports NUL bytes or a run of C0 control bytes that text never has.
func hasControl(head []byte) bool {
	if len(head) > 1024 {
		head = head[:1024]
	}
	ctl := 0
	for _, c := range head {
		if c == 0 {
			return true
		}
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1b {
			ctl++
		}
	}
	return ctl > 0 && ctl*20 > len(head)
}

// Detect names the kind of a document from its first bytes (a few KB is
// plenty) and, only when the content leaves it open, from the file name.
// Gzip-compressed heads are looked through. It returns KindUnknown for
// binary files (images, executables, archives) that hold no news text.
func Detect(head []byte, name string) Kind {
	name = strings.ToLower(filepath.Base(name))
	if isGzip(head) {
		inner, _ := io.ReadAll(io.LimitReader(gunzipPartial(head), 8192))
		return Detect(inner, strings.TrimSuffix(name, ".gz"))
	}
	if bytes.HasPrefix(head, []byte("\xff\xfe")) || bytes.HasPrefix(head, []byte("\xfe\xff")) {
		return Detect(fromUTF16(head), name)
	}
	head = bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))
	if bytes.HasPrefix(head, []byte("WARC/")) {
		return KindWARC
	}
	if b := binaryKind(head); b != "" {
		return KindUnknown
	}
	trimmed := bytes.TrimLeft(head, " \t\r\n\f")
	ext := filepath.Ext(name)
	if len(trimmed) == 0 {
		return byExt(ext, KindText)
	}
	switch trimmed[0] {
	case '{':
		return KindJSONL
	case '<':
		if k := markupKind(trimmed); k != KindUnknown {
			return k
		}
		// Markup the head is too short to settle: the extension decides.
		if k := byExt(ext, KindUnknown); k == KindHTML || k == KindRSS || k == KindAtom {
			return k
		}
	}
	lower := bytes.ToLower(trimmed)
	if bytes.Contains(lower, []byte("<html")) || bytes.Contains(lower, []byte("<!doctype html")) || bytes.Contains(lower, []byte("<body")) {
		return KindHTML
	}
	if k := byExt(ext, KindText); k == KindHTML && bytes.IndexByte(trimmed, '<') >= 0 {
		return KindHTML
	}
	return KindText
}

// byExt settles an open case from the file extension; def when it cannot.
func byExt(ext string, def Kind) Kind {
	switch ext {
	case ".html", ".htm", ".xhtml", ".shtml":
		return KindHTML
	case ".rss", ".rdf":
		return KindRSS
	case ".atom":
		return KindAtom
	case ".jsonl", ".ndjson":
		if def == KindText {
			return def
		}
		return KindJSONL
	case ".warc":
		return KindWARC
	case ".txt", ".text":
		return KindText
	}
	return def
}

// markupKind reads the first element name after prologue, comments and
// doctype: rss/rdf:RDF give RSS, feed gives Atom, anything else HTML.
func markupKind(b []byte) Kind {
	for i := 0; i < 64 && len(b) > 0; i++ {
		b = bytes.TrimLeft(b, " \t\r\n\f")
		if len(b) < 2 || b[0] != '<' {
			return KindUnknown
		}
		switch {
		case bytes.HasPrefix(b, []byte("<?")):
			end := bytes.Index(b, []byte("?>"))
			if end < 0 {
				return KindUnknown
			}
			b = b[end+2:]
		case bytes.HasPrefix(b, []byte("<!--")):
			end := bytes.Index(b[4:], []byte("-->"))
			if end < 0 {
				return KindUnknown
			}
			b = b[4+end+3:]
		case bytes.HasPrefix(b, []byte("<!")):
			if len(b) >= 14 && bytes.EqualFold(b[:14], []byte("<!doctype html")) {
				return KindHTML
			}
			end := bytes.IndexByte(b, '>')
			if end < 0 {
				return KindUnknown
			}
			b = b[end+1:]
		default:
			if c := b[1] | 0x20; c < 'a' || c > 'z' {
				return KindUnknown // "<3", "< 5": not a tag
			}
			n := 1
			for n < len(b) && n < 64 && isNameByte(b[n]) {
				n++
			}
			el := strings.ToLower(string(b[1:n]))
			if i := strings.IndexByte(el, ':'); i >= 0 && el != "rdf:rdf" {
				el = el[i+1:] // namespace prefix: <atom:feed>
			}
			switch el {
			case "rss", "rdf:rdf":
				return KindRSS
			case "feed":
				return KindAtom
			case "":
				return KindUnknown
			}
			return KindHTML
		}
	}
	return KindUnknown
}

func isNameByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == ':' || c == '-' || c == '_' || c == '.'
}

func isGzip(b []byte) bool { return len(b) >= 3 && b[0] == 0x1f && b[1] == 0x8b && b[2] == 8 }

// gunzipPartial reads what it can of a possibly cut gzip stream.
func gunzipPartial(b []byte) io.Reader {
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return bytes.NewReader(nil)
	}
	return &partialReader{r: zr}
}

// partialReader turns the unexpected EOF of a cut stream into a clean EOF.
type partialReader struct{ r io.Reader }

func (p *partialReader) Read(b []byte) (int, error) {
	n, err := p.r.Read(b)
	if err != nil && err != io.EOF {
		err = io.EOF
	}
	return n, err
}

// fromUTF16 decodes a BOM-marked UTF-16 head to UTF-8, dropping a cut last unit.
func fromUTF16(b []byte) []byte {
	if len(b)%2 == 1 {
		b = b[:len(b)-1]
	}
	out, err := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder().Bytes(b)
	if err != nil {
		return nil
	}
	if !utf8.Valid(out) {
		return bytes.ToValidUTF8(out, []byte("\uFFFD"))
	}
	return out
}
