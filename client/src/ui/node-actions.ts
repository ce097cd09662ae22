// Expand and collapse one entity's owners or subsidiaries on demand, from the details pane.
import type { Direction } from '../graph/model.ts';
import { h } from './dom.ts';

export interface NodeActionState {
  /** Whether the neighbours on that side are hidden by a collapse. */
  collapsed: Record<Direction, boolean>;
  /** Whether that side has already been fetched for this entity. */
  expanded: Record<Direction, boolean>;
}

export interface NodeActionHandlers {
  expand(id: string, direction: Direction): void;
  collapse(id: string, direction: Direction): void;
}

const words: Record<Direction, { noun: string; arrow: string }> = {
  up: { noun: 'owners', arrow: '↑' },
  down: { noun: 'subsidiaries', arrow: '↓' },
};

export function nodeActionsSection(id: string, state: NodeActionState, handlers: NodeActionHandlers): HTMLElement {
  const row = (direction: Direction): HTMLElement => {
    const { noun, arrow } = words[direction];
    const showing = !state.collapsed[direction];
    return h(
      'div',
      { class: 'node-action-row' },
      h('span', { class: 'node-action-label' }, `${arrow} ${noun[0]!.toUpperCase()}${noun.slice(1)}`),
      h(
        'button',
        { type: 'button', class: 'button button-quiet', 'data-action': `expand-${direction}`, onClick: () => handlers.expand(id, direction) },
        state.expanded[direction] && showing ? 'One level more' : 'Show',
        h('span', { class: 'visually-hidden' }, ` ${noun}`),
      ),
      h('button', { type: 'button', class: 'button button-quiet', 'data-action': `collapse-${direction}`, disabled: !showing, onClick: () => handlers.collapse(id, direction) }, 'Hide', h('span', { class: 'visually-hidden' }, ` ${noun}`)),
    );
  };
  return h('section', { class: 'panel-section node-actions' }, h('h3', {}, 'Explore from here'), row('up'), row('down'));
}
