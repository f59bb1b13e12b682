#!/usr/bin/env bash
# A local 3-node OpenSearch cluster for scripts, tests and CI (bench/lib.sh has the steps).
#
#   bench/opensearch-cluster.sh install  # fetch OpenSearch and its modules, install them (once)
#   bench/opensearch-cluster.sh start    # fetch + install once, start n0..n2, wait for green;
#                                        # prints the HTTP URLs (comma-separated), also written to
#                                        # target/opensearch-cluster/urls; the nodes keep running
#   bench/opensearch-cluster.sh stop     # stop every node that runs
#   bench/opensearch-cluster.sh status   # each node's PID, and the cluster's health
#   bench/opensearch-cluster.sh kill N   # SIGKILL node N's java (0, 1 or 2), for fail-over tests
#
# Runs as root or not (as root the nodes run as user $OPENSEARCH_USER, default kbbench, created if
# need be; it must be able to reach the folder). 512 MB of heap per node; forms green in 30 to 60 s
# on 2 cores. OPENSEARCH_CLUSTER sets the folder (default target/opensearch-cluster). One command at
# a time per folder. Exit codes: 0 done, 1 failed, 2 usage, 3 OpenSearch cannot be fetched.
set -euo pipefail
KB_BENCH_LOCK=0
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

usage() { echo "usage: bench/opensearch-cluster.sh install|start|stop|status|kill N" >&2; exit 2; }

mkdir -p "$OPENSEARCH_CLUSTER"
exec 8>"$OPENSEARCH_CLUSTER/.lock"
flock -w 300 8 || die "another start or stop of $OPENSEARCH_CLUSTER has held its lock for 5 minutes"

case "${1:-}" in
  install)
    opensearch_install "$OPENSEARCH_CLUSTER/opensearch"
    ;;
  start)
    # A start that fails half-way stops what it started; a start that succeeds keeps it. A
    # cluster that already runs is left alone.
    opensearch_cluster_not_running
    trap opensearch_cluster_stop EXIT
    started=$SECONDS
    opensearch_cluster_start 8>&-
    trap - EXIT
    say "formed in $((SECONDS - started)) s"
    echo "$OPENSEARCH_CLUSTER_URLS"
    ;;
  stop)
    opensearch_cluster_stop
    ;;
  status)
    running=0
    for i in $(seq 0 $((OPENSEARCH_CLUSTER_NODES - 1))); do
      pid="$(opensearch_node_pid "$i")"
      if [ -n "$pid" ]; then
        running=$((running + 1))
        echo "n$i running (java PID $pid, RSS $(($(awk '/VmRSS/ {print $2}' "/proc/$pid/status") / 1024)) MB)"
      else
        echo "n$i not running"
      fi
    done
    urls="$(cat "$OPENSEARCH_CLUSTER/urls" 2>/dev/null || true)"
    if [ -n "$urls" ]; then echo "urls $urls"; fi
    [ "$running" -gt 0 ] || { echo "no node running"; exit 1; }
    for url in ${urls//,/ }; do
      curl -fsS --max-time 5 "$url/_cat/health?h=status,node.total,active_shards_percent" 2>/dev/null && exit 0
    done
    echo "no node answers"
    exit 1
    ;;
  kill)
    [ $# -eq 2 ] || usage
    opensearch_node_kill "$2"
    ;;
  *)
    usage
    ;;
esac
