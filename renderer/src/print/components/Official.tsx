// Building blocks of the official Chinese layout: title, number, addressee, paragraphs,
// the office-and-date block with the seal placeholder, and the applicant's signature line.
import type { ReactNode } from 'react';
import { usePrint } from '../context';
import type { CaseNoticeBase, Office } from '../types';

export function Title({ text }: { text: string }) {
  return <h1 className="doc-title">{text}</h1>;
}

export function DocNumber({ value }: { value: string }) {
  return <div className="doc-number">{value}</div>;
}

export function Addressee({ name }: { name: string }) {
  const { t } = usePrint();
  return <p className="addressee">{t('common.addressee', { name })}</p>;
}

export function Para({ children }: { children: ReactNode }) {
  return <p className="para">{children}</p>;
}

/**
 * The opening every case notice shares: title, document number, addressee, and the first
 * paragraph naming the application (date, matter, case number) plus the notice's own values.
 */
export function NoticeOpening({
  kind,
  data,
  values = {},
  body = 'body',
}: {
  /** Key prefix in print.json: '<kind>.title' and '<kind>.<body>'. */
  kind: string;
  data: CaseNoticeBase;
  values?: Record<string, string | number>;
  /** Another wording of the body (e.g. one without dates that are only estimates). */
  body?: string;
}) {
  const { t, date } = usePrint();
  return (
    <>
      <Title text={t(`${kind}.title`)} />
      <DocNumber value={data.docNumber} />
      <Addressee name={data.applicant.name} />
      <Para>
        {t(`${kind}.${body}`, {
          applicationDate: date(data.applicationDate),
          matter: data.matterName,
          caseNumber: data.caseNumber,
          ...values,
        })}
      </Para>
    </>
  );
}

/** Office name and date at the lower right, with a dashed circle where the seal goes. */
export function OfficeSign({ office, date }: { office: Office; date: string }) {
  const { t, date: fmt } = usePrint();
  return (
    <div className="sign">
      <div className="sign-text">
        <div>{office.name}</div>
        <div>{fmt(date)}</div>
      </div>
      <div className="seal" aria-label={t('common.sealArea')}>
        {t('common.seal')}
      </div>
    </div>
  );
}

/** The applicant signs and dates the copy the office keeps. */
export function ApplicantSign({ labelKey = 'common.applicantSign' }: { labelKey?: string }) {
  const { t } = usePrint();
  return (
    <div className="receipt-line">
      <span>
        {t(labelKey)}
        <span className="blank" />
      </span>
      <span>
        {t('common.signTime')}
        <span className="blank" />
      </span>
    </div>
  );
}

/** Our own SVG markup (barcode, QR code), generated from data we escape ourselves. */
export function Svg({ markup, className }: { markup: string; className?: string }) {
  return <div className={className} dangerouslySetInnerHTML={{ __html: markup }} />;
}

export function Rows({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <table className="grid">
      <tbody>
        {rows.map(([label, value]) => (
          <tr key={label}>
            <td className="label">{label}</td>
            <td>{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
