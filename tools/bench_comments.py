"""`tools/bench --only comments`: the import time of one helpdesk ticket against its number of comments.

For each size (default 1,000 / 10,000 / 100,000 comments) a JSON Lines file of one ticket is
written, its comments alternating between the requester and an agent as a long business ticket
does, each with a few words and the requester's address in the ticket, and imported into a new
archive with `arkisto import helpdesk --max-comments SIZE` (so that the cap does not cut it). A
ticket of one comment is imported the same way first: its time (process start, schema, one
write) is the fixed cost subtracted for the "net" figures. Printed per size: seconds, net seconds,
comments/s; per step: how the time per comment grows per doubling of the comment count,
(t2/t1)^(1/log2(n2/n1)) / 2, which is 1.0 for linear cost and 2.0 for quadratic; the target is at
most 1.5.
"""
import json, math, os, subprocess, time

COMMENT_WORDS = ["lasku", "liittymä", "hyvitys", "toimitus", "reklamaatio", "sopimus", "maksu", "yhteys"]


def ticket_line(comments):
    requester = {"name": "Aino Mäkelä", "email": "aino.makela@posti.example"}
    agent = {"name": "Mikko Laine", "email": "tuki@esimerkkiverkko.example", "role": "agent"}
    items = []
    for number in range(comments):
        author = dict(requester, role="end-user") if number % 2 == 0 else agent
        words = " ".join(COMMENT_WORDS[(number + k) % len(COMMENT_WORDS)] for k in range(6))
        items.append({"author": author, "public": True,
                      "created_at": 1_736_838_720 + 60 * number, "body": f"Viesti {number + 1}: {words}."})
    return json.dumps({"id": f"T{comments}", "subject": "Pitkä asiakassuhde", "requester": requester,
                       "created_at": 1_736_838_720, "comments": items}, ensure_ascii=False)


def import_seconds(arkisto, work, comments):
    path = os.path.join(work, f"ticket-{comments}.jsonl")
    with open(path, "w") as f:
        f.write(ticket_line(comments) + "\n")
    archive = os.path.join(work, f"comments-{comments}.sqlite")
    for suffix in ("", "-wal", "-shm", ".pidkey"):
        if os.path.exists(archive + suffix):
            os.remove(archive + suffix)
    started = time.monotonic()
    result = subprocess.run(
        [arkisto, "import", "helpdesk", "--archive", archive, "--quiet", "--json", "--max-comments", str(comments), path],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    seconds = time.monotonic() - started
    if result.returncode != 0:
        raise SystemExit(f"import of {comments} comments failed: {result.stderr}")
    summary = json.loads(result.stdout)
    if summary["archived"] != 1 or summary["quarantined"] != 0:
        raise SystemExit(f"import of {comments} comments: unexpected summary {summary}")
    return seconds


def per_doubling(n1, t1, n2, t2):
    """The growth of the time per comment per doubling: 1.0 linear, 2.0 quadratic."""
    return (t2 / t1) ** (1 / math.log2(n2 / n1)) / 2 if t1 > 0 and t2 > 0 else float("nan")


def measure(arkisto, work, sizes, log):
    base = import_seconds(arkisto, work, 1)
    log(f"  1 comment (fixed cost): {base:.2f} s")
    rows = []
    for size in sizes:
        seconds = import_seconds(arkisto, work, size)
        rows.append({"comments": size, "seconds": seconds, "net_seconds": max(seconds - base, 1e-3),
                     "comments_per_s": size / seconds})
        log(f"  {size} comments: {seconds:.2f} s")
    steps = []
    for a, b in zip(rows, rows[1:]):
        steps.append({"from": a["comments"], "to": b["comments"],
                      "per_doubling": per_doubling(a["comments"], a["seconds"], b["comments"], b["seconds"]),
                      "net_per_doubling": per_doubling(a["comments"], a["net_seconds"], b["comments"], b["net_seconds"])})
    return {"fixed_seconds": base, "rows": rows, "steps": steps}


def report(result):
    print(f"\n== one helpdesk ticket, import time against its comments (fixed cost {result['fixed_seconds']:.2f} s)")
    print(f"{'comments':>10} {'seconds':>9} {'net s':>9} {'comments/s':>11}")
    for row in result["rows"]:
        print(f"{row['comments']:>10} {row['seconds']:>9.2f} {row['net_seconds']:>9.2f} {row['comments_per_s']:>11.0f}")
    for step in result["steps"]:
        worst = max(step["per_doubling"], step["net_per_doubling"])
        print(f"{step['from']} -> {step['to']}: time per comment x{step['per_doubling']:.2f} per doubling "
              f"(net of the fixed cost x{step['net_per_doubling']:.2f}); target <= 1.50: "
              f"{'met' if worst <= 1.5 else 'NOT met'}")
