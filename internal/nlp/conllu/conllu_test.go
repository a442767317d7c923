package conllu

import (
	"strings"
	"testing"
)

const sample = `# newdoc id = doc1
# sent_id = s1
# text = I don't know.
1	I	I	PRON	PRP	_	3	nsubj	_	_
2-3	don't	_	_	_	_	_	_	_	_
2	do	do	AUX	VBP	_	4	aux	_	_
3	n't	not	PART	RB	_	4	advmod	_	_
4	know	know	VERB	VB	_	0	root	_	SpaceAfter=No
4.1	x	x	X	X	_	_	_	_	_
5	.	.	PUNCT	.	_	4	punct	_	Entity=(1-person)

# sent_id = s2
# text = Go
1	Go	go	VERB	VB	_	0	root	_	_
`

func TestRead(t *testing.T) {
	ss, err := Read(strings.NewReader(sample))
	if err != nil {
		t.Fatal(err)
	}
	if len(ss) != 2 {
		t.Fatalf("got %d sentences", len(ss))
	}
	s := ss[0]
	tests := []struct{ got, want any }{
		{s.ID, "s1"}, {s.Text, "I don't know."}, {s.NewDoc, "doc1"}, {ss[1].Doc, "doc1"},
		{len(s.Words), 5}, {len(s.Multis), 1}, {s.Multis[0].Form, "don't"},
		{s.Multis[0].First, 2}, {s.Multis[0].Last, 3}, {s.Words[3].Head, 0},
		{MiscValue(s.Words[3].Misc, "SpaceAfter"), "No"}, {MiscValue(s.Words[4].Misc, "Entity"), "(1-person)"},
		{strings.Join(s.Forms(), " "), "I do n't know ."},
	}
	for i, tc := range tests {
		if tc.got != tc.want {
			t.Errorf("case %d: got %v, want %v", i, tc.got, tc.want)
		}
	}
}

func TestReadErrors(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"columns", "1\tI\tI\n", "line 1: want 10"},
		{"id", "x\tI\tI\tPRON\tPRP\t_\t0\troot\t_\t_\n", "line 1: bad word ID"},
		{"head", "1\tI\tI\tPRON\tPRP\t_\tz\troot\t_\t_\n", "line 1: bad head"},
		{"range", "1\tI\tI\tPRON\tPRP\t_\t5\troot\t_\t_\n\n", "out of range"},
		{"gap", "2\tI\tI\tPRON\tPRP\t_\t0\troot\t_\t_\n\n", "not consecutive"},
		{"mwt", "3-1\tx\t_\t_\t_\t_\t_\t_\t_\t_\n", "bad multiword"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Read(strings.NewReader(tc.in))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("got %v, want error containing %q", err, tc.want)
			}
		})
	}
}

func FuzzRead(f *testing.F) {
	f.Add(sample)
	f.Add("1\tI\tI\tPRON\tPRP\t_\t0\troot\t_\t_\n")
	f.Add("")
	f.Fuzz(func(t *testing.T, in string) {
		ss, err := Read(strings.NewReader(in))
		if err != nil {
			return
		}
		for _, s := range ss {
			for i, w := range s.Words {
				if w.ID != i+1 || w.Head > len(s.Words) {
					t.Fatalf("invalid sentence accepted: %+v", s)
				}
			}
		}
	})
}
