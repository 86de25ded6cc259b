"""Shared pieces of the capture tests (maildir-test, cdr-test, kill-test, idle-check).

The tests drive a real `arkisto watch` process: feed writers deliver mail into a Maildir the way an
MDA does (tmp/ then a rename into new/), append Asterisk CDR records to Master.csv the way Asterisk
does, rotate it the way logrotate does, and drop helpdesk export files into a folder; the archive is
read read-only with Python's sqlite3 (WAL: the reader never blocks the writer) to see when each item
became searchable. Everything is deterministic for a seed, so two runs can be compared by the
archive's fingerprint (`arkisto import fingerprint`).
"""

import argparse
import contextlib
import json
import os
import random
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
            subprocess.run(["rm", "-rf", folder], check=False)


def run_test(label, main):
    """Runs a test's `main` (which prints its own pass or fail line and returns the exit status);
    an unexpected error still ends in one clear "LABEL: FAILED" line and exit status 1."""
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
    rank = max(1, min(len(ordered), int(-(-fraction * len(ordered) // 1))))
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
        """The query's rows; [] while the archive does not exist yet or is busy for a moment."""
        try:
            if self.connection is None:
                if not os.path.exists(self.archive):
                    return []
                self.connection = sqlite3.connect(f"file:{self.archive}?mode=ro", uri=True, timeout=1)
            return self.connection.execute(sql, parameters).fetchall()
        except sqlite3.OperationalError:
            return []

    def close(self):
        if self.connection is not None:
            self.connection.close()
            self.connection = None


class ArrivalClock:
    """When each expected token was handed over and when it was first seen in the archive."""

    def __init__(self):
        self.delivered = {}
        self.seen = {}

    def deliver(self, token):
        self.delivered[token] = time.time()

    def see(self, tokens):
        now = time.time()
        for token in tokens:
            if token in self.delivered and token not in self.seen:
                self.seen[token] = now

    def missing(self):
        return sorted(set(self.delivered) - set(self.seen))

    def delays(self):
        return [self.seen[token] - self.delivered[token] for token in self.seen]


def tokens_in(text, prefix):
    """The words of `text` that start with the tokens' prefix."""
    return {word.strip(".,;:!?()<>\"'") for word in text.split() if word.startswith(prefix)}


# --- generated content ------------------------------------------------------------------------------

TOKEN_LETTERS = "bcdfghjklmnpqrstvwxz"


class Tokens:
    """Unique, made-up words (consonants only, so no Finnish ending is stripped from them), each
    starting with `prefix`, from a seeded generator."""

    def __init__(self, prefix, seed):
        self.prefix = prefix
        self.random = random.Random(seed)
        self.used = set()

    def next(self):
        while True:
            token = self.prefix + "".join(self.random.choice(TOKEN_LETTERS) for _ in range(8))
            if token not in self.used:
                self.used.add(token)
                return token


def mail_message(index, token, seed):
    """An RFC 5322 message from a customer whose subject and body hold `token`; its date and
    Message-ID follow from the index and seed alone."""
    day = 1 + index % 28
    minute = index % 60
    customer = index % 17
    return (
        f"From: Asiakas {customer} <asiakas{customer}@example.fi>\r\n"
        f"To: Asiakaspalvelu <asiakaspalvelu@esimerkkiverkko.fi>\r\n"
        f"Subject: Kysymys tilauksesta {token}\r\n"
        f"Date: Mon, {day:02d} Sep 2025 10:{minute:02d}:00 +0300\r\n"
        f"Message-ID: <capture-{seed}-{index}@example.fi>\r\n"
        f"MIME-Version: 1.0\r\n"
        f"Content-Type: text/plain; charset=utf-8\r\n"
        f"Content-Transfer-Encoding: 8bit\r\n"
        f"\r\n"
        f"Hei,\r\n\r\nhaluaisin tietää, milloin tilaukseni {token} toimitetaan. Laskussa on "
        f"myös maksu, jota en tunnista.\r\n\r\nYstävällisin terveisin\r\nAsiakas {customer}\r\n"
    ).encode("utf-8")


class Maildir:
    """A Maildir written as an MDA writes it: the whole file in tmp/, then renamed into new/."""

    def __init__(self, folder):
        self.folder = folder
        for sub in ("tmp", "new", "cur"):
            os.makedirs(os.path.join(folder, sub), exist_ok=True)

    def deliver(self, name, message):
        staged = os.path.join(self.folder, "tmp", name)
        with open(staged, "wb") as file:
            file.write(message)
            file.flush()
            os.fsync(file.fileno())
        os.rename(staged, os.path.join(self.folder, "new", name))


def delivery_pauses(count, seed, mean=0.15):
    """Seconds to wait before each delivery: bursts (no wait), short gaps, and a few long quiet
    spells, so both a storm of inotify events and a wake-up from idle are measured."""
    generator = random.Random(seed)
    pauses = []
    for _ in range(count):
        kind = generator.random()
        if kind < 0.3:
            pauses.append(0.0)
        elif kind < 0.95:
            pauses.append(generator.uniform(0.02, 2 * mean))
        else:
            pauses.append(generator.uniform(1.5, 3.0))
    return pauses


# --- Asterisk CDR ---------------------------------------------------------------------------------

def csv_field(value):
    return '"' + value.replace('"', '""') + '"'


class CallFeed:
    """Asterisk's CDR folder: Master.csv, recordings/ and transcripts/ as Asterisk and a later
    transcription job write them."""

    def __init__(self, folder):
        self.folder = folder
        self.master = os.path.join(folder, "Master.csv")
        self.recordings = os.path.join(folder, "recordings")
        self.transcripts = os.path.join(folder, "transcripts")
        os.makedirs(self.recordings, exist_ok=True)
        os.makedirs(self.transcripts, exist_ok=True)
        open(self.master, "ab").close()

    @staticmethod
    def call(index, seed, recorded):
        """The CDR record of call `index`: its uniqueid and its line in Master.csv column order."""
        start = 1_756_713_600 + index * 97 + seed  # September 2025, deterministic
        unique_id = f"{start}.{index}"
        inbound = index % 4 != 3
        caller = f"04000{index % 100:05d}"
        talk = 30 + index % 240
        when = time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(start))
        answer = time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(start + 8))
        end = time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(start + 8 + talk))
        media = f"rec-{unique_id}.wav" if recorded else ""
        if inbound:
            fields = ["", caller, "0900000000", "from-external", f'"Asiakas {index}" <{caller}>',
                      f"SIP/trunk-{index:08d}", f"SIP/210-{index:08d}", "Dial", "SIP/210,30"]
        else:
            fields = ["", "201", caller, "from-internal", "<201>", f"SIP/201-{index:08d}",
                      f"SIP/trunk-{index:08d}", "Dial", f"SIP/trunk/{caller},30"]
        fields += [when, answer, end, str(talk + 8), str(talk), "ANSWERED", "DOCUMENTATION", unique_id, media]
        return unique_id, ",".join(csv_field(field) for field in fields) + "\n"

    def append(self, line):
        """Appends one record the way Asterisk does: open for append, write the line, close."""
        with open(self.master, "a", encoding="utf-8") as file:
            file.write(line)

    def rotate(self):
        """logrotate without copytruncate: Master.csv becomes Master.csv.1, a new empty
        Master.csv takes its place (Asterisk reopens the name on its next record)."""
        os.replace(self.master, self.master + ".1")
        open(self.master, "ab").close()

    def write_recording(self, unique_id, seconds=0.5):
        """A silent 8 kHz mono 16-bit PCM WAV, as MixMonitor leaves it at hang-up."""
        samples = int(8000 * seconds)
        data = b"\x00\x00" * samples
        header = (b"RIFF" + (36 + len(data)).to_bytes(4, "little") + b"WAVEfmt "
                  + (16).to_bytes(4, "little") + (1).to_bytes(2, "little") + (1).to_bytes(2, "little")
                  + (8000).to_bytes(4, "little") + (16000).to_bytes(4, "little")
                  + (2).to_bytes(2, "little") + (16).to_bytes(2, "little")
                  + b"data" + len(data).to_bytes(4, "little"))
        write_whole(os.path.join(self.recordings, f"rec-{unique_id}.wav"), header + data)

    def write_transcript(self, unique_id, token):
        """The WebVTT transcript of the call, naming `token`, in which the customer makes a
        complaint; written whole under a temporary name and renamed, as a transcription job should."""
        text = (
            "WEBVTT\n\n1\n00:00:00.000 --> 00:00:04.000\n"
            "<v Asiakaspalvelija>Esimerkkiverkko Oy, asiakaspalvelu, miten voin auttaa?\n\n"
            "2\n00:00:04.000 --> 00:00:10.000\n"
            f"<v Asiakas>Hei, soitan tilauksesta {token}. Haluan tehdä reklamaation laskusta.\n"
        )
        write_whole(os.path.join(self.transcripts, f"rec-{unique_id}.vtt"), text.encode("utf-8"))


def write_whole(path, data):
    """Writes `data` under a hidden temporary name and renames it into place."""
    folder, name = os.path.split(path)
    staged = os.path.join(folder, f".{name}.part")
    with open(staged, "wb") as file:
        file.write(data)
    os.rename(staged, path)


# --- helpdesk exports ------------------------------------------------------------------------------

class HelpdeskFeed:
    """A folder the helpdesk writes JSON Lines exports into, each written whole and renamed."""

    def __init__(self, folder):
        self.folder = folder
        os.makedirs(folder, exist_ok=True)

    @staticmethod
    def ticket(ticket_id, tokens):
        """A ticket whose comments name `tokens`, one comment each (customer, agent, customer...)."""
        comments = []
        for number, token in enumerate(tokens):
            customer = number % 2 == 0
            author = ({"name": f"Asiakas {ticket_id}", "email": f"asiakas{ticket_id}@example.fi", "role": "end-user"}
                      if customer else
                      {"name": "Jukka Laine", "email": "asiakaspalvelu@esimerkkiverkko.fi", "role": "agent"})
            comments.append({
                "author": author, "public": True,
                "created_at": f"2025-09-{1 + number % 28:02d}T10:{number % 60:02d}:00+03:00",
                "body": f"Viesti {number + 1} tiketistä {ticket_id}: tilaus {token}, lasku ja maksu.",
                "attachments": [],
            })
        return {
            "id": ticket_id, "created_at": "2025-09-01T09:00:00+03:00", "updated_at": comments[-1]["created_at"],
            "status": "open", "priority": "normal", "subject": f"Tilaus {tokens[0]}",
            "requester": {"name": f"Asiakas {ticket_id}", "email": f"asiakas{ticket_id}@example.fi", "phone": None},
            "tags": ["tilaus"], "channel": "web", "comments": comments,
        }

    def export(self, name, tickets):
        lines = "".join(json.dumps(ticket, ensure_ascii=False) + "\n" for ticket in tickets)
        write_whole(os.path.join(self.folder, name), lines.encode("utf-8"))
