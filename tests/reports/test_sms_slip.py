"""The SMS account slip: reproducible bytes, and the login and password on the page."""

from __future__ import annotations

import datetime as dt

from desktop.reports.sms_slip import SmsAccountSlip, render_sms_slip

SLIP = SmsAccountSlip(
    company="Provedor Exemplo Telecomunicações Ltda",
    contract_number="C000123",
    login="smsc000123",
    password="Xk7-pQ2m-Lw9z",
    credited=1000,
    balance=1000,
    reference="SMSD-778899",
    issued_at=dt.datetime(2026, 11, 30, 14, 5, tzinfo=dt.UTC),
    issued_by="juliana",
)


def test_same_slip_same_bytes_with_the_credentials_on_the_page() -> None:
    pdf = render_sms_slip(SLIP)
    assert pdf.startswith(b"%PDF-") and pdf == render_sms_slip(SLIP)
    assert b"(smsc000123)" in pdf and b"(Xk7-pQ2m-Lw9z)" in pdf  # uncompressed text
    assert b"1.000 SMS" in pdf and b"30/11/2026 11:05" in pdf  # São Paulo time
    other = render_sms_slip(SmsAccountSlip(**{**SLIP.__dict__, "password": "outra-senha-1"}))
    assert other != pdf
