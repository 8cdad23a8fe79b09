#!/usr/bin/env bash
# Build the standalone Linux app folder dist/plprofile/ with PyInstaller (one-folder mode) and smoke-test it.
#
#   bash packaging/build.sh              # in a throwaway venv, build/venv (created once, reused after)
#   bash packaging/build.sh --current    # with the Python of the active venv (or python3 on PATH)
#
# Environment: PYTHON (interpreter used to create the venv, default python3), PLPROFILE_BUILD_VENV (where the
# throwaway venv goes, default build/venv). The smoke test runs the built app headless
# (QT_QPA_PLATFORM=offscreen) with --demo --screenshot and fails unless it writes a PNG; it also fails when
# Qt modules the app does not use (QML/Quick, WebEngine, Multimedia, 3D...) slipped into the folder.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

MODE=venv
for arg in "$@"; do
    case "$arg" in
        --current) MODE=current ;;
        -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
        *) echo "build.sh: unknown option $arg" >&2; exit 2 ;;
    esac
done

if [[ $MODE == current ]]; then
    if [[ -n "${VIRTUAL_ENV:-}" ]]; then PY="$VIRTUAL_ENV/bin/python"; else PY="$(command -v python3)"; fi
    echo "==> using the current Python: $PY"
    "$PY" -m pip install --quiet "pyinstaller>=6.10,<7"
    "$PY" -c "import plprofile" 2>/dev/null || "$PY" -m pip install --quiet -e .
else
    VENV="${PLPROFILE_BUILD_VENV:-$ROOT/build/venv}"
    if [[ ! -x "$VENV/bin/python" ]]; then
        echo "==> creating the build venv $VENV"
        "${PYTHON:-python3}" -m venv "$VENV"
    fi
    PY="$VENV/bin/python"
    echo "==> installing PyInstaller and plprofile into $VENV"
    "$PY" -m pip install --quiet --upgrade pip
    "$PY" -m pip install --quiet "pyinstaller>=6.10,<7" .
fi
"$PY" -m PyInstaller --version

echo "==> building dist/plprofile/"
"$PY" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath "$ROOT/dist" --workpath "$ROOT/build/pyinstaller" packaging/plprofile.spec

APPDIR="$ROOT/dist/plprofile"
[[ -x "$APPDIR/plprofile" ]] || { echo "build.sh: $APPDIR/plprofile was not built" >&2; exit 1; }

# Debug info in the interpreter's own files (pyenv and source builds keep it: ~25 MB). Only libpython and
# lib-dynload are stripped; wheels' libraries are left alone (strip breaks the ones auditwheel patched).
if command -v strip >/dev/null; then
    for f in "$APPDIR"/_internal/libpython3*.so* "$APPDIR"/_internal/python3*/lib-dynload/*.so; do
        if [[ -f "$f" && ! -L "$f" ]] && file "$f" 2>/dev/null | grep -q "with debug_info"; then
            strip --strip-debug "$f"
        fi
    done
fi

echo "==> checking the folder"
for needed in resources/frameworks/default-stages.json plprofile/store/migrations/env.py \
              plprofile/store/migrations/script.py.mako PySide6/Qt/translations/qtbase_es.qm; do
    [[ -e "$APPDIR/_internal/$needed" ]] || { echo "build.sh: missing _internal/$needed" >&2; exit 1; }
done
ls "$APPDIR"/_internal/plprofile/store/migrations/versions/*.py >/dev/null
unwanted="$(find "$APPDIR" \( -iname '*Qt6Qml*' -o -iname '*Qt6Quick*' -o -iname '*Qt6WebEngine*' \
    -o -iname '*Qt6Multimedia*' -o -iname '*Qt63D*' -o -iname 'QtQml*' -o -iname 'QtWebEngine*' \) -print)"
if [[ -n "$unwanted" ]]; then
    echo "build.sh: Qt modules the app does not use are in the folder:" >&2
    echo "$unwanted" >&2
    exit 1
fi
extra_qm="$(find "$APPDIR/_internal/PySide6/Qt/translations" -name '*.qm' ! -name '*_en.qm' ! -name '*_es.qm' -print)"
[[ -z "$extra_qm" ]] || { echo "build.sh: unexpected Qt translations: $extra_qm" >&2; exit 1; }

echo "==> smoke test: the built app writes screenshots headless"
SMOKE="$(mktemp -d "${TMPDIR:-/tmp}/plprofile-smoke.XXXXXX")"
trap 'rm -rf "$SMOKE"' EXIT
SHOT="${PLPROFILE_SMOKE_SHOT:-$SMOKE/shot.png}"
is_png() { [[ -s "$1" ]] && [[ "$(head -c 8 "$1" | od -An -tx1 | tr -d ' \n')" == "89504e470d0a1a0a" ]]; }
# XDG_CACHE_HOME keeps the run-time hook's matplotlib folder inside the smoke folder (checked below).
run_app() { env -u MPLCONFIGDIR QT_QPA_PLATFORM=offscreen XDG_CACHE_HOME="$SMOKE/cache" "$APPDIR/plprofile" "$@"; }

start=$(date +%s.%N)
run_app --data-dir "$SMOKE/data" --demo --screenshot "$SHOT"
end=$(date +%s.%N)
is_png "$SHOT" || { echo "build.sh: the built app wrote no PNG at $SHOT" >&2; exit 1; }
# The progress view draws a matplotlib chart: numpy, matplotlib and the persistent font cache must work.
run_app --data-dir "$SMOKE/data" --view progress --screenshot "$SMOKE/progress.png"
is_png "$SMOKE/progress.png" || { echo "build.sh: the progress view wrote no PNG" >&2; exit 1; }
compgen -G "$SMOKE/cache/plprofile/matplotlib/fontlist-*.json" >/dev/null \
    || { echo "build.sh: matplotlib's font cache was not kept in the user's cache folder" >&2; exit 1; }

echo "==> OK: $APPDIR ($(du -sh "$APPDIR" | cut -f1)); first screenshot run (demo store) took" \
     "$(printf '%.2f' "$(echo "$end - $start" | bc)") s"
