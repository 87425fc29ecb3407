<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="pt_BR">
<context>
    <name>App</name>
    <message>
        <source>Central do Assinante</source>
        <translation>Subscriber Centre</translation>
    </message>
    <message>
        <source>Erro inesperado</source>
        <translation>Unexpected error</translation>
    </message>
</context>
<context>
    <name>AuditLog</name>
    <message>
        <source>Assinante (quiosque)</source>
        <translation>Subscriber (kiosk)</translation>
    </message>
    <message>
        <source>sim</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>não</source>
        <translation>no</translation>
    </message>
    <message>
        <source>Data/hora</source>
        <translation>Date/time</translation>
    </message>
    <message>
        <source>Usuário</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Perfil</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Estação</source>
        <translation>Station</translation>
    </message>
    <message>
        <source>Ação</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Objeto</source>
        <translation>Object</translation>
    </message>
    <message>
        <source>Detalhes</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Auditoria</source>
        <translation>Audit</translation>
    </message>
    <message>
        <source>Mais recentes primeiro; role a lista para ver as anteriores.</source>
        <translation>Newest first; scroll the list to see older entries.</translation>
    </message>
    <message>
        <source>Atualizar</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Registro de auditoria</source>
        <translation>Audit log</translation>
    </message>
</context>
<context>
    <name>Backoffice</name>
    <message>
        <source>Painel de Configurações</source>
        <translation>Settings Panel</translation>
    </message>
    <message>
        <source>Auditoria</source>
        <translation>Audit</translation>
    </message>
    <message>
        <source>Pagamentos a confirmar</source>
        <translation>Payments to confirm</translation>
    </message>
    <message>
        <source>Arquivos de retorno</source>
        <translation>Bank return files</translation>
    </message>
    <message>
        <source>Créditos a transferir</source>
        <translation>Credits to transfer</translation>
    </message>
</context>
<context>
    <name>BoletosTab</name>
    <message>
        <source>Fora do prazo: pagar no balcão</source>
        <translation>Past the limit: pay at the counter</translation>
    </message>
    <message>
        <source>Vencido há 1 dia</source>
        <translation>Overdue by 1 day</translation>
    </message>
    <message>
        <source>Vencido há %n dias</source>
        <translation>Overdue by %n days</translation>
    </message>
    <message>
        <source>valor atualizado %1 (informativo)</source>
        <translation>updated amount %1 (for information)</translation>
    </message>
    <message>
        <source>A vencer</source>
        <translation>Not yet due</translation>
    </message>
    <message>
        <source>O prazo para pagar terminou em %1. Procure o balcão de atendimento.</source>
        <translation>The payment deadline ended on %1. Please go to the service counter.</translation>
    </message>
    <message>
        <source>Multa %1 + juros %2 até hoje. O boleto sai como registrado no banco;</source>
        <translation>Fine %1 + interest %2 up to today. The bill prints as registered at the bank;</translation>
    </message>
    <message>
        <source>os encargos são cobrados no pagamento. Pagável até %1.</source>
        <translation>the charges are collected on payment. Payable until %1.</translation>
    </message>
    <message>
        <source>Vencimento</source>
        <translation>Due date</translation>
    </message>
    <message>
        <source>Descrição</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Valor</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Situação</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Imprimir</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>Imprimir o boleto selecionado</source>
        <translation>Print the selected bill</translation>
    </message>
    <message>
        <source>Salvar PDF…</source>
        <translation>Save PDF…</translation>
    </message>
    <message>
        <source>Gravar o boleto selecionado em PDF</source>
        <translation>Save the selected bill as PDF</translation>
    </message>
    <message>
        <source>Imprimir todos</source>
        <translation>Print all</translation>
    </message>
    <message>
        <source>Imprimir todos os boletos em aberto, de uma vez</source>
        <translation>Print all open bills at once</translation>
    </message>
    <message>
        <source>Contas em aberto</source>
        <translation>Open bills</translation>
    </message>
    <message>
        <source>Linha digitável</source>
        <translation>Typeable line</translation>
    </message>
    <message>
        <source>Nenhuma conta em aberto para reimprimir.</source>
        <translation>No open bill to reprint.</translation>
    </message>
    <message>
        <source>Boleto — %1</source>
        <translation>Bill — %1</translation>
    </message>
    <message>
        <source>Boletos em aberto — %1</source>
        <translation>Open bills — %1</translation>
    </message>
    <message>
        <source>Boleto enviado para a impressora %1.</source>
        <translation>Bill sent to printer %1.</translation>
    </message>
    <message>
        <source>%n boletos enviados para a impressora %1.</source>
        <translation>%n bills sent to printer %1.</translation>
    </message>
    <message>
        <source>Salvar boleto em PDF</source>
        <translation>Save bill as PDF</translation>
    </message>
    <message>
        <source>Boleto salvo em %1.</source>
        <translation>Bill saved to %1.</translation>
    </message>
    <message>
        <source>Linha digitável do seu boleto (para pagar pelo aplicativo do banco):</source>
        <translation>Your bill&apos;s typeable line (to pay in your bank&apos;s app):</translation>
    </message>
    <message>
        <source>Linhas digitáveis dos seus boletos (vencimento, valor, linha):</source>
        <translation>Your bills&apos; typeable lines (due date, amount, line):</translation>
    </message>
    <message>
        <source>Linha digitável (para ler ao assinante):</source>
        <translation>Typeable line (to read to the subscriber):</translation>
    </message>
    <message>
        <source>Linhas digitáveis (vencimento, valor, linha):</source>
        <translation>Typeable lines (due date, amount, line):</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>CallsTab</name>
    <message>
        <source>Data/hora</source>
        <translation>Date/time</translation>
    </message>
    <message>
        <source>Terminal</source>
        <translation>Terminal</translation>
    </message>
    <message>
        <source>Número discado</source>
        <translation>Dialled number</translation>
    </message>
    <message>
        <source>Tipo</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Duração</source>
        <translation>Duration</translation>
    </message>
    <message>
        <source>Tarifado</source>
        <translation>Billed</translation>
    </message>
    <message>
        <source>Tempo cobrado: mínimo de 30 s, depois a cada 6 s</source>
        <translation>Billed time: 30 s minimum, then every 6 s</translation>
    </message>
    <message>
        <source>Valor</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Todos</source>
        <translation>All</translation>
    </message>
    <message>
        <source>Todas</source>
        <translation>All</translation>
    </message>
    <message>
        <source>Tipo de terminação</source>
        <translation>Termination type</translation>
    </message>
    <message>
        <source>Ver</source>
        <translation type="vanished">View</translation>
    </message>
    <message>
        <source>Mostrar as ligações do período (Enter)</source>
        <translation>Show the calls of the period (Enter)</translation>
    </message>
    <message>
        <source>Imprimir</source>
        <translation type="vanished">Print</translation>
    </message>
    <message>
        <source>Imprimir o extrato na impressora desta estação</source>
        <translation>Print the statement on this station&apos;s printer</translation>
    </message>
    <message>
        <source>Período</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Ligações do período</source>
        <translation>Calls in the period</translation>
    </message>
    <message>
        <source>Nenhuma ligação no período com estes filtros.</source>
        <translation>No call in the period with these filters.</translation>
    </message>
    <message>
        <source>Extrato de ligações — %1</source>
        <translation>Call statement — %1</translation>
    </message>
    <message>
        <source>Gratuita</source>
        <translation>Toll-free</translation>
    </message>
    <message>
        <source>Internacional</source>
        <translation>International</translation>
    </message>
    <message>
        <source>Ligações</source>
        <translation>Calls</translation>
    </message>
    <message>
        <source>Local fixo</source>
        <translation>Local landline</translation>
    </message>
    <message>
        <source>Local móvel (VC1)</source>
        <translation>Local mobile (VC1)</translation>
    </message>
    <message>
        <source>Longa distância fixo</source>
        <translation>Long-distance landline</translation>
    </message>
    <message>
        <source>Longa distância móvel</source>
        <translation>Long-distance mobile</translation>
    </message>
    <message>
        <source>Totais do período</source>
        <translation>Totals for the period</translation>
    </message>
    <message>
        <source>Minutos tarifados</source>
        <translation>Billed minutes</translation>
    </message>
    <message>
        <source>Serviço especial</source>
        <translation>Special service</translation>
    </message>
    <message>
        <source>Tipo de ligação</source>
        <translation type="vanished">Call type</translation>
    </message>
