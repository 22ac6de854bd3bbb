# Sourced by the scripts that install a Debian package a check needs
# (ensure-chromium.sh, notebook-setup.sh): defines apt_install.

# apt_install NAME PACKAGE...
# Install Debian packages non-interactively, as root or through `sudo -n`.
# Another process (unattended upgrades, a second test run) may hold the dpkg or
# apt lists lock: wait for it up to ten minutes rather than failing at once, and
# retry the whole install once after a failure. Messages start with NAME.
# Returns 1, saying how to install by hand, when this user cannot install packages.
apt_install() {
  local name="$1"
  shift
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
      sudo="sudo -n"
    else
      echo "$name: this user cannot install packages (not root, no sudo)." >&2
      echo "$name: install them with: apt-get update && apt-get install -y $*" >&2
      return 1
    fi
  fi
  echo "$name: installing $* (apt-get)…" >&2
  # `env` inside sudo: sudo resets the environment, so DEBIAN_FRONTEND is set after it.
  local apt=($sudo env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600)
  if ! { "${apt[@]}" update -qq >&2 && "${apt[@]}" install -y -qq "$@" >&2; }; then
    echo "$name: apt-get failed; retrying once in 15 s…" >&2
    sleep 15
    "${apt[@]}" update -qq >&2 && "${apt[@]}" install -y -qq "$@" >&2
  fi
}
