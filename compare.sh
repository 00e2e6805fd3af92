#!/bin/bash
# usage: [REPO=/work/wt-x] compare.sh — snapshot REPO's tree and diff every report against /tmp/equiv/base
new=/tmp/equiv/new-$(basename ${REPO:-main})-$$; /tmp/equiv/snap.sh $new
if diff -rq /tmp/equiv/base $new; then echo "IDENTICAL (all 24 reports)"; rm -rf $new; else echo "DIFFERENT: diff -r /tmp/equiv/base $new"; fi
