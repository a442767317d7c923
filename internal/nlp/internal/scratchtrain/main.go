// Command scratchtrain is a temporary training driver (to be removed).
package main

import (
	"fmt"
	"os"

	"github.com/eventwire/eventwire/internal/nlp"
)

func main() {
	o := nlp.TrainOptions{Data: "/work/shared/data/ud", Out: os.Args[2], Seed: 1, Log: func(s string) { fmt.Println(s) }}
	var err error
	switch os.Args[1] {
	case "tagger":
		err = nlp.TrainTagger(o)
	case "ner":
		err = nlp.TrainNER(o)
	case "parser":
		err = nlp.TrainParser(o)
	}
	if err != nil {
		fmt.Println("ERR", err)
		os.Exit(1)
	}
}

func init() {
	if len(os.Args) > 1 && os.Args[1] == "eval" {
		p, err := nlp.Load(os.DirFS(os.Args[2]))
		if err != nil {
			fmt.Println(err)
			os.Exit(1)
		}
		for _, f := range os.Args[3:] {
			var ms []interface{ String() string }
			if len(f) > 5 && f[len(f)-5:] == ".iob2" {
				r, err := p.EvalNER(f)
				if err != nil {
					fmt.Println(err)
				}
				for _, m := range r {
					ms = append(ms, m)
				}
			} else {
				r, err := p.EvalUD(f)
				if err != nil {
					fmt.Println(err)
				}
				for _, m := range r {
					ms = append(ms, m)
				}
			}
			for _, m := range ms {
				fmt.Println(m.String())
			}
		}
		os.Exit(0)
	}
}
