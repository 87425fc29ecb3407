"""desktop.reports.qr against qrcode itself: the same version as ``best_fit``, the same
codewords as ``util.create_data``, the same penalties as ``util.lost_point``, the same mask
(lowest penalty, lowest index on a tie) as ``QRCode.best_mask_pattern``, the same matrix as
``make(fit=True)`` + ``get_matrix()``."""

from __future__ import annotations

import json
import random
import string
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import qrcode
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from qrcode import base, exceptions, util
from qrcode.constants import ERROR_CORRECT_H, ERROR_CORRECT_L, ERROR_CORRECT_M, ERROR_CORRECT_Q

from desktop.domain import pix
from desktop.reports.qr import FastQRCode, _codewords, _ecc, penalty, qr_bitmap, qr_matrix

PIX = json.loads(
    (Path(__file__).parent.parent / "data" / "pix_vectors.json").read_text(encoding="utf-8")
)
REAL_PAYLOADS = [PIX["reference_vector"]["payload"]] + [v["payload"] for v in PIX["vectors"]]
LEVELS = [ERROR_CORRECT_L, ERROR_CORRECT_M, ERROR_CORRECT_Q, ERROR_CORRECT_H]

# What a BR Code is made of: digits, upper case (names, cities, "BR"), lower case and
# punctuation of keys and URLs (e-mail, EVP, pix.example.com/qr/v2/...).
PIX_ALPHABET = string.ascii_uppercase + string.digits + string.ascii_lowercase + " .@-/:*$%+_"
SLOW = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def reference(payload: str, level: int = ERROR_CORRECT_M, border: int = 4) -> list[list[bool]]:
    code = qrcode.QRCode(error_correction=level, border=border, box_size=1)
    code.add_data(payload)
    code.make(fit=True)
    return code.get_matrix()  # type: ignore[no-any-return]


def masks_both_ways(payload: str, level: int) -> tuple[int, int]:
    """(qrcode's best mask, ours) for the same fitted code."""
    theirs = qrcode.QRCode(error_correction=level)
    theirs.add_data(payload)
    theirs.best_fit()
    ours = FastQRCode(error_correction=level)
    ours.add_data(payload)
    ours.best_fit()
    return theirs.best_mask_pattern(), ours.best_mask_pattern()


def candidates(payload: str, level: int) -> list[list[list[Any]]]:
    """The 8 matrices qrcode scores (test mode: format and version information left light)."""
    code = qrcode.QRCode(error_correction=level)
    code.add_data(payload)
    code.best_fit()
    out = []
    for mask in range(8):
        code.makeImpl(True, mask)
        out.append([row[:] for row in code.modules])
    return out


pix_like = st.text(alphabet=PIX_ALPHABET, min_size=50, max_size=300)


@st.composite
def br_codes(draw: st.DrawFn) -> str:
    """Static BR Codes built by our own service with random keys, names, amounts, txids."""
    key = draw(
        st.one_of(
            st.from_regex(r"[a-z0-9.]{1,30}@[a-z0-9]{1,20}\.com\.br", fullmatch=True),
            st.uuids().map(str),
            st.from_regex(r"\+55[0-9]{11}", fullmatch=True),
            st.from_regex(r"[0-9]{11}|[0-9]{14}", fullmatch=True),
        )
    )
    name = draw(st.text(alphabet=string.ascii_uppercase + " ", min_size=1, max_size=25))
    city = draw(st.text(alphabet=string.ascii_uppercase + " ", min_size=1, max_size=15))
    cents = draw(st.one_of(st.none(), st.integers(min_value=1, max_value=10**9)))
    txid = draw(st.one_of(st.none(), st.from_regex(r"[A-Za-z0-9]{1,25}", fullmatch=True)))
    description = draw(st.one_of(st.none(), st.text(alphabet=PIX_ALPHABET, max_size=10)))
    return pix.static_payload(
        key,
        name if name.strip() else "RECEBEDOR",
        city if city.strip() else "CIDADE",
        amount=None if cents is None else Decimal(cents) / 100,
        txid=txid,
        description=description if description and description.strip() else None,
    )


@SLOW
@given(pix_like)
def test_pix_like_payloads_give_qrcodes_matrix(payload: str) -> None:
    assert qr_matrix(payload) == reference(payload)


