// Command annalist codes news into political event data: who did what to whom, when and where.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sort"
	"syscall"

	"github.com/annalist/annalist"
)

// command is one subcommand: it parses its own flags and runs.
type command interface {
	Name() string
	Synopsis() string
	Run(ctx context.Context, args []string) error
}

// exitCoder lets a command choose its exit status (validate exits 1 when a record fails).
type exitCoder interface{ ExitCode() int }

// env carries the process's streams so commands can be tested without touching os.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
}

func commands(e *env) []command {
	return []command{newCodeCmd(e), newValidateCmd(e), newDictCmd(e), newCameoCmd(e), newAnalyzeCmd(e), newTrainCmd(e), newNLPCmd(e), newActorsCmd(e), newIngestCmd(e), newExportCmd(e), newServeCmd(e)}
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, &env{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr}, os.Args[1:])
	stop()
	os.Exit(code)
}

// run executes the command line and returns the exit status: 0 ok, 1 data or user error, 2 internal error.
func run(ctx context.Context, e *env, args []string) int {
	cmds := commands(e)
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(e.stderr, cmds)
		if len(args) == 0 {
			return 1
		}
		return 0
	}
	for _, c := range cmds {
		if c.Name() != args[0] {
			continue
		}
		err := c.Run(ctx, args[1:])
		return exitStatus(e.stderr, err)
	}
	fmt.Fprintf(e.stderr, "annalist: unknown command %q\n\n", args[0])
	usage(e.stderr, cmds)
	return 1
}

func exitStatus(w io.Writer, err error) int {
	if err == nil || errors.Is(err, flag.ErrHelp) {
		return 0
	}
	var ec exitCoder
	if errors.As(err, &ec) {
		if msg := err.Error(); msg != "" {
			fmt.Fprintln(w, "annalist:", msg)
		}
		return ec.ExitCode()
	}
	fmt.Fprintln(w, "annalist:", err)
	if annalist.ErrorCode(err) == annalist.EINTERNAL {
		return 2
	}
	return 1
}

func usage(w io.Writer, cmds []command) {
	fmt.Fprintln(w, "Usage: annalist <command> [flags] [args]")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Commands:")
	sort.Slice(cmds, func(i, j int) bool { return cmds[i].Name() < cmds[j].Name() })
	for _, c := range cmds {
		fmt.Fprintf(w, "  %-10s %s\n", c.Name(), c.Synopsis())
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Run 'annalist <command> -h' for the flags of a command.")
}
