"""Erasure, retention and the inspection report, timed (tools/bench; issue 14's targets: erase one
customer <= 5 s, retention of one year's calls <= 60 s).

On ONE copy of the bench's archive, in this order: `arkisto erase` of the customer with the most
interactions, then of a typical one (the median count), then `arkisto retention apply --kind call`
with the period that removes the calls of the oldest year. After each, the file and its -wal are
scanned for what must be gone (grep -F over the raw bytes, as the erasure tests do): the erased
customer's own identifiers in clear (e-mail addresses, phone numbers as stored and as written,
customer numbers, business ids that no other customer holds), and for retention the references
of up to 50 removed calls. The copy is deleted afterwards. A step that fails is recorded with its
error and the next one runs.

`inspection_report` opens an inspection case for the customer with the most interactions and
writes its report (`arkisto inspection open`, `arkisto inspection report --json`) on the archive
it is given: run it after the copy is made, since erasure is refused while a case is open.
"""
import json, os, shutil, subprocess, tempfile

import bench_archive

REASON = "tools/bench: timed on a copy"


def erase(arkisto, archive, customer, timed):
    identifiers = bench_archive.own_identifiers(archive, customer)
    seconds, rss, out = timed([arkisto, "erase", "--archive", archive, "--customer", customer,
                               "--reason", REASON, "--actor", "bench", "--json"])
    left = bench_archive.traces([archive, archive + "-wal"], identifiers)
    return {"customer": customer, "seconds": seconds, "peak_rss_mib": rss, "outcome": json.loads(out),
            "identifiers_scanned": len(identifiers), "identifiers_left": left}


def retention(arkisto, archive, oldest_call, timed):
    days, cutoff = bench_archive.one_year_of_calls(oldest_call)
    refs = bench_archive.call_references_before(archive, cutoff)
    seconds, rss, out = timed([arkisto, "retention", "apply", "--archive", archive, "--older-than", f"{days}d",
                               "--kind", "call", "--actor", "bench", "--json"])
    left = bench_archive.traces([archive, archive + "-wal"], refs)
    return {"older_than": f"{days}d", "cutoff": cutoff, "seconds": seconds, "peak_rss_mib": rss,
            "outcome": json.loads(out), "references_scanned": len(refs), "references_left": left}


def attempt(step, log, what):
    """Runs one step; a command that fails (tools/bench's `timed` exits with its stderr) is
    recorded as the step's error and the run goes on to the next one."""
    try:
        return step()
    except SystemExit as failure:
        log(f"{what} failed: {failure}")
        return {"error": str(failure)[-1000:]}


def measure(arkisto, archive, facts, work, label, timed, copy_archive, log):
    """Erasures and retention on one copy of `archive` (see the module's text)."""
    needed = sum(os.path.getsize(archive + s) for s in ("", "-wal") if os.path.exists(archive + s))
    free = shutil.disk_usage(work).free
    if free < needed * 1.2 + (1 << 30):
        log(f"{label}: {free >> 20} MiB free in {work}, the copy needs {needed >> 20} MiB: no erasure or retention")
        return {"copy": {"error": f"not enough disk for a copy of the archive ({free >> 20} MiB free, "
                                  f"{needed >> 20} MiB needed and a margin)"}}
    folder = tempfile.mkdtemp(prefix=f"privacy-{label}-", dir=work)
    try:
        log(f"{label}: copying the archive for erasure and retention")
        copy = copy_archive(archive, folder)
        result = {}
        for key in ("most_interactions", "typical"):
            if key in facts:
                customer = facts[key]["customer"]
                log(f"{label}: arkisto erase --customer {customer} ({facts[key]['interactions']} interactions) on the copy")
                result[f"erase_{key}"] = dict(attempt(lambda: erase(arkisto, copy, customer, timed), log, "erase"),
                                              interactions=facts[key]["interactions"], customer=customer)
        if facts.get("oldest_call"):
            log(f"{label}: arkisto retention apply --kind call (the oldest year's calls) on the copy")
            result["retention_calls"] = attempt(lambda: retention(arkisto, copy, facts["oldest_call"], timed), log,
                                                "retention")
        return result
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def inspection_report(arkisto, archive, customer, work, label, timed):
    """An inspection report of `customer` written from `archive` (a case is opened in it)."""
    opened = subprocess.run([arkisto, "inspection", "open", "--archive", archive, "--customer", customer,
                             "--channel", "email", "--note", REASON, "--actor", "bench", "--json"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if opened.returncode != 0:
        return {"customer": customer, "error": opened.stderr.strip()[-500:]}
    case = json.loads(opened.stdout)["id"]
    out = os.path.join(work, f"inspection-{label}-{case}")
    try:
        seconds, rss, printed = timed([arkisto, "inspection", "report", str(case), "--archive", archive,
                                       "--out", out, "--actor", "bench", "--json"])
    except SystemExit as failure:
        return {"customer": customer, "case": case, "error": str(failure)[-1000:]}
    summary = json.loads(printed)
    shutil.rmtree(out, ignore_errors=True)
    return {"customer": customer, "case": case, "seconds": seconds, "peak_rss_mib": rss, "summary": summary}
