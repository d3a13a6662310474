"""teikit batch --scheduler: the same outputs and report on a Dask LocalCluster, a killed worker
loses no record, a re-run completes only what is missing, fsspec URLs, Dask stays optional."""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time

import pytest
from click.testing import CliRunner
from lxml import etree

from teikit.batch import BatchOptions, run_batch
from teikit.cli import cli
from teikit.errors import UsageError

from conftest import PDF_TEXTS, SAMPLE

distributed = pytest.importorskip("distributed")
fsspec = pytest.importorskip("fsspec")

from teikit import batch_dask  # noqa: E402

TEXT = BatchOptions(formats=("text",), validate=False)


@pytest.fixture(scope="module")
def client():
    """Two worker processes of one thread, as `--scheduler local:2` starts them."""
    with batch_dask._local_cluster(2) as cluster, distributed.Client(cluster) as connected:
        yield connected


@pytest.fixture()
def records(tmp_path, shared):
    src = tmp_path / "src"
    (src / "sub").mkdir(parents=True)
    shutil.copy(SAMPLE, src / "wilson-110390.txt")
    for path in sorted(PDF_TEXTS.glob("*.txt")):
        shutil.copy(path, src / "sub" / path.name)
    (src / "broken.txt").write_text("not a record at all\n", encoding="utf-8")
    return src


def _copies(folder, count):
    folder.mkdir()
    for i in range(count):
        shutil.copy(SAMPLE, folder / f"r{i:02d}.txt")
    return folder


def _files(root):
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()
            and p.name != "report.json"}


def _comparable(outcome, out_dir):
    return (outcome.source, outcome.status, outcome.error, [os.path.relpath(o, out_dir) for o in outcome.outputs])


def test_same_outputs_and_outcomes_as_plain_batch(records, tmp_path, client):
    plain = run_batch(records, tmp_path / "plain", TEXT)
    # the output as a file:// URL: still a local path, reported as one
    dask = batch_dask.run_batch_dask(str(records), (tmp_path / "dask").as_uri(), TEXT, client=client)
    assert [_comparable(o, tmp_path / "plain") for o in plain] == [_comparable(o, tmp_path / "dask") for o in dask]
    assert [o.status for o in dask] == ["failed", "valid", "valid", "valid", "valid"]
    assert _files(tmp_path / "plain") == _files(tmp_path / "dask") and len(_files(tmp_path / "dask")) == 8
    assert {o.worker for o in dask if o.status == "valid"} <= set(client.run(os.getpid).values())


def test_cli_report_resume_and_force(records, tmp_path, client):
    out = tmp_path / "out"
    args = ["batch", str(records), "-o", str(out), "--to", "text", "--no-validate",
            "--scheduler", client.scheduler.address]
    first = CliRunner().invoke(cli, args)
    assert first.exit_code == 1 and "broken.txt" in first.stderr and "5/5" in first.stderr
    report = json.loads((out / "report.json").read_text())
    assert report["counts"] == {"valid": 4, "invalid": 0, "failed": 1, "skipped": 0, "encoded": 4, "total": 5,
                                "interrupted": 0, "invalid_on_disk": 0}
    assert [r["source"] for r in report["records"]] == [str(p) for p in sorted(
        p for p in records.rglob("*.txt"))]  # the order of the plain batch: by path
    (out / "sub" / "117031.text.txt").unlink()  # as if a killed run had not reached it
    again = json.loads((CliRunner().invoke(cli, args), out / "report.json")[1].read_text())
    redone = [r["source"] for r in again["records"] if r["status"] == "valid"]
    assert again["counts"]["skipped"] == 3 and redone == [str(records / "sub" / "117031.txt")]
    assert (out / "sub" / "117031.text.txt").exists()
    forced = json.loads((CliRunner().invoke(cli, [*args, "--force"]), out / "report.json")[1].read_text())
    assert forced["counts"]["valid"] == 4 and forced["counts"]["skipped"] == 0


