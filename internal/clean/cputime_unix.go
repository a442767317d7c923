//go:build unix

package clean

import (
	"syscall"
	"time"
)

// cpuTime is the CPU time (user + system) used by the process so far, or
// 0 when unavailable.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
