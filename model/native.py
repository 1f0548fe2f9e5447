"""Use the mypyc-compiled engine modules only when they were built from the current sources.

``tools/build_native.py`` compiles :data:`MODULES` in place and writes
``model/_native.json`` with a hash of each source, of every ``model`` module
they import (directly or through another: mypyc compiled them against those
modules' types), and the mypy version that compiled them.  :func:`enable`
(called by ``model/__init__``) compares the hashes before any of those modules
is imported: when everything matches, the compiled modules load as usual; when
a source was edited since, a compiled file is missing, or
``STANCE_ATLAS_PURE=1`` is set, an import finder makes Python load the ``.py``
sources instead, so a stale build can never run in place of the code beside it.
"""

from __future__ import annotations

import ast
import hashlib
import importlib.abc
import importlib.machinery
import importlib.util
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]
MANIFEST = Path(__file__).with_name("_native.json")
#: the shared C library of the compiled group sits at the project root
GROUP = "stance_atlas_native"
#: the hot path of extraction, compiled as one group: every module of ``model/engine/``
#: (objects sent to spawned workers pickle the same compiled or not)
MODULES: tuple[str, ...] = tuple(
    f"model.engine.{p.stem}" for p in sorted((ROOT / "model" / "engine").glob("*.py")) if p.stem != "__init__")

_state = {"active": False, "reason": "not checked"}


def source(name: str) -> Path:
    return ROOT.joinpath(*name.split(".")).with_suffix(".py")


def built_files(name: str) -> list[Path]:
    """Compiled files of one module, for any Python version."""
    src = source(name)
    return [p for p in src.parent.glob(f"{src.stem}.*") if p.suffix in (".so", ".pyd")]


def _suffix() -> str:
    return importlib.machinery.EXTENSION_SUFFIXES[0]


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _module_file(name: str) -> Path | None:
    """The source of a ``model`` module or package, if ``name`` is one (not a name inside a module)."""
    path = ROOT.joinpath(*name.split("."))
    for candidate in (path.with_suffix(".py"), path / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def _imports_of(name: str) -> set[str]:
    """The ``model`` modules and packages that module ``name`` imports (anywhere in it, typing-only too)."""
    path = _module_file(name)
    if path is None:
        return set()
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_bytes(), filename=str(path))):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
        for full in names:
            parts = full.split(".")
            if parts[0] != "model":
                continue
            for i in range(1, len(parts) + 1):  # importing model.engine.spans runs model/ and model/engine/ too
                prefix = ".".join(parts[:i])
                if _module_file(prefix) is not None:
                    found.add(prefix)
    return found


def dependencies(modules: Sequence[str] = MODULES) -> list[str]:
    """Every ``model`` module the compiled ``modules`` import, directly or not, other than themselves."""
    seen: set[str] = set()
    todo = list(modules)
    while todo:
        name = todo.pop()
        for dep in _imports_of(name):
            if dep not in seen:
                seen.add(dep)
                todo.append(dep)
    return sorted(seen - set(modules))


def _dependency_file(name: str) -> Path:
    found = _module_file(name)
    return found if found is not None else source(name)


def mypy_version() -> str:
    """The installed mypy's version ("" without mypy); read from its metadata, mypy is not imported."""
    from importlib.metadata import PackageNotFoundError, version  # noqa: PLC0415 (only when building)

    try:
        return version("mypy")
    except PackageNotFoundError:
        return ""


def current() -> dict[str, object]:
    """What the manifest records for a build of the present sources."""
    return {
        "abi": _suffix(),
        "mypy": mypy_version(),
        "modules": {name: _digest(source(name)) for name in MODULES},
        "imports": {name: _digest(_dependency_file(name)) for name in dependencies()},
    }


def write_manifest() -> None:
    tmp = MANIFEST.with_suffix(".tmp")
    tmp.write_text(json.dumps(current(), indent=1) + "\n", encoding="utf-8")
    os.replace(tmp, MANIFEST)


def _recorded() -> dict[str, object]:
    try:
        data = json.loads(MANIFEST.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def built_with_other_mypy() -> bool:
    """Was the build made by another mypy than the one installed? (a rebuild is due, the build still runs)"""
    return _recorded().get("mypy") != mypy_version()


def _mismatch() -> str:
    """Why the compiled modules cannot be used ("" when they can)."""
    if not MANIFEST.exists():
        return "not built (run tools/build_native.py)"
    try:
        recorded = json.loads(MANIFEST.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        return f"unreadable manifest ({exc})"
    suffix = _suffix()
    if recorded.get("abi") != suffix:
        return f"built for another Python ({recorded.get('abi')})"
    if not list(ROOT.glob(f"{GROUP}__mypyc{suffix}")):
        return "shared library missing"
    modules = recorded.get("modules", {})
    for name in MODULES:
        if not source(name).with_suffix(suffix).exists():
            return f"{name}: compiled file missing"
        if modules.get(name) != _digest(source(name)):
            return f"{name}: source changed since the build"
    return changed_import(recorded.get("imports"))


def changed_import(imports: object) -> str:
    """Why the recorded ``imports`` of a build no longer match the sources ("" when they do).

    The compiled code relies on the types of the uncompiled modules it imports; the list is
    recorded at build time, so that no source is parsed at each start."""
    if not isinstance(imports, dict):
        return "manifest without the imported modules (rebuild)"
    for name, digest in imports.items():
        path = _dependency_file(name)
        if not path.is_file() or digest != _digest(path):
            return f"{name}: imported module changed since the build"
    return ""


def manifest_matches() -> bool:
    return _mismatch() == ""


class _SourceFinder(importlib.abc.MetaPathFinder):
    """Loads the listed modules from their ``.py`` files, whatever else lies beside them."""

    def find_spec(self, fullname: str, path: Sequence[str] | None,
                  target: ModuleType | None = None) -> importlib.machinery.ModuleSpec | None:
        if fullname not in MODULES:
            return None
        return importlib.util.spec_from_file_location(fullname, source(fullname))


def enable() -> bool:
    """Decide once, before the engine is imported, whether the compiled modules are used."""
    if _state["reason"] != "not checked":
        return bool(_state["active"])
    reason = "STANCE_ATLAS_PURE is set" if os.environ.get("STANCE_ATLAS_PURE") else _mismatch()
    if reason:
        sys.meta_path.insert(0, _SourceFinder())
        _state.update(active=False, reason=reason)
        return False
    if str(ROOT) not in sys.path:
        sys.path.append(str(ROOT))  # the compiled modules import the group library by its top-level name
    _state.update(active=True, reason="compiled")
    return True


def active() -> bool:
    """Are the compiled engine modules in use?"""
    return bool(_state["active"])


def status() -> str:
    """One line for About boxes and benchmarks."""
    return "compiled (mypyc)" if _state["active"] else f"plain Python — {_state['reason']}"
