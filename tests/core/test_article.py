import hashlib

from desktop.core.article import Article


def test_article_hashes_its_text_and_titles_itself():
    article = Article("Trade grew by 40 percent.\nSecond line.")
    assert article.sha256 == hashlib.sha256(article.text.encode()).hexdigest()
    assert article.title == "Trade grew by 40 percent."


def test_a_long_first_line_is_shortened_at_a_word():
    article = Article("word " * 60)
    assert article.title.endswith("…") and len(article.title) <= 91


def test_file_articles_are_titled_by_file_name():
    article = Article.from_file_text("text", "/tmp/kazakh-trade.txt", "cp1252")
    assert article.title == "kazakh-trade"
    assert article.encoding == "cp1252"
