"""Replaces pyinstaller-hooks-contrib's hook for thinc: the same modules and data files
(spaCy resolves its languages, layers and components by name at run time), without the
package's own tests and Cython sources."""

from PyInstaller.utils.hooks import collect_data_files, collect_submodules

hiddenimports = collect_submodules("thinc", filter=lambda name: ".tests." not in name + ".")
datas = collect_data_files("thinc", excludes=["**/tests/**", "**/*.pyx", "**/*.pxd"])
