"""``python benchmarks/bench.py``: the figures that say whether rehabgen is fast where it counts.

Every figure is a median over several runs, printed with its min–max so a noisy machine shows itself:

* catalogue load and validation;
* planner time per programme, over a spread of deterministic profiles;
* handout render per document and per page for a typical 8-week programme, in the sheets and the booklet
  layout, each next to a baseline: the same pages' text and tables laid out by bare reportlab platypus
  (same fonts, no rehabgen code in the timed part), and the ratio of the two;
* a batch of N roster rows with 1 and with 2 jobs (handouts per second and the speed-up);
* peak memory (largest process) of a batch of N and of 5×N rows;
* whole-process wall time, each in a fresh process with a warm cache: ``rehabgen --help`` (minus a bare
  ``python -c pass``), ``rehabgen plan example.yaml --format json`` and ``rehabgen plan example.yaml -o x.pdf``;
* the web app, warm (``rehabgen serve`` in its own process, on loopback): the plan preview page and the PDF
  download for the example profile, one request at a time, then a bounded load run of 20 requests at once
  (half previews, half PDFs), each of which must succeed.

Run it from a checkout, after the README's set-up: ``.venv/bin/python benchmarks/bench.py`` (``--quick`` for a
fast look). It is not part of the installed package.
"""

from __future__ import annotations

import argparse
import csv
import functools
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rehabgen._version import __version__


@dataclass
class Figure:
    """One benchmark figure: median and spread of the samples, with its target."""

    name: str
    samples: list[float]
    unit: str
    target: str = ""

    def row(self) -> tuple[str, str, str, str]:
        """The figure as table cells."""
        median = statistics.median(self.samples)
        spread = f"{min(self.samples):.3g}–{max(self.samples):.3g}" if len(self.samples) > 1 else ""
        return self.name, f"{median:.3g} {self.unit}", spread, self.target


def _time(func: Callable[[], Any], runs: int) -> list[float]:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def _profiles(count: int) -> Iterator[Any]:
    """A deterministic spread of profiles: causes, pains, durations, kit and lengths vary together."""
    from rehabgen.model.profile import Profile
    from rehabgen.model.vocab import Cause, Equipment

    causes = list(Cause)
    kit = list(Equipment)
    for i in range(count):
        yield Profile.model_validate(
            {
                "age": 18 + (i * 7) % 60,
                "weekly_running_km": (i * 13) % 70,
                "pain_nprs": i % 9,
                "symptom_duration_weeks": (i * 5) % 20,
                "causes": [causes[(i * 3) % len(causes)], causes[(i * 5 + 1) % len(causes)]][: 1 + i % 2],
                "clinician_diagnosed": True,
                "equipment": [kit[(i + k) % len(kit)] for k in range(i % 4)],
                "sessions_per_week": 2 + i % 4,
                "programme_weeks": 6 + (i * 3) % 10,
            }
        )


def bench_library(runs: int) -> tuple[list[Figure], Any]:
    """Catalogue, planner and render figures, measured in this process (warm)."""
    from rehabgen.io.bundled import bundled_dir
    from rehabgen.io.cache import Cache
    from rehabgen.io.catalogue import load_catalogue
    from rehabgen.io.profiles import load_profile
    from rehabgen.plan.planner import build_programme
    from rehabgen.render.handout import Handout, HandoutOptions

    with tempfile.TemporaryDirectory(prefix="rehabgen-bench-cache-") as tmp:
        cache = Cache(Path(tmp))
        load_catalogue(cache=cache)  # fills the cache, as the CLI's first run does
        cached = _time(lambda: load_catalogue(cache=cache), runs)
    figures = [
        Figure("catalogue load + validation, parsed files cached (the CLI)", cached, "ms", "≤ 50 ms"),
        Figure("catalogue load + validation, nothing cached", _time(lambda: load_catalogue(), runs), "ms", ""),
    ]
    catalogue = load_catalogue()
    profiles = list(_profiles(40))
    build_programme(profiles[0], catalogue)
    per_profile = [statistics.median(_time(functools.partial(build_programme, p, catalogue), 3)) for p in profiles]
    figures.append(Figure(f"planner, per programme ({len(profiles)} profiles)", per_profile, "ms", "≤ 5 ms"))
    example = load_profile(bundled_dir("examples") / "profile.yaml")
    programme = build_programme(example, catalogue)
    for layout in ("sheets", "booklet"):
        figures += _render_figures(Handout(programme, catalogue, options=HandoutOptions(layout=layout)), runs, layout)
    return figures, catalogue


