//go:build !unix

package dict

import "time"

// cpuTime is not measured on this system; benchmarks then skip cpu-ms/op.
func cpuTime() time.Duration { return 0 }
