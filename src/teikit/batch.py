"""Batch: encode, validate and export every record of a folder, in parallel, resumably.

Each record is one job run in a worker process; outputs are written atomically, so a killed
run leaves only complete files (and stale temporary files, removed by the next run), and the
next run skips records whose outputs are newer than their inputs.
"""
from __future__ import annotations

import gc
import json
import os
import time
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path

RECORD_SUFFIXES = (".txt", ".md")
STATUSES = ("valid", "invalid", "failed", "skipped")


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


@dataclass
class Outcome:
    source: str
    status: str  # valid | invalid | failed | skipped
    outputs: list[str] = field(default_factory=list)
    error: str | None = None
    errors: int = 0  # validation errors
    seconds: float = 0.0
    messages: list[str] = field(default_factory=list)
    worker: int = 0  # process id of the worker
    worker_peak_rss_kb: int = 0  # the worker's peak resident memory so far
    worker_rss_kb: int = 0  # the worker's resident memory after this record


def find_records(src: Path) -> list[Path]:
    return sorted(p for p in src.rglob("*") if p.is_file() and p.suffix in RECORD_SUFFIXES and not p.name.startswith("."))


def output_paths(job: Job) -> list[Path]:
    """TEI first, then one file per format: <stem>.tei.xml, <stem>.html, <stem>.<fmt><ext>."""
    from .writers import FORMATS

    base = Path(job.out_dir) / Path(job.relative).with_suffix("")
    paths = [base.with_name(base.name + ".tei.xml")]
    for fmt in job.options.formats:
        ext = FORMATS[fmt].extension
        paths.append(base.with_name(base.name + (ext if fmt == "html" else f".{fmt}{ext}")))
    return paths


def is_up_to_date(job: Job) -> bool:
    source_mtime = Path(job.source).stat().st_mtime
    return all(p.exists() and p.stat().st_mtime >= source_mtime for p in output_paths(job))


def run_job(job: Job) -> Outcome:
    """Encode, validate, export one record; never raises for a bad record."""
    from .errors import TeikitError

    started = time.perf_counter()
    outcome = Outcome(source=job.source, status="failed")
    try:
        if not job.options.force and is_up_to_date(job):
            outcome.status = "skipped"
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
    import ctypes
    import ctypes.util

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
    from .io import atomic_write

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


def _encode(job: Job):
    """The record's TEI tree and its serialisation."""
    from .api import encode_file
    from .tei import serialize

    tree = encode_file(job.source)
    return tree, serialize(tree)


def _check(data: bytes, job: Job) -> list:
    """The validation errors of the serialised TEI."""
    from .validate import ValidateOptions, validate

    result = validate(data, ValidateOptions(schema=job.options.schema, tei_all=job.options.tei_all))
    return [d for d in result.diagnostics if d.severity == "error"]


def _export(tree, fmt: str) -> bytes:
    from .writers import export

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
    from .errors import TeikitError
    from .resources import bundled_sample

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
    """Process every record under src; `on_done(outcome)` is called as each finishes."""
    records = find_records(src)
    out_dir.mkdir(parents=True, exist_ok=True)
    remove_stale_temporaries(out_dir)
    jobs = [Job(str(p), str(p.relative_to(src)), str(out_dir), options) for p in records]
    workers = options.jobs or os.cpu_count() or 1
    outcomes: list[Outcome] = []
    if len(jobs) <= 1 or (workers == 1 and len(jobs) <= RECORDS_PER_WORKER):
        for job in jobs:  # in this process: nothing to gain from a worker
            outcomes.append(_notify(run_job(job), on_done))
        return outcomes
    sizes = {job.source: file_size(job.source) for job in jobs}
    # Largest first: a large record started last would keep one worker busy while others wait.
    ordered = sorted(jobs, key=lambda job: sizes[job.source], reverse=True)
    for generation in _generations(ordered, sizes, workers):
        outcomes.extend(_run_in_workers(_chunks(generation, sizes, workers), workers, on_done))
    order = {job.source: i for i, job in enumerate(jobs)}
    return sorted(outcomes, key=lambda o: order[o.source])


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
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor, as_completed
    from concurrent.futures.process import BrokenProcessPool

    context = multiprocessing.get_context("fork") if hasattr(os, "fork") else None
    if context is not None:
        warm_up(chunks[0][0].options)
    outcomes: list[Outcome] = []
    with _frozen_for_fork(), ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        futures = {pool.submit(_run_chunk, chunk): k for k, chunk in enumerate(chunks)}
        broken = []
        for future in as_completed(futures):
            try:
                found = future.result()
            except BrokenProcessPool:
                broken.append(futures[future])
                continue
            for outcome in found:
                outcomes.append(_notify(outcome, on_done))
    return outcomes, [chunks[k] for k in sorted(broken)]


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
    counts["total"] = len(outcomes)
    return counts


def write_report(out_dir: Path, outcomes: list[Outcome], options: BatchOptions, elapsed: float) -> Path:
    from .io import atomic_write

    report = {
        "teikit_batch_report": 1,
        "options": asdict(options),
        "elapsed_seconds": round(elapsed, 3),
        "counts": summarise(outcomes),
        "records": [asdict(o) for o in outcomes],
    }
    path = out_dir / "report.json"
    atomic_write(path, json.dumps(report, ensure_ascii=False, indent=2).encode("utf-8") + b"\n")
    return path
