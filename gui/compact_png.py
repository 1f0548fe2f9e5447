"""Small PNGs of screenshots: 256 colours chosen by median cut, the most frequent colours kept exact.

A window grab is mostly flat colour (backgrounds, stance fills) plus the
anti-aliased edges of text; a palette that keeps the frequent colours exact and
spreads the rest over the edges looks the same and is a third of the size —
what pngquant does, without it.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PySide6.QtGui import QImage

COLOURS = 256
EXACT = 96          # the most frequent colours go into the palette as they are


def pixels(image: QImage) -> np.ndarray:
    """The image's pixels as an (height, width, 3) RGB uint8 array."""
    rgb = image.convertToFormat(QImage.Format.Format_RGB888)
    h, w, line = rgb.height(), rgb.width(), rgb.bytesPerLine()
    return np.frombuffer(rgb.constBits(), np.uint8, count=h * line).reshape(h, line)[:, : w * 3].reshape(h, w, 3).copy()


def median_cut(colours: np.ndarray, weights: np.ndarray, n: int) -> np.ndarray:
    """At most ``n`` colours standing for ``colours`` (U × 3), each weighted by how many pixels have it."""
    boxes = [np.arange(len(colours))]
    while len(boxes) < n:
        spans = [np.ptp(colours[b], axis=0).max() * np.sqrt(weights[b].sum()) if len(b) > 1 else -1.0 for b in boxes]
        i = int(np.argmax(spans))
        if spans[i] <= 0:
            break
        box = boxes.pop(i)
        channel = int(np.argmax(np.ptp(colours[box], axis=0)))
        box = box[np.argsort(colours[box, channel], kind="stable")]
        cum = np.cumsum(weights[box])
        cut = int(np.clip(np.searchsorted(cum, cum[-1] / 2), 1, len(box) - 1))
        boxes += [box[:cut], box[cut:]]
    return np.array([np.average(colours[b], axis=0, weights=weights[b]) for b in boxes]).round().astype(np.uint8)


def palette_of(rgb: np.ndarray, n: int = COLOURS, exact: int = EXACT) -> tuple[np.ndarray, np.ndarray]:
    """(palette (≤ n × 3), index of each pixel into it (h × w))."""
    flat = rgb.reshape(-1, 3)
    keys = (flat[:, 0].astype(np.uint32) << 16) | (flat[:, 1].astype(np.uint32) << 8) | flat[:, 2]
    unique, inverse, counts = np.unique(keys, return_inverse=True, return_counts=True)
    colours = np.stack([(unique >> 16) & 255, (unique >> 8) & 255, unique & 255], axis=1).astype(np.uint8)
    if len(unique) <= n:
        return colours, inverse.reshape(rgb.shape[:2]).astype(np.uint8)
    order = np.argsort(-counts, kind="stable")
    kept, rest = order[:exact], order[exact:]
    palette = np.concatenate([colours[kept], median_cut(colours[rest].astype(np.float64), counts[rest].astype(np.float64), n - exact)])
    nearest = np.empty(len(unique), np.uint8)
    pal = palette.astype(np.int32)
    for start in range(0, len(unique), 4096):   # nearest palette colour of each distinct colour, in chunks
        block = colours[start:start + 4096].astype(np.int32)
        nearest[start:start + 4096] = ((block[:, None, :] - pal[None, :, :]) ** 2).sum(axis=2).argmin(axis=1)
    nearest[kept] = np.arange(len(kept), dtype=np.uint8)
    return palette, nearest[inverse].reshape(rgb.shape[:2])


def indexed(image: QImage, n: int = COLOURS) -> QImage:
    """``image`` with at most ``n`` colours (an 8-bit indexed image)."""
    palette, index = palette_of(pixels(image), n)
    h, w = index.shape
    data = np.ascontiguousarray(index)
    out = QImage(data.tobytes(), w, h, w, QImage.Format.Format_Indexed8).copy()   # copy: owns its pixels
    out.setColorTable([0xFF000000 | (int(r) << 16) | (int(g) << 8) | int(b) for r, g, b in palette])
    return out


def save(image: QImage, path: Path) -> Path:
    """``image`` as a 256-colour PNG with the most compression."""
    if not indexed(image).save(str(path), "PNG", 0):  # type: ignore[call-overload]  # (the stub wants bytes, the binding str)
        raise OSError(f"cannot write {path}")
    return path
