"""What each feed writes, and when: deterministic scripts for a seed, played in real time by the
capture tests. Each script's `events()` are (seconds from start, action, index); `apply(action,
index)` writes that event's files and returns the keys the archive must then show: the unique words
of mail, transcripts and ticket comments, and the uniqueid of each call record.
"""

import os
import threading
import time

import feeds


class MailScript:
    """Messages delivered into a Maildir at varied intervals, with a few bursts of 25 at once."""

    def __init__(self, folder, count, seed, start=0.5, mean_pause=0.15, bursts=0):
        self.maildir = feeds.Maildir(folder)
        self.seed = seed
        generator = feeds.Tokens("mq", seed)
        self.words = [generator.next() for _ in range(count)]
        pauses = feeds.delivery_pauses(count, seed, mean=mean_pause)
        for burst in range(bursts):
            first = (burst + 1) * count // (bursts + 1)
            pauses[first:first + 25] = [0.0] * len(pauses[first:first + 25])
        self.moments = []
        moment = start
        for pause in pauses:
            moment += pause
            self.moments.append(moment)

    def events(self):
        return [(moment, "mail", index) for index, moment in enumerate(self.moments)]

    def apply(self, action, index):
        word = self.words[index]
        self.maildir.deliver(f"17567{index:05d}.M{index}P{self.seed}.capturetest",
                             feeds.mail_message(index, word, self.seed))
        return [word]

    def expected(self):
        return list(self.words)


class CallScript:
    """Asterisk's records appended as calls end (a recorded call's WAV first), the file rotated
    once half-way, transcripts written 2 s after their calls."""

    def __init__(self, folder, count, seed, start=0.5, mean_pause=0.4):
        self.feed = feeds.CallFeed(folder)
        self.calls = [feeds.CallFeed.call(index, seed, feeds.is_recorded_call(index)) for index in range(count)]
        generator = feeds.Tokens("cq", seed)
        self.words = {index: generator.next() for index in range(count) if feeds.is_transcribed_call(index)}
        self.timeline = feeds.call_timeline(count, seed, start=start, mean_pause=mean_pause)

    def events(self):
        return list(self.timeline)

    def apply(self, action, index):
        unique_id, line = self.calls[index]
        if action == "call":
            if feeds.is_recorded_call(index):
                self.feed.write_recording(unique_id)
            self.feed.append(line)
            return [unique_id]
        if action == "transcript":
            self.feed.write_transcript(unique_id, self.words[index])
            return [self.words[index]]
        self.feed.rotate()
        return []

    def expected(self):
        return [unique_id for unique_id, _ in self.calls] + list(self.words.values())


class HelpdeskScript:
    """A helpdesk exporting every `spacing` seconds: export k holds two new tickets with two
    comments each and, from the third export on, the ticket first exported two exports earlier
    again with two more comments; a second later one more ticket is appended to the same file
    (a grown file)."""

    def __init__(self, folder, exports, seed, start=1.0, spacing=3.0):
        self.feed = feeds.HelpdeskFeed(folder)
        self.exports = exports
        self.start = start
        self.spacing = spacing
        # What each export holds: (ticket id, how many of its comments).
        self.plan = {}
        for export in range(exports):
            self.plan[export] = [(800_000 + 2 * export, 2), (800_001 + 2 * export, 2)]
            if export >= 2:
                self.plan[export].append((800_000 + 2 * (export - 2), 4))
        generator = feeds.Tokens("hq", seed)
        self.comments = {}
        for export in range(exports):
            for ticket_id, count in self.plan[export] + [(900_000 + export, 1)]:
                words = self.comments.setdefault(ticket_id, [])
                words += [generator.next() for _ in range(count - len(words))]

    def events(self):
        events = []
        for export in range(self.exports):
            moment = self.start + export * self.spacing
            events += [(moment, "export", export), (moment + 1.0, "grow", export)]
        return events

    def apply(self, action, index):
        name = f"export-{index:03d}.jsonl"
        if action == "grow":
            words = self.comments[900_000 + index]
            self.feed.append(name, feeds.HelpdeskFeed.ticket(900_000 + index, words))
            return list(words)
        versions = {ticket_id: self.comments[ticket_id][:count] for ticket_id, count in self.plan[index]}
        self.feed.export(name, [feeds.HelpdeskFeed.ticket(ticket_id, words) for ticket_id, words in versions.items()])
        return [word for words in versions.values() for word in words]

    def expected(self):
        return [word for words in self.comments.values() for word in words]


def play(scripts, clock, done, speed=1.0):
    """Plays the scripts' events together in real time (divided by `speed`) on a thread of its own;
    each key an event makes expected is handed to `clock`. Sets `done` at the end."""
    events = sorted((moment, order, action, index)
                    for order, script in enumerate(scripts)
                    for moment, action, index in script.events())

    def run():
        started = time.monotonic()
        for moment, order, action, index in events:
            time.sleep(max(0.0, moment / speed - (time.monotonic() - started)))
            at = time.time()
            for key in scripts[order].apply(action, index):
                clock.deliver(key, at)
        done.set()

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread


def duration(scripts):
    """When the last event of the scripts happens, in seconds from the start."""
    return max((moment for script in scripts for moment, _, _ in script.events()), default=0.0)


def folders(root):
    """Where each feed writes inside `root`."""
    return {
        "maildir": os.path.join(root, "Maildir"),
        "calls": os.path.join(root, "asterisk"),
        "helpdesk": os.path.join(root, "helpdesk"),
    }
