"""Playwright driving Debian's Chromium for the browser tests; skipped (never in CI) without it."""

import os
import shutil
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def chromium_or_skip():
    """The executable, or a skip outside CI (a failure in CI, where browsers must run)."""
    if Path(CHROMIUM).exists():
        return CHROMIUM
    message = f"Chromium not found at {CHROMIUM} (install Debian's chromium package)"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def screenshot(page, name: str) -> Path:
    """Saves a full-page screenshot under test-artifacts/ for people to look at. Not in CI, where
    nobody looks and each costs about half a second (SCREENSHOTS=true takes them there too)."""
    path = ARTIFACTS / f"{name}.png"
    if os.environ.get("CI") and os.environ.get("SCREENSHOTS", "").lower() != "true":
        return path
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(path), full_page=True)
    return path
