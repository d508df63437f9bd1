"""The shared spaCy pipeline."""

import gc

from desktop.nlp.pipeline import load_pipeline


def test_the_loaded_model_is_kept_out_of_the_collectors_sight():
    nlp = load_pipeline()
    tracked = {id(o) for o in gc.get_objects()}
    assert gc.get_freeze_count() > 10_000
    assert id(nlp) not in tracked and id(nlp.vocab) not in tracked
    assert id(nlp.get_pipe("ner")) not in tracked