</context>
<context>
    <name>CardsTab</name>
    <message>
        <source>Autorizado</source>
        <translation>Authorized</translation>
    </message>
    <message>
        <source>Pago</source>
        <translation>Paid</translation>
    </message>
    <message>
        <source>Cancelamento pendente</source>
        <translation>Cancellation pending</translation>
    </message>
    <message>
        <source>Cancelado</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Cancelamento por telefone</source>
        <translation>Cancellation by phone</translation>
    </message>
    <message>
        <source>Negado</source>
        <translation>Denied</translation>
    </message>
    <message>
        <source>mesma conta paga duas vezes</source>
        <translation>same bill paid twice</translation>
    </message>
    <message>
        <source>mesmo valor em menos de 10 minutos</source>
        <translation>same amount within 10 minutes</translation>
    </message>
    <message>
        <source>À vista</source>
        <translation>Single payment</translation>
    </message>
    <message>
        <source>Possível pagamento em duplicidade: %1.</source>
        <translation>Possible duplicate payment: %1.</translation>
    </message>
    <message>
        <source>Pagamento anterior: %1, %2.</source>
        <translation>Earlier payment: %1, %2.</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Valor</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Bandeira</source>
        <translation>Brand</translation>
    </message>
    <message>
        <source>Final</source>
        <translation>Last digits</translation>
    </message>
    <message>
        <source>Parcelas</source>
        <translation>Instalments</translation>
    </message>
    <message>
        <source>TID / PaymentId</source>
        <translation>TID / PaymentId</translation>
    </message>
    <message>
        <source>Situação</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Duplicado</source>
        <translation>Duplicate</translation>
    </message>
    <message>
        <source>Sim</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>Cancelamento pelo telefone</source>
        <translation>Cancellation by phone</translation>
    </message>
    <message>
        <source>Pagamentos com cartão</source>
        <translation>Card payments</translation>
    </message>
    <message>
        <source>Linhas em amarelo: possível pagamento em duplicidade.</source>
        <translation>Rows in yellow: possible duplicate payment.</translation>
    </message>
    <message>
        <source>Cancelar pagamento</source>
        <translation>Cancel payment</translation>
    </message>
    <message>
        <source>Cancelamento: perfil financeiro</source>
        <translation>Cancellation: finance role</translation>
    </message>
    <message>
        <source>Nenhum pagamento com cartão para este assinante.</source>
        <translation>No card payment for this subscriber.</translation>
    </message>
    <message>
        <source>Selecionado: %1 em %2, %3 final %4 — TID %5, PaymentId %6.</source>
        <translation>Selected: %1 on %2, %3 ending in %4 — TID %5, PaymentId %6.</translation>
    </message>
    <message>
        <source>O cancelamento deste pagamento já foi pedido por telefone: siga o procedimento da Cielo (4002-5472); não é preciso pedir de novo.</source>
        <translation>Cancellation of this payment has already been requested by phone: follow Cielo&apos;s procedure (4002-5472); there is no need to request it again.</translation>
    </message>
    <message>
        <source>Cancelar este pagamento na Cielo?</source>
        <translation>Cancel this payment at Cielo?</translation>
    </message>
    <message>
        <source>Valor: %1</source>
        <translation>Amount: %1</translation>
    </message>
    <message>
        <source>Cartão: %1 final %2</source>
        <translation>Card: %1 ending in %2</translation>
    </message>
    <message>
        <source>PaymentId: %1</source>
        <translation>PaymentId: %1</translation>
    </message>
    <message>
        <source>O valor será estornado ao cliente.</source>
        <translation>The amount will be refunded to the customer.</translation>
    </message>
</context>
<context>
    <name>Charts</name>
    <message>
        <source>Gráfico de tráfego por dia</source>
        <translation>Daily traffic chart</translation>
    </message>
    <message>
        <source>%1 dias; download %2, upload %3</source>
        <translation>%1 days; download %2, upload %3</translation>
    </message>
    <message>
        <source>Download: %1</source>
        <translation>Download: %1</translation>
    </message>
    <message>
        <source>Upload: %1</source>
        <translation>Upload: %1</translation>
    </message>
    <message>
        <source>Nenhum tráfego no período.</source>
        <translation>No traffic in the period.</translation>
    </message>
    <message>
        <source>Tráfego por dia</source>
        <translation>Traffic per day</translation>
    </message>
    <message>
        <source>Download (recebido)</source>
        <translation>Download (received)</translation>
    </message>
    <message>
        <source>Upload (enviado)</source>
        <translation>Upload (sent)</translation>
    </message>
</context>
<context>
    <name>ConnectionsTab</name>
    <message>
        <source>em andamento</source>
        <translation>ongoing</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Login</translation>
    </message>
    <message>
        <source>Início</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Fim</source>
        <translation>End</translation>
    </message>
    <message>
        <source>Duração</source>
        <translation>Duration</translation>
    </message>
    <message>
        <source>IPv4</source>
        <translation>IPv4</translation>
    </message>
    <message>
        <source>Prefixo IPv6</source>
        <translation>IPv6 prefix</translation>
    </message>
    <message>
        <source>MAC</source>
        <translation>MAC</translation>
    </message>
    <message>
        <source>NAS</source>
        <translation>NAS</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>Download</translation>
    </message>
    <message>
        <source>%1 bytes recebidos</source>
        <translation>%1 bytes received</translation>
    </message>
    <message>
        <source>Upload</source>
        <translation>Upload</translation>
    </message>
    <message>
        <source>%1 bytes enviados</source>
        <translation>%1 bytes sent</translation>
    </message>
    <message>
        <source>Causa</source>
        <translation>Cause</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Ver</source>
        <translation type="vanished">View</translation>
    </message>
    <message>
        <source>Mostrar as conexões do período (Enter)</source>
        <translation>Show the connections of the period (Enter)</translation>
    </message>
    <message>
        <source>Imprimir</source>
        <translation type="vanished">Print</translation>
    </message>
    <message>
        <source>Imprimir o extrato na impressora desta estação</source>
        <translation>Print the statement on this station&apos;s printer</translation>
    </message>
    <message>
        <source>Todos</source>
        <translation>All</translation>
    </message>
    <message>
        <source>Período:</source>
        <translation>Period:</translation>
    </message>
    <message>
        <source>Login:</source>
        <translation>Login:</translation>
    </message>
    <message>
        <source>Escolha o período e clique em Ver.</source>
        <translation>Choose the period and click View.</translation>
    </message>
    <message>
        <source>Sessões de conexão do período</source>
        <translation>Connection sessions in the period</translation>
    </message>
    <message>
        <source>Os registros de conexão são sigilosos (Marco Civil da Internet): cada consulta e cada impressão fica registrada. Escolha o período e clique em Ver.</source>
        <translation>Connection records are confidential (Marco Civil da Internet): every view and every print is logged. Choose the period and click View.</translation>
    </message>
    <message>
        <source>Carregando…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>Gráfico indisponível.</source>
        <translation>Chart unavailable.</translation>
    </message>
    <message>
        <source>Nenhuma conexão no período.</source>
        <translation>No connection in the period.</translation>
    </message>
    <message>
        <source>Extrato de conexões — %1</source>
        <translation>Connection statement — %1</translation>
    </message>
    <message>
        <source>Erro de porta</source>
        <translation>Port error</translation>
    </message>
    <message>
        <source>Erro do usuário</source>
        <translation>User error</translation>
    </message>
    <message>
        <source>Erro no concentrador</source>
        <translation>NAS error</translation>
    </message>
    <message>
        <source>Pedido do concentrador</source>
        <translation>NAS request</translation>
    </message>
    <message>
        <source>Pedido do host</source>
        <translation>Host request</translation>
    </message>
    <message>
        <source>Pedido do usuário</source>
        <translation>User request</translation>
    </message>
    <message>
        <source>Perda de portadora</source>
        <translation>Lost carrier</translation>
    </message>
    <message>
        <source>Perda de serviço</source>
        <translation>Lost service</translation>
    </message>
    <message>
        <source>Porta desnecessária</source>
        <translation>Port unneeded</translation>
    </message>
    <message>
        <source>Porta preemptada</source>
        <translation>Port preempted</translation>
    </message>
    <message>
        <source>Porta suspensa</source>
        <translation>Port suspended</translation>
    </message>
    <message>
        <source>Reinício do concentrador</source>
        <translation>NAS reboot</translation>
    </message>
    <message>
        <source>Reinício do equipamento</source>
        <translation>Equipment reboot</translation>
    </message>
    <message>
        <source>Reinício pelo provedor</source>
        <translation>Admin reset</translation>
    </message>
    <message>
        <source>Retorno de chamada</source>
        <translation>Callback</translation>
    </message>
    <message>
        <source>Serviço indisponível</source>
        <translation>Service unavailable</translation>
    </message>
    <message>
        <source>Sessões</source>
        <translation>Sessions</translation>
    </message>
    <message>
        <source>Tempo conectado</source>
        <translation>Time connected</translation>
    </message>
    <message>
        <source>Tempo de sessão</source>
        <translation>Session timeout</translation>
    </message>
    <message>
        <source>Tempo ocioso</source>
        <translation>Idle timeout</translation>
    </message>
    <message>
        <source>Totais do período</source>
        <translation>Totals for the period</translation>
    </message>
