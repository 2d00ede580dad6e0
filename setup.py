"""Build of communique: the metadata is in pyproject.toml; this adds the native module.

The attribution finder (`communique/quotes.py`) is compiled with mypyc, which turns its
typed Python into a C extension (its quotes-only search takes a third less time); the
Python source stays the reference and the package's behaviour is the same either way.
Set COMMUNIQUE_PURE=1 to skip compiling. A machine without a C compiler, or a module
mypyc cannot compile, gets the pure Python package with a warning, never a failed
install.
"""

from __future__ import annotations

import os
import sys

from setuptools import setup

#: The modules compiled when the build can.
NATIVE_MODULES = ["communique/quotes.py"]


def native_extensions() -> list:
    if os.environ.get("COMMUNIQUE_PURE") == "1":
        return []
    try:
        from mypyc.build import mypycify

        # spaCy's types make faster code, so `make install` installs the dependencies
        # before compiling; a build without them types spaCy and numpy as Any, and the
        # ignores their types call for go unused
        options = ["--ignore-missing-imports", "--no-warn-unused-ignores"]
        extensions = mypycify([*options, *NATIVE_MODULES], opt_level="3")
    except (Exception, SystemExit) as exc:  # noqa: BLE001 - any failure means pure Python
        print(f"communique: building pure Python ({exc!r})", file=sys.stderr)
        return []
    for ext in extensions:
        ext.optional = True  # a compiler error leaves the pure module in place
    return extensions


setup(ext_modules=native_extensions())
