// A worded status pill (never colour alone), shared by search results, tables and the side panel.
import type { ExposureStatus } from '../api-types.ts';
import { h } from './dom.ts';

export const statusNames: Record<ExposureStatus, string> = {
  listed: 'Listed',
  exposed: 'Exposed',
  possibly_exposed: 'Possibly exposed',
  clear: 'Clear',
};

const pillClass: Record<ExposureStatus, string> = {
  listed: 'pill-listed',
  exposed: 'pill-exposed',
  possibly_exposed: 'pill-possibly',
  clear: 'pill-clear',
};

export function statusPill(status: ExposureStatus, text: string = statusNames[status]): HTMLSpanElement {
  return h('span', { class: `pill ${pillClass[status]}`, 'data-status': status }, text);
}
