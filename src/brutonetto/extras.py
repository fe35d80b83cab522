"""The command that installs an optional extra, for the way this brutonetto was installed.

`pip install 'brutonetto[grafiek]'` fails where it is most often typed: Debian and Ubuntu
refuse pip outside a virtual environment, pipx keeps its own, and a checkout is not on the
package index. The command names this Python (the one running brutonetto) and the library
itself, with the bound pyproject.toml declares for the extra.
"""

from __future__ import annotations

import os
import shlex
import sys
from pathlib import Path

# the libraries of each extra, as pyproject.toml declares them (tests/test_extras.py checks)
# (xlsx: XlsxWriter writes workbooks, openpyxl reads the formatie from one)
EXTRAS = {"grafiek": ("matplotlib>=3.8",), "xlsx": ("XlsxWriter>=3.1", "openpyxl>=3.1")}


def installeer(extra: str, prefix: str = sys.prefix, python: str = sys.executable, windows: bool = os.name == "nt") -> str:
    """`pipx inject brutonetto 'XlsxWriter>=3.1'` under pipx, else this Python's pip; on Windows
    as PowerShell runs it (`& 'C:\\...\\python.exe' -m pip ...`: a quoted path needs the `&`)."""
    pakket = " ".join(shlex.quote(p) for p in EXTRAS[extra])
    if "pipx" in Path(prefix).parts and "venvs" in Path(prefix).parts:
        return f"pipx inject brutonetto {pakket}"
    if windows:
        return "& '" + python.replace("'", "''") + f"' -m pip install {pakket}"
    return f"{shlex.quote(python)} -m pip install {pakket}"
