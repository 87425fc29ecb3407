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
    "db.endereco_banco_dados_invalido": "Endereço de banco de dados inválido: {url!r}.",
    "db.banco_dados_nao_suportado": "Banco de dados não suportado: use SQLite ou PostgreSQL.",
    "db.nao_possivel_criar_pasta": (
        "Não foi possível criar a pasta do banco de dados ({reason}); nada foi alterado."
    ),
    "db.banco_dados_atualizado_versao": (
        "Este banco de dados foi atualizado por uma versão mais nova da Central do "
        "Assinante (revisão {current}). Atualize o programa nesta estação."
    ),
    "db.replica_so_postgresql": (
        "[database] read_url (réplica de leitura) só vale com PostgreSQL no url e no "
        "read_url do station.ini."
    ),
    # desktop.db_errors: a database failure, by its SQLSTATE or SQLite result code.
    "db.banco_inacessivel": (
        "Não foi possível acessar o banco de dados. Verifique a rede ou o servidor e tente de "
        "novo; nada foi alterado."
    ),
    "db.banco_ocupado": (
        "O banco de dados está ocupado com outra gravação; nada foi alterado, tente de novo em "
        "alguns instantes."
    ),
    "db.disco_cheio": (
        "O disco do banco de dados está cheio (ou o servidor sem recursos); nada foi alterado. "
        "Libere espaço e tente de novo."
    ),
    "db.somente_leitura": (
        "O banco de dados está somente para leitura (permissão do arquivo ou servidor em modo "
        "leitura); nada foi alterado. Procure o responsável pelo servidor."
    ),
    "db.arquivo_danificado": (
        "O arquivo do banco de dados está danificado ou não é um banco da Central do Assinante; "
        "nada foi alterado. Restaure a cópia de segurança."
    ),
    "db.nao_possivel_abrir_arquivo": (
        "Não foi possível abrir o arquivo do banco de dados (a pasta não existe ou não pode ser "
        "acessada); nada foi alterado."
    ),
    "startup.banco_dados_nao_existe": (
        "O banco de dados {path} não existe. Para criá-lo: central-assinante --db "
        "{database_url} db upgrade (ou demo)."
    ),
}
