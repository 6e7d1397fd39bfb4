import { useEffect, useState } from 'react';
import { checkService } from '../../data/classroom-client.ts';

/** Whether this site runs the classroom service: `checking` until `/api/health` has answered. */
export function useService(): 'checking' | 'present' | 'absent' {
  const [service, setService] = useState<'checking' | 'present' | 'absent'>('checking');
  useEffect(() => {
    let live = true;
    void checkService().then((answer) => {
      if (live) setService(answer);
    });
    return () => {
      live = false;
    };
  }, []);
  return service;
}
