"""QR code matrices (the boleto's PIX code): ``qrcode``, with its slow steps done faster.

Why this is ours: ``qrcode`` is pure Python and works bit by bit.  Rendering a boleto spent
two thirds of its time in ``QRCode.make()``: the mask search (ISO/IEC 18004 §7.8.3: of the
8 masks, the one with the lowest penalty N1 + N2 + N3 + N4) places the data 8 times with
``map_data`` and scores each matrix with ``util.lost_point``, cell by cell; and encoding
(``best_fit``, ``util.create_data``) pushes every bit through ``BitBuffer.put_bit`` and
divides polynomials one list at a time for the Reed-Solomon codewords.
:class:`FastQRCode` (a ``qrcode.QRCode``) overrides those steps with exact equivalents:

* the mask search scores whole matrices held as Python integers (bit ``r*n + c`` is the
  module at row r, column c): each penalty rule, along the rows (shifts by 1) and the
  columns (shifts by n), is a handful of shifts, ANDs and ``int.bit_count()`` in C;
* ``map_data`` replays a per-version table of the data modules in ``map_data``'s own order;
* the bit stream is one integer (:class:`_Bits` takes ``QRData.write``'s groups), and the
  error correction codewords come from a shift register over ``qrcode``'s own GF(256)
  tables and generator polynomials.

Everything else is ``qrcode``'s: segmentation into numeric/alphanumeric/byte chunks,
``QRData.write``, the capacity and block tables, function patterns, format and version
information (``makeImpl``), the quiet zone (``get_matrix``).  The result is bit-identical:
tests/reports/test_qr.py checks the penalties against ``lost_point``, the mask (lowest
penalty, lowest index on a tie) against ``best_mask_pattern``, the codewords against
``util.create_data`` for every version and level, and the matrices against ``make()`` on
many payloads.

:func:`qr_matrix` and :func:`qr_bitmap` (the 1-bit image the boleto draws) do not place the
patterns and the data module by module as ``makeImpl``/``map_data`` do: the final matrix is
the unmasked data XOR the function patterns, format information and flips of the chosen mask
(cached per version, level and mask), an integer read off as rows of bits.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from operator import itemgetter
from typing import Any

import qrcode
from qrcode import LUT, base, exceptions, util
from qrcode.constants import ERROR_CORRECT_M

__all__ = ["ERROR_CORRECT_M", "penalty", "qr_bitmap", "qr_matrix"]


@dataclass(frozen=True)
class _Masks:
    """For an n x n matrix: the cells where each penalty pattern may start."""

    n: int
    block: int  # r <= n-2, c <= n-2: top-left cell of a 2x2 block (N2)
    run_h: int  # c <= n-5: first of 5 cells of a row (N1)
    run_v: int  # r <= n-5: first of 5 cells of a column
    finder_h: int  # c <= n-11: first of an 11-cell window of a row (N3)
    finder_v: int  # r <= n-11: first of an 11-cell window of a column


def _masks(n: int) -> _Masks:
    def cells(last_row: int, last_col: int) -> int:
        row = (1 << (last_col + 1)) - 1 if last_col >= 0 else 0
        return sum(row << (r * n) for r in range(last_row + 1))

    return _Masks(
        n,
        block=cells(n - 2, n - 2),
        run_h=cells(n - 1, n - 5),
        run_v=cells(n - 5, n - 1),
        finder_h=cells(n - 1, n - 11),
        finder_v=cells(n - 11, n - 1),
    )


def _lines_penalty(x: int, step: int, run: int, finder: int) -> int:
    """N1 + N3 along the rows (``step`` 1) or the columns (``step`` n) of ``x``."""
    # N1: a run of k >= 5 equal modules costs 3 + (k - 5).  ``five`` marks every cell that
    # starts 5 equal cells: a run of k has k - 4 of them in one block, hence k - 4 + 2.
    same = ~(x ^ (x >> step))
    five = same & (same >> step) & (same >> 2 * step) & (same >> 3 * step) & run
    n1 = five.bit_count() + 2 * (five & ~(five << step)).bit_count()
    # N3: 1:1:3:1:1 (dark-light-dark-light-dark) with 4 light modules before or after it,
    # i.e. 10111010000 or 00001011101 inside the symbol (as qrcode), 40 each.
    d = [x >> k * step for k in range(11)]
    li = [~v for v in d]
    core = li[1] & d[4] & li[5] & d[6] & li[9] & finder
    before = d[0] & d[2] & d[3] & li[7] & li[8] & li[10]
    after = li[0] & li[2] & li[3] & d[7] & d[8] & d[10]
    return n1 + 40 * (core & (before | after)).bit_count()


def _score(x: int, m: _Masks) -> int:
    """ISO/IEC 18004 penalty N1 + N2 + N3 + N4 of the matrix ``x`` (bit ``r*n + c`` is the
    module at row r, column c), computed exactly as ``util.lost_point``."""
    n = m.n
    # N2: 3 for every 2x2 block of one colour (overlapping blocks count separately).
    right = ~(x ^ (x >> 1))
    below = ~(x ^ (x >> n))
    n2 = 3 * (right & (right >> n) & below & m.block).bit_count()
    # N4: 10 per full 5 % of departure of the dark share from 50 % (qrcode's float formula).
    percent = float(x.bit_count()) / (n**2)
    n4 = int(abs(percent * 100 - 50) / 5) * 10
    rows = _lines_penalty(x, 1, m.run_h, m.finder_h)
    return rows + _lines_penalty(x, n, m.run_v, m.finder_v) + n2 + n4


def _to_int(modules: list[list[Any]]) -> int:
    """The matrix as an integer: bit ``r*n + c`` is the module at row r, column c."""
    return int("".join("1" if cell else "0" for line in modules for cell in line)[::-1], 2)


def penalty(modules: list[list[Any]]) -> int:
    """The mask penalty of a square matrix; equals ``qrcode.util.lost_point(modules)``."""
    return _score(_to_int(modules), _masks(len(modules)))


class _Probe(qrcode.QRCode):  # type: ignore[misc]  # qrcode ships no type hints
    """Lays out the function patterns of a version and leaves the data modules empty."""

    def map_data(self, data: Any, mask_pattern: int) -> None:
        pass


@dataclass(frozen=True)
class _Layout:
    """What depends only on the version: where data bits go and how each mask flips them."""

    masks: _Masks
    order: tuple[tuple[int, int], ...]  # data modules (row, col) in map_data's order
    mask_bits: tuple[int, ...]  # per mask: int over `order`, MSB = first placed module
    to_matrix: Any  # itemgetter: placement-order bits + "0" -> reversed row-major string
    fixed: tuple[int, ...]  # per mask: function patterns (test mode) | modules it flips


_LAYOUTS: dict[int, _Layout] = {}


def _layout(version: int) -> _Layout:
    layout = _LAYOUTS.get(version)
    if layout is None:
        layout = _LAYOUTS[version] = _build_layout(version)
    return layout


def _build_layout(version: int) -> _Layout:
    probe = _Probe(version=version)
    probe.data_cache = []  # makeImpl must not encode anything
    probe.makeImpl(True, 0)  # test=True: format/version information left light, as scored
    modules: list[list[bool | None]] = probe.modules
    n = len(modules)
    # The free modules in the order map_data fills them: two-column strips from the right,
    # upwards then downwards, skipping the vertical timing pattern (column 6).
    order: list[tuple[int, int]] = []
    row, step = n - 1, -1
    for right in range(n - 1, 0, -2):
        col = right - 1 if right <= 6 else right
        while 0 <= row < n:
            order.extend((row, c) for c in (col, col - 1) if modules[row][c] is None)
            row += step
        row, step = row - step, -step
    total = len(order)
    index = {cell: i for i, cell in enumerate(order)}
    # String position k of to_matrix's result is bit n*n-1-k of the int (int(s, 2) reads
    # the most significant bit first); modules that are not data read the appended "0".
    to_matrix = itemgetter(*(index.get(divmod(k, n), total) for k in range(n * n - 1, -1, -1)))
    mask_bits = []
    for mask in range(8):
        flips = util.mask_func(mask)
        mask_bits.append(int("".join("1" if flips(r, c) else "0" for r, c in order), 2))
    fixed = tuple(_patterns_and_flips(modules, order, mask) for mask in range(8))
    return _Layout(_masks(n), tuple(order), tuple(mask_bits), to_matrix, fixed)


def _patterns_and_flips(
    modules: list[list[bool | None]], order: Sequence[tuple[int, int]], mask: int
) -> int:
    """The function patterns of ``modules`` and, on the data modules, the mask's flips."""
    flips = util.mask_func(mask)
    grid = [[bool(v) for v in line] for line in modules]
    for r, c in order:
        grid[r][c] = bool(flips(r, c))
    return _to_int(grid)


