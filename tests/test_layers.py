"""The Qt-free layers stay Qt-free, and the headless command works without Qt."""

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def test_import_linter_contracts_hold():
    lint_imports = Path(sys.executable).parent / "lint-imports"
    result = subprocess.run(
        [str(lint_imports), "--config", str(REPO / "pyproject.toml")],
        capture_output=True, text=True, cwd=REPO,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 3 kept, 0 broken" in result.stdout


def test_extract_runs_with_qt_made_unimportable(seed_path):
    code = (
        "import sys\n"
        "for name in ('PySide6', 'pyqtgraph', 'shiboken6'): sys.modules[name] = None\n"
        "from desktop.cli import main\n"
        f"sys.exit(main(['extract', {str(seed_path)!r}, '--what', 'figures', '--format', 'csv']))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO)
    assert result.returncode == 0, result.stderr
    assert "$460 million" in result.stdout


def test_a_folder_run_works_with_qt_made_unimportable(seed_path, tmp_path):
    folder = tmp_path / "corpus" / "inner"
    folder.mkdir(parents=True)
    (folder / "seed.txt").write_bytes(seed_path.read_bytes())
    (tmp_path / "corpus" / "other.md").write_text("Acme Corp earned $3 million in 2023.\n")
    output = tmp_path / "rows.csv"
    code = (
        "import sys\n"
        "for name in ('PySide6', 'pyqtgraph', 'shiboken6'): sys.modules[name] = None\n"
        "from desktop.cli import main\n"
        f"status = main(['extract', {str(tmp_path / 'corpus')!r}, '--what', 'figures', '--jobs', '2',"
        f" '--output', {str(output)!r}])\n"
        "assert not any(m.startswith(('PySide6', 'pyqtgraph', 'shiboken6')) and sys.modules[m] "
        "for m in sys.modules)\n"
        "sys.exit(status)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO)
    assert result.returncode == 0, result.stderr
    rows = output.read_text()
    assert "$460 million" in rows and "$3 million" in rows


def test_export_and_import_run_with_qt_made_unimportable(tmp_path):
    code = (
        "import sys\n"
        "for name in ('PySide6', 'pyqtgraph', 'shiboken6'): sys.modules[name] = None\n"
        "from pathlib import Path\n"
        "from desktop.cli import main\n"
        "from desktop.core.article import Article\n"
        "from desktop.core.highlight import Highlight\n"
        "from desktop.core.highlight_set import HighlightSet\n"
        "from desktop.core.session import Session\n"
        "from desktop.formats.session_file import load_session, save_session\n"
        "folder = Path(sys.argv[1])\n"
        "text = 'Acme 😀 rose 4% to $2bn.\\r\\nShares fell.'\n"
        "save_session(Session(Article(text), HighlightSet([Highlight(0, 4, 'ORG', note='n'),\n"
        "             Highlight(18, 22, 'MONEY')])), folder / 's.alens')\n"
        "for fmt in ('csv', 'xlsx', 'html', 'brat', 'doccano', 'prodigy', 'w3c'):\n"
        "    out = folder / ('brat' if fmt == 'brat' else f'out.{fmt}')\n"
        "    assert main(['export', str(folder / 's.alens'), '--format', fmt, '--output', str(out)]) == 0, fmt\n"
        "    if fmt in ('csv', 'xlsx', 'html'):\n"
        "        continue\n"
        "    source = folder / 'brat' / 's.ann' if fmt == 'brat' else out\n"
        "    assert main(['import', str(source), '--format', fmt, '--output', str(folder / f'{fmt}.alens')]) == 0\n"
        "    back = load_session(folder / f'{fmt}.alens').session\n"
        "    assert back.article.text == text, fmt\n"
        "    assert sorted((h.start, h.end, h.label, h.note) for h in back.highlights) == [\n"
        "        (0, 4, 'ORG', 'n'), (18, 22, 'MONEY', '')], fmt\n"
        "assert not any(name.startswith(('PySide6', 'pyqtgraph', 'shiboken6')) and sys.modules[name]\n"
        "               for name in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True,
                            cwd=REPO)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out.html").read_bytes().startswith(b"<!DOCTYPE html>")
