package dedupe

import (
	"encoding/binary"
	"fmt"
	"math"
	"sort"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Sketch parameters. A Signature holds NumHashes minima; LSH splits it into
// NumBands bands of RowsPerBand rows. With 16 bands of 6 rows, a pair with
// Jaccard 0.8 becomes a candidate with probability 1-(1-0.8^6)^16 ≈ 0.99 and
// a pair with Jaccard 0.5 with probability ≈ 0.22; candidates are then
// checked against Threshold on the full signature.
const (
	ShingleWords = 5
	NumHashes    = 96
	NumBands     = 16
	RowsPerBand  = NumHashes / NumBands

	// Threshold is the estimated Jaccard similarity from which two
	// documents count as near duplicates.
	Threshold = 0.8

	// SignatureBytes is the length of Signature.Bytes.
	SignatureBytes = NumHashes * 4
)

// seed fixes the hash family; changing it invalidates stored signatures.
const seed = 0x6576656e74776972 // "eventwir"

// hashMul (odd) and hashAdd define the NumHashes hash functions.
var hashMul, hashAdd = func() (m, a [NumHashes]uint64) {
	x := uint64(seed)
	for i := range m {
		x += 0x9e3779b97f4a7c15
		m[i] = mix64(x) | 1
		x += 0x9e3779b97f4a7c15
		a[i] = mix64(x)
	}
	return m, a
}()

// Signature is a MinHash sketch of a text's word shingles.
// The zero value is not a valid sketch; use Signature(text) or SignatureFromBytes.
type Signature [NumHashes]uint32

// empty is the sketch of a text without words.
var empty = func() (s Signature) {
	for i := range s {
		s[i] = math.MaxUint32
	}
	return s
}()

// Sign computes the MinHash signature of text over word shingles of
// ShingleWords words. Words are runs of letters and digits after NFKC
// normalization and lowercasing; punctuation and spacing do not matter. A
// text shorter than ShingleWords words has one shingle of all its words; a
// text with no words gets an empty signature (see Empty) that matches nothing.
func Sign(text string) Signature {
	sig := empty
	words := wordHashes(text)
	if len(words) == 0 {
		return sig
	}
	n := len(words) - ShingleWords + 1
	if n < 1 {
		n = 1
	}
	for i := 0; i < n; i++ {
		end := i + ShingleWords
		if end > len(words) {
			end = len(words)
		}
		var sh uint64 = 0x2545f4914f6cdd1d
		for _, w := range words[i:end] {
			sh = mix64(sh ^ w)
		}
		// Multiply-shift hashing of the well-mixed shingle hash: h_j(x) =
		// high 32 bits of (a_j*x + b_j) mod 2^64 with a_j odd.
		for j := range sig {
			v := uint32((sh*hashMul[j] + hashAdd[j]) >> 32)
			if v < sig[j] {
				sig[j] = v
			}
		}
	}
	return sig
}

// wordHashes returns a hash per word of text.
func wordHashes(text string) []uint64 {
	text = norm.NFKC.String(text)
	out := make([]uint64, 0, len(text)/6+1)
	h, in := uint64(fnvOffset), false
	for _, r := range text {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			r = unicode.ToLower(r)
			var buf [utf8.UTFMax]byte
			n := utf8.EncodeRune(buf[:], r)
			for _, c := range buf[:n] {
				h = fnvByte(h, c)
			}
			in = true
			continue
		}
		if in {
			out = append(out, h)
			h, in = fnvOffset, false
		}
	}
	if in {
		out = append(out, h)
	}
	return out
}

// Empty reports whether s is the signature of a text without words.
func (s *Signature) Empty() bool { return *s == empty }

// Jaccard estimates the Jaccard similarity of the shingle sets behind a and
// b: the share of positions where their minima agree. Empty signatures are
// similar to nothing.
func Jaccard(a, b *Signature) float64 {
	if a.Empty() || b.Empty() {
		return 0
	}
	same := 0
	for i := range a {
		if a[i] == b[i] {
			same++
		}
	}
	return float64(same) / NumHashes
}