_FINAL: dict[tuple[int, int, int], int] = {}


def _final_patterns(version: int, error_correction: int, mask: int) -> int:
    """As ``_Layout.fixed``, with the real format (and version) information of the symbol
    that ``makeImpl(False, mask)`` writes: XORed with the unmasked data, the final matrix."""
    key = (version, error_correction, mask)
    patterns = _FINAL.get(key)
    if patterns is None:
        probe = _Probe(version=version, error_correction=error_correction)
        probe.data_cache = []
        probe.makeImpl(False, mask)
        patterns = _FINAL[key] = _patterns_and_flips(probe.modules, _layout(version).order, mask)
    return patterns


def _placed_bits(data: list[int], total: int) -> str:
    """The data codewords as '0'/'1', one per data module, light after the last codeword."""
    bits = f"{int.from_bytes(bytes(data)):0{8 * len(data)}b}" if data else ""
    return bits[:total].ljust(total, "0")


class _Bits:
    """The bit stream as one integer: what ``QRData.write`` and ``create_data`` need of
    ``qrcode``'s ``BitBuffer`` (``put``: the low ``length`` bits of ``num``, first bit first)."""

    __slots__ = ("length", "value")

    def __init__(self) -> None:
        self.value = 0
        self.length = 0

    def put(self, num: int, length: int) -> None:
        self.value = (self.value << length) | (num & ((1 << length) - 1))
        self.length += length

    def segments(self, data_list: list[Any], mode_sizes: dict[int, int]) -> _Bits:
        for data in data_list:  # as qrcode: mode, character count, data (QRData.write)
            self.put(data.mode, 4)
            self.put(len(data), mode_sizes[data.mode])
            if type(data) is util.QRData and data.mode == util.MODE_8BIT_BYTE:
                self.put(int.from_bytes(data.data), 8 * len(data.data))  # write(): 8 bits each
            else:
                data.write(self)
        return self


