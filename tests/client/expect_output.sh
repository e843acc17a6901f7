#!/bin/sh
# Runs a program and passes only when it exits 0 and its output matches a pattern.
# Usage: expect_output.sh PATTERN PROGRAM [ARGUMENTS...]
# (ctest's PASS_REGULAR_EXPRESSION alone would ignore the exit status.)
pattern=$1
shift
output=$("$@" 2>&1)
status=$?
printf '%s\n' "$output"
if [ "$status" -ne 0 ]; then
    echo "expect_output: $1 exited with $status" >&2
    exit 1
fi
if ! printf '%s\n' "$output" | grep -E -q -- "$pattern"; then
    echo "expect_output: no line matches: $pattern" >&2
    exit 1
fi