@SLOW
@given(br_codes())
def test_br_codes_give_qrcodes_matrix(payload: str) -> None:
    assert 50 <= len(payload) <= 300
    assert qr_matrix(payload) == reference(payload)


@settings(max_examples=100, deadline=None)
@given(st.text(min_size=1, max_size=300), st.sampled_from(LEVELS), st.integers(0, 6))
def test_any_text_level_and_border(payload: str, level: int, border: int) -> None:
    """Other modes (numeric, alphanumeric, UTF-8 bytes), levels, versions 7+ (version
    information), borders."""
    assert qr_matrix(payload, level, border) == reference(payload, level, border)


@pytest.mark.parametrize("payload", REAL_PAYLOADS)
@pytest.mark.parametrize("level", LEVELS)
def test_real_pix_vectors(payload: str, level: int) -> None:
    assert qr_matrix(payload, level) == reference(payload, level)
    theirs, ours = masks_both_ways(payload, level)
    assert ours == theirs


@pytest.mark.parametrize(
    ("payload", "level", "tied", "expected"),
    [
        # found by scoring random texts with qrcode.util.lost_point
        ("6k5BeK", ERROR_CORRECT_H, (0, 2), 0),
        ("ty1 Z4R:lvUOUjN-woLR-1u:L-A@y0xhnTf0baN%a", ERROR_CORRECT_L, (4, 6), 4),
        ("iy8+CsT07L%q8TDIWG2x9aJTFMP9 2kUtMXhkPr:SbbAjLGmsDx5St", ERROR_CORRECT_H, (1, 4), 1),
    ],
)
def test_a_tie_goes_to_the_lowest_mask(
    payload: str, level: int, tied: tuple[int, ...], expected: int
) -> None:
    scores = [util.lost_point(m) for m in candidates(payload, level)]
    assert [i for i, s in enumerate(scores) if s == min(scores)] == list(tied)
    assert masks_both_ways(payload, level) == (expected, expected)
    assert qr_matrix(payload, level) == reference(payload, level)


@settings(max_examples=60, deadline=None)
@given(pix_like, st.sampled_from(LEVELS))
def test_penalty_of_every_candidate_equals_lost_point(payload: str, level: int) -> None:
    for matrix in candidates(payload, level):
        assert penalty(matrix) == util.lost_point(matrix)
    final = reference(payload, level, border=0)
    assert penalty(final) == util.lost_point(final)


@st.composite
def square_matrices(draw: st.DrawFn) -> list[list[bool]]:
    """Any n x n matrix, dense or sparse, including runs, blocks and finder-like lines."""
    n = draw(st.integers(min_value=1, max_value=45))
    density = draw(st.sampled_from([0.05, 0.3, 0.5, 0.7, 0.95]))
    rnd = draw(st.randoms(use_true_random=False))
    return [[rnd.random() < density for _ in range(n)] for _ in range(n)]


@settings(max_examples=400, deadline=None)
@given(square_matrices())
def test_penalty_equals_lost_point_on_any_matrix(matrix: list[list[bool]]) -> None:
    assert penalty(matrix) == util.lost_point(matrix)


@pytest.mark.parametrize(
    "line",
    ["10111010000", "00001011101", "000010111010000", "1011101", "11111", "1" * 30, "0" * 12],
)
def test_penalty_on_the_rule_patterns(line: str) -> None:
    """N1 runs and N3 finder-like patterns (also overlapping), in rows and in columns."""
    n = max(len(line), 11)
    row = [c == "1" for c in line.ljust(n, "0")]
    filler = [bool(i % 2) for i in range(n)]
    rows = [filler[i % 2 :] + filler[: i % 2] for i in range(n)]
    rows[3] = row
    columns = [list(col) for col in zip(*rows, strict=True)]
    assert penalty(rows) == util.lost_point(rows)
    assert penalty(columns) == util.lost_point(columns)


def test_the_matrix_is_qrcodes_even_when_called_twice() -> None:
    """Per-version tables are built once and shared: a second code of the same version and
    codes of other versions in between give the same results."""
    payloads = [REAL_PAYLOADS[0], "A" * 400, "1" * 20, REAL_PAYLOADS[1], REAL_PAYLOADS[0]]
    for payload in payloads:
        assert qr_matrix(payload) == reference(payload)


