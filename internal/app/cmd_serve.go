package app

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"time"

	"github.com/spf13/cobra"

	"github.com/eventwire/eventwire/internal/api"
	"github.com/eventwire/eventwire/internal/doc"
	"github.com/eventwire/eventwire/internal/pipeline"
	"github.com/eventwire/eventwire/web"
)

func newServeCmd() *cobra.Command {
	var dbPath, addr, token string
	var ingestPaths []string
	c := &cobra.Command{
		Use:   "serve [flags]",
		Short: "Serve the HTTP JSON API, the event stream and the dashboard",
		Long: `serve answers the JSON API under /api/ (documents, events, actors, network,
timeline, places, export, stream), /metrics, /healthz and the dashboard at /.
It listens on the loopback interface unless --addr says otherwise. Writes
(POST /api/documents) need a bearer token from --token or EVENTWIRE_TOKEN;
without one they are refused. --ingest stores the given files and folders
before serving, so "eventwire serve --ingest examples" is a complete demo.`,
		Example: `  eventwire serve --ingest examples
  EVENTWIRE_TOKEN=s3cret eventwire serve --db news.db --addr 127.0.0.1:9000`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if token == "" {
				token = os.Getenv("EVENTWIRE_TOKEN")
			}
			if token != "" && len(token) < 8 {
				return fmt.Errorf("the token must be at least 8 characters")
			}
			host, _, err := net.SplitHostPort(addr)
			if err != nil {
				return fmt.Errorf("--addr %q: %w", addr, err)
			}
			out, errOut := cmd.OutOrStdout(), cmd.ErrOrStderr()
			if ip := net.ParseIP(host); host != "localhost" && (ip == nil || !ip.IsLoopback()) {
				fmt.Fprintf(errOut, "warning: listening on %s, reachable from other machines\n", addr)
			}
			st, err := openStore(dbPath)
			if err != nil {
				return err
			}
			defer st.Close()
			p, err := pipeline.New(pipeline.Options{Seen: st})
			if err != nil {
				return err
			}
			ctx := cmd.Context()
			if len(ingestPaths) > 0 {
				sum, err := ingestAll(ctx, st, p, ingestPaths, cmd.InOrStdin(), 256, func(d *doc.Document, _ *summary) {
					for _, e := range d.Errors {
						fmt.Fprintln(errOut, "error:", e.Error())
					}
				})
				fmt.Fprintln(out, sum.String())
				if err != nil {
					return err
				}
			}
			srv, err := api.New(api.Options{
				Reader: st, Analytics: st, Writer: st, Pipeline: p, Token: token,
				Origins: apiOrigins(st),
				Static:  web.FS(),
				Log:     slog.New(slog.NewTextHandler(errOut, nil)),
			})
			if err != nil {
				return err
			}
			ln, err := net.Listen("tcp", addr)
			if err != nil {
				return fmt.Errorf("listen on %s: %w", addr, err)
			}
			hs := api.NewHTTPServer(addr, srv.Handler())
			writes := "writes disabled (no token)"
			if srv.WritesEnabled() {
				writes = "writes enabled (bearer token)"
			}
			fmt.Fprintf(out, "serving %s on http://%s/ — %s\n", dbPath, ln.Addr(), writes)
			served := make(chan error, 1)
			go func() { served <- hs.Serve(ln) }()
			select {
			case err := <-served:
				srv.Close()
				return err
			case <-ctx.Done():
			}
			srv.Close()
			sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			if err := hs.Shutdown(sctx); err != nil {
				return fmt.Errorf("shutdown: %w", err)
			}
			if err := <-served; !errors.Is(err, http.ErrServerClosed) {
				return err
			}
			return nil
		},
	}
	c.Flags().StringVar(&dbPath, "db", defaultDB, "SQLite database path")
	c.Flags().StringVar(&addr, "addr", "127.0.0.1:8080", "listen address (host:port)")
	c.Flags().StringArrayVar(&ingestPaths, "ingest", nil, "file or folder to store before serving (repeatable)")
	c.Flags().StringVar(&token, "token", "", "bearer token for write requests (default $EVENTWIRE_TOKEN)")
	return c
}
