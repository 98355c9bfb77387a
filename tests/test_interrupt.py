"""Ctrl-C under ``exit_on_ctrl_c``: clean-ups run and the process ends, even inside code that swallows
KeyboardInterrupt (the class of hang seen in CI: a KeyboardInterrupt lost in an import callback)."""
import signal
import subprocess
import sys
import textwrap
import time

from .conftest import default_ctrl_c

from analysis.interrupt import on_interrupt, run_cleanups

SWALLOWING_PROGRAM = textwrap.dedent("""
    import pathlib, sys, time
    from analysis.interrupt import exit_on_ctrl_c, on_interrupt

    marker = pathlib.Path(sys.argv[1])
    with exit_on_ctrl_c("stopped", 130), on_interrupt(lambda: marker.write_text("cleaned")):
        print("ready", flush=True)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:  # like a library callback: a KeyboardInterrupt raised here would be lost
                time.sleep(0.01)
            except BaseException:
                pass
    print("ran to the end", flush=True)
""")


def test_ctrl_c_ends_the_process_even_where_keyboardinterrupt_would_be_swallowed(tmp_path):
    marker = tmp_path / "cleaned"
    run = subprocess.Popen([sys.executable, "-c", SWALLOWING_PROGRAM, str(marker)], stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, text=True, preexec_fn=default_ctrl_c)
    assert run.stdout.readline().strip() == "ready"
    time.sleep(0.1)
    run.send_signal(signal.SIGINT)
    out, err = run.communicate(timeout=30)
    assert (run.returncode, err.strip(), out) == (130, "stopped", "")
    assert marker.read_text() == "cleaned"


def test_cleanups_run_newest_first_and_one_failure_does_not_stop_the_rest():
    done = []

    def fail():
        raise OSError("gone")

    with on_interrupt(lambda: done.append("outer")), on_interrupt(fail), on_interrupt(lambda: done.append("inner")):
        run_cleanups()
    assert done == ["inner", "outer"]
    run_cleanups()  # each ran once: they were taken off the list
    assert done == ["inner", "outer"]
