import { useEffect, useState } from 'react';
import { checkService } from './classroom-client.ts';

/**
 * Whether this site runs the classroom service: `checking` until `/api/health` has answered. The
 * pupils' and the teacher's pages both ask before offering anything that needs the service.
 */
export function useClassroomService(): 'checking' | 'present' | 'absent' {
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
