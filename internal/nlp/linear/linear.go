// Package linear holds the hashed multi-class linear models shared by the
// tagger, parser and NER: feature hashing, an averaged-perceptron trainer
// over a dense hashed weight table, and a compact sparse runtime model that
// is stored quantized (int16) and gzip-compressed.
package linear

import (
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
)

// Hash is a feature hash builder: start with Seed(template), add strings or
// small integers, then use the value as a feature (it is already mixed).
type Hash uint64

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// Seed starts a feature hash for a template id.
func Seed(template int) Hash {
	return Hash((fnvOffset ^ uint64(template)*0x9E3779B97F4A7C15) * fnvPrime)
}

// Str adds a string.
func (h Hash) Str(s string) Hash {
	x := uint64(h)
	for i := 0; i < len(s); i++ {
		x ^= uint64(s[i])
		x *= fnvPrime
	}
	x ^= 0xff // separator
	x *= fnvPrime
	return Hash(x)
}

// Bytes adds a byte string.
func (h Hash) Bytes(s []byte) Hash {
	x := uint64(h)
	for _, c := range s {
		x ^= uint64(c)
		x *= fnvPrime
	}
	x ^= 0xff
	x *= fnvPrime
	return Hash(x)
}

// U64 adds a 64-bit value (e.g. another feature's Sum).
func (h Hash) U64(v uint64) Hash {
	x := uint64(h) ^ v
	x *= fnvPrime
	x ^= x >> 31
	x *= 0x9E3779B97F4A7C15
	return Hash(x)
}

// Int adds an integer.
func (h Hash) Int(v int) Hash {
	x := uint64(h) ^ (uint64(v) + 0x51)
	x *= fnvPrime
	x ^= x >> 29
	x *= fnvPrime
	return Hash(x)
}

// Sum finalizes the hash into a feature id.
func (h Hash) Sum() uint64 {
	x := uint64(h)
	x ^= x >> 33
	x *= 0xff51afd7ed558ccd
	x ^= x >> 33
	x *= 0xc4ceb9fe1a85ec53
	x ^= x >> 33
	return x
}

// Scorer scores a feature set for every class.
type Scorer interface {
	Classes() int
	// Score adds each class's score for feats into scores (len ≥ Classes()).
	Score(feats []uint64, scores []float32)
}

// Trainer is an averaged perceptron over a dense 2^bits × classes table.
// Averaging uses the "w − u/c" trick, so no per-weight timestamps are needed.
type Trainer struct {
	bits  uint
	mask  uint64
	C     int
	W     []float32
	U     []float64
	steps float64
}

// NewTrainer makes a trainer with 2^bits hashed rows of classes weights.
func NewTrainer(bits uint, classes int) *Trainer {
	n := (1 << bits) * classes
	return &Trainer{bits: bits, mask: 1<<bits - 1, C: classes, W: make([]float32, n), U: make([]float64, n), steps: 1}
}

// Classes is the number of classes.
func (t *Trainer) Classes() int { return t.C }

// Score adds the current (non-averaged) scores.
func (t *Trainer) Score(feats []uint64, scores []float32) {
	c := t.C
	for _, f := range feats {
		row := t.W[int(f&t.mask)*c : int(f&t.mask)*c+c]
		for k, w := range row {
			scores[k] += w
		}
	}
}

// Update adds d to the weights of class k for feats.
func (t *Trainer) Update(feats []uint64, k int, d float32) {
	for _, f := range feats {
		i := int(f&t.mask)*t.C + k
		t.W[i] += d
		t.U[i] += t.steps * float64(d)
	}
}

// Tick advances the averaging clock by one example.
func (t *Trainer) Tick() { t.steps++ }

// Finish averages, quantizes to int16 and drops weights whose quantized
// magnitude is below minQ. It returns the compact model.
func (t *Trainer) Finish(minQ int) *Model {
	avg := make([]float32, len(t.W))
	var maxAbs float64
	for i := range t.W {
		a := float64(t.W[i]) - t.U[i]/t.steps
		avg[i] = float32(a)
		if math.Abs(a) > maxAbs {
			maxAbs = math.Abs(a)
		}
	}
	// The scale comes from the unrounded averages, so it can differ in the
	// last bits from Quantize(Averaged()): models trained with Finish keep
	// their exact weights.
	return quantize(t.bits, t.C, avg, maxAbs, minQ)
}

