"""The compiled engine is used only when it matches the sources, and agrees with plain Python."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from model import native

ROOT = Path(__file__).resolve().parents[2]


def _run(code: str, pure: bool) -> str:
    env = dict(os.environ)
    env.pop("STANCE_ATLAS_PURE", None)
    if pure:
        env["STANCE_ATLAS_PURE"] = "1"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    return out.stdout


def test_pure_switch_loads_the_sources():
    out = _run("import model.engine.extract, model.native as n; print(model.engine.extract.__file__); print(n.active())", pure=True)
    path, active = out.split()
    assert path.endswith("extract.py") and active == "False"


def test_a_changed_source_disables_the_build(tmp_path, monkeypatch):
    recorded = native.current()
    recorded["modules"]["model.engine.extract"] = "0" * 64  # type: ignore[index]
    manifest = tmp_path / "_native.json"
    manifest.write_text(json.dumps(recorded), encoding="utf-8")
    monkeypatch.setattr(native, "MANIFEST", manifest)
    assert not native.manifest_matches()
    assert "source changed" in native._mismatch() or "missing" in native._mismatch()


def test_no_manifest_means_plain_python(tmp_path, monkeypatch):
    monkeypatch.setattr(native, "MANIFEST", tmp_path / "absent.json")
    assert "not built" in native._mismatch()


def test_the_manifest_covers_the_uncompiled_modules_the_engine_imports():
    deps = native.dependencies()
    # the compiled modules were type-checked against these: a change to them needs a rebuild
    assert {"model.resources", "model.documents", "model.statements", "model.progress"} <= set(deps)
    assert not set(deps) & set(native.MODULES)
    recorded = native.current()
    assert set(recorded["imports"]) == set(deps)  # type: ignore[arg-type]
    assert recorded["mypy"] == native.mypy_version() != ""


def test_a_changed_imported_module_disables_the_build():
    imports = dict(native.current()["imports"])  # type: ignore[call-overload]
    assert native.changed_import(imports) == ""
    imports["model.resources"] = "0" * 64
    assert native.changed_import(imports) == "model.resources: imported module changed since the build"
    assert "without the imported modules" in native.changed_import(None)  # a manifest from before


#: ``make test`` builds the engine with --strict and sets this: the comparison must then run
NATIVE_REQUIRED = os.environ.get("STANCE_ATLAS_NATIVE") == "required"


@pytest.mark.skipif(not NATIVE_REQUIRED and not native.manifest_matches(), reason="engine not compiled on this machine")
def test_compiled_and_plain_python_extract_the_same_statements():
    assert native.manifest_matches(), f"the compiled engine is required but unusable: {native._mismatch()}"
    code = ("import sys, model.native as n; from model.readers import load_paths; "
            "from model.engine.batch import extract_statements; "
            "df = extract_statements(load_paths(['seeds']).documents, workers=1); "
            "print(n.active()); print(df.to_json(orient='records'))")
    compiled = _run(code, pure=False).split("\n", 1)
    plain = _run(code, pure=True).split("\n", 1)
    assert compiled[0] == "True" and plain[0] == "False"
    assert json.loads(compiled[1]) == json.loads(plain[1])
    assert len(json.loads(plain[1])) > 20
