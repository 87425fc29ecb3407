"""The 80 mm ESC/POS receipt printer: where ``receipt_printer`` points, and sending bytes there.

The bytes come ready from :mod:`desktop.reports.receipts_escpos`; this module only moves
them, through python-escpos's device classes (``Usb``, ``Serial``, ``Network``,
``Win32Raw``).  A raw CUPS queue goes through :func:`desktop.adapters.printing.print_raw` (``lp -o
raw``), like every other CUPS job of the app: same scheduler checks, same messages.

``receipt_printer`` in ``station.ini`` (``[station]``), one of::

    usb:04b8:0e15              USB vendor:product id, hexadecimal (pyusb + libusb)
    serial:/dev/ttyS0[:9600]   serial port (COM3 on Windows), optional baud rate (pyserial)
    tcp://10.0.0.50:9100       network printer, raw port (JetDirect); also "10.0.0.50:9100"
    cups:RECIBO                a raw print queue: CUPS, or the Windows spooler (pywin32)

Library choice: python-escpos is the maintained ESC/POS library for Python (MIT, printer
profiles from escpos-printer-db); its last release is 3.1 (2023-12) but the repository is
active (REFERENCE §2.4).  Its device classes open lazily and raise their own exceptions; every
failure becomes a :class:`~desktop.errors.PrinterError` in Portuguese here.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import re
import socket
import sys
from dataclasses import dataclass
from types import ModuleType
from typing import Any
from urllib.parse import urlsplit

from desktop.config.paths import data_dir
from desktop.errors import InvalidInput, Message, PrinterError

NETWORK_PORT = 9100
DEFAULT_BAUD = 9600
TIMEOUT_S = 10.0  # a receipt is a few kB: a printer silent this long is not there

HELP = (
    "Use usb:VID:PID (ex.: usb:04b8:0e15), serial:/dev/ttyS0[:9600], "
    "tcp://IP:9100 (ou IP:9100) ou cups:FILA."
)
_HEX4 = re.compile(r"(0x)?[0-9a-fA-F]{1,4}")
_HOST = re.compile(r"[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?")


@dataclass(frozen=True)
class ReceiptTarget:
    """A parsed ``receipt_printer``; ``label`` is how messages name it."""

    kind: str  # "usb" | "serial" | "network" | "queue"
    label: str
    vendor_id: int = 0
    product_id: int = 0
    device: str = ""
    baudrate: int = DEFAULT_BAUD
    host: str = ""
    port: int = NETWORK_PORT
    queue: str = ""


def _bad(text: str, why: str) -> InvalidInput:
    return InvalidInput("escpos_printer.impressora_recibos_invalida", text=text, why=why, help=HELP)


def _usb(text: str, rest: str) -> ReceiptTarget:
    parts = rest.split(":")
    if len(parts) != 2 or not all(_HEX4.fullmatch(p) for p in parts):
        raise _bad(text, "informe os códigos do fabricante e do produto em hexadecimal")
    vendor, product = (int(p, 16) for p in parts)
    if not vendor or not product:
        raise _bad(text, "os códigos USB não podem ser zero")
    return ReceiptTarget(
        "usb", f"USB {vendor:04x}:{product:04x}", vendor_id=vendor, product_id=product
    )


def _serial(text: str, rest: str) -> ReceiptTarget:
    device, baud = rest, DEFAULT_BAUD
    head, sep, tail = rest.rpartition(":")
    if sep and tail.isdigit():
        device, baud = head, int(tail)
        if not 300 <= baud <= 921_600:
            raise _bad(text, f"velocidade {baud} fora da faixa 300-921600")
    if not device or device.startswith(":"):
        raise _bad(text, "informe a porta serial")
    return ReceiptTarget("serial", f"porta serial {device}", device=device, baudrate=baud)


def _network(text: str, rest: str) -> ReceiptTarget:
    host, sep, port_text = rest.rpartition(":")
    if not sep:
        host, port_text = rest, str(NETWORK_PORT)
    if not port_text.isdigit() or not 1 <= int(port_text) <= 65535:
        raise _bad(text, "porta de rede inválida")
    if not _HOST.fullmatch(host):
        raise _bad(text, "endereço de rede inválido")
    port = int(port_text)
    return ReceiptTarget("network", f"rede {host}:{port}", host=host, port=port)


def parse_target(text: str) -> ReceiptTarget:
    """``receipt_printer`` → :class:`ReceiptTarget`; ``InvalidInput`` in words when malformed."""
    value = text.strip()
    scheme, sep, rest = value.partition(":")
    scheme = scheme.lower()
    if not value:
        raise _bad(text, "vazio")
    if scheme == "usb" and sep:
        return _usb(text, rest)
    if scheme == "serial" and sep:
        return _serial(text, rest)
    if scheme in ("cups", "fila") and sep:
        if not rest.strip():
            raise _bad(text, "informe o nome da fila")
        return ReceiptTarget("queue", f"fila {rest.strip()}", queue=rest.strip())
    if scheme == "tcp" and rest.startswith("//"):
        parts = urlsplit(value)
        if parts.path not in ("", "/") or parts.query or parts.fragment or parts.username:
            raise _bad(text, "use apenas tcp://endereço:porta")
        return _network(text, parts.netloc)
    if re.fullmatch(r"[^:/\s]+:\d+", value):
        return _network(text, value)
    raise _bad(text, "formato não reconhecido")


# --------------------------------------------------------------------------- sending
def printer_classes() -> ModuleType:
    """``escpos.printer``, imported on first use.

    Importing it parses python-escpos's 400 kB printer database (~0.2 s), caches it as a
    pickle in a fresh temporary directory per process, and calls ``logging.basicConfig()``.
    So it is imported only when a receipt is made, the pickle is kept in our data directory
    (parsed once per installation), and a root handler the import added is taken away again
    (the app and the CLI configure logging themselves).
    """
    cache = data_dir() / "cache"
    cache.mkdir(exist_ok=True)
    os.environ.setdefault("ESCPOS_CAPABILITIES_PICKLE_DIR", str(cache))
    root = logging.getLogger()
    before = list(root.handlers)
    from escpos import printer as classes

    for handler in root.handlers[:]:
        if handler not in before:
            root.removeHandler(handler)
    module: ModuleType = classes
    return module


def _device(target: ReceiptTarget) -> Any:
    """python-escpos's device object for ``target`` (not opened yet: it opens lazily)."""
    escpos_printer = printer_classes()

    if target.kind == "network":
        return escpos_printer.Network(target.host, target.port, timeout=TIMEOUT_S)
    if target.kind == "usb":
        if not escpos_printer.Usb.is_usable():
            raise PrinterError("escpos_printer.suporte_impressoras_usb_pyusb")
        return escpos_printer.Usb(
            target.vendor_id, target.product_id, timeout=int(TIMEOUT_S * 1000)
        )
    if target.kind == "serial":
        if not escpos_printer.Serial.is_usable():
            raise PrinterError("escpos_printer.suporte_impressoras_seriais_pyserial")
        return escpos_printer.Serial(target.device, target.baudrate, timeout=TIMEOUT_S)
    if target.kind == "queue" and sys.platform == "win32":
        if not escpos_printer.Win32Raw.is_usable():
            raise PrinterError("escpos_printer.suporte_filas_impressao_windows")
        return escpos_printer.Win32Raw(target.queue)
    raise AssertionError(f"no device class for {target.kind}")


