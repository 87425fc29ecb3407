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
        <source>Importações</source>
        <translation>Imports</translation>
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
    <name>BindingCheck</name>
    <message>
        <source>Esta instalação usa o PySide6 {version}, que perde referências do Python ({defects}) e encerraria o programa no meio do trabalho. Reinstale a Central do Assinante pelo instalador oficial ou instale o PySide6 6.11.3 (pip install &apos;PySide6-Essentials==6.11.3&apos;).</source>
        <translation>This installation uses PySide6 {version}, which loses Python references ({defects}) and would end the program in the middle of work. Reinstall Central do Assinante from the official installer or install PySide6 6.11.3 (pip install &apos;PySide6-Essentials==6.11.3&apos;).</translation>
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
    <name>Erros</name>
    <message>
        <source>--print imprime o PDF: use-o com --format pdf (ou sem --format).</source>
        <translation>--print prints the PDF: use it with --format pdf (or without --format).</translation>
    </message>
    <message>
        <source>-o {path}: a pasta {folder} não existe. Crie-a ou escolha outra.</source>
        <translation>-o {path}: the folder {folder} does not exist. Create it or choose another.</translation>
    </message>
    <message>
        <source>-o {path}: é uma pasta; informe o nome do arquivo a gravar.</source>
        <translation>-o {path}: it is a folder; give the name of the file to write.</translation>
    </message>
    <message>
        <source>A Cielo CANCELOU o pagamento.</source>
        <translation>Cielo VOIDED the payment.</translation>
    </message>
    <message>
        <source>A Cielo confirma que o pagamento está CANCELADO.</source>
        <translation>Cielo confirms the payment is VOIDED.</translation>
    </message>
    <message>
        <source>A Cielo não cancelou o pagamento ({reason}).</source>
        <translation>Cielo did not void the payment ({reason}).</translation>
    </message>
    <message>
        <source>A Cielo não respondeu a tempo: o cancelamento pode ter sido feito.</source>
        <translation>Cielo did not answer in time: the void may have been made.</translation>
    </message>
    <message>
        <source>A busca de assinantes é exclusiva do balcão de atendimento.</source>
        <translation>Subscriber search is only available at the service counter.</translation>
    </message>
    <message>
        <source>A conta {id} foi cancelada; não há boleto a emitir.</source>
        <translation>Bill {id} was cancelled; there is no boleto to issue.</translation>
    </message>
    <message>
        <source>A conta {id} foi cancelada; não há o que cobrar.</source>
        <translation>Bill {id} was cancelled; there is nothing to charge.</translation>
    </message>
    <message>
        <source>A conta {id} já foi paga; não há boleto a emitir.</source>
        <translation>Bill {id} has already been paid; there is no boleto to issue.</translation>
    </message>
    <message>
        <source>A conta {id} já foi paga; não há o que cobrar.</source>
        <translation>Bill {id} has already been paid; there is nothing to charge.</translation>
    </message>
    <message>
        <source>A declaração de quitação sai em --format json ou pdf.</source>
        <translation>The debt discharge declaration comes in --format json or pdf.</translation>
    </message>
    <message>
        <source>A devolução não foi feita; tente de novo mais tarde.</source>
        <translation>The refund was not made; try again later.</translation>
    </message>
    <message>
        <source>A impressora &apos;{name}&apos; está parada{reason}.</source>
        <translation>The printer &apos;{name}&apos; is stopped{reason}.</translation>
    </message>
    <message>
        <source>A impressora &apos;{name}&apos; falhou ao passar de página.</source>
        <translation>The printer &apos;{name}&apos; failed to move to the next page.</translation>
    </message>
    <message>
        <source>A impressora &apos;{name}&apos; não aceitou o trabalho.</source>
        <translation>The printer &apos;{name}&apos; did not accept the job.</translation>
    </message>
    <message>
        <source>A impressora &apos;{name}&apos; não está aceitando trabalhos{reason}.</source>
        <translation>The printer &apos;{name}&apos; is not accepting jobs{reason}.</translation>
    </message>
    <message>
        <source>A impressora &apos;{name}&apos; não pôde ser aberta.</source>
        <translation>The printer &apos;{name}&apos; could not be opened.</translation>
    </message>
    <message>
        <source>A impressora &apos;{name}&apos; não recebeu o documento inteiro.</source>
        <translation>The printer &apos;{name}&apos; did not receive the whole document.</translation>
    </message>
    <message>
        <source>A impressora &apos;{name}&apos; recusou o documento: {detail}</source>
        <translation>The printer &apos;{name}&apos; refused the document: {detail}</translation>
    </message>
    <message>
        <source>A impressora &apos;{printer_name}&apos; está parada ou com erro.</source>
        <translation>The printer &apos;{printer_name}&apos; is stopped or in error.</translation>
    </message>
    <message>
        <source>A impressora &apos;{queue}&apos; parou{reason}; o trabalho {job_id} continua na fila e sai quando ela for liberada.</source>
        <translation>The printer &apos;{queue}&apos; stopped{reason}; job {job_id} stays in the queue and comes out when the printer is released.</translation>
    </message>
    <message>
        <source>A impressora de recibos ({label}) não foi encontrada ou recusou os dados: {detail}. Verifique o cabo e se ela está ligada.</source>
        <translation>The receipt printer ({label}) was not found or refused the data: {detail}. Check the cable and that it is on.</translation>
    </message>
    <message>
        <source>A impressora de recibos ({label}) não pôde ser usada: {detail}. Verifique o cabo, a porta e a velocidade configuradas.</source>
        <translation>The receipt printer ({label}) could not be used: {detail}. Check the cable, the port and the configured speed.</translation>
    </message>
    <message>
        <source>A impressora de recibos ({label}) não respondeu: {detail}. Verifique se ela está ligada e na rede.</source>
        <translation>The receipt printer ({label}) did not answer: {detail}. Check that it is on and on the network.</translation>
    </message>
    <message>
        <source>A impressora de recibos ({label}) recusou o trabalho: {detail}.</source>
        <translation>The receipt printer ({label}) refused the job: {detail}.</translation>
    </message>
    <message>
        <source>A linha digitável só pode ter números, pontos e espaços.</source>
        <translation>The digitable line may only contain numbers, dots and spaces.</translation>
    </message>
    <message>
        <source>A numeração de nosso número desta conta se esgotou (máximo {width}); cadastre um novo convênio.</source>
        <translation>This account&apos;s nosso número range is used up (maximum {width}); register a new agreement.</translation>
    </message>
    <message>
        <source>A opção {name} não se aplica ao extrato de {kind}.</source>
        <translation>The option {name} does not apply to the {kind} statement.</translation>
    </message>
    <message>
        <source>A primeira linha tem {header} posições e não é um header CNAB: um retorno tem linhas de 240 (CNAB 240) ou 400 (CNAB 400) posições.</source>
        <translation>The first line has {header} positions and is not a CNAB header: a return file has lines of 240 (CNAB 240) or 400 (CNAB 400) positions.</translation>
    </message>
    <message>
        <source>A página {index} do documento não pôde ser desenhada.</source>
        <translation>Page {index} of the document could not be drawn.</translation>
    </message>
    <message>
        <source>A sequência do nosso número deve ser positiva.</source>
        <translation>The nosso número sequence must be positive.</translation>
    </message>
    <message>
        <source>A última habilitação provisória deste plano foi em {last:%d/%m/%Y}; o intervalo mínimo é de {interval} dias, nova habilitação só a partir de {next_at:%d/%m/%Y às %H:%M}.</source>
        <translation>This plan&apos;s last temporary re-enable was on {last:%m/%d/%Y}; the minimum interval is {interval} days, so the next one is possible from {next_at:%m/%d/%Y at %H:%M}.</translation>
    </message>
    <message>
        <source>Acesso bloqueado por excesso de tentativas até {until:%H:%M}. Tente depois ou procure um administrador.</source>
        <translation>Access locked after too many attempts until {until:%H:%M}. Try later or ask an administrator.</translation>
    </message>
    <message>
        <source>Acesso negado: estes dados pertencem a outro assinante.</source>
        <translation>Access denied: this data belongs to another subscriber.</translation>
    </message>
    <message>
        <source>Ano inválido: {text!r} (use quatro dígitos, ex.: 2025).</source>
        <translation>Invalid year: {text!r} (use four digits, e.g. 2025).</translation>
    </message>
    <message>
        <source>Ano inválido: {year}.</source>
        <translation>Invalid year: {year}.</translation>
    </message>
    <message>
        <source>Apenas um administrador pode cadastrar usuários.</source>
        <translation>Only an administrator can register users.</translation>
    </message>
    <message>
        <source>Arquivo binário ou corrompido: não é um retorno CNAB.</source>
        <translation>Binary or damaged file: it is not a CNAB return file.</translation>
    </message>
    <message>
        <source>Arquivo em UTF-16: o retorno do banco é texto de 240 ou 400 posições por linha (ASCII); baixe o arquivo original de novo, sem convertê-lo.</source>
        <translation>File in UTF-16: the bank&apos;s return file is text of 240 or 400 positions per line (ASCII); download the original file again, without converting it.</translation>
    </message>
    <message>
        <source>Arquivo grande demais para um retorno ({size} bytes).</source>
        <translation>File too large for a return file ({size} bytes).</translation>
    </message>
    <message>
        <source>Arquivo não encontrado.</source>
        <translation>File not found.</translation>
    </message>
    <message>
        <source>Arquivo não encontrado: {file}.</source>
        <translation>File not found: {file}.</translation>
    </message>
    <message>
        <source>Arquivo vazio: nada a importar.</source>
        <translation>Empty file: nothing to import.</translation>
    </message>
    <message>
        <source>As raízes ICP-Brasil configuradas ({roots_setting} = {location}) não foram encontradas nesta estação.</source>
        <translation>The configured ICP-Brasil roots ({roots_setting} = {location}) were not found on this station.</translation>
    </message>
    <message>
        <source>As senhas não conferem.</source>
        <translation>The passwords do not match.</translation>
    </message>
    <message>
        <source>Assinante não encontrado.</source>
        <translation>Subscriber not found.</translation>
    </message>
    <message>
        <source>Atendimento não encontrado.</source>
        <translation>Ticket not found.</translation>
    </message>
    <message>
        <source>Ação do histórico inválida.</source>
        <translation>Invalid history action.</translation>
    </message>
    <message>
        <source>Banco de dados não suportado: use SQLite ou PostgreSQL.</source>
        <translation>Database not supported: use SQLite or PostgreSQL.</translation>
    </message>
    <message>
        <source>Banco do Brasil: o convênio deve ter 4, 6 ou 7 dígitos.</source>
        <translation>Banco do Brasil: the agreement number must have 4, 6 or 7 digits.</translation>
    </message>
    <message>
        <source>Banco {bank_code} não configurado para emissão de boletos.</source>
        <translation>Bank {bank_code} is not set up for issuing boletos.</translation>
    </message>
    <message>
        <source>CNPJ inválido: {shown}.</source>
        <translation>Invalid CNPJ: {shown}.</translation>
    </message>
    <message>
        <source>CNPJ inválido: {typed} (confira os dígitos).</source>
        <translation>Invalid CNPJ: {typed} (check the digits).</translation>
    </message>
    <message>
        <source>CPF inválido: {shown}.</source>
        <translation>Invalid CPF: {shown}.</translation>
    </message>
    <message>
        <source>CPF inválido: {typed} (confira os dígitos).</source>
        <translation>Invalid CPF: {typed} (check the digits).</translation>
    </message>
    <message>
        <source>CPF ou CNPJ inválido: {shown!r} (informe 11 dígitos de CPF ou 14 caracteres de CNPJ).</source>
        <translation>Invalid CPF or CNPJ: {shown!r} (enter the 11 digits of a CPF or the 14 characters of a CNPJ).</translation>
    </message>
    <message>
        <source>CPF/CNPJ ou senha incorretos. Após {attempts} tentativas erradas o acesso fica bloqueado por {minutes} minutos.</source>
        <translation>Wrong CPF/CNPJ or password. After {attempts} wrong attempts access is locked for {minutes} minutes.</translation>
    </message>
    <message>
        <source>Caixa: o código do beneficiário deve ter até 7 dígitos.</source>
        <translation>Caixa: the beneficiary code must have at most 7 digits.</translation>
    </message>
    <message>
        <source>Campo de busca inválido: {field!r} (use protocolo, descricao ou tipo).</source>
        <translation>Invalid search field: {field!r} (use protocolo, descricao or tipo).</translation>
    </message>
    <message>
        <source>Campo de busca inválido: {field!r}.</source>
        <translation>Invalid search field: {field!r}.</translation>
    </message>
    <message>
        <source>Certificado digital inválido ou senha incorreta.</source>
        <translation>Invalid digital certificate or wrong password.</translation>
    </message>
    <message>
        <source>Certificado ilegível entre as raízes ICP-Brasil: {name}.</source>
        <translation>Unreadable certificate among the ICP-Brasil roots: {name}.</translation>
    </message>
    <message>
        <source>Cobrança PIX {txid} não encontrada.</source>
        <translation>PIX charge {txid} not found.</translation>
    </message>
    <message>
        <source>Compra de créditos não encontrada.</source>
        <translation>Credit purchase not found.</translation>
    </message>
    <message>
        <source>Configuração desconhecida: {key}.</source>
        <translation>Unknown setting: {key}.</translation>
    </message>
    <message>
        <source>Conta a receber não encontrada.</source>
        <translation>Receivable not found.</translation>
    </message>
    <message>
        <source>Conta a receber {receivable_id} não encontrada.</source>
        <translation>Receivable {receivable_id} not found.</translation>
    </message>
    <message>
        <source>Conta não encontrada.</source>
        <translation>Bill not found.</translation>
    </message>
    <message>
        <source>Contato não encontrado entre os contatos deste assinante.</source>
        <translation>Contact not found among this subscriber&apos;s contacts.</translation>
    </message>
    <message>
        <source>Contato {name!r} não encontrado. Contatos deste assinante: {known}.</source>
        <translation>Contact {name!r} not found. This subscriber&apos;s contacts: {known}.</translation>
    </message>
    <message>
        <source>Cursor inválido: {text!r} (use o valor &apos;cursor&apos; do último evento lido).</source>
        <translation>Invalid cursor: {text!r} (use the &apos;cursor&apos; value of the last event read).</translation>
    </message>
    <message>
        <source>Código de barras inválido: o dígito verificador geral não confere.</source>
        <translation>Invalid barcode: the general check digit does not match.</translation>
    </message>
    <message>
        <source>DDD de origem inválido: {own_area_code!r}.</source>
        <translation>Invalid origin area code: {own_area_code!r}.</translation>
    </message>
    <message>
        <source>Dados insuficientes para compor a chave de acesso da NFCom.</source>
        <translation>Not enough data to build the NFCom access key.</translation>
    </message>
    <message>
        <source>Data e hora inválidas na NFCom: {text!r}.</source>
        <translation>Invalid date and time in the NFCom: {text!r}.</translation>
    </message>
    <message>
        <source>Data fora do intervalo aceito: {day:%d/%m/%Y}.</source>
        <translation>Date outside the accepted range: {day:%m/%d/%Y}.</translation>
    </message>
    <message>
        <source>Data inválida (use AAAA-MM-DD): {text!r}.</source>
        <translation>Invalid date (use YYYY-MM-DD): {text!r}.</translation>
    </message>
    <message>
        <source>Descreva o atendimento: a descrição é obrigatória.</source>
        <translation>Describe the ticket: the description is required.</translation>
    </message>
    <message>
        <source>Descrição muito longa: o máximo é de {max_description} caracteres.</source>
        <translation>Description too long: the maximum is {max_description} characters.</translation>
    </message>
    <message>
        <source>Duração negativa: {duration_s} s.</source>
        <translation>Negative duration: {duration_s} s.</translation>
    </message>
    <message>
        <source>Endereço de banco de dados inválido: {url!r}.</source>
        <translation>Invalid database address: {url!r}.</translation>
    </message>
    <message>
        <source>Endereço de e-mail inválido: {to!r}.</source>
        <translation>Invalid e-mail address: {to!r}.</translation>
    </message>
    <message>
        <source>Endereço do banco do FreeRADIUS inválido (radius.database_url).</source>
        <translation>Invalid FreeRADIUS database address (radius.database_url).</translation>
    </message>
    <message>
        <source>Erro ao ler {name}: {strerror}; nada foi importado.</source>
        <translation>Error reading {name}: {strerror}; nothing was imported.</translation>
    </message>
    <message>
        <source>Escolha um contato ou Todos, não os dois.</source>
        <translation>Choose one contact or All, not both.</translation>
    </message>
    <message>
        <source>Escreva a observação antes de registrar.</source>
        <translation>Write the note before recording it.</translation>
    </message>
    <message>
        <source>Esta compra já foi registrada.</source>
        <translation type="vanished">This purchase has already been recorded.</translation>
    </message>
    <message>
        <source>Esta compra não está aguardando pagamento.</source>
        <translation>This purchase is not awaiting payment.</translation>
    </message>
    <message>
        <source>Esta conta ainda não foi paga: não há comprovante de pagamento.</source>
        <translation>This bill has not been paid yet: there is no payment receipt.</translation>
    </message>
    <message>
        <source>Esta conta já está {value}: nada foi alterado.</source>
        <translation>This bill is already {value}: nothing was changed.</translation>
    </message>
    <message>
        <source>Esta operação só pode ser feita no balcão de atendimento.</source>
        <translation>This operation can only be done at the service counter.</translation>
    </message>
    <message>
        <source>Este PIX quitou a conta {receivable_id}; só um pagamento em duplicidade pode ser devolvido.</source>
        <translation>This PIX paid bill {receivable_id}; only a duplicate payment can be refunded.</translation>
    </message>
    <message>
        <source>Este assinante não possui plano com login de acesso (RADIUS).</source>
        <translation>This subscriber has no plan with an access login (RADIUS).</translation>
    </message>
    <message>
        <source>Este assinante não possui plano com terminal de voz.</source>
        <translation>This subscriber has no plan with a voice terminal.</translation>
    </message>
    <message>
        <source>Este atendimento é de outro assinante.</source>
        <translation>This ticket belongs to another subscriber.</translation>
    </message>
    <message>
        <source>Este banco de dados foi atualizado por uma versão mais nova da Central do Assinante (revisão {current}). Atualize o programa nesta estação.</source>
        <translation>This database was upgraded by a newer version of Central do Assinante (revision {current}). Update the program on this station.</translation>
    </message>
    <message>
        <source>Este pagamento foi negado pela Cielo: não há o que cancelar.</source>
        <translation>This payment was declined by Cielo: there is nothing to cancel.</translation>
    </message>
    <message>
        <source>Este pagamento já foi cancelado em {voided_at:%d/%m/%Y %H:%M}; nada foi feito.</source>
        <translation>This payment was already cancelled on {voided_at:%m/%d/%Y %H:%M}; nothing was done.</translation>
    </message>
    <message>
        <source>Este pagamento já foi cancelado; nada foi feito.</source>
        <translation>This payment has already been cancelled; nothing was done.</translation>
    </message>
    <message>
        <source>Este plano está cancelado.</source>
        <translation>This plan is cancelled.</translation>
    </message>
    <message>
        <source>Este plano já foi habilitado provisoriamente nesta suspensão (até {until:%d/%m/%Y às %H:%M}).</source>
        <translation>This plan has already been temporarily re-enabled during this suspension (until {until:%m/%d/%Y at %H:%M}).</translation>
    </message>
    <message>
        <source>Este plano já foi habilitado provisoriamente nesta suspensão.</source>
        <translation>This plan has already been temporarily re-enabled during this suspension.</translation>
    </message>
    <message>
        <source>Este plano não está suspenso por falta de pagamento.</source>
        <translation>This plan is not suspended for non-payment.</translation>
    </message>
    <message>
        <source>Este plano não permite o envio de SMS.</source>
        <translation>This plan does not allow sending SMS.</translation>
    </message>
    <message>
        <source>Este plano não tem habilitação provisória registrada.</source>
        <translation>This plan has no temporary re-enable recorded.</translation>
    </message>
    <message>
        <source>Este valor de crédito não está mais à venda. Escolha outro.</source>
        <translation>This credit value is no longer on sale. Choose another.</translation>
    </message>
    <message>
        <source>Este é um arquivo de remessa (enviado ao banco), não de retorno.</source>
        <translation>This is a remittance file (sent to the bank), not a return file.</translation>
    </message>
    <message>
        <source>Fator de vencimento inválido: {value:04d}.</source>
        <translation>Invalid due date factor: {value:04d}.</translation>
    </message>
    <message>
        <source>Identificador da compra inválido.</source>
        <translation>Invalid purchase identifier.</translation>
    </message>
    <message>
        <source>Identificador de compra já usado.</source>
        <translation>Purchase identifier already used.</translation>
    </message>
    <message>
        <source>Identificador fim a fim (E2E) inválido: são 32 letras e números.</source>
        <translation>Invalid end-to-end identifier (E2E): it is 32 letters and digits.</translation>
    </message>
    <message>
        <source>Impressora &apos;{name}&apos; não encontrada.</source>
        <translation>Printer &apos;{name}&apos; not found.</translation>
    </message>
    <message>
        <source>Impressora &apos;{printer_name}&apos; não encontrada.</source>
        <translation>Printer &apos;{printer_name}&apos; not found.</translation>
    </message>
    <message>
        <source>Impressora &apos;{printer_name}&apos; não encontrada. {no_printers}</source>
        <translation>Printer &apos;{printer_name}&apos; not found. {no_printers}</translation>
    </message>
    <message>
        <source>Impressora de recibos inválida ({text!r}): {why}. {help}</source>
        <translation>Invalid receipt printer ({text!r}): {why}. {help}</translation>
    </message>
    <message>
        <source>Informe --text com --field.</source>
        <translation>Give --text with --field.</translation>
    </message>
    <message>
        <source>Informe a referência da transferência (até 80 caracteres).</source>
        <translation>Enter the transfer reference (up to 80 characters).</translation>
    </message>
    <message>
        <source>Informe o ano da declaração: --year AAAA (ex.: --year 2025).</source>
        <translation>Give the declaration&apos;s year: --year YYYY (e.g. --year 2025).</translation>
    </message>
    <message>
        <source>Informe o nome do contato.</source>
        <translation>Enter the contact&apos;s name.</translation>
    </message>
    <message>
        <source>Informe os números do protocolo.</source>
        <translation>Enter the protocol digits.</translation>
    </message>
    <message>
        <source>Itaú: a carteira especial {wallet} não é suportada.</source>
        <translation>Itaú: the special wallet {wallet} is not supported.</translation>
    </message>
    <message>
        <source>Itaú: o dígito da conta informado ({account_dv}) não confere (o calculado é {dac_account}).</source>
        <translation>Itaú: the account check digit given ({account_dv}) does not match (the computed one is {dac_account}).</translation>
    </message>
    <message>
        <source>Já existe um usuário com o login {login!r}.</source>
        <translation>A user with the login {login!r} already exists.</translation>
    </message>
    <message>
        <source>Limite inválido: use de 1 a {max_limit} eventos.</source>
        <translation>Invalid limit: use 1 to {max_limit} events.</translation>
    </message>
    <message>
        <source>Limite inválido: {limit!r}.</source>
        <translation>Invalid limit: {limit!r}.</translation>
    </message>
    <message>
        <source>Linha digitável inválida: o dígito do campo {number} não confere.</source>
        <translation>Invalid digitable line: the check digit of field {number} does not match.</translation>
    </message>
    <message>
        <source>Login inválido: use de 2 a 60 letras minúsculas, números, ponto, hífen ou sublinhado.</source>
        <translation>Invalid login: use 2 to 60 lower-case letters, digits, dot, hyphen or underscore.</translation>
    </message>
    <message>
        <source>Mais de um contato corresponde a {name!r}: {names}. Informe o nome completo.</source>
        <translation>More than one contact matches {name!r}: {names}. Enter the full name.</translation>
    </message>
    <message>
        <source>NFCom de produção (tpAmb=1): as raízes ICP-Brasil não estão configuradas ({roots_setting}); sem elas a assinatura do emitente não pode ser conferida. Peça ao administrador para instalar a cadeia ICP-Brasil publicada pelo ITI.</source>
        <translation>Production NFCom (tpAmb=1): the ICP-Brasil roots are not configured ({roots_setting}); without them the issuer&apos;s signature cannot be checked. Ask the administrator to install the ICP-Brasil chain published by ITI.</translation>
    </message>
    <message>
        <source>NFCom ilegível: {exc}</source>
        <translation>Unreadable NFCom: {exc}</translation>
    </message>
    <message>
        <source>NFCom incompleta: faltam identificação, emitente, destinatário ou totais.</source>
        <translation>Incomplete NFCom: identification, issuer, recipient or totals are missing.</translation>
    </message>
    <message>
        <source>NFCom não autorizada ({status})</source>
        <translation>NFCom not authorized ({status})</translation>
    </message>
    <message>
        <source>NFCom sem assinatura: assine antes de autorizar.</source>
        <translation>NFCom without a signature: sign it before authorizing.</translation>
    </message>
    <message>
        <source>NFCom sem o certificado na assinatura</source>
        <translation>NFCom without the certificate in its signature</translation>
    </message>
    <message>
        <source>NFCom sem o protocolo de autorização: importe o XML autorizado (nfcomProc)</source>
        <translation>NFCom without the authorization protocol: import the authorized XML (nfcomProc)</translation>
    </message>
    <message>
        <source>NFCom: CEP do {who} inválido.</source>
        <translation>NFCom: invalid CEP of the {who}.</translation>
    </message>
    <message>
        <source>NFCom: UF do {who} inválida.</source>
        <translation>NFCom: invalid state (UF) of the {who}.</translation>
    </message>
    <message>
        <source>NFCom: ambiente (tpAmb) deve ser 1 ou 2.</source>
        <translation>NFCom: environment (tpAmb) must be 1 or 2.</translation>
    </message>
    <message>
        <source>NFCom: código IBGE do município do {who} inválido.</source>
        <translation>NFCom: invalid IBGE city code of the {who}.</translation>
    </message>
    <message>
        <source>NFCom: informe de 1 a 990 itens.</source>
        <translation>NFCom: give from 1 to 990 items.</translation>
    </message>
    <message>
        <source>NFCom: inscrição estadual do emitente inválida.</source>
        <translation>NFCom: invalid state registration of the issuer.</translation>
    </message>
    <message>
        <source>NFCom: item {n} com valor ou quantidade inválidos.</source>
        <translation>NFCom: item {n} has an invalid amount or quantity.</translation>
    </message>
    <message>
        <source>NFCom: {what} não informado.</source>
        <translation>NFCom: {what} missing.</translation>
    </message>
    <message>
        <source>Nenhum certificado nas raízes ICP-Brasil configuradas ({roots_setting} = {location}).</source>
        <translation>No certificate in the configured ICP-Brasil roots ({roots_setting} = {location}).</translation>
    </message>
    <message>
        <source>Nenhuma AC raiz (certificado autoassinado) nas raízes ICP-Brasil configuradas ({roots_setting} = {location}).</source>
        <translation>No root CA (self-signed certificate) in the configured ICP-Brasil roots ({roots_setting} = {location}).</translation>
    </message>
    <message>
        <source>Nenhuma conta bancária configurada para boletos.</source>
        <translation>No bank account configured for boletos.</translation>
    </message>
    <message>
        <source>Nenhuma conta com vencimento em {year} para este assinante: não há débitos desse ano a declarar quitados.</source>
        <translation>No bill due in {year} for this subscriber: there are no debts of that year to declare paid.</translation>
    </message>
    <message>
        <source>Nenhuma impressora definida: configure a impressora desta estação ou uma impressora padrão no sistema.</source>
        <translation>No printer defined: set this station&apos;s printer or a default printer in the system.</translation>
    </message>
    <message>
        <source>Nota fiscal {invoice_id} não encontrada.</source>
        <translation>Invoice {invoice_id} not found.</translation>
    </message>
    <message>
        <source>Não foi possível abrir o arquivo do banco de dados (a pasta não existe ou não pode ser acessada); nada foi alterado.</source>
        <translation>Could not open the database file (the folder does not exist or cannot be accessed); nothing was changed.</translation>
    </message>
    <message>
        <source>Não foi possível acessar o banco de dados. Verifique a rede ou o servidor e tente de novo; nada foi alterado.</source>
        <translation>Could not reach the database. Check the network or the server and try again; nothing was changed.</translation>
    </message>
    <message>
        <source>Não foi possível acessar o banco do FreeRADIUS (radacct). Verifique a configuração RADIUS e o servidor e tente de novo; nada foi alterado.</source>
        <translation>Could not reach the FreeRADIUS database (radacct). Check the RADIUS settings and the server and try again; nothing was changed.</translation>
    </message>
    <message>
        <source>Não foi possível acessar o banco do FreeRADIUS (radius.database_url). Verifique a rede ou o servidor.</source>
        <translation>Could not reach the FreeRADIUS database (radius.database_url). Check the network or the server.</translation>
    </message>
    <message>
        <source>Não foi possível chamar &apos;{args}&apos; (CUPS): {exc}.</source>
        <translation>Could not run &apos;{args}&apos; (CUPS): {exc}.</translation>
    </message>
    <message>
        <source>Não foi possível consultar a fila &apos;{queue}&apos;: {out}</source>
        <translation>Could not query the queue &apos;{queue}&apos;: {out}</translation>
    </message>
    <message>
        <source>Não foi possível criar a pasta do banco de dados ({reason}); nada foi alterado.</source>
        <translation>Could not create the database folder ({reason}); nothing was changed.</translation>
    </message>
    <message>
        <source>Não foi possível enviar o e-mail ({name}: {exc}). Tente de novo mais tarde; o comprovante pode ser impresso.</source>
        <translation>Could not send the e-mail ({name}: {exc}). Try again later; the receipt can be printed.</translation>
    </message>
    <message>
        <source>Não foi possível gravar {path}: {reason}.</source>
        <translation>Could not write {path}: {reason}.</translation>
    </message>
    <message>
        <source>Não foi possível ler o arquivo: {strerror}.</source>
        <translation>Could not read the file: {strerror}.</translation>
    </message>
    <message>
        <source>Não foi possível ler {file}: {strerror}.</source>
        <translation>Could not read {file}: {strerror}.</translation>
    </message>
    <message>
        <source>Não foi possível manter o histórico de sessões no banco do FreeRADIUS (radius.database_url): {reason}</source>
        <translation>Could not maintain the session history in the FreeRADIUS database (radius.database_url): {reason}</translation>
    </message>
    <message>
        <source>Não é possível emitir a declaração de quitação de {year}: {parts}. Depois do pagamento, a declaração pode ser emitida.</source>
        <translation>The debt discharge declaration for {year} cannot be issued: {parts}. Once paid, the declaration can be issued.</translation>
    </message>
    <message>
        <source>Não é um arquivo: {file}.</source>
        <translation>Not a file: {file}.</translation>
    </message>
    <message>
        <source>Número de colunas inválido: {columns} (use 16, 18 ou 21).</source>
        <translation>Invalid number of columns: {columns} (use 16, 18 or 21).</translation>
    </message>
    <message>
        <source>Número de conta inválido: {text!r}.</source>
        <translation>Invalid bill number: {text!r}.</translation>
    </message>
    <message>
        <source>Número de destino inválido: {destination!r} (só são aceitos dígitos e o sinal +).</source>
        <translation>Invalid destination number: {destination!r} (only digits and the + sign are accepted).</translation>
    </message>
    <message>
        <source>Número de destino inválido: {destination!r} ({why}).</source>
        <translation>Invalid destination number: {destination!r} ({why}).</translation>
    </message>
    <message>
        <source>Número de destino vazio.</source>
        <translation>Empty destination number.</translation>
    </message>
    <message>
        <source>Número inteiro inválido: {text!r}.</source>
        <translation>Invalid whole number: {text!r}.</translation>
    </message>
    <message>
        <source>O ano de {year} ainda não terminou: a declaração anual de quitação se refere a um ano encerrado ({law}, art. 2º). Escolha {year2} ou um ano anterior.</source>
        <translation>The year {year} has not ended yet: the yearly debt discharge declaration covers a closed year ({law}, art. 2). Choose {year2} or an earlier year.</translation>
    </message>
    <message>
        <source>O arquivo do banco de dados está danificado ou não é um banco da Central do Assinante; nada foi alterado. Restaure a cópia de segurança.</source>
        <translation>The database file is damaged or is not a Subscriber Centre database; nothing was changed. Restore the backup.</translation>
    </message>
    <message>
        <source>O arquivo não é uma NFCom (modelo 62).</source>
        <translation>The file is not an NFCom (model 62).</translation>
    </message>
    <message>
        <source>O assinante não tem e-mail cadastrado. Atualize o cadastro no balcão de atendimento para receber a nota fiscal por e-mail.</source>
        <translation>The subscriber has no e-mail on file. Update the record at the service counter to receive the invoice by e-mail.</translation>
    </message>
    <message>
        <source>O assinante não tem e-mail cadastrado: imprima a declaração ou atualize o cadastro.</source>
        <translation>The subscriber has no e-mail on file: print the declaration or update the record.</translation>
    </message>
    <message>
        <source>O assinante não tem e-mail cadastrado: imprima o comprovante ou atualize o cadastro.</source>
        <translation>The subscriber has no e-mail on file: print the receipt or update the record.</translation>
    </message>
    <message>
        <source>O atendimento informado não está aberto para este assinante.</source>
        <translation>The given ticket is not open for this subscriber.</translation>
    </message>
    <message>
        <source>O atendimento {protocol} já foi encerrado.</source>
        <translation>Ticket {protocol} has already been closed.</translation>
    </message>
    <message>
        <source>O banco de dados está ocupado com outra gravação (outra importação?); nada de {name} foi importado. Tente de novo em alguns minutos.</source>
        <translation>The database is busy with another write (another import?); nothing of {name} was imported. Try again in a few minutes.</translation>
    </message>
    <message>
        <source>O banco de dados está ocupado com outra gravação; nada foi alterado, tente de novo em alguns instantes.</source>
        <translation>The database is busy with another write; nothing was changed, try again in a few moments.</translation>
    </message>
    <message>
        <source>O banco de dados está somente para leitura (permissão do arquivo ou servidor em modo leitura); nada foi alterado. Procure o responsável pelo servidor.</source>
        <translation>The database is read-only (file permissions or a server in read-only mode); nothing was changed. Contact whoever runs the server.</translation>
    </message>
    <message>
        <source>O banco de dados {path} não existe. Para criá-lo: central-assinante --db {database_url} db upgrade (ou demo).</source>
        <translation>The database {path} does not exist. To create it: central-assinante --db {database_url} db upgrade (or demo).</translation>
    </message>
    <message>
        <source>O banco do FreeRADIUS (radius.database_url) deve ser PostgreSQL.</source>
        <translation>The FreeRADIUS database (radius.database_url) must be PostgreSQL.</translation>
    </message>
    <message>
        <source>O boleto continua valendo: pague pelo boleto ou tente o PIX de novo em instantes.</source>
        <translation>The boleto is still valid: pay the boleto or try PIX again in a moment.</translation>
    </message>
    <message>
        <source>O cancelamento deste pagamento já está em andamento (pedido enviado às {since:%H:%M:%S}) e a Cielo confirma: o pagamento está cancelado. Nada foi reenviado.</source>
        <translation>The void of this payment is already in progress (request sent at {since:%H:%M:%S}) and Cielo confirms: the payment is voided. Nothing was sent again.</translation>
    </message>
    <message>
        <source>O cancelamento deste pagamento já está em andamento (pedido enviado às {since:%H:%M:%S}). Aguarde; nada foi reenviado.</source>
        <translation>The cancellation of this payment is already under way (request sent at {since:%H:%M:%S}). Wait; nothing was sent again.</translation>
    </message>
    <message>
        <source>O cancelamento deste pagamento já está em andamento (pedido enviado às {since:%H:%M:%S}); a Cielo ainda não o registra. Aguarde a resposta; nada foi reenviado.</source>
        <translation>The void of this payment is already in progress (request sent at {since:%H:%M:%S}); Cielo does not show it yet. Wait for the answer; nothing was sent again.</translation>
    </message>
    <message>
        <source>O cancelamento deste pagamento já está em andamento (pedido enviado às {since:%H:%M:%S}); a Cielo não pôde ser consultada agora ({reason}). Nada foi reenviado.</source>
        <translation>The void of this payment is already in progress (request sent at {since:%H:%M:%S}); Cielo could not be asked right now ({reason}). Nothing was sent again.</translation>
    </message>
    <message>
        <source>O certificado digital está vencido.</source>
        <translation>The digital certificate has expired.</translation>
    </message>
    <message>
        <source>O disco do banco de dados está cheio (ou o servidor sem recursos); nada foi alterado. Libere espaço e tente de novo.</source>
        <translation>The database disk is full (or the server is out of resources); nothing was changed. Free some space and try again.</translation>
    </message>
    <message>
        <source>O documento não pôde ser preparado para impressão ({name}).</source>
        <translation>The document could not be prepared for printing ({name}).</translation>
    </message>
    <message>
        <source>O envio de e-mail não está configurado (Painel de Configurações / E-mail).</source>
        <translation>Sending e-mail is not configured (Settings panel / E-mail).</translation>
    </message>
    <message>
        <source>O login {login!r} já pertence a outra conta SMS.</source>
        <translation>The login {login!r} already belongs to another SMS account.</translation>
    </message>
    <message>
        <source>O login {login!r} não é deste assinante.</source>
        <translation>The login {login!r} does not belong to this subscriber.</translation>
    </message>
    <message>
        <source>O nosso número gerado já existe nesta conta bancária; confira a numeração da conta no Painel de Configurações.</source>
        <translation>The generated nosso número already exists in this bank account; check the account&apos;s numbering in the Settings panel.</translation>
    </message>
    <message>
        <source>O pagamento desta conta não tem valor, data ou forma registrados.</source>
        <translation>The payment of this bill has no amount, date or method recorded.</translation>
    </message>
    <message>
        <source>O plano foi alterado por outra estação ao mesmo tempo; tente de novo.</source>
        <translation>The plan was changed by another station at the same time; try again.</translation>
    </message>
    <message>
        <source>O prazo para pagar este boleto terminou em {limit:%d/%m/%Y}. Procure o balcão de atendimento para negociar.</source>
        <translation>The deadline to pay this boleto ended on {limit:%m/%d/%Y}. Go to the service counter to negotiate.</translation>
    </message>
    <message>
        <source>O programa de impressão &apos;{args}&apos; (CUPS) não está instalado nesta estação.</source>
        <translation>The print program &apos;{args}&apos; (CUPS) is not installed on this station.</translation>
    </message>
    <message>
        <source>O servidor de e-mail recusou o destinatário {to}.</source>
        <translation>The e-mail server refused the recipient {to}.</translation>
    </message>
    <message>
        <source>O servidor de e-mail recusou o usuário ou a senha configurados.</source>
        <translation>The e-mail server refused the configured user or password.</translation>
    </message>
    <message>
        <source>O serviço de impressão (CUPS) não está respondendo.</source>
        <translation>The print service (CUPS) is not responding.</translation>
    </message>
    <message>
        <source>O serviço de impressão não informa nenhuma impressora (está desligado?).</source>
        <translation>The print service reports no printer (is it off?).</translation>
    </message>
    <message>
        <source>O suporte a PDF do Qt (PySide6_Pdf) não está instalado nesta estação.</source>
        <translation>Qt&apos;s PDF support (PySide6_Pdf) is not installed on this station.</translation>
    </message>
    <message>
        <source>O suporte a filas de impressão do Windows (pywin32) não está instalado.</source>
        <translation>Support for Windows print queues (pywin32) is not installed.</translation>
    </message>
    <message>
        <source>O suporte a impressoras USB (pyusb) não está instalado nesta estação.</source>
        <translation>Support for USB printers (pyusb) is not installed on this station.</translation>
    </message>
    <message>
        <source>O suporte a impressoras seriais (pyserial) não está instalado nesta estação.</source>
        <translation>Support for serial printers (pyserial) is not installed on this station.</translation>
    </message>
    <message>
        <source>O trabalho de impressão {job_id} não está na fila.</source>
        <translation>Print job {job_id} is not in the queue.</translation>
    </message>
    <message>
        <source>O trabalho {job_id} ainda não saiu após {timeout_s:g} s; ele continua na fila da impressora &apos;{queue}&apos;.</source>
        <translation>Job {job_id} has not come out after {timeout_s:g} s; it stays in the queue of printer &apos;{queue}&apos;.</translation>
    </message>
    <message>
        <source>O valor da conta deve ser positivo para emitir boleto.</source>
        <translation>The bill amount must be positive to issue a boleto.</translation>
    </message>
    <message>
        <source>O valor do boleto não pode ser negativo.</source>
        <translation>The boleto amount cannot be negative.</translation>
    </message>
    <message>
        <source>Observação muito longa: o máximo é de {max_description} caracteres.</source>
        <translation>Note too long: the maximum is {max_description} characters.</translation>
    </message>
    <message>
        <source>Operador {login!r} não cadastrado. Use --operator com um login existente (crie com &apos;central-assinante user add&apos;).</source>
        <translation>Operator {login!r} is not registered. Use --operator with an existing login (create one with &apos;central-assinante user add&apos;).</translation>
    </message>
    <message>
        <source>Outra estação está cancelando este pagamento agora. Aguarde e consulte de novo.</source>
        <translation>Another station is cancelling this payment right now. Wait and check again.</translation>
    </message>
    <message>
        <source>PIX indisponível: {reason}. {hint}</source>
        <translation>PIX unavailable: {reason}. {hint}</translation>
    </message>
    <message>
        <source>PIX inválido: a moeda deve ser 986 (real).</source>
        <translation>Invalid PIX: the currency must be 986 (real).</translation>
    </message>
    <message>
        <source>PIX inválido: campo malformado em {where}, posição {pos}.</source>
        <translation>Invalid PIX: malformed field in {where}, position {pos}.</translation>
    </message>
    <message>
        <source>PIX inválido: campo {tag} repetido em {where}.</source>
        <translation>Invalid PIX: field {tag} repeated in {where}.</translation>
    </message>
    <message>
        <source>PIX inválido: falta a conta do recebedor (br.gov.bcb.pix).</source>
        <translation>Invalid PIX: the receiver&apos;s account (br.gov.bcb.pix) is missing.</translation>
    </message>
    <message>
        <source>PIX inválido: falta o campo {tag} ({what}).</source>
        <translation>Invalid PIX: field {tag} ({what}) is missing.</translation>
    </message>
    <message>
        <source>PIX inválido: falta o txid (62-05).</source>
        <translation>Invalid PIX: the txid (62-05) is missing.</translation>
    </message>
    <message>
        <source>PIX inválido: informe a chave (01) ou a URL (25), um dos dois.</source>
        <translation>Invalid PIX: give the key (01) or the URL (25), one of the two.</translation>
    </message>
    <message>
        <source>PIX inválido: nome (até 25) ou cidade (até 15) longos demais.</source>
        <translation>Invalid PIX: name (up to 25) or city (up to 15) too long.</translation>
    </message>
    <message>
        <source>PIX inválido: o CRC não confere (código alterado ou incompleto).</source>
        <translation>Invalid PIX: the CRC does not match (code altered or incomplete).</translation>
    </message>
    <message>
        <source>PIX inválido: o campo CRC (63) deve ser o último.</source>
        <translation>Invalid PIX: the CRC field (63) must be the last one.</translation>
    </message>
    <message>
        <source>PIX inválido: o primeiro campo deve ser 00 com valor 01.</source>
        <translation>Invalid PIX: the first field must be 00 with value 01.</translation>
    </message>
    <message>
        <source>PIX inválido: o tamanho do campo {tag} em {where} não confere.</source>
        <translation>Invalid PIX: the length of field {tag} in {where} does not match.</translation>
    </message>
    <message>
        <source>PIX inválido: valor malformado: {fields!r}.</source>
        <translation>Invalid PIX: malformed value: {fields!r}.</translation>
    </message>
    <message>
        <source>PIX {e2eid} não encontrado entre os pagamentos recebidos.</source>
        <translation>PIX {e2eid} not found among the payments received.</translation>
    </message>
    <message>
        <source>PIX: a chave deve ter de 1 a 77 caracteres.</source>
        <translation>PIX: the key must have 1 to 77 characters.</translation>
    </message>
    <message>
        <source>PIX: chave e descrição juntas são longas demais; encurte a descrição.</source>
        <translation>PIX: key and description together are too long; shorten the description.</translation>
    </message>
    <message>
        <source>PIX: informe a URL de localização do PSP.</source>
        <translation>PIX: enter the PSP&apos;s location URL.</translation>
    </message>
    <message>
        <source>PIX: informe o {what}.</source>
        <translation>PIX: enter the {what}.</translation>
    </message>
    <message>
        <source>PIX: o CEP deve ter 8 dígitos.</source>
        <translation>PIX: the CEP must have 8 digits.</translation>
    </message>
    <message>
        <source>PIX: o campo {tag} não pode ficar vazio.</source>
        <translation>PIX: field {tag} cannot be empty.</translation>
    </message>
    <message>
        <source>PIX: o campo {tag} passa de 99 caracteres.</source>
        <translation>PIX: field {tag} is longer than 99 characters.</translation>
    </message>
    <message>
        <source>PIX: o txid deve ter até 25 letras ou números, sem espaços.</source>
        <translation>PIX: the txid must have up to 25 letters or digits, without spaces.</translation>
    </message>
    <message>
        <source>PIX: o valor deve ser positivo.</source>
        <translation>PIX: the amount must be positive.</translation>
    </message>
    <message>
        <source>PIX: o {what} tem mais de {limit} caracteres: {text!r}.</source>
        <translation>PIX: the {what} has more than {limit} characters: {text!r}.</translation>
    </message>
    <message>
        <source>PIX: ponto de iniciação deve ser 11 ou 12.</source>
        <translation>PIX: the point of initiation must be 11 or 12.</translation>
    </message>
    <message>
        <source>PIX: valor com mais de dois decimais: {amount}.</source>
        <translation>PIX: amount with more than two decimals: {amount}.</translation>
    </message>
    <message>
        <source>PIX: valor grande demais: {amount}.</source>
        <translation>PIX: amount too large: {amount}.</translation>
    </message>
    <message>
        <source>PIX: valor inválido: {amount!r}.</source>
        <translation>PIX: invalid amount: {amount!r}.</translation>
    </message>
    <message>
        <source>Pagamento com cartão não encontrado.</source>
        <translation>Card payment not found.</translation>
    </message>
    <message>
        <source>Pagamento com cartão {reference!r} não encontrado.</source>
        <translation>Card payment {reference!r} not found.</translation>
    </message>
    <message>
        <source>Para --format pdf informe -o ARQUIVO ou --print [IMPRESSORA].</source>
        <translation>For --format pdf give -o FILE or --print [PRINTER].</translation>
    </message>
    <message>
        <source>Período inválido: a data final ({end:%d/%m/%Y}) é anterior à inicial ({start:%d/%m/%Y}).</source>
        <translation>Invalid period: the end date ({end:%m/%d/%Y}) is before the start date ({start:%m/%d/%Y}).</translation>
    </message>
    <message>
        <source>Período muito longo: o máximo é de {max_days} dias.</source>
        <translation>Period too long: the maximum is {max_days} days.</translation>
    </message>
    <message>
        <source>Plano não encontrado para este assinante.</source>
        <translation>Plan not found for this subscriber.</translation>
    </message>
    <message>
        <source>Plano não encontrado.</source>
        <translation>Plan not found.</translation>
    </message>
    <message>
        <source>Plano suspenso por outro motivo: procure o setor responsável</source>
        <translation>Plan suspended for another reason: contact the department in charge</translation>
    </message>
    <message>
        <source>Preço inválido.</source>
        <translation>Invalid price.</translation>
    </message>
    <message>
        <source>Quantidade de SMS inválida.</source>
        <translation>Invalid SMS quantity.</translation>
    </message>
    <message>
        <source>Quantidade transferida inválida.</source>
        <translation>Invalid transferred quantity.</translation>
    </message>
    <message>
        <source>Retorno do banco {bank}: este programa lê retornos de 001, 341, 237, 104, 033, 756 e 748.</source>
        <translation>Return file of bank {bank}: this program reads return files of 001, 341, 237, 104, 033, 756 and 748.</translation>
    </message>
    <message>
        <source>Senha do quiosque muito curta: use ao menos 6 caracteres.</source>
        <translation>Kiosk password too short: use at least 6 characters.</translation>
    </message>
    <message>
        <source>Senha muito curta: use ao menos {min_password} caracteres.</source>
        <translation>Password too short: use at least {min_password} characters.</translation>
    </message>
    <message>
        <source>Seu perfil ({role}) não permite esta operação. Perfis permitidos: {allowed}.</source>
        <translation>Your role ({role}) does not allow this operation. Allowed roles: {allowed}.</translation>
    </message>
    <message>
        <source>Sicredi: o byte de geração do nosso número vai de 2 a 9.</source>
        <translation>Sicredi: the nosso número generation byte goes from 2 to 9.</translation>
    </message>
    <message>
        <source>Situação inválida: {text!r} (use aberto, baixado ou cancelado).</source>
        <translation>Invalid status: {text!r} (use aberto, baixado or cancelado).</translation>
    </message>
    <message>
        <source>Status inválido: {status!r} (use aberto, em_andamento ou encerrado).</source>
        <translation>Invalid status: {status!r} (use aberto, em_andamento or encerrado).</translation>
    </message>
    <message>
        <source>Série, número ou código numérico fora dos limites da NFCom.</source>
        <translation>Series, number or numeric code outside the NFCom limits.</translation>
    </message>
    <message>
        <source>Só compras com pagamento confirmado podem ser transferidas.</source>
        <translation>Only purchases with confirmed payment can be transferred.</translation>
    </message>
    <message>
        <source>Tarifa negativa: {price_per_minute}.</source>
        <translation>Negative rate: {price_per_minute}.</translation>
    </message>
    <message>
        <source>Terminal {terminal} não encontrado entre os deste assinante.</source>
        <translation>Terminal {terminal} not found among this subscriber&apos;s.</translation>
    </message>
    <message>
        <source>Tipo de atendimento inválido: {text!r}. Use um de: {ticket_types}.</source>
        <translation>Invalid ticket type: {text!r}. Use one of: {ticket_types}.</translation>
    </message>
    <message>
        <source>Tipo de importação desconhecido: {kind} (use {kinds}).</source>
        <translation>Unknown import type: {kind} (use {kinds}).</translation>
    </message>
    <message>
        <source>Tipo de terminação inválido: {text!r} (use {valid}).</source>
        <translation>Invalid call type: {text!r} (use {valid}).</translation>
    </message>
    <message>
        <source>Trabalho de impressão inválido: {job_id!r}.</source>
        <translation>Invalid print job: {job_id!r}.</translation>
    </message>
    <message>
        <source>Use -o ARQUIVO ou --print [IMPRESSORA] (ou redirecione a saída).</source>
        <translation>Use -o FILE or --print [PRINTER] (or redirect the output).</translation>
    </message>
    <message>
        <source>Use -o ARQUIVO para gravar o PDF (ou redirecione a saída).</source>
        <translation>Use -o FILE to write the PDF (or redirect the output).</translation>
    </message>
    <message>
        <source>Usuário ou senha incorretos.</source>
        <translation>Wrong user or password.</translation>
    </message>
    <message>
        <source>Valor de crédito não encontrado.</source>
        <translation>Credit value not found.</translation>
    </message>
    <message>
        <source>Valor inválido para boleto: {amount!r}.</source>
        <translation>Invalid amount for a boleto: {amount!r}.</translation>
    </message>
    <message>
        <source>Valor inválido para boleto: {amount} (use no máximo dois decimais).</source>
        <translation>Invalid amount for a boleto: {amount} (use at most two decimals).</translation>
    </message>
    <message>
        <source>Valor numérico inválido na NFCom: {text!r}.</source>
        <translation>Invalid numeric value in the NFCom: {text!r}.</translation>
    </message>
    <message>
        <source>Valor numérico inválido: {text!r}.</source>
        <translation>Invalid numeric value: {text!r}.</translation>
    </message>
    <message>
        <source>Valor pago (R$ {amount:.2f}) maior que o valor atualizado da conta (R$ {total:.2f}): registre o valor da conta e devolva a diferença.</source>
        <translation>Amount paid (R$ {amount:.2f}) greater than the bill&apos;s updated amount (R$ {total:.2f}): record the bill&apos;s amount and refund the difference.</translation>
    </message>
    <message>
        <source>Valor pago (R$ {amount:.2f}) menor que o da conta (R$ {amount2:.2f}).</source>
        <translation>Amount paid (R$ {amount:.2f}) less than the bill&apos;s (R$ {amount2:.2f}).</translation>
    </message>
    <message>
        <source>Valor sim/não inválido: {text!r}.</source>
        <translation>Invalid yes/no value: {text!r}.</translation>
    </message>
    <message>
        <source>Valor {amount} acima do limite do código de barras (R$ 99.999.999,99); emita mais de um boleto.</source>
        <translation>Amount {amount} above the barcode limit (R$ 99,999,999.99); issue more than one boleto.</translation>
    </message>
    <message>
        <source>Vencimento {due_date:%d/%m/%Y} anterior a 03/07/2000 não tem fator de vencimento.</source>
        <translation>Due date {due_date:%m/%d/%Y} is before 07/03/2000 and has no due date factor.</translation>
    </message>
    <message>
        <source>XML com DOCTYPE não é aceito.</source>
        <translation>XML with a DOCTYPE is not accepted.</translation>
    </message>
    <message>
        <source>XML malformado: {exc}</source>
        <translation>Malformed XML: {exc}</translation>
    </message>
    <message>
        <source>[database] read_url (réplica de leitura) só vale com PostgreSQL no url e no read_url do station.ini.</source>
        <translation>[database] read_url (read replica) only works with PostgreSQL in both url and read_url of station.ini.</translation>
    </message>
    <message>
        <source>a cobrança por PIX não está configurada (Painel: PIX, endereço da API)</source>
        <translation>PIX charging is not configured (Settings panel: PIX, API address)</translation>
    </message>
    <message>
        <source>ambiente (tpAmb) desconhecido: {environment!r}</source>
        <translation>unknown environment (tpAmb): {environment!r}</translation>
    </message>
    <message>
        <source>arquivo grande demais para uma NFCom (mais de 5 MB)</source>
        <translation>file too large for an NFCom (more than 5 MB)</translation>
    </message>
    <message>
        <source>arquivo ilegível como NFCom ({name})</source>
        <translation>file unreadable as an NFCom ({name})</translation>
    </message>
    <message>
        <source>arquivo não encontrado</source>
        <translation>file not found</translation>
    </message>
    <message>
        <source>certificado da assinatura ilegível</source>
        <translation>unreadable signature certificate</translation>
    </message>
    <message>
        <source>destinatário {recipient_document} ({recipient_name}) não é assinante cadastrado</source>
        <translation>recipient {recipient_document} ({recipient_name}) is not a registered subscriber</translation>
    </message>
    <message>
        <source>erro do banco</source>
        <translation>database error</translation>
    </message>
    <message>
        <source>falta o endereço do token OAuth2 (pix.token_url)</source>
        <translation>the OAuth2 token address is missing (pix.token_url)</translation>
    </message>
    <message>
        <source>já existe a NFCom nº {number} série {series} deste emitente com outra chave de acesso ({other})</source>
        <translation>NFCom no. {number} series {series} of this issuer already exists with another access key ({other})</translation>
    </message>
    <message>
        <source>modelo {model} não é NFCom (62)</source>
        <translation>model {model} is not NFCom (62)</translation>
    </message>
    <message>
        <source>não confere com o XSD da NFCom: {problem}</source>
        <translation>does not match the NFCom XSD: {problem}</translation>
    </message>
    <message>
        <source>não foi possível falar com o PSP</source>
        <translation>the PSP could not be reached</translation>
    </message>
    <message>
        <source>não foi possível ler o arquivo ({strerror})</source>
        <translation>could not read the file ({strerror})</translation>
    </message>
    <message>
        <source>o PSP está com problemas (HTTP {status}{said})</source>
        <translation>the PSP is having problems (HTTP {status}{said})</translation>
    </message>
    <message>
        <source>o PSP não respondeu a tempo</source>
        <translation>the PSP did not answer in time</translation>
    </message>
    <message>
        <source>o PSP recusou o acesso (HTTP {status}{said}; confira pix.client_id e pix.client_secret)</source>
        <translation>the PSP refused access (HTTP {status}{said}; check pix.client_id and pix.client_secret)</translation>
    </message>
    <message>
        <source>o PSP recusou o certificado da empresa (confira pix.client_cert e pix.client_key)</source>
        <translation>the PSP refused the company&apos;s certificate (check pix.client_cert and pix.client_key)</translation>
    </message>
    <message>
        <source>o PSP recusou o pedido (HTTP {status}{said})</source>
        <translation>the PSP refused the request (HTTP {status}{said})</translation>
    </message>
    <message>
        <source>o PSP respondeu algo que não é JSON (HTTP {status})</source>
        <translation>the PSP answered something that is not JSON (HTTP {status})</translation>
    </message>
    <message>
        <source>o PSP respondeu fora do padrão da API Pix ({what})</source>
        <translation>the PSP answered outside the API Pix standard ({what})</translation>
    </message>
    <message>
        <source>o arquivo não é uma NFCom (modelo 62)</source>
        <translation>the file is not an NFCom (model 62)</translation>
    </message>
    <message>
        <source>o certificado da empresa ou a CA do PSP não pôde ser lido (confira pix.client_cert, pix.client_key e pix.ca_file: {detail})</source>
        <translation>the company&apos;s certificate or the PSP&apos;s CA could not be read (check pix.client_cert, pix.client_key and pix.ca_file: {detail})</translation>
    </message>
    <message>
        <source>o certificado do servidor do PSP não é confiável (confira pix.ca_file)</source>
        <translation>the PSP server&apos;s certificate is not trusted (check pix.ca_file)</translation>
    </message>
    <message>
        <source>o digVal do protocolo não confere com a assinatura da NFCom</source>
        <translation>the protocol&apos;s digVal does not match the NFCom&apos;s signature</translation>
    </message>
    <message>
        <source>o protocolo de autorização não traz o digVal da NFCom</source>
        <translation>the authorization protocol does not carry the NFCom&apos;s digVal</translation>
    </message>
    <message>
        <source>o protocolo de autorização é de outra chave de acesso</source>
        <translation>the authorization protocol belongs to another access key</translation>
    </message>
    <message>
        <source>o protocolo de autorização é de outro ambiente (tpAmb) que a NFCom</source>
        <translation>the authorization protocol is of another environment (tpAmb) than the NFCom</translation>
    </message>
    <message>
        <source>protocolo de autorização: {problem}</source>
        <translation>authorization protocol: {problem}</translation>
    </message>
    <message>
        <source>{capitalize} fora do intervalo aceito: {text!r} (anos de {first_year} a {last_year}).</source>
        <translation>{capitalize} outside the accepted range: {text!r} (years {first_year} to {last_year}).</translation>
    </message>
    <message>
        <source>{capitalize} inválida: {text!r} (use AAAA-MM-DD ou DD/MM/AAAA).</source>
        <translation>Invalid {capitalize}: {text!r} (use YYYY-MM-DD or DD/MM/YYYY).</translation>
    </message>
    <message>
        <source>{cause} Não foi possível guardar o comprovante: {problem}.</source>
        <translation>{cause} The receipt could not be saved: {problem}.</translation>
    </message>
    <message>
        <source>{cause} Não foi possível guardar o documento: {problem}.</source>
        <translation>{cause} The document could not be saved: {problem}.</translation>
    </message>
    <message>
        <source>{cause} O comprovante foi guardado em {path} — nada se perdeu.</source>
        <translation>{cause} The receipt was saved at {path}; nothing was lost.</translation>
    </message>
    <message>
        <source>{cause} O documento foi guardado em {path} — nada se perdeu.</source>
        <translation>{cause} The document was saved at {path}; nothing was lost.</translation>
    </message>
    <message>
        <source>{label}: arquivo não encontrado: {value}.</source>
        <translation>{label}: file not found: {value}.</translation>
    </message>
    <message>
        <source>{label}: escolha uma de {choices}.</source>
        <translation>{label}: choose one of {choices}.</translation>
    </message>
    <message>
        <source>{label}: formato inválido.</source>
        <translation>{label}: invalid format.</translation>
    </message>
    <message>
        <source>{label}: o máximo é {maximum}.</source>
        <translation>{label}: the maximum is {maximum}.</translation>
    </message>
    <message>
        <source>{label}: o mínimo é {minimum}.</source>
        <translation>{label}: the minimum is {minimum}.</translation>
    </message>
    <message>
        <source>{label}: tipo inválido.</source>
        <translation>{label}: wrong type.</translation>
    </message>
    <message>
        <source>{label}: {problem}</source>
        <translation>{label}: {problem}</translation>
    </message>
    <message>
        <source>{name} está em UTF-16 ou não é texto; exporte como CSV UTF-8 ou Windows-1252 (ANSI); nada foi importado.</source>
        <translation>{name} is UTF-16 or not text; export it as CSV in UTF-8 or Windows-1252 (ANSI); nothing was imported.</translation>
    </message>
    <message>
        <source>{name} está vazio (0 linhas); nada foi importado.</source>
        <translation>{name} is empty (0 lines); nothing was imported.</translation>
    </message>
    <message>
        <source>{name} não parece um Master.csv do Asterisk: nenhuma das primeiras linhas é um registro de chamada; nada foi importado.</source>
        <translation>{name} does not look like an Asterisk Master.csv: none of the first lines is a call record; nothing was imported.</translation>
    </message>
    <message>
        <source>{name} não é um arquivo CSV de texto (binário ou UTF-16); nada foi importado.</source>
        <translation>{name} is not a text CSV file (binary or UTF-16); nothing was imported.</translation>
    </message>
    <message>
        <source>{name}: faltam as colunas obrigatórias {columns} (na primeira linha); nada foi importado.</source>
        <translation>{name}: the required columns {columns} are missing (in the first line); nothing was imported.</translation>
    </message>
    <message>
        <source>{outcome} Mas não foi possível registrar isso aqui: {message}. Tente de novo em instantes: o sistema consulta a Cielo com o mesmo pedido e registra o resultado, sem cancelar duas vezes (as tarefas periódicas também conferem).</source>
        <translation>{outcome} But it could not be recorded here: {message}. Try again in a moment: the system asks Cielo with the same request and records the result, without cancelling twice (the periodic jobs also check).</translation>
    </message>
    <message>
        <source>{problem}</source>
        <translation>{problem}</translation>
    </message>
    <message>
        <source>{problem}.</source>
        <translation>{problem}.</translation>
    </message>
    <message>
        <source>{what} acima do limite de R$ 9.999.999.999,99.</source>
        <translation>{what} above the limit of R$ 9,999,999,999.99.</translation>
    </message>
    <message>
        <source>{what} deve ser numérico: {value!r}.</source>
        <translation>{what} must be numeric: {value!r}.</translation>
    </message>
    <message>
        <source>{what} deve ter {length} dígitos numéricos.</source>
        <translation>{what} must have {length} numeric digits.</translation>
    </message>
    <message>
        <source>{what} inválido: informe reais e centavos.</source>
        <translation>Invalid {what}: enter reais and cents.</translation>
    </message>
    <message>
        <source>{what} inválido: informe um valor maior que zero.</source>
        <translation>Invalid {what}: enter an amount greater than zero.</translation>
    </message>
    <message>
        <source>{what} inválido: no máximo dois dígitos de centavos.</source>
        <translation>Invalid {what}: at most two digits of cents.</translation>
    </message>
    <message>
        <source>{what} inválido: {text!r}. Informe reais e centavos, ex.: 99,90.</source>
        <translation>Invalid {what}: {text!r}. Enter reais and cents, e.g. 99,90.</translation>
    </message>
    <message>
        <source>{what} não pode ser negativo: {text!r}.</source>
        <translation>{what} cannot be negative: {text!r}.</translation>
    </message>
    <message>
        <source>{what} tem mais de {width} dígitos: {value!r}.</source>
        <translation>{what} has more than {width} digits: {value!r}.</translation>
    </message>
    <message>
        <source>É uma pasta, não um arquivo.</source>
        <translation>It is a folder, not a file.</translation>
    </message>
    <message>
        <source>é uma pasta, não um arquivo</source>
        <translation>it is a folder, not a file</translation>
    </message>
