"""Lighthouse's accessibility, best-practices and SEO scores of the served demo's main pages.

`.venv/bin/python benchmarks/lighthouse.py` installs Lighthouse 12.2.3 from the npm registry into
~/.cache/stances-lighthouse when it is missing (13.x needs Node 22), serves the demo as bin/demo
does (a throw-away SQLite database, DEBUG off, collected static files) with gunicorn on a free
loopback port, audits the home, compare, quote, speaker and match pages at desktop and mobile
form factors with Debian's Chromium, prints every score, and exits 1 when any is below 1.0.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

if __package__ in (None, ""):  # run as a script: the repository's packages importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.serving import AppServer, fetch, manage, project_env, write_settings

VERSION = "12.2.3"
CACHE = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "stances-lighthouse"
LIGHTHOUSE = CACHE / "node_modules" / ".bin" / "lighthouse"
CHROME = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu"
CATEGORIES = ("accessibility", "best-practices", "seo")
FORM_FACTORS = ("desktop", "mobile")
# Six people the demo has on record, for a comparison as wide as the form allows.
SIX = ("donald-trump", "kamala-harris", "jd-vance", "volodymyr-zelensky", "dmitry-peskov")
SIX += ("vladimir-putin",)


def install() -> Path:
    """Lighthouse, installed once into the cache folder (outside the repository)."""
    installed = CACHE / "node_modules" / "lighthouse" / "package.json"
    if installed.exists() and json.loads(installed.read_text())["version"] == VERSION:
        return LIGHTHOUSE
    CACHE.mkdir(parents=True, exist_ok=True)
    package = CACHE / "package.json"
    if not package.exists():
        package.write_text('{"private": true}\n')
    print(f"Installing lighthouse@{VERSION} into {CACHE} ...", file=sys.stderr)
    subprocess.run(
        ["npm", "i", "-E", "--no-audit", "--no-fund", f"lighthouse@{VERSION}"],
        cwd=CACHE,
        check=True,
    )
    return LIGHTHOUSE


def pages(base: str) -> dict[str, str]:
    """The pages to audit; /match/ only once the site has it."""
    chosen = {
        "home": "/",
        "compare": "/compare/?" + "&".join(f"speakers={slug}" for slug in SIX),
        "quote": first_quote(base),
        "speaker": "/speakers/donald-trump/",
    }
    if fetch(base + "/match/")[0] == 200:
        chosen["match"] = "/match/"
    return chosen


def first_quote(base: str) -> str:
    """The page of the first quote the API lists (the newest published)."""
    status, _, body = fetch(base + "/api/quotes/")
    if status != 200:
        raise SystemExit(f"/api/quotes/ answered {status}")
    data = json.loads(body)
    results = data["results"] if isinstance(data, dict) else data
    return "/quotes/{}/".format(results[0]["id"])


def audit(lighthouse: Path, url: str, form_factor: str, folder: Path) -> dict[str, float]:
    """One Lighthouse run: the scores of CATEGORIES (0 to 1) and the failed audits' titles."""
    report = folder / f"report-{abs(hash((url, form_factor)))}.json"
    command = [
        str(lighthouse),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={report}",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={CHROME_FLAGS}",
    ]
    if form_factor == "desktop":
        command.append("--preset=desktop")
    result = subprocess.run(
        command, env={**os.environ, "CHROME_PATH": CHROME}, capture_output=True, text=True
    )
    if result.returncode != 0 or not report.exists():
        raise SystemExit(f"lighthouse failed on {url}:\n{result.stderr[-3000:]}")
    data = json.loads(report.read_text())
    scores = {name: data["categories"][name]["score"] for name in CATEGORIES}
    failed = []
    for name in CATEGORIES:
        for ref in data["categories"][name]["auditRefs"]:
            found = data["audits"][ref["id"]]
            if ref["weight"] and found["score"] is not None and found["score"] < 1:
                failed.append(f"{ref['id']}: {found['title']}")
    return {"scores": scores, "failed": failed}


def serve_demo(folder: Path) -> AppServer:
    """gunicorn serving the demo from a new SQLite database in `folder`."""
    settings = write_settings(folder)
    env = project_env(
        folder,
        settings,
        DATABASE_URL=f"sqlite:///{folder / 'demo.sqlite3'}",
        PAGE_CACHE_SECONDS="600",
    )
    log = folder / "server.log"
    manage(env, "migrate", "--no-input", log=log)
    manage(env, "collectstatic", "--no-input", log=log)
    manage(env, "loaddemo", log=log)
    return AppServer(env, log, workers=1, threads=4, name="demo")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--page", action="append", help="only these pages (home, compare, ...)")
    args = parser.parse_args(argv)
    lighthouse = install()
    if not Path(CHROME).exists():
        raise SystemExit(f"Chromium not found at {CHROME} (set CHROME_PATH)")
    below = 0
    with tempfile.TemporaryDirectory(prefix="stances-lighthouse-") as tmp:
        folder = Path(tmp)
        server = serve_demo(folder)
        try:
            chosen = pages(server.url)
            if args.page:
                chosen = {name: path for name, path in chosen.items() if name in args.page}
            print(f"Lighthouse {VERSION}, Chromium at {CHROME}, the demo at {server.url}")
            print(f"{'page':<9} {'form':<8} " + " ".join(f"{name:>15}" for name in CATEGORIES))
            for name, path in chosen.items():
                for form_factor in FORM_FACTORS:
                    result = audit(lighthouse, server.url + path, form_factor, folder)
                    scores = result["scores"]
                    cells = " ".join(f"{scores[c]:>15.2f}" for c in CATEGORIES)
                    print(f"{name:<9} {form_factor:<8} {cells}   {path}", flush=True)
                    for failure in result["failed"]:
                        print(f"{'':<18} below 1: {failure}")
                    below += sum(1 for c in CATEGORIES if scores[c] is None or scores[c] < 1)
        finally:
            server.stop()
    if below:
        print(f"{below} score(s) below 1.0")
        return 1
    print("Every score is 1.0")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
