#!/usr/bin/env python3
"""Tests of tools/bench's arithmetic and table (no archive, no timing: runs in well under a second):
the import's first and last 10 % from progress lines, the summary parser, the retention period of
one year's calls, the byte scan, and the cost-curve table's verdicts.

    python3 tools/test_bench_tools.py
"""
import datetime, os, sys, tempfile, unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench_archive, bench_curve, bench_import_rate  # noqa: E402


def progress_lines(rates, every=5.0, startup=0.0):
    """Stamped progress lines, one every `every` seconds, of an import that starts archiving after
    `startup` seconds and then runs at each (messages/s, seconds) of `rates` in turn, as
    `arkisto import` prints them off a terminal."""
    lines, t, n, next_line = [], startup, 0, every
    for rate, seconds in rates:
        end = t + seconds
        while next_line <= end + 1e-9:
            count = n + rate * (next_line - t)
            lines.append((next_line, f"{round(count)} messages (50%), {int(count / next_line)}/s, 1.0/2.0 MiB: "
                                     f"{round(count)} archived, 0 already present, 0 quarantined"))
            next_line += every
        n += rate * seconds
        t = end
    return lines, round(n), t


class ImportWindowsTests(unittest.TestCase):
    def test_a_steady_import_has_equal_windows(self):
        lines, total, end = progress_lines([(100, 100)])
        windows = bench_import_rate.window_rates(lines, total, end)
        self.assertAlmostEqual(windows["first"], 100)
        self.assertAlmostEqual(windows["last"], 100)
        self.assertAlmostEqual(windows["ratio"], 1.0)
        self.assertTrue(windows["resolved"])

    def test_the_start_up_is_not_counted_in_the_first_window(self):
        lines, total, end = progress_lines([(100, 100)], startup=3.5)
        windows = bench_import_rate.window_rates(lines, total, end)
        self.assertAlmostEqual(windows["startup_seconds"], 3.5)
        self.assertAlmostEqual(windows["first"], 100)
        self.assertAlmostEqual(windows["ratio"], 1.0)

    def test_an_import_that_slows_down_shows_it_in_the_last_window(self):
        # 5000 messages at 200/s, then 5000 at 50/s: the last tenth runs at a quarter of the first.
        lines, total, end = progress_lines([(200, 25), (50, 100)])
        windows = bench_import_rate.window_rates(lines, total, end)
        self.assertAlmostEqual(windows["first"], 200)
        self.assertAlmostEqual(windows["last"], 50)
        self.assertAlmostEqual(windows["ratio"], 0.25)
        self.assertAlmostEqual(windows["deciles"][0], 200)
        self.assertAlmostEqual(windows["deciles"][9], 50)

    def test_a_short_import_is_marked_unresolved(self):
        lines, total, end = progress_lines([(1000, 8)])       # one progress line, at 5 s (62 %)
        windows = bench_import_rate.window_rates(lines, total, end)
        self.assertEqual(windows["points"], 1)
        self.assertFalse(windows["resolved"])

    def test_other_lines_are_ignored_and_json_lines_read_with_their_own_clock(self):
        lines = [(5.0, "1000 messages, 200/s"), (6.0, "warning: 12 pages queued"), (7.0, "30 pages recognised"),
                 (9.5, '{"done": 2000, "seconds": 9.0}'), (10.0, "1500 messages")]  # going back: dropped
        self.assertEqual(bench_import_rate.progress_points(lines), [(5.0, 1000), (9.0, 2000)])

    def test_the_text_summary_is_read(self):
        out = ("Imported 15210 messages in 33.2 s (458 messages/s, 24.3 MiB read at 0.7 MiB/s)\n"
               "  archived:        15100\n  already present: 0\n  quarantined:     110\n")
        self.assertEqual(bench_import_rate.summary_of(out),
                         {"archived": 15100, "already_present": 0, "quarantined": 110, "seconds": 33.2})


class ArchiveHelperTests(unittest.TestCase):
    def test_one_year_of_calls_ends_a_calendar_year_after_the_oldest(self):
        today = datetime.datetime(2026, 12, 7, 10, 30, tzinfo=datetime.timezone.utc)
        days, cutoff = bench_archive.one_year_of_calls("2024-01-01T06:10:00Z", today)
        self.assertEqual(cutoff, "2025-01-01T10:30:00Z")
        self.assertEqual(days, (datetime.date(2026, 12, 7) - datetime.date(2025, 1, 1)).days)

    def test_traces_counts_what_the_bytes_hold(self):
        with tempfile.NamedTemporaryFile("wb", delete=False) as f:
            f.write(b"\x00abc maija.virtanen@koti.fi \xff\x00 +358401234567 maija.virtanen@koti.fi")
        try:
            found = bench_archive.traces([f.name, f.name + "-wal"],
                                         ["maija.virtanen@koti.fi", "+358401234567", "AS-1111111"])
        finally:
            os.remove(f.name)
        self.assertEqual(found, {"maija.virtanen@koti.fi": 2, "+358401234567": 1})