def send(target: ReceiptTarget, data: bytes, title: str) -> None:
    """Write ``data`` to a USB, serial, network or Windows-queue receipt printer.

    Raises :class:`PrinterError` (Portuguese) when it cannot be reached or refuses the bytes.
    A CUPS queue is not sent from here (see :func:`desktop.adapters.printing.print_raw`).
    """
    from escpos.exceptions import Error as EscposError

    device = _device(target)
    try:
        if target.kind == "queue":
            device.open(job_name=title)
        if target.kind == "serial":
            device.open()
            device.device.write_timeout = TIMEOUT_S  # a stalled port must not hang the kiosk
        device._raw(data)  # the whole receipt in one write; the commands are already in it
    except (OSError, RuntimeError, ValueError, EscposError) as exc:
        raise PrinterError.of(_failure(target, exc)) from exc
    finally:
        with contextlib.suppress(OSError, RuntimeError, ValueError, EscposError):
            device.close()  # the outcome of the write above is what counts


_ERRNO_WORDS = {
    errno.ECONNREFUSED: "conexão recusada",
    errno.EHOSTUNREACH: "endereço inalcançável",
    errno.ENETUNREACH: "rede inalcançável",
    errno.ENOENT: "dispositivo inexistente",
    errno.EACCES: "sem permissão de acesso ao dispositivo",
    errno.EBUSY: "dispositivo em uso por outro programa",
}


def _detail(exc: BaseException) -> str:
    """The cause in words; python-escpos wraps the OS error in its own (English) one."""
    from escpos.exceptions import DeviceNotFoundError

    inner = exc.__context__ if isinstance(exc, DeviceNotFoundError) and exc.__context__ else exc
    while inner.__context__ is not None and not isinstance(inner, OSError):
        inner = inner.__context__
    if isinstance(inner, TimeoutError | socket.timeout):
        return f"sem resposta em {TIMEOUT_S:g} s"
    if isinstance(inner, socket.gaierror):
        return "endereço não encontrado"
    if isinstance(inner, OSError):
        code = inner.errno
        if code is None and inner.args and isinstance(inner.args[0], int):
            code = inner.args[0]
        if code in _ERRNO_WORDS:
            return _ERRNO_WORDS[code]
    if isinstance(exc, DeviceNotFoundError):
        return "dispositivo não encontrado"
    return " ".join(str(exc).split()) or type(exc).__name__


def _failure(target: ReceiptTarget, exc: BaseException) -> Message:
    kind = target.kind if target.kind in {"network", "usb", "serial"} else "outra"
    return Message(f"escpos_printer.falha_{kind}", label=target.label, detail=_detail(exc))
