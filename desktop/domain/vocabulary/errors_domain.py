"""Error catalog: desktop/domain."""

from __future__ import annotations

ERRORS: dict[str, str] = {
    "banks.banco_brasil_convenio_deve": "Banco do Brasil: o convênio deve ter 4, 6 ou 7 dígitos.",
    "banks.banco_nao_configurado_emissao": (
        "Banco {bank_code} não configurado para emissão de boletos."
    ),
    "banks.deve_numerico": "{what} deve ser numérico: {value!r}.",
    "banks.tem_digitos": "{what} tem mais de {width} dígitos: {value!r}.",
    "banks.sequencia_nosso_numero_deve": "A sequência do nosso número deve ser positiva.",
    "banks.numeracao_nosso_numero_desta": (
        "A numeração de nosso número desta conta se esgotou (máximo {width}); cadastre um "
        "novo convênio."
    ),
    "banks.itau_carteira_especial_nao": "Itaú: a carteira especial {wallet} não é suportada.",
    "banks.itau_digito_conta_informado": (
        "Itaú: o dígito da conta informado ({account_dv}) não confere (o calculado é "
        "{dac_account})."
    ),
    "banks.caixa_codigo_beneficiario_deve": (
        "Caixa: o código do beneficiário deve ter até 7 dígitos."
    ),
    "banks.sicredi_byte_geracao_nosso": "Sicredi: o byte de geração do nosso número vai de 2 a 9.",
    "clock.data_fora_intervalo_aceito": "Data fora do intervalo aceito: {day:%d/%m/%Y}.",
    "documents.cpf_cnpj_invalido_informe": (
        "CPF ou CNPJ inválido: {shown!r} (informe 11 dígitos de CPF ou 14 caracteres de CNPJ)."
    ),
    "documents.cpf_invalido": "CPF inválido: {shown}.",
    "documents.cnpj_invalido": "CNPJ inválido: {shown}.",
    "febraban.vencimento_anterior_nao_tem": (
        "Vencimento {due_date:%d/%m/%Y} anterior a 03/07/2000 não tem fator de vencimento."
    ),
    "febraban.fator_vencimento_invalido": "Fator de vencimento inválido: {value:04d}.",
    "febraban.valor_invalido_boleto_use": (
        "Valor inválido para boleto: {amount} (use no máximo dois decimais)."
    ),
    "febraban.valor_boleto_nao_pode": "O valor do boleto não pode ser negativo.",
    "febraban.valor_acima_limite_codigo": (
        "Valor {amount} acima do limite do código de barras (R$ 99.999.999,99); emita mais "
        "de um boleto."
    ),
    "febraban.deve_ter_digitos_numericos": "{what} deve ter {length} dígitos numéricos.",
    "febraban.codigo_barras_invalido_digito": (
        "Código de barras inválido: o dígito verificador geral não confere."
    ),
    "febraban.linha_digitavel_pode_ter": "A linha digitável só pode ter números, pontos e espaços.",
    "febraban.valor_invalido_boleto": "Valor inválido para boleto: {amount!r}.",
    "febraban.linha_digitavel_invalida_digito": (
        "Linha digitável inválida: o dígito do campo {number} não confere."
    ),
    "fiscal_access_key.serie_numero_codigo_numerico": (
        "Série, número ou código numérico fora dos limites da NFCom."
    ),
    "fiscal_access_key.dados_insuficientes_compor_chave": (
        "Dados insuficientes para compor a chave de acesso da NFCom."
    ),
    "fiscal_builder.nfcom_nao_informado": "NFCom: {what} não informado.",
    "fiscal_builder.nfcom_codigo_ibge_municipio": (
        "NFCom: código IBGE do município do {who} inválido."
    ),
    "fiscal_builder.nfcom_cep_invalido": "NFCom: CEP do {who} inválido.",
    "fiscal_builder.nfcom_uf_invalida": "NFCom: UF do {who} inválida.",
    "fiscal_builder.nfcom_inscricao_estadual_emitente": (
        "NFCom: inscrição estadual do emitente inválida."
    ),
    "fiscal_builder.nfcom_informe_itens": "NFCom: informe de 1 a 990 itens.",
    "fiscal_builder.nfcom_ambiente_tpamb_deve": "NFCom: ambiente (tpAmb) deve ser 1 ou 2.",
    "fiscal_builder.nfcom_sem_assinatura_assine": (
        "NFCom sem assinatura: assine antes de autorizar."
    ),
    "fiscal_builder.nfcom_item_valor_quantidade": (
        "NFCom: item {n} com valor ou quantidade inválidos."
    ),
    "fiscal_certificate.certificado_digital_invalido_senha": (
        "Certificado digital inválido ou senha incorreta."
    ),
    "fiscal_certificate.certificado_digital_vencido": "O certificado digital está vencido.",
    "fiscal_reader.xml_doctype_nao_aceito": "XML com DOCTYPE não é aceito.",
    "fiscal_reader.arquivo_nao_nfcom_modelo": "O arquivo não é uma NFCom (modelo 62).",
    "fiscal_reader.nfcom_incompleta_faltam_identificacao": (
        "NFCom incompleta: faltam identificação, emitente, destinatário ou totais."
    ),
    "fiscal_reader.xml_malformado": "XML malformado: {exc}",
    "fiscal_reader.valor_numerico_invalido_nfcom": "Valor numérico inválido na NFCom: {text!r}.",
    "fiscal_reader.data_hora_invalidas_nfcom": "Data e hora inválidas na NFCom: {text!r}.",
    "fiscal_reader.nfcom_ilegivel": "NFCom ilegível: {exc}",
    "fiscal_trust.nenhum_certificado_raizes_icp": (
        "Nenhum certificado nas raízes ICP-Brasil configuradas ({roots_setting} = {location})."
    ),
    "fiscal_trust.nenhuma_ac_raiz_certificado": (
        "Nenhuma AC raiz (certificado autoassinado) nas raízes ICP-Brasil configuradas "
        "({roots_setting} = {location})."
    ),
    "fiscal_trust.raizes_icp_brasil_configuradas": (
        "As raízes ICP-Brasil configuradas ({roots_setting} = {location}) não foram "
        "encontradas nesta estação."
    ),
    "fiscal_trust.certificado_assinatura_ilegivel": "certificado da assinatura ilegível",
    "fiscal_trust.certificado_ilegivel_entre_raizes": (
        "Certificado ilegível entre as raízes ICP-Brasil: {name}."
    ),
    "money.invalido_informe_reais_centavos": (
        "{what} inválido: {text!r}. Informe reais e centavos, ex.: 99,90."
    ),
    "money.nao_pode_negativo": "{what} não pode ser negativo: {text!r}.",
    "money.invalido_informe_reais_centavos_2": "{what} inválido: informe reais e centavos.",
    "money.invalido_informe_valor_maior": "{what} inválido: informe um valor maior que zero.",
    "money.acima_limite_r": "{what} acima do limite de R$ 9.999.999.999,99.",
    "money.invalido_maximo_dois_digitos": "{what} inválido: no máximo dois dígitos de centavos.",
    "periods.invalida_use_aaaa_mm": (
        "{capitalize} inválida: {text!r} (use AAAA-MM-DD ou DD/MM/AAAA)."
    ),
    "periods.periodo_invalido_data_final": (
        "Período inválido: a data final ({end:%d/%m/%Y}) é anterior à inicial ({start:%d/%m/%Y})."
    ),
    "periods.periodo_muito_longo_maximo": "Período muito longo: o máximo é de {max_days} dias.",
    "periods.fora_intervalo_aceito_anos": (
        "{capitalize} fora do intervalo aceito: {text!r} (anos de {first_year} a {last_year})."
    ),
    "pix.pix_campo_nao_pode": "PIX: o campo {tag} não pode ficar vazio.",
    "pix.pix_campo_passa_caracteres": "PIX: o campo {tag} passa de 99 caracteres.",
    "pix.pix_informe": "PIX: informe o {what}.",
    "pix.pix_tem_caracteres": "PIX: o {what} tem mais de {limit} caracteres: {text!r}.",
    "pix.pix_valor_deve_positivo": "PIX: o valor deve ser positivo.",
    "pix.pix_valor_dois_decimais": "PIX: valor com mais de dois decimais: {amount}.",
    "pix.pix_valor_grande_demais": "PIX: valor grande demais: {amount}.",
    "pix.pix_chave_deve_ter": "PIX: a chave deve ter de 1 a 77 caracteres.",
    "pix.pix_txid_deve_ter": "PIX: o txid deve ter até 25 letras ou números, sem espaços.",
    "pix.pix_chave_descricao_juntas": (
        "PIX: chave e descrição juntas são longas demais; encurte a descrição."
    ),
    "pix.pix_informe_url_localizacao": "PIX: informe a URL de localização do PSP.",
    "pix.pix_invalido_campo_crc": "PIX inválido: o campo CRC (63) deve ser o último.",
    "pix.pix_invalido_crc_nao": "PIX inválido: o CRC não confere (código alterado ou incompleto).",
    "pix.pix_invalido_primeiro_campo": "PIX inválido: o primeiro campo deve ser 00 com valor 01.",
    "pix.pix_invalido_falta_conta": "PIX inválido: falta a conta do recebedor (br.gov.bcb.pix).",
    "pix.pix_invalido_informe_chave": (
        "PIX inválido: informe a chave (01) ou a URL (25), um dos dois."
    ),
    "pix.pix_invalido_moeda_deve": "PIX inválido: a moeda deve ser 986 (real).",
    "pix.pix_invalido_nome_ate": "PIX inválido: nome (até 25) ou cidade (até 15) longos demais.",
    "pix.pix_invalido_falta_txid": "PIX inválido: falta o txid (62-05).",
    "pix.pix_valor_invalido": "PIX: valor inválido: {amount!r}.",
    "pix.pix_cep_deve_ter": "PIX: o CEP deve ter 8 dígitos.",
    "pix.pix_ponto_iniciacao_deve": "PIX: ponto de iniciação deve ser 11 ou 12.",
    "pix.pix_invalido_campo_malformado": (
        "PIX inválido: campo malformado em {where}, posição {pos}."
    ),
    "pix.pix_invalido_tamanho_campo": (
        "PIX inválido: o tamanho do campo {tag} em {where} não confere."
    ),
    "pix.pix_invalido_campo_repetido": "PIX inválido: campo {tag} repetido em {where}.",
    "pix.pix_invalido_falta_campo": "PIX inválido: falta o campo {tag} ({what}).",
    "pix.pix_invalido_valor_malformado": "PIX inválido: valor malformado: {fields!r}.",
    "fiscal_access_key.chave_invalida": "{problem}.",
}
