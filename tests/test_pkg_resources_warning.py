"""The ``pkg_resources is deprecated`` warning pyamf's import raises (through cdxj-indexer, used
for the replay index and the WACZ) is not printed on every run; other warnings still are."""

from __future__ import annotations

import subprocess
import sys

IMPORT = "import archiver; import archiver.warc.cdxj; from cdxj_indexer import CDXJIndexer; "


def _stderr(code: str) -> str:
    command = [sys.executable, "-W", "default", "-c", IMPORT + code]
    return subprocess.run(command, capture_output=True, text=True, timeout=60, check=True).stderr


def test_pyamfs_pkg_resources_warning_is_silenced_and_no_other() -> None:
    assert "pkg_resources" not in _stderr("")
    other = _stderr("import warnings; warnings.warn('pkg_resources is deprecated as an API', UserWarning)")
    assert "pkg_resources is deprecated" in other  # raised elsewhere than pyamf: still shown
