"""Error catalog: desktop/importers."""

from __future__ import annotations

ERRORS: dict[str, str] = {
    "asterisk_cdr.numero_colunas_invalido_use": (
        "Número de colunas inválido: {columns} (use 16, 18 ou 21)."
    ),
    "asterisk_cdr.arquivo_nao_encontrado": "Arquivo não encontrado: {file}.",
    "asterisk_cdr.nao_arquivo": "Não é um arquivo: {file}.",
    "asterisk_cdr.nao_arquivo_csv_texto": (
        "{name} não é um arquivo CSV de texto (binário ou UTF-16); nada foi importado."
    ),
    "asterisk_cdr.nao_parece_master_csv": (
        "{name} não parece um Master.csv do Asterisk: nenhuma das primeiras linhas é um "
        "registro de chamada; nada foi importado."
    ),
    "asterisk_cdr.nao_possivel_ler": "Não foi possível ler {file}: {strerror}.",
    "cnab.arquivo_vazio_nada_importar": "Arquivo vazio: nada a importar.",
    "cnab.arquivo_utf_retorno_banco": (
        "Arquivo em UTF-16: o retorno do banco é texto de 240 ou 400 posições por linha "
        "(ASCII); baixe o arquivo original de novo, sem convertê-lo."
    ),
    "cnab.arquivo_binario_corrompido_nao": "Arquivo binário ou corrompido: não é um retorno CNAB.",
    "cnab.retorno_banco_programa_le": (
        "Retorno do banco {bank}: este programa lê retornos de 001, 341, 237, 104, 033, 756 e 748."
    ),
    "cnab.arquivo_remessa_enviado_banco": (
        "Este é um arquivo de remessa (enviado ao banco), não de retorno."
    ),
    "cnab.primeira_linha_tem_posicoes": (
        "A primeira linha tem {header} posições e não é um header CNAB: um retorno tem "
        "linhas de 240 (CNAB 240) ou 400 (CNAB 400) posições."
    ),
    "erp_files.arquivo_nao_encontrado": "Arquivo não encontrado: {file}.",
    "erp_files.nao_arquivo": "Não é um arquivo: {file}.",
    "erp_files.nao_possivel_ler": "Não foi possível ler {file}: {strerror}.",
    "erp_files.arquivo_vazio": "{name} está vazio (0 linhas); nada foi importado.",
    "erp_files.utf16_ou_binario": (
        "{name} está em UTF-16 ou não é texto; exporte como CSV UTF-8 ou Windows-1252 (ANSI); "
        "nada foi importado."
    ),
    "erp_files.faltam_colunas_obrigatorias": (
        "{name}: faltam as colunas obrigatórias {columns} (na primeira linha); nada foi importado."
    ),
    "nfcom.arquivo_grande_demais_nfcom": "arquivo grande demais para uma NFCom (mais de 5 MB)",
    "nfcom.arquivo_nao_nfcom_modelo": "o arquivo não é uma NFCom (modelo 62)",
    "nfcom.nfcom_sem_protocolo_autorizacao": (
        "NFCom sem o protocolo de autorização: importe o XML autorizado (nfcomProc)"
    ),
    "nfcom.modelo_nao_nfcom": "modelo {model} não é NFCom (62)",
    "nfcom.nfcom_nao_autorizada": "NFCom não autorizada ({status})",
    "nfcom.protocolo_autorizacao_outra_chave": (
        "o protocolo de autorização é de outra chave de acesso"
    ),
    "nfcom.protocolo_autorizacao_outro_ambiente": (
        "o protocolo de autorização é de outro ambiente (tpAmb) que a NFCom"
    ),
    "nfcom.protocolo_autorizacao_nao_traz": "o protocolo de autorização não traz o digVal da NFCom",
    "nfcom.digval_protocolo_nao_confere": (
        "o digVal do protocolo não confere com a assinatura da NFCom"
    ),
    "nfcom.nfcom_sem_certificado_assinatura": "NFCom sem o certificado na assinatura",
    "nfcom.ambiente_tpamb_desconhecido": "ambiente (tpAmb) desconhecido: {environment!r}",
    "nfcom.arquivo_ilegivel_como_nfcom": "arquivo ilegível como NFCom ({name})",
    "nfcom.arquivo_nao_encontrado": "arquivo não encontrado",
    "nfcom.pasta_nao_arquivo": "é uma pasta, não um arquivo",
    "nfcom.nao_possivel_ler_arquivo": "não foi possível ler o arquivo ({strerror})",
    "nfcom.xsd_nao_confere": "não confere com o XSD da NFCom: {problem}",
    "nfcom.problema": "{problem}",
    "nfcom.protocolo_problema": "protocolo de autorização: {problem}",
    "nfcom.raizes_icp_ausentes": "NFCom de produção (tpAmb=1): as raízes ICP-Brasil não estão configuradas ({roots_setting}); sem elas a assinatura do emitente não pode ser conferida. Peça ao administrador para instalar a cadeia ICP-Brasil publicada pelo ITI.",
}
