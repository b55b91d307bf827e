"""Shared paths for the tests."""

from __future__ import annotations

from pathlib import Path

import pytest

TESTS = Path(__file__).parent
FIXTURE_PAGES = TESTS / "fixtures" / "pages"
EXPECTED = TESTS / "fixtures" / "expected"
# ../shared sits beside the clone in development and in CI.
CORPUS = TESTS.parent.parent / "shared" / "corpus"
DEMO_SITE = TESTS.parent / "archiver" / "demo" / "site"


@pytest.fixture(scope="session")
def corpus() -> Path:
    if not (CORPUS / "manifest.jsonl").is_file():
        pytest.fail(f"the evaluation corpus is missing: expected {CORPUS}/manifest.jsonl")
    return CORPUS


@pytest.fixture
def demo_site() -> Path:
    return DEMO_SITE
