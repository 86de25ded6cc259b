"""`tools/bench --only cdr-tail`: a capture cycle over a large, growing Asterisk Master.csv.

A Master.csv of --cdr-records rows (default 1,000,000; Asterisk's cdr_csv format, every field
quoted, rows of answered and unanswered calls from varied numbers, a recording name on answered
ones) is written and read once into a new archive by `CallImporter.runTail` (tools/cdr-tail, built
in release: the same call a capture source's cycle makes, timed in the process). Then 100 rows are
appended and the next cycle is timed; for comparison, a cycle over a new 100-row file into the same
(large) archive, and one into a new archive. Each is repeated three times and the best counts. The
target: reading the 100 rows appended to the large file takes about as long as reading the 100-row
file into the same archive (the bytes before the checkpoint are not read; a large archive's indexes
cost the same to both).
"""
import json, os, random, subprocess, time

TOOL = os.path.join(os.path.dirname(os.path.abspath(__file__)), "cdr-tail")
NAMES = ["Aino Mäkelä", "Matti Virtanen", "Laura Korhonen", "Juha Nieminen", "Sanna Heikkinen", "Kalle Laine"]


def rows(first, count, seed):
    """`count` CDR rows from uniqueid number `first`, as one string."""
    r = random.Random(seed)
    out = []
    start = 1_736_321_400 + first * 37
    for n in range(first, first + count):
        caller = f"040{r.randrange(10**7):07d}"
        name = r.choice(NAMES)
        answered = r.random() < 0.8
        t = start + (n - first) * 37
        ts = time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(t))
        end = time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(t + 180))
        billsec = r.randrange(20, 900) if answered else 0
        uid = f"{t}.{n}"
        out.append(
            f'"","{caller}","0104005700","from-external","""{name}"" <{caller}>","SIP/trunk-{n:08x}",'
            f'"SIP/2{n % 100:02d}-{n:08x}","Dial","SIP/200,30","{ts}","{ts if answered else ""}","{end}",'
            f'"{billsec + 12}","{billsec}","{"ANSWERED" if answered else "NO ANSWER"}","DOCUMENTATION","{uid}",'
            f'"{"rec-" + uid + ".wav" if answered else ""}"\n')
    return "".join(out)


def write_cdr(path, count, seed, chunk=50_000):
    with open(path, "w", encoding="utf-8") as f:
        for first in range(0, count, chunk):
            f.write(rows(first, min(chunk, count - first), seed + first))


def build():
    subprocess.run(["swift", "build", "-c", "release"], cwd=TOOL, check=True, stdout=subprocess.DEVNULL)
    return os.path.join(TOOL, ".build", "release", "CDRTail")


def cycle(tool, archive, cdr, key):
    result = subprocess.run([tool, archive, cdr, key], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if result.returncode != 0:
        raise SystemExit(f"CDRTail {cdr} failed: {result.stderr}")
    return json.loads(result.stdout)


def measure(work, records, log, tool=None, repeat=3):
    tool = tool or build()
    big = os.path.join(work, "big", "Master.csv")
    os.makedirs(os.path.dirname(big), exist_ok=True)
    archive = os.path.join(work, "big.sqlite")
    started = time.monotonic()
    write_cdr(big, records, seed=1)
    log(f"  wrote {records} rows ({os.path.getsize(big) / 2**20:.0f} MiB) in {time.monotonic() - started:.1f} s")
    first = cycle(tool, archive, big, "calls:big")
    log(f"  first cycle: {first['records']} rows in {first['seconds']:.1f} s")
    # Each figure is the best of `repeat` cycles of 100 new rows (the machine may be shared).
    next_id = records
    appended, same_archive, fresh = [], [], []
    for n in range(repeat):
        with open(big, "a", encoding="utf-8") as f:
            f.write(rows(next_id, 100, seed=2 + n))
        next_id += 100
        appended.append(cycle(tool, archive, big, "calls:big"))
        # 100 rows in a file of their own, into the same large archive: the archive's size alike.
        # A first cycle over the file still empty sets its source up (its first look for late media
        # covers every call of the archive); the timed one reads its 100 rows.
        small = os.path.join(work, f"small-{n}", "Master.csv")
        os.makedirs(os.path.dirname(small), exist_ok=True)
        open(small, "w").close()
        cycle(tool, archive, small, f"calls:small-{n}")
        with open(small, "w", encoding="utf-8") as f:
            f.write(rows(next_id, 100, seed=100 + n))
        next_id += 100
        same_archive.append(cycle(tool, archive, small, f"calls:small-{n}"))
        # The same kind of file into a new archive of its own.
        fresh_file = os.path.join(work, f"fresh-{n}", "Master.csv")
        os.makedirs(os.path.dirname(fresh_file), exist_ok=True)
        with open(fresh_file, "w", encoding="utf-8") as f:
            f.write(rows(next_id, 100, seed=200 + n))
        next_id += 100
        fresh.append(cycle(tool, os.path.join(work, f"fresh-{n}.sqlite"), fresh_file, "calls:fresh"))
    best = lambda runs: min(runs, key=lambda r: r["seconds"])
    tail, small_same, small_fresh = best(appended), best(same_archive), best(fresh)
    log(f"  100 rows appended to the large file: {tail['seconds'] * 1000:.0f} ms ({tail['records']} read)")
    log(f"  a 100-row file into the same archive: {small_same['seconds'] * 1000:.0f} ms")
    log(f"  a 100-row file into a new archive: {small_fresh['seconds'] * 1000:.0f} ms")
    return {"records": records, "first": first, "tail_of_large": tail, "small_file_same_archive": small_same,
            "small_file_new_archive": small_fresh, "runs": {"appended": appended, "same_archive": same_archive,
                                                            "new_archive": fresh},
            "ratio": tail["seconds"] / small_same["seconds"] if small_same["seconds"] > 0 else None}


def report(result):
    first = result["first"]
    print(f"\nCDR tail: {result['records']} rows read once ({first['seconds']:.1f} s, "
          f"{first['records'] / first['seconds']:.0f} rows/s); then, best of the repeats: "
          f"100 rows appended to it {result['tail_of_large']['seconds'] * 1000:.0f} ms, "
          f"a 100-row file into the same archive {result['small_file_same_archive']['seconds'] * 1000:.0f} ms "
          f"(ratio {result['ratio']:.2f}), into a new archive {result['small_file_new_archive']['seconds'] * 1000:.0f} ms")
