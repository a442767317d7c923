package coder

import (
	"errors"
	"strings"
	"testing"
)

func TestEmbeddedPatternsCoverEveryRoot(t *testing.T) {
	c, err := New(nil)
	if err != nil {
		t.Fatal(err)
	}
	roots := map[string]int{}
	for _, p := range c.Patterns() {
		roots[string(p.Code[:2])]++
	}
	for r := 1; r <= 20; r++ {
		k := string([]byte{byte('0' + r/10), byte('0' + r%10)})
		if roots[k] < 3 {
			t.Errorf("root %s has %d patterns, want at least 3", k, roots[k])
		}
	}
}

func TestParsePatternsErrors(t *testing.T) {
	cases := []struct {
		src, want string
	}{
		{"verb criticize -> 111", ""},
		{"verb criticize", "1:1: want KIND LEMMA"},
		{"verb criticize x -> 111", "1:16: condition must be key=value"},
		{"verb criticize prep=on", "1:1: want KIND LEMMA"},
		{"verb criticize prep=on obj=x", "missing '->'"},
		{"verbs criticize -> 111", "1:1: line must start with verb"},
		{"verb criticize -> 1x1", "1:19: bad CAMEO code"},
		{"verb criticize -> 999", "1:19: unknown CAMEO code"},
		{"# c\n\nverb Criticize -> 111", "3:6: bad lemma"},
		{"verb criticize bogus=1 -> 111", "1:16: unknown condition"},
		{"verb criticize -> 111 conf=2", "1:23: conf="},
		{"verb criticize -> 111 needs=all", "1:23: needs="},
		{"default target=obj conf=x\nverb a -> 111", "1:20: conf="},
		{"default nonsense\nverb a -> 111", "1:9: default takes options"},
		{"verb a -> 111 target=Obj", "1:15: bad role"},
		{"# only comments\n", "no patterns"},
		{"verb call prep=on -> 020 target=obj", ""},
	}
	for _, tc := range cases {
		ps, err := ParsePatterns("t.txt", tc.src, knownCode)
		if tc.want == "" {
			if err != nil || len(ps) != 1 {
				t.Errorf("%q: unexpected %v (%d patterns)", tc.src, err, len(ps))
			}
			continue
		}
		var pe *ParseError
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: error %v, want it to contain %q", tc.src, err, tc.want)
		} else if !errors.As(err, &pe) {
			t.Errorf("%q: error %T is not a *ParseError", tc.src, err)
		}
	}
}

func TestPatternOptionsAndDefaults(t *testing.T) {
	ps, err := ParsePatterns("t.txt", "default target=with mutual conf=0.4\nverb talk prep=to -> 040\nverb meet -> 040 target=obj mutual=no conf=0.9\n", knownCode)
	if err != nil {
		t.Fatal(err)
	}
	p := ps[0]
	if !p.Mutual || p.Conf != 0.4 || len(p.Target) != 2 || p.Target[0] != "to" || p.Target[1] != "with" || p.Source[0] != RoleSubj || p.Specificity() != 1 {
		t.Errorf("first pattern = %+v", p)
	}
	q := ps[1]
	if q.Mutual || q.Conf != 0.9 || len(q.Target) != 1 || q.Target[0] != RoleObj {
		t.Errorf("second pattern = %+v", q)
	}
}

func FuzzParsePatterns(f *testing.F) {
	f.Add(defaultPatterns[:2000])
	f.Add("verb a prep=on obj=x|y -> 111 target=obj,with mutual needs=both conf=0.5")
	f.Add("default target=\nnoun x case= -> 1")
	f.Fuzz(func(t *testing.T, src string) {
		ps, err := ParsePatterns("fuzz", src, nil)
		if err == nil && len(ps) == 0 {
			t.Fatal("no error and no patterns")
		}
		for _, p := range ps {
			if len(p.Code) < 2 || len(p.Lemmas) == 0 {
				t.Fatalf("bad pattern %+v", p)
			}
		}
	})
}
