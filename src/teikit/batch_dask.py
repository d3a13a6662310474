"""Batch on a Dask cluster: the per-record work of teikit.batch, run by `dask.distributed` workers.

`teikit batch SRC -o OUT --scheduler ADDRESS` (or `local:N`) comes here; without --scheduler
nothing imports this module, so Dask stays optional. Each record is one task running
`batch.run_job`, so outputs, report and resume are those of the plain batch. Tasks are submitted
in bounded batches (the scheduler holds a few per worker thread, never the corpus), completions
feed the progress callback, and a record whose worker died is run again once, alone, then
reported as failed. SRC and OUT may be fsspec URLs the workers can reach: a record is then
fetched to a temporary folder, processed there, and its outputs are put back, the TEI last.
"""
from __future__ import annotations

import gc
import logging
import os
import re
import tempfile
import time
import uuid
from contextlib import contextmanager
from dataclasses import dataclass, replace
from itertools import islice
from pathlib import Path

from .batch import (RECORD_SUFFIXES, BatchOptions, Job, Outcome, file_size, find_records, keep_verdict, output_paths,
                    plan_jobs, previous_outputs, read_report, remove_stale_temporaries, run_job, warm_up,
                    write_report)
from .errors import InputError, UsageError

INSTALL_HINT = "--scheduler needs Dask: pip install 'teikit[dask]'"
# Stores where one put is atomic (a reader sees the old object or the new one, never a part).
ATOMIC_PUT = {"s3", "s3a", "gs", "gcs", "az", "abfs", "abfss", "adl", "memory", "oss", "r2"}
# Tasks waiting or running on the cluster at once, per worker thread (at least MIN_IN_FLIGHT):
# enough that no worker waits for the client, few enough that the scheduler's memory does not
# grow with the corpus.
IN_FLIGHT_PER_THREAD = 8
MIN_IN_FLIGHT = 64
# For `local:N`: no retry by the scheduler itself (see _local_cluster), and fewer housekeeping
# wake-ups, which cost CPU that the records need: the statistical profiler (every 10 ms), the
# event-loop tick (20 ms), the memory (100 ms) and system (500 ms) monitors. Together they took
# 5-10 % of a record's CPU time on 2 cores.
LOCAL_CLUSTER_CONFIG = {
    "distributed.scheduler.allowed-failures": 0,
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "5s",
    "distributed.worker.memory.monitor-interval": "1s",
}
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")


@dataclass(frozen=True)
class Place:
    """A folder as the user gave it, and where workers find it: an absolute local path, or an
    fsspec URL (`remote`)."""

    given: str
    where: str
    remote: bool


@dataclass(frozen=True)
class RemoteJob:
    """A record behind an fsspec URL; its outputs go under the out_dir URL."""

    source: str
    relative: str
    out_dir: str
    options: BatchOptions


def locate(folder: str | os.PathLike) -> Place:
    """A local path (or a file:// URL) stays a path; any other URL is an fsspec location."""
    text = os.fspath(folder)
    if not _URL.match(text):
        return Place(str(Path(text)), os.path.abspath(text), False)
    fs, path = _url_to_fs(text)
    if "file" in _protocols(fs):  # reported as a path, as the plain batch reports it
        return Place(os.path.abspath(path), os.path.abspath(path), False)
    return Place(text.rstrip("/"), text.rstrip("/"), True)


def parse_scheduler(address: str) -> int | str:
    """`local:N` -> N worker processes on this machine; anything else is a scheduler address."""
    text = address.strip()
    if text.startswith("local:"):
        count = text[len("local:"):]
        if not count.isdigit() or not 1 <= int(count) <= 256:
            raise UsageError(f"--scheduler {address!r}: local:N needs N from 1 to 256")
        return int(count)
    if not text:
        raise UsageError("--scheduler needs an address (tcp://HOST:8786) or local:N")
    return text


def check_available() -> None:
    """A usage error (exit 2) when dask.distributed or fsspec is not installed."""
    try:
        import distributed  # noqa: F401
        import fsspec  # noqa: F401
    except ImportError as exc:
        raise UsageError(f"{INSTALL_HINT} ({exc})") from None


def check_source(src: str) -> None:
    """The source folder exists (locally or in its store)."""
    place = locate(src)
    if place.remote:
        fs, path = _url_to_fs(place.where)
        if not fs.isdir(path):
            raise InputError("no such folder", file=place.given)
    elif not os.path.isdir(place.where):
        raise InputError("no such folder", file=place.given)


