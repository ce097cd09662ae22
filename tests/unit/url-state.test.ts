// The view's URL: expansions, collapses and the path question survive a round trip through the address
// bar, and hand-edited values that could mislead the view are dropped rather than trusted.
import { describe, expect, it } from '@jest/globals';
import { createUrlState, decodePath, encodePath } from '../../client/src/url-state.ts';

/** Just enough of a Window for the URL state: an address and a history that records what was written. */
function fakeWindow(href: string) {
  const win = {
    location: { href },
    history: {
      pushState: (_state: unknown, _title: string, url: URL) => void (win.location.href = String(url)),
      replaceState: (_state: unknown, _title: string, url: URL) => void (win.location.href = String(url)),
    },
    addEventListener: () => undefined,
  };
  return win;
}

describe('the view URL', () => {
  it('round-trips expansions, collapses and the path question, keeping entity ids with colons intact', () => {
    const win = fakeWindow('https://x.test/?entity=hikvision&other=kept');
    const url = createUrlState(win as unknown as Window);
    url.write({ exp: ['moyu-haishi:up', 'gb:coh:123:down'], col: ['hikvision:down'], path: { from: 'cethik', to: 'moyu-haishi', any: false, hops: 6 } }, 'replace');
    const state = url.read();
    expect(state.exp).toEqual(['moyu-haishi:up', 'gb:coh:123:down']);
    expect(state.col).toEqual(['hikvision:down']);
    expect(state.path).toEqual({ from: 'cethik', to: 'moyu-haishi', any: false, hops: 6 });
    expect(new URL(win.location.href).searchParams.get('other')).toBe('kept');
  });

  it('drops the parameters when the lists are emptied or the path cleared', () => {
    const win = fakeWindow('https://x.test/?entity=a&exp=b%3Aup&col=c%3Adown&path=a%2Cb%2Cany%2C3');
    const url = createUrlState(win as unknown as Window);
    url.write({ exp: [], col: [], path: null }, 'replace');
    expect([...new URL(win.location.href).searchParams.keys()]).toEqual(['entity']);
  });

  it('ignores malformed sides, duplicates and path questions', () => {
    const url = createUrlState(fakeWindow('https://x.test/?exp=a%3Aup,a%3Aup,b%3Asideways,%3Aup,c%3Adown&path=a%2Cb%2Cown%2C11') as unknown as Window);
    expect(url.read().exp).toEqual(['a:up', 'c:down']);
    expect(url.read().path).toBeNull();
    expect(decodePath('a,b,any,10')).toEqual({ from: 'a', to: 'b', any: true, hops: 10 });
    for (const bad of ['a,b,own', 'a,b,both,3', 'a,,own,3', 'a b,c,own,3', 'a,b,own,0', 'a,b,own,3,extra', '']) expect(decodePath(bad)).toBeNull();
    expect(encodePath({ from: 'x', to: 'y', any: true, hops: 2 })).toBe('x,y,any,2');
  });
});
