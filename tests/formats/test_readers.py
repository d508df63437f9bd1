import pytest

from desktop.formats.errors import FileFormatError
from desktop.formats.readers import read_article

WESTERN = (
    "Le café de la gare a vendu 3 000 croissants. The minister said the économie à la "
    "française grew by 3 per cent — “a good year” — and café owners were très contents."
)


@pytest.mark.parametrize(
    ("encoding", "text"),
    [
        ("utf-8", WESTERN),
        ("utf-8-sig", WESTERN),
        ("utf-16", WESTERN),
        ("utf-16-le", WESTERN),
        ("cp1252", WESTERN),
        ("cp1251", "Товарооборот между Казахстаном и Азербайджаном вырос на 40 процентов "
                   "в 2022 году и превысил 460 миллионов долларов."),
        ("shift_jis", "カザフスタンとアゼルバイジャンの貿易は2022年に40パーセント増加し、"
                      "4億6000万ドルを超えた。"),
    ],
)
def test_common_encodings_are_detected(tmp_path, encoding, text):
    path = tmp_path / "article.txt"
    path.write_bytes(text.encode(encoding))
    article = read_article(path)
    assert article.text == text
    assert article.title == "article"
    assert article.source == str(path)


def test_windows_newlines_are_normalised(tmp_path):
    path = tmp_path / "crlf.md"
    path.write_bytes(b"# Title\r\n\r\nBody line.\rOld Mac line.")
    assert read_article(path).text == "# Title\n\nBody line.\nOld Mac line."


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (bytes(range(256)) * 40, "binary"),
        (b"\x89PNG\r\n\x1a\n" + bytes(200), "binary"),
        (b"%PDF-1.7\n" + bytes(range(128, 256)) * 30 + b"\x00\x01\x02" * 50, "not a PDF"),  # read as one
        (b"", "empty"),
        (b" \n\t\n", "empty"),
    ],
)
def test_binary_and_empty_files_get_a_clear_message(tmp_path, content, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(FileFormatError, match=message):
        read_article(path)


def test_missing_files_and_folders_get_a_clear_message(tmp_path):
    with pytest.raises(FileFormatError, match="could not be read"):
        read_article(tmp_path / "nope.txt")
    with pytest.raises(FileFormatError, match="folder"):
        read_article(tmp_path)


def test_huge_files_are_refused_before_reading(tmp_path, monkeypatch):
    import desktop.formats.readers as readers

    monkeypatch.setattr(readers, "MAX_ARTICLE_BYTES", 1000)
    path = tmp_path / "big.txt"
    path.write_text("news " * 400)
    with pytest.raises(FileFormatError, match="MB"):
        read_article(path)