def _render_figures(handout: Any, runs: int, layout: str) -> list[Figure]:
    """Render time per document and per page for one layout, against bare platypus on the same content."""
    from rehabgen.render.pdf.document import render_pdf

    pdf = render_pdf(handout)
    pages = pdf.count(b"/Type /Page\n") or pdf.count(b"/Type /Page ")
    baseline = _baseline(handout)
    doc_ms: list[float] = []
    baseline_ms: list[float] = []
    for _ in range(runs):  # interleaved, so a burst of machine noise hits both sides of a ratio alike
        doc_ms += _time(lambda: render_pdf(handout), 1)
        baseline_ms += _time(baseline, 1)
    target = "≤ 0.8×" if layout == "booklet" else ""
    return [
        Figure(f"{layout}: handout render, per document ({pages} pages)", doc_ms, "ms"),
        Figure(f"{layout}: handout render, per page", [m / pages for m in doc_ms], "ms"),
        Figure(f"{layout}: bare platypus, same text and tables, per page", [m / pages for m in baseline_ms], "ms"),
        Figure(
            f"{layout}: render ratio, rehabgen / bare platypus",
            [d / b for d, b in zip(doc_ms, baseline_ms, strict=True)],
            "×",
            target,
        ),
    ]


def _baseline(handout: Any) -> Callable[[], None]:
    """Lay out the handout's own text and tables with bare platypus: returns the part to time."""
    import io

    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table

    from rehabgen.render.pdf.document import handout_story

    story, theme = handout_story(handout)
    plain = list(_plain(story))

    def build() -> None:
        flowables: list[Any] = []
        for kind, content, extra in plain:
            if kind == "p":
                flowables.append(Paragraph(content, extra))
            else:
                cells = [[[Paragraph(t, s) for t, s in cell] or "" for cell in row] for row in content]
                flowables.append(Table(cells, colWidths=extra))
        SimpleDocTemplate(io.BytesIO(), pagesize=theme.page, invariant=1).build(flowables)

    build()
    return build


def _plain(flowables: list[Any]) -> Iterator[tuple[str, Any, Any]]:
    """The paragraphs (text, style) and tables (rows of cell paragraphs, widths) of a story, in order."""
    from xml.sax.saxutils import escape

    from reportlab.platypus import KeepTogether, Paragraph, Table

    from rehabgen.render.pdf.cards import Card
    from rehabgen.render.pdf.flowables import PlainText, Stack

    for flowable in flowables:
        if isinstance(flowable, Paragraph):
            yield "p", flowable.text, flowable.style
        elif isinstance(flowable, PlainText):  # the same words, as a Paragraph would have to parse them
            lead = f"<b>{escape(flowable.lead)}</b> " if flowable.lead else ""
            yield "p", lead + escape(flowable.text), flowable.style
        elif isinstance(flowable, Stack):
            yield from _plain(flowable.flowables)
        elif isinstance(flowable, KeepTogether):
            yield from _plain(flowable._content)
        elif isinstance(flowable, Card):
            for _, first, second, _ in flowable.blocks:
                yield from _plain([*first, *second])
        elif isinstance(flowable, Table):
            rows = []
            for row in flowable._cellvalues:
                cells = []
                for cell in row:
                    inner = cell if isinstance(cell, list | tuple) else [cell]
                    cells.append([(text, style) for kind, text, style in _plain(list(inner)) if kind == "p"])
                rows.append(cells)
            yield "t", rows, flowable._argW