// Averaged returns the averaged weights, a dense 2^bits × classes table
// (bucket b's class k at b*classes+k). Several trainers' averages can be
// combined (e.g. averaged into an ensemble) and made a model with Quantize.
func (t *Trainer) Averaged() []float32 {
	avg := make([]float32, len(t.W))
	for i := range t.W {
		avg[i] = float32(float64(t.W[i]) - t.U[i]/t.steps)
	}
	return avg
}

// Quantize makes the compact model of dense weights avg (2^bits rows of
// classes, as returned by Trainer.Averaged), quantized to int16 with the
// scale of their largest magnitude and without the weights whose quantized
// magnitude is below minQ.
func Quantize(bits uint, classes int, avg []float32, minQ int) (*Model, error) {
	if bits > 26 || classes < 1 || classes > 256 || len(avg) != (1<<bits)*classes {
		return nil, fmt.Errorf("linear: quantize: %d weights for 2^%d buckets of %d classes", len(avg), bits, classes)
	}
	var maxAbs float64
	for _, a := range avg {
		maxAbs = max(maxAbs, math.Abs(float64(a)))
	}
	return quantize(bits, classes, avg, maxAbs, minQ), nil
}

// quantize makes the compact model of avg with the scale maxAbs/32000.
func quantize(bits uint, C int, avg []float32, maxAbs float64, minQ int) *Model {
	scale := float32(maxAbs / 32000)
	if scale == 0 {
		scale = 1
	}
	m := &Model{Bits: bits, C: C, Scale: scale, Off: make([]uint32, (1<<bits)+1)}
	for b := 0; b < 1<<bits; b++ {
		m.Off[b] = uint32(len(m.Cls))
		for k := 0; k < C; k++ {
			q := int(math.Round(float64(avg[b*C+k] / scale)))
			if q != 0 && (q >= minQ || -q >= minQ) {
				m.Cls = append(m.Cls, uint8(k))
				m.Q = append(m.Q, int16(q))
			}
		}
	}
	m.Off[1<<bits] = uint32(len(m.Cls))
	m.expand()
	return m
}

// Model is a sparse hashed linear model: bucket b's weights are the entries
// Off[b]..Off[b+1] of (Cls, Q), quantized with Scale.
type Model struct {
	Bits  uint
	C     int
	Scale float32
	Off   []uint32
	Cls   []uint8
	Q     []int16
	ent   []entry // (class, weight) pairs interleaved for cache locality
	mask  uint64
}

// entry is a quantized weight and its class, 4 bytes: the scoring loop is
// bound by cache misses, so the smaller the table the faster.
type entry struct {
	q int16
	c uint8
}

func (m *Model) expand() {
	m.mask = 1<<m.Bits - 1
	m.ent = make([]entry, len(m.Q))
	for i, q := range m.Q {
		m.ent[i] = entry{q: q, c: m.Cls[i]}
	}
}

// Classes is the number of classes.
func (m *Model) Classes() int { return m.C }

// NNZ is the number of stored weights.
func (m *Model) NNZ() int { return len(m.Q) }

// Score adds each class's score into scores.
func (m *Model) Score(feats []uint64, scores []float32) {
	// Two passes per chunk: first all bucket offsets, then all entries, so
	// the (mostly cache-missing) loads of different features overlap.
	off, ent, scale := m.Off, m.ent, m.Scale
	var lo, hi [64]uint32
	for len(feats) > 0 {
		n := min(len(feats), len(lo))
		for j, f := range feats[:n] {
			b := f & m.mask
			lo[j], hi[j] = off[b], off[b+1]
		}
		for j := 0; j < n; j++ {
			for _, e := range ent[lo[j]:hi[j]] {
				// The explicit conversion rounds the product before the
				// add (no fused multiply-add), so scores are the same on
				// every platform.
				scores[e.c] += float32(float32(e.q) * scale)
			}
		}
		feats = feats[n:]
	}
}

const magic = "EWLM1"

