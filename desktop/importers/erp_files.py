"""Reading an ERP export (SPEC §6): CSV with a header row, or JSON Lines with the same keys.

What the ERPs of Brazilian providers actually write, all accepted without options:

* UTF-8 with or without BOM, or Windows-1252 (Excel's "CSV (separado por vírgulas)");
  decided on the first megabyte, and a later line that is not UTF-8 is read as
  Windows-1252 (an ASCII head with accents further down is common);
* ``;`` (Excel in pt-BR) or ``,`` separated, found from the header line; CRLF or LF;
* JSON Lines when the extension says so (``.jsonl``, ``.ndjson``) or the first character is ``{``.

Refused as a whole, before anything is written: a missing or 0-byte file, UTF-16 (Excel's
"Texto Unicode"), binary data, a header without the required columns (named).

Streaming: rows come one at a time from the open file, with the physical line number the
person sees in an editor, and the bytes read so far for a progress bar.  The stdlib ``csv``
and ``json`` modules do the parsing (quoted fields, embedded separators and line breaks).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from desktop.errors import InvalidInput

SNIFF_BYTES = 1024 * 1024
UTF8_BOM = b"\xef\xbb\xbf"
# csv's default limit is 128 KiB per field; a contacts list never needs more than this,
# and a bigger field is a broken quote that would swallow the rest of the file.
FIELD_LIMIT = 64 * 1024
csv.field_size_limit(max(csv.field_size_limit(), FIELD_LIMIT))


@dataclass(frozen=True)
class RawRow:
    line: int
    values: dict[str, str] | None  # None: the line itself could not be read
    problem: str = ""


@dataclass(frozen=True)
class FileShape:
    format: str  # "csv" or "jsonl"
    encoding: str  # "utf-8" or "cp1252"
    delimiter: str  # CSV only
    header: tuple[str, ...]  # normalised column names (CSV); JSONL: the first object's keys


def normalise_key(name: str) -> str:
    return name.strip().lstrip("\ufeff").strip().lower()


def _decode(data: bytes, encoding: str) -> str:
    if encoding == "utf-8":
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            pass
    return data.decode("cp1252", errors="replace")


def check_file(path: Path) -> bytes:
    """The head of the file, or a refusal of the whole file (a catalog code)."""
    if not path.exists():
        raise InvalidInput("erp_files.arquivo_nao_encontrado", file=path)
    if not path.is_file():
        raise InvalidInput("erp_files.nao_arquivo", file=path)
    try:
        with path.open("rb") as stream:
            head = stream.read(SNIFF_BYTES)
    except OSError as exc:
        raise InvalidInput("erp_files.nao_possivel_ler", file=path, strerror=exc.strerror) from None
    if not head.strip(UTF8_BOM + b" \r\n\t"):
        raise InvalidInput("erp_files.arquivo_vazio", name=path.name)
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in head:
        raise InvalidInput("erp_files.utf16_ou_binario", name=path.name)
    return head


def sniff(path: Path, head: bytes) -> FileShape:
    body = head[len(UTF8_BOM) :] if head.startswith(UTF8_BOM) else head
    try:
        (body if len(head) < SNIFF_BYTES else body[: body.rfind(b"\n") + 1]).decode("utf-8")
        encoding = "utf-8"
    except UnicodeDecodeError:
        encoding = "cp1252"
    first = body.lstrip()
    if path.suffix.lower() in (".jsonl", ".ndjson") or first.startswith(b"{"):
        line = first.split(b"\n", 1)[0]
        try:
            keys = tuple(normalise_key(k) for k in json.loads(_decode(line, encoding)))
        except (ValueError, TypeError):
            keys = ()
        return FileShape("jsonl", encoding, "", keys)
    header_line = _decode(body.split(b"\n", 1)[0].rstrip(b"\r"), encoding)
    counts = {d: header_line.count(d) for d in (";", ",", "\t")}
    delimiter = max(counts, key=lambda d: counts[d])
    if counts[delimiter] == 0:
        delimiter = ";"
    header = next(csv.reader([header_line], delimiter=delimiter), [])
    return FileShape("csv", encoding, delimiter, tuple(normalise_key(h) for h in header))


def require_columns(path: Path, shape: FileShape, required: tuple[str, ...]) -> None:
    missing = [c for c in required if c not in shape.header]
    if missing:
        raise InvalidInput(
            "erp_files.faltam_colunas_obrigatorias", name=path.name, columns=", ".join(missing)
        )


class _CountingLines:
    """Physical lines of a binary stream, decoded, counting lines and bytes for csv."""

    def __init__(self, stream: BinaryIO, encoding: str) -> None:
        self.stream = stream
        self.encoding = encoding
        self.line = 0
        self.bytes_read = 0

    def __iter__(self) -> _CountingLines:
        return self

    def __next__(self) -> str:
        data = self.stream.readline()
        if not data:
            raise StopIteration
        self.line += 1
        self.bytes_read += len(data)
        if self.line == 1 and data.startswith(UTF8_BOM):
            data = data[len(UTF8_BOM) :]
        text = _decode(data, self.encoding)
        # csv wants "\n" endings in its input and no NUL (it raises on one).
        return text.replace("\r\n", "\n").replace("\x00", "")


def iter_rows(stream: BinaryIO, shape: FileShape) -> Iterator[tuple[RawRow, int]]:
    """(row, bytes read so far) for each non-blank data row, header excluded."""
    lines = _CountingLines(stream, shape.encoding)
    if shape.format == "jsonl":
        yield from _jsonl(lines)
        return
    reader = csv.reader(lines, delimiter=shape.delimiter)
    header: list[str] | None = None
    while True:
        start = lines.line + 1
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield RawRow(start, None, f"linha ilegível no CSV ({exc})"), lines.bytes_read
            continue
        if header is None:
            header = [normalise_key(c) for c in cells]
            continue
        if not any(c.strip() for c in cells):
            continue
        if len(cells) > len(header) and any(c.strip() for c in cells[len(header) :]):
            problem = f"{len(cells)} colunas, o cabeçalho tem {len(header)}"
            yield RawRow(start, None, problem), lines.bytes_read
            continue
        values = {k: v.strip() for k, v in zip(header, cells, strict=False) if k}
        yield RawRow(start, values), lines.bytes_read


def _jsonl(lines: _CountingLines) -> Iterator[tuple[RawRow, int]]:
    for text in lines:
        if not text.strip():
            continue
        try:
            obj = json.loads(text)
        except ValueError:
            yield RawRow(lines.line, None, "linha não é um objeto JSON válido"), lines.bytes_read
            continue
        if not isinstance(obj, dict):
            yield RawRow(lines.line, None, "linha não é um objeto JSON"), lines.bytes_read
            continue
        values = {normalise_key(str(k)): _json_text(v) for k, v in obj.items() if v is not None}
        yield RawRow(lines.line, values), lines.bytes_read


def _json_text(value: object) -> str:
    """A JSON value as the CSV cell it stands for ("1"/"0" for booleans; lists joined by ";")."""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, list):
        return ";".join(_json_text(v) for v in value)
    if isinstance(value, dict):
        return "|".join(_json_text(v) for v in value.values())
    return str(value).strip()
