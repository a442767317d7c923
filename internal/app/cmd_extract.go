package app

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/eventwire/eventwire/internal/coder"
	"github.com/eventwire/eventwire/internal/doc"
	"github.com/eventwire/eventwire/internal/ingest"
	"github.com/eventwire/eventwire/internal/pipeline"
)

func newExtractCmd() *cobra.Command {
	var format, pubdate, url string
	var tokens bool
	var dicts userDicts
	c := &cobra.Command{
		Use:   "extract [flags] FILE...|-",
		Short: "Extract documents, entities, events, quotes, places and flags; print one JSON document per line",
		Long: `extract reads files, folders or stdin ("-") of any supported kind (text, HTML,
RSS/Atom, WARC, JSONL, gzip of any of these), runs the whole pipeline and
prints each document in the JSON output contract (one per line), or a
human-readable view with --format text. Nothing is stored.`,
		Example: `  eventwire extract --pubdate 2015-11-26 article.txt
  curl -s https://example.org/story | eventwire extract --format text -`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if format != "jsonl" && format != "text" {
				return fmt.Errorf("--format must be jsonl or text, not %q", format)
			}
			if err := checkDate(pubdate); err != nil {
				return err
			}
			copts, err := dicts.options(cmd.ErrOrStderr())
			if err != nil {
				return err
			}
			p, err := pipeline.New(pipeline.Options{PubDate: pubdate, URL: url, Coder: copts})
			if err != nil {
				return err
			}
			out := bufio.NewWriter(cmd.OutOrStdout())
			defer out.Flush()
			it := ingest.Walk(cmd.Context(), args, ingest.Options{Stdin: cmd.InOrStdin()})
			defer it.Close()
			var nerr int
			for it.Next() {
				d := p.FromItem(it.Item())
				if len(d.Errors) > 0 {
					nerr++
					for _, e := range d.Errors {
						fmt.Fprintln(cmd.ErrOrStderr(), "error:", e.Error())
					}
				}
				if d.Text == "" {
					continue
				}
				if format == "text" {
					writeText(out, d)
					continue
				}
				if !tokens {
					for i := range d.Sentences {
						d.Sentences[i].Tokens = nil
					}
				}
				b, err := json.Marshal(d)
				if err != nil {
					return err
				}
				out.Write(b)
				out.WriteByte('\n')
			}
			if err := cmd.Context().Err(); err != nil {
				return err
			}
			if nerr > 0 {
				fmt.Fprintf(cmd.ErrOrStderr(), "%d document(s) with errors\n", nerr)
			}
			return nil
		},
	}
	c.Flags().StringVar(&format, "format", "jsonl", "output format: jsonl or text")
	c.Flags().StringVar(&pubdate, "pubdate", "", "publication date YYYY-MM-DD (anchors relative dates; overrides what the page says)")
	c.Flags().StringVar(&url, "url", "", "URL of the document (overrides what the page says)")
	c.Flags().BoolVar(&tokens, "tokens", false, "include tokens with tags and dependency heads in the JSON")
	dicts.flags(c)
	return c
}

// userDicts are PETRARCH/TABARI dictionaries given on the command line.
type userDicts struct{ verbs, actors, agents []string }

func (u *userDicts) flags(c *cobra.Command) {
	c.Flags().StringSliceVar(&u.verbs, "verbs", nil, "PETRARCH/TABARI verb dictionary (and discard lists) to code events with (repeatable)")
	c.Flags().StringSliceVar(&u.actors, "actors", nil, "PETRARCH/TABARI actor dictionary used instead of ours (repeatable)")
	c.Flags().StringSliceVar(&u.agents, "agents", nil, "PETRARCH/TABARI agent dictionary (repeatable)")
}

// options loads the dictionaries; skipped malformed lines are warnings.
func (u *userDicts) options(warn io.Writer) ([]coder.Option, error) {
	if len(u.verbs)+len(u.actors)+len(u.agents) == 0 {
		return nil, nil
	}
	opt, err := coder.LoadUserDictionaries(u.verbs, u.actors, u.agents)
	var skipped *coder.SkippedLinesError
	if errors.As(err, &skipped) {
		fmt.Fprintln(warn, "warning:", skipped)
	} else if err != nil {
		return nil, err
	}
	return []coder.Option{opt}, nil
}