def list_records(src: Place) -> list[tuple[str, int]]:
    """(relative path, size) of every record under the folder, sorted by path."""
    if not src.remote:
        root = Path(src.where)
        return [(str(p.relative_to(root)), file_size(str(p))) for p in find_records(root)]
    fs, root = _url_to_fs(src.where)
    root = root.rstrip("/")
    found = []
    for path, info in fs.find(root, detail=True).items():
        name = path.rsplit("/", 1)[-1]
        if info.get("type") == "file" and os.path.splitext(name)[1] in RECORD_SUFFIXES and not name.startswith("."):
            found.append((path[len(root):].lstrip("/"), int(info.get("size") or 0)))
    return sorted(found, key=lambda item: item[0].split("/"))  # as batch sorts paths


def record_sizes(src: str) -> dict[str, int]:
    """Each record's size, keyed by its name as the report gives it."""
    place = locate(src)
    return {_given_source(place, rel): size for rel, size in list_records(place)}


def run_batch_dask(src: str | os.PathLike, out: str | os.PathLike, options: BatchOptions, scheduler: str | None = None,
                   on_done=None, client=None, task=None) -> list[Outcome]:
    """Process every record under src on the cluster at `scheduler` (or an open `client`);
    `on_done(outcome)` is called as each finishes. `task` replaces the per-record function
    (tests use it to kill a worker)."""
    check_available()
    source, target = locate(src), locate(out)
    previous: dict = {}
    if source.remote or target.remote:
        records = list_records(source)
        jobs = [_job(source, target, rel, options) for rel, _ in records]
    else:  # as batch plans them: collision-safe names, no output over an input, no output as a record
        previous = read_report(Path(target.where))
        jobs = plan_jobs(Path(source.where), Path(target.where), options, previous_outputs(previous))
        records = [(job.relative, file_size(job.source)) for job in jobs]
    _prepare_output(target)
    started = time.time()
    if not jobs:
        return []
    order = {_given_source(source, rel): i for i, (rel, _) in enumerate(records)}
    sizes = {job.source: size for job, (_, size) in zip(jobs, records)}
    ordered = sorted(jobs, key=lambda job: sizes[job.source], reverse=True)  # largest first, as batch
    run = task or (run_remote if source.remote or target.remote else run_local)
    outcomes: list[Outcome] = []

    def finish(outcome: Outcome) -> None:
        outcome = keep_verdict(_relabel(outcome, source, target), previous)
        outcomes.append(outcome)
        if on_done:
            on_done(outcome)

    with _connected(scheduler, client) as connected:
        suspects = _run_all(connected, run, ordered, started, finish)
        for job in suspects:  # their worker died: once more, alone, so a death has one cause
            _run_alone(connected, run, job, started, finish)
    return sorted(outcomes, key=lambda o: order.get(o.source, len(order)))


def write_report_to(out: str | os.PathLike, outcomes: list[Outcome], options: BatchOptions, elapsed: float) -> str:
    """batch.write_report, into a local folder or put into the store (one atomic put)."""
    target = locate(out)
    if not target.remote:
        return str(write_report(Path(target.given), outcomes, options, elapsed))
    with tempfile.TemporaryDirectory(prefix="teikit-report-") as tmp:
        local = write_report(Path(tmp), outcomes, options, elapsed)
        url = _join(target.where, "report.json")
        _put(local.read_bytes(), url)
    return url


# --- on the client -------------------------------------------------------------------------

@contextmanager
def _connected(scheduler: str | None, client):
    """An open client: the caller's, a new LocalCluster's (local:N), or one to a scheduler."""
    if client is not None:
        yield client
        return
    from distributed import Client

    wanted = parse_scheduler(scheduler or "local:1")
    if isinstance(wanted, int):
        with _local_cluster(wanted) as cluster, Client(cluster) as local_client:
            yield local_client
        return
    try:
        remote_client = Client(wanted, timeout="20s")
    except (OSError, TimeoutError, ValueError) as exc:
        raise InputError(f"cannot reach the Dask scheduler: {exc}", file=wanted) from None
    with remote_client:
        yield remote_client


@contextmanager
def _local_cluster(workers: int):
    """N worker processes of one thread each. A task whose worker dies is not retried by the
    scheduler (allowed-failures 0): the client retries it once, alone, and so knows the cause."""
    import dask
    from distributed import LocalCluster

    with dask.config.set(LOCAL_CLUSTER_CONFIG):
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                               dashboard_address=":0", silence_logs=logging.CRITICAL)
    try:
        yield cluster
    finally:
        cluster.close()


