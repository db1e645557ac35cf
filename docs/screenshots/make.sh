#!/usr/bin/env bash
# The README's screenshots, made by the app itself: a demo estate rendered offscreen in
# Chinese with `propdesk snapshot`. Run from the repository root after `pip install -e .`.
set -euo pipefail
out="$(dirname "$0")"
work="$(mktemp -d)"
export QT_QPA_PLATFORM=offscreen PROPDESK_DATA_DIR="$work"
.venv/bin/propdesk demo --units 300 --db "$work/demo.db" >/dev/null
for page in dashboard complaints inspection-run fees-conflicts reports; do
  .venv/bin/propdesk snapshot "$page" --db "$work/demo.db" --lang zh_CN --size 1280x800 \
    --out "$out/$page.png"
done
rm -rf "$work"
