"""Headless Chromium for the tests that look at pages as a person would (replay in pywb and
ReplayWeb.page, the item view): Debian's ``chromium`` driven by Playwright.

``.ci/run`` installs ``chromium``; ``ARCHIVER_CHROMIUM`` points at another binary. Tests that
need it skip when it is absent (a development machine without it), never in CI.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Frame, Page

# A clean, quiet browser: no first-run screens, no calls home, no GPU, no QUIC (which the
# loopback servers do not speak), and no sandbox (CI runs as root, where it cannot start).
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


def chromium_binary() -> str | None:
    """The Chromium binary: ``ARCHIVER_CHROMIUM``, else ``chromium`` on PATH."""
    return os.environ.get("ARCHIVER_CHROMIUM") or shutil.which("chromium")


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """One headless Chromium per test module, always closed. Each ``browser.new_context()`` is a
    fresh profile (own cache and service workers)."""
    binary = chromium_binary()
    if binary is None:
        pytest.skip("chromium is not installed (.ci/run installs Debian's chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=binary, headless=True, args=CHROMIUM_FLAGS)
        try:
            yield launched
        finally:
            launched.close()


@dataclass(frozen=True)
class RenderedImage:
    """An ``<img>`` as the browser rendered it: ``src`` (as resolved), ``natural_width`` in CSS
    pixels (0: not decoded: missing, broken or blocked)."""

    src: str
    natural_width: int


# Waits for every image to finish loading or failing (lazy ones are made eager first), then
# reports each one's width: a broken or missing photo has naturalWidth 0.
_RENDERED_IMAGES_JS = """
async () => {
  const images = Array.from(document.images);
  for (const image of images) { image.loading = "eager"; }
  await Promise.all(images.map(image => image.complete ? null : new Promise(done => {
    image.addEventListener("load", done, {once: true});
    image.addEventListener("error", done, {once: true});
  })));
  return images.map(image => [image.currentSrc || image.src, image.naturalWidth]);
}
"""


def rendered_images(frame: Page | Frame) -> list[RenderedImage]:
    """Every ``<img>`` of ``frame`` once each has loaded or failed."""
    pairs = frame.evaluate(_RENDERED_IMAGES_JS)
    return [RenderedImage(str(src), int(width)) for src, width in pairs]


def screenshot(page: Page, folder: Path, name: str) -> Path:
    """A full-page PNG of ``page`` in ``folder`` (the test's temp folder), for a person to look at
    when a test fails."""
    path = folder / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
