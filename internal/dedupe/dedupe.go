// Package dedupe identifies documents by content and finds near-copies.
//
// ID gives the content hash that is a Document's identity. Signature computes
// a MinHash sketch over word shingles; Index is an LSH banding index over such
// sketches that returns stored documents whose estimated Jaccard similarity
// with a query reaches Threshold. SentenceHash is a normalized per-sentence
// hash for the duplicate_sentence integrity flag.
//
// The package is pure: no I/O, deterministic across runs and machines.
package dedupe

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// IDPrefix starts every document ID.
const IDPrefix = "sha256:"

// NormalizeText is the text form hashed by ID: Unicode NFC, every run of
// whitespace folded to one ASCII space, no leading or trailing space. Case and
// punctuation are kept. Invalid UTF-8 bytes are kept as they are.
func NormalizeText(text string) string {
	text = norm.NFC.String(text)
	var b strings.Builder
	b.Grow(len(text))
	space := false
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if r == utf8.RuneError && n == 1 {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteByte(text[i])
			i++
			continue
		}
		if unicode.IsSpace(r) {
			space = true
		} else {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteString(text[i : i+n])
		}
		i += n
	}
	return b.String()
}

// ID is the identity of a document: "sha256:" + hex of NormalizeText(text).
func ID(text string) string {
	sum := sha256.Sum256([]byte(NormalizeText(text)))
	return IDPrefix + hex.EncodeToString(sum[:])
}

// SentenceHash hashes a sentence so that copies differing only in case,
// punctuation, whitespace or Unicode composition collide: the text is NFKC
// normalized, lowercased, and each run of characters that are neither letters
// nor digits is folded to one separator. A sentence with no letters or digits
// hashes to 0.
func SentenceHash(sentence string) uint64 {
	h := uint64(fnvOffset)
	sep, any := false, false
	for _, r := range norm.NFKC.String(sentence) {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			sep = true
			continue
		}
		if sep && any {
			h = fnvByte(h, ' ')
		}
		sep, any = false, true
		r = unicode.ToLower(r)
		var buf [utf8.UTFMax]byte
		n := utf8.EncodeRune(buf[:], r)
		for _, c := range buf[:n] {
			h = fnvByte(h, c)
		}
	}
	if !any {
		return 0
	}
	return h
}

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func fnvByte(h uint64, c byte) uint64 { return (h ^ uint64(c)) * fnvPrime }
