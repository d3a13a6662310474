"""Batch: encode, validate and export every record of a folder, in parallel, resumably.

Each record is one job run in a worker process; outputs are written atomically, so a killed
run leaves only complete files (and stale temporary files, removed by the next run), and the
next run skips records whose outputs are newer than their inputs.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import gc
import json
import multiprocessing
import os
import signal
import threading
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

from .api import encode_file
from .errors import OutputError, TeikitError
from .io import atomic_write
from .naming import check_outputs, format_suffix, plan_outputs
from .resources import bundled_sample
from .tei import serialize
from .validate import ValidateOptions, validate
from .writers import export

RECORD_SUFFIXES = (".txt", ".md")
STATUSES = ("valid", "invalid", "failed", "skipped", "interrupted")
REPORT_NAME = "report.json"


@dataclass(frozen=True)
class BatchOptions:
    formats: tuple[str, ...] = ()
    jobs: int = 0  # 0: the machine's cores
    force: bool = False
    validate: bool = True
    schema: str | None = None  # as ValidateOptions.schema
    tei_all: str | None = None


@dataclass(frozen=True)
class Job:
    source: str
    relative: str
    out_dir: str
    options: BatchOptions
    outputs: tuple[str, ...] = ()  # planned by run_batch (naming.plan_outputs over all records)
    verdict_known: bool = True  # False: the last report has no verdict for it (validate if skipped)


@dataclass
class Outcome:
    source: str
    status: str  # valid | invalid | failed | skipped | interrupted
    outputs: list[str] = field(default_factory=list)
    error: str | None = None
    errors: int = 0  # validation errors
    seconds: float = 0.0
    messages: list[str] = field(default_factory=list)
    worker: int = 0  # process id of the worker
    worker_peak_rss_kb: int = 0  # the worker's peak resident memory so far
    worker_rss_kb: int = 0  # the worker's resident memory after this record
    verdict: str | None = None  # the last validation verdict of the outputs on disk (kept across runs)


def find_records(src: Path, exclude: frozenset[str] = frozenset()) -> list[Path]:
    """The records under src, less the files in `exclude` (a previous run's outputs, when the
    output folder is the input folder or inside it: an output is never taken for a record)."""
    return sorted(p for p in src.rglob("*") if p.is_file() and p.suffix in RECORD_SUFFIXES
                  and not p.name.startswith(".") and os.path.abspath(p) not in exclude)


def output_suffixes(options: BatchOptions) -> list[str]:
    """.tei.xml first, then one per format: .html, .<fmt><ext> (naming.format_suffix)."""
    return [".tei.xml", *(format_suffix(f, beside_others=True) for f in options.formats)]


def output_paths(job: Job) -> list[Path]:
    """TEI first, then one file per format: <stem>.tei.xml, <stem>.html, <stem>.<fmt><ext>."""
    if job.outputs:
        return [Path(p) for p in job.outputs]
    return plan_outputs([job.source], Path(job.out_dir), output_suffixes(job.options),
                        relative=[job.relative], strip=RECORD_SUFFIXES)[0]


def plan_jobs(src: Path, out_dir: Path, options: BatchOptions, exclude: frozenset[str] = frozenset()) -> list[Job]:
    """A job per record with its outputs named (rec.txt and rec.md keep their extensions);
    UsageError (exit 2) before any work if an output would be an input or be written twice."""
    records = find_records(src, exclude)
    relative = [str(p.relative_to(src)) for p in records]
    plan = plan_outputs([str(p) for p in records], out_dir, output_suffixes(options), relative=relative,
                        strip=RECORD_SUFFIXES)
    check_outputs([path for paths in plan for path in paths], [str(p) for p in records])
    return [Job(str(p), rel, str(out_dir), options, tuple(map(str, paths)))
            for p, rel, paths in zip(records, relative, plan)]


def is_up_to_date(job: Job) -> bool:
    source_mtime = Path(job.source).stat().st_mtime
    return all(p.exists() and p.stat().st_mtime >= source_mtime for p in output_paths(job))


def run_job(job: Job) -> Outcome:
    """Encode, validate, export one record; never raises for a bad record."""
    started = time.perf_counter()
    outcome = Outcome(source=job.source, status="failed")
    try:
        if not job.options.force and is_up_to_date(job):
            outcome.status = "skipped"
            if not job.verdict_known:
                _verdict_of_outputs(job, outcome)
        else:
            _process(job, outcome)
    except TeikitError as exc:
        outcome.status, outcome.error = "failed", str(exc)
    except Exception as exc:  # a bug must not stop the other records; it is reported
        outcome.status, outcome.error = "failed", f"{job.source}: internal error: {type(exc).__name__}: {exc}"
    outcome.seconds = round(time.perf_counter() - started, 4)
    if file_size(job.source) > LARGE_RECORD_BYTES:
        release_memory()
    outcome.worker, outcome.worker_peak_rss_kb, outcome.worker_rss_kb = os.getpid(), _peak_rss_kb(), _rss_kb()
    return outcome


# After a record this large, the heap is trimmed (1-7 ms): glibc kept the high-water mark of each
# 64-256 KB record too, and a worker's memory after 10,000 records was 40-50 MB above that after
# 1,000 (measured in one process over 4,000 records: 179 MB with a 256 KB threshold, 122 MB with
# this one, 103 MB over the small records alone).
LARGE_RECORD_BYTES = 32 * 1024


def file_size(path: str) -> int:
    """The size of a file in bytes, 0 if it cannot be read."""
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


def release_memory() -> None:
    """Give the memory a large record needed back to the system (glibc keeps it otherwise,
    and a worker that met a few large records stayed 50-100 MB larger for the rest of the run)."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        libc.malloc_trim(0)
    except (OSError, AttributeError):  # not glibc: nothing to do
        pass


