import os

# An empty QT_QPA_PLATFORM makes Qt try X11 and abort; offscreen needs no display.
if not os.environ.get("QT_QPA_PLATFORM"):
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
