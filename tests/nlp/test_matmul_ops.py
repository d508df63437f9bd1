"""MatmulOps: thinc's operations with NumPy's matrix products and a leaner maxout."""

import numpy
import pytest
from thinc.api import NumpyOps

from desktop.nlp.matmul_ops import MatmulOps


@pytest.mark.parametrize("trans1", [False, True])
@pytest.mark.parametrize("trans2", [False, True])
def test_gemm_is_the_matrix_product_with_either_side_transposed(trans1, trans2):
    rng = numpy.random.default_rng(1)
    x = rng.random((5, 7), dtype="float32")
    y = rng.random((7, 3), dtype="float32")
    left = x.T.copy() if trans1 else x
    right = y.T.copy() if trans2 else y
    expected = x @ y
    numpy.testing.assert_allclose(MatmulOps().gemm(left, right, trans1=trans1, trans2=trans2), expected, rtol=1e-6)
    out = numpy.zeros((5, 3), dtype="float32")
    assert MatmulOps().gemm(left, right, out=out, trans1=trans1, trans2=trans2) is out
    numpy.testing.assert_allclose(out, expected, rtol=1e-6)


@pytest.mark.parametrize("pieces", [1, 2, 3, 4])
def test_maxout_keeps_the_same_largest_piece_as_thincs(pieces):
    rng = numpy.random.default_rng(pieces)
    X = rng.standard_normal((50, 8, pieces)).astype("float32")
    X[0, 0, :] = 0.5  # a tie
    best, which = MatmulOps().maxout(X)
    assert which is None
    assert best.shape == (50, 8) and best.dtype == numpy.float32 and best.flags.c_contiguous
    assert numpy.array_equal(best, NumpyOps().maxout(X)[0])


def test_maxout_backward_needs_the_argmax_it_does_not_keep():
    ops = MatmulOps()
    with pytest.raises(NotImplementedError):
        ops.backprop_maxout(numpy.ones((2, 3), dtype="float32"), None, 2)
    _, which = NumpyOps().maxout(numpy.ones((2, 3, 2), dtype="float32"))
    assert ops.backprop_maxout(numpy.ones((2, 3), dtype="float32"), which, 2).shape == (2, 3, 2)


def test_the_apps_pipeline_finds_what_spacys_own_finds():
    import spacy

    from desktop.nlp.pipeline import MODEL_PACKAGES, UNUSED_COMPONENTS, load_pipeline

    text = ("Apple bought the London start-up for $1.2 billion on Monday, Reuters reported, "
            "and Tim Cook said 3,000 staff at its offices in Texas and Bavaria would stay.")
    stock = None
    for name in MODEL_PACKAGES:
        try:
            stock = spacy.load(name, disable=list(UNUSED_COMPONENTS))
            break
        except OSError:
            continue
    assert stock is not None
    nlp = load_pipeline()
    assert all(isinstance(node.ops, MatmulOps) for node in nlp.get_pipe("ner").model.walk())
    ours = [(e.start_char, e.end_char, e.label_) for e in nlp(text).ents]
    assert ours == [(e.start_char, e.end_char, e.label_) for e in stock(text).ents]
    assert ("Apple", "ORG") in [(text[s:e], label) for s, e, label in ours]


def test_layer_norm_forward_gives_thincs_floats_exactly():
    from thinc.api import LayerNorm

    from desktop.nlp.matmul_ops import layer_norm_forward

    rng = numpy.random.default_rng(7)
    X = (rng.standard_normal((300, 96)) * 3 + 1).astype("float32")
    layer = LayerNorm(96)
    layer.initialize(X=X)
    layer.set_param("G", rng.standard_normal(96).astype("float32"))
    layer.set_param("b", rng.standard_normal(96).astype("float32"))
    expected = layer.predict(X)
    Y, backprop = layer_norm_forward(layer, X, is_train=False)
    assert Y.dtype == numpy.float32 and numpy.array_equal(Y, expected)
    with pytest.raises(NotImplementedError):
        backprop(Y)
    with pytest.raises(NotImplementedError):
        layer_norm_forward(layer, X, is_train=True)


def test_the_pipelines_layer_norms_run_the_lean_forward():
    from desktop.nlp.matmul_ops import layer_norm_forward
    from desktop.nlp.pipeline import load_pipeline

    models = [getattr(component, "model", None) for _, component in load_pipeline().components]
    norms = [node for model in models if model is not None for node in model.walk() if node.name == "layernorm"]
    assert norms and all(node._func is layer_norm_forward for node in norms)
