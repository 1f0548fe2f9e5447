"""Settings store: one factory, so tests can redirect every setting to a temporary folder.

Keys and defaults live here, in one place.
"""

from __future__ import annotations

import json

from PySide6.QtCore import QByteArray, QSettings

ORGANISATION = "StanceAtlas"
APPLICATION = "Stance Atlas"
MAX_RECENT = 8

KEY_RECENT = "loading/recent_sets"
KEY_LAST_FOLDER = "loading/last_folder"
KEY_GEOMETRY = "window/geometry"
KEY_STATE = "window/state"
#: bump when docks are renamed or added, so an old saved layout is not restored onto new docks
LAYOUT_VERSION = 2


def _qsettings() -> QSettings:
    """The app's settings (INI in the user's config folder; tests point QSettings.setPath elsewhere)."""
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANISATION, APPLICATION)


def recent_sets() -> list[list[str]]:
    """Recently opened document sets, newest first; each set is the list of paths opened together."""
    raw = _qsettings().value(KEY_RECENT, "[]")
    try:
        data = json.loads(raw if isinstance(raw, str) else "[]")
    except json.JSONDecodeError:
        return []
    return [list(map(str, s)) for s in data if isinstance(s, list) and s]


def push_recent_set(paths: list[str]) -> list[list[str]]:
    sets = [s for s in recent_sets() if s != list(paths)]
    sets.insert(0, list(paths))
    sets = sets[:MAX_RECENT]
    _qsettings().setValue(KEY_RECENT, json.dumps(sets))
    return sets


def forget_recent_set(paths: list[str]) -> list[list[str]]:
    """Take a set that could not be opened (moved, deleted, nothing readable) off the recent list."""
    sets = [s for s in recent_sets() if s != list(paths)]
    _qsettings().setValue(KEY_RECENT, json.dumps(sets))
    return sets


KEY_QUICK_START = "help/quick_start_shown"


def first_start() -> bool:
    """True the first time it is asked on this account (the Quick start is offered then), False after."""
    q = _qsettings()
    if q.value(KEY_QUICK_START, False, type=bool):
        return False
    q.setValue(KEY_QUICK_START, True)
    return True


def last_folder() -> str:
    return str(_qsettings().value(KEY_LAST_FOLDER, ""))


def set_last_folder(folder: str) -> None:
    _qsettings().setValue(KEY_LAST_FOLDER, folder)


KEY_LAST_EXPORT_FOLDER = "export/last_folder"


def last_export_folder() -> str:
    """The folder of the last export ("" before the first); never the folder documents were loaded from."""
    return str(_qsettings().value(KEY_LAST_EXPORT_FOLDER, ""))


def set_last_export_folder(folder: str) -> None:
    _qsettings().setValue(KEY_LAST_EXPORT_FOLDER, folder)


def save_layout(geometry: QByteArray, state: QByteArray) -> None:
    s = _qsettings()
    s.setValue(KEY_GEOMETRY, geometry)
    s.setValue(KEY_STATE, state)


def saved_layout() -> tuple[QByteArray | None, QByteArray | None]:
    s = _qsettings()
    geometry, state = s.value(KEY_GEOMETRY), s.value(KEY_STATE)
    return (geometry if isinstance(geometry, QByteArray) else None,
            state if isinstance(state, QByteArray) else None)


# --- projects (gui.project_controller) ---------------------------------------
KEY_RECENT_PROJECTS = "projects/recent"
RECOVERY_FOLDER = "recovery"


def recent_projects() -> list[str]:
    """Recently opened or saved project files, newest first."""
    raw = _qsettings().value(KEY_RECENT_PROJECTS, "[]")
    try:
        data = json.loads(raw if isinstance(raw, str) else "[]")
    except json.JSONDecodeError:
        return []
    return [str(p) for p in data if isinstance(p, str) and p]


def push_recent_project(path: str) -> list[str]:
    paths = [path] + [p for p in recent_projects() if p != path]
    _qsettings().setValue(KEY_RECENT_PROJECTS, json.dumps(paths[:MAX_RECENT]))
    return paths[:MAX_RECENT]


def recovery_folder() -> str:
    """Where autosave/recovery copies go: beside the settings file (so tests that redirect settings redirect it too)."""
    from pathlib import Path

    return str(Path(_qsettings().fileName()).parent / RECOVERY_FOLDER)
