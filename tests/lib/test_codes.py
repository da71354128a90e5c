"""Reference codes: enough randomness, an unambiguous alphabet, forgiving when typed."""

from decisionaid.lib.codes import ALPHABET, BITS, display_code, new_code, normalize_code


def test_codes_carry_at_least_50_bits_of_randomness():
    assert BITS >= 50 and len(new_code()) * 5 == BITS


def test_codes_use_no_look_alike_letters():
    assert not set("ILOU") & set(ALPHABET)
    assert all(set(new_code()) <= set(ALPHABET) for _ in range(200))


def test_fresh_codes_do_not_repeat():
    assert len({new_code() for _ in range(5000)}) == 5000


def test_a_code_is_grouped_in_fours_for_reading_aloud():
    assert display_code("7QK29MZDX4RT") == "7QK2-9MZD-X4RT"


def test_typed_codes_are_accepted_in_any_case_with_or_without_separators():
    for typed in ("7QK2-9MZD-X4RT", "7qk2 9mzd x4rt", "7qk29mzdx4rt", " 7QK2_9MZD.X4RT "):
        assert normalize_code(typed) == "7QK29MZDX4RT"


def test_look_alike_letters_are_read_as_the_digits_they_resemble():
    assert normalize_code("OI L0-0000-0000".replace(" ", "")) == "0110" + "0" * 8


def test_malformed_codes_are_refused():
    for typed in ("", "7QK2-9MZD", "7QK2-9MZD-X4RTX", "UUUU-UUUU-UUUU", "<script>", "7" * 10_000, None):
        assert normalize_code(typed) is None
