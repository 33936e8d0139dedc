import { usePrint } from '../context';
import type { ReceivedMaterial } from '../types';

/** The received-materials table of notices and receipts (name, original/copy, copies, pages). */
export function MaterialsTable({ materials }: { materials: ReceivedMaterial[] }) {
  const { t } = usePrint();
  return (
    <table className="grid">
      <thead>
        <tr>
          <th>{t('common.materials.seq')}</th>
          <th>{t('common.materials.name')}</th>
          <th>{t('common.materials.form')}</th>
          <th>{t('common.materials.copies')}</th>
          <th>{t('common.materials.pages')}</th>
        </tr>
      </thead>
      <tbody>
        {materials.map((m, i) => (
          <tr key={`${i}-${m.name}`}>
            <td className="num">{i + 1}</td>
            <td>{m.name}</td>
            <td className="num">{t(`common.form.${m.form}`)}</td>
            <td className="num">{m.copies}</td>
            <td className="num">{m.pages}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
