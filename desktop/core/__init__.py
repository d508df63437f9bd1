"""The domain in plain Python: articles, highlights, figures, sessions. No Qt here."""
