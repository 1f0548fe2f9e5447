"""What the app sets up before its window: the interpreter shared with the UI thread."""

import sys

from gui.app import SWITCH_INTERVAL_S, share_interpreter_with_the_ui


def test_the_ui_thread_waits_at_most_a_millisecond_for_the_interpreter():
    before = sys.getswitchinterval()
    try:
        share_interpreter_with_the_ui()
        assert sys.getswitchinterval() == SWITCH_INTERVAL_S == 0.001
    finally:
        sys.setswitchinterval(before)


def test_the_quick_start_is_offered_on_the_first_start_only(window, qtbot):
    from gui.app import offer_quick_start

    dialog = offer_quick_start(window)
    assert dialog is not None and dialog.isVisible() and not dialog.isModal()
    qtbot.addWidget(dialog)
    text = dialog.findChild(type(dialog.layout().itemAt(0).widget())).toPlainText()
    assert "Reject" in text or "reject" in text
    assert "project" in text.lower()
    assert offer_quick_start(window) is None      # not again on later starts
