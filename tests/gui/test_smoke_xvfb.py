"""The real app, ``python main.py``, in a real window on a virtual X screen (Xvfb, Qt's xcb platform).

It opens the seed set, draws, saves what the X server shows of the window
(``STANCE_ATLAS_SCREENSHOT``) and quits with status 0.  Skipped, saying why,
when Xvfb is not installed (Debian: ``xvfb libxcb-icccm4 libxcb-keysyms1``).
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(
    shutil.which("Xvfb") is None,
    reason="Xvfb is not installed (apt-get install xvfb libxcb-icccm4 libxcb-keysyms1); the real-window smoke test needs it",
)


@pytest.fixture
def xvfb_display():
    """A private Xvfb server; Xvfb picks a free display number and writes it to a pipe."""
    read_fd, write_fd = os.pipe()
    proc = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
        pass_fds=(write_fd,), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    os.close(write_fd)
    with os.fdopen(read_fd) as pipe:
        number = pipe.readline().strip()
    if not number:
        proc.kill()
        err = proc.communicate(timeout=10)[1].decode(errors="replace")
        pytest.fail(f"Xvfb did not start: {err.strip()[:500]}")
    yield f":{number}"
    proc.terminate()
    proc.wait(timeout=10)


def test_main_opens_the_seed_set_draws_and_quits(xvfb_display, tmp_path):
    shot = tmp_path / "window.png"
    env = {
        **os.environ,
        "DISPLAY": xvfb_display,
        "QT_QPA_PLATFORM": "xcb",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),  # settings go here, not to the user's
        "STANCE_ATLAS_SCREENSHOT": str(shot),
    }
    env.pop("WAYLAND_DISPLAY", None)
    done = subprocess.run([sys.executable, "main.py"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "Traceback" not in done.stderr, done.stderr[-2000:]
    image = QImage(str(shot))
    assert not image.isNull()
    assert image.width() >= 800 and image.height() >= 500
    # a drawn window has many colours (text, the matrix's diverging scale), a blank or black one has one or two
    colours = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
    assert len(colours) > 20
    assert (tmp_path / "config").exists()  # the layout was saved on quit