def entry(import_ratio, search_p95, import_rss, agreement, erase_left):
    """A size's result as tools/bench stores it, with the figures the verdicts depend on."""
    return {
        "maildir_messages": 1000,
        "rows": [{"tool": "arkisto", "rate": 3000, "seconds": 10, "peak_rss_mib": import_rss},
                 {"tool": "notmuch new", "rate": 1000, "seconds": 30, "peak_rss_mib": 50},
                 {"tool": "mu index", "rate": 1200, "seconds": 25, "peak_rss_mib": 80}],
        "ratio_vs_faster": 2.5,
        "import_windows": {"first": 3000, "last": 3000 * import_ratio, "ratio": import_ratio, "resolved": True},
        "latency": {"search_ms": {"p50": 5, "p95": search_p95, "p99": 90},
                    "search_first_pass_ms": {"p50": 6, "p95": search_p95, "p99": 95},
                    "search_by_kind_ms": {"phrase": {"p95": 12.5}},
                    "agreement": {"mean": agreement, "minimum": 0.5, "total_differences": [{"id": "q1"}]},
                    "peak_rss_mib": 100},
        "facts": {"interactions": 4096}, "archive_mib": 4,
        "privacy": {"erase_most_interactions": {"seconds": 2.0, "identifiers_left": erase_left}},
    }


class CurveTableTests(unittest.TestCase):
    def setUp(self):
        self.results = {"presets": {}}
        for size, e in (("medium", entry(0.95, 20, 100, 1.0, {})), ("large", entry(0.9, 40, 200, 0.97, {})),
                        ("xlarge", entry(0.75, 60, 300, 0.9, {"maija@koti.fi": 3}))):
            e["curve"] = bench_curve.curve_of(e)
            self.results["presets"][size] = e
        self.rows = {label: (target, cells) for label, target, cells in bench_curve.table_rows(self.results)[1]}

    def test_each_figure_is_judged_against_its_target(self):
        self.assertEqual(self.rows["import: last / first 10 %"][1], ["0.95 PASS", "0.90 PASS", "0.75 FAIL"])
        self.assertEqual(self.rows["search warm p95 ms"][1], ["20.0 PASS", "40.0 PASS", "60.0 FAIL"])
        self.assertEqual(self.rows["top-20 agreement, mean"][1], ["100.0% PASS", "97.0% PASS", "90.0% FAIL"])
        self.assertEqual(self.rows["import / faster anchor"][1], ["2.50x PASS"] * 3)
        self.assertEqual(self.rows["totals fast != exhaustive"][1], ["1 FAIL"] * 3)
        self.assertEqual(self.rows["erase: top customer's ids left in file"][1], ["0 PASS", "0 PASS", "3 FAIL"])
        self.assertEqual(self.rows["archive bytes / interaction"][1], ["1024"] * 3)
        self.assertEqual(self.rows["search warm p95 ms, phrase"][1], ["12.5"] * 3)

    def test_memory_growth_is_judged_from_large_to_xlarge_only(self):
        target, cells = self.rows["peak RSS import / size before"]
        self.assertEqual(cells, ["-", "2.00x", "1.50x FAIL"])
        self.assertEqual(self.rows["peak RSS search / size before"][1], ["-", "1.00x", "1.00x PASS"])

    def test_a_missing_measure_is_a_dash_and_an_absent_one_no_row(self):
        self.assertNotIn("customer timeline p95 ms", self.rows)      # no size measured it
        self.assertEqual(self.rows["erase: top customer s"][1], ["2.00 PASS"] * 3)
        self.results["presets"]["large"]["curve"].pop("erase_top_seconds")
        rows = {label: cells for label, _, cells in bench_curve.table_rows(self.results)[1]}
        self.assertEqual(rows["erase: top customer s"], ["2.00 PASS", "-", "2.00 PASS"])

    def test_windows_the_progress_lines_do_not_resolve_get_no_figure(self):
        self.results["presets"]["medium"]["import_windows"]["resolved"] = False
        curve = bench_curve.curve_of(self.results["presets"]["medium"])
        self.assertNotIn("import_last_first", curve)
        self.assertNotIn("import_first10", curve)

    def test_markdown_has_a_column_per_size(self):
        lines = bench_curve.render(self.results, markdown=True).splitlines()
        self.assertEqual(lines[0], "| measure | target | medium | large | xlarge |")
        self.assertIn("| import: last / first 10 % | >= 0.80 | 0.95 PASS | 0.90 PASS | 0.75 FAIL |", lines)


if __name__ == "__main__":
    unittest.main()