def _run_all(client, run, jobs: list, started: float, finish) -> list:
    """Submit the jobs a bounded number at a time (one graph update per batch), hand each
    outcome to `finish` as it comes, and return the jobs whose worker died under them."""
    from distributed import as_completed

    pending = enumerate(jobs)
    token = uuid.uuid4().hex[:8]
    waiting = as_completed()
    submitted: dict[str, object] = {}
    suspects: list = []
    bound = _in_flight(client)
    done = 0

    def submit(count: int) -> None:
        numbered = list(islice(pending, count))
        if numbered:
            keys = [f"teikit-record-{token}-{number}" for number, _ in numbered]
            futures = client.map(run, [job for _, job in numbered], [started] * len(numbered), key=keys, pure=False)
            submitted.update(zip(keys, (job for _, job in numbered)))
            waiting.update(futures)

    submit(bound)
    for futures in waiting.batches():  # whatever has completed since the last look, fetched at once
        for future, outcome in _gathered(client, [f for f in futures if f.status == "finished"]):
            submitted.pop(future.key)
            finish(outcome)
        for future in futures:
            if future.key in submitted:
                _task_failed(future, submitted.pop(future.key), finish, suspects)
            future.release()
        done += len(futures)
        if done // 1024 != (done - len(futures)) // 1024:  # workers may have joined (or left)
            bound = _in_flight(client)
        if waiting.count() <= bound // 2:
            submit(bound - waiting.count())
    return suspects


def _gathered(client, futures: list) -> list:
    """(future, outcome) of the finished futures, in one transfer; one by one if a result was
    lost meanwhile (its worker died), leaving that future to _task_failed."""
    if not futures:
        return []
    try:
        return list(zip(futures, client.gather(futures)))
    except Exception:
        pairs = []
        for future in futures:
            try:
                pairs.append((future, future.result(timeout=0)))
            except Exception:
                pass
        return pairs


def _task_failed(future, job, finish, suspects: list) -> None:
    """A record whose worker died under it becomes a suspect; any other task error is reported."""
    from distributed.scheduler import KilledWorker

    try:
        exc = future.exception()
    except Exception as error:  # cancelled, or its result lost with a worker
        exc = error
    if exc is None:  # its result was lost with its worker and computed again
        finish(future.result())
    elif isinstance(exc, KilledWorker):
        suspects.append(job)
    else:  # a task that could not run (unpicklable, lost scheduler): reported
        finish(_failed(job, f"the Dask task failed: {type(exc).__name__}: {exc}"))


def _run_alone(client, run, job, started: float, finish) -> None:
    from distributed.scheduler import KilledWorker

    future = client.submit(run, job, started, key=f"teikit-retry-{uuid.uuid4().hex}", pure=False)
    try:
        finish(future.result())
    except KilledWorker:
        finish(_failed(job, "the worker process died on this record (out of memory, or a crash), also when run alone"))
    except Exception as exc:
        finish(_failed(job, f"the Dask task failed: {type(exc).__name__}: {exc}"))
    finally:
        future.release()


def _in_flight(client) -> int:
    threads = sum(client.nthreads().values())
    return max(MIN_IN_FLIGHT, IN_FLIGHT_PER_THREAD * threads)


def _failed(job, error: str) -> Outcome:
    return Outcome(source=job.source, status="failed", error=f"{job.source}: {error}")


def _job(source: Place, target: Place, relative: str, options: BatchOptions):
    if source.remote or target.remote:
        return RemoteJob(_join(source.where, relative) if source.remote else os.path.join(source.where, relative),
                         relative, target.where, options)
    return Job(os.path.join(source.where, relative), relative, target.where, options)


def _prepare_output(target: Place) -> None:
    """The output folder exists, without the temporary files of an interrupted run."""
    if not target.remote:
        Path(target.where).mkdir(parents=True, exist_ok=True)
        remove_stale_temporaries(Path(target.where))
        return
    fs, root = _url_to_fs(target.where)
    fs.makedirs(root, exist_ok=True)
    if not set(_protocols(fs)) & ATOMIC_PUT and fs.isdir(root):
        for tmp in fs.glob(root.rstrip("/") + "/**/.*.tmp"):
            fs.rm_file(tmp)


def _relabel(outcome: Outcome, source: Place, target: Place) -> Outcome:
    """The outcome with the names the user gave (workers see absolute paths), as batch reports."""
    rel = _relative_of(outcome.source, source)
    if rel is None:
        return outcome
    given = _given_source(source, rel)
    outcome.error = outcome.error.replace(outcome.source, given) if outcome.error else outcome.error
    outcome.messages = [m.replace(outcome.source, given) for m in outcome.messages]
    outcome.outputs = [_given_output(target, o) for o in outcome.outputs]
    outcome.source = given
    return outcome


def _relative_of(name: str, place: Place) -> str | None:
    root = place.where.rstrip("/") + "/" if place.remote else os.path.join(place.where, "")
    return name[len(root):] if name.startswith(root) else None


def _given_source(place: Place, relative: str) -> str:
    return _join(place.given, relative) if place.remote else str(Path(place.given) / relative)