_ECC_TABLES: dict[int, list[int]] = {}


def _ecc_table(ec_count: int) -> list[int]:
    """For each byte f: f times the generator polynomial (without its leading 1), as one
    integer of ``ec_count`` bytes: one step of the Reed-Solomon division register."""
    table = _ECC_TABLES.get(ec_count)
    if table is None:
        if ec_count in LUT.rsPoly_LUT:  # the generator polynomials, as create_bytes does
            generator = LUT.rsPoly_LUT[ec_count]
        else:
            poly = base.Polynomial([1], 0)
            for i in range(ec_count):
                poly = poly * base.Polynomial([1, base.gexp(i)], 0)
            generator = poly.num
        log, exp = base.LOG_TABLE, base.EXP_TABLE
        table = [0] + [
            int.from_bytes(bytes(exp[(log[f] + log[g]) % 255] for g in generator[1:]))
            for f in range(1, 256)
        ]
        _ECC_TABLES[ec_count] = table
    return table


def _ecc(data: bytes, ec_count: int) -> bytes:
    """The error correction codewords of one block: the remainder of data(x)·x^ec divided
    by the generator, what ``create_bytes`` computes with ``Polynomial.__mod__``."""
    table, shift, keep = _ecc_table(ec_count), 8 * (ec_count - 1), (1 << 8 * ec_count) - 1
    remainder = 0
    for byte in data:
        remainder = ((remainder << 8) & keep) ^ table[byte ^ (remainder >> shift)]
    return remainder.to_bytes(ec_count)