def bench_batch(rows: int, big: int) -> list[Figure]:
    """Batch throughput with 1 and 2 jobs, and peak memory for a short and a long roster."""
    figures = []
    with tempfile.TemporaryDirectory(prefix="rehabgen-bench-") as tmp:
        folder = Path(tmp)
        short = _roster(folder / "short.csv", rows)
        rates = {}
        for jobs in (1, 2):
            out = folder / f"out-{jobs}"
            elapsed, _ = _run(
                [
                    sys.executable,
                    "-m",
                    "rehabgen",
                    "batch",
                    str(short),
                    "--out",
                    str(out),
                    "--jobs",
                    str(jobs),
                    "--quiet",
                ]
            )
            rates[jobs] = rows / elapsed
            target = "≥ 30/s" if jobs == 2 else ""
            name = f"batch {rows} rows, sheets layout, {jobs} job{'s' * (jobs > 1)}"
            figures.append(Figure(name, [rates[jobs]], "handouts/s", target))
            shutil.rmtree(out)
        figures.append(Figure("batch speed-up, 2 jobs / 1 job", [rates[2] / rates[1]], "×", "≥ 1.8×"))
        for count in (rows, big):
            roster = short if count == rows else _roster(folder / "big.csv", count)
            out = folder / f"mem-{count}"
            _, peak = _run(
                [sys.executable, "-m", "rehabgen", "batch", str(roster), "--out", str(out), "--jobs", "2", "--quiet"]
            )
            figures.append(Figure(f"batch {count} rows, peak memory (largest process)", [peak], "MB", "flat"))
            shutil.rmtree(out)
    return figures


def _roster(path: Path, rows: int) -> Path:
    header = [
        "patient_id",
        "patient_name",
        "age",
        "weekly_running_km",
        "pain_nprs",
        "symptom_duration_weeks",
        "causes",
        "equipment",
        "programme_weeks",
    ]
    causes = [
        "weak_core",
        "intervertebral_disc;weak_core",
        "facet_joint_irritation",
        "weak_glutes",
        "sacroiliac_joint_dysfunction",
        "muscle_strain_overuse",
    ]
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        for i in range(rows):
            writer.writerow(
                [
                    f"B-{i:05d}",
                    f"Runner {i}",
                    20 + i % 50,
                    10 + i % 50,
                    i % 7,
                    1 + i % 12,
                    causes[i % len(causes)],
                    "resistance_band" if i % 2 else "",
                    8,
                ]
            )
    return path


