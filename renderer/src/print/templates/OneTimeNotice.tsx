import { usePrint } from '../context';
import { Addressee, DocNumber, OfficeSign, OfficerLine, Para, Title } from '../components/Official';
import { printedPhone } from '../maskPolicy';
import type { OneTimeNoticeData } from '../types';

/** Who asked and their phone (masked: this list goes to whoever asked); what is missing is left out. */
function EnquirerLine({ data }: { data: OneTimeNoticeData }) {
  const { t } = usePrint();
  const contact = data.contact.trim();
  const phone = printedPhone('oneTimeNotice', data.phone);
  if (!contact && !phone) return null;
  const key = contact && phone ? 'contactLine' : contact ? 'contactOnly' : 'phoneOnly';
  return <p className="plain">{t(`oneTime.${key}`, { contact, phone })}</p>;
}

/** 一次性告知单: the personalised list of materials from a counselling session. */
export function OneTimeNotice({ data }: { data: OneTimeNoticeData }) {
  const { t } = usePrint();
  return (
    <>
      <Title text={t('oneTime.title')} />
      <DocNumber value={t('oneTime.number', { number: data.sessionNumber })} />
      <Addressee name={data.applicantName} />
      <Para intro>{t('oneTime.intro')}</Para>
      {data.answers.length > 0 ? (
        <>
          <p className="plain">{t('oneTime.situation')}</p>
          <ul className="list">
            {data.answers.map((a) => (
              <li key={a.question}>
                {t('oneTime.answer', { question: a.question, answer: a.answer })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {data.matters.map((matter, mi) => (
        <section key={matter.name}>
          <h2 className="matter">
            {t('oneTime.matter', {
              n: mi + 1,
              name: matter.name,
              days: matter.promisedLimitDays,
            })}
          </h2>
          <table className="grid">
            <thead>
              <tr>
                <th>{t('common.materials.seq')}</th>
                <th>{t('common.materials.name')}</th>
                <th>{t('common.materials.form')}</th>
                <th>{t('common.materials.copies')}</th>
                <th>{t('oneTime.note')}</th>
              </tr>
            </thead>
            <tbody>
              {matter.materials.map((m, i) => (
                <tr key={`${i}-${m.name}`}>
                  <td className="num">{i + 1}</td>
                  <td>{m.name}</td>
                  <td className="num">{t(`common.form.${m.form}`)}</td>
                  <td className="num">{m.copies}</td>
                  <td>{m.note ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
      <Para>{t('oneTime.promise')}</Para>
      <EnquirerLine data={data} />
      <OfficerLine officer={data.officer} />
      <OfficeSign office={data.office} date={data.counselledOn} />
    </>
  );
}

export const oneTimeCss = `
h2.matter{font-size:13pt;font-weight:700;margin:2mm 0 1.5mm}
`;
