"""teikit batch: mixed inputs, report, skip-if-newer, --force, resume after a kill."""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner
from lxml import etree

from teikit.batch import BatchOptions, Job, output_paths, run_batch
from teikit.cli import cli
from teikit.cli.export import output_names
from teikit.writers import FORMATS

from conftest import PDF_TEXTS, SAMPLE, TEI_ALL


@pytest.fixture()
def records(tmp_path, shared):
    src = tmp_path / "src"
    (src / "sub").mkdir(parents=True)
    shutil.copy(SAMPLE, src / "wilson-110390.txt")
    for path in sorted(PDF_TEXTS.glob("*.txt")):
        shutil.copy(path, src / "sub" / path.name)
    (src / "broken.txt").write_text("not a record at all\n", encoding="utf-8")
    (src / "empty.md").write_bytes(b"")
    return src


def _batch(src, out, *extra):
    args = ["batch", str(src), "-o", str(out), "--schema", "tei_all", "--tei-all", str(TEI_ALL), "--jobs", "1", *extra]
    return CliRunner().invoke(cli, args)


def test_mixed_inputs_complete_and_report(records, tmp_path):
    out = tmp_path / "out"
    result = _batch(records, out, "--to", "html,text")
    assert result.exit_code == 1  # two bad records
    report = json.loads((out / "report.json").read_text())
    statuses = {os.path.basename(r["source"]): r["status"] for r in report["records"]}
    assert statuses == {"wilson-110390.txt": "valid", "113379.txt": "valid", "117031.txt": "valid",
                        "122809.txt": "valid", "broken.txt": "failed", "empty.md": "failed"}
    assert report["counts"]["valid"] == 4 and report["counts"]["failed"] == 2
    errors = {os.path.basename(r["source"]): r["error"] for r in report["records"] if r["error"]}
    assert "no recognisable record sections" in errors["broken.txt"] and "empty file" in errors["empty.md"]
    assert (out / "sub" / "113379.tei.xml").exists() and (out / "sub" / "113379.html").exists()
    assert (out / "wilson-110390.text.txt").read_text(encoding="utf-8").strip()
    assert "failed" in result.stderr and "broken.txt" in result.stderr
    assert "6/6" in result.stderr  # the progress bar's record count (its bar and ETA go by bytes)


def test_rerun_skips_up_to_date_and_force_redoes(records, tmp_path):
    out = tmp_path / "out"
    (records / "broken.txt").unlink()
    (records / "empty.md").unlink()
    assert _batch(records, out).exit_code == 0
    second = json.loads((_batch(records, out), out / "report.json")[1].read_text())
    assert second["counts"]["skipped"] == 4
    future = time.time() + 5
    os.utime(records / "wilson-110390.txt", (future, future))  # the input changed
    third = json.loads((_batch(records, out), out / "report.json")[1].read_text())
    assert third["counts"]["skipped"] == 3 and third["counts"]["valid"] == 1
    forced = json.loads((_batch(records, out, "--force"), out / "report.json")[1].read_text())
    assert forced["counts"]["skipped"] == 0 and forced["counts"]["valid"] == 4


def test_missing_format_output_is_redone(records, tmp_path):
    out = tmp_path / "out"
    (records / "broken.txt").unlink()
    (records / "empty.md").unlink()
    _batch(records, out, "--to", "text")
    (out / "sub" / "117031.text.txt").unlink()
    report = json.loads((_batch(records, out, "--to", "text"), out / "report.json")[1].read_text())
    assert report["counts"]["skipped"] == 3 and (out / "sub" / "117031.text.txt").exists()


def test_parallel_run_matches_serial(records, tmp_path):
    (records / "broken.txt").unlink()
    serial = run_batch(records, tmp_path / "a", BatchOptions(formats=("text",), jobs=1, validate=False))
    parallel = run_batch(records, tmp_path / "b", BatchOptions(formats=("text",), jobs=2, validate=False))
    assert [(os.path.basename(o.source), o.status) for o in serial] == [
        (os.path.basename(o.source), o.status) for o in parallel]
    for o in serial:
        if o.status == "valid":
            rel = os.path.relpath(o.outputs[0], tmp_path / "a")
            assert (tmp_path / "a" / rel).read_bytes() == (tmp_path / "b" / rel).read_bytes()