</context>
<context>
    <name>CreditValues</name>
    <message>
        <source>Preço inválido: use, por exemplo, 90,00.</source>
        <translation>Invalid price: use, for example, 90,00.</translation>
    </message>
    <message>
        <source>Quantidade de SMS inválida: use só números.</source>
        <translation>Invalid SMS quantity: use numbers only.</translation>
    </message>
    <message>
        <source>Valores oferecidos na Compra de Crédito (quantidade de SMS e preço).</source>
        <translation>Values offered in Credit Purchase (SMS quantity and price).</translation>
    </message>
    <message>
        <source>Quantidade</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <source>Preço</source>
        <translation>Price</translation>
    </message>
    <message>
        <source>Preço por SMS</source>
        <translation>Price per SMS</translation>
    </message>
    <message>
        <source>Adicionar</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Salvar alteração</source>
        <translation>Save change</translation>
    </message>
    <message>
        <source>Desativar</source>
        <translation>Deactivate</translation>
    </message>
    <message>
        <source>Quantidade de SMS:</source>
        <translation>SMS quantity:</translation>
    </message>
    <message>
        <source>Preço (R$):</source>
        <translation>Price (R$):</translation>
    </message>
    <message>
        <source>Tirar de venda o valor %1?</source>
        <translation>Take value %1 off sale?</translation>
    </message>
    <message>
        <source>Valores de Crédito</source>
        <translation>Credit Values</translation>
    </message>
    <message>
        <source>Valor salvo: %1.</source>
        <translation>Value saved: %1.</translation>
    </message>
    <message>
        <source>Valor retirado de venda: %1.</source>
        <translation>Value taken off sale: %1.</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>Calendário</source>
        <translation>Calendar</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>dd/mm/aaaa</source>
        <translation>dd/mm/yyyy</translation>
    </message>
    <message>
        <source>Digite a data (dd/mm/aaaa) ou escolha no calendário (Alt+↓)</source>
        <translation>Type the date (dd/mm/yyyy) or pick it in the calendar (Alt+↓)</translation>
    </message>
    <message>
        <source>Abrir calendário</source>
        <translation>Open calendar</translation>
    </message>
    <message>
        <source>Abrir calendário (Alt+↓)</source>
        <translation>Open calendar (Alt+↓)</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>Todos os arquivos (*)</source>
        <translation>All files (*)</translation>
    </message>
</context>
<context>
    <name>EnablementTab</name>
    <message>
        <source>até %1</source>
        <translation>until %1</translation>
    </message>
    <message>
        <source>Sim</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>Não: %1</source>
        <translation>No: %1</translation>
    </message>
    <message>
        <source>Plano habilitado até %1 — protocolo %2</source>
        <translation>Plan re-enabled until %1 — protocol %2</translation>
    </message>
    <message>
        <source>Atenção:</source>
        <translation>Attention:</translation>
    </message>
    <message>
        <source>Contrato</source>
        <translation>Contract</translation>
    </message>
    <message>
        <source>Plano</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>Situação</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Pode habilitar?</source>
        <translation>Can re-enable?</translation>
    </message>
    <message>
        <source>Planos suspensos por falta de pagamento podem ser habilitados por alguns dias, uma vez por suspensão. O motivo aparece quando não for possível.</source>
        <translation>Plans suspended for non-payment can be re-enabled for a few days, once per suspension. The reason is shown when it is not possible.</translation>
    </message>
    <message>
        <source>Planos suspensos</source>
        <translation>Suspended plans</translation>
    </message>
    <message>
        <source>Habilitar</source>
        <translation>Re-enable</translation>
    </message>
    <message>
        <source>Imprimir comprovante</source>
        <translation>Print receipt</translation>
    </message>
    <message>
        <source>Nenhum plano suspenso para este assinante.</source>
        <translation>No suspended plan for this subscriber.</translation>
    </message>
    <message>
        <source>O plano %1 (contrato %2) pode ser habilitado provisoriamente.</source>
        <translation>Plan %1 (contract %2) can be temporarily re-enabled.</translation>
    </message>
    <message>
        <source>Não é possível habilitar: %1</source>
        <translation>Cannot re-enable: %1</translation>
    </message>
    <message>
        <source>Habilitar provisoriamente o plano %1 (contrato %2)?</source>
        <translation>Temporarily re-enable plan %1 (contract %2)?</translation>
    </message>
    <message>
        <source>A habilitação vale %1 dias: até %2 às %3 (horário de Brasília).</source>
        <translation>The enablement lasts %1 days: until %2 at %3 (Brasília time).</translation>
    </message>
    <message>
        <source>O acesso volta em instantes. Se o débito não for pago até lá, o plano é suspenso de novo automaticamente.</source>
        <translation>Access comes back in a moment. If the debt is not paid by then, the plan is suspended again automatically.</translation>
    </message>
    <message>
        <source>O acesso volta em instantes. Se o débito não for pago até o fim do prazo, o plano é suspenso de novo automaticamente.</source>
        <translation type="vanished">Access comes back in a moment. If the debt is not paid by the end of the period, the plan is suspended again automatically.</translation>
    </message>
    <message>
        <source>Habilitação Provisória</source>
        <translation>Temporary Re-enable</translation>
    </message>
    <message>
        <source>Comprovante de habilitação provisória</source>
        <translation>Temporary re-enable receipt</translation>
    </message>
    <message>
        <source>Comprovante enviado para a impressora %1.</source>
        <translation>Receipt sent to printer %1.</translation>
    </message>
</context>
<context>
    <name>FinancialDetail</name>
    <message>
        <source>pago em duplicidade: a devolver</source>
        <translation>paid twice: to be refunded</translation>
    </message>
    <message>
        <source>Detalhe da conta %1</source>
        <translation>Bill %1 detail</translation>
    </message>
    <message>
        <source>Pagamentos</source>
        <translation>Payments</translation>
    </message>
    <message>
        <source>Ocorrências do banco (arquivos de retorno)</source>
        <translation>Bank occurrences (return files)</translation>
    </message>
    <message>
        <source>Nenhum pagamento nem ocorrência do banco para esta conta.</source>
        <translation>No payment and no bank occurrence for this bill.</translation>
    </message>
</context>
<context>
    <name>FinancialTab</name>
    <message>
        <source>Vencimento</source>
        <translation>Due date</translation>
    </message>
    <message>
        <source>Descrição</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Valor</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Situação</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Pago em</source>
        <translation>Paid on</translation>
    </message>
    <message>
        <source>Valor pago</source>
        <translation>Amount paid</translation>
    </message>
    <message>
        <source>Forma</source>
        <translation>Method</translation>
    </message>
    <message>
        <source>Multa</source>
        <translation>Fine</translation>
    </message>
    <message>
        <source>Juros</source>
        <translation>Interest</translation>
    </message>
    <message>
        <source>Valor atualizado</source>
        <translation>Updated amount</translation>
    </message>
    <message>
        <source>Valor com multa e juros até hoje</source>
        <translation>Amount with fine and interest up to today</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Mostrar os lançamentos com estes filtros (Enter)</source>
        <translation>Show the entries matching these filters (Enter)</translation>
    </message>
    <message>
        <source>Consultar</source>
        <translation type="vanished">Search</translation>
    </message>
    <message>
        <source>Consultar (Enter)</source>
        <translation type="vanished">Search (Enter)</translation>
    </message>
    <message>
        <source>Imprimir</source>
        <translation type="vanished">Print</translation>
    </message>
    <message>
        <source>Imprimir o extrato com os filtros da tela</source>
        <translation>Print the statement with the filters on screen</translation>
    </message>
    <message>
        <source>Declaração de quitação</source>
        <translation>Payment declaration</translation>
    </message>
    <message>
        <source>Declaração anual de quitação de débitos (Lei 12.007/2009)</source>
        <translation>Yearly declaration that all bills are paid (Law 12.007/2009)</translation>
    </message>
    <message>
        <source>Situação:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Vencimento:</source>
        <translation>Due date:</translation>
    </message>
    <message>
        <source>Extrato financeiro — %1</source>
        <translation>Financial statement — %1</translation>
    </message>
    <message>
        <source>Período de vencimento:</source>
        <translation type="vanished">Due date period:</translation>
    </message>
    <message>
        <source>Lançamentos do extrato financeiro</source>
        <translation>Financial statement entries</translation>
    </message>
    <message>
        <source>Nenhum lançamento encontrado com estes filtros.</source>
        <translation>No entry found with these filters.</translation>
    </message>
    <message>
        <source>Baixados</source>
        <translation>Paid</translation>
    </message>
    <message>
        <source>Cancelados</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Em aberto</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Multa + juros</source>
        <translation>Fine + interest</translation>
    </message>
    <message>
        <source>Quantidade</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <source>Todos</source>
        <translation>All</translation>
    </message>
