//go:build unix

package tag

import (
	"syscall"
	"time"
)

// cpuTime returns the user+system CPU time of the process so far, so that
// benchmarks can report throughput per CPU second on a shared machine.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
