"""The cost curve of tools/bench: one table, a row per measure and a column per corpus size, each
figure with issue 14's target where it has one and PASS or FAIL next to it.

`curve_of(entry)` flattens what tools/bench measured for one size into {measure: value};
`render(results)` prints the table of every size in `results["presets"]` (text, or Markdown for
the README); `tools/bench --table-from FILE` renders a saved result file again without measuring.
"""
import operator

# (key, label, format, target): target is (comparison, bound, text) or None. The search targets are
# issue 14's for xlarge; they are applied at every size, since a smaller archive that misses them
# shows the trend early.
AT_MOST, AT_LEAST = operator.le, operator.ge
MEASURES = [
    ("maildir_messages", "Maildir messages", "{:.0f}", None),
    ("import_rate", "import: msg/s (whole Maildir)", "{:.0f}", None),
    ("import_first10", "import: msg/s, first 10 %", "{:.0f}", None),
    ("import_last10", "import: msg/s, last 10 %", "{:.0f}", None),
    ("import_last_first", "import: last / first 10 %", "{:.2f}", (AT_LEAST, 0.80, ">= 0.80")),
    ("import_startup", "import: start-up s (before 1st window)", "{:.1f}", None),
    ("import_seconds", "import: seconds", "{:.1f}", None),
    ("notmuch_rate", "notmuch new: msg/s", "{:.0f}", None),
    ("notmuch_seconds", "notmuch new: seconds", "{:.1f}", None),
    ("mu_rate", "mu index: msg/s", "{:.0f}", None),
    ("mu_seconds", "mu index: seconds", "{:.1f}", None),
    ("import_vs_faster", "import / faster anchor", "{:.2f}x", (AT_LEAST, 2.0, ">= 2.00x")),
    ("search_first_p50", "search first pass p50 ms", "{:.1f}", (AT_MOST, 15, "<= 15")),
    ("search_first_p95", "search first pass p95 ms", "{:.1f}", (AT_MOST, 50, "<= 50")),
    ("search_first_p99", "search first pass p99 ms", "{:.1f}", (AT_MOST, 150, "<= 150")),
    ("search_p50", "search warm p50 ms", "{:.1f}", (AT_MOST, 15, "<= 15")),
    ("search_p95", "search warm p95 ms", "{:.1f}", (AT_MOST, 50, "<= 50")),
    ("search_p99", "search warm p99 ms", "{:.1f}", (AT_MOST, 150, "<= 150")),
    ("search_kinds", None, None, None),              # one row per query kind: warm p95 ms
    ("search_failed", "search: failed or stopped queries", "{:.0f}", (AT_MOST, 0, "0")),
    ("search_exhaustive_p95", "search exhaustive p95 ms", "{:.1f}", None),
    ("agreement_mean", "top-20 agreement, mean", "{:.1%}", (AT_LEAST, 0.95, ">= 95 %")),
    ("agreement_min", "top-20 agreement, minimum", "{:.1%}", None),
    ("total_differences", "totals fast != exhaustive", "{:.0f}", (AT_MOST, 0, "0")),
    ("timeline_p95", "customer timeline p95 ms", "{:.2f}", (AT_MOST, 5, "<= 5")),
    ("inspection_seconds", "inspection report, top customer s", "{:.2f}", None),
    ("originals_seconds", "originals verification s", "{:.1f}", None),
    ("interactions", "interactions", "{:.0f}", None),
    ("archive_mib", "archive MiB", "{:.0f}", None),
    ("bytes_per_interaction", "archive bytes / interaction", "{:.0f}", None),
    ("cold_start_ms", "cold start `arkisto search` ms", "{:.0f}", None),
    ("web_rps", "web API req/s (50 clients)", "{:.0f}", None),
    ("web_p95_ms", "web API p95 ms", "{:.1f}", None),
    ("web_errors", "web API errors", "{:.0f}", (AT_MOST, 0, "0")),
    ("erase_top_seconds", "erase: top customer s", "{:.2f}", (AT_MOST, 5, "<= 5")),
    ("erase_top_left", "erase: top customer's ids left in file", "{:.0f}", (AT_MOST, 0, "0")),
    ("erase_typical_seconds", "erase: typical customer s", "{:.2f}", (AT_MOST, 5, "<= 5")),
    ("erase_typical_left", "erase: typical customer's ids left", "{:.0f}", (AT_MOST, 0, "0")),
    ("retention_seconds", "retention: a year of calls s", "{:.1f}", (AT_MOST, 60, "<= 60")),
    ("retention_removed", "retention: calls removed", "{:.0f}", None),
    ("retention_left", "retention: call refs left in file", "{:.0f}", (AT_MOST, 0, "0")),
    ("import_rss", "peak RSS import MiB", "{:.0f}", None),
    ("search_rss", "peak RSS search MiB", "{:.0f}", None),
    ("serve_rss", "peak RSS serve MiB", "{:.0f}", None),
    ("rss_growth", None, None, None),               # RSS against the size before (xlarge / large: <= 1.3x)
]
RSS_GROWTH = [("import_rss", "import"), ("search_rss", "search"), ("serve_rss", "serve")]
RSS_TARGET = (AT_MOST, 1.3, "<= 1.30x")
# The RSS target compares these two sizes only; other neighbours are printed without a verdict.
RSS_TARGET_SIZES = ("large", "xlarge")


