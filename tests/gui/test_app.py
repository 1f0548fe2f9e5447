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
