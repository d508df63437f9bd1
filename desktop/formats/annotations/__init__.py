"""Annotation formats in and out: brat, doccano, Prodigy and W3C Web Annotation.

One module per format, each with ``export_<format>(session, ...)`` and
``import_<format>(...) -> Imported``; :mod:`.common` holds what they share. Offsets
are Python ``str`` indices (code points) into the article text, as the session
stores them; each module says how its format counts. See docs/annotation-formats.md.
"""

#: The formats that can be exported and imported back, by name.
FORMATS = ("brat", "doccano", "prodigy", "w3c")
