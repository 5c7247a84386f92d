"""Calling a function in a forked child process and getting its result back.

Crawls run this way: Twisted's reactor cannot be restarted in one process, and everything a
crawl leaves behind in its process (a heap fragmented by thousands of response bodies passing
through several threads, some 100 MB on a large site) goes with the child instead of staying
for the audit. The child dies with its parent, and a SIGTERM to the parent (a scheduler's
stop, a time limit) is passed on to it, so the crawl stops gracefully as it would in-process.
SIGINT is left to the terminal, which sends it to the whole process group: passed on as well,
it would reach the crawl twice, and a second SIGINT makes Scrapy stop at once.
Signal handlers can only be set from the main thread; called from another, the child is left
to the signals it gets itself.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from typing import Any, TypeVar

T = TypeVar("T")
_PR_SET_PDEATHSIG = 1


class ChildDied(Exception):
    """The child ended without handing back a result (killed, or crashed in C)."""

    def __init__(self, exit_code: int | None) -> None:
        super().__init__(f"exit status {exit_code}")
        self.exit_code = exit_code


def call_in_child(function: Callable[..., T], *args: Any) -> T:
    """function(*args) in a forked child; its exception, if it raises one, is raised here."""
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_call_and_send, args=(function, args, sender, os.getpid()))
    with ExitStack() as stack:
        # A SIGTERM that comes while the child starts waits until it can be passed on to it.
        with _sigterm_held():
            child.start()
            sender.close()
            stack.enter_context(_signals_left_to(child.pid))
        try:
            succeeded, value = receiver.recv()
        except EOFError:
            child.join()
            raise ChildDied(child.exitcode) from None
    child.join()
    if not succeeded:
        raise value
    return value


def _call_and_send(function: Callable[..., Any], args: tuple, sender: Any, parent_pid: int) -> None:
    _die_with_parent(parent_pid)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM})  # held by the parent while it forked
    try:
        outcome = (True, function(*args))
    except BaseException as error:  # handed to the parent, which raises it
        outcome = (False, error)
    sender.send(outcome)
    sender.close()


def _die_with_parent(parent_pid: int) -> None:
    if sys.platform == "linux":
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent_pid:  # the parent died before the line above took effect
        os._exit(1)


@contextmanager
def _sigterm_held() -> Iterator[None]:
    """SIGTERM stays pending (not lost, not fatal) in the block; handlers apply once it ends."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM})


@contextmanager
def _signals_left_to(child_pid: int) -> Iterator[None]:
    """While the child works, SIGTERM is passed on to it and SIGINT (which the terminal sends it
    too) is ignored here: the child stops as it sees fit and hands back its result."""

    def pass_on(signum: int, _frame: object) -> None:
        os.kill(child_pid, signum)

    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous_term = signal.signal(signal.SIGTERM, pass_on)
    previous_int = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous_term)
        signal.signal(signal.SIGINT, previous_int)
