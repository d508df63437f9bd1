"""Article Lens: read a news article with its entities and figures laid out."""

__version__ = "0.1.0"
