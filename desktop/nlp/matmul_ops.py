"""thinc's CPU operations with matrix products done by NumPy's BLAS, on one thread,
and leaner inference-only maxout and layer normalisation (see
:func:`desktop.nlp.pipeline.use_matmul_ops`)."""

from __future__ import annotations

import ctypes
from pathlib import Path

import numpy
from thinc.api import NumpyOps

_SET_THREADS = (
    "scipy_openblas_set_num_threads64_", "scipy_openblas_set_num_threads",
    "openblas_set_num_threads64_", "openblas_set_num_threads",
)


class MatmulOps(NumpyOps):
    """``NumpyOps`` whose ``gemm`` is ``numpy.matmul`` instead of blis, and whose
    ``maxout`` keeps only the largest piece (for inference: nothing here trains)."""

    def gemm(self, x, y, *, out=None, trans1=False, trans2=False):  # type: ignore[override]
        if trans1:
            x = x.T
        if trans2:
            y = y.T
        if out is None:
            return numpy.matmul(x, y)
        numpy.matmul(x, y, out=out)
        return out

    def maxout(self, X):  # type: ignore[override]
        """The largest of each unit's pieces (``X`` is (rows, units, pieces)), without
        the index of the winning piece that only training's backward pass reads:
        ~10x faster than thinc's loop, which was a quarter of the token vectors' time."""
        pieces = X.shape[-1]
        if pieces == 1:
            return X[..., 0].copy(), None
        best = numpy.maximum(X[..., 0], X[..., 1])
        for piece in range(2, pieces):
            numpy.maximum(best, X[..., piece], out=best)
        return best, None

    def backprop_maxout(self, dY, which, P):  # type: ignore[override]
        if which is None:
            raise NotImplementedError("MatmulOps is for inference: its maxout keeps no argmax")
        return super().backprop_maxout(dY, which, P)


def layer_norm_forward(model, X, is_train):
    """thinc's ``LayerNorm`` forward for inference, with the same operations in the
    same order (so the same floats) but the centred input computed once and scaled
    in place: ~5 passes over the data instead of ~9."""
    if is_train:
        raise NotImplementedError("layer_norm_forward is for inference only")
    centred = X - X.mean(axis=1, keepdims=True)
    variance = numpy.add.reduce(centred * centred, axis=1, keepdims=True)
    variance /= X.shape[1]
    variance += 1e-08
    centred *= variance ** (-1.0 / 2.0)
    centred *= model.get_param("G")
    centred += model.get_param("b")

    def backprop(dY):
        raise NotImplementedError("layer_norm_forward is for inference only")

    return centred, backprop


def single_threaded_blas() -> bool:
    """Keep NumPy's OpenBLAS on one thread in this process; True when it could be told.

    The analysis already runs one process per core: a second BLAS thread only
    competes with the other process (and with the window's thread) for the same cores,
    and its busy waiting doubles the CPU time.
    """
    folder = Path(numpy.__file__).parent
    for library in [*sorted((folder.parent / "numpy.libs").glob("*openblas*")),
                    *sorted((folder / ".dylibs").glob("*openblas*"))]:
        try:
            handle = ctypes.CDLL(str(library))
        except OSError:
            continue
        for name in _SET_THREADS:
            function = getattr(handle, name, None)
            if function is not None:
                function(ctypes.c_int(1))
                return True
    return False
