"""Error catalog: files other engineers are editing this session (tests/test_error_catalog.py
PENDING); their raise sites will use these codes when the lead converts them."""

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
    "cards.outra_estacao_cancelando_pagamento": (
        "Outra estação está cancelando este pagamento agora. Aguarde e consulte de novo."
    ),
    "cards.pagamento_cartao_nao_encontrado": "Pagamento com cartão {reference!r} não encontrado.",
    "cards.pagamento_cartao_nao_encontrado_2": "Pagamento com cartão não encontrado.",
    "cards.pagamento_negado_cielo_nao": (
        "Este pagamento foi negado pela Cielo: não há o que cancelar."
    ),
    "sms_credits.identificador_compra_invalido": "Identificador da compra inválido.",
    "sms_credits.compra_creditos_nao_encontrada": "Compra de créditos não encontrada.",
    "sms_credits.quantidade_transferida_invalida": "Quantidade transferida inválida.",
    "sms_credits.informe_referencia_transferencia_ate": (
        "Informe a referência da transferência (até 80 caracteres)."
    ),
    "sms_credits.quantidade_sms_invalida": "Quantidade de SMS inválida.",
    "sms_credits.preco_invalido": "Preço inválido.",
    "sms_credits.plano_nao_permite_envio": "Este plano não permite o envio de SMS.",
    "sms_credits.valor_credito_nao_venda": (
        "Este valor de crédito não está mais à venda. Escolha outro."
    ),
    "sms_credits.compra_nao_aguardando_pagamento": "Esta compra não está aguardando pagamento.",
    "sms_credits.compras_pagamento_confirmado_podem": (
        "Só compras com pagamento confirmado podem ser transferidas."
    ),
    "sms_credits.identificador_compra_usado": "Identificador de compra já usado.",
    "sms_credits.compra_registrada": "Esta compra já foi registrada.",
    "sms_credits.valor_credito_nao_encontrado": "Valor de crédito não encontrado.",
    "db.banco_dados_nao_suportado": "Banco de dados não suportado: use SQLite ou PostgreSQL.",
    "db.endereco_banco_dados_invalido": "Endereço de banco de dados inválido: {url!r}.",
    "db.banco_dados_atualizado_versao": (
        "Este banco de dados foi atualizado por uma versão mais nova da Central do "
        "Assinante (revisão {current}). Atualize o programa nesta estação."
    ),
    "auth.usuario_ou_senha_incorretos": "Usuário ou senha incorretos.",
    "auth.quiosque_cpf_ou_senha_incorretos": (
        "CPF/CNPJ ou senha incorretos. Após {attempts} tentativas erradas o acesso fica "
        "bloqueado por {minutes} minutos."
    ),
    "auth.acesso_bloqueado_ate": "Acesso bloqueado por excesso de tentativas até {until:%H:%M}. Tente depois ou procure um administrador.",
    "cards.ja_cancelado": "Este pagamento já foi cancelado; nada foi feito.",
    "cards.ja_cancelado_em": "Este pagamento já foi cancelado em {voided_at:%d/%m/%Y %H:%M}; nada foi feito.",
    "cards.cancelamento_em_andamento": "O cancelamento deste pagamento já está em andamento (pedido enviado às {since:%H:%M:%S}). Aguarde; nada foi reenviado.",
    "db.banco_inacessivel": "Não foi possível acessar o banco de dados. Verifique a rede ou o servidor e tente de novo; nada foi alterado.",
}