</context>
<context>
    <name>Formatting</name>
    <message>
        <source>Ativo</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Suspenso por débito</source>
        <translation>Suspended for debt</translation>
    </message>
    <message>
        <source>Suspenso</source>
        <translation>Suspended</translation>
    </message>
    <message>
        <source>Habilitado provisoriamente</source>
        <translation>Temporarily re-enabled</translation>
    </message>
    <message>
        <source>Cancelado</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Vencido há 1 dia</source>
        <translation>Overdue by 1 day</translation>
    </message>
    <message>
        <source>Vencido há %n dias</source>
        <translation>Overdue by %n days</translation>
    </message>
    <message>
        <source>Em aberto</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Baixado</source>
        <translation>Paid</translation>
    </message>
    <message>
        <source>Baixados</source>
        <translation>Paid</translation>
    </message>
    <message>
        <source>Cancelados</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Boleto</source>
        <translation>Boleto</translation>
    </message>
    <message>
        <source>PIX</source>
        <translation>PIX</translation>
    </message>
    <message>
        <source>Cartão</source>
        <translation>Card</translation>
    </message>
    <message>
        <source>Dinheiro</source>
        <translation>Cash</translation>
    </message>
    <message>
        <source>Atendente</source>
        <translation>Attendant</translation>
    </message>
    <message>
        <source>Financeiro</source>
        <translation>Finance</translation>
    </message>
    <message>
        <source>Suporte</source>
        <translation>Support</translation>
    </message>
    <message>
        <source>Administrador</source>
        <translation>Administrator</translation>
    </message>
</context>
<context>
    <name>InvoicesTab</name>
    <message>
        <source>Autorizada</source>
        <translation>Authorized</translation>
    </message>
    <message>
        <source>Cancelada</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source> — sem valor fiscal (homologação)</source>
        <translation> — no fiscal value (test environment)</translation>
    </message>
    <message>
        <source>NFCom (62)</source>
        <translation>NFCom (62)</translation>
    </message>
    <message>
        <source>Número</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Série</source>
        <translation>Series</translation>
    </message>
    <message>
        <source>Modelo</source>
        <translation>Model</translation>
    </message>
    <message>
        <source>Emissão</source>
        <translation>Issued</translation>
    </message>
    <message>
        <source>Valor</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Situação</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Chave de acesso: %1</source>
        <translation>Access key: %1</translation>
    </message>
    <message>
        <source>Visualizar</source>
        <translation>View</translation>
    </message>
    <message>
        <source>Mostrar o DANFE-COM da nota selecionada</source>
        <translation>Show the DANFE-COM of the selected invoice</translation>
    </message>
    <message>
        <source>Enviar XML por e-mail</source>
        <translation>E-mail the XML</translation>
    </message>
    <message>
        <source>Enviar o XML da nota ao e-mail cadastrado</source>
        <translation>Send the invoice XML to the subscriber&apos;s registered e-mail</translation>
    </message>
    <message>
        <source>Salvar XML…</source>
        <translation>Save XML…</translation>
    </message>
    <message>
        <source>Gravar o XML autorizado da nota em um arquivo</source>
        <translation>Save the authorized invoice XML to a file</translation>
    </message>
    <message>
        <source>Imprimir</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>Imprimir o DANFE-COM na impressora desta estação</source>
        <translation>Print the DANFE-COM on this station&apos;s printer</translation>
    </message>
    <message>
        <source>Notas fiscais do assinante</source>
        <translation>Subscriber&apos;s invoices</translation>
    </message>
    <message>
        <source>Nenhuma nota fiscal emitida para este assinante.</source>
        <translation>No invoice issued to this subscriber.</translation>
    </message>
    <message>
        <source>XML da nota enviado para %1.</source>
        <translation>Invoice XML sent to %1.</translation>
    </message>
    <message>
        <source>Salvar XML da nota fiscal</source>
        <translation>Save invoice XML</translation>
    </message>
    <message>
        <source>XML (*.xml)</source>
        <translation>XML (*.xml)</translation>
    </message>
    <message>
        <source>XML salvo em %1.</source>
        <translation>XML saved to %1.</translation>
    </message>
</context>
<context>
    <name>Kiosk</name>
    <message>
        <source>Central do Assinante</source>
        <translation>Subscriber Centre</translation>
    </message>
    <message>
        <source>Extratos, segunda via de boleto, notas fiscais e atendimentos, sem fila.</source>
        <translation>Statements, bill copies, invoices and support tickets, with no queue.</translation>
    </message>
    <message>
        <source>Toque para começar</source>
        <translation>Touch to start</translation>
    </message>
    <message>
        <source>Tenha em mãos seu CPF ou CNPJ e a senha do autoatendimento. Sem senha? Peça no balcão.</source>
        <translation>Have your CPF or CNPJ and your self-service password at hand. No password? Ask at the counter.</translation>
    </message>
    <message>
        <source>Entre na sua conta</source>
        <translation>Log in to your account</translation>
    </message>
    <message>
        <source>Digite seu CPF ou CNPJ e a senha do autoatendimento.</source>
        <translation>Type your CPF or CNPJ and your self-service password.</translation>
    </message>
    <message>
        <source>CPF ou CNPJ</source>
        <translation>CPF or CNPJ</translation>
    </message>
    <message>
        <source>Senha</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Verificando…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>Voltar</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Entrar</source>
        <translation>Log in</translation>
    </message>
    <message>
        <source>Confira o CPF ou CNPJ digitado.</source>
        <translation>Please check the CPF or CNPJ you typed.</translation>
    </message>
    <message>
        <source>Digite a sua senha.</source>
        <translation>Type your password.</translation>
    </message>
    <message>
        <source>CPF</source>
        <translation>CPF</translation>
    </message>
    <message>
        <source>CNPJ</source>
        <translation>CNPJ</translation>
    </message>
    <message>
        <source>Protocolo deste atendimento</source>
        <translation>Protocol of this session</translation>
    </message>
    <message>
        <source>Olá, %1! O que você deseja fazer?</source>
        <translation>Hello, %1! What would you like to do?</translation>
    </message>
    <message>
        <source>Sair</source>
        <translation>Log out</translation>
    </message>
    <message>
        <source>Segunda via de boleto: você não tem boletos em aberto para reimprimir.</source>
        <translation>Bill copy: you have no open bills to reprint.</translation>
    </message>
    <message>
        <source>Notas fiscais: ainda não há nota fiscal emitida para você.</source>
        <translation>Invoices: no invoice has been issued to you yet.</translation>
    </message>
    <message>
        <source>Central do Assinante — Autoatendimento</source>
        <translation>Subscriber Centre — Self-service</translation>
    </message>
    <message>
        <source>Alto contraste</source>
        <translation>High contrast</translation>
    </message>
    <message>
        <source>Alto contraste e letras grandes</source>
        <translation>High contrast and large letters</translation>
    </message>
</context>
<context>
    <name>KioskAdminExit</name>
    <message>
        <source>Encerrar o quiosque</source>
        <translation>Close the kiosk</translation>
    </message>
    <message>
        <source>Somente um administrador do balcão pode fechar este quiosque.</source>
        <translation>Only a counter administrator can close this kiosk.</translation>
    </message>
    <message>
        <source>Login do administrador</source>
        <translation>Administrator login</translation>
    </message>
    <message>
        <source>Senha</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Cancelar</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Encerrar</source>
        <translation>Close kiosk</translation>
    </message>
    <message>
        <source>Informe o login e a senha do administrador.</source>
        <translation>Enter the administrator&apos;s login and password.</translation>
    </message>
</context>
<context>
    <name>KioskIdle</name>
    <message>
        <source>Você ainda está aí?</source>
        <translation>Are you still there?</translation>
    </message>
    <message>
        <source>Toque na tela para continuar</source>
        <translation>Touch the screen to continue</translation>
    </message>
    <message>
        <source>Continuar</source>
        <translation>Continue</translation>
    </message>
    <message>
        <source>Continuar usando o quiosque</source>
        <translation>Keep using the kiosk</translation>
    </message>
    <message>
        <source>Por segurança, a sessão será encerrada em %n segundos.</source>
        <translation>For your security, the session will end in %n seconds.</translation>
    </message>
    <message>
        <source>Por segurança, a sessão será encerrada em 1 segundo.</source>
        <translation>For your security, the session will end in 1 second.</translation>
    </message>
</context>
<context>
    <name>KioskKeypad</name>
    <message>
        <source>Limpar</source>
        <translation>Clear</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Letras</source>
        <translation>Letters</translation>
    </message>
    <message>
        <source>Apagar</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Maiúsculas</source>
        <translation>Shift</translation>
    </message>
    <message>
        <source>Números</source>
        <translation>Numbers</translation>
    </message>
