"""The document-level pass: what needs the whole article, run when the last chunk is in."""

from __future__ import annotations

from collections.abc import Iterable

from desktop.nlp.entities.abbreviations import link_abbreviations
from desktop.nlp.entities.canonical import assign_canonical
from desktop.nlp.entities.consistency import make_consistent
from desktop.nlp.entities.user_lexicon import LexiconLike, apply_lexicon, drop_rejected, keep_own_readings
from desktop.nlp.entities.words import sort_spans
from desktop.nlp.results import EntityChanges, EntitySpan


def harmonise(
    entities: Iterable[EntitySpan], text: str, lexicon: LexiconLike | None = None
) -> list[EntitySpan]:
    """The entities of the whole ``text`` (every chunk's, offsets into ``text``) made
    consistent: abbreviations linked to their long forms, short names to full
    names, one label per name, missed mentions added, canonical names assigned,
    and the user's ``lexicon`` applied last. Applying it twice changes nothing."""
    spans = sort_spans(entities)
    if lexicon is not None:
        spans = keep_own_readings(drop_rejected(spans, text, lexicon), text)
    spans = link_abbreviations(spans, text)
    spans = make_consistent(spans, text)
    spans = assign_canonical(spans, text)
    if lexicon is not None:
        spans = apply_lexicon(spans, text, lexicon)
    return spans


def document_changes(
    entities: list[EntitySpan], text: str, lexicon: LexiconLike | None = None
) -> EntityChanges:
    """What :func:`harmonise` changes in ``entities`` (run in a worker process for a
    long text, away from the window's GIL)."""
    return entity_changes(entities, harmonise(entities, text, lexicon))


def entity_changes(before: Iterable[EntitySpan], after: Iterable[EntitySpan]) -> EntityChanges:
    """The spans (compared by start, end and label) that went away and that came."""
    old = {(s.start, s.end, s.label): s for s in before}
    new = {(s.start, s.end, s.label): s for s in after}
    return EntityChanges(
        removed=sort_spans(s for key, s in old.items() if key not in new),
        added=sort_spans(s for key, s in new.items() if key not in old),
    )
