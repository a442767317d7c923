package nlp

import (
	"os"
	"runtime"
	"strings"
	"syscall"
	"testing"

	"github.com/eventwire/eventwire/internal/doc"
	"github.com/eventwire/eventwire/internal/nlp/models"
	"github.com/eventwire/eventwire/internal/nlp/segment"
	"github.com/eventwire/eventwire/internal/nlp/tokenize"
	"github.com/eventwire/eventwire/internal/shared"
)

// newsSentences returns the seed article's sentences as token forms
// (realistic news text), or a built-in paragraph without shared data.
func newsSentences(b *testing.B) ([][]string, int) {
	text := "French President Francois Hollande and US President Barack Obama pledged their solidarity in the fight against the Islamic State, declaring that they would step up strikes in Syria and Iraq. Obama has been criticized by Republicans and Democrats for his strategy. Putin said on Thursday that Russia would keep cooperating with the United States and its partners."
	if p := shared.Path("seed", "obama-hollande.txt"); p != "" {
		if raw, err := os.ReadFile(p); err == nil {
			text = string(raw)
		}
	}
	var out [][]string
	n := 0
	for _, sp := range segment.Sentences(text) {
		var forms []string
		for _, t := range tokenize.Tokens(text, sp) {
			forms = append(forms, t.Form)
		}
		if len(forms) > 0 {
			out = append(out, forms)
			n += len(forms)
		}
	}
	return out, n
}

var mallocs0 uint64

func startCount() float64 {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	mallocs0 = ms.Mallocs
	return cpuSeconds()
}

func cpuSeconds() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return float64(ru.Utime.Nano()+ru.Stime.Nano()) / 1e9
}

// reportTokens reports throughput per wall-clock second and per second of
// process CPU time (the latter is steadier on a shared, loaded machine),
// plus allocations per token.
func reportTokens(b *testing.B, n int, cpu0 float64) {
	cpu := cpuSeconds() - cpu0
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	b.ReportMetric(float64(ms.Mallocs-mallocs0)/float64(n*b.N), "allocs/token")
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "tokens/s")
	if cpu > 0 {
		b.ReportMetric(float64(n*b.N)/cpu, "tokens/cpu-s")
	}
	b.ReportMetric(0, "ns/op")
}

func BenchmarkTagger(b *testing.B) {
	p := pipeline(b)
	sents, n := newsSentences(b)
	var out []int
	b.ReportAllocs()
	cpu0 := startCount()
	for b.Loop() {
		for _, s := range sents {
			out = p.tag.Tag(s, out)
		}
	}
	reportTokens(b, n, cpu0)
}

func BenchmarkParser(b *testing.B) {
	p := pipeline(b)
	sents, n := newsSentences(b)
	tags := make([][]int, len(sents))
	for i, s := range sents {
		tags[i] = p.tag.Tag(s, nil)
	}
	var h, l []int
	b.ReportAllocs()
	cpu0 := startCount()
	for b.Loop() {
		for i, s := range sents {
			h, l = p.par.Parse(s, tags[i], h, l)
		}
	}
	reportTokens(b, n, cpu0)
}

func BenchmarkNER(b *testing.B) {
	p := pipeline(b)
	sents, n := newsSentences(b)
	tags := make([][]int, len(sents))
	for i, s := range sents {
		tags[i] = p.tag.Tag(s, nil)
	}
	var out []int
	b.ReportAllocs()
	cpu0 := startCount()
	for b.Loop() {
		for i, s := range sents {
			out = p.ner.Tag(s, tags[i], out)
		}
	}
	reportTokens(b, n, cpu0)
}

func BenchmarkDocument(b *testing.B) {
	p := pipeline(b)
	_, n := newsSentences(b)
	text := ""
	if path := shared.Path("seed", "obama-hollande.txt"); path != "" {
		raw, _ := os.ReadFile(path)
		text = string(raw)
	}
	if text == "" {
		b.Skip("no seed text")
	}
	b.ReportAllocs()
	cpu0 := startCount()
	for b.Loop() {
		d := doc.Document{Text: text}
		p.Document(&d)
	}
	reportTokens(b, n, cpu0)
}

func FuzzPipeline(f *testing.F) {
	f.Add("Barack Obama said on Tuesday that Russia is the outlier.")
	f.Add("")
	f.Add(strings.Repeat("word ", 10000))
	f.Add("\x00\x01\x02\x1b[31m\u200b\ufeff")
	f.Add("!!! ??? ... ,,, ;;; --- ((( ))) \"\"\" ''' ``` ~~~ @@@ ### $$$ %%% ^^^ &&& *** +++ === ||| \\\\ /// <<< >>>")
	f.Add("Путин встретился с Олландом. 习近平在北京。 أوباما قال. Obama met 安倍 in Tōkyō.")
	p, err := Default()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		d := doc.Document{Text: text}
		p.Document(&d)
		for si, s := range d.Sentences {
			for i, tk := range s.Tokens {
				if tk.Head < -1 || tk.Head >= len(s.Tokens) || tk.Head == i {
					t.Fatalf("sentence %d token %d: bad head %d", si, i, tk.Head)
				}
				if tk.UPOS == "" || tk.Deprel == "" {
					t.Fatalf("sentence %d token %d: unannotated", si, i)
				}
			}
		}
		for _, m := range d.Entities {
			if m.Start < 0 || m.End > len(text) || m.Start >= m.End || m.Text != text[m.Start:m.End] {
				t.Fatalf("bad mention %+v", m)
			}
		}
	})
}

// BenchmarkLoad measures start-up: reading all embedded models.
func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	cpu0 := startCount()
	for b.Loop() {
		if _, err := Load(models.FS); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric((cpuSeconds()-cpu0)/float64(b.N), "cpu-s/op")
}