def _run(cmd: list[str]) -> tuple[float, float]:
    """Wall time (s) and peak RSS (MB) of the largest process a command ran."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = _wait(proc)
    elapsed = time.perf_counter() - start
    if status != 0 and status != 256:
        err = proc.stderr.read().decode() if proc.stderr else ""
        raise RuntimeError(f"{' '.join(cmd)} failed: {err[-500:]}")
    return elapsed, usage.ru_maxrss / 1024


def _wait(proc: subprocess.Popen[bytes]) -> tuple[int, int, Any]:
    pid, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = status
    return pid, status, usage


def bench_processes(runs: int) -> list[Figure]:
    """Cold whole-process times, each in a fresh interpreter."""
    from rehabgen.io.bundled import bundled_dir

    exe = [sys.executable, "-m", "rehabgen"]
    bare = [sys.executable, "-c", "pass"]
    figures = []
    base = [_run(bare)[0] * 1000 for _ in range(runs)]
    helps = [_run([*exe, "--help"])[0] * 1000 for _ in range(runs)]
    figures.append(
        Figure("rehabgen --help, over python -c pass", [h - statistics.median(base) for h in helps], "ms", "≤ 150 ms")
    )
    with tempfile.TemporaryDirectory(prefix="rehabgen-bench-") as tmp:
        example = bundled_dir("examples") / "profile.yaml"
        _run([*exe, "plan", str(example), "-o", str(Path(tmp) / "warm.pdf")])  # fills the cache once
        jsons = [_run([*exe, "plan", str(example), "--format", "json"])[0] * 1000 for _ in range(runs)]
        plans = [_run([*exe, "plan", str(example), "-o", str(Path(tmp) / "x.pdf")])[0] * 1000 for _ in range(runs)]
    figures.append(Figure("rehabgen plan example.yaml --format json, whole process", jsons, "ms", "≤ 250 ms"))
    figures.append(Figure("rehabgen plan example.yaml -o x.pdf, whole process", plans, "ms", "≤ 450 ms"))
    return figures


WEB_CONCURRENT = 20


def bench_web(runs: int) -> list[Figure]:
    """The warm web app: plan preview and PDF per request, then 20 requests at once (all must succeed)."""
    import concurrent.futures as cf

    from rehabgen.io.bundled import bundled_dir
    from rehabgen.io.profiles import load_profile

    example = load_profile(bundled_dir("examples") / "profile.yaml")
    profile = example.model_dump_json(exclude_unset=True)
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "rehabgen", "serve", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        client = _WebClient(port)  # waits until the server answers (it renders the example once at start)
        preview = functools.partial(client.post, "/plan", {"profile": profile, "template": ""})
        pdf = functools.partial(client.post, "/download", {"profile": profile, "template": "", "format": "pdf"})
        figures = [
            Figure("web: plan preview page (POST /plan), warm", _time(preview, runs * 3), "ms", "≤ 100 ms"),
            Figure("web: PDF download (POST /download), warm", _time(pdf, runs * 3), "ms", "≤ 300 ms"),
        ]
        jobs = [preview if i % 2 else pdf for i in range(WEB_CONCURRENT)]

        def timed(job: Callable[[], Any]) -> float:
            return _time(job, 1)[0]

        start = time.perf_counter()
        with cf.ThreadPoolExecutor(WEB_CONCURRENT) as pool:
            outcomes = [pool.submit(timed, job) for job in jobs]
            latencies = [f.result() for f in outcomes if f.exception() is None]
        wall = (time.perf_counter() - start) * 1000
        failed = len(jobs) - len(latencies)
        name = f"web: {WEB_CONCURRENT} requests at once, per request ({WEB_CONCURRENT - failed}/{WEB_CONCURRENT} ok)"
        figures.append(Figure(name, latencies or [0.0], "ms", f"{WEB_CONCURRENT}/{WEB_CONCURRENT} ok"))
        figures.append(Figure(f"web: {WEB_CONCURRENT} requests at once, all done", [wall], "ms"))
        if failed:
            print(f"web load run: {failed} of {WEB_CONCURRENT} requests failed", file=sys.stderr)
    finally:
        server.terminate()
        server.wait(timeout=30)
    return figures


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class _WebClient:
    """Posts forms to the local server as a browser would: with the page's CSRF token and its cookie."""

    def __init__(self, port: int) -> None:
        import re
        import urllib.request

        self.base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 120
        while True:
            try:
                with urllib.request.urlopen(self.base + "/", timeout=5) as response:  # noqa: S310 (loopback)
                    page, cookie = response.read().decode(), response.headers["set-cookie"]
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
        found = re.search(r'name="csrf" value="([^"]+)"', page)
        assert found, "the intake page carries a CSRF token"
        self.token, self.cookie = found.group(1), cookie.split(";", 1)[0]

    def post(self, path: str, fields: dict[str, str]) -> bytes:
        """The answer's body; an error status raises."""
        import urllib.parse
        import urllib.request

        body = urllib.parse.urlencode({"csrf": self.token, **fields}).encode()
        headers = {"cookie": self.cookie, "content-type": "application/x-www-form-urlencoded"}
        request = urllib.request.Request(self.base + path, data=body, headers=headers)  # noqa: S310 (loopback)
        with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310 (loopback)
            return bytes(response.read())


def _table(figures: list[Figure]) -> str:
    rows = [("measure", "median", "min–max", "target"), *(f.row() for f in figures)]
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    """Run every benchmark and print the table."""
    parser = argparse.ArgumentParser(prog="benchmarks/bench.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs and rows, for a fast look")
    parser.add_argument("--rows", type=int, default=200, help="rows in the batch benchmark (default 200)")
    parser.add_argument("--no-batch", action="store_true", help="skip the batch figures")
    parser.add_argument("--no-web", action="store_true", help="skip the web app figures (needs the web extra)")
    args = parser.parse_args(argv)
    runs = 3 if args.quick else 7
    rows = 40 if args.quick else args.rows
    try:
        from reportlab.lib import rl_accel

        accel = "C accelerator" if not hasattr(rl_accel, "_py_funcs") or len(rl_accel._py_funcs) < 5 else "pure Python"
    except ImportError:  # pragma: no cover
        accel = "unknown"
    import reportlab

    print(
        f"rehabgen {__version__} · Python {platform.python_version()} · reportlab {reportlab.Version} ({accel}) · "
        f"{platform.machine()} · CPUs usable: {len(os.sched_getaffinity(0))}"
    )
    figures, _ = bench_library(runs)
    if not args.no_batch:
        figures += bench_batch(rows, rows * 5)
    figures += bench_processes(runs)
    if not args.no_web:
        figures += bench_web(runs)
    print(_table(figures))


if __name__ == "__main__":
    main()
