package sqlite

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// crashEnv names the database a re-executed test binary writes to until it
// is killed.
const crashEnv = "EVENTWIRE_STORE_CRASH_CHILD_DB"

const (
	crashDocs  = 6000
	crashBatch = 200
)

// crashChild ingests crashDocs documents in batches, reporting each commit
// on stdout, and is killed by the parent somewhere in the middle.
func crashChild(path string) {
	db, err := Open(path)
	if err != nil {
		fmt.Println("error:", err)
		os.Exit(2)
	}
	for from := 0; from < crashDocs; from += crashBatch {
		if _, err := db.Put(ctx, genDocs(from, crashBatch)); err != nil {
			fmt.Println("error:", err)
			os.Exit(2)
		}
		fmt.Println("committed", from+crashBatch)
	}
	fmt.Println("finished")
	os.Exit(0)
}

func TestCrashDuringPut(t *testing.T) {
	if path := os.Getenv(crashEnv); path != "" {
		crashChild(path)
		return
	}
	if testing.Short() {
		t.Skip("re-executes the test binary")
	}
	path := filepath.Join(t.TempDir(), "crash.db")
	cmd := exec.Command(os.Args[0], "-test.run=^TestCrashDuringPut$")
	cmd.Env = append(os.Environ(), crashEnv+"="+path)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Kill after a few commits, a little into the next batch.
	sc := bufio.NewScanner(out)
	commits := 0
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "error") || line == "finished" {
			cmd.Process.Kill()
			t.Fatalf("child: %s", line)
		}
		if strings.HasPrefix(line, "committed") {
			commits++
			if commits == 3 {
				time.Sleep(15 * time.Millisecond)
				break
			}
		}
	}
	if err := cmd.Process.Kill(); err != nil { // SIGKILL
		t.Fatal(err)
	}
	cmd.Wait()

	db, err := Open(path)
	if err != nil {
		t.Fatalf("reopen after kill: %v", err)
	}
	defer db.Close()
	var check string
	if err := db.SQL().QueryRow(`PRAGMA integrity_check`).Scan(&check); err != nil || check != "ok" {
		t.Fatalf("integrity_check: %q %v", check, err)
	}
	var ftsCheck error
	_, ftsCheck = db.SQL().Exec(`INSERT INTO documents_fts(documents_fts) VALUES ('integrity-check')`)
	if ftsCheck != nil {
		t.Fatalf("fts integrity: %v", ftsCheck)
	}
	c, err := db.Count(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// Only whole batches survive.
	if c.Documents < 3*crashBatch || c.Documents%crashBatch != 0 || c.Documents >= crashDocs || c.Sentences != 3*c.Documents {
		t.Fatalf("after kill: %+v", c)
	}
	t.Logf("killed after %d committed documents", c.Documents)

	// Re-running the whole ingest completes it without duplicates.
	added, skipped := 0, 0
	for from := 0; from < crashDocs; from += 500 {
		st, err := db.Put(ctx, genDocs(from, 500))
		if err != nil {
			t.Fatal(err)
		}
		added += st.Added
		skipped += st.Skipped
		if st.NearDuplicates != 0 {
			t.Fatalf("generated docs linked as near duplicates: %+v", st)
		}
	}
	c2, _ := db.Count(ctx)
	if c2.Documents != crashDocs || c2.Sentences != 3*crashDocs || int64(skipped) != c.Documents || added+skipped != crashDocs {
		t.Fatalf("after re-run: %+v (added %d, skipped %d)", c2, added, skipped)
	}
	var ftsRows int
	db.SQL().QueryRow(`SELECT count(*) FROM documents_fts WHERE documents_fts MATCH ?`, `"`+vocab[0]+`"`).Scan(&ftsRows)
	var textRows int
	db.SQL().QueryRow(`SELECT count(*) FROM documents WHERE (' ' || lower(text) || ' ') GLOB ?`, "*[ .]"+vocab[0]+"[ .]*").Scan(&textRows)
	if ftsRows != textRows || ftsRows == 0 {
		t.Fatalf("fts finds %d documents with %q, text has %d", ftsRows, vocab[0], textRows)
	}
}
