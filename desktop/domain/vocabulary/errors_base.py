"""Error catalog: the whole program: settings, start-up, and messages several areas share."""

from __future__ import annotations

ERRORS: dict[str, str] = {
    "comum.assinante_nao_encontrado": "Assinante não encontrado.",
    "comum.conta_receber_nao_encontrada": "Conta a receber {receivable_id} não encontrada.",
    "comum.plano_nao_encontrado_assinante": "Plano não encontrado para este assinante.",
    "comum.conta_receber_nao_encontrada_2": "Conta a receber não encontrada.",
    "config.valor_sim_nao_invalido": "Valor sim/não inválido: {text!r}.",
    "config.valor_numerico_invalido": "Valor numérico inválido: {text!r}.",
    "config.numero_inteiro_invalido": "Número inteiro inválido: {text!r}.",
    "config.data_invalida_use_aaaa": "Data inválida (use AAAA-MM-DD): {text!r}.",
    "config.tipo_invalido": "{label}: tipo inválido.",
    "config.minimo": "{label}: o mínimo é {minimum}.",
    "config.maximo": "{label}: o máximo é {maximum}.",
    "config.escolha": "{label}: escolha uma de {choices}.",
    "config.formato_invalido": "{label}: formato inválido.",
    "config.configuracao_desconhecida": "Configuração desconhecida: {key}.",
    "config.erro": "{label}: {problem}",
    "config.arquivo_nao_encontrado": "{label}: arquivo não encontrado: {value}.",
    "startup.banco_dados_nao_existe": (
        "O banco de dados {path} não existe. Para criá-lo: central-assinante --db "
        "{database_url} db upgrade (ou demo)."
    ),
}