def _codewords(version: int, error_correction: int, data_list: list[Any]) -> list[int]:
    """``util.create_data``: the data bits, terminator and padding, split into blocks, each
    followed by its error correction, interleaved."""
    bits = _Bits().segments(data_list, util.mode_sizes_for_version(version))
    blocks = base.rs_blocks(version, error_correction)
    bit_limit = sum(block.data_count * 8 for block in blocks)
    if bits.length > bit_limit:
        raise exceptions.DataOverflowError(
            f"Code length overflow. Data size ({bits.length}) > size available ({bit_limit})"
        )
    bits.put(0, min(bit_limit - bits.length, 4))  # terminator
    bits.put(0, -bits.length % 8)  # up to a byte boundary
    for i in range((bit_limit - bits.length) // 8):
        bits.put(util.PAD1 if i % 2 else util.PAD0, 8)
    stream = bits.value.to_bytes(bits.length // 8)
    data_blocks, ecc_blocks, offset = [], [], 0
    for block in blocks:
        data = stream[offset : offset + block.data_count]
        offset += block.data_count
        data_blocks.append(data)
        ecc_blocks.append(_ecc(data, block.total_count - block.data_count))
    out: list[int] = []
    for group in (data_blocks, ecc_blocks):
        for i in range(max(map(len, group))):
            out.extend(b[i] for b in group if i < len(b))
    return out


class FastQRCode(qrcode.QRCode):  # type: ignore[misc]  # qrcode ships no type hints
    """``qrcode.QRCode`` with exact, fast ``best_fit``, codewords, ``best_mask_pattern`` and
    ``map_data``."""

    data_cache: list[int] | None  # the codewords (qrcode's attribute)

    def best_fit(self, start: int | None = None) -> int:
        """The smallest version that holds the data (qrcode's method, with :class:`_Bits`)."""
        if start is None:
            start = 1
        util.check_version(start)
        mode_sizes = util.mode_sizes_for_version(start)
        needed_bits = _Bits().segments(self.data_list, mode_sizes).length
        self.version = bisect_left(util.BIT_LIMIT_TABLE[self.error_correction], needed_bits, start)
        if self.version == 41:  # as qrcode (unreachable there too: the setter refuses 41)
            raise exceptions.DataOverflowError()
        if mode_sizes is not util.mode_sizes_for_version(self.version):
            self.best_fit(start=self.version)
        return self.version

    def _data(self) -> list[int]:
        if self.data_cache is None:  # as makeImpl does, with the fast codewords
            self.data_cache = _codewords(self.version, self.error_correction, self.data_list)
        return self.data_cache

    def _unmasked(self) -> int:
        """The data modules, before masking, as an integer matrix without any pattern."""
        layout = _layout(self.version)
        bits = _placed_bits(self._data(), len(layout.order)) + "0"
        return int("".join(layout.to_matrix(bits)), 2)

    def best_mask_pattern(self) -> int:
        """The mask with the lowest penalty; on a tie the lowest index (as qrcode)."""
        return self._mask_of(self._unmasked())

    def _mask_of(self, unmasked: int) -> int:
        layout = _layout(self.version)
        scores = [_score(unmasked ^ fixed, layout.masks) for fixed in layout.fixed]
        return scores.index(min(scores))

    def map_data(self, data: list[int], mask_pattern: int) -> None:
        layout = _layout(self.version)
        total = len(layout.order)
        placed = int(_placed_bits(data, total), 2) ^ layout.mask_bits[mask_pattern]
        modules = self.modules
        for (r, c), bit in zip(layout.order, f"{placed:0{total}b}", strict=True):
            modules[r][c] = bit == "1"


def _symbol(payload: str, error_correction: int) -> tuple[int, str]:
    """The side n of the symbol of ``payload`` (no quiet zone) and its modules as n*n
    characters, row by row, "1" for dark: ``make(fit=True)``'s matrix, without placing
    the patterns and the data module by module (the final matrix is the unmasked data
    XOR the cached patterns and flips of the chosen mask)."""
    code = FastQRCode(error_correction=error_correction, box_size=1)
    code.add_data(payload)
    version = code.best_fit()  # make(fit=True) would fit twice (`version` fits first)
    unmasked = code._unmasked()
    matrix = unmasked ^ _final_patterns(version, error_correction, code._mask_of(unmasked))
    n = _layout(version).masks.n
    return n, f"{matrix:0{n * n}b}"[::-1]


def qr_matrix(
    payload: str, error_correction: int = ERROR_CORRECT_M, border: int = 4
) -> list[list[bool]]:
    """The modules of the QR code of ``payload`` (True = dark), quiet zone included; the
    same matrix as ``qrcode.QRCode(error_correction, border=border)`` + ``make(fit=True)`` +
    ``get_matrix()``."""
    n, cells = _symbol(payload, error_correction)
    width = n + 2 * border
    edge = [False] * border
    rows = [[False] * width for _ in range(border)]
    rows += [edge + [m == "1" for m in cells[i : i + n]] + edge for i in range(0, n * n, n)]
    return rows + [[False] * width for _ in range(border)]


def qr_bitmap(
    payload: str, error_correction: int = ERROR_CORRECT_M, border: int = 4
) -> tuple[int, str]:
    """The side of :func:`qr_matrix` and that matrix as a 1-bit image in hexadecimal (a PDF
    image's samples, ``/AHx``): rows from the top, each padded to whole bytes, 1 = dark."""
    n, cells = _symbol(payload, error_correction)
    width = n + 2 * border
    pad = -width % 8
    edge, blank = "0" * border, "0" * (width + pad)
    tail = edge + "0" * pad
    rows = [edge + cells[i : i + n] + tail for i in range(0, n * n, n)]
    bits = "".join([blank] * border + rows + [blank] * border)
    return width, f"{int(bits, 2):0{len(bits) // 4}x}"
