// The right-hand sidebar: tabs for the selected entity's details, the path finder and "what changed".
import { h, replaceChildren } from './dom.ts';

export type SidebarTab = 'details' | 'paths' | 'changes';

const TITLES: Record<SidebarTab, string> = { details: 'Details', paths: 'Paths', changes: 'What changed' };

export interface Sidebar {
  readonly panes: Record<SidebarTab, HTMLElement>;
  show(tab: SidebarTab): void;
  readonly current: SidebarTab;
  setVisible(visible: boolean): void;
}

export function createSidebar(container: HTMLElement, onTab: (tab: SidebarTab) => void = () => undefined): Sidebar {
  const tabs = (Object.keys(TITLES) as SidebarTab[]).map((tab) =>
    h('button', { type: 'button', role: 'tab', id: `tab-${tab}`, class: 'sidebar-tab', 'aria-controls': `pane-${tab}`, 'aria-selected': 'false', 'data-tab': tab, tabindex: '-1' }, TITLES[tab]),
  );
  const panes = Object.fromEntries(
    (Object.keys(TITLES) as SidebarTab[]).map((tab) => [tab, h('div', { role: 'tabpanel', id: `pane-${tab}`, class: `sidebar-pane pane-${tab}`, 'aria-labelledby': `tab-${tab}`, hidden: true })]),
  ) as unknown as Record<SidebarTab, HTMLElement>;
  const tablist = h('div', { role: 'tablist', class: 'sidebar-tabs', 'aria-label': 'Sidebar' }, ...tabs);
  replaceChildren(container, tablist, ...Object.values(panes));
  let current: SidebarTab = 'details';

  function show(tab: SidebarTab): void {
    current = tab;
    for (const button of tabs) {
      const on = button.dataset['tab'] === tab;
      button.setAttribute('aria-selected', String(on));
      button.tabIndex = on ? 0 : -1;
    }
    for (const [name, pane] of Object.entries(panes)) pane.hidden = name !== tab;
    onTab(tab);
  }

  for (const button of tabs) button.addEventListener('click', () => show(button.dataset['tab'] as SidebarTab));
  // Arrow keys move between tabs, as the WAI-ARIA tabs pattern expects.
  tablist.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    const index = tabs.findIndex((button) => button.dataset['tab'] === current);
    const next = tabs[(index + (event.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length]!;
    show(next.dataset['tab'] as SidebarTab);
    next.focus();
  });
  show('details');
  container.hidden = true;

  return {
    panes,
    show,
    get current() {
      return current;
    },
    setVisible(visible) {
      container.hidden = !visible;
    },
  };
}
