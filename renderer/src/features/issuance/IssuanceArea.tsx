// The 发证 area: the desk (queue), a case's issue page, or certificate verification, by URL hash.
import { useRouteStore } from '../../app/stores/routeStore';
import { IssuanceDesk } from './IssuanceDesk';
import { IssuePage } from './IssuePage';
import { VerifyPage } from './VerifyPage';

export function IssuanceArea() {
  const params = useRouteStore((s) => s.route.params);
  const [kind, id] = params;
  if (kind === 'case' && id) return <IssuePage key={id} caseId={id} />;
  if (kind === 'verify') return <VerifyPage />;
  return <IssuanceDesk />;
}
