#!/usr/bin/env bash
# Installs Article Lens for the current user, from this source tree:
#   - the app in its own venv:      $XDG_DATA_HOME/article-lens/venv
#   - a launcher on PATH:           ~/.local/bin/article-lens (or $XDG_BIN_HOME)
#   - the desktop entry, the icons and the session file type (.alens) in $XDG_DATA_HOME,
#     with Article Lens as the default app for sessions ($XDG_CONFIG_HOME/mimeapps.list);
#     articles (text/plain, text/markdown) get it under Open With only: the app that
#     opened them before still does.
# Every file it adds is listed in $XDG_DATA_HOME/article-lens/install-manifest, which
# packaging/linux/uninstall.sh reads. Running it again updates the install.
#
#   packaging/linux/install.sh [--python PYTHON] [--force]
#
# As root it also installs the Debian packages Qt needs (scripts/install-system-deps.sh);
# as another user it prints the apt-get command for the missing ones.
# --force replaces a ~/.local/bin/article-lens that this script did not make.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
python=${PYTHON:-python3}
force=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --python) python=$2; shift 2 ;;
    --force) force=1; shift ;;
    -h|--help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "install.sh: unknown option $1 (see --help)" >&2; exit 64 ;;
  esac
done
[[ -f "$repo/pyproject.toml" && -d "$repo/desktop" ]] \
  || { echo "install.sh: $repo is not the Article Lens source tree" >&2; exit 1; }

: "${HOME:?HOME must be set}"
data=${XDG_DATA_HOME:-$HOME/.local/share}
config=${XDG_CONFIG_HOME:-$HOME/.config}
bin=${XDG_BIN_HOME:-$HOME/.local/bin}
app_dir=$data/article-lens
venv=$app_dir/venv
manifest=$app_dir/install-manifest
launcher=$bin/article-lens
desktop_id=article-lens.desktop
mime_type=application/x-article-lens-session
mime_icon=application-x-article-lens-session  # the icon name of the type

