"""The Master.csv reader: layouts, quoting, empty answer times, clocks, bad lines."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from desktop.errors import InvalidInput
from desktop.importers import asterisk_cdr
from desktop.importers.asterisk_cdr import CdrError, CdrRecord, parse_line, read

DATA = Path(__file__).parent / "data"

LINE_16 = (
    '"acc","4430451234","30459876","interno","""Fulano, Silva"" <4430451234>",'
    '"SIP/4430451234-00000001","SIP/operadora-00000002","Dial","SIP/operadora/30459876,60,tT",'
    '"2025-03-10 10:00:00","2025-03-10 10:00:05","2025-03-10 10:02:10",130,125,"ANSWERED",'
    '"DOCUMENTATION"'
)
LINE_18 = LINE_16 + ',"1741611600.1","cliente ""vip"", plano B"'
LINE_21 = LINE_18 + ',"peer","1741611600.0",7'


def _record(item: CdrRecord | CdrError) -> CdrRecord:
    assert isinstance(item, CdrRecord), item
    return item


def test_16_columns_local_time() -> None:
    r = _record(parse_line(LINE_16, 1))
    assert (r.accountcode, r.src, r.dst, r.dcontext) == ("acc", "4430451234", "30459876", "interno")
    assert r.clid == '"Fulano, Silva" <4430451234>'
    assert r.lastdata == "SIP/operadora/30459876,60,tT"
    # 16 columns is Asterisk's code default: local time (UTC-3 in 2025)
    assert r.start == dt.datetime(2025, 3, 10, 13, 0, 0, tzinfo=dt.UTC)
    assert r.answer == dt.datetime(2025, 3, 10, 13, 0, 5, tzinfo=dt.UTC)
    assert r.end == dt.datetime(2025, 3, 10, 13, 2, 10, tzinfo=dt.UTC)
    assert (r.duration, r.billsec, r.disposition, r.amaflags) == (
        130,
        125,
        "ANSWERED",
        "DOCUMENTATION",
    )
    assert r.uniqueid is None and r.userfield is None and r.sequence is None
    assert r.answered


def test_18_columns_gmt_by_default() -> None:
    r = _record(parse_line(LINE_18, 3))
    assert r.line_no == 3
    assert r.start == dt.datetime(2025, 3, 10, 10, 0, 0, tzinfo=dt.UTC)
    assert r.uniqueid == "1741611600.1"
    assert r.userfield == 'cliente "vip", plano B'
    assert r.source_key == f"1741611600.1/{int(r.start.timestamp())}"


def test_21_columns() -> None:
    r = _record(parse_line(LINE_21, 1))
    assert (r.peeraccount, r.linkedid, r.sequence) == ("peer", "1741611600.0", 7)
    assert r.userfield == 'cliente "vip", plano B'


def test_clock_can_be_forced() -> None:
    assert _record(parse_line(LINE_16, 1, gmt=True)).start.hour == 10
    assert _record(parse_line(LINE_18, 1, gmt=False)).start.hour == 13


def test_local_time_uses_the_rules_of_the_day() -> None:
    # Brazil had daylight saving time until 2019: 2018-12-01 10:00 was UTC-2
    line = LINE_16.replace("2025-03-10 10:00:00", "2018-12-01 10:00:00")
    assert _record(parse_line(line, 1)).start == dt.datetime(2018, 12, 1, 12, 0, tzinfo=dt.UTC)


def test_columns_given_must_match() -> None:
    error = parse_line(LINE_18, 9, columns=16)
    assert isinstance(error, CdrError)
    assert error.line_no == 9
    assert "18 colunas" in error.reason
    assert isinstance(parse_line(LINE_18, 9, columns=18), CdrRecord)


