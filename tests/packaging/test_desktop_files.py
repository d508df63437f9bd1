"""The desktop entry, the session file type and the icons, as committed."""

from __future__ import annotations

import configparser
import struct
import subprocess
import xml.etree.ElementTree as ET

import pytest

from .conftest import LINUX, REPO, require_tools

MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"
SESSION_TYPE = "application/x-article-lens-session"
ICONS = REPO / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, delimiters=("=",))
    parser.optionxform = str
    parser.read(LINUX / "article-lens.desktop", encoding="utf-8")
    return parser["Desktop Entry"]


def test_the_desktop_entry_validates():
    require_tools("desktop-file-validate")
    result = subprocess.run(["desktop-file-validate", str(LINUX / "article-lens.desktop")],
                            capture_output=True, text=True)
    assert result.returncode == 0 and "error" not in result.stdout, result.stdout


def test_the_desktop_entry_opens_one_file_of_the_session_and_article_types():
    entry = desktop_entry()
    assert entry["Exec"].split() == ["article-lens", "%f"]
    assert entry["MimeType"] == (f"{SESSION_TYPE};text/plain;text/markdown;text/html;application/pdf;"
                                 "application/vnd.openxmlformats-officedocument.wordprocessingml.document;")
    assert entry["Icon"] == "article-lens"
    assert entry["Terminal"] == "false"


def test_the_mime_xml_declares_the_glob_the_magic_and_the_icon():
    root = ET.parse(LINUX / "article-lens-mime.xml").getroot()
    (mime_type,) = root.findall(f"{MIME_NS}mime-type")
    assert mime_type.get("type") == SESSION_TYPE
    assert mime_type.find(f"{MIME_NS}sub-class-of").get("type") == "application/json"
    assert [g.get("pattern") for g in mime_type.findall(f"{MIME_NS}glob")] == ["*.alens"]
    assert mime_type.find(f"{MIME_NS}icon").get("name") == SESSION_TYPE.replace("/", "-")
    (match,) = mime_type.findall(f"{MIME_NS}magic/{MIME_NS}match")
    assert match.get("type") == "string"
    start, end = (int(n) for n in match.get("offset").split(":"))
    # the marker a saved session carries near its start (docs/session-format.md)
    sample = (REPO / "tests" / "data" / "sessions" / "v1_sample.alens").read_bytes()
    assert start <= sample.find(match.get("value").encode()) <= end


@pytest.mark.parametrize("name", ["article-lens", SESSION_TYPE.replace("/", "-")])
def test_every_icon_size_is_rendered_from_its_svg(name):
    assert (ICONS / f"{name}.svg").is_file()
    for size in SIZES:
        png = (ICONS / f"{name}-{size}.png").read_bytes()
        assert png[:8] == b"\x89PNG\r\n\x1a\n"
        assert struct.unpack(">II", png[16:24]) == (size, size)  # the IHDR width and height


def test_the_window_icon_has_every_size(qapp):
    from desktop.ui.app_icon import app_icon

    for name in ("article-lens", SESSION_TYPE.replace("/", "-")):
        icon = app_icon(name)
        assert [s.width() for s in icon.availableSizes()] == list(SIZES)
        assert not icon.pixmap(48, 48).isNull()


def test_every_python_package_is_listed_in_pyproject():
    """`packages` in pyproject.toml is an explicit list: a new folder left out of it works in
    the editable dev install but is missing from the installed app and the bundle."""
    import tomllib

    listed = set(tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    found = {".".join(init.parent.relative_to(REPO).parts)
             for init in (REPO / "desktop").rglob("__init__.py")}
    assert found - listed == set(), "add these to [tool.setuptools] packages in pyproject.toml"
