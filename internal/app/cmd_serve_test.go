package app

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// lockedBuffer is an io.Writer safe to read while the command writes.
type lockedBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// serve starts "eventwire serve" on a free loopback port and returns its
// base URL and a function that stops it and returns its error.
func serve(t *testing.T, env map[string]string, args ...string) (string, func() error) {
	t.Helper()
	for k, v := range env {
		t.Setenv(k, v)
	}
	ctx, cancel := context.WithCancel(context.Background())
	root := newRoot()
	var out, errb lockedBuffer
	root.SetOut(&out)
	root.SetErr(&errb)
	root.SetIn(strings.NewReader(""))
	root.SetArgs(append([]string{"serve", "--addr", "127.0.0.1:0"}, args...))
	done := make(chan error, 1)
	go func() { done <- root.ExecuteContext(ctx) }()
	addr := regexp.MustCompile(`on (http://127\.0\.0\.1:\d+)/`)
	deadline := time.Now().Add(60 * time.Second)
	for {
		if m := addr.FindStringSubmatch(out.String()); m != nil {
			return m[1], func() error {
				cancel()
				select {
				case err := <-done:
					return err
				case <-time.After(15 * time.Second):
					t.Fatal("serve did not stop")
					return nil
				}
			}
		}
		select {
		case err := <-done:
			cancel()
			t.Fatalf("serve ended early: %v\n%s\n%s", err, out.String(), errb.String())
		default:
		}
		if time.Now().After(deadline) {
			cancel()
			t.Fatalf("serve did not start:\n%s\n%s", out.String(), errb.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func TestServeIngestAndWrites(t *testing.T) {
	db := filepath.Join(t.TempDir(), "serve.db")
	cases := []struct {
		name   string
		env    map[string]string
		args   []string
		status int // of an authenticated POST
	}{
		{"no token", map[string]string{"EVENTWIRE_TOKEN": ""}, nil, http.StatusForbidden},
		{"token flag", map[string]string{"EVENTWIRE_TOKEN": ""}, []string{"--token", "flag-token-123"}, http.StatusOK},
		{"token env", map[string]string{"EVENTWIRE_TOKEN": "flag-token-123"}, nil, http.StatusOK},
	}
	for i, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			args := append([]string{"--db", db}, c.args...)
			if i == 0 {
				args = append(args, "--ingest", filepath.Join(examplesDir(t), "eu-sanctions.txt"))
			}
			base, stop := serve(t, c.env, args...)
			resp, err := http.Get(base + "/healthz")
			if err != nil {
				t.Fatal(err)
			}
			var h struct {
				Status    string
				Documents int
			}
			json.NewDecoder(resp.Body).Decode(&h)
			resp.Body.Close()
			if h.Status != "ok" || h.Documents < 1 {
				t.Fatalf("healthz %+v", h)
			}
			req, _ := http.NewRequest("POST", base+"/api/documents",
				strings.NewReader("LIMA, May 4 - Peru's president met Chile's foreign minister in Lima on Monday, officials said."))
			req.Header.Set("Content-Type", "text/plain")
			req.Header.Set("Authorization", "Bearer flag-token-123")
			resp, err = http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != c.status {
				t.Fatalf("POST: %d %s", resp.StatusCode, b)
			}
			if err := stop(); err != nil {
				t.Fatalf("serve returned %v", err)
			}
		})
	}
}

func TestServeBadFlags(t *testing.T) {
	for _, args := range [][]string{
		{"serve", "--addr", "nonsense"},
		{"serve", "--token", "short"},
		{"serve", "extra-arg"},
	} {
		if _, _, err := run(t, args...); err == nil {
			t.Errorf("%v: no error", args)
		}
	}
}
