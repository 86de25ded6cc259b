"""The rate of an import over its input, from its progress output (tools/bench).

`arkisto import` prints a progress line every few seconds on standard error when it is not on a
terminal: "12000 messages (40%), 1520/s, …: 11990 archived, …". `run_with_progress` runs a command
under /usr/bin/time, reads those lines as they come and stamps each with the seconds since the
process started. `window_rates` turns the stamped counts into the rate over the first and the last
10 % of the input and their ratio (issue 14: the last at least 0.80 of the first).

The parser is tolerant: a line that is one JSON object with a count ("done", "total", "messages"
or "count") and optionally its own clock ("seconds" or "elapsed") is read as well, and so is any
line that starts with a count followed by the noun ("messages"); other lines (warnings, the OCR
pass's progress) are ignored.
"""
import json, re, subprocess, tempfile, threading, time

COUNT_KEYS = ("done", "total", "messages", "count")
CLOCK_KEYS = ("seconds", "elapsed")


def progress_point(arrived, text, noun="messages"):
    """(seconds, count) of one stderr line that arrived `arrived` seconds after the start, or None."""
    text = text.strip()
    if text.startswith("{"):
        try:
            value = json.loads(text)
        except ValueError:
            return None
        if not isinstance(value, dict):
            return None
        count = next((value[k] for k in COUNT_KEYS if isinstance(value.get(k), int)), None)
        clock = next((value[k] for k in CLOCK_KEYS if isinstance(value.get(k), (int, float))), None)
        return None if count is None else (float(clock) if clock is not None else arrived, count)
    match = re.match(r"(\d+)\s+" + re.escape(noun) + r"\b", text)
    return (arrived, int(match.group(1))) if match else None


def progress_points(lines, noun="messages"):
    """The (seconds, count) points of stamped lines, in time order, counts never going back."""
    points = []
    for arrived, text in lines:
        point = progress_point(arrived, text, noun)
        if point and (not points or (point[0] >= points[-1][0] and point[1] >= points[-1][1])):
            points.append(point)
    return points


def time_at(points, count):
    """The moment the count reached `count`, interpolated linearly between the points."""
    for (t0, n0), (t1, n1) in zip(points, points[1:]):
        if n0 <= count <= n1:
            return t1 if n1 == n0 else t0 + (t1 - t0) * (count - n0) / (n1 - n0)
    return None


def startup_seconds(measured):
    """When the import began archiving: the first two progress points' line drawn back to a count
    of 0 (clamped to the process start and the first point); 0 with fewer than two points."""
    if len(measured) < 2:
        return 0.0
    (t1, n1), (t2, n2) = measured[0], measured[1]
    if n2 <= n1 or t2 <= t1:
        return 0.0
    return min(max(t1 - n1 * (t2 - t1) / (n2 - n1), 0.0), t1)


def window_rates(lines, total, end_seconds, noun="messages"):
    """The rates (messages/s) over the first and the last tenth of `total` items, from stamped
    progress lines. The curve starts when the first message was done (`startup_seconds`: the
    process start, the opening of the archive and the run's plan of its files do not count in the
    first window) and ends at (end_seconds, total), the import's own end, which includes the
    classification after the load: it counts in the last window (stricter, not kinder). Also the
    rate in each tenth, and how many progress points the estimate rests on (`resolved` is False
    when a window's inner edge is not between two of them)."""
    measured = [p for p in progress_points(lines, noun) if p[0] < end_seconds and p[1] <= total]
    startup = startup_seconds(measured)
    points = [(startup, 0)] + measured + [(end_seconds, total)]
    result = {"points": len(measured), "end_seconds": end_seconds, "total": total, "startup_seconds": startup,
              "curve": [[round(t, 2), n] for t, n in points]}
    if total <= 0 or end_seconds <= startup:
        return result
    marks = [time_at(points, total * k / 10) for k in range(11)]
    deciles = [total / 10 / (b - a) if a is not None and b is not None and b > a else None
               for a, b in zip(marks, marks[1:])]
    first_end, last_start = marks[1], marks[9]
    first = total / 10 / (first_end - startup) if first_end and first_end > startup else None
    last = total / 10 / (end_seconds - last_start) if last_start is not None and end_seconds > last_start else None
    result.update({
        "overall": total / end_seconds, "first": first, "last": last,
        "ratio": last / first if first and last else None, "deciles": deciles,
        "resolved": resolved(measured, first_end, last_start),
    })
    return result


def resolved(measured, first_end, last_start):
    """Whether both windows' inner edges lie between two measured points (not on a line drawn
    from the start or to the end): a progress point at or before the end of the first window, and
    one at or after the start of the last."""
    if first_end is None or last_start is None:
        return False
    return any(t <= first_end for t, _ in measured) and any(t >= last_start for t, _ in measured)


def run_with_progress(command, env=None):
    """Runs `command` under /usr/bin/time with stderr read line by line and stamped. Returns
    (seconds, peak RSS in MiB, stdout, [(seconds, line)], return code)."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as report, tempfile.TemporaryFile("w+") as out:
        started = time.monotonic()
        process = subprocess.Popen(["/usr/bin/time", "-o", report.name, "-f", "%M"] + command,
                                   stdout=out, stderr=subprocess.PIPE, text=True, env=env)
        lines = []

        def read():
            for line in process.stderr:
                lines.append((time.monotonic() - started, line.rstrip("\n")))

        reader = threading.Thread(target=read)
        reader.start()
        process.wait()
        reader.join()
        seconds = time.monotonic() - started
        out.seek(0)
        stdout = out.read()
        rss = [l for l in open(report.name).read().split("\n") if l.strip()]
        peak = int(rss[-1]) / 1024 if rss and rss[-1].strip().isdigit() else None
        return seconds, peak, stdout, lines, process.returncode


SUMMARY_FIELDS = {"archived": r"archived:\s+(\d+)", "already_present": r"already present:\s+(\d+)",
                  "quarantined": r"quarantined:\s+(\d+)", "seconds": r"^Imported \d+ \S+ in ([\d.]+) s"}


def summary_of(stdout):
    """The counts and seconds of `arkisto import`'s text summary (what it prints without --json)."""
    found = {}
    for key, pattern in SUMMARY_FIELDS.items():
        match = re.search(pattern, stdout, re.M)
        if match:
            found[key] = float(match.group(1)) if key == "seconds" else int(match.group(1))
    return found
