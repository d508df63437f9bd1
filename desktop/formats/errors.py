"""Errors a person can cause with a file, each with a message meant for them."""


class FileFormatError(Exception):
    """A file could not be read; ``str(error)`` says why in plain words."""