// Write stores the model gzip-compressed.
func (m *Model) Write(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
	if err := m.WriteRaw(bw); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

// WriteRaw writes the model uncompressed into bw (for files that hold
// several models or other sections in one compressed stream).
func (m *Model) WriteRaw(bw *bufio.Writer) error {
	var hdr [4 + 4 + 4 + 8]byte
	binary.LittleEndian.PutUint32(hdr[0:], uint32(m.Bits))
	binary.LittleEndian.PutUint32(hdr[4:], uint32(m.C))
	binary.LittleEndian.PutUint32(hdr[8:], math.Float32bits(m.Scale))
	binary.LittleEndian.PutUint64(hdr[12:], uint64(len(m.Q)))
	bw.WriteString(magic)
	bw.Write(hdr[:])
	var vb [binary.MaxVarintLen64]byte
	for b := 0; b < 1<<m.Bits; b++ {
		n := binary.PutUvarint(vb[:], uint64(m.Off[b+1]-m.Off[b]))
		bw.Write(vb[:n])
	}
	bw.Write(m.Cls)
	// low bytes then high bytes compress better than interleaved
	for _, q := range m.Q {
		bw.WriteByte(byte(uint16(q)))
	}
	for _, q := range m.Q {
		if err := bw.WriteByte(byte(uint16(q) >> 8)); err != nil {
			return err
		}
	}
	return nil
}

// Read loads a model written by Write.
func Read(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("linear: %w", err)
	}
	defer zr.Close()
	return ReadRaw(bufio.NewReaderSize(zr, 1<<16))
}

// ReadRaw reads one model written by WriteRaw.
func ReadRaw(br *bufio.Reader) (*Model, error) {
	head := make([]byte, len(magic)+20)
	if _, err := io.ReadFull(br, head); err != nil {
		return nil, fmt.Errorf("linear: header: %w", err)
	}
	if string(head[:len(magic)]) != magic {
		return nil, errors.New("linear: not a model file")
	}
	h := head[len(magic):]
	m := &Model{Bits: uint(binary.LittleEndian.Uint32(h[0:])), C: int(binary.LittleEndian.Uint32(h[4:])),
		Scale: math.Float32frombits(binary.LittleEndian.Uint32(h[8:]))}
	nnz := binary.LittleEndian.Uint64(h[12:])
	if m.Bits > 26 || m.C < 1 || m.C > 256 || nnz > 1<<31 {
		return nil, errors.New("linear: implausible header")
	}
	m.Off = make([]uint32, (1<<m.Bits)+1)
	var tot uint64
	for b := 0; b < 1<<m.Bits; b++ {
		n, err := binary.ReadUvarint(br)
		if err != nil {
			return nil, fmt.Errorf("linear: offsets: %w", err)
		}
		m.Off[b] = uint32(tot)
		tot += n
		if tot > nnz {
			return nil, errors.New("linear: offsets do not match weight count")
		}
	}
	if tot != nnz {
		return nil, errors.New("linear: offsets do not match weight count")
	}
	m.Off[1<<m.Bits] = uint32(tot)
	m.Cls = make([]uint8, nnz)
	if _, err := io.ReadFull(br, m.Cls); err != nil {
		return nil, fmt.Errorf("linear: classes: %w", err)
	}
	for _, c := range m.Cls {
		if int(c) >= m.C {
			return nil, errors.New("linear: class out of range")
		}
	}
	lo := make([]byte, nnz)
	hi := make([]byte, nnz)
	if _, err := io.ReadFull(br, lo); err != nil {
		return nil, fmt.Errorf("linear: weights: %w", err)
	}
	if _, err := io.ReadFull(br, hi); err != nil {
		return nil, fmt.Errorf("linear: weights: %w", err)
	}
	m.Q = make([]int16, nnz)
	for i := range m.Q {
		m.Q[i] = int16(uint16(lo[i]) | uint16(hi[i])<<8)
	}
	m.expand()
	return m, nil
}

// Argmax returns the index of the highest score among allowed (nil = all).
func Argmax(scores []float32, allowed func(int) bool) int {
	best, bi := float32(math.Inf(-1)), -1
	for k, s := range scores {
		if s > best && (allowed == nil || allowed(k)) {
			best, bi = s, k
		}
	}
	return bi
}

// Prune returns a copy of m without the weights whose quantized magnitude
// is below minQ.
func (m *Model) Prune(minQ int) *Model {
	out := &Model{Bits: m.Bits, C: m.C, Scale: m.Scale, Off: make([]uint32, len(m.Off))}
	for b := 0; b < 1<<m.Bits; b++ {
		out.Off[b] = uint32(len(out.Q))
		for i := m.Off[b]; i < m.Off[b+1]; i++ {
			if q := int(m.Q[i]); q >= minQ || -q >= minQ {
				out.Cls = append(out.Cls, m.Cls[i])
				out.Q = append(out.Q, m.Q[i])
			}
		}
	}
	out.Off[1<<m.Bits] = uint32(len(out.Q))
	out.expand()
	return out
}
