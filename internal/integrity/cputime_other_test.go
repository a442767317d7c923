//go:build !unix

package integrity

func cpuNanos() int64 { return 0 }
