/**
 * The shoe requests of the Shoes screen (src/http/API.md), and how a failed one is told to the runner: a
 * field's error next to that field, anything else as a message for the whole form.
 */
import { ApiError, api } from '../api.ts';
import type { NewShoeBody, ShoeResponse, Sport } from '../types/shoes.ts';

export const addShoe = (body: NewShoeBody) => api<ShoeResponse>('/shoes', { method: 'POST', body });

export const renameShoe = (id: string, name: string) =>
  api<ShoeResponse>(`/shoes/${encodeURIComponent(id)}`, { method: 'PATCH', body: { name } });

export const setShoeDefaults = (id: string, defaultFor: Sport[]) =>
  api<ShoeResponse>(`/shoes/${encodeURIComponent(id)}`, { method: 'PATCH', body: { defaultFor } });

export const retireShoe = (id: string) =>
  api<ShoeResponse>(`/shoes/${encodeURIComponent(id)}/retire`, { method: 'POST', body: {} });

export const deleteShoe = (id: string) =>
  api<{ deleted: unknown }>(`/shoes/${encodeURIComponent(id)}`, { method: 'DELETE' });

export type ShoeField = 'name' | 'brand' | 'model' | 'startDistance';

/** Which form field a server error is about, from its code or `details.field` ("body.name"). */
export function fieldOfError(error: unknown): ShoeField | null {
  if (!(error instanceof ApiError)) return null;
  if (error.code === 'SHOE_NAME_TAKEN') return 'name';
  const raw = error.details.field;
  const field = typeof raw === 'string' ? raw.replace(/^body\./, '').split('.')[0] : '';
  if (field === 'name' || field === 'NAME') return 'name';
  if (field === 'brand') return 'brand';
  if (field === 'model') return 'model';
  if (field === 'startDistanceM') return 'startDistance';
  return null;
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Puts the given runs in this pair, moving them from any other pair. */
export const assignShoe = (id: string, runIds: string[]) =>
  api<{ assigned: number }>(`/shoes/${encodeURIComponent(id)}/assign`, {
    method: 'POST',
    body: { runIds, replace: true },
  });

/** Leaves the given runs without shoes. */
export const unassignShoes = (runIds: string[]) =>
  api<{ unassigned: number }>('/shoes/unassign', { method: 'POST', body: { runIds } });
