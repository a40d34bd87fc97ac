"""Fails CI when a run executed no tests, skipped a browser test, or ran no browser test."""

import sys
import xml.etree.ElementTree as ET


def main(path: str) -> int:
    cases = ET.parse(path).getroot().iter("testcase")
    total = browser_ran = 0
    skipped_browser = []
    for case in cases:
        total += 1
        is_browser = "test_browser" in case.get("classname", "")
        if not is_browser:
            continue
        if case.find("skipped") is not None:
            skipped_browser.append(f"{case.get('classname')}::{case.get('name')}")
        else:
            browser_ran += 1
    if total == 0:
        print(f"{path}: no tests ran", file=sys.stderr)
        return 1
    if skipped_browser:
        print(f"{path}: browser tests were skipped in CI:", *skipped_browser, sep="\n  ")
        return 1
    if browser_ran == 0:
        print(f"{path}: no browser test ran", file=sys.stderr)
        return 1
    print(f"{path}: {total} tests, {browser_ran} in the browser, none skipped there")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
