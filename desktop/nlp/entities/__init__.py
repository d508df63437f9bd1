"""Entities a reader can trust: the stages that revise the model's entities.

Per chunk, as results stream (:mod:`.chunk`): all-caps stretches are re-read in
normal case (:mod:`.casing`), countries, capitals and demonyms get gazetteer
labels (:mod:`.places`, data from :mod:`.gazetteer`), and names are relabelled by the
words in and around them (:mod:`.context`; :mod:`.landforms` and :mod:`.organisations`,
one pass of per-span rules in :func:`.chunk.name_cues`). Per document, once every chunk
is in (:func:`harmonise`): defined abbreviations are linked (:mod:`.abbreviations`),
labels made consistent (:mod:`.consistency`), canonical names assigned
(:mod:`.canonical`), and the user's corrections applied (:mod:`.user_lexicon`).
Every span says why it has its label (``reason``) and keeps spaCy's own label
(``model_label``).

A caller that streams chunks (``iter_analysis``) runs the document pass once the last
chunk is in: ``final = harmonise(streamed, text, lexicon)``, then
``entity_changes(streamed, final)`` says which suggestions to withdraw and which to
add. ``analyze(text, lexicon)`` does all of this itself.
"""

from desktop.nlp.entities.canonical import CANONICAL_COLUMNS, canonical_entities
from desktop.nlp.entities.document import EntityChanges, entity_changes, harmonise
from desktop.nlp.entities.user_lexicon import (
    LexiconLike,
    apply_lexicon,
    drop_rejected,
    lexicon_spans,
)

__all__ = [
    "CANONICAL_COLUMNS", "EntityChanges", "LexiconLike", "apply_lexicon",
    "canonical_entities", "drop_rejected", "entity_changes", "harmonise", "lexicon_spans",
]
