// Building blocks of the official Chinese layout: title, number, addressee, paragraphs,
// the office-and-date block with the seal placeholder, and the applicant's signature line.
import type { ReactNode } from 'react';
import { usePrint } from '../context';
import type { Translate } from '../texts';
import type { CaseNoticeBase, Office, Officer } from '../types';

export function Title({ text }: { text: string }) {
  return <h1 className="doc-title">{text}</h1>;
}

export function DocNumber({ value }: { value: string }) {
  return <div className="doc-number">{value}</div>;
}

export function Addressee({ name }: { name: string }) {
  const { t } = usePrint();
  return <p className="addressee intro">{t('common.addressee', { name })}</p>;
}

/** A paragraph; `intro` marks one that ends in a colon to introduce what follows. */
export function Para({ children, intro = false }: { children: ReactNode; intro?: boolean }) {
  return <p className={intro ? 'para intro' : 'para'}>{children}</p>;
}

/**
 * Text in which some values (a case or document number) must stay on one line: each occurrence
 * is wrapped in a nowrap span, so a line never breaks inside HJ01-2026-… .
 */
export function KeepTogether({ text, keep }: { text: string; keep: string[] }) {
  const values = keep.filter((k) => k.length > 0);
  if (values.length === 0) return <>{text}</>;
  const escaped = values.map((v) => v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const parts = text.split(new RegExp(`(${escaped.join('|')})`, 'g'));
  return (
    <>
      {parts.map((part, i) =>
        values.includes(part) ? (
          <span className="nowrap" key={i}>
            {part}
          </span>
        ) : (
          part
        ),
      )}
    </>
  );
}

/** 经办人 and the office phone; without a phone, only the name (never "联系电话：" and nothing). */
export function officerText(t: Translate, officer: Officer): string {
  return officer.phone.trim()
    ? t('common.officerLine', { name: officer.name, phone: officer.phone })
    : t('common.officerOnly', { name: officer.name });
}

export function OfficerLine({
  officer,
  className = 'plain',
}: {
  officer: Officer;
  className?: string;
}) {
  const { t } = usePrint();
  return <p className={className}>{officerText(t, officer)}</p>;
}

/**
 * The opening every case notice shares: title, document number, addressee, and the first
 * paragraph naming the application (date, matter, case number) plus the notice's own values.
 */
export function NoticeOpening({
  kind,
  data,
  values = {},
  bodyKey,
}: {
  /** Key prefix in print.json: '<kind>.title' and '<kind>.body'. */
  kind: string;
  /** Another wording of the first paragraph than '<kind>.body'. */
  bodyKey?: string;
  data: CaseNoticeBase;
  values?: Record<string, string | number>;
}) {
  const { t, date } = usePrint();
  const body = t(bodyKey ?? `${kind}.body`, {
    applicationDate: date(data.applicationDate),
    matter: data.matterName,
    caseNumber: data.caseNumber,
    ...values,
  });
  return (
    <>
      <Title text={t(`${kind}.title`)} />
      <DocNumber value={data.docNumber} />
      <Addressee name={data.applicant.name} />
      <Para>
        <KeepTogether text={body} keep={[data.caseNumber]} />
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