def dig(entry, *path):
    for key in path:
        if not isinstance(entry, dict) or key not in entry:
            return None
        entry = entry[key]
    return entry


def curve_of(entry):
    """{measure: value} of one size from what tools/bench stored for it (missing measures left out)."""
    rows = {row["tool"]: row for row in entry.get("rows", [])}
    arkisto, notmuch, mu = rows.get("arkisto"), rows.get("notmuch new"), rows.get("mu index")
    windows = entry.get("import_windows") or {}
    # windows not resolved by the progress lines are guesses: no figure, the notes say why
    rate = windows if windows.get("resolved") else {"startup_seconds": windows.get("startup_seconds")}
    latency = entry.get("latency") or {}
    privacy = entry.get("privacy") or {}
    facts = entry.get("facts") or {}
    values = {
        "maildir_messages": entry.get("maildir_messages"),
        "import_rate": dig(arkisto, "rate"), "import_seconds": dig(arkisto, "seconds"),
        "import_first10": rate.get("first"), "import_last10": rate.get("last"),
        "import_last_first": rate.get("ratio"), "import_startup": rate.get("startup_seconds"),
        "notmuch_rate": dig(notmuch, "rate"), "notmuch_seconds": dig(notmuch, "seconds"),
        "mu_rate": dig(mu, "rate"), "mu_seconds": dig(mu, "seconds"),
        "import_vs_faster": entry.get("ratio_vs_faster"),
        "search_exhaustive_p95": dig(latency, "search_exhaustive_ms", "p95"),
        "agreement_mean": dig(latency, "agreement", "mean"), "agreement_min": dig(latency, "agreement", "minimum"),
        "timeline_p95": dig(latency, "timeline_ms", "p95"),
        "inspection_seconds": dig(entry, "inspection", "seconds"),
        "originals_seconds": dig(entry, "originals", "seconds"),
        "interactions": facts.get("interactions"), "archive_mib": entry.get("archive_mib"),
        "cold_start_ms": dig(entry, "cold_start_ms", "median"),
        "web_rps": dig(entry, "load", "requests_per_s"), "web_p95_ms": dig(entry, "load", "latency_ms", "p95"),
        "web_errors": dig(entry, "load", "errors_total"),
        "erase_top_seconds": dig(privacy, "erase_most_interactions", "seconds"),
        "erase_typical_seconds": dig(privacy, "erase_typical", "seconds"),
        "retention_seconds": dig(privacy, "retention_calls", "seconds"),
        "retention_removed": dig(privacy, "retention_calls", "outcome", "removed", "interactions"),
        "import_rss": dig(arkisto, "peak_rss_mib"), "search_rss": latency.get("peak_rss_mib"),
        "serve_rss": dig(entry, "load", "server_peak_rss_mib"),
    }
    if "failed_queries" in latency:
        values["search_failed"] = len(latency["failed_queries"])
    if latency.get("agreement") is not None:
        values["total_differences"] = len(latency["agreement"].get("total_differences", []))
    for pass_name, key in (("search_first", "search_first_pass_ms"), ("search", "search_ms")):
        for p in ("p50", "p95", "p99"):
            values[f"{pass_name}_{p}"] = dig(latency, key, p)
    for kind, percentiles in (latency.get("search_by_kind_ms") or {}).items():
        values[f"search_kind_p95:{kind}"] = percentiles.get("p95")
    for key, field, name in (("erase_most_interactions", "identifiers_left", "erase_top_left"),
                             ("erase_typical", "identifiers_left", "erase_typical_left"),
                             ("retention_calls", "references_left", "retention_left")):
        if dig(privacy, key, field) is not None:
            values[name] = sum(privacy[key][field].values())
    if values["interactions"] and entry.get("archive_mib"):
        values["bytes_per_interaction"] = entry["archive_mib"] * 1048576 / values["interactions"]
    return {k: v for k, v in values.items() if v is not None}


