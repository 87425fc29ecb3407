"""A local HTTPS server implementing the API Pix requests we use, as ``bacen/pix-api``'s
``openapi.yaml`` (v2.9.0) defines them.

* ``POST /oauth/token``: OAuth2 client credentials with HTTP Basic (the OpenAPI's
  ``securitySchemes.OAuth2.flows.clientCredentials``), answering ``access_token``/``expires_in``.
* Mutual TLS: the server requires a client certificate signed by its CA (``tests.fakes.pix_pki``).
* ``PUT /api/v2/cob/{txid}`` (201 CobGerada), ``GET /api/v2/cob/{txid}`` (CobCompleta with
  ``pix[]`` once paid), ``GET /api/v2/pix?inicio&fim&paginacao.*`` (PixConsultados with
  ``parametros.paginacao``), ``PUT``/``GET /api/v2/pix/{e2eid}/devolucao/{id}`` (Devolucao).
* Errors as ``application/problem+json`` with the standard's ``type`` URIs and ``violacoes``.

The test plays the payer's bank with :meth:`FakePsp.pay`, and can make a request answer late
(after doing its work, like a real late answer), with a 5xx problem, or with HTML.  Every
request is recorded for assertions.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
import re
import secrets
import ssl
import threading
import time
import uuid
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlparse

CLIENT_ID = "central-assinante-teste"
CLIENT_SECRET = "segredo-do-psp-123"
PIX_KEY = "financeiro@exemplo.net.br"
ERROR = "https://pix.bcb.gov.br/api/v2/error/"
TXID = re.compile(r"[a-zA-Z0-9]{26,35}")
REFUND_ID = re.compile(r"[a-zA-Z0-9]{1,35}")
VALUE = re.compile(r"\d{1,10}\.\d{2}")


def _tlv(tag: str, value: str) -> str:
    return f"{tag}{len(value):02d}{value}"


def brcode(location: str) -> str:
    """The PSP's own dynamic BR Code for a location (what ``pixCopiaECola`` carries)."""
    body = (
        _tlv("00", "01") + _tlv("01", "12")
        + _tlv("26", _tlv("00", "br.gov.bcb.pix") + _tlv("25", location))
        + _tlv("52", "0000") + _tlv("53", "986") + _tlv("58", "BR")
        + _tlv("59", "EXEMPLO NET") + _tlv("60", "PARANAVAI") + _tlv("62", _tlv("05", "***"))
        + "6304"
    )
    return body + f"{binascii.crc_hqx(body.encode(), 0xFFFF):04X}"


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


@dataclass
class FakePsp:
    host: str = "127.0.0.1:0"
    cobs: dict[str, dict[str, Any]] = field(default_factory=dict)
    pix: dict[str, dict[str, Any]] = field(default_factory=dict)  # e2eid -> Pix
    tokens: set[str] = field(default_factory=set)
    tokens_issued: int = 0
    token_lifetime_s: int = 3600
    copy_paste: bool = True  # send pixCopiaECola (a PSP may send only the location)
    embed_pix: bool = True  # CobCompleta with pix[] (a PSP may leave it to GET /pix)
    requests: list[dict[str, Any]] = field(default_factory=list)
    # (method, path prefix) -> [behaviour, times]; behaviours: late, html, 500, 503
    behaviours: dict[tuple[str, str], list[Any]] = field(default_factory=dict)
    delay_s: float = 2.0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def fail(self, method: str, prefix: str, behaviour: str, times: int = 1) -> None:
        with self.lock:
            self.behaviours[(method, prefix)] = [behaviour, times]

    def take_behaviour(self, method: str, path: str) -> str | None:
        with self.lock:
            for (m, prefix), entry in self.behaviours.items():
                if m == method and path.startswith(prefix) and entry[1] > 0:
                    entry[1] -= 1
                    return str(entry[0])
        return None

    def count(self, method: str, prefix: str) -> int:
        return sum(1 for r in self.requests if r["method"] == method and r["path"].startswith(prefix))

    def pay(self, txid: str | None, amount: str | None = None, at: dt.datetime | None = None) -> str:
        """The payer's bank settles a PIX for ``txid`` (the charge's amount unless given)."""
        e2eid = "E18236120" + dt.datetime.now(dt.UTC).strftime("%Y%m%d%H%M") + secrets.token_hex(6)[:11]
        with self.lock:
            cob = self.cobs.get(txid) if txid else None
            value = amount or (cob["valor"]["original"] if cob else "10.00")
            horario = (at or dt.datetime.now(dt.UTC)).isoformat(timespec="milliseconds")
            self.pix[e2eid] = {
                "endToEndId": e2eid,
                "txid": txid,
                "valor": value,
                "horario": horario.replace("+00:00", "Z"),
                "infoPagador": "Pagamento da fatura",
            }
            if cob is not None:
                cob["status"] = "CONCLUIDA"
        return e2eid

    def settle_refund(self, e2eid: str, refund_id: str) -> None:
        with self.lock:
            for refund in self.pix[e2eid].get("devolucoes", []):
                if refund["id"] == refund_id:
                    refund["status"] = "DEVOLVIDO"
                    refund["horario"]["liquidacao"] = _now()

    def cob_view(self, txid: str) -> dict[str, Any]:
        cob = dict(self.cobs[txid])
        paid = [p for p in self.pix.values() if p.get("txid") == txid]
        if paid and self.embed_pix:
            cob["pix"] = paid
        return cob


