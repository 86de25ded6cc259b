"""The harness of the capture tests (maildir-test, cdr-test, kill-test, idle-check): the arkisto
binary and its `watch` process, a read-only view of the archive while it is written (WAL: the reader
never blocks the writer), arrival clocks and delay figures, and one clear pass/fail line.
"""

import argparse
import contextlib
import json
import math
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

DEFAULT_BINARY = ".build/debug/arkisto"


# --- command line ---------------------------------------------------------------------------------

def argument_parser(description):
    """The options every capture test takes."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--binary", default=DEFAULT_BINARY, help=f"the arkisto binary (default: {DEFAULT_BINARY})")
    parser.add_argument("--seed", type=int, default=13, help="seed of the generated input (default: 13)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder and print where it is")
    return parser


def resolve_binary(path):
    """The binary's absolute path; an error naming it when it is not there."""
    binary = os.path.abspath(path)
    if not os.access(binary, os.X_OK):
        raise RuntimeError(f"{path}: no arkisto binary here (swift build, or give --binary PATH)")
    return binary


@contextlib.contextmanager
def work_folder(label, keep):
    """A temporary folder, removed afterwards unless `keep`."""
    folder = tempfile.mkdtemp(prefix=f"arkisto-{label}-")
    try:
        yield folder
    finally:
        if keep:
            print(f"{label}: kept {folder}", file=sys.stderr)
        else:
            shutil.rmtree(folder, ignore_errors=True)


def run_test(label, main):
    """Runs a test's `main` (which prints its own pass or fail line and returns the exit status);
    an unexpected error still ends in one clear "LABEL: FAILED" line and exit status 1. SIGTERM
    (a CI timeout) interrupts it like Ctrl-C, so the arkisto processes it started are stopped."""
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    try:
        status = main()
    except KeyboardInterrupt:
        print(f"{label}: FAILED (interrupted)")
        status = 1
    except Exception as error:  # noqa: BLE001 - any error is the test's failure, said in one line
        print(f"{label}: FAILED ({type(error).__name__}: {error})")
        status = 1
    sys.exit(status)


def percentile(values, fraction):
    """The nearest-rank percentile of `values` (0 < fraction <= 1)."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    rank = max(1, min(len(ordered), math.ceil(fraction * len(ordered))))
    return ordered[rank - 1]


def delay_summary(delays):
    """p50/p95/max of delays in seconds, as one phrase."""
    return (f"p50 {percentile(delays, 0.5):.2f} s, p95 {percentile(delays, 0.95):.2f} s, "
            f"max {max(delays, default=float('nan')):.2f} s")


# --- the arkisto binary ---------------------------------------------------------------------------

class Arkisto:
    """One archive and the binary that works on it."""

    def __init__(self, binary, archive):
        self.binary = binary
        self.archive = archive

    def run(self, *arguments, check=True):
        """Runs `arkisto ARGUMENTS --archive A` and returns its standard output."""
        command = [self.binary, *arguments, "--archive", self.archive]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if check and done.returncode != 0:
            raise RuntimeError(f"{' '.join(command)} exited {done.returncode}: {done.stderr.strip()}")
        return done.stdout

    def add_source(self, kind, name, *arguments):
        self.run("sources", "add", kind, name, *arguments)

    def fingerprint(self):
        return json.loads(self.run("import", "fingerprint"))

    def search_refs(self, query):
        """The source references of every interaction `arkisto search` finds for `query`."""
        found = json.loads(self.run("search", "--json", "--all", query))
        return [result["source_ref"] for result in found["results"]]

    def watch(self, log_path):
        return Watch(self, log_path)


class Watch:
    """A running `arkisto watch`, its standard error in a log file."""

    def __init__(self, arkisto, log_path):
        self.arkisto = arkisto
        self.log_path = log_path
        self.process = None

    def start(self, ready_timeout=60):
        """Starts the process and waits until it says it is watching (it may first wait for the
        capture lock of a killed predecessor: the kernel has released it by then)."""
        log = open(self.log_path, "a", encoding="utf-8")
        log.write(f"--- start at {time.time():.3f}\n")
        log.flush()
        self.process = subprocess.Popen(
            [self.arkisto.binary, "watch", "--archive", self.arkisto.archive],
            stdout=log, stderr=log, stdin=subprocess.DEVNULL)
        log.close()
        deadline = time.monotonic() + ready_timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"arkisto watch exited {self.process.returncode} at start; see {self.log_path}")
            if self._log_mentions_start():
                return self
            time.sleep(0.05)
        raise RuntimeError(f"arkisto watch did not start within {ready_timeout} s; see {self.log_path}")

    def _log_mentions_start(self):
        with open(self.log_path, encoding="utf-8", errors="replace") as log:
            last_run = log.read().rsplit("--- start at", 1)[-1]
        return "arkisto: watching" in last_run

    @property
    def pid(self):
        return self.process.pid

    def running(self):
        return self.process is not None and self.process.poll() is None

    def stop(self, timeout=60):
        """SIGTERM, then waits: returns the exit status (None if it did not exit in time, and it
        is then killed)."""
        if not self.running():
            return self.process.returncode if self.process else None
        self.process.send_signal(signal.SIGTERM)
        try:
            return self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.kill()
            return None

    def kill(self):
        """SIGKILL, as a crash or an OOM killer would."""
        if self.running():
            self.process.kill()
            self.process.wait()

    def log(self):
        with open(self.log_path, encoding="utf-8", errors="replace") as log:
            return log.read()


# --- reading the archive while it is written -------------------------------------------------------

class ArchiveReader:
    """A read-only connection to the archive (WAL): what is committed, without blocking the writer."""

    def __init__(self, archive):
        self.archive = archive
        self.connection = None

    def rows(self, sql, parameters=()):
        """The query's rows ([] while the archive does not exist yet)."""
        if self.connection is None:
            if not os.path.exists(self.archive):
                return []
            # One thread at a time (an observer thread, then the test once it has joined).
            self.connection = sqlite3.connect(
                f"file:{self.archive}?mode=ro", uri=True, timeout=5, check_same_thread=False)
        return self.connection.execute(sql, parameters).fetchall()

    def close(self):
        if self.connection is not None:
            self.connection.close()
            self.connection = None