def _given_output(target: Place, name: str) -> str:
    rel = _relative_of(name, target)
    if rel is None:
        return name
    return _join(target.given, rel) if target.remote else str(Path(target.given) / rel)


# --- on the workers ------------------------------------------------------------------------

_ready = False


def _prepare_worker(options: BatchOptions) -> None:
    """Once per worker process: load dictionaries, grammars and stylesheets, then take them out
    of the cyclic garbage collector (as batch does before forking), which would rescan them."""
    global _ready
    if not _ready:
        warm_up(options)
        gc.freeze()
        _ready = True


def run_local(job: Job, started: float) -> Outcome:
    """batch.run_job on a shared filesystem. A record whose outputs this run already wrote (its
    task was rerun after its worker died with the result) is done again, so its status is known."""
    _prepare_worker(job.options)
    if not job.options.force and _written_since(output_paths(job)[0], started):
        job = replace(job, options=replace(job.options, force=True))
    return run_job(job)


def _written_since(path: Path, started: float) -> bool:
    try:
        return path.stat().st_mtime >= started
    except OSError:
        return False


def run_remote(job: RemoteJob, started: float) -> Outcome:
    """Fetch the record to a temporary folder, run batch.run_job there, put the outputs back
    (the TEI last, as batch writes it: its presence marks the record done)."""
    _prepare_worker(job.options)
    begun = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="teikit-") as tmp:
        local = Job(os.path.join(tmp, "in", job.relative), job.relative, os.path.join(tmp, "out"),
                    replace(job.options, force=True))
        targets = [_join(job.out_dir, Path(p).relative_to(local.out_dir).as_posix()) for p in output_paths(local)]
        try:
            if not job.options.force and _remote_up_to_date(job.source, targets, started):
                return Outcome(source=job.source, status="skipped", seconds=round(time.perf_counter() - begun, 4))
            _fetch(job.source, local.source)
        except OSError as exc:
            return _failed(job, f"cannot read: {exc}")
        outcome = run_job(local)
        outcome = _renamed(outcome, local, job)
        if outcome.status in ("valid", "invalid"):
            try:
                for path, url in [*zip(output_paths(local)[1:], targets[1:]), (output_paths(local)[0], targets[0])]:
                    _put(Path(path).read_bytes(), url)
            except OSError as exc:
                outcome.status, outcome.error, outcome.outputs = "failed", f"{job.source}: cannot write: {exc}", []
            else:
                outcome.outputs = targets
    return outcome


def _renamed(outcome: Outcome, local: Job, job: RemoteJob) -> Outcome:
    outcome.source = job.source
    if outcome.error:
        outcome.error = outcome.error.replace(local.source, job.source)
    outcome.messages = [m.replace(local.source, job.source) for m in outcome.messages]
    return outcome


def _remote_up_to_date(source: str, targets: list[str], started: float) -> bool:
    """Every output exists, is newer than the record, and was not written by this run."""
    fs, path = _url_to_fs(source)
    source_time = _modified(fs, path)
    for url in targets:
        out_fs, out_path = _url_to_fs(url)
        if not out_fs.exists(out_path):
            return False
        made = _modified(out_fs, out_path)
        if made is None or source_time is None or made < source_time or made >= started:
            return False
    return True


def _modified(fs, path: str) -> float | None:
    try:
        return fs.modified(path).timestamp()
    except (NotImplementedError, AttributeError, OSError, ValueError):
        return None


def _fetch(url: str, local: str) -> None:
    os.makedirs(os.path.dirname(local), exist_ok=True)
    fs, path = _url_to_fs(url)
    fs.get_file(path, local)


def _put(data: bytes, url: str) -> None:
    """Write a whole file atomically: one put where the store makes it atomic, else a
    temporary name beside it, then a move."""
    fs, path = _url_to_fs(url)
    parent = path.rsplit("/", 1)[0]
    if parent and parent != path:
        fs.makedirs(parent, exist_ok=True)
    if set(_protocols(fs)) & ATOMIC_PUT:
        fs.pipe_file(path, data)
        return
    tmp = f"{parent}/.{path.rsplit('/', 1)[-1]}.{uuid.uuid4().hex[:8]}.tmp"
    fs.pipe_file(tmp, data)
    try:
        fs.mv(tmp, path)
    except BaseException:
        fs.rm_file(tmp)
        raise


def _join(url: str, relative: str) -> str:
    return url.rstrip("/") + "/" + relative.replace(os.sep, "/").lstrip("/")


def _url_to_fs(url: str):
    from fsspec.core import url_to_fs

    return url_to_fs(url)


def _protocols(fs) -> tuple[str, ...]:
    protocol = fs.protocol
    return (protocol,) if isinstance(protocol, str) else tuple(protocol)
