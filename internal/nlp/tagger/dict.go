package tagger

import (
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"slices"

	"github.com/eventwire/eventwire/internal/nlp/linear"
	"github.com/eventwire/eventwire/internal/nlp/wordfeat"
)

// Dict maps a word (hash of its normalized form) to its ambiguity class:
// the set of tag classes the word had in training (those with at least a
// tenth of its occurrences), numbered from 1 in a deterministic order.
type Dict struct {
	amb     map[uint64]uint16
	classes [][]uint8 // class id-1 → sorted tag classes
	lex     Lexicon   // may be nil
}

// Len is the number of words in the dictionary.
func (d *Dict) Len() int { return len(d.amb) }

// BuildDict collects the ambiguity classes of words seen at least minCount
// times in data.
func BuildDict(data []Example, nClasses, minCount int) *Dict {
	counts := map[uint64][]int32{}
	var words []wordfeat.Word
	for _, ex := range data {
		words = wordfeat.Prepare(ex.Forms, words)
		for i, c := range ex.Classes {
			if c < 0 || c >= nClasses {
				continue
			}
			cs := counts[words[i].Lower]
			if cs == nil {
				cs = make([]int32, nClasses)
				counts[words[i].Lower] = cs
			}
			cs[c]++
		}
	}
	keys := make([]uint64, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	d := &Dict{amb: map[uint64]uint16{}}
	ids := map[string]uint16{}
	for _, k := range keys {
		cs := counts[k]
		var tot int32
		for _, n := range cs {
			tot += n
		}
		if int(tot) < minCount {
			continue
		}
		var set []uint8
		for c, n := range cs {
			if n > 0 && n*10 >= tot {
				set = append(set, uint8(c))
			}
		}
		key := string(set)
		id, ok := ids[key]
		if !ok {
			if len(d.classes) >= 1<<16-1 {
				continue
			}
			d.classes = append(d.classes, set)
			id = uint16(len(d.classes))
			ids[key] = id
		}
		d.amb[k] = id
	}
	return d
}

const weightsMagic = "EWTG2"

// WriteWeights stores the dictionary and the passes' weights in one
// gzip-compressed file.
func (m *Model) WriteWeights(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
	bw.WriteString(weightsMagic)
	var vb [binary.MaxVarintLen64]byte
	uv := func(x uint64) { bw.Write(vb[:binary.PutUvarint(vb[:], x)]) }
	uv(uint64(len(m.dict.classes)))
	for _, set := range m.dict.classes {
		uv(uint64(len(set)))
		bw.Write(set)
	}
	keys := make([]uint64, 0, len(m.dict.amb))
	for k := range m.dict.amb {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	uv(uint64(len(keys)))
	var prev uint64
	for _, k := range keys {
		uv(k - prev)
		prev = k
		uv(uint64(m.dict.amb[k]))
	}
	keys = keys[:0]
	for k := range m.dict.lex {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	uv(uint64(len(keys)))
	prev = 0
	for _, k := range keys {
		uv(k - prev)
		prev = k
		bw.WriteByte(m.dict.lex[k])
	}
	uv(uint64(len(m.passes)))
	for i, lm := range m.passes {
		lin, ok := lm.(*linear.Model)
		if !ok {
			return fmt.Errorf("tagger: pass %d is not a linear model", i+1)
		}
		if err := lin.WriteRaw(bw); err != nil {
			return err
		}
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

func readWeights(r io.Reader) (*Dict, []linear.Scorer, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, nil, err
	}
	defer zr.Close()
	br := bufio.NewReaderSize(zr, 1<<16)
	head, err := br.Peek(len(weightsMagic))
	if err != nil {
		return nil, nil, fmt.Errorf("header: %w", err)
	}
	if string(head) != weightsMagic { // a bare linear model
		lm, err := linear.ReadRaw(br)
		if err != nil {
			return nil, nil, err
		}
		return nil, []linear.Scorer{lm}, nil
	}
	br.Discard(len(weightsMagic))
	bad := errors.New("malformed dictionary")
	nc, err := binary.ReadUvarint(br)
	if err != nil || nc >= 1<<16 {
		return nil, nil, bad
	}
	d := &Dict{amb: map[uint64]uint16{}, classes: make([][]uint8, nc)}
	for i := range d.classes {
		n, err := binary.ReadUvarint(br)
		if err != nil || n > 256 {
			return nil, nil, bad
		}
		d.classes[i] = make([]uint8, n)
		if _, err := io.ReadFull(br, d.classes[i]); err != nil {
			return nil, nil, bad
		}
	}
	nw, err := binary.ReadUvarint(br)
	if err != nil || nw > 1<<24 {
		return nil, nil, bad
	}
	var k uint64
	for i := uint64(0); i < nw; i++ {
		dk, err1 := binary.ReadUvarint(br)
		id, err2 := binary.ReadUvarint(br)
		if err1 != nil || err2 != nil || id == 0 || id > nc {
			return nil, nil, bad
		}
		k += dk
		d.amb[k] = uint16(id)
	}
	nl, err := binary.ReadUvarint(br)
	if err != nil || nl > 1<<24 {
		return nil, nil, errors.New("malformed lexicon")
	}
	if nl > 0 {
		d.lex = make(Lexicon, nl)
	}
	k = 0
	for i := uint64(0); i < nl; i++ {
		dk, err1 := binary.ReadUvarint(br)
		b, err2 := br.ReadByte()
		if err1 != nil || err2 != nil {
			return nil, nil, errors.New("malformed lexicon")
		}
		k += dk
		d.lex[k] = b
	}
	np, err := binary.ReadUvarint(br)
	if err != nil || np < 1 || np > 2 {
		return nil, nil, errors.New("bad pass count")
	}
	var passes []linear.Scorer
	for i := uint64(0); i < np; i++ {
		lm, err := linear.ReadRaw(br)
		if err != nil {
			return nil, nil, fmt.Errorf("pass %d: %w", i+1, err)
		}
		passes = append(passes, lm)
	}
	return d, passes, nil
}