case "$launcher" in
  *[\"\`\$\\%]*) echo "install.sh: cannot write $launcher into a desktop entry (it holds \" \` \$ \\ or %)" >&2; exit 1 ;;
esac

if [[ -e "$launcher" || -L "$launcher" ]] && [[ "$(readlink "$launcher" || true)" != "$venv/bin/article-lens" ]] \
   && [[ $force -eq 0 ]]; then
  echo "install.sh: $launcher exists and is not this install's launcher; move it away or use --force" >&2
  exit 1
fi

say() { printf '%s\n' "$*"; }
have() { command -v "$1" >/dev/null 2>&1; }

# -- the manifest: one "KIND PATH" line per thing this install made --------------------
#   file/link  removed on uninstall       dir   removed if empty (made by the install)
#   tree       removed with all it holds  made  a generated cache that did not exist before
#   mimeapps   mimeapps.list was created by the install
declare -A noted=()
entries=()
note() {  # note KIND PATH: remember it once (a second install keeps the first's notes)
  local key="$1 $2"
  [[ -n "${noted[$key]:-}" ]] && return 0
  noted[$key]=1
  entries+=("$key")
}
if [[ -f "$manifest" ]]; then
  while IFS= read -r line; do [[ -n "$line" ]] && note "${line%% *}" "${line#* }"; done < "$manifest"
fi
make_dir() {  # mkdir -p, noting each folder it creates
  local dir=$1 missing=()
  while [[ ! -d "$dir" ]]; do missing=("$dir" "${missing[@]}"); dir=$(dirname "$dir"); done
  for dir in "${missing[@]}"; do mkdir "$dir" && note dir "$dir"; done
}
put() {  # put SOURCE TARGET: copy a file (mode 644), noting it
  make_dir "$(dirname "$2")"
  install -m 644 "$1" "$2"
  note file "$2"
}
note_if_new() {  # note_if_new PATH: before a tool creates PATH
  [[ -e "$1" ]] || note made "$1"
}
write_manifest() {
  make_dir "$app_dir"
  printf '%s\n' "${entries[@]}" > "$manifest.new"
  mv "$manifest.new" "$manifest"
}

# -- Debian packages ----------------------------------------------------------------------
if [[ $(id -u) -eq 0 ]]; then
  "$repo/scripts/install-system-deps.sh" --window --register
else
  needed=$("$repo/scripts/install-system-deps.sh" --window --register --print)
  [[ -z "$needed" ]] || say "Article Lens needs these Debian packages; install them with:" "  $needed"
fi

# -- the app in its own venv ----------------------------------------------------------------
have "$python" || { echo "install.sh: $python not found (set PYTHON or use --python)" >&2; exit 1; }
"$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
  || { echo "install.sh: Article Lens needs Python 3.11 or newer; $python is $("$python" -V 2>&1)" >&2; exit 1; }
if ! "$python" -c 'import ensurepip, venv' 2>/dev/null; then
  if [[ $(id -u) -eq 0 ]] && have apt-get; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends python3-venv >/dev/null
  else
    echo "install.sh: $python cannot make a venv; install python3-venv (sudo apt-get install python3-venv)" >&2
    exit 1
  fi
fi

make_dir "$app_dir"
note tree "$venv"
if ! "$venv/bin/python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
  rm -rf "$venv"
  say "Making the venv $venv"
  "$python" -m venv "$venv"
fi
write_manifest  # from here on, an interrupted install can still be uninstalled

# Build from a clean copy of the sources: an in-tree build would reuse a stale build/ folder.
source_copy=$(mktemp -d)
trap 'rm -rf "$source_copy"' EXIT
(cd "$repo" && tar --exclude=__pycache__ -cf - pyproject.toml README.md desktop resources seeds) \
  | tar -xf - -C "$source_copy"
say "Installing Article Lens and its packages into $venv (this takes a minute)"
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check --upgrade "$source_copy"
"$venv/bin/article-lens" --help >/dev/null

# -- the launcher ---------------------------------------------------------------------------
make_dir "$bin"
ln -sfn "$venv/bin/article-lens" "$launcher"
note link "$launcher"

# -- icons (hicolor theme) ------------------------------------------------------------------
icons=$data/icons/hicolor
for size in 16 24 32 48 64 128 256 512; do
  put "$repo/resources/icons/article-lens-$size.png" "$icons/${size}x${size}/apps/article-lens.png"
  put "$repo/resources/icons/$mime_icon-$size.png" "$icons/${size}x${size}/mimetypes/$mime_icon.png"
done
put "$repo/resources/icons/article-lens.svg" "$icons/scalable/apps/article-lens.svg"
put "$repo/resources/icons/$mime_icon.svg" "$icons/scalable/mimetypes/$mime_icon.svg"
touch "$icons"  # tells running desktops to look again
if have gtk-update-icon-cache; then
  note_if_new "$icons/icon-theme.cache"
  gtk-update-icon-cache --quiet --force --ignore-theme-index "$icons" || true
fi

# -- the session file type --------------------------------------------------------------------
put "$here/article-lens-mime.xml" "$data/mime/packages/article-lens.xml"
if have update-mime-database; then
  [[ -e "$data/mime/mime.cache" ]] || note made "$data/mime"
  update-mime-database "$data/mime"
else
  say "update-mime-database not found (Debian: shared-mime-info): .alens files are not recognised yet."
fi

# -- what opens articles now ----------------------------------------------------------------
# The entry lists the article types (text/plain, text/markdown, and any other it names
# besides sessions) so that Article Lens is offered under Open With. A desktop with no
# default of its own for a type takes the first app that lists it, and the user's own
# entries come first: Article Lens would become the default for every .txt. So the app
# that opens each now (asked with our entry out of the way, as on a first install) is
# noted here and, if the entry would take its place, written down as the default below.
# Markdown is a kind of plain text: with no app of its own, the plain-text app is what
# GNOME and KDE open it with.
mapfile -t article_types < <(sed -n 's/^MimeType=//p' "$here/$desktop_id" | tr ';' '\n' \
                             | grep -v -x -e "$mime_type" -e '' || true)
query_default() { if have xdg-mime; then xdg-mime query default "$1" 2>/dev/null | head -n 1 || true; fi; }
if [[ -e "$data/applications/$desktop_id" ]]; then
  rm -f "$data/applications/$desktop_id"
  have update-desktop-database && update-desktop-database --quiet "$data/applications"
fi
declare -A opened_by=()
for type in "${article_types[@]}"; do opened_by[$type]=$(query_default "$type"); done
[[ -n "${opened_by[text/markdown]:-}" ]] || opened_by[text/markdown]=${opened_by[text/plain]:-}

# -- the desktop entry ------------------------------------------------------------------------
exec_path=$launcher  # the Exec rules of the desktop entry spec: quote a path with spaces
[[ "$launcher" =~ ^[A-Za-z0-9_./+-]+$ ]] || exec_path="\"$launcher\""
sed_escape() { printf '%s' "$1" | sed -e 's/[&|]/\\&/g'; }
make_dir "$data/applications"
entry=$(mktemp)
sed -e "s|^Exec=article-lens |Exec=$(sed_escape "$exec_path") |" -e "s|^TryExec=.*|TryExec=$(sed_escape "$launcher")|" \
    -e '/^# install.sh replaces/d' "$here/$desktop_id" > "$entry"
put "$entry" "$data/applications/$desktop_id"
rm -f "$entry"
if have update-desktop-database; then
  note_if_new "$data/applications/mimeinfo.cache"
  update-desktop-database --quiet "$data/applications"
fi

# -- Article Lens opens session files ---------------------------------------------------------
[[ -e "$config/mimeapps.list" ]] || note mimeapps "$config/mimeapps.list"
[[ -d "$config" ]] || make_dir "$config"
if have xdg-mime; then
  xdg-mime default "$desktop_id" "$mime_type"
elif have gio; then
  gio mime "$mime_type" "$desktop_id" >/dev/null
else
  say "Neither xdg-mime nor gio found (Debian: xdg-utils): pick Article Lens for .alens files by hand."
fi

# -- ... and articles stay with the app that opened them -----------------------------------
for type in "${article_types[@]}"; do
  was=${opened_by[$type]:-}
  if [[ -n "$was" && "$was" != "$desktop_id" && "$(query_default "$type")" == "$desktop_id" ]]; then
    xdg-mime default "$was" "$type"
    note keep "$type=$was"  # uninstall.sh takes the line out again
  fi
done
write_manifest

say "Installed Article Lens: $launcher"
case ":$PATH:" in
  *":$bin:"*) ;;
  *) say "Note: $bin is not on your PATH; add it (Debian's ~/.profile does at the next login)." ;;
esac
