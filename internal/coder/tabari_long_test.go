//go:build long

package coder_test

import (
	"testing"

	"github.com/eventwire/eventwire/internal/coder"
	"github.com/eventwire/eventwire/internal/doc"
	"github.com/eventwire/eventwire/internal/pipeline"
	"github.com/eventwire/eventwire/internal/shared"
)

// TestTabariValidationPipeline scores PETRARCH's dictionaries on our own
// pipeline's parses: go test -tags long -run TabariValidationPipeline -v ./internal/coder
func TestTabariValidationPipeline(t *testing.T) {
	dir := shared.Need(t, "data", "gold", "petrarch2_validation")
	p, err := pipeline.New(pipeline.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ms, err := coder.EvalTabariValidation(dir, func(d *doc.Document) { p.Process(d) })
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range ms {
		t.Log(m)
	}
}