def test_a_killed_worker_loses_no_record(tmp_path, client):
    """The OOM killer takes a worker mid-run: the tasks it held run again elsewhere, and every
    record is reported once, with complete outputs."""
    src = _copies(tmp_path / "src", 12)
    pids = list(client.run(os.getpid).values())
    killed = []

    def kill_one(outcome):
        if not killed:
            killed.append(pids[0])
            os.kill(pids[0], signal.SIGKILL)

    outcomes = batch_dask.run_batch_dask(src, tmp_path / "out", TEXT, client=client, on_done=kill_one)
    assert sorted(o.source for o in outcomes) == sorted(str(p) for p in src.iterdir())
    assert {o.status for o in outcomes} == {"valid"}
    for o in outcomes:
        etree.parse(o.outputs[0])
        assert open(o.outputs[1], encoding="utf-8").read().strip()
    assert len(list((tmp_path / "out").glob("*.tei.xml"))) == 12 and not list((tmp_path / "out").glob(".*.tmp"))
    client.wait_for_workers(2, timeout=60)  # the nanny started another one


def poison(job, started):
    """A record that kills every worker that runs it (loaded by the workers from this module)."""
    if job.source.endswith("117031.txt"):
        os._exit(9)
    return batch_dask.run_local(job, started)


def test_a_record_that_kills_its_worker_fails_alone(records, tmp_path, client):
    outcomes = batch_dask.run_batch_dask(records, tmp_path / "out", TEXT, client=client, task=poison)
    statuses = {os.path.basename(o.source): o.status for o in outcomes}
    assert statuses == {"wilson-110390.txt": "valid", "113379.txt": "valid", "117031.txt": "failed",
                        "122809.txt": "valid", "broken.txt": "failed"}
    died = next(o for o in outcomes if o.source.endswith("117031.txt"))
    assert "worker process died" in died.error and len(outcomes) == 5
    client.wait_for_workers(2, timeout=60)


def test_outputs_written_by_this_run_are_redone_not_skipped(tmp_path):
    """A task run again after its worker died with its result finds the outputs it wrote: it
    redoes the record, so the report has its status, not 'skipped'. Outputs of an earlier run
    are skipped as usual."""
    src = _copies(tmp_path / "src", 1)
    job = batch_dask._job(batch_dask.locate(src), batch_dask.locate(tmp_path / "out"), "r00.txt", TEXT)
    before = time.time() - 1
    assert batch_dask.run_local(job, before).status == "valid"
    assert batch_dask.run_local(job, before).status == "valid"  # written since this run began
    assert batch_dask.run_local(job, time.time() + 1).status == "skipped"  # by an earlier run


def test_fsspec_urls_in_and_out(records, tmp_path):
    """memory:// is one process's store, so this cluster's worker is a thread of this process."""
    memory = fsspec.filesystem("memory")
    for path in records.rglob("*.txt"):
        memory.pipe_file(f"/t18/src/{path.relative_to(records).as_posix()}", path.read_bytes())
    with distributed.Client(processes=False, n_workers=1, threads_per_worker=1, dashboard_address=":0") as local:
        outcomes = batch_dask.run_batch_dask("memory://t18/src", "memory://t18/out", TEXT, client=local)
        assert [o.source for o in outcomes] == [f"memory://t18/src/{n}" for n in
                                                ("broken.txt", "sub/113379.txt", "sub/117031.txt", "sub/122809.txt",
                                                 "wilson-110390.txt")]
        assert outcomes[0].status == "failed" and "memory://t18/src/broken.txt" in outcomes[0].error
        assert outcomes[4].outputs == ["memory://t18/out/wilson-110390.tei.xml", "memory://t18/out/wilson-110390.text.txt"]
        run_batch(records, tmp_path / "plain", TEXT)
        for name, data in _files(tmp_path / "plain").items():
            assert memory.cat_file(f"/t18/out/{name}") == data
        again = batch_dask.run_batch_dask("memory://t18/src", "memory://t18/out", TEXT, client=local)
        assert [o.status for o in again] == ["failed", "skipped", "skipped", "skipped", "skipped"]
        # from the store to a local folder: written there under a temporary name, then moved
        batch_dask.run_batch_dask("memory://t18/src", tmp_path / "local", TEXT, client=local)
        assert _files(tmp_path / "local") == _files(tmp_path / "plain")
    url = batch_dask.write_report_to("memory://t18/out", again, TEXT, 1.0)
    assert url == "memory://t18/out/report.json"
    assert json.loads(memory.cat_file("/t18/out/report.json"))["counts"]["skipped"] == 4


