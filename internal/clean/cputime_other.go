//go:build !unix

package clean

import "time"

// cpuTime is unavailable on this platform.
func cpuTime() time.Duration { return 0 }
