"""Outgoing e-mail through the provider's SMTP server (settings ``smtp.*``).

The standard library's ``smtplib`` + ``email.message`` do everything needed (STARTTLS, login,
attachments); no third-party client is worth a dependency here.  Callers read the settings
inside their session and send *after* it, so no database transaction waits on the network.
"""

from __future__ import annotations

import smtplib
import ssl
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from typing import Any

from desktop.errors import InvalidInput, UserError

TIMEOUT_S = 20


@dataclass(frozen=True)
class Attachment:
    filename: str
    content: bytes
    mime_type: str = "application/pdf"


def send_mail(
    config: Mapping[str, Any],
    to: str,
    subject: str,
    body: str,
    attachments: Sequence[Attachment] = (),
) -> None:
    """Send one message; raise :class:`UserError` with the reason when it cannot be sent."""
    host = str(config["smtp.host"]).strip()
    if not host:
        raise InvalidInput("mailer.envio_mail_nao_configurado")
    if "@" not in to:
        raise InvalidInput("mailer.endereco_mail_invalido", to=to)
    message = EmailMessage()
    message["From"] = config["smtp.sender"]
    message["To"] = to
    message["Subject"] = subject
    message["Date"] = formatdate(localtime=True)
    message["Message-ID"] = make_msgid(domain=str(config["smtp.sender"]).rpartition("@")[2] or None)
    message.set_content(body)
    for item in attachments:
        maintype, _, subtype = item.mime_type.partition("/")
        message.add_attachment(
            item.content, maintype=maintype, subtype=subtype, filename=item.filename
        )
    port = int(config["smtp.port"])
    try:
        client: smtplib.SMTP
        if port == 465:  # implicit TLS (SMTPS)
            client = smtplib.SMTP_SSL(
                host, port, timeout=TIMEOUT_S, context=ssl.create_default_context()
            )
        else:
            client = smtplib.SMTP(host, port, timeout=TIMEOUT_S)
        with client:
            if port != 465 and config["smtp.starttls"]:
                client.starttls(context=ssl.create_default_context())
            if config["smtp.user"]:
                client.login(str(config["smtp.user"]), str(config["smtp.password"]))
            client.send_message(message)
    except smtplib.SMTPAuthenticationError:
        raise UserError("mailer.servidor_mail_recusou_usuario") from None
    except smtplib.SMTPRecipientsRefused:
        raise UserError("mailer.servidor_mail_recusou_destinatario", to=to) from None
    except (smtplib.SMTPException, OSError) as exc:
        raise UserError(
            "mailer.nao_possivel_enviar_mail", name=type(exc).__name__, exc=exc
        ) from None