def test_scheduler_option_is_checked():
    assert batch_dask.parse_scheduler("local:3") == 3
    assert batch_dask.parse_scheduler("tcp://10.0.0.1:8786") == "tcp://10.0.0.1:8786"
    for bad in ("local:0", "local:x", " "):
        with pytest.raises(UsageError):
            batch_dask.parse_scheduler(bad)
    result = CliRunner().invoke(cli, ["batch", "memory://nowhere", "-o", "memory://o", "--scheduler", "local:1"])
    assert result.exit_code == 2 and "no such folder" in result.stderr


def test_plain_batch_never_imports_dask(tmp_path):
    """With Dask unimportable, the plain batch works, and --scheduler says what to install."""
    _copies(tmp_path / "src", 1)
    script = textwrap.dedent(f"""
        import sys
        for name in ("dask", "distributed", "fsspec"):
            sys.modules[name] = None  # importing it now raises ImportError
        from click.testing import CliRunner
        from teikit.cli import cli
        src, out = {str(tmp_path / "src")!r}, {str(tmp_path / "out")!r}
        plain = CliRunner().invoke(cli, ["batch", src, "-o", out, "--no-validate", "--jobs", "1"])
        loaded = [m for m in sys.modules if m.split(".")[0] in ("dask", "distributed", "fsspec") and "." in m]
        dask = CliRunner().invoke(cli, ["batch", src, "-o", out, "--scheduler", "local:2"])
        print(plain.exit_code, loaded, dask.exit_code, dask.stderr.strip())
    """)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("0 [] 2 ") and "pip install 'teikit[dask]'" in result.stdout


def test_rerun_after_a_killed_run_completes_only_what_is_missing(tmp_path, shared):
    """The whole run (client, LocalCluster, workers) killed part-way; the same command again
    skips every record whose outputs were complete and does the rest."""
    src = _copies(tmp_path / "src", 20)
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "teikit", "batch", str(src), "-o", str(out), "--to", "text", "--no-validate",
           "--scheduler", "local:2"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.time() + 120
    while time.time() < deadline and len(list(out.glob("*.tei.xml"))) < 3:
        time.sleep(0.02)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    done_before = {p.name for p in out.glob("*.tei.xml")}
    assert 3 <= len(done_before) < 20, "the run should have been killed part-way"
    result = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    report = json.loads((out / "report.json").read_text())
    skipped = {os.path.basename(r["source"]).replace(".txt", ".tei.xml") for r in report["records"]
               if r["status"] == "skipped"}
    assert skipped == done_before and report["counts"]["valid"] == 20 - len(done_before)
    assert len(list(out.glob("*.tei.xml"))) == 20 and len(list(out.glob("*.text.txt"))) == 20
    assert not list(out.glob(".*.tmp"))


def test_dask_plans_outputs_as_plain_batch(tmp_path, client):
    """rec.txt and rec.md keep both outputs, and an output folder inside the input folder never
    turns a previous run's outputs into records (batch.plan_jobs decides, on both paths)."""
    src = tmp_path / "src"
    src.mkdir()
    shutil.copy(SAMPLE, src / "rec.txt")
    shutil.copy(SAMPLE, src / "rec.md")
    out = src / "out"
    for _ in range(2):
        outcomes = batch_dask.run_batch_dask(str(src), str(out), TEXT, client=client)
        assert sorted(o.source for o in outcomes) == [str(src / "rec.md"), str(src / "rec.txt")]
        batch_dask.write_report_to(str(out), outcomes, TEXT, 0.0)  # as the CLI does after each run
    assert {p.name for p in out.iterdir() if p.name.endswith(".tei.xml")} == {"rec.md.tei.xml", "rec.txt.tei.xml"}
