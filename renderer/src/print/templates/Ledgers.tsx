// The weekly supervision ledger (督办台账, landscape) and the monthly red/black list (红黑榜).
import { usePrint } from '../context';
import { DocNumber, Title } from '../components/Official';
import type { RankingRow, RedBlackListData, SupervisionLedgerData } from '../types';

export function SupervisionLedger({ data }: { data: SupervisionLedgerData }) {
  const { t, date, dateTime } = usePrint();
  const cols = [
    'seq',
    'caseNumber',
    'applicant',
    'matter',
    'acceptedOn',
    'dueDate',
    'daysLeft',
    'light',
    'stage',
    'responsible',
    'note',
  ];
  return (
    <>
      <Title text={t('ledger.title')} />
      <DocNumber
        value={t('ledger.period', { from: date(data.weekStart), to: date(data.weekEnd) })}
      />
      <table className="grid ledger">
        <thead>
          <tr>
            {cols.map((c) => (
              <th key={c}>{t(`ledger.col.${c}`)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.rows.map((r, i) => (
            <tr key={i}>
              <td className="num">{i + 1}</td>
              <td className="num">{r.caseNumber}</td>
              <td>{r.applicant}</td>
              <td>{r.matter}</td>
              <td className="num">{date(r.acceptedOn)}</td>
              <td className="num">{date(r.dueDate)}</td>
              <td className="num">
                {r.daysLeftEstimated
                  ? t('ledger.daysLeftEstimated', { days: r.daysLeft })
                  : r.daysLeft}
              </td>
              <td className={`num light-${r.light}`}>● {t(`ledger.light.${r.light}`)}</td>
              <td>{r.stage}</td>
              <td>{r.responsible}</td>
              <td>{r.note}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="plain small">
        {t('ledger.footer', {
          office: data.office.name,
          count: data.rows.length,
          at: dateTime(data.generatedAt),
        })}
      </p>
    </>
  );
}

export const ledgerCss = `
body{font-size:11pt}
table.ledger{font-size:9.5pt}
table.ledger td,table.ledger th{padding:0.8mm 1mm}
table.ledger th{white-space:nowrap}
.light-green{color:#1b7f3b}
.light-yellow{color:#a66d00}
.light-red{color:#c62828;font-weight:700}
`;

function RankingTable({ rows, kind }: { rows: RankingRow[]; kind: 'red' | 'black' }) {
  const { t } = usePrint();
  const cols = ['rank', 'name', 'department', 'cases', 'onTimeRate', 'averageDays', 'overdue'];
  return (
    <table className={`grid rank rank-${kind}`}>
      <thead>
        <tr>
          {cols.map((c) => (
            <th key={c}>{t(`ranking.col.${c}`)}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={`${r.department}-${r.name}`}>
            <td className="num">{i + 1}</td>
            <td className="num">{r.name}</td>
            <td>{r.department}</td>
            <td className="num">{r.cases}</td>
            <td className="num">{`${(r.onTimeRate * 100).toFixed(1)}%`}</td>
            <td className="num">{r.averageDays.toFixed(1)}</td>
            <td className="num">{r.overdue}</td>
          </tr>
        ))}
        {rows.length === 0 && (
          <tr>
            <td colSpan={cols.length} className="none">
              {t('ranking.none')}
            </td>
          </tr>
        )}
      </tbody>
    </table>
  );
}

export function RedBlackList({ data }: { data: RedBlackListData }) {
  const { t, date } = usePrint();
  const [y, m] = data.month.split('-');
  const month = t('ranking.month', { year: Number(y), month: Number(m) });
  return (
    <>
      <Title text={t('ranking.heading', { month })} />
      <DocNumber value={data.office.name} />
      <h2 className="rank-head red">{t('ranking.red')}</h2>
      <RankingTable rows={data.red} kind="red" />
      <h2 className="rank-head black">{t('ranking.black')}</h2>
      <RankingTable rows={data.black} kind="black" />
      <p className="plain small">{t('ranking.rule')}</p>
      <p className="plain small">
        {t('ranking.footer', { office: data.office.name, on: date(data.generatedOn) })}
      </p>
    </>
  );
}

export const rankingCss = `
table.rank{table-layout:fixed}
table.rank td.none{text-align:center}
table.rank th:nth-child(1){width:14mm}
table.rank th:nth-child(2){width:22mm}
table.rank th:nth-child(4){width:18mm}
table.rank th:nth-child(5){width:24mm}
table.rank th:nth-child(6){width:36mm}
table.rank th:nth-child(7){width:20mm}
h2.rank-head{font-size:14pt;margin:3mm 0 2mm;padding:1mm 3mm;color:#fff}
h2.rank-head.red{background:#c62828}
h2.rank-head.black{background:#212121}
`;