</context>
<context>
    <name>FileRun</name>
    <message>
        <source>Aplicar</source>
        <translation>Apply</translation>
    </message>
    <message>
        <source>Simulação (nada gravado)</source>
        <translation>Simulation (nothing saved)</translation>
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
        <source>Totais por situação</source>
        <translation>Totals by status</translation>
    </message>
    <message>
        <source>Mostrar ou esconder os totais por situação: quantidade, valor, valor pago, </source>
        <translation>Show or hide the totals by status: count, amount, amount paid, </translation>
    </message>
    <message>
        <source>multa e juros, valor atualizado</source>
        <translation>fine and interest, updated amount</translation>
    </message>
    <message>
        <source>Totais: —</source>
        <translation>Totals: —</translation>
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
        <source>Quitação anual</source>
        <translation>Yearly declaration</translation>
    </message>
    <message>
        <source>Declaração de quitação: a declaração anual de quitação de débitos (Lei 12.007/2009)</source>
        <translation>Payment declaration: the yearly declaration that all bills are paid (Law 12.007/2009)</translation>
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
        <translation type="vanished">Payment declaration</translation>
    </message>
    <message>
        <source>Declaração anual de quitação de débitos (Lei 12.007/2009)</source>
        <translation type="vanished">Yearly declaration that all bills are paid (Law 12.007/2009)</translation>
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
        <source>Cancelada</source>
        <translation>Cancelled</translation>
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
        <source>Paga</source>
        <translation>Paid</translation>
    </message>
    <message>
        <source>Pago</source>
        <translation>Paid</translation>
    </message>
    <message>
        <source>Suporte</source>
        <translation>Support</translation>
    </message>
    <message>
        <source>administrador</source>
        <translation>administrator</translation>
    </message>
    <message>
        <source>atendente</source>
        <translation>attendant</translation>
    </message>
    <message>
        <source>ativo</source>
        <translation>active</translation>
    </message>
    <message>
        <source>baixada</source>
        <translation>settled</translation>
    </message>
    <message>
        <source>cancelada</source>
        <translation>cancelled</translation>
    </message>
    <message>
        <source>cancelado</source>
        <translation>cancelled</translation>
    </message>
    <message>
        <source>em aberto</source>
        <translation>open</translation>
    </message>
    <message>
        <source>financeiro</source>
        <translation>finance</translation>
    </message>
    <message>
        <source>habilitado provisoriamente</source>
        <translation>provisionally enabled</translation>
    </message>
    <message>
        <source>suporte</source>
        <translation>support</translation>
    </message>
    <message>
        <source>suspenso por débito</source>
        <translation>suspended for debt</translation>
    </message>
    <message>
        <source>suspenso por outro motivo</source>
        <translation>suspended for another reason</translation>
    </message>
    <message>
        <source>Administrador</source>
        <translation>Administrator</translation>
    </message>
