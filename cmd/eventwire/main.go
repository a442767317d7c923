// Command eventwire turns raw news into structured, evidence-linked event data.
package main

import (
	"os"

	"github.com/eventwire/eventwire/internal/app"
)

func main() { os.Exit(app.Main(os.Args[1:])) }