def verdict(target, value):
    compare, bound, _ = target
    return "PASS" if compare(value, bound) else "FAIL"


def cell(value, fmt, target):
    if value is None:
        return "-"
    text = fmt.format(value)
    return f"{text} {verdict(target, value)}" if target else text


def table_rows(results):
    """[(label, target text, [cell per size])] for every measure some size has."""
    sizes = list(results["presets"])
    curves = [results["presets"][s].get("curve", {}) for s in sizes]
    rows = []
    for key, label, fmt, target in MEASURES:
        if key == "search_kinds":
            kinds = sorted({k.split(":", 1)[1] for c in curves for k in c if k.startswith("search_kind_p95:")})
            for kind in kinds:
                rows.append((f"search warm p95 ms, {kind}", "", [cell(c.get(f"search_kind_p95:{kind}"), "{:.1f}", None)
                                                           for c in curves]))
        elif key == "rss_growth":
            for measure, name in RSS_GROWTH:
                cells = ["-"]
                for before, after, size_before, size_after in zip(curves, curves[1:], sizes, sizes[1:]):
                    if not before.get(measure) or after.get(measure) is None:
                        cells.append("-")
                        continue
                    ratio = after[measure] / before[measure]
                    judged = (size_before, size_after) == RSS_TARGET_SIZES
                    cells.append(cell(ratio, "{:.2f}x", RSS_TARGET if judged else None))
                if len(sizes) > 1 and any(c.get(measure) is not None for c in curves):
                    rows.append((f"peak RSS {name} / size before", f"{RSS_TARGET[2]} (xlarge)", cells))
        elif any(key in c for c in curves):
            rows.append((label, target[2] if target else "", [cell(c.get(key), fmt, target) for c in curves]))
    return sizes, rows


def render(results, markdown=False):
    sizes, rows = table_rows(results)
    header = ["measure", "target"] + sizes
    if markdown:
        lines = ["| " + " | ".join(header) + " |", "|" + "|".join(["---", "---"] + ["---:"] * len(sizes)) + "|"]
        lines += ["| " + " | ".join([label, target] + cells) + " |" for label, target, cells in rows]
        return "\n".join(lines)
    widths = [max(len(header[0]), *(len(r[0]) for r in rows)), max(len(header[1]), *(len(r[1]) for r in rows))]
    widths += [max(len(size), *(len(r[2][i]) for r in rows)) for i, size in enumerate(sizes)]
    def line(parts):
        return "  ".join(p.ljust(w) if i < 2 else p.rjust(w) for i, (p, w) in enumerate(zip(parts, widths))).rstrip()
    return "\n".join([line(header)] + [line([label, target] + cells) for label, target, cells in rows])


def describe(results):
    """The lines above the table: when, where, with what."""
    load = f"load average {results.get('load_average_at_start', [0])[0]:.2f} at start"
    if results.get("load_average_at_end"):
        load += f", {results['load_average_at_end'][0]:.2f} at the end"
    lines = [f"{results.get('date', '?')}: {results.get('cores', '?')} cores, {load}; "
             f"arkisto {results.get('arkisto_version', '?')}"]
    if results.get("anchors"):
        lines.append(f"anchors: {results['anchors']}")
    for size, entry in results["presets"].items():
        for note in entry.get("notes", []):
            lines.append(f"{size}: {note}")
    return lines
