package ner

// This file is the NER's own copy of the hashed linear model (feature
// hashing, averaged-perceptron trainer, quantized sparse runtime model and
// its file format), so the NER weights stay valid when the tagger's and
// parser's shared feature code changes.

import (
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
)

// hash is a feature hash builder: start with seed(template), add strings or
// small integers, then use the value as a feature (it is already mixed).
type hash uint64

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// seed starts a feature hash for a template id.
func seed(template int) hash {
	return hash((fnvOffset ^ uint64(template)*0x9E3779B97F4A7C15) * fnvPrime)
}

// Str adds a string.
func (h hash) Str(s string) hash {
	x := uint64(h)
	for i := 0; i < len(s); i++ {
		x ^= uint64(s[i])
		x *= fnvPrime
	}
	x ^= 0xff // separator
	x *= fnvPrime
	return hash(x)
}

// Bytes adds a byte string.
func (h hash) Bytes(s []byte) hash {
	x := uint64(h)
	for _, c := range s {
		x ^= uint64(c)
		x *= fnvPrime
	}
	x ^= 0xff
	x *= fnvPrime
	return hash(x)
}

// U64 adds a 64-bit value (e.g. another feature's Sum).
func (h hash) U64(v uint64) hash {
	x := uint64(h) ^ v
	x *= fnvPrime
	x ^= x >> 31
	x *= 0x9E3779B97F4A7C15
	return hash(x)
}

// Int adds an integer.
func (h hash) Int(v int) hash {
	x := uint64(h) ^ (uint64(v) + 0x51)
	x *= fnvPrime
	x ^= x >> 29
	x *= fnvPrime
	return hash(x)
}

// Sum finalizes the hash into a feature id.
func (h hash) Sum() uint64 {
	x := uint64(h)
	x ^= x >> 33
	x *= 0xff51afd7ed558ccd
	x ^= x >> 33
	x *= 0xc4ceb9fe1a85ec53
	x ^= x >> 33
	return x
}

// scorer scores a feature set for every class.
type scorer interface {
	Classes() int
	// Score adds each class's score for feats into scores (len ≥ Classes()).
	Score(feats []uint64, scores []float32)
}

// trainer is an averaged perceptron over a dense 2^bits × classes table.
// Averaging uses the "w − u/c" trick, so no per-weight timestamps are needed.
type trainer struct {
	bits  uint
	mask  uint64
	C     int
	W     []float32
	U     []float64
	steps float64
}

// newTrainer makes a trainer with 2^bits hashed rows of classes weights.
func newTrainer(bits uint, classes int) *trainer {
	n := (1 << bits) * classes
	return &trainer{bits: bits, mask: 1<<bits - 1, C: classes, W: make([]float32, n), U: make([]float64, n), steps: 1}
}

// Classes is the number of classes.
func (t *trainer) Classes() int { return t.C }

// Score adds the current (non-averaged) scores.
func (t *trainer) Score(feats []uint64, scores []float32) {
	c := t.C
	for _, f := range feats {
		row := t.W[int(f&t.mask)*c : int(f&t.mask)*c+c]
		for k, w := range row {
			scores[k] += w
		}
	}
}

// Update adds d to the weights of class k for feats.
func (t *trainer) Update(feats []uint64, k int, d float32) {
	for _, f := range feats {
		i := int(f&t.mask)*t.C + k
		t.W[i] += d
		t.U[i] += t.steps * float64(d)
	}
}

// Tick advances the averaging clock by one example.
func (t *trainer) Tick() { t.steps++ }

// Finish averages, quantizes to int16 and drops weights whose quantized
// magnitude is below minQ. It returns the compact model.
func (t *trainer) Finish(minQ int) *weights {
	return quantize(t.bits, t.C, t.averaged(), minQ)
}

// averaged returns the averaged weights.
func (t *trainer) averaged() []float32 {
	avg := make([]float32, len(t.W))
	for i := range t.W {
		avg[i] = float32(float64(t.W[i]) - t.U[i]/t.steps)
	}
	return avg
}

