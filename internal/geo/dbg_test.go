package geo

import (
	"fmt"
	"os"
	"sort"
	"testing"

	"github.com/eventwire/eventwire/internal/doc"
)

func TestDbgErr(t *testing.T) {
	kind := os.Getenv("K")
	file := map[string]string{"lgl": "lgl.xml", "geovirus": "GeoVirus.xml"}[kind]
	f, _ := os.Open("/work/shared/data/gold/geoparsing_lgl_geovirus/" + file)
	arts, _ := ReadGold(f, kind)
	g, _ := Default()
	errs := map[string]int{}
	ex := map[string]string{}
	miss := map[string]int{}
	fp := map[string]int{}
	for _, a := range arts {
		d := &doc.Document{Text: a.Text}
		if os.Getenv("GS") != "" {
			sp := []doc.Span{}
			for _, t := range a.Toponyms {
				sp = append(sp, t.Span)
			}
			g.ResolveSpans(d, sp)
		} else {
			g.Resolve(d)
		}
		for _, p := range d.Places {
			hit := false
			for _, t := range a.Toponyms {
				if p.Overlaps(t.Span) {
					hit = true
				}
			}
			if !hit {
				fp[p.Text]++
			}
		}
		for _, t := range a.Toponyms {
			if !t.HasCoord {
				continue
			}
			found := false
			for _, p := range d.Places {
				if p.Overlaps(t.Span) {
					found = true
					km := Distance(p.Lat, p.Lon, t.Lat, t.Lon)
					if km > 161 {
						k := t.Phrase + " => " + p.Name + "," + p.ADM1 + "," + p.Country
						errs[k]++
						ex[k] = fmt.Sprintf("gold %.2f,%.2f %s km=%.0f", t.Lat, t.Lon, t.Country, km)
					}
					break
				}
			}
			if !found {
				miss[t.Phrase]++
			}
		}
	}
	dump := func(name string, m map[string]int, n int) {
		type kv struct {
			k string
			v int
		}
		var kvs []kv
		for k, v := range m {
			kvs = append(kvs, kv{k, v})
		}
		sort.Slice(kvs, func(i, j int) bool { return kvs[i].v > kvs[j].v })
		fmt.Println("==", name)
		for i, x := range kvs {
			if i >= n {
				break
			}
			fmt.Println(x.v, x.k, ex[x.k])
		}
	}
	dump("errors", errs, 70)
	dump("missed", miss, 50)
	dump("false pos", fp, 50)
}
