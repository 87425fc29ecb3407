"""A real RFC 5176 listener (pyrad's server) on 127.0.0.1, standing in for the NAS."""

from __future__ import annotations

import contextlib
import select
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from pyrad import packet, server

from desktop.adapters.radius_control import dictionary


@dataclass
class Received:
    code: int
    attributes: dict[str, list[Any]]


class NasStub(server.Server):  # type: ignore[misc]
    def __init__(self, secret: bytes, answer: int = packet.DisconnectACK) -> None:
        super().__init__(
            coaport=0,  # any free port
            hosts={"127.0.0.1": server.RemoteHost("127.0.0.1", secret, "central")},
            dict=dictionary(),
            auth_enabled=False,
            acct_enabled=False,
            coa_enabled=True,
        )
        self.answer = answer
        self.received: list[Received] = []
        self.BindToAddress("127.0.0.1")
        self.port: int = self.coafds[0].getsockname()[1]

    def HandleDisconnectPacket(self, pkt: packet.CoAPacket) -> None:
        names = pkt.keys()  # attribute names (iterating the packet gives raw codes)
        self.received.append(Received(pkt.code, {key: pkt[key] for key in names}))
        reply = self.CreateReplyPacket(pkt)
        reply.code = self.answer
        self.SendReplyPacket(pkt.fd, reply)

    def serve(self, stop: threading.Event) -> None:
        """pyrad's Run() never returns; this loop stops when the test is done."""
        self._poll = select.poll()
        self._fdmap: dict[int, Any] = {}
        self._PrepareSockets()
        while not stop.is_set():
            for fd, _event in self._poll.poll(50):
                with contextlib.suppress(server.ServerPacketError, packet.PacketError):
                    self._ProcessInput(self._fdmap[fd])

    def close(self) -> None:
        for fd in self.coafds:
            fd.close()


@contextmanager
def running_nas(
    secret: bytes = b"segredo-nas", answer: int = packet.DisconnectACK
) -> Iterator[NasStub]:
    nas = NasStub(secret, answer=answer)
    stop = threading.Event()
    thread = threading.Thread(target=nas.serve, args=(stop,), name="nas-stub", daemon=True)
    thread.start()
    try:
        yield nas
    finally:
        stop.set()
        thread.join(timeout=5)
        nas.close()
