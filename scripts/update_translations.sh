#!/usr/bin/env bash
# Extracts the console's texts (self.tr / QCoreApplication.translate) into the .ts files and
# compiles them to the .qm files the console loads. Run after changing texts in ui/; then
# translate the new entries (pyside6-linguist resources/translations/console_de.ts) and run again.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=.venv/bin
mapfile -t sources < <(find ui -name '*.py' | sort)
for lang in de; do
  "$bin/pyside6-lupdate" -no-obsolete "${sources[@]}" -ts "resources/translations/console_${lang}.ts"
  "$bin/pyside6-lrelease" "resources/translations/console_${lang}.ts" -qm "resources/translations/console_${lang}.qm"
done
