//go:build unix

package when

import "syscall"

// cpuSeconds returns the user and system CPU time the process has used, so
// that benchmarks can report throughput per CPU second, which is less at the
// mercy of other work on a shared machine than wall time.
func cpuSeconds() float64 {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return float64(ru.Utime.Nano()+ru.Stime.Nano()) / 1e9
}