</context>
<context>
    <name>ListTab</name>
    <message>
        <source>Ver</source>
        <translation>View</translation>
    </message>
    <message>
        <source>Imprimir</source>
        <translation>Print</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Central do Assinante — Entrar</source>
        <translation>Subscriber Centre — Log in</translation>
    </message>
    <message>
        <source>Central do Assinante</source>
        <translation>Subscriber Centre</translation>
    </message>
    <message>
        <source>Atendimento no balcão</source>
        <translation>Counter service</translation>
    </message>
    <message>
        <source>seu login</source>
        <translation>your login</translation>
    </message>
    <message>
        <source>Usuário</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Senha</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>&amp;Usuário:</source>
        <translation>&amp;User:</translation>
    </message>
    <message>
        <source>&amp;Senha:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>Verificando…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>Entrar</source>
        <translation>Log in</translation>
    </message>
    <message>
        <source>Fechar</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Estação: %1</source>
        <translation>Station: %1</translation>
    </message>
    <message>
        <source>Informe o usuário.</source>
        <translation>Enter the user name.</translation>
    </message>
    <message>
        <source>Informe a senha.</source>
        <translation>Enter the password.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Central do Assinante — Balcão</source>
        <translation>Subscriber Centre — Counter</translation>
    </message>
    <message>
        <source>Nome, CPF/CNPJ, contrato, login ou telefone do assinante</source>
        <translation>Subscriber&apos;s name, CPF/CNPJ, contract, login or phone</translation>
    </message>
    <message>
        <source>Buscar assinante</source>
        <translation>Find subscriber</translation>
    </message>
    <message>
        <source>&amp;Buscar assinante:</source>
        <translation>&amp;Find subscriber:</translation>
    </message>
    <message>
        <source>Busca</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>&amp;Atendimento</source>
        <translation>&amp;Service</translation>
    </message>
    <message>
        <source>&amp;Buscar assinante</source>
        <translation>&amp;Find subscriber</translation>
    </message>
    <message>
        <source>&amp;Fechar assinante</source>
        <translation>&amp;Close subscriber</translation>
    </message>
    <message>
        <source>&amp;Encerrar sessão (trocar usuário)</source>
        <translation>&amp;Log out (switch user)</translation>
    </message>
    <message>
        <source>&amp;Retaguarda</source>
        <translation>&amp;Back office</translation>
    </message>
    <message>
        <source>Usuário: %1   ·   Perfil: %2   ·   Estação: %3</source>
        <translation>User: %1   ·   Role: %2   ·   Station: %3</translation>
    </message>
    <message>
        <source>Assinante</source>
        <translation>Subscriber</translation>
    </message>
    <message>
        <source>Encerrar sessão</source>
        <translation>Log out</translation>
    </message>
    <message>
        <source>Encerrar a sessão? Os assinantes abertos serão fechados.</source>
        <translation>Log out? The open subscribers will be closed.</translation>
    </message>
    <message>
        <source>Fechar a Central do Assinante</source>
        <translation>Close the Subscriber Centre</translation>
    </message>
    <message>
        <source>Fechar o programa? Os assinantes abertos serão fechados.</source>
        <translation>Close the program? The open subscribers will be closed.</translation>
    </message>
</context>
<context>
    <name>PixPayment</name>
    <message>
        <source>Pagar com PIX</source>
        <translation>Pay with PIX</translation>
    </message>
    <message>
        <source>Gerar o QR Code PIX da conta selecionada</source>
        <translation>Make the PIX QR code of the selected bill</translation>
    </message>
    <message>
        <source>PIX indisponível</source>
        <translation>PIX unavailable</translation>
    </message>
    <message>
        <source>Selecione uma conta em aberto para pagar com PIX.</source>
        <translation>Select an open bill to pay with PIX.</translation>
    </message>
    <message>
        <source>QR Code do PIX</source>
        <translation>PIX QR code</translation>
    </message>
    <message>
        <source>vencimento %1</source>
        <translation>due %1</translation>
    </message>
    <message>
        <source>Voltar à lista</source>
        <translation>Back to the list</translation>
    </message>
    <message>
        <source>Fechar</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Gerando o PIX…</source>
        <translation>Making the PIX charge…</translation>
    </message>
    <message>
        <source>Aguardando pagamento…</source>
        <translation>Waiting for the payment…</translation>
    </message>
    <message>
        <source>Abra o app do seu banco, escolha Pagar com PIX e aponte a câmera para o QR Code.</source>
        <translation>Open your bank&apos;s app, choose Pay with PIX and point the camera at the QR code.</translation>
    </message>
    <message>
        <source>PIX copia e cola:</source>
        <translation>PIX copy and paste:</translation>
    </message>
    <message>
        <source>Copiar</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>Você pode pagar pelo boleto: imprima a segunda via abaixo.</source>
        <translation>You can pay by bank bill instead: print it below.</translation>
    </message>
    <message>
        <source>Imprimir boleto</source>
        <translation>Print bill</translation>
    </message>
    <message>
        <source>Tentar o PIX de novo</source>
        <translation>Try PIX again</translation>
    </message>
    <message>
        <source>Valor %1 + multa %2 + juros %3 (atualizado até hoje)</source>
        <translation>Amount %1 + fine %2 + interest %3 (updated to today)</translation>
    </message>
    <message>
        <source>Valor da conta</source>
        <translation>Bill amount</translation>
    </message>
    <message>
        <source>Este PIX expirou sem pagamento.</source>
        <translation>This PIX charge expired unpaid.</translation>
    </message>
    <message>
        <source>Prazo do PIX encerrado; conferindo o pagamento…</source>
        <translation>The PIX charge has expired; checking for a payment…</translation>
    </message>
    <message>
        <source>Expira em %1</source>
        <translation>Expires in %1</translation>
    </message>
    <message>
        <source>Pagamento confirmado — seu acesso foi liberado</source>
        <translation>Payment confirmed — your access is back</translation>
    </message>
    <message>
        <source>Pagamento confirmado</source>
        <translation>Payment confirmed</translation>
    </message>
    <message>
        <source>%1 pagos em %2</source>
        <translation>%1 paid on %2</translation>
    </message>
    <message>
        <source>Protocolo %1</source>
        <translation>Protocol %1</translation>
    </message>
    <message>
        <source>Imprimindo o comprovante…</source>
        <translation>Printing the receipt…</translation>
    </message>
    <message>
        <source>Retire o seu comprovante na impressora do quiosque.</source>
        <translation>Pick up your receipt at the kiosk&apos;s printer.</translation>
    </message>
    <message>
        <source>Comprovante enviado para a impressora %1.</source>
        <translation>Receipt sent to printer %1.</translation>
    </message>
    <message>
        <source>O comprovante não foi impresso.</source>
        <translation>The receipt was not printed.</translation>
    </message>
    <message>
        <source>Código PIX copiado.</source>
        <translation>PIX code copied.</translation>
    </message>
    <message>
        <source>Retire o seu boleto na impressora do quiosque. Linha digitável: %2</source>
        <translation>Pick up your bill at the kiosk&apos;s printer. Typeable line: %2</translation>
    </message>
    <message>
        <source>Boleto enviado para a impressora %1. Linha digitável: %2</source>
        <translation>Bill sent to printer %1. Typeable line: %2</translation>
    </message>
    <message>
        <source>O boleto não foi impresso.</source>
        <translation>The bill was not printed.</translation>
    </message>
    <message>
        <source>O pagamento por PIX não está configurado nesta loja: pague pelo boleto.</source>
        <translation>Payment by PIX is not set up in this store: pay by bank bill.</translation>
    </message>
</context>
<context>
    <name>Queues</name>
    <message>
        <source>Compra</source>
        <translation>Purchase</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Assinante</source>
        <translation>Subscriber</translation>
    </message>
    <message>
        <source>Contrato</source>
        <translation>Contract</translation>
    </message>
    <message>
        <source>Quantidade</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <source>Valor</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Comprado por</source>
        <translation>Bought by</translation>
    </message>
    <message>
        <source>Situação</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Pagamento confirmado</source>
        <translation>Payment confirmed</translation>
    </message>
    <message>
        <source>Nenhuma compra nesta fila.</source>
        <translation>No purchase in this queue.</translation>
    </message>
    <message>
        <source>Atualizar</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Confirmar pagamento</source>
        <translation>Confirm payment</translation>
    </message>
    <message>
        <source>Confirmar o pagamento da compra #%1?</source>
        <translation>Confirm the payment of purchase #%1?</translation>
    </message>
    <message>
        <source>%1 SMS por %2, contrato %3. A conta da compra será baixada.</source>
        <translation>%1 SMS for %2, contract %3. The purchase bill will be settled.</translation>
    </message>
    <message>
        <source>Pagamento da compra #%1 confirmado: ela foi para a fila Créditos a transferir.</source>
        <translation>Payment of purchase #%1 confirmed: it moved to the Credits to transfer queue.</translation>
    </message>
    <message>
        <source>Nova conta SMS</source>
        <translation>New SMS account</translation>
    </message>
    <message>
        <source>Esta senha não será mostrada de novo. Imprima o comprovante agora e entregue-o ao cliente; depois de fechar esta janela só é possível gerar uma senha nova.</source>
        <translation>This password will not be shown again. Print the slip now and hand it to the customer; once this window is closed, only a new password can be generated.</translation>
    </message>
    <message>
        <source>Contrato:</source>
        <translation>Contract:</translation>
    </message>
    <message>
        <source>Login:</source>
        <translation>Login:</translation>
    </message>
    <message>
        <source>Senha:</source>
        <translation>Password:</translation>
    </message>
    <message>
        <source>Saldo:</source>
        <translation>Balance:</translation>
    </message>
    <message>
        <source>Imprimir comprovante</source>
        <translation>Print receipt</translation>
    </message>
    <message>
        <source>Fechar</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Comprovante de conta SMS</source>
        <translation>SMS account slip</translation>
    </message>
    <message>
        <source>Referência da transferência no SMS Digital</source>
        <translation>Transfer reference at SMS Digital</translation>
    </message>
    <message>
        <source>Registrar transferência</source>
        <translation>Record transfer</translation>
    </message>
    <message>
        <source>Quantidade:</source>
        <translation>Quantity:</translation>
    </message>
    <message>
        <source>Referência:</source>
        <translation>Reference:</translation>
    </message>
    <message>
        <source>Informe a quantidade transferida (só números).</source>
        <translation>Enter the quantity transferred (numbers only).</translation>
    </message>
    <message>
        <source>Informe a referência da transferência.</source>
        <translation>Enter the transfer reference.</translation>
    </message>
    <message>
        <source>Créditos da compra #%1 transferidos: saldo da conta %2 = %3 SMS.</source>
        <translation>Credits of purchase #%1 transferred: balance of account %2 = %3 SMS.</translation>
    </message>
    <message>
        <source>Créditos a transferir</source>
        <translation>Credits to transfer</translation>
    </message>
