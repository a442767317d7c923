package app

import (
	"io"

	"github.com/eventwire/eventwire/internal/doc"
	"github.com/eventwire/eventwire/internal/eventdedup"
	"github.com/eventwire/eventwire/internal/gdelt"
)

// mergedEventsFormat is the export format of GDELT Events with merged
// counts: "eventwire export --format gdelt-events-merged". The plain
// gdelt-events format (the default GDELT one) writes a row per document's
// event with NumMentions/NumSources/NumArticles 1/1/1; this one writes each
// real-world event once, on the row of its first stored report, with the
// counts of all its reports as eventwire's cross-document merge
// (eventdedup, as "eventwire slices" and the API's merged=true) finds them:
// mentions (reports), sources (outlets, a syndicated copy counting with
// its original) and articles (documents). The 61 columns are GDELT's.
const mergedEventsFormat = "gdelt-events-merged"

func init() {
	exporters[mergedEventsFormat] = func(w io.Writer) docWriter {
		mw, err := gdelt.NewMergedEventWriter(w, gdelt.Options{}, eventdedup.Options{}, "")
		if err != nil {
			return failedWriter{err}
		}
		return mw
	}
}

// failedWriter is an exporter that could not start.
type failedWriter struct{ err error }

func (f failedWriter) Write(*doc.Document) error { return f.err }
func (f failedWriter) Close() error              { return f.err }
