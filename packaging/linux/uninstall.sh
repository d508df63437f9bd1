#!/usr/bin/env bash
# Removes what packaging/linux/install.sh added for this user, as listed in its manifest
# ($XDG_DATA_HOME/article-lens/install-manifest): the venv, the launcher, the desktop
# entry, the icons, the session file type and the default-app lines in mimeapps.list.
# The desktop's caches (MIME database, icon cache, desktop database) are rebuilt, or
# removed when the install made them and nothing else is left in them.
# Settings and recovery copies the app itself wrote (~/.config/ArticleLens,
# ~/.local/share/ArticleLens) are kept: delete them by hand if you want them gone.
#
#   packaging/linux/uninstall.sh
set -euo pipefail

: "${HOME:?HOME must be set}"
data=${XDG_DATA_HOME:-$HOME/.local/share}
config=${XDG_CONFIG_HOME:-$HOME/.config}
app_dir=$data/article-lens
manifest=$app_dir/install-manifest
desktop_id=article-lens.desktop

have() { command -v "$1" >/dev/null 2>&1; }

if [[ ! -f "$manifest" ]]; then
  echo "uninstall.sh: Article Lens is not installed for $HOME (no $manifest)" >&2
  exit 1
fi
mapfile -t entries < "$manifest"

# 1. the files and the venv
dirs=() made=() kept=() mimeapps_created=0
for entry in "${entries[@]}"; do
  kind=${entry%% *} path=${entry#* }
  case "$kind" in
    file|link) rm -f -- "$path" ;;
    tree) rm -rf -- "$path" ;;
    dir) dirs+=("$path") ;;
    made) made+=("$path") ;;
    mimeapps) mimeapps_created=1 ;;
    keep) kept+=("$path") ;;  # TYPE=APP: a default the install wrote to keep it as it was
  esac
done

# 2. the default-app lines in mimeapps.list (written by xdg-mime or gio)
mimeapps=$config/mimeapps.list
if [[ -f "$mimeapps" ]]; then
  for line in "${kept[@]}"; do  # each exactly as written (a default the user changed stays)
    awk -v line="$line" '/^\[/ { section = $0 }
      !(section == "[Default Applications]" && ($0 == line || $0 == line ";"))' "$mimeapps" > "$mimeapps.new"
    mv "$mimeapps.new" "$mimeapps"
  done
  sed -E -e "s/([=;])${desktop_id//./\\.}(;|$)/\\1/g" -e '/^[^[#][^=]*=$/d' "$mimeapps" > "$mimeapps.new"
  mv "$mimeapps.new" "$mimeapps"
  if [[ $mimeapps_created -eq 1 ]] && ! grep -q '=' "$mimeapps"; then
    rm -f "$mimeapps"
  fi
fi

# 3. the caches: made by the install and now empty -> removed; otherwise rebuilt
was_made() { local m; for m in "${made[@]}"; do [[ "$m" == "$1" ]] && return 0; done; return 1; }
mime=$data/mime
if [[ -d "$mime" ]]; then
  if was_made "$mime" && [[ -z "$(ls -A "$mime/packages" 2>/dev/null)" ]]; then
    rm -rf -- "$mime"
  elif have update-mime-database; then
    update-mime-database "$mime"
  fi
fi
applications=$data/applications
if [[ -f "$applications/mimeinfo.cache" ]]; then
  if was_made "$applications/mimeinfo.cache" && ! compgen -G "$applications/*.desktop" >/dev/null; then
    rm -f "$applications/mimeinfo.cache"
  elif have update-desktop-database; then
    update-desktop-database --quiet "$applications"
  fi
fi
icons=$data/icons/hicolor
if [[ -f "$icons/icon-theme.cache" ]]; then
  others=$(find "$icons" -type f ! -name icon-theme.cache -print -quit)
  if was_made "$icons/icon-theme.cache" && [[ -z "$others" ]]; then
    rm -f "$icons/icon-theme.cache"
  elif have gtk-update-icon-cache; then
    gtk-update-icon-cache --quiet --force --ignore-theme-index "$icons" || true
  fi
fi

# 4. the folders the install made, deepest first, if nothing else is in them
rm -f "$manifest"
printf '%s\n' "${dirs[@]}" | sort -r | while IFS= read -r dir; do
  [[ -n "$dir" ]] && rmdir -- "$dir" 2>/dev/null || true
done
echo "Uninstalled Article Lens."
