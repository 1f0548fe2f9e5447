"""The README's screenshots: taken at the size asked for, of a set filtered by id, as small 256-colour PNGs."""

import json

import numpy as np
import pytest
from PySide6.QtGui import QColor, QImage

from gui import compact_png, screenshots
from tests.gui.conftest import SEEDS


def test_sizes_are_width_x_height():
    assert screenshots.parse_size("1024x700") == (1024, 700)
    assert screenshots.parse_size("1600X1000") == (1600, 1000)
    for bad in ("1024", "x700", "1024x", "wide"):
        with pytest.raises(Exception, match="WIDTHxHEIGHT"):
            screenshots.parse_size(bad)


def test_a_jsonl_set_is_filtered_by_the_end_of_its_ids(tmp_path):
    source = tmp_path / "speeches.jsonl"
    records = [{"id": "BEL_77_2022", "text": "a"}, {"id": "BEL_78_2023", "text": "b"}, {"id": "UKR_77_2022", "text": "c"}]
    source.write_text("".join(json.dumps(r) + "\n" for r in records) + "\n", encoding="utf-8")
    out = tmp_path / "only.jsonl"
    assert screenshots.filter_jsonl(source, "_2022", out) == 2
    assert [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()] == ["BEL_77_2022", "UKR_77_2022"]


def _busy_image(width: int = 320, height: int = 200) -> QImage:
    """Like a window grab: flat areas (background, a stance fill) and ramps from white to text and stance
    colours (anti-aliased edges), far more than 256 colours in all."""
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    bases = [(0, 0, 0), (193, 66, 66), (66, 110, 180), (250, 220, 120), (120, 40, 160)]
    for x in range(width):
        t = x / (width - 1)
        for y in range(height // 2):
            r, g, b = bases[y * len(bases) // (height // 2)]
            image.setPixelColor(x, y, QColor(round(255 + (r - 255) * t), round(255 + (g - 255) * t), round(255 + (b - 255) * t)))
    for x in range(40, 120):
        for y in range(120, 180):
            image.setPixelColor(x, y, QColor(193, 66, 66))
    return image


def test_compact_png_keeps_256_colours_with_the_frequent_ones_exact(tmp_path):
    image = _busy_image()
    before = compact_png.pixels(image)
    assert len(np.unique(before.reshape(-1, 3), axis=0)) > 256
    path = compact_png.save(image, tmp_path / "shot.png")
    back = QImage(str(path))
    assert back.format() == QImage.Format.Format_Indexed8 and back.colorCount() <= 256
    after = compact_png.pixels(back)
    assert after.shape == before.shape
    assert (after[150, 60] == (193, 66, 66)).all() and (after[190, 300] == (255, 255, 255)).all()   # flat colours exact
    error = np.abs(after.astype(int) - before.astype(int))
    assert error.mean() < 1.5 and error.max() <= 16   # the ramps close


def test_screenshots_of_a_set_are_taken_at_the_size_asked_for(qtbot, tmp_path):
    shots = screenshots.take(tmp_path, [SEEDS], "seed", [(1024, 700)])
    names = [p.name for p in shots]
    assert names == [f"seed-1024-{what}.png" for what in
                     ("matrix", "heatmap", "stances", "timeline", "comparison", "decisions")]
    for path in shots:
        image = QImage(str(path))
        assert (image.width(), image.height()) == (1024, 700), path.name   # the window really was 1024 px wide
        assert path.stat().st_size < 300_000, path.name
