package dedupe

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"
)

func TestNormalizeAndID(t *testing.T) {
	tests := []struct {
		name string
		a, b string
		same bool
	}{
		{"whitespace folded", "Obama  met\tHollande.\n\nThey spoke.", "Obama met Hollande. They spoke.", true},
		{"trim", "  text here \n", "text here", true},
		{"nfc", "Fran\u0063\u0327ois", "Fran\u00e7ois", true},
		{"nbsp is space", "a\u00a0b", "a b", true},
		{"case kept", "Obama", "obama", false},
		{"punctuation kept", "Obama.", "Obama", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ia, ib := ID(tc.a), ID(tc.b)
			if (ia == ib) != tc.same {
				t.Errorf("ID(%q)=%s ID(%q)=%s, same=%v want %v", tc.a, ia, tc.b, ib, ia == ib, tc.same)
			}
			if !strings.HasPrefix(ia, IDPrefix) || len(ia) != len(IDPrefix)+64 {
				t.Errorf("bad ID form %q", ia)
			}
		})
	}
	if got := NormalizeText(" a \xff  b "); got != "a \xff b" {
		t.Errorf("invalid utf-8 handling: %q", got)
	}
	// Known vector: sha256("abc").
	if got := ID("abc"); got != "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" {
		t.Errorf("ID(abc) = %s", got)
	}
}

func TestSentenceHash(t *testing.T) {
	tests := []struct {
		a, b string
		same bool
	}{
		{"The talks ended.", "the talks ended", true},
		{"The  talks, ended!", "THE TALKS ENDED.", true},
		{"“Quote,” he said.", "\"Quote\" he said", true},
		{"ﬁve", "five", true}, // NFKC ligature
		{"The talks ended.", "The talks began.", false},
		{"talks ended", "talksended", false},
	}
	for _, tc := range tests {
		if got := SentenceHash(tc.a) == SentenceHash(tc.b); got != tc.same {
			t.Errorf("SentenceHash(%q)==SentenceHash(%q): %v, want %v", tc.a, tc.b, got, tc.same)
		}
	}
	if SentenceHash("...") != 0 || SentenceHash("") != 0 {
		t.Error("sentence without words should hash to 0")
	}
	if SentenceHash("a") == 0 {
		t.Error("word sentence hashed to 0")
	}
}

// words returns n pseudo-random words from a fixed vocabulary.
func words(r *rand.Rand, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf("w%d", r.Intn(5000))
	}
	return out
}

func TestSignatureSimilarity(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	base := words(r, 300)
	text := strings.Join(base, " ")

	// Light edit: change 2 words of 300 -> about 10 of 296 shingles differ.
	light := append([]string(nil), base...)
	light[100], light[200] = "changed", "edited"
	// Heavy edit: replace every 4th word -> few shingles survive.
	heavy := append([]string(nil), base...)
	for i := 0; i < len(heavy); i += 4 {
		heavy[i] = "x"
	}
	other := strings.Join(words(r, 300), " ")

	s := Sign(text)
	if j := Jaccard(&s, ptr(Sign(text))); j != 1 {
		t.Errorf("self Jaccard %v", j)
	}
	if j := Jaccard(&s, ptr(Sign(strings.ToUpper(text)+" !!"))); j != 1 {
		t.Errorf("case/punctuation should not matter, Jaccard %v", j)
	}
	if j := Jaccard(&s, ptr(Sign(strings.Join(light, " ")))); j < Threshold {
		t.Errorf("light edit Jaccard %v < %v", j, Threshold)
	}
	if j := Jaccard(&s, ptr(Sign(strings.Join(heavy, " ")))); j >= 0.3 {
		t.Errorf("heavy edit Jaccard %v", j)
	}
	if j := Jaccard(&s, ptr(Sign(other))); j >= 0.1 {
		t.Errorf("unrelated Jaccard %v", j)
	}
	// Determinism and encoding.
	b := s.Bytes()
	back, err := SignatureFromBytes(b)
	if err != nil || back != s {
		t.Fatalf("round trip: %v", err)
	}
	if _, err := SignatureFromBytes(b[:10]); err == nil {
		t.Error("short signature accepted")
	}
	e := Sign(" ... ")
	if !e.Empty() || len(e.Bands()) != 0 || Jaccard(&e, &e) != 0 {
		t.Error("empty text should give an empty signature that matches nothing")
	}
	short := Sign("two words")
	if short.Empty() || Jaccard(&short, ptr(Sign("Two, words."))) != 1 {
		t.Error("short texts should still be signed")
	}
}

// TestSignatureStable pins the hash family: stored signatures must stay valid.
func TestSignatureStable(t *testing.T) {
	s := Sign("the quick brown fox jumps over the lazy dog")
	s2 := Sign("the quick brown fox jumps over the lazy dog")
	if s != s2 {
		t.Fatal("not deterministic")
	}
	if got := SentenceHash("Hello, world"); got != SentenceHash("hello world") {
		t.Fatal("unstable sentence hash")
	}
}

