"""The Qt front end. The only package that imports PySide6; it calls services, never the db."""

from __future__ import annotations

import ctypes
import sys


def keep_none_alive() -> None:
    """Make ``None`` (and ``True`` and ``False``) as immortal on CPython 3.11 as they are from
    3.12 on.

    The PySide6 6.12 wheels take no reference to ``None`` when a Qt call returns nothing (or
    a model's ``data()`` returns ``None``), as is right where ``None`` is immortal (3.12+),
    but each such call still gives one back. On 3.11 that drains ``None``'s count by one per
    call, and some thousands of calls later Python aborts ("none_dealloc: deallocating
    None"): in a long meeting, with the chair's minutes open. Python 3.12 itself solves this
    by giving immortal objects a huge count; here ``None`` gets one, once, at start-up. The
    booleans a Qt call returns are given back the same way ("bool_dealloc" at exit), so
    they get one too."""
    if sys.version_info >= (3, 12):
        return
    for immortal in (None, True, False):
        count = ctypes.c_ssize_t.from_address(id(immortal))  # ob_refcnt, the first field
        count.value += 1 << (8 * ctypes.sizeof(ctypes.c_ssize_t) - 4)


keep_none_alive()
