#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
#
# campaign.sh: a long differential run, many seeds over every class.
#
#   tests/diff/campaign.sh BUILD_DIR [FIRST_SEED [LAST_SEED]]
#
#   BUILD_DIR   a configured and built arm-uemu build directory
#               (ninja -C BUILD_DIR arm-uemu tests/diff/gen-insns
#               tests/diff/diff-harness)
#   seeds       FIRST_SEED..LAST_SEED, default 1..100
#
# Environment (defaults in brackets):
#   CLASSES   classes to run [every class run-diff.py knows]
#   COUNT     sequences per class and seed [50]
#   LEN       instructions per sequence [8]
#   ACCELS    arm-uemu backends [interp]
#   EMU_ARGS  extra arm-uemu options, e.g. -one-insn-per-tb []
#   OUT       where reports and failing ELFs go [BUILD_DIR/diff-campaign]
#   QEMU      the reference emulator [qemu-aarch64]
#
# Unlike the meson suite (one seed, short sequences), this goes on after a
# mismatch: each seed/accel's report lands in OUT/seed-N-ACCEL.txt, and
# the closing summary lists the ones that differ.  Exit status 1 if any did.
set -u

build=${1:?usage: campaign.sh BUILD_DIR [FIRST_SEED [LAST_SEED]]}
first=${2:-1}
last=${3:-100}
here=$(cd "$(dirname "$0")" && pwd)
out=${OUT:-$build/diff-campaign}
mkdir -p "$out"

extra_args=
for c in ${CLASSES:-}; do
    extra_args="$extra_args --class $c"
done
for o in ${EMU_ARGS:-}; do
    extra_args="$extra_args --emu-arg=$o"
done

failed=
seed=$first
while [ "$seed" -le "$last" ]; do
    for accel in ${ACCELS:-interp}; do
        report=$out/seed-$seed-$accel.txt
        # shellcheck disable=SC2086  # extra_args is a word list on purpose
        python3 "$here/run-diff.py" --emu "$build/arm-uemu" \
            --qemu "${QEMU:-qemu-aarch64}" --accel "$accel" \
            --gen "$build/tests/diff/gen-insns" \
            --harness "$build/tests/diff/diff-harness" \
            --seed "$seed" --count "${COUNT:-50}" --len "${LEN:-8}" \
            --keep "$out/elf" $extra_args >"$report" 2>&1
        status=$?
        if [ $status -eq 0 ]; then
            echo "seed $seed $accel: agree"
        else
            echo "seed $seed $accel: DIFFER (exit $status), see $report"
            failed="$failed $report"
        fi
    done
    seed=$((seed + 1))
done

echo "-- campaign: seeds $first..$last, reports in $out --"
if [ -n "$failed" ]; then
    for r in $failed; do
        echo "$r:"
        grep '^MISMATCH' "$r" | sed 's/^/  /'
    done
    exit 1
fi
echo "every seed agrees"