def bitmap(matrix: list[list[bool]]) -> tuple[int, str]:
    """A 1-bit image of ``matrix`` the plain way: rows from the top, padded to bytes, hex."""
    packed = bytearray()
    for row in matrix:
        bits = "".join("1" if cell else "0" for cell in row)
        bits += "0" * (-len(bits) % 8)
        packed += bytes(int(bits[i : i + 8], 2) for i in range(0, len(bits), 8))
    return len(matrix), packed.hex()


@pytest.mark.parametrize("payload", REAL_PAYLOADS)
def test_the_bitmap_of_real_codes(payload: str) -> None:
    assert qr_bitmap(payload) == bitmap(reference(payload))


@settings(max_examples=100, deadline=None)
@given(st.text(min_size=1, max_size=300), st.sampled_from(LEVELS), st.integers(0, 9))
def test_the_bitmap_of_any_text_level_and_border(payload: str, level: int, border: int) -> None:
    """Every width modulo 8 (rows padded to whole bytes), versions 7+, other levels."""
    assert qr_bitmap(payload, level, border) == bitmap(reference(payload, level, border))


@pytest.mark.parametrize("level", LEVELS)
def test_codewords_of_every_version(level: int) -> None:
    """Every block structure (versions 1 to 40): a full symbol and a half-full one (with
    terminator and pad codewords), byte mode."""
    rnd = random.Random(level)
    for version in range(1, 41):
        capacity = util.BIT_LIMIT_TABLE[level][version]
        header = 4 + util.length_in_bits(util.MODE_8BIT_BYTE, version)
        for size in ((capacity - header) // 8, (capacity - header) // 16):
            data_list = [util.QRData(rnd.randbytes(size), mode=util.MODE_8BIT_BYTE)]
            assert _codewords(version, level, data_list) == util.create_data(
                version, level, data_list
            ), (version, size)


@settings(max_examples=150, deadline=None)
@given(st.text(min_size=0, max_size=400), st.sampled_from(LEVELS))
def test_version_and_codewords_of_any_text(payload: str, level: int) -> None:
    """Mixed numeric, alphanumeric and byte chunks (qrcode's own segmentation)."""
    theirs = qrcode.QRCode(error_correction=level)
    theirs.add_data(payload)
    ours = FastQRCode(error_correction=level)
    ours.add_data(payload)
    try:
        expected = theirs.best_fit()
    except ValueError:  # too long for this level: the same refusal
        with pytest.raises(ValueError):
            ours.best_fit()
        return
    assert ours.best_fit() == expected
    for start in (ours.version, 1 + ours.version // 2):
        assert ours.best_fit(start) == theirs.best_fit(start)
    version = theirs.best_fit()
    assert _codewords(version, level, ours.data_list) == util.create_data(
        version, level, theirs.data_list
    )


def test_error_correction_of_a_polynomial_missing_from_qrcodes_table() -> None:
    """qrcode multiplies out the generator when its table lacks one; so do we."""
    rnd = random.Random(5)
    for ec_count in (2, 5, 31):
        data = rnd.randbytes(40)
        generator = base.Polynomial([1], 0)
        for i in range(ec_count):
            generator = generator * base.Polynomial([1, base.gexp(i)], 0)
        remainder = base.Polynomial(list(data), ec_count) % generator
        expected = [0] * (ec_count - len(remainder)) + list(remainder)
        assert list(_ecc(data, ec_count)) == expected


def test_too_much_data_fails_as_in_qrcode() -> None:
    with pytest.raises(ValueError, match="Invalid version") as theirs:
        reference("x" * 3000, ERROR_CORRECT_H)
    with pytest.raises(ValueError, match="Invalid version") as ours:
        qr_matrix("x" * 3000, ERROR_CORRECT_H)
    assert str(ours.value) == str(theirs.value)
    data_list = [util.QRData(b"x" * 30)]
    with pytest.raises(exceptions.DataOverflowError):
        util.create_data(1, ERROR_CORRECT_M, data_list)
    with pytest.raises(exceptions.DataOverflowError):
        _codewords(1, ERROR_CORRECT_M, data_list)
