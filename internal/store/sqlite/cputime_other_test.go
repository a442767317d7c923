//go:build !unix

package sqlite

import "time"

// cpuTime is not measured here; the docs/cpu-s metric is then meaningless.
func cpuTime() time.Duration { return time.Nanosecond }