</context>
<context>
    <name>QuitacaoDialog</name>
    <message>
        <source>Declaração anual de quitação de débitos</source>
        <translation>Yearly declaration of paid bills</translation>
    </message>
    <message>
        <source>A declaração confirma que todas as contas com vencimento no ano escolhido foram pagas (Lei 12.007/2009). Ela substitui os comprovantes mensais desse ano e dos anteriores.</source>
        <translation>The declaration confirms that every bill due in the chosen year was paid (Law 12.007/2009). It replaces the monthly receipts of that year and of the previous years.</translation>
    </message>
    <message>
        <source>Ano</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>Ano:</source>
        <translation>Year:</translation>
    </message>
    <message>
        <source>Visualizar</source>
        <translation>View</translation>
    </message>
    <message>
        <source>Imprimir</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>Enviar por e-mail</source>
        <translation>Send by e-mail</translation>
    </message>
    <message>
        <source>Enviar ao e-mail cadastrado do assinante</source>
        <translation>Send to the subscriber&apos;s registered e-mail</translation>
    </message>
    <message>
        <source>Fechar</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Declaração de quitação %1 — %2</source>
        <translation>Payment declaration %1 — %2</translation>
    </message>
    <message>
        <source>Declaração enviada para a impressora %1.</source>
        <translation>Declaration sent to printer %1.</translation>
    </message>
    <message>
        <source>Declaração de %1 enviada para %2.</source>
        <translation>Declaration for %1 sent to %2.</translation>
    </message>
</context>
<context>
    <name>Retorno</name>
    <message>
        <source>a baixar</source>
        <translation>to settle</translation>
    </message>
    <message>
        <source>baixado</source>
        <translation>settled</translation>
    </message>
    <message>
        <source>já baixado</source>
        <translation>already settled</translation>
    </message>
    <message>
        <source>a registrar</source>
        <translation>to record</translation>
    </message>
    <message>
        <source>registrado</source>
        <translation>recorded</translation>
    </message>
    <message>
        <source>não encontrado</source>
        <translation>not found</translation>
    </message>
    <message>
        <source>recusado</source>
        <translation>rejected</translation>
    </message>
    <message>
        <source>Arquivos de retorno</source>
        <translation>Bank return files</translation>
    </message>
    <message>
        <source>Escolher arquivos…</source>
        <translation>Choose files…</translation>
    </message>
    <message>
        <source>Aplicar</source>
        <translation>Apply</translation>
    </message>
    <message>
        <source>Nenhum arquivo escolhido.</source>
        <translation>No file chosen.</translation>
    </message>
    <message>
        <source>Não encontrados e linhas com problema</source>
        <translation>Not found and damaged lines</translation>
    </message>
    <message>
        <source>Arquivos de retorno do banco</source>
        <translation>The bank&apos;s return files</translation>
    </message>
    <message>
        <source>sem boleto cadastrado para este nosso número</source>
        <translation>no boleto registered with this nosso número</translation>
    </message>
    <message>
        <source>Simulação (nada gravado)</source>
        <translation>Simulation (nothing saved)</translation>
    </message>
    <message>
        <source>Aplicado</source>
        <translation>Applied</translation>
    </message>
    <message>
        <source>Baixados: %1 · Valor: %2 · Tarifas: %3 · Não encontrados: %4</source>
        <translation>Settled: %1 · Amount: %2 · Fees: %3 · Not found: %4</translation>
    </message>
    <message>
        <source>Arquivo</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Conta</source>
        <translation>Bill</translation>
    </message>
    <message>
        <source>Crédito</source>
        <translation>Credited</translation>
    </message>
    <message>
        <source>Juros</source>
        <translation>Interest</translation>
    </message>
    <message>
        <source>Linha</source>
        <translation>Line</translation>
    </message>
    <message>
        <source>Nosso número</source>
        <translation>Nosso número</translation>
    </message>
    <message>
        <source>O que houve</source>
        <translation>What happened</translation>
    </message>
    <message>
        <source>Ocorrência</source>
        <translation>Occurrence</translation>
    </message>
    <message>
        <source>Pago</source>
        <translation>Paid</translation>
    </message>
    <message>
        <source>Pago em</source>
        <translation>Paid on</translation>
    </message>
    <message>
        <source>Resultado</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Retornos CNAB (*.ret *.RET *.txt *.TXT *.cnab *.CNAB);;Todos os arquivos (*)</source>
        <translation>CNAB return files (*.ret *.RET *.txt *.TXT *.cnab *.CNAB);;All files (*)</translation>
    </message>
    <message>
        <source>Tarifa</source>
        <translation>Fee</translation>
    </message>
    <message>
        <source>Valor</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Vencimento</source>
        <translation>Due date</translation>
    </message>
</context>
<context>
    <name>Search</name>
    <message>
        <source>sem contrato</source>
        <translation>no contract</translation>
    </message>
    <message>
        <source>Nome</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>CPF/CNPJ</source>
        <translation>CPF/CNPJ</translation>
    </message>
    <message>
        <source>Contratos</source>
        <translation>Contracts</translation>
    </message>
    <message>
        <source>Assinantes encontrados</source>
        <translation>Subscribers found</translation>
    </message>
    <message>
        <source>Digite o nome, CPF/CNPJ, número do contrato, login ou telefone do assinante (Ctrl+F volta para a busca).</source>
        <translation>Type the subscriber&apos;s name, CPF/CNPJ, contract number, login or phone (Ctrl+F goes back to the search).</translation>
    </message>
    <message>
        <source>Nenhum assinante encontrado para “%1”.</source>
        <translation>No subscriber found for “%1”.</translation>
    </message>
    <message>
        <source>1 assinante encontrado.</source>
        <translation>1 subscriber found.</translation>
    </message>
    <message>
        <source>%1 assinantes encontrados.</source>
        <translation>%1 subscribers found.</translation>
    </message>
    <message>
        <source>Enter ou clique duplo abre o assinante.</source>
        <translation>Enter or double-click opens the subscriber.</translation>
    </message>
    <message>
        <source>Mais de %1 assinantes: role a lista para ver mais ou refine a busca.</source>
        <translation>More than %1 subscribers: scroll the list to see more or refine the search.</translation>
    </message>
</context>
<context>
    <name>SettingGroups</name>
    <message>
        <source>Cielo</source>
        <translation>Cielo</translation>
    </message>
    <message>
        <source>Cobrança</source>
        <translation>Billing</translation>
    </message>
    <message>
        <source>Dados da empresa</source>
        <translation>Company details</translation>
    </message>
    <message>
        <source>E-mail (SMTP)</source>
        <translation>E-mail (SMTP)</translation>
    </message>
    <message>
        <source>Habilitação Provisória</source>
        <translation>Temporary Re-enable</translation>
    </message>
    <message>
        <source>Interface</source>
        <translation>Interface</translation>
    </message>
    <message>
        <source>Nota fiscal</source>
        <translation>Invoice</translation>
    </message>
    <message>
        <source>PIX</source>
        <translation>PIX</translation>
    </message>
    <message>
        <source>Quiosque</source>
        <translation>Kiosk</translation>
    </message>
    <message>
        <source>RADIUS</source>
        <translation>RADIUS</translation>
    </message>
    <message>
        <source>Tarifas de telefonia</source>
        <translation>Telephony tariffs</translation>
    </message>
