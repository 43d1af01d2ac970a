# Sourced by ./book: installs or verifies, once, what the book needs beyond git and the .NET SDK —
# the Debian packages of build/setup/debian-packages.txt and the website's npm packages — and is
# silent and instant while nothing changed (stamps in .book/). Says what it installs and what failed.
# BOOK_SKIP_SETUP=1 skips it (a system without apt, where you install the equivalents yourself).

# book_setup ROOT STATE
book_setup() {
  local root=$1 state=$2
  [[ ${BOOK_SKIP_SETUP:-} == 1 ]] && return 0
  book_debian_packages "$root/build/setup/debian-packages.txt" "$state/packages.stamp"
  book_site_packages "$root/site"
}

# The missing packages of LIST, installed with apt-get; verified again only when the list or dpkg's
# database changed since the last check.
book_debian_packages() {
  local list=$1 stamp=$2
  [[ -f $stamp && $stamp -nt $list && ( ! -e /var/lib/dpkg/status || $stamp -nt /var/lib/dpkg/status ) ]] && return 0
  if ! command -v dpkg-query >/dev/null; then
    echo "book: this system has no dpkg/apt-get; install the equivalents of ${list#"$PWD/"} yourself (BOOK_SKIP_SETUP=1 hides this note)." >&2
    touch "$stamp"
    return 0
  fi
  local -a wanted missing=()
  mapfile -t wanted < <(sed -e 's/#.*//' -e 's/[[:space:]]//g' -e '/^$/d' "$list")
  local installed
  installed=" $(dpkg-query -W -f='${db:Status-Abbrev}|${Package}\n' "${wanted[@]}" 2>/dev/null | awk -F'|' '$1 ~ /^ii/ { printf "%s ", $2 }')"
  local package
  for package in "${wanted[@]}"; do
    [[ $installed == *" $package "* ]] || missing+=("$package")
  done
  ((${#missing[@]})) && book_apt_install "${list##*/}" "${missing[@]}"
  touch "$stamp"
}

# book_apt_install WHY PACKAGE... : apt-get install, with sudo when not root; exits saying what failed.
book_apt_install() {
  local why=$1
  shift
  local -a sudo=()
  if [[ $(id -u) != 0 ]]; then
    if ! command -v sudo >/dev/null; then
      echo "book: the book needs the Debian packages $*; installing them needs root. Run as root: apt-get install $*" >&2
      exit 1
    fi
    sudo=(sudo)
  fi
  echo "book: installing the Debian packages the book needs ($why): $*" >&2
  if ! "${sudo[@]}" apt-get update -qq >&2 \
     || ! DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "$@" >&2; then
    echo "book: could not install $* (apt-get failed, above). Install them yourself — sudo apt-get install $* — and run ./book again." >&2
    exit 1
  fi
}

# The website's browser libraries in SITE/node_modules, installed by `npm ci` from package-lock.json
# whenever the lock file is newer than what npm last installed.
book_site_packages() {
  local site=$1
  [[ -f $site/package-lock.json ]] || return 0
  [[ -f $site/node_modules/.package-lock.json && $site/node_modules/.package-lock.json -nt $site/package-lock.json ]] && return 0
  # Debian's nodejs comes without npm; NodeSource's includes it (and conflicts with Debian's npm package).
  command -v npm >/dev/null || book_apt_install "npm for site/" npm
  echo "book: installing the website's browser libraries (npm ci in site/)" >&2
  if ! (cd "$site" && npm ci --no-audit --no-fund --loglevel=error >&2); then
    echo "book: npm ci in site/ failed (above); run it there yourself to see why, then run ./book again." >&2
    exit 1
  fi
}
