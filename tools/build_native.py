"""Compile the stance engine's modules to C with mypyc (optional, ≈2–3× faster extraction).

    python tools/build_native.py [--force] [--clean] [--strict]

The compiled modules are built in place (``model/**/*.so`` beside their ``.py``
sources, plus one shared ``stance_atlas_native__mypyc`` library at the project
root) and listed in ``model/_native.json`` with the hash of each source, of each
``model`` module they import, and the mypy version.  At import, ``model.native``
compares those hashes with the sources and uses the compiled modules only when
all of them match — an edited source is never shadowed by a stale build.
Without a C compiler (or with ``STANCE_ATLAS_PURE=1``) the same code runs as
plain Python.

The build is skipped when the manifest matches and the same mypy is installed.
By default a failed build (no compiler, a mypyc or compiler error) does not fail
the caller: the error is printed and the pure-Python modules stay in use.  With
``--strict`` (``make test``, CI) it exits 1, so that the speed-up is not lost
silently.  Ctrl-C stops the build, removes what it had made, and is not hidden.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from model import native  # noqa: E402


def _remove_builds() -> None:
    for name in native.MODULES:
        for so in native.built_files(name):
            so.unlink(missing_ok=True)
    for so in ROOT.glob(f"{native.GROUP}__mypyc*.so"):
        so.unlink(missing_ok=True)
    native.MANIFEST.unlink(missing_ok=True)


def build() -> None:
    from mypyc.build import mypycify  # only needed to build
    from setuptools import Distribution

    sources = [str(native.source(name).relative_to(ROOT)) for name in native.MODULES]
    with tempfile.TemporaryDirectory() as tmp:
        cwd = Path.cwd()
        os.chdir(ROOT)
        try:
            ext = mypycify(["--ignore-missing-imports", *sources], opt_level="3", multi_file=True,
                           group_name=native.GROUP, target_dir=str(Path(tmp) / "c"))
            dist = Distribution({"name": "stance-atlas-native", "ext_modules": ext})
            cmd = dist.get_command_obj("build_ext")
            cmd.inplace = True
            cmd.build_temp = str(Path(tmp) / "obj")
            cmd.parallel = os.cpu_count() or 1
            dist.run_command("build_ext")
        finally:
            os.chdir(cwd)


def _failed(why: str, strict: bool) -> int:
    """Say why there is no compiled engine; 1 under ``--strict``, else 0 (plain Python is used)."""
    if strict:
        print(f"error: {why}; --strict: failing", file=sys.stderr)
        return 1
    print(f"warning: {why}; the engine runs as plain Python (slower)", file=sys.stderr)
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--force", action="store_true", help="rebuild even when the build is up to date")
    ap.add_argument("--clean", action="store_true", help="remove the compiled modules and stop")
    ap.add_argument("--strict", action="store_true", help="exit 1 when the engine cannot be compiled")
    args = ap.parse_args(argv)
    if args.clean:
        _remove_builds()
        print("compiled engine removed; the pure-Python modules are in use")
        return 0
    if not args.force and native.manifest_matches() and not native.built_with_other_mypy():
        print("compiled engine is up to date")
        return 0
    _remove_builds()
    if shutil.which(os.environ.get("CC", "cc")) is None:
        return _failed("no C compiler found", args.strict)
    print("compiling the engine with mypyc (about a minute) …", flush=True)
    try:
        build()
    except KeyboardInterrupt:
        _remove_builds()
        raise
    except (Exception, SystemExit) as exc:  # noqa: BLE001 - mypyc reports type errors with sys.exit
        _remove_builds()
        return _failed(f"compiling the engine failed ({type(exc).__name__}: {exc})", args.strict)
    native.write_manifest()
    print(f"compiled {len(native.MODULES)} modules; manifest written to {native.MANIFEST.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
