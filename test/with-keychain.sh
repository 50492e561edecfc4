#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with its own unlocked GNOME Keyring, so tests exercise a real
# Secret Service while never touching the keychain of whoever runs them: HOME and every XDG folder point into a
# throwaway directory that is removed afterwards.
#
#   test/with-keychain.sh <command> [args...]
#
# Set KEYCHAIN_LOCKED=1 to leave the default collection locked instead (for the locked-keychain tests).
set -euo pipefail

if [[ -z "${KPD_KEYCHAIN_INNER:-}" ]]; then
  for tool in dbus-run-session gnome-keyring-daemon; do
    command -v "$tool" >/dev/null || { echo "with-keychain: '$tool' is missing (apt-get install dbus gnome-keyring)" >&2; exit 2; }
  done
  sandbox=$(mktemp -d "${TMPDIR:-/tmp}/kpd-keychain.XXXXXX")
  trap 'rm -rf "$sandbox"' EXIT
  mkdir -p "$sandbox"/{home,config,data,cache,runtime}
  chmod 700 "$sandbox/runtime"
  # Keep PATH and the terminal; replace everything that could lead to the real user's keyring or session bus.
  # The exit code of the command is passed through (no exec, so the trap above still cleans up).
  env -u DBUS_SESSION_BUS_ADDRESS -u GNOME_KEYRING_CONTROL -u SSH_AUTH_SOCK \
    HOME="$sandbox/home" XDG_CONFIG_HOME="$sandbox/config" XDG_DATA_HOME="$sandbox/data" \
    XDG_CACHE_HOME="$sandbox/cache" XDG_RUNTIME_DIR="$sandbox/runtime" \
    KPD_KEYCHAIN_INNER=1 KPD_KEYCHAIN_SANDBOX="$sandbox" \
    dbus-run-session -- "$0" "$@"
  exit $?
fi

# Inside the private session bus. With a password on stdin and --unlock, the daemon creates the login
# collection (under XDG_DATA_HOME) and unlocks it, then forks into the background for the life of the bus.
password="kpd-test-only-$$"
printf '%s' "$password" | gnome-keyring-daemon --daemonize --unlock --components=secrets >/dev/null
if [[ "${KEYCHAIN_LOCKED:-}" == "1" ]]; then
  # A locked keychain, as after a screen lock: the collection exists on disk, but the running daemon has not been
  # given its password. Replace the daemon with one started without --unlock.
  gnome-keyring-daemon --replace --daemonize --components=secrets >/dev/null 2>&1
fi
exec "$@"
