"""The clients, samplers and report of `tools/bench --only load-import` (see tools/bench's docstring).

N asyncio clients, each on its own keep-alive HTTP/1.1 connection to a loopback server, loop for a
bounded time: search (GET /api/v1/search, rotating through the corpus's queries), then open one hit
(GET /api/v1/interactions/{id}). After an idle phase an import runs into the same archive as a
separate process; every request is tagged with the phase it started in (idle, import, after), and
the server's RSS is sampled throughout. Standard library only.
"""
import asyncio, collections, json, random, re, time, urllib.error, urllib.request

LOCKED = re.compile(rb"database is locked|SQLITE_BUSY", re.I)
RSS_DRIFT_FACTOR = 1.1         # "flat": the final RSS within this factor of the RSS half-way through the run,
RSS_PEAK_FACTOR = 2.0          # and the peak within this factor of the idle peak (before the import)


class Connection:
    """One keep-alive HTTP/1.1 connection; reconnects after an error or `Connection: close`."""

    def __init__(self, host, port, token):
        self.host, self.port, self.token = host, port, token
        self.reader = self.writer = None

    async def get(self, path):
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        self.writer.write((f"GET {path} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\n"
                           f"Authorization: Bearer {self.token}\r\nAccept: application/json\r\n\r\n").encode())
        await self.writer.drain()
        head = (await self.reader.readuntil(b"\r\n\r\n")).decode("latin-1").split("\r\n")
        status = int(head[0].split(" ", 2)[1])
        headers = {name.strip().lower(): value.strip()
                   for name, value in (line.split(":", 1) for line in head[1:] if ":" in line)}
        if "content-length" in headers:
            body = await self.reader.readexactly(int(headers["content-length"]))
        elif headers.get("transfer-encoding", "").lower() == "chunked":
            body = await self._chunks()
        else:
            body = await self.reader.read()
            self.close()
        if headers.get("connection", "").lower() == "close":
            self.close()
        return status, body

    async def _chunks(self):
        parts = []
        while True:
            size = int((await self.reader.readuntil(b"\r\n")).split(b";")[0], 16)
            if size == 0:
                await self.reader.readuntil(b"\r\n")
                return b"".join(parts)
            parts.append(await self.reader.readexactly(size))
            await self.reader.readexactly(2)

    def close(self):
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None


class Run:
    """What one run records: every request's (kind, start offset s, latency ms, outcome), the
    import's window, RSS samples (offset s, MiB) and a few examples of failures."""

    def __init__(self):
        self.started = time.monotonic()
        self.samples = []
        self.rss = []
        self.import_window = [None, None]           # offsets in s: import process started, finished
        self.import_results = []
        self.locked_bodies = 0
        self.failures = []

    def now(self):
        return time.monotonic() - self.started

    def note_failure(self, kind, path, outcome, body=b""):
        if len(self.failures) < 8:
            self.failures.append({"kind": kind, "path": path, "outcome": outcome,
                                  "body": body[:300].decode("utf-8", "replace")})


async def measured(run, connection, kind, path, timeout):
    started = run.now()
    try:
        status, body = await asyncio.wait_for(connection.get(path), timeout)
    except asyncio.TimeoutError:
        connection.close()
        run.samples.append((kind, started, (run.now() - started) * 1000, "timeout"))
        run.note_failure(kind, path, "timeout")
        return None
    except (OSError, asyncio.IncompleteReadError, asyncio.LimitOverrunError, ValueError, IndexError) as error:
        connection.close()
        run.samples.append((kind, started, (run.now() - started) * 1000, "connection"))
        run.note_failure(kind, path, f"connection: {error!r}")
        return None
    run.samples.append((kind, started, (run.now() - started) * 1000, status))
    if not answered(status):
        if LOCKED.search(body):
            run.locked_bodies += 1
        run.note_failure(kind, path, status, body)
        return None
    return body


