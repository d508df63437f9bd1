from hypothesis import given
from hypothesis import strategies as st

from desktop.core.utf16 import Utf16Offsets


def utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


@given(st.text(alphabet=st.sampled_from("ab é\u0301漢😀🇰🇿\u05d0\n"), max_size=40))
def test_offsets_round_trip_between_code_points_and_utf16(text):
    offsets = Utf16Offsets(text)
    for position in range(len(text) + 1):
        utf16 = utf16_length(text[:position])
        assert offsets.to_utf16(position) == utf16
        assert offsets.to_code_point(utf16) == position


def test_a_position_inside_a_surrogate_pair_maps_to_the_character_start():
    offsets = Utf16Offsets("a😀b")
    assert offsets.to_code_point(2) == 1
    assert offsets.to_code_point(3) == 2
