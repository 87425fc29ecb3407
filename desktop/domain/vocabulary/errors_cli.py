"""Error catalog: desktop/cli."""

from __future__ import annotations

ERRORS: dict[str, str] = {
    "boleto_cmd.use_arquivo_gravar_pdf": (
        "Use -o ARQUIVO para gravar o PDF (ou redirecione a saída)."
    ),
    "events_cmd.limite_invalido": "Limite inválido: {limit!r}.",
    "invoices_cmd.use_arquivo_print_impressora": (
        "Use -o ARQUIVO ou --print [IMPRESSORA] (ou redirecione a saída)."
    ),
    "output.pasta_informe_nome_arquivo": (
        "-o {path}: é uma pasta; informe o nome do arquivo a gravar."
    ),
    "output.pasta_nao_existe_crie": (
        "-o {path}: a pasta {folder} não existe. Crie-a ou escolha outra."
    ),
    "output.format_pdf_informe_arquivo": (
        "Para --format pdf informe -o ARQUIVO ou --print [IMPRESSORA]."
    ),
    "output.print_imprime_pdf_use": (
        "--print imprime o PDF: use-o com --format pdf (ou sem --format)."
    ),
    "output.opcao_nao_aplica_extrato": "A opção {name} não se aplica ao extrato de {kind}.",
    "output.nao_possivel_gravar": "Não foi possível gravar {path}: {reason}.",
    "pix_cmd.numero_conta_invalido": "Número de conta inválido: {text!r}.",
    "statement_calls.tipo_terminacao_invalido_use": (
        "Tipo de terminação inválido: {text!r} (use {valid})."
    ),
    "statement_financial.situacao_invalida_use_aberto": (
        "Situação inválida: {text!r} (use aberto, baixado ou cancelado)."
    ),
    "statement_quitacao.informe_ano_declaracao_year": (
        "Informe o ano da declaração: --year AAAA (ex.: --year 2025)."
    ),
    "statement_quitacao.ano_invalido_use_quatro": (
        "Ano inválido: {text!r} (use quatro dígitos, ex.: 2025)."
    ),
    "statement_quitacao.declaracao_quitacao_sai_format": (
        "A declaração de quitação sai em --format json ou pdf."
    ),
    "tickets_cmd.informe_text_field": "Informe --text com --field.",
    "tickets_cmd.status_invalido_use_aberto": (
        "Status inválido: {status!r} (use aberto, em_andamento ou encerrado)."
    ),
    "users.senhas_nao_conferem": "As senhas não conferem.",
}