def _problem(kind: str, title: str, status: int, detail: str = "", **extra: Any) -> dict[str, Any]:
    body: dict[str, Any] = {"type": ERROR + kind, "title": title, "status": status}
    if detail:
        body["detail"] = detail
    body["correlationId"] = uuid.uuid4().hex
    body.update(extra)
    return body


def _handler(state: FakePsp) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *_: Any) -> None:
            pass

        def _send(self, status: int, body: Any, content_type: str = "application/json") -> None:
            data = body if isinstance(body, bytes) else json.dumps(body).encode()
            if status >= 400 and not isinstance(body, bytes):
                content_type = "application/problem+json"
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def _body(self) -> Any:
            size = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(size) if size else b""
            return raw

        def _route(self) -> None:
            url = urlparse(self.path)
            raw = self._body()
            with state.lock:
                state.requests.append(
                    {"method": self.command, "path": url.path, "query": url.query,
                     "headers": dict(self.headers), "body": raw.decode("utf-8", "replace")}
                )
            behaviour = state.take_behaviour(self.command, url.path)
            if behaviour == "html":
                self._send(200, b"<html><body>Manutencao</body></html>", "text/html")
                return
            if behaviour in ("500", "503"):
                kind = "ServicoIndisponivel" if behaviour == "503" else "ErroInternoDoServidor"
                self._send(int(behaviour), _problem(kind, "Serviço indisponível", int(behaviour)))
                return
            if url.path == "/oauth/token" and self.command == "POST":
                self._token(raw)
            elif not self._authorised():
                return
            else:
                status, body = self._api(url.path, parse_qs(url.query), raw)
                if behaviour == "late":
                    time.sleep(state.delay_s)  # the work is done; the answer comes too late
                self._send(status, body)

        do_GET = do_PUT = do_POST = do_PATCH = _route

        def _token(self, raw: bytes) -> None:
            expected = base64.b64encode(f"{CLIENT_ID}:{CLIENT_SECRET}".encode()).decode()
            form = parse_qs(raw.decode())
            if self.headers.get("Authorization") != f"Basic {expected}":
                self._send(401, {"error": "invalid_client"})
                return
            if form.get("grant_type") != ["client_credentials"]:
                self._send(400, {"error": "unsupported_grant_type"})
                return
            token = secrets.token_urlsafe(24)
            with state.lock:
                state.tokens.add(token)
                state.tokens_issued += 1
            self._send(200, {"access_token": token, "token_type": "Bearer",
                             "expires_in": state.token_lifetime_s, "scope": form.get("scope", [""])[0]})

        def _authorised(self) -> bool:
            header = self.headers.get("Authorization", "")
            if not header.startswith("Bearer ") or header[7:] not in state.tokens:
                self._send(401, _problem("AcessoNegado", "Não autorizado", 401, "Token inválido."))
                return False
            return True

        def _api(self, path: str, query: dict[str, list[str]], raw: bytes) -> tuple[int, Any]:
            if not path.startswith("/api/v2/"):
                return 404, _problem("NaoEncontrado", "Não encontrado", 404)
            parts = path[len("/api/v2/"):].split("/")
            try:
                body = json.loads(raw) if raw else {}
            except json.JSONDecodeError:
                return 400, _problem("RequisicaoInvalida", "Requisição inválida.", 400, "JSON malformado.")
            if parts[0] == "cob" and len(parts) == 2:
                return self._put_cob(parts[1], body) if self.command == "PUT" else self._get_cob(parts[1])
            if parts == ["pix"] and self.command == "GET":
                return self._list_pix(query)
            if parts[0] == "pix" and len(parts) == 4 and parts[2] == "devolucao":
                if self.command == "PUT":
                    return self._put_refund(parts[1], parts[3], body)
                return self._get_refund(parts[1], parts[3])
            return 404, _problem("NaoEncontrado", "Não encontrado", 404)

        def _put_cob(self, txid: str, body: dict[str, Any]) -> tuple[int, Any]:
            violations = []
            if not TXID.fullmatch(txid):
                violations.append({"razao": "txid fora do padrão", "propriedade": "cob.txid", "valor": txid})
            original = str((body.get("valor") or {}).get("original", ""))
            if not VALUE.fullmatch(original) or original == "0.00":
                violations.append({"razao": "valor inválido", "propriedade": "cob.valor.original"})
            if not body.get("chave") or len(str(body["chave"])) > 77:
                violations.append({"razao": "chave ausente", "propriedade": "cob.chave"})
            expiry = (body.get("calendario") or {}).get("expiracao", 86400)
            if not isinstance(expiry, int) or expiry <= 0:
                violations.append({"razao": "expiração inválida", "propriedade": "cob.calendario.expiracao"})
            debtor = body.get("devedor")
            if debtor is not None and ("cpf" in debtor) == ("cnpj" in debtor):
                violations.append({"razao": "informe cpf ou cnpj", "propriedade": "cob.devedor"})
            if violations:
                return 400, _problem("CobOperacaoInvalida", "Cobrança inválida.", 400, violacoes=violations)
            with state.lock:
                if txid in state.cobs:
                    return 400, _problem(
                        "CobOperacaoInvalida", "Cobrança inválida.", 400, "O txid já foi utilizado.",
                        violacoes=[{"razao": "txid já utilizado", "propriedade": "cob.txid"}],
                    )
                location = f"{state.host}/qr/v2/{uuid.uuid4().hex}"
                cob: dict[str, Any] = {
                    "calendario": {"criacao": _now(), "expiracao": expiry},
                    "txid": txid,
                    "revisao": 0,
                    "loc": {"id": len(state.cobs) + 1, "location": location, "tipoCob": "cob"},
                    "location": location,
                    "status": "ATIVA",
                    "valor": {"original": original},
                    "chave": body["chave"],
                    "solicitacaoPagador": body.get("solicitacaoPagador", ""),
                }
                if debtor is not None:
                    cob["devedor"] = debtor
                if state.copy_paste:
                    cob["pixCopiaECola"] = brcode(location)
                state.cobs[txid] = cob
                return 201, state.cob_view(txid)

        def _get_cob(self, txid: str) -> tuple[int, Any]:
            with state.lock:
                if txid not in state.cobs:
                    return 404, _problem("CobNaoEncontrado", "Cobrança não encontrada.", 404)
                return 200, state.cob_view(txid)

        def _list_pix(self, query: dict[str, list[str]]) -> tuple[int, Any]:
            try:
                start = dt.datetime.fromisoformat(query["inicio"][0].replace("Z", "+00:00"))
                end = dt.datetime.fromisoformat(query["fim"][0].replace("Z", "+00:00"))
                page = int(query.get("paginacao.paginaAtual", ["0"])[0])
                size = int(query.get("paginacao.itensPorPagina", ["100"])[0])
            except (KeyError, ValueError):
                return 400, _problem("RequisicaoInvalida", "Requisição inválida.", 400,
                                     "inicio e fim são obrigatórios (RFC 3339).")
            if not 1 <= size <= 1000 or page < 0:
                return 400, _problem("RequisicaoInvalida", "Requisição inválida.", 400, "paginação inválida")
            with state.lock:
                found = sorted(
                    (p for p in state.pix.values()
                     if start <= dt.datetime.fromisoformat(p["horario"].replace("Z", "+00:00")) <= end
                     and p.get("txid") == query.get("txid", [p.get("txid")])[0]),
                    key=lambda p: (p["horario"], p["endToEndId"]),
                )
            pages = max(1, -(-len(found) // size))
            return 200, {
                "parametros": {
                    "inicio": query["inicio"][0], "fim": query["fim"][0],
                    "paginacao": {"paginaAtual": page, "itensPorPagina": size,
                                  "quantidadeDePaginas": pages, "quantidadeTotalDeItens": len(found)},
                },
                "pix": found[page * size:(page + 1) * size],
            }

        def _put_refund(self, e2eid: str, refund_id: str, body: dict[str, Any]) -> tuple[int, Any]:
            value = str(body.get("valor", ""))
            if not REFUND_ID.fullmatch(refund_id) or not VALUE.fullmatch(value):
                return 400, _problem("RequisicaoInvalida", "Requisição inválida.", 400,
                                     violacoes=[{"razao": "id ou valor inválido", "propriedade": "devolucao"}])
            with state.lock:
                pix = state.pix.get(e2eid)
                if pix is None:
                    return 404, _problem("NaoEncontrado", "Pix não encontrado.", 404)
                refunds = pix.setdefault("devolucoes", [])
                if any(r["id"] == refund_id for r in refunds):
                    return 400, _problem("RequisicaoInvalida", "Devolução já solicitada.", 400,
                                         "O id da devolução já foi utilizado.")
                if sum(float(r["valor"]) for r in refunds) + float(value) > float(pix["valor"]) + 1e-9:
                    return 400, _problem("RequisicaoInvalida", "Valor acima do Pix.", 400)
                refund = {"id": refund_id, "rtrId": "D18236120" + secrets.token_hex(12)[:23],
                          "valor": value, "natureza": body.get("natureza", "ORIGINAL"),
                          "descricao": body.get("descricao", ""),
                          "horario": {"solicitacao": _now()}, "status": "EM_PROCESSAMENTO"}
                refunds.append(refund)
                return 201, refund

        def _get_refund(self, e2eid: str, refund_id: str) -> tuple[int, Any]:
            with state.lock:
                for refund in (state.pix.get(e2eid) or {}).get("devolucoes", []):
                    if refund["id"] == refund_id:
                        return 200, refund
            return 404, _problem("NaoEncontrado", "Devolução não encontrada.", 404)

    return Handler


class _TlsServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, handler: type[BaseHTTPRequestHandler], context: ssl.SSLContext) -> None:
        super().__init__(("127.0.0.1", 0), handler)
        self.context = context

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # a client that gave up on a late answer is part of the tests, not noise

    def finish_request(self, request: Any, client_address: Any) -> None:
        # The TLS handshake happens in the request's own thread, so a client that is refused
        # (or slow) never holds up the others.
        try:
            tls = self.context.wrap_socket(request, server_side=True)
        except (ssl.SSLError, OSError):
            return
        try:
            super().finish_request(tls, client_address)
        finally:
            tls.close()


class PspServer:
    """``with PspServer(pki) as psp: psp.url, psp.token_url, psp.state``."""

    def __init__(
        self,
        ca_cert: Path,
        server_cert: Path,
        server_key: Path,
        *,
        require_client_cert: bool = True,
    ) -> None:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(server_cert, server_key)
        context.load_verify_locations(ca_cert)
        context.verify_mode = ssl.CERT_REQUIRED if require_client_cert else ssl.CERT_NONE
        self.state = FakePsp()
        self.httpd = _TlsServer(_handler(self.state), context)
        port = self.httpd.server_address[1]
        self.state.host = f"127.0.0.1:{port}"
        self.base = f"https://127.0.0.1:{port}"
        self.url = f"{self.base}/api/v2"
        self.token_url = f"{self.base}/oauth/token"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> PspServer:
        self.thread.start()
        return self

    def __exit__(self, *_: Any) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
