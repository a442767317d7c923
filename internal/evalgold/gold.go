// Package evalgold scores extracted documents against the hand-made gold
// files described in GOLD-FORMAT.md (seed article and annotated articles).
package evalgold

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Gold is one annotated article. Unknown keys are ignored.
type Gold struct {
	ID          string       `json:"id"`
	File        string       `json:"file"`
	PubDate     string       `json:"pubdate"`
	Title       *string      `json:"title"`
	Boilerplate []string     `json:"boilerplate"`
	Entities    []GoldEntity `json:"entities"`
	Places      []GoldPlace  `json:"places"`
	Dates       []GoldDate   `json:"dates"`
	Quotes      []GoldQuote  `json:"quotes"`
	Counts      []GoldCount  `json:"counts"`
	Events      []GoldEvent  `json:"events"`
	MustNot     []GoldEvent  `json:"must_not"`
	Flags       []GoldFlag   `json:"flags"`

	// Path is where the gold file was read from; TextPath the article beside it.
	Path     string `json:"-"`
	TextPath string `json:"-"`
}

type GoldEntity struct {
	Text    string   `json:"text"`
	Type    string   `json:"type"`
	Actor   string   `json:"actor"`
	Aliases []string `json:"aliases"`
}

type GoldPlace struct {
	Text    string   `json:"text"`
	Country string   `json:"country"`
	Lat     *float64 `json:"lat"`
	Lon     *float64 `json:"lon"`
}

type GoldDate struct {
	Text  string `json:"text"`
	Value string `json:"value"`
}

type GoldQuote struct {
	Starts         string   `json:"starts"`
	Speaker        *string  `json:"speaker"`
	SpeakerAliases []string `json:"speaker_aliases"`
	Flag           string   `json:"flag"`
}

type GoldCount struct {
	What      string `json:"what"`
	Number    *int64 `json:"number"`
	Min       *int64 `json:"min"`
	Max       *int64 `json:"max"`
	Qualifier string `json:"qualifier"`
}

type GoldEvent struct {
	ID             string   `json:"id"`
	Must           bool     `json:"must"`
	Source         []string `json:"source"`
	Target         []string `json:"target"`
	Root           []string `json:"root"`
	Date           []string `json:"date"`
	Place          string   `json:"place"`
	Killed         *int64   `json:"killed"`
	SentenceStarts string   `json:"sentence_starts"`
	Negated        *bool    `json:"negated"`
	What           string   `json:"what"`
	Note           string   `json:"note"`
}

type GoldFlag struct {
	Kind   string `json:"kind"`
	Count  int    `json:"count"`
	Starts string `json:"starts"`
}

// Load reads one gold file, or every *.gold.json in a directory (sorted).
func Load(path string) ([]*Gold, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	files := []string{path}
	if fi.IsDir() {
		files, err = filepath.Glob(filepath.Join(path, "*.gold.json"))
		if err != nil {
			return nil, err
		}
		sort.Strings(files)
		if len(files) == 0 {
			return nil, fmt.Errorf("%s: no *.gold.json files", path)
		}
	}
	var out []*Gold
	for _, f := range files {
		g, err := loadOne(f)
		if err != nil {
			return nil, err
		}
		out = append(out, g)
	}
	return out, nil
}

func loadOne(path string) (*Gold, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var g Gold
	if err := json.Unmarshal(b, &g); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	g.Path = path
	if g.ID == "" {
		g.ID = strings.TrimSuffix(filepath.Base(path), ".gold.json")
	}
	name := g.File
	if name == "" {
		name = g.ID + ".txt"
	}
	g.TextPath = filepath.Join(filepath.Dir(path), name)
	return &g, nil
}
