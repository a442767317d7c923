// Command convert turns TABARI/PETRARCH actor and agent dictionaries into
// eventwire's dictionary format (internal/actors/FORMAT.md).
//
// It rebuilds the derived dictionaries embedded for actors.Extended from the
// Phoenix dictionaries of PETRARCH2 (MIT, Open Event Data Alliance):
//
//	go run ./internal/actors/convert -since 2000-01-01 \
//	    -o internal/actors/data/phoenix/phoenix.txt \
//	    ../shared/data/gold/petrarch2_validation/petrarch2/dictionaries/Phoenix.{Countries,International,MilNonState}.actors.txt
//
// Files whose name contains "agents" are read as agent dictionaries. People
// whose every dated role ended before -since are dropped, as are entries
// with no code; bare-role codes of people ("[ELI]") are dropped.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/eventwire/eventwire/internal/actors"
)

func main() {
	if err := run(os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "convert:", err)
		os.Exit(1)
	}
}

func run(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("convert", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("o", "", "output file (default stdout)")
	since := fs.String("since", "", "drop people whose dated roles all ended before this date (YYYY-MM-DD)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return fmt.Errorf("usage: convert [-since DATE] [-o FILE] DICT...")
	}
	var all []actors.Entry
	var sources []string
	for _, path := range fs.Args() {
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		name := filepath.Base(path)
		var d *actors.Dict
		if strings.Contains(strings.ToLower(name), "agents") {
			d, err = actors.LoadPetrarchAgents(f, name)
		} else {
			d, err = actors.LoadPetrarchActors(f, name)
		}
		f.Close()
		if d == nil {
			return err
		}
		if err != nil {
			fmt.Fprintf(stderr, "convert: %s: skipped malformed lines:\n%v\n", name, err)
		}
		n := 0
		for _, e := range d.Entries() {
			e = dropBareRoles(e)
			if len(e.Codes) > 0 && keep(e, *since) {
				all = append(all, e)
				n++
			}
		}
		fmt.Fprintf(stderr, "convert: %s: %d of %d entries kept\n", name, n, d.Len())
		sources = append(sources, name)
	}
	w := stdout
	if *out != "" {
		f, err := os.Create(*out)
		if err != nil {
			return err
		}
		defer f.Close()
		w = f
	}
	header := append([]string{
		"Derived by internal/actors/convert from the PETRARCH2 Phoenix dictionaries",
		"(" + strings.Join(sources, ", ") + ").",
		"Do not edit: regenerate with the command in internal/actors/convert/main.go.",
		"",
	}, mitNotice...)
	return actors.Format(w, all, header...)
}

// mitNotice is the license of the Phoenix dictionaries the output derives from.
var mitNotice = []string{
	"The MIT License (MIT)",
	"Copyright (c) 2014 Open Event Data Alliance",
	"",
	"Permission is hereby granted, free of charge, to any person obtaining a copy",
	"of this software and associated documentation files (the \"Software\"), to deal",
	"in the Software without restriction, including without limitation the rights",
	"to use, copy, modify, merge, publish, distribute, sublicense, and/or sell",
	"copies of the Software, and to permit persons to whom the Software is",
	"furnished to do so, subject to the following conditions:",
	"",
	"The above copyright notice and this permission notice shall be included in",
	"all copies or substantial portions of the Software.",
	"",
	"THE SOFTWARE IS PROVIDED \"AS IS\", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR",
	"IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,",
	"FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE",
	"AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER",
	"LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,",
	"OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN",
	"THE SOFTWARE.",
}

// keep drops people none of whose dated roles reach since.
func keep(e actors.Entry, since string) bool {
	if since == "" || e.Kind != "person" {
		return true
	}
	for _, c := range e.Codes {
		if c.From == "" && c.To == "" {
			continue
		}
		if c.To == "" || c.To >= since {
			return true
		}
	}
	return false
}

// dropBareRoles removes codes that are a role alone ("[ELI]", "[IGO]") from
// people, countries and the like: eventwire's format allows those only for
// agents, organizations and groups (a person out of office becomes the
// country's ELI by rule).
func dropBareRoles(e actors.Entry) actors.Entry {
	switch e.Kind {
	case "agent", "igo", "ngo", "group":
		return e
	}
	var codes []actors.Code
	for _, c := range e.Codes {
		if len(c.Code) == 3 && c.Code.Country() == "" {
			continue
		}
		codes = append(codes, c)
	}
	e.Codes = codes
	return e
}
