"""A small reader of the ESC/POS byte streams our receipts send (test oracle, not our code).

It knows exactly the commands of the Epson ESC/POS reference a receipt may use and fails on
anything else, so a stray byte in a receipt fails the test that reads it:
ESC @ (initialise), ESC t n (code table), ESC a n (justification), ESC E n (emphasis),
GS ! n (character size), GS ( k pL pH cn fn ... (2D code), ESC d n (feed), GS V m (cut).
"""

from __future__ import annotations

from dataclasses import dataclass, field

ESC, GS = 0x1B, 0x1D


@dataclass
class Line:
    text: str  # decoded with the code table in force
    align: int
    bold: bool
    width: int  # 1 or 2 (GS ! width multiplier)


@dataclass
class Stream:
    commands: list[tuple[str, bytes]] = field(default_factory=list)  # (name, argument bytes)
    lines: list[Line] = field(default_factory=list)
    qr_payloads: list[bytes] = field(default_factory=list)

    def names(self) -> list[str]:
        return [name for name, _arg in self.commands]


CODE_TABLES = {0: "cp437", 2: "cp850", 3: "cp860", 16: "cp1252", 19: "cp858"}


def parse(data: bytes) -> Stream:
    out = Stream()
    table, align, bold, width = "cp437", 0, False, 1
    text = bytearray()
    i = 0
    while i < len(data):
        b = data[i]
        if b == 0x0A:
            out.lines.append(Line(text.decode(table), align, bold, width))
            text.clear()
            i += 1
            continue
        if b not in (ESC, GS):
            assert b >= 0x20, f"control byte {b:#x} at {i}"
            text += bytes([b])
            i += 1
            continue
        # ESC a acts only at the start of a line; our receipts send every command there.
        assert not text, f"command in the middle of a line at {i}: {data[i : i + 3]!r}"
        cmd = data[i : i + 2]
        if cmd == b"\x1b@":
            out.commands.append(("init", b""))
            table, align, bold, width = "cp437", 0, False, 1
            i += 2
        elif cmd == b"\x1bt":
            table = CODE_TABLES[data[i + 2]]
            out.commands.append(("code_table", data[i + 2 : i + 3]))
            i += 3
        elif cmd == b"\x1ba":
            align = data[i + 2]
            out.commands.append(("align", data[i + 2 : i + 3]))
            i += 3
        elif cmd == b"\x1bE":
            bold = bool(data[i + 2])
            out.commands.append(("bold", data[i + 2 : i + 3]))
            i += 3
        elif cmd == b"\x1d!":
            width = (data[i + 2] >> 4) + 1
            out.commands.append(("size", data[i + 2 : i + 3]))
            i += 3
        elif cmd == b"\x1bd":
            out.commands.append(("feed", data[i + 2 : i + 3]))
            i += 3
        elif cmd == b"\x1dV":
            out.commands.append(("cut", data[i + 2 : i + 3]))
            i += 3
        elif data[i : i + 3] == b"\x1d(k":
            size = data[i + 3] + 256 * data[i + 4]
            body = data[i + 5 : i + 5 + size]
            cn, fn = body[0:1], body[1:2]
            assert cn == b"1", "2D code type must be QR (cn = 49)"
            out.commands.append((f"qr_{fn.decode()}", body[2:]))
            if fn == b"P":  # store the data: m = '0', then the payload
                assert body[2:3] == b"0"
                out.qr_payloads.append(body[3:])
            i += 5 + size
        else:
            raise AssertionError(f"unknown command at {i}: {data[i : i + 4]!r}")
    assert not text, f"text not ended by a line feed: {bytes(text)!r}"
    return out
