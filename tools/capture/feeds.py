"""Feed writers of the capture tests: a Maildir filled as an MDA fills it (tmp/, then a rename into
new/), Asterisk's Master.csv appended to as Asterisk does and rotated as logrotate does, WebVTT
transcripts that appear after their calls, and a folder of helpdesk exports (JSON Lines). Everything
is deterministic for a seed, so two runs over the same input can be compared by the archive's
fingerprint (`arkisto import fingerprint`).
"""

import json
import os
import random
import time

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
    """An RFC 5322 message whose subject and body hold `token`; its date and Message-ID follow from
    the index and seed alone. Every fifth message is customer service's answer to the one before
    (In-Reply-To, References; it does not quote it), so threads are built across deliveries."""
    day = 1 + index % 28
    minute = index % 60
    customer = index % 17
    message_id = f"capture-{seed}-{index}@example.fi"
    customer_address = f"Asiakas {customer} <asiakas{customer}@example.fi>"
    service_address = "Asiakaspalvelu <asiakaspalvelu@esimerkkiverkko.fi>"
    if index % 5 == 4:
        parent = f"<capture-{seed}-{index - 1}@example.fi>"
        sender, recipient = service_address, f"Asiakas {(index - 1) % 17} <asiakas{(index - 1) % 17}@example.fi>"
        threading = f"In-Reply-To: {parent}\r\nReferences: {parent}\r\n"
        subject = f"Re: Kysymys tilauksesta, vastaus {token}"
        text = f"Hei,\r\n\r\ntilauksenne {token} on toimitettu.\r\n\r\nYstävällisin terveisin\r\nAsiakaspalvelu\r\n"
    else:
        sender, recipient, threading = customer_address, service_address, ""
        subject = f"Kysymys tilauksesta {token}"
        text = (f"Hei,\r\n\r\nhaluaisin tietää, milloin tilaukseni {token} toimitetaan. Laskussa on "
                f"myös maksu, jota en tunnista.\r\n\r\nYstävällisin terveisin\r\nAsiakas {customer}\r\n")
    return (
        f"From: {sender}\r\nTo: {recipient}\r\nSubject: {subject}\r\n"
        f"Date: {day:02d} Sep 2025 10:{minute:02d}:00 +0300\r\nMessage-ID: <{message_id}>\r\n{threading}"
        f"MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n"
        f"\r\n{text}"
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

def is_recorded_call(index):
    """Two calls in three are recorded."""
    return index % 3 != 2


def is_transcribed_call(index):
    """Most recorded calls get a transcript later; some never do."""
    return is_recorded_call(index) and index % 5 != 4


TRANSCRIPT_LAG = 2.0


def call_timeline(count, seed, start=0.5, mean_pause=0.4):
    """(seconds from start, action, call index) for a CDR feed: every call ("call"), its
    transcript 2 s later when it has one ("transcript"), and the rotation half-way ("rotate",
    0.5 s after the middle call's record)."""
    events = []
    moment = start
    for index, pause in enumerate(delivery_pauses(count, seed, mean=mean_pause)):
        moment += pause
        events.append((moment, "call", index))
        if is_transcribed_call(index):
            events.append((moment + TRANSCRIPT_LAG, "transcript", index))
        if index == count // 2:
            events.append((moment + 0.5, "rotate", index))
    return events


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
            "status": "open", "priority": "normal", "subject": f"Tilaus numero {ticket_id}",
            "requester": {"name": f"Asiakas {ticket_id}", "email": f"asiakas{ticket_id}@example.fi", "phone": None},
            "tags": ["tilaus"], "channel": "web", "comments": comments,
        }

    def export(self, name, tickets):
        """A new export file, written whole and renamed into the folder."""
        lines = "".join(json.dumps(ticket, ensure_ascii=False) + "\n" for ticket in tickets)
        write_whole(os.path.join(self.folder, name), lines.encode("utf-8"))

    def append(self, name, ticket):
        """One more ticket at the end of an export file, its line written in one write."""
        with open(os.path.join(self.folder, name), "ab") as file:
            file.write((json.dumps(ticket, ensure_ascii=False) + "\n").encode("utf-8"))
