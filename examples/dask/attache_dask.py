#!/usr/bin/python3
"""Attaché on a Dask cluster: one `attache analyze --jsonl` over a corpus, spread over workers.

    attache_dask.py --scheduler tcp://HOST:8786 --registry 'registry/**/*.yaml' IN.jsonl OUT.jsonl

The map-reduce shape every distributed engine runs (Spark `RDD.pipe`, Ray Data, Beam):

1. `dask.bag.read_text` cuts IN.jsonl into partitions at line boundaries (`--partitions N`, or
   `--blocksize BYTES`);
2. each worker pipes its partition through `attache analyze --jsonl --emit-claims` and writes
   the result as one shard file (the article's own findings and its cross-article claims);
3. this process runs `attache reduce` over the shards in partition order, which adds the
   cross-article findings (boilerplate, event dates that disagree between articles).

OUT.jsonl is then byte for byte what one `attache analyze --jsonl < IN.jsonl` writes, and the
exit status is the same: 0, 1 when some input line was bad (each is an error line in OUT and is
reported on standard error), 2 for bad usage or an unreadable registry.

The workers read IN.jsonl and write the shards into a temporary folder beside OUT.jsonl, and
run the attache command named by `--attache`: all three must be visible at the same paths on
every worker (one machine, or a shared file system as on an HPC cluster).

Run it with Debian's /usr/bin/python3 and its python3-distributed package (`apt-get install
--no-install-recommends python3-distributed`): a pyenv or venv python3 does not see Debian's
packages.
"""

import argparse
import glob
import math
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
BUNDLED_ATTACHE = os.path.normpath(os.path.join(HERE, "..", "..", "bin", "attache.js"))


def parse_args(argv):
    p = argparse.ArgumentParser(
        prog="attache_dask.py",
        description="Run `attache analyze --jsonl` on a Dask cluster (map: analyze --jsonl --emit-claims per partition; reduce: attache reduce).",
    )
    p.add_argument("--scheduler", required=True, help="address of the Dask scheduler, e.g. tcp://127.0.0.1:8786")
    p.add_argument("--registry", action="append", default=[], metavar="GLOB", help="registry files (repeatable), relative to the current folder")
    p.add_argument("--partitions", type=int, default=0, help="number of partitions (default: 64 MB blocks)")
    p.add_argument("--blocksize", type=int, default=0, help="bytes per partition (instead of --partitions)")
    p.add_argument("--workers", type=int, default=0, help="wait until this many workers have joined before starting")
    p.add_argument("--attache", default=BUNDLED_ATTACHE, help="the attache command: bin/attache.js of this checkout (run with node) or an executable")
    p.add_argument("--node", default=shutil.which("node") or "node", help="node, to run a .js attache (default: the node on PATH here)")
    p.add_argument("input", metavar="IN.jsonl")
    p.add_argument("output", metavar="OUT.jsonl")
    return p.parse_args(argv)


def attache_command(args):
    cmd = [args.node, args.attache] if args.attache.endswith(".js") else [args.attache]
    return cmd


def registry_options(globs):
    # Absolute, so a worker finds the same files whatever its current folder.
    out = []
    for g in globs:
        out += ["--registry", os.path.abspath(g)]
    return out


def analyze_partition(lines, command, registry, cwd):
    """Map step: one partition (lines of IN.jsonl) through `attache analyze --jsonl --emit-claims`."""
    lines = list(lines)
    if not lines:
        return []
    data = "".join(line if line.endswith("\n") else line + "\n" for line in lines).encode("utf-8")
    proc = subprocess.run(
        # One thread per partition: Dask already runs a partition per worker thread.
        command + ["analyze", "--jsonl", "--emit-claims", "--jobs", "1", "--quiet"] + registry,
        input=data,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=cwd,
    )
    # 1 means some lines were bad: they are error lines of the output, and the reduce reports them.
    if proc.returncode not in (0, 1):
        raise RuntimeError("attache analyze --jsonl failed (exit status %d): %s" % (proc.returncode, proc.stderr.decode("utf-8", "replace")))
    out = proc.stdout.decode("utf-8").split("\n")
    if out and out[-1] == "":
        out.pop()
    if len(out) != len(lines):
        raise RuntimeError("attache wrote %d lines for %d input lines" % (len(out), len(lines)))
    return out


def main(argv):
    args = parse_args(argv)
    try:
        import dask.bag as db
        from distributed import Client
    except ImportError as e:
        sys.stderr.write(
            "attache_dask.py: %s\nInstall Dask with `apt-get install --no-install-recommends python3-distributed` "
            "and run this script with /usr/bin/python3.\n" % e
        )
        return 2
    if not os.path.isfile(args.input):
        sys.stderr.write("attache_dask.py: %s: no such file\n" % args.input)
        return 2
    command = attache_command(args)
    registry = registry_options(args.registry)
    cwd = os.getcwd()
    size = os.path.getsize(args.input)
    if args.blocksize:
        blocksize = args.blocksize
    elif args.partitions:
        blocksize = max(1, math.ceil(size / args.partitions))
    else:
        blocksize = 64 * 1024 * 1024
    out_dir = os.path.dirname(os.path.abspath(args.output))
    shards_dir = tempfile.mkdtemp(prefix=".attache-shards-", dir=out_dir)
    try:
        with Client(args.scheduler) as client:
            if args.workers:
                client.wait_for_workers(args.workers)
            bag = db.read_text(os.path.abspath(args.input), blocksize=blocksize, linedelimiter="\n")
            sys.stderr.write("attache_dask.py: %d partitions on %d workers\n" % (bag.npartitions, len(client.scheduler_info()["workers"])))
            mapped = bag.map_partitions(analyze_partition, command, registry, cwd)
            mapped.to_textfiles(os.path.join(shards_dir, "*.jsonl"), name_function=lambda i: "%06d" % i, last_endline=True)
        shards = sorted(glob.glob(os.path.join(shards_dir, "*.jsonl")))
        with open(args.output, "wb") as out:
            reduce = subprocess.run(command + ["reduce", "--quiet"] + registry + shards, stdout=out, cwd=cwd)
        return reduce.returncode
    finally:
        shutil.rmtree(shards_dir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