def _rss_kb() -> int:
    """Resident memory now (Linux /proc; 0 elsewhere)."""
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[1]) * (os.sysconf("SC_PAGE_SIZE") // 1024)
    except (OSError, ValueError, IndexError):
        return 0


def _peak_rss_kb() -> int:
    try:
        import resource
    except ImportError:  # not on Windows
        return 0
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def _process(job: Job, outcome: Outcome) -> None:
    paths = output_paths(job)
    tree, data = _encode(job)
    outcome.status = "valid"
    if job.options.validate:
        errors = _check(data, job)
        if errors:
            outcome.status, outcome.errors = "invalid", len(errors)
            outcome.messages = [d.format().replace("<bytes>", job.source, 1) for d in errors[:20]]
    exports = [(fmt, _export(tree, fmt)) for fmt in job.options.formats]
    for path, payload in zip(paths[1:], (p for _, p in exports)):
        atomic_write(path, payload)
    atomic_write(paths[0], data)  # the TEI last: its presence and age mark the record done
    outcome.outputs = [str(p) for p in paths]


def _verdict_of_outputs(job: Job, outcome: Outcome) -> None:
    """The verdict of a skipped record's TEI on disk, when no report gives it (a killed run)."""
    if not job.options.validate:
        outcome.verdict = "valid"
        return
    errors = _check(output_paths(job)[0].read_bytes(), job)
    outcome.verdict, outcome.errors = ("invalid" if errors else "valid"), len(errors)
    outcome.messages = [d.format().replace("<bytes>", job.source, 1) for d in errors[:20]]


def _encode(job: Job):
    """The record's TEI tree and its serialisation."""
    tree = encode_file(job.source)
    return tree, serialize(tree)


def _check(data: bytes, job: Job) -> list:
    """The validation errors of the serialised TEI."""
    result = validate(data, ValidateOptions(schema=job.options.schema, tei_all=job.options.tei_all))
    return [d for d in result.diagnostics if d.severity == "error"]


def _export(tree, fmt: str) -> bytes:
    return export(tree, fmt)


def remove_stale_temporaries(out_dir: Path) -> int:
    """Temporary files of an interrupted atomic write ('.name.XXXX.tmp')."""
    removed = 0
    for tmp in out_dir.rglob(".*.tmp"):
        tmp.unlink(missing_ok=True)
        removed += 1
    return removed


_warmed: set[BatchOptions] = set()


def warm_up(options: BatchOptions) -> None:
    """Run the sample record through the pipeline once before forking workers, so that every
    generation of workers starts with the parent's dictionaries, grammars and stylesheets."""
    if options in _warmed:
        return
    _warmed.add(options)
    job = Job(str(bundled_sample()), "", "", options)
    try:
        tree, data = _encode(job)
        if options.validate:
            _check(data, job)
        for fmt in options.formats:
            _export(tree, fmt)
    except TeikitError:  # a missing schema or format is reported for each record instead
        pass


def run_batch(src: Path, out_dir: Path, options: BatchOptions, on_done=None) -> list[Outcome]:
    """Process every record under src; `on_done(outcome)` is called as each finishes.

    SIGINT or SIGTERM stops the run cleanly (`stop_on_signals`): the workers are killed, the
    outputs of unfinished records removed, and their outcomes are `interrupted`."""
    previous = read_report(out_dir)
    jobs = plan_jobs(src, out_dir, options, previous_outputs(previous))
    known = {r.get("source") for r in previous.get("records", []) if isinstance(r, dict)
             and (r.get("verdict") or r.get("status")) in ("valid", "invalid")}
    jobs = [replace(job, verdict_known=job.source in known) for job in jobs]
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot make the output folder: {exc.strerror}", file=str(out_dir)) from None
    remove_stale_temporaries(out_dir)
    finished: list[Outcome] = []

    def done(outcome: Outcome) -> None:
        finished.append(keep_verdict(outcome, previous))
        if on_done:
            on_done(outcome)

    started = time.time()
    try:
        with stop_on_signals():
            _run_jobs(jobs, options, done)
    except Interrupted:
        _remove_partial_outputs(jobs, finished, started)
        remove_stale_temporaries(out_dir)
        seen = {o.source for o in finished}
        finished += [_interrupted(j) for j in jobs if j.source not in seen]
    order = {job.source: i for i, job in enumerate(jobs)}
    return sorted(finished, key=lambda o: order[o.source])


def _run_jobs(jobs: list[Job], options: BatchOptions, on_done) -> None:
    workers = options.jobs or os.cpu_count() or 1
    if len(jobs) <= 1 or (workers == 1 and len(jobs) <= RECORDS_PER_WORKER):
        for job in jobs:  # in this process: nothing to gain from a worker
            _notify(run_job(job), on_done)
        return
    sizes = {job.source: file_size(job.source) for job in jobs}
    # Largest first: a large record started last would keep one worker busy while others wait.
    ordered = sorted(jobs, key=lambda job: sizes[job.source], reverse=True)
    for generation in _generations(ordered, sizes, workers):
        _run_in_workers(_chunks(generation, sizes, workers), workers, on_done)


class Interrupted(BaseException):
    """SIGINT or SIGTERM during a batch run (a BaseException: no `except Exception` eats it)."""


@contextmanager
def stop_on_signals():
    """SIGINT and SIGTERM raise Interrupted once; the handlers are then the defaults again, so
    a second Ctrl-C kills at once. Only in the main thread (signals cannot be caught elsewhere)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    saved = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM)}

    def handler(signum, frame):
        for sig in saved:
            signal.signal(sig, signal.SIG_DFL)
        raise Interrupted(signum)

    for sig in saved:
        signal.signal(sig, handler)
    try:
        yield
    finally:
        for sig, old in saved.items():
            signal.signal(sig, old)


def _interrupted(job: Job) -> Outcome:
    complete = all(p.exists() for p in output_paths(job))
    why = "interrupted; its outputs are complete, its verdict unknown" if complete else "not done (interrupted)"
    return Outcome(source=job.source, status="interrupted", error=f"{job.source}: {why}",
                   outputs=[str(p) for p in output_paths(job)] if complete else [])


def _remove_partial_outputs(jobs: list[Job], finished: list[Outcome], started: float) -> None:
    """The outputs an unfinished record wrote in this run (its exports before its TEI): a
    record whose outputs are all there finished (its outcome was on its way) and keeps them."""
    complete = {o.source for o in finished}
    for job in jobs:
        paths = output_paths(job)
        if job.source in complete or all(p.exists() for p in paths):
            continue
        for path in paths:
            try:
                if path.stat().st_mtime >= started - 1:
                    path.unlink()
            except OSError:
                pass


def read_report(out_dir: Path) -> dict:
    """The previous run's report.json ({} if none or unreadable)."""
    try:
        report = json.loads((out_dir / REPORT_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return report if isinstance(report, dict) and isinstance(report.get("records"), list) else {}


def previous_outputs(report: dict) -> frozenset[str]:
    return frozenset(os.path.abspath(p) for r in report.get("records", []) if isinstance(r, dict)
                     for p in r.get("outputs") or [] if isinstance(p, str))


def keep_verdict(outcome: Outcome, report: dict) -> Outcome:
    """A record's verdict: this run's, or for a skipped record the last run's (with its outputs
    and messages), so report.json and the exit code still know of invalid TEI on disk."""
    if outcome.status in ("valid", "invalid"):
        outcome.verdict = outcome.status
    elif outcome.status == "skipped" and outcome.verdict is None:
        before = next((r for r in report.get("records", []) if isinstance(r, dict)
                       and r.get("source") == outcome.source), None)
        if before:
            outcome.verdict = before.get("verdict") or (before.get("status") if before.get("status") in ("valid", "invalid") else None)
            outcome.outputs = outcome.outputs or before.get("outputs") or []
            outcome.errors = before.get("errors") or 0
            outcome.messages = outcome.messages or before.get("messages") or []
    return outcome


# Workers are replaced after this many records each (also with --jobs 1, past this many
# records): a long-lived worker's memory kept growing after large records (pymalloc arenas and
# libxml2 buffers stay fragmented even after malloc_trim) and as its bounded caches filled, so it
# grew with the corpus. New workers are forked from the warmed-up parent, so they start with its
# dictionaries and grammars; a generation's last chunks are small records (largest first), and
# five generations for 1,000 records took the same time as one (13.8-14.4 s either way).
RECORDS_PER_WORKER = 500
# A worker that aligned one of these went on to the next with its heap fragmented: five 1 MB
# records in a row took a worker to 288-294 MB, though the most demanding of them needs 249 MB in
# a new process. So a worker meets at most one (largest first: they come in the first generations).
HUGE_RECORD_BYTES = 512 * 1024
# Records sent to a worker at once: enough to make the hand-over negligible (~0.2 ms a chunk),
# small enough that no worker is left with much more work than the others at a generation's
# end; a record over CHUNK_BYTES is a chunk of its own.
CHUNK_RECORDS = 16
CHUNK_BYTES = 256 * 1024


def _generations(jobs: list[Job], sizes: dict[str, int], workers: int) -> list[list[Job]]:
    """Consecutive groups of jobs, one per generation of workers: at most RECORDS_PER_WORKER
    records a worker, and at most one huge record a worker."""
    return _split(jobs, workers * RECORDS_PER_WORKER, lambda job: sizes[job.source] >= HUGE_RECORD_BYTES, workers)


def _chunks(jobs: list[Job], sizes: dict[str, int], workers: int) -> list[list[Job]]:
    """Consecutive groups of jobs handed to a worker at once (at least 8 per worker)."""
    records = max(1, min(CHUNK_RECORDS, len(jobs) // (workers * 8)))
    return _split(jobs, records, lambda job: sizes[job.source], CHUNK_BYTES)


def _split(jobs: list[Job], most: int, weight, budget: int) -> list[list[Job]]:
    """Consecutive groups of at most `most` jobs whose weights add up to at most `budget`
    (a single job over the budget is a group of its own)."""
    groups: list[list[Job]] = []
    total = 0
    for job in jobs:
        w = weight(job)
        if not groups or len(groups[-1]) == most or (groups[-1] and total + w > budget):
            groups.append([])
            total = 0
        groups[-1].append(job)
        total += w
    return groups


def _run_in_workers(chunks: list[list[Job]], workers: int, on_done) -> list[Outcome]:
    """One generation of worker processes, each taking chunks of records until none are left.
    If a worker dies (killed for memory, a crash in a library), the records it and the others
    had not finished run again one at a time in one worker: the record that kills that worker
    is reported as failed, and the rest complete."""
    outcomes, broken = _run_pool(chunks, workers, on_done)
    jobs = [job for chunk in broken for job in chunk]
    while jobs:
        done, broken = _run_pool([[job] for job in jobs], 1, on_done)
        outcomes += done
        jobs = [chunk[0] for chunk in broken]
        if jobs:  # one worker, records in order: the first unfinished one killed it
            outcomes.append(_notify(_worker_died(jobs.pop(0)), on_done))
    return outcomes


def _run_pool(chunks: list[list[Job]], workers: int, on_done) -> tuple[list[Outcome], list[list[Job]]]:
    """The outcomes of the chunks, and the chunks a dead worker left unfinished (in order)."""
    context = multiprocessing.get_context("fork") if hasattr(os, "fork") else None
    if context is not None:
        warm_up(chunks[0][0].options)
    outcomes: list[Outcome] = []
    broken = []
    with _frozen_for_fork():
        pool = ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_worker_start,
                                   initargs=(os.getpid(),))
    try:
        futures = {pool.submit(_run_chunk, chunk): k for k, chunk in enumerate(chunks)}
        for future in as_completed(futures):
            try:
                found = future.result()
            except BrokenProcessPool:
                broken.append(futures[future])
                continue
            for outcome in found:
                outcomes.append(_notify(outcome, on_done))
    except BaseException:  # interrupted: the workers stop now, not after their records
        _kill_workers(pool)
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
    return outcomes, [chunks[k] for k in sorted(broken)]


def _kill_workers(pool) -> None:
    processes = list((getattr(pool, "_processes", None) or {}).values())
    for process in processes:
        process.kill()
    for process in processes:
        process.join(timeout=5)


def _worker_start(parent: int) -> None:
    """In each worker: Ctrl-C is the parent's to handle (it stops the workers), and a worker
    dies with its parent (Linux: PR_SET_PDEATHSIG) rather than write records for no one."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # not Linux
        pass
    if os.getppid() != parent:  # the parent died before the line above
        os._exit(1)


def _worker_died(job: Job) -> Outcome:
    return Outcome(source=job.source, status="failed",
                   error=f"{job.source}: the worker process died on this record (out of memory, or a crash)")


@contextmanager
def _frozen_for_fork():
    """While workers are forked, the objects loaded so far (lexicons, grammars) are out of the
    cyclic garbage collector: it would write to every page holding them, copying them into each
    worker, and rescan them at each full collection. Unfrozen after, for an API caller's sake."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def _run_chunk(jobs: list[Job]) -> list[Outcome]:
    return [run_job(job) for job in jobs]


def _notify(outcome: Outcome, on_done) -> Outcome:
    if on_done:
        on_done(outcome)
    return outcome


def summarise(outcomes: list[Outcome]) -> dict[str, int]:
    counts = {status: 0 for status in STATUSES}
    for o in outcomes:
        counts[o.status] += 1
    counts["encoded"] = counts["valid"] + counts["invalid"]
    counts["invalid_on_disk"] = sum(o.verdict == "invalid" for o in outcomes)
    counts["total"] = len(outcomes)
    return counts


def write_report(out_dir: Path, outcomes: list[Outcome], options: BatchOptions, elapsed: float) -> Path:
    report = {
        "teikit_batch_report": 1,
        "options": asdict(options),
        "elapsed_seconds": round(elapsed, 3),
        "counts": summarise(outcomes),
        "records": [asdict(o) for o in outcomes],
    }
    path = out_dir / REPORT_NAME
    atomic_write(path, json.dumps(report, ensure_ascii=False, indent=2).encode("utf-8") + b"\n")
    return path