async def client(run, number, host, port, token, paths, until, timeout):
    connection, rng = Connection(host, port, token), random.Random(number)
    index = number * 37
    try:
        while run.now() < until:
            index += 1
            body = await measured(run, connection, "search", paths[index % len(paths)], timeout)
            try:
                hits = [hit["interaction_id"] for hit in json.loads(body)["results"]] if body else []
            except (ValueError, KeyError, TypeError):
                run.note_failure("search", paths[index % len(paths)], "unreadable JSON", body)
                hits = []
            if hits and run.now() < until:
                await measured(run, connection, "open", f"/api/v1/interactions/{rng.choice(hits)}", timeout)
            elif body is None:
                await asyncio.sleep(0.05)           # after a failure: no busy loop against a dead server
    finally:
        connection.close()


async def sample_rss(run, pid, until, every=0.5):
    while run.now() < until:
        try:
            with open(f"/proc/{pid}/status") as f:
                rss = next(int(line.split()[1]) / 1024 for line in f if line.startswith("VmRSS:"))
            run.rss.append((run.now(), rss))
        except (OSError, StopIteration):
            return
        await asyncio.sleep(every)


async def import_processes(run, commands, delay, log_path, grace):
    """Runs the import commands one after another from `delay` s on; kills one after `grace` s."""
    await asyncio.sleep(delay)
    run.import_window[0] = run.now()
    deadline = run.now() + grace
    with open(log_path, "ab") as log:
        for command in commands:
            step_started = run.now()
            process = await asyncio.create_subprocess_exec(*command, stdout=asyncio.subprocess.PIPE, stderr=log)
            try:
                out, _ = await asyncio.wait_for(process.communicate(), max(1, deadline - run.now()))
            except asyncio.TimeoutError:
                process.kill()
                await process.wait()
                run.import_results.append({"command": command[1:3], "exit": "killed after the grace period"})
                break
            entry = {"command": command[1:3], "exit": process.returncode, "from_s": step_started, "to_s": run.now()}
            try:
                summary = json.loads(out)
                entry.update({k: summary[k] for k in ("archived", "already_present", "quarantined") if k in summary})
            except ValueError:
                pass
            run.import_results.append(entry)
    run.import_window[1] = run.now()