def test_unquoted_empty_answer_time() -> None:
    line = LINE_16.replace('"2025-03-10 10:00:05"', "").replace(',125,"ANSWERED"', ',0,"NO ANSWER"')
    r = _record(parse_line(line, 1))
    assert r.answer is None
    assert r.disposition == "NO ANSWER"
    assert not r.answered


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ('"","4430451234","4430459876","from-internal","""Beltrano"" <44', "aspas sem fechar"),
        (LINE_16.replace('"""Fulano, Silva""', '""Fulano" Silva'), "aspas"),
        ('"a","b","c"', "3 colunas"),
        (LINE_16 + ',"x"', "17 colunas"),
        (LINE_16.replace("2025-03-10 10:00:00", "2025-13-45 25:00:00"), "início"),
        (LINE_16.replace('"2025-03-10 10:00:00"', ""), "início vazia"),
        (LINE_16.replace("2025-03-10 10:00:00", "2025-03-10T10:00"), "início"),
        (LINE_16.replace('"2025-03-10 10:02:10"', ""), "fim vazia"),
        (LINE_16.replace(",130,", ",-5,"), "duration"),
        (LINE_16.replace(",125,", ",1.5,"), "billsec"),
        (LINE_16.replace('"ANSWERED"', '"ATENDIDA"'), "disposition"),
        (LINE_21.replace(",7", ",sete"), "sequence"),
    ],
)
def test_bad_lines_become_errors(line: str, reason: str) -> None:
    error = parse_line(line, 42)
    assert isinstance(error, CdrError)
    assert error.line_no == 42
    assert reason in error.reason
    assert error.raw == line


def test_fixture_18_columns_gmt() -> None:
    items = list(read(DATA / "Master.csv"))
    assert len(items) == 21  # 22 lines, one blank
    errors = [i for i in items if isinstance(i, CdrError)]
    assert [(e.line_no, e.reason) for e in errors] == [(14, "aspas sem fechar (linha cortada?)")]
    records = {i.line_no: i for i in items if isinstance(i, CdrRecord)}
    assert 16 not in records  # the blank line
    first = records[1]
    assert first.clid == '"Fulano, Silva" <4430451234>'
    assert first.start == dt.datetime(2025, 3, 10, 13, 0, tzinfo=dt.UTC)
    assert records[11].answer is None and records[11].disposition == "NO ANSWER"
    assert records[12].disposition == "BUSY"
    assert records[4].userfield == "cobrar"
    assert records[17].source_key == first.source_key  # the same CDR written twice


def test_fixture_16_columns_local_latin1_crlf() -> None:
    items = list(read(DATA / "Master-16.csv"))
    assert len(items) == 8
    first = items[0]
    assert isinstance(first, CdrRecord)
    assert first.clid == '"José da Silva" <4430451234>'  # Latin-1 bytes decoded
    assert first.start == dt.datetime(2025, 3, 10, 13, 0, tzinfo=dt.UTC)
    assert first.amaflags == "DOCUMENTATION"  # no stray \r
    assert [i.line_no for i in items if isinstance(i, CdrError)] == [4, 7]
    assert isinstance(items[1], CdrRecord) and isinstance(items[7], CdrRecord)
    assert items[1].source_key == items[7].source_key  # same raw line, same hash
    assert len(items[1].source_key) == 64


def test_check_file_refuses_what_is_not_a_master_csv(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="não encontrado"):
        asterisk_cdr.check_file(tmp_path / "nada.csv")
    with pytest.raises(InvalidInput, match="Não é um arquivo"):
        asterisk_cdr.check_file(tmp_path)
    binary = tmp_path / "imagem.csv"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(InvalidInput, match="não é um arquivo CSV"):
        asterisk_cdr.check_file(binary)
    utf16 = tmp_path / "utf16.csv"
    utf16.write_bytes(LINE_16.encode("utf-16"))
    with pytest.raises(InvalidInput, match="UTF-16"):
        asterisk_cdr.check_file(utf16)
    other = tmp_path / "planilha.csv"
    other.write_text("nome,cpf\nFulano,12345678909\n", encoding="utf-8")
    with pytest.raises(InvalidInput, match=r"não parece um Master\.csv"):
        asterisk_cdr.check_file(other)
    with pytest.raises(InvalidInput, match="colunas"):
        asterisk_cdr.check_file(DATA / "Master.csv", columns=17)
    with pytest.raises(InvalidInput, match="não parece"):
        asterisk_cdr.check_file(DATA / "Master.csv", columns=16)


def test_check_file_accepts_an_empty_file_and_a_bad_first_line(tmp_path: Path) -> None:
    empty = tmp_path / "Master.csv"
    empty.write_bytes(b"")
    asterisk_cdr.check_file(empty)
    assert list(read(empty)) == []
    mixed = tmp_path / "mixed.csv"
    mixed.write_text("lixo\n" + LINE_18 + "\n", encoding="utf-8")
    asterisk_cdr.check_file(mixed)


def test_long_file_sniff_window_cuts_a_line(tmp_path: Path) -> None:
    path = tmp_path / "Master.csv"
    path.write_text((LINE_18 + "\n") * 2000, encoding="utf-8")
    asterisk_cdr.check_file(path)
    assert sum(1 for _ in read(path)) == 2000
