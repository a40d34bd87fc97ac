# Shared set-up for bin/demo and bin/test: a virtualenv in .venv with the hashed lock installed.
# Sourced, not run. Re-running is cheap: packages are reinstalled only when the lock changes.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

find_python() {
    local candidate
    for candidate in "${PYTHON:-}" python3.12 python3.13 python3.14 python3; do
        [ -n "$candidate" ] || continue
        command -v "$candidate" >/dev/null 2>&1 || continue
        if "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then
            echo "$candidate"
            return 0
        fi
    done
    echo "Stances needs Python 3.12 or newer; set PYTHON=/path/to/python3.12 if it is not on PATH." >&2
    return 1
}

# Installs requirements/$1.txt into .venv unless that exact lock is already installed.
# The lock lists every dependency with its hash, so pip installs exactly it (--no-deps): asking pip
# to resolve again lets a newer release of a dependency's dependency (lxml 6.2.0, through
# justext's "lxml[html_clean]") break hash-checking mode.
ensure_venv() {
    local lock="requirements/$1.txt"
    if [ ! -x .venv/bin/python ]; then
        "$(find_python)" -m venv .venv
    fi
    local stamp=".venv/.installed-$1-$(sha256sum "$lock" | cut -c1-16)"
    if [ ! -f "$stamp" ]; then
        .venv/bin/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r "$lock"
        rm -f .venv/.installed-"$1"-*
        touch "$stamp"
    fi
}
