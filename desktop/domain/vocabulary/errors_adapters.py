"""Error catalog: desktop/adapters."""

from __future__ import annotations

ERRORS: dict[str, str] = {
    "escpos_printer.impressora_recibos_invalida": (
        "Impressora de recibos inválida ({text!r}): {why}. {help}"
    ),
    "escpos_printer.suporte_impressoras_usb_pyusb": (
        "O suporte a impressoras USB (pyusb) não está instalado nesta estação."
    ),
    "escpos_printer.suporte_impressoras_seriais_pyserial": (
        "O suporte a impressoras seriais (pyserial) não está instalado nesta estação."
    ),
    "escpos_printer.suporte_filas_impressao_windows": (
        "O suporte a filas de impressão do Windows (pywin32) não está instalado."
    ),
    "mailer.envio_mail_nao_configurado": (
        "O envio de e-mail não está configurado (Painel de Configurações / E-mail)."
    ),
    "mailer.endereco_mail_invalido": "Endereço de e-mail inválido: {to!r}.",
    "mailer.servidor_mail_recusou_usuario": (
        "O servidor de e-mail recusou o usuário ou a senha configurados."
    ),
    "mailer.servidor_mail_recusou_destinatario": (
        "O servidor de e-mail recusou o destinatário {to}."
    ),
    "mailer.nao_possivel_enviar_mail": (
        "Não foi possível enviar o e-mail ({name}: {exc}). Tente de novo mais tarde; o "
        "comprovante pode ser impresso."
    ),
    "printing.trabalho_impressao_invalido": "Trabalho de impressão inválido: {job_id!r}.",
    "printing.nao_possivel_consultar_fila": "Não foi possível consultar a fila '{queue}': {out}",
    "printing.impressora_nao_encontrada": "Impressora '{name}' não encontrada.",
    "printing.impressora_recusou_documento": "A impressora '{name}' recusou o documento: {detail}",
    "printing.trabalho_impressao_nao_fila": "O trabalho de impressão {job_id} não está na fila.",
    "printing.impressora_parou_trabalho_continua": (
        "A impressora '{queue}' parou{reason}; o trabalho {job_id} continua na fila e sai "
        "quando ela for liberada."
    ),
    "printing.trabalho_ainda_nao_saiu": (
        "O trabalho {job_id} ainda não saiu após {timeout_s:g} s; ele continua na fila da "
        "impressora '{queue}'."
    ),
    "printing.programa_impressao_cups_nao": (
        "O programa de impressão '{args}' (CUPS) não está instalado nesta estação."
    ),
    "printing.nao_possivel_chamar_cups": "Não foi possível chamar '{args}' (CUPS): {exc}.",
    "printing.impressora_parada": "A impressora '{name}' está parada{reason}.",
    "printing.impressora_nao_aceitando_trabalhos": (
        "A impressora '{name}' não está aceitando trabalhos{reason}."
    ),
    "qt_printing.impressora_nao_encontrada": "Impressora '{printer_name}' não encontrada.",
    "qt_printing.impressora_parada_erro": "A impressora '{printer_name}' está parada ou com erro.",
    "qt_printing.impressora_nao_pode_aberta": "A impressora '{name}' não pôde ser aberta.",
    "qt_printing.impressora_nao_aceitou_trabalho": "A impressora '{name}' não aceitou o trabalho.",
    "qt_printing.impressora_nao_recebeu_documento": (
        "A impressora '{name}' não recebeu o documento inteiro."
    ),
    "qt_printing.pagina_documento_nao_pode": (
        "A página {index} do documento não pôde ser desenhada."
    ),
    "qt_printing.suporte_pdf_qt_pyside6": (
        "O suporte a PDF do Qt (PySide6_Pdf) não está instalado nesta estação."
    ),
    "qt_printing.impressora_nao_encontrada_2": (
        "Impressora '{printer_name}' não encontrada. {no_printers}"
    ),
    "qt_printing.documento_nao_pode_preparado": (
        "O documento não pôde ser preparado para impressão ({name})."
    ),
    "qt_printing.impressora_falhou_passar_pagina": (
        "A impressora '{name}' falhou ao passar de página."
    ),
    "printing.cups_nao_responde": "O serviço de impressão (CUPS) não está respondendo.",
    "printing.nenhuma_impressora_definida": "Nenhuma impressora definida: configure a impressora desta estação ou uma impressora padrão no sistema.",
    "printing.documento_guardado": "{cause} O documento foi guardado em {path} — nada se perdeu.",
    "printing.documento_nao_guardado": "{cause} Não foi possível guardar o documento: {problem}.",
    "printing.comprovante_guardado": "{cause} O comprovante foi guardado em {path} — nada se perdeu.",
    "printing.comprovante_nao_guardado": "{cause} Não foi possível guardar o comprovante: {problem}.",
    "qt_printing.nenhuma_impressora_informada": "O serviço de impressão não informa nenhuma impressora (está desligado?).",
    "radius_control.banco_freeradius_inacessivel": "Não foi possível acessar o banco do FreeRADIUS (radius.database_url). Verifique a rede ou o servidor.",
    "escpos_printer.falha_network": "A impressora de recibos ({label}) não respondeu: {detail}. Verifique se ela está ligada e na rede.",
    "escpos_printer.falha_usb": "A impressora de recibos ({label}) não foi encontrada ou recusou os dados: {detail}. Verifique o cabo e se ela está ligada.",
    "escpos_printer.falha_serial": "A impressora de recibos ({label}) não pôde ser usada: {detail}. Verifique o cabo, a porta e a velocidade configuradas.",
    "escpos_printer.falha_outra": "A impressora de recibos ({label}) recusou o trabalho: {detail}.",
    "pix_psp.indisponivel": "PIX indisponível: {reason}. {hint}",
    "pix_psp.dica_cobranca": "O boleto continua valendo: pague pelo boleto ou tente o PIX de novo em instantes.",
    "pix_psp.dica_devolucao": "A devolução não foi feita; tente de novo mais tarde.",
    # Why the PSP could not do it: the {reason} of pix_psp.indisponivel, one per Failure.
    "pix_psp.motivo_nao_configurada": "a cobrança por PIX não está configurada (Painel: PIX, endereço da API)",
    "pix_psp.motivo_sem_token_url": "falta o endereço do token OAuth2 (pix.token_url)",
    "pix_psp.motivo_certificado_ilegivel": (
        "o certificado da empresa ou a CA do PSP não pôde ser lido "
        "(confira pix.client_cert, pix.client_key e pix.ca_file: {detail})"
    ),
    "pix_psp.motivo_sem_resposta": "o PSP não respondeu a tempo",
    "pix_psp.motivo_servidor_nao_confiavel": "o certificado do servidor do PSP não é confiável (confira pix.ca_file)",
    "pix_psp.motivo_certificado_recusado": "o PSP recusou o certificado da empresa (confira pix.client_cert e pix.client_key)",
    "pix_psp.motivo_inacessivel": "não foi possível falar com o PSP",
    "pix_psp.motivo_nao_json": "o PSP respondeu algo que não é JSON (HTTP {status})",
    "pix_psp.motivo_acesso_recusado": "o PSP recusou o acesso (HTTP {status}{said}; confira pix.client_id e pix.client_secret)",
    "pix_psp.motivo_com_problemas": "o PSP está com problemas (HTTP {status}{said})",
    "pix_psp.motivo_pedido_recusado": "o PSP recusou o pedido (HTTP {status}{said})",
    "pix_psp.motivo_fora_do_padrao": "o PSP respondeu fora do padrão da API Pix ({what})",
}