</context>
<context>
    <name>SettingsPanel</name>
    <message>
        <source>(inalterado)</source>
        <translation>(unchanged)</translation>
    </message>
    <message>
        <source>(vazio)</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <source>Painel de Configurações</source>
        <translation>Settings Panel</translation>
    </message>
    <message>
        <source>Seções</source>
        <translation>Sections</translation>
    </message>
    <message>
        <source>Salvar alterações</source>
        <translation>Save changes</translation>
    </message>
    <message>
        <source>Descartar alterações</source>
        <translation>Discard changes</translation>
    </message>
    <message>
        <source>Valores de Crédito</source>
        <translation>Credit Values</translation>
    </message>
    <message>
        <source>Nenhuma alteração para salvar.</source>
        <translation>No changes to save.</translation>
    </message>
    <message>
        <source>%1 alteração(ões) salva(s); %2 recusada(s): corrija o que está em vermelho.</source>
        <translation>%1 change(s) saved; %2 refused: correct what is shown in red.</translation>
    </message>
    <message>
        <source>Nada foi salvo: corrija o que está em vermelho.</source>
        <translation>Nothing was saved: correct what is shown in red.</translation>
    </message>
    <message>
        <source>%1 alteração(ões) salva(s).</source>
        <translation>%1 change(s) saved.</translation>
    </message>
    <message>
        <source>Há alterações não salvas (%1). Fechar assim mesmo?</source>
        <translation>There are unsaved changes (%1). Close anyway?</translation>
    </message>
</context>
<context>
    <name>SmsCreditsTab</name>
    <message>
        <source>Aguardando pagamento</source>
        <translation>Awaiting payment</translation>
    </message>
    <message>
        <source>Pago, a transferir</source>
        <translation>Paid, to transfer</translation>
    </message>
    <message>
        <source>Créditos transferidos</source>
        <translation>Credits transferred</translation>
    </message>
    <message>
        <source>Cancelada</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>quiosque</source>
        <translation>kiosk</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Contrato</source>
        <translation>Contract</translation>
    </message>
    <message>
        <source>Quantidade</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <source>Valor</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Situação</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Pagamento confirmado</source>
        <translation>Payment confirmed</translation>
    </message>
    <message>
        <source>Transferência</source>
        <translation>Transfer</translation>
    </message>
    <message>
        <source>Referência: %1</source>
        <translation>Reference: %1</translation>
    </message>
    <message>
        <source>Plano</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>Valor de crédito</source>
        <translation>Credit value</translation>
    </message>
    <message>
        <source>Comprar</source>
        <translation>Buy</translation>
    </message>
    <message>
        <source>Nova compra</source>
        <translation>New purchase</translation>
    </message>
    <message>
        <source>Começar outra compra (mesmo plano e valor)</source>
        <translation>Start another purchase (same plan and value)</translation>
    </message>
    <message>
        <source>Plano:</source>
        <translation>Plan:</translation>
    </message>
    <message>
        <source>Valor de crédito:</source>
        <translation>Credit value:</translation>
    </message>
    <message>
        <source>Compras de crédito</source>
        <translation>Credit purchases</translation>
    </message>
    <message>
        <source>Imprimir boleto</source>
        <translation>Print bill</translation>
    </message>
    <message>
        <source>Compras deste assinante</source>
        <translation>This subscriber&apos;s purchases</translation>
    </message>
    <message>
        <source>Este assinante não tem plano que envie SMS.</source>
        <translation>This subscriber has no plan that sends SMS.</translation>
    </message>
    <message>
        <source>Nenhum valor de crédito à venda (Painel de Configurações).</source>
        <translation>No credit value on sale (Settings Panel).</translation>
    </message>
    <message>
        <source>Conta SMS: ainda não criada. Ela é criada, com login e senha, quando os primeiros créditos forem transferidos.</source>
        <translation>SMS account: not created yet. It is created, with a login and password, when the first credits are transferred.</translation>
    </message>
    <message>
        <source>Conta SMS do contrato %1: login %2 — saldo %3 SMS</source>
        <translation>SMS account of contract %1: login %2 — balance %3 SMS</translation>
    </message>
    <message>
        <source>Comprar %1 SMS por %2 para %3?</source>
        <translation>Buy %1 SMS for %2 for %3?</translation>
    </message>
    <message>
        <source>Será gerado um boleto com vencimento em %1 dias; os créditos são liberados depois da confirmação do pagamento.</source>
        <translation>A bill due in %1 days will be issued; the credits are released once the payment is confirmed.</translation>
    </message>
    <message>
        <source>Confirmar compra de crédito</source>
        <translation>Confirm credit purchase</translation>
    </message>
    <message>
        <source>Esta compra já está registrada (nada foi comprado de novo): %1 SMS por %2 (contrato %3), em %4. Ela está selecionada na lista abaixo.</source>
        <translation>This purchase is already recorded (nothing was bought again): %1 SMS for %2 (contract %3), on %4. It is selected in the list below.</translation>
    </message>
    <message>
        <source>Compra registrada: %1 SMS por %2 (contrato %3).</source>
        <translation>Purchase recorded: %1 SMS for %2 (contract %3).</translation>
    </message>
    <message>
        <source>Os créditos são liberados depois da confirmação do pagamento. Imprima o boleto abaixo.</source>
        <translation>The credits are released once the payment is confirmed. Print the bill below.</translation>
    </message>
    <message>
        <source>Compra de Crédito</source>
        <translation>Credit Purchase</translation>
    </message>
    <message>
        <source>Boleto — créditos SMS</source>
        <translation>Bill — SMS credits</translation>
    </message>
</context>
<context>
    <name>Tabs</name>
    <message>
        <source>Este menu chega em uma próxima versão da Central do Assinante.</source>
        <translation>This menu comes in a future version of the Subscriber Centre.</translation>
    </message>
    <message>
        <source>Atendimentos</source>
        <translation>Support Tickets</translation>
    </message>
    <message>
        <source>Cartão de Crédito</source>
        <translation>Credit Card</translation>
    </message>
    <message>
        <source>Compra de Crédito</source>
        <translation>Credit Purchase</translation>
    </message>
    <message>
        <source>Extrato Financeiro</source>
        <translation>Financial Statement</translation>
    </message>
    <message>
        <source>Extrato de Conexões</source>
        <translation>Connection Statement</translation>
    </message>
    <message>
        <source>Extrato de Ligação</source>
        <translation>Call Statement</translation>
    </message>
    <message>
        <source>Habilitação Provisória</source>
        <translation>Temporary Re-enable</translation>
    </message>
    <message>
        <source>Nota Fiscal</source>
        <translation>Invoices</translation>
    </message>
    <message>
        <source>Segunda via Boleto</source>
        <translation>Bill Copy</translation>
    </message>
</context>
<context>
    <name>TabsCommon</name>
    <message>
        <source>Salvar PDF…</source>
        <translation>Save PDF…</translation>
    </message>
    <message>
        <source>Guardar o documento que não foi impresso</source>
        <translation>Keep the document that was not printed</translation>
    </message>
    <message>
        <source>Enviado para a impressora %1.</source>
        <translation>Sent to printer %1.</translation>
    </message>
    <message>
        <source>O documento não foi impresso.</source>
        <translation>The document was not printed.</translation>
    </message>
    <message>
        <source>Pronto! Seu documento está sendo impresso: retire-o na impressora do quiosque.</source>
        <translation>Done! Your document is being printed: pick it up at the kiosk&apos;s printer.</translation>
    </message>
    <message>
        <source>Não foi possível imprimir agora. Procure um atendente no balcão: ele imprime o seu documento.</source>
        <translation>Printing is not possible right now. Please ask an attendant at the counter: they will print your document.</translation>
    </message>
    <message>
        <source>Salvar PDF</source>
        <translation>Save PDF</translation>
    </message>
    <message>
        <source>PDF salvo em %1.</source>
        <translation>PDF saved to %1.</translation>
    </message>
    <message>
        <source>Fechar</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>TicketDialogs</name>
    <message>
        <source>Novo atendimento</source>
        <translation>New ticket</translation>
    </message>
    <message>
        <source>O que o assinante pediu ou relatou</source>
        <translation>What the subscriber asked for or reported</translation>
    </message>
    <message>
        <source>Nenhum (o próprio assinante)</source>
        <translation>None (the subscriber)</translation>
    </message>
    <message>
        <source>&amp;Tipo:</source>
        <translation>&amp;Type:</translation>
    </message>
    <message>
        <source>&amp;Descrição:</source>
        <translation>&amp;Description:</translation>
    </message>
    <message>
        <source>&amp;Contato:</source>
        <translation>&amp;Contact:</translation>
    </message>
    <message>
        <source>Abrir atendimento</source>
        <translation>Open ticket</translation>
    </message>
    <message>
        <source>Cancelar</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Descreva o atendimento: a descrição é obrigatória.</source>
        <translation>Describe the ticket: the description is required.</translation>
    </message>
    <message>
        <source>Atendimento aberto</source>
        <translation>Ticket opened</translation>
    </message>
    <message>
        <source>Número do protocolo</source>
        <translation>Protocol number</translation>
    </message>
    <message>
        <source>Data e hora</source>
        <translation>Date and time</translation>
    </message>
    <message>
        <source>Por</source>
        <translation>By</translation>
    </message>
    <message>
        <source>Registro</source>
        <translation>Entry</translation>
    </message>
    <message>
        <source>Texto</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Descrição</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Observação para o histórico</source>
        <translation>Note for the history</translation>
    </message>
    <message>
        <source>Observação</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Registrar observação</source>
        <translation>Add note</translation>
    </message>
    <message>
        <source>Encerrar atendimento</source>
        <translation>Close ticket</translation>
    </message>
    <message>
        <source>Atendimento %1</source>
        <translation>Ticket %1</translation>
    </message>
    <message>
        <source>Atendimento encerrado.</source>
        <translation>Ticket closed.</translation>
    </message>
    <message>
        <source>Observação registrada no histórico.</source>
        <translation>Note added to the history.</translation>
    </message>
    <message>
        <source>Escreva a observação antes de registrar.</source>
        <translation>Write the note before adding it.</translation>
    </message>
    <message>
        <source>Protocolo:</source>
        <translation>Protocol:</translation>
    </message>
    <message>
        <source>Abertura:</source>
        <translation>Opened:</translation>
    </message>
    <message>
        <source>Tipo:</source>
        <translation>Type:</translation>
    </message>
    <message>
        <source>Situação:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Canal / estação:</source>
        <translation>Channel / station:</translation>
    </message>
    <message>
        <source>Contatos:</source>
        <translation>Contacts:</translation>
    </message>
    <message>
        <source>Descrição:</source>
        <translation>Description:</translation>
    </message>
    <message>
        <source>Imprimir comprovante</source>
        <translation>Print receipt</translation>
    </message>
    <message>
        <source>Enviar por e-mail</source>
        <translation>Send by e-mail</translation>
    </message>
    <message>
        <source>Fechar</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Histórico</source>
        <translation>History</translation>
    </message>
