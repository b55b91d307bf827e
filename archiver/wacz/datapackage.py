"""``datapackage.json`` and ``datapackage-digest.json`` (WACZ 1.1.1, a Frictionless Data
Package): every file of the WACZ but these two listed with its ``sha256`` and size, then the
package's metadata; the digest file holds the sha256 of datapackage.json's exact bytes.

The main page fields are spelled ``mainPageURL`` / ``mainPageDate`` as py-wacz writes them and
ReplayWeb.page reads them (the page a replay opens first).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from archiver.wacz.zipping import Resource

WACZ_VERSION = "1.1.1"
DATAPACKAGE_PATH = "datapackage.json"
DIGEST_PATH = "datapackage-digest.json"


def datapackage_bytes(
    resources: Iterable[Resource],
    *,
    title: str,
    software: str,
    main_url: str | None = None,
    main_date: str | None = None,
    created: datetime | None = None,
) -> bytes:
    """datapackage.json's bytes (UTF-8, indented). ``main_date``: ISO 8601; ``created``:
    now (UTC) by default."""
    when = (created or datetime.now(UTC)).strftime("%Y-%m-%dT%H:%M:%SZ")
    package: dict[str, Any] = {
        "profile": "data-package",
        "resources": [
            {"name": resource.name, "path": resource.path, "hash": resource.hash, "bytes": resource.bytes}
            for resource in resources
        ],
        "wacz_version": WACZ_VERSION,
        "title": title,
        "created": when,
        "software": software,
    }
    if main_url:
        package["mainPageURL"] = main_url
        if main_date:
            package["mainPageDate"] = main_date
    return json.dumps(package, indent=2, ensure_ascii=False).encode("utf-8")


def digest_bytes(datapackage: bytes) -> bytes:
    """datapackage-digest.json's bytes: ``{"path": "datapackage.json", "hash": "sha256:..."}``."""
    digest = {"path": DATAPACKAGE_PATH, "hash": f"sha256:{hashlib.sha256(datapackage).hexdigest()}"}
    return json.dumps(digest, indent=2).encode("utf-8")
