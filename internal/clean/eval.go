package clean

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/eventwire/eventwire/internal/metric"
)

// truthEntry is one page of the main-content benchmark (truth.json).
type truthEntry struct {
	URL     string   `json:"url"`
	File    string   `json:"file"`
	With    []string `json:"with"`
	Without []string `json:"without"`
}

// EvalBoilerplate scores HTML on the main-content benchmark in dir
// (truth.json + pages/): for each page, every "with" string found in the
// cleaned text is a true positive (else a false negative) and every
// "without" string found is a false positive. Pages whose file is missing
// are skipped. limit > 0 scores only the first limit pages. Besides
// precision, recall and F1 it reports pages/s and MB/s of HTML (single
// thread, parse + extract + residue pass, wall clock) and pages per
// second of process CPU time. Truth strings are compared after the same
// whitespace folding and NFC as the cleaned text.
func EvalBoilerplate(dir string, limit int) ([]metric.Metric, error) {
	b, err := os.ReadFile(filepath.Join(dir, "truth.json"))
	if err != nil {
		return nil, fmt.Errorf("clean: boilerplate truth: %w", err)
	}
	var entries []truthEntry
	if err := json.Unmarshal(b, &entries); err != nil {
		return nil, fmt.Errorf("clean: %s: %w", filepath.Join(dir, "truth.json"), err)
	}
	var c metric.PRF
	var elapsed time.Duration
	cpu0 := cpuTime()
	pages, bytes, failed := 0, 0, 0
	for _, e := range entries {
		if limit > 0 && pages >= limit {
			break
		}
		if e.File == "" || strings.ContainsAny(e.File, `/\`) {
			continue
		}
		raw, err := os.ReadFile(filepath.Join(dir, "pages", e.File))
		if err != nil {
			continue // page not shipped with the set
		}
		pages++
		bytes += len(raw)
		t0 := time.Now()
		res, err := HTML(raw, e.URL)
		elapsed += time.Since(t0)
		text := res.Text
		if err != nil {
			failed++
			text = ""
		}
		for _, w := range e.With {
			if text != "" && strings.Contains(text, foldSpaces(w)) {
				c.TP++
			} else {
				c.FN++
			}
		}
		for _, w := range e.Without {
			if text != "" && strings.Contains(text, foldSpaces(w)) {
				c.FP++
			}
		}
	}
	if pages == 0 {
		return nil, fmt.Errorf("clean: no benchmark pages found in %s", filepath.Join(dir, "pages"))
	}
	cpu := cpuTime() - cpu0
	const set = "boilerplate"
	ms := c.Metrics(set, "content")
	ms[2].Target = 0.904
	secs := elapsed.Seconds()
	if secs <= 0 {
		secs = 1e-9
	}
	ms = append(ms,
		metric.Metric{Set: set, Name: "pages_per_s", Value: float64(pages) / secs, N: pages, Note: fmt.Sprintf("%d pages failed extraction", failed)},
		metric.Metric{Set: set, Name: "mb_per_s", Value: float64(bytes) / 1e6 / secs, N: pages},
	)
	if cpu > 0 {
		// CPU time (all threads, GC included) does not depend on other load
		// on the machine, unlike the wall clock above.
		ms = append(ms, metric.Metric{Set: set, Name: "pages_per_cpu_s", Value: float64(pages) / cpu.Seconds(), N: pages,
			Note: "process CPU time incl. reading files and scoring"})
	}
	return ms, nil
}