// quantize makes the compact model of dense weights (2^bits rows of C).
func quantize(bits uint, C int, avg []float32, minQ int) *weights {
	var maxAbs float64
	for _, a := range avg {
		maxAbs = max(maxAbs, math.Abs(float64(a)))
	}
	scale := float32(maxAbs / 32000)
	if scale == 0 {
		scale = 1
	}
	m := &weights{Bits: bits, C: C, Scale: scale, Off: make([]uint32, (1<<bits)+1)}
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

// weights is a sparse hashed linear model: bucket b's weights are the entries
// Off[b]..Off[b+1] of (Cls, Q), quantized with Scale.
type weights struct {
	Bits  uint
	C     int
	Scale float32
	Off   []uint32
	Cls   []uint8
	Q     []int16
	ent   []entry // (class, weight) pairs interleaved for cache locality
	mask  uint64
}

type entry struct {
	w float32
	c uint32
}

func (m *weights) expand() {
	m.mask = 1<<m.Bits - 1
	m.ent = make([]entry, len(m.Q))
	for i, q := range m.Q {
		m.ent[i] = entry{w: float32(q) * m.Scale, c: uint32(m.Cls[i])}
	}
}

// Classes is the number of classes.
func (m *weights) Classes() int { return m.C }

// NNZ is the number of stored weights.
func (m *weights) NNZ() int { return len(m.Q) }

// Score adds each class's score into scores.
func (m *weights) Score(feats []uint64, scores []float32) {
	// Two passes per chunk: first all bucket offsets, then all entries, so
	// the (mostly cache-missing) loads of different features overlap.
	off, ent := m.Off, m.ent
	var lo, hi [64]uint32
	for len(feats) > 0 {
		n := min(len(feats), len(lo))
		for j, f := range feats[:n] {
			b := f & m.mask
			lo[j], hi[j] = off[b], off[b+1]
		}
		for j := 0; j < n; j++ {
			for _, e := range ent[lo[j]:hi[j]] {
				scores[e.c] += e.w
			}
		}
		feats = feats[n:]
	}
}

const magic = "EWLM1"

// Write stores the model gzip-compressed.
func (m *weights) Write(w io.Writer) error {
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
func (m *weights) WriteRaw(bw *bufio.Writer) error {
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

// readWeights loads a model written by Write.
func readWeights(r io.Reader) (*weights, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("ner weights: %w", err)
	}
	defer zr.Close()
	return ReadRaw(bufio.NewReaderSize(zr, 1<<16))
}

// ReadRaw reads one model written by WriteRaw.
func ReadRaw(br *bufio.Reader) (*weights, error) {
	head := make([]byte, len(magic)+20)
	if _, err := io.ReadFull(br, head); err != nil {
		return nil, fmt.Errorf("ner weights: header: %w", err)
	}
	if string(head[:len(magic)]) != magic {
		return nil, errors.New("ner weights: not a model file")
	}
	h := head[len(magic):]
	m := &weights{Bits: uint(binary.LittleEndian.Uint32(h[0:])), C: int(binary.LittleEndian.Uint32(h[4:])),
		Scale: math.Float32frombits(binary.LittleEndian.Uint32(h[8:]))}
	nnz := binary.LittleEndian.Uint64(h[12:])
	if m.Bits > 26 || m.C < 1 || m.C > 256 || nnz > 1<<31 {
		return nil, errors.New("ner weights: implausible header")
	}
	m.Off = make([]uint32, (1<<m.Bits)+1)
	var tot uint64
	for b := 0; b < 1<<m.Bits; b++ {
		n, err := binary.ReadUvarint(br)
		if err != nil {
			return nil, fmt.Errorf("ner weights: offsets: %w", err)
		}
		m.Off[b] = uint32(tot)
		tot += n
		if tot > nnz {
			return nil, errors.New("ner weights: offsets do not match weight count")
		}
	}
	if tot != nnz {
		return nil, errors.New("ner weights: offsets do not match weight count")
	}
	m.Off[1<<m.Bits] = uint32(tot)
	m.Cls = make([]uint8, nnz)
	if _, err := io.ReadFull(br, m.Cls); err != nil {
		return nil, fmt.Errorf("ner weights: classes: %w", err)
	}
	for _, c := range m.Cls {
		if int(c) >= m.C {
			return nil, errors.New("ner weights: class out of range")
		}
	}
	lo := make([]byte, nnz)
	hi := make([]byte, nnz)
	if _, err := io.ReadFull(br, lo); err != nil {
		return nil, fmt.Errorf("ner weights: weights: %w", err)
	}
	if _, err := io.ReadFull(br, hi); err != nil {
		return nil, fmt.Errorf("ner weights: weights: %w", err)
	}
	m.Q = make([]int16, nnz)
	for i := range m.Q {
		m.Q[i] = int16(uint16(lo[i]) | uint16(hi[i])<<8)
	}
	m.expand()
	return m, nil
}
