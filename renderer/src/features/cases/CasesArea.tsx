// The 办件查询 area: the desk, a case page or a project page, chosen by the URL hash.
import { useRouteStore } from '../../app/stores/routeStore';
import { CasePage } from './CasePage';
import { DeskPage } from './DeskPage';
import { ProjectPage } from './ProjectPage';

export function CasesArea() {
  const params = useRouteStore((s) => s.route.params);
  const [kind, id] = params;
  if (kind === 'case' && id) return <CasePage key={id} caseId={id} />;
  if (kind === 'project' && id) return <ProjectPage key={id} projectId={id} />;
  return <DeskPage />;
}