func ptr(s Signature) *Signature { return &s }

func TestIndex(t *testing.T) {
	r := rand.New(rand.NewSource(2))
	var x Index
	texts := map[string][]string{}
	for i := 0; i < 200; i++ {
		id := fmt.Sprintf("d%d", i)
		texts[id] = words(r, 120)
		x.Add(id, Sign(strings.Join(texts[id], " ")))
	}
	x.Add("empty", Sign(""))
	if x.Len() != 200 {
		t.Fatalf("Len %d", x.Len())
	}
	// A near copy of d7: one word changed at the end.
	near := append([]string(nil), texts["d7"]...)
	near[len(near)-1] = "zzz"
	got := x.Query(Sign(strings.Join(near, " ")))
	if len(got) != 1 || got[0].ID != "d7" || got[0].Jaccard < Threshold {
		t.Fatalf("Query near d7 = %+v", got)
	}
	// Exact copy scores 1.
	got = x.Query(Sign(strings.Join(texts["d42"], " ")))
	if len(got) != 1 || got[0].ID != "d42" || got[0].Jaccard != 1 {
		t.Fatalf("Query exact d42 = %+v", got)
	}
	// Unrelated text finds nothing; empty finds nothing.
	if got := x.Query(Sign(strings.Join(words(r, 120), " "))); len(got) != 0 {
		t.Fatalf("unrelated matched %+v", got)
	}
	if got := x.Query(Sign("")); len(got) != 0 {
		t.Fatalf("empty matched %+v", got)
	}
	// A higher threshold drops the edited copy but keeps the exact one.
	mid := append([]string(nil), texts["d9"]...)
	mid[60] = "zzz" // 5 of 116 shingles change: Jaccard ≈ 0.92
	if got := x.Query(Sign(strings.Join(mid, " "))); len(got) != 1 || got[0].ID != "d9" {
		t.Fatalf("mid edit at default threshold: %+v", got)
	}
	y := Index{MinJaccard: 1}
	y.Add("d9", Sign(strings.Join(texts["d9"], " ")))
	if got := y.Query(Sign(strings.Join(mid, " "))); len(got) != 0 {
		t.Fatalf("mid edit at 1.0: %+v", got)
	}
	if got := y.Query(Sign(strings.Join(texts["d9"], " "))); len(got) != 1 {
		t.Fatalf("exact at 1.0: %+v", got)
	}
}

// TestLSHRecall checks that pairs above the threshold are found reliably.
func TestLSHRecall(t *testing.T) {
	r := rand.New(rand.NewSource(3))
	var x Index
	found, total := 0, 0
	for i := 0; i < 300; i++ {
		base := words(r, 200)
		id := fmt.Sprintf("d%d", i)
		x.Add(id, Sign(strings.Join(base, " ")))
		edit := append([]string(nil), base...)
		edit[r.Intn(len(edit))] = "edit" // one word: true Jaccard ≈ 0.95
		q := Sign(strings.Join(edit, " "))
		total++
		for _, c := range x.Query(q) {
			if c.ID == id {
				found++
			}
		}
	}
	if float64(found)/float64(total) < 0.97 {
		t.Errorf("recall %d/%d", found, total)
	}
}

func BenchmarkSign(b *testing.B) {
	r := rand.New(rand.NewSource(1))
	text := strings.Join(words(r, 600), " ")
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Sign(text)
	}
}

func BenchmarkID(b *testing.B) {
	r := rand.New(rand.NewSource(1))
	text := strings.Join(words(r, 600), " ")
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		ID(text)
	}
}

func BenchmarkSentenceHash(b *testing.B) {
	s := "The French president, François Hollande, met Barack Obama in Washington on Tuesday."
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		SentenceHash(s)
	}
}

func BenchmarkIndexQuery(b *testing.B) {
	r := rand.New(rand.NewSource(1))
	var x Index
	for i := 0; i < 20000; i++ {
		x.Add(fmt.Sprint(i), Sign(strings.Join(words(r, 60), " ")))
	}
	q := Sign(strings.Join(words(r, 60), " "))
	for b.Loop() {
		x.Query(q)
	}
}

func FuzzSign(f *testing.F) {
	f.Add("Obama met Hollande in Washington.")
	f.Add("\xff\xfe bad utf-8")
	f.Fuzz(func(t *testing.T, s string) {
		sig := Sign(s)
		if !sig.Empty() && Jaccard(&sig, &sig) != 1 {
			t.Fatal("self similarity")
		}
		if ID(s) != ID(NormalizeText(s)) {
			t.Fatal("ID not stable under normalization")
		}
		SentenceHash(s)
	})
}
