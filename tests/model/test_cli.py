"""The command line never destroys data: OUT may not be an input, nothing read means nothing
written (exit 3), odd file names and bad options give messages instead of tracebacks."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from model.cli import EXIT_NOT_WRITTEN, EXIT_NOTHING_READ, EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, run, shown

ROOT = Path(__file__).resolve().parents[2]
GOOD_TEXT = "Russia welcomed the talks with Pakistan."
FORMULA = '=HYPERLINK("http://evil.test","Russia welcomed the talks with Pakistan.")'


def corpus(path: Path, *texts: str) -> Path:
    with open(path, "w", encoding="utf-8") as fh:
        for n, text in enumerate(texts or (GOOD_TEXT,)):
            fh.write(json.dumps({"id": str(n), "text": text}) + "\n")
    return path


def strict_stream() -> tuple[io.TextIOWrapper, io.BytesIO]:
    """A stderr that raises on anything not encodable (lone surrogates)."""
    raw = io.BytesIO()
    return io.TextIOWrapper(raw, encoding="utf-8", errors="strict", write_through=True), raw


def cli(command: str, *argv: str) -> tuple[int, str]:
    err = io.StringIO()
    code = run(command, [*argv, "-q"], err=err)
    return code, err.getvalue()


# ---- 1. never destroy data ------------------------------------------------------

@pytest.mark.parametrize(("command", "name"), [("extract", "c.jsonl"), ("extract", "c.csv"), ("export", "c.csv"),
                                               ("export", "c.json")])
def test_output_that_is_an_input_is_refused(tmp_path, command, name):
    src = tmp_path / name
    if name.endswith(".jsonl"):
        corpus(src)
    elif name.endswith(".csv"):
        src.write_text(f"id,text\n1,{GOOD_TEXT}\n")
    else:
        src.write_text(json.dumps([{"id": "1", "text": GOOD_TEXT}]))
    before = src.read_bytes()
    code, err = cli(command, str(src), "-o", str(src))
    assert code == EXIT_USAGE
    assert "is the input" in err and "would destroy" in err
    assert src.read_bytes() == before
    # the same file under another spelling, and through a folder given as input
    code, _ = cli(command, str(src), "-o", str(tmp_path / "." / ".." / tmp_path.name / name))
    assert code == EXIT_USAGE and src.read_bytes() == before
    code, err = cli(command, str(tmp_path), "-o", str(src))
    assert code == EXIT_USAGE and "in the folder" in err and src.read_bytes() == before


def test_output_linked_to_an_input_is_refused(tmp_path):
    src = corpus(tmp_path / "c.jsonl")
    before = src.read_bytes()
    os.link(src, tmp_path / "hard.jsonl")
    (tmp_path / "sym.jsonl").symlink_to(src)
    for out in ("hard.jsonl", "sym.jsonl"):
        assert cli("extract", str(src), "-o", str(tmp_path / out))[0] == EXIT_USAGE
    assert src.read_bytes() == before


def test_new_output_inside_an_input_folder_is_written(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    corpus(docs / "c.jsonl")
    code, _ = cli("extract", str(docs), "-o", str(docs / "s.jsonl"))
    assert code == EXIT_OK and json.loads((docs / "s.jsonl").read_text().splitlines()[0])["actor"] == "RUS"
    # the second run would read its own earlier output as an input and replace it: refused
    assert cli("extract", str(docs), "-o", str(docs / "s.jsonl"))[0] == EXIT_USAGE


def test_mistyped_input_leaves_the_output_alone(tmp_path):
    keep = tmp_path / "keep.jsonl"
    keep.write_text("precious\n")
    code, err = cli("extract", str(tmp_path / "seedz"), "-o", str(keep))
    assert code == EXIT_NOTHING_READ
    assert keep.read_text() == "precious\n"
    assert "no such file or folder" in err and "nothing written" in err and "unchanged" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keep.jsonl"]


def test_only_skipped_inputs_write_nothing(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "picture.png").write_bytes(b"\x89PNG\r\n")
    (docs / ".hidden.txt").write_text(GOOD_TEXT)
    for command, out in (("extract", "s.jsonl"), ("export", "m.xlsx")):
        code, err = cli(command, str(docs), "-o", str(tmp_path / out))
        assert code == EXIT_NOTHING_READ, err
        assert not (tmp_path / out).exists()


def test_some_failed_inputs_still_write_the_rest(tmp_path):
    src = corpus(tmp_path / "c.jsonl")
    out = tmp_path / "s.jsonl"
    code, err = cli("extract", str(src), str(tmp_path / "missing.txt"), "-o", str(out))
    assert code == EXIT_SOME_FAILED and "missing.txt: no such file or folder" in err
    assert json.loads(out.read_text())["actor"] == "RUS"


def test_unwritable_output_is_its_own_status(tmp_path):
    src = corpus(tmp_path / "c.jsonl")
    out = tmp_path / "s.jsonl"
    out.write_text("old\n")
    out.chmod(0o444)
    try:
        code, err = cli("extract", str(src), "-o", str(out))
    finally:
        out.chmod(0o644)
    assert code == EXIT_NOT_WRITTEN and "read-only" in err and out.read_text() == "old\n"


# ---- 2. odd file names and options ------------------------------------------------

def test_undecodable_file_name_is_written_as_valid_utf8(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    name = os.fsdecode(b"caf\xe9.txt")                      # 'caf\udce9.txt' on a UTF-8 system
    (docs / name).write_text(GOOD_TEXT)
    corpus(docs / "wire.jsonl", "China condemned the strikes on Syria.")
    with open(docs / "wire.jsonl", "a") as fh:              # a JSON escape that decodes to a lone surrogate
        fh.write('{"id": "x\\udce9", "text": "Japan supported the proposal."}\n')
    for out in ("s.jsonl", "s.csv"):
        err, raw = strict_stream()
        assert run("extract", [str(docs), "-o", str(tmp_path / out)], err=err) == EXIT_OK
        data = (tmp_path / out).read_bytes().decode("utf-8")          # strict: valid UTF-8
        assert "caf\ufffd.txt" in data and "x\ufffd" in data
        assert raw.getvalue().decode("utf-8").endswith("statements → " + str(tmp_path / out) + "\n")
    recs = [json.loads(x) for x in (tmp_path / "s.jsonl").read_text(encoding="utf-8").splitlines()]
    assert {r["actor"] for r in recs} == {"RUS", "CHN", "JPN"}
    xlsx = tmp_path / "m.xlsx"
    err, raw = strict_stream()
    assert run("export", [str(docs), "-o", str(xlsx), "-q"], err=err) == EXIT_OK and xlsx.exists()


def test_lone_surrogates_in_a_record_id_and_text_cost_nothing(tmp_path):
    src = tmp_path / "c.jsonl"
    with open(src, "w", encoding="utf-8") as fh:                 # JSON escapes that decode to lone surrogates
        fh.write('{"id": "caf\\udce9", "title": "\\ud800", "source": "s\\udcff", '
                 '"text": "China condemned the strikes on Syria. \\ud800 \\udcff"}\n')
        fh.write(json.dumps({"id": "plain", "text": GOOD_TEXT}) + "\n")
    out = tmp_path / "s.jsonl"
    err, raw = strict_stream()
    assert run("extract", [str(src), "-o", str(out)], err=err) == EXIT_OK
    recs = [json.loads(x) for x in out.read_bytes().decode("utf-8").splitlines()]   # strict: valid UTF-8
    assert {(r["document"], r["actor"]) for r in recs} == {("caf\ufffd", "CHN"), ("plain", "RUS")}
    assert "2 documents, 2 statements" in raw.getvalue().decode("utf-8")


def test_undecodable_name_of_a_failed_file_is_named_without_a_traceback(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "good.txt").write_text(GOOD_TEXT)
    (docs / os.fsdecode(b"caf\xe9.txt")).write_text("")
    err, raw = strict_stream()
    assert run("extract", [str(docs), "-o", str(tmp_path / "s.jsonl"), "-q"], err=err) == EXIT_SOME_FAILED
    # the readers clean the lone surrogate of the name to U+FFFD before it reaches the report
    assert f"error: {docs}/caf\ufffd.txt: the file is empty" in raw.getvalue().decode("utf-8")


def test_file_names_cannot_forge_lines_on_stderr(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "good.txt").write_text(GOOD_TEXT)
    (docs / "x\nerror: forged.txt").write_text("")               # empty: named on stderr
    (docs / "y\rskipped: \x1b[2Kz.txt").write_text("")
    code, err = cli("extract", str(docs), "-o", str(tmp_path / "s.jsonl"))
    assert code == EXIT_SOME_FAILED
    lines = err.splitlines()
    assert len(lines) == 2 and all(line.startswith(f"error: {docs}/") for line in lines)
    assert f"error: {docs}/x\\nerror: forged.txt: " in err
    assert "y\\rskipped: \\x1b[2Kz.txt" in err and "\x1b" not in err and "\r" not in err


def test_shown_escapes_only_what_is_needed():
    assert shown("Zürich/a b.txt") == "Zürich/a b.txt"
    assert shown("a\\b\tc\u202ed") == "a\\\\b\\tc\\u202ed"
    assert shown(os.fsdecode(b"\xff")) == "\\xff"


@pytest.mark.parametrize("value", ["nan", "inf", "-inf", "-1", "0", "abc", "", "1e-30"])
def test_bad_max_mb_is_a_usage_error(tmp_path, value):
    src = corpus(tmp_path / "c.jsonl")
    code, err = cli("extract", str(src), "-o", str(tmp_path / "s.jsonl"), f"--max-mb={value}")
    assert code == EXIT_USAGE
    assert "--max-mb" in err and "megabytes" in err and "Traceback" not in err
    assert not (tmp_path / "s.jsonl").exists()


# ---- 3. formulas in the extract CSV ---------------------------------------------------

def _sentences(path: Path) -> list[str]:
    with open(path, newline="", encoding="utf-8") as fh:
        return [r["sentence"] for r in csv.DictReader(fh)]


def test_extract_csv_is_raw_unless_safe_csv(tmp_path):
    src = corpus(tmp_path / "c.jsonl", FORMULA)
    raw, safe = tmp_path / "raw.csv", tmp_path / "safe.csv"
    assert cli("extract", str(src), "-o", str(raw))[0] == EXIT_OK
    assert _sentences(raw) == [FORMULA]                        # the contract: sentence == text[start:end]
    assert cli("extract", str(src), "-o", str(safe), "--safe-csv")[0] == EXIT_OK
    assert _sentences(safe) == ["'" + FORMULA]
    code, err = cli("extract", str(src), "-o", str(tmp_path / "s.jsonl"), "--safe-csv")
    assert code == EXIT_USAGE and ".csv OUT only" in err


def test_help_states_the_exit_contract_and_the_formula_warning(capsys):
    assert run("extract", ["--help"]) == 0
    text = capsys.readouterr().out
    for line in ("0  every input was read", "1  some inputs failed", "2  usage error", "3  nothing could be read",
                 "4  OUT could not be written"):
        assert line in text
    assert "--safe-csv" in text and "=HYPERLINK" in text


def test_main_py_exit_3_and_no_traceback(tmp_path):
    keep = tmp_path / "keep.jsonl"
    keep.write_text("precious\n")
    proc = subprocess.run([sys.executable, str(ROOT / "main.py"), "extract", str(tmp_path / "seedz"), "-o", str(keep)],
                          capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert proc.returncode == EXIT_NOTHING_READ and "Traceback" not in proc.stderr
    assert keep.read_text() == "precious\n"


def test_a_file_read_with_a_caveat_is_a_warning_not_an_error(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "mostly.txt").write_bytes(("France’s minister said Paris supports the talks. " * 3).encode() + b"\xff")
    code, err = cli("extract", str(docs), "-o", str(tmp_path / "s.jsonl"))
    assert code == 0
    assert "warning: " in err and "mostly.txt" in err and "error:" not in err
