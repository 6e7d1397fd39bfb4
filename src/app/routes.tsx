import type { RouteObject } from 'react-router';
import { useCompass } from '../data/use-compass.ts';
import { CompassGate } from '../features/bank/CompassGate.tsx';
import { CompassOverview } from '../features/bank/CompassOverview.tsx';
import { StatementList } from '../features/bank/StatementList.tsx';
import { Layout } from './Layout.tsx';
import { NotFound } from './NotFound.tsx';
import { paths } from './paths.ts';

/** The compass this build serves. */
export const COMPASS_ID = 'socialpolitik';

function HomeRoute() {
  const load = useCompass(COMPASS_ID);
  return (
    <CompassGate load={load}>{(compass) => <CompassOverview compass={compass} />}</CompassGate>
  );
}

function StatementsRoute() {
  const load = useCompass(COMPASS_ID);
  return <CompassGate load={load}>{(compass) => <StatementList compass={compass} />}</CompassGate>;
}

export const routes: RouteObject[] = [
  {
    element: <Layout />,
    children: [
      { path: paths.home, element: <HomeRoute /> },
      { path: paths.statements, element: <StatementsRoute /> },
      { path: '*', element: <NotFound /> },
    ],
  },
];
