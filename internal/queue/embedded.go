package queue

import (
	"context"
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/nats-io/nats-server/v2/server"
)

// StartEmbedded runs a NATS server with JetStream inside this process,
// listening on 127.0.0.1 at a free port, keeping its streams under dir (a
// temporary directory, removed at shutdown, when dir is ""). It returns the
// client URL and a shutdown function that stops the server and waits for it.
func StartEmbedded(ctx context.Context, dir string) (url string, shutdown func(), err error) {
	return startEmbedded(ctx, dir, -1)
}

// StartEmbeddedPort is StartEmbedded on a given port (0 or -1: any free one).
func StartEmbeddedPort(ctx context.Context, dir string, port int) (url string, shutdown func(), err error) {
	if port == 0 {
		port = -1
	}
	return startEmbedded(ctx, dir, port)
}

func startEmbedded(ctx context.Context, dir string, port int) (string, func(), error) {
	temp := ""
	if dir == "" {
		d, err := os.MkdirTemp("", "eventwire-nats-")
		if err != nil {
			return "", nil, fmt.Errorf("queue: embedded server: %w", err)
		}
		dir, temp = d, d
	}
	opts := &server.Options{
		ServerName: "eventwire-embedded",
		Host:       "127.0.0.1",
		Port:       port,
		JetStream:  true,
		StoreDir:   dir,
		NoSigs:     true,
		NoLog:      true,
	}
	srv, err := server.NewServer(opts)
	if err != nil {
		if temp != "" {
			os.RemoveAll(temp)
		}
		return "", nil, fmt.Errorf("queue: embedded server: %w", err)
	}
	go srv.Start()
	wait := 10 * time.Second
	if dl, ok := ctx.Deadline(); ok {
		wait = time.Until(dl)
	}
	if !srv.ReadyForConnections(wait) {
		srv.Shutdown()
		if temp != "" {
			os.RemoveAll(temp)
		}
		return "", nil, errors.New("queue: embedded server did not start")
	}
	shutdown := func() {
		srv.Shutdown()
		srv.WaitForShutdown()
		if temp != "" {
			os.RemoveAll(temp)
		}
	}
	return srv.ClientURL(), shutdown, nil
}
