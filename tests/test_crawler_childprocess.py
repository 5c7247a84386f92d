from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time

import pytest

from crawler.childprocess import ChildDied, call_in_child

WAITS_FOR_SIGTERM = """
import os, signal, sys, time
from crawler.childprocess import call_in_child

def wait_for_sigterm():
    got = []
    signal.signal(signal.SIGTERM, lambda *_: got.append(True))
    print(os.getpid(), flush=True)
    while not got:
        time.sleep(0.01)
    return "stopped by SIGTERM"

print(call_in_child(wait_for_sigterm), flush=True)
"""


def child_pid() -> int:
    return os.getpid()


def fail(message: str) -> None:
    raise ValueError(message)


def die() -> None:
    os._exit(3)


def test_the_result_and_the_exception_come_back_from_another_process():
    assert call_in_child(child_pid) != os.getpid()
    with pytest.raises(ValueError, match="bad page"):
        call_in_child(fail, "bad page")


def test_a_child_that_dies_says_how():
    with pytest.raises(ChildDied, match="exit status 3"):
        call_in_child(die)


def test_a_sigterm_to_the_parent_stops_the_child_gracefully():
    parent = subprocess.Popen([sys.executable, "-c", WAITS_FOR_SIGTERM], stdout=subprocess.PIPE, text=True)
    int(parent.stdout.readline())
    parent.send_signal(signal.SIGTERM)
    assert parent.stdout.readline().strip() == "stopped by SIGTERM"
    assert parent.wait(timeout=10) == 0


def test_from_another_thread_it_still_works():
    results = []
    thread = threading.Thread(target=lambda: results.append(call_in_child(child_pid)))
    thread.start()
    thread.join(timeout=30)
    assert results and results[0] != os.getpid()


@pytest.mark.skipif(sys.platform != "linux", reason="the child follows its parent out through PR_SET_PDEATHSIG")
def test_the_child_dies_with_its_parent():
    parent = subprocess.Popen([sys.executable, "-c", WAITS_FOR_SIGTERM], stdout=subprocess.PIPE, text=True)
    child = int(parent.stdout.readline())
    parent.send_signal(signal.SIGKILL)
    parent.wait()
    deadline = time.monotonic() + 5
    while _alive(child) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _alive(child)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    with open(f"/proc/{pid}/stat") as stat:
        return stat.read().split(") ")[1][0] != "Z"
