"""What tools/bench reads from an archive it made: counts, the customers it erases, the calls of the
oldest year, and the identifiers to look for in the file's bytes afterwards.

Read-only SQL on the archive file (Python's sqlite3, `mode=ro`), run while no Arkisto process
writes to it; nothing here changes an archive.
"""
import datetime, os, sqlite3, subprocess

# Identifier kinds stored as written in the messages (a personal identity code is stored hashed).
CLEAR_KINDS = ("email", "phone", "customer_number", "business_id")


def connect(archive):
    return sqlite3.connect(f"file:{os.path.abspath(archive)}?mode=ro", uri=True)


def facts(archive):
    """Interactions (in all and by kind), customers, the customer with the most interactions and a
    typical one (the median count), and the day of the oldest call."""
    with connect(archive) as db:
        by_kind = dict(db.execute("SELECT kind, count(*) FROM interaction GROUP BY kind"))
        counts = db.execute("""
            SELECT c.source_id, count(ic.interaction_id) AS n FROM customer c
            LEFT JOIN interaction_customer ic ON ic.customer_id = c.id
            GROUP BY c.id ORDER BY n DESC, c.source_id""").fetchall()
        oldest_call = db.execute("SELECT min(occurred_at) FROM interaction WHERE kind = 'call'").fetchone()[0]
    result = {"interactions": sum(by_kind.values()), "by_kind": by_kind, "customers": len(counts),
              "oldest_call": oldest_call}
    if counts:
        result["most_interactions"] = {"customer": counts[0][0], "interactions": counts[0][1]}
        median = counts[len(counts) // 2]
        result["typical"] = {"customer": median[0], "interactions": median[1]}
    return result


def own_identifiers(archive, source_id):
    """The customer's identifiers in clear (values and the forms they were written in) that no
    other customer of the register holds: after an erasure, none may be left in the file."""
    with connect(archive) as db:
        rows = db.execute(f"""
            SELECT ci.value, ci.written FROM customer_identifier ci JOIN customer c ON c.id = ci.customer_id
            WHERE c.source_id = ? AND ci.kind IN ({','.join('?' * len(CLEAR_KINDS))})
              AND NOT EXISTS (SELECT 1 FROM customer_identifier o
                              WHERE o.kind = ci.kind AND o.value = ci.value AND o.customer_id <> ci.customer_id)
            """, (source_id, *CLEAR_KINDS)).fetchall()
    return sorted({text for row in rows for text in row if text and len(text) >= 6})


def call_references_before(archive, cutoff, limit=50):
    """References (Asterisk's uniqueid) of up to `limit` calls that occurred before `cutoff` (an
    ISO timestamp), spread over them: they are looked for in the file after retention."""
    with connect(archive) as db:
        refs = [r for (r,) in db.execute(
            "SELECT source_ref FROM interaction WHERE kind = 'call' AND occurred_at < ? ORDER BY id", (cutoff,))]
    step = max(len(refs) // limit, 1)
    return refs[::step][:limit]


def one_year_of_calls(oldest_call, today=None):
    """The retention period (whole days) that removes the calls of the archive's oldest year, and
    the cutoff it means: the same day a year after the oldest call's, at today's time of day (UTC:
    `retention apply --older-than Nd` counts back from now)."""
    today = today or datetime.datetime.now(datetime.timezone.utc)
    oldest = datetime.date.fromisoformat(oldest_call[:10])
    cutoff_day = oldest.replace(year=oldest.year + 1, day=min(oldest.day, 28) if oldest.month == 2 else oldest.day)
    days = (today.date() - cutoff_day).days
    cutoff = datetime.datetime.combine(cutoff_day, today.time(), tzinfo=datetime.timezone.utc)
    return days, cutoff.strftime("%Y-%m-%dT%H:%M:%SZ")


def traces(paths, needles):
    """How often each needle occurs in the bytes of the files (grep -F over the raw bytes, as the
    erasure tests scan the file): {needle: count} for the needles found."""
    needles = [n for n in needles if n]
    files = [p for p in paths if os.path.exists(p) and os.path.getsize(p) > 0]
    if not needles or not files:
        return {}
    result = subprocess.run(["grep", "-a", "-o", "-h", "-F", "-e", "\n".join(needles), *files],
                            stdout=subprocess.PIPE, check=False)
    if result.returncode not in (0, 1):
        raise RuntimeError(f"grep failed ({result.returncode}) over {files}")
    found = {}
    for line in result.stdout.decode("utf-8", "replace").splitlines():
        found[line] = found.get(line, 0) + 1
    return found