@pytest.mark.parametrize("jobs", [1, 2])
def test_workers_are_replaced_after_their_share_of_records(records, tmp_path, monkeypatch, jobs):
    """Each worker leaves after RECORDS_PER_WORKER records (its memory then goes back to the
    system); the records after it go to new workers and every record is still done once.
    With --jobs 1 too, once a corpus has more records than one worker's share."""
    import teikit.batch as batch

    monkeypatch.setattr(batch, "RECORDS_PER_WORKER", 2 // jobs)
    outcomes = run_batch(records, tmp_path / "out", BatchOptions(formats=("text",), jobs=jobs, validate=False))
    assert len(outcomes) == 6 and len({o.source for o in outcomes}) == 6
    workers = {o.worker for o in outcomes}
    assert len(workers) >= 3 and os.getpid() not in workers  # 6 records, 2 per generation
    assert sorted(o.status for o in outcomes) == ["failed", "failed", "valid", "valid", "valid", "valid"]


def test_generations_give_each_worker_at_most_its_share_and_one_huge_record(monkeypatch):
    import teikit.batch as batch

    monkeypatch.setattr(batch, "RECORDS_PER_WORKER", 3)
    monkeypatch.setattr(batch, "file_size", lambda source: batch.HUGE_RECORD_BYTES if source[0] == "h" else 10)
    jobs = [Job(name, name, "", BatchOptions()) for name in ["h0", "h1", "h2", "h3", "h4"] + [f"s{i}" for i in range(7)]]
    sizes = {job.source: batch.file_size(job.source) for job in jobs}
    groups = [[job.source for job in group] for group in batch._generations(jobs, sizes, 2)]
    assert groups == [["h0", "h1"], ["h2", "h3"], ["h4", "s0", "s1", "s2", "s3", "s4"], ["s5", "s6"]]
    assert batch._generations([], {}, 2) == []
    many = jobs[:5] + [Job(f"s{i}", "", "", BatchOptions()) for i in range(100)]
    chunks = [len(chunk) for chunk in batch._chunks(many, {job.source: batch.file_size(job.source) for job in many}, 1)]
    assert chunks == [1] * 5 + [13] * 7 + [9]  # a huge record alone; 105 // 8 = 13 a chunk


def test_a_record_that_kills_its_worker_fails_alone(records, tmp_path, monkeypatch):
    """A worker that dies (the OOM killer, a crash in a library) takes no other record with it:
    the records it left are run again, and the one that killed it is reported as failed."""
    import teikit.batch as batch

    process = batch._process
    monkeypatch.setattr(batch, "_process", lambda job, outcome: os._exit(9) if job.source.endswith("117031.txt")
                        else process(job, outcome))  # the forked workers inherit this
    outcomes = run_batch(records, tmp_path / "out", BatchOptions(formats=("text",), jobs=2, validate=False))
    statuses = {os.path.basename(o.source): o.status for o in outcomes}
    assert statuses == {"wilson-110390.txt": "valid", "113379.txt": "valid", "117031.txt": "failed",
                        "122809.txt": "valid", "broken.txt": "failed", "empty.md": "failed"}
    died = next(o for o in outcomes if o.source.endswith("117031.txt"))
    assert "worker process died" in died.error and len(outcomes) == 6


def test_output_names_are_distinct_per_format(tmp_path):
    job = Job(str(tmp_path / "r.txt"), "r.txt", str(tmp_path), BatchOptions(formats=tuple(FORMATS)))
    names = [p.name for p in output_paths(job)]
    assert names[0] == "r.tei.xml" and len(set(names)) == len(names) == len(FORMATS) + 1
    assert all(name.endswith(FORMATS[fmt].extension) for name, fmt in zip(names[1:], FORMATS))


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_export_and_batch_name_outputs_with_one_function(tmp_path, fmt):
    """batch's name is export's with the format named before the extension (html as is)."""
    exported = output_names([str(tmp_path / "r.tei.xml")], tmp_path, fmt, "text")[0].name
    batched = output_paths(Job(str(tmp_path / "r.txt"), "r.txt", str(tmp_path), BatchOptions(formats=(fmt,))))[1].name
    assert exported == "r" + FORMATS[fmt].extension
    assert batched == exported if fmt == "html" else batched == f"r.{fmt}{FORMATS[fmt].extension}"


def test_resume_after_kill(tmp_path, shared):
    src = tmp_path / "src"
    src.mkdir()
    for i in range(40):
        shutil.copy(SAMPLE, src / f"r{i:03d}.txt")
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "teikit", "batch", str(src), "-o", str(out), "--to", "html,text",
           "--no-validate", "--jobs", "1"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.time() + 60
    while time.time() < deadline and len(list(out.glob("*.tei.xml"))) < 3:
        time.sleep(0.02)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    done_before = len(list(out.glob("*.tei.xml")))
    assert 3 <= done_before < 40, "the run should have been killed part-way"
    for tei_file in out.glob("*.tei.xml"):  # whatever exists is complete
        etree.parse(str(tei_file))
    result = subprocess.run(cmd, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    report = json.loads((out / "report.json").read_text())
    assert report["counts"]["skipped"] >= done_before - 1
    assert len(list(out.glob("*.tei.xml"))) == 40 and len(list(out.glob("*.html"))) == 40
    assert not list(out.glob(".*.tmp"))


def test_missing_source_folder_and_bad_format(tmp_path):
    result = CliRunner().invoke(cli, ["batch", str(tmp_path / "nope"), "-o", str(tmp_path / "o")])
    assert result.exit_code == 2 and "no such folder" in result.stderr
    result = CliRunner().invoke(cli, ["batch", str(tmp_path), "-o", str(tmp_path / "o"), "--to", "pdf"])
    assert result.exit_code == 2 and "unknown format" in result.stderr


def _two_records(src):
    src.mkdir(parents=True, exist_ok=True)
    shutil.copy(SAMPLE, src / "rec.txt")
    shutil.copy(SAMPLE, src / "rec.md")


def test_records_sharing_a_stem_keep_their_extensions(tmp_path):
    _two_records(tmp_path / "src")
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["batch", str(tmp_path / "src"), "-o", str(out), "--to", "text", "--no-validate", "-j", "1"])
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in out.iterdir())
    assert names == ["rec.md.tei.xml", "rec.md.text.txt", "rec.txt.tei.xml", "rec.txt.text.txt", "report.json"]


