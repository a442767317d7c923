// Package app wires eventwire's commands: it parses flags, opens inputs and
// stores, and runs the pipeline stages. It holds no extraction logic itself.
package app

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"github.com/spf13/cobra"
)

// Main runs the eventwire CLI with args and returns the process exit code.
func Main(args []string) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	root := newRoot()
	root.SetArgs(args)
	if err := root.ExecuteContext(ctx); err != nil {
		fmt.Fprintln(os.Stderr, "eventwire:", err)
		return 1
	}
	return 0
}

func newRoot() *cobra.Command {
	root := &cobra.Command{
		Use:           "eventwire",
		Short:         "News event intelligence: who did what to whom, where, when, and with what evidence",
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	// Each command lives in its own cmd_*.go file; add its constructor here.
	root.AddCommand(
		// commands:
		newWorkerCmd(), newQueueCmd(),
		newWatchCmd(), newSlicesCmd(),
		newServeCmd(),
		newTrainCmd(),
		newExtractCmd(),
		newIngestCmd(),
		newSearchCmd(),
		newExportCmd(),
		newEvalCmd(),
		newDemoCmd(),
		newBenchCmd(),
	)
	return root
}