// Bands returns the LSH bucket keys of s, one per band. Two signatures that
// share a key are candidates. Keys include the band number, so they can be
// stored in a single table or map. An empty signature has no bands.
func (s *Signature) Bands() []uint64 {
	if s.Empty() {
		return nil
	}
	keys := make([]uint64, NumBands)
	for b := 0; b < NumBands; b++ {
		h := mix64(uint64(b+1) * 0x9e3779b97f4a7c15)
		for _, v := range s[b*RowsPerBand : (b+1)*RowsPerBand] {
			h = mix64(h ^ uint64(v))
		}
		keys[b] = h
	}
	return keys
}

// Bytes encodes s as SignatureBytes little-endian bytes.
func (s *Signature) Bytes() []byte {
	out := make([]byte, SignatureBytes)
	for i, v := range s {
		binary.LittleEndian.PutUint32(out[i*4:], v)
	}
	return out
}

// SignatureFromBytes decodes the output of Signature.Bytes.
func SignatureFromBytes(b []byte) (Signature, error) {
	var s Signature
	if len(b) != SignatureBytes {
		return s, fmt.Errorf("dedupe: signature is %d bytes, want %d", len(b), SignatureBytes)
	}
	for i := range s {
		s[i] = binary.LittleEndian.Uint32(b[i*4:])
	}
	return s, nil
}

// mix64 is the splitmix64 finalizer: a fast, well-spread 64-bit mixer.
func mix64(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// Candidate is a stored document similar to a query.
type Candidate struct {
	ID      string
	Jaccard float64 // estimated from the signatures
}

// Index is an in-memory LSH banding index of signatures. It is safe for
// concurrent use. The zero value is ready and uses Threshold; set MinJaccard
// before use to change it.
type Index struct {
	// MinJaccard is the smallest estimated Jaccard similarity that Query
	// reports; 0 means Threshold.
	MinJaccard float64

	mu      sync.RWMutex
	ids     []string
	sigs    []Signature
	buckets map[uint64][]int32
}

// Len is the number of signatures added.
func (x *Index) Len() int {
	x.mu.RLock()
	defer x.mu.RUnlock()
	return len(x.ids)
}

// Add stores sig under id. Empty signatures are not indexed. Adding an id
// twice stores it twice.
func (x *Index) Add(id string, sig Signature) {
	if sig.Empty() {
		return
	}
	x.mu.Lock()
	defer x.mu.Unlock()
	if x.buckets == nil {
		x.buckets = make(map[uint64][]int32)
	}
	n := int32(len(x.ids))
	x.ids = append(x.ids, id)
	x.sigs = append(x.sigs, sig)
	for _, k := range sig.Bands() {
		x.buckets[k] = append(x.buckets[k], n)
	}
}

// Query returns the stored documents whose estimated Jaccard similarity with
// sig is at least the index's threshold, most similar first (ties in the
// order they were added).
func (x *Index) Query(sig Signature) []Candidate {
	min := x.MinJaccard
	if min <= 0 {
		min = Threshold
	}
	x.mu.RLock()
	defer x.mu.RUnlock()
	seen := make(map[int32]bool)
	type hit struct {
		n int32
		j float64
	}
	var hits []hit
	for _, k := range sig.Bands() {
		for _, n := range x.buckets[k] {
			if seen[n] {
				continue
			}
			seen[n] = true
			if j := Jaccard(&sig, &x.sigs[n]); j >= min {
				hits = append(hits, hit{n, j})
			}
		}
	}
	sort.Slice(hits, func(a, b int) bool {
		if hits[a].j != hits[b].j {
			return hits[a].j > hits[b].j
		}
		return hits[a].n < hits[b].n
	})
	out := make([]Candidate, len(hits))
	for i, h := range hits {
		out[i] = Candidate{ID: x.ids[h.n], Jaccard: h.j}
	}
	return out
}
