"""Done-when: `main.py extract` on a folder of good and bad files writes the good ones'
statements, names each bad file with its reason on stderr, and exits 1."""

import io
import json
import subprocess
import sys
from pathlib import Path

from model.cli import run

from .makers import (
    BILLION_LAUGHS,
    pdf_bytes,
    rewrite_zip_part,
    write_docx,
    write_jsonl,
    write_pdf,
    write_xlsx,
    write_zip_bomb,
)

ROOT = Path(__file__).resolve().parents[3]

GOOD = {
    "a.txt": "PAK",
    "page.html": "RUS",
    "memo.docx": "JPN",
    "report.pdf": "IND",
    "wire.jsonl": "CHN",
    "sheet.xlsx": "IRN",
}
BAD = {
    "empty.txt": "empty",
    "binary.txt": "binary",
    "cut.pdf": "truncated",
    "locked.docx": "zip bomb",
    "evil.xlsx": "declares XML entities",
    "broken.docx": "damaged",
}


def mixed(root: Path) -> Path:
    root.mkdir()
    (root / "a.txt").write_text("ISLAMABAD: Pakistan condemned the attack on the embassy.")
    (root / "page.html").write_text(
        "<html><head><title>Talks</title><script>alert('Japan condemned nothing')</script></head><body>"
        "<nav>Home | World</nav><article><p>MOSCOW: Russia welcomed the talks held in the capital on Monday, "
        "officials said after the meeting ended.</p></article></body></html>")
    write_docx(root / "memo.docx", ["Japan condemned the missile launch."])
    write_pdf(root / "report.pdf", ["India welcomed the agreement."])
    write_jsonl(root / "wire.jsonl", [{"id": "w1", "text": "China supported the proposal."}])
    write_xlsx(root / "sheet.xlsx", [["id", "body"], ["s1", "Iran rejected the plan."]])
    (root / "empty.txt").write_text("")
    (root / "binary.txt").write_bytes(b"\x00\x01\xff" * 500)
    data = pdf_bytes(["Egypt condemned the attack."])
    (root / "cut.pdf").write_bytes(data[: len(data) // 2])
    write_zip_bomb(root / "locked.docx", "word/document.xml", megabytes=30)
    good_x = write_xlsx(root.parent / "tmp.xlsx", [["text"], ["Iraq condemned it."]])
    rewrite_zip_part(good_x, root / "evil.xlsx", "xl/worksheets/sheet1.xml", BILLION_LAUGHS)
    (root / "broken.docx").write_bytes(b"PK\x03\x04" + b"\x00" * 200)
    return root


def check(out: Path, stderr: str, root: Path) -> None:
    recs = [json.loads(line) for line in out.read_text().splitlines()]
    assert {r["actor"] for r in recs} == set(GOOD.values())
    errors = [line for line in stderr.splitlines() if line.startswith("error: ")]
    assert len(errors) == len(BAD)
    for name, reason in BAD.items():
        assert any(f"{root / name}: " in line and reason in line for line in errors), (name, errors)


def test_extract_in_process(tmp_path):
    root = mixed(tmp_path / "docs")
    out = tmp_path / "s.jsonl"
    err = io.StringIO()
    assert run("extract", [str(root), "-o", str(out)], err=err) == 1
    check(out, err.getvalue(), root)


def test_main_py_extract_command(tmp_path):
    root = mixed(tmp_path / "docs")
    out = tmp_path / "s.jsonl"
    proc = subprocess.run([sys.executable, str(ROOT / "main.py"), "extract", str(root), "-o", str(out)],
                          capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert proc.returncode == 1, proc.stderr
    assert proc.stdout == ""
    check(out, proc.stderr, root)


def test_text_field_and_max_mb_options(tmp_path):
    write_jsonl(tmp_path / "c.jsonl", [{"id": "1", "story": "Russia welcomed the talks."}])
    out = tmp_path / "s.jsonl"
    assert run("extract", [str(tmp_path / "c.jsonl"), "-o", str(out), "-q", "--text-field", "story"]) == 0
    assert [json.loads(x)["actor"] for x in out.read_text().splitlines()] == ["RUS"]
    err = io.StringIO()
    assert run("extract", [str(tmp_path / "c.jsonl"), "-o", str(out), "-q", "--max-mb", "0.00001"], err=err) == 3
    assert "limit" in err.getvalue()           # nothing could be read: nothing written, exit 3
    assert [json.loads(x)["actor"] for x in out.read_text().splitlines()] == ["RUS"]
    assert run("extract", [str(tmp_path), "-o", str(out), "--max-mb", "0"], err=io.StringIO()) == 2
