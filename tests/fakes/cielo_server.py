"""A local HTTP server implementing the Cielo API 3.0 requests we use, as Cielo documents them.

``PUT /1/sales/{PaymentId}/void[?amount=]`` and ``GET /1/sales/{PaymentId}``, checking the
``MerchantId``/``MerchantKey`` headers.  Each payment can be given a behaviour: ``ok``
(voids it), ``deny`` (HTTP 400 with Cielo's error list), ``timeout`` (answers after the
client gave up, but *does* void it, like a real late answer), ``error`` (HTTP 500),
``html`` (200 with a body that is not JSON).  Every request is recorded for assertions.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlparse

MERCHANT_ID = "00000000-0000-0000-0000-000000000001"
MERCHANT_KEY = "K" * 40


@dataclass
class FakeCielo:
    behaviours: dict[str, str] = field(default_factory=dict)
    amounts: dict[str, int] = field(default_factory=dict)  # PaymentId -> cents
    voided: dict[str, int] = field(default_factory=dict)  # PaymentId -> cents voided
    requests: list[dict[str, Any]] = field(default_factory=list)
    delay_s: float = 3.0
    latency_s: float = 0.0  # every answer takes this long (a real network round trip)
    on_void: Callable[[str], None] | None = None  # runs once Cielo has voided, before it answers
    lock: threading.Lock = field(default_factory=threading.Lock)

    def void_count(self, payment_id: str) -> int:
        return sum(1 for r in self.requests if r["method"] == "PUT" and payment_id in r["path"])


def _handler(state: FakeCielo) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *_: Any) -> None:  # keep test output clean
            pass

        def _send(self, status: int, body: Any, raw: bytes | None = None) -> None:
            data = raw if raw is not None else json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "text/html" if raw is not None else "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def _record(self) -> tuple[str, dict[str, list[str]]]:
            url = urlparse(self.path)
            with state.lock:
                state.requests.append(
                    {
                        "method": self.command,
                        "path": url.path,
                        "query": url.query,
                        "headers": dict(self.headers),
                    }
                )
            return url.path, parse_qs(url.query)

        def _authorised(self) -> bool:
            if (
                self.headers.get("MerchantId") != MERCHANT_ID
                or self.headers.get("MerchantKey") != MERCHANT_KEY
            ):
                self._send(401, [{"Code": 129, "Message": "MerchantId is invalid"}])
                return False
            return True

        def do_PUT(self) -> None:
            path, query = self._record()
            time.sleep(state.latency_s)
            if not self._authorised():
                return
            parts = path.strip("/").split("/")
            if len(parts) != 4 or parts[:2] != ["1", "sales"] or parts[3] != "void":
                self._send(404, [{"Code": 0, "Message": "Not found"}])
                return
            payment_id = parts[2]
            if payment_id not in state.amounts:
                self._send(404, [{"Code": 308, "Message": "Transaction not available to void"}])
                return
            behaviour = state.behaviours.get(payment_id, "ok")
            if behaviour == "deny":
                self._send(400, [{"Code": 308, "Message": "Transaction not available to void"}])
                return
            if behaviour == "error":
                self._send(500, {"Message": "An error has occurred."})
                return
            if behaviour == "html":
                self._send(200, None, raw=b"<html><body>Service Unavailable</body></html>")
                return
            if payment_id in state.voided:
                self._send(400, [{"Code": 309, "Message": "Transaction already voided"}])
                return
            amount = int(query.get("amount", [state.amounts[payment_id]])[0])
            with state.lock:
                state.voided[payment_id] = amount
            if state.on_void is not None:
                state.on_void(payment_id)
            if behaviour == "timeout":
                time.sleep(state.delay_s)
            self._send(
                200,
                {
                    "Status": 10,
                    "ReasonCode": 0,
                    "ReasonMessage": "Successful",
                    "ProviderReturnCode": "9",
                    "ProviderReturnMessage": "Operation Successful",
                    "ReturnCode": "9",
                    "ReturnMessage": "Operation Successful",
                    "Links": [{"Method": "GET", "Rel": "self", "Href": f"/1/sales/{payment_id}"}],
                },
            )

        def do_GET(self) -> None:
            path, _ = self._record()
            time.sleep(state.latency_s)
            if not self._authorised():
                return
            parts = path.strip("/").split("/")
            payment_id = parts[2] if len(parts) == 3 else ""
            if payment_id not in state.amounts:
                self._send(404, [{"Code": 0, "Message": "Not found"}])
                return
            voided = state.voided.get(payment_id)
            payment = {
                "PaymentId": payment_id,
                "Type": "CreditCard",
                "Amount": state.amounts[payment_id],
                "CapturedAmount": state.amounts[payment_id],
                "Status": 10 if voided else 2,
                "ReturnCode": "6",
                "ReturnMessage": "Operation Successful",
            }
            if voided:
                payment["VoidedAmount"] = voided
            self._send(200, {"MerchantOrderId": "pedido", "Payment": payment})

    return Handler


class CieloServer:
    def __init__(self) -> None:
        self.state = FakeCielo()
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self.state))
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> CieloServer:
        self.thread.start()
        return self

    def __exit__(self, *_: Any) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
