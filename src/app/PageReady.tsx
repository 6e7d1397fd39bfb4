import { useEffect } from 'react';
import { useLocation } from 'react-router';
import { READY_ATTRIBUTE } from '../config/boot-contract.ts';

/**
 * Marks the page as ready (READY_ATTRIBUTE on `<html>`, its value the page's path) once the part
 * it is in has been committed: put it beside a page's content inside the Suspense boundary that
 * waits for that page's code, strings and data, so that its effect runs only when they are shown.
 * The path in the value keeps a page that is still the previous one from passing for the next.
 */
export function PageReady() {
  const { pathname } = useLocation();
  useEffect(() => {
    document.documentElement.setAttribute(READY_ATTRIBUTE, pathname);
  }, [pathname]);
  return null;
}
