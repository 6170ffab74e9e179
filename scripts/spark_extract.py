#!/usr/bin/env python3
"""`trame extract` as the map of an Apache Spark job.

    spark_extract.py CORPUS.jsonl RECORDS.jsonl [--master local[2]]
                     [--partitions N] [--trame PATH]

Reads a JSON Lines corpus (one {"id", "text", ...} article a line) into an
RDD, pipes every partition through `trame extract` (RDD.pipe: the lines of
the partition on its stdin, its records on its stdout), and writes the
records of all partitions to RECORDS.jsonl, which `trame merge` turns into
the graph. On a cluster, give --master, put the corpus where the executors
read it and the trame binary on every executor; with a large corpus, write
the records with saveAsTextFile and merge the part files instead of
collecting them here.
"""

import argparse
import os
import shlex
import sys

from pyspark import SparkConf, SparkContext


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus")
    ap.add_argument("records")
    ap.add_argument("--master", default="local[2]")
    ap.add_argument("--partitions", type=int, default=4)
    ap.add_argument("--trame", default="trame", help="the trame binary the executors run")
    args = ap.parse_args()
    conf = SparkConf().setMaster(args.master).setAppName("trame extract")
    # A small local job: no web UI, and Spark's own logging kept to errors.
    conf.set("spark.ui.enabled", "false")
    sc = SparkContext(conf=conf)
    sc.setLogLevel("ERROR")
    try:
        corpus = sc.textFile(os.path.abspath(args.corpus), minPartitions=args.partitions)
        # One thread per extract: Spark runs a task per core already.
        command = [args.trame, "extract", "-q", "--jobs", "1", "--input-format", "jsonl", "-"]
        records = corpus.pipe(shlex.join(command), checkCode=True)
        n = 0
        with open(args.records, "w", encoding="utf-8") as out:
            for line in records.toLocalIterator():
                out.write(line + "\n")
                n += 1
        print(f"spark: {corpus.getNumPartitions()} partitions, {n} records", file=sys.stderr)
    finally:
        sc.stop()


if __name__ == "__main__":
    main()