</context>
<context>
    <name>TicketTypes</name>
    <message>
        <source>Atendimento presencial</source>
        <translation>In-store service</translation>
    </message>
    <message>
        <source>Autoatendimento (quiosque)</source>
        <translation>Self-service (kiosk)</translation>
    </message>
    <message>
        <source>Cancelamento</source>
        <translation>Cancellation request</translation>
    </message>
    <message>
        <source>Financeiro</source>
        <translation>Billing</translation>
    </message>
    <message>
        <source>Habilitação provisória</source>
        <translation>Temporary re-enable</translation>
    </message>
    <message>
        <source>Informação</source>
        <translation>Information</translation>
    </message>
    <message>
        <source>Mudança de endereço</source>
        <translation>Change of address</translation>
    </message>
    <message>
        <source>Mudança de plano</source>
        <translation>Change of plan</translation>
    </message>
    <message>
        <source>Outros</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>Reclamação</source>
        <translation>Complaint</translation>
    </message>
    <message>
        <source>Segunda via de documento</source>
        <translation>Document copy</translation>
    </message>
    <message>
        <source>Suporte técnico</source>
        <translation>Technical support</translation>
    </message>
</context>
<context>
    <name>TicketsTab</name>
    <message>
        <source>Protocolo</source>
        <translation>Protocol</translation>
    </message>
    <message>
        <source>Abertura</source>
        <translation>Opened</translation>
    </message>
    <message>
        <source>Tipo</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Descrição</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Situação</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Contatos</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>Campo</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Texto a procurar</source>
        <translation>Text to search for</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Todos</source>
        <translation>All</translation>
    </message>
    <message>
        <source>Com contato informado</source>
        <translation>With a contact</translation>
    </message>
    <message>
        <source>Um contato: os atendimentos em que ele é o primeiro contato.</source>
        <translation>One contact: the tickets where they are the first contact.</translation>
    </message>
    <message>
        <source>Ver</source>
        <translation>View</translation>
    </message>
    <message>
        <source>Mostrar os atendimentos com estes filtros (Enter)</source>
        <translation>Show the tickets matching these filters (Enter)</translation>
    </message>
    <message>
        <source>Consultar</source>
        <translation type="vanished">Search</translation>
    </message>
    <message>
        <source>Campo:</source>
        <translation>Field:</translation>
    </message>
    <message>
        <source>Período:</source>
        <translation>Period:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Contatos:</source>
        <translation>Contacts:</translation>
    </message>
    <message>
        <source>Atendimentos do assinante</source>
        <translation>Subscriber&apos;s tickets</translation>
    </message>
    <message>
        <source>Novo atendimento</source>
        <translation>New ticket</translation>
    </message>
    <message>
        <source>Detalhes</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Imprimir comprovante</source>
        <translation>Print receipt</translation>
    </message>
    <message>
        <source>Enviar por e-mail</source>
        <translation>Send by e-mail</translation>
    </message>
    <message>
        <source>Nenhum atendimento encontrado com estes filtros.</source>
        <translation>No ticket found with these filters.</translation>
    </message>
    <message>
        <source>Encerrar o atendimento %1? Depois de encerrado, ele não recebe mais observações.</source>
        <translation>Close ticket %1? Once closed, it takes no more notes.</translation>
    </message>
    <message>
        <source>Encerrar atendimento</source>
        <translation>Close ticket</translation>
    </message>
    <message>
        <source>Atendimento encerrado.</source>
        <translation>Ticket closed.</translation>
    </message>
    <message>
        <source>Comprovante de atendimento</source>
        <translation>Ticket receipt</translation>
    </message>
    <message>
        <source>Comprovante enviado para %1.</source>
        <translation>Receipt sent to %1.</translation>
    </message>
    <message>
        <source>Aberto</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Balcão de atendimento</source>
        <translation>Service counter</translation>
    </message>
    <message>
        <source>Cancelamento</source>
        <translation>Cancellation</translation>
    </message>
    <message>
        <source>Compra</source>
        <translation>Purchase</translation>
    </message>
    <message>
        <source>Comprovante impresso</source>
        <translation>Receipt printed</translation>
    </message>
    <message>
        <source>Comprovante por e-mail</source>
        <translation>Receipt by e-mail</translation>
    </message>
    <message>
        <source>Em andamento</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>Encerrado</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>Encerramento</source>
        <translation>Closing</translation>
    </message>
    <message>
        <source>Extrato</source>
        <translation>Statement</translation>
    </message>
    <message>
        <source>Fim da habilitação provisória</source>
        <translation>End of temporary re-enable</translation>
    </message>
    <message>
        <source>Habilitação provisória</source>
        <translation>Temporary re-enable</translation>
    </message>
    <message>
        <source>Nota fiscal</source>
        <translation>Invoice</translation>
    </message>
    <message>
        <source>Observação</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Quiosque de autoatendimento</source>
        <translation>Self-service kiosk</translation>
    </message>
    <message>
        <source>Rede (RADIUS)</source>
        <translation>Network (RADIUS)</translation>
    </message>
    <message>
        <source>Retaguarda</source>
        <translation>Back office</translation>
    </message>
    <message>
        <source>Retaguarda (linha de comando)</source>
        <translation>Back office (command line)</translation>
    </message>
    <message>
        <source>Segunda via de boleto</source>
        <translation>Bill copy</translation>
    </message>
    <message>
        <source>descricao</source>
        <translation>descricao</translation>
    </message>
    <message>
        <source>protocolo</source>
        <translation>protocolo</translation>
    </message>
    <message>
        <source>tipo</source>
        <translation>tipo</translation>
    </message>
</context>
<context>
    <name>Widgets</name>
    <message>
        <source>Data inicial</source>
        <translation>Start date</translation>
    </message>
    <message>
        <source>Data final</source>
        <translation>End date</translation>
    </message>
    <message>
        <source>a</source>
        <translation>to</translation>
    </message>
    <message>
        <source>Carregando…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>Títulos das colunas</source>
        <translation>Column headers</translation>
    </message>
</context>
<context>
    <name>Workers</name>
    <message>
        <source>Ocorreu um erro inesperado. A operação não foi concluída; tente de novo e, se persistir, avise o suporte técnico (o erro foi registrado no log).</source>
        <translation>An unexpected error occurred. The operation was not completed; try again and, if it persists, tell technical support (the error was written to the log).</translation>
    </message>
    <message>
        <source>Erro</source>
        <translation>Error</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <source>Tel.: </source>
        <translation>Phone: </translation>
    </message>
    <message>
        <source>Login: </source>
        <translation>Login: </translation>
    </message>
    <message>
        <source>Protocolo do atendimento: </source>
        <translation>Service protocol: </translation>
    </message>
    <message>
        <source>Informe este número ao assinante: ele identifica este atendimento (ANATEL).</source>
        <translation>Give this number to the subscriber: it identifies this service session (ANATEL).</translation>
    </message>
    <message>
        <source>CPF</source>
        <translation>CPF</translation>
    </message>
    <message>
        <source>CNPJ</source>
        <translation>CNPJ</translation>
    </message>
    <message>
        <source>Endereço não cadastrado</source>
        <translation>No address on file</translation>
    </message>
    <message>
        <source>Nenhum contrato</source>
        <translation>No contract</translation>
    </message>
    <message>
        <source>Contrato </source>
        <translation>Contract </translation>
    </message>
</context>
</TS>
