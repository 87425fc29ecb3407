"""Reading ERP exports: encodings, separators, line endings, JSON Lines, refusals."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.errors import InvalidInput
from desktop.importers import erp_files


def rows(path: Path) -> list[erp_files.RawRow]:
    shape = erp_files.sniff(path, erp_files.check_file(path))
    with path.open("rb") as stream:
        return [row for row, _ in erp_files.iter_rows(stream, shape)]


@pytest.mark.parametrize(
    ("data", "encoding", "delimiter"),
    [
        ("external_id;name\r\nC1;João\r\n".encode("cp1252"), "cp1252", ";"),
        (b"\xef\xbb\xbfexternal_id,name\nC1,Jo\xc3\xa3o\n", "utf-8", ","),
        ("external_id\tname\nC1\tJoão\n".encode(), "utf-8", "\t"),
    ],
)
def test_encoding_and_separator_are_found(
    tmp_path: Path, data: bytes, encoding: str, delimiter: str
) -> None:
    path = tmp_path / "f.csv"
    path.write_bytes(data)
    shape = erp_files.sniff(path, erp_files.check_file(path))
    assert (shape.encoding, shape.delimiter, shape.header) == (
        encoding,
        delimiter,
        ("external_id", "name"),
    )
    assert [(r.line, r.values) for r in rows(path)] == [(2, {"external_id": "C1", "name": "João"})]


def test_a_windows_1252_line_after_an_ascii_head_is_read(tmp_path: Path) -> None:
    path = tmp_path / "f.csv"
    head = b"external_id;name\n" + b"".join(b"C%d;Ana\n" % i for i in range(3))
    path.write_bytes(head + "C9;Conceição\n".encode("cp1252"))
    assert rows(path)[-1].values == {"external_id": "C9", "name": "Conceição"}


def test_quoted_separators_and_line_breaks_keep_line_numbers(tmp_path: Path) -> None:
    path = tmp_path / "f.csv"
    path.write_text(
        'external_id;contacts\nC1;"A|mãe;B|pai"\nC2;"linha\nquebrada"\nC3;x\n', encoding="utf-8"
    )
    got = rows(path)
    assert [r.line for r in got] == [2, 3, 5]
    assert got[0].values == {"external_id": "C1", "contacts": "A|mãe;B|pai"}


def test_extra_cells_are_a_bad_line(tmp_path: Path) -> None:
    path = tmp_path / "f.csv"
    path.write_text("external_id;name\nC1;Ana;sobra\nC2;Bia;\n", encoding="utf-8")
    first, second = rows(path)
    assert first.values is None and "3 colunas" in first.problem
    assert second.values == {"external_id": "C2", "name": "Bia"}


def test_json_lines_by_content(tmp_path: Path) -> None:
    path = tmp_path / "export.txt"
    path.write_text('{"External_ID": "C1", "ok": true, "n": 3}\n\n[1]\n', encoding="utf-8")
    first, second = rows(path)
    assert first.values == {"external_id": "C1", "ok": "1", "n": "3"}
    assert (second.line, second.values) == (3, None)


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"", "vazio"),
        (b"\xef\xbb\xbf\r\n", "vazio"),
        ("external_id;name\n".encode("utf-16"), "UTF-16"),
        ("external_id;name\n".encode("utf-16-le"), "UTF-16"),
    ],
)
def test_unusable_files_are_refused_whole(tmp_path: Path, data: bytes, words: str) -> None:
    path = tmp_path / "f.csv"
    path.write_bytes(data)
    with pytest.raises(InvalidInput, match=words):
        erp_files.check_file(path)


def test_missing_columns_are_named(tmp_path: Path) -> None:
    path = tmp_path / "f.csv"
    path.write_text("external_id;nome\n", encoding="utf-8")
    shape = erp_files.sniff(path, erp_files.check_file(path))
    with pytest.raises(InvalidInput, match="document, name"):
        erp_files.require_columns(path, shape, ("external_id", "document", "name"))