</context>
<context>
    <name>Imports</name>
    <message>
        <source>Clientes</source>
        <translation>Customers</translation>
    </message>
    <message>
        <source>Contratos</source>
        <translation>Contracts</translation>
    </message>
    <message>
        <source>Contas a receber</source>
        <translation>Receivables</translation>
    </message>
    <message>
        <source>interrompida: %1</source>
        <translation>interrupted: %1</translation>
    </message>
    <message>
        <source>concluída</source>
        <translation>finished</translation>
    </message>
    <message>
        <source>em andamento</source>
        <translation>in progress</translation>
    </message>
    <message>
        <source>Importações do ERP</source>
        <translation>ERP imports</translation>
    </message>
    <message>
        <source>Tipo de arquivo</source>
        <translation>File type</translation>
    </message>
    <message>
        <source>Importar arquivo…</source>
        <translation>Import file…</translation>
    </message>
    <message>
        <source>Aplicar</source>
        <translation type="vanished">Apply</translation>
    </message>
    <message>
        <source>Linhas recusadas e conflitos</source>
        <translation>Refused lines and conflicts</translation>
    </message>
    <message>
        <source>%1 — %2: %3 recusadas, %4 conflitos</source>
        <translation>%1 — %2: %3 refused, %4 conflicts</translation>
    </message>
    <message>
        <source>recusada</source>
        <translation>refused</translation>
    </message>
    <message>
        <source>conflito</source>
        <translation>conflict</translation>
    </message>
    <message>
        <source>Arquivo exportado do ERP</source>
        <translation>File exported by the ERP</translation>
    </message>
    <message>
        <source>Simulação (nada gravado)</source>
        <translation type="vanished">Simulation (nothing saved)</translation>
    </message>
    <message>
        <source>Importado</source>
        <translation>Imported</translation>
    </message>
    <message>
        <source>Lidas: %1 · Criadas: %2 · Atualizadas: %3 · Sem mudança: %4 · Recusadas: %5 · Conflitos: %6</source>
        <translation>Read: %1 · Created: %2 · Updated: %3 · Unchanged: %4 · Refused: %5 · Conflicts: %6</translation>
    </message>
    <message>
        <source>Confira a simulação abaixo e clique em Aplicar para importar.</source>
        <translation>Check the simulation below and click Apply to import.</translation>
    </message>
    <message>
        <source>Importação concluída e registrada.</source>
        <translation>Import finished and recorded.</translation>
    </message>
    <message>
        <source>Arquivo</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Atualizadas</source>
        <translation>Updated</translation>
    </message>
    <message>
        <source>Conflitos</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <source>Criadas</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>Exportações do ERP (*.csv *.CSV *.jsonl *.ndjson *.txt);;Todos os arquivos (*)</source>
        <translation>ERP exports (*.csv *.CSV *.jsonl *.ndjson *.txt);;All files (*)</translation>
    </message>
    <message>
        <source>Início</source>
        <translation>Started</translation>
    </message>
    <message>
        <source>Lidas</source>
        <translation>Read</translation>
    </message>
    <message>
        <source>Linha</source>
        <translation>Line</translation>
    </message>
    <message>
        <source>Motivo</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Operador</source>
        <translation>Operator</translation>
    </message>
    <message>
        <source>Recusadas</source>
        <translation>Refused</translation>
    </message>
    <message>
        <source>Sem mudança</source>
        <translation>Unchanged</translation>
    </message>
    <message>
        <source>Situação</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Tipo</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>clientes</source>
        <translation>customers</translation>
    </message>
    <message>
        <source>contas a receber</source>
        <translation>receivables</translation>
    </message>
    <message>
        <source>contratos</source>
        <translation>contracts</translation>
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
    <message>
        <source>DANFE impresso</source>
        <translation>DANFE printed</translation>
    </message>
    <message>
        <source>XML entregue</source>
        <translation>XML delivered</translation>
    </message>
    <message>
        <source>visualizada</source>
        <translation>viewed</translation>
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
        <translation type="vanished">Close</translation>
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
        <translation type="vanished">Close</translation>
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
        <translation type="vanished">Apply</translation>
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
        <translation type="vanished">Simulation (nothing saved)</translation>
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
        <source>DUPLICIDADE</source>
        <translation>DUPLICATE</translation>
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
    <message>
        <source>conta não estava em aberto</source>
        <translation>bill was not open</translation>
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
        <source>Retenção e partições (PostgreSQL)</source>
        <translation>Retention and partitions (PostgreSQL)</translation>
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
        <translation type="vanished">Close</translation>
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
        <translation type="vanished">Close</translation>
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
        <translation type="vanished">View</translation>
    </message>
    <message>
        <source>Mostrar os atendimentos com estes filtros (Enter)</source>
        <translation>Show the tickets matching these filters (Enter)</translation>
    </message>
    <message>
        <source>Texto</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Período de abertura</source>
        <translation>Opening period</translation>
    </message>
    <message>
        <source>Abrir um atendimento com protocolo</source>
        <translation>Open a ticket with a protocol number</translation>
    </message>
    <message>
        <source>Histórico do atendimento selecionado</source>
        <translation>History of the selected ticket</translation>
    </message>
    <message>
        <source>Comprovante do atendimento selecionado, na impressora desta estação</source>
        <translation>Receipt of the selected ticket, on this station&apos;s printer</translation>
    </message>
    <message>
        <source>Comprovante do atendimento selecionado, para o e-mail do assinante</source>
        <translation>Receipt of the selected ticket, to the subscriber&apos;s e-mail</translation>
    </message>
    <message>
        <source>Consultar</source>
        <translation type="vanished">Search</translation>
    </message>
    <message>
        <source>Campo:</source>
        <translation type="vanished">Field:</translation>
    </message>
    <message>
        <source>Período:</source>
        <translation type="vanished">Period:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation type="vanished">Status:</translation>
    </message>
    <message>
        <source>Contatos:</source>
        <translation type="vanished">Contacts:</translation>
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
        <source>Pagamento por PIX</source>
        <translation>PIX payment</translation>
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
        <source>Fechar</source>
        <translation>Close</translation>
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