def test_an_output_over_an_input_is_refused_before_any_work(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    shutil.copy(SAMPLE, src / "x.txt")
    (src / "x.text.txt").write_bytes(SAMPLE.read_bytes())  # an input that x.txt's text export would overwrite
    before = (src / "x.text.txt").read_bytes()
    result = CliRunner().invoke(cli, ["batch", str(src), "-o", str(src), "--to", "text", "--no-validate", "-j", "1"])
    assert result.exit_code == 2 and "over an input" in result.stderr
    assert (src / "x.text.txt").read_bytes() == before and not list(src.glob("*.tei.xml"))


def test_output_folder_inside_the_inputs_is_not_read_as_records(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    shutil.copy(SAMPLE, src / "x.txt")
    for _ in range(2):  # the second run must not take x.text.txt (an output) for a record
        result = CliRunner().invoke(cli, ["batch", str(src), "-o", str(src), "--to", "text", "--no-validate", "-j", "1"])
        assert result.exit_code == 0, result.output
        report = json.loads((src / "report.json").read_text())
        assert [os.path.basename(r["source"]) for r in report["records"]] == ["x.txt"]


def test_invalid_verdict_survives_a_rerun(tmp_path):
    """A skipped record keeps its last verdict in report.json, and the exit code stays 1."""
    src = tmp_path / "src"
    src.mkdir()
    shutil.copy(SAMPLE, src / "x.txt")
    rng = tmp_path / "nothing.rng"  # a grammar no TEI document satisfies
    rng.write_text('<element name="nothing" xmlns="http://relaxng.org/ns/structure/1.0"><empty/></element>')
    args = ["batch", str(src), "-o", str(tmp_path / "out"), "--schema", str(rng), "-j", "1"]
    assert CliRunner().invoke(cli, args).exit_code == 1
    second = CliRunner().invoke(cli, args)
    report = json.loads((tmp_path / "out" / "report.json").read_text())
    assert report["records"][0]["status"] == "skipped" and report["records"][0]["verdict"] == "invalid"
    assert second.exit_code == 1 and report["counts"]["invalid_on_disk"] == 1
    (tmp_path / "out" / "report.json").unlink()  # a killed run leaves no report: the TEI on disk is validated
    third = CliRunner().invoke(cli, args)
    report = json.loads((tmp_path / "out" / "report.json").read_text())
    assert third.exit_code == 1 and report["records"][0]["verdict"] == "invalid"


def _children(pid: int) -> list[int]:
    try:
        return [int(p) for p in open(f"/proc/{pid}/task/{pid}/children").read().split()]
    except OSError:
        return []


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="signals and /proc as on Linux")
@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_a_signal_stops_the_run_cleanly(tmp_path, sig):
    src = tmp_path / "src"
    src.mkdir()
    for i in range(200):
        shutil.copy(SAMPLE, src / f"r{i:03d}.txt")
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "teikit", "batch", str(src), "-o", str(out), "--to", "html", "--no-validate", "--jobs", "2"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.time() + 60
    while time.time() < deadline and len(list(out.glob("*.tei.xml"))) < 2:
        time.sleep(0.02)
    workers = _children(proc.pid)
    proc.send_signal(sig)
    sent = time.time()
    _, stderr = proc.communicate(timeout=30)
    assert time.time() - sent < 5 and proc.returncode == 130, stderr
    assert "interrupted" in stderr.decode()
    time.sleep(0.2)
    assert not [w for w in workers if os.path.exists(f"/proc/{w}") and open(f"/proc/{w}/stat").read().split()[2] != "Z"]
    report = json.loads((out / "report.json").read_text())
    assert report["counts"]["interrupted"] > 0 and report["counts"]["total"] == 200
    for html in out.glob("*.html"):  # no partial record: each export has its TEI
        assert html.with_suffix(".tei.xml").exists()
    assert not list(out.glob(".*.tmp"))


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux's")
def test_workers_die_with_their_parent(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    for i in range(200):
        shutil.copy(SAMPLE, src / f"r{i:03d}.txt")
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "teikit", "batch", str(src), "-o", str(out), "--no-validate", "--jobs", "2"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 60
    while time.time() < deadline and len(list(out.glob("*.tei.xml"))) < 2:
        time.sleep(0.02)
    workers = _children(proc.pid)
    assert workers
    proc.kill()
    proc.wait()
    time.sleep(1)
    alive = [w for w in workers if os.path.exists(f"/proc/{w}") and open(f"/proc/{w}/stat").read().split()[2] != "Z"]
    assert not alive
