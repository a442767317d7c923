//go:build unix

package geo

import (
	"syscall"
	"time"
)

// cpuTime is the user+system CPU time of the process so far: a start-up
// cost that, unlike wall time, does not grow when the machine is busy.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
