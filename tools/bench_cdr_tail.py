"""`tools/bench --only cdr-tail`: a capture cycle over a large, growing Asterisk Master.csv.

A Master.csv of --cdr-records rows (default 1,000,000; Asterisk's cdr_csv format, every field
quoted, rows of answered and unanswered calls from varied numbers, a recording name on answered
ones) is written and read once into a new archive by `CallImporter.runTail` (tools/cdr-tail, built
in release: the same call a capture source's cycle makes, timed in the process). Then 100 rows are
appended and the next cycle is timed; for comparison, a cycle over a new 100-row file in an archive
of its own. The target: reading the 100 rows appended to the large file takes about as long as
reading the 100-row file (the bytes before the checkpoint are not read).
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


def measure(work, records, log, tool=None):
    tool = tool or build()
    big = os.path.join(work, "big", "Master.csv")
    small = os.path.join(work, "small", "Master.csv")
    os.makedirs(os.path.dirname(big), exist_ok=True)
    os.makedirs(os.path.dirname(small), exist_ok=True)
    started = time.monotonic()
    write_cdr(big, records, seed=1)
    log(f"  wrote {records} rows ({os.path.getsize(big) / 2**20:.0f} MiB) in {time.monotonic() - started:.1f} s")
    first = cycle(tool, os.path.join(work, "big.sqlite"), big, "calls:big")
    log(f"  first cycle: {first['records']} rows in {first['seconds']:.1f} s")
    with open(big, "a", encoding="utf-8") as f:
        f.write(rows(records, 100, seed=2))
    tail = cycle(tool, os.path.join(work, "big.sqlite"), big, "calls:big")
    log(f"  100 rows appended to the large file: {tail['seconds'] * 1000:.0f} ms ({tail['records']} read)")
    with open(small, "w", encoding="utf-8") as f:
        f.write(rows(records, 100, seed=2))
    fresh = cycle(tool, os.path.join(work, "small.sqlite"), small, "calls:small")
    log(f"  a 100-row file: {fresh['seconds'] * 1000:.0f} ms ({fresh['records']} read)")
    return {"records": records, "first": first, "tail_of_large": tail, "small_file": fresh,
            "ratio": tail["seconds"] / fresh["seconds"] if fresh["seconds"] > 0 else None}


def report(result):
    print(f"\nCDR tail: {result['records']} rows read once "
          f"({result['first']['seconds']:.1f} s, {result['first']['records'] / result['first']['seconds']:.0f} rows/s); "
          f"100 appended rows: {result['tail_of_large']['seconds'] * 1000:.0f} ms; "
          f"a 100-row file: {result['small_file']['seconds'] * 1000:.0f} ms "
          f"(ratio {result['ratio']:.2f})")