def api_call(base, token, method, path, document=None):
    body = json.dumps(document).encode() if document is not None else None
    request = urllib.request.Request(base + path, data=body, method=method, headers={
        "Authorization": f"Bearer {token}", "Accept": "application/json", "Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, {"error": error.read()[:300].decode("utf-8", "replace")}


async def import_jobs(run, base, admin_token, jobs, delay, grace):
    """Queues the server's background import jobs ((source, paths) each) at `delay` s and polls
    them until each has succeeded or failed, for at most `grace` s."""
    await asyncio.sleep(delay)
    run.import_window[0] = run.now()
    deadline = run.now() + grace
    queued = []
    for source, paths in jobs:
        status, job = await asyncio.to_thread(api_call, base, admin_token, "POST", "/api/v1/imports",
                                              {"source": source, "paths": paths})
        if status != 202:
            run.import_results.append({"command": ["job", source], "exit": f"{status} {job.get('error', '')}"})
            continue
        queued.append((source, job["id"]))
    for source, number in queued:
        job = {}
        while run.now() < deadline:
            status, job = await asyncio.to_thread(api_call, base, admin_token, "GET", f"/api/v1/imports/{number}")
            if job.get("state") in ("succeeded", "failed"):
                break
            await asyncio.sleep(0.5)
        entry = {"command": ["job", source], "to_s": run.now(), "exit": job.get("state", "unknown") + (f": {job['error']}" if job.get("error") else "")}
        entry.update({k: v for k, v in (job.get("result") or {}).items()
                      if k in ("archived", "already_present", "quarantined")})
        run.import_results.append(entry)
    run.import_window[1] = run.now()


async def drive(base, token, paths, server_pid, connections, seconds, timeout, importer):
    """The whole run: clients for `seconds`, `importer(run)` (import_processes or import_jobs)
    alongside, RSS throughout; waits for the importer (it gives up after its grace period)."""
    match = re.match(r"http://([^:/]+):(\d+)", base)
    host, port = match.group(1), int(match.group(2))
    run, cpu = Run(), time.process_time()
    importing = asyncio.create_task(importer(run))
    sampler = asyncio.create_task(sample_rss(run, server_pid, seconds))
    await asyncio.gather(*(client(run, n, host, port, token, paths, seconds, timeout) for n in range(connections)))
    run.clients_stopped = run.now()
    run.client_cpu_s = time.process_time() - cpu
    await sampler
    await importing
    return run


def answered(outcome):
    """A 2xx status (an outcome is a status, "timeout" or "connection")."""
    return isinstance(outcome, int) and 200 <= outcome <= 299


def percentiles(values):
    if not values:
        return {"count": 0}
    ordered = sorted(values)
    pick = lambda p: ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]
    return {"count": len(ordered), "p50": pick(50), "p95": pick(95), "p99": pick(99), "max": ordered[-1]}


def phase(run, offset):
    started, finished = run.import_window
    if started is None or offset < started:
        return "idle"
    return "import" if finished is None or offset < finished else "after"


def timeline(run, width=5):
    """Per `width` s of the run: requests started, failures, search p95 and the peak RSS."""
    buckets = collections.defaultdict(lambda: {"requests": 0, "errors": 0, "search_ms": [], "rss_mib": 0})
    for kind, started, ms, outcome in run.samples:
        bucket = buckets[int(started // width) * width]
        bucket["requests"] += 1
        if not answered(outcome):
            bucket["errors"] += 1
        elif kind == "search":
            bucket["search_ms"].append(ms)
    for offset, mib in run.rss:
        bucket = buckets[int(offset // width) * width]
        bucket["rss_mib"] = max(bucket["rss_mib"], mib)
    started, finished = run.import_window
    during = lambda start: started is not None and started < start + width and (finished is None or finished > start)
    return [{"from_s": start, "phase": "import" if during(start) else phase(run, start),
             "requests": b["requests"], "errors": b["errors"],
             "search_p95_ms": percentiles(b["search_ms"]).get("p95"), "rss_mib": b["rss_mib"]}
            for start, b in sorted(buckets.items())]


def summarize(run):
    outcomes = collections.Counter(outcome for *_, outcome in run.samples)
    non2xx = sum(n for o, n in outcomes.items() if isinstance(o, int) and not 200 <= o <= 299)
    ok = [(kind, phase(run, started), ms) for kind, started, ms, outcome in run.samples if answered(outcome)]
    latency = {kind: percentiles([ms for k, _, ms in ok if k == kind]) for kind in ("search", "open")}
    by_phase = {p: {kind: percentiles([ms for k, q, ms in ok if k == kind and q == p]) for kind in ("search", "open")}
                for p in ("idle", "import", "after")}
    errors_by_phase = collections.Counter(phase(run, started) for _, started, _, outcome in run.samples
                                          if not answered(outcome))
    rss = [mib for _, mib in run.rss]
    idle_rss = [mib for offset, mib in run.rss if phase(run, offset) == "idle"] or rss[:1]
    rss_summary = {"samples": len(rss)}
    if rss:
        baseline = max(idle_rss)
        half = next(mib for offset, mib in run.rss if offset >= run.rss[-1][0] / 2)
        rss_summary.update({"start": rss[0], "idle_max": baseline, "half_way": half, "max": max(rss), "end": rss[-1],
                            "max_over_idle": max(rss) / baseline, "end_over_half_way": rss[-1] / half})
        rss_summary["flat"] = rss[-1] <= RSS_DRIFT_FACTOR * half and max(rss) <= RSS_PEAK_FACTOR * baseline
    return {
        "timeline": timeline(run),
        "seconds": run.clients_stopped, "client_cpu_s": run.client_cpu_s, "requests": len(run.samples),
        "requests_per_s": len(run.samples) / run.clients_stopped,
        "searches": sum(1 for s in run.samples if s[0] == "search"), "opens": sum(1 for s in run.samples if s[0] == "open"),
        "errors": {"total": non2xx + outcomes["timeout"] + outcomes["connection"], "non2xx": non2xx,
                   "timeout": outcomes["timeout"], "connection": outcomes["connection"],
                   "locked_in_bodies": run.locked_bodies, "by_phase": dict(errors_by_phase),
                   "statuses": {str(o): n for o, n in outcomes.items()}},
        "latency_ms": latency, "latency_by_phase_ms": by_phase,
        "import": {"started_s": run.import_window[0], "finished_s": run.import_window[1],
                   "steps": run.import_results},
        "rss_mib": rss_summary, "failure_examples": run.failures,
    }


def print_report(label, result):
    r, e, rss, imp = result, result["errors"], result["rss_mib"], result["import"]
    fmt = lambda s: (f"p50 {s['p50']:.1f} ms, p95 {s['p95']:.1f} ms, p99 {s['p99']:.1f} ms, max {s['max']:.1f} ms "
                     f"({s['count']})") if s["count"] else "no requests"
    print(f"load-import ({label}): {r['connections']} clients for {r['seconds']:.0f} s on loopback, each searching "
          f"(GET /api/v1/search, {r['queries']} queries) then opening a hit (GET /api/v1/interactions/{{id}}); "
          f"import ({r['import_via']}) started at {imp['started_s'] or 0:.0f} s")
    print(f"  {r['requests']} requests ({r['searches']} searches, {r['opens']} opens), {r['requests_per_s']:.0f} req/s")
    print(f"  search: {fmt(r['latency_ms']['search'])}")
    print(f"  open:   {fmt(r['latency_ms']['open'])}")
    for name in ("idle", "import", "after"):
        p = r["latency_by_phase_ms"][name]
        if p["search"]["count"] or p["open"]["count"]:
            print(f"  {name:6} p95: search {p['search'].get('p95', 0):.1f} ms ({p['search']['count']}), "
                  f"open {p['open'].get('p95', 0):.1f} ms ({p['open']['count']})")
    print(f"  errors: {e['total']} ({e['non2xx']} non-2xx, {e['timeout']} timeouts, {e['connection']} connection; "
          f"by phase {e['by_phase'] or '{}'}); 'database is locked': {e['locked_in_bodies']} in responses, "
          f"{r['locked_in_server_log']} in the server's log, {r['locked_in_import_log']} in the import's")
    steps = "; ".join(f"{' '.join(s['command'])}: "
                      + (f"{s['from_s']:.0f}-{s['to_s']:.0f} s, " if "from_s" in s else f"done at {s['to_s']:.0f} s, " if "to_s" in s else "")
                      + f"exit {s['exit']}, archived {s.get('archived', '?')}, "
                      f"quarantined {s.get('quarantined', '?')}" for s in imp["steps"])
    end = f"finished at {imp['finished_s']:.0f} s" if imp["finished_s"] is not None else "did not finish"
    print(f"  import {end} ({steps})")
    if rss.get("samples"):
        print(f"  server RSS: start {rss['start']:.0f} MiB, idle max {rss['idle_max']:.0f}, half-way {rss['half_way']:.0f}, "
              f"max {rss['max']:.0f}, end {rss['end']:.0f} (max/idle max {rss['max_over_idle']:.2f}, "
              f"end/half-way {rss['end_over_half_way']:.2f}: {'flat' if rss['flat'] else 'NOT flat'} at "
              f"{RSS_PEAK_FACTOR}x and {RSS_DRIFT_FACTOR}x)")
    print("  every 5 s (start s, phase, requests, errors, search p95 ms, RSS MiB): " + "  ".join(
        f"{t['from_s']}:{t['phase']} {t['requests']} {t['errors']} {t['search_p95_ms'] or 0:.0f} {t['rss_mib']:.0f}"
        for t in r["timeline"]))
    print(f"  CPU: server {r['server_cpu_s'] / r['seconds']:.2f} cores, clients {r['client_cpu_s'] / r['seconds']:.2f}"
          + (f"; SERVER EXITED ({r['server_exited']})" if "server_exited" in r else ""))
