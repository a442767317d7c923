package gdelt

import (
	"bufio"
	"errors"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/eventwire/eventwire/internal/doc"
	"github.com/eventwire/eventwire/internal/eventdedup"
)

// Positions of the merged counts among EventColumns.
var (
	colMentions = columnIndex("NumMentions")
	colSources  = columnIndex("NumSources")
	colArticles = columnIndex("NumArticles")
)

func columnIndex(name string) int {
	for i, c := range EventColumns {
		if c == name {
			return i
		}
	}
	panic("gdelt: no Events column " + name)
}

// MergedEventWriter writes GDELT 2.0 Events in which one real-world event
// reported by several documents is one row, as in GDELT: the row of its
// first report (in the order documents are written), whose NumMentions,
// NumSources and NumArticles count all its reports (see eventdedup); the
// other reports have no row of their own. Events reported once are
// written as EventWriter writes them (counts 1/1/1).
//
// The counts are known only once every document has been seen: Write
// clusters each document's events and keeps its rows in a temporary file,
// and Close writes the rows out with their counts. Memory holds the
// clusters, not the documents.
type MergedEventWriter struct {
	out   io.Writer
	idx   *eventdedup.Index
	spill *os.File
	rows  *EventWriter // to spill
	err   error
}

// NewMergedEventWriter writes merged GDELT 2.0 Events rows to w, clustering
// with dedup; its temporary file is in dir (os.TempDir() when "").
func NewMergedEventWriter(w io.Writer, opt Options, dedup eventdedup.Options, dir string) (*MergedEventWriter, error) {
	f, err := os.CreateTemp(dir, "eventwire-gdelt-events-*.tsv")
	if err != nil {
		return nil, err
	}
	return &MergedEventWriter{out: w, idx: eventdedup.NewIndex(dedup), spill: f, rows: NewEventWriter(f, opt)}, nil
}

// Write clusters d's events and keeps its rows.
func (m *MergedEventWriter) Write(d *doc.Document) error {
	if m.err != nil {
		return m.err
	}
	if d.ID == "" {
		// Rows and clusters must name the document alike.
		m.err = errors.New("gdelt: merged events: document without an ID")
		return m.err
	}
	m.idx.Add(d)
	m.err = m.rows.Write(d)
	return m.err
}

// counts are a merged event's GDELT counts.
type counts struct{ mentions, sources, articles int }

// Close writes every kept row, merged, and removes the temporary file.
func (m *MergedEventWriter) Close() error {
	defer func() {
		m.spill.Close()
		os.Remove(m.spill.Name())
	}()
	if m.err != nil {
		return m.err
	}
	if err := m.rows.Close(); err != nil {
		return err
	}
	// GlobalEventID of each representative → its counts; of each other
	// report → dropped.
	merged := map[int64]counts{}
	dropped := map[int64]bool{}
	for _, c := range m.idx.Clusters() {
		if len(c.Mentions) < 2 {
			continue
		}
		merged[EventID(c.Rep.Doc, c.Rep.Index)] = counts{c.NumMentions, c.NumSources, c.NumArticles}
		for _, x := range c.Mentions {
			if x.Ref != c.Rep {
				dropped[EventID(x.Doc, x.Index)] = true
			}
		}
	}
	if _, err := m.spill.Seek(0, io.SeekStart); err != nil {
		return err
	}
	r := bufio.NewReaderSize(m.spill, 1<<16)
	w := bufio.NewWriterSize(m.out, 1<<16)
	for {
		line, err := r.ReadString('\n')
		if line != "" {
			if out, keep := mergeRow(line, merged, dropped); keep {
				if _, werr := w.WriteString(out); werr != nil {
					return werr
				}
			}
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
	}
	return w.Flush()
}

// mergeRow returns an Events row with its merged counts, or false when the
// row is a later report of a merged event.
func mergeRow(line string, merged map[int64]counts, dropped map[int64]bool) (string, bool) {
	i := strings.IndexByte(line, '\t')
	if i < 0 {
		return line, true
	}
	id, err := strconv.ParseInt(line[:i], 10, 64)
	if err != nil {
		return line, true
	}
	if dropped[id] {
		return "", false
	}
	c, ok := merged[id]
	if !ok {
		return line, true
	}
	f := strings.Split(strings.TrimSuffix(line, "\n"), "\t")
	if len(f) != len(EventColumns) {
		return line, true
	}
	f[colMentions] = strconv.Itoa(c.mentions)
	f[colSources] = strconv.Itoa(c.sources)
	f[colArticles] = strconv.Itoa(c.articles)
	return strings.Join(f, "\t") + "\n", true
}
