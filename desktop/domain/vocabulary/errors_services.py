"""Error catalog: desktop/services."""

from __future__ import annotations

ERRORS: dict[str, str] = {
    "access.perfil_nao_permite_operacao": (
        "Seu perfil ({role}) não permite esta operação. Perfis permitidos: {allowed}."
    ),
    "access.operacao_pode_feita_balcao": (
        "Esta operação só pode ser feita no balcão de atendimento."
    ),
    "access.acesso_negado_estes_dados": "Acesso negado: estes dados pertencem a outro assinante.",
    "auth.login_invalido_use_letras": (
        "Login inválido: use de 2 a 60 letras minúsculas, números, ponto, hífen ou sublinhado."
    ),
    "auth.senha_muito_curta_use": "Senha muito curta: use ao menos {min_password} caracteres.",
    "auth.senha_quiosque_muito_curta": "Senha do quiosque muito curta: use ao menos 6 caracteres.",
    "auth.operador_nao_cadastrado_use": (
        "Operador {login!r} não cadastrado. Use --operator com um login existente (crie "
        "com 'central-assinante user add')."
    ),
    "auth.apenas_administrador_pode_cadastrar": "Apenas um administrador pode cadastrar usuários.",
    "auth.existe_usuario_login": "Já existe um usuário com o login {login!r}.",
    "auth.usuario_ou_senha_incorretos": "Usuário ou senha incorretos.",
    "auth.quiosque_cpf_ou_senha_incorretos": (
        "CPF/CNPJ ou senha incorretos. Após {attempts} tentativas erradas o acesso fica "
        "bloqueado por {minutes} minutos."
    ),
    "auth.acesso_bloqueado_ate": (
        "Acesso bloqueado por excesso de tentativas até {until:%H:%M}. Tente depois ou procure "
        "um administrador."
    ),
    "boletos.valor_conta_deve_positivo": "O valor da conta deve ser positivo para emitir boleto.",
    "boletos.conta_paga_nao_ha": "A conta {id} já foi paga; não há boleto a emitir.",
    "boletos.conta_cancelada_nao_ha": "A conta {id} foi cancelada; não há boleto a emitir.",
    "boletos.prazo_pagar_boleto_terminou": (
        "O prazo para pagar este boleto terminou em {limit:%d/%m/%Y}. Procure o balcão de "
        "atendimento para negociar."
    ),
    "boletos.nosso_numero_gerado_existe": (
        "O nosso número gerado já existe nesta conta bancária; confira a numeração da "
        "conta no Painel de Configurações."
    ),
    "calls.terminal_nao_encontrado_entre": (
        "Terminal {terminal} não encontrado entre os deste assinante."
    ),
    "card_answers.mas_nao_possivel_registrar": (
        "{outcome} Mas não foi possível registrar isso aqui: {message}. Tente de novo em "
        "instantes: o sistema consulta a Cielo com o mesmo pedido e registra o resultado, "
        "sem cancelar duas vezes (as tarefas periódicas também conferem)."
    ),
    "cards.pagamento_cartao_nao_encontrado": "Pagamento com cartão {reference!r} não encontrado.",
    "cards.pagamento_cartao_nao_encontrado_2": "Pagamento com cartão não encontrado.",
    "cards.pagamento_negado_cielo_nao": (
        "Este pagamento foi negado pela Cielo: não há o que cancelar."
    ),
    "cards.outra_estacao_cancelando_pagamento": (
        "Outra estação está cancelando este pagamento agora. Aguarde e consulte de novo."
    ),
    "cards.ja_cancelado": "Este pagamento já foi cancelado; nada foi feito.",
    "cards.ja_cancelado_em": (
        "Este pagamento já foi cancelado em {voided_at:%d/%m/%Y %H:%M}; nada foi feito."
    ),
    # A void in flight: what Cielo says when asked (never voided again), one sentence each.
    "cards.cancelamento_em_andamento": (
        "O cancelamento deste pagamento já está em andamento (pedido enviado às "
        "{since:%H:%M:%S}). Aguarde; nada foi reenviado."
    ),
    "cards.em_andamento_cielo_confirma": (
        "O cancelamento deste pagamento já está em andamento (pedido enviado às "
        "{since:%H:%M:%S}) e a Cielo confirma: o pagamento está cancelado. Nada foi reenviado."
    ),
    "cards.em_andamento_cielo_sem_resposta": (
        "O cancelamento deste pagamento já está em andamento (pedido enviado às "
        "{since:%H:%M:%S}); a Cielo não pôde ser consultada agora ({reason}). Nada foi "
        "reenviado."
    ),
    "cards.em_andamento_cielo_nao_registra": (
        "O cancelamento deste pagamento já está em andamento (pedido enviado às "
        "{since:%H:%M:%S}); a Cielo ainda não o registra. Aguarde a resposta; nada foi "
        "reenviado."
    ),
    # What happened at Cielo, for card_answers.mas_nao_possivel_registrar's {outcome}.
    "cards.cielo_cancelou": "A Cielo CANCELOU o pagamento.",
    "cards.cielo_nao_respondeu": (
        "A Cielo não respondeu a tempo: o cancelamento pode ter sido feito."
    ),
    "cards.cielo_nao_cancelou": "A Cielo não cancelou o pagamento ({reason}).",
    "cards.cielo_confirma_cancelado": "A Cielo confirma que o pagamento está CANCELADO.",
    "cdr_import.erro_ler_nada_importado": "Erro ao ler {name}: {strerror}; nada foi importado.",
    "cdr_import.banco_dados_ocupado_outra": (
        "O banco de dados está ocupado com outra gravação (outra importação?); nada de "
        "{name} foi importado. Tente de novo em alguns minutos."
    ),
    "connections.banco_freeradius_radius_database": (
        "O banco do FreeRADIUS (radius.database_url) deve ser PostgreSQL."
    ),
    "connections.login_nao_deste_assinante": "O login {login!r} não é deste assinante.",
    "connections.endereco_banco_freeradius_invalido": (
        "Endereço do banco do FreeRADIUS inválido (radius.database_url)."
    ),
    "enablement.atendimento_informado_nao_aberto": (
        "O atendimento informado não está aberto para este assinante."
    ),
    "enablement_jobs.plano_alterado_outra_estacao": (
        "O plano foi alterado por outra estação ao mesmo tempo; tente de novo."
    ),
    "enablement_jobs.plano_nao_encontrado": "Plano não encontrado.",
    "erp_import.tipo_importacao_desconhecido": (
        "Tipo de importação desconhecido: {kind} (use {kinds})."
    ),
    "events.cursor_invalido_use_valor": (
        "Cursor inválido: {text!r} (use o valor 'cursor' do último evento lido)."
    ),
    "events.limite_invalido_use_eventos": "Limite inválido: use de 1 a {max_limit} eventos.",
    "invoices.nota_fiscal_nao_encontrada": "Nota fiscal {invoice_id} não encontrada.",
    "invoices.assinante_nao_tem_mail": (
        "O assinante não tem e-mail cadastrado. Atualize o cadastro no balcão de "
        "atendimento para receber a nota fiscal por e-mail."
    ),
    "invoices.destinatario_nao_assinante_cadastrado": (
        "destinatário {recipient_document} ({recipient_name}) não é assinante cadastrado"
    ),
    "invoices.existe_nfcom_serie_deste": (
        "já existe a NFCom nº {number} série {series} deste emitente com outra chave de "
        "acesso ({other})"
    ),
    "partitions.historico_sessoes_falhou": (
        "Não foi possível manter o histórico de sessões no banco do FreeRADIUS "
        "(radius.database_url): {reason}"
    ),
    "partitions.erro_banco": "erro do banco",
    "payments.conta_nada_alterado": "Esta conta já está {value}: nada foi alterado.",
    "payments.valor_pago_r_menor": (
        "Valor pago (R$ {amount:.2f}) menor que o da conta (R$ {amount2:.2f})."
    ),
    "payments.valor_pago_r_maior": (
        "Valor pago (R$ {amount:.2f}) maior que o valor atualizado da conta (R$ "
        "{total:.2f}): registre o valor da conta e devolva a diferença."
    ),
    "pix_charges.cobranca_pix_nao_encontrada": "Cobrança PIX {txid} não encontrada.",
    "pix_charges.atendimento_outro_assinante": "Este atendimento é de outro assinante.",
    "pix_charges.conta_paga_nao_ha": "A conta {id} já foi paga; não há o que cobrar.",
    "pix_charges.conta_cancelada_nao_ha": "A conta {id} foi cancelada; não há o que cobrar.",
    "pix_refunds.identificador_fim_fim_e2e": (
        "Identificador fim a fim (E2E) inválido: são 32 letras e números."
    ),
    "pix_refunds.pix_nao_encontrado_entre": (
        "PIX {e2eid} não encontrado entre os pagamentos recebidos."
    ),
    "pix_refunds.pix_quitou_conta_pagamento": (
        "Este PIX quitou a conta {receivable_id}; só um pagamento em duplicidade pode ser "
        "devolvido."
    ),
    "quitacao.ano_ainda_nao_terminou": (
        "O ano de {year} ainda não terminou: a declaração anual de quitação se refere a um "
        "ano encerrado ({law}, art. 2º). Escolha {year2} ou um ano anterior."
    ),
    "quitacao.ano_invalido": "Ano inválido: {year}.",
    "quitacao.nenhuma_conta_vencimento_assinante": (
        "Nenhuma conta com vencimento em {year} para este assinante: não há débitos desse "
        "ano a declarar quitados."
    ),
    "quitacao.assinante_nao_tem_mail": (
        "O assinante não tem e-mail cadastrado: imprima a declaração ou atualize o cadastro."
    ),
    "rating.numero_destino_invalido": "Número de destino inválido: {destination!r} ({why}).",
    "rating.ddd_origem_invalido": "DDD de origem inválido: {own_area_code!r}.",
    "rating.numero_destino_vazio": "Número de destino vazio.",
    "rating.numero_destino_invalido_sao": (
        "Número de destino inválido: {destination!r} (só são aceitos dígitos e o sinal +)."
    ),
    "rating.duracao_negativa_s": "Duração negativa: {duration_s} s.",
    "rating.tarifa_negativa": "Tarifa negativa: {price_per_minute}.",
    "receipts.conta_nao_encontrada": "Conta não encontrada.",
    "receipts.conta_ainda_nao_paga": (
        "Esta conta ainda não foi paga: não há comprovante de pagamento."
    ),
    "receipts.pagamento_desta_conta_nao": (
        "O pagamento desta conta não tem valor, data ou forma registrados."
    ),
    "receipts.plano_nao_tem_habilitacao": "Este plano não tem habilitação provisória registrada.",
    "retorno.arquivo_grande_demais_retorno": (
        "Arquivo grande demais para um retorno ({size} bytes)."
    ),
    "retorno.arquivo_nao_encontrado": "Arquivo não encontrado.",
    "retorno.pasta_nao_arquivo": "É uma pasta, não um arquivo.",
    "retorno.nao_possivel_ler_arquivo": "Não foi possível ler o arquivo: {strerror}.",
    "sms_credits.identificador_compra_invalido": "Identificador da compra inválido.",
    "sms_credits.identificador_compra_usado": "Identificador de compra já usado.",
    "sms_credits.plano_nao_permite_envio": "Este plano não permite o envio de SMS.",
    "sms_credits.valor_credito_nao_venda": (
        "Este valor de crédito não está mais à venda. Escolha outro."
    ),
    "sms_credits.compra_creditos_nao_encontrada": "Compra de créditos não encontrada.",
    "sms_credits.compra_nao_aguardando_pagamento": "Esta compra não está aguardando pagamento.",
    "sms_credits.compras_pagamento_confirmado_podem": (
        "Só compras com pagamento confirmado podem ser transferidas."
    ),
    "sms_credits.quantidade_transferida_invalida": "Quantidade transferida inválida.",
    "sms_credits.informe_referencia_transferencia_ate": (
        "Informe a referência da transferência (até 80 caracteres)."
    ),
    "sms_credits.login_pertence_outra_conta": "O login {login!r} já pertence a outra conta SMS.",
    "sms_credits.quantidade_sms_invalida": "Quantidade de SMS inválida.",
    "sms_credits.preco_invalido": "Preço inválido.",
    "sms_credits.valor_credito_nao_encontrado": "Valor de crédito não encontrado.",
    "subscriber_search.busca_assinantes_exclusiva_balcao": (
        "A busca de assinantes é exclusiva do balcão de atendimento."
    ),
    "subscriber_search.cpf_invalido_confira_digitos": "CPF inválido: {typed} (confira os dígitos).",
    "subscriber_search.cnpj_invalido_confira_digitos": (
        "CNPJ inválido: {typed} (confira os dígitos)."
    ),
    "ticket_receipts.assinante_nao_tem_mail": (
        "O assinante não tem e-mail cadastrado: imprima o comprovante ou atualize o cadastro."
    ),
    "tickets.tipo_atendimento_invalido_use": (
        "Tipo de atendimento inválido: {text!r}. Use um de: {ticket_types}."
    ),
    "tickets.contato_corresponde_informe_nome": (
        "Mais de um contato corresponde a {name!r}: {names}. Informe o nome completo."
    ),
    "tickets.acao_historico_invalida": "Ação do histórico inválida.",
    "tickets.contato_nao_encontrado_entre": (
        "Contato não encontrado entre os contatos deste assinante."
    ),
    "tickets.atendimento_nao_encontrado": "Atendimento não encontrado.",
    "tickets.campo_busca_invalido_use": (
        "Campo de busca inválido: {field!r} (use protocolo, descricao ou tipo)."
    ),
    "tickets.escolha_contato_todos_nao": "Escolha um contato ou Todos, não os dois.",
    "tickets.informe_nome_contato": "Informe o nome do contato.",
    "tickets.contato_nao_encontrado_contatos": (
        "Contato {name!r} não encontrado. Contatos deste assinante: {known}."
    ),
    "tickets.descreva_atendimento_descricao_obrigatoria": (
        "Descreva o atendimento: a descrição é obrigatória."
    ),
    "tickets.descricao_muito_longa_maximo": (
        "Descrição muito longa: o máximo é de {max_description} caracteres."
    ),
    "tickets.escreva_observacao_antes_registrar": "Escreva a observação antes de registrar.",
    "tickets.observacao_muito_longa_maximo": (
        "Observação muito longa: o máximo é de {max_description} caracteres."
    ),
    "tickets.informe_numeros_protocolo": "Informe os números do protocolo.",
    "tickets.campo_busca_invalido": "Campo de busca inválido: {field!r}.",
    "tickets.atendimento_encerrado": "O atendimento {protocol} já foi encerrado.",
    "boletos.nenhuma_conta_bancaria": "Nenhuma conta bancária configurada para boletos.",
    "calls.sem_plano_de_voz": "Este assinante não possui plano com terminal de voz.",
    "connections.sem_login_radius": "Este assinante não possui plano com login de acesso (RADIUS).",
    "connections.radacct_inacessivel": "Não foi possível acessar o banco do FreeRADIUS (radacct). Verifique a configuração RADIUS e o servidor e tente de novo; nada foi alterado.",
    "enablement.ja_habilitado": "Este plano já foi habilitado provisoriamente nesta suspensão.",
    "enablement.ja_habilitado_ate": "Este plano já foi habilitado provisoriamente nesta suspensão (até {until:%d/%m/%Y às %H:%M}).",
    "enablement.suspenso_outro_motivo": "Plano suspenso por outro motivo: procure o setor responsável",
    "enablement.nao_suspenso": "Este plano não está suspenso por falta de pagamento.",
    "enablement.cancelado": "Este plano está cancelado.",
    "enablement.intervalo_minimo": "A última habilitação provisória deste plano foi em {last:%d/%m/%Y}; o intervalo mínimo é de {interval} dias, nova habilitação só a partir de {next_at:%d/%m/%Y às %H:%M}.",
    "quitacao.declaracao_recusada": "Não é possível emitir a declaração de quitação de {year}: {parts}. Depois do pagamento, a declaração pode ser emitida.",
}