// writeText prints a document for people: title, sentences, then every
// extracted item with its evidence.
func writeText(w io.Writer, d *doc.Document) {
	fmt.Fprintf(w, "━━ %s\n", d.Title)
	fmt.Fprintf(w, "   id %s  pubdate %s  source %s\n", short(d.ID), orDash(d.PubDate), orDash(d.Source))
	if len(d.Removed) > 0 {
		var rm []string
		for _, r := range d.Removed {
			rm = append(rm, fmt.Sprintf("%q", r.Text))
		}
		fmt.Fprintf(w, "   removed: %s\n", strings.Join(rm, ", "))
	}
	fmt.Fprintf(w, "   %d sentences, %d entities, %d events, %d quotes, %d places, %d dates, %d counts\n\n",
		len(d.Sentences), len(d.Entities), len(d.Events), len(d.Quotes), len(d.Places), len(d.Dates), len(d.Counts))
	for _, e := range d.Events {
		neg := ""
		if e.Negated {
			neg = " NOT"
		}
		mod := ""
		if e.Modality != "" && e.Modality != doc.Asserted {
			mod = " (" + string(e.Modality) + ")"
		}
		fmt.Fprintf(w, "  event %-4s %-7s %s →%s %s%s  q%d g%+.1f", e.Code, e.PLOVER, part(e.Source), neg, part(e.Target), mod, e.QuadClass, e.Goldstein)
		if e.Date != "" {
			fmt.Fprintf(w, "  %s", e.Date)
		}
		if e.Place != nil {
			fmt.Fprintf(w, "  @%s", e.Place.Text)
		}
		if e.Killed != nil {
			fmt.Fprintf(w, "  killed=%d", *e.Killed)
		}
		fmt.Fprintf(w, "\n        “%s”\n", clip(e.Span.In(d.Text), 140))
	}
	for _, q := range d.Quotes {
		sp := "(unattributed)"
		if q.Speaker != nil {
			sp = q.Speaker.Text
			if q.Speaker.Entity != "" && q.Speaker.Entity != q.Speaker.Text {
				sp += " = " + q.Speaker.Entity
			}
		}
		fmt.Fprintf(w, "  quote  %s: %s\n", sp, clip(q.Text, 100))
	}
	for _, m := range d.Entities {
		fmt.Fprintf(w, "  entity %-4s %-30s %s\n", m.Type, m.Text, m.Actor)
	}
	for _, p := range d.Places {
		fmt.Fprintf(w, "  place  %-20s %s %.3f,%.3f\n", p.Text, p.Country, p.Lat, p.Lon)
	}
	for _, t := range d.Dates {
		fmt.Fprintf(w, "  date   %-20s %s\n", t.Text, t.Value)
	}
	for _, c := range d.Counts {
		fmt.Fprintf(w, "  count  %-10s %s\n", c.What, c.Text)
	}
	for _, f := range d.Flags {
		fmt.Fprintf(w, "  flag   %-18s %s\n", f.Kind, f.Message)
	}
	fmt.Fprintln(w)
}

func part(p *doc.Participant) string {
	if p == nil {
		return "—"
	}
	if p.Actor == "" {
		return p.Text
	}
	return fmt.Sprintf("%s[%s]", p.Text, p.Actor)
}

func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) <= n {
		return s
	}
	for n > 0 && !isRuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}

func isRuneStart(b byte) bool { return b&0xC0 != 0x80 }

func short(id string) string {
	if len(id) > 19 {
		return id[:19]
	}
	return id
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

func checkDate(s string) error {
	if s == "" {
		return nil
	}
	if _, err := time.Parse(time.DateOnly, s); err != nil {
		return fmt.Errorf("date %q: want YYYY-MM-DD", s)
	}
	return nil
}
