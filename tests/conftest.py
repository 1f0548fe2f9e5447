import os

from hypothesis import HealthCheck, settings

# An empty QT_QPA_PLATFORM makes Qt try X11 and abort; offscreen needs no display.
if not os.environ.get("QT_QPA_PLATFORM"):
    os.environ["QT_QPA_PLATFORM"] = "offscreen"

# Hypothesis: "ci" (the default; make test, CI) has no per-example deadline — a loaded machine is not a
# bug — and enough examples per property to keep the suite quick; HYPOTHESIS_PROFILE=thorough searches
# ten times longer.  Tests that set max_examples themselves (slow examples) keep their own count.
settings.register_profile("ci", deadline=None, max_examples=300, suppress_health_check=[HealthCheck.too_slow],
                          print_blob=True)
settings.register_profile("thorough", deadline=None, max_examples=3000, suppress_health_check=[HealthCheck.too_slow],
                          print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