class ArrivalClock:
    """When each expected key (a unique word, a call's uniqueid) was handed over and when the
    archive first showed it."""

    def __init__(self):
        self.delivered = {}
        self.seen = {}

    def deliver(self, key, at):
        self.delivered[key] = at

    def see(self, keys):
        now = time.time()
        for key in keys:
            self.seen.setdefault(key, now)

    def missing(self):
        return sorted(set(self.delivered) - set(self.seen))

    def delays(self, keys=None):
        """Seconds from delivery to first sight, of every key seen (or of those among `keys`)."""
        chosen = self.delivered.keys() & self.seen.keys()
        if keys is not None:
            chosen &= set(keys)
        return [self.seen[key] - self.delivered[key] for key in chosen]


def words_in(text):
    """The words of `text`, stripped of punctuation."""
    return {word.strip(".,;:!?()<>\"'") for word in text.split()}


def observe(reader, clock, done, settle_seconds, interval=0.05):
    """Reads the archive every `interval` seconds, telling `clock` every word and source reference
    it shows, until `done` is set and every delivered key has been seen, or `settle_seconds` after
    `done`. New rows are read, and calls again each time (a transcript comes after its call)."""
    last_id = 0
    finished_at = None
    while True:
        try:
            rows = reader.rows(
                "SELECT id, source_ref, subject, body FROM interaction WHERE id > ? OR kind = 'call'", (last_id,))
        except sqlite3.OperationalError:
            rows = []  # busy for a moment (a WAL recovered after a kill -9, the schema being created)
        for row_id, reference, subject, body in rows:
            last_id = max(last_id, row_id)
            clock.see(words_in(subject + " " + body) | {reference})
        if done.is_set():
            finished_at = finished_at or time.monotonic()
            if not clock.missing() or time.monotonic() - finished_at > settle_seconds:
                return
        time.sleep(interval)


def count_keys(reader, keys):
    """How many interactions show each key (in subject, body or as their source reference)."""
    counts = dict.fromkeys(keys, 0)
    for reference, subject, body in reader.rows("SELECT source_ref, subject, body FROM interaction"):
        for key in (words_in(subject + " " + body) | {reference}) & counts.keys():
            counts[key] += 1
    return counts


def lost_or_twice(counts, label):
    """Problems of `counts` (key → interactions showing it): keys never archived, keys twice."""
    problems = []
    missing = sorted(key for key, count in counts.items() if count == 0)
    twice = sorted(key for key, count in counts.items() if count > 1)
    if missing:
        problems.append(f"{len(missing)} of {len(counts)} {label} never archived (e.g. {missing[:3]})")
    if twice:
        problems.append(f"{len(twice)} {label} archived more than once (e.g. {twice[:3]})")
    return problems


def verdict(label, summary, problems, watch=None):
    """Prints the test's one line, and the watch's log tail on failure; returns the exit status."""
    if problems:
        print(f"{label}: FAILED ({summary}): " + "; ".join(problems))
        if watch is not None:
            print(watch.log()[-3000:], file=sys.stderr)
        return 1
    print(f"{label}: passed ({summary})")
    return 0
