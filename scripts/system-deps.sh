#!/usr/bin/env bash
# Installs the system programs the tests use when they are absent: Debian's redis-server (the shared store for many
# instances, issue 16) and chromium (the previewer's browser tests, issue 15). `npm test` runs this as `pretest`, and
# `.ci/run` calls the same command. A browser download (npx playwright install) never works on these machines, so
# the browser comes from Debian. Without root it prints the command to run and stops with exit code 1.
set -euo pipefail
missing=()
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
[ -x /usr/bin/chromium ] || missing+=(chromium)
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
cmd="apt-get update && apt-get install -y redis-server chromium"
if [ "$(id -u)" != "0" ]; then
  echo "The tests need ${missing[*]} (Debian packages). Install them with:" >&2
  echo "  sudo sh -c '$cmd'" >&2
  exit 1
fi
echo "Installing ${missing[*]} from Debian (apt-get)..." >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq redis-server chromium >/dev/null
echo "Installed: $(redis-server --version | cut -d' ' -f3), $(/usr/bin/chromium --version)" >&2
